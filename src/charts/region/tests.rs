//! The matched-indicator chart on the hand-made towns of `model::region::tests` (七飯町 and
//! 北斗市 share 合計特殊出生率) and on the two examples.

use super::matched_indicator;
use crate::charts::testing::{assert_accessible, assert_numbers_in_table, legend, series, values, EN, JA};
use crate::model::region::tests::region;
use crate::model::region::{match_indicators, MatchedIndicator, Region};
use crate::model::Strategy;

fn birth_rate<'a>(region: &Region, strategies: &'a [Strategy]) -> (MatchedIndicator, Vec<&'a Strategy>) {
    let towns = region.towns(strategies);
    let m = match_indicators(region, &towns);
    let group = m.groups.into_iter().find(|g| g.name == "合計特殊出生率").expect("matched");
    (group, towns)
}

#[test]
fn one_actual_line_and_one_target_line_per_town() {
    let (region, strategies) = region();
    let (group, towns) = birth_rate(&region, &strategies);
    let table = group.table(&towns);
    let figure = matched_indicator(&group, &table, JA);
    let option = figure.option();
    assert_eq!(legend(&option), ["七飯町", "七飯町 目標", "北斗市", "北斗市 目標"]);
    // Years: 2019 (七飯町's baseline), 2021, 2023, 2024 (its target), 2025 (北斗市's target).
    assert_eq!(option["xAxis"]["data"], serde_json::json!(["R1", "R3", "R5", "R6", "R7"]));
    assert_eq!(values(series(&option, "七飯町")), [None, Some(1.25), Some(1.3), None, None]);
    assert_eq!(values(series(&option, "七飯町 目標")), [None, None, None, Some(1.4), None]);
    assert_eq!(values(series(&option, "北斗市")), [None, None, Some(1.5), None, None]);
    assert_eq!(values(series(&option, "北斗市 目標")), [None, None, None, None, Some(1.5)]);
    assert_numbers_in_table(&figure, Some(3));
    assert_accessible(&figure);
}

#[test]
fn the_summary_gives_each_towns_latest_actual() {
    let (region, strategies) = region();
    let (group, towns) = birth_rate(&region, &strategies);
    let table = group.table(&towns);
    let ja = matched_indicator(&group, &table, JA);
    assert_eq!(ja.name, "合計特殊出生率の市町村比較");
    assert_eq!(ja.summary, "合計特殊出生率: 2 市町村の最新の実績は 七飯町 1.3（令和5年度）、北斗市 1.5（令和5年度）");
    let en = matched_indicator(&group, &table, EN);
    assert_eq!(
        en.summary,
        "合計特殊出生率: the latest actuals of 2 towns are 七飯町 1.3 (FY2023), 北斗市 1.5 (FY2023)"
    );
    assert_eq!(ja.table.columns[..4], ["市区町村", "区分", "単位", "令和元年度"]);
    assert_eq!(ja.table.rows[0][..5], ["七飯町", "実績", "", "—", "1.25"]);
    assert_eq!(ja.table.rows[1][..3], ["七飯町", "目標", ""]);
}

#[test]
fn a_town_without_actuals_is_said_so_and_an_empty_match_draws_nothing() {
    let (region, strategies) = region();
    let (mut group, towns) = birth_rate(&region, &strategies);
    let mut table = group.table(&towns);
    for row in &mut table.rows {
        for c in &mut row.cells {
            c.actual = None;
        }
    }
    let figure = matched_indicator(&group, &table, JA);
    assert!(figure.summary.contains("七飯町 実績なし"), "{}", figure.summary);
    group.members.clear();
    let empty = matched_indicator(&group, &group.table(&towns), JA);
    assert_eq!(empty.summary, "合計特殊出生率: 数値のある市町村はありません");
    assert!(empty.option()["series"].as_array().is_none_or(|s| s.is_empty()));
}

#[test]
fn the_examples_draw_every_number_they_show() {
    let strategies = crate::model::region::tests::examples();
    let mut region = Region::new("北斗市と北本市");
    region.members = strategies.iter().map(|s| s.id.clone()).collect();
    let towns = region.towns(&strategies);
    for group in match_indicators(&region, &towns).groups {
        let table = group.table(&towns);
        let figure = matched_indicator(&group, &table, JA);
        assert_numbers_in_table(&figure, Some(3));
        assert_accessible(&figure);
    }
}
