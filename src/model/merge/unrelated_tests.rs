//! A merge with no common version known ([`merge_unrelated`]): nothing is taken silently, every
//! difference is a card whose common version is unknown, and choosing one side throughout gives
//! that side's content.

use super::edits::{edited, town};
use super::key::Key;
use super::proptests::edits;
use super::typed::table::TypedTable;
use super::*;
use crate::model::{Goal, GoalKind, Measure, Strategy};
use proptest::prelude::*;
use std::collections::BTreeMap;
use std::sync::Arc;

/// Each item's parent and values, and the members of each of its lists (their order aside: a
/// merge with no common version takes the file's order, as every merge does where moves cross).
fn content(s: &Strategy) -> BTreeMap<Key, String> {
    let flat = TypedTable::of(s);
    let mut out = BTreeMap::new();
    for (key, item) in &flat.items {
        let mut children: Vec<Vec<&Key>> = item.children.iter().map(|c| c.iter().collect()).collect();
        children.iter_mut().for_each(|c| c.sort());
        out.insert(key.clone(), format!("{:?} {:?} {:?}", item.parent, item.node.json(), children));
    }
    out
}

#[test]
fn the_same_content_merges_to_itself_with_no_card() {
    let s = town();
    let m = merge_unrelated(&s, &s);
    assert!(m.conflicts.is_empty() && m.taken.is_empty() && m.kept.is_empty(), "{:?}", m.conflicts);
    assert_eq!(m.strategy(), s);
}

#[test]
fn a_value_held_differently_is_a_card_with_an_unknown_common_version() {
    let ours = town();
    let mut theirs = ours.clone();
    Arc::make_mut(&mut theirs.goals[0]).subtitle = "～ファイルの副題～".into();
    let m = merge_unrelated(&ours, &theirs);
    assert_eq!(m.conflicts.len(), 1, "{:?}", m.conflicts);
    let c = &m.conflicts[0];
    assert_eq!(
        (c.kind, &c.field, &c.base),
        (ConflictKind::BothChanged, &Field::Value("subtitle".into()), &Version::Unknown)
    );
    assert_eq!(c.theirs, Version::Value("～ファイルの副題～".into()));
    assert_eq!(m.resolve_all(Side::Theirs).unwrap().goals[0].subtitle, "～ファイルの副題～");
    assert_eq!(m.resolve_all(Side::Ours).unwrap(), ours);
}

#[test]
fn what_only_one_side_holds_is_one_card_with_everything_under_it() {
    let ours = town();
    let mut theirs = ours.clone();
    let mut goal = Goal::new(GoalKind::Basic, "9", "ファイルにだけある目標");
    goal.measures.push(Arc::new(Measure::new("9-1", "その下の施策")));
    theirs.goals.push(Arc::new(goal));
    let m = merge_unrelated(&ours, &theirs);
    assert_eq!(m.conflicts.len(), 1, "{:?}", m.conflicts);
    let c = &m.conflicts[0];
    assert_eq!(c.kind, ConflictKind::RemovedEdited { removed_by: Side::Ours });
    assert_eq!(
        (&c.field, &c.base, &c.ours, &c.theirs),
        (&Field::Whole, &Version::Unknown, &Version::Absent, &Version::Present)
    );
    assert_eq!(m.resolve_all(Side::Ours).unwrap(), ours);
    assert_eq!(m.resolve_all(Side::Theirs).unwrap(), theirs);
    // The other way round: held by this computer only.
    let m = merge_unrelated(&theirs, &ours);
    assert_eq!(m.conflicts[0].kind, ConflictKind::RemovedEdited { removed_by: Side::Theirs });
}

#[test]
fn votes_held_differently_are_a_card_not_a_sum() {
    let mut ours = town();
    let mut theirs = ours.clone();
    let votes = |s: &mut Strategy, n: u32| {
        let w = s.workshops.first_mut().expect("the town has a workshop");
        w.notes.first_mut().expect("and a note").votes = n;
    };
    votes(&mut ours, 3);
    votes(&mut theirs, 5);
    let m = merge_unrelated(&ours, &theirs);
    assert_eq!(m.conflicts.len(), 1, "{:?}", m.conflicts);
    assert_eq!(m.conflicts[0].field, Field::Value("votes".into()));
    assert_eq!(m.resolve_all(Side::Theirs).unwrap(), theirs);
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

    #[test]
    fn every_difference_is_a_card_and_either_side_throughout_gives_that_side(
        common in edits(6), here in edits(10), there in edits(10), picks in any::<u64>()
    ) {
        let base = edited(&town(), &common);
        let (ours, theirs) = (edited(&base, &here), edited(&base, &there));
        let valid = |s: &Strategy| errors(&validate(s)).next().is_none();
        prop_assume!(valid(&ours) && valid(&theirs));
        let m = merge_unrelated(&ours, &theirs);
        prop_assert!(m.taken.is_empty() && m.kept.is_empty(), "taken silently: {:?} {:?}", m.taken, m.kept);
        prop_assert!(m.conflicts.iter().all(|c| c.base == Version::Unknown));
        prop_assert_eq!(m.conflicts.is_empty(), content(&ours) == content(&theirs));
        prop_assert_eq!(content(&m.resolve_all(Side::Ours).unwrap()), content(&ours));
        prop_assert_eq!(content(&m.resolve_all(Side::Theirs).unwrap()), content(&theirs));
        let n = m.conflicts.len();
        let mixed: Vec<Side> = (0..n).map(|i| if picks >> (i % 64) & 1 == 1 { Side::Theirs } else { Side::Ours }).collect();
        let s = m.resolve(&mixed);
        prop_assert!(s.is_ok(), "{:?} with {:?}", s, mixed);
    }
}
