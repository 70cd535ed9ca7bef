//! Achievement maths: progress from the baseline, status against the linear path, and the
//! rating by the strategy's rule. Pure functions of a series; no division by zero anywhere.
//!
//! - Value target with target ≠ baseline: progress = (actual − baseline) / (target − baseline),
//!   which works for increase and decrease targets alike. Achieved at ≥ 100 %; otherwise on
//!   track when progress ≥ the share of the way the linear path from baseline to target has
//!   gone by that year (or when the actual meets that year's interim target, if one is set).
//! - Direction-only target (↗): achieved when the actual moved the desired way from the baseline.
//! - Per-year target (0人/年), maintain direction, or target = baseline: achieved when the actual
//!   is on the right side of the target (≥ for increase and maintain, ≤ for decrease).
//! - A baseline without a year is taken to be the year before the plan period starts; a value
//!   target without a year is due in the plan's last year (`PlanPeriod::assumed_*_year`; the
//!   checks list says so for each such series).
//!
//! The rating never contradicts the status: a value target is rated on the share of what was
//! due by that year (progress ÷ the path's expected share, or the way to that year's interim
//! target), so a KPI on track part-way through the plan is rated A, not C for being short of
//! the final target; in and after the target year that is plain progress. A met/missed target is
//! rated as its top or bottom label. Nothing is rated without an actual, nor when nothing was due
//! yet (the baseline's own year) and the target is not reached: the UI shows 「—」.

use super::{DesiredDirection, FiscalYear, PlanPeriod, RatingRule, Series, Target};

const EPSILON: f64 = 1e-9;
/// The highest share a KPI behind what was due can be rated at (just under 100 %).
const BELOW_DUE: f64 = 1.0 - 1e-6;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Status {
    Achieved,
    OnTrack,
    Behind,
    NoData,
}

impl Status {
    pub fn as_str(self) -> &'static str {
        match self {
            Status::Achieved => "achieved",
            Status::OnTrack => "on_track",
            Status::Behind => "behind",
            Status::NoData => "no_data",
        }
    }
}

/// The state of one series in one fiscal year.
#[derive(Clone, Debug, PartialEq)]
pub struct Assessment {
    /// The fiscal year assessed (the latest with an actual, unless asked for another).
    pub year: Option<FiscalYear>,
    pub actual: Option<f64>,
    /// (actual − baseline) / (target − baseline), when it can be computed.
    pub progress: Option<f64>,
    /// The share of the linear path expected by `year`, when a path exists.
    pub expected: Option<f64>,
    pub status: Status,
    /// The share of what was due by `year` that the actual reached (1 = exactly on the path, or
    /// the interim target met), when it can be computed; the rating is given on it.
    pub attainment: Option<f64>,
    /// The label of the strategy's rule, or `None` when there is nothing to rate (no actual, no
    /// target, or nothing due yet).
    pub rating: Option<String>,
}

/// Everything the maths needs to know about the indicator a series belongs to.
#[derive(Clone, Copy, Debug)]
pub struct Context<'a> {
    pub direction: DesiredDirection,
    pub period: PlanPeriod,
    pub rule: &'a RatingRule,
}

/// Assesses a series in its latest fiscal year with an actual.
pub fn assess(series: &Series, cx: Context<'_>) -> Assessment {
    match series.latest_actual() {
        Some(a) => assess_in(series, cx, a.year),
        None => no_data(None),
    }
}

/// Assesses a series in a given fiscal year.
pub fn assess_in(series: &Series, cx: Context<'_>, year: FiscalYear) -> Assessment {
    let Some(actual) = series.actual(year).map(|a| a.value).filter(|v| v.is_finite()) else {
        return no_data(Some(year));
    };
    let Some(target) = &series.target else {
        return no_data(Some(year));
    };
    let baseline = series.baseline.as_ref().map(|b| b.value).filter(|v| v.is_finite());
    let met = |value: f64| right_side(cx.direction, actual, value);
    let by_met = |met: bool| Assessment {
        year: Some(year),
        actual: Some(actual),
        progress: None,
        expected: None,
        status: if met { Status::Achieved } else { Status::Behind },
        attainment: None,
        rating: Some(cx.rule.label_for_met(met).to_owned()),
    };
    match *target {
        Target::Direction => match baseline {
            Some(b) => by_met(moved_right_way(cx.direction, actual, b)),
            None => no_data(Some(year)),
        },
        Target::PerYear { value } => by_met(met(value)),
        Target::Value { value: t, year: target_year } => {
            let b = match baseline {
                Some(b) if cx.direction != DesiredDirection::Maintain && (t - b).abs() > EPSILON => b,
                _ => return by_met(met(t)),
            };
            let progress = (actual - b) / (t - b);
            let base_year = series.baseline.as_ref().and_then(|b| b.year).unwrap_or(cx.period.assumed_baseline_year());
            let target_year = target_year.unwrap_or(cx.period.assumed_target_year());
            let span = target_year.0 - base_year.0;
            let expected =
                if span <= 0 { 1.0 } else { (f64::from(year.0 - base_year.0) / f64::from(span)).clamp(0.0, 1.0) };
            let interim = series.interim.iter().find(|i| i.year == year);
            // What was due by `year`, as a share of what the actual reached: the way to the
            // interim target where one is set for that year, else progress ÷ the path's share.
            let attainment = match interim {
                Some(i) if (i.value - b).abs() > EPSILON => Some((actual - b) / (i.value - b)),
                Some(_) => None,
                None if expected > EPSILON => Some(progress / expected),
                None => None,
            };
            let status = if progress >= 1.0 - EPSILON {
                Status::Achieved
            } else {
                let on_track = match interim {
                    Some(i) => right_side(direction_of(b, t), actual, i.value),
                    None => progress >= expected - EPSILON,
                };
                if on_track {
                    Status::OnTrack
                } else {
                    Status::Behind
                }
            };
            // Clamped to the status's side of 100 % so that rounding (or an interim target set
            // against the target's direction) can never rate a KPI behind as A or on track as B.
            let rating = match (status, attainment) {
                (Status::Achieved, _) => Some(progress.max(1.0)),
                (Status::OnTrack, Some(share)) => Some(share.max(1.0)),
                (_, Some(share)) => Some(share.min(BELOW_DUE)),
                (_, None) => None,
            }
            .map(|share| cx.rule.label_for_progress(share).to_owned());
            Assessment {
                year: Some(year),
                actual: Some(actual),
                progress: Some(progress),
                expected: Some(expected),
                status,
                attainment,
                rating,
            }
        }
    }
}

fn no_data(year: Option<FiscalYear>) -> Assessment {
    Assessment {
        year,
        actual: None,
        progress: None,
        expected: None,
        status: Status::NoData,
        attainment: None,
        rating: None,
    }
}

/// Whether `actual` is on the good side of `bound` (the bound itself counts as met).
fn right_side(direction: DesiredDirection, actual: f64, bound: f64) -> bool {
    match direction {
        DesiredDirection::Increase | DesiredDirection::Maintain => actual >= bound - EPSILON,
        DesiredDirection::Decrease => actual <= bound + EPSILON,
    }
}

/// Whether the actual moved the desired way from the baseline (maintain: did not fall).
fn moved_right_way(direction: DesiredDirection, actual: f64, baseline: f64) -> bool {
    match direction {
        DesiredDirection::Increase => actual > baseline + EPSILON,
        DesiredDirection::Decrease => actual < baseline - EPSILON,
        DesiredDirection::Maintain => actual >= baseline - EPSILON,
    }
}

/// The direction a value target implies, whatever the indicator says.
fn direction_of(baseline: f64, target: f64) -> DesiredDirection {
    if target < baseline {
        DesiredDirection::Decrease
    } else {
        DesiredDirection::Increase
    }
}

#[cfg(test)]
mod tests {
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
                actuals: case
                    .actuals
                    .iter()
                    .map(|&(y, v)| Actual { year: FiscalYear(y), value: v, provisional: false, comment: String::new() })
                    .collect(),
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
        s.actuals.push(Actual { year: FiscalYear(2023), value: 352.0, provisional: true, comment: String::new() });
        let a = assess(&s, Context { direction: DesiredDirection::Increase, period: KITAMOTO, rule: &rule });
        // baseline assumed in 令和3年度 (2021), target 令和7年度 (2025): 2 of 4 years gone.
        assert_eq!(a.expected, Some(0.5));
        assert_eq!(a.year, Some(FiscalYear(2023)));
        assert_eq!(a.actual, Some(352.0));
    }
}
