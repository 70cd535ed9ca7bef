//! A KPI series drawn as SVG when the folder is made: the actuals as a line, the baseline, the
//! target and the straight path between them, with a title and a text alternative that says
//! the same in words. No script: the page shows it as it is, and the table beside it holds
//! every value.

use crate::locale::{number, quantity};
use crate::model::{FiscalYear, PlanPeriod, Series, Target};
use maud::{html, Markup};

const WIDTH: f64 = 640.0;
const HEIGHT: f64 = 300.0;
const LEFT: f64 = 72.0;
const RIGHT: f64 = 24.0;
const TOP: f64 = 16.0;
const BOTTOM: f64 = 52.0;
/// How many steps the value axis is cut into, about.
const STEPS: f64 = 4.0;

/// The points a chart draws, in fiscal years and values.
struct Points {
    baseline: Option<(FiscalYear, f64)>,
    target: Option<(FiscalYear, f64)>,
    actuals: Vec<(FiscalYear, f64)>,
}

impl Points {
    fn of(series: &Series, period: PlanPeriod) -> Points {
        let baseline =
            series.baseline.as_ref().filter(|b| b.value.is_finite()).map(|b| (baseline_year(series, period), b.value));
        let target =
            series.target_value().filter(|v| v.is_finite()).zip(target_year(series, period)).map(|(v, y)| (y, v));
        let actuals = series.actuals.iter().filter(|a| a.value.is_finite()).map(|a| (a.year, a.value)).collect();
        Points { baseline, target, actuals }
    }

    fn all(&self) -> impl Iterator<Item = (FiscalYear, f64)> + '_ {
        self.baseline.iter().chain(self.target.iter()).chain(self.actuals.iter()).copied()
    }
}

/// The year a baseline is shown in: its own, or — as the achievement maths takes it — the
/// year before the plan (`PlanPeriod::assumed_baseline_year`).
pub fn baseline_year(series: &Series, period: PlanPeriod) -> FiscalYear {
    series.baseline.as_ref().and_then(|b| b.year).unwrap_or(period.assumed_baseline_year())
}

/// The year a target with a value is shown in: its due year, or for a value target written
/// without one the plan's last (`PlanPeriod::assumed_target_year`); none for the others.
pub fn target_year(series: &Series, period: PlanPeriod) -> Option<FiscalYear> {
    series.target_value()?;
    let t = series.target.as_ref()?;
    t.due_year().or(matches!(t, Target::Value { .. } | Target::Relative { .. }).then(|| period.assumed_target_year()))
}

/// The chart of `series` (`unit` its indicator's), or `None` when there is nothing to draw.
/// `id` makes the title's and description's ids unique on the page; `label` names the chart.
pub fn series_chart(id: &str, label: &str, series: &Series, unit: &str, period: PlanPeriod) -> Option<Markup> {
    let points = Points::of(series, period);
    let years: Vec<i32> = points.all().map(|(y, _)| y.0).collect();
    let (first, last) = (*years.iter().min()?, *years.iter().max()?);
    let (low, high, step) = value_axis(points.all().map(|(_, v)| v));
    let x = |y: FiscalYear| {
        let span = (last - first).max(1) as f64;
        LEFT + (y.0 - first) as f64 / span * (WIDTH - LEFT - RIGHT)
            + if last == first { (WIDTH - LEFT - RIGHT) / 2.0 } else { 0.0 }
    };
    let y = |v: f64| TOP + (high - v) / (high - low) * (HEIGHT - TOP - BOTTOM);
    let ticks = ticks(low, high, step);
    let line: String =
        points.actuals.iter().map(|(yr, v)| format!("{:.1},{:.1}", x(*yr), y(*v))).collect::<Vec<_>>().join(" ");
    let (title_id, desc_id) = (format!("{id}-title"), format!("{id}-desc"));
    Some(html! {
        svg xmlns="http://www.w3.org/2000/svg" viewBox={ "0 0 " (WIDTH) " " (HEIGHT) } role="img"
            aria-labelledby={ (title_id) " " (desc_id) } {
            title id=(title_id) { (label) }
            desc id=(desc_id) { (description(&points, unit)) }
            @for t in &ticks {
                line x1=(LEFT) x2=(WIDTH - RIGHT) y1=(fmt(y(*t))) y2=(fmt(y(*t))) stroke="#d0d0d0" {}
                text x=(LEFT - 8.0) y=(fmt(y(*t) + 4.0)) text-anchor="end" font-size="12" fill="#333" { (number(round(*t))) }
            }
            @for yr in first..=last {
                @let fy = FiscalYear(yr);
                text x=(fmt(x(fy))) y=(HEIGHT - BOTTOM + 18.0) text-anchor="middle" font-size="12" fill="#333" { (fy.short()) }
                text x=(fmt(x(fy))) y=(HEIGHT - BOTTOM + 33.0) text-anchor="middle" font-size="11" fill="#333" { (yr) }
            }
            text x=(LEFT - 8.0) y=(HEIGHT - 6.0) text-anchor="end" font-size="11" fill="#333" { "年度" }
            text x="4" y=(TOP - 4.0) font-size="11" fill="#333" { (unit) }
            @if let (Some(b), Some(t)) = (points.baseline, points.target) {
                line x1=(fmt(x(b.0))) y1=(fmt(y(b.1))) x2=(fmt(x(t.0))) y2=(fmt(y(t.1))) stroke="#595959" stroke-width="2" stroke-dasharray="6 5" {}
            }
            @if let Some(b) = points.baseline {
                rect x=(fmt(x(b.0) - 5.0)) y=(fmt(y(b.1) - 5.0)) width="10" height="10" fill="#fff" stroke="#595959" stroke-width="2" {}
            }
            @if let Some(t) = points.target {
                polygon points=(diamond(x(t.0), y(t.1))) fill="#a4262c" {}
            }
            @if points.actuals.len() > 1 {
                polyline points=(line) fill="none" stroke="#17517e" stroke-width="3" {}
            }
            @for (yr, v) in &points.actuals {
                circle cx=(fmt(x(*yr))) cy=(fmt(y(*v))) r="5" fill="#17517e" {}
            }
        }
    })
}

/// The chart's legend, in words and the shapes the chart uses.
pub fn legend() -> Markup {
    html! { figcaption { "● 実績（線）　◆ 目標値　□ 基準値　破線：基準値から目標値への直線" } }
}

/// The text alternative: every point in words, in order.
fn description(p: &Points, unit: &str) -> String {
    let mut parts = Vec::new();
    if let Some((y, v)) = p.baseline {
        parts.push(format!("基準値 {}（{}）", quantity(v, unit), y.japanese()));
    }
    if let Some((y, v)) = p.target {
        parts.push(format!("目標値 {}（{}）", quantity(v, unit), y.japanese()));
    }
    let actuals: Vec<String> =
        p.actuals.iter().map(|(y, v)| format!("{} {}", y.japanese(), quantity(*v, unit))).collect();
    if actuals.is_empty() {
        parts.push("実績なし".into());
    } else {
        parts.push(format!("実績 {}", actuals.join("、")));
    }
    parts.join("。") + "。"
}

/// The value axis: a low and high end and a step, "nice" numbers (1, 2, 5 × 10ⁿ) that hold
/// every value; zero is the low end unless the values are far from it.
pub(super) fn value_axis(values: impl Iterator<Item = f64>) -> (f64, f64, f64) {
    let (mut min, mut max) = values.fold((f64::INFINITY, f64::NEG_INFINITY), |(a, b), v| (a.min(v), b.max(v)));
    if !min.is_finite() {
        return (0.0, 1.0, 0.25);
    }
    if min > 0.0 && min < max * 0.5 {
        min = 0.0;
    }
    if max < 0.0 && max > min * 0.5 {
        max = 0.0;
    }
    if (max - min).abs() < 1e-9 {
        let pad = if max == 0.0 { 1.0 } else { max.abs() * 0.1 };
        (min, max) = (min - pad, max + pad);
    }
    let step = nice((max - min) / STEPS);
    ((min / step).floor() * step, (max / step).ceil() * step, step)
}

/// The value axis's ticks from `low` to `high` by `step` ([`value_axis`]'s), at most
/// `2 × STEPS + 2` of them: an axis of values near the largest a number holds overflows to
/// infinity, and its ticks would never end.
pub(super) fn ticks(low: f64, high: f64, step: f64) -> Vec<f64> {
    let most = 2 * STEPS as usize + 2;
    (0..most).map(|i| low + step * i as f64).take_while(|t| *t <= high + step * 1e-6).collect()
}

fn nice(raw: f64) -> f64 {
    let exp = 10f64.powf(raw.log10().floor());
    let f = raw / exp;
    let n = if f <= 1.0 {
        1.0
    } else if f <= 2.0 {
        2.0
    } else if f <= 5.0 {
        5.0
    } else {
        10.0
    };
    n * exp
}

pub(super) fn round(v: f64) -> f64 {
    (v * 1e6).round() / 1e6
}

pub(super) fn fmt(v: f64) -> String {
    format!("{v:.1}")
}

pub(super) fn diamond(cx: f64, cy: f64) -> String {
    format!("{:.1},{:.1} {:.1},{:.1} {:.1},{:.1} {:.1},{:.1}", cx, cy - 8.0, cx + 8.0, cy, cx, cy + 8.0, cx - 8.0, cy)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_value_axis_holds_every_value_in_nice_steps() {
        for values in [vec![3.0, 98.2, 120.0], vec![1001.0, 1003.0], vec![-5.0, 4.0], vec![0.0], vec![0.42, 0.44]] {
            let (low, high, step) = value_axis(values.iter().copied());
            assert!(values.iter().all(|v| *v >= low - 1e-9 && *v <= high + 1e-9), "{values:?} → {low}..{high}");
            let mantissa = step / 10f64.powf(step.log10().floor());
            assert!([1.0, 2.0, 5.0, 10.0].iter().any(|m| (m - mantissa).abs() < 1e-6), "{step}");
            assert!((high - low) / step <= 2.0 * STEPS + 1.0);
        }
    }

    /// Values near the largest a number holds: the axis overflows to infinity, and its ticks
    /// still end (a page with such a KPI is written, not hung).
    #[test]
    fn an_axis_of_enormous_values_has_few_ticks() {
        let (low, high, step) = value_axis([1.0, 1.7e308].into_iter());
        assert!(high.is_infinite(), "{high}");
        let t = ticks(low, high, step);
        assert!(!t.is_empty() && t.len() <= 2 * STEPS as usize + 2, "{t:?}");
        assert_eq!(ticks(0.0, 100.0, 25.0), [0.0, 25.0, 50.0, 75.0, 100.0]);
    }

    #[test]
    fn a_level_far_from_zero_keeps_its_changes_visible() {
        let (low, _, _) = value_axis([1001.0, 1003.0].into_iter());
        assert!(low > 900.0, "{low}");
    }
}
