//! The chart of one indicator (数値目標・KPI) over the fiscal years: its actuals, one line per
//! series (男性/女性), and its target drawn the way the target is set.
//!
//! - Actuals: a solid line per series, a gap (`null`, `connectNulls: false`) for a year without
//!   an actual; a provisional value (速報値) is a hollow point with a dashed rim.
//! - A value target: a dashed line ("目標") from the baseline to the target — the linear path
//!   the status is judged against — with a pin (markPoint) on the target.
//! - A direction-only target (↗): the baseline point and a shaded band (markArea) on the good
//!   side of it, from the baseline year to the last year.
//! - A per-year target ("0人/年"): a flat dashed line at the target in every year. It is a series
//!   rather than a markLine so that the value axis always reaches it (ECharts leaves markers
//!   out of the axis extent).
//! - A relative target (「基準値から10%減少」): drawn as a value target at the value it comes to
//!   from the baseline; nothing without a baseline (the summary says it cannot be worked out).
//! - A bound (「80%以上」): a flat dashed line at the bound in every year and a shaded band on
//!   the side that meets it.
//! - An average over a span: a flat dashed line at the value over the span's years.
//! - A cumulative total over a span: a dashed path from the first year's share to the total
//!   (the share of the span passed, what "on track" compares with), a pin on the total, and the
//!   running sum of the actuals as its own dotted line ("累計") — drawn against the path, on
//!   the same axis as the yearly actuals.
//! - Interim targets (中間目標): diamonds (a scatter series).
//! - A carried indicator's previous period (`history`): grey dotted lines of the old actuals.
//! - A revised target's earlier targets (`earlier_targets`): thin grey dashed lines, 「当初の目標」.
//!
//! The axis runs from the baseline year (or the plan's first year) to the latest of the plan's
//! last year, the target years and the actuals.

use super::common::{
    axis_year, category_axis, cell, colour, item_tooltip, long_year, point, styled_point, value_axis, years,
};
use super::{Figure, Table, Words};
use crate::locale::{self, tr, Language};
use crate::model::{Baseline, BoundSide, DesiredDirection, FiscalYear, Indicator, Series, Strategy, Target};
use charming::component::{Grid, Legend, LegendType};
use charming::element::{
    BorderType, ItemStyle, Label, LabelPosition, LineStyle, LineStyleType, MarkArea, MarkAreaData, MarkPoint,
    MarkPointData, Symbol,
};
use charming::series::{Line, Scatter};
use charming::Chart;
use serde_json::{json, Value};

/// The chart of an indicator: actuals per series, targets, interim targets (see the module).
pub fn chart(s: &Strategy, ind: &Indicator, w: Words) -> Figure {
    let axis = axis_years(s, ind);
    let labels: Vec<String> = axis.iter().map(|y| axis_year(*y, w)).collect();
    let progress = s.progress(ind);
    let several = ind.series.len() > 1;
    let mut chart = Chart::new()
        .tooltip(item_tooltip())
        .grid(Grid::new().contain_label(true).left(36).right(24).top(48).bottom(8))
        .x_axis(category_axis(labels.clone()))
        .y_axis(value_axis(&ind.unit).scale(true));
    let mut columns = vec![tr(w.lang, "系列", "Series").to_owned(), tr(w.lang, "区分", "Kind").to_owned()];
    columns.extend(axis.iter().map(|y| long_year(*y, w)));
    let mut table = Table { columns, rows: Vec::new() };
    let mut legend = Vec::new();
    let mut parts = Vec::new();
    // An actual between two gaps is only its symbol: never let ECharts thin symbols out.
    let mut patches = Vec::new();
    for (name, line) in history::lines(ind, &axis, w, &mut table) {
        chart = chart.series(line);
        legend.push(name);
        patches.push(Value::Null);
    }
    for (k, series) in ind.series.iter().enumerate() {
        let drawn = Drawn {
            s,
            ind,
            series,
            axis: &axis,
            labels: &labels,
            w,
            colour: colour(k),
            label: series_label(ind, k, w.lang),
        };
        let name = |kind: &str| match several {
            true => named(&drawn.label, kind, w.lang),
            false => kind.to_owned(),
        };
        let actual_name = match (several, series.running_totals) {
            (true, _) => drawn.label.clone(),
            (false, true) => tr(w.lang, "実績（累計）", "Actual (running total)").to_owned(),
            (false, false) => tr(w.lang, "実績", "Actual").to_owned(),
        };
        chart = chart.series(drawn.actuals(&actual_name, &mut table));
        legend.push(actual_name);
        patches.push(json!({ "showAllSymbol": true }));
        if let Some(target) = drawn.target(&name(tr(w.lang, "目標", "Target")), &mut table) {
            chart = chart.series(target);
            legend.push(name(tr(w.lang, "目標", "Target")));
            patches.push(Value::Null);
        }
        for (earlier, line) in drawn.earlier_targets(several, &mut table) {
            chart = chart.series(line);
            legend.push(earlier);
            patches.push(Value::Null);
        }
        if let Some(sum) = drawn.running_sum(&name(tr(w.lang, "累計", "Running total")), &mut table) {
            chart = chart.series(sum);
            legend.push(name(tr(w.lang, "累計", "Running total")));
            patches.push(json!({ "showAllSymbol": true }));
        }
        let yearly_name = name(tr(w.lang, "単年度（差分）", "Yearly (derived)"));
        if let Some(yearly) = drawn.derived_yearly(&yearly_name, &mut table) {
            chart = chart.series(yearly);
            legend.push(yearly_name);
            patches.push(json!({ "showAllSymbol": true }));
        }
        if let Some(interim) = drawn.interim(&name(tr(w.lang, "中間目標", "Interim target")), &mut table) {
            chart = chart.series(interim);
            legend.push(name(tr(w.lang, "中間目標", "Interim target")));
            patches.push(Value::Null);
        }
        // Values of another basis sit in the fiscal-year columns; the summary says what they are.
        let part = drawn.summary(&progress.series[k], several);
        parts.push(match locale::year_basis_note(series.year_basis, w.lang) {
            Some(note) => format!("{part} ({note})"),
            None => part,
        });
    }
    chart = chart.legend(Legend::new().type_(LegendType::Scroll).data(legend));
    if parts.is_empty() {
        parts.push(tr(w.lang, "系列なし", "no series").to_owned());
    }
    // The name isolated for direction: an override it leaves open must not reverse the words after it.
    let own = locale::isolated(&ind.name);
    let summary = format!("{own}: {}", parts.join(" / "));
    let name = match w.lang {
        Language::Ja => format!("{own}の推移"),
        Language::En => format!("{own} over time"),
    };
    Figure { chart, name, summary, table, patch: json!({ "series": patches }) }
}

/// The fiscal years on the axis: from the earliest of the baseline years, actuals, interim
/// targets and the plan's first year to the latest of the plan's last year, target years,
/// actuals and interim targets.
fn axis_years(s: &Strategy, ind: &Indicator) -> Vec<FiscalYear> {
    let (mut first, mut last) = (s.period.first, s.period.last.max(s.period.first));
    let mut see = |y: FiscalYear| {
        first = first.min(y);
        last = last.max(y);
    };
    for series in &ind.series {
        if let Some(b) = &series.baseline {
            see(baseline_year(b, s));
        }
        series.actuals.iter().for_each(|a| see(a.year));
        series.interim.iter().for_each(|i| see(i.year));
        // The due years and spans of the target and of the earlier targets it revised.
        for t in series.target.iter().chain(series.target_history.iter().map(|r| &r.target)) {
            t.due_year().into_iter().chain(t.span().map(|(from, _)| from)).for_each(&mut see);
        }
    }
    history::years(ind).for_each(see);
    years(first, last)
}

/// The baseline's year, or the year before the plan when the document gives none (as the
/// achievement maths assumes).
fn baseline_year(b: &Baseline, s: &Strategy) -> FiscalYear {
    b.year.unwrap_or(s.period.assumed_baseline_year())
}

/// A series' own label, the indicator's name for a single unlabelled series, "系列2" otherwise.
fn series_label(ind: &Indicator, k: usize, lang: Language) -> String {
    let label = ind.series[k].label.trim();
    match (label.is_empty(), ind.series.len()) {
        (false, _) => ind.series[k].label.clone(),
        (true, 1) => ind.name.clone(),
        (true, _) => format!("{}{}", tr(lang, "系列", "Series "), k + 1),
    }
}

/// "男性 目標" / "Men: target".
fn named(label: &str, kind: &str, lang: Language) -> String {
    match lang {
        Language::Ja => format!("{label} {kind}"),
        Language::En => format!("{label}: {}", kind.to_lowercase()),
    }
}

/// A year's note in tooltips and table cells: "令和5年度 (速報値)".
fn noted(year: String, note: &str) -> String {
    format!("{year} ({note})")
}

/// One series of the indicator, with what drawing it needs.
struct Drawn<'a> {
    s: &'a Strategy,
    ind: &'a Indicator,
    series: &'a Series,
    axis: &'a [FiscalYear],
    labels: &'a [String],
    w: Words,
    colour: &'static str,
    label: String,
}

impl Drawn<'_> {
    fn index(&self, year: FiscalYear) -> usize {
        self.axis.iter().position(|y| *y == year).unwrap_or_default()
    }

    /// A year of this series' values as it writes them: 令和5年度, 令和5年 (a calendar year),
    /// 令和5年4月1日現在 — in tooltips and the summary. The axis and the table's columns stay
    /// fiscal years: one chart can hold series of several bases, and the note says which.
    fn value_year(&self, y: FiscalYear) -> String {
        locale::value_year(self.series.year_basis, y, self.w.lang, self.w.years)
    }

    fn baseline(&self) -> Option<(FiscalYear, f64)> {
        let b = self.series.baseline.as_ref().filter(|b| b.value.is_finite())?;
        Some((baseline_year(b, self.s), b.value))
    }

    fn row(&self, kind: String, cells: Vec<String>) -> Vec<String> {
        let mut row = vec![self.label.clone(), kind];
        row.extend(cells);
        row
    }

    /// The actuals: a solid line with gaps; provisional values hollow with a dashed rim.
    fn actuals(&self, name: &str, table: &mut Table) -> Line {
        let provisional_note = tr(self.w.lang, "速報値", "provisional");
        // A value's year as its series writes it (令和5年, 令和5年4月1日現在) in the tooltip.
        let when = |y: FiscalYear| self.value_year(y);
        let hollow =
            ItemStyle::new().color("#ffffff").border_color(self.colour).border_width(2).border_type(BorderType::Dashed);
        let mut cells = Vec::new();
        let data = self
            .axis
            .iter()
            .map(|y| match self.series.actual(*y).filter(|a| a.value.is_finite()) {
                Some(a) if a.provisional => {
                    cells.push(format!("{} ({provisional_note})", cell(Some(a.value))));
                    styled_point(Some(a.value), &noted(when(*y), provisional_note), hollow.clone())
                }
                Some(a) => {
                    cells.push(cell(Some(a.value)));
                    point(Some(a.value), &when(*y))
                }
                None => {
                    cells.push(cell(None));
                    point(None::<f64>, "")
                }
            })
            .collect();
        let actual = match self.series.running_totals {
            true => tr(self.w.lang, "実績（累計）", "Actual (running total)"),
            false => tr(self.w.lang, "実績", "Actual"),
        };
        let kind = match locale::year_basis_note(self.series.year_basis, self.w.lang) {
            Some(note) => format!("{actual}（{note}）"),
            None => actual.to_owned(),
        };
        table.rows.push(self.row(kind, cells));
        Line::new()
            .name(name)
            .connect_nulls(false)
            .symbol(Symbol::Circle)
            .symbol_size(8)
            .item_style(ItemStyle::new().color(self.colour))
            .line_style(LineStyle::new().color(self.colour).width(2))
            .z(3)
            .data(data)
    }

    /// The target as a dashed series (see the module), or nothing when there is none to draw.
    fn target(&self, name: &str, table: &mut Table) -> Option<Line> {
        let target = self.series.target.as_ref()?;
        let (base_note, target_note) = (tr(self.w.lang, "基準値", "baseline"), tr(self.w.lang, "目標", "target"));
        let mut values: Vec<Option<(f64, String)>> = vec![None; self.axis.len()];
        let baseline = self.baseline();
        let mut line = Line::new()
            .name(name)
            .connect_nulls(true)
            .symbol(Symbol::Custom("emptyCircle".into()))
            .symbol_size(6)
            .item_style(ItemStyle::new().color(self.colour))
            .line_style(LineStyle::new().color(self.colour).width(1.5).type_(LineStyleType::Dashed))
            .z(2);
        match *target {
            // A relative target is drawn at the value it comes to (none without a baseline).
            Target::Value { year, .. } | Target::Relative { year, .. } => {
                let value = self.series.target_value().filter(|v| v.is_finite())?;
                if let Some((y, b)) = baseline {
                    values[self.index(y)] = Some((b, base_note.to_owned()));
                }
                let at = self.index(year.unwrap_or(self.s.period.assumed_target_year()));
                values[at] = Some((value, target_note.to_owned()));
                let pin = MarkPointData::new().name(target_note).x_axis(at as f64).y_axis(value).value(value);
                line = line.mark_point(MarkPoint::new().data(vec![pin]));
            }
            Target::Bound { value, side, .. } => {
                if !value.is_finite() {
                    return None;
                }
                let note = tr(self.w.lang, "目標（境界）", "target (bound)");
                values = vec![Some((value, note.to_owned())); self.axis.len()];
                let up = side == BoundSide::AtLeast;
                line =
                    line.show_symbol(false).mark_area(self.side_band(self.axis[0], value, up, &self.bound_text(side)));
            }
            Target::Average { value, from, to } => {
                if !value.is_finite() {
                    return None;
                }
                let note = tr(self.w.lang, "目標（期間の平均）", "target (average over the span)");
                for (k, y) in self.axis.iter().enumerate() {
                    if (from..=to).contains(y) {
                        values[k] = Some((value, note.to_owned()));
                    }
                }
                line = line.show_symbol(false);
            }
            // The path a running sum must follow to reach the total: the share of the span's
            // years passed (what "on track" compares with); the running sum is its own line.
            Target::Cumulative { value, from, to } => {
                if !value.is_finite() || to < from {
                    return None;
                }
                let note = tr(self.w.lang, "累計の目標の道筋", "path to the total");
                let years = f64::from(to.0 - from.0 + 1);
                for (k, y) in self.axis.iter().enumerate() {
                    if (from..=to).contains(y) {
                        values[k] = Some((value * f64::from(y.0 - from.0 + 1) / years, note.to_owned()));
                    }
                }
                let at = self.index(to);
                let pin = MarkPointData::new().name(target_note).x_axis(at as f64).y_axis(value).value(value);
                line = line.mark_point(MarkPoint::new().data(vec![pin]));
            }
            Target::Direction => {
                let (y, b) = baseline?;
                values[self.index(y)] = Some((b, base_note.to_owned()));
                line = line.mark_area(self.band(y, b));
            }
            Target::PerYear { value } => {
                if !value.is_finite() {
                    return None;
                }
                values = vec![Some((value, target_note.to_owned())); self.axis.len()];
                line = line.show_symbol(false);
            }
        }
        let data = self.axis.iter().zip(&values).map(|(y, v)| match v {
            Some((v, note)) => point(Some(*v), &noted(self.value_year(*y), note)),
            None => point(None::<f64>, ""),
        });
        let cells = values
            .iter()
            .map(|v| v.as_ref().map_or_else(|| cell(None), |(v, note)| format!("{} ({note})", cell(Some(*v)))));
        let kind = format!("{}: {}", tr(self.w.lang, "目標", "Target"), self.target_text(target));
        table.rows.push(self.row(kind, cells.collect()));
        Some(line.data(data.collect()))
    }

    /// 「以上」 / 「以下」 on the bound's band.
    fn bound_text(&self, side: BoundSide) -> String {
        match side {
            BoundSide::AtLeast => tr(self.w.lang, "目標の範囲（以上）", "target range (at least)").to_owned(),
            BoundSide::AtMost => tr(self.w.lang, "目標の範囲（以下）", "target range (at most)").to_owned(),
        }
    }

    /// A band on one side of `level` (`up`: above it) from `year` to the last year.
    fn side_band(&self, year: FiscalYear, level: f64, up: bool, text: &str) -> MarkArea {
        let (from, to) = (self.labels[self.index(year)].clone(), self.labels[self.labels.len() - 1].clone());
        let level = level.to_string();
        let corners = match up {
            false => (MarkAreaData::new().name(text).x_axis(from), MarkAreaData::new().x_axis(to).y_axis(level)),
            true => (MarkAreaData::new().name(text).x_axis(from).y_axis(level), MarkAreaData::new().x_axis(to)),
        };
        MarkArea::new()
            .silent(true)
            .item_style(ItemStyle::new().color(self.colour).opacity(0.12))
            .label(Label::new().position(LabelPosition::InsideTop).color(self.colour))
            .data(vec![corners])
    }

    /// The yearly values derived from running totals (this year's total less last year's), as a
    /// dotted line and a table row 「単年度（差分）」; nothing for yearly actuals or when no year
    /// can be derived.
    fn derived_yearly(&self, name: &str, table: &mut Table) -> Option<Line> {
        if !self.series.running_totals {
            return None;
        }
        let values: Vec<Option<f64>> = self.axis.iter().map(|y| self.series.yearly(*y)).collect();
        if values.iter().all(Option::is_none) {
            return None;
        }
        let note = tr(self.w.lang, "単年度（差分）", "yearly (derived)");
        let data = self.axis.iter().zip(&values).map(|(y, v)| point(*v, &noted(self.value_year(*y), note))).collect();
        let head = tr(self.w.lang, "単年度（差分）", "Yearly (derived)").to_owned();
        table.rows.push(self.row(head, values.iter().map(|v| cell(*v)).collect()));
        Some(
            Line::new()
                .name(name)
                .connect_nulls(false)
                .symbol(Symbol::Diamond)
                .symbol_size(7)
                .item_style(ItemStyle::new().color(self.colour))
                .line_style(LineStyle::new().color(self.colour).width(1).type_(LineStyleType::Dotted))
                .z(2)
                .data(data),
        )
    }

    /// A cumulative target's running sum of the span's actuals, year by year up to the latest
    /// actual (a year without one adds nothing); nothing for other targets, nor for actuals that
    /// are running totals already (`derived_yearly` draws their years instead).
    fn running_sum(&self, name: &str, table: &mut Table) -> Option<Line> {
        let Some(Target::Cumulative { from, to, .. }) = self.series.target else {
            return None;
        };
        if self.series.running_totals {
            return None;
        }
        let latest = self.series.actuals_within(from, to).map(|a| a.year).max()?;
        let note = tr(self.w.lang, "累計", "running total");
        let sums: Vec<Option<f64>> = self
            .axis
            .iter()
            .map(|y| (from..=latest).contains(y).then(|| self.series.actuals_within(from, *y).map(|a| a.value).sum()))
            .collect();
        let data = self.axis.iter().zip(&sums).map(|(y, v)| point(*v, &noted(self.value_year(*y), note))).collect();
        table.rows.push(
            self.row(tr(self.w.lang, "累計", "Running total").to_owned(), sums.iter().map(|v| cell(*v)).collect()),
        );
        Some(
            Line::new()
                .name(name)
                .connect_nulls(false)
                .symbol(Symbol::Triangle)
                .symbol_size(8)
                .item_style(ItemStyle::new().color(self.colour))
                .line_style(LineStyle::new().color(self.colour).width(2).type_(LineStyleType::Dotted))
                .z(3)
                .data(data),
        )
    }

    /// A direction-only target: the band on the good side of the baseline, from the baseline
    /// year to the last year (an open side reaches the edge of the grid).
    fn band(&self, year: FiscalYear, baseline: f64) -> MarkArea {
        let (from, to) = (self.labels[self.index(year)].clone(), self.labels[self.labels.len() - 1].clone());
        let text = match self.ind.direction {
            DesiredDirection::Increase => tr(self.w.lang, "↗ 基準値より増加", "↗ increase from the baseline"),
            DesiredDirection::Decrease => tr(self.w.lang, "↘ 基準値より減少", "↘ decrease from the baseline"),
            DesiredDirection::Maintain => tr(self.w.lang, "→ 基準値以上を維持", "→ stay at or above the baseline"),
        };
        let level = baseline.to_string();
        let corners = match self.ind.direction {
            DesiredDirection::Decrease => {
                (MarkAreaData::new().name(text).x_axis(from), MarkAreaData::new().x_axis(to).y_axis(level))
            }
            _ => (MarkAreaData::new().name(text).x_axis(from).y_axis(level), MarkAreaData::new().x_axis(to)),
        };
        MarkArea::new()
            .silent(true)
            .item_style(ItemStyle::new().color(self.colour).opacity(0.12))
            .label(Label::new().position(LabelPosition::InsideTop).color(self.colour))
            .data(vec![corners])
    }

    /// Interim targets as diamonds, or nothing when there are none.
    fn interim(&self, name: &str, table: &mut Table) -> Option<Scatter> {
        let interim: Vec<_> = self.series.interim.iter().filter(|i| i.value.is_finite()).collect();
        if interim.is_empty() {
            return None;
        }
        let value_in = |y: &FiscalYear| interim.iter().find(|i| i.year == *y).map(|i| i.value);
        let note = tr(self.w.lang, "中間目標", "interim target");
        let data = self.axis.iter().map(|y| point(value_in(y), &noted(self.value_year(*y), note))).collect();
        let cells = self.axis.iter().map(|y| cell(value_in(y))).collect();
        table.rows.push(self.row(tr(self.w.lang, "中間目標", "Interim target").to_owned(), cells));
        Some(
            Scatter::new()
                .name(name)
                .symbol(Symbol::Diamond)
                .symbol_size(11)
                .item_style(ItemStyle::new().color(self.colour))
                .data(data),
        )
    }
}

#[cfg(test)]
mod tests;

mod earlier_targets;
mod history;
mod summary;
