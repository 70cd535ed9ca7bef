//! The charts of one measure: its initiatives' budgets. (Its KPI charts are
//! `charts::indicator::chart`.)

use super::common::{colour, measure_label, numbered};
use super::money::{self, Row};
use super::{Figure, Words};
use crate::locale::{tr, Language};
use crate::model::{FiscalYear, Initiative, Measure, Money, Strategy};

/// The measure's initiatives' 予算額 (and 決算額 when any was settled) per fiscal year in 千円,
/// stacked by initiative (see `charts::money`): its own initiatives, then the ones it re-lists,
/// marked "(再掲)" and counted only in the years the re-listing covers — the same amounts as the
/// measure's 計 on its evaluation sheet.
pub fn budgets(s: &Strategy, m: &Measure, w: Words) -> Figure {
    let relisted_mark = tr(w.lang, "(再掲)", "(relisted)");
    let mut listed: Vec<(&Initiative, Option<&[FiscalYear]>)> = m.initiatives.iter().map(|i| (&**i, None)).collect();
    for r in &m.relisted {
        if let Some(i) = s.initiative(&r.initiative) {
            listed.push((i, Some(r.years.as_slice())));
        }
    }
    let covers =
        |only: Option<&[FiscalYear]>, y: FiscalYear| only.is_none_or(|years| years.is_empty() || years.contains(&y));
    let with_amounts = listed.iter().flat_map(|(i, only)| {
        i.years
            .iter()
            .filter(move |y| (y.budget.is_some() || y.settled.is_some()) && covers(*only, y.fiscal_year))
            .map(|y| y.fiscal_year)
    });
    let years = money::span(s.period, with_amounts);
    let amounts = |i: &Initiative,
                   only: Option<&[FiscalYear]>,
                   pick: fn(&crate::model::InitiativeYear) -> Option<Money>|
     -> Vec<Option<Money>> {
        years.iter().map(|y| if covers(only, *y) { i.year(*y).and_then(pick) } else { None }).collect()
    };
    let rows: Vec<Row> = listed
        .iter()
        .enumerate()
        .map(|(n, (i, only))| {
            let mut label = numbered(&i.number, &i.title);
            if only.is_some() {
                label = format!("{label} {relisted_mark}");
            }
            Row {
                short: label.clone(),
                label,
                colour: colour(n),
                budget: amounts(i, *only, |y| y.budget),
                settled: amounts(i, *only, |y| y.settled),
            }
        })
        .collect();
    let subject = measure_label(m);
    let name = match w.lang {
        Language::Ja => format!("{subject}の予算額・決算額"),
        Language::En => format!("Budget and settled cost: {subject}"),
    };
    money::figure(&years, &rows, tr(w.lang, "事業", "Initiative"), name, &subject, w)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::charts::testing::*;
    use crate::model::{GoalKind, InitiativeYear, PlanPeriod, Relisting};

    fn year(y: i32, budget: Option<Money>, settled: Option<Money>) -> InitiativeYear {
        InitiativeYear::with_amounts(FiscalYear(y), budget, settled)
    }

    /// Measure "1 移住促進" owns A and B; it re-lists C (of another measure) for 令和6年度 only.
    fn strategy() -> (Strategy, crate::model::Id) {
        let mut s = Strategy::blank("t", "町", PlanPeriod { first: FiscalYear(2023), last: FiscalYear(2024) });
        let g = s.add_goal(GoalKind::Basic);
        let m = s.add_measure(&g).unwrap();
        let other = s.add_measure(&g).unwrap();
        let mut a = Initiative::new("(1)", XSS);
        a.years = vec![year(2023, Some(1_000), Some(950)), year(2024, Some(1_100), None)];
        let mut b = Initiative::new("(2)", "空き家バンク");
        b.years = vec![year(2024, Some(200), None)];
        let mut c = Initiative::new("(1)", "ふるさと納税");
        c.years = vec![year(2023, Some(5_000), Some(4_800)), year(2024, Some(6_000), None)];
        let c_id = c.id.clone();
        let measure = s.measure_mut(&m).unwrap();
        measure.number = "1".into();
        measure.title = "移住促進".into();
        measure.initiatives = vec![a.into(), b.into()];
        measure.relisted = vec![Relisting { initiative: c_id, years: vec![FiscalYear(2024)] }];
        s.measure_mut(&other).unwrap().initiatives = vec![c.into()];
        (s, m)
    }

    #[test]
    fn initiatives_stack_and_relisted_ones_are_marked() {
        let (s, id) = strategy();
        let m = s.measures().map(|(_, m)| m).find(|m| m.id == id).unwrap();
        let f = budgets(&s, m, JA);
        let o = f.option();
        assert_eq!(strings(&o["xAxis"]["data"]), ["R5", "R6"]);
        let a = format!("(1) {XSS}");
        assert_eq!(
            legend(&o),
            [
                format!("{a} 予算額"),
                format!("{a} 決算額"),
                "(2) 空き家バンク 予算額".into(),
                "(2) 空き家バンク 決算額".into(),
                "(1) ふるさと納税 (再掲) 予算額".into(),
                "(1) ふるさと納税 (再掲) 決算額".into()
            ]
        );
        assert_eq!(values(series(&o, &format!("{a} 予算額"))), [Some(1_000.0), Some(1_100.0)]);
        assert_eq!(values(series(&o, &format!("{a} 決算額"))), [Some(950.0), None]);
        assert_eq!(values(series(&o, "(2) 空き家バンク 予算額")), [None, Some(200.0)]);
        // Re-listed for 令和6年度 only: its 令和5年度 amounts are not this measure's.
        assert_eq!(values(series(&o, "(1) ふるさと納税 (再掲) 予算額")), [None, Some(6_000.0)]);
        assert_eq!(values(series(&o, "(1) ふるさと納税 (再掲) 決算額")), [None, None]);
        assert_eq!(series(&o, "(2) 空き家バンク 予算額")["stack"], "budget");
        assert_eq!(series(&o, "(2) 空き家バンク 予算額")["itemStyle"]["color"], "#D55E00");
        assert_eq!(f.name, "1 移住促進の予算額・決算額");
        // 令和6年度: 1,100 + 200 + 6,000; 令和5年度 settled: 950.
        assert_eq!(f.summary, "1 移住促進: 予算額 令和6年度 計 7,300千円, 決算額 令和5年度 計 950千円");
        for (k, y) in [FiscalYear(2023), FiscalYear(2024)].into_iter().enumerate() {
            let totals = s.measure_totals(m, y);
            let row = f.table.rows.iter().find(|r| r[0] == "計" && r[1] == "予算額").unwrap();
            assert_eq!(
                row[2 + k],
                totals.budget.map_or("—".into(), |b| crate::locale::number(b as f64)),
                "matches the sheet's 計"
            );
        }
        assert_numbers_in_table(&f, Some(2));
        assert_accessible(&f);
        let en = budgets(&s, m, EN);
        assert!(legend(&en.option()).contains(&"(1) ふるさと納税 (relisted): budget".to_owned()));
    }

    /// 北斗市: every measure's chart adds up to the sheets' 計 in every year.
    #[test]
    fn hokuto_totals_match_the_sheets() {
        let s = example("hokuto");
        for (_, m) in s.measures() {
            let f = budgets(&s, m, JA_WESTERN);
            let o = f.option();
            let years: Vec<i32> = strings(&o["xAxis"]["data"]).iter().map(|y| y.parse().unwrap()).collect();
            for (k, y) in years.iter().enumerate() {
                let totals = s.measure_totals(m, FiscalYear(*y));
                let budgets: Vec<f64> =
                    all_series(&o).iter().filter(|x| x["stack"] == "budget").filter_map(|x| values(x)[k]).collect();
                let settled: Vec<f64> =
                    all_series(&o).iter().filter(|x| x["stack"] == "settled").filter_map(|x| values(x)[k]).collect();
                let sum = |v: &[f64]| (!v.is_empty()).then(|| v.iter().sum::<f64>());
                assert_eq!(sum(&budgets), totals.budget.map(|b| b as f64), "{} {y}", m.title);
                assert_eq!(sum(&settled), totals.settled.map(|b| b as f64), "{} {y}", m.title);
            }
            assert_numbers_in_table(&f, Some(2));
        }
        // 市民協働の推進と市民満足度の向上 only re-lists: all its bars are re-listings.
        let (_, only) = s.measures().find(|(_, m)| m.initiatives.is_empty() && !m.relisted.is_empty()).unwrap();
        let o = budgets(&s, only, JA).option();
        assert!(legend(&o).iter().all(|l| l.contains("(再掲)")));
        assert_eq!(legend(&o).len() % 3, 0);
    }
}
