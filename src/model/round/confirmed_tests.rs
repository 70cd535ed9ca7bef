//! What a 確認 protects: a later change to a confirmed value, from any incoming strategy, is
//! listed with who made it; the planning section's own steps are not; keeping puts the
//! confirmed values back; a 確認 of an older file (no values kept) still reads and covers.

use super::tests::{fill, opened, town, Town, R6};
use super::*;
use crate::model::{EvaluationStage, FiscalYear, ProjectDirection};

/// しるべ町 with the 商工観光課's answer filled, submitted and confirmed.
fn confirmed() -> (Town, Id) {
    let mut t = town();
    let round = opened(&mut t);
    fill(&mut t.s, "1", &t.visitors, 300.0);
    t.s.submit(&round, &t.tourism, "観光 次郎", "2025-04-20T01:00:00.000Z").unwrap();
    t.s.confirm(&round, &t.tourism, "企画 花子", "2025-04-21T01:00:00.000Z").unwrap();
    (t, round)
}

fn tourism_measure(s: &Strategy) -> Id {
    s.measures().find(|(_, m)| m.number == "1").unwrap().1.id.clone()
}

#[test]
fn a_confirmation_keeps_the_values_it_covers() {
    let (t, round) = confirmed();
    let r = t.s.round(&round).unwrap();
    let values = &r.latest(&t.tourism).unwrap().values;
    let kinds: Vec<(ItemKind, &str)> = values.iter().map(|c| (c.kind, c.value.as_str())).collect();
    assert_eq!(
        kinds,
        [
            (ItemKind::Actual, "300"),
            (ItemKind::Result, "1200 / パンフレット3,000部"),
            (ItemKind::NextBudget, "1300 / 維持"),
            (ItemKind::FirstEvaluation, "A"),
        ]
    );
    let submitted = r.answers.iter().find(|a| a.step == Step::Submitted).unwrap();
    assert!(submitted.values.is_empty(), "only a 確認 keeps values");
}

#[test]
fn a_change_to_a_confirmed_value_is_listed_with_who_made_it_on_every_kind() {
    let (t, _) = confirmed();
    let mut incoming = t.s.clone();
    incoming.indicator_mut(&t.visitors).unwrap().series[0].set_actual(R6, Some(310.0));
    let changes = confirmed_changes(&t.s, &incoming, "観光 次郎");
    assert_eq!(changes.len(), 1, "{changes:?}");
    let c = &changes[0];
    assert_eq!(
        (&c.department, c.kind, &c.subject, c.old.as_str(), c.new.as_str(), c.by.as_str(), c.name.as_str()),
        (&t.tourism, ItemKind::Actual, &t.visitors, "300", "310", "観光 次郎", "1-1 観光入込客数")
    );
    // Every other kind the round asked.
    let measure = tourism_measure(&t.s);
    let m = incoming.measure_mut(&measure).unwrap();
    m.edit_evaluation(R6, EvaluationStage::First, |e| e.rating = Some("B".into()));
    m.initiatives_mut().for_each(|i| {
        i.edit_year(R6, |y| y.settled = Some(1100));
        i.edit_year(FiscalYear(2025), |y| y.direction = Some(ProjectDirection::Expand));
    });
    let kinds: Vec<ItemKind> = confirmed_changes(&t.s, &incoming, "x").iter().map(|c| c.kind).collect();
    assert_eq!(kinds, [ItemKind::Actual, ItemKind::Result, ItemKind::NextBudget, ItemKind::FirstEvaluation]);
    // Kept: the confirmed values come back, the rest of the incoming strategy stays.
    incoming.title = "新しい題名".into();
    let changes = confirmed_changes(&t.s, &incoming, "x");
    keep_confirmed(&mut incoming, &t.s, &changes);
    assert!(confirmed_changes(&t.s, &incoming, "x").is_empty());
    assert_eq!(incoming.title, "新しい題名");
    let mut back = incoming.clone();
    back.title = t.s.title.clone();
    assert!(back == t.s, "exactly the confirmed values back");
}

#[test]
fn values_not_confirmed_and_the_planning_sections_own_steps_are_not_listed() {
    let (t, round) = confirmed();
    // 子育て支援課 is not confirmed: its values change freely.
    let mut incoming = t.s.clone();
    fill(&mut incoming, "2", &t.births, 150.0);
    assert!(confirmed_changes(&t.s, &incoming, "x").is_empty());
    // Sent back in the incoming strategy, then changed: the section's answer moved on.
    let mut back = t.s.clone();
    back.send_back(&round, &t.tourism, "企画 花子", "2025-04-22T01:00:00.000Z", "桁違い").unwrap();
    back.indicator_mut(&t.visitors).unwrap().series[0].set_actual(R6, Some(3000.0));
    assert!(confirmed_changes(&t.s, &back, "x").is_empty());
    // Taken and confirmed again: not listed again, here nor anywhere the new 確認 reaches.
    let mut changed = t.s.clone();
    changed.indicator_mut(&t.visitors).unwrap().series[0].set_actual(R6, Some(310.0));
    let changes = confirmed_changes(&t.s, &changed, "観光 次郎");
    reconfirm(&mut changed, &changes, "企画 花子", "2025-04-23T01:00:00.000Z");
    assert!(confirmed_changes(&t.s, &changed, "x").is_empty());
    assert_eq!(changed.round(&round).unwrap().standing(&t.tourism), AnswerStanding::Confirmed);
    assert_eq!(changed.round(&round).unwrap().latest(&t.tourism).unwrap().values[0].value, "310");
    // A value changed here already and the same in the incoming strategy: nothing new.
    assert!(confirmed_changes(&changed, &changed, "x").is_empty());
}

#[test]
fn an_edit_after_the_confirmation_is_said_against_the_values_kept() {
    let (mut t, _) = confirmed();
    assert!(changed_since_confirmed(&t.s).is_empty());
    t.s.indicator_mut(&t.visitors).unwrap().series[0].set_actual(R6, Some(301.0));
    let changed = changed_since_confirmed(&t.s);
    assert_eq!(
        changed.iter().map(|c| (c.kind, c.old.as_str(), c.new.as_str())).collect::<Vec<_>>(),
        [(ItemKind::Actual, "300", "301")]
    );
}

#[test]
fn a_confirmation_of_an_older_file_without_values_reads_and_covers_the_values_as_they_stand() {
    let (t, round) = confirmed();
    let mut json = serde_json::to_value(&t.s).unwrap();
    let answers = json["rounds"][0]["answers"].as_array_mut().unwrap();
    let confirmed = answers.iter_mut().find(|a| a["step"] == "confirmed").unwrap();
    assert!(confirmed.as_object_mut().unwrap().remove("values").is_some(), "written by this build");
    let old: Strategy = serde_json::from_value(json).unwrap();
    assert_eq!(old.round(&round).unwrap().standing(&t.tourism), AnswerStanding::Confirmed);
    assert!(changed_since_confirmed(&old).is_empty(), "nothing to say without the values");
    let mut incoming = old.clone();
    incoming.indicator_mut(&t.visitors).unwrap().series[0].set_actual(R6, Some(310.0));
    let changes = confirmed_changes(&old, &incoming, "x");
    assert_eq!(changes.iter().map(|c| (c.old.as_str(), c.new.as_str())).collect::<Vec<_>>(), [("300", "310")]);
}
