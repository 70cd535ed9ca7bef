//! The population vision's benchmark: one town's four scenarios (社人研準拠, a birth-rate path to
//! 1.8 in 2040 and 2.07 in 2050, 社会移動均衡 from 2030, a 将来展望 of both with 50 net migrants
//! a year) projected from 2020 to 2070, natively; the budget is 5 ms. The town is made
//! up (架空): 18,600 people over the groups to 90+, rates of the 社人研's order of size.

use super::stats::{maximum, median};
use crate::model::population::{
    project, AssumptionSource, Assumptions, OpenAge, PeriodRates, Population, RatePoint, Scenario,
};
use crate::model::UnknownFields;
use std::time::Instant;

fn town() -> (Population, Assumptions) {
    let n = OpenAge::From90.groups();
    let count = |g: usize| 300.0 + 40.0 * (g as f64 - 9.0).abs();
    let base =
        Population { open: OpenAge::From90, male: (0..n).map(count).collect(), female: (0..n).map(count).collect() };
    let survival: Vec<f64> = (1..n).map(|g| if g < 12 { 0.998 } else { 0.98 - 0.04 * (g - 12) as f64 }).collect();
    let migration: Vec<f64> = (1..n).map(|g| if (3..6).contains(&g) { -0.12 } else { 0.01 }).collect();
    let periods = (0..6)
        .map(|i| PeriodRates {
            start: 2020 + 5 * i,
            survival_male: survival.clone(),
            survival_female: survival.clone(),
            migration_male: migration.clone(),
            migration_female: migration.clone(),
            child_woman_ratio: 0.21,
            sex_ratio: 105.0,
        })
        .collect();
    (base, Assumptions { source: AssumptionSource::Pasted, periods, unknown: UnknownFields::new() })
}

/// The four scenarios projected `runs` times: a line with the median and the largest, in ms.
pub fn four_scenarios(runs: usize) -> String {
    let (base, a) = town();
    let path = vec![RatePoint { year: 2040, rate: 1.8 }, RatePoint { year: 2050, rate: 2.07 }];
    let scenarios = [
        Scenario::Ipss,
        Scenario::BirthRate { path: path.clone() },
        Scenario::MigrationBalanced { from: 2030 },
        Scenario::Vision { path, net_migrants_a_year: 50.0, from: 2025 },
    ];
    let mut samples = Vec::with_capacity(runs);
    let mut last = 0.0;
    for _ in 0..runs {
        let t = Instant::now();
        for s in &scenarios {
            let p = project(&base, 2020, &a, s, Some(1.45)).expect("the made-up town projects");
            last = p.populations.last().map_or(0.0, Population::total);
        }
        samples.push(t.elapsed().as_secs_f64() * 1000.0);
    }
    format!(
        "population: four scenarios 2020→2070, {runs} runs: median {:.3} ms, max {:.3} ms (budget 5 ms); 2070 under the 将来展望: {last:.0}\n",
        median(&samples).unwrap_or(f64::NAN),
        maximum(&samples).unwrap_or(f64::NAN)
    )
}
