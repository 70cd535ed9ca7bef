//! Where each value was last set (`model::merge::provenance`), as a folder's reading keeps it:
//! this browser's marks made before a merge, and the marks of what it took kept after. Each
//! side is read as a typed table once for all the marks read of it ([`Sides`]), and the version a merge
//! or take made is the next file's "ours" as it was marked ([`MarksAtHand`]): a reading of ten files
//! reads and marks each version it makes once, not twice.

use super::reading::SyncError;
use super::sync::FolderSync;
use crate::format::Imported;
use crate::history;
use crate::history::marks::Sides;
use crate::model::merge::provenance::{Provenance, Tabled};
use crate::model::Strategy;
use crate::session::stopwatch::Stopwatch;
use crate::storage::{Ancestry, Backend, Store};

/// What a reading made of a member's file.
pub(super) enum MemberTaken<'a> {
    /// Taken as it is (this browser's version had nothing the file lacks).
    AsItIs,
    /// Merged with this browser's version into this.
    Merged(&'a Strategy),
}

/// The step a folder's reading times the marks' work under.
const STEP: &str = "shirube:folder-marks";

impl FolderSync {
    /// This browser's marks of its current version, made now, and the file's: `None` when the
    /// file carries none (written by an older build; the merge is then from the base at hand).
    /// Each whole version read in a step of its own (`shirube:folder-marks`).
    pub(super) async fn ours_marks<B: Backend>(
        &mut self,
        store: &Store<B>,
        ancestry: &Ancestry,
        imported: &Imported,
        (now, clock): (&str, &impl Stopwatch),
    ) -> Result<Option<Sides>, SyncError> {
        let Some(theirs) = imported.marks() else { return Ok(None) };
        let (ours_table, ours) = self.current_marked(store, &ancestry.current, (now, clock)).await?;
        clock.yield_now().await;
        // Read beside ours: what it repeats of ours is not read again.
        let theirs_table = clock.timed(STEP, || Tabled::of_like(&imported.strategy, &[&ours_table]));
        Ok(Some(Sides { ours: (ours_table, ours), theirs: (theirs_table, theirs) }))
    }

    /// The current version as the marks read it, and its marks made now: the version this
    /// reading made last, unchanged since, is marked already.
    async fn current_marked<B: Backend>(
        &mut self,
        store: &Store<B>,
        current: &Strategy,
        (now, clock): (&str, &impl Stopwatch),
    ) -> Result<(Tabled, Provenance), SyncError> {
        if let Some((_, table, marks)) = self.marks.last.take_if(|(made, ..)| made == current) {
            return Ok((table, marks));
        }
        let stored = store.marks(&self.strategy).await.map_err(SyncError::Storage)?;
        Ok(clock.timed(STEP, || {
            let table = Tabled::of(current);
            let marks = history::marks::leaving(&stored, &table, &self.marker, now);
            (table, marks)
        }))
    }

    /// The marks of what the reading made of the file `imported` (`result`: taken as it is, or
    /// merged) over `ours` (marked before the merge: `marked`; `None`: marked now), kept beside
    /// the version staged last. A file without marks has every value unknown (what it brought
    /// is never marked as this browser's edit).
    pub(super) async fn keep_marks<B: Backend>(
        &mut self,
        store: &Store<B>,
        (ours, marked): (&Strategy, Option<Sides>),
        result: MemberTaken<'_>,
        imported: &Imported,
        (now, clock): (&str, &impl Stopwatch),
    ) -> Result<(), SyncError> {
        let Sides { ours: (ours, ours_marks), theirs: (theirs, theirs_marks) } = match marked {
            Some(m) => m,
            None => {
                let (table, marks) = self.current_marked(store, ours, (now, clock)).await?;
                clock.yield_now().await;
                let theirs = clock.timed(STEP, || Tabled::of_like(&imported.strategy, &[&table]));
                Sides { ours: (table, marks), theirs: (theirs, imported.marks().unwrap_or_default()) }
            }
        };
        clock.yield_now().await;
        // A take's result is the file's strategy itself: read once, and kept, not copied.
        let (result, made) = match result {
            MemberTaken::AsItIs => (&imported.strategy, None),
            MemberTaken::Merged(merged) => {
                (merged, Some(clock.timed(STEP, || Tabled::of_like(merged, &[&ours, &theirs]))))
            }
        };
        clock.yield_now().await;
        let me = &self.marker;
        let result_table = made.as_ref().unwrap_or(&theirs);
        let kept = clock.timed(STEP, || {
            history::marks::made(result_table, (&ours, &ours_marks), (&theirs, &theirs_marks), me, now)
        });
        self.marks.last = Some((result.clone(), made.unwrap_or(theirs), kept.clone()));
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
