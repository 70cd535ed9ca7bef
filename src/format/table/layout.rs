//! Where a town's KPI table sits in a sheet: its header row(s) — one row, or a year row over
//! 実績/目標 (or 目標/実績 over years) — below any title rows, and its body, which ends at an
//! empty row, a footnote row (※, 注, 出典) or a total row (計, 合計). The user may name the header
//! rows instead ([`table_with_header`]).

use super::column::ColumnRole;
use super::words::{ends_body, word, Word};
use super::Grid;
use std::ops::Range;

/// The rows of a table in a sheet (0-based; row `r` is Excel's row `r + 1`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TableShape {
    pub header_rows: Range<usize>,
    pub body: Range<usize>,
}

/// Rows looked at for a header: a title block is a few rows, not hundreds.
const HEADER_SEARCH: usize = 30;

/// The table of a sheet, or `None` when no row within the first rows reads as a header (two
/// or more cells naming a column or a year).
pub fn find_table(grid: &Grid) -> Option<TableShape> {
    let first = (0..grid.rows.len().min(HEADER_SEARCH)).find(|r| is_header(grid, *r))?;
    let rows = if is_second_header(grid, first) { 2 } else { 1 };
    Some(table_with_header(grid, first..first + rows))
}

/// The table under header rows the user named: its body runs from after them to the first
/// empty, footnote or total row. An empty or out-of-range header gives an empty body.
pub fn table_with_header(grid: &Grid, header_rows: Range<usize>) -> TableShape {
    let end = header_rows.end.min(grid.rows.len());
    let start = header_rows.start.min(end);
    let header_rows = start..end;
    // Blank rows straight under the header (a spacer) are not the end of a table not yet begun.
    let body_start = (end..grid.rows.len()).find(|r| !is_blank(grid, *r)).unwrap_or(grid.rows.len());
    let body_end = (body_start..grid.rows.len()).find(|r| ends_body(grid, *r)).unwrap_or(grid.rows.len());
    TableShape { header_rows, body: body_start..body_end }
}

fn is_blank(grid: &Grid, row: usize) -> bool {
    grid.rows.get(row).is_none_or(|cells| cells.iter().all(|c| c.is_empty()))
}

/// The header words of a row, one per column (merged cells read in every column they cover).
fn words(grid: &Grid, row: usize) -> Vec<Word> {
    (0..grid.width()).map(|c| word(grid.shown(row, c))).collect()
}

/// A header row: two or more cells that name a column or are a year (a title has one; a
/// cell merged over several columns counts once).
fn is_header(grid: &Grid, row: usize) -> bool {
    let mut cells = Vec::new();
    for c in 0..grid.width() {
        let named = match word(grid.shown(row, c)) {
            Word::Named(_) | Word::Year(..) | Word::Kind(_) => true,
            Word::YearOfNeighbour | Word::Other => false,
        };
        let merged =
            grid.merges.iter().find(|m| m.first_row <= row && row <= m.last_row && m.first_col <= c && c <= m.last_col);
        let at = merged.map_or((row, c), |m| (m.first_row, m.first_col));
        if named && !cells.contains(&at) {
            cells.push(at);
        }
    }
    cells.len() >= 2
}

/// Whether the row under a header row is its second: a year over 実績/目標 (or 実績/目標 over a
/// year) in some column, and no number in the row (a body row has its values).
fn is_second_header(grid: &Grid, first: usize) -> bool {
    let second = first + 1;
    if second >= grid.rows.len() || is_blank(grid, second) {
        return false;
    }
    let has_number =
        (0..grid.width()).any(|c| matches!(grid.cell(second, c), super::Cell::Number(_) | super::Cell::Percent { .. }));
    let (top, below) = (words(grid, first), words(grid, second));
    let paired = top.iter().zip(&below).any(|pair| {
        matches!(
            pair,
            (Word::Year(_, None), Word::Kind(_))
                | (Word::Kind(_), Word::Year(_, None))
                | (Word::Named(ColumnRole::Target), Word::Year(_, None))
        )
    });
    let years_under = !top.iter().any(|w| matches!(w, Word::Year(..)))
        && below.iter().filter(|w| matches!(w, Word::Year(..))).count() >= 2;
    !has_number && (paired || years_under)
}
