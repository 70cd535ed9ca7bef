//! The version a member's file is merged from: the nearest version both have, from what is at
//! hand — the history, the version last taken from each member (kept in storage, and in this
//! tab for one met in conflict), the own file as last written, the base the file carries — and
//! after a criss-cross the merge of the nearest ones.

use super::files::read_file;
use super::merging::At;
use super::reading::SyncError;
use super::sync::FolderSync;
use crate::format::CarriedBase;
use crate::history::{FileVersion, MergeBase};
use crate::model::VersionId;
use crate::session::stopwatch::Stopwatch;
use crate::storage::{Ancestry, Backend, Folder, FolderEntry, KnownVersion};

impl FolderSync {
    /// The version to merge `theirs` from (`nearest`: the nearest versions both descend from,
    /// as `Relation::Diverged` gives them; `bases`: those, or with none, the versions of theirs
    /// this browser keeps): the nearest version both have — from what is at
    /// hand at once; when it is not, from the versions last taken from each member and the own
    /// file as last written too (read only now), before an older one. After a criss-cross (two
    /// members each merged the other's), the merge of the nearest ones, as both sides make it.
    pub(super) async fn base_for<B: Backend, F: Folder>(
        &mut self,
        at: &At<'_, B, F, impl Stopwatch>,
        ancestry: &Ancestry,
        theirs: &FileVersion,
        (nearest, bases): (&[VersionId], &[VersionId]),
        carried: Option<&CarriedBase<'_>>,
    ) -> Result<Option<MergeBase>, SyncError> {
        let store = at.store;
        let first = &bases[..bases.len().min(1)];
        let at_hand: Vec<&KnownVersion> =
            self.bases.iter().chain(&self.known).chain(self.last_taken.iter().map(|(_, k)| k)).collect();
        let at_once = store.merge_base(ancestry, first, carried, &at_hand).await;
        if let (Some((base, _)), [id]) = (&at_once, first) {
            if !at_hand.iter().any(|k| k.id == *id) {
                // Kept for the next file of this reading, and the same in memory as this one:
                // what the merge leaves unchanged is then shared, and compared at once.
                self.bases.push(KnownVersion { id: *id, strategy: base.clone() });
            }
        }
        if let (Some((strategy, in_file)), true) = (at_once, nearest.len() <= 1) {
            // The one nearest version itself is exact; with none known, a version of theirs.
            return Ok(Some(MergeBase { strategy, in_file, exact: nearest.len() == 1 }));
        }
        // Not at hand, or a criss-cross: the versions last taken from each member and the own
        // file as last written too.
        let mut more = store.taken_versions(&self.strategy).await.map_err(SyncError::Storage)?;
        if let Some(own) = self.own_version(at.folder, at.own_entry, bases, at.clock).await {
            more.push(own);
        }
        let at_hand: Vec<&KnownVersion> =
            self.bases.iter().chain(&self.known).chain(self.last_taken.iter().map(|(_, k)| k)).collect();
        let all: Vec<&KnownVersion> = at_hand.into_iter().chain(&more).collect();
        Ok(store.merge_base_among(ancestry, theirs, (nearest, bases), carried, &all).await)
    }

    /// A member's version taken (and kept in storage by the batch that stored it) or met in
    /// conflict: at hand for the next file's merge in this reading, and the one a later file of
    /// theirs is most likely merged from.
    pub(super) fn remember(&mut self, member: &str, version: KnownVersion) {
        self.last_taken.retain(|(m, _)| m != member);
        self.last_taken.push((member.to_owned(), version));
    }

    /// The own file read whole, when the version it holds is one of `bases` and not at hand.
    async fn own_version<F: Folder>(
        &mut self,
        folder: &F,
        own: Option<&FolderEntry>,
        bases: &[VersionId],
        clock: &impl Stopwatch,
    ) -> Option<KnownVersion> {
        let written = self.written.filter(|w| bases.contains(w) && !self.known.iter().any(|k| k.id == *w))?;
        let read = read_file(folder, own?, &self.me.id, &self.strategy, clock).await.ok()?;
        let version = KnownVersion { id: written, strategy: read.imported.strategy };
        self.known.push(version.clone());
        Some(version)
    }
}
