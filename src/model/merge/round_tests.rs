//! The year's round through a merge: two members' answer events are both kept (each is an
//! entity of its own), whoever merges, and the standing follows from them alone.

use super::edits::town;
use super::*;
use crate::model::round::{AnswerStanding, Ask, Round};
use crate::model::*;

fn standing(s: &Strategy, round: &Id, d: &Id) -> AnswerStanding {
    s.round(round).unwrap().standing(d)
}

#[test]
fn two_members_answer_events_are_both_kept_whoever_merges() {
    let mut base = town();
    let tourism = base.add_department("商工観光課");
    let child = base.add_department("子育て支援課");
    let round = base.open_round(Round::new(FiscalYear(2024), &Ask::ALL, "企画", "2025-04-10")).unwrap();
    base.submit(&round, &tourism, "観光", "2025-04-20T00:00:00.000Z").unwrap();
    // 子育て支援課 submits on its laptop; 企画課 confirms 商工観光課 on its own.
    let mut section = base.clone();
    section.submit(&round, &child, "子育て", "2025-04-21T00:00:00.000Z").unwrap();
    let mut planning = base.clone();
    planning.confirm(&round, &tourism, "企画", "2025-04-21T00:05:00.000Z").unwrap();
    for (ours, theirs) in [(&section, &planning), (&planning, &section)] {
        let m = merge(&base, ours, theirs);
        assert!(m.conflicts.is_empty(), "{:?}", m.conflicts);
        let s = m.resolve_all(Side::Ours).unwrap();
        assert_eq!(s.round(&round).unwrap().answers.len(), 3, "every event once");
        assert_eq!(standing(&s, &round, &tourism), AnswerStanding::Confirmed);
        assert_eq!(standing(&s, &round, &child), AnswerStanding::Submitted);
    }
}

#[test]
fn a_round_opened_twice_at_once_is_kept_twice_and_the_first_used() {
    let base = town();
    let (mut ours, mut theirs) = (base.clone(), base.clone());
    let mine = ours.open_round(Round::new(FiscalYear(2024), &[Ask::KpiActuals], "A", "2025-04-10")).unwrap();
    theirs.open_round(Round::new(FiscalYear(2024), &[Ask::FirstEvaluations], "B", "2025-04-10")).unwrap();
    let m = merge(&base, &ours, &theirs);
    assert!(m.conflicts.is_empty(), "{:?}", m.conflicts);
    let s = m.resolve_all(Side::Ours).expect("a warning, not an error");
    assert_eq!(s.rounds.len(), 2);
    assert_eq!(s.latest_round().unwrap().id, s.rounds[0].id);
    assert!(s.rounds.iter().any(|r| r.id == mine));
}

#[test]
fn a_deadline_changed_on_both_sides_is_one_conflict_about_the_round() {
    let mut base = town();
    let round = base.open_round(Round::new(FiscalYear(2024), &Ask::ALL, "企画", "2025-04-10")).unwrap();
    let (mut ours, mut theirs) = (base.clone(), base.clone());
    ours.round_mut(&round).unwrap().deadline = Some("2025-04-25".into());
    theirs.round_mut(&round).unwrap().deadline = Some("2025-04-30".into());
    let m = merge(&base, &ours, &theirs);
    assert_eq!(m.conflicts.len(), 1, "{:?}", m.conflicts);
    assert_eq!(m.conflicts[0].entity, Entity { kind: Kind::Round, id: round.clone() });
    assert_eq!(m.resolve(&[Side::Theirs]).unwrap().round(&round).unwrap().deadline.as_deref(), Some("2025-04-30"));
}

#[test]
fn a_kpis_cause_merges_by_year() {
    let base = town();
    let kpi = base.indicators[0].id.clone();
    let (mut ours, mut theirs) = (base.clone(), base.clone());
    ours.indicator_mut(&kpi).unwrap().set_analysis(FiscalYear(2023), "天候不順");
    theirs.indicator_mut(&kpi).unwrap().set_analysis(FiscalYear(2024), "イベント中止");
    let m = merge(&base, &ours, &theirs);
    assert!(m.conflicts.is_empty(), "{:?}", m.conflicts);
    let s = m.strategy();
    let ind = s.indicator(&kpi).unwrap();
    assert_eq!(
        (ind.analysis(FiscalYear(2023)), ind.analysis(FiscalYear(2024))),
        (Some("天候不順"), Some("イベント中止"))
    );
}
