//! Indicator status per goal: stacked horizontal bars (achieved / on track / behind / no data)
//! in the status colours the whole app uses.

use crate::charts::common::{count_axis, goal_label, item_tooltip, point};
use crate::charts::{Figure, Table, Words};
use crate::locale::{self, tr, Language};
use crate::model::{Status, StatusMix, Strategy, STATUSES};
use charming::component::{Axis, Grid, Legend};
use charming::element::{AxisType, ItemStyle};
use charming::series::Bar;
use charming::Chart;
use serde_json::json;

/// The colour of a status, everywhere (charts and badges): achieved green, on track blue,
/// behind orange, no data grey.
pub fn status_colour(status: Status) -> &'static str {
    match status {
        Status::Achieved => "#2E7D32",
        Status::OnTrack => "#1565C0",
        Status::Behind => "#E65100",
        Status::NoData => crate::charts::common::GREY,
    }
}

/// One bar per goal (first goal on top), split into how many of its indicators (数値目標 and
/// its measures' KPIs, each once) are achieved, on track, behind or without data.
pub fn status_by_goal(s: &Strategy, w: Words) -> Figure {
    let labels: Vec<String> = s.goals.iter().map(|g| goal_label(g, w.lang)).collect();
    let mixes: Vec<StatusMix> = s.goals.iter().map(|g| s.goal_mix(g)).collect();
    let mut chart = Chart::new()
        .tooltip(item_tooltip())
        .grid(Grid::new().contain_label(true).left(8).right(24).top(40).bottom(36))
        .legend(Legend::new().data(STATUSES.iter().map(|st| locale::status(*st, w.lang)).collect()))
        .x_axis(count_axis(tr(w.lang, "指標数", "Indicators")))
        .y_axis(Axis::new().type_(AxisType::Category).inverse(true).data(labels.clone()));
    for status in STATUSES {
        let data = mixes.iter().zip(&labels).map(|(m, label)| point(Some(m.get(status) as i64), label)).collect();
        chart = chart.series(
            Bar::new()
                .name(locale::status(status, w.lang))
                .stack("status")
                .item_style(ItemStyle::new().color(status_colour(status)))
                .data(data),
        );
    }
    let mut columns = vec![tr(w.lang, "目標", "Goal").to_owned()];
    columns.extend(STATUSES.iter().map(|st| locale::status(*st, w.lang).to_owned()));
    columns.push(tr(w.lang, "計", "Total").to_owned());
    let rows = mixes
        .iter()
        .zip(&labels)
        .map(|(m, label)| {
            let mut row = vec![label.clone()];
            row.extend(STATUSES.iter().map(|st| locale::number(m.get(*st) as f64)));
            row.push(locale::number(m.total() as f64));
            row
        })
        .collect();
    let name = tr(w.lang, "目標ごとの指標の達成状況", "Indicator status by goal").to_owned();
    // Long goal titles are cut with "…" on the axis (tooltips and the table keep them whole).
    let patch = json!({ "yAxis": { "axisLabel": { "width": 220, "overflow": "truncate" } } });
    Figure { chart, name, summary: summary(&mixes, w.lang), table: Table { columns, rows }, patch }
}

/// "6つの目標の指標 延べ16件: 達成 0件, 順調 0件, 遅れ 0件, データなし 16件".
fn summary(mixes: &[StatusMix], lang: Language) -> String {
    if mixes.is_empty() {
        return tr(lang, "目標がまだありません", "No goals yet").to_owned();
    }
    let mut sum = StatusMix::default();
    for m in mixes {
        sum.achieved += m.achieved;
        sum.on_track += m.on_track;
        sum.behind += m.behind;
        sum.no_data += m.no_data;
    }
    let counts: Vec<String> = STATUSES
        .iter()
        .map(|st| match lang {
            Language::Ja => format!("{} {}件", locale::status(*st, lang), sum.get(*st)),
            Language::En => format!("{} {}", locale::status(*st, lang), sum.get(*st)),
        })
        .collect();
    match lang {
        Language::Ja => format!("{}つの目標の指標 延べ{}件: {}", mixes.len(), sum.total(), counts.join(", ")),
        Language::En => format!("Indicators of {} goals ({} in all): {}", mixes.len(), sum.total(), counts.join(", ")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::charts::testing::*;
    use crate::model::{Actual, Baseline, FiscalYear, GoalKind, Indicator, PlanPeriod, Target};

    /// Goal 1: 3 targets (achieved, behind, no data); goal 2 (title XSS): one measure whose KPIs
    /// are on track and achieved — the achieved one shared with goal 1.
    fn strategy() -> Strategy {
        let mut s = Strategy::blank("戦略", "町", PlanPeriod { first: FiscalYear(2022), last: FiscalYear(2025) });
        let indicator = |actual: Option<f64>| {
            let mut ind = Indicator::new("1", "指標", "人");
            ind.series[0].baseline = Some(Baseline { value: 0.0, year: Some(FiscalYear(2021)) });
            ind.series[0].target = Some(Target::Value { value: 100.0, year: Some(FiscalYear(2025)) });
            if let Some(v) = actual {
                ind.series[0].actuals.push(Actual::new(FiscalYear(2023), v));
            }
            ind
        };
        // 2023 is half-way: 100 achieved, 20 behind, 60 on track.
        let inds = [indicator(Some(100.0)), indicator(Some(20.0)), indicator(None), indicator(Some(60.0))];
        let ids: Vec<_> = inds.iter().map(|i| i.id.clone()).collect();
        s.indicators = inds.into_iter().map(Into::into).collect();
        let g1 = s.add_goal(GoalKind::Basic);
        let g2 = s.add_goal(GoalKind::CrossCutting);
        s.goal_mut(&g1).unwrap().targets = ids[..3].to_vec();
        s.goal_mut(&g1).unwrap().title = "稼ぐ産業".into();
        s.goal_mut(&g2).unwrap().title = XSS.into();
        let m = s.add_measure(&g2).unwrap();
        s.measure_mut(&m).unwrap().kpis = vec![ids[3].clone(), ids[0].clone()];
        s
    }

    /// A status colour (a bar, a badge's edge, a workshop dot) stands out from the page: 3:1,
    /// WCAG's figure for graphics. The status is always said in words beside it too.
    #[test]
    fn status_colours_stand_out_from_the_page() {
        for status in crate::model::STATUSES {
            let ratio = crate::model::colour::contrast_ratio(status_colour(status), "#FFFFFF");
            assert!(ratio >= 3.0, "{status:?}: {ratio:.2}");
        }
    }

    #[test]
    fn counts_per_goal_in_fixed_colours() {
        let s = strategy();
        let f = status_by_goal(&s, JA);
        let o = f.option();
        assert_eq!(legend(&o), ["達成", "順調", "遅れ", "データなし"]);
        assert_eq!(values(series(&o, "達成")), [Some(1.0), Some(1.0)]);
        assert_eq!(values(series(&o, "順調")), [Some(0.0), Some(1.0)]);
        assert_eq!(values(series(&o, "遅れ")), [Some(1.0), Some(0.0)]);
        assert_eq!(values(series(&o, "データなし")), [Some(1.0), Some(0.0)]);
        let colours: Vec<&str> = all_series(&o).iter().map(|x| x["itemStyle"]["color"].as_str().unwrap()).collect();
        assert_eq!(colours, ["#2E7D32", "#1565C0", "#E65100", "#8A8A8A"]);
        assert!(all_series(&o).iter().all(|x| x["stack"] == "status" && x["type"] == "bar"));
        assert_eq!(o["yAxis"]["type"], "category");
        assert_eq!(o["yAxis"]["inverse"], true);
        assert_eq!(o["yAxis"]["axisLabel"]["overflow"], "truncate");
        let goal1 = "基本目標1 稼ぐ産業".to_owned();
        assert_eq!(strings(&o["yAxis"]["data"]), [goal1.clone(), format!("横断的な目標1 {XSS}")]);
        assert_eq!(series(&o, "遅れ")["data"][1]["name"], format!("横断的な目標1 {XSS}"));
        assert_eq!(f.table.rows[0], [goal1, "1".into(), "0".into(), "1".into(), "1".into(), "3".into()]);
        assert_eq!(f.summary, "2つの目標の指標 延べ5件: 達成 2件, 順調 1件, 遅れ 1件, データなし 1件");
        assert_numbers_in_table(&f, None);
        assert_accessible(&f);
    }

    #[test]
    fn english_labels() {
        let f = status_by_goal(&strategy(), EN);
        let o = f.option();
        assert_eq!(legend(&o), ["Achieved", "On track", "Behind", "No data"]);
        assert_eq!(strings(&o["yAxis"]["data"])[1], format!("Cross-cutting goal 1: {XSS}"));
        assert_eq!(f.summary, "Indicators of 2 goals (5 in all): Achieved 2, On track 1, Behind 1, No data 1");
    }

    #[test]
    fn kitamoto_has_six_goals_without_data_yet() {
        let s = example("kitamoto");
        let f = status_by_goal(&s, JA);
        let o = f.option();
        assert_eq!(strings(&o["yAxis"]["data"]).len(), 6);
        // No actuals in the example: every indicator of every goal has no data.
        let expected: Vec<Option<f64>> = s.goals.iter().map(|g| Some(g.targets.len() as f64)).collect();
        assert_eq!(values(series(&o, "データなし")), expected);
        assert_eq!(values(series(&o, "達成")), vec![Some(0.0); 6]);
        assert_eq!(f.summary, "6つの目標の指標 延べ16件: 達成 0件, 順調 0件, 遅れ 0件, データなし 16件");
        assert_numbers_in_table(&f, None);
    }

    #[test]
    fn no_goals_no_bars() {
        let s = Strategy::blank("t", "町", PlanPeriod { first: FiscalYear(2022), last: FiscalYear(2025) });
        let f = status_by_goal(&s, JA);
        assert_eq!(f.summary, "目標がまだありません");
        assert!(f.table.rows.is_empty());
    }
}
