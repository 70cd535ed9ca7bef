//! Which fiscal years the numerical-target report can be read "as of" (the evaluation sheets'
//! years are `model::evaluation_sheet`'s).

use crate::model::{FiscalYear, Strategy};

/// The years the target report can be read "as of": the plan period and every year with an
/// actual, in order.
pub fn actual_years(s: &Strategy) -> Vec<FiscalYear> {
    let actuals = s.indicators.iter().flat_map(|i| i.series.iter().flat_map(|se| se.actuals.iter().map(|a| a.year)));
    s.period.with(actuals)
}
