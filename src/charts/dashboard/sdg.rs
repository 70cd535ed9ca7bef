//! SDG coverage: for each of the 17 SDGs, how many goals and how many measures are tagged with
//! it, as horizontal bars in the official SDG colours (goals solid, measures pale).

use crate::charts::common::{count_axis, item_tooltip, styled_point};
use crate::charts::{Figure, Table, Words};
use crate::locale::{self, tr, Language};
use crate::model::{Sdg, Strategy};
use charming::component::{Axis, Grid, Legend};
use charming::element::{AxisType, ItemStyle};
use charming::series::Bar;
use charming::Chart;

/// Two bars per SDG (SDG 1 on top): the goals and the measures tagged with it, each counted once.
pub fn sdg_coverage(s: &Strategy, w: Words) -> Figure {
    let sdgs: Vec<Sdg> = Sdg::all().collect();
    let labels: Vec<String> = sdgs.iter().map(|g| sdg_label(*g, w.lang)).collect();
    let goals: Vec<usize> = sdgs.iter().map(|g| s.goals.iter().filter(|x| x.sdgs.contains(g)).count()).collect();
    let measures: Vec<usize> = sdgs.iter().map(|g| s.measures().filter(|(_, m)| m.sdgs.contains(g)).count()).collect();
    let (goals_name, measures_name) = (tr(w.lang, "目標", "Goals"), tr(w.lang, "施策", "Measures"));
    let bars = |name: &str, counts: &[usize], opacity: f64| {
        let data = sdgs
            .iter()
            .zip(counts)
            .zip(&labels)
            .map(|((g, n), label)| {
                styled_point(Some(*n as i64), label, ItemStyle::new().color(g.colour()).opacity(opacity))
            })
            .collect();
        Bar::new().name(name).item_style(ItemStyle::new().color("#555555").opacity(opacity)).data(data)
    };
    let chart = Chart::new()
        .tooltip(item_tooltip())
        .grid(Grid::new().contain_label(true).left(8).right(24).top(40).bottom(36))
        .legend(Legend::new().data(vec![goals_name, measures_name]))
        .x_axis(count_axis(tr(w.lang, "件数", "Count")))
        .y_axis(Axis::new().type_(AxisType::Category).inverse(true).data(labels.clone()))
        .series(bars(goals_name, &goals, 1.0))
        .series(bars(measures_name, &measures, 0.5));
    let rows = labels
        .iter()
        .zip(goals.iter().zip(&measures))
        .map(|(l, (g, m))| vec![l.clone(), locale::number(*g as f64), locale::number(*m as f64)])
        .collect();
    let table = Table { columns: vec!["SDGs".to_owned(), goals_name.to_owned(), measures_name.to_owned()], rows };
    let name = tr(w.lang, "SDGsの各目標との対応", "Coverage of the SDGs").to_owned();
    let summary = summary(&sdgs, &goals, &measures, w.lang);
    Figure { chart, name, summary, table, patch: serde_json::Value::Null }
}

/// "11 住み続けられるまちづくりを" / "11 Sustainable cities and communities".
fn sdg_label(g: Sdg, lang: Language) -> String {
    let name = match lang {
        Language::Ja => g.japanese(),
        Language::En => g.english(),
    };
    format!("{} {name}", g.0)
}

/// "17のうち3つのSDGsに対応 (最多: 11 住み続けられるまちづくりを — 目標2件, 施策5件)".
fn summary(sdgs: &[Sdg], goals: &[usize], measures: &[usize], lang: Language) -> String {
    let covered = goals.iter().zip(measures).filter(|(g, m)| **g + **m > 0).count();
    let top = (0..sdgs.len())
        .filter(|i| goals[*i] + measures[*i] > 0)
        .max_by_key(|i| (goals[*i] + measures[*i], std::cmp::Reverse(*i)));
    match (top, lang) {
        (None, Language::Ja) => "SDGsとの対応づけはまだありません".to_owned(),
        (None, Language::En) => "No goal or measure is linked to an SDG yet".to_owned(),
        (Some(i), Language::Ja) => format!(
            "17のうち{covered}のSDGsに対応 (最多: {} — 目標{}件, 施策{}件)",
            sdg_label(sdgs[i], lang),
            goals[i],
            measures[i]
        ),
        (Some(i), Language::En) => format!(
            "{covered} of the 17 SDGs covered (most: {} — {} goals, {} measures)",
            sdg_label(sdgs[i], lang),
            goals[i],
            measures[i]
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::charts::testing::*;
    use crate::model::{FiscalYear, GoalKind, PlanPeriod};

    /// The official colours, SDG 1 to 17, as the UN publishes them.
    const OFFICIAL: [&str; 17] = [
        "#E5243B", "#DDA63A", "#4C9F38", "#C5192D", "#FF3A21", "#26BDE2", "#FCC30B", "#A21942", "#FD6925", "#DD1367",
        "#FD9D24", "#BF8B2E", "#3F7E44", "#0A97D9", "#56C02B", "#00689D", "#19486A",
    ];

    /// Goal 1 → SDG 3, 11; goal 2 → SDG 11; measures → SDG 11, 11+13, 4.
    fn strategy() -> Strategy {
        let mut s = Strategy::blank("t", "町", PlanPeriod { first: FiscalYear(2022), last: FiscalYear(2025) });
        let g1 = s.add_goal(GoalKind::Basic);
        let g2 = s.add_goal(GoalKind::Basic);
        s.goal_mut(&g1).unwrap().sdgs = vec![Sdg(3), Sdg(11)];
        s.goal_mut(&g2).unwrap().sdgs = vec![Sdg(11)];
        for (goal, tags) in [(&g1, vec![Sdg(11)]), (&g1, vec![Sdg(11), Sdg(13)]), (&g2, vec![Sdg(4)])] {
            let m = s.add_measure(goal).unwrap();
            s.measure_mut(&m).unwrap().sdgs = tags;
        }
        s
    }

    fn nth(counts: &[(usize, f64)]) -> Vec<Option<f64>> {
        (1..=17).map(|n| Some(counts.iter().find(|(k, _)| *k == n).map_or(0.0, |(_, v)| *v))).collect()
    }

    #[test]
    fn counts_goals_and_measures_in_official_colours() {
        let f = sdg_coverage(&strategy(), JA);
        let o = f.option();
        let y = strings(&o["yAxis"]["data"]);
        assert_eq!(y.len(), 17);
        assert_eq!(y[0], "1 貧困をなくそう");
        assert_eq!(y[10], "11 住み続けられるまちづくりを");
        assert_eq!(legend(&o), ["目標", "施策"]);
        assert_eq!(values(series(&o, "目標")), nth(&[(3, 1.0), (11, 2.0)]));
        assert_eq!(values(series(&o, "施策")), nth(&[(4, 1.0), (11, 2.0), (13, 1.0)]));
        for name in ["目標", "施策"] {
            let colours: Vec<&str> = series(&o, name)["data"]
                .as_array()
                .unwrap()
                .iter()
                .map(|d| d["itemStyle"]["color"].as_str().unwrap())
                .collect();
            assert_eq!(colours, OFFICIAL);
        }
        assert_eq!(series(&o, "施策")["data"][0]["itemStyle"]["opacity"], 0.5);
        assert_eq!(f.table.rows[10], ["11 住み続けられるまちづくりを", "2", "2"]);
        assert_eq!(f.summary, "17のうち4のSDGsに対応 (最多: 11 住み続けられるまちづくりを — 目標2件, 施策2件)");
        assert_numbers_in_table(&f, None);
        assert_accessible(&f);
    }

    #[test]
    fn english_and_nothing_tagged() {
        let f = sdg_coverage(&example("kitamoto"), EN);
        let o = f.option();
        assert_eq!(strings(&o["yAxis"]["data"])[12], "13 Climate action");
        assert_eq!(values(series(&o, "Goals")), vec![Some(0.0); 17]);
        assert_eq!(f.summary, "No goal or measure is linked to an SDG yet");
    }
}
