//! What a round asks of whom, and what is filled: pure functions of the strategy. An item is
//! one thing one section owes (a KPI's actual, an initiative's results, a measure's 一次評価);
//! it is filled when the strategy holds it, whoever typed it and by whatever path (the editor,
//! a CSV, a workbook, another member's file).

use super::data::{Answer, AnswerStanding, Ask, ItemKind, Round};
use crate::model::{
    assess_in, Context, EvaluationStage, FiscalYear, Id, Indicator, Initiative, Measure, ProjectDirection, Status,
    Strategy,
};

/// What an item is about.
#[derive(Clone, Copy, Debug)]
pub enum Subject<'a> {
    Indicator(&'a Indicator),
    Initiative(&'a Initiative),
    Measure(&'a Measure),
}

impl<'a> Subject<'a> {
    pub fn id(self) -> &'a Id {
        match self {
            Subject::Indicator(i) => &i.id,
            Subject::Initiative(i) => &i.id,
            Subject::Measure(m) => &m.id,
        }
    }
}

/// One thing one section owes in a round.
#[derive(Clone, Copy, Debug)]
pub struct Item<'a> {
    pub kind: ItemKind,
    pub subject: Subject<'a>,
    /// The section that answers it; `None`: no section owns it, the planning section answers.
    pub department: Option<&'a Id>,
    pub filled: bool,
}

/// Every item a round asks, in the order of its asks (KPIs with their 要因分析, initiatives'
/// results, next year's budgets, measures' evaluations), each in document order.
pub fn items<'a>(s: &'a Strategy, round: &Round) -> Vec<Item<'a>> {
    let year = round.fiscal_year;
    let mut out = Vec::new();
    if round.asks(Ask::KpiActuals) {
        for ind in s.indicators.iter().map(|i| &**i) {
            let department = s.indicator_department(ind).map(|o| o.department);
            let filled = ind.series.iter().all(|se| se.actual(year).is_some_and(|a| a.value.is_finite()));
            out.push(Item { kind: ItemKind::Actual, subject: Subject::Indicator(ind), department, filled });
            if misses_path(s, ind, year) {
                let filled = ind.analysis(year).is_some();
                out.push(Item { kind: ItemKind::Cause, subject: Subject::Indicator(ind), department, filled });
            }
        }
    }
    let initiatives = || s.initiatives().map(|(m, i)| (i, crate::model::initiative_owner(m, i).map(|o| o.department)));
    if round.asks(Ask::InitiativeResults) {
        for (i, department) in initiatives() {
            let filled = i.year(year).is_some_and(|y| y.settled.is_some() && !y.result.trim().is_empty());
            out.push(Item { kind: ItemKind::Result, subject: Subject::Initiative(i), department, filled });
        }
    }
    if round.asks(Ask::NextBudgets) {
        let next = FiscalYear(year.0 + 1);
        for (i, department) in initiatives().filter(|(i, _)| !ends(i, year)) {
            let filled = i.year(next).is_some_and(|y| y.budget.is_some() && y.direction.is_some());
            out.push(Item { kind: ItemKind::NextBudget, subject: Subject::Initiative(i), department, filled });
        }
    }
    if round.asks(Ask::FirstEvaluations) {
        for (_, m) in s.measures() {
            let department = crate::model::measure_owner(m).map(|o| o.department);
            let filled = m.evaluation(year, EvaluationStage::First).is_some_and(|e| e.rating.is_some());
            out.push(Item { kind: ItemKind::FirstEvaluation, subject: Subject::Measure(m), department, filled });
        }
    }
    out
}

/// Whether some breakdown of a KPI is behind its path in `year` (`model::achievement`).
fn misses_path(s: &Strategy, ind: &Indicator, year: FiscalYear) -> bool {
    let cx = Context { direction: ind.direction, period: s.period, rule: &s.rating_rule };
    ind.series.iter().any(|se| assess_in(se, cx, year).status == Status::Behind)
}

/// An initiative that ends or is abolished with `year`: no budget is asked for the year after.
fn ends(i: &Initiative, year: FiscalYear) -> bool {
    i.year(year)
        .and_then(|y| y.direction)
        .is_some_and(|d| matches!(d, ProjectDirection::End | ProjectDirection::Abolish))
}

/// The KPIs of a section that miss their path without a 要因分析 (what holds its 提出 back).
pub(super) fn causes_missing(s: &Strategy, round: &Round, department: &Id) -> Vec<Id> {
    let mine = |i: &Item<'_>| i.department == Some(department);
    items(s, round)
        .iter()
        .filter(|i| i.kind == ItemKind::Cause && !i.filled && mine(i))
        .map(|i| i.subject.id().clone())
        .collect()
}

/// One section's row of 入力状況.
#[derive(Clone, Debug)]
pub struct Tally<'a> {
    /// `None`: what no section owns (the planning section answers it).
    pub department: Option<&'a Id>,
    pub asked: usize,
    pub filled: usize,
    pub standing: AnswerStanding,
    /// The latest event, for who and when (and a 差し戻し's comment).
    pub last: Option<&'a Answer>,
    /// Past the deadline and not submitted.
    pub late: bool,
    /// The items not filled, in the order of [`items`] (the 督促's list).
    pub missing: Vec<Item<'a>>,
}

/// 入力状況: a row per section of the strategy's list that is asked something or has answered,
/// in the list's order, then one for what no section owns (when there is any); `today` is
/// YYYY-MM-DD.
pub fn tallies<'a>(s: &'a Strategy, round: &'a Round, today: &str) -> Vec<Tally<'a>> {
    let all = items(s, round);
    let row = |department: Option<&'a Id>| {
        let mine: Vec<Item<'a>> = all.iter().filter(|i| i.department == department).copied().collect();
        let (standing, last, late) = match department {
            Some(d) => (round.standing(d), round.latest(d), round.is_late(d, today)),
            None => (AnswerStanding::NotSubmitted, None, false),
        };
        let filled = mine.iter().filter(|i| i.filled).count();
        let missing = mine.iter().filter(|i| !i.filled).copied().collect();
        Tally { department, asked: mine.len(), filled, standing, last, late, missing }
    };
    let mut out: Vec<Tally<'a>> =
        s.departments.iter().map(|d| row(Some(&d.id))).filter(|t| t.asked > 0 || t.last.is_some()).collect();
    let unowned = row(None);
    if unowned.asked > 0 {
        out.push(unowned);
    }
    out
}

/// A text a section writes each year.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum TextField {
    /// 一次評価: 成果
    Outcomes,
    /// 一次評価: 課題
    Issues,
    /// 一次評価: 改善点及び方向性
    Improvements,
    /// 一次評価: 次年度実施計画
    NextPlan,
    /// 事業実績
    Result,
    /// 要因分析
    Analysis,
}

/// A text of the round's year that is last year's, unchanged.
#[derive(Clone, Copy, Debug)]
pub struct Copied<'a> {
    pub subject: Subject<'a>,
    pub field: TextField,
    pub department: Option<&'a Id>,
}

/// The texts of `year` that repeat the year before's word for word (white space aside): the
/// 一次評価's texts, the 事業実績, the 要因分析. Pointed out, never refused: a text may rightly
/// stay the same.
pub fn copied_texts(s: &Strategy, year: FiscalYear) -> Vec<Copied<'_>> {
    let before = FiscalYear(year.0 - 1);
    let same = |a: &str, b: &str| !a.trim().is_empty() && a.split_whitespace().eq(b.split_whitespace());
    let mut out = Vec::new();
    for (_, m) in s.measures() {
        let (Some(now), Some(then)) =
            (m.evaluation(year, EvaluationStage::First), m.evaluation(before, EvaluationStage::First))
        else {
            continue;
        };
        let department = crate::model::measure_owner(m).map(|o| o.department);
        let texts = [
            (TextField::Outcomes, &now.outcomes, &then.outcomes),
            (TextField::Issues, &now.issues, &then.issues),
            (TextField::Improvements, &now.improvements, &then.improvements),
            (TextField::NextPlan, &now.next_plan, &then.next_plan),
        ];
        for (field, _, _) in texts.into_iter().filter(|(_, a, b)| same(a, b)) {
            out.push(Copied { subject: Subject::Measure(m), field, department });
        }
    }
    for (m, i) in s.initiatives() {
        let text = |y| i.year(y).map(|y| y.result.as_str()).unwrap_or_default();
        if same(text(year), text(before)) {
            let department = crate::model::initiative_owner(m, i).map(|o| o.department);
            out.push(Copied { subject: Subject::Initiative(i), field: TextField::Result, department });
        }
    }
    for ind in s.indicators.iter().map(|i| &**i) {
        if same(ind.analysis(year).unwrap_or_default(), ind.analysis(before).unwrap_or_default()) {
            let department = s.indicator_department(ind).map(|o| o.department);
            out.push(Copied { subject: Subject::Indicator(ind), field: TextField::Analysis, department });
        }
    }
    out
}
