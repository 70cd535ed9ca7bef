//! Properties of the projection on random populations and rates: with survival 1, no
//! migration and no births every cohort moves up one group and the total holds; no group is
//! ever negative; a higher birth-rate path never gives fewer children.

use super::*;
use crate::model::UnknownFields;
use proptest::prelude::*;

fn open_age() -> impl Strategy<Value = OpenAge> {
    prop_oneof![Just(OpenAge::From85), Just(OpenAge::From90)]
}

fn population(open: OpenAge) -> impl Strategy<Value = Population> {
    let n = open.groups();
    (prop::collection::vec(0.0..5000.0f64, n), prop::collection::vec(0.0..5000.0f64, n))
        .prop_map(move |(male, female)| Population { open, male, female })
}

fn period(n: usize, start: u16) -> impl Strategy<Value = PeriodRates> {
    let rates = move |range: std::ops::Range<f64>| prop::collection::vec(range, n - 1);
    (rates(0.0..1.0), rates(0.0..1.0), rates(-1.5..1.5), rates(-1.5..1.5), 0.0..0.6f64, 80.0..130.0f64).prop_map(
        move |(survival_male, survival_female, migration_male, migration_female, child_woman_ratio, sex_ratio)| {
            PeriodRates {
                start,
                survival_male,
                survival_female,
                migration_male,
                migration_female,
                child_woman_ratio,
                sex_ratio,
            }
        },
    )
}

fn case() -> impl Strategy<Value = (Population, Assumptions)> {
    open_age().prop_flat_map(|open| {
        let n = open.groups();
        (population(open), prop::collection::vec(period(n, 2020), 1..3)).prop_map(|(p, mut periods)| {
            for (i, r) in periods.iter_mut().enumerate() {
                r.start = 2020 + 10 * i as u16;
            }
            (p, Assumptions { source: AssumptionSource::Pasted, periods, unknown: UnknownFields::new() })
        })
    })
}

fn scenario() -> impl Strategy<Value = Scenario> {
    let path = prop::collection::vec((2025u16..2075, 0.5..3.0f64), 0..3)
        .prop_map(|v| v.into_iter().map(|(year, rate)| RatePoint { year, rate }).collect::<Vec<_>>());
    prop_oneof![
        Just(Scenario::Ipss),
        path.clone().prop_map(|path| Scenario::BirthRate { path }),
        (2020u16..2075).prop_map(|from| Scenario::MigrationBalanced { from }),
        (path, -500.0..500.0f64, 2020u16..2075).prop_map(|(path, net_migrants_a_year, from)| Scenario::Vision {
            path,
            net_migrants_a_year,
            from
        }),
    ]
}

proptest! {
    #[test]
    fn with_survival_one_no_migration_and_no_births_cohorts_move_up_and_the_total_holds(
        open in open_age(), seed in prop::collection::vec(0.0..5000.0f64, 38)
    ) {
        let n = open.groups();
        let base = Population { open, male: seed[..n].to_vec(), female: seed[19..19 + n].to_vec() };
        let rates = PeriodRates {
            start: 2020,
            survival_male: vec![1.0; n - 1],
            survival_female: vec![1.0; n - 1],
            migration_male: vec![0.0; n - 1],
            migration_female: vec![0.0; n - 1],
            child_woman_ratio: 0.0,
            sex_ratio: 105.0,
        };
        let a = Assumptions { source: AssumptionSource::Pasted, periods: vec![rates], unknown: UnknownFields::new() };
        let p = project(&base, 2020, &a, &Scenario::Ipss, None).unwrap();
        let next = &p.populations[1];
        for sex in Sex::BOTH {
            let (before, after) = (base.of(sex), next.of(sex));
            prop_assert_eq!(after[0], 0.0);
            for g in 1..n - 1 {
                prop_assert_eq!(after[g], before[g - 1]);
            }
            prop_assert!((after[n - 1] - (before[n - 2] + before[n - 1])).abs() < 1e-6);
        }
        for (_, total) in p.totals() {
            prop_assert!((total - base.total()).abs() < 1e-6 * base.total().max(1.0));
        }
    }

    #[test]
    fn no_group_is_ever_negative((base, a) in case(), scenario in scenario()) {
        let p = project(&base, 2020, &a, &scenario, Some(1.4)).unwrap();
        for pop in &p.populations {
            prop_assert!(pop.male.iter().chain(&pop.female).all(|v| *v >= 0.0 && v.is_finite()));
        }
    }

    #[test]
    fn a_higher_birth_rate_path_never_gives_fewer_children(
        (base, a) in case(), year in 2025u16..2075, low in 0.5..3.0f64, more in 0.0..1.5f64
    ) {
        let lower = Scenario::BirthRate { path: vec![RatePoint { year, rate: low }] };
        let higher = Scenario::BirthRate { path: vec![RatePoint { year, rate: low + more }] };
        let l = project(&base, 2020, &a, &lower, Some(1.4)).unwrap();
        let h = project(&base, 2020, &a, &higher, Some(1.4)).unwrap();
        for (pl, ph) in l.populations.iter().zip(&h.populations) {
            let children = |p: &Population| p.three_groups().young;
            prop_assert!(children(ph) >= children(pl) - 1e-9 * children(pl).max(1.0));
        }
    }
}
