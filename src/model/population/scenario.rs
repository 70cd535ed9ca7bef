//! The scenarios a vision compares: 社人研準拠, a birth-rate path, 社会移動均衡 from a year, and
//! the town's 将来展望 (a birth-rate path and net migrants a year). What each changes of the
//! assumptions is said in `model::population`'s doc.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// A 合計特殊出生率 reached in a year.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct RatePoint {
    pub year: u16,
    pub rate: f64,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case", tag = "kind")]
pub enum Scenario {
    /// 社人研推計準拠: the assumptions as given.
    Ipss,
    /// The birth rate rising along a path.
    BirthRate { path: Vec<RatePoint> },
    /// 社会移動均衡: no net migration in the periods starting in or after `from`.
    MigrationBalanced { from: u16 },
    /// The town's 将来展望: a birth-rate path (may be empty), and from `from`, net migrants a
    /// year (「毎年50人の転入超過」 is 50; an outflow is negative).
    Vision { path: Vec<RatePoint>, net_migrants_a_year: f64, from: u16 },
}

/// How a period's migration is taken.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(super) enum PeriodMigration {
    /// The assumptions' 純移動率.
    Rates,
    /// None.
    Balanced,
    /// This many net migrants in the period, spread as the assumptions spread them.
    Total(f64),
}

impl Scenario {
    /// The birth-rate path, if the scenario has one.
    pub fn path(&self) -> Option<&[RatePoint]> {
        match self {
            Scenario::BirthRate { path } | Scenario::Vision { path, .. } if !path.is_empty() => Some(path),
            _ => None,
        }
    }

    /// The factor on the 子ども女性比 of the period ending in `year`: path(year) ÷ base rate.
    pub(super) fn birth_factor(&self, base_year: u16, base_rate: f64, year: u16) -> f64 {
        match self.path() {
            Some(path) => rate_on_path(base_year, base_rate, path, year) / base_rate,
            None => 1.0,
        }
    }

    /// The migration of the period starting in `start`.
    pub(super) fn migration(&self, start: u16) -> PeriodMigration {
        match *self {
            Scenario::MigrationBalanced { from } if start >= from => PeriodMigration::Balanced,
            Scenario::Vision { net_migrants_a_year, from, .. } if start >= from => {
                PeriodMigration::Total(net_migrants_a_year * f64::from(super::STEP))
            }
            _ => PeriodMigration::Rates,
        }
    }
}

/// The rate in `year` on the path: linear from `(base_year, base_rate)` through the points in
/// year order, held after the last.
pub fn rate_on_path(base_year: u16, base_rate: f64, path: &[RatePoint], year: u16) -> f64 {
    let mut points: Vec<RatePoint> = path.iter().copied().filter(|p| p.year > base_year).collect();
    points.sort_by_key(|p| p.year);
    let mut previous = RatePoint { year: base_year, rate: base_rate };
    for p in points {
        if year <= p.year {
            let span = f64::from(p.year - previous.year);
            let done = f64::from(year.saturating_sub(previous.year));
            return previous.rate + (p.rate - previous.rate) * done / span;
        }
        previous = p;
    }
    previous.rate
}
