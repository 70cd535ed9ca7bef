//! Cells pasted into an indicator's year rows: a row or a column of values, or two
//! rows (two columns) whose first holds the years, read into one value per year by the import's
//! own cell reader (`csv::value_cell`: 「－」 and 「調査中」 are no value, 「2,408※」 is 2,408 with
//! its mark, 「1,820（速報）」 is provisional; ▲ minus, full-width digits, commas). Without years,
//! the values fill the years from the row pasted into, one year each.

use super::words::{fold, year};
use super::{Cell, Grid};
use crate::format::csv::{column_letter, read_value, ValueCell};
use crate::model::{parse_number, FiscalYear, Series, MAX_YEAR};

/// What a pasted block sets, per year, and what it does not.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct YearBlock {
    pub values: Vec<BlockValue>,
    /// Cells that say "no value" (「－」「調査中」): nothing is written for their year.
    pub no_value: Vec<(FiscalYear, String)>,
    pub refused: Vec<BlockRefusal>,
}

/// One year's value, with the mark or remark written beside it.
#[derive(Clone, Debug, PartialEq)]
pub struct BlockValue {
    pub year: FiscalYear,
    pub value: f64,
    pub provisional: bool,
    /// 「※」, 「推計」: an actual keeps it as its comment when it has none (as the CSV import does).
    pub mark: Option<String>,
}

/// A cell that sets nothing: where it sat in the pasted range (「B2」) and why.
#[derive(Clone, Debug, PartialEq)]
pub struct BlockRefusal {
    pub cell: String,
    pub text: String,
    pub reason: BlockReason,
}

/// Why a pasted cell sets nothing. No words here: the UI says them.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BlockReason {
    NotANumber,
    /// A year cell of the years' row or column that is no year.
    NotAYear,
    /// A second value for a year already set by this block.
    SameYearTwice,
    /// More than a row or column of values and one of years: the whole range (its first cell).
    NotALine,
    /// A year Shirube cannot hold (past 2200).
    YearOutOfRange,
}

/// A cell's (row, column) in the pasted range.
type Place = (usize, usize);

/// Reads a pasted range into values by year, starting at `first` where the range gives no years.
pub fn read_year_block(grid: &Grid, first: FiscalYear) -> YearBlock {
    let (rows, cols) = (grid.rows.len(), grid.width());
    let text = |r: usize, c: usize| super::cell_text(grid.cell(r, c));
    let is_year = |r: usize, c: usize| year(&fold(&text(r, c))).is_some();
    // How much a line looks like years: the share of its filled cells that are years, when its
    // first filled cell is one (a later cell that is none, such as 「合計」, is refused).
    let years_share = |cells: Vec<(usize, usize)>| {
        let filled: Vec<_> = cells.into_iter().filter(|(r, c)| !grid.cell(*r, *c).is_empty()).collect();
        match filled.first() {
            Some((r, c)) if is_year(*r, *c) => {
                filled.iter().filter(|(r, c)| is_year(*r, *c)).count() as f64 / filled.len() as f64
            }
            _ => 0.0,
        }
    };
    let above = if rows == 2 { years_share((0..cols).map(|c| (0, c)).collect()) } else { 0.0 };
    let beside = if cols == 2 { years_share((0..rows).map(|r| (r, 0)).collect()) } else { 0.0 };
    // Which cells are (year, value) pairs: years above (the towns' tables run years across, so
    // a tie goes to them) or beside the values, or one line of values.
    let pairs: Vec<(Option<Place>, Place)> = if above > 0.0 && above >= beside {
        (0..cols).map(|c| (Some((0, c)), (1, c))).collect()
    } else if beside > 0.0 {
        (0..rows).map(|r| (Some((r, 0)), (r, 1))).collect()
    } else if rows == 1 {
        (0..cols).map(|c| (None, (0, c))).collect()
    } else if cols == 1 {
        (0..rows).map(|r| (None, (r, 0))).collect()
    } else {
        let refusal = BlockRefusal { cell: place(0, 0), text: text(0, 0), reason: BlockReason::NotALine };
        return YearBlock { refused: vec![refusal], ..YearBlock::default() };
    };

    let mut block = YearBlock::default();
    let mut next = Some(first);
    let mut seen = Vec::new();
    for (label, (r, c)) in pairs {
        let refuse = |block: &mut YearBlock, (r, c): (usize, usize), reason| {
            block.refused.push(BlockRefusal { cell: place(r, c), text: text(r, c), reason });
        };
        let year = match label {
            Some((lr, lc)) => match year(&fold(&text(lr, lc))) {
                Some(y) => Some(y.year),
                None if grid.cell(lr, lc).is_empty() && grid.cell(r, c).is_empty() => continue,
                None => {
                    refuse(&mut block, (lr, lc), BlockReason::NotAYear);
                    continue;
                }
            },
            None => {
                let y = next;
                next = next.map(FiscalYear::next).filter(|y| y.western() <= MAX_YEAR);
                y
            }
        };
        if grid.cell(r, c).is_empty() {
            continue;
        }
        let Some(year) = year else {
            refuse(&mut block, (r, c), BlockReason::YearOutOfRange);
            continue;
        };
        if seen.contains(&year) {
            refuse(&mut block, (r, c), BlockReason::SameYearTwice);
            continue;
        }
        seen.push(year);
        match value(grid.cell(r, c)) {
            Some(Read::Value { value, provisional, mark }) => {
                block.values.push(BlockValue { year, value, provisional, mark })
            }
            Some(Read::NoValue(t)) => block.no_value.push((year, t)),
            None => refuse(&mut block, (r, c), BlockReason::NotANumber),
        }
    }
    block
}

impl YearBlock {
    /// Writes the block's values into a series' actuals (as the CSV import writes an actual: its
    /// mark becomes the comment when it has none) or, with `interim`, its interim targets.
    pub fn write_into(&self, series: &mut Series, interim: bool) {
        for v in &self.values {
            if interim {
                series.set_interim(v.year, Some(v.value));
            } else {
                series.write_actual(v.year, v.value, v.provisional, v.mark.as_deref());
            }
        }
    }
}

enum Read {
    Value { value: f64, provisional: bool, mark: Option<String> },
    NoValue(String),
}

/// A value cell as the import reads it; `None` when it is no number.
fn value(cell: &Cell) -> Option<Read> {
    let plain = |value| Some(Read::Value { value, provisional: false, mark: None });
    match cell {
        Cell::Number(v) => plain(*v),
        Cell::Percent { shown } => plain(*shown),
        Cell::Text(t) => match read_value(t) {
            ValueCell::Empty => None,
            ValueCell::NoValue(t) => Some(Read::NoValue(t)),
            ValueCell::Number { text, mark, provisional } => {
                parse_number(&text).ok().map(|value| Read::Value { value, provisional, mark })
            }
        },
        Cell::Empty | Cell::Date { .. } | Cell::Bool(_) | Cell::Error(_) => None,
    }
}

/// A cell's place in the pasted range as Excel names it: 「A1」.
fn place(row: usize, col: usize) -> String {
    format!("{}{}", column_letter(col), row + 1)
}
