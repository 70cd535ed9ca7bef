use super::*;
use crate::model::{
    Baseline, FiscalYear, Goal, GoalKind, Indicator, Initiative, Measure, NarrativeSection, NextPeriod, PlanPeriod,
    Series, Target,
};
use std::sync::Arc;

fn fy(y: i32) -> FiscalYear {
    FiscalYear(y)
}

/// One goal, two measures (the first with a KPI and an initiative), one section.
fn strategy() -> Strategy {
    let mut s = Strategy::blank("第2期しるべ町総合戦略", "しるべ町", PlanPeriod { first: fy(2020), last: fy(2024) });
    s.sections = vec![NarrativeSection {
        id: Id::new("section"),
        heading: "策定趣旨".into(),
        body: "人口減少に歯止めをかけ、子育て世代の転入を促進するため、本戦略を策定する。".into(),
    }];
    let mut births = Indicator::new("1-1", "出生数", "人");
    let mut series = Series::new("");
    series.baseline = Some(Baseline { value: 120.0, year: Some(fy(2019)) });
    series.target = Some(Target::Value { value: 130.0, year: Some(fy(2024)) });
    births.series = vec![series];
    let mut m1 = Measure::new("1-1", "子育て支援");
    m1.kpis = vec![births.id.clone()];
    m1.initiatives.push(Arc::new(Initiative::new("1", "出産祝い金")));
    let m2 = Measure::new("1-2", "移住定住の促進");
    let mut g = Goal::new(GoalKind::Basic, "1", "子どもを産み育てる");
    g.measures = vec![Arc::new(m1), Arc::new(m2)];
    s.goals.push(Arc::new(g));
    s.indicators = vec![Arc::new(births)];
    s
}

fn notes(t: &Comparison) -> Vec<(ChangedField, Note)> {
    t.rows.iter().map(|r| (r.field.clone(), r.note)).collect()
}

#[test]
fn the_same_version_has_no_rows() {
    let s = strategy();
    assert_eq!(compare(&s, &s).unwrap().rows, Vec::new());
}

#[test]
fn a_new_measure_is_new_and_a_removed_one_removed_after_its_old_neighbour() {
    let old = strategy();
    let mut new = old.clone();
    let g = Arc::make_mut(&mut new.goals[0]);
    let gone = g.measures.remove(0);
    let mut added = Measure::new("1-3", "関係人口の創出");
    added.summary = "ふるさと納税を通じた交流を広げる。".into();
    g.measures.push(Arc::new(added));
    let t = compare(&old, &new).unwrap();
    // The removed measure (and its initiative) come first: it was first in the old version.
    let removed: Vec<_> = t.rows.iter().filter(|r| r.note == Note::Removed).collect();
    assert_eq!(removed[0].place.last().unwrap().title, gone.title);
    assert!(removed.iter().any(|r| r.place.last().unwrap().title == "出産祝い金"));
    assert_eq!(t.rows[0].note, Note::Removed);
    let new_rows: Vec<_> = t.rows.iter().filter(|r| r.note == Note::New).map(|r| r.field.clone()).collect();
    assert_eq!(new_rows, vec![ChangedField::Number, ChangedField::Title, ChangedField::Summary]);
    assert_eq!(t.rows.last().unwrap().new, Some(ComparedValue::Text("ふるさと納税を通じた交流を広げる。".into())));
    // The indicator the removed measure held is still there (unused): not removed.
    assert!(!t.rows.iter().any(|r| r.place.last().unwrap().kind == PlaceKind::Indicator));
}

#[test]
fn text_put_into_an_empty_field_is_added_and_emptied_is_removed() {
    let old = strategy();
    let mut new = old.clone();
    let g = Arc::make_mut(&mut new.goals[0]);
    g.direction = "安心して子どもを産み育てられる環境をつくる。".into();
    new.sections[0].body.clear();
    let t = compare(&old, &new).unwrap();
    assert_eq!(notes(&t), vec![(ChangedField::Body, Note::Cleared), (ChangedField::Direction, Note::Added)]);
}

#[test]
fn a_measure_moved_to_another_goal_is_shown_as_a_move() {
    let old = strategy();
    let mut new = old.clone();
    let moved = Arc::make_mut(&mut new.goals[0]).measures.remove(1);
    let mut g2 = Goal::new(GoalKind::Basic, "2", "ひとを呼び込む");
    g2.measures.push(moved);
    new.goals.push(Arc::new(g2));
    let t = compare(&old, &new).unwrap();
    let mv = t.rows.iter().find(|r| r.note == Note::Moved).expect("a move");
    assert_eq!(mv.field, ChangedField::Place);
    assert_eq!(mv.place[0].title, "ひとを呼び込む");
    let Some(ComparedValue::Place(was)) = &mv.old else { panic!() };
    assert_eq!(was[0].title, "子どもを産み育てる");
    // The new goal itself is new; nothing else.
    assert!(t.rows.iter().all(|r| r.note == Note::New || r.note == Note::Moved));
}

#[test]
fn text_changed_in_the_middle_of_a_sentence() {
    let old = strategy();
    let mut new = old.clone();
    new.sections[0].body = "人口減少に歯止めをかけ、子育て世代の定住を促進するため、本戦略を策定する。".into();
    let t = compare(&old, &new).unwrap();
    assert_eq!(notes(&t), vec![(ChangedField::Body, Note::Changed)]);
    let (Some(ComparedValue::Text(n)), Some(ComparedValue::Text(o))) = (&t.rows[0].new, &t.rows[0].old) else {
        panic!()
    };
    let (n, o) = text::diff(o, n);
    assert_eq!(
        text::plain(&n, "[", "]"),
        "人口減少に歯止めをかけ、子育て世代の[定住]を促進するため、本戦略を策定する。"
    );
    assert_eq!(
        text::plain(&o, "[", "]"),
        "人口減少に歯止めをかけ、子育て世代の[転入]を促進するため、本戦略を策定する。"
    );
}

#[test]
fn a_kpis_target_changed() {
    let old = strategy();
    let mut new = old.clone();
    let ind = Arc::make_mut(&mut new.indicators[0]);
    ind.series[0].target = Some(Target::Value { value: 140.0, year: Some(fy(2024)) });
    let t = compare(&old, &new).unwrap();
    assert_eq!(notes(&t), vec![(ChangedField::Target(String::new()), Note::Changed)]);
    let r = &t.rows[0];
    let kinds: Vec<PlaceKind> = r.place.iter().map(|s| s.kind).collect();
    assert_eq!(kinds, vec![PlaceKind::Goal(GoalKind::Basic), PlaceKind::Measure, PlaceKind::Indicator]);
    assert!(
        matches!(&r.new, Some(ComparedValue::Target { target: Target::Value { value, .. }, .. }) if *value == 140.0)
    );
    assert!(
        matches!(&r.old, Some(ComparedValue::Target { target: Target::Value { value, .. }, .. }) if *value == 130.0)
    );
}

#[test]
fn an_item_carried_to_the_next_period_is_matched_through_its_origin() {
    let old = strategy();
    let births = old.indicators[0].id.clone();
    let mut new = old.next_period(&NextPeriod {
        title: "第3期しるべ町総合戦略".into(),
        period: PlanPeriod { first: fy(2025), last: fy(2029) },
        indicators: vec![births],
        frame: None,
    });
    let ind = Arc::make_mut(&mut new.indicators[0]);
    ind.series[0].target = Some(Target::Value { value: 135.0, year: Some(fy(2029)) });
    Arc::make_mut(&mut Arc::make_mut(&mut new.goals[0]).measures[1]).title = "移住・定住の促進".into();
    let t = compare(&old, &new).unwrap();
    assert!(t.across_periods);
    let fields = notes(&t);
    assert!(fields.contains(&(ChangedField::Title, Note::Changed)), "{fields:?}");
    // The carried KPI: its baseline (proposed from the last actual, none here: the old one) kept,
    // its target changed, not a new indicator.
    assert!(fields.contains(&(ChangedField::Target(String::new()), Note::Changed)), "{fields:?}");
    assert!(!t.rows.iter().any(|r| matches!(r.note, Note::New | Note::Removed)), "{:?}", t.rows);
    let renamed = t.rows.iter().find(|r| r.field == ChangedField::Title && r.place.len() == 2).unwrap();
    assert_eq!(renamed.new, Some(ComparedValue::Text("移住・定住の促進".into())));
}

#[test]
fn unrelated_strategies_are_refused() {
    let a = strategy();
    let b = strategy();
    assert_eq!(compare(&a, &b), Err(Refusal::Unrelated));
    // A version with everything replaced is still the same strategy.
    let mut c = a.clone();
    c.goals.clear();
    c.sections.clear();
    c.indicators.clear();
    assert!(compare(&a, &c).is_ok());
}

#[test]
fn across_periods_a_renumbered_goal_is_matched_through_the_kpi_it_holds() {
    let mut old = strategy();
    let births = old.indicators[0].id.clone();
    Arc::make_mut(&mut old.goals[0]).targets = vec![births.clone()];
    let mut new = old.next_period(&NextPeriod {
        title: "第3期しるべ町総合戦略".into(),
        period: PlanPeriod { first: fy(2025), last: fy(2029) },
        indicators: vec![births],
        frame: None,
    });
    let g = Arc::make_mut(&mut new.goals[0]);
    g.number = "3".into();
    g.title = "結婚・出産・子育ての希望をかなえる".into();
    let t = compare(&old, &new).unwrap();
    let goal_rows: Vec<_> = t.rows.iter().filter(|r| r.place.len() == 1 && r.place[0].number == "3").collect();
    let notes: Vec<_> = goal_rows.iter().map(|r| (r.field.clone(), r.note)).collect();
    assert_eq!(notes, vec![(ChangedField::Number, Note::Changed), (ChangedField::Title, Note::Changed)]);
    assert!(!t.rows.iter().any(|r| matches!(r.note, Note::New | Note::Removed | Note::Moved)), "{:?}", t.rows);
}
