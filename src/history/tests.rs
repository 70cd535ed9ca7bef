//! The version graph's answers (`history`): ids, relations, nearest common ancestors, bounds,
//! and, as properties, the same answers as plain walks over both sides' nodes.
use crate::history::fixtures::{node, v};
use crate::history::*;

fn vs(names: &[&str]) -> Vec<VersionId> {
    names.iter().map(|n| v(n)).collect()
}

#[test]
fn an_id_names_content_and_parents_in_any_order() {
    let (a, b) = (v("a"), v("b"));
    let fp = VersionId::from_bits(0);
    assert_eq!(version_id(fp, &[a, b]), version_id(fp, &[b, a]));
    assert_ne!(version_id(fp, &[a]), version_id(fp, &[b]), "same content, other history");
    assert_ne!(version_id(fp, &[a]), version_id(v("1"), &[a]), "same history, other content");
    // The hash of the ids' digits as text, as every build named them.
    let digits = |id: VersionId| format!("{id}");
    let mut h = xxhash_rust::xxh3::Xxh3::new();
    h.update(b"shirube-version\0");
    h.update(digits(fp).as_bytes());
    let (lo, hi) = if digits(a) < digits(b) { (a, b) } else { (b, a) };
    for p in [lo, hi] {
        h.update(b"\0");
        h.update(digits(p).as_bytes());
    }
    assert_eq!(version_id(fp, &[b, a, b]), VersionId::from_bits(h.digest128()));
}

/// o ← a1 ← a2 (ours), o ← b1 (theirs), and a merge m of a2 and b1.
fn sample() -> Graph {
    Graph::of([node("o", &[]), node("a1", &["o"]), node("a2", &["a1"]), node("b1", &["o"]), node("m", &["a2", "b1"])])
}

#[test]
fn relations_are_read_from_the_graph() {
    let g = sample();
    let rel = |ours: Option<&str>, tip: &str, theirs: &str| relation(ours.map(v), &[v(tip)], v(theirs), &g);
    assert_eq!(rel(Some("a2"), "a2", "a2"), Relation::InStep);
    assert_eq!(rel(Some("a2"), "a2", "a1"), Relation::Behind);
    assert_eq!(rel(Some("a1"), "a1", "a2"), Relation::FastForward);
    assert_eq!(rel(Some("a2"), "a2", "b1"), Relation::Diverged { bases: vs(&["o"]) });
    assert_eq!(rel(Some("b1"), "b1", "m"), Relation::FastForward, "a merge reaches its parents");
    // An unnamed change on top of a1: never a fast-forward, merged from a1.
    assert_eq!(rel(None, "a1", "a2"), Relation::Diverged { bases: vs(&["a1"]) });
    assert_eq!(g.common_ancestors(&vs(&["a1"]), &vs(&["a2"])), vs(&["a1", "o"]), "and, should a1 be gone, o");
    assert_eq!(rel(None, "a2", "a1"), Relation::Behind);
    // Unknown: no base.
    assert_eq!(rel(Some("a2"), "a2", "zz"), Relation::Diverged { bases: vec![] });
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
    let mut nearest = vs(&["x", "y"]);
    nearest.sort();
    let all: Vec<VersionId> = nearest.iter().copied().chain([v("o")]).collect();
    assert_eq!(g.common_ancestors(&vs(&["mx"]), &vs(&["my"])), all);
    assert_eq!(g.common_ancestors(&vs(&["my"]), &vs(&["mx"])), all);
    assert_eq!(g.nearest_common(&vs(&["mx"]), &vs(&["my"])), nearest);
    assert_eq!(sample().nearest_common(&vs(&["a2"]), &vs(&["b1"])), vs(&["o"]));
}

#[test]
fn a_bounded_graph_keeps_the_nearest_versions() {
    let names: Vec<String> = (0..10).map(|i| format!("v{i}")).collect();
    let chain: Vec<VersionId> = names.iter().map(|n| v(n)).collect();
    let g = Graph::of(legacy_chain(&chain));
    let kept = g.bounded(&[chain[0]], 3);
    assert_eq!(kept.iter().map(|n| n.id).collect::<Vec<_>>(), chain[..3]);
    assert_eq!(kept.parents_of(chain[0]), Some(vec![chain[1]]));
    assert_eq!(g.bounded(&[chain[8]], 100).len(), 2, "only what the tip descends from");
}

/// The plain walks the graph's answers must equal: every version each side reaches, over
/// both sides' nodes as one graph.
mod plain {
    use crate::history::*;
    use std::collections::{BTreeMap, BTreeSet, VecDeque};

    pub fn reached(nodes: &BTreeMap<VersionId, Vec<VersionId>>, tips: &[VersionId]) -> BTreeMap<VersionId, usize> {
        let mut seen = BTreeMap::new();
        let mut queue: VecDeque<(VersionId, usize)> = tips.iter().map(|t| (*t, 0)).collect();
        while let Some((id, d)) = queue.pop_front() {
            if seen.contains_key(&id) {
                continue;
            }
            seen.insert(id, d);
            for p in nodes.get(&id).into_iter().flatten() {
                queue.push_back((*p, d + 1));
            }
        }
        seen
    }

    /// The nearest common ancestors by their summed distance, then id.
    pub fn nearest(
        nodes: &BTreeMap<VersionId, Vec<VersionId>>,
        ours: &[VersionId],
        theirs: VersionId,
    ) -> Vec<VersionId> {
        let (a, b) = (reached(nodes, ours), reached(nodes, &[theirs]));
        let common: BTreeSet<&VersionId> = a.keys().filter(|k| b.contains_key(*k)).collect();
        let below: Vec<VersionId> = common.iter().flat_map(|c| nodes.get(*c).into_iter().flatten().copied()).collect();
        let dominated = reached(nodes, &below);
        let mut near: Vec<(usize, &VersionId)> =
            common.into_iter().filter(|c| !dominated.contains_key(*c)).map(|c| (a[c] + b[c], c)).collect();
        near.sort();
        near.into_iter().map(|(_, c)| *c).collect()
    }

    pub fn relation(
        nodes: &BTreeMap<VersionId, Vec<VersionId>>,
        ours: Option<VersionId>,
        tips: &[VersionId],
        theirs: VersionId,
    ) -> Relation {
        if ours == Some(theirs) {
            return Relation::InStep;
        }
        if reached(nodes, tips).contains_key(&theirs) {
            return Relation::Behind;
        }
        if ours.is_some_and(|o| reached(nodes, &[theirs]).contains_key(&o)) {
            return Relation::FastForward;
        }
        Relation::Diverged { bases: nearest(nodes, tips, theirs) }
    }
}

mod against_plain_walks {
    use super::plain;
    use crate::history::*;
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

    fn id(i: usize) -> VersionId {
        version_id(VersionId::from_bits(i as u128), &[])
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
            let mut union: BTreeMap<VersionId, Vec<VersionId>> = BTreeMap::new();
            for node in mine.iter().chain(&brought) {
                union.entry(node.id).or_insert(node.parents.clone());
            }
            let graph = Graph::of(mine);
            let beside = graph.beside(&brought.into());
            // Named: our head; not named, a change on top of our head's parents.
            let (head, tips) = match (named, rows[o].is_empty()) {
                (false, false) => (None, rows[o].iter().map(|p| id(*p)).collect::<Vec<_>>()),
                _ => (Some(id(o)), vec![id(o)]),
            };
            let got = relation_with(head, &tips, id(t), &graph, &beside);
            prop_assert_eq!(&got, &plain::relation(&union, head, &tips, id(t)));
            prop_assert_eq!(
                graph.nearest_common_with(&beside, &tips, &[id(t)]),
                plain::nearest(&union, &tips, id(t))
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
            let mut known: BTreeMap<VersionId, Vec<VersionId>> = BTreeMap::new();
            let chunk = n.div_ceil(asked.len());
            for (step, (a, b, two)) in asked.iter().enumerate() {
                for &i in coming.iter().skip(step * chunk).take(chunk) {
                    let parents: Vec<VersionId> = rows[i].iter().map(|p| id(*p)).collect();
                    graph.add(id(i), &parents);
                    known.insert(id(i), parents);
                }
                // Mostly forward (the newest version), sometimes anywhere.
                let tips: Vec<VersionId> = match two {
                    true => vec![id(a.index(n)), id(b.index(n))],
                    false => vec![id(n - 1 - a.index(n.min(3)))],
                };
                let reached = plain::reached(&known, &tips);
                for x in 0..n {
                    prop_assert_eq!(graph.reaches(&tips, id(x)), reached.contains_key(&id(x)), "{:?} reach {}", tips, x);
                }
            }
        }
    }
}

/// 反映's "between two versions" asked of a place: the current version (unnamed, made on a2)
/// holds what a2 descends from; a kept version reaches its ancestors; beyond the graph it
/// cannot say.
#[test]
fn a_place_says_which_versions_a_version_is_made_on() {
    use crate::model::hearing::reflection::Descent;
    let place = Place { id: None, parents: vs(&["a2"]), graph: sample() };
    assert_eq!(place.reaches(None, v("a1")), Some(true));
    assert_eq!(place.reaches(None, v("b1")), Some(false), "b1 is not in the current version's line");
    assert_eq!(place.reaches(Some(v("a1")), v("a2")), Some(false));
    assert_eq!(place.reaches(Some(v("m")), v("b1")), Some(true));
    assert_eq!(place.reaches(Some(v("a1")), v("a1")), Some(true));
    assert_eq!(place.reaches(None, v("elsewhere")), None);
    assert_eq!(place.reaches(Some(v("elsewhere")), v("a1")), None);
}
