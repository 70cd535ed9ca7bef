//! The version a member's file is merged from: the nearest version both have, from what is at
//! hand — the history, the version last taken from each member (kept in storage, and in this
//! tab for one met in conflict), the own file as last written, the base the file carries — and
//! after a criss-cross the merge of the nearest ones.

use super::SyncError;
use super::{read_file, FolderSync};
use crate::format::CarriedBase;
use crate::history::{self, FileVersion};
use crate::model::{Strategy, VersionId};
use crate::session::stopwatch::Stopwatch;
use crate::storage::{Ancestry, Backend, Folder, FolderEntry, KnownVersion, Store};

impl FolderSync {
    /// The version to merge `theirs` from (`nearest`: the nearest versions both descend from,
    /// as `Relation::Diverged` gives them; `bases`: those, or with none, the versions of theirs
    /// this browser keeps): the nearest version both have — from what is at
    /// hand at once; when it is not, from the versions last taken from each member and the own
    /// file as last written too (read only now), before an older one. After a criss-cross (two
    /// members each merged the other's), the merge of the nearest ones, as both sides make it.
    /// With whether it is exact (the one nearest version itself: `history::MergeBase`).
    #[allow(clippy::too_many_arguments)] // reason: one step of `merge_one`, which owns them all
    pub(super) async fn base_for<B: Backend, F: Folder>(
        &mut self,
        store: &Store<B>,
        folder: &F,
        ancestry: &Ancestry,
        own_entry: Option<&FolderEntry>,
        theirs: &FileVersion,
        (nearest, bases): (&[VersionId], &[VersionId]),
        carried: Option<&CarriedBase<'_>>,
        clock: &impl Stopwatch,
    ) -> Result<Option<(Strategy, bool)>, SyncError> {
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
        if let (Some((base, _)), true) = (at_once, nearest.len() <= 1) {
            // The one nearest version itself is exact; with none known, a version of theirs.
            return Ok(Some((base, nearest.len() == 1)));
        }
        // Not at hand, or a criss-cross: the versions last taken from each member and the own
        // file as last written too.
        let mut more = store.taken_versions(&self.strategy).await.map_err(SyncError::Storage)?;
        if let Some(own) = self.own_version(folder, own_entry, bases, clock).await {
            more.push(own);
        }
        let at_hand: Vec<&KnownVersion> =
            self.bases.iter().chain(&self.known).chain(self.last_taken.iter().map(|(_, k)| k)).collect();
        let all: Vec<&KnownVersion> = at_hand.into_iter().chain(&more).collect();
        let find = async |wanted: Vec<VersionId>| store.merge_base(ancestry, &wanted, carried, &all).await;
        // The one rule of every merge's base (`history::base_for_merge`).
        // With no version in common known, the versions of theirs this browser keeps (`bases`).
        let older = ancestry.place.older_bases(theirs, nearest, || bases.to_vec());
        let graph = ancestry.place.with(theirs);
        Ok(history::base_for_merge(&graph, nearest, older, find).await.map(|b| (b.strategy, b.exact)))
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
