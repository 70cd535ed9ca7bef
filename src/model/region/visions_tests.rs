//! Two made-up towns' visions side by side and summed by kind; a town without one is listed.

use super::*;
use crate::model::population::{
    AssumptionSource, Assumptions, BasePopulation, NamedScenario, OpenAge, PeriodRates, PopulationVision,
};
use crate::model::{FiscalYear, Id, PlanPeriod, UnknownFields};
use std::sync::Arc;

/// A town of 36 groups of `each`, survival 1, no migration, no births: every total holds.
fn town(name: &str, each: u32, base_year: u16) -> Strategy {
    let n = OpenAge::From85.groups();
    let rates = PeriodRates {
        start: base_year,
        survival_male: vec![1.0; n - 1],
        survival_female: vec![1.0; n - 1],
        migration_male: vec![0.0; n - 1],
        migration_female: vec![0.0; n - 1],
        child_woman_ratio: 0.0,
        sex_ratio: 105.0,
    };
    let scenario = |id: &str, scenario| NamedScenario { id: Id::from(id), name: id.into(), scenario };
    let v = PopulationVision {
        base: Some(BasePopulation::flat(base_year, each)),
        assumptions: Some(Assumptions {
            source: AssumptionSource::Pasted,
            periods: vec![rates],
            unknown: UnknownFields::new(),
        }),
        scenarios: vec![
            scenario("ipss", Scenario::Ipss),
            scenario("outlook", Scenario::Vision { path: vec![], net_migrants_a_year: 10.0, from: base_year }),
        ],
        chosen: Some(Id::from("outlook")),
        ..PopulationVision::default()
    };
    let mut s = Strategy::blank("総合戦略", name, PlanPeriod { first: FiscalYear(2025), last: FiscalYear(2029) });
    s.population = Some(Arc::new(v));
    s
}

#[test]
fn the_towns_are_side_by_side_and_summed_by_kind_at_the_years_they_share() {
    let (a, b) = (town("甲町", 100, 2020), town("乙村", 10, 2020));
    let none = Strategy::blank("総合戦略", "丙町", PlanPeriod { first: FiscalYear(2025), last: FiscalYear(2029) });
    let visions = town_visions(&[&a, &b, &none]);
    assert_eq!(visions[0].base, Some((2020, 3600.0)));
    assert_eq!(visions[2].base, None);
    assert!(visions[0].of(ScenarioKind::Outlook).is_some() && visions[0].of(ScenarioKind::BirthRate).is_none());
    let totals = region_totals(&visions);
    assert_eq!(totals.iter().map(|t| t.kind).collect::<Vec<_>>(), [ScenarioKind::Ipss, ScenarioKind::Outlook]);
    // 社人研準拠: 3,600 + 360 held; the 将来展望 adds 50 a period in each town.
    assert_eq!((totals[0].towns, totals[0].totals[0], *totals[0].totals.last().unwrap()), (2, 3960.0, 3960.0));
    assert!((totals[1].totals[1] - (3960.0 + 100.0)).abs() < 1e-6);
    // A town based five years later: the sums are at the years both project.
    let c = town("丁町", 1, 2025);
    let totals = region_totals(&town_visions(&[&a, &c]));
    assert_eq!(totals[0].years.first(), Some(&2025));
    assert_eq!(totals[0].totals[0], 3600.0 + 36.0);
}
