//! The history of a strategy's versions, pure (no storage, no browser, no file format): the one
//! place that answers where two heads stand ([`relation`]: same, behind, ahead, diverged, a
//! criss-cross's several nearest common versions), which base a merge uses ([`base_for_merge`],
//! the contents supplied by the caller) and what a take, a fast-forward, a merge, a save, a
//! restore and an undo make ([`Place`]: the new version's id and parents). Storage reads and
//! writes the graph and the contents; `format::graph` writes the graph as a file carries it.
//!
//! A version is named by its history, as a git commit or an Automerge change is: its id is a hash
//! of its content's fingerprint and its sorted parents' ids. A save has one parent, a merge two;
//! a restore or an undo is a new version on top of the head, so it moves forward and reaches
//! everyone. Two members who make the same merge from the same two parents name it alike.
//!
//! The graph of ids ([`Graph`]: ids and parents, no contents) answers "in step", "behind",
//! "fast-forward" and "diverged, merge from the nearest common ancestor" ([`relation`]); it
//! travels in every shared file and is kept in storage even when old contents are thinned,
//! bounded to [`MAX_GRAPH`] nodes, the nearest to the head first ([`Graph::bounded`]).
//!
//! Files and histories written before ids existed name a version by its content's fingerprint
//! alone, newest first: that list reads as a linear history ([`legacy_chain`]), whose ids are
//! those fingerprints.

use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use std::cell::{Ref, RefCell};
use std::collections::VecDeque;

mod base;
#[cfg(all(test, not(target_arch = "wasm32")))]
mod fixtures;
pub mod marks;
mod nodes;
mod pipeline;
mod place;
mod start;
#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests;
pub use crate::model::VersionId;
#[cfg(all(test, not(target_arch = "wasm32")))]
pub(crate) use base::ContentsByName;
pub use base::{base_for_merge, virtual_base, AtHand, MergeBase};
pub use nodes::{Nodes, TooMany};
pub use pipeline::MergeRun;
pub use place::{kept_of, made_on, tips_of, FileVersion, Made, Place};
pub use start::{MergeStart, StoredAs};

/// The graph keys versions by their ids' 128 bits: walking it hashes and copies numbers.
type Key = VersionId;

/// At most this many nodes travel in a file and are kept per strategy: ten people sharing a
/// strategy all day make a few hundred versions. A member away for more than this many shared
/// versions shares no version the graph still knows: theirs is still merged, from the older
/// versions at hand (`Place::older_bases`: the base their file carries, the versions kept).
pub const MAX_GRAPH: usize = 4096;
/// A save has one parent, a merge two.
pub const MAX_PARENTS: usize = 2;

/// One version in the graph: its id and its parents' ids (none for the first).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct Node {
    pub id: VersionId,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub parents: Vec<VersionId>,
}

/// The id of the version whose content has `fingerprint` (`format::fingerprint`) and whose
/// parents are `parents` (in any order): the hash of their 32 digits each.
pub fn version_id(fingerprint: VersionId, parents: &[VersionId]) -> VersionId {
    let mut sorted = parents.to_vec();
    sorted.sort_unstable();
    sorted.dedup();
    let mut h = xxhash_rust::xxh3::Xxh3::new();
    h.update(b"shirube-version\0");
    h.update(&fingerprint.digits());
    for p in sorted {
        h.update(b"\0");
        h.update(&p.digits());
    }
    VersionId::from_bits(h.digest128())
}

/// A list of fingerprints, newest first (files and histories written before ids existed), as a
/// linear history: each names its content and descends from the next.
pub fn legacy_chain(versions: &[VersionId]) -> Vec<Node> {
    versions
        .iter()
        .enumerate()
        .map(|(i, id)| Node { id: *id, parents: versions.get(i + 1).copied().into_iter().collect() })
        .collect()
}

/// The graph of versions: each id with its parents.
#[derive(Clone, Debug, Default)]
pub struct Graph {
    parents: HashMap<Key, Vec<Key>>,
    /// What the tips last asked about descend from ([`Graph::reach`]), kept as the graph grows
    /// and the tips move forward: a reading asks it for every member's file.
    reach: RefCell<Option<Reach>>,
}

impl PartialEq for Graph {
    fn eq(&self, other: &Graph) -> bool {
        self.parents == other.parents
    }
}

/// Tips (sorted) and every version they descend from: themselves, and each parent the graph
/// names, whether or not it holds that parent's node.
#[derive(Clone, Debug)]
struct Reach {
    tips: Vec<Key>,
    set: HashSet<Key>,
}

/// Where a walk finds a version's parents: one graph, or two read as one (ours and what a file
/// brings), without copying either.
trait Parentage {
    fn parents(&self, k: Key) -> Option<&[Key]>;
}

impl Parentage for Graph {
    fn parents(&self, k: Key) -> Option<&[Key]> {
        self.parents.get(&k).map(Vec::as_slice)
    }
}

/// Two graphs read as one, the first's nodes first.
struct Both<'a>(&'a Graph, &'a Graph);

impl Parentage for Both<'_> {
    fn parents(&self, k: Key) -> Option<&[Key]> {
        self.0.parents(k).or_else(|| self.1.parents(k))
    }
}

impl Graph {
    pub fn of(nodes: impl IntoIterator<Item = Node>) -> Graph {
        let mut g = Graph::default();
        g.extend(nodes);
        g
    }

    /// The graph of `nodes` (a file's, storage's), keyed as they were read.
    pub fn of_nodes(nodes: &Nodes) -> Graph {
        let mut g = Graph::default();
        g.extend_nodes(nodes);
        g
    }

    /// The nodes of `nodes` (a file's graph) this graph lacks: read beside it, they are the
    /// two as one. A file's graph mostly repeats ours: only what it adds is kept.
    pub fn beside(&self, nodes: &Nodes) -> Graph {
        let mut g = Graph::default();
        g.take_nodes(nodes, |k| !self.parents.contains_key(&k));
        g
    }

    /// Adds the nodes of `nodes`, as [`Graph::extend`] does.
    pub fn extend_nodes(&mut self, nodes: &Nodes) {
        self.take_nodes(nodes, |_| true);
    }

    /// Adds the nodes of `nodes` whose key passes `take`, as [`Graph::add`] does.
    fn take_nodes(&mut self, nodes: &Nodes, take: impl Fn(Key) -> bool) {
        for (k, ps) in nodes.keyed().filter(|(k, _)| take(*k)) {
            self.add(k, ps);
        }
    }

    /// Adds nodes; an id already known keeps its parents (an id names its parents).
    pub fn extend(&mut self, nodes: impl IntoIterator<Item = Node>) {
        for n in nodes {
            self.add(n.id, &n.parents);
        }
    }

    /// Adds version `k` made on `ps`, unless it is known (an id names its parents).
    pub fn add(&mut self, k: Key, ps: &[Key]) {
        if let std::collections::hash_map::Entry::Vacant(node) = self.parents.entry(k) {
            node.insert(ps.to_vec());
            // A version reached as a parent whose node comes only now: what it descends from
            // is reached too, and is not in what was kept.
            let reach = self.reach.get_mut();
            if reach.as_ref().is_some_and(|r| r.set.contains(&k)) {
                *reach = None;
            }
        }
    }

    /// The versions `tips` descend from ([`Reach`]). Asked again after the tips moved forward
    /// (a version made on them), only what is new is walked.
    fn reach(&self, tips: &[Key]) -> Ref<'_, HashSet<Key>> {
        let mut sorted = tips.to_vec();
        sorted.sort_unstable();
        sorted.dedup();
        let kept = self.reach.borrow().as_ref().is_some_and(|r| r.tips == sorted);
        if !kept {
            let before = self.reach.borrow_mut().take();
            let set = match before {
                Some(before) => self.reach_on(&sorted, before),
                None => self.walk_from(&sorted, HashSet::default()).0,
            };
            *self.reach.borrow_mut() = Some(Reach { tips: sorted, set });
        }
        Ref::map(self.reach.borrow(), |r| r.as_ref().map(|r| &r.set).expect("just made"))
    }

    /// What `tips` reach, from what the tips `before` reached: the walk stops at what those
    /// reached, and counts when it is all of their tips (each was met: `tips` descend from
    /// them, and so from all they reached); else everything is walked again.
    fn reach_on(&self, tips: &[Key], before: Reach) -> HashSet<Key> {
        let (set, met) = self.walk_from(tips, before.set);
        match before.tips.iter().all(|t| met.contains(t)) {
            true => set,
            false => self.walk_from(tips, HashSet::default()).0,
        }
    }

    /// `set` with what `tips` reach, not walking below a version already in it; and the
    /// versions of `set` the walk met.
    fn walk_from(&self, tips: &[Key], mut set: HashSet<Key>) -> (HashSet<Key>, HashSet<Key>) {
        let mut met = HashSet::default();
        let mut fresh = HashSet::default();
        let mut stack = tips.to_vec();
        while let Some(k) = stack.pop() {
            if fresh.contains(&k) {
                continue;
            }
            if set.contains(&k) {
                met.insert(k);
                continue;
            }
            fresh.insert(k);
            stack.extend(self.parents(k).into_iter().flatten());
        }
        set.extend(fresh);
        (set, met)
    }

    /// The nodes of `nodes` this graph lacks, as they are: what a version taken brings to it.
    pub fn lacking(&self, nodes: &Nodes) -> Vec<Node> {
        nodes.iter().filter(|n| !self.parents.contains_key(&n.id)).collect()
    }

    pub fn contains(&self, id: VersionId) -> bool {
        self.parents.contains_key(&id)
    }

    pub fn len(&self) -> usize {
        self.parents.len()
    }

    pub fn is_empty(&self) -> bool {
        self.parents.is_empty()
    }

    fn alone(&self) -> Both<'_> {
        Both(self, self)
    }

    /// Whether `id` is one of `tips` or a version they descend from.
    pub fn reaches(&self, tips: &[VersionId], id: VersionId) -> bool {
        self.reach(tips).contains(&id)
    }

    /// The versions both `ours` and `theirs` descend from (tips included), nearest first: the
    /// nearest common ancestors (those no other common one descends from) by their distance
    /// from both sides, then the others. Ties go by id: both sides decide alike.
    pub fn common_ancestors(&self, ours: &[VersionId], theirs: &[VersionId]) -> Vec<VersionId> {
        self.alone().common_ancestors(ours, theirs)
    }

    /// The nearest common ancestors of `ours` and `theirs` only (those no other common one
    /// descends from), in [`Graph::common_ancestors`]' order. Two or more after a criss-cross
    /// (each merged the other's): a merge then starts from their merge.
    pub fn nearest_common(&self, ours: &[VersionId], theirs: &[VersionId]) -> Vec<VersionId> {
        self.alone().nearest_common(ours, theirs)
    }

    /// [`Graph::nearest_common`] in this graph and `other` read as one (ours and a file's).
    pub fn nearest_common_with(&self, other: &Graph, ours: &[VersionId], theirs: &[VersionId]) -> Vec<VersionId> {
        Both(self, other).nearest_common(ours, theirs)
    }

    /// [`Graph::common_ancestors`] in this graph and `other` read as one.
    pub fn common_ancestors_with(&self, other: &Graph, ours: &[VersionId], theirs: &[VersionId]) -> Vec<VersionId> {
        Both(self, other).common_ancestors(ours, theirs)
    }

    /// The nodes `tips` descend from (tips included), nearest first, at most `max`: what a file
    /// carries and what storage keeps.
    pub fn bounded(&self, tips: &[VersionId], max: usize) -> Nodes {
        let mut by_distance: Vec<(usize, Key)> =
            distances(&self.alone(), tips).into_iter().map(|(k, d)| (d, k)).collect();
        by_distance.sort_unstable();
        let held = by_distance.into_iter().map(|(_, k)| k).filter(|k| self.parents.contains_key(k));
        Nodes::of_keys(self, held.take(max))
    }
}

/// `tips` and every version they descend from, with its distance from the nearest tip.
fn distances(g: &impl Parentage, tips: &[Key]) -> HashMap<Key, usize> {
    let mut seen: HashMap<Key, usize> = HashMap::default();
    let mut queue: VecDeque<(Key, usize)> = tips.iter().map(|t| (*t, 0)).collect();
    while let Some((k, d)) = queue.pop_front() {
        if seen.contains_key(&k) {
            continue;
        }
        seen.insert(k, d);
        for p in g.parents(k).into_iter().flatten() {
            if !seen.contains_key(p) {
                queue.push_back((*p, d + 1));
            }
        }
    }
    seen
}

impl Both<'_> {
    /// Every common ancestor with whether another common one descends from it, and its summed
    /// distance from both sides.
    fn common(&self, ours: &[Key], theirs: &[Key]) -> Vec<(bool, usize, Key)> {
        let from_ours = distances(self, ours);
        let from_theirs = distances(self, theirs);
        let common: Vec<(Key, usize)> =
            from_ours.iter().filter_map(|(k, d)| from_theirs.get(k).map(|t| (*k, d + t))).collect();
        let below: Vec<Key> =
            common.iter().flat_map(|(k, _)| self.parents(*k).into_iter().flatten().copied()).collect();
        let dominated = distances(self, &below);
        let mut ordered: Vec<(bool, usize, Key)> =
            common.into_iter().map(|(k, d)| (dominated.contains_key(&k), d, k)).collect();
        // Ties by id: an id's order is its digits'.
        ordered.sort_unstable();
        ordered
    }

    fn common_ancestors(&self, ours: &[VersionId], theirs: &[VersionId]) -> Vec<VersionId> {
        self.common(ours, theirs).into_iter().map(|(_, _, k)| k).collect()
    }

    fn nearest_common(&self, tips: &[VersionId], theirs: &[VersionId]) -> Vec<VersionId> {
        if let [their] = theirs[..] {
            let met = self.met(their, &self.0.reach(tips));
            return self.nearest(tips, their, met);
        }
        let all = self.common(tips, theirs);
        all.into_iter().take_while(|(dominated, _, _)| !dominated).map(|(_, _, k)| k).collect()
    }

    /// What the walk down from `their` meets first of `reach` (what our tips descend from, in
    /// the first graph): each is a version both descend from, and the nearest such versions
    /// are all among them. The walk goes no further: it visits only what theirs has and ours
    /// lacks.
    fn met(&self, their: Key, reach: &HashSet<Key>) -> HashSet<Key> {
        let (mut met, mut seen) = (HashSet::default(), HashSet::default());
        let mut stack = vec![their];
        while let Some(k) = stack.pop() {
            if reach.contains(&k) {
                met.insert(k);
            } else if seen.insert(k) {
                stack.extend(self.parents(k).into_iter().flatten());
            }
        }
        met
    }

    /// The nearest common ancestors of `tips` and `their`, from what the walk down from theirs
    /// `met`: that one alone (the usual case), else as [`Graph::nearest_common`] finds them.
    fn nearest(&self, tips: &[Key], their: Key, met: HashSet<Key>) -> Vec<VersionId> {
        match met.len() {
            0 => Vec::new(),
            1 => met.into_iter().collect(),
            _ => self
                .common(tips, &[their])
                .into_iter()
                .take_while(|(dominated, _, _)| !dominated)
                .map(|(_, _, k)| k)
                .collect(),
        }
    }
}

/// How another member's head stands against ours.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Relation {
    /// The same version.
    InStep,
    /// Theirs is a version ours descends from: they have nothing ours lacks.
    Behind,
    /// Ours is a version theirs descends from: theirs is taken as it is, no merge.
    FastForward,
    /// Each has what the other lacks: a three-way merge from the nearest version both descend
    /// from, `bases` (two or more after a criss-cross, by their distance from both, then by
    /// id; empty: no version in common is known). The older ones both descend from, should
    /// none of these be at hand: [`Graph::common_ancestors`].
    Diverged { bases: Vec<VersionId> },
}

/// Where `theirs` stands against our head. `ours`: our head's id when it is named, else `None`
/// (a change nobody else has seen, on top of `tips`, its parents); `ours` named, `tips` is
/// `[ours]`. `graph` holds both sides' nodes.
pub fn relation(ours: Option<VersionId>, tips: &[VersionId], theirs: VersionId, graph: &Graph) -> Relation {
    relation_in(&graph.alone(), ours, tips, theirs)
}

/// [`relation`] where our nodes are in `graph` and theirs in `brought` (a file's graph), read as
/// one without copying either.
pub fn relation_with(
    ours: Option<VersionId>,
    tips: &[VersionId],
    theirs: VersionId,
    graph: &Graph,
    brought: &Graph,
) -> Relation {
    relation_in(&Both(graph, brought), ours, tips, theirs)
}

fn relation_in(g: &Both, ours: Option<VersionId>, tips: &[VersionId], their: VersionId) -> Relation {
    if ours == Some(their) {
        return Relation::InStep;
    }
    let met = {
        let reach = g.0.reach(tips);
        if reach.contains(&their) {
            return Relation::Behind;
        }
        g.met(their, &reach)
    };
    // Any way from theirs to our head meets it first of all we reach.
    if ours.is_some_and(|o| met.contains(&o)) {
        return Relation::FastForward;
    }
    Relation::Diverged { bases: g.nearest(tips, their, met) }
}
