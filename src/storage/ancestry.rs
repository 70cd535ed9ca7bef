//! Where a stored strategy's current version stands in its history ([`Place`], [`Ancestry`]):
//! how another file's version stands against it, which versions a merge with it makes, and how
//! it moves on as versions are taken — in memory, without reading the stored strategy again.

use super::versions::Origin;
use crate::format::history::{relation_with, version_id, Graph, Node, Relation, MAX_GRAPH};
use crate::format::{fingerprint, FileVersion};
use crate::model::{Strategy, VersionId};

/// A version at hand whole, by its id: a folder's file as last read or written.
#[derive(Clone, Debug, PartialEq)]
pub struct KnownVersion {
    pub id: VersionId,
    pub strategy: Strategy,
}

/// Where a stored strategy's current version stands in its history, without its content:
/// what a quiet poll needs.
#[derive(Clone, Debug, Default)]
pub struct Place {
    /// The current version's id, when it is named.
    pub id: Option<VersionId>,
    /// The versions it is made on.
    pub parents: Vec<VersionId>,
    pub graph: Graph,
    /// The head's revision it was read at.
    pub revision: u64,
}

impl Place {
    /// The current version if it is named, else the versions it is made on.
    pub fn tips(&self) -> Vec<VersionId> {
        match self.id {
            Some(id) => vec![id],
            None => self.parents.clone(),
        }
    }

    /// Whether the current version is, or is made on, version `id`: a file holding it has
    /// nothing this one lacks.
    pub fn holds(&self, id: VersionId) -> bool {
        self.id == Some(id) || self.graph.reaches(&self.tips(), id)
    }

    /// How `theirs` stands against the current version.
    pub fn relation(&self, theirs: &FileVersion) -> Relation {
        relation_with(self.id, &self.tips(), theirs.id, &self.graph, &self.graph.beside(&theirs.graph))
    }

    /// `theirs` taken as it is, over this version (a fast-forward, a replace).
    pub fn taken_origin(&self, theirs: &FileVersion, by: Option<&str>) -> Origin {
        with_graph(taken_origin_bringing(self.graph.lacking(&theirs.graph), theirs, by), &self.graph)
    }

    /// Every version both the current version and `theirs` descend from, nearest first (see
    /// `Graph::common_ancestors`): the older ones to merge from when the nearest are not at hand.
    pub fn common_ancestors(&self, theirs: &FileVersion) -> Vec<VersionId> {
        let brought = self.graph.beside(&theirs.graph);
        self.graph.common_ancestors_with(&brought, &self.tips(), &[theirs.id])
    }

    /// The graph with what `theirs` brings: where two of their nearest common ancestors meet.
    pub fn with(&self, theirs: &FileVersion) -> Graph {
        let mut graph = self.graph.clone();
        graph.extend_nodes(&theirs.graph);
        graph
    }
}

/// A stored strategy's current version with its place in the history.
#[derive(Clone, Debug)]
pub struct Ancestry {
    pub current: Strategy,
    pub place: Place,
    /// Kept versions that can be found by id: (id, seq), newest first.
    pub(super) kept: Vec<(VersionId, u64)>,
}

impl Ancestry {
    /// Its revision: a version made from it is stored over it, never over a save made meanwhile.
    pub fn revision(&self) -> u64 {
        self.place.revision
    }

    /// How `theirs` stands against the current version. A current version not named yet whose
    /// content and parents are a version theirs holds (two members who made the same strategy
    /// from the same example, say) is that version.
    pub fn relation(&self, theirs: &FileVersion) -> Relation {
        if self.place.id.is_none() {
            let (would_be, _) = self.named();
            if theirs.graph.contains(would_be) {
                let mut graph = self.place.graph.clone();
                graph.add(would_be, &self.place.parents);
                let brought = graph.beside(&theirs.graph);
                return relation_with(Some(would_be), &[would_be], theirs.id, &graph, &brought);
            }
        }
        self.place.relation(theirs)
    }

    /// The current version's id, and, when it is named only now, its node (stored with what
    /// is made on it).
    pub fn named(&self) -> (VersionId, Option<Node>) {
        match self.place.id {
            Some(id) => (id, None),
            None => {
                let id = version_id(fingerprint(&self.current), &self.place.parents);
                (id, Some(Node { id, parents: self.place.parents.clone() }))
            }
        }
    }

    /// The bases to merge `theirs` from when the graph knows no version both descend from (the
    /// current version replaced by a file that says nothing of its history, say): the
    /// versions `theirs` descends from that this browser's history keeps, nearest to theirs
    /// first.
    pub fn kept_bases(&self, theirs: &FileVersion) -> Vec<VersionId> {
        let graph = Graph::of_nodes(&theirs.graph);
        graph
            .bounded(&[theirs.id], MAX_GRAPH)
            .iter()
            .filter(|n| self.kept.iter().any(|(id, _)| *id == n.id))
            .map(|n| n.id)
            .collect()
    }

    /// `strategy`, made as `origin` on this version, becomes the current one — in memory: it is
    /// stored afterwards ([`Ancestry::stored`]). Returns the version it replaces: its id (when it
    /// is named) and its content.
    pub(super) fn advance(&mut self, strategy: Strategy, origin: Origin) -> (Option<VersionId>, Strategy) {
        let place = &mut self.place;
        let replaced = place.id.or_else(|| origin.names_replaced.as_ref().map(|n| n.id));
        place.graph.extend(origin.nodes);
        place.graph.extend(origin.names_replaced);
        place.graph.add(origin.id, &origin.parents);
        place.id = Some(origin.id);
        place.parents = origin.parents;
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

    /// The version a merge of `merged` from this one and `theirs` is: two parents, named at
    /// once (the same merge made by two members has one id).
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
        let (ours, names_replaced) = self.named();
        let parents = vec![ours, theirs.id];
        Origin {
            id: version_id(fp, &parents),
            parents,
            nodes: self.place.graph.lacking(&theirs.graph),
            names_replaced,
            merged_from: by.map(str::to_owned),
            graph_text: String::new(),
        }
    }

    /// `theirs` taken as it is, over this version (a fast-forward).
    pub fn taken_origin(&self, theirs: &FileVersion, by: Option<&str>) -> Origin {
        self.place.taken_origin(theirs, by)
    }

    /// [`Ancestry::taken_origin`] for a version staged in a reading (its graph record's text left
    /// for the last one, see [`Ancestry::graph_text`]), bringing only the nodes this history lacks.
    pub(super) fn staged_taken_origin(&self, theirs: &FileVersion, by: Option<&str>) -> Origin {
        Origin { nodes: self.place.graph.lacking(&theirs.graph), ..taken_origin_bringing(Vec::new(), theirs, by) }
    }

    /// The graph record's text of the current version: what an origin made on the version
    /// before carries ([`with_graph`]), made once for the last of a reading's versions, which
    /// alone writes it — not for each (it bounds and writes out the whole history).
    pub(super) fn graph_text(&self) -> String {
        graph_record(&self.place.graph, &self.place.tips())
    }
}

/// The version `theirs` is, taken as it is, for a strategy with no history here (an import);
/// [`Ancestry::taken_origin`] over one that has a history.
pub fn taken_origin(theirs: &FileVersion, by: Option<&str>) -> Origin {
    with_graph(taken_origin_bringing(theirs.graph.iter().collect(), theirs, by), &Graph::default())
}

/// The version `theirs` is, taken as it is, bringing `nodes`; its graph record's text is for
/// the caller to add (see [`Ancestry::graph_text`]).
fn taken_origin_bringing(nodes: Vec<Node>, theirs: &FileVersion, by: Option<&str>) -> Origin {
    Origin {
        id: theirs.id,
        parents: theirs.parents.clone(),
        nodes,
        names_replaced: None,
        merged_from: by.map(str::to_owned),
        graph_text: String::new(),
    }
}

/// `origin` with the graph record it writes: `graph` and what `origin` brings, bounded from it.
fn with_graph(mut origin: Origin, graph: &Graph) -> Origin {
    let mut graph = graph.clone();
    graph.extend(origin.nodes.iter().cloned());
    graph.extend(origin.names_replaced.iter().cloned());
    graph.add(origin.id, &origin.parents);
    origin.graph_text = graph_record(&graph, &[origin.id]);
    origin
}

/// The graph record's text: the nodes `tips` descend from, bounded ([`MAX_GRAPH`]).
fn graph_record(graph: &Graph, tips: &[VersionId]) -> String {
    graph.bounded(tips, MAX_GRAPH).stored_text()
}
