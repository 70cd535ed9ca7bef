//! One indicator across towns: which indicators of different towns mean the same thing, and
//! a matched indicator's numbers per town and fiscal year (what a chart and its table draw).
//!
//! The rules, strongest first:
//! 1. **By hand**: the region's [`IndicatorMatch`](super::IndicatorMatch)es — an indicator put
//!    under a key, or kept out of every match (`key: None`).
//! 2. **By code**: the indicator's name contains one of the bureau's codes (合計特殊出生率,
//!    観光入込客数 …), compared as [`key`]s; the longest code that fits wins. A code's match
//!    stands even when only one town has it: the bureau asked for it.
//! 3. **By name**: the same name as [`key`] (width, case, spaces, punctuation folded) in at
//!    least two towns.
//!
//! A hand-made key that is a code, or another match's name, joins that match. Everything else
//! is listed as unmatched, for the bureau to match by hand.

use super::normalise::key;
use super::Region;
use crate::model::{Baseline, DesiredDirection, FiscalYear, Id, PlanPeriod, Series, Strategy, Target};
use std::collections::{BTreeSet, HashMap};

/// One town's indicator.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct IndicatorRef {
    pub strategy: Id,
    pub indicator: Id,
}

/// Which rule matched an indicator.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum MatchedBy {
    Hand,
    Code,
    Name,
}

/// Indicators of several towns (or of one, for a bureau's code) that mean the same thing.
#[derive(Clone, Debug, PartialEq)]
pub struct MatchedIndicator {
    /// The [`key`] the members share.
    pub key: String,
    /// What to call it: the bureau's code, else the hand-made key, else the first town's name.
    pub name: String,
    /// The members in the towns' order, each with the rule that put it here.
    pub members: Vec<(IndicatorRef, MatchedBy)>,
}

/// Every matched indicator (the bureau's codes first, in its list's order, then the others in
/// the order they first appear) and the indicators left unmatched, in the towns' order.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Matching {
    pub groups: Vec<MatchedIndicator>,
    pub unmatched: Vec<IndicatorRef>,
}

/// Matches the indicators of `towns` (in the region's order) by the region's rules.
pub fn match_indicators(region: &Region, towns: &[&Strategy]) -> Matching {
    let codes: Vec<(String, &str)> = {
        let mut seen = BTreeSet::new();
        region
            .indicator_codes
            .iter()
            .map(|c| (key(c), c.as_str()))
            .filter(|(k, _)| !k.is_empty() && seen.insert(k.clone()))
            .collect()
    };
    let by_hand: HashMap<(&Id, &Id), Option<&str>> =
        region.matches.iter().map(|m| ((&m.strategy, &m.indicator), m.key.as_deref())).collect();

    let mut groups = Groups::default();
    for (k, name) in &codes {
        groups.open(k.clone(), name);
    }
    // Candidates by name, decided once every town is seen: key → (first name, members).
    let mut by_name: Vec<(String, String, Vec<Member>)> = Vec::new();
    let mut by_name_index: HashMap<String, usize> = HashMap::new();
    let mut unmatched: Vec<Member> = Vec::new();
    for (t, s) in towns.iter().enumerate() {
        for (i, ind) in s.indicators.iter().enumerate() {
            let member =
                Member { order: (t, i), at: IndicatorRef { strategy: s.id.clone(), indicator: ind.id.clone() } };
            match by_hand.get(&(&s.id, &ind.id)) {
                Some(Some(hand)) if !key(hand).is_empty() => {
                    groups.join(key(hand), hand, member, MatchedBy::Hand);
                    continue;
                }
                Some(_) => {
                    unmatched.push(member);
                    continue;
                }
                None => {}
            }
            let name = key(&ind.name);
            let code = codes.iter().filter(|(k, _)| name.contains(k.as_str())).max_by_key(|(k, _)| k.len());
            if let Some((k, display)) = code {
                groups.join(k.clone(), display, member, MatchedBy::Code);
            } else if name.is_empty() {
                unmatched.push(member);
            } else {
                let n = *by_name_index.entry(name.clone()).or_insert_with(|| {
                    by_name.push((name, ind.name.clone(), Vec::new()));
                    by_name.len() - 1
                });
                by_name[n].2.push(member);
            }
        }
    }
    // A name in two towns or more is a match, and so is a name another match already has.
    for (k, name, members) in by_name {
        let in_towns = members.iter().any(|m| m.order.0 != members[0].order.0);
        if in_towns || groups.index.contains_key(&k) {
            for member in members {
                groups.join(k.clone(), &name, member, MatchedBy::Name);
            }
        } else {
            unmatched.extend(members);
        }
    }
    let groups = groups
        .list
        .into_iter()
        .filter(|g| !g.members.is_empty())
        .map(|mut g| {
            crate::sorting::by_key(&mut g.members, |(m, _)| m.order);
            let members = g.members.into_iter().map(|(m, by)| (m.at, by)).collect();
            MatchedIndicator { key: g.key, name: g.name, members }
        })
        .collect();
    crate::sorting::by_key(&mut unmatched, |m| m.order);
    Matching { groups, unmatched: unmatched.into_iter().map(|m| m.at).collect() }
}

/// An indicator with its place in the region: (town, indicator) in order.
struct Member {
    order: (usize, usize),
    at: IndicatorRef,
}

/// A match being made.
struct Group {
    key: String,
    name: String,
    members: Vec<(Member, MatchedBy)>,
}

/// The matches being made, in the order opened, and where each key is.
#[derive(Default)]
struct Groups {
    list: Vec<Group>,
    index: HashMap<String, usize>,
}

impl Groups {
    fn open(&mut self, key: String, name: &str) -> usize {
        let list = &mut self.list;
        *self.index.entry(key.clone()).or_insert_with(|| {
            list.push(Group { key, name: name.to_owned(), members: Vec::new() });
            list.len() - 1
        })
    }

    fn join(&mut self, key: String, name: &str, member: Member, by: MatchedBy) {
        let i = self.open(key, name);
        self.list[i].members.push((member, by));
    }
}

/// A matched indicator's numbers: one row per series of each member, one cell per fiscal year.
#[derive(Clone, Debug, PartialEq)]
pub struct IndicatorTable {
    /// Every year any row has an actual, an interim or final target, or a baseline in, in order.
    pub years: Vec<FiscalYear>,
    pub rows: Vec<SeriesRow>,
}

/// One series of one town's indicator.
#[derive(Clone, Debug, PartialEq)]
pub struct SeriesRow {
    pub at: IndicatorRef,
    pub municipality: String,
    /// The indicator's display code in its town ("5-1").
    pub code: String,
    pub name: String,
    /// Empty for a single series; 男性, 女性 … for a breakdown.
    pub series: String,
    pub unit: String,
    pub direction: DesiredDirection,
    pub baseline: Option<Baseline>,
    pub target: Option<Target>,
    /// One per year of [`IndicatorTable::years`].
    pub cells: Vec<TableCell>,
}

/// A series in a fiscal year.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct TableCell {
    pub actual: Option<f64>,
    /// The actual is a 速報値.
    pub provisional: bool,
    /// What was to be reached that year: the interim target, the final target in its year
    /// (the plan's last when the town gave none), or a per-year target within the plan.
    pub target: Option<f64>,
}

impl MatchedIndicator {
    /// The numbers of every member found among `towns`.
    pub fn table(&self, towns: &[&Strategy]) -> IndicatorTable {
        let members: Vec<(&Strategy, &crate::model::Indicator)> = self
            .members
            .iter()
            .filter_map(|(r, _)| {
                let s = towns.iter().find(|s| s.id == r.strategy)?;
                Some((*s, s.indicator(&r.indicator)?))
            })
            .collect();
        let mut years = BTreeSet::new();
        for (s, ind) in &members {
            for series in &ind.series {
                years.extend(years_of(series, s.period));
            }
        }
        let years: Vec<FiscalYear> = years.into_iter().collect();
        let rows = members
            .iter()
            .flat_map(|(s, ind)| {
                let years = &years;
                ind.series.iter().map(move |series| SeriesRow {
                    at: IndicatorRef { strategy: s.id.clone(), indicator: ind.id.clone() },
                    municipality: s.municipality.name.clone(),
                    code: ind.code.clone(),
                    name: ind.name.clone(),
                    series: series.label.clone(),
                    unit: ind.unit.clone(),
                    direction: ind.direction,
                    baseline: series.baseline.clone(),
                    target: series.target.clone(),
                    cells: years.iter().map(|y| cell(series, s.period, *y)).collect(),
                })
            })
            .collect();
        IndicatorTable { years, rows }
    }
}

/// The years a series has something in.
fn years_of(series: &Series, period: PlanPeriod) -> Vec<FiscalYear> {
    let mut years: Vec<FiscalYear> = series.actuals.iter().map(|a| a.year).collect();
    years.extend(series.interim.iter().map(|v| v.year));
    years.extend(series.baseline.as_ref().map(|b| b.year.unwrap_or(period.assumed_baseline_year())));
    years.extend(series.target.iter().flat_map(|t| t.years(period)));
    years
}

fn cell(series: &Series, period: PlanPeriod, year: FiscalYear) -> TableCell {
    let actual = series.actual(year);
    let target = match (series.interim.iter().find(|v| v.year == year), &series.target) {
        (Some(v), _) => Some(v.value),
        (None, Some(Target::Value { value, year: due })) => {
            (due.unwrap_or(period.assumed_target_year()) == year).then_some(*value)
        }
        (None, Some(Target::Relative { year: due, .. })) => {
            (due.unwrap_or(period.assumed_target_year()) == year).then(|| series.target_value()).flatten()
        }
        (None, Some(Target::PerYear { value } | Target::Bound { value, year: None, .. })) => {
            period.contains(year).then_some(*value)
        }
        (None, Some(Target::Bound { value, year: Some(due), .. })) => (*due == year).then_some(*value),
        // A span's value is not a year's: the average or total is shown with the target, not in a cell.
        (None, Some(Target::Average { .. } | Target::Cumulative { .. } | Target::Direction) | None) => None,
    };
    TableCell { actual: actual.map(|a| a.value), provisional: actual.is_some_and(|a| a.provisional), target }
}
