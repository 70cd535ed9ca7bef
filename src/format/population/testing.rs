//! A made-up town's vision (架空: the fixtures' census and assumptions, the four standard
//! scenarios, the 将来展望 chosen, 8,000 in 2070 its target), for the tests of what goes out.

use super::{grid_from_csv, read_assumptions, read_census};
use crate::format::table::from_tsv;
use crate::model::population::{
    standard_scenarios, AssumptionSource, BasePopulation, PopulationSource, PopulationVision,
};
use crate::model::UnknownFields;

const CENSUS: &str = include_str!("fixtures/census_kasou.csv");
const RATES: &str = include_str!("fixtures/assumptions_kasou.tsv");

pub(crate) fn vision() -> PopulationVision {
    let r = read_census(&grid_from_csv(CENSUS)).unwrap();
    let base = BasePopulation {
        year: 2020,
        source: PopulationSource::Census,
        open: r.open,
        male: r.male,
        female: r.female,
        unknown: UnknownFields::new(),
    };
    let assumptions =
        read_assumptions(&from_tsv(RATES), Some("01999"), AssumptionSource::Ipss { vintage: "令和5年推計".into() })
            .unwrap();
    let names = ["社人研推計準拠", "出生率上昇", "社会移動均衡", "将来展望"].map(String::from);
    let scenarios = standard_scenarios(2020, names);
    PopulationVision {
        chosen: Some(scenarios[3].id.clone()),
        base: Some(base),
        assumptions: Some(assumptions),
        base_birth_rate: Some(1.45),
        scenarios,
        target: Some(crate::model::population::TargetPopulation { year: 2070, population: 8000 }),
        ..PopulationVision::default()
    }
}
