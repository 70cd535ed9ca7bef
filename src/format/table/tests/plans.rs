//! Plans of towns' tables against the bundled example strategies (北本市, 北斗市).

use super::layouts::{fy, grid, merged};
use crate::format::csv::{CellKind, CellReading, RefusalReason};
use crate::format::table::*;
use crate::model::{
    BoundSide, DesiredDirection, FiscalYear, GoalKind, Id, RelativeChange, Strategy, Target, YearBasis,
};
use std::collections::BTreeMap;

fn kitamoto() -> Strategy {
    crate::examples::EXAMPLES[0].load().unwrap()
}

fn hokuto() -> Strategy {
    crate::examples::EXAMPLES[1].load().unwrap()
}

fn goal(s: &Strategy, kind: GoalKind, number: &str) -> Id {
    s.goals.iter().find(|g| g.kind == kind && g.number == number).unwrap().id.clone()
}

fn by_code<'a>(s: &'a Strategy, code: &str, name: &str) -> &'a crate::model::Indicator {
    s.indicators.iter().find(|i| i.code == code && i.name == name).unwrap()
}

/// The roles proposed for the columns of `g`'s table.
fn roles_of(g: &Grid) -> Vec<ColumnRole> {
    propose_roles(g, &find_table(g).unwrap()).roles
}

/// The plan of `g`'s table against `s`, its columns taken as proposed.
fn planned(s: &Strategy, g: &Grid) -> TablePlan {
    let shape = find_table(g).unwrap();
    plan_table(s, g, &shape, &propose_roles(g, &shape).roles, Placement::Strategy)
}

/// `s` with `plan` applied.
fn applied_to(s: &Strategy, plan: &TablePlan) -> Strategy {
    let mut after = s.clone();
    apply_table(&mut after, plan);
    after
}

/// 北本市's sheet: a title, a header, matched rows, new rows (one goal merged down two rows),
/// an ambiguous row and a footnote.
fn kitamoto_sheet() -> Grid {
    let mut g = grid(&[
        &["北本市 数値目標・KPI 実績一覧"],
        &["基本目標", "指標番号", "指標名", "単位", "基準値", "目標値", "目標年度", "令和4年度", "令和5年度"],
        &["基本目標1", "5-1", "就業者一人あたり市内純生産", "万円", "431.5万円 (H30)", "438.3", "R7", "440.1", "－"],
        &["基本目標2", "6-3", "ふるさと納税寄附件数", "件", "3,908", "↗", "", "4,120", "abc"],
        &["基本目標2", "2-9", "移住相談件数", "件", "120（R3）", "200", "R7", "１３０", "150※"],
        &["基本目標4", "", "空き家バンク登録件数", "件", "10", "累計 60（令和4〜7年度）", "", "▲2", ""],
        &["", "", "公園の満足度", "%", "57.6", "80以上", "R7", "", ""],
        &["", "3-1", "協働のまちづくり", "件", "", "", "", "3", ""],
        &["※ 令和5年度は速報値"],
    ]);
    g.rows[6][7] = Cell::Percent { shown: 58.2 };
    g.merges = merged("A1:I1 A6:A7");
    g
}

#[test]
fn kitamotos_sheet_matches_adds_and_reads_by_the_csv_rules() {
    let s = kitamoto();
    let g = kitamoto_sheet();
    let shape = find_table(&g).unwrap();
    assert_eq!(shape, TableShape { header_rows: 1..2, body: 2..8 });
    let roles = propose_roles(&g, &shape).roles;
    let plan = plan_table(&s, &g, &shape, &roles, Placement::Strategy);
    let net = by_code(&s, "5-1", "就業者一人あたり市内純生産");
    let furusato = by_code(&s, "6-3", "ふるさと納税寄附件数");
    assert_eq!(
        plan.matched,
        [
            Matched { row: 3, indicator: net.id.clone(), by: RowMatchedBy::Code },
            Matched { row: 4, indicator: furusato.id.clone(), by: RowMatchedBy::Name },
        ],
        "6-3 is two indicators' code: the name tells"
    );
    assert_eq!(plan.ambiguous.len(), 1);
    assert_eq!(
        (plan.ambiguous[0].row, plan.ambiguous[0].by, plan.ambiguous[0].candidates.len()),
        (8, RowMatchedBy::Code, 2)
    );

    // An existing indicator's actual, by code; its baseline (with unit and year) unchanged.
    let actual = plan.values.changes.iter().find(|c| c.indicator == net.id).unwrap();
    assert_eq!((actual.row, actual.column.as_str(), actual.value.kind), (3, "令和4年度", CellKind::Actual));
    assert_eq!((actual.value.year, actual.value.from, actual.value.to), (Some(FiscalYear(2022)), None, 440.1));
    assert_eq!(plan.values.changes.iter().filter(|c| c.indicator == net.id).count(), 1);

    // 「－」: no value, noted; 「abc」: refused with the sheet's row and column letter.
    let dash = plan.values.noted.iter().find(|n| n.row == 3).unwrap();
    assert_eq!((dash.column.as_str(), dash.text.as_str(), &dash.reading), ("令和5年度", "－", &CellReading::NoValue));
    assert_eq!(plan.values.refused.len(), 1, "{:?}", plan.values.refused);
    let bad = &plan.values.refused[0];
    assert_eq!((bad.row, &bad.reason), (4, &RefusalReason::NotANumber { text: "abc".into() }));
    assert_eq!(plan.letters.get(&bad.column).map(String::as_str), Some("I"));
    assert_eq!(plan.sheet, "KPI一覧");

    // New indicators: under the goal their cell names (merged down over two rows).
    let news: Vec<(usize, &str, &str, &Placement)> = plan
        .new_indicators
        .iter()
        .map(|n| (n.row, n.indicator.name.as_str(), n.indicator.unit.as_str(), &n.under))
        .collect();
    let (goal2, goal4) =
        (Placement::Goal(goal(&s, GoalKind::Basic, "2")), Placement::Goal(goal(&s, GoalKind::Basic, "4")));
    assert_eq!(
        news,
        [
            (5, "移住相談件数", "件", &goal2),
            (6, "空き家バンク登録件数", "件", &goal4),
            (7, "公園の満足度", "%", &goal4)
        ]
    );
    let marked = plan.values.noted.iter().find(|n| n.row == 5).unwrap();
    assert_eq!(marked.reading, CellReading::Marked { mark: "※".into() });

    let mut after = s.clone();
    let written = apply_table(&mut after, &plan);
    assert_eq!(written, 3 + plan.values.changes.len());
    let x = &after.indicator(&net.id).unwrap().series[0];
    assert_eq!(x.actual(FiscalYear(2022)).map(|a| a.value), Some(440.1));
    let consult = &after.indicator(&plan.new_indicators[0].indicator.id).unwrap().series[0];
    assert_eq!(consult.baseline.as_ref().map(|b| (b.value, b.year)), Some((120.0, Some(FiscalYear(2021)))));
    assert_eq!(consult.target, Some(Target::Value { value: 200.0, year: Some(FiscalYear(2025)) }));
    assert_eq!(consult.actual(FiscalYear(2022)).map(|a| a.value), Some(130.0), "full-width digits");
    assert_eq!(consult.actual(FiscalYear(2023)).map(|a| (a.value, a.comment.as_str())), Some((150.0, "※")));
    let houses = &after.indicator(&plan.new_indicators[1].indicator.id).unwrap().series[0];
    assert_eq!(houses.actual(FiscalYear(2022)).map(|a| a.value), Some(-2.0), "▲ is minus");
    assert_eq!(houses.target, Some(Target::Cumulative { value: 60.0, from: FiscalYear(2022), to: FiscalYear(2025) }));
    let park = &after.indicator(&plan.new_indicators[2].indicator.id).unwrap().series[0];
    assert_eq!(park.actual(FiscalYear(2022)).map(|a| a.value), Some(58.2), "a percentage cell of a % indicator");
    assert!(matches!(park.target, Some(Target::Bound { value, side: BoundSide::AtLeast, .. }) if value == 80.0));
    let targets = &after.goals.iter().find(|g| Placement::Goal(g.id.clone()) == goal4).unwrap().targets;
    assert!(
        targets.contains(&plan.new_indicators[1].indicator.id)
            && targets.contains(&plan.new_indicators[2].indicator.id)
    );
    assert_eq!(after.indicators.len(), s.indicators.len() + 3);
    let mut twice = after.clone();
    assert_eq!(apply_table(&mut twice, &plan), plan.values.changes.len(), "the new indicators are not added again");
    assert_eq!(twice.indicators.len(), after.indicators.len());
}

#[test]
fn an_ambiguous_row_is_planned_once_the_user_chose() {
    let s = kitamoto();
    let g = kitamoto_sheet();
    let shape = find_table(&g).unwrap();
    let roles = propose_roles(&g, &shape).roles;
    let chosen = by_code(&s, "3-1", "協働により実施した事業の件数").id.clone();
    let answers = BTreeMap::from([(8, Resolution::Existing(chosen.clone()))]);
    let plan = plan_table_resolved(&s, &g, &shape, &roles, Placement::Strategy, &answers);
    assert!(plan.ambiguous.is_empty());
    assert!(plan.matched.iter().any(|m| m.row == 8 && m.indicator == chosen && m.by == RowMatchedBy::Chosen));
    let c = plan.values.changes.iter().find(|c| c.row == 8).unwrap();
    assert_eq!((c.indicator.clone(), c.value.to, c.value.year), (chosen, 3.0, Some(FiscalYear(2022))));
}

#[test]
fn target_words_on_new_indicators_under_a_measure() {
    let s = hokuto();
    let measure = s.goals[0].measures[1].id.clone();
    let g = grid(&[
        &["基本目標", "施策", "KPI", "単位", "現状値", "目標値", "目標年度", "令和2年度"],
        &["1", "2", "観光入込客数", "千人", "5,000（R1）", "令和2〜6年度の平均 5500", "", "5100"],
        &["1", "2", "ごみの排出量", "t", "1,000（R1）", "基準値から10%減少", "R6", "980"],
        &["1", "2", "宿泊者数", "人", "300", "↗", "", "310"],
        &["1", "2", "待機児童数", "人", "3", "↘", "", ""],
        &["", "", "", "", "", "", "", "7"],
    ]);
    let roles = roles_of(&g);
    assert_eq!(roles[..2], [ColumnRole::Goal, ColumnRole::Measure]);
    let plan = planned(&s, &g);
    assert!(plan.values.refused.is_empty(), "{:?}", plan.values.refused);
    assert_eq!(plan.skipped, [(6, SkipReason::Blank)]);
    assert!(plan.new_indicators.iter().all(|n| n.under == Placement::Measure(measure.clone())));
    let after = applied_to(&s, &plan);
    let series = |k: usize| after.indicator(&plan.new_indicators[k].indicator.id).unwrap().series[0].clone();
    assert_eq!(series(0).target, Some(Target::Average { value: 5500.0, from: FiscalYear(2020), to: FiscalYear(2024) }));
    assert!(matches!(
        series(1).target,
        Some(Target::Relative { change: RelativeChange::Percent(p), .. }) if p == -10.0
    ));
    assert_eq!(series(2).target, Some(Target::Direction));
    assert_eq!(after.indicator(&plan.new_indicators[3].indicator.id).unwrap().direction, DesiredDirection::Decrease);
    assert_eq!(series(1).actual(FiscalYear(2020)).map(|a| a.value), Some(980.0));
    let m = after.measures().find(|(_, m)| m.id == measure).unwrap().1;
    assert_eq!(m.kpis.len(), s.measures().find(|(_, m)| m.id == measure).unwrap().1.kpis.len() + 4);
}

#[test]
fn calendar_year_columns_make_the_series_calendar_years() {
    let s = hokuto();
    let g = grid(&[&["指標名", "単位", "2021年", "2022年"], &["転入者数", "人", "1,200", "1,250"]]);
    let plan = planned(&s, &g);
    let after = applied_to(&s, &plan);
    let x = &after.indicator(&plan.new_indicators[0].indicator.id).unwrap().series[0];
    assert_eq!(x.year_basis, YearBasis::Calendar);
    assert_eq!(x.actual(FiscalYear(2022)).map(|a| a.value), Some(1250.0));
    assert!(after.indicators.len() == s.indicators.len() + 1);
}

#[test]
fn a_remembered_mapping_survives_one_more_year_column() {
    let last_year = grid(&[
        &["指標名", "単位", "基準値", "令和4年度", "令和5年度", "調べた人"],
        &["出生数", "人", "340", "330", "320", "こども課"],
    ]);
    let shape = find_table(&last_year).unwrap();
    let mut roles = propose_roles(&last_year, &shape).roles;
    assert_eq!(roles[5], ColumnRole::Ignore);
    roles[5] = ColumnRole::Source; // the user says 調べた人 is the source
    let mapping = remember(&last_year, &shape, &roles);
    let stored = serde_json::to_string(&mapping).unwrap();

    let this_year = grid(&[
        &["", ""],
        &["指標名", "単位", "基準値", "令和4年度", "令和5年度", "令和6年度", "調べた人"],
        &["出生数", "人", "340", "330", "320", "310", "こども課"],
    ]);
    let next = find_table(&this_year).unwrap();
    assert_eq!(layout_key(&this_year, &next), layout_key(&last_year, &shape));
    assert_ne!(layout_key(&this_year, &next), layout_key(&grid(&[&["指標名", "目標値"]]), &shape));
    let mapping: Mapping = serde_json::from_str(&stored).unwrap();
    let roles = apply_mapping(&this_year, &next, &mapping).roles;
    assert_eq!(
        roles,
        [
            ColumnRole::Name,
            ColumnRole::Unit,
            ColumnRole::Baseline,
            ColumnRole::Actual(fy(2022)),
            ColumnRole::Actual(fy(2023)),
            ColumnRole::Actual(fy(2024)),
            ColumnRole::Source
        ]
    );
}

/// Rows by series (系列): 北本市's 65歳健康寿命 has 男性 and 女性, each row's values go to its
/// series; a new indicator's rows under one name become one indicator with a series each (the
/// name merged down its two rows, as towns lay it out); a label the indicator does not have is
/// refused by its cell.
#[test]
fn rows_by_series_fill_each_series_and_make_one_new_indicator_of_several() {
    let s = kitamoto();
    let mut g = grid(&[
        &["指標名", "区分", "単位", "基準値", "令和5年度"],
        &["65歳健康寿命", "男性", "年", "", "17.9"],
        &["65歳健康寿命", "女性", "年", "", "20.6"],
        &["65歳健康寿命", "全体", "年", "", "19.1"],
        &["転入者数", "男性", "人", "850", "861"],
        &["", "女性", "人", "790", "802"],
    ]);
    g.merges = merged("A5:A6");
    let roles = roles_of(&g);
    assert_eq!(roles[1], ColumnRole::Series);
    let plan = planned(&s, &g);
    assert_eq!(plan.matched.len(), 3, "the three 65歳健康寿命 rows");
    let [new] = &plan.new_indicators[..] else { panic!("one new indicator: {:?}", plan.new_indicators) };
    assert_eq!(new.row, 5);
    let labels: Vec<&str> = new.indicator.series.iter().map(|x| x.label.as_str()).collect();
    assert_eq!(labels, ["男性", "女性"]);
    let refused: Vec<(usize, &RefusalReason)> = plan.values.refused.iter().map(|r| (r.row, &r.reason)).collect();
    assert_eq!(refused, [(4, &RefusalReason::UnknownSeries { label: "全体".into() })]);

    let applied = applied_to(&s, &plan);
    let health = by_code(&applied, "2-2", "65歳健康寿命");
    let actual = |i: &crate::model::Indicator, k: usize| i.series[k].actual(FiscalYear(2023)).map(|a| a.value);
    assert_eq!((actual(health, 0), actual(health, 1)), (Some(17.9), Some(20.6)));
    let moved = applied.indicators.iter().find(|i| i.name == "転入者数").unwrap();
    assert_eq!((actual(moved, 0), actual(moved, 1)), (Some(861.0), Some(802.0)));
    let baselines: Vec<Option<f64>> = moved.series.iter().map(|x| x.baseline.as_ref().map(|b| b.value)).collect();
    assert_eq!(baselines, [Some(850.0), Some(790.0)]);
}

/// 出雲市's 平成28年度 evaluation prints a cumulative KPI as 「515（累計、うちH28年度255人）」:
/// 515 is the value, the series is marked as running totals and the remark kept as the comment.
/// A row of plain numbers beside it stays yearly values.
#[test]
fn a_cell_that_says_kei_makes_its_series_running_totals() {
    use crate::model::PlanPeriod;
    let s = Strategy::blank("出雲市総合戦略", "出雲市", PlanPeriod { first: FiscalYear(2015), last: FiscalYear(2019) });
    let g = grid(&[
        &["指標名", "単位", "目標値", "平成27年度", "平成28年度"],
        &["UIターン者数", "人", "累計 1,200（平成27〜31年度）", "260", "515（累計、うちH28年度255人）"],
        &["観光入込客数", "万人", "↗", "120", "125"],
    ]);
    let plan = planned(&s, &g);
    assert!(plan.values.refused.is_empty(), "{:?}", plan.values.refused);
    let after = applied_to(&s, &plan);
    let series = |k: usize| after.indicator(&plan.new_indicators[k].indicator.id).unwrap().series[0].clone();
    let ui = series(0);
    assert!(ui.running_totals);
    assert_eq!(
        ui.actual(FiscalYear(2016)).map(|a| (a.value, a.comment.as_str())),
        Some((515.0, "累計、うちH28年度255人"))
    );
    assert_eq!(ui.yearly(FiscalYear(2016)), Some(255.0), "515 − 260, as printed beside it");
    assert_eq!(ui.target, Some(Target::Cumulative { value: 1200.0, from: FiscalYear(2015), to: FiscalYear(2019) }));
    assert!(!series(1).running_totals);
}

/// 累計 under a year (a year row over 累計) marks the series; a 「累計」 column without a year is
/// a total of the yearly columns beside it, not read, and marks nothing.
#[test]
fn kei_under_a_year_marks_running_totals_and_a_total_column_does_not() {
    use crate::model::PlanPeriod;
    let s = Strategy::blank("戦略", "町", PlanPeriod { first: FiscalYear(2022), last: FiscalYear(2026) });
    let under = grid(&[&["指標名", "令和4年度", "令和5年度"], &["", "累計", "累計"], &["移住者数", "30", "65"]]);
    let roles = roles_of(&under);
    assert!(matches!(roles[1], ColumnRole::Actual(_)) && matches!(roles[2], ColumnRole::Actual(_)), "{roles:?}");
    let plan = planned(&s, &under);
    let after = applied_to(&s, &plan);
    let x = &after.indicator(&plan.new_indicators[0].indicator.id).unwrap().series[0];
    assert!(x.running_totals);
    assert_eq!((x.actual(FiscalYear(2023)).map(|a| a.value), x.yearly(FiscalYear(2023))), (Some(65.0), Some(35.0)));

    let total = grid(&[&["指標名", "令和4年度", "令和5年度", "累計"], &["移住者数", "30", "35", "65"]]);
    let roles = roles_of(&total);
    assert_eq!(roles[3], ColumnRole::Ignore);
    let plan = planned(&s, &total);
    let after = applied_to(&s, &plan);
    let x = &after.indicator(&plan.new_indicators[0].indicator.id).unwrap().series[0];
    assert!(!x.running_totals);
    assert_eq!(x.actual(FiscalYear(2023)).map(|a| a.value), Some(35.0));
}

/// Year columns written with their month, 「令和5年3月末」 or 「平成28年6月 調査結果」, are those
/// years, and the series' values are as of that month, as written (3月末, 6月現在).
#[test]
fn year_columns_with_a_month_make_the_series_as_of_that_month() {
    use crate::model::PlanPeriod;
    let s = Strategy::blank("戦略", "町", PlanPeriod { first: FiscalYear(2015), last: FiscalYear(2024) });
    for (headers, basis, second) in [
        (["令和4年3月末", "令和5年3月末"], YearBasis::AsOfMonth { month: 3, end: true }, 2023),
        (["平成28年6月 調査結果", "平成29年6月 調査結果"], YearBasis::AsOfMonth { month: 6, end: false }, 2017),
    ] {
        let g = grid(&[&["指標名", "単位", headers[0], headers[1]], &["待機児童数", "人", "12", "8"]]);
        let plan = planned(&s, &g);
        assert!(plan.values.refused.is_empty(), "{:?}", plan.values.refused);
        let after = applied_to(&s, &plan);
        let x = &after.indicator(&plan.new_indicators[0].indicator.id).unwrap().series[0];
        assert_eq!(x.year_basis, basis, "{headers:?}");
        assert_eq!(x.actual(FiscalYear(second)).map(|a| a.value), Some(8.0), "{headers:?}");
    }
}

/// A new indicator takes the year basis its row writes (年 → 暦年, 「4月1日現在」 → that
/// date); an existing one keeps 年度, and the calendar year is noted as before.
#[test]
fn a_new_indicator_takes_the_year_basis_its_row_writes() {
    let s = kitamoto();
    let g = grid(&[
        &["指標番号", "指標名", "単位", "基準値", "基準年", "目標値", "目標年"],
        &["", "観光客数", "人", "1000", "平成30年", "1200", "令和6年"],
        &["", "人口", "人", "65000", "令和2年4月1日現在", "64000", "令和7年4月1日現在"],
        &["", "相談件数", "件", "10", "平成30年度", "20", "令和7年度"],
        &["5-1", "就業者一人あたり市内純生産", "万円", "", "", "438.3", "令和7年"],
    ]);
    let plan = planned(&s, &g);
    let basis = |name: &str| {
        plan.new_indicators.iter().find(|n| n.indicator.name == name).unwrap().indicator.series[0].year_basis
    };
    assert_eq!(basis("観光客数"), YearBasis::Calendar);
    assert_eq!(basis("人口"), YearBasis::AsOf { month: 4, day: 1 });
    assert_eq!(basis("相談件数"), YearBasis::Fiscal);
    let noted: Vec<_> =
        plan.values.noted.iter().filter(|n| n.reading == CellReading::CalendarYear).map(|n| n.row).collect();
    assert_eq!(noted, [5], "only the existing indicator's calendar year is noted");
    let applied = applied_to(&s, &plan);
    let stored = applied.indicators.iter().find(|i| i.name == "観光客数").unwrap();
    assert_eq!(stored.series[0].year_basis, YearBasis::Calendar);
    let b = stored.series[0].baseline.as_ref().unwrap();
    assert_eq!((b.value, b.year), (1000.0, Some(FiscalYear(2018))));
    let existing = by_code(&applied, "5-1", "就業者一人あたり市内純生産");
    assert_eq!(existing.series[0].year_basis, YearBasis::Fiscal, "an existing indicator keeps its basis");
}

/// A row naming its 施策 becomes that measure's KPI; the measure is created under the
/// row's goal when the goal has none of that number (once, however many rows name it); a row
/// without a 施策 is the goal's 数値目標.
#[test]
fn the_measure_column_places_kpis_and_creates_the_measures_it_names() {
    let mut s = kitamoto();
    let g1 = goal(&s, GoalKind::Basic, "1");
    s.goal_mut(&g1).unwrap().measures.clear();
    let g = grid(&[
        &["基本目標", "施策", "指標名", "単位", "基準値", "目標値"],
        &["基本目標1", "(1) 農林業の担い手確保", "新規就農者数", "人", "3", "5年間で累計15"],
        &["基本目標1", "(1) 農林業の担い手確保", "認定農業者数", "人", "40", "45"],
        &["基本目標1", "（２）観光の振興", "観光入込客数", "千人", "2380", "2700"],
        &["基本目標1", "", "市内総生産", "億円", "1500", "1600"],
    ]);
    let roles = roles_of(&g);
    assert!(roles.contains(&ColumnRole::Measure), "{roles:?}");
    let plan = planned(&s, &g);
    let made: Vec<_> =
        plan.new_measures.iter().map(|m| (m.row, m.measure.number.as_str(), m.measure.title.as_str())).collect();
    assert_eq!(made, [(2, "1", "農林業の担い手確保"), (4, "2", "観光の振興")]);
    assert!(plan.new_measures.iter().all(|m| m.goal == g1));
    assert!(plan.values.refused.is_empty(), "{:?}", plan.values.refused);
    let applied = applied_to(&s, &plan);
    let goal1 = applied.goals.iter().find(|g| g.id == g1).unwrap();
    assert_eq!(goal1.measures.len(), 2);
    let kpi_names = |m: &crate::model::Measure| -> Vec<String> {
        m.kpis.iter().map(|id| applied.indicator(id).unwrap().name.clone()).collect()
    };
    assert_eq!(kpi_names(&goal1.measures[0]), ["新規就農者数", "認定農業者数"]);
    assert_eq!(kpi_names(&goal1.measures[1]), ["観光入込客数"]);
    let total = applied.indicators.iter().find(|i| i.name == "市内総生産").unwrap();
    assert!(goal1.targets.contains(&total.id), "a row without 施策 is the goal's 数値目標");
    assert!(!goal1.targets.iter().any(|id| applied.indicator(id).unwrap().name == "新規就農者数"));
    // Applied again (or a second table naming the same 施策): the measure is found, not made again.
    let again = planned(&applied, &g);
    assert!(again.new_measures.is_empty());
}

#[test]
fn a_measure_cell_reads_as_its_number_and_title() {
    use crate::format::table::named_measure_for_tests as read;
    let pair = |n: &str, t: &str| Some((n.to_owned(), t.to_owned()));
    assert_eq!(read("(1) 農林業の担い手確保"), pair("1", "農林業の担い手確保"));
    assert_eq!(read("（１２）子育て支援"), pair("12", "子育て支援"));
    assert_eq!(read("施策1:農林業の振興"), pair("1", "農林業の振興"));
    assert_eq!(read("②観光の振興"), pair("2", "観光の振興"));
    assert_eq!(read("1-2 移住の促進"), pair("1-2", "移住の促進"));
    assert_eq!(read("農林業の振興"), None, "no number");
    assert_eq!(read("(3)"), None, "no title");
}

/// The e2e's workbook (`fixtures/kpi-measures.xlsx`): 施策, 累計, 平均 and 暦年 rows.
#[test]
fn the_measures_workbook_makes_measures_kpis_and_reads_its_targets_and_years() {
    let s = kitamoto();
    let g = read_workbook(include_bytes!("../fixtures/kpi-measures.xlsx")).unwrap().remove(0);
    let plan = planned(&s, &g);
    assert!(plan.values.refused.is_empty(), "{:?}", plan.values.refused);
    assert_eq!(plan.new_measures.len(), 3);
    let applied = applied_to(&s, &plan);
    let by_name = |n: &str| applied.indicators.iter().find(|i| i.name == n).unwrap().clone();
    assert_eq!(
        by_name("新規就農者数").series[0].target,
        Some(Target::Cumulative { value: 15.0, from: FiscalYear(2022), to: FiscalYear(2026) })
    );
    assert_eq!(
        by_name("移住相談件数").series[0].target,
        Some(Target::Average { value: 150.0, from: FiscalYear(2022), to: FiscalYear(2025) })
    );
    assert_eq!(by_name("観光入込客数").series[0].year_basis, YearBasis::Calendar);
    assert_eq!(by_name("認定農業者数").series[0].year_basis, YearBasis::Fiscal);
}
