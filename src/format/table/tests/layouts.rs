//! Header detection and proposed roles on the layouts towns' KPI sheets use.

use crate::format::table::*;
use crate::model::FiscalYear;

/// A grid from rows of texts: a plain number becomes a Number cell, "" an empty one.
pub(super) fn grid(rows: &[&[&str]]) -> Grid {
    let cell = |t: &&str| match t {
        &"" => Cell::Empty,
        t => t.parse::<f64>().map(Cell::Number).unwrap_or_else(|_| Cell::Text((*t).to_owned())),
    };
    Grid {
        name: "KPI一覧".into(),
        rows: rows.iter().map(|r| r.iter().map(cell).collect()).collect(),
        merges: Vec::new(),
    }
}

fn merge(first_row: usize, first_col: usize, last_row: usize, last_col: usize) -> MergedRange {
    MergedRange { first_row, first_col, last_row, last_col }
}

/// Merged ranges as Excel names them, "A1:A2 E1:F1" (columns A to Z).
pub(super) fn merged(ranges: &str) -> Vec<MergedRange> {
    let corner = |at: &str| {
        let (column, row) = at.split_at(1);
        (row.parse::<usize>().unwrap() - 1, usize::from(column.as_bytes()[0] - b'A'))
    };
    let range = |r: &str| {
        let (first, last) = r.split_once(':').unwrap();
        let ((first_row, first_col), (last_row, last_col)) = (corner(first), corner(last));
        merge(first_row, first_col, last_row, last_col)
    };
    ranges.split(' ').map(range).collect()
}

pub(super) fn fy(year: i32) -> HeaderYear {
    HeaderYear { year: FiscalYear(year), calendar: false }
}

use ColumnRole::*;

#[test]
fn one_header_row_with_reiwa_years() {
    let g = grid(&[
        &["指標番号", "指標名", "単位", "基準値", "基準年度", "目標値", "目標年度", "令和4年度", "令和5年度", "備考"],
        &["5-1", "就業者一人あたり市内純生産", "万円", "431.5", "H30", "438.3", "R7", "435", "", ""],
        &["5-3", "市内有効求人倍率", "倍", "－", "", "1.24", "R7", "1.1", "1.2", "速報"],
        &[],
        &["これは表ではない", "", "1"],
    ]);
    let shape = find_table(&g).unwrap();
    assert_eq!(shape, TableShape { header_rows: 0..1, body: 1..3 });
    let columns = propose_roles(&g, &shape);
    assert_eq!(
        columns.roles,
        [Code, Name, Unit, Baseline, BaselineYear, Target, TargetYear, Actual(fy(2022)), Actual(fy(2023)), Notes]
    );
    assert_eq!(columns.headers[7], "令和4年度");
}

#[test]
fn two_header_rows_a_merged_year_over_actual_and_target() {
    let mut g = grid(&[
        &["No.", "KPI", "基準値", "目標値", "令和4年度", "", "令和5年度", ""],
        &["", "", "", "", "実績", "目標", "実績値", "目標値"],
        &["1", "観光入込客数", "1200", "1500", "1250", "1300", "1310", "1350"],
    ]);
    g.merges = merged("A1:A2 B1:B2 C1:C2 D1:D2 E1:F1 G1:H1");
    let shape = find_table(&g).unwrap();
    assert_eq!(shape, TableShape { header_rows: 0..2, body: 2..3 });
    let columns = propose_roles(&g, &shape);
    assert_eq!(
        columns.roles,
        [
            Code,
            Name,
            Baseline,
            Target,
            Actual(fy(2022)),
            Interim(FiscalYear(2022)),
            Actual(fy(2023)),
            Interim(FiscalYear(2023))
        ]
    );
    assert_eq!(columns.headers[0], "No.", "a cell merged down the header rows is read once");
    assert_eq!(columns.headers[5], "令和4年度 目標");
    assert_eq!(columns.headers[6], "令和5年度 実績値");
}

#[test]
fn abbreviated_years_and_year_columns_beside_values() {
    let g = grid(&[
        &["番号", "指標", "現状値", "年度", "目標", "年度", "H30", "R1", "R4"],
        &["1-1", "出生数", "340", "H30", "380", "R7", "335", "330", "320"],
    ]);
    let shape = find_table(&g).unwrap();
    assert_eq!(shape, TableShape { header_rows: 0..1, body: 1..2 });
    assert_eq!(
        propose_roles(&g, &shape).roles,
        [Code, Name, Baseline, BaselineYear, Target, TargetYear, Actual(fy(2018)), Actual(fy(2019)), Actual(fy(2022))]
    );
}

#[test]
fn calendar_years_are_kept_as_calendar_years() {
    let g = grid(&[
        &["指標名", "単位", "2021年", "2022年", "2022年度", "目標値"],
        &["観光入込客数", "人", "1000", "1100", "1", "1500"],
    ]);
    let shape = find_table(&g).unwrap();
    let calendar = |y| HeaderYear { year: FiscalYear(y), calendar: true };
    assert_eq!(
        propose_roles(&g, &shape).roles,
        [Name, Unit, Actual(calendar(2021)), Actual(calendar(2022)), Ignore, Target],
        "2022年度 is the same year's actual again: not read twice"
    );
}

#[test]
fn a_title_a_total_and_a_footnote_end_the_table() {
    let mut g = grid(&[
        &["第2期北斗市総合戦略 数値目標一覧"],
        &[],
        &["", "指標名", "基準値", "目標値", "R2実績"],
        &["", "新規就農者数", "3", "10", "4"],
        &["", "新規企業立地件数", "1", "5", "2"],
        &["", "計", "4", "15", "6"],
        &["", "※ 令和2年度は速報値"],
    ]);
    g.merges = merged("A1:E1");
    let shape = find_table(&g).unwrap();
    assert_eq!(shape, TableShape { header_rows: 2..3, body: 3..5 });
    assert_eq!(propose_roles(&g, &shape).roles, [Ignore, Name, Baseline, Target, Actual(fy(2020))]);

    g.rows.remove(5);
    assert_eq!(find_table(&g).unwrap().body, 3..5, "a footnote ends it too");
    g.rows[5] = vec![Cell::Empty, Cell::Text("（注）出典は各課調べ".into())];
    assert_eq!(find_table(&g).unwrap().body, 3..5);
    assert_eq!(table_with_header(&g, 3..4).body, 4..5, "the user's header rows are taken as given");
}

#[test]
fn merged_goal_cells_and_a_code_under_a_merged_heading() {
    let mut g = grid(&[
        &["基本目標", "指標", "", "当初値", "目標値"],
        &["基本目標2", "6-3", "ふるさと納税寄附件数", "3,908件", "↗"],
        &["", "7-1", "25歳から34歳までの女性の社会増減", "-40人", "0人"],
    ]);
    g.merges = merged("B1:C1 A2:A3");
    let shape = find_table(&g).unwrap();
    assert_eq!(shape.body, 1..3);
    assert_eq!(propose_roles(&g, &shape).roles, [Goal, Code, Name, Baseline, Target], "「指標」 over two columns");
}

#[test]
fn no_table_and_odd_grids_never_panic() {
    assert_eq!(find_table(&Grid::default()), None);
    assert_eq!(find_table(&grid(&[&["第2期北斗市総合戦略 数値目標一覧"], &["指標名"]])), None);
    let mut g = grid(&[&["指標名", "目標値"], &["a"]]);
    g.merges = vec![merge(5, 5, 1, 1), merge(0, 0, 99, 99)];
    let shape = table_with_header(&g, std::ops::Range { start: 7, end: 3 });
    assert_eq!(shape.body, 2..2);
    let columns = propose_roles(&g, &shape);
    assert_eq!(columns.roles.len(), 2);
    let s = crate::examples::EXAMPLES[0].load().unwrap();
    let plan = plan_table(&s, &g, &TableShape { header_rows: 0..1, body: 0..40 }, &[], Placement::Strategy);
    assert_eq!(plan.values.changes, []);
    let blank_beside = grid(&[&["指標名", "", "令和4年度", "備考"], &["出生数", "x", "330", "a"]]);
    let shape = find_table(&blank_beside).unwrap();
    let roles = propose_roles(&blank_beside, &shape).roles;
    let plan = plan_table(&s, &blank_beside, &shape, &roles, Placement::Strategy);
    assert_eq!(plan.values.ignored_columns, ["備考"], "a blank column is not listed");
}

/// 北本市's seed as flattened from its PDF: a 「数値目標」 caption, 「指標」 over the code and
/// the name without its merge, the baseline's year in its cell.
#[test]
fn the_kitamoto_seeds_table_as_flattened_from_pdf() {
    let g = grid(&[
        &["", "", "数値目標", ""],
        &["指標", "", "当初値", "目標値"],
        &["5-1", "就業者一人あたり市内純生産", "431.5万円 (H30)", "438.3万円"],
        &["5-3", "市内有効求人倍率", "-", "1.24倍"],
    ]);
    let shape = find_table(&g).unwrap();
    assert_eq!(shape, TableShape { header_rows: 1..2, body: 2..4 });
    assert_eq!(propose_roles(&g, &shape).roles, [Code, Name, Baseline, Target]);
    let s = crate::examples::EXAMPLES[0].load().unwrap();
    let plan = plan_table(&s, &g, &shape, &[Code, Name, Baseline, Target], Placement::Strategy);
    assert_eq!(plan.matched.len(), 2);
    assert!(plan.new_indicators.is_empty());
    assert_eq!((plan.values.changes.len(), plan.values.unchanged), (0, 3), "{:?}", plan.values);
    assert_eq!(plan.values.noted.len(), 1, "「-」 has no value");
}

/// 実績値 merged over the years in the row under it.
#[test]
fn a_kind_over_years() {
    let mut g = grid(&[
        &["指標名", "目標値", "実績値", "", ""],
        &["", "", "R2", "R3", "R4"],
        &["出生数", "380", "330", "320", "310"],
    ]);
    g.merges = merged("A1:A2 B1:B2 C1:E1");
    let shape = find_table(&g).unwrap();
    assert_eq!(shape, TableShape { header_rows: 0..2, body: 2..3 });
    assert_eq!(propose_roles(&g, &shape).roles, [Name, Target, Actual(fy(2020)), Actual(fy(2021)), Actual(fy(2022))]);
    assert_eq!(propose_roles(&g, &shape).headers[3], "実績値 R3");
}
