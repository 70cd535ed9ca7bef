//! The previous period's actuals on a carried indicator's chart (次期へ引き継ぐ, `model::carry`):
//! one thin grey dotted line per old series, named after the old strategy's period, so that the
//! new period's line visibly continues the old one. Its table row says where it comes from.

use super::super::common::{cell, long_year, point};
use super::super::{Table, Words};
use crate::locale::{self, Language};
use crate::model::{FiscalYear, Indicator};
use charming::element::{ItemStyle, LineStyle, LineStyleType, Symbol};
use charming::series::Line;

const HISTORY_GREY: &str = "#7a7a7a";

/// The years the previous period's actuals need on the axis.
pub fn years(ind: &Indicator) -> impl Iterator<Item = FiscalYear> + '_ {
    ind.predecessor.iter().flat_map(|p| p.series.iter()).flat_map(|s| s.actuals.iter().map(|a| a.year))
}

/// 「前期の実績（令和2年度〜令和6年度）」 — with a series' label when the old indicator had several.
fn name(ind: &Indicator, k: usize, w: Words) -> Option<String> {
    let p = ind.predecessor.as_ref()?;
    let period = format!("{}〜{}", long_year(p.period.first, w), long_year(p.period.last, w));
    let label = p.series.get(k).map(|s| s.label.trim()).filter(|l| !l.is_empty() && p.series.len() > 1);
    Some(match (w.lang, label) {
        (Language::Ja, Some(l)) => format!("前期の実績 {l}（{period}）"),
        (Language::Ja, None) => format!("前期の実績（{period}）"),
        (Language::En, Some(l)) => format!("Last period's actuals, {l} ({period})"),
        (Language::En, None) => format!("Last period's actuals ({period})"),
    })
}

/// The lines of the previous period's actuals on this axis, with their table rows and names.
pub fn lines(ind: &Indicator, axis: &[FiscalYear], w: Words, table: &mut Table) -> Vec<(String, Line)> {
    let Some(p) = &ind.predecessor else { return Vec::new() };
    p.series
        .iter()
        .enumerate()
        .filter(|(_, s)| !s.actuals.is_empty())
        .filter_map(|(k, s)| {
            let name = name(ind, k, w)?;
            let values: Vec<Option<f64>> = axis
                .iter()
                .map(|y| s.actuals.iter().find(|a| a.year == *y).map(|a| a.value).filter(|v| v.is_finite()))
                .collect();
            let mut row = vec![name.clone(), locale::tr(w.lang, "前期の実績", "Last period").to_owned()];
            row.extend(values.iter().map(|v| cell(*v)));
            table.rows.push(row);
            let data = axis.iter().zip(&values).map(|(y, v)| point(*v, &long_year(*y, w))).collect();
            let line = Line::new()
                .name(name.as_str())
                .connect_nulls(false)
                .symbol(Symbol::Circle)
                .symbol_size(5)
                .item_style(ItemStyle::new().color(HISTORY_GREY))
                .line_style(LineStyle::new().color(HISTORY_GREY).width(1.5).type_(LineStyleType::Dotted))
                .z(1)
                .data(data);
            Some((name, line))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::super::chart;
    use crate::charts::testing::*;
    use crate::model::{FiscalYear, NextPeriod, PlanPeriod, Series, Strategy};

    /// 北本市's 2-2 65歳健康寿命 with actuals 18.6 (令和4年度) and 18.8 (令和5年度) for men,
    /// carried into 令和8〜12年度.
    fn carried() -> Strategy {
        let mut old = example("kitamoto");
        let id = old.indicators.iter().find(|i| i.code == "2-2").unwrap().id.clone();
        let ind = old.indicator_mut(&id).unwrap();
        let men: &mut Series = &mut ind.series[0];
        men.set_actual(FiscalYear(2022), Some(18.6));
        men.set_actual(FiscalYear(2023), Some(18.8));
        old.next_period(&NextPeriod {
            title: "第3期".into(),
            period: PlanPeriod { first: FiscalYear(2026), last: FiscalYear(2030) },
            indicators: vec![id],
            frame: None,
        })
    }

    #[test]
    fn the_old_actuals_continue_on_the_new_chart() {
        let s = carried();
        let f = chart(&s, &s.indicators[0], JA);
        let o = f.option();
        // The axis runs from the women's baseline kept from the old period (令和元年度: they had
        // no actual to propose a new one from) through the old actuals to the new plan's end.
        let axis = strings(&o["xAxis"]["data"]);
        assert_eq!(axis, ["R1", "R2", "R3", "R4", "R5", "R6", "R7", "R8", "R9", "R10", "R11", "R12"]);
        let old = series(&o, "前期の実績 男性（令和4年度〜令和7年度）");
        assert_eq!(old["lineStyle"]["type"], "dotted");
        assert_eq!(values(old)[2..6], [None, Some(18.6), Some(18.8), None]);
        // Women had no actuals: no line for them.
        assert!(legend(&o).iter().all(|l| !l.contains("女性（令和4年度")));
        assert!(legend(&o).contains(&"前期の実績 男性（令和4年度〜令和7年度）".to_owned()));
        let row = f.table.rows.iter().find(|r| r[1] == "前期の実績").unwrap();
        assert_eq!(row[5..7], ["18.6", "18.8"]);
    }

    #[test]
    fn an_indicator_not_carried_has_no_history() {
        let s = example("kitamoto");
        let f = chart(&s, &s.indicators[0], JA);
        assert!(legend(&f.option()).iter().all(|l| !l.starts_with("前期の実績")));
    }
}
