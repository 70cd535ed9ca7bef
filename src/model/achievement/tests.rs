//! The achievement maths' tests: a table of series taken from the seeds' KPIs (北本市's), each
//! with the status, progress and rating it must come to, and the linear path's expected share.

use super::*;
use crate::model::{Actual, Baseline, RatingPreset, YearValue};

/// One row of the data-driven table: a series described in a line, and what must come out.
struct Case {
    name: &'static str,
    direction: DesiredDirection,
    baseline: Option<(f64, Option<i32>)>,
    target: Option<Target>,
    interim: &'static [(i32, f64)],
    actuals: &'static [(i32, f64)],
    year: Option<i32>,
    status: Status,
    progress: Option<f64>,
    rating: Option<&'static str>,
}

fn value(value: f64, year: Option<i32>) -> Option<Target> {
    Some(Target::Value { value, year: year.map(FiscalYear) })
}

/// 北本市 (seed 001): plan period 令和4年度から7年度まで.
const KITAMOTO: PlanPeriod = PlanPeriod { first: FiscalYear(2022), last: FiscalYear(2025) };

fn cases() -> Vec<Case> {
    use DesiredDirection::*;
    vec![
        // 7-2 出生数 340人 → 380人; 令和5年度 352人: 30 % of the way, path expects 50 %.
        Case {
            name: "出生数 behind",
            direction: Increase,
            baseline: Some((340.0, None)),
            target: value(380.0, None),
            interim: &[],
            actuals: &[(2022, 345.0), (2023, 352.0)],
            year: None,
            status: Status::Behind,
            progress: Some(0.3),
            rating: Some("C"),
        },
        Case {
            name: "出生数 on track",
            direction: Increase,
            baseline: Some((340.0, None)),
            target: value(380.0, None),
            interim: &[],
            actuals: &[(2022, 352.0)],
            year: None,
            status: Status::OnTrack,
            progress: Some(0.3),
            rating: Some("A"),
        },
        Case {
            name: "出生数 achieved early",
            direction: Increase,
            baseline: Some((340.0, None)),
            target: value(380.0, None),
            interim: &[],
            actuals: &[(2023, 381.0)],
            year: None,
            status: Status::Achieved,
            progress: Some(41.0 / 40.0),
            rating: Some("A"),
        },
        Case {
            name: "出生数 80 % is B",
            direction: Increase,
            baseline: Some((340.0, None)),
            target: value(380.0, None),
            interim: &[],
            actuals: &[(2025, 372.0)],
            year: None,
            status: Status::Behind,
            progress: Some(0.8),
            rating: Some("B"),
        },
        // 4-3 温室効果ガス 272,000 → 246,500 t-CO2: a decrease target.
        Case {
            name: "温室効果ガス on track",
            direction: Decrease,
            baseline: Some((272_000.0, None)),
            target: value(246_500.0, None),
            interim: &[],
            actuals: &[(2022, 260_000.0)],
            year: None,
            status: Status::OnTrack,
            progress: Some(12_000.0 / 25_500.0),
            rating: Some("A"),
        },
        Case {
            name: "温室効果ガス rising",
            direction: Decrease,
            baseline: Some((272_000.0, None)),
            target: value(246_500.0, None),
            interim: &[],
            actuals: &[(2023, 280_000.0)],
            year: None,
            status: Status::Behind,
            progress: Some(-8_000.0 / 25_500.0),
            rating: Some("C"),
        },
        Case {
            name: "温室効果ガス achieved",
            direction: Decrease,
            baseline: Some((272_000.0, None)),
            target: value(246_500.0, None),
            interim: &[],
            actuals: &[(2025, 240_000.0)],
            year: None,
            status: Status::Achieved,
            progress: Some(32_000.0 / 25_500.0),
            rating: Some("A"),
        },
        // 4-6 災害による負傷者数および死亡者数 0人 → 0人/年
        Case {
            name: "負傷者数 0人/年 met",
            direction: Decrease,
            baseline: Some((0.0, None)),
            target: Some(Target::PerYear { value: 0.0 }),
            interim: &[],
            actuals: &[(2022, 0.0)],
            year: None,
            status: Status::Achieved,
            progress: None,
            rating: Some("A"),
        },
        Case {
            name: "負傷者数 0人/年 missed",
            direction: Decrease,
            baseline: Some((0.0, None)),
            target: Some(Target::PerYear { value: 0.0 }),
            interim: &[],
            actuals: &[(2022, 0.0), (2023, 2.0)],
            year: None,
            status: Status::Behind,
            progress: None,
            rating: Some("C"),
        },
        Case {
            name: "負傷者数 earlier year",
            direction: Decrease,
            baseline: Some((0.0, None)),
            target: Some(Target::PerYear { value: 0.0 }),
            interim: &[],
            actuals: &[(2022, 0.0), (2023, 2.0)],
            year: Some(2022),
            status: Status::Achieved,
            progress: None,
            rating: Some("A"),
        },
        // 2-2 65歳健康寿命 男性 18.43年 (R1) → 19.00年; 女性 20.72年 (R1) → 21.50年
        Case {
            name: "健康寿命 男性",
            direction: Increase,
            baseline: Some((18.43, Some(2019))),
            target: value(19.0, None),
            interim: &[],
            actuals: &[(2022, 18.80)],
            year: None,
            status: Status::OnTrack,
            progress: Some(0.37 / 0.57),
            rating: Some("A"),
        },
        Case {
            name: "健康寿命 女性",
            direction: Increase,
            baseline: Some((20.72, Some(2019))),
            target: value(21.5, None),
            interim: &[],
            actuals: &[(2022, 20.80)],
            year: None,
            status: Status::Behind,
            progress: Some(0.08 / 0.78),
            rating: Some("C"),
        },
        // 6-3 ふるさと納税寄附件数 3,908件 ↗
        Case {
            name: "寄附件数 up",
            direction: Increase,
            baseline: Some((3_908.0, None)),
            target: Some(Target::Direction),
            interim: &[],
            actuals: &[(2022, 5_120.0)],
            year: None,
            status: Status::Achieved,
            progress: None,
            rating: Some("A"),
        },
        Case {
            name: "寄附件数 flat",
            direction: Increase,
            baseline: Some((3_908.0, None)),
            target: Some(Target::Direction),
            interim: &[],
            actuals: &[(2022, 3_908.0)],
            year: None,
            status: Status::Behind,
            progress: None,
            rating: Some("C"),
        },
        Case {
            name: "direction without baseline",
            direction: Increase,
            baseline: None,
            target: Some(Target::Direction),
            interim: &[],
            actuals: &[(2022, 10.0)],
            year: None,
            status: Status::NoData,
            progress: None,
            rating: None,
        },
        // 7-1 25歳から34歳までの女性の社会増減 -40人 → 0人 (negative baseline)
        Case {
            name: "社会増減",
            direction: Increase,
            baseline: Some((-40.0, None)),
            target: value(0.0, None),
            interim: &[],
            actuals: &[(2023, -10.0)],
            year: None,
            status: Status::OnTrack,
            progress: Some(0.75),
            rating: Some("A"),
        },
        // 5-3 市内有効求人倍率: no baseline ("-"), target 1.24倍
        Case {
            name: "求人倍率 no baseline met",
            direction: Increase,
            baseline: None,
            target: value(1.24, None),
            interim: &[],
            actuals: &[(2022, 1.30)],
            year: None,
            status: Status::Achieved,
            progress: None,
            rating: Some("A"),
        },
        Case {
            name: "求人倍率 no baseline not met",
            direction: Increase,
            baseline: None,
            target: value(1.24, None),
            interim: &[],
            actuals: &[(2022, 1.0)],
            year: None,
            status: Status::Behind,
            progress: None,
            rating: Some("C"),
        },
        // target = baseline: no division by zero.
        Case {
            name: "target equals baseline met",
            direction: Increase,
            baseline: Some((50.0, None)),
            target: value(50.0, None),
            interim: &[],
            actuals: &[(2022, 50.0)],
            year: None,
            status: Status::Achieved,
            progress: None,
            rating: Some("A"),
        },
        Case {
            name: "target equals baseline missed",
            direction: Increase,
            baseline: Some((50.0, None)),
            target: value(50.0, None),
            interim: &[],
            actuals: &[(2022, 49.0)],
            year: None,
            status: Status::Behind,
            progress: None,
            rating: Some("C"),
        },
        Case {
            name: "maintain",
            direction: Maintain,
            baseline: Some((57.6, None)),
            target: value(60.3, None),
            interim: &[],
            actuals: &[(2022, 60.3)],
            year: None,
            status: Status::Achieved,
            progress: None,
            rating: Some("A"),
        },
        // interim target beats the straight line
        Case {
            name: "interim met",
            direction: Increase,
            baseline: Some((340.0, None)),
            target: value(380.0, None),
            interim: &[(2023, 350.0)],
            actuals: &[(2023, 352.0)],
            year: None,
            status: Status::OnTrack,
            progress: Some(0.3),
            rating: Some("A"),
        },
        Case {
            name: "interim missed",
            direction: Increase,
            baseline: Some((340.0, None)),
            target: value(380.0, None),
            interim: &[(2022, 360.0)],
            actuals: &[(2022, 352.0)],
            year: None,
            status: Status::Behind,
            progress: Some(0.3),
            rating: Some("C"),
        },
        // no data
        Case {
            name: "no actual",
            direction: Increase,
            baseline: Some((1.0, None)),
            target: value(2.0, None),
            interim: &[],
            actuals: &[],
            year: None,
            status: Status::NoData,
            progress: None,
            rating: None,
        },
        Case {
            name: "no target",
            direction: Increase,
            baseline: Some((1.0, None)),
            target: None,
            interim: &[],
            actuals: &[(2022, 3.0)],
            year: None,
            status: Status::NoData,
            progress: None,
            rating: None,
        },
        Case {
            name: "asked year missing",
            direction: Increase,
            baseline: Some((1.0, None)),
            target: value(2.0, None),
            interim: &[],
            actuals: &[(2022, 3.0)],
            year: Some(2023),
            status: Status::NoData,
            progress: None,
            rating: None,
        },
        Case {
            name: "NaN actual is no data",
            direction: Increase,
            baseline: Some((1.0, None)),
            target: value(2.0, None),
            interim: &[],
            actuals: &[(2022, f64::NAN)],
            year: None,
            status: Status::NoData,
            progress: None,
            rating: None,
        },
        // Part-way: 45 % of the way when 50 % was due is 90 % of what was due: B, behind.
        Case {
            name: "出生数 close behind is B",
            direction: Increase,
            baseline: Some((340.0, None)),
            target: value(380.0, None),
            interim: &[],
            actuals: &[(2023, 358.0)],
            year: None,
            status: Status::Behind,
            progress: Some(0.45),
            rating: Some("B"),
        },
        // In the baseline's own year nothing was due yet: no rating unless reached.
        Case {
            name: "baseline year, nothing due",
            direction: Increase,
            baseline: Some((340.0, Some(2022))),
            target: value(380.0, None),
            interim: &[],
            actuals: &[(2022, 345.0)],
            year: None,
            status: Status::OnTrack,
            progress: Some(0.125),
            rating: None,
        },
        // An interim target set against the target's direction cannot rate behind as A.
        Case {
            name: "interim against the direction",
            direction: Increase,
            baseline: Some((340.0, None)),
            target: value(380.0, None),
            interim: &[(2023, 330.0)],
            actuals: &[(2023, 320.0)],
            year: None,
            status: Status::Behind,
            progress: Some(-0.5),
            rating: Some("B"),
        },
        // target year before the baseline year: the path is already complete.
        Case {
            name: "target before baseline",
            direction: Increase,
            baseline: Some((1.0, Some(2024))),
            target: value(2.0, Some(2023)),
            interim: &[],
            actuals: &[(2024, 1.5)],
            year: None,
            status: Status::Behind,
            progress: Some(0.5),
            rating: Some("C"),
        },
    ]
}

#[test]
fn table() {
    let rule = RatingPreset::Abcd.rule();
    for case in cases() {
        let series = Series {
            baseline: case.baseline.map(|(value, year)| Baseline { value, year: year.map(FiscalYear) }),
            target: case.target.clone(),
            interim: case.interim.iter().map(|&(y, v)| YearValue { year: FiscalYear(y), value: v }).collect(),
            actuals: case.actuals.iter().map(|&(y, v)| Actual::new(FiscalYear(y), v)).collect(),
            ..Series::new("")
        };
        let cx = Context { direction: case.direction, period: KITAMOTO, rule: &rule };
        let got = match case.year {
            Some(y) => assess_in(&series, cx, FiscalYear(y)),
            None => assess(&series, cx),
        };
        assert_eq!(got.status, case.status, "{}: status", case.name);
        assert_eq!(got.rating.as_deref(), case.rating, "{}: rating", case.name);
        match (got.progress, case.progress) {
            (Some(g), Some(e)) => assert!((g - e).abs() < 1e-9, "{}: progress {g} ≠ {e}", case.name),
            (g, e) => assert_eq!(g, e, "{}: progress", case.name),
        }
    }
}

#[test]
fn expected_share_follows_the_linear_path() {
    let rule = RatingRule::default();
    let mut s = Series::new("");
    s.baseline = Some(Baseline { value: 340.0, year: None });
    s.target = value(380.0, None);
    s.actuals.push(Actual {
        year: FiscalYear(2023),
        value: 352.0,
        provisional: true,
        comment: String::new(),
        source: String::new(),
    });
    let a = assess(&s, Context { direction: DesiredDirection::Increase, period: KITAMOTO, rule: &rule });
    // baseline assumed in 令和3年度 (2021), target 令和7年度 (2025): 2 of 4 years gone.
    assert_eq!(a.expected, Some(0.5));
    assert_eq!(a.year, Some(FiscalYear(2023)));
    assert_eq!(a.actual, Some(352.0));
}
