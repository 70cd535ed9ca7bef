//! The version graph's answers (`history`): ids, relations, nearest common ancestors, bounds,
//! and, as properties, the same answers as plain walks over both sides' nodes.
use crate::format::history::*;

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
    Graph::of([node("o", &[]), node("a1", &["o"]), node("a2", &["a1"]), node("b1", &["o"]), node("m", &["a2", "b1"])])
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
    assert_eq!(relation(None, &t("a1"), "a2", &g), Relation::Diverged { bases: vec!["a1".into()] });
    assert_eq!(g.common_ancestors(&t("a1"), &t("a2")), ["a1", "o"], "and, should a1 be gone, o");
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
    assert_eq!(kept.iter().map(|n| n.id).collect::<Vec<_>>(), ["v0", "v1", "v2"]);
    assert_eq!(kept.parents_of("v0"), Some(vec!["v1".into()]));
    assert_eq!(g.bounded(&["v8".into()], 100).len(), 2, "only what the tip descends from");
}

/// The plain walks the graph's answers must equal: every version each side reaches, over
/// both sides' nodes as one graph.
mod plain {
    use crate::format::history::*;
    use std::collections::{BTreeMap, BTreeSet, VecDeque};

    pub fn reached(nodes: &BTreeMap<String, Vec<String>>, tips: &[String]) -> BTreeMap<String, usize> {
        let mut seen = BTreeMap::new();
        let mut queue: VecDeque<(String, usize)> = tips.iter().map(|t| (t.clone(), 0)).collect();
        while let Some((id, d)) = queue.pop_front() {
            if seen.contains_key(&id) {
                continue;
            }
            seen.insert(id.clone(), d);
            for p in nodes.get(&id).into_iter().flatten() {
                queue.push_back((p.clone(), d + 1));
            }
        }
        seen
    }

    /// The nearest common ancestors by their summed distance, then id.
    pub fn nearest(nodes: &BTreeMap<String, Vec<String>>, ours: &[String], theirs: &str) -> Vec<String> {
        let (a, b) = (reached(nodes, ours), reached(nodes, &[theirs.to_owned()]));
        let common: BTreeSet<&String> = a.keys().filter(|k| b.contains_key(*k)).collect();
        let below: Vec<String> = common.iter().flat_map(|c| nodes.get(*c).into_iter().flatten().cloned()).collect();
        let dominated = reached(nodes, &below);
        let mut near: Vec<(usize, &String)> =
            common.into_iter().filter(|c| !dominated.contains_key(*c)).map(|c| (a[c] + b[c], c)).collect();
        near.sort();
        near.into_iter().map(|(_, c)| c.clone()).collect()
    }

    pub fn relation(
        nodes: &BTreeMap<String, Vec<String>>,
        ours: Option<&str>,
        tips: &[String],
        theirs: &str,
    ) -> Relation {
        if ours == Some(theirs) {
            return Relation::InStep;
        }
        if reached(nodes, tips).contains_key(theirs) {
            return Relation::Behind;
        }
        if ours.is_some_and(|o| reached(nodes, &[theirs.to_owned()]).contains_key(o)) {
            return Relation::FastForward;
        }
        Relation::Diverged { bases: nearest(nodes, tips, theirs) }
    }
}

mod against_plain_walks {
    use super::plain;
    use crate::format::history::*;
    use proptest::prelude::*;
    use std::collections::BTreeMap;

    /// A history: version i's parents are earlier versions (0, 1 or 2 of them), each named
    /// as ids are (32 hexadecimal digits).
    fn history() -> impl proptest::strategy::Strategy<Value = Vec<Vec<usize>>> {
        proptest::collection::vec(proptest::collection::vec(any::<prop::sample::Index>(), 0..=2), 2..40).prop_map(
            |rows| {
                rows.iter()
                    .enumerate()
                    .map(|(i, ps)| {
                        let mut ps: Vec<usize> = if i == 0 { vec![] } else { ps.iter().map(|p| p.index(i)).collect() };
                        ps.sort_unstable();
                        ps.dedup();
                        ps
                    })
                    .collect()
            },
        )
    }

    fn id(i: usize) -> String {
        version_id(&format!("{i:032x}"), &[])
    }

    /// The nodes `tip` reaches, at most `max` (a bounded graph, as storage and files keep).
    fn side(all: &Graph, tip: usize, max: usize) -> Vec<Node> {
        all.bounded(&[id(tip)], max).iter().collect()
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: 400, ..ProptestConfig::default() })]

        #[test]
        fn relations_and_nearest_ancestors_are_the_plain_walks(
            rows in history(),
            ours in any::<prop::sample::Index>(),
            theirs in any::<prop::sample::Index>(),
            named in any::<bool>(),
            bound in 1usize..50,
        ) {
            let n = rows.len();
            let nodes: Vec<Node> = rows.iter().enumerate()
                .map(|(i, ps)| Node { id: id(i), parents: ps.iter().map(|p| id(*p)).collect() })
                .collect();
            let all = Graph::of(nodes);
            let (o, t) = (ours.index(n), theirs.index(n));
            // Each side holds what its tip reaches, bounded: the union is what both know.
            let (mine, brought) = (side(&all, o, bound), side(&all, t, bound));
            let mut union: BTreeMap<String, Vec<String>> = BTreeMap::new();
            for node in mine.iter().chain(&brought) {
                union.entry(node.id.clone()).or_insert(node.parents.clone());
            }
            let graph = Graph::of(mine);
            let beside = graph.beside(&brought.into());
            // Named: our head; not named, a change on top of our head's parents.
            let (head, tips) = match (named, rows[o].is_empty()) {
                (false, false) => (None, rows[o].iter().map(|p| id(*p)).collect::<Vec<_>>()),
                _ => (Some(id(o)), vec![id(o)]),
            };
            let got = relation_with(head.as_deref(), &tips, &id(t), &graph, &beside);
            prop_assert_eq!(&got, &plain::relation(&union, head.as_deref(), &tips, &id(t)));
            prop_assert_eq!(
                graph.nearest_common_with(&beside, &tips, &[id(t)]),
                plain::nearest(&union, &tips, &id(t))
            );
        }

        #[test]
        fn what_tips_reach_stays_right_as_the_graph_grows_and_the_tips_move(
            rows in history(),
            order in any::<u64>(),
            asked in proptest::collection::vec((any::<prop::sample::Index>(), any::<prop::sample::Index>(), any::<bool>()), 1..12),
        ) {
            let n = rows.len();
            // The nodes come in an order of their own (a parent's node may come after its
            // child's), a few at a time, and tips are asked about between.
            let mut coming: Vec<usize> = (0..n).collect();
            coming.sort_by_key(|i| (*i as u64).wrapping_mul(order | 1).rotate_left(17));
            let mut graph = Graph::default();
            let mut known: BTreeMap<String, Vec<String>> = BTreeMap::new();
            let chunk = n.div_ceil(asked.len());
            for (step, (a, b, two)) in asked.iter().enumerate() {
                for &i in coming.iter().skip(step * chunk).take(chunk) {
                    let parents: Vec<String> = rows[i].iter().map(|p| id(*p)).collect();
                    graph.add(&id(i), &parents);
                    known.insert(id(i), parents);
                }
                // Mostly forward (the newest version), sometimes anywhere.
                let tips: Vec<String> = match two {
                    true => vec![id(a.index(n)), id(b.index(n))],
                    false => vec![id(n - 1 - a.index(n.min(3)))],
                };
                let reached = plain::reached(&known, &tips);
                for x in 0..n {
                    prop_assert_eq!(graph.reaches(&tips, &id(x)), reached.contains_key(&id(x)), "{:?} reach {}", tips, x);
                }
            }
        }
    }
}
