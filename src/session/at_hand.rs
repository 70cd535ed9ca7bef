//! The versions at hand for a merge's base (`history::AtHand`), one cache for every path that
//! merges through `history::MergeRun` (a shared folder's reading, 統合する): contents by id from
//! this browser's history or the file's carried version (`Store::first_at_hand`), the versions
//! held whole (read earlier in a reading, the versions last taken from each member in this tab),
//! and, brought in once when the nearest version is not at hand, the versions last taken from
//! each member as storage keeps them and what the path adds (a folder: its own file as last
//! written). And the base a picked file merges from ([`base_for_file`]).

use crate::format::{CarriedBase, Imported, LineageError};
use crate::history::{AtHand, MergeBase, MergeRun};
use crate::model::{Strategy, VersionId};
use crate::storage::{file_version, Ancestry, Backend, KnownVersion, StorageError, Store};

/// The versions a merge of the current version (`ancestry`) and a file's finds its base among.
pub struct VersionsAtHand<'a, B: Backend, M> {
    store: &'a Store<B>,
    ancestry: &'a Ancestry,
    carried: Option<&'a CarriedBase<'a>>,
    /// Versions read from the history for a base, kept for the next merge (a folder's reading
    /// keeps them for all its files: most are merged from the same one).
    read: &'a mut Vec<KnownVersion>,
    /// Versions the path holds whole.
    held: Vec<&'a KnownVersion>,
    /// Brought in by [`AtHand::widen`].
    widened: Option<Vec<KnownVersion>>,
    /// What the path adds when widening (`bases`: the versions looked for first).
    more: M,
    /// What `more` brought (a folder keeps its own file's version).
    pub brought: Option<KnownVersion>,
    /// Reading the versions kept in storage failed while widening (the base is then looked for
    /// without them).
    pub failed: Option<StorageError>,
}

impl<'a, B: Backend, M: AsyncFnMut(Vec<VersionId>) -> Option<KnownVersion>> VersionsAtHand<'a, B, M> {
    pub fn new(
        (store, ancestry): (&'a Store<B>, &'a Ancestry),
        carried: Option<&'a CarriedBase<'a>>,
        read: &'a mut Vec<KnownVersion>,
        held: Vec<&'a KnownVersion>,
        more: M,
    ) -> Self {
        VersionsAtHand { store, ancestry, carried, read, held, widened: None, more, brought: None, failed: None }
    }
}

impl<B: Backend, M: AsyncFnMut(Vec<VersionId>) -> Option<KnownVersion>> AtHand for VersionsAtHand<'_, B, M> {
    async fn find(&mut self, ids: &[VersionId]) -> Option<(Strategy, bool)> {
        let found = {
            let held: Vec<&KnownVersion> =
                self.read.iter().chain(self.held.iter().copied()).chain(self.widened.iter().flatten()).collect();
            let found = self.store.first_at_hand(self.ancestry, ids, self.carried, &held).await;
            match (found, ids) {
                // Read now (not held): kept for the next merge, and the same in memory as this
                // one's, so that what a merge leaves unchanged is shared and compared at once.
                (Some((s, in_file)), [id]) if !held.iter().any(|k| k.id == *id) => (Some((s, in_file)), Some(*id)),
                (found, _) => (found, None),
            }
        };
        if let (Some((s, _)), Some(id)) = &found {
            self.read.push(KnownVersion { id: *id, strategy: s.clone() });
        }
        found.0
    }

    async fn widen(&mut self, bases: &[VersionId]) {
        if self.widened.is_some() {
            return;
        }
        let mut more = match self.store.taken_versions(&self.ancestry.current.id).await {
            Ok(taken) => taken,
            Err(e) => {
                self.failed = Some(e);
                Vec::new()
            }
        };
        self.brought = (self.more)(bases.to_vec()).await;
        more.extend(self.brought.clone());
        self.widened = Some(more);
    }
}

/// No more versions to bring in than storage keeps (統合する).
pub async fn nothing_more(_: Vec<VersionId>) -> Option<KnownVersion> {
    None
}

/// The version to merge `file` (whose strategy is stored here, at `ancestry`) from, by the one
/// merge run (`history::MergeRun::base`); `Ok(None)`: none is at hand; `Err`: the version the
/// file carries is not what it says. A file picked by hand is checked whole before the preview:
/// one whose carried version is not what it says was altered, and is not merged even when this
/// browser has that version (the shared folder checks it only when it needs it).
pub async fn base_for_file<B: Backend>(
    store: &Store<B>,
    ancestry: &Ancestry,
    file: &Imported,
) -> Result<Option<MergeBase>, LineageError> {
    let theirs = file_version(file);
    let carried = file.lineage.as_ref().and_then(|l| l.carried(&file.strategy));
    if let Some(e) = carried.as_ref().and_then(|c| {
        c.get(c.claims()?);
        c.mismatch()
    }) {
        return Err(e);
    }
    let run = MergeRun::new(&ancestry.place, &theirs, ancestry.start(&theirs));
    let mut read = Vec::new();
    let mut at_hand = VersionsAtHand::new((store, ancestry), carried.as_ref(), &mut read, Vec::new(), nothing_more);
    let found = run.base((&ancestry.current, &file.strategy), &mut at_hand).await;
    match (found, carried.and_then(|c| c.mismatch())) {
        (Some(base), _) => Ok(Some(base)),
        (None, Some(e)) => Err(e),
        (None, None) => Ok(None),
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
#[path = "at_hand_tests.rs"]
mod tests;
