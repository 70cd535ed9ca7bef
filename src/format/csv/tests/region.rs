//! The regional view's CSVs on the hand-made towns of `model::region`'s tests: the exact
//! tables (BOM, header, CRLF), and text that would be a formula neutralised.

use super::super::{matched_indicator, side_by_side_table, theme_hits};
use super::file;
use crate::locale::YearStyle;
use crate::model::region::tests::region;
use crate::model::region::{match_indicators, side_by_side, sort_rows, Column, SortOrder, ThemeIndex, ThemeQuery};
use crate::model::FiscalYear;

#[test]
fn the_side_by_side_table_with_the_region_total() {
    let (region, strategies) = region();
    let towns = region.towns(&strategies);
    let mut table = side_by_side(&towns, FiscalYear(2023));
    assert_eq!(
        side_by_side_table(&table, YearStyle::Japanese),
        file(&[
            "年度,市区町村,団体コード,計画期間,策定段階,目標数,施策数,事業数,指標数,達成,順調,遅れ,データなし,実績入力率（%）,予算額（千円）,決算額（千円）",
            "令和5年度,七飯町,013374,令和2年度～令和6年度,策定方針,2,2,3,5,2,1,1,1,60,3500,3150",
            "令和5年度,北斗市,012360,令和4年度～令和7年度,策定方針,1,1,2,5,1,0,1,3,40,3700,2500",
            "令和5年度,木古内町,013340,令和2年度～令和6年度,策定方針,1,1,1,3,0,0,2,1,66.7,,",
            "令和5年度,管内計,,,,4,4,6,13,3,1,4,5,53.8,7200,5650",
        ])
    );
    // Rows as sorted on the page; Western years.
    sort_rows(&mut table.rows, Column::Budget, SortOrder::Descending);
    let text = side_by_side_table(&table, YearStyle::Western);
    let lines: Vec<&str> = text.trim_start_matches('\u{feff}').split("\r\n").collect();
    assert!(lines[1].starts_with("2023,北斗市,012360,2022～2025,"), "{}", lines[1]);
    assert!(lines[3].starts_with("2023,木古内町,"));
    assert_eq!(lines.len(), 6, "header, three towns, the total, and the end of the last line");
}

#[test]
fn a_municipality_that_reads_as_a_formula_is_neutralised() {
    let (region, mut strategies) = region();
    strategies[0].municipality.name = "=HYPERLINK(\"http://x\")".into();
    strategies[1].municipality.code = Some("+12360".into());
    let towns = region.towns(&strategies);
    let text = side_by_side_table(&side_by_side(&towns, FiscalYear(2023)), YearStyle::Japanese);
    assert!(text.contains("\r\n令和5年度,\"'=HYPERLINK(\"\"http://x\"\")\",013374,"), "{text}");
    assert!(text.contains(",'+12360,"));
}

#[test]
fn theme_hits_town_by_town_with_their_place() {
    let (region, mut strategies) = region();
    let id = strategies[2].goals[0].measures[0].initiatives[0].id.clone();
    strategies[2].initiative_mut(&id).unwrap().title = "-子育て世帯移住支援金".into();
    let towns = region.towns(&strategies);
    let found = ThemeIndex::new(&towns).search(&ThemeQuery { words: "移住".into(), ..ThemeQuery::default() });
    assert_eq!(
        theme_hits(&found),
        file(&[
            "市区町村,区分,目標番号,目標名,施策番号,施策名,事業番号,事業名",
            "七飯町,基本目標,1,移住・定住を促進する,,,,",
            "七飯町,施策,1,移住・定住を促進する,1-1,移住プロモーション,,",
            "七飯町,事業,1,移住・定住を促進する,1-1,移住プロモーション,(1),移住体験住宅の運営",
            "北斗市,基本目標,1,観光でにぎわうまち,,,,",
            "木古内町,施策,1,子育てしやすいまち,1,子育て世帯の移住支援,,",
            "木古内町,事業,1,子育てしやすいまち,1,子育て世帯の移住支援,(1),'-子育て世帯移住支援金",
        ])
    );
    assert_eq!(theme_hits(&[]), file(&["市区町村,区分,目標番号,目標名,施策番号,施策名,事業番号,事業名"]));
}

#[test]
fn a_matched_indicator_per_town_and_year() {
    let (region, strategies) = region();
    let towns = region.towns(&strategies);
    let m = match_indicators(&region, &towns);
    let group = &m.groups[0];
    let table = group.table(&towns);
    assert_eq!(
        matched_indicator(group, &table, YearStyle::Japanese),
        file(&[
            "指標,市区町村,指標番号,指標名,系列,単位,区分,令和元年度,令和3年度,令和5年度,令和6年度,令和7年度",
            "合計特殊出生率,七飯町,,合計特殊出生率,,,実績値,,1.25,1.3,,",
            "合計特殊出生率,七飯町,,合計特殊出生率,,,目標値,,,,1.4,",
            "合計特殊出生率,北斗市,,合計特殊　出生率,,,実績値,,,1.5,,",
            "合計特殊出生率,北斗市,,合計特殊　出生率,,,目標値,,,,,1.5",
        ])
    );
    // 社会増減数: negative numbers stay numbers, never neutralised.
    let social = &m.groups[1];
    let text = matched_indicator(social, &social.table(&towns), YearStyle::Western);
    assert!(
        text.starts_with("\u{feff}指標,市区町村,指標番号,指標名,系列,単位,区分,2019,2021,2023,2024,2025\r\n"),
        "{text}"
    );
    assert!(text.contains("七飯町,,社会増減数（人）,,,実績値,,,-10,,\r\n"), "{text}");
    assert!(text.contains("北斗市,,社会増減数,,,実績値,,,,-40,\r\n"), "{text}");
}
