//! Where a strategy's current version stands in its history ([`Place`]) and what a version made
//! on it is ([`Made`]): a file's version taken as it is (a fast-forward, a take), a merge with
//! it, a save, a restore or an undo. The rule only: storage reads the place and writes what is
//! made, with the contents.

use super::{relation_with, version_id, Graph, Node, Nodes, Relation, VersionId, MAX_GRAPH};

/// A file's version as its lineage names it: its id, its parents, and the graph it brings.
#[derive(Clone, Debug, PartialEq)]
pub struct FileVersion {
    pub id: VersionId,
    pub parents: Vec<VersionId>,
    pub graph: Nodes,
}

/// Where a strategy's current version stands in its history, without its content.
#[derive(Clone, Debug, Default)]
pub struct Place {
    /// The current version's id, when it is named.
    pub id: Option<VersionId>,
    /// The versions it is made on.
    pub parents: Vec<VersionId>,
    pub graph: Graph,
}

/// "Between two versions" of 反映 (`model::hearing::reflection::between`) asked of this graph.
impl crate::model::hearing::reflection::Descent for Place {
    fn reaches(&self, from: Option<VersionId>, id: VersionId) -> Option<bool> {
        if self.id != Some(id) && !self.graph.contains(id) {
            return None;
        }
        match from {
            None => Some(self.holds(id)),
            Some(f) if f == id => Some(true),
            Some(f) => self.graph.contains(f).then(|| self.graph.reaches(&[f], id)),
        }
    }
}

/// A version made on a place: its id and parents, the nodes it brings to the graph, and the
/// current version it replaces when that one is named only now (a merge is made on it).
#[derive(Clone, Debug, PartialEq)]
pub struct Made {
    pub id: VersionId,
    pub parents: Vec<VersionId>,
    pub nodes: Vec<Node>,
    pub names_replaced: Option<Node>,
}

impl Place {
    /// Where a stored head's version stands in `graph`: named `named` (when it was named at the
    /// head's revision), made on `parents`. A head written before ids names instead the
    /// fingerprint it was shared under as it is (`fingerprint`) and the shared versions it
    /// descends from, newest first (`line`): a linear history, whose newest is the parent.
    pub fn of_head(
        named: Option<VersionId>,
        parents: &[VersionId],
        fingerprint: Option<VersionId>,
        line: &[VersionId],
        graph: Graph,
    ) -> Place {
        let legacy = fingerprint.filter(|_| parents.is_empty());
        let parents = match legacy {
            Some(fp) => line.iter().filter(|v| **v != fp).take(1).copied().collect(),
            None => tips_of(parents, line),
        };
        Place { id: named.or(legacy), parents, graph }
    }

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

    /// How `theirs` stands against the current version, whose content's fingerprint is `fp`
    /// (asked only when it is not named yet). A current version not named yet whose content and
    /// parents are a version theirs holds (two members who made the same strategy from the same
    /// example, say) is that version.
    pub fn relation_of(&self, fp: impl FnOnce() -> VersionId, theirs: &FileVersion) -> Relation {
        if self.id.is_none() {
            let would_be = version_id(fp(), &self.parents);
            if theirs.graph.contains(would_be) {
                let mut graph = self.graph.clone();
                graph.add(would_be, &self.parents);
                let brought = graph.beside(&theirs.graph);
                return relation_with(Some(would_be), &[would_be], theirs.id, &graph, &brought);
            }
        }
        self.relation(theirs)
    }

    /// Every version both the current version and `theirs` descend from, nearest first (see
    /// `Graph::common_ancestors`): the older ones to merge from when the nearest are not at hand.
    pub fn common_ancestors(&self, theirs: &FileVersion) -> Vec<VersionId> {
        let brought = self.graph.beside(&theirs.graph);
        self.graph.common_ancestors_with(&brought, &self.tips(), &[theirs.id])
    }

    /// The versions a merge with `theirs` falls back on when no better base can be made
    /// (`base_for_merge`'s `older`), `nearest` being their nearest common versions
    /// (`Relation::Diverged`): the older common ones, nearest first; with none known, the
    /// versions of theirs this browser keeps (`kept`, see [`kept_of`]).
    pub fn older_bases(
        &self,
        theirs: &FileVersion,
        nearest: &[VersionId],
        kept: impl FnOnce() -> Vec<VersionId>,
    ) -> Vec<VersionId> {
        match nearest.is_empty() {
            true => kept(),
            false => self.common_ancestors(theirs),
        }
    }

    /// The graph with what `theirs` brings: where two of their nearest common ancestors meet.
    pub fn with(&self, theirs: &FileVersion) -> Graph {
        let mut graph = self.graph.clone();
        graph.extend_nodes(&theirs.graph);
        graph
    }

    /// The current version's id (its content's fingerprint `fp`, asked only when it is not
    /// named yet), and, when it is named only now, its node.
    pub fn named(&self, fp: impl FnOnce() -> VersionId) -> (VersionId, Option<Node>) {
        match self.id {
            Some(id) => (id, None),
            None => {
                let id = version_id(fp(), &self.parents);
                (id, Some(Node { id, parents: self.parents.clone() }))
            }
        }
    }

    /// Version `made` becomes the current one: the graph gets what it brings, the version it
    /// names now and itself. Returns the id of the version it replaces, when that one is named.
    pub fn advance(&mut self, made: Made) -> Option<VersionId> {
        let replaced = self.id.or_else(|| made.names_replaced.as_ref().map(|n| n.id));
        self.graph.extend(made.nodes);
        self.graph.extend(made.names_replaced);
        self.graph.add(made.id, &made.parents);
        self.id = Some(made.id);
        self.parents = made.parents;
        replaced
    }

    /// `theirs` taken as it is, over the current version (a fast-forward, a take, a replace),
    /// bringing the nodes this graph lacks.
    pub fn taken(&self, theirs: &FileVersion) -> Made {
        Made { nodes: self.graph.lacking(&theirs.graph), ..Made::taken_bare(theirs) }
    }

    /// The merge of the current version (`fp`: its fingerprint, asked only when it is not named
    /// yet) and `theirs`, whose merged content's fingerprint is `merged`: two parents, named at
    /// once (the same merge made by two members has one id).
    pub fn merged(&self, fp: impl FnOnce() -> VersionId, merged: VersionId, theirs: &FileVersion) -> Made {
        let (ours, names_replaced) = self.named(fp);
        let parents = vec![ours, theirs.id];
        Made { id: version_id(merged, &parents), parents, nodes: self.graph.lacking(&theirs.graph), names_replaced }
    }

    /// The graph record of `tips`: the nodes they descend from, nearest first, bounded
    /// ([`MAX_GRAPH`]).
    pub fn record(&self, tips: &[VersionId]) -> Nodes {
        self.graph.bounded(tips, MAX_GRAPH)
    }
}

impl Made {
    /// `theirs` taken as it is, bringing no nodes (the caller adds what it brings).
    pub fn taken_bare(theirs: &FileVersion) -> Made {
        Made { id: theirs.id, parents: theirs.parents.clone(), nodes: Vec::new(), names_replaced: None }
    }

    /// `theirs` taken as it is into no history (an import): it brings its whole graph.
    pub fn imported(theirs: &FileVersion) -> Made {
        Made { nodes: theirs.graph.iter().collect(), ..Made::taken_bare(theirs) }
    }

    /// `graph` with this version in it: what it brings, the version it names now, and itself.
    pub fn onto(&self, graph: &Graph) -> Graph {
        let mut graph = graph.clone();
        graph.extend(self.nodes.iter().cloned());
        graph.extend(self.names_replaced.iter().cloned());
        graph.add(self.id, &self.parents);
        graph
    }
}

/// The versions a stored head's current version is made on: its `parents`; for a head written
/// before ids, the newest of the shared versions it descends from (`line`, newest first).
pub fn tips_of(parents: &[VersionId], line: &[VersionId]) -> Vec<VersionId> {
    match (parents.is_empty(), line.first()) {
        (true, Some(newest)) => vec![*newest],
        _ => parents.to_vec(),
    }
}

/// The versions `theirs` descends from whose content is at hand (`keeps`), nearest to theirs
/// first: the bases to merge it from when the graph knows no version both descend from (the
/// current version replaced by a file that says nothing of its history, say).
pub fn kept_of(theirs: &FileVersion, keeps: impl Fn(VersionId) -> bool) -> Vec<VersionId> {
    let graph = Graph::of_nodes(&theirs.graph);
    graph.bounded(&[theirs.id], MAX_GRAPH).iter().map(|n| n.id).filter(|id| keeps(*id)).collect()
}

/// The parents of a version saved over the current one without a name of its own (an edit, a
/// restore, an undo: each a new version on top of the head, never a step back): the current one
/// when it was named (`replaced`), else the current one's own parents (`tips`: nobody else saw
/// it); none for a head starting anew.
pub fn made_on(
    head_is_new: bool,
    replaced: Option<VersionId>,
    tips: impl FnOnce() -> Vec<VersionId>,
) -> Vec<VersionId> {
    match replaced {
        _ if head_is_new => Vec::new(),
        Some(replaced) => vec![replaced],
        None => tips(),
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use crate::history::fixtures::{at, file, history, v};
    use crate::history::{base_for_merge, legacy_chain, ContentsByName, Graph};
    use crate::testing::Wait;

    #[test]
    fn every_stand_of_two_heads() {
        let all = history();
        let stand = |ours: &str, theirs: &str| at(ours, &all).relation(&file(theirs, &all));
        assert_eq!(stand("a2", "a2"), Relation::InStep);
        assert_eq!(stand("a2", "a"), Relation::Behind);
        assert_eq!(stand("a", "a2"), Relation::FastForward);
        assert_eq!(stand("a2", "b"), Relation::Diverged { bases: vec![v("o")] });
        // A criss-cross: both nearest versions, in id order; the merge starts from their merge.
        let mut nearest = vec![v("a"), v("b")];
        nearest.sort();
        assert_eq!(stand("mx2", "my2"), Relation::Diverged { bases: nearest.clone() });
        let graph = at("mx2", &all).with(&file("my2", &all));
        let mut at_hand = ContentsByName(|ids: &[VersionId]| {
            ids.iter()
                .all(|id| [v("a"), v("b"), v("o")].contains(id))
                .then(|| (crate::model::merge::edits::town(), false))
        });
        let found = base_for_merge(&graph, &nearest, vec![v("o")], &mut at_hand);
        assert!(found.wait().is_some_and(|b| !b.exact), "the virtual base, made of a, b and where they meet");
    }

    #[test]
    fn a_take_a_merge_and_a_save_are_made_on_the_current_version() {
        let all = history();
        let ours = at("a2", &all);
        let theirs = file("b", &all);
        let taken = ours.taken(&theirs);
        assert_eq!((taken.id, taken.parents.as_slice(), taken.names_replaced), (v("b"), &[v("o")][..], None));
        let merged = ours.merged(|| unreachable!("named"), v("content"), &theirs);
        assert_eq!(merged.parents, [v("a2"), v("b")]);
        assert_eq!(merged.id, version_id(v("content"), &[v("b"), v("a2")]), "whoever merges names it alike");
        assert!(merged.onto(&ours.graph).reaches(&[merged.id], v("b")));
        // Not named yet: named now, on its parents, and the merge is made on it.
        let unnamed = Place { id: None, parents: vec![v("a2")], ..at("a2", &all) };
        let merged = unnamed.merged(|| v("edited"), v("content"), &theirs);
        let named = version_id(v("edited"), &[v("a2")]);
        assert_eq!((merged.parents[0], merged.names_replaced.map(|n| n.parents)), (named, Some(vec![v("a2")])));
        // A save, a restore or an undo: on the named version; on an unnamed one's parents.
        assert_eq!(made_on(false, Some(v("a2")), || unreachable!()), [v("a2")]);
        assert_eq!(made_on(false, None, || vec![v("a")]), [v("a")]);
        assert_eq!(made_on(true, Some(v("a2")), Vec::new), Vec::<VersionId>::new());
    }

    /// A member away while the others made more versions than the graph keeps: nothing in
    /// common is known any more, yet theirs is neither behind nor ahead but merged, from the
    /// older versions at hand.
    #[test]
    fn a_member_away_beyond_the_graph_is_still_merged() {
        let mut line: Vec<VersionId> = (0..MAX_GRAPH + 10).map(|i| v(&format!("shared {i}"))).collect();
        line.reverse(); // newest first, as a legacy list reads
        let ours = Place { id: Some(line[0]), parents: Vec::new(), graph: Graph::of(legacy_chain(&line)) };
        let record = ours.record(&[line[0]]);
        assert_eq!(record.len(), MAX_GRAPH, "what storage keeps is bounded");
        let ours = Place { graph: Graph::of_nodes(&record), ..ours };
        let oldest = *line.last().unwrap();
        let away = vec![Node { id: v("away"), parents: vec![oldest] }, Node { id: oldest, parents: vec![] }];
        let theirs = FileVersion { id: v("away"), parents: vec![oldest], graph: away.into_iter().collect() };
        assert_eq!(ours.relation(&theirs), Relation::Diverged { bases: vec![] });
        let graph = ours.with(&theirs);
        let mut at_hand = ContentsByName(|ids: &[VersionId]| {
            ids.contains(&oldest).then(|| (crate::model::merge::edits::town(), true))
        });
        let found = base_for_merge(&graph, &[], vec![oldest], &mut at_hand);
        assert!(found.wait().is_some_and(|b| b.in_file && !b.exact), "merged from the version the file carries");
    }

    /// A head stored before ids names its version by the fingerprint it was shared under, made on
    /// the next of its line of shared versions; one edited since is made on the newest of them.
    #[test]
    fn a_head_stored_before_ids_reads_as_a_line() {
        let line = [v("2"), v("1")];
        let graph = Graph::of(legacy_chain(&line));
        let shared = Place::of_head(None, &[], Some(v("2")), &line, graph.clone());
        assert_eq!((shared.id, shared.parents.as_slice()), (Some(v("2")), &[v("1")][..]));
        let edited = Place::of_head(None, &[], None, &line, graph.clone());
        assert_eq!((edited.id, edited.tips()), (None, vec![v("2")]));
        let mut graph = graph;
        graph.add(v("3"), &[v("2")]);
        let named = Place::of_head(Some(v("3")), &[v("2")], None, &[], graph);
        assert_eq!((named.id, named.parents.as_slice()), (Some(v("3")), &[v("2")][..]));
        assert!(named.holds(v("1")) && !named.holds(v("4")));
    }

    /// Format 1's list of fingerprints, newest first, reads as a linear history.
    #[test]
    fn a_format_1_list_is_a_line_of_versions() {
        let list = [v("3"), v("2"), v("1")];
        let graph = Graph::of(legacy_chain(&list));
        let ours = Place { id: Some(v("1")), parents: Vec::new(), graph };
        let theirs = FileVersion { id: v("3"), parents: vec![v("2")], graph: legacy_chain(&list).into() };
        assert_eq!(ours.relation(&theirs), Relation::FastForward);
        assert!(Place { id: Some(v("3")), ..ours }.holds(v("1")));
    }
}
