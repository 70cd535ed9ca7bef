//! One matched indicator across a region's towns: each town's actuals as a solid
//! line (one per series of a breakdown), and what each town was to reach in each year — its
//! interim targets, its final target in its year, a per-year target — as hollow points of the
//! same colour joined by a dashed line. The numbers are `model::region::IndicatorTable`'s, so
//! the chart, its table and the CSV (`format::csv::region::matched_indicator`) show the same.
//!
//! Towns may count in different units (人 and 人/年); the axis is named by the unit only when
//! every town uses the same one, and the table names each row's unit.

use super::common::{axis_year, cell, colour, item_tooltip, long_year, point, value_axis};
use super::{Figure, Table, Words};
use crate::locale::{self, tr, Language};
use crate::model::region::{IndicatorTable, MatchedIndicator, SeriesRow};
use crate::model::FiscalYear;
use charming::component::{Grid, Legend, LegendType};
use charming::element::{ItemStyle, LineStyle, LineStyleType, Symbol};
use charming::series::Line;
use charming::Chart;
use serde_json::json;

/// "七飯町" for a single series, "七飯町 男性" for one of a breakdown.
fn row_label(r: &SeriesRow) -> String {
    match r.series.trim() {
        "" => r.municipality.clone(),
        s => format!("{} {s}", r.municipality),
    }
}

/// "七飯町 目標" / "七飯町: target".
fn target_label(label: &str, lang: Language) -> String {
    match lang {
        Language::Ja => format!("{label} 目標"),
        Language::En => format!("{label}: target"),
    }
}

/// The latest actual of a row, with its year.
fn latest(r: &SeriesRow, years: &[FiscalYear]) -> Option<(FiscalYear, f64)> {
    years.iter().zip(&r.cells).rev().find_map(|(y, c)| c.actual.filter(|v| v.is_finite()).map(|v| (*y, v)))
}

/// The chart of a matched indicator: per town (and series) its actuals and its targets.
pub fn matched_indicator(group: &MatchedIndicator, table: &IndicatorTable, w: Words) -> Figure {
    let labels: Vec<String> = table.years.iter().map(|y| axis_year(*y, w)).collect();
    let unit = match table.rows.first() {
        Some(first) if table.rows.iter().all(|r| r.unit == first.unit) => first.unit.as_str(),
        _ => "",
    };
    let mut chart = Chart::new()
        .tooltip(item_tooltip())
        .grid(Grid::new().contain_label(true).left(36).right(24).top(56).bottom(8))
        .x_axis(super::common::category_axis(labels))
        .y_axis(value_axis(unit).scale(true));
    let mut columns = vec![
        tr(w.lang, "市区町村", "Municipality").to_owned(),
        tr(w.lang, "区分", "Kind").to_owned(),
        tr(w.lang, "単位", "Unit").to_owned(),
    ];
    columns.extend(table.years.iter().map(|y| long_year(*y, w)));
    let mut out = Table { columns, rows: Vec::new() };
    let mut legend = Vec::new();
    let mut patches = Vec::new();
    let mut latest_parts = Vec::new();
    let (actual_kind, target_kind) = (tr(w.lang, "実績", "Actual"), tr(w.lang, "目標", "Target"));
    for (k, r) in table.rows.iter().enumerate() {
        let c = colour(k);
        let label = row_label(r);
        let named = |v: Option<f64>, y: &FiscalYear, kind: &str| {
            point(v.filter(|v| v.is_finite()), &format!("{label} {} ({kind})", long_year(*y, w)))
        };
        let actuals = table.years.iter().zip(&r.cells).map(|(y, cell)| named(cell.actual, y, actual_kind)).collect();
        chart = chart.series(
            Line::new()
                .name(label.as_str())
                .connect_nulls(false)
                .symbol(Symbol::Circle)
                .symbol_size(8)
                .item_style(ItemStyle::new().color(c))
                .line_style(LineStyle::new().color(c).width(2))
                .z(3)
                .data(actuals),
        );
        legend.push(label.clone());
        patches.push(json!({ "showAllSymbol": true }));
        let row = |kind: &str, values: Vec<String>| {
            let mut row = vec![label.clone(), kind.to_owned(), r.unit.clone()];
            row.extend(values);
            row
        };
        let provisional = tr(w.lang, "速報値", "provisional");
        let actual_cells = r
            .cells
            .iter()
            .map(|c| match c.actual {
                Some(v) if c.provisional && v.is_finite() => format!("{} ({provisional})", cell(Some(v))),
                v => cell(v),
            })
            .collect();
        out.rows.push(row(actual_kind, actual_cells));
        if r.cells.iter().any(|c| c.target.is_some_and(f64::is_finite)) {
            let name = target_label(&label, w.lang);
            let targets =
                table.years.iter().zip(&r.cells).map(|(y, cell)| named(cell.target, y, target_kind)).collect();
            chart = chart.series(
                Line::new()
                    .name(name.as_str())
                    .connect_nulls(true)
                    .symbol(Symbol::Custom("emptyCircle".into()))
                    .symbol_size(7)
                    .item_style(ItemStyle::new().color(c))
                    .line_style(LineStyle::new().color(c).width(1.5).type_(LineStyleType::Dashed))
                    .z(2)
                    .data(targets),
            );
            legend.push(name);
            patches.push(json!({ "showAllSymbol": true }));
            out.rows.push(row(target_kind, r.cells.iter().map(|c| cell(c.target)).collect()));
        }
        latest_parts.push(match latest(r, &table.years) {
            Some((y, v)) => match w.lang {
                Language::Ja => format!("{label} {}（{}）", locale::quantity(v, &r.unit), long_year(y, w)),
                Language::En => format!("{label} {} ({})", locale::quantity(v, &r.unit), long_year(y, w)),
            },
            None => match w.lang {
                Language::Ja => format!("{label} 実績なし"),
                Language::En => format!("{label} no actual"),
            },
        });
    }
    chart = chart.legend(Legend::new().type_(LegendType::Scroll).data(legend));
    let towns = {
        let mut seen: Vec<&crate::model::Id> = table.rows.iter().map(|r| &r.at.strategy).collect();
        seen.dedup();
        seen.len()
    };
    let summary = match w.lang {
        Language::Ja if latest_parts.is_empty() => format!("{}: 数値のある市町村はありません", group.name),
        Language::En if latest_parts.is_empty() => format!("{}: no town has numbers", group.name),
        Language::Ja => format!("{}: {towns} 市町村の最新の実績は {}", group.name, latest_parts.join("、")),
        Language::En => format!("{}: the latest actuals of {towns} towns are {}", group.name, latest_parts.join(", ")),
    };
    let name = match w.lang {
        Language::Ja => format!("{}の市町村比較", group.name),
        Language::En => format!("{} across towns", group.name),
    };
    Figure { chart, name, summary, table: out, patch: json!({ "series": patches }) }
}

#[cfg(test)]
mod tests;
