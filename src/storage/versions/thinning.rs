//! Thinning the history as it ages ([`thin`]): every version of the last hour, then the newest
//! of each day for 30 days, then the newest of each month; pinned versions are never thinned,
//! nor a version the strategy itself names (a hearing's version heard, [`Needed`]).

use super::StoredVersion;
use crate::model::hearing::VersionLink;
use crate::model::Timestamp;
use std::collections::HashSet;

/// The versions the strategy being saved names, which thinning keeps whatever their age: the
/// versions its hearings heard (`model::Strategy::versions_heard`). A version is named by its
/// id when both have one, else by the time it was saved (as `model::hearing::reflection::find`
/// finds it).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Needed(Vec<VersionLink>);

impl Needed {
    pub fn of(strategy: &crate::model::Strategy) -> Needed {
        Needed(strategy.versions_heard().cloned().collect())
    }

    /// Whether `v` is one of them.
    pub fn names(&self, v: &StoredVersion) -> bool {
        self.0.iter().any(|link| match (link.id, v.id) {
            (Some(a), Some(b)) if a == b => true,
            _ => !link.saved_at.is_empty() && link.saved_at == v.saved_at,
        })
    }
}

impl From<Vec<VersionLink>> for Needed {
    fn from(links: Vec<VersionLink>) -> Needed {
        Needed(links)
    }
}

/// The versions (`seq`) to drop so that what is kept follows the thinning rule at `now` (ISO
/// times): pinned versions and those `needed` names stay, and count for no day or month.
pub fn thin(versions: &[StoredVersion], now: &str, needed: &Needed) -> Vec<u64> {
    let now_secs = unix_seconds(now);
    let mut kept_buckets: HashSet<String> = HashSet::new();
    let mut drop = Vec::new();
    // Newest first: the newest version of each bucket is the one kept.
    for v in versions.iter().rev() {
        if v.reason.is_pinned() || needed.names(v) {
            continue;
        }
        let age = match (now_secs, unix_seconds(&v.saved_at)) {
            (Some(now), Some(at)) => now.saturating_sub(at),
            // A time that does not read: keep it (nothing is dropped on a guess).
            _ => continue,
        };
        let bucket = if age < 3600 {
            continue;
        } else if age < 30 * 86_400 {
            format!("day {}", v.saved_at.get(..10).unwrap_or_default())
        } else {
            format!("month {}", v.saved_at.get(..7).unwrap_or_default())
        };
        if !kept_buckets.insert(bucket) {
            drop.push(v.seq);
        }
    }
    drop
}

/// Seconds since 1970 of an ISO time (`model::Timestamp`); `None` when it does not read.
fn unix_seconds(iso: &str) -> Option<u64> {
    Timestamp::parse(iso)?.unix_seconds()
}
