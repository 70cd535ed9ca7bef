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
//! - Relative target (「基準値から10%減少」, 「5ポイント上昇」, 「現状維持」): assessed exactly as a
//!   value target at the value it comes to from the baseline (`Series::target_value`); no
//!   baseline, no value and no data (the checks list says so).
//! - Average over a span: the mean of the span's actuals up to the year against the value; met
//!   while the span runs is on track, met at its end achieved, not met behind.
//! - Cumulative total over a span: the running sum of the span's actuals up to the year against
//!   the total (progress = sum ÷ total); on track when that share is at least the share of the
//!   span's years passed, rated on progress ÷ that share as a value target is.
//! - Bound (「80%以上」, 「10件以下」): achieved when it holds in the year, whatever the baseline.
//! - Actuals printed as running totals (`Series::running_totals`, 「515（累計、うちH28年度255人）」):
//!   a cumulative target compares the printed total of the span's latest year so far directly
//!   (never summed again); a per-year target and an average use the derived yearly values
//!   (`Series::yearly`: this year's total less last year's; none without both); every other
//!   kind compares the running total itself, as a level.
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
    /// What was compared with the target: the year's actual, or for a span target the mean
    /// (average) or running sum (cumulative) of the span's actuals up to `year`.
    pub measured: Option<f64>,
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
    let at = Assessing { series, cx, year, actual };
    let baseline = series.baseline.as_ref().map(|b| b.value).filter(|v| v.is_finite());
    let met = |value: f64| right_side(cx.direction, actual, value);
    let by_met = |met: bool| at.judged(actual, met);
    match *target {
        Target::Direction => match baseline {
            Some(b) => by_met(moved_right_way(cx.direction, actual, b)),
            None => no_data(Some(year)),
        },
        Target::PerYear { value } if series.running_totals => match series.yearly(year) {
            Some(one) => at.judged(one, right_side(cx.direction, one, value)),
            None => no_data(Some(year)),
        },
        Target::PerYear { value } => by_met(met(value)),
        Target::Bound { value, side, .. } => by_met(side.holds(actual, value)),
        Target::Value { value, year: due } => at.toward(value, due),
        // Assessed exactly as the value it comes to; without a baseline there is none.
        Target::Relative { year: due, .. } => match series.target_value() {
            Some(value) => at.toward(value, due),
            None => no_data(Some(year)),
        },
        Target::Average { value, from, to } => at.average(value, (from, to)),
        Target::Cumulative { value, from, to } => at.cumulative(value, (from, to)),
    }
}

/// One series' actual in the year assessed: what each kind of target is measured against.
#[derive(Clone, Copy)]
struct Assessing<'a> {
    series: &'a Series,
    cx: Context<'a>,
    year: FiscalYear,
    actual: f64,
}

impl Assessing<'_> {
    /// A met/missed judgement: achieved or behind, rated as the rule's top or bottom label.
    fn judged(self, measured: f64, met: bool) -> Assessment {
        Assessment {
            year: Some(self.year),
            actual: Some(self.actual),
            measured: Some(measured),
            progress: None,
            expected: None,
            status: if met { Status::Achieved } else { Status::Behind },
            attainment: None,
            rating: Some(self.cx.rule.label_for_met(met).to_owned()),
        }
    }

    /// A value `t` to reach by `due`: progress from the baseline against the linear path.
    fn toward(self, t: f64, due: Option<FiscalYear>) -> Assessment {
        let Assessing { series, cx, year, actual } = self;
        let baseline = series.baseline.as_ref().map(|b| b.value).filter(|v| v.is_finite());
        let b = match baseline {
            Some(b) if cx.direction != DesiredDirection::Maintain && (t - b).abs() > EPSILON => b,
            _ => return self.judged(actual, right_side(cx.direction, actual, t)),
        };
        let progress = (actual - b) / (t - b);
        let base_year = series.baseline.as_ref().and_then(|b| b.year).unwrap_or(cx.period.assumed_baseline_year());
        let target_year = due.unwrap_or(cx.period.assumed_target_year());
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
        let on_track = match interim {
            Some(i) => right_side(direction_of(b, t), actual, i.value),
            None => progress >= expected - EPSILON,
        };
        self.on_path(actual, progress, expected, on_track, attainment)
    }

    /// The assessment of a KPI measured along a path: achieved at 100 %, else on track or behind.
    fn on_path(
        self,
        measured: f64,
        progress: f64,
        expected: f64,
        on_track: bool,
        attainment: Option<f64>,
    ) -> Assessment {
        let status = if progress >= 1.0 - EPSILON {
            Status::Achieved
        } else if on_track {
            Status::OnTrack
        } else {
            Status::Behind
        };
        // Clamped to the status's side of 100 % so that rounding (or an interim target set
        // against the target's direction) can never rate a KPI behind as A or on track as B.
        let rating = match (status, attainment) {
            (Status::Achieved, _) => Some(progress.max(1.0)),
            (Status::OnTrack, Some(share)) => Some(share.max(1.0)),
            (_, Some(share)) => Some(share.min(BELOW_DUE)),
            (_, None) => None,
        }
        .map(|share| self.cx.rule.label_for_progress(share).to_owned());
        Assessment {
            year: Some(self.year),
            actual: Some(self.actual),
            measured: Some(measured),
            progress: Some(progress),
            expected: Some(expected),
            status,
            attainment,
            rating,
        }
    }

    /// An average over `span`: the mean of the span's actuals up to `year` against `t`. Met while
    /// the span runs is on track; met when the span is over (or `year` is its last) is achieved.
    /// Progress is measured from the baseline, as for a value target, when there is one that
    /// differs from `t`; the status does not need it.
    fn average(self, t: f64, (from, to): (FiscalYear, FiscalYear)) -> Assessment {
        let Assessing { series, cx, year, .. } = self;
        let values: Vec<f64> = series.yearly_within(from, to.min(year)).into_iter().map(|(_, v)| v).collect();
        if year < from || values.is_empty() {
            return no_data(Some(year));
        }
        let mean = values.iter().sum::<f64>() / values.len() as f64;
        let met = right_side(cx.direction, mean, t);
        let status = match (met, year >= to) {
            (true, true) => Status::Achieved,
            (true, false) => Status::OnTrack,
            (false, _) => Status::Behind,
        };
        let baseline = series.baseline.as_ref().map(|b| b.value).filter(|v| v.is_finite());
        let progress = baseline.filter(|b| (t - b).abs() > EPSILON).map(|b| (mean - b) / (t - b));
        Assessment { progress, status, ..self.judged(mean, met) }
    }

    /// A total over `span`: the running sum of the span's actuals up to `year` (with running totals,
    /// the printed total: `Series::total_within`) against the total `t` (progress = sum ÷ total,
    /// from zero whatever the baseline); on track when that share is
    /// at least the share of the span's years passed (the 2nd of 4 years: 50 %). A total is
    /// something to reach: the indicator's direction does not turn it into a ceiling.
    fn cumulative(self, t: f64, (from, to): (FiscalYear, FiscalYear)) -> Assessment {
        let Assessing { series, year, .. } = self;
        if year < from || t.abs() <= EPSILON {
            return no_data(Some(year));
        }
        // No actual in the span (assessed after it): nothing reached, as a sum of none.
        let sum = series.total_within(from, to.min(year)).unwrap_or(0.0);
        let progress = sum / t;
        let years = f64::from(to.0 - from.0 + 1).max(1.0);
        let expected = (f64::from(year.0 - from.0 + 1) / years).clamp(0.0, 1.0);
        let attainment = Some(progress / expected);
        self.on_path(sum, progress, expected, progress >= expected - EPSILON, attainment)
    }
}

fn no_data(year: Option<FiscalYear>) -> Assessment {
    Assessment {
        year,
        actual: None,
        measured: None,
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

#[cfg(test)]
mod target_kinds;
