//! The region's population visions' benchmark: the generated region (`region::generate_region`,
//! 179 towns for Hokkaido) with a made-up (架空) 地方人口ビジョン in every town, and what the
//! region's page derives from them — each town's four scenarios projected from 2020 to 2070
//! and grouped by kind (`model::region::town_visions`), the 管内 total by kind
//! (`region_totals`), and the cells the page shows (base, 社人研準拠 and 将来展望 in 2050 and
//! 2070, target; the totals every ten years). The budget is 500 ms.
//!
//! Each town differs deterministically by its number and the seed: its size (about 1,500 to
//! 60,000 people, a shape of a rural town's ages), its rates (survival falling with age, the
//! open group low, young people leaving at 15–24, each scaled a little), its birth rate, its
//! 将来展望's net migrants and its target. Every figure is made up.

use super::region::generate_region;
use super::stats::{maximum, median};
use crate::locale::number;
use crate::model::population::{
    persons, standard_scenarios, AssumptionSource, Assumptions, BasePopulation, OpenAge, PeriodRates, PopulationSource,
    PopulationVision, Projection, TargetPopulation,
};
use crate::model::region::{region_totals, town_visions, Region, RegionTotal, ScenarioKind, TownVision};
use crate::model::{Id, Strategy, UnknownFields};
use std::sync::Arc;
use std::time::Instant;

/// 生残率 of the cohort reaching each group 5–9 … 90+ (men, women): made up to the order of a
/// life table, falling with age.
const SURVIVAL: [[f64; 18]; 2] = [
    [
        0.9995, 0.9997, 0.9995, 0.9985, 0.9982, 0.9980, 0.9975, 0.9965, 0.9950, 0.9925, 0.9880, 0.9820, 0.9720, 0.9560,
        0.9300, 0.8850, 0.8050, 0.5600,
    ],
    [
        0.9996, 0.9998, 0.9997, 0.9993, 0.9992, 0.9990, 0.9987, 0.9980, 0.9972, 0.9960, 0.9945, 0.9920, 0.9880, 0.9810,
        0.9690, 0.9450, 0.8950, 0.6600,
    ],
];

/// 純移動率 of the cohort reaching each group: a rural town's, young people leaving at 15–24.
const MIGRATION: [f64; 18] = [
    -0.005, -0.010, -0.080, -0.180, 0.030, 0.010, 0.0, -0.005, -0.005, -0.005, -0.003, 0.005, 0.005, 0.0, -0.005,
    -0.010, -0.015, -0.020,
];

/// People in each group 0–4 … 90+ of a town of 1,000 (a rural town's shape: few children,
/// most in their sixties and seventies).
const SHAPE: [f64; 19] =
    [30.0, 34.0, 37.0, 35.0, 26.0, 29.0, 33.0, 38.0, 44.0, 49.0, 52.0, 58.0, 66.0, 76.0, 78.0, 72.0, 62.0, 45.0, 35.0];

/// The `i`-th town's made-up vision, deterministic for `seed`.
pub fn town_vision(i: usize, seed: u64) -> PopulationVision {
    let mut rng = fastrand::Rng::with_seed(seed.wrapping_mul(7_919).wrapping_add(i as u64));
    let size = 1.5 + 58.5 * rng.f64().powi(3); // thousands: most towns small, a few large
    let count = |share: f64, sex: f64| (share * size * sex).round() as u32;
    let base = BasePopulation {
        year: 2020,
        source: PopulationSource::Census,
        open: OpenAge::From90,
        male: SHAPE.iter().map(|s| count(*s, 0.49)).collect(),
        female: SHAPE.iter().map(|s| count(*s, 0.51)).collect(),
        unknown: UnknownFields::new(),
    };
    let (survival_scale, migration_scale) = (0.98 + 0.04 * rng.f64(), 0.6 + 0.8 * rng.f64());
    let survival = |sex: usize| SURVIVAL[sex].iter().map(|s| (s * survival_scale).min(0.9999)).collect::<Vec<_>>();
    let migration = MIGRATION.iter().map(|m| m * migration_scale).collect::<Vec<_>>();
    let periods = (0..6)
        .map(|k| PeriodRates {
            start: 2020 + 5 * k,
            survival_male: survival(0),
            survival_female: survival(1),
            migration_male: migration.clone(),
            migration_female: migration.clone(),
            child_woman_ratio: 0.17 + 0.06 * rng.f64(),
            sex_ratio: 105.0,
        })
        .collect();
    let names = ["社人研推計準拠", "出生率上昇", "社会移動均衡", "将来展望"].map(String::from);
    let mut scenarios = standard_scenarios(2020, names);
    for (k, s) in scenarios.iter_mut().enumerate() {
        // Ids as the generator's: the same seed, the same ids.
        s.id = Id(format!("scenario-{:016x}{:016x}", seed, (i * 4 + k) as u64));
        if let crate::model::population::Scenario::Vision { net_migrants_a_year, .. } = &mut s.scenario {
            *net_migrants_a_year = (size * (2.0 + 8.0 * rng.f64())).round();
        }
    }
    let total: u32 = base.male.iter().chain(&base.female).sum();
    PopulationVision {
        base: Some(base),
        assumptions: Some(Assumptions { source: AssumptionSource::Pasted, periods, unknown: UnknownFields::new() }),
        base_birth_rate: Some(1.2 + 0.4 * rng.f64()),
        chosen: Some(scenarios[3].id.clone()),
        scenarios,
        target: Some(TargetPopulation { year: 2060, population: (f64::from(total) * 0.8).round() as u32 }),
        ..PopulationVision::default()
    }
}

/// The generated region of `n` towns, each with its made-up vision.
pub fn generate_region_with_visions(n: usize, seed: u64) -> (Region, Vec<Strategy>) {
    let (region, mut towns) = generate_region(n, seed);
    for (i, s) in towns.iter_mut().enumerate() {
        s.population = Some(Arc::new(town_vision(i, seed)));
    }
    (region, towns)
}

fn at(p: Option<&Projection>, year: u16) -> String {
    p.and_then(|p| p.at(year)).map(|pop| number(persons(pop.total()) as f64)).unwrap_or_else(|| "—".to_owned())
}

/// What the region's page shows, as its cells: a row a town, then a row a kind of scenario.
pub fn page_cells(visions: &[TownVision], totals: &[RegionTotal]) -> Vec<Vec<String>> {
    let mut rows: Vec<Vec<String>> = visions
        .iter()
        .map(|v| {
            let (ipss, outlook) = (v.of(ScenarioKind::Ipss), v.of(ScenarioKind::Outlook));
            let base = v.base.map(|(y, t)| format!("{} ({y})", number(persons(t) as f64))).unwrap_or_default();
            let target =
                v.target.map(|t| format!("{} ({})", number(f64::from(t.population)), t.year)).unwrap_or_default();
            vec![
                v.municipality.clone(),
                base,
                at(ipss, 2050),
                at(ipss, 2070),
                at(outlook, 2050),
                at(outlook, 2070),
                target,
            ]
        })
        .collect();
    for t in totals {
        let cells = t.years.iter().zip(&t.totals).filter(|(y, _)| *y % 10 == 0);
        rows.push(
            std::iter::once(format!("{:?} ({})", t.kind, t.towns))
                .chain(cells.map(|(_, v)| number(persons(*v) as f64)))
                .collect(),
        );
    }
    rows
}

/// `bench region-vision`: the region's visions projected, summed and made into the page's
/// cells `runs` times; the median and the largest, in ms, and the 管内 totals in 2070.
pub fn table(towns: usize, seed: u64, runs: usize) -> String {
    let (region, strategies) = generate_region_with_visions(towns, seed);
    let members = region.towns(&strategies);
    let mut samples = Vec::with_capacity(runs);
    let mut last = (Vec::new(), Vec::new(), 0);
    for _ in 0..runs.max(1) {
        let t = Instant::now();
        let visions = town_visions(&members);
        let totals = region_totals(&visions);
        let cells = page_cells(&visions, &totals).len();
        samples.push(t.elapsed().as_secs_f64() * 1000.0);
        last = (visions, totals, cells);
    }
    let (visions, totals, cells) = last;
    let projected = visions.iter().map(|v| v.by_kind.len()).sum::<usize>();
    let in_2070: Vec<String> = totals
        .iter()
        .map(|t| {
            format!(
                "{:?} {}",
                t.kind,
                t.years.iter().position(|y| *y == 2070).map_or("—".into(), |k| number(persons(t.totals[k]) as f64))
            )
        })
        .collect();
    format!(
        "region-vision: {towns} towns' visions (seed {seed}) projected 2020→2070, grouped and summed, the page's {cells} rows, {} runs: median {:.1} ms, max {:.1} ms (budget 500 ms); {projected} projections kept; 管内 2070: {}\n",
        samples.len(),
        median(&samples).unwrap_or(f64::NAN),
        maximum(&samples).unwrap_or(f64::NAN),
        in_2070.join(", ")
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_town_projects_its_four_kinds_and_the_region_sums_them() {
        let (region, towns) = generate_region_with_visions(3, 1);
        let visions = town_visions(&region.towns(&towns));
        assert!(visions.iter().all(|v| v.by_kind.len() == 4 && v.base.is_some()), "{visions:?}");
        let totals = region_totals(&visions);
        assert_eq!(totals.iter().map(|t| (t.kind, t.towns)).collect::<Vec<_>>(), ScenarioKind::ALL.map(|k| (k, 3)));
        // A rural town's ageing: 社人研準拠 falls by 2070, and the 管内 total is the towns' sum.
        let ipss = &totals[0];
        assert!(ipss.totals.last() < ipss.totals.first(), "{ipss:?}");
        let sum: f64 = visions.iter().map(|v| v.of(ScenarioKind::Ipss).unwrap().at(2070).unwrap().total()).sum();
        assert!((ipss.totals.last().unwrap() - sum).abs() < 1e-6);
        assert_eq!(page_cells(&visions, &totals).len(), 3 + 4);
        for s in &towns {
            let problems = crate::model::validate(s);
            assert!(crate::model::errors(&problems).next().is_none(), "{problems:?}");
        }
    }

    #[test]
    fn same_seed_same_visions() {
        assert_eq!(town_vision(5, 2), town_vision(5, 2));
        assert_ne!(town_vision(5, 2), town_vision(6, 2));
    }
}
