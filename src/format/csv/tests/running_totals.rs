//! Running totals (累計値) and a month-only as-of point (「3月末」) in the indicator CSVs: the
//! 実績の種類 column is written (last) only when some series holds running totals, read in both
//! layouts beside 値の時点; 「3月末」 and 「令和5年3月末」 are read as a month basis and its year.

use super::super::{apply, indicators_long, indicators_wide, plan_import, RefusalReason, TextEdit};
use super::{cells, fy, series_of, town};
use crate::locale::YearStyle;
use crate::model::{Strategy, YearBasis};

/// The town with 出生数 as running totals since 令和4年度 (352, 700) counted at 3月末.
fn cumulative_town() -> Strategy {
    let mut s = town();
    for i in s.indicators_mut() {
        if i.id.as_str() == "ind-births" {
            let x = &mut i.series[0];
            x.running_totals = true;
            x.year_basis = YearBasis::AsOfMonth { month: 3, end: true };
            x.set_actual(fy(2023), Some(700.0));
        }
    }
    s
}

#[test]
fn the_kind_of_actuals_is_written_only_when_a_series_holds_running_totals() {
    let plain = town();
    for text in [indicators_long(&plain, YearStyle::Japanese), indicators_wide(&plain, YearStyle::Japanese)] {
        assert!(!text.contains("実績の種類"), "an export without running totals is as before");
    }
    let s = cumulative_town();
    let long = cells(&indicators_long(&s, YearStyle::Japanese));
    assert_eq!(long[0].last().unwrap(), "実績の種類");
    let births: Vec<[&str; 4]> = (long.iter().filter(|r| r[0] == "ind-births"))
        .map(|r| [5, 6, 9].map(|k| r[k].as_str()))
        .map(|[a, b, c]| [a, b, c, r_last(&long, a, b)])
        .collect();
    assert_eq!(
        births,
        [
            ["", "当初値", "3月末", "累計"],
            ["", "目標", "3月末", "累計"],
            ["令和4年", "実績", "3月末", "累計"],
            ["令和5年", "実績", "3月末", "累計"],
        ]
    );
    let wide = cells(&indicators_wide(&s, YearStyle::Japanese));
    assert_eq!(wide[0][wide[0].len() - 3..], ["値の時点", "出典", "実績の種類"]);
    let kinds: Vec<(&str, &str)> = wide[1..].iter().map(|r| (r[0].as_str(), r.last().unwrap().as_str())).collect();
    assert!(kinds.contains(&("ind-births", "累計")) && kinds.contains(&("ind-migration", "単年度")), "{kinds:?}");
}

/// The last cell of the long layout's row of 出生数 with this year and kind.
fn r_last<'a>(table: &'a [Vec<String>], year: &str, kind: &str) -> &'a str {
    let row = table.iter().find(|r| r[0] == "ind-births" && r[5] == year && r[6] == kind).unwrap();
    row.last().unwrap()
}

#[test]
fn running_totals_and_a_month_basis_round_trip_and_come_back_into_a_strategy_without_them() {
    let original = cumulative_town();
    for style in [YearStyle::Japanese, YearStyle::Western] {
        for text in [indicators_long(&original, style), indicators_wide(&original, style)] {
            let plan = plan_import(&original, &text).unwrap();
            assert!(plan.refused.is_empty(), "{style:?}: {:?}", plan.refused.first());
            assert!(plan.changes.is_empty() && plan.texts.is_empty(), "{style:?}: {:?}", plan.texts.first());
            assert!(plan.ignored_columns.is_empty(), "実績の種類 is a known column");

            // Into the town as it was: the flag, the basis and 令和5年3月末's 700 come in.
            let mut s = town();
            let plan = plan_import(&s, &text).unwrap();
            assert!(plan.refused.is_empty(), "{style:?}: {:?}", plan.refused.first());
            assert!(plan.texts.iter().any(|t| t.edit == TextEdit::RunningTotals { to: true }));
            apply(&mut s, &plan);
            let x = series_of(&s, "ind-births", "ser-births");
            assert!(x.running_totals, "{style:?}");
            assert_eq!(x.year_basis, YearBasis::AsOfMonth { month: 3, end: true });
            assert_eq!(x.actual(fy(2023)).map(|a| a.value), Some(700.0), "{style:?}");
            assert_eq!(x.yearly(fy(2023)), Some(348.0), "700 − 352");
        }
    }
}

#[test]
fn a_hand_written_csv_with_kei_and_a_month_end_is_read() {
    let mut s = town();
    // As an officer would type it: 累計 and 3月末 on the first row, the year 「令和5年3月末」.
    let text = "指標ID,年度,区分,値,値の時点,実績の種類\r\n\
                ind-births,令和5年3月末,実績,700,3月末,累計\r\n\
                ind-births,令和4年3月末,実績,352,,\r\n\
                ind-migration,令和5年度,実績,-30,6月現在,単年度\r\n";
    let plan = plan_import(&s, text).unwrap();
    assert!(plan.refused.is_empty(), "{:?}", plan.refused);
    apply(&mut s, &plan);
    let births = series_of(&s, "ind-births", "ser-births");
    assert!(births.running_totals);
    assert_eq!(births.year_basis, YearBasis::AsOfMonth { month: 3, end: true });
    assert_eq!(births.actual(fy(2023)).map(|a| a.value), Some(700.0));
    let migration = series_of(&s, "ind-migration", "ser-migration");
    assert!(!migration.running_totals);
    assert_eq!(migration.year_basis, YearBasis::AsOfMonth { month: 6, end: false });

    // A word that is neither is refused with its text; 累計 then 単年度 for one series conflicts.
    let bad = "指標ID,実績の種類,当初値\r\nind-births,合計,\r\n";
    let plan = plan_import(&town(), bad).unwrap();
    assert_eq!(plan.refused[0].reason, RefusalReason::BadActualKind { text: "合計".into() });
    let twice = "指標ID,年度,区分,値,実績の種類\r\nind-births,2023,実績,1,累計\r\nind-births,2024,実績,2,単年度\r\n";
    let plan = plan_import(&town(), twice).unwrap();
    assert!(matches!(plan.refused[0].reason, RefusalReason::Conflicting { first_row: 2 }), "{:?}", plan.refused);
}
