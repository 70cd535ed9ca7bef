//! The versions one reading takes from members (`storage::Staged`): each made on the one
//! before in memory, and stored together, in one transaction, at the end of the reading (or
//! sooner, when they hold a lot) — ten members' versions, of a town's strategy or a large one,
//! cost one write, not ten.

use super::reading::{FolderReading, MemberStanding, SyncError, Taken};
use super::sync::FolderSync;
use crate::session::stopwatch::Stopwatch;
use crate::storage::{Ancestry, Backend, KnownVersion, Store};

impl FolderSync {
    /// A version just staged (what it replaced, `replaced`; `taken`, what the panel says of it):
    /// the staged versions stored when they hold enough; else the one it replaced kept at hand,
    /// for a later merge of this reading whose base it is (it is not stored yet) — unless this
    /// reading made it: nobody has seen it, so no member's file descends from it.
    pub(super) async fn staged_one<B: Backend>(
        &mut self,
        store: &Store<B>,
        ancestry: &mut Ancestry,
        replaced: Option<KnownVersion>,
        taken: Taken,
        reading: &mut FolderReading,
        clock: &impl Stopwatch,
    ) -> Result<(), SyncError> {
        reading.taken.push(taken);
        if self.staged.is_full() {
            return self.store_staged(store, ancestry, reading, clock).await;
        }
        let at_hand = |r: &KnownVersion| self.bases.iter().any(|b| b.id == r.id) || self.staged.holds(r.id);
        if let Some(replaced) = replaced.filter(|r| !at_hand(r)) {
            self.bases.push(replaced);
        }
        Ok(())
    }

    /// Stores the versions this reading staged, in one transaction, and says so in `reading`
    /// (each one's undo). When another tab stored the strategy meanwhile, nothing is stored,
    /// and they are not said to be taken: the next reading takes them again.
    pub(super) async fn store_staged<B: Backend>(
        &mut self,
        store: &Store<B>,
        ancestry: &mut Ancestry,
        reading: &mut FolderReading,
        clock: &impl Stopwatch,
    ) -> Result<(), SyncError> {
        if self.staged.is_empty() {
            return Ok(());
        }
        let from = reading.taken.len() - self.staged.len();
        let stored = store.store_staged(ancestry, &mut self.staged);
        match clock.timed_wait("shirube:folder-store", stored).await {
            Ok(kept) => {
                for (taken, undo) in reading.taken[from..].iter_mut().zip(kept) {
                    taken.undo = undo;
                }
                reading.stored = true;
                Ok(())
            }
            Err(e) => {
                let files: Vec<String> = reading.taken.drain(from..).map(|t| t.file).collect();
                for m in reading.members.iter_mut().filter(|m| files.contains(&m.file)) {
                    m.standing = MemberStanding::Behind;
                }
                Err(SyncError::Storage(e))
            }
        }
    }
}
