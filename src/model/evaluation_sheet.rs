//! What one measure's evaluation sheet (施策評価シート, seed 002's layout) holds for a fiscal year, as
//! plain data: last year's projects with settled cost and results, the 3-year plan, the totals
//! (計, computed by `Strategy::measure_totals`, never typed) and the related measures; and which
//! years the sheets offer and start on. Read by the printed sheets (`ui::output::print::sheets`) and the
//! committee's workbook (`format::xlsx`).
//!
//! The year's evaluations are laid side by side by stage (一次, 二次, 外部評価), as towns' sheets
//! are (みやま市, 多摩市, 杵築市).
//!
//! A re-listed initiative (【再掲】) appears in a year only when its re-listing covers that year,
//! exactly as the totals count it.

use super::{Evaluation, EvaluationStage, FiscalYear, Initiative, Measure, Money, ProjectDirection, Strategy};

/// An initiative as the sheet lists it: the measure's own, or re-listed for some years.
#[derive(Clone, Copy)]
pub struct Listed<'a> {
    pub initiative: &'a Initiative,
    /// `None` for the measure's own; the re-listing's years otherwise (empty = every year).
    pub relisted: Option<&'a [FiscalYear]>,
}

impl Listed<'_> {
    pub fn covers(&self, year: FiscalYear) -> bool {
        self.relisted.is_none_or(|years| years.is_empty() || years.contains(&year))
    }
}

/// A row of last year's results (事業実績).
pub struct ResultRow<'a> {
    pub listed: Listed<'a>,
    pub settled: Option<Money>,
    pub result: &'a str,
}

/// A row of the 3-year plan (3ヵ年計画).
pub struct PlanRow<'a> {
    pub listed: Listed<'a>,
    /// 予算額 of the plan's first year.
    pub budget: Option<Money>,
    /// 内容: the first year's plan text.
    pub plan: &'a str,
    /// 方向性 of the second and third years (none where the re-listing does not cover the year).
    pub directions: [Option<ProjectDirection>; 2],
}

pub struct SheetData<'a> {
    pub year: FiscalYear,
    pub plan_years: [FiscalYear; 3],
    /// The measure's section (担当課), by name; `None` when it names none.
    pub department: Option<&'a str>,
    /// The year's evaluations side by side, in the order of [`EvaluationStage::ALL`]: 一次評価,
    /// 二次評価, 外部評価.
    pub evaluations: [Option<&'a Evaluation>; 3],
    pub results: Vec<ResultRow<'a>>,
    /// 計 of the results: the settled cost of `year`.
    pub settled_total: Option<Money>,
    pub plan: Vec<PlanRow<'a>>,
    /// 計 of the plan: the budget of its first year.
    pub budget_total: Option<Money>,
    /// 関連施策: measures of this strategy as "number title", then the ones outside it as written.
    pub related: Vec<String>,
}

/// The measure's own initiatives, then the ones it re-lists (those that still exist).
pub fn listed<'a>(s: &'a Strategy, m: &'a Measure) -> Vec<Listed<'a>> {
    let own = m.initiatives.iter().map(|i| Listed { initiative: i, relisted: None });
    let relisted = m.relisted.iter().filter_map(|r| {
        s.initiative(&r.initiative).map(|i| Listed { initiative: i, relisted: Some(r.years.as_slice()) })
    });
    own.chain(relisted).collect()
}

/// The sheet of measure `m` with `year` as "last year".
pub fn sheet<'a>(s: &'a Strategy, m: &'a Measure, year: FiscalYear) -> SheetData<'a> {
    let all = listed(s, m);
    let plan_years = plan_years(year);
    let results = all
        .iter()
        .filter(|l| l.covers(year))
        .filter_map(|l| {
            l.initiative.year(year).map(|y| ResultRow { listed: *l, settled: y.settled, result: &y.result })
        })
        .collect();
    let plan = all
        .iter()
        .filter(|l| plan_years.iter().any(|y| l.covers(*y) && l.initiative.year(*y).is_some()))
        .map(|l| {
            let at = |y: FiscalYear| if l.covers(y) { l.initiative.year(y) } else { None };
            let first = at(plan_years[0]);
            PlanRow {
                listed: *l,
                budget: first.and_then(|y| y.budget),
                plan: first.map_or("", |y| y.plan.as_str()),
                directions: [at(plan_years[1]).and_then(|y| y.direction), at(plan_years[2]).and_then(|y| y.direction)],
            }
        })
        .collect();
    let related = m
        .related
        .iter()
        .filter_map(|id| s.measures().map(|(_, other)| other).find(|other| &other.id == id))
        .map(|other| {
            [other.number.as_str(), other.title.as_str()]
                .iter()
                .filter(|p| !p.is_empty())
                .copied()
                .collect::<Vec<_>>()
                .join(" ")
        })
        .chain(m.related_external.iter().filter(|r| !r.trim().is_empty()).cloned())
        .collect();
    SheetData {
        year,
        plan_years,
        department: m.department.as_ref().and_then(|d| s.department_name(d)),
        evaluations: EvaluationStage::ALL.map(|stage| m.evaluation(year, stage)),
        results,
        settled_total: s.measure_totals(m, year).settled,
        plan,
        budget_total: s.measure_totals(m, plan_years[0]).budget,
        related,
    }
}

/// The three fiscal years after `year`: the sheets' 3ヵ年計画 (budget for the first, direction
/// for the next two).
pub fn plan_years(year: FiscalYear) -> [FiscalYear; 3] {
    [FiscalYear(year.0 + 1), FiscalYear(year.0 + 2), FiscalYear(year.0 + 3)]
}

/// Every fiscal year a measure is evaluated in.
fn evaluation_years(s: &Strategy) -> impl Iterator<Item = FiscalYear> + '_ {
    s.measures().flat_map(|(_, m)| m.evaluations.iter().map(|e| e.fiscal_year))
}

/// Every fiscal year an initiative has a settled cost (決算額) in.
fn settled_years(s: &Strategy) -> impl Iterator<Item = FiscalYear> + '_ {
    s.initiatives().flat_map(|(_, i)| i.years.iter().filter(|y| y.settled.is_some()).map(|y| y.fiscal_year))
}

/// The sheets' "last year" unless the user picks another: the latest year with an evaluation,
/// else the latest with a settled cost, else the plan's last year.
pub fn default_sheet_year(s: &Strategy) -> FiscalYear {
    evaluation_years(s).max().or_else(|| settled_years(s).max()).unwrap_or(s.period.last)
}

/// The years the sheets' selector offers: the plan period, and every year with an evaluation
/// or a settled cost, in order.
pub fn sheet_years(s: &Strategy) -> Vec<FiscalYear> {
    s.period.with(evaluation_years(s).chain(settled_years(s)))
}
