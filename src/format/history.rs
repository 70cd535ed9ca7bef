//! A version named by its history, as a git commit or an Automerge change is: its id is a hash
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

use rustc_hash::FxHashMap as HashMap;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use std::collections::VecDeque;

/// At most this many nodes travel in a file and are kept per strategy: ten people sharing a
/// strategy all day make a few hundred versions; a member away for more than this many
/// shared versions can no longer be merged by the graph (the app says so).
pub const MAX_GRAPH: usize = 4096;
/// A save has one parent, a merge two.
pub const MAX_PARENTS: usize = 2;

/// One version in the graph: its id and its parents' ids (none for the first).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct Node {
    pub id: String,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub parents: Vec<String>,
}

/// The fingerprint of a strategy's JSON text as it stands: `lineage::fingerprint`'s hash, without
/// writing the strategy out (equal to it when the text is what this build writes).
pub(super) fn text_fingerprint(text: &str) -> String {
    format!("{:032x}", xxhash_rust::xxh3::xxh3_128(text.as_bytes()))
}

/// The id of the version whose content has `fingerprint` (`format::fingerprint`) and whose
/// parents are `parents` (in any order): 32 hexadecimal digits.
pub fn version_id(fingerprint: &str, parents: &[String]) -> String {
    let mut sorted: Vec<&str> = parents.iter().map(String::as_str).collect();
    sorted.sort_unstable();
    sorted.dedup();
    let mut h = xxhash_rust::xxh3::Xxh3::new();
    h.update(b"shirube-version\0");
    h.update(fingerprint.as_bytes());
    for p in sorted {
        h.update(b"\0");
        h.update(p.as_bytes());
    }
    format!("{:032x}", h.digest128())
}

/// Whether `s` has the form of a version id (and of a fingerprint): 32 lowercase hexadecimal
/// digits. Ids from files are checked at the door: anything else is refused, never stored.
pub fn is_version_id(s: &str) -> bool {
    s.len() == 32 && s.bytes().all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b))
}

/// A list of fingerprints, newest first (files and histories written before ids existed), as a
/// linear history: each names its content and descends from the next.
pub fn legacy_chain(versions: &[String]) -> Vec<Node> {
    versions
        .iter()
        .enumerate()
        .map(|(i, id)| Node { id: id.clone(), parents: versions.get(i + 1).cloned().into_iter().collect() })
        .collect()
}

/// The graph of versions: each id with its parents.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Graph {
    parents: HashMap<String, Vec<String>>,
}

impl Graph {
    pub fn of(nodes: impl IntoIterator<Item = Node>) -> Graph {
        let mut g = Graph::default();
        g.extend(nodes);
        g
    }

    /// Adds nodes; an id already known keeps its parents (an id names its parents).
    pub fn extend(&mut self, nodes: impl IntoIterator<Item = Node>) {
        for n in nodes {
            self.parents.entry(n.id).or_insert(n.parents);
        }
    }

    pub fn add(&mut self, id: &str, parents: &[String]) {
        self.parents.entry(id.to_owned()).or_insert_with(|| parents.to_vec());
    }

    pub fn contains(&self, id: &str) -> bool {
        self.parents.contains_key(id)
    }

    pub fn parents_of(&self, id: &str) -> Option<&[String]> {
        self.parents.get(id).map(Vec::as_slice)
    }

    pub fn len(&self) -> usize {
        self.parents.len()
    }

    pub fn is_empty(&self) -> bool {
        self.parents.is_empty()
    }

    /// `tips` and every version they descend from, with its distance from the nearest tip.
    fn distances<'a>(&'a self, tips: &'a [String]) -> HashMap<&'a str, usize> {
        let mut seen: HashMap<&str, usize> = HashMap::default();
        let mut queue: VecDeque<(&str, usize)> = tips.iter().map(|t| (t.as_str(), 0)).collect();
        while let Some((id, d)) = queue.pop_front() {
            if seen.contains_key(id) {
                continue;
            }
            seen.insert(id, d);
            for p in self.parents.get(id).into_iter().flatten() {
                if !seen.contains_key(p.as_str()) {
                    queue.push_back((p.as_str(), d + 1));
                }
            }
        }
        seen
    }

    /// Whether `id` is one of `tips` or a version they descend from.
    pub fn reaches(&self, tips: &[String], id: &str) -> bool {
        tips.iter().any(|t| t == id) || self.distances(tips).contains_key(id)
    }

    /// The versions both `ours` and `theirs` descend from (tips included), nearest first: the
    /// nearest common ancestors (those no other common one descends from) by their distance
    /// from both sides, then the others. Ties go by id: both sides decide alike.
    pub fn common_ancestors(&self, ours: &[String], theirs: &[String]) -> Vec<String> {
        let from_ours = self.distances(ours);
        let from_theirs = self.distances(theirs);
        let common: Vec<(&str, usize)> =
            from_ours.iter().filter_map(|(id, d)| from_theirs.get(id).map(|t| (*id, d + t))).collect();
        let below: Vec<String> =
            common.iter().flat_map(|(id, _)| self.parents.get(*id).into_iter().flatten().cloned()).collect();
        let dominated = self.distances(&below);
        let mut ordered: Vec<(bool, usize, &str)> =
            common.iter().map(|(id, d)| (dominated.contains_key(id), *d, *id)).collect();
        ordered.sort_unstable();
        ordered.into_iter().map(|(_, _, id)| id.to_owned()).collect()
    }

    /// The nearest common ancestors of `ours` and `theirs` only (those no other common one
    /// descends from), in [`Graph::common_ancestors`]' order. Two or more after a criss-cross
    /// (each merged the other's): a merge then starts from their merge.
    pub fn nearest_common(&self, ours: &[String], theirs: &[String]) -> Vec<String> {
        let all = self.common_ancestors(ours, theirs);
        let below: Vec<String> =
            all.iter().flat_map(|id| self.parents.get(id).into_iter().flatten().cloned()).collect();
        let dominated = self.distances(&below);
        all.into_iter().filter(|id| !dominated.contains_key(id.as_str())).collect()
    }

    /// The nodes `tips` descend from (tips included), nearest first, at most `max`: what a file
    /// carries and what storage keeps.
    pub fn bounded(&self, tips: &[String], max: usize) -> Vec<Node> {
        let mut by_distance: Vec<(usize, &str)> = self.distances(tips).into_iter().map(|(id, d)| (d, id)).collect();
        by_distance.sort_unstable();
        by_distance
            .into_iter()
            .filter_map(|(_, id)| self.parents.get(id).map(|p| Node { id: id.to_owned(), parents: p.clone() }))
            .take(max)
            .collect()
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
    /// Each has what the other lacks: a three-way merge from one of `bases`, nearest first
    /// (empty: no version in common is known).
    Diverged { bases: Vec<String> },
}

/// Where `theirs` stands against our head. `ours`: our head's id when it is named, else `None`
/// (a change nobody else has seen, on top of `tips`, its parents); `ours` named, `tips` is
/// `[ours]`. `graph` holds both sides' nodes.
pub fn relation(ours: Option<&str>, tips: &[String], theirs: &str, graph: &Graph) -> Relation {
    if ours == Some(theirs) {
        return Relation::InStep;
    }
    if graph.reaches(tips, theirs) {
        return Relation::Behind;
    }
    if let Some(ours) = ours {
        if graph.reaches(&[theirs.to_owned()], ours) {
            return Relation::FastForward;
        }
    }
    Relation::Diverged { bases: graph.common_ancestors(tips, &[theirs.to_owned()]) }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn id(s: &str) -> String {
        version_id(&format!("{s:0>32}"), &[])
    }

    fn node(id: &str, parents: &[&str]) -> Node {
        Node { id: id.into(), parents: parents.iter().map(|p| p.to_string()).collect() }
    }

    #[test]
    fn an_id_names_content_and_parents_in_any_order() {
        let (a, b) = (id("a"), id("b"));
        let fp = "0".repeat(32);
        assert!(is_version_id(&version_id(&fp, &[])));
        assert_eq!(version_id(&fp, &[a.clone(), b.clone()]), version_id(&fp, &[b.clone(), a.clone()]));
        let (only_a, only_b) = (std::slice::from_ref(&a), std::slice::from_ref(&b));
        assert_ne!(version_id(&fp, only_a), version_id(&fp, only_b), "same content, other history");
        assert_ne!(version_id(&fp, only_a), version_id(&"1".repeat(32), only_a), "same history, other content");
        assert!(!is_version_id("ABCDEF0123456789abcdef0123456789"));
        assert!(!is_version_id("abc"));
        assert!(!is_version_id(&"g".repeat(32)));
    }

    /// o ← a1 ← a2 (ours), o ← b1 (theirs), and a merge m of a2 and b1.
    fn sample() -> Graph {
        Graph::of([
            node("o", &[]),
            node("a1", &["o"]),
            node("a2", &["a1"]),
            node("b1", &["o"]),
            node("m", &["a2", "b1"]),
        ])
    }

    #[test]
    fn relations_are_read_from_the_graph() {
        let g = sample();
        let t = |s: &str| vec![s.to_owned()];
        assert_eq!(relation(Some("a2"), &t("a2"), "a2", &g), Relation::InStep);
        assert_eq!(relation(Some("a2"), &t("a2"), "a1", &g), Relation::Behind);
        assert_eq!(relation(Some("a1"), &t("a1"), "a2", &g), Relation::FastForward);
        assert_eq!(relation(Some("a2"), &t("a2"), "b1", &g), Relation::Diverged { bases: vec!["o".into()] });
        assert_eq!(relation(Some("b1"), &t("b1"), "m", &g), Relation::FastForward, "a merge reaches its parents");
        // An unnamed change on top of a1: never a fast-forward, merged from a1.
        assert_eq!(relation(None, &t("a1"), "a2", &g), Relation::Diverged { bases: vec!["a1".into(), "o".into()] });
        assert_eq!(relation(None, &t("a2"), "a1", &g), Relation::Behind);
        // Unknown: no base.
        assert_eq!(relation(Some("a2"), &t("a2"), "zz", &g), Relation::Diverged { bases: vec![] });
    }

    #[test]
    fn the_nearest_common_ancestors_come_first_and_criss_crosses_order_by_id() {
        // x and y each merged the other's first version: both are nearest.
        let g = Graph::of([
            node("o", &[]),
            node("x", &["o"]),
            node("y", &["o"]),
            node("mx", &["x", "y"]),
            node("my", &["y", "x"]),
        ]);
        assert_eq!(g.common_ancestors(&["mx".into()], &["my".into()]), ["x", "y", "o"]);
        assert_eq!(g.common_ancestors(&["my".into()], &["mx".into()]), ["x", "y", "o"]);
        assert_eq!(g.nearest_common(&["mx".into()], &["my".into()]), ["x", "y"]);
        assert_eq!(sample().nearest_common(&["a2".into()], &["b1".into()]), ["o"]);
    }

    #[test]
    fn a_bounded_graph_keeps_the_nearest_versions() {
        let chain: Vec<String> = (0..10).map(|i| format!("v{i}")).collect();
        let g = Graph::of(legacy_chain(&chain));
        let kept = g.bounded(&["v0".into()], 3);
        assert_eq!(kept.iter().map(|n| n.id.as_str()).collect::<Vec<_>>(), ["v0", "v1", "v2"]);
        assert_eq!(kept[0].parents, ["v1"]);
        assert_eq!(g.bounded(&["v8".into()], 100).len(), 2, "only what the tip descends from");
    }
}
