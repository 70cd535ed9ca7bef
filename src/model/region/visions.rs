//! The towns' population visions side by side, and the 管内 total by scenario: each town's
//! scenarios projected (`population::project_scenarios`), grouped by kind — 社人研準拠, the
//! birth-rate path, 社会移動均衡 (each town's first of that kind) and the town's 将来展望 (its
//! chosen scenario) — and a kind's total summed over the towns that have it, at the years they
//! all project. A town without a vision to project is listed as such.

use crate::model::population::{project_scenarios, Projection, Scenario, TargetPopulation};
use crate::model::Strategy;

/// The kinds a region sums: towns name their scenarios differently, so they meet by kind.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum ScenarioKind {
    /// 社人研準拠.
    Ipss,
    /// A birth-rate path.
    BirthRate,
    /// 社会移動均衡.
    MigrationBalanced,
    /// The town's chosen 将来展望, whatever it is.
    Outlook,
}

impl ScenarioKind {
    pub const ALL: [ScenarioKind; 4] =
        [ScenarioKind::Ipss, ScenarioKind::BirthRate, ScenarioKind::MigrationBalanced, ScenarioKind::Outlook];
}

/// One town's vision: its base and its projections by kind (`None` where it has none).
#[derive(Clone, Debug, PartialEq)]
pub struct TownVision {
    pub municipality: String,
    /// `None`: the town has no vision to project.
    pub base: Option<(u16, f64)>,
    pub derived: bool,
    pub by_kind: Vec<(ScenarioKind, Projection)>,
    pub target: Option<TargetPopulation>,
}

impl TownVision {
    pub fn of(&self, kind: ScenarioKind) -> Option<&Projection> {
        self.by_kind.iter().find(|(k, _)| *k == kind).map(|(_, p)| p)
    }
}

/// A kind's 管内 total: the years every counted town projects, the sums, and how many towns.
#[derive(Clone, Debug, PartialEq)]
pub struct RegionTotal {
    pub kind: ScenarioKind,
    pub years: Vec<u16>,
    pub totals: Vec<f64>,
    pub towns: usize,
}

fn kind_of(s: &Scenario) -> ScenarioKind {
    match s {
        Scenario::Ipss => ScenarioKind::Ipss,
        Scenario::BirthRate { .. } => ScenarioKind::BirthRate,
        Scenario::MigrationBalanced { .. } => ScenarioKind::MigrationBalanced,
        Scenario::Vision { .. } => ScenarioKind::Outlook,
    }
}

/// Each town's vision, in the region's order.
pub fn town_visions(towns: &[&Strategy]) -> Vec<TownVision> {
    towns
        .iter()
        .map(|s| {
            let mut out = TownVision {
                municipality: s.municipality.name.clone(),
                base: None,
                derived: false,
                by_kind: Vec::new(),
                target: None,
            };
            let Some(v) = s.population.as_deref() else { return out };
            let Ok(p) = project_scenarios(v) else { return out };
            out.derived = p.derived;
            out.target = v.target;
            for (named, projection) in p.drawn() {
                let kind = kind_of(&named.scenario);
                if kind != ScenarioKind::Outlook && out.of(kind).is_none() {
                    out.by_kind.push((kind, projection.clone()));
                }
                if v.chosen.as_ref() == Some(&named.id) {
                    out.by_kind.retain(|(k, _)| *k != ScenarioKind::Outlook);
                    out.by_kind.push((ScenarioKind::Outlook, projection.clone()));
                }
            }
            out.base = p.drawn().first().and_then(|(_, pr)| pr.totals().next());
            out
        })
        .collect()
}

/// The 管内 total of each kind some town has: summed at the years all those towns project.
pub fn region_totals(visions: &[TownVision]) -> Vec<RegionTotal> {
    ScenarioKind::ALL
        .into_iter()
        .filter_map(|kind| {
            let projections: Vec<&Projection> = visions.iter().filter_map(|v| v.of(kind)).collect();
            let first = projections.first()?;
            let years: Vec<u16> =
                first.years.iter().copied().filter(|y| projections.iter().all(|p| p.at(*y).is_some())).collect();
            let totals = years
                .iter()
                .map(|y| projections.iter().filter_map(|p| p.at(*y)).map(|pop| pop.total()).sum())
                .collect();
            Some(RegionTotal { kind, years, totals, towns: projections.len() })
        })
        .collect()
}

#[cfg(test)]
#[path = "visions_tests.rs"]
mod tests;
