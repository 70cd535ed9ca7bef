//! Grants: the initiatives each town marks 補助事業 (`InitiativeKind::Subsidised`) or that name a
//! grant (`model::grant`), per fiscal year with their 予算額, 交付金額 and 決算額 and the programme
//! (交付金の種類) — what the bureau looks at when advising on the national grants
//! (地方創生関係交付金). A filter by programme lists one programme's projects across the towns.

use super::{initiatives_in, ItemPath};
use crate::model::{FiscalYear, GrantProgramme, Id, Initiative, InitiativeKind, Money, Strategy};

/// A programme as the filter names it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ProgrammeFilter {
    /// This programme (`GrantProgramme::Other` matches any town's own words).
    Is(GrantProgramme),
    /// No programme named.
    Unnamed,
}

impl ProgrammeFilter {
    fn matches(&self, i: &Initiative) -> bool {
        let named = i.grant.as_ref().and_then(|g| g.programme.as_ref());
        match (self, named) {
            (ProgrammeFilter::Unnamed, None) => true,
            (ProgrammeFilter::Is(GrantProgramme::Other(_)), Some(GrantProgramme::Other(_))) => true,
            (ProgrammeFilter::Is(p), Some(q)) => p == q,
            _ => false,
        }
    }
}

/// Which rows to list; `None` lists all.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct GrantFilter {
    pub year: Option<FiscalYear>,
    /// A town of the region, by strategy id.
    pub town: Option<Id>,
    pub programme: Option<ProgrammeFilter>,
}

/// A subsidised initiative in a fiscal year.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct GrantRow {
    pub path: ItemPath,
    pub municipality: String,
    pub number: String,
    pub title: String,
    /// 交付金の種類 with its タイプ (`Grant::programme_name`), when named.
    pub programme: Option<String>,
    /// `None` for an initiative with no year recorded (listed only when no year is asked for).
    pub year: Option<FiscalYear>,
    /// 千円; missing is not zero.
    pub budget: Option<Money>,
    pub settled: Option<Money>,
    /// 交付金額 (千円).
    pub grant: Option<Money>,
}

/// The subsidised initiatives (and those naming a grant) of `towns` (in the region's order), one row per initiative and
/// year recorded, in each strategy's order and then by year.
pub fn grants(towns: &[&Strategy], filter: &GrantFilter) -> Vec<GrantRow> {
    let mut rows = Vec::new();
    for s in towns.iter().filter(|s| filter.town.as_ref().is_none_or(|t| &s.id == t)) {
        for (g, m, i) in initiatives_in(s) {
            if i.kind != Some(InitiativeKind::Subsidised) && i.grant.is_none() {
                continue;
            }
            if filter.programme.as_ref().is_some_and(|p| !p.matches(i)) {
                continue;
            }
            let programme = i.grant.as_ref().and_then(|g| g.programme_name());
            let path = ItemPath::to_initiative(s, g, m, i);
            let row = |year: Option<FiscalYear>, budget, settled, grant| GrantRow {
                path: path.clone(),
                municipality: s.municipality.name.clone(),
                number: i.number.clone(),
                title: i.title.clone(),
                programme: programme.clone(),
                year,
                budget,
                settled,
                grant,
            };
            if i.years.is_empty() && filter.year.is_none() {
                rows.push(row(None, None, None, None));
            }
            let mut years: Vec<_> = i.years.iter().filter(|y| filter.year.is_none_or(|f| y.fiscal_year == f)).collect();
            crate::sorting::by_key(&mut years, |y| y.fiscal_year);
            rows.extend(years.into_iter().map(|y| row(Some(y.fiscal_year), y.budget, y.settled, y.grant)));
        }
    }
    rows
}
