//! A stored strategy's current version with its place in the history ([`StoredPlace`], [`Ancestry`]),
//! as storage read it: the rules (how another file's version stands against it, which versions
//! a take or a merge makes) are `history::Place`'s; here the place moves on as versions are
//! taken — in memory, without reading the stored strategy again.

use super::versions::Origin;
use crate::format::fingerprint;
use crate::history::{self, FileVersion, Graph, Made, Node, Relation, MAX_GRAPH};
use crate::model::{Strategy, VersionId};
use std::ops::{Deref, DerefMut};

/// A version at hand whole, by its id: a folder's file as last read or written.
#[derive(Clone, Debug, PartialEq)]
pub struct KnownVersion {
    pub id: VersionId,
    pub strategy: Strategy,
}

/// Where a stored strategy's current version stands in its history (`history::Place`), without
/// its content, and the head's revision it was read at: what a quiet poll needs.
#[derive(Clone, Debug, Default)]
pub struct StoredPlace {
    pub stand: history::Place,
    /// The head's revision it was read at.
    pub revision: u64,
}

impl Deref for StoredPlace {
    type Target = history::Place;

    fn deref(&self) -> &history::Place {
        &self.stand
    }
}

impl DerefMut for StoredPlace {
    fn deref_mut(&mut self) -> &mut history::Place {
        &mut self.stand
    }
}

impl StoredPlace {
    /// `theirs` taken as it is, over this version (a fast-forward, a replace).
    pub fn taken_origin(&self, theirs: &FileVersion, by: Option<&str>) -> Origin {
        with_graph(Origin::of(self.taken(theirs), by), &self.graph)
    }
}

/// A stored strategy's current version with its place in the history.
#[derive(Clone, Debug)]
pub struct Ancestry {
    pub current: Strategy,
    pub place: StoredPlace,
    /// Kept versions that can be found by id: (id, seq), newest first.
    pub(super) kept: Vec<(VersionId, u64)>,
}

impl Ancestry {
    /// Its revision: a version made from it is stored over it, never over a save made meanwhile.
    pub fn revision(&self) -> u64 {
        self.place.revision
    }

    /// How `theirs` stands against the current version (`history::Place::relation_of`).
    pub fn relation(&self, theirs: &FileVersion) -> Relation {
        self.place.relation_of(|| fingerprint(&self.current), theirs)
    }

    /// What merging `theirs` into the current version starts with (`history::MergeStart`).
    pub fn start(&self, theirs: &FileVersion) -> history::MergeStart {
        history::MergeStart::of(self.relation(theirs), || self.kept_bases(theirs))
    }

    /// The current version's id, and, when it is named only now, its node (stored with what
    /// is made on it).
    pub fn named(&self) -> (VersionId, Option<Node>) {
        self.place.named(|| fingerprint(&self.current))
    }

    /// The bases to merge `theirs` from when the graph knows no version both descend from (the
    /// current version replaced by a file that says nothing of its history, say): the
    /// versions `theirs` descends from that this browser's history keeps, nearest to theirs
    /// first.
    pub fn kept_bases(&self, theirs: &FileVersion) -> Vec<VersionId> {
        history::kept_of(theirs, |id| self.kept.iter().any(|(kept, _)| *kept == id))
    }

    /// `strategy`, made as `origin` on this version, becomes the current one — in memory: it is
    /// stored afterwards ([`Ancestry::stored`]). Returns the version it replaces: its id (when it
    /// is named) and its content.
    pub(super) fn advance(&mut self, strategy: Strategy, origin: Origin) -> (Option<VersionId>, Strategy) {
        let replaced = self.place.advance(origin.made);
        (replaced, std::mem::replace(&mut self.current, strategy))
    }

    /// A version [`Ancestry::advance`] made current was stored, at `revision`, and the one it
    /// replaced is kept in the history as `kept` (its id and number).
    pub(super) fn stored(&mut self, revision: u64, kept: Option<(VersionId, u64)>) {
        if let Some(pair) = kept {
            self.kept.insert(0, pair);
        }
        self.place.revision = revision;
    }

    /// The version a merge of `merged` from this one and `theirs` is (`history::Place::merged`).
    pub fn merge_origin(&self, merged: &Strategy, theirs: &FileVersion, by: Option<&str>) -> Origin {
        self.merge_origin_of(fingerprint(merged), theirs, by)
    }

    /// [`Ancestry::merge_origin`] of a merged strategy whose fingerprint is `fp`.
    pub fn merge_origin_of(&self, fp: VersionId, theirs: &FileVersion, by: Option<&str>) -> Origin {
        with_graph(self.staged_merge_origin(fp, theirs, by), &self.place.graph)
    }

    /// [`Ancestry::merge_origin_of`] for a version staged in a reading: its graph record's text is
    /// left empty, written once for the reading's last version (see [`Ancestry::graph_text`]).
    pub(super) fn staged_merge_origin(&self, fp: VersionId, theirs: &FileVersion, by: Option<&str>) -> Origin {
        Origin::of(self.place.merged(|| fingerprint(&self.current), fp, theirs), by)
    }

    /// `theirs` taken as it is, over this version (a fast-forward).
    pub fn taken_origin(&self, theirs: &FileVersion, by: Option<&str>) -> Origin {
        self.place.taken_origin(theirs, by)
    }

    /// [`Ancestry::taken_origin`] for a version staged in a reading (its graph record's text left
    /// for the last one, see [`Ancestry::graph_text`]), bringing only the nodes this history lacks.
    pub(super) fn staged_taken_origin(&self, theirs: &FileVersion, by: Option<&str>) -> Origin {
        Origin::of(self.place.taken(theirs), by)
    }

    /// The graph record's text of the current version: what an origin made on the version
    /// before carries ([`with_graph`]), made once for the last of a reading's versions, which
    /// alone writes it — not for each (it bounds and writes out the whole history).
    pub(super) fn graph_text(&self) -> String {
        self.place.record(&self.place.tips()).stored_text()
    }
}

/// The version `theirs` is, taken as it is, for a strategy with no history here (an import);
/// [`Ancestry::taken_origin`] over one that has a history.
pub fn taken_origin(theirs: &FileVersion, by: Option<&str>) -> Origin {
    with_graph(Origin::of(Made::imported(theirs), by), &Graph::default())
}

impl Origin {
    /// The version `made`, its graph record's text for the caller to add (see
    /// [`Ancestry::graph_text`]); `by`: the member whose changes it took.
    fn of(made: Made, by: Option<&str>) -> Origin {
        Origin { made, merged_from: by.map(str::to_owned), graph_text: String::new() }
    }
}

/// `origin` with the graph record it writes: `graph` and what `origin` brings, bounded from it.
fn with_graph(mut origin: Origin, graph: &Graph) -> Origin {
    origin.graph_text = origin.made.onto(graph).bounded(&[origin.made.id], MAX_GRAPH).stored_text();
    origin
}
