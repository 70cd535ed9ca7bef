//! The checks of when a series says its values and its target revisions are: each revision's
//! date a real day within the fiscal year it is recorded in, its year within the plan period,
//! and an as-of basis on a day its month has. All warnings: a file may hold any of them, and
//! nothing computed depends on them.

use super::places::IdPlace;
use super::problem::ProblemKind;
use super::validator::Validator;
use crate::model::{Series, YearBasis};

impl Validator<'_> {
    pub(super) fn series_dates(&mut self, sp: IdPlace, series: &Series) {
        let label = || series.label.trim().to_owned();
        // A month-only basis of no month (「13月」) is told with day 0.
        let date = match series.year_basis {
            YearBasis::AsOf { month, day } => Some((month, day)),
            YearBasis::AsOfMonth { month, .. } => Some((month, 0)),
            YearBasis::Fiscal | YearBasis::Calendar => None,
        };
        if let Some((month, day)) = date.filter(|_| series.year_basis.is_impossible()) {
            self.push(format!("{sp}.year_basis"), ProblemKind::ImpossibleAsOfDay { series: label(), month, day });
        }
        for (k, r) in series.target_history.iter().enumerate() {
            let rp = || format!("{sp}.target_history[{k}]");
            if let Some(date) = r.date.as_deref().map(str::trim).filter(|d| !d.is_empty()) {
                let kind = match r.date_fiscal_year() {
                    None => Some(ProblemKind::RevisionDateInvalid { series: label(), year: r.year, date: date.into() }),
                    Some(fy) if fy != r.year => {
                        Some(ProblemKind::RevisionDateOutsideYear { series: label(), year: r.year, date: date.into() })
                    }
                    Some(_) => None,
                };
                if let Some(kind) = kind {
                    self.push(format!("{}.date", rp()), kind);
                }
            }
            if !self.s.period.contains(r.year) {
                self.push(
                    format!("{}.year", rp()),
                    ProblemKind::RevisionOutsidePeriod { series: label(), year: r.year },
                );
            }
        }
    }
}
