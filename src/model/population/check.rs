//! What is wrong with a vision as a file holds it: base groups that do not fit the open group,
//! rates missing or impossible, a chosen scenario that is not there, a birth-rate path with no
//! base rate, a target outside the projection's years.

use super::{PopulationVision, Sex, HORIZON};

#[derive(Clone, Debug, PartialEq)]
pub enum VisionProblem {
    /// The base population has not one count per group of its open group.
    BaseGroups,
    /// A period's rates have not one value per group reached.
    RateCount { start: u16 },
    /// A survival rate, 子ども女性比 or 性比 below 0 (or not a number).
    ImpossibleRate { start: u16 },
    /// The chosen 将来展望 is not one of the scenarios.
    ChosenMissing,
    /// A birth-rate path without the base 合計特殊出生率.
    NoBaseBirthRate,
    /// The target's year is not a year of the projection (base year … 2070, every 5 years).
    TargetYear { year: u16 },
}

impl VisionProblem {
    /// An error refuses the file (the vision cannot be projected); the rest are warnings.
    pub fn is_error(&self) -> bool {
        matches!(
            self,
            VisionProblem::BaseGroups | VisionProblem::RateCount { .. } | VisionProblem::ImpossibleRate { .. }
        )
    }
}

/// The vision's problems with the path under `population` each concerns.
pub fn check(v: &PopulationVision) -> Vec<(String, VisionProblem)> {
    let mut out = Vec::new();
    let open = v.base.as_ref().map(|b| b.open).or(Some(super::OpenAge::From90));
    if let Some(b) = &v.base {
        if b.population().is_none() {
            out.push(("population.base".into(), VisionProblem::BaseGroups));
        }
    }
    if let (Some(a), Some(open)) = (&v.assumptions, open) {
        for (i, p) in a.periods.iter().enumerate() {
            let path = format!("population.assumptions.periods[{i}]");
            let n = open.groups() - 1;
            if Sex::BOTH.iter().any(|&s| p.survival(s).len() != n || p.migration(s).len() != n) {
                out.push((path.clone(), VisionProblem::RateCount { start: p.start }));
            }
            let bad = |v: f64| !(v.is_finite() && v >= 0.0);
            let rates = Sex::BOTH.iter().flat_map(|&s| p.survival(s).iter().copied());
            if rates.chain([p.child_woman_ratio, p.sex_ratio]).any(bad)
                || Sex::BOTH.iter().any(|&s| p.migration(s).iter().any(|m| !m.is_finite()))
            {
                out.push((path, VisionProblem::ImpossibleRate { start: p.start }));
            }
        }
    }
    if v.chosen.is_some() && v.chosen_scenario().is_none() {
        out.push(("population.chosen".into(), VisionProblem::ChosenMissing));
    }
    if v.base_birth_rate.is_none_or(|r| r.is_nan() || r <= 0.0)
        && v.scenarios.iter().any(|s| s.scenario.path().is_some())
    {
        out.push(("population.base_birth_rate".into(), VisionProblem::NoBaseBirthRate));
    }
    if let (Some(t), Some(b)) = (&v.target, &v.base) {
        if t.year < b.year || t.year > HORIZON || (t.year - b.year) % super::STEP != 0 {
            out.push(("population.target".into(), VisionProblem::TargetYear { year: t.year }));
        }
    }
    out
}
