//! The workbook read back: by calamine (values, number formats, merged headers, sheet names), by
//! its own XML (print settings, frozen panes), and through the table import (the KPI sheet's
//! layout is recognised and bringing it back in changes nothing).

use super::budget::SHEET_BUDGET;
use super::grants::SHEET_GRANTS;
use super::kpis::SHEET_KPIS;
use super::sheets::SHEET_EVALUATIONS;
use super::*;
use crate::format::table::{
    self, find_table, plan_table, propose_roles, Cell, ColumnRole, Grid, Placement, RowMatchedBy,
};
use crate::model::{evaluation_sheet, Baseline, FiscalYear, Indicator, Strategy, Target};
use calamine::{open_workbook_from_rs, Xlsx};
use std::io::{Cursor, Read};
use std::sync::Arc;

fn example(key: &str) -> Strategy {
    crate::examples::by_key(key).unwrap().load().unwrap()
}

fn grids(bytes: &[u8]) -> Vec<Grid> {
    table::read_workbook(bytes).expect("the workbook reads back")
}

fn text(g: &Grid, row: usize, col: usize) -> String {
    table::cell_text(g.cell(row, col))
}

/// A part of the .xlsx (a zip of XML files) as text.
fn part(bytes: &[u8], name: &str) -> String {
    let mut zip = zip::ZipArchive::new(Cursor::new(bytes)).unwrap();
    let mut out = String::new();
    zip.by_name(name).unwrap().read_to_string(&mut out).unwrap();
    out
}

#[test]
fn each_example_comes_back_through_the_table_import_unchanged() {
    for key in ["kitamoto", "hokuto", "made-up"] {
        for style in [YearStyle::Japanese, YearStyle::Western] {
            let s = example(key);
            let bytes = committee_workbook(&s, style).unwrap();
            let sheets = grids(&bytes);
            let names: Vec<&str> = sheets.iter().map(|g| g.name.as_str()).collect();
            let mut want = vec![SHEET_KPIS, SHEET_EVALUATIONS, SHEET_BUDGET];
            if key == "made-up" {
                want.push(SHEET_GRANTS);
            }
            assert_eq!(names, want, "{key}: the grant sheet only with a grant project");
            let g = &sheets[0];
            let shape = find_table(g).unwrap_or_else(|| panic!("{key}: no table found"));
            assert_eq!(shape.header_rows, 0..2, "{key}: the two header rows");
            let roles = propose_roles(g, &shape).roles;
            assert_eq!(
                roles[..9],
                [
                    ColumnRole::Id,
                    ColumnRole::Code,
                    ColumnRole::Name,
                    ColumnRole::Series,
                    ColumnRole::Unit,
                    ColumnRole::Baseline,
                    ColumnRole::BaselineYear,
                    ColumnRole::Target,
                    ColumnRole::TargetYear,
                ]
            );
            let actuals: Vec<FiscalYear> =
                roles.iter().filter_map(|r| if let ColumnRole::Actual(y) = r { Some(y.year) } else { None }).collect();
            let mut years: Vec<FiscalYear> = s.period.years().collect();
            for i in &s.indicators {
                for x in &i.series {
                    years.extend(x.actuals.iter().map(|a| a.year));
                }
            }
            years.sort();
            years.dedup();
            assert_eq!(actuals, years, "{key}: each year's 実績 column is its actual");
            let last = if s.departments.is_empty() {
                vec![ColumnRole::Source]
            } else {
                vec![ColumnRole::Source, ColumnRole::Department]
            };
            assert_eq!(roles[roles.len() - last.len()..], last, "{key}: 出典, and 担当課 when it lists sections");

            let plan = plan_table(&s, g, &shape, &roles, Placement::Strategy);
            let rows: usize = s.indicators.iter().map(|i| i.series.len()).sum();
            assert_eq!(plan.matched.len(), rows, "{key}: every row found its indicator");
            assert!(plan.matched.iter().all(|m| m.by == RowMatchedBy::Id));
            assert!(plan.new_indicators.is_empty() && plan.ambiguous.is_empty(), "{key}");
            assert_eq!(plan.values.changes, [], "{key} {style:?}: no value changes");
            assert_eq!(plan.values.texts, [], "{key} {style:?}: no words change");
            assert_eq!(plan.values.refused, [], "{key} {style:?}: nothing refused");
            let actuals: usize = s.indicators.iter().flat_map(|i| &i.series).map(|x| x.actuals.len()).sum();
            assert!(
                plan.values.unchanged >= actuals,
                "{key}: the values were read, and are the same: {} of {actuals}",
                plan.values.unchanged
            );
            let mut applied = s.clone();
            table::apply_table(&mut applied, &plan);
            assert_eq!(applied, s, "{key}: applying it changes nothing");
        }
    }
}

/// A series whose actuals are running totals (累計値): the workbook writes 実績の種類 last, and
/// the table import reads it back — unchanged into the same strategy, the flag set in one
/// without it.
#[test]
fn running_totals_come_back_through_the_table_import() {
    let mut s = example("kitamoto");
    let x = &mut std::sync::Arc::make_mut(&mut s.indicators[0]).series[0];
    x.running_totals = true;
    x.write_actual(FiscalYear(2022), 8.0, false, None);
    x.write_actual(FiscalYear(2023), 20.0, false, None);
    let bytes = committee_workbook(&s, YearStyle::Japanese).unwrap();
    let g = &grids(&bytes)[0];
    let shape = find_table(g).unwrap();
    let roles = propose_roles(g, &shape).roles;
    let plan = plan_table(&s, g, &shape, &roles, Placement::Strategy);
    assert_eq!((plan.values.texts.len(), plan.values.changes.len()), (0, 0), "{:?}", plan.values.texts);
    assert_eq!(plan.values.refused, []);
    let mut without = s.clone();
    std::sync::Arc::make_mut(&mut without.indicators[0]).series[0].running_totals = false;
    let plan = plan_table(&without, g, &shape, &roles, Placement::Strategy);
    table::apply_table(&mut without, &plan);
    assert_eq!(without, s, "the flag comes back");
}

/// A strategy with the cells Excel mangles: a code that looks like a date, a name that looks
/// like a formula, a per-year target, a percentage and decimals.
fn awkward() -> Strategy {
    let mut s = example("made-up");
    let mut i = Indicator::new("5-1", "=SUM(A1) 転入者数", "人");
    let x = &mut i.series[0];
    x.baseline = Some(Baseline { value: 1234.0, year: Some(FiscalYear(2019)) });
    x.target = Some(Target::PerYear { value: 50.0 });
    x.write_actual(FiscalYear(2022), 1250.5, true, None);
    let mut p = Indicator::new("5-2", "満足度", "%");
    p.series[0].baseline = Some(Baseline { value: 57.6, year: None });
    p.series[0].write_actual(FiscalYear(2022), 58.25, false, None);
    // A unit that is a digit: the number cell keeps its 3 (the table import once took it off).
    let mut d = Indicator::new("5-3", "桁の単位", "3");
    d.series[0].baseline = Some(Baseline { value: -862_257_993.0, year: None });
    s.indicators.push(Arc::new(i));
    s.indicators.push(Arc::new(p));
    s.indicators.push(Arc::new(d));
    s
}

#[test]
fn awkward_cells_come_back_unchanged() {
    let s = awkward();
    let bytes = committee_workbook(&s, YearStyle::Japanese).unwrap();
    let g = &grids(&bytes)[0];
    let shape = find_table(g).unwrap();
    let plan = plan_table(&s, g, &shape, &propose_roles(g, &shape).roles, Placement::Strategy);
    assert_eq!(
        (plan.values.changes.len(), plan.values.refused.len(), plan.new_indicators.len()),
        (0, 0, 0),
        "{:?}",
        plan.values.changes
    );
}

#[test]
fn numbers_are_numbers_in_the_units_format_and_words_stay_words() {
    let s = awkward();
    let bytes = committee_workbook(&s, YearStyle::Japanese).unwrap();
    let g = &grids(&bytes)[0];
    let row = (2..g.rows.len()).find(|r| text(g, *r, 1) == "5-1").expect("the row of 5-1");
    assert_eq!(g.cell(row, 1), &Cell::Text("5-1".into()), "「5-1」 is text, not 5月1日");
    assert_eq!(text(g, row, 2), "=SUM(A1) 転入者数", "a formula-like name is text as typed");
    assert_eq!(g.cell(row, 5), &Cell::Number(1234.0));
    assert_eq!(text(g, row, 6), "令和元年度");
    assert_eq!((g.cell(row, 7), text(g, row, 8).as_str()), (&Cell::Number(50.0), "毎年"));
    let col_2022 = (9..g.width()).find(|c| text(g, 0, *c) == "令和4年度").unwrap();
    assert_eq!((g.cell(row, col_2022), text(g, row, col_2022 + 1).as_str()), (&Cell::Number(1250.5), "○"));
    assert_eq!(text(g, 1, col_2022), "実績");
    assert_eq!(text(g, 1, col_2022 + 1), "速報");
    assert!(!bytes.windows(3).any(|w| w == b"<f>"), "no formula anywhere");

    // Number formats as calamine reads them: the unit in quotes, the decimals the row needs.
    let mut book: Xlsx<_> = open_workbook_from_rs(Cursor::new(&bytes)).unwrap();
    let styles = book.worksheet_style(SHEET_KPIS).unwrap();
    let format = |r: usize, c: usize| {
        styles.get((r as u32, c as u32)).and_then(|s| s.number_format.as_ref()).map(|f| f.format_code.clone())
    };
    assert_eq!(format(row, 5).as_deref(), Some("#,##0.0\"人\""), "1250.5 needs one place in the row");
    let pct = (2..g.rows.len()).find(|r| text(g, *r, 1) == "5-2").unwrap();
    assert_eq!(format(pct, col_2022).as_deref(), Some("#,##0.00\"%\""));
    assert_eq!(g.cell(pct, col_2022), &Cell::Number(58.25), "a quoted % is no percent format: the value stays");

    // Merged headers: each year over its two columns, the others down both rows.
    let merges = book.merge_cells_by_sheet_name(SHEET_KPIS).unwrap();
    let spans: Vec<((u32, u32), (u32, u32))> = merges.iter().map(|d| (d.start, d.end)).collect();
    assert!(spans.contains(&((0, 1), (1, 1))), "指標番号 down two rows: {spans:?}");
    let c = col_2022 as u32;
    assert!(spans.contains(&((0, c), (0, c + 1))), "令和4年度 over 実績 and 速報");
}

#[test]
fn every_sheet_prints_on_a4_landscape_one_page_wide_with_its_headers_repeated() {
    let s = example("hokuto");
    let bytes = committee_workbook(&s, YearStyle::Japanese).unwrap();
    for n in 1..=3 {
        let xml = part(&bytes, &format!("xl/worksheets/sheet{n}.xml"));
        assert!(
            xml.contains(r#"paperSize="9""#) && xml.contains(r#"orientation="landscape""#),
            "sheet {n}: {xml:.300}"
        );
        assert!(xml.contains(r#"fitToHeight="0""#) && xml.contains("<pageSetUpPr fitToPage=\"1\"/>"), "sheet {n}");
        assert!(xml.contains("&amp;P / &amp;N"), "sheet {n}: page numbers");
    }
    let kpis = part(&bytes, "xl/worksheets/sheet1.xml");
    assert!(kpis.contains(r#"<pane xSplit="3" ySplit="2""#), "KPI headers and names frozen");
    assert!(kpis.contains(r#"hidden="1""#), "the 指標ID column is hidden");
    let book = part(&bytes, "xl/workbook.xml");
    assert!(book.contains("'数値目標・KPI'!$1:$2"), "the KPI header rows print on every page: {book}");
    assert!(book.contains("'予算・決算'!$1:$2"));
    let sheets = part(&bytes, "xl/worksheets/sheet2.xml");
    let breaks = s.measures().count() - 1;
    assert!(sheets.contains(&format!(r#"<rowBreaks count="{breaks}""#)), "one measure a page");
}

#[test]
fn a_hokuto_measures_evaluation_sheet_holds_what_the_printed_sheet_does() {
    let s = example("hokuto");
    let year = evaluation_sheet::default_sheet_year(&s);
    let (g_, m) = s
        .measures()
        .find(|(_, m)| {
            m.evaluation(year, crate::model::EvaluationStage::First).is_some()
                && s.measure_totals(m, year).settled.is_some()
        })
        .expect("a measure evaluated, with settled costs");
    let d = evaluation_sheet::sheet(&s, m, year);
    let bytes = committee_workbook(&s, YearStyle::Japanese).unwrap();
    let g = &grids(&bytes)[1];
    let title = format!("主要施策 {} {}", m.number, m.title);
    let start = (0..g.rows.len()).find(|r| text(g, *r, 0).starts_with(&title)).expect("the measure's heading");
    assert!(text(g, start - 1, 0).contains(&g_.title), "its goal above it");
    let find = |label: &str| (start..g.rows.len()).find(|r| text(g, *r, 0) == label).unwrap();
    let e = m.evaluation(year, crate::model::EvaluationStage::First).unwrap();
    assert_eq!(text(g, find("評価"), 1), e.rating.clone().unwrap_or_default());
    assert_eq!(text(g, find("成果"), 1), e.outcomes.trim());
    assert_eq!(text(g, find("事業の改善点及び方向性"), 1), e.improvements.trim());
    // The results: a row per project, then 計 = the model's total.
    let results = find("計");
    assert_eq!(g.cell(results, 4), &Cell::Number(d.settled_total.unwrap() as f64));
    let settled: Vec<Cell> = (results - d.results.len()..results).map(|r| g.cell(r, 4).clone()).collect();
    let want: Vec<Cell> = d.results.iter().map(|r| r.settled.map_or(Cell::Empty, |v| Cell::Number(v as f64))).collect();
    assert_eq!(settled, want);
    // The 3-year plan's 計 is the first plan year's budget.
    let plan_total = (find("補足") - 1, 2);
    assert_eq!(g.cell(plan_total.0, 0), &Cell::Text("計".into()));
    assert_eq!(g.cell(plan_total.0, plan_total.1), &d.budget_total.map_or(Cell::Empty, |v| Cell::Number(v as f64)));
}

/// Each measure's sheet lists its KPIs in the sheet's year as the printed sheet does: a row per
/// series with the baseline, a target value, the year's actual and 進捗 as numbers, computed by
/// the model for that year (not the latest year).
#[test]
fn each_measures_sheet_lists_its_kpis_in_the_sheets_year() {
    // 北斗市's sheets with KPIs: the example has its measures but no indicator, so 北本市's
    // fifteen come in, each with an actual in the sheet's year (the second series none) and one
    // a year later (which the sheet must not take), two linked to every measure.
    let mut s = example("hokuto");
    let year = evaluation_sheet::default_sheet_year(&s);
    let mut checked = 0;
    s.indicators = example("kitamoto").indicators;
    for (n, i) in s.indicators.iter_mut().enumerate() {
        for (k, se) in Arc::make_mut(i).series.iter_mut().enumerate() {
            se.set_actual(year, (k == 0).then_some(n as f64 * 10.5 + 1.0));
            se.set_actual(FiscalYear(year.0 + 1), Some(99_999.0));
        }
    }
    let all: Vec<_> = s.indicators.iter().map(|i| i.id.clone()).collect();
    for (n, g) in s.goals.iter_mut().enumerate() {
        for (k, m) in Arc::make_mut(g).measures.iter_mut().enumerate() {
            Arc::make_mut(m).kpis = all.iter().cycle().skip(n + k).take(2).cloned().collect();
        }
    }
    let bytes = committee_workbook(&s, YearStyle::Japanese).unwrap();
    let g = &grids(&bytes)[1];
    {
        let key = "hokuto";
        let heading = format!("KPI（{}）", crate::locale::year(year, crate::locale::Language::Ja, YearStyle::Japanese));
        let mut from = 0;
        for (_, m) in s.measures() {
            let title = format!("主要施策 {} {}", m.number, m.title);
            let start =
                (from..g.rows.len()).find(|r| text(g, *r, 0).starts_with(&title)).expect("the measure's heading");
            let next =
                (start + 1..g.rows.len()).find(|r| text(g, *r, 0).starts_with("主要施策 ")).unwrap_or(g.rows.len());
            from = start + 1;
            let block = (start..next).find(|r| text(g, *r, 0) == heading);
            let series: Vec<_> = m
                .kpis
                .iter()
                .filter_map(|id| s.indicator(id))
                .flat_map(|i| i.series.iter().map(move |se| (i, se)))
                .collect();
            let Some(block) = block else {
                assert!(series.is_empty(), "{key} {title}: KPIs but no block");
                continue;
            };
            assert_eq!(
                text(g, block + 1, 4),
                format!("{}の実績", crate::locale::year(year, crate::locale::Language::Ja, YearStyle::Japanese))
            );
            for (k, (ind, se)) in series.iter().enumerate() {
                let r = block + 2 + k;
                let a = crate::model::assess_in(se, s.context_of(ind), year);
                assert!(text(g, r, 0).contains(ind.name.trim()), "{key} {title}: row {k}");
                let number = |v: Option<f64>| v.filter(|v| v.is_finite()).map_or(Cell::Empty, Cell::Number);
                assert_eq!(g.cell(r, 2), &number(se.baseline.as_ref().map(|b| b.value)), "{} baseline", ind.name);
                assert_eq!(g.cell(r, 4), &number(a.actual), "{} actual in {year:?}", ind.name);
                match (g.cell(r, 5), a.progress.filter(|p| p.is_finite())) {
                    (Cell::Percent { shown }, Some(p)) => {
                        assert!((shown - p * 100.0).abs() < 1e-6, "{} progress", ind.name)
                    }
                    (Cell::Empty, None) => {}
                    (cell, p) => panic!("{}: progress {cell:?}, want {p:?}", ind.name),
                }
                if let Some(Target::Value { value, .. }) = se.target {
                    assert_eq!(g.cell(r, 3), &Cell::Number(value));
                }
                assert!(text(g, r, 1).starts_with(crate::locale::status(a.status, crate::locale::Language::Ja)));
                checked += 1;
            }
            // The row after the KPIs is the evaluations' head, not another KPI.
            assert_eq!(text(g, block + 2 + series.len(), 0), "評価の段階");
        }
    }
    assert!(checked > 20, "{checked} KPI rows checked");
}

#[test]
fn the_budget_sheet_totals_count_a_relisted_initiative_once() {
    let s = example("hokuto");
    let bytes = committee_workbook(&s, YearStyle::Japanese).unwrap();
    let g = &grids(&bytes)[2];
    let last = g.rows.len() - 1;
    assert_eq!(text(g, last, 0), "合計（再掲を除く）");
    for (k, y) in s.period.with([]).iter().enumerate() {
        let c = 7 + 2 * k;
        assert!(text(g, 0, c).starts_with(&y.japanese()), "{}", text(g, 0, c));
        let t = s.strategy_totals(*y);
        let want = |v: Option<i64>| v.map_or(Cell::Empty, |v| Cell::Number(v as f64));
        assert_eq!((g.cell(last, c), g.cell(last, c + 1)), (&want(t.budget), &want(t.settled)), "{y:?}");
    }
    let relisted = (2..last).filter(|r| text(g, *r, 5) == "○").count();
    let expected: usize = s.measures().map(|(_, m)| m.relisted.len()).sum();
    assert_eq!(relisted, expected, "each re-listing has its row, marked");
    // Each initiative's row names its section, as the evaluation sheets do.
    assert_eq!(text(g, 0, 6), "担当課");
    let named = (2..last).filter(|r| !text(g, *r, 2).is_empty() && !text(g, *r, 6).is_empty()).count();
    assert!(named > 0, "no initiative row names its section");
    for (m, i) in s.initiatives() {
        let Some(want) = crate::model::initiative_owner(m, i).and_then(|o| s.department_name(o.department)) else {
            continue;
        };
        let title =
            [i.number.trim(), i.title.trim()].iter().filter(|t| !t.is_empty()).copied().collect::<Vec<_>>().join(" ");
        let row =
            (2..last).find(|r| text(g, *r, 2) == title && text(g, *r, 5).is_empty()).expect("the initiative's row");
        assert_eq!(text(g, row, 6), want, "{title}");
    }
}

/// The made-up example's grant project (令和5年度, the year with its 効果検証): the sheet holds
/// the CSV's rows — words as strings, 予算額・交付金額・目標値・実績値 as numbers (the values in the
/// KPI's unit's format), 達成率 as a percent cell.
#[test]
fn the_grant_sheet_holds_the_csvs_rows_with_numbers_as_numbers() {
    use crate::format::csv::{grant_table, GRANT_HEADER, GRANT_MONEY, GRANT_RATE, GRANT_VALUES};
    let s = example("made-up");
    let year = s.default_grant_year();
    assert_eq!(year, FiscalYear(2023));
    let bytes = committee_workbook(&s, YearStyle::Japanese).unwrap();
    let g = grids(&bytes).into_iter().find(|g| g.name == SHEET_GRANTS).expect("the grant sheet");
    let want = grant_table(&s, year, YearStyle::Japanese);
    assert_eq!(g.rows.len(), 1 + want.rows.len(), "the header and a row per KPI");
    assert_eq!(want.rows.len(), 3);
    for (c, h) in GRANT_HEADER.iter().enumerate() {
        assert_eq!(text(&g, 0, c), *h);
    }
    for (n, row) in want.rows.iter().enumerate() {
        for (c, cell) in row.iter().enumerate() {
            let got = g.cell(n + 1, c);
            if GRANT_MONEY.contains(&c) || GRANT_VALUES.contains(&c) {
                assert_eq!(got, &Cell::Number(cell.parse().unwrap()), "row {n} column {c}");
            } else if c == GRANT_RATE {
                let Cell::Percent { shown } = got else { panic!("達成率 is a percent: {got:?}") };
                assert_eq!(crate::locale::grant_rate(*shown), *cell, "row {n}");
            } else {
                assert_eq!(
                    got,
                    &if cell.is_empty() { Cell::Empty } else { Cell::Text(cell.clone()) },
                    "row {n} column {c}"
                );
            }
        }
    }
    // As worked by hand in `csv::grants`: 転入者数 372 of 365 → 101.9 %.
    assert_eq!(
        (text(&g, 1, 9), g.cell(1, 11), g.cell(1, 12)),
        ("転入者数".into(), &Cell::Number(365.0), &Cell::Number(372.0))
    );
    assert_eq!(text(&g, 1, 15), "地方創生に相当程度効果があった");

    let mut book: Xlsx<_> = open_workbook_from_rs(Cursor::new(&bytes)).unwrap();
    let styles = book.worksheet_style(SHEET_GRANTS).unwrap();
    let format =
        |r: u32, c: u32| styles.get((r, c)).and_then(|s| s.number_format.as_ref()).map(|f| f.format_code.clone());
    assert_eq!(format(1, 11).as_deref(), Some("#,##0\"人\""), "目標値 in the unit's format");
    assert_eq!(format(3, 12).as_deref(), Some("#,##0\"件\""));
    assert_eq!(format(1, 13).as_deref(), Some("0.0%"), "達成率 a percent");
    assert_eq!(format(1, 7).as_deref(), Some("#,##0"), "交付金額 in 千円");
    assert!(!bytes.windows(3).any(|w| w == b"<f>"), "no formula anywhere");

    let xml = part(&bytes, "xl/worksheets/sheet4.xml");
    assert!(xml.contains(r#"paperSize="9""#) && xml.contains(r#"orientation="landscape""#), "A4 landscape");
    assert!(xml.contains(r#"fitToHeight="0""#), "one page wide");
    assert!(xml.contains(r#"<pane ySplit="1""#), "the header frozen: {xml:.600}");
    assert!(xml.contains(r#"hidden="1""#), "事業ID and 指標ID hidden");
    assert!(xml.contains("令和5年度"), "the year in the page's header");
    let book = part(&bytes, "xl/workbook.xml");
    assert!(book.contains("交付金事業の効果検証!$1:$1"), "the header on every page: {book}");
}

#[test]
fn a_strategy_without_a_grant_project_has_no_grant_sheet_and_one_with_a_grant_but_no_row_has_its_header() {
    let s = example("hokuto");
    let bytes = committee_workbook(&s, YearStyle::Japanese).unwrap();
    assert!(grids(&bytes).iter().all(|g| g.name != SHEET_GRANTS));
    // A grant named, for no year yet: the sheet is there with its header, ready for the year.
    let mut s = example("kitamoto");
    let mut i = crate::model::Initiative::new("1", "補助事業");
    i.grant = Some(crate::model::Grant::default());
    let goal = Arc::make_mut(&mut s.goals[0]);
    if goal.measures.is_empty() {
        goal.measures.push(Arc::new(crate::model::Measure::new("1", "施策")));
    }
    goal.measures_mut().next().unwrap().initiatives.push(Arc::new(i));
    let bytes = committee_workbook(&s, YearStyle::Western).unwrap();
    let g = grids(&bytes).into_iter().find(|g| g.name == SHEET_GRANTS).expect("the grant sheet");
    assert_eq!(text(&g, 0, 0), "年度");
}

#[cfg(not(target_arch = "wasm32"))]
proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig { cases: 48, ..Default::default() })]
    /// Any valid strategy (any text, any finite number) writes a workbook whose KPI sheet comes
    /// back through the table import with nothing changed and nothing refused.
    #[test]
    fn any_strategy_writes_a_workbook_that_comes_back_unchanged(s in crate::format::proptests::strategy()) {
        // The CSV's rule for several series: each is told apart by its label (csv/mod.rs).
        proptest::prop_assume!(s.indicators.iter().all(|i| {
            let labels: std::collections::BTreeSet<String> = i.series.iter().map(|x| crate::model::half_width(x.label.trim())).collect();
            i.series.len() < 2 || (labels.len() == i.series.len() && !labels.contains(""))
        }));
        let bytes = committee_workbook(&s, YearStyle::Japanese).map_err(|e| proptest::test_runner::TestCaseError::fail(e.0))?;
        let sheets = grids(&bytes);
        proptest::prop_assert_eq!(sheets.len(), 3);
        let g = &sheets[0];
        if s.indicators.iter().any(|i| !i.series.is_empty()) {
            let shape = find_table(g).ok_or_else(|| proptest::test_runner::TestCaseError::fail("no table"))?;
            let roles = propose_roles(g, &shape).roles;
            let plan = plan_table(&s, g, &shape, &roles, Placement::Strategy);
            proptest::prop_assert_eq!(&plan.values.refused, &[]);
            proptest::prop_assert_eq!(&plan.values.changes, &[]);
            proptest::prop_assert_eq!(&plan.values.texts, &[]);
            proptest::prop_assert!(plan.new_indicators.is_empty() && plan.ambiguous.is_empty());
        }
    }
}
