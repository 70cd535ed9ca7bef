//! A small projection worked by hand (two steps, both sexes, the open group, births), every
//! expected figure written here from the hand calculation in the comments, not computed by the
//! code under test; then the scenarios, the three groups and the derived assumptions.

use super::*;
use crate::model::UnknownFields;

/// A population of 85+ (18 groups) with the given groups set.
fn sparse(male: &[(usize, f64)], female: &[(usize, f64)]) -> Population {
    let mut p = Population::empty(OpenAge::From85);
    for &(g, v) in male {
        p.male[g] = v;
    }
    for &(g, v) in female {
        p.female[g] = v;
    }
    p
}

/// Survival 0.99 to groups 5–9 … 65–69, 0.9 to 70–74 … 80–84, 0.5 to 85+; migration −0.2 (men)
/// and −0.1 (women) to 20–24, +0.05 to women's 50–54; 子ども女性比 0.2; 性比 105.
fn rates(start: u16) -> PeriodRates {
    let survival: Vec<f64> = (1..18)
        .map(|g| {
            if g <= 13 {
                0.99
            } else if g <= 16 {
                0.9
            } else {
                0.5
            }
        })
        .collect();
    let mut migration_male = vec![0.0; 17];
    let mut migration_female = vec![0.0; 17];
    migration_male[4 - 1] = -0.2;
    migration_female[4 - 1] = -0.1;
    migration_female[10 - 1] = 0.05;
    PeriodRates {
        start,
        survival_male: survival.clone(),
        survival_female: survival,
        migration_male,
        migration_female,
        child_woman_ratio: 0.2,
        sex_ratio: 105.0,
    }
}

fn assumptions() -> Assumptions {
    Assumptions {
        source: AssumptionSource::Ipss { vintage: "架空".into() },
        periods: vec![rates(2060)],
        unknown: UnknownFields::new(),
    }
}

/// 2060: men 0–4 100, 15–19 200, 80–84 50, 85+ 30; women 15–19 200, 40–44 100, 45–49 100,
/// 80–84 60, 85+ 40.
fn base() -> Population {
    sparse(
        &[(0, 100.0), (3, 200.0), (16, 50.0), (17, 30.0)],
        &[(3, 200.0), (8, 100.0), (9, 100.0), (16, 60.0), (17, 40.0)],
    )
}

fn close(actual: f64, expected: f64, what: &str) {
    assert!((actual - expected).abs() < 1e-9, "{what}: {actual} ≠ {expected}");
}

fn check(p: &Population, male: &[(usize, f64)], female: &[(usize, f64)], year: u16) {
    let expected = sparse(male, female);
    for sex in Sex::BOTH {
        for g in 0..18 {
            close(p.of(sex)[g], expected.of(sex)[g], &format!("{year} {sex:?} group {g}"));
        }
    }
}

#[test]
fn two_steps_worked_by_hand_age_the_cohorts_close_the_open_group_and_bear_children() {
    let p = project(&base(), 2060, &assumptions(), &Scenario::Ipss, None).unwrap();
    assert_eq!(p.years, vec![2060, 2065, 2070]);
    // 2065. Men: 5–9 = 100 × 0.99 = 99; 20–24 = 200 × (0.99 − 0.2) = 158; 85+ = (50 + 30) × 0.5 = 40.
    // Women: 20–24 = 200 × (0.99 − 0.1) = 178; 45–49 = 100 × 0.99 = 99; 50–54 = 100 × 1.04 = 104;
    // 85+ = (60 + 40) × 0.5 = 50. Women 15–49 = 178 + 99 = 277; births 277 × 0.2 = 55.4:
    // boys 55.4 × 105 / 205 = 28.375609756…, girls 55.4 × 100 / 205 = 27.024390243….
    check(
        &p.populations[1],
        &[(0, 28.375_609_756_097_56), (1, 99.0), (4, 158.0), (17, 40.0)],
        &[(0, 27.024_390_243_902_44), (4, 178.0), (9, 99.0), (10, 104.0), (17, 50.0)],
        2065,
    );
    close(p.populations[1].total(), 783.4, "2065 total");
    // 2070 (the last period's rates held). Men: 5–9 = 28.375609756 × 0.99 = 28.091853658…;
    // 10–14 = 99 × 0.99 = 98.01; 25–29 = 158 × 0.99 = 156.42; 85+ = (0 + 40) × 0.5 = 20.
    // Women: 5–9 = 27.024390243 × 0.99 = 26.754146341…; 25–29 = 178 × 0.99 = 176.22;
    // 50–54 = 99 × 1.04 = 102.96; 55–59 = 104 × 0.99 = 102.96; 85+ = 50 × 0.5 = 25.
    // Women 15–49 = 176.22; births 35.244: boys 18.051804878…, girls 17.192195121….
    check(
        &p.populations[2],
        &[(0, 18.051_804_878_048_78), (1, 28.091_853_658_536_585), (2, 98.01), (5, 156.42), (17, 20.0)],
        &[(0, 17.192_195_121_951_22), (1, 26.754_146_341_463_413), (5, 176.22), (10, 102.96), (11, 102.96), (17, 25.0)],
        2070,
    );
    close(p.populations[2].total(), 771.66, "2070 total");
    assert_eq!(persons(p.populations[2].total()), 772);
}

#[test]
fn the_three_groups_and_the_ageing_rate_of_2065_worked_by_hand() {
    let p = project(&base(), 2060, &assumptions(), &Scenario::Ipss, None).unwrap();
    let three = p.at(2065).unwrap().three_groups();
    // 0–14: 28.3756 + 99 + 27.0244 = 154.4; 15–64: 158 + 178 + 99 + 104 = 539; 65+: 40 + 50 = 90.
    close(three.young, 154.4, "young");
    close(three.working, 539.0, "working");
    close(three.old, 90.0, "old");
    // 154.4 / 783.4 = 19.71 %, 539 / 783.4 = 68.80 %, 90 / 783.4 = 11.49 %.
    assert_eq!(three.shares(), Some([19.7, 68.8, 11.5]));
    assert_eq!(three.ageing_rate(), Some(11.5));
}

#[test]
fn a_birth_rate_path_scales_the_child_woman_ratio_by_target_over_base() {
    // Base 1.5 in 2060, 2.0 in 2070: 1.75 in 2065, factor 1.75 / 1.5; 2.0 / 1.5 in 2070.
    let path = vec![RatePoint { year: 2070, rate: 2.0 }];
    close(scenario::rate_on_path(2060, 1.5, &path, 2065), 1.75, "path 2065");
    let scenario = Scenario::BirthRate { path };
    let p = project(&base(), 2060, &assumptions(), &scenario, Some(1.5)).unwrap();
    // 2065 births: 277 × 0.2 × 1.75 / 1.5 = 64.633…; boys × 105 / 205 = 33.104878….
    close(p.populations[1].group(0), 64.633_333_333_333_33, "births 2065");
    close(p.populations[1].male[0], 33.104_878_048_780_49, "boys 2065");
    // 2070 births: 176.22 × 0.2 × 2.0 / 1.5 = 46.992.
    close(p.populations[2].group(0), 46.992, "births 2070");
    assert_eq!(project(&base(), 2060, &assumptions(), &scenario, None), Err(ProjectionError::NoBaseBirthRate));
}

#[test]
fn migration_balanced_from_a_year_drops_the_net_migration_of_later_periods_only() {
    let scenario = Scenario::MigrationBalanced { from: 2065 };
    let p = project(&base(), 2060, &assumptions(), &scenario, None).unwrap();
    // 2060 → 2065 keeps −0.2: men 20–24 = 158; 2065 → 2070 none: women 50–54 = 99 × 0.99 = 98.01.
    close(p.populations[1].male[4], 158.0, "men 20–24 2065");
    close(p.populations[2].female[10], 98.01, "women 50–54 2070");
}

#[test]
fn the_vision_spreads_its_net_migrants_as_the_assumptions_spread_theirs() {
    let scenario = Scenario::Vision { path: vec![], net_migrants_a_year: 10.0, from: 2060 };
    let p = project(&base(), 2060, &assumptions(), &scenario, None).unwrap();
    // 50 in the period; weights |M| × P: men 20–24 0.2 × 200 = 40, women 20–24 0.1 × 200 = 20,
    // women 50–54 0.05 × 100 = 5 (65 in all). Men 20–24 = 198 + 50 × 40/65 = 228.769230769…;
    // women 20–24 = 198 + 15.384615384… ; women 50–54 = 99 + 3.846153846….
    close(p.populations[1].male[4], 228.769_230_769_230_77, "men 20–24");
    close(p.populations[1].female[4], 213.384_615_384_615_4, "women 20–24");
    close(p.populations[1].female[10], 102.846_153_846_153_85, "women 50–54");
    // The ageing of groups with no migration is untouched: men 5–9 = 99.
    close(p.populations[1].male[1], 99.0, "men 5–9");
}

#[test]
fn a_projection_reaches_2070_from_any_base_year_in_five_year_steps() {
    let p = project(&base(), 2020, &assumptions_from(2020), &Scenario::Ipss, None).unwrap();
    assert_eq!(p.years, (0..=10).map(|i| 2020 + 5 * i).collect::<Vec<u16>>());
    assert_eq!(
        project(&base(), 2015, &assumptions_from(2020), &Scenario::Ipss, None),
        Err(ProjectionError::NoRates(2015))
    );
    let mut short = assumptions_from(2020);
    short.periods[0].survival_male.pop();
    assert_eq!(project(&base(), 2020, &short, &Scenario::Ipss, None), Err(ProjectionError::RateCount(2020)));
}

fn assumptions_from(start: u16) -> Assumptions {
    Assumptions { periods: vec![rates(start)], ..assumptions() }
}

#[test]
fn assumptions_from_two_censuses_are_cohort_change_ratios_and_say_so() {
    let census = |year: u16, male: Vec<u32>, female: Vec<u32>| BasePopulation {
        year,
        source: PopulationSource::Census,
        open: OpenAge::From85,
        male,
        female,
        unknown: UnknownFields::new(),
    };
    let mut m1 = vec![0; 18];
    let mut f1 = vec![0; 18];
    let mut m2 = vec![0; 18];
    let mut f2 = vec![0; 18];
    (m1[0], m1[16], m1[17], f1[3], f1[0]) = (100, 40, 60, 300, 90);
    (m2[0], m2[1], m2[17], f2[4], f2[0]) = (63, 95, 50, 240, 60);
    let a = derive_from_censuses(&census(2015, m1, f1.clone()), &census(2020, m2, f2)).unwrap();
    assert!(a.is_derived());
    let r = &a.periods[0];
    assert_eq!(r.start, 2020);
    close(r.survival_male[0], 0.95, "men 0–4 → 5–9: 95 / 100");
    close(r.survival_male[16], 0.5, "men → 85+: 50 / (40 + 60)");
    close(r.survival_female[3], 0.8, "women 15–19 → 20–24: 240 / 300");
    close(r.survival_female[10], 1.0, "nobody to follow: unchanged");
    // 子ども女性比 (63 + 60) / 240 = 0.5125; 性比 63 / 60 × 100 = 105.
    close(r.child_woman_ratio, 0.5125, "child-woman ratio");
    close(r.sex_ratio, 105.0, "sex ratio");
    assert!(r.migration_male.iter().chain(&r.migration_female).all(|&m| m == 0.0));
    let wrong = census(2025, vec![0; 18], f1);
    assert_eq!(derive_from_censuses(&wrong, &wrong), Err(DeriveError::NotFiveYears { earlier: 2025, later: 2025 }));
}
