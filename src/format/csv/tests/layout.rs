//! Files that are not indicator tables, and the rows Excel shows (quoted line breaks, blank
//! lines).

use super::super::{initiatives, plan_import, CsvError, Layout, RefusalReason};
use super::town;
use crate::locale::YearStyle;

#[test]
fn files_that_cannot_be_read() {
    let s = town();
    for empty in ["", "\u{feff}", "\r\n\r\n", ",,,\r\n"] {
        assert_eq!(plan_import(&s, empty), Err(CsvError::Empty), "{empty:?}");
    }
    let header = |text: &str| text.split(',').map(str::to_owned).collect::<Vec<_>>();
    assert_eq!(plan_import(&s, "名前,メモ\r\na,b\r\n"), Err(CsvError::UnknownLayout { header: header("名前,メモ") }));
    let other = initiatives(&s, YearStyle::Japanese);
    assert!(
        matches!(plan_import(&s, &other), Err(CsvError::UnknownLayout { .. })),
        "an initiative table is not an indicator table"
    );
    assert_eq!(plan_import(&s, "指標名,令和4年度\r\n"), Err(CsvError::MissingColumn { column: "指標ID".into() }));
    assert_eq!(plan_import(&s, "指標ID,区分,値\r\n"), Err(CsvError::MissingColumn { column: "年度".into() }));
    let unclosed = "指標ID,年度,区分,値\r\nind-births,R5,実績,1\r\nind-births,R6,\"実績,2\r\nind-births,R7,実績,3\r\n";
    assert_eq!(plan_import(&s, unclosed), Err(CsvError::UnclosedQuote { row: 3 }));
}

/// Limits checked while reading, before anything shows a cell (a cell of megabytes
/// would freeze the page): one cell's length, counted in characters, and the columns of a row.
#[test]
fn a_cell_too_long_or_too_many_columns_are_refused_with_the_place() {
    let s = town();
    let at_limit = "あ".repeat(crate::format::csv::MAX_CELL_CHARS);
    let ok = format!("指標ID,年度,区分,値,出典\r\nind-births,R5,実績,1,{at_limit}\r\n");
    assert!(plan_import(&s, &ok).is_ok(), "a cell of the limit is read");
    let long = format!("指標ID,年度,区分,値,出典\r\nind-births,R5,実績,1,x\r\nind-births,R6,実績,2,{at_limit}あ\r\n");
    assert_eq!(
        plan_import(&s, &long),
        Err(CsvError::CellTooLong { row: 3, column: 5, chars: crate::format::csv::MAX_CELL_CHARS + 1 })
    );
    let wide = format!("指標ID,年度,区分,値{}\r\n", ",x".repeat(crate::format::csv::MAX_COLUMNS));
    assert_eq!(
        plan_import(&s, &wide),
        Err(CsvError::TooManyColumns { row: 1, columns: crate::format::csv::MAX_COLUMNS + 4 })
    );
    // NoticeText with the place, in Japanese.
    let said = crate::words::csv_error(
        &CsvError::CellTooLong { row: 3, column: 5, chars: 20_001 },
        crate::locale::Language::Ja,
    );
    assert!(said.starts_with("3 行目の E 列（5列目）のセルが長すぎます"), "{said}");
}

/// A quoted line break stays in its row and a blank line is a row, as in Excel; a title row
/// of blank cells above the header is skipped.
#[test]
fn rows_are_the_rows_excel_shows() {
    let text = ",,,\r\n指標ID,指標名,年度,区分,値\r\nind-births,\"出生数\r\n（人）\",R5,実績,x\r\n\r\nind-births,\"a\nb\nc\",R6,実績,y\r\nind-births,出生数,R7,実績,z\r\n";
    let plan = plan_import(&town(), text).unwrap();
    assert_eq!(plan.layout, Layout::Long);
    let rows: Vec<usize> = plan.refused.iter().map(|r| r.row).collect();
    assert_eq!(rows, [3, 5, 6]);
    assert!(plan.refused.iter().all(|r| matches!(r.reason, RefusalReason::NotANumber { .. }) && r.column == "値"));
}
