//! One member's file merged into the stored strategy, as a folder's reading does it: where
//! the two stand (`history::MergeStart`) decides whether it is in step, behind, taken as it is, or
//! merged from the base both descend from, made exact by both sides' marks; what is taken is
//! staged with its marks, what cannot be taken is a card.

use super::files::read_file;
use super::marks::MemberTaken;
use super::reading::{
    self, Conflicted, FileRefusal, FolderReading, HeldBack, Member, MemberStanding, RefusedFile, SyncError, Taken,
};
use super::sync::{FolderSync, MemberFile};
use crate::format::CarriedBase;
use crate::format::{FileTop, Imported};
use crate::history::{FileVersion, MergeBase, MergeRun, MergeStart};
use crate::model::merge::edited::summary;
use crate::model::merge::{begin_listing, merge_unrelated, merge_with, Merge, Side};
use crate::model::round::ConfirmedChange;
use crate::model::{Strategy, VersionId};
use crate::session::at_hand::VersionsAtHand;
use crate::session::stopwatch::Stopwatch;
use crate::storage::{file_version_written, Ancestry, Backend, Folder, FolderEntry, KnownVersion, Store, TakenFrom};
use std::sync::Arc;

/// What a reading works with: the store, the folder, the own file's entry, the time, the clock.
pub(super) struct At<'a, B: Backend, F, C> {
    pub(super) store: &'a Store<B>,
    pub(super) folder: &'a F,
    pub(super) own_entry: Option<&'a FolderEntry>,
    pub(super) now: &'a str,
    pub(super) clock: &'a C,
}

/// A member's file read, named against the history: its version (`theirs`) and, when the file
/// holds that version as it names it, its strategy's text (`written`, stored as it is).
struct Arrived {
    file: String,
    bytes: usize,
    /// The member's name, as the file says it.
    by: String,
    imported: Imported,
    theirs: FileVersion,
    written: Option<String>,
}

impl Arrived {
    /// A card: `merge` shown the user's way round.
    fn conflict(self, merge: Merge) -> Conflicted {
        let Arrived { file, bytes, by, imported, .. } = self;
        Conflicted { file, bytes, by, imported, merge: Arc::new(merge), theirs_took_ours: false }
    }

    /// Held back: `merged` (of `ours` and theirs) changes values the planning section confirmed.
    fn held(self, (ours, merged): (Strategy, Strategy), changes: Vec<ConfirmedChange>) -> HeldBack {
        let Arrived { file, by, imported, .. } = self;
        HeldBack { file, by, imported, ours, merged, changes }
    }
}

impl FolderSync {
    /// One member's file against the stored strategy (`ancestry`, brought up to date when
    /// something is stored): its line in the panel. Where the two stand decides the rest
    /// (`history::MergeStart`): nothing, their version taken as it is ([`FolderSync::take_one`]), or
    /// merged ([`FolderSync::merge_diverged`]).
    pub(super) async fn merge_one<B: Backend, F: Folder>(
        &mut self,
        at: &At<'_, B, F, impl Stopwatch>,
        ancestry: &mut Ancestry,
        read: MemberFile,
        reading: &mut FolderReading,
    ) -> Result<Member, SyncError> {
        let MemberFile { file, member, bytes, imported, written } = read;
        let by = imported
            .author
            .as_ref()
            .filter(|a| a.id == member || a.id.is_empty())
            .map(|a| reading::bounded_name(&a.name))
            .filter(|n| !n.is_empty())
            .unwrap_or(member.clone());
        // Each long step (this file's fingerprint, the base read, the merge, its result) in a task of its own.
        at.clock.yield_now().await;
        let top = FileTop { head: None, exported_at: imported.exported_at.clone(), author: imported.author.clone() };
        let mut line = Member::of_top(&file, &member, &top, MemberStanding::Behind);
        let (theirs, proved) = file_version_written(&imported, written.as_ref().map(|(_, fp)| *fp));
        // Their strategy's text, when it is the version their file names (kept as it is).
        let written = written.filter(|_| proved).map(|(text, _)| text);
        line.version = Some(theirs.id);
        let arrived = Arrived { file, bytes, by, imported, theirs, written };
        match ancestry.start(&arrived.theirs) {
            MergeStart::InStep => {
                line.standing = MemberStanding::InStep;
                Ok(line)
            }
            MergeStart::Behind => Ok(line),
            MergeStart::Take => self.take_one(at, ancestry, arrived, line, reading).await,
            start @ MergeStart::Merge { .. } => self.merge_diverged(at, ancestry, arrived, start, line, reading).await,
        }
    }

    /// A member's version that descends from the current one, taken as it is: its changes
    /// listed in the panel, staged, unless it changes values the planning section confirmed.
    async fn take_one<B: Backend, F: Folder>(
        &mut self,
        at: &At<'_, B, F, impl Stopwatch>,
        ancestry: &mut Ancestry,
        arrived: Arrived,
        mut line: Member,
        reading: &mut FolderReading,
    ) -> Result<Member, SyncError> {
        let changes = self.confirmed_changes(&ancestry.current, &arrived.imported.strategy, &arrived.by);
        if !changes.is_empty() {
            let merged = arrived.imported.strategy.clone();
            let id = arrived.theirs.id;
            return Ok(self.hold_back(arrived.held((ancestry.current.clone(), merged), changes), id, line, reading));
        }
        // Their changes, for the panel: only theirs are listed (this browser's version is the
        // base), so what they did not change is set aside unread.
        let (current, theirs) = (&ancestry.current, &arrived.imported.strategy);
        let begun =
            at.clock.timed("shirube:folder-flatten", || begin_listing(current, current, theirs, Side::Theirs, None));
        at.clock.yield_now().await;
        let m = at.clock.timed("shirube:folder-merge", || begun.finish());
        line.changes = summary(&m.taken);
        line.standing = MemberStanding::Taken;
        // The version staged in a task of its own (with the listing, it would be a large
        // reading's longest task).
        at.clock.yield_now().await;
        let current = &ancestry.current;
        self.keep_marks(at.store, (current, None), MemberTaken::AsItIs, &arrived.imported, (at.now, at.clock)).await?;
        self.stage_taken(at, ancestry, arrived, None, m.taken.len(), &line, reading).await?;
        Ok(line)
    }

    /// A member's version that has what the current one lacks and lacks some of it (`start`:
    /// `history::MergeStart::Merge`): merged from the base both descend from, made exact by both
    /// sides' marks (`history::MergeRun`), and staged; a card when they conflict or change values the
    /// planning section confirmed; refused when the base the file carries is not what it says.
    async fn merge_diverged<B: Backend, F: Folder>(
        &mut self,
        at: &At<'_, B, F, impl Stopwatch>,
        ancestry: &mut Ancestry,
        arrived: Arrived,
        start: MergeStart,
        mut line: Member,
        reading: &mut FolderReading,
    ) -> Result<Member, SyncError> {
        let (imported, theirs, clock) = (&arrived.imported, &arrived.theirs, at.clock);
        // The base the file carries, checked only when needed (it fingerprints a whole strategy).
        let carried = imported.lineage.as_ref().and_then(|l| l.carried(&imported.strategy));
        let run = MergeRun::new(&ancestry.place, theirs, start);
        let found = self.base_for(at, ancestry, &run, carried.as_ref(), &imported.strategy).await?;
        let base = match found {
            Some(found) => found,
            None if carried.as_ref().and_then(|c| c.mismatch()).is_some() => {
                line.standing = MemberStanding::Refused;
                let reason = FileRefusal::BaseMismatch;
                reading.refused.push(RefusedFile { file: arrived.file, member: line.member.clone(), reason });
                return Ok(line);
            }
            None => {
                // No common version at hand (beyond the history): every difference is a card.
                let m = clock.timed("shirube:folder-merge", || merge_unrelated(&ancestry.current, &imported.strategy));
                if !m.conflicts.is_empty() {
                    let id = theirs.id;
                    return Ok(self.conflicted(arrived.conflict(m), id, line, reading));
                }
                // The same content: merged as from this browser's version.
                MergeBase { strategy: ancestry.current.clone(), in_file: false, exact: true }
            }
        };
        // Made exact by both sides' marks, unless it is the one nearest version (exact already).
        let sides = self.ours_marks(at.store, ancestry, imported, (at.now, clock)).await?;
        let (base, marks) = (&base.strategy, MergeRun::marks(&base, sides.as_ref()));
        let swapped = marks.map(|(o, t)| (t, o));
        clock.yield_now().await;
        // Merged in one order whoever merges (the lower id as "ours"), so that two members
        // making the same merge make the same version. Only the member's changes are listed:
        // what only this browser changed since the base (everything taken before in this
        // reading, too) is set aside unread. Begun and finished in two tasks.
        let ours_first = ancestry.named().0 < theirs.id;
        let begun = clock.timed("shirube:folder-flatten", || match ours_first {
            true => begin_listing(base, &ancestry.current, &imported.strategy, Side::Theirs, marks),
            false => begin_listing(base, &imported.strategy, &ancestry.current, Side::Ours, swapped),
        });
        clock.yield_now().await;
        let m = clock.timed("shirube:folder-merge", || begun.finish());
        if !m.conflicts.is_empty() {
            // Shown the user's way round (this browser's as ours), each side's changes listed.
            let m = merge_with(base, marks, &ancestry.current, &imported.strategy);
            let theirs_took_ours = theirs.parents.len() > 1 && theirs.parents.iter().any(|p| ancestry.place.holds(*p));
            let id = theirs.id;
            let c = Conflicted { theirs_took_ours, ..arrived.conflict(m) };
            return Ok(self.conflicted(c, id, line, reading));
        }
        // Their edits since the base: what the merge took from them, or kept of theirs.
        let changes = if ours_first { m.taken.clone() } else { m.kept.clone() };
        line.changes = summary(&changes);
        line.standing = MemberStanding::Taken;
        clock.yield_now().await;
        let Ok(merged) = clock.timed("shirube:folder-resolve", || m.resolve(&[])) else {
            // The merge does not give a valid strategy (a bug): nothing is stored.
            line.standing = MemberStanding::Unmerged;
            return Ok(line);
        };
        // Its three versions' copies freed, and the version staged, in a task of their own.
        clock.yield_now().await;
        clock.timed("shirube:folder-free", || drop(m));
        let held = self.confirmed_changes(&ancestry.current, &merged, &arrived.by);
        if !held.is_empty() {
            let id = arrived.theirs.id;
            return Ok(self.hold_back(arrived.held((ancestry.current.clone(), merged), held), id, line, reading));
        }
        self.keep_marks(at.store, (&ancestry.current, sides), MemberTaken::Merged(&merged), imported, (at.now, clock))
            .await?;
        self.stage_taken(at, ancestry, arrived, Some(merged), changes.len(), &line, reading).await?;
        Ok(line)
    }

    /// Stages what was taken of `arrived`: their version as it is (`merged`: `None`) or the
    /// merge, beside the marks kept for it; remembered as the version last taken from them.
    #[allow(clippy::too_many_arguments)] // reason: the last step of `take_one` and `merge_diverged`
    async fn stage_taken<B: Backend, F: Folder>(
        &mut self,
        at: &At<'_, B, F, impl Stopwatch>,
        ancestry: &mut Ancestry,
        arrived: Arrived,
        merged: Option<Strategy>,
        changes: usize,
        line: &Member,
        reading: &mut FolderReading,
    ) -> Result<(), SyncError> {
        let Arrived { file, by, imported, theirs, written, .. } = arrived;
        let version = KnownVersion { id: theirs.id, strategy: imported.strategy };
        let from = TakenFrom { member: &line.member, version: &version, written: written.as_deref() };
        let staged = &mut self.staged;
        let replaced = at
            .clock
            .timed("shirube:folder-stage", || match merged {
                None => staged.take_version(ancestry, (&theirs, &by), &from, at.now),
                Some(merged) => staged.take_merge(ancestry, merged, (&theirs, &by), &from, at.now),
            })
            .map_err(SyncError::Storage)?;
        self.stage_marks()?;
        let taken = Taken { file, by, changes, undo: None };
        self.remember(&line.member, version);
        self.staged_one(at.store, ancestry, replaced, taken, reading, at.clock).await
    }
}

impl FolderSync {
    /// The version `run` merges from, among what this reading has at hand (the versions read for
    /// a base before, the own file's, the last taken from each member) and, when the nearest is
    /// not at hand or after a criss-cross, the versions kept in storage and the own file as last
    /// written (read only then, and kept).
    async fn base_for<B: Backend, F: Folder>(
        &mut self,
        at: &At<'_, B, F, impl Stopwatch>,
        ancestry: &Ancestry,
        run: &MergeRun<'_>,
        carried: Option<&CarriedBase<'_>>,
        theirs: &Strategy,
    ) -> Result<Option<MergeBase>, SyncError> {
        let held = self.known.iter().chain(self.last_taken.iter().map(|(_, k)| k)).collect();
        let (written, known) = (self.written, &self.known);
        let (me, strategy) = (&self.me.id, &self.strategy);
        let own = async |bases: Vec<VersionId>| {
            let written = written.filter(|w| bases.contains(w) && !known.iter().any(|k| k.id == *w))?;
            let read = read_file(at.folder, at.own_entry?, me, strategy, at.clock).await.ok()?;
            Some(KnownVersion { id: written, strategy: read.imported.strategy })
        };
        let mut at_hand = VersionsAtHand::new((at.store, ancestry), carried, &mut self.bases, held, own);
        let found = run.base((&ancestry.current, theirs), &mut at_hand).await;
        let (brought, failed) = (at_hand.brought.take(), at_hand.failed.take());
        drop(at_hand);
        if let Some(e) = failed {
            return Err(SyncError::Storage(e));
        }
        self.known.extend(brought);
        Ok(found)
    }

    /// A member's version taken (and kept in storage by the batch that stored it) or met in
    /// conflict: at hand for the next file's merge in this reading, and the one a later file of
    /// theirs is most likely merged from.
    pub(super) fn remember(&mut self, member: &str, version: KnownVersion) {
        self.last_taken.retain(|(m, _)| m != member);
        self.last_taken.push((member.to_owned(), version));
    }
}
