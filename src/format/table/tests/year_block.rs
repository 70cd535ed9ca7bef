//! Cells pasted into an indicator's year rows: a line of values from the row pasted into, or
//! values under (beside) their years, each cell read as the CSV import reads it.

use crate::format::table::{from_html, from_tsv, read_year_block, BlockReason, BlockValue, YearBlock};
use crate::model::FiscalYear;

fn y(w: i32) -> FiscalYear {
    FiscalYear(w)
}

fn plain(w: i32, value: f64) -> BlockValue {
    BlockValue { year: y(w), value, provisional: false, mark: None }
}

fn reasons(b: &YearBlock) -> Vec<(String, BlockReason)> {
    b.refused.iter().map(|r| (r.cell.clone(), r.reason)).collect()
}

#[test]
fn a_row_of_values_fills_the_years_from_the_row_pasted_into() {
    // Excel's text: tab-separated, with its trailing line break.
    let b = read_year_block(&from_tsv("１，２３４\t－\t2,408※\t▲5\t1,820（速報）\r\n"), y(2022));
    assert_eq!(
        b.values,
        vec![
            plain(2022, 1234.0),
            BlockValue { year: y(2024), value: 2408.0, provisional: false, mark: Some("※".into()) },
            plain(2025, -5.0),
            BlockValue { year: y(2026), value: 1820.0, provisional: true, mark: None },
        ]
    );
    assert_eq!(b.no_value, vec![(y(2023), "－".to_owned())]);
    assert!(b.refused.is_empty());
}

#[test]
fn a_column_of_values_fills_down_and_an_empty_cell_skips_its_year() {
    let b = read_year_block(&from_tsv("100\n\n300\n"), y(2020));
    assert_eq!(b.values, vec![plain(2020, 100.0), plain(2022, 300.0)]);
}

#[test]
fn years_above_or_beside_the_values_place_them() {
    let above = read_year_block(&from_tsv("令和4年度\tR5\t2024年\n10\t11\t12\n"), y(2030));
    assert_eq!(above.values, vec![plain(2022, 10.0), plain(2023, 11.0), plain(2024, 12.0)]);
    let beside = read_year_block(&from_tsv("H30\t5\nR1\t6.5\n"), y(2030));
    assert_eq!(beside.values, vec![plain(2018, 5.0), plain(2019, 6.5)]);
    // The clipboard's HTML table (what Excel puts there first) reads the same.
    let html = "<table><tr><td>令和4年度</td><td>令和5年度</td></tr><tr><td>1,000</td><td>1,100</td></tr></table>";
    let from_html = read_year_block(&from_html(html).expect("a table"), y(2030));
    assert_eq!(from_html.values, vec![plain(2022, 1000.0), plain(2023, 1100.0)]);
}

#[test]
fn what_is_no_number_or_no_year_is_refused_by_its_cell() {
    let b = read_year_block(&from_tsv("12\t多い\t14\n"), y(2022));
    assert_eq!(b.values, vec![plain(2022, 12.0), plain(2024, 14.0)]);
    assert_eq!(reasons(&b), vec![("B1".to_owned(), BlockReason::NotANumber)]);
    assert_eq!(b.refused[0].text, "多い");

    let b = read_year_block(&from_tsv("R4\t10\nR5\t20\n合計\t30\n"), y(2030));
    assert_eq!(b.values, vec![plain(2022, 10.0), plain(2023, 20.0)]);
    assert_eq!(reasons(&b), vec![("A3".to_owned(), BlockReason::NotAYear)]);

    let b = read_year_block(&from_tsv("R4\t令和4年度\n1\t2\n"), y(2030));
    assert_eq!(b.values, vec![plain(2022, 1.0)]);
    assert_eq!(reasons(&b), vec![("B2".to_owned(), BlockReason::SameYearTwice)]);
}

#[test]
fn a_block_of_several_rows_and_columns_is_not_a_line_and_sets_nothing() {
    let b = read_year_block(&from_tsv("1\t2\t3\n4\t5\t6\n7\t8\t9\n"), y(2022));
    assert!(b.values.is_empty());
    assert_eq!(reasons(&b), vec![("A1".to_owned(), BlockReason::NotALine)]);
    // Two rows whose first is not years are no line either (which row would be which?).
    let b = read_year_block(&from_tsv("1\t2\n3\t4\n"), y(2022));
    assert_eq!(reasons(&b), vec![("A1".to_owned(), BlockReason::NotALine)]);
}

#[test]
fn values_past_the_last_year_shirube_holds_are_refused() {
    let b = read_year_block(&from_tsv("1\t2\n"), y(2200));
    assert_eq!(b.values, vec![plain(2200, 1.0)]);
    assert_eq!(reasons(&b), vec![("B1".to_owned(), BlockReason::YearOutOfRange)]);
}

#[test]
fn written_into_a_series_as_the_csv_import_writes_actuals_or_as_interim_targets() {
    use crate::model::Series;
    let mut s = Series::new("");
    s.set_actual(y(2023), Some(1.0));
    s.set_comment(y(2023), "町の調べ".into());
    let b = read_year_block(&from_tsv("10\t20※\t30（速報）\n"), y(2022));
    b.write_into(&mut s, false);
    let got: Vec<_> = s.actuals.iter().map(|a| (a.year.0, a.value, a.provisional, a.comment.as_str())).collect();
    // 2023's own comment stays; its mark is not written over it.
    assert_eq!(got, vec![(2022, 10.0, false, ""), (2023, 20.0, false, "町の調べ"), (2024, 30.0, true, "")]);
    b.write_into(&mut s, true);
    let interim: Vec<_> = s.interim.iter().map(|v| (v.year.0, v.value)).collect();
    assert_eq!(interim, vec![(2022, 10.0), (2023, 20.0), (2024, 30.0)]);
}
