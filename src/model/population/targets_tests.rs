//! A KPI's target from the 将来展望: the figures of a small made-up town (every group 100,
//! survival 1, no births, 将来展望 of 10 net migrants a year), taken, then the vision changed:
//! the change listed, the target unchanged until it is confirmed, then the earlier target kept.

use super::*;
use crate::model::population::{
    AssumptionSource, Assumptions, BasePopulation, NamedScenario, OpenAge, PeriodRates, RatePoint, Scenario,
};
use crate::model::{FiscalYear, Indicator, PlanPeriod, Strategy, Target, TargetRevision, UnknownFields};
use std::sync::Arc;

fn vision(net: f64) -> PopulationVision {
    let n = OpenAge::From85.groups();
    let period = PeriodRates {
        start: 2020,
        survival_male: vec![1.0; n - 1],
        survival_female: vec![1.0; n - 1],
        migration_male: vec![0.0; n - 1],
        migration_female: vec![0.0; n - 1],
        child_woman_ratio: 0.0,
        sex_ratio: 105.0,
    };
    let scenario = NamedScenario {
        id: crate::model::Id::from("s"),
        name: "将来展望".into(),
        scenario: Scenario::Vision {
            path: vec![RatePoint { year: 2030, rate: 1.8 }],
            net_migrants_a_year: net,
            from: 2020,
        },
    };
    PopulationVision {
        base: Some(BasePopulation::flat(2020, 100)),
        assumptions: Some(Assumptions {
            source: AssumptionSource::Pasted,
            periods: vec![period],
            unknown: UnknownFields::new(),
        }),
        base_birth_rate: Some(1.4),
        scenarios: vec![scenario],
        chosen: Some(crate::model::Id::from("s")),
        ..PopulationVision::default()
    }
}

#[test]
fn the_figures_are_the_chosen_scenarios_in_the_year() {
    let v = vision(10.0);
    // 2020: 36 groups of 100. No deaths: every cohort moves up (the open group keeps its own),
    // no births: the 0–4 group empties, and the period's 50 migrants come in: 3,650 in 2025;
    // between, linear: 2023 is 3,600 + 3 × 10.
    assert_eq!(vision_value(&v, Demographic::TotalPopulation, 2020), Some(3600.0));
    assert_eq!(vision_value(&v, Demographic::TotalPopulation, 2025), Some(3650.0));
    assert_eq!(vision_value(&v, Demographic::TotalPopulation, 2023), Some(3630.0));
    assert_eq!(vision_value(&v, Demographic::NetMigration, 2025), Some(10.0));
    assert_eq!(vision_value(&v, Demographic::Births, 2025), Some(0.0));
    // 1.4 in 2020 to 1.8 in 2030: 1.6 in 2025.
    assert_eq!(vision_value(&v, Demographic::BirthRate, 2025), Some(1.6));
    assert_eq!(vision_value(&v, Demographic::TotalPopulation, 2019), None);
    assert_eq!(vision_value(&PopulationVision { chosen: None, ..v }, Demographic::TotalPopulation, 2025), None);
}

#[test]
fn a_later_change_of_the_vision_is_listed_and_changes_no_target_until_confirmed() {
    let mut s = Strategy::blank("総合戦略", "架空町", PlanPeriod { first: FiscalYear(2025), last: FiscalYear(2029) });
    s.population = Some(Arc::new(vision(10.0)));
    let ind = Indicator::new("1-1", "社会増減数", "人");
    let (iid, sid) = (ind.id.clone(), ind.series[0].id.clone());
    s.indicators.push(Arc::new(ind));
    let link = VisionTarget { figure: Demographic::NetMigration, year: 2030 };
    assert_eq!(take_target(&mut s, &iid, &sid, link), Some(10.0));
    let series = &s.indicator(&iid).unwrap().series[0];
    assert_eq!(series.target, Some(Target::Value { value: 10.0, year: Some(FiscalYear(2030)) }));
    assert_eq!(series.from_vision, Some(link));
    assert!(target_changes(&s).is_empty());

    s.population = Some(Arc::new(vision(25.0)));
    let changes = target_changes(&s);
    assert_eq!(
        changes,
        vec![TargetChange { indicator: iid.clone(), series: sid, link, was: Some(10.0), becomes: Some(25.0) }]
    );
    assert_eq!(
        s.indicator(&iid).unwrap().series[0].target,
        Some(Target::Value { value: 10.0, year: Some(FiscalYear(2030)) })
    );
    assert!(s.indicator(&iid).unwrap().series[0].target_history.is_empty());
    let reason = "人口ビジョンの将来展望の見直し";
    assert_eq!(apply_target_changes(&mut s, &changes, FiscalYear(2026), Some("2026-06-01"), reason), 1);
    let series = &s.indicator(&iid).unwrap().series[0];
    assert_eq!(series.target, Some(Target::Value { value: 25.0, year: Some(FiscalYear(2030)) }));
    // The target it replaced is kept as a hand revision keeps it.
    assert_eq!(
        series.target_history,
        vec![TargetRevision {
            target: Target::Value { value: 10.0, year: Some(FiscalYear(2030)) },
            year: FiscalYear(2026),
            date: Some("2026-06-01".into()),
            reason: reason.into(),
        }]
    );
    assert!(target_changes(&s).is_empty());
    // Confirming the same list again changes nothing and records nothing.
    assert_eq!(apply_target_changes(&mut s, &changes, FiscalYear(2026), None, reason), 0);
    assert_eq!(s.indicator(&iid).unwrap().series[0].target_history.len(), 1);
}
