//! Grants: the initiatives each town marks 補助事業 (`InitiativeKind::Subsidised`), per fiscal
//! year with their 予算額 and 決算額 — what the bureau looks at when advising on the national
//! grants (地方創生関係交付金).

use super::{initiatives_in, ItemPath};
use crate::model::{FiscalYear, Id, InitiativeKind, Money, Strategy};

/// Which rows to list; `None` lists all.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct GrantFilter {
    pub year: Option<FiscalYear>,
    /// A town of the region, by strategy id.
    pub town: Option<Id>,
}

/// A subsidised initiative in a fiscal year.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct GrantRow {
    pub path: ItemPath,
    pub municipality: String,
    pub number: String,
    pub title: String,
    /// `None` for an initiative with no year recorded (listed only when no year is asked for).
    pub year: Option<FiscalYear>,
    /// 千円; missing is not zero.
    pub budget: Option<Money>,
    pub settled: Option<Money>,
}

/// The subsidised initiatives of `towns` (in the region's order), one row per initiative and
/// year recorded, in each strategy's order and then by year.
pub fn grants(towns: &[&Strategy], filter: &GrantFilter) -> Vec<GrantRow> {
    let mut rows = Vec::new();
    for s in towns.iter().filter(|s| filter.town.as_ref().is_none_or(|t| &s.id == t)) {
        for (g, m, i) in initiatives_in(s) {
            if i.kind != Some(InitiativeKind::Subsidised) {
                continue;
            }
            let path = ItemPath::to_initiative(s, g, m, i);
            let row = |year: Option<FiscalYear>, budget, settled| GrantRow {
                path: path.clone(),
                municipality: s.municipality.name.clone(),
                number: i.number.clone(),
                title: i.title.clone(),
                year,
                budget,
                settled,
            };
            if i.years.is_empty() && filter.year.is_none() {
                rows.push(row(None, None, None));
            }
            let mut years: Vec<_> = i.years.iter().filter(|y| filter.year.is_none_or(|f| y.fiscal_year == f)).collect();
            years.sort_by_key(|y| y.fiscal_year);
            rows.extend(years.into_iter().map(|y| row(Some(y.fiscal_year), y.budget, y.settled)));
        }
    }
    rows
}
