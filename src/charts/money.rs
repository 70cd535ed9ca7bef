//! Budget (予算額) and settled cost (決算額) in 千円 per fiscal year, as stacked bars: the
//! shared shape of the goals' and a measure's budget charts.
//!
//! The x axis holds the fiscal years. Each row (a goal, an initiative) has a budget series in
//! the "budget" stack and, when anything was settled at all, a settled series in the "settled"
//! stack, so every year shows two columns side by side — budget on the left, settled cost on
//! the right — each split by row in the row's colour (settled paler). A year without an amount
//! is a gap (`null`), never 0.

use super::common::{axis_year, category_axis, cell, item_tooltip, long_year, point, value_axis};
use super::{Figure, Table, Words};
use crate::locale::{self, tr, Language};
use crate::model::{FiscalYear, Money};
use charming::component::{Grid, Legend, LegendType};
use charming::element::ItemStyle;
use charming::series::Bar;
use charming::Chart;

/// One row of the chart: its label in series names and in the table, colour and amounts (one
/// per year of the axis).
pub struct Row {
    /// The name in the legend ("基本目標1").
    pub short: String,
    /// The name in the table ("基本目標1 稼ぐ産業と…").
    pub label: String,
    pub colour: &'static str,
    pub budget: Vec<Option<Money>>,
    pub settled: Vec<Option<Money>>,
}

/// The stacked bars of `rows` over `years`; `head` names the table's first column, `subject`
/// starts the summary.
pub fn figure(years: &[FiscalYear], rows: &[Row], head: &str, name: String, subject: &str, w: Words) -> Figure {
    let kinds = [tr(w.lang, "予算額", "Budget"), tr(w.lang, "決算額", "Settled cost")];
    let with_settled = rows.iter().any(|r| r.settled.iter().any(Option::is_some));
    let series_name = |row: &Row, kind: &str| match w.lang {
        Language::Ja => format!("{} {kind}", row.short),
        Language::En => format!("{}: {}", row.short, kind.to_lowercase()),
    };
    let mut chart = Chart::new()
        .tooltip(item_tooltip())
        .grid(Grid::new().contain_label(true).left(36).right(24).top(48).bottom(8))
        .x_axis(category_axis(years.iter().map(|y| axis_year(*y, w)).collect()))
        .y_axis(value_axis(tr(w.lang, "千円", "thousand yen")));
    let mut legend = Vec::new();
    let mut columns = vec![head.to_owned(), tr(w.lang, "区分", "Kind").to_owned()];
    columns.extend(years.iter().map(|y| long_year(*y, w)));
    let mut table = Table { columns, rows: Vec::new() };
    let mut row_of = |label: &str, kind: &str, amounts: &[Option<Money>]| {
        let mut cells = vec![label.to_owned(), kind.to_owned()];
        cells.extend(amounts.iter().map(|a| cell(a.map(|a| a as f64))));
        table.rows.push(cells);
    };
    for row in rows {
        let budget = bars(years, &row.budget, w)
            .name(series_name(row, kinds[0]))
            .stack("budget")
            .item_style(ItemStyle::new().color(row.colour));
        chart = chart.series(budget);
        legend.push(series_name(row, kinds[0]));
        row_of(&row.label, kinds[0], &row.budget);
        if with_settled {
            let style = ItemStyle::new().color(row.colour).opacity(0.45).border_color(row.colour).border_width(1);
            chart = chart.series(
                bars(years, &row.settled, w).name(series_name(row, kinds[1])).stack("settled").item_style(style),
            );
            legend.push(series_name(row, kinds[1]));
            row_of(&row.label, kinds[1], &row.settled);
        }
    }
    let total = tr(w.lang, "計", "Total");
    let budgets = totals(years.len(), rows.iter().map(|r| &r.budget));
    let settled = totals(years.len(), rows.iter().map(|r| &r.settled));
    row_of(total, kinds[0], &budgets);
    if with_settled {
        row_of(total, kinds[1], &settled);
    }
    let chart = chart.legend(Legend::new().type_(LegendType::Scroll).data(legend));
    let summary =
        format!("{subject}: {}, {}", latest(years, &budgets, kinds[0], w), latest(years, &settled, kinds[1], w));
    Figure { chart, name, summary, table, patch: serde_json::Value::Null }
}

/// A bar series of amounts, gaps as `null`, each bar named by its full fiscal year.
fn bars(years: &[FiscalYear], amounts: &[Option<Money>], w: Words) -> Bar {
    Bar::new().data(years.iter().zip(amounts).map(|(y, a)| point(*a, &long_year(*y, w))).collect())
}

/// The sum of the rows per year; `None` in a year where no row has an amount.
fn totals<'a>(len: usize, rows: impl Iterator<Item = &'a Vec<Option<Money>>>) -> Vec<Option<Money>> {
    let mut sums = vec![None; len];
    for row in rows {
        for (sum, a) in sums.iter_mut().zip(row) {
            if let Some(a) = a {
                *sum = Some(sum.unwrap_or(0) + a);
            }
        }
    }
    sums
}

/// "予算額 令和6年度 計 2,300千円" for the latest year with an amount, or "予算額の記録なし".
fn latest(years: &[FiscalYear], totals: &[Option<Money>], kind: &str, w: Words) -> String {
    let found = years.iter().zip(totals).rev().find_map(|(y, t)| t.map(|t| (*y, t)));
    match (found, w.lang) {
        (Some((y, t)), Language::Ja) => format!("{kind} {} 計 {}千円", long_year(y, w), locale::number(t as f64)),
        (Some((y, t)), Language::En) => {
            format!("{} {} total {} thousand yen", kind.to_lowercase(), long_year(y, w), locale::number(t as f64))
        }
        (None, Language::Ja) => format!("{kind}の記録なし"),
        (None, Language::En) => format!("no {} recorded", kind.to_lowercase()),
    }
}

/// The fiscal years of the axis: the plan's period, widened to every year in `with_amounts`.
pub fn span(period: crate::model::PlanPeriod, with_amounts: impl Iterator<Item = FiscalYear>) -> Vec<FiscalYear> {
    let (first, last) = with_amounts.fold((period.first, period.last), |(a, b), y| (a.min(y), b.max(y)));
    super::common::years(first, last)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::charts::testing::*;
    use crate::model::PlanPeriod;

    fn rows() -> Vec<Row> {
        vec![
            Row {
                short: "A".into(),
                label: "A 事業".into(),
                colour: "#0072B2",
                budget: vec![Some(100), None, Some(300)],
                settled: vec![Some(90), None, None],
            },
            Row {
                short: "B".into(),
                label: "B 事業".into(),
                colour: "#D55E00",
                budget: vec![None, None, Some(5)],
                settled: vec![None; 3],
            },
        ]
    }

    #[test]
    fn budget_and_settled_stack_side_by_side_with_gaps() {
        let years = [FiscalYear(2022), FiscalYear(2023), FiscalYear(2024)];
        let f = figure(&years, &rows(), "事業", "予算".into(), "施策", JA);
        let o = f.option();
        assert_eq!(legend(&o), ["A 予算額", "A 決算額", "B 予算額", "B 決算額"]);
        assert_eq!(values(series(&o, "A 予算額")), [Some(100.0), None, Some(300.0)]);
        assert_eq!(series(&o, "A 予算額")["stack"], "budget");
        assert_eq!(series(&o, "B 決算額")["stack"], "settled");
        assert_eq!(values(series(&o, "B 決算額")), [None, None, None]);
        assert_eq!(series(&o, "B 予算額")["itemStyle"]["color"], "#D55E00");
        assert_eq!(o["yAxis"]["name"], "千円");
        assert_eq!(f.table.rows[4], ["計", "予算額", "100", "—", "305"]);
        assert_eq!(f.table.rows[5], ["計", "決算額", "90", "—", "—"]);
        assert_eq!(f.summary, "施策: 予算額 令和6年度 計 305千円, 決算額 令和4年度 計 90千円");
        assert_numbers_in_table(&f, Some(2));
    }

    #[test]
    fn without_settled_costs_only_budgets_are_drawn() {
        let mut rows = rows();
        rows[0].settled = vec![None; 3];
        let f =
            figure(&[FiscalYear(2022), FiscalYear(2023), FiscalYear(2024)], &rows, "事業", "予算".into(), "施策", EN);
        assert_eq!(legend(&f.option()), ["A: budget", "B: budget"]);
        assert_eq!(f.table.rows.len(), 3);
        assert_eq!(f.summary, "施策: budget FY2024 total 305 thousand yen, no settled cost recorded");
    }

    #[test]
    fn the_span_covers_the_plan_and_every_amount() {
        let period = PlanPeriod { first: FiscalYear(2022), last: FiscalYear(2025) };
        assert_eq!(span(period, [FiscalYear(2020)].into_iter()), (2020..=2025).map(FiscalYear).collect::<Vec<_>>());
        assert_eq!(span(period, std::iter::empty()).len(), 4);
    }
}
