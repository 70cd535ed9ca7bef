//! The round's state as a function of the strategy: asked, filled, 提出, 確認, 差し戻し, late;
//! the 要因分析 rule; texts copied from last year.

use super::*;
use crate::model::{
    template, Baseline, EvaluationStage, FiscalYear, Id, Indicator, Initiative, Measure, PlanPeriod, ProjectDirection,
    Target,
};

pub(super) const R6: FiscalYear = FiscalYear(2024);

/// しるべ町: 商工観光課 owns 施策 1 (a KPI 「観光入込客数」 and an initiative 「観光PR」);
/// 子育て支援課 owns 施策 2 (a KPI 「出生数」 and an initiative 「子育て応援券」). A goal's 数値目標
/// 「人口」 no measure lists belongs to no section.
pub(super) struct Town {
    pub(super) s: Strategy,
    pub(super) tourism: Id,
    pub(super) child: Id,
    pub(super) visitors: Id,
    pub(super) births: Id,
}

pub(super) fn town() -> Town {
    let period = PlanPeriod { first: FiscalYear(2020), last: FiscalYear(2024) };
    let mut s = template::from_second_period("戦略", "しるべ町", period);
    s.add_department("企画課");
    let tourism = s.add_department("商工観光課");
    let child = s.add_department("子育て支援課");
    let mut kpi = |code: &str, name: &str| {
        let mut ind = Indicator::new(code, name, "人");
        ind.series[0].baseline = Some(Baseline { value: 100.0, year: Some(FiscalYear(2019)) });
        ind.series[0].target = Some(Target::Value { value: 200.0, year: Some(FiscalYear(2024)) });
        let id = ind.id.clone();
        s.indicators.push(Arc::new(ind));
        id
    };
    let visitors = kpi("1-1", "観光入込客数");
    let births = kpi("2-1", "出生数");
    let population = kpi("0-1", "人口");
    let mut first = Measure::new("1", "観光の振興");
    first.department = Some(tourism.clone());
    first.kpis.push(visitors.clone());
    first.initiatives.push(Arc::new(Initiative::new("(1)", "観光PR")));
    let mut second = Measure::new("2", "子育て支援");
    second.department = Some(child.clone());
    second.kpis.push(births.clone());
    second.initiatives.push(Arc::new(Initiative::new("(1)", "子育て応援券")));
    let goal = s.goals_mut().next().unwrap();
    goal.targets.push(population);
    goal.measures.push(Arc::new(first));
    goal.measures.push(Arc::new(second));
    Town { s, tourism, child, visitors, births }
}

pub(super) fn opened(t: &mut Town) -> Id {
    let mut r = Round::new(R6, &Ask::ALL, "企画 花子", "2025-04-10");
    r.deadline = Some("2025-04-25".into());
    t.s.open_round(r).unwrap()
}

pub(super) fn fill(s: &mut Strategy, measure_number: &str, kpi: &Id, value: f64) {
    s.indicator_mut(kpi).unwrap().series[0].set_actual(R6, Some(value));
    let m = s.measures().find(|(_, m)| m.number == measure_number).unwrap().1.id.clone();
    let m = s.measure_mut(&m).unwrap();
    m.edit_evaluation(R6, EvaluationStage::First, |e| e.rating = Some("A".into()));
    m.initiatives_mut().for_each(|i| {
        i.edit_year(R6, |y| {
            y.settled = Some(1200);
            y.result = "パンフレット3,000部".into();
        });
        i.edit_year(FiscalYear(2025), |y| {
            y.budget = Some(1300);
            y.direction = Some(ProjectDirection::Maintain);
        });
    });
}

#[test]
fn what_is_asked_of_each_section_and_what_is_filled_follow_the_strategy() {
    let mut t = town();
    let round = opened(&mut t);
    let tally = |s: &Strategy| {
        let r = s.round(&round).unwrap();
        tallies(s, r, "2025-04-20").into_iter().map(|t| (t.department.cloned(), t.asked, t.filled)).collect::<Vec<_>>()
    };
    // Each section: its KPI, its initiative's results and next budget, its measure's 一次評価.
    let none = vec![(Some(t.tourism.clone()), 4, 0), (Some(t.child.clone()), 4, 0), (None, 1, 0)];
    assert_eq!(tally(&t.s), none, "企画課 owns nothing and is not listed; the goal's 数値目標 is nobody's");
    fill(&mut t.s, "1", &t.visitors, 300.0);
    assert_eq!(tally(&t.s)[0], (Some(t.tourism.clone()), 4, 4), "filled by the edits themselves");
    // Behind its path: the 要因分析 is asked too.
    fill(&mut t.s, "2", &t.births, 110.0);
    assert_eq!(tally(&t.s)[1], (Some(t.child.clone()), 5, 4));
    let r = t.s.round(&round).unwrap();
    let missing = &tallies(&t.s, r, "2025-04-20")[1].missing;
    assert_eq!(
        missing.iter().map(|i| (i.kind, i.subject.id().clone())).collect::<Vec<_>>(),
        [(ItemKind::Cause, t.births.clone())]
    );
    // Asking less asks less.
    t.s.round_mut(&round).unwrap().asks = vec![Ask::KpiActuals];
    assert_eq!(tally(&t.s)[0], (Some(t.tourism.clone()), 1, 1));
}

#[test]
fn a_kpi_behind_its_path_holds_the_submission_back_until_its_cause_is_written() {
    let mut t = town();
    let round = opened(&mut t);
    fill(&mut t.s, "2", &t.births, 110.0);
    let refused = t.s.submit(&round, &t.child, "子育て 太郎", "2025-04-20T01:00:00.000Z");
    assert_eq!(refused, Err(RoundRefusal::CauseMissing(vec![t.births.clone()])));
    assert_eq!(t.s.round(&round).unwrap().standing(&t.child), AnswerStanding::NotSubmitted, "nothing recorded");
    t.s.indicator_mut(&t.births).unwrap().set_analysis(R6, "転出超過で子育て世帯が減った");
    assert_eq!(t.s.submit(&round, &t.child, "子育て 太郎", "2025-04-20T01:00:00.000Z"), Ok(()));
    // A KPI on its path needs none; an unfilled item does not hold a submission back.
    assert_eq!(t.s.submit(&round, &t.tourism, "観光 次郎", "2025-04-21T01:00:00.000Z"), Ok(()));
}

#[test]
fn submitted_confirmed_and_sent_back_are_the_latest_event_and_late_is_past_the_deadline() {
    let mut t = town();
    let round = opened(&mut t);
    let standing = |s: &Strategy, d: &Id| s.round(&round).unwrap().standing(d);
    let late = |s: &Strategy, d: &Id, today: &str| s.round(&round).unwrap().is_late(d, today);
    assert!(!late(&t.s, &t.tourism, "2025-04-25") && late(&t.s, &t.tourism, "2025-04-26"));
    assert_eq!(
        t.s.confirm(&round, &t.tourism, "企画", "2025-04-21T00:00:00Z"),
        Err(RoundRefusal::NotNow(AnswerStanding::NotSubmitted))
    );
    t.s.submit(&round, &t.tourism, "観光", "2025-04-21T00:00:00Z").unwrap();
    assert_eq!(standing(&t.s, &t.tourism), AnswerStanding::Submitted);
    assert!(!late(&t.s, &t.tourism, "2025-05-01"), "submitted is not late");
    assert!(t.s.submit(&round, &t.tourism, "観光", "2025-04-21T00:00:01Z").is_err(), "once");
    t.s.send_back(&round, &t.tourism, "企画", "2025-04-22T00:00:00Z", " 決算額が予算書と違います ").unwrap();
    assert_eq!(standing(&t.s, &t.tourism), AnswerStanding::Returned);
    let last = t.s.round(&round).unwrap().latest(&t.tourism).unwrap();
    assert_eq!((last.by.as_str(), last.comment.as_str()), ("企画", "決算額が予算書と違います"));
    assert!(late(&t.s, &t.tourism, "2025-05-01"), "sent back and not submitted again");
    t.s.submit(&round, &t.tourism, "観光", "2025-04-23T00:00:00Z").unwrap();
    t.s.confirm(&round, &t.tourism, "企画", "2025-04-24T00:00:00Z").unwrap();
    assert_eq!(standing(&t.s, &t.tourism), AnswerStanding::Confirmed);
    assert_eq!(standing(&t.s, &t.child), AnswerStanding::NotSubmitted, "one section's events are its own");
    let gone = Id::from("dept-gone");
    assert_eq!(t.s.submit(&round, &gone, "?", "2025-04-24T00:00:00Z"), Err(RoundRefusal::UnknownDepartment));
    assert_eq!(t.s.submit(&Id::from("round-x"), &t.child, "?", "2025-04-24T00:00:00Z"), Err(RoundRefusal::NoRound));
}

#[test]
fn the_standing_does_not_depend_on_the_order_a_merge_left_the_events_in() {
    let mut t = town();
    let round = opened(&mut t);
    t.s.submit(&round, &t.tourism, "観光", "2025-04-21T00:00:00Z").unwrap();
    t.s.confirm(&round, &t.tourism, "企画", "2025-04-22T00:00:00Z").unwrap();
    t.s.round_mut(&round).unwrap().answers.reverse();
    assert_eq!(t.s.round(&round).unwrap().standing(&t.tourism), AnswerStanding::Confirmed);
}

#[test]
fn one_round_per_year_in_year_order() {
    let mut t = town();
    opened(&mut t);
    assert_eq!(t.s.open_round(Round::new(R6, &[Ask::KpiActuals], "", "")), Err(RoundRefusal::AlreadyOpen(R6)));
    t.s.open_round(Round::new(FiscalYear(2023), &[Ask::KpiActuals, Ask::KpiActuals], "", "")).unwrap();
    assert_eq!(t.s.rounds.iter().map(|r| r.fiscal_year.0).collect::<Vec<_>>(), [2023, 2024]);
    assert_eq!(t.s.rounds[0].asks, [Ask::KpiActuals], "each ask once");
    assert_eq!(t.s.latest_round().unwrap().fiscal_year, R6);
}

#[test]
fn a_text_copied_unchanged_from_last_year_is_pointed_out() {
    let mut t = town();
    let m = t.s.measures().next().unwrap().1.id.clone();
    let measure = t.s.measure_mut(&m).unwrap();
    measure.edit_evaluation(FiscalYear(2023), EvaluationStage::First, |e| {
        e.improvements = "引き続きSNSで発信する。".into();
        e.issues = "担い手不足".into();
    });
    measure.edit_evaluation(R6, EvaluationStage::First, |e| {
        e.improvements = " 引き続きSNSで発信する。\n".into();
        e.issues = "担い手不足と高齢化".into();
    });
    let i = t.s.initiatives().next().unwrap().1.id.clone();
    for year in [2023, 2024] {
        t.s.initiative_mut(&i).unwrap().edit_year(FiscalYear(year), |y| y.result = "実施".into());
    }
    let found: Vec<(TextField, Id)> =
        copied_texts(&t.s, R6).iter().map(|c| (c.field, c.subject.id().clone())).collect();
    assert_eq!(
        found,
        [(TextField::Improvements, m), (TextField::Result, i)],
        "white space aside; a changed text is not"
    );
    assert!(copied_texts(&t.s, FiscalYear(2025)).is_empty(), "nothing written, nothing copied");
}

#[test]
fn a_round_is_checked_like_the_rest_of_the_strategy() {
    use crate::model::{validate, ProblemKind};
    let mut t = town();
    let round = opened(&mut t);
    t.s.submit(&round, &t.tourism, "観光", "2025-04-21T00:00:00Z").unwrap();
    let r = t.s.round_mut(&round).unwrap();
    r.deadline = Some("2025-02-30".into());
    r.answers[0].department = Id::from("dept-gone");
    let copy = Round { id: Id::new("round"), ..t.s.rounds[0].clone() };
    t.s.rounds_mut().push(copy);
    t.s.indicator_mut(&t.visitors).unwrap().analyses =
        vec![Analysis { year: R6, text: "a".into() }, Analysis { year: R6, text: "b".into() }];
    let found: Vec<(String, ProblemKind)> = validate(&t.s).into_iter().map(|p| (p.path, p.kind)).collect();
    let has = |path: &str, kind: &dyn Fn(&ProblemKind) -> bool| found.iter().any(|(p, k)| p == path && kind(k));
    assert!(has("rounds[0].deadline", &|k| matches!(k, ProblemKind::BadRoundDate { .. })), "{found:?}");
    assert!(has("rounds[0].answers[0].department", &|k| matches!(k, ProblemKind::UnknownDepartment { .. })));
    assert!(has("rounds[1].fiscal_year", &|k| matches!(k, ProblemKind::DuplicateRound { .. })));
    assert!(has("rounds[1].answers[0].id", &|k| matches!(k, ProblemKind::DuplicateId { .. })), "{found:?}");
    assert!(has("indicators[0].analyses[1].year", &|k| matches!(k, ProblemKind::DuplicateYear { .. })));
}

#[test]
fn a_workbook_taken_in_after_the_deadline_is_the_sections_submission_and_can_be_confirmed() {
    let mut t = town();
    let round = opened(&mut t);
    // 出生数 misses its path without a 要因分析: a 提出 in the app would be held back, a workbook
    // received is recorded (the planning section sends it back if it lacks one).
    fill(&mut t.s, "2", &t.births, 110.0);
    let today = "2025-05-01";
    let tally = |s: &Strategy| {
        let r = s.round(&round).unwrap();
        let row = tallies(s, r, today).into_iter().find(|x| x.department == Some(&t.child)).unwrap();
        (row.standing, row.late)
    };
    assert_eq!(tally(&t.s), (AnswerStanding::NotSubmitted, true));
    t.s.receive(&round, &t.child, " 企画 花子 ", "2025-05-01T01:00:00.000Z").unwrap();
    assert_eq!(tally(&t.s), (AnswerStanding::Submitted, false), "提出, not 未提出 nor late");
    let last = t.s.round(&round).unwrap().latest(&t.child).unwrap().clone();
    assert_eq!((last.step, last.via, last.by.as_str()), (Step::Submitted, Via::Workbook, "企画 花子"));
    assert_eq!(
        t.s.receive(&round, &t.child, "企画 花子", "2025-05-01T02:00:00.000Z"),
        Err(RoundRefusal::NotNow(AnswerStanding::Submitted)),
        "once, as in the app"
    );
    t.s.confirm(&round, &t.child, "企画 花子", "2025-05-02T00:00:00.000Z").unwrap();
    assert_eq!(tally(&t.s), (AnswerStanding::Confirmed, false));
    t.s.send_back(&round, &t.child, "企画 花子", "2025-05-03T00:00:00.000Z", "要因分析がありません").unwrap();
    assert_eq!(tally(&t.s), (AnswerStanding::Returned, true));
    t.s.receive(&round, &t.child, "企画 花子", "2025-05-04T00:00:00.000Z").unwrap();
    assert_eq!(tally(&t.s).0, AnswerStanding::Submitted, "a workbook sent again after 差し戻し");

    // In the file: `via` only on a workbook's 提出; an older file's answers read as made in the app.
    let json = serde_json::to_value(&t.s.round(&round).unwrap().answers).unwrap();
    let vias: Vec<Option<&str>> = json.as_array().unwrap().iter().map(|a| a["via"].as_str()).collect();
    assert_eq!(vias, [Some("workbook"), None, None, Some("workbook")]);
    let older: Answer = serde_json::from_value(serde_json::json!({
        "id": "answer-1", "department": t.child.as_str(), "step": "submitted", "by": "子育て 太郎", "at": "2025-04-20T00:00:00Z"
    }))
    .unwrap();
    assert_eq!(older.via, Via::App);
}
