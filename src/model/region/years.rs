//! Which fiscal years the side-by-side table offers, and which it opens on: every year of the
//! towns' plan periods, and the latest year any town has an actual for — the year whose status
//! mix is each town's own overview's (see `rollup`), and the one the bureau reads first.

use super::super::{FiscalYear, Strategy};

/// Every fiscal year in any town's plan period, in order, each once.
pub fn plan_years(towns: &[&Strategy]) -> Vec<FiscalYear> {
    let mut years: Vec<FiscalYear> = towns.iter().flat_map(|s| s.period.years()).collect();
    crate::sorting::natural(&mut years);
    years.dedup();
    years
}

/// The latest fiscal year any town has an actual for, if any.
pub fn latest_actual_year(towns: &[&Strategy]) -> Option<FiscalYear> {
    towns
        .iter()
        .flat_map(|s| s.indicators.iter())
        .flat_map(|i| i.series.iter())
        .flat_map(|x| x.actuals.iter().map(|a| a.year))
        .max()
}

/// The year the table opens on: the latest year with an actual when it is one of the plan
/// years (else the nearest plan year to it); with no actual, `today`'s fiscal year, or the
/// nearest plan year to it. `None` with no town.
pub fn opening_year(towns: &[&Strategy], today: FiscalYear) -> Option<FiscalYear> {
    let years = plan_years(towns);
    let wanted = latest_actual_year(towns).unwrap_or(today);
    years.iter().copied().min_by_key(|y| ((y.0 - wanted.0).abs(), std::cmp::Reverse(y.0)))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::region::tests::{examples, region};

    #[test]
    fn the_years_are_the_union_of_the_plan_periods_and_it_opens_on_the_latest_actual() {
        let (_, towns) = region();
        let refs: Vec<&Strategy> = towns.iter().collect();
        let years = plan_years(&refs);
        let first = refs.iter().map(|s| s.period.first).min().unwrap();
        let last = refs.iter().map(|s| s.period.last).max().unwrap();
        assert_eq!((years.first().copied(), years.last().copied()), (Some(first), Some(last)));
        assert!(years.windows(2).all(|w| w[0] < w[1]));
        let latest = latest_actual_year(&refs).expect("the hand-made towns have actuals");
        assert!(years.contains(&latest), "{latest:?} in {years:?}");
        assert_eq!(opening_year(&refs, FiscalYear(2090)), Some(latest), "an actual wins over today");
        assert_eq!(opening_year(&[], FiscalYear(2024)), None);
    }

    #[test]
    fn without_actuals_it_opens_on_todays_year_or_the_nearest_plan_year() {
        // The two examples hold targets and no actuals yet.
        let towns = examples();
        let refs: Vec<&Strategy> = towns.iter().collect();
        assert_eq!(latest_actual_year(&refs), None);
        let years = plan_years(&refs);
        let inside = years[years.len() / 2];
        assert_eq!(opening_year(&refs, inside), Some(inside));
        assert_eq!(opening_year(&refs, FiscalYear(1990)), years.first().copied());
        assert_eq!(opening_year(&refs, FiscalYear(2090)), years.last().copied());
    }
}
