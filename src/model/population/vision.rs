//! The vision as the strategy file holds it: the base population, the assumptions per period,
//! the base 合計特殊出生率, the scenarios (one of them chosen as the 将来展望) and its target.

use super::{OpenAge, Population, Scenario};
use crate::model::{Id, UnknownFields};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// The town's 地方人口ビジョン.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct PopulationVision {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub base: Option<BasePopulation>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub assumptions: Option<Assumptions>,
    /// The town's 合計特殊出生率 of the base period, for the birth-rate scenarios.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub base_birth_rate: Option<f64>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub scenarios: Vec<NamedScenario>,
    /// The scenario the town takes as its 将来展望.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub chosen: Option<Id>,
    /// The target population the 将来展望 states (「2070年に人口1万人を維持」).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub target: Option<TargetPopulation>,
    /// The planning section's working notes: internal, never published.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub notes: String,
    #[serde(flatten, default)]
    pub unknown: UnknownFields,
}

impl PopulationVision {
    pub fn chosen_scenario(&self) -> Option<&NamedScenario> {
        let id = self.chosen.as_ref()?;
        self.scenarios.iter().find(|s| &s.id == id)
    }
}

/// Where a base population came from.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum PopulationSource {
    /// 国勢調査 (October 1st).
    #[default]
    Census,
    /// 住民基本台帳.
    ResidentRegister,
    /// Cells pasted or typed.
    Pasted,
}

/// The base population by sex × 5-year group at a base year, as counted (whole persons).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct BasePopulation {
    pub year: u16,
    #[serde(default)]
    pub source: PopulationSource,
    #[serde(default)]
    pub open: OpenAge,
    pub male: Vec<u32>,
    pub female: Vec<u32>,
    #[serde(flatten, default)]
    pub unknown: UnknownFields,
}

impl BasePopulation {
    /// A census with `each` persons in every group of both sexes at `year` (85 and over the
    /// open group): what tests build on.
    #[cfg(test)]
    pub fn flat(year: u16, each: u32) -> BasePopulation {
        let n = OpenAge::From85.groups();
        BasePopulation {
            year,
            source: PopulationSource::Census,
            open: OpenAge::From85,
            male: vec![each; n],
            female: vec![each; n],
            unknown: UnknownFields::new(),
        }
    }

    /// The counts as a population to project (checks the group count).
    pub fn population(&self) -> Option<Population> {
        let n = self.open.groups();
        (self.male.len() == n && self.female.len() == n).then(|| Population {
            open: self.open,
            male: self.male.iter().map(|&v| f64::from(v)).collect(),
            female: self.female.iter().map(|&v| f64::from(v)).collect(),
        })
    }
}

/// Where the assumptions came from.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case", tag = "kind")]
pub enum AssumptionSource {
    /// The 社人研's published workbook (`vintage`: 「令和5年推計」).
    Ipss { vintage: String },
    /// Cells pasted or typed.
    Pasted,
    /// Made from two censuses five years apart (cohort change ratios): not the 社人研's.
    DerivedFromCensuses { earlier: u16, later: u16 },
}

/// The assumptions per 5-year period.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Assumptions {
    pub source: AssumptionSource,
    pub periods: Vec<PeriodRates>,
    #[serde(flatten, default)]
    pub unknown: UnknownFields,
}

impl Assumptions {
    /// Derived from two censuses, not the 社人研's: every page showing a result says so.
    pub fn is_derived(&self) -> bool {
        matches!(self.source, AssumptionSource::DerivedFromCensuses { .. })
    }

    /// The rates of the period starting in `year`: that period's, or the last one before it
    /// held constant.
    pub fn for_period(&self, year: u16) -> Option<&PeriodRates> {
        self.periods.iter().filter(|p| p.start <= year).max_by_key(|p| p.start)
    }
}

/// The rates of the period `start → start+5`. The survival and migration rates are indexed by
/// the group the cohort reaches: element 0 is 0–4 → 5–9, the last is (ω−5 and ω) → ω.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct PeriodRates {
    pub start: u16,
    pub survival_male: Vec<f64>,
    pub survival_female: Vec<f64>,
    pub migration_male: Vec<f64>,
    pub migration_female: Vec<f64>,
    /// 子ども女性比: 0–4 (both sexes) over women 15–49, at the period's end.
    pub child_woman_ratio: f64,
    /// 0～4歳性比: boys per 100 girls.
    pub sex_ratio: f64,
}

impl PeriodRates {
    pub fn survival(&self, sex: super::Sex) -> &[f64] {
        match sex {
            super::Sex::Male => &self.survival_male,
            super::Sex::Female => &self.survival_female,
        }
    }

    pub fn migration(&self, sex: super::Sex) -> &[f64] {
        match sex {
            super::Sex::Male => &self.migration_male,
            super::Sex::Female => &self.migration_female,
        }
    }
}

/// A scenario with its name (「社人研推計準拠」, 「パターン2」…).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct NamedScenario {
    pub id: Id,
    pub name: String,
    pub scenario: Scenario,
}

/// The population the 将来展望 aims for in a year.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct TargetPopulation {
    pub year: u16,
    pub population: u32,
}
