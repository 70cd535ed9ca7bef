//! Which fiscal years the reports offer and start on: "last year" of the evaluation sheets, the
//! three years of their plan, and the "as of" years of the numerical-target report.

use crate::model::{FiscalYear, Strategy};

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

/// The years the target report can be read "as of": the plan period and every year with an
/// actual, in order.
pub fn actual_years(s: &Strategy) -> Vec<FiscalYear> {
    let actuals = s.indicators.iter().flat_map(|i| i.series.iter().flat_map(|se| se.actuals.iter().map(|a| a.year)));
    s.period.with(actuals)
}
