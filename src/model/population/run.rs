//! A vision's scenarios projected from its base, in the vision's order, as the page, the
//! document and the public pages draw them; and the four scenarios a new vision starts with
//! (社人研準拠, a birth rate rising to 1.8 in 2040 and 2.07 in 2050, 社会移動均衡, the
//! 将来展望 of both with net migrants a year).

use super::{project, NamedScenario, PopulationVision, Projection, ProjectionError, RatePoint, Scenario, STEP};
use crate::model::Id;

/// Why nothing can be projected yet.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NotReady {
    /// No base population.
    NoBase,
    /// No assumptions.
    NoAssumptions,
    /// The base population's groups do not fit its open group.
    BaseGroups,
}

/// Every scenario projected: each with its projection or why it has none.
#[derive(Clone, Debug)]
pub struct Projected<'a> {
    pub base_year: u16,
    /// The assumptions are derived from two censuses: every page showing this says so.
    pub derived: bool,
    pub runs: Vec<(&'a NamedScenario, Result<Projection, ProjectionError>)>,
}

impl<'a> Projected<'a> {
    /// The scenarios that projected, with their projections.
    pub fn drawn(&self) -> Vec<(&'a NamedScenario, &Projection)> {
        self.runs.iter().filter_map(|(s, r)| r.as_ref().ok().map(|p| (*s, p))).collect()
    }

    /// The projection of the scenario `id`, when it projected.
    pub fn of(&self, id: &Id) -> Option<&Projection> {
        self.runs.iter().find(|(s, _)| &s.id == id).and_then(|(_, r)| r.as_ref().ok())
    }
}

/// Every scenario of `v` projected from its base to 2070.
pub fn project_scenarios(v: &PopulationVision) -> Result<Projected<'_>, NotReady> {
    let base = v.base.as_ref().ok_or(NotReady::NoBase)?;
    let assumptions = v.assumptions.as_ref().ok_or(NotReady::NoAssumptions)?;
    let population = base.population().ok_or(NotReady::BaseGroups)?;
    let runs = v
        .scenarios
        .iter()
        .map(|s| (s, project(&population, base.year, assumptions, &s.scenario, v.base_birth_rate)))
        .collect();
    Ok(Projected { base_year: base.year, derived: assumptions.is_derived(), runs })
}

/// The birth-rate path of the standard scenarios: 1.8 in 2040, 2.07 (the 人口置換水準) in 2050.
pub fn standard_path() -> Vec<RatePoint> {
    vec![RatePoint { year: 2040, rate: 1.8 }, RatePoint { year: 2050, rate: 2.07 }]
}

/// The four scenarios a vision starts with, named by the caller (`names` in that order): the
/// 社人研's assumptions; the standard birth-rate path; migration balanced from ten years after
/// the base year; and the 将来展望, the path with 50 net migrants a year from the base year.
pub fn standard_scenarios(base_year: u16, names: [String; 4]) -> Vec<NamedScenario> {
    let [ipss, birth, balanced, vision] = names;
    let scenario = |name: String, scenario: Scenario| NamedScenario { id: Id::new("scenario"), name, scenario };
    vec![
        scenario(ipss, Scenario::Ipss),
        scenario(birth, Scenario::BirthRate { path: standard_path() }),
        scenario(balanced, Scenario::MigrationBalanced { from: base_year + 2 * STEP }),
        scenario(vision, Scenario::Vision { path: standard_path(), net_migrants_a_year: 50.0, from: base_year }),
    ]
}
