//! A demographic KPI's target taken from the vision's 将来展望: the link a series keeps (which
//! figure, which year), the figure the chosen scenario gives, and what a later change of the
//! vision would change. A target changes only when the user takes it (`take_target`) or
//! confirms the listed changes (`apply_target_changes`); nothing follows the vision silently.
//!
//! The figures, from the chosen scenario's projection:
//! - 総人口: the total in the year; between two projection years (every 5 years), linear
//!   between them, whole persons;
//! - 合計特殊出生率: the scenario's birth-rate path in the year (the base rate where it has
//!   none), to 0.01;
//! - 社会増減数 and 出生数: the period's figures a year (`project::flows`) of the 5-year period
//!   ending in or after the year, whole persons.
//!
//! The target's fiscal year is the projection's year: the census counts on 1 October, inside
//! that fiscal year.

use super::{flows, project, rate_on_path, PopulationVision, Projection};
use crate::model::{FiscalYear, Id, Strategy, Target};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// The demographic figures a KPI can take from the vision.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Demographic {
    /// 総人口 (persons).
    TotalPopulation,
    /// 合計特殊出生率.
    BirthRate,
    /// 社会増減数 (net migrants a year).
    NetMigration,
    /// 出生数 (a year).
    Births,
}

impl Demographic {
    pub const ALL: [Demographic; 4] =
        [Demographic::TotalPopulation, Demographic::BirthRate, Demographic::NetMigration, Demographic::Births];
}

/// A series' target taken from the vision's 将来展望: the figure and the projection's year.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct VisionTarget {
    pub figure: Demographic,
    pub year: u16,
}

/// The chosen scenario's figure in `year`, as a target is set from it; `None` when the vision
/// cannot give it (nothing chosen, nothing to project, a year outside the projection).
pub fn vision_value(v: &PopulationVision, figure: Demographic, year: u16) -> Option<f64> {
    let chosen = v.chosen_scenario()?;
    let base = v.base.as_ref()?;
    let assumptions = v.assumptions.as_ref()?;
    let p = project(&base.population()?, base.year, assumptions, &chosen.scenario, v.base_birth_rate).ok()?;
    if year < base.year || year > *p.years.last()? {
        return None;
    }
    match figure {
        Demographic::TotalPopulation => total_in(&p, year).map(f64::round),
        Demographic::BirthRate => {
            let base_rate = v.base_birth_rate.filter(|r| *r > 0.0)?;
            let rate = chosen.scenario.path().map_or(base_rate, |path| rate_on_path(base.year, base_rate, path, year));
            Some((rate * 100.0).round() / 100.0)
        }
        Demographic::NetMigration | Demographic::Births => {
            let period = flows(&p, assumptions, &chosen.scenario)
                .into_iter()
                .find(|f| year > f.start && year <= f.start + super::STEP)?;
            let v = if figure == Demographic::Births { period.births_a_year } else { period.net_migrants_a_year };
            Some(v.round())
        }
    }
}

/// The total in `year`, linear between the projection's years.
fn total_in(p: &Projection, year: u16) -> Option<f64> {
    let totals: Vec<(u16, f64)> = p.totals().collect();
    if let Some(&(_, t)) = totals.iter().find(|(y, _)| *y == year) {
        return Some(t);
    }
    let w = totals.windows(2).find(|w| w[0].0 < year && year < w[1].0)?;
    let share = f64::from(year - w[0].0) / f64::from(w[1].0 - w[0].0);
    Some(w[0].1 + (w[1].1 - w[0].1) * share)
}

/// A target the vision now gives otherwise than the series holds.
#[derive(Clone, Debug, PartialEq)]
pub struct TargetChange {
    pub indicator: Id,
    pub series: Id,
    pub link: VisionTarget,
    /// The target's value now (`None`: not a value).
    pub was: Option<f64>,
    /// The vision's figure now (`None`: the vision cannot give it any more).
    pub becomes: Option<f64>,
}

fn value_of(target: Option<&Target>) -> Option<f64> {
    match target {
        Some(Target::Value { value, .. }) => Some(*value),
        _ => None,
    }
}

/// Every series linked to the vision whose target differs from the vision's figure now.
pub fn target_changes(s: &Strategy) -> Vec<TargetChange> {
    let Some(v) = s.population.as_deref() else { return Vec::new() };
    let mut out = Vec::new();
    for ind in &s.indicators {
        for series in &ind.series {
            let Some(link) = series.from_vision else { continue };
            let (was, becomes) = (value_of(series.target.as_ref()), vision_value(v, link.figure, link.year));
            if was != becomes {
                out.push(TargetChange { indicator: ind.id.clone(), series: series.id.clone(), link, was, becomes });
            }
        }
    }
    out
}

/// Links the series to the vision and sets its target to the vision's figure (a value in the
/// link's year); the value set, or `None` (nothing changed) when the vision cannot give it.
pub fn take_target(s: &mut Strategy, indicator: &Id, series: &Id, link: VisionTarget) -> Option<f64> {
    let value = vision_value(s.population.as_deref()?, link.figure, link.year)?;
    let target = s.indicator_mut(indicator)?.series.iter_mut().find(|x| &x.id == series)?;
    target.from_vision = Some(link);
    target.target = Some(Target::Value { value, year: Some(FiscalYear(i32::from(link.year))) });
    Some(value)
}

/// Sets the listed targets to the vision's figures (those it can still give, on series still
/// linked as listed), each earlier target kept in the series' history as a hand revision keeps
/// it: revised in fiscal year `year` (on `date`, when given) for `reason`; how many changed.
pub fn apply_target_changes(
    s: &mut Strategy,
    changes: &[TargetChange],
    year: FiscalYear,
    date: Option<&str>,
    reason: &str,
) -> usize {
    let mut changed = 0;
    for c in changes {
        let Some(value) = c.becomes else { continue };
        let Some(ind) = s.indicator_mut(&c.indicator) else { continue };
        let Some(series) = ind.series.iter_mut().find(|x| x.id == c.series && x.from_vision == Some(c.link)) else {
            continue;
        };
        let new = Target::Value { value, year: Some(FiscalYear(i32::from(c.link.year))) };
        if series.target.as_ref() != Some(&new) {
            series.revise_target(new, year, date.map(str::to_owned), reason.to_owned());
            changed += 1;
        }
    }
    changed
}

#[cfg(test)]
#[path = "targets_tests.rs"]
mod tests;
