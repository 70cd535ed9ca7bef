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
//!
//! The tests (`tests`) are a table of KPIs from the seeds, each with what it must come to.

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
mod tests;
