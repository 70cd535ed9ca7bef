//! Where each value was last set (`model::merge::provenance`), as a folder's reading keeps it:
//! this browser's marks made before a merge, and the marks of what it took kept after.

use super::{FolderSync, SyncError};
use crate::format::Imported;
use crate::model::merge::provenance::Provenance;
use crate::model::{Strategy, Timestamp};
use crate::storage::{Ancestry, Backend, Store};

/// An event's number: the time in seconds (a member's numbers only grow: `Provenance::stamp`).
fn seconds(now: &str) -> u64 {
    Timestamp::parse(now).and_then(|t| t.unix_seconds()).unwrap_or(0)
}

impl FolderSync {
    /// This browser's marks of its current version, made now, and the file's: `None` when the
    /// file carries none (written by an older build; the merge is then from the base at hand).
    pub(super) async fn ours_marks<B: Backend>(
        &self,
        store: &Store<B>,
        ancestry: &Ancestry,
        imported: &Imported,
        now: &str,
    ) -> Result<Option<(Provenance, Provenance)>, SyncError> {
        let Some(theirs) = imported.marks() else { return Ok(None) };
        let stored = store.marks(&self.strategy).await.map_err(SyncError::Storage)?;
        Ok(Some((stored.stamp(&ancestry.current, &self.me.id, seconds(now)), theirs)))
    }

    /// The marks of `result`, taken or merged from the file `imported` over `ours` (marked
    /// `ours_marks`; `None`: marked now), kept beside the version staged last. A file without
    /// marks has every value unknown (what it brought is never marked as this browser's edit).
    pub(super) async fn keep_marks<B: Backend>(
        &mut self,
        store: &Store<B>,
        (ours, ours_marks): (&Strategy, Option<&Provenance>),
        result: &Strategy,
        imported: &Imported,
        now: &str,
    ) -> Result<(), SyncError> {
        let theirs = imported.marks().unwrap_or_default();
        let at = seconds(now);
        let ours_marks = match ours_marks {
            Some(m) => m.clone(),
            None => store.marks(&self.strategy).await.map_err(SyncError::Storage)?.stamp(ours, &self.me.id, at),
        };
        let kept = Provenance::merged(result, (ours, &ours_marks), (&imported.strategy, &theirs), &self.me.id, at);
        self.marks_to_keep = Some(kept);
        Ok(())
    }

    /// The marks made by [`FolderSync::keep_marks`], beside the version staged last.
    pub(super) fn stage_marks(&mut self) -> Result<(), SyncError> {
        match self.marks_to_keep.take() {
            Some(marks) => self.staged.keep_marks(&self.strategy, &marks).map_err(SyncError::Storage),
            None => Ok(()),
        }
    }
}
