//! A series' year basis and sources in the indicator CSVs: 値の時点 and 出典 columns, calendar
//! years written 「2023年」 in the long layout and read back as the same year, and 「2019年」
//! headers read as year 2019. (Reading 値の時点 and 出典 back: `tests::words`.)

use super::super::{apply, indicators_long, indicators_wide, plan_import};
use super::{cells, fy, series_of, town};
use crate::locale::YearStyle;
use crate::model::{Strategy, YearBasis};

/// The town with 出生数 by calendar year (its 2022 value from 人口動態統計), 社会増減数 as of
/// 4月1日, and 65歳健康寿命 sourced from 県の健康指標.
pub(super) fn sourced_town() -> Strategy {
    let mut s = town();
    for i in s.indicators_mut() {
        match i.id.as_str() {
            "ind-births" => {
                i.source = "住民基本台帳".into();
                i.series[0].year_basis = YearBasis::Calendar;
                i.series[0].set_source(fy(2022), "人口動態統計".into());
            }
            "ind-migration" => i.series[0].year_basis = YearBasis::AsOf { month: 4, day: 1 },
            "ind-health" => i.series[1].source = "県の健康指標".into(),
            _ => {}
        }
    }
    s
}

fn rows_of<'a>(table: &'a [Vec<String>], id: &str) -> Vec<&'a Vec<String>> {
    table.iter().filter(|r| r[0] == id).collect()
}

#[test]
fn the_long_layout_writes_each_values_year_and_source() {
    let s = sourced_town();
    let western = cells(&indicators_long(&s, YearStyle::Western));
    assert_eq!(western[0][9..11], ["値の時点", "出典"]);
    let births: Vec<Vec<&str>> =
        rows_of(&western, "ind-births").iter().map(|r| [5, 6, 7, 9, 10].map(|k| r[k].as_str()).to_vec()).collect();
    assert_eq!(
        births,
        [
            ["", "当初値", "340", "年", "住民基本台帳"],
            ["", "目標", "380", "年", "住民基本台帳"],
            ["2022年", "実績", "352", "年", "人口動態統計"],
        ]
    );
    let japanese = cells(&indicators_long(&s, YearStyle::Japanese));
    let migration: Vec<[&str; 3]> =
        rows_of(&japanese, "ind-migration").iter().map(|r| [5, 6, 9].map(|k| r[k].as_str())).collect();
    assert_eq!(
        migration,
        [
            ["令和2年", "当初値", "4月1日現在"],
            ["令和7年", "目標", "4月1日現在"],
            ["令和3年", "実績", "4月1日現在"],
            ["令和4年", "実績", "4月1日現在"],
        ],
        "every year of the series is its date's year, as the editor and the report write it"
    );
}

#[test]
fn the_wide_layout_ends_each_row_with_basis_and_source() {
    let s = sourced_town();
    let table = cells(&indicators_wide(&s, YearStyle::Japanese));
    let tail = |r: &Vec<String>| r[r.len() - 2..].to_vec();
    assert_eq!(tail(&table[0]), ["値の時点", "出典"]);
    let tails: Vec<Vec<String>> = table[1..].iter().take(4).map(tail).collect();
    assert_eq!(tails, [["年度", ""], ["年度", "県の健康指標"], ["年", "住民基本台帳"], ["4月1日現在", ""]]);
}

#[test]
fn an_export_with_bases_and_sources_reads_back_unchanged() {
    let original = sourced_town();
    for style in [YearStyle::Japanese, YearStyle::Western] {
        for text in [indicators_long(&original, style), indicators_wide(&original, style)] {
            let plan = plan_import(&original, &text).unwrap();
            assert!(plan.changes.is_empty() && plan.refused.is_empty(), "{style:?}: {:?}", plan.refused.first());
            assert!(plan.texts.is_empty(), "{style:?}: {:?}", plan.texts.first());
            assert!(plan.ignored_columns.is_empty(), "値の時点 and 出典 are known columns");
        }
        // Values come back into a copy without them, at the years written 「2022年」.
        let mut s = original.clone();
        for i in s.indicators_mut() {
            for x in &mut i.series {
                x.actuals.retain(|a| !original.period.contains(a.year));
            }
        }
        let plan = plan_import(&s, &indicators_long(&original, style)).unwrap();
        assert!(plan.refused.is_empty(), "{style:?}: {:?}", plan.refused.first());
        apply(&mut s, &plan);
        let values = |s: &Strategy| {
            series_of(s, "ind-births", "ser-births").actuals.iter().map(|a| (a.year, a.value)).collect::<Vec<_>>()
        };
        assert_eq!(values(&s), values(&original), "{style:?}");
    }
}

#[test]
fn calendar_year_headers_are_read_as_their_year() {
    let mut s = sourced_town();
    let text = "指標ID,系列,2022年,2023年\r\nind-births,,352,360\r\n";
    let plan = plan_import(&s, text).unwrap();
    assert!(plan.refused.is_empty() && plan.ignored_columns.is_empty());
    let got: Vec<_> = plan.changes.iter().map(|c| (c.value.year.map(|y| y.0), c.value.to)).collect();
    assert_eq!(got, [(Some(2023), 360.0)], "2022年 holds what the series has; 2023年 is new");
    apply(&mut s, &plan);
    assert_eq!(series_of(&s, "ind-births", "ser-births").actual(fy(2023)).unwrap().value, 360.0);
}

/// 「平成30年」 written as a baseline's year for a series of fiscal years is read as 平成30年度
/// and said (a noted cell), never silently; 「平成30年度」, a row whose 値の時点 says 年, or a
/// series of calendar years (出生数) is no note. The long layout's 年度 column alike.
#[test]
fn a_year_written_as_a_calendar_year_for_fiscal_values_is_said() {
    use super::super::CellReading;
    let s = sourced_town();
    let calendar_notes = |csv: &str| -> Vec<(usize, String, String)> {
        let plan = plan_import(&s, csv).unwrap();
        let notes = plan.noted.into_iter().filter(|n| n.reading == CellReading::CalendarYear);
        notes.map(|n| (n.row, n.column, n.text)).collect()
    };
    let fiscal = s.indicators.iter().find(|i| i.series.len() == 1 && i.series[0].year_basis == YearBasis::Fiscal);
    let f = fiscal.unwrap().id.as_str();
    let wide = format!(
        "指標ID,当初値,当初値年度,値の時点\n{f},100,平成30年,\n{f},100,平成30年度,\n{f},100,平成30年,年\nind-births,300,平成30年,\n"
    );
    assert_eq!(calendar_notes(&wide), vec![(2, "当初値年度".to_owned(), "平成30年".to_owned())]);
    let long = format!("指標ID,年度,区分,値\n{f},2018年,当初値,100\n{f},2019年度,実績,101\n");
    assert_eq!(calendar_notes(&long), vec![(2, "年度".to_owned(), "2018年".to_owned())]);
}
