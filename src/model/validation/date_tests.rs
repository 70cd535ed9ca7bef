//! Worked examples of the date checks (`dates`): a target revision's date and year, and an
//! as-of basis on a day its month never has. Plan 令和4〜7年度 (FY2022–2025) throughout.

use super::*;
use crate::model::*;
use std::sync::Arc;

/// 北本市's 出生数 (7-2), 340人 → 380人 by 令和7年度, used by its goal: no problem at all.
fn births() -> Strategy {
    let mut s =
        Strategy::blank("第2期総合戦略", "北本市", PlanPeriod { first: FiscalYear(2022), last: FiscalYear(2025) });
    let mut ind = Indicator::new("7-2", "出生数", "人");
    ind.series[0].baseline = Some(Baseline { value: 340.0, year: Some(FiscalYear(2021)) });
    ind.series[0].target = Some(Target::Value { value: 380.0, year: Some(FiscalYear(2025)) });
    let mut g = Goal::new(GoalKind::Basic, "3", "若い世代の出産・子育ての希望をかなえる");
    g.targets.push(ind.id.clone());
    s.goals.push(g.into());
    s.indicators.push(ind.into());
    s
}

fn series(s: &mut Strategy) -> &mut Series {
    &mut Arc::make_mut(&mut s.indicators[0]).series[0]
}

/// The target 380人 revised to 400人 in `year`, decided on `date`.
fn revised(year: i32, date: Option<&str>) -> Strategy {
    let mut s = births();
    let target = Target::Value { value: 400.0, year: Some(FiscalYear(2025)) };
    series(&mut s).revise_target(target, FiscalYear(year), date.map(Into::into), "上方修正".into());
    s
}

fn kinds(s: &Strategy) -> Vec<(String, ProblemKind)> {
    validate(s).into_iter().map(|p| (p.path, p.kind)).collect()
}

fn words(s: &Strategy) -> Vec<String> {
    validate(s).iter().map(|p| crate::words::problem(p, s, crate::locale::Language::Ja)).collect()
}

#[test]
fn a_revision_dated_in_its_own_fiscal_year_inside_the_plan_is_fine() {
    assert_eq!(kinds(&births()), vec![]);
    // 令和4年度 runs from 2022-04-01 to 2023-03-31: both ends belong to it.
    for date in [None, Some("2022-04-01"), Some("2022-06-01"), Some("2023-03-31")] {
        assert_eq!(kinds(&revised(2022, date)), vec![], "{date:?}");
    }
    // The plan's first and last years are inside it.
    assert_eq!(kinds(&revised(2025, Some("2026-02-27"))), vec![]);
}

#[test]
fn a_revision_date_that_is_not_a_calendar_date_is_said() {
    // 2023-02-30 does not exist (February 2023 has 28 days); 2024-02-29 does (a leap year).
    let s = revised(2022, Some("2023-02-30"));
    assert_eq!(
        kinds(&s),
        vec![(
            "indicators[0].series[0].target_history[0].date".to_string(),
            ProblemKind::RevisionDateInvalid {
                series: String::new(),
                year: FiscalYear(2022),
                date: "2023-02-30".into()
            }
        )]
    );
    assert_eq!(validate(&s)[0].severity(), Severity::Warning);
    assert_eq!(
        words(&s),
        ["指標 7-2「出生数」: 目標の修正（令和4年度）の決定日「2023-02-30」は実在する日付ではありません（YYYY-MM-DD）"]
    );
    for bad in ["R5.2.1", "2023/02/01", "2023-2-1"] {
        assert!(matches!(kinds(&revised(2022, Some(bad)))[0].1, ProblemKind::RevisionDateInvalid { .. }), "{bad}");
    }
    assert_eq!(kinds(&revised(2023, Some("2024-02-29"))), vec![]);
}

#[test]
fn a_revision_dated_in_another_fiscal_year_is_said() {
    // Recorded as 令和4年度 (2022-04-01 – 2023-03-31), but decided on 2023-05-01: 令和5年度.
    let s = revised(2022, Some("2023-05-01"));
    assert_eq!(
        kinds(&s),
        vec![(
            "indicators[0].series[0].target_history[0].date".to_string(),
            ProblemKind::RevisionDateOutsideYear {
                series: String::new(),
                year: FiscalYear(2022),
                date: "2023-05-01".into()
            }
        )]
    );
    assert_eq!(words(&s), ["指標 7-2「出生数」: 目標の修正の決定日 2023-05-01 は、修正した年度（令和4年度）の中にありません（令和4年度は2022年4月1日〜2023年3月31日）"]);
    // 2022-03-31 is still 令和3年度.
    assert!(matches!(kinds(&revised(2022, Some("2022-03-31")))[0].1, ProblemKind::RevisionDateOutsideYear { .. }));
}

#[test]
fn a_revision_outside_the_plan_period_is_said_with_the_series() {
    // The plan is 令和4〜7年度: a revision in 令和3年度 came before it, one in 令和8年度 after.
    for year in [2021, 2026] {
        let mut s = revised(year, None);
        series(&mut s).label = "男性".into();
        assert_eq!(
            kinds(&s),
            vec![(
                "indicators[0].series[0].target_history[0].year".to_string(),
                ProblemKind::RevisionOutsidePeriod { series: "男性".into(), year: FiscalYear(year) }
            )],
            "{year}"
        );
    }
    let s = {
        let mut s = revised(2026, None);
        series(&mut s).label = "男性".into();
        s
    };
    assert_eq!(words(&s), ["指標 7-2「出生数」: 内訳「男性」の目標の修正（令和8年度）が計画期間の外です"]);
    let en = crate::words::problem(&validate(&s)[0], &s, crate::locale::Language::En);
    assert_eq!(en, "Indicator 7-2 “出生数”: series “男性”: the target's revision (FY2026) is outside the plan period");
}

#[test]
fn an_as_of_basis_on_a_day_its_month_never_has_is_said() {
    for (month, day) in [(2, 30), (4, 31), (9, 31), (13, 1)] {
        let mut s = births();
        series(&mut s).year_basis = YearBasis::AsOf { month, day };
        assert_eq!(
            kinds(&s),
            vec![(
                "indicators[0].series[0].year_basis".to_string(),
                ProblemKind::ImpossibleAsOfDay { series: String::new(), month, day }
            )],
            "{month}/{day}"
        );
    }
    let mut s = births();
    series(&mut s).year_basis = YearBasis::AsOf { month: 2, day: 30 };
    assert_eq!(words(&s), ["指標 7-2「出生数」: 値の時点「2月30日現在」はありえない日付です"]);
    for (month, day) in [(2, 29), (4, 30), (4, 1), (3, 31)] {
        series(&mut s).year_basis = YearBasis::AsOf { month, day };
        assert_eq!(kinds(&s), vec![], "{month}/{day}");
    }
}

#[test]
fn a_month_only_basis_is_checked_for_its_month() {
    let mut s = births();
    for month in [1, 3, 6, 12] {
        series(&mut s).year_basis = YearBasis::AsOfMonth { month, end: month == 3 };
        assert_eq!(kinds(&s), vec![], "{month}");
    }
    series(&mut s).year_basis = YearBasis::AsOfMonth { month: 13, end: false };
    assert_eq!(words(&s), ["指標 7-2「出生数」: 値の時点「13月現在」はありえない月です"]);
}
