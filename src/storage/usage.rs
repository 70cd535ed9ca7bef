//! How much of the browser's storage Shirube's strategies, backups and everything else hold,
//! against what a browser keeps for one site: shown before a save fails for lack of room.

use super::{keys, Backend, StorageError, Store, BROWSER_LIMIT_UNITS};
use std::collections::BTreeMap;

/// UTF-16 units (keys and values, as browsers count them) by what holds them.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Usage {
    pub strategies: usize,
    pub backups: usize,
    /// Shirube's indexes, preferences and unreadable data kept aside, and whatever other pages
    /// of the same site stored: it all counts against the same limit.
    pub other: usize,
    /// The largest stored strategy: a backup of it (before a delete or replacement) takes as
    /// much again.
    pub largest_strategy: usize,
    /// Each backup by its key: which ones are worth deleting to make room.
    pub backup_sizes: BTreeMap<String, usize>,
    /// The kept versions of every strategy (版の履歴): how many, and their size (also counted
    /// in `other`); [`Store::discard_versions`] frees it.
    pub versions: usize,
    pub version_count: usize,
    /// What the browser holds for a site ([`BROWSER_LIMIT_UNITS`]).
    pub limit: usize,
}

impl Usage {
    pub fn used(&self) -> usize {
        self.strategies + self.backups + self.other
    }

    /// `units` as a share of the limit, in whole per cent, rounded (may pass 100 where a
    /// browser allows more); integers, so that no float formatting is built into the app.
    pub fn percent(&self, units: usize) -> usize {
        share_of(units, 100, self.limit)
    }

    /// `units` in tenths of a per cent, rounded (for small shares, shown with one decimal).
    pub fn per_mille(&self, units: usize) -> usize {
        share_of(units, 1000, self.limit)
    }

    /// Nearly full: a strategy of average size may no longer be saved, or backed up before a
    /// delete or replacement.
    pub fn is_nearly_full(&self) -> bool {
        self.used() as u64 * 100 >= NEARLY_FULL_PERCENT as u64 * self.limit as u64
    }

    /// Whether a backup of the largest strategy still fits (true with no strategy): if not,
    /// deleting or replacing it needs it exported first.
    pub fn largest_backup_fits(&self) -> bool {
        self.largest_strategy == 0 || self.used() + self.largest_strategy <= self.limit
    }
}

/// `units * scale / limit`, rounded, in 64 bits: `usize` is 32 bits in wasm, where millions of
/// units times 1,000 overflow.
fn share_of(units: usize, scale: u64, limit: usize) -> usize {
    let limit = limit as u64;
    ((units as u64 * scale + limit / 2).checked_div(limit).unwrap_or(0)) as usize
}

/// From this share on, the strategy list warns.
pub const NEARLY_FULL_PERCENT: usize = 80;

impl<B: Backend> Store<B> {
    /// What the storage holds now, by kind. Reads every key's length, not its value.
    pub async fn usage(&self) -> Result<Usage, StorageError> {
        let mut usage = Usage { limit: BROWSER_LIMIT_UNITS, ..Usage::default() };
        for key in self.backend.keys().await? {
            let Some(units) = self.backend.units(&key).await? else { continue };
            let units = units + key.encode_utf16().count();
            if keys::strategy_id(&key).is_some() {
                usage.strategies += units;
                usage.largest_strategy = usage.largest_strategy.max(units);
            } else if key.starts_with(keys::BACKUP_PREFIX) {
                usage.backups += units;
                usage.backup_sizes.insert(key, units);
            } else {
                if key.starts_with(keys::VERSION_PREFIX) {
                    usage.versions += units;
                    usage.version_count += 1;
                }
                usage.other += units;
            }
        }
        Ok(usage)
    }
}
