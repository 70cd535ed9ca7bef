//! The measures' ratings (施策評価) of one fiscal year: how many measures got each label of the
//! strategy's rating rule, and how many are not rated yet.

use crate::charts::common::{category_axis, colour, item_tooltip, long_year, styled_point, value_axis, GREY};
use crate::charts::{Figure, Table, Words};
use crate::locale::{self, tr, Language};
use crate::model::{FiscalYear, Strategy};
use charming::component::Grid;
use charming::element::ItemStyle;
use charming::series::Bar;
use charming::Chart;

/// One bar per rating label, in the rule's order (best first, the no-data label last), then any
/// label the rule no longer has, then "未評価" (no evaluation or no rating that year, grey). A
/// measure's rating is its last stage's (`Measure::rating`).
pub fn ratings(s: &Strategy, year: FiscalYear, w: Words) -> Figure {
    let not_rated = tr(w.lang, "未評価", "Not rated");
    let mut labels: Vec<String> = s.rating_rule.labels().into_iter().map(str::to_owned).collect();
    let rated: Vec<Option<&str>> = s.measures().map(|(_, m)| m.rating(year)).collect();
    for label in rated.iter().flatten() {
        if !labels.iter().any(|l| l == label) {
            labels.push((*label).to_owned());
        }
    }
    let mut counts: Vec<usize> =
        labels.iter().map(|l| rated.iter().filter(|r| **r == Some(l.as_str())).count()).collect();
    labels.push(not_rated.to_owned());
    counts.push(rated.iter().filter(|r| r.is_none()).count());
    let last = labels.len() - 1;
    let data = counts
        .iter()
        .zip(&labels)
        .enumerate()
        .map(|(i, (n, label))| {
            styled_point(Some(*n as i64), label, ItemStyle::new().color(if i == last { GREY } else { colour(0) }))
        })
        .collect();
    let measures = tr(w.lang, "施策数", "Measures");
    let chart = Chart::new()
        .tooltip(item_tooltip())
        .grid(Grid::new().contain_label(true).left(8).right(24).top(40).bottom(8))
        .x_axis(category_axis(labels.clone()))
        .y_axis(value_axis(measures).min_interval(1))
        .series(Bar::new().name(measures).data(data));
    let rows = labels.iter().zip(&counts).map(|(l, n)| vec![l.clone(), locale::number(*n as f64)]).collect();
    let table = Table { columns: vec![tr(w.lang, "評価", "Rating").to_owned(), measures.to_owned()], rows };
    let when = long_year(year, w);
    let name = match w.lang {
        Language::Ja => format!("{when}の施策評価"),
        Language::En => format!("Measure ratings, {when}"),
    };
    let parts: Vec<String> = labels
        .iter()
        .zip(&counts)
        .map(|(l, n)| match w.lang {
            Language::Ja => format!("{l} {n}件"),
            Language::En => format!("{l} {n}"),
        })
        .collect();
    let summary = match w.lang {
        Language::Ja => format!("{name} ({}施策): {}", rated.len(), parts.join(", ")),
        Language::En => format!("{name} ({} measures): {}", rated.len(), parts.join(", ")),
    };
    Figure { chart, name, summary, table, patch: serde_json::Value::Null }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::charts::testing::*;
    use crate::model::{Evaluation, GoalKind, PlanPeriod, RatingPreset};

    fn evaluation(year: i32, rating: Option<&str>) -> Evaluation {
        Evaluation { rating: rating.map(str::to_owned), ..Evaluation::new(FiscalYear(year)) }
    }

    /// Five measures rated in 令和5年度: ◎, ○, ○, an old label "Z", one unrated; one rated only in 令和4年度.
    fn strategy() -> Strategy {
        let mut s = Strategy::blank("t", "町", PlanPeriod { first: FiscalYear(2022), last: FiscalYear(2025) });
        s.rating_rule = RatingPreset::Marks.rule();
        let g = s.add_goal(GoalKind::Basic);
        for rating in [Some("◎"), Some("○"), Some("○"), Some(XSS), None] {
            let m = s.add_measure(&g).unwrap();
            s.measure_mut(&m).unwrap().evaluations = vec![evaluation(2023, rating), evaluation(2022, Some("×"))];
        }
        let m = s.add_measure(&g).unwrap();
        s.measure_mut(&m).unwrap().evaluations = vec![evaluation(2022, Some("△"))];
        s
    }

    #[test]
    fn counts_by_the_rule_labels_then_unknown_then_not_rated() {
        let f = ratings(&strategy(), FiscalYear(2023), JA);
        let o = f.option();
        assert_eq!(strings(&o["xAxis"]["data"]), ["◎", "○", "△", "×", "−", XSS, "未評価"]);
        let bars = series(&o, "施策数");
        assert_eq!(values(bars), [Some(1.0), Some(2.0), Some(0.0), Some(0.0), Some(0.0), Some(1.0), Some(2.0)]);
        assert_eq!(bars["data"][6]["itemStyle"]["color"], "#8A8A8A");
        assert_eq!(bars["data"][0]["itemStyle"]["color"], "#0072B2");
        assert_eq!(bars["data"][5]["name"], XSS);
        assert_eq!(f.name, "令和5年度の施策評価");
        assert_eq!(
            f.summary,
            format!("令和5年度の施策評価 (6施策): ◎ 1件, ○ 2件, △ 0件, × 0件, − 0件, {XSS} 1件, 未評価 2件")
        );
        assert_eq!(f.table.rows[6], ["未評価", "2"]);
        assert_numbers_in_table(&f, None);
        assert_accessible(&f);
    }

    #[test]
    fn another_year_and_english() {
        let f = ratings(&strategy(), FiscalYear(2022), EN);
        let o = f.option();
        assert_eq!(strings(&o["xAxis"]["data"]), ["◎", "○", "△", "×", "−", "Not rated"]);
        assert_eq!(values(series(&o, "Measures")), [Some(0.0), Some(0.0), Some(1.0), Some(5.0), Some(0.0), Some(0.0)]);
        assert_eq!(f.name, "Measure ratings, FY2022");
    }

    /// 北斗市 令和5年度: the evaluation sheets of 基本目標4 — A 2, B 10, C 5 of its 17 rated
    /// measures; the other 13 measures have no sheet.
    #[test]
    fn hokuto_2023() {
        let s = example("hokuto");
        let f = ratings(&s, FiscalYear(2023), JA);
        let o = f.option();
        assert_eq!(strings(&o["xAxis"]["data"]), ["A", "B", "C", "D", "未評価"]);
        assert_eq!(values(series(&o, "施策数")), [Some(2.0), Some(10.0), Some(5.0), Some(0.0), Some(13.0)]);
        assert_eq!(f.summary, "令和5年度の施策評価 (30施策): A 2件, B 10件, C 5件, D 0件, 未評価 13件");
        assert_numbers_in_table(&f, None);
    }
}
