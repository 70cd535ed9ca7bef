//! The merge run on every stand of two heads, with the versions at hand in memory (no storage):
//! which base it finds, whether it is exact, and when it reaches for the versions slower to
//! reach.

use super::*;
use crate::history::fixtures::{at, file, history, node, v};
use crate::history::{kept_of, Node, VersionId};
use crate::model::merge::edits::town;
use crate::testing::Wait;
use std::collections::HashMap;

/// A version's content: the town with its name as the title.
fn content(name: &str) -> Strategy {
    let mut s = town();
    s.title = name.to_owned();
    s
}

/// Versions at hand at once (`now`), those brought in by widening (`slow`), and what was asked.
#[derive(Default)]
struct Held {
    now: HashMap<VersionId, Strategy>,
    slow: HashMap<VersionId, Strategy>,
    widened: bool,
    asked: Vec<Vec<VersionId>>,
}

impl Held {
    fn with(now: &[&str], slow: &[&str]) -> Held {
        let map = |names: &[&str]| names.iter().map(|n| (v(n), content(n))).collect();
        Held { now: map(now), slow: map(slow), ..Held::default() }
    }
}

impl AtHand for Held {
    async fn find(&mut self, ids: &[VersionId]) -> Option<(Strategy, bool)> {
        self.asked.push(ids.to_vec());
        ids.iter().find_map(|id| self.now.get(id).cloned()).map(|s| (s, false))
    }

    async fn widen(&mut self, _: &[VersionId]) {
        assert!(!self.widened, "widened once");
        self.widened = true;
        self.now.extend(self.slow.drain());
    }
}

/// The run of `theirs` into `ours` over `nodes`, the versions ours keeps being `kept`.
fn base_of(ours: &str, theirs: &str, nodes: &[Node], held: &mut Held) -> Option<MergeBase> {
    let (place, theirs) = (at(ours, nodes), file(theirs, nodes));
    let kept = |id| held.now.contains_key(&id) || held.slow.contains_key(&id);
    let start = MergeStart::of(place.relation(&theirs), || kept_of(&theirs, kept));
    let run = MergeRun::new(&place, &theirs, start);
    run.base((&content(ours), &content(theirs.id.to_string().as_str())), held).wait()
}

#[test]
fn in_step_and_ahead_merge_from_ours_and_behind_from_theirs_asking_for_nothing() {
    let all = history();
    for (ours, theirs) in [("a2", "a2"), ("a", "a2")] {
        let mut held = Held::default();
        let base = base_of(ours, theirs, &all, &mut held).unwrap();
        assert_eq!((base.strategy.title.as_str(), base.exact, base.in_file), (ours, true, false));
        assert!(held.asked.is_empty() && !held.widened);
    }
    let (place, theirs) = (at("a2", &all), file("a", &all));
    let run = MergeRun::new(&place, &theirs, MergeStart::of(place.relation(&theirs), Vec::new));
    let base = run.base((&content("a2"), &content("a")), &mut Held::default()).wait().unwrap();
    assert_eq!((base.strategy.title.as_str(), base.exact), ("a", true), "behind: merged from theirs");
}

#[test]
fn diverged_with_the_nearest_at_hand_is_exact_and_reaches_for_nothing_slower() {
    let mut held = Held::with(&["o"], &[]);
    let base = base_of("a2", "b", &history(), &mut held).unwrap();
    assert_eq!((base.strategy.title.as_str(), base.exact), ("o", true));
    assert_eq!((held.asked, held.widened), (vec![vec![v("o")]], false));
}

#[test]
fn diverged_with_the_nearest_slower_to_reach_widens_once_and_is_still_exact() {
    let mut held = Held::with(&[], &["o"]);
    let base = base_of("a2", "b", &history(), &mut held).unwrap();
    assert_eq!((base.strategy.title.as_str(), base.exact), ("o", true));
    assert!(held.widened);
}

#[test]
fn a_criss_cross_merges_from_the_merge_of_the_nearest_versions() {
    let mut held = Held::with(&["a"], &["b", "o"]);
    let base = base_of("mx2", "my2", &history(), &mut held).unwrap();
    assert!(!base.exact, "a virtual base: made exact by the marks");
    assert!(held.widened, "a criss-cross reaches for every version at hand");
    for part in ["a", "b", "o"] {
        assert!(held.asked.iter().any(|ids| ids.first() == Some(&v(part))), "{part} asked: {:?}", held.asked);
    }
    // One nearest version missing: no virtual base; the first common version at hand, nearest
    // first (one of the nearest), not exact.
    let mut held = Held::with(&["o", "a"], &[]);
    let base = base_of("mx2", "my2", &history(), &mut held).unwrap();
    assert_eq!((base.strategy.title.as_str(), base.exact), ("a", false));
    let mut held = Held::with(&["o"], &[]);
    assert_eq!(base_of("mx2", "my2", &history(), &mut held).map(|b| b.strategy.title), Some("o".into()));
}

#[test]
fn beyond_the_graph_merges_from_a_version_of_theirs_kept_here_or_from_none() {
    // Theirs descends from "o", which ours no longer knows in its graph but keeps.
    let ours = vec![node("z", &[])];
    let theirs = vec![node("o", &[]), node("b", &["o"])];
    let place = at("z", &ours);
    let file = FileVersion { id: v("b"), parents: vec![v("o")], graph: theirs.into_iter().collect() };
    let mut held = Held::with(&["o"], &[]);
    let start = MergeStart::of(place.relation(&file), || kept_of(&file, |id| id == v("o")));
    assert_eq!(start, MergeStart::Merge { nearest: vec![], bases: vec![v("o")] });
    let run = MergeRun::new(&place, &file, start);
    let base = run.base((&content("z"), &content("b")), &mut held).wait().unwrap();
    assert_eq!((base.strategy.title.as_str(), base.exact), ("o", false));
    // Nothing of theirs kept: no base (every difference is a card).
    let start = MergeStart::of(place.relation(&file), Vec::new);
    let run = MergeRun::new(&place, &file, start);
    assert_eq!(run.base((&content("z"), &content("b")), &mut Held::default()).wait(), None);
}

/// A value both sides set after the base, neither having seen the other's: the merge reads the
/// marks (a card whatever the base holds) when the base is not the nearest version; from the
/// nearest, and without marks, it merges from the base as it is.
#[test]
fn only_a_base_other_than_the_nearest_version_is_made_exact_by_the_marks() {
    use crate::model::merge::provenance::{Provenance, Tabled};
    use crate::model::merge::{merge_with, Field, Version};
    let base = |exact| MergeBase { strategy: content("o"), in_file: false, exact };
    let (ours, theirs) = (content("a"), content("b"));
    let marked = |s: &Strategy, by: &str| {
        Provenance::default().stamp(&Tabled::of(&content("o")), by, 1).stamp(&Tabled::of(s), by, 10)
    };
    let sides =
        Sides { ours: (Tabled::of(&ours), marked(&ours, "a")), theirs: (Tabled::of(&theirs), marked(&theirs, "b")) };
    let title_base = |base: &MergeBase, marks| {
        let m = merge_with(&base.strategy, marks, &ours, &theirs);
        let title = m.conflicts.iter().find(|c| c.field == Field::Value("title".into()));
        title.unwrap_or_else(|| panic!("a card on the title: {:?}", m.conflicts)).base.clone()
    };
    let far = base(false);
    assert!(MergeRun::marks(&far, Some(&sides)).is_some());
    assert_eq!(title_base(&far, MergeRun::marks(&far, Some(&sides))), Version::Unknown, "both set it unseen");
    let near = base(true);
    assert_eq!(MergeRun::marks(&near, Some(&sides)), None, "the nearest version is exact already");
    assert_eq!(title_base(&near, None), Version::Value("o".into()), "as the base holds it");
    assert_eq!(MergeRun::marks(&far, None), None, "no marks: as found");
}
