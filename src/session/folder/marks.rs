//! Where each value was last set (`model::merge::provenance`), as a folder's reading keeps it:
//! this browser's marks made before a merge, and the marks of what it took kept after. Each
//! side is flattened once for all the marks read of it ([`Marked`]), and the version a merge
//! or take made is the next file's "ours" as it was marked ([`Kept`]): a reading of ten files
//! flattens and marks each version it makes once, not twice.

use super::{FolderSync, SyncError};
use crate::format::Imported;
use crate::model::merge::provenance::{exact_base, Flattened, Provenance};
use crate::model::{Strategy, Timestamp};
use crate::storage::{Ancestry, Backend, Store};
use std::borrow::Cow;

/// Both sides' marks before a merge, and both sides as the marks read them.
pub(super) struct Marked {
    ours: Provenance,
    theirs: Provenance,
    flats: [Flattened; 2],
}

impl Marked {
    /// `approx` made exact where either side's marks say the other had seen its edit.
    pub(super) fn exact_base(&self, approx: &Strategy) -> Strategy {
        let [ours, theirs] = &self.flats;
        exact_base(approx, (ours, &self.ours), (theirs, &self.theirs))
    }
}

/// The marks a reading made: of the version about to be staged, and of the last version it
/// made, with that version as the marks read it.
#[derive(Debug, Default)]
pub(super) struct Kept {
    to_stage: Option<Provenance>,
    last: Option<(Strategy, Flattened, Provenance)>,
}

/// An event's number: the time in seconds (a member's numbers only grow: `Provenance::stamp`).
fn seconds(now: &str) -> u64 {
    Timestamp::parse(now).and_then(|t| t.unix_seconds()).unwrap_or(0)
}

impl FolderSync {
    /// This browser's marks of its current version, made now, and the file's: `None` when the
    /// file carries none (written by an older build; the merge is then from the base at hand).
    pub(super) async fn ours_marks<B: Backend>(
        &mut self,
        store: &Store<B>,
        ancestry: &Ancestry,
        imported: &Imported,
        now: &str,
    ) -> Result<Option<Marked>, SyncError> {
        let Some(theirs) = imported.marks() else { return Ok(None) };
        let theirs_flat = Flattened::of(&imported.strategy);
        // The version this reading made last, unchanged since: marked already.
        if let Some((_, flat, ours)) = self.marks.last.take_if(|(made, ..)| *made == ancestry.current) {
            return Ok(Some(Marked { ours, theirs, flats: [flat, theirs_flat] }));
        }
        let stored = store.marks(&self.strategy).await.map_err(SyncError::Storage)?;
        let ours_flat = Flattened::of(&ancestry.current);
        let ours = stored.stamp(&ours_flat, &self.me.id, seconds(now));
        Ok(Some(Marked { ours, theirs, flats: [ours_flat, theirs_flat] }))
    }

    /// The marks of `result`, taken or merged from the file `imported` over `ours` (marked
    /// before the merge: `marked`; `None`: marked now), kept beside the version staged last. A
    /// file without marks has every value unknown (what it brought is never marked as this
    /// browser's edit).
    pub(super) async fn keep_marks<B: Backend>(
        &mut self,
        store: &Store<B>,
        (ours, marked): (&Strategy, Option<&Marked>),
        result: &Strategy,
        imported: &Imported,
        now: &str,
    ) -> Result<(), SyncError> {
        let at = seconds(now);
        let made;
        let (ours_marks, [ours, theirs], theirs_marks) = match marked {
            Some(m) => (Cow::Borrowed(&m.ours), &m.flats, Cow::Borrowed(&m.theirs)),
            None => {
                made = [ours, &imported.strategy].map(Flattened::of);
                let stored = store.marks(&self.strategy).await.map_err(SyncError::Storage)?;
                (
                    Cow::Owned(stored.stamp(&made[0], &self.me.id, at)),
                    &made,
                    Cow::Owned(imported.marks().unwrap_or_default()),
                )
            }
        };
        // A take's result is the file's strategy itself: flattened once.
        let result_flat = match std::ptr::eq(result, &imported.strategy) {
            true => theirs.clone(),
            false => Flattened::of(result),
        };
        let kept = Provenance::merged(&result_flat, (ours, &ours_marks), (theirs, &theirs_marks), &self.me.id, at);
        self.marks.last = Some((result.clone(), result_flat, kept.clone()));
        self.marks.to_stage = Some(kept);
        Ok(())
    }

    /// The marks made by [`FolderSync::keep_marks`], beside the version staged last.
    pub(super) fn stage_marks(&mut self) -> Result<(), SyncError> {
        match self.marks.to_stage.take() {
            Some(marks) => self.staged.keep_marks(&self.strategy, &marks).map_err(SyncError::Storage),
            None => Ok(()),
        }
    }
}
