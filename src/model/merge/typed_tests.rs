//! The typed merge where random edits do not reach: unknown fields (changed on one side, on
//! both, removed), the objects merged field by field, the publication's lists, votes, national
//! goals, and rows both sides added (compared as the file writes them). Each case says what the
//! merge must give: its cards, what it takes silently, and the strategy for either choice.

use super::edits::town;
use super::*;
use crate::model::{Actual, FiscalYear, Highlight, Id, NationalGoal, NoteTarget, Strategy};
use serde_json::json;
use std::sync::Arc;

/// Three versions made from the town's strategy by `edit(version, side)` (0: the common
/// version, 1: this computer's, 2: the file's), each edit on the version before.
fn versions(edit: impl Fn(&mut Strategy, usize)) -> [Strategy; 3] {
    let mut base = town();
    edit(&mut base, 0);
    let [mut ours, mut theirs] = [base.clone(), base.clone()];
    edit(&mut ours, 1);
    edit(&mut theirs, 2);
    [base, ours, theirs]
}

/// Each card's field with its three versions, in the merge's order.
fn cards(m: &Merge) -> Vec<(Field, [Version; 3])> {
    m.conflicts.iter().map(|c| (c.field.clone(), [c.base.clone(), c.ours.clone(), c.theirs.clone()])).collect()
}

fn value(v: serde_json::Value) -> Version {
    Version::Value(v)
}

fn named(name: &str) -> Field {
    Field::Value(name.into())
}

/// Both sides' versions of every card, resolved each way.
fn both_ways(m: &Merge) -> [Strategy; 2] {
    [Side::Ours, Side::Theirs].map(|side| m.resolve_all(side).unwrap_or_else(|e| panic!("{side:?}: {e}")))
}

#[test]
fn unknown_fields_merge_key_by_key_with_a_card_where_both_set_one() {
    let [base, ours, theirs] = versions(|s, side| {
        let goal = Arc::make_mut(&mut s.goals[0]);
        let note = |s: &mut Strategy, n: i32| {
            Arc::make_mut(&mut s.indicators[0]).series[0].unknown.insert("note".into(), json!(n));
        };
        match side {
            0 => {
                goal.unknown.insert("colour".into(), json!("red"));
                s.unknown.insert("x_app".into(), json!({"v": 1}));
            }
            1 => {
                goal.unknown.insert("colour".into(), json!("blue"));
                s.unknown.remove("x_app");
                note(s, 1);
            }
            _ => {
                goal.unknown.insert("colour".into(), json!("green"));
                s.unknown.insert("x_app".into(), json!({"v": 2}));
                note(s, 2);
            }
        }
    });
    let m = merge(&base, &ours, &theirs);
    assert!(m.taken.is_empty() && m.kept.is_empty(), "{:?} {:?}", m.taken, m.kept);
    let mut got = cards(&m);
    got.sort_by_key(|(f, _)| format!("{f:?}"));
    assert_eq!(
        got,
        [
            (named("colour"), [value(json!("red")), value(json!("blue")), value(json!("green"))]),
            (named("note"), [Version::Absent, value(json!(1)), value(json!(2))]),
            (named("x_app"), [value(json!({"v": 1})), Version::Absent, value(json!({"v": 2}))]),
        ]
    );
    let [o, t] = both_ways(&m);
    let colour = |s: &Strategy| s.goals[0].unknown.get("colour").cloned();
    let note = |s: &Strategy| s.indicators[0].series[0].unknown.get("note").cloned();
    assert_eq!((colour(&o), note(&o), o.unknown.get("x_app")), (Some(json!("blue")), Some(json!(1)), None));
    assert_eq!(
        (colour(&t), note(&t), t.unknown.get("x_app")),
        (Some(json!("green")), Some(json!(2)), Some(&json!({"v": 2})))
    );
}

#[test]
fn the_strategys_objects_and_the_publication_merge_field_by_field() {
    let [base, ours, theirs] = versions(|s, side| match side {
        0 => s.municipality.code = Some("012345".into()),
        1 => {
            s.municipality.name = "北斗町".into();
            s.municipality.code = None;
            s.publication_mut().address = "https://a.example/".into();
            let hidden = s.goals[0].id.clone();
            s.publication_mut().hidden.push(hidden);
            let goal = s.goals[1].id.clone();
            s.publication_mut().highlights.push(Highlight { goal, text: "ours".into() });
        }
        _ => {
            s.national_framework.name = "第3期".into();
            s.publication_mut().address = "https://b.example/".into();
            let goal = s.goals[1].id.clone();
            s.publication_mut().highlights.push(Highlight { goal, text: "theirs".into() });
        }
    });
    let m = merge(&base, &ours, &theirs);
    let fields = |c: &[Change]| c.iter().map(|c| c.field.clone()).collect::<Vec<_>>();
    assert_eq!(fields(&m.taken), [named("national_framework.name")]);
    let kept = fields(&m.kept);
    assert!(kept.contains(&named("municipality.name")) && kept.contains(&named("municipality.code")), "{kept:?}");
    assert!(kept.iter().any(|f| matches!(f, Field::Entry { list: "publication.hidden", field: None, .. })), "{kept:?}");
    let got = cards(&m);
    assert_eq!(got.len(), 2, "{got:?}");
    assert_eq!(got[0].0, named("publication.address"));
    assert!(matches!(&got[1].0, Field::Entry { list: "publication.highlights", field: Some(f), .. } if f == "text"));
    assert_eq!(got[1].1, [Version::Absent, value(json!("ours")), value(json!("theirs"))]);
    for s in both_ways(&m) {
        // What only one side changed, whichever is chosen for the cards.
        assert_eq!((s.municipality.name.as_str(), &s.municipality.code), ("北斗町", &None));
        assert_eq!(
            (s.national_framework.name.as_str(), &s.publication.hidden),
            ("第3期", &vec![base.goals[0].id.clone()])
        );
    }
    let [o, t] = both_ways(&m);
    let highlight = |s: &Strategy| (s.publication.address.clone(), s.publication.highlights[0].text.clone());
    assert_eq!(highlight(&o), ("https://a.example/".into(), "ours".into()));
    assert_eq!(highlight(&t), ("https://b.example/".into(), "theirs".into()));
}

#[test]
fn votes_add_up_and_a_national_goal_removed_while_newly_chosen_is_a_card() {
    let [base, ours, theirs] = versions(|s, side| match side {
        0 => {
            let kind = s.goals[0].kind;
            let g = NationalGoal { id: Id("ng-1".into()), kind, number: "1".into(), title: "仕事".into() };
            s.national_framework.goals.push(g);
            let w = s.start_workshop("第1回", "2025-07-12");
            let target = NoteTarget::Goal(s.goals[0].id.clone());
            s.add_note(&w, target, "案").unwrap();
        }
        _ => {
            s.workshops[0].notes[0].votes += side as u32;
            Arc::make_mut(&mut s.goals[0]).national_goal =
                (side == 1).then(|| Id("ng-1".into())).or(Some(Id("ng-2".into())));
            if side == 2 {
                s.national_framework.goals.clear();
            }
        }
    });
    let m = merge(&base, &ours, &theirs);
    let got = cards(&m);
    assert_eq!(got.len(), 2, "{got:?}");
    let removal = &m.conflicts[0];
    assert_eq!(
        (removal.kind, &removal.entity.id, &removal.field),
        (ConflictKind::Dangling { removed_by: Side::Theirs }, &Id("ng-1".into()), &Field::Whole)
    );
    assert!(matches!(&removal.ours, Version::Edited(changes) if changes[0].field == named("national_goal")));
    assert_eq!(got[1].0, named("national_goal"));
    assert_eq!((&got[1].1[1], &got[1].1[2]), (&value(json!("ng-1")), &value(json!("ng-2"))));
    // The votes: both sides' increments (1 and 2), no card.
    assert_eq!(m.strategy().workshops[0].notes[0].votes, base.workshops[0].notes[0].votes + 3);
    let [o, _] = both_ways(&m);
    assert_eq!(o.goals[0].national_goal, Some(Id("ng-1".into())));
    assert!(o.national_framework.goals.iter().any(|g| g.id.0 == "ng-1"), "kept, as this computer refers to it");
}

#[test]
fn rows_both_sides_added_compare_as_the_file_writes_them() {
    let [base, ours, theirs] = versions(|s, side| {
        let series = &mut Arc::make_mut(&mut s.indicators[0]).series[0];
        series.actuals.retain(|a| a.year.0 != 2030);
        if side > 0 {
            let mut row = Actual::new(FiscalYear(2030), 5.0);
            row.comment = if side == 1 { String::new() } else { "速報".into() };
            row.source = if side == 1 { "統計".into() } else { String::new() };
            series.actuals.push(row);
        }
    });
    let m = merge(&base, &ours, &theirs);
    // A comment is written even empty: both set it. An empty source is left out: only ours set it.
    let got = cards(&m);
    assert_eq!(got.len(), 1, "{got:?}");
    assert!(matches!(&got[0].0, Field::Entry { list: "actuals", field: Some(f), .. } if f == "comment"));
    assert_eq!(got[0].1, [Version::Absent, value(json!("")), value(json!("速報"))]);
    assert!(matches!(&m.kept[..], [Change { field: Field::Entry { field: Some(f), .. }, .. }] if f == "source"));
    let row = |s: &Strategy| {
        let a = s.indicators[0].series[0].actuals.iter().find(|a| a.year.0 == 2030).cloned().unwrap();
        (a.value, a.comment, a.source)
    };
    let [o, t] = both_ways(&m);
    assert_eq!(row(&o), (5.0, String::new(), "統計".into()));
    assert_eq!(row(&t), (5.0, "速報".into(), "統計".into()));
}
