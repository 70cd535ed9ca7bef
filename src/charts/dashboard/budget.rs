//! Budgets per goal: each goal's 予算額 and 決算額 (千円) per fiscal year, the goal's 計 as the
//! model computes it (each initiative once; a year without amounts is a gap, not 0).

use crate::charts::common::{colour, goal_label, goal_short};
use crate::charts::money::{self, Row};
use crate::charts::{Figure, Words};
use crate::locale::tr;
use crate::model::Strategy;

/// Two stacked columns per fiscal year — budget, settled cost — split by goal in the goals'
/// colours (see `charts::money`); a year with nothing is a gap.
pub fn budget_by_goal(s: &Strategy, w: Words) -> Figure {
    let with_amounts = s
        .initiatives()
        .flat_map(|(_, i)| i.years.iter().filter(|y| y.budget.is_some() || y.settled.is_some()).map(|y| y.fiscal_year));
    let years = money::span(s.period, with_amounts);
    let shorts: Vec<String> = s.goals.iter().map(|g| goal_short(g, w.lang)).collect();
    let unique = shorts.iter().enumerate().all(|(i, x)| !shorts[..i].contains(x));
    let rows: Vec<Row> = s
        .goals
        .iter()
        .enumerate()
        .map(|(n, g)| {
            let totals: Vec<_> = years.iter().map(|y| s.goal_totals(g, *y)).collect();
            Row {
                short: if unique { shorts[n].clone() } else { goal_label(g, w.lang) },
                label: goal_label(g, w.lang),
                colour: colour(n),
                budget: totals.iter().map(|t| t.budget).collect(),
                settled: totals.iter().map(|t| t.settled).collect(),
            }
        })
        .collect();
    let name = tr(w.lang, "目標ごとの予算額・決算額", "Budget and settled cost by goal").to_owned();
    money::figure(&years, &rows, tr(w.lang, "目標", "Goal"), name, tr(w.lang, "全目標", "All goals"), w)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::charts::testing::*;
    use crate::model::{FiscalYear, GoalKind, Initiative, InitiativeYear, Money, PlanPeriod};

    fn year(y: i32, budget: Option<Money>, settled: Option<Money>) -> InitiativeYear {
        InitiativeYear::with_amounts(FiscalYear(y), budget, settled)
    }

    /// Goal 1 (title XSS): two initiatives; goal 2: one, with a 2021 amount before the plan.
    fn strategy() -> Strategy {
        let mut s = Strategy::blank("t", "町", PlanPeriod { first: FiscalYear(2022), last: FiscalYear(2024) });
        let g1 = s.add_goal(GoalKind::Basic);
        let g2 = s.add_goal(GoalKind::Basic);
        s.goal_mut(&g1).unwrap().title = XSS.into();
        let m1 = s.add_measure(&g1).unwrap();
        let m2 = s.add_measure(&g2).unwrap();
        let mut a = Initiative::new("1", "A");
        a.years = vec![year(2022, Some(1_000), Some(900)), year(2023, Some(1_200), None)];
        let mut b = Initiative::new("2", "B");
        b.years = vec![year(2022, Some(500), None), year(2024, None, None)];
        let mut c = Initiative::new("1", "C");
        c.years = vec![year(2021, Some(70), Some(70)), year(2023, Some(30), None)];
        s.measure_mut(&m1).unwrap().initiatives = vec![a.into(), b.into()];
        s.measure_mut(&m2).unwrap().initiatives = vec![c.into()];
        s
    }

    #[test]
    fn each_goal_per_year_with_gaps() {
        let f = budget_by_goal(&strategy(), JA);
        let o = f.option();
        assert_eq!(strings(&o["xAxis"]["data"]), ["R3", "R4", "R5", "R6"]);
        assert_eq!(legend(&o), ["基本目標1 予算額", "基本目標1 決算額", "基本目標2 予算額", "基本目標2 決算額"]);
        assert_eq!(values(series(&o, "基本目標1 予算額")), [None, Some(1_500.0), Some(1_200.0), None]);
        assert_eq!(values(series(&o, "基本目標1 決算額")), [None, Some(900.0), None, None]);
        assert_eq!(values(series(&o, "基本目標2 予算額")), [Some(70.0), None, Some(30.0), None]);
        assert_eq!(series(&o, "基本目標2 予算額")["itemStyle"]["color"], "#D55E00");
        assert_eq!(o["yAxis"]["name"], "千円");
        assert_eq!(
            f.table.rows[0],
            [format!("基本目標1 {XSS}"), "予算額".into(), "—".into(), "1,500".into(), "1,200".into(), "—".into()]
        );
        assert_eq!(f.table.rows[4][2..], ["70", "1,500", "1,230", "—"]);
        assert_eq!(f.summary, "全目標: 予算額 令和5年度 計 1,230千円, 決算額 令和4年度 計 900千円");
        assert_numbers_in_table(&f, Some(2));
        assert_accessible(&f);
        let w = budget_by_goal(&strategy(), JA_WESTERN).option();
        assert_eq!(strings(&w["xAxis"]["data"]), ["2021", "2022", "2023", "2024"]);
    }

    /// 北斗市: 基本目標4 令和6年度 — its initiatives' budgets summed by hand from the file.
    #[test]
    fn hokuto() {
        let s = example("hokuto");
        let f = budget_by_goal(&s, JA);
        let o = f.option();
        let labels = strings(&o["xAxis"]["data"]);
        let r6 = labels.iter().position(|l| l == "R6").expect("R6 on the axis");
        let owned: i64 = s.goals[3]
            .measures
            .iter()
            .flat_map(|m| &m.initiatives)
            .filter_map(|i| i.year(FiscalYear(2024)).and_then(|y| y.budget))
            .sum();
        assert_eq!(values(series(&o, "基本目標4 予算額"))[r6], Some(owned as f64));
        // Goals 1–3 (the outline) have no amounts: gaps, not zeros.
        assert!(values(series(&o, "基本目標1 予算額")).iter().all(Option::is_none));
        assert_numbers_in_table(&f, Some(2));
        assert_eq!(labels[0], "R2", "the plan starts in 令和2年度");
    }
}
