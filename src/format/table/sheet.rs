//! One worksheet's cells turned into a [`Grid`]: calamine's values to [`Cell`]s (a % format makes a
//! `Percent`, a date format a `Date`), placed at their real row and column within the limits.

use calamine::{Data, Dimensions};

use super::grid::{Cell, Grid, MergedRange};
use super::workbook_error::{SheetLimit, WorkbookError};

/// A sheet may use rows up to this many (a KPI table has a few hundred).
pub const MAX_ROWS: usize = 100_000;
/// A sheet may use columns up to this many (column ALL).
pub const MAX_COLUMNS: usize = 1_000;
/// A sheet's rows may hold this many cells in all, counted up to each row's last value (32 bytes
/// each: 96 MB). One value at column ALL in each of 100,000 rows would otherwise make 10⁸.
pub const MAX_CELLS: usize = 3_000_000;

/// The Excel serial day past 9999-12-31: a larger "date" is shown as its number.
const LAST_SERIAL_DAY: f64 = 2_958_466.0;

/// Builds one sheet's grid from cells in any order, refusing a sheet past the limits.
pub struct SheetBuilder {
    name: String,
    rows: Vec<Vec<Cell>>,
    cells: usize,
}

impl SheetBuilder {
    pub fn new(name: &str) -> Self {
        SheetBuilder { name: name.to_string(), rows: Vec::new(), cells: 0 }
    }

    /// Places a cell at its sheet position (0-based). Empty cells are not placed.
    pub fn place(&mut self, row: usize, col: usize, cell: Cell) -> Result<(), WorkbookError> {
        if cell == Cell::Empty {
            return Ok(());
        }
        let over = if row >= MAX_ROWS {
            Some(SheetLimit::Rows)
        } else if col >= MAX_COLUMNS {
            Some(SheetLimit::Columns)
        } else {
            None
        };
        if let Some(limit) = over {
            return Err(self.too_large(limit));
        }
        if self.rows.len() <= row {
            self.rows.resize_with(row + 1, Vec::new);
        }
        let Some(cells) = self.rows.get_mut(row) else { return Ok(()) };
        if cells.len() <= col {
            let added = col + 1 - cells.len();
            if self.cells + added > MAX_CELLS {
                return Err(self.too_large(SheetLimit::Cells));
            }
            self.cells += added;
            cells.resize(col + 1, Cell::Empty);
        }
        if let Some(slot) = cells.get_mut(col) {
            *slot = cell;
        }
        Ok(())
    }

    fn too_large(&self, limit: SheetLimit) -> WorkbookError {
        WorkbookError::SheetTooLarge { sheet: self.name.clone(), limit }
    }

    /// The grid, trailing blank cells and rows trimmed, with the merged ranges that start within
    /// it (single cells and ranges past the data dropped).
    pub fn finish(self, merges: &[Dimensions]) -> Grid {
        let mut rows = self.rows;
        for row in &mut rows {
            while row.last().is_some_and(Cell::is_empty) {
                row.pop();
            }
        }
        while rows.last().is_some_and(Vec::is_empty) {
            rows.pop();
        }
        let height = rows.len();
        let width = rows.iter().map(Vec::len).max().unwrap_or(0);
        let mut merges: Vec<MergedRange> = merges
            .iter()
            .map(|d| MergedRange {
                first_row: d.start.0 as usize,
                first_col: d.start.1 as usize,
                last_row: d.end.0 as usize,
                last_col: d.end.1 as usize,
            })
            .filter(|m| m.first_row <= m.last_row && m.first_col <= m.last_col)
            .filter(|m| (m.first_row, m.first_col) != (m.last_row, m.last_col))
            .filter(|m| m.first_row < height && m.first_col < width)
            .collect();
        crate::sorting::by_key(&mut merges, |m| (m.first_row, m.first_col));
        Grid { name: self.name, rows, merges }
    }
}

/// A value as calamine read it, with the cell's number format where the format tells it (.xlsx).
pub fn cell_of(value: Data, number_format: Option<&str>) -> Cell {
    let number = |n: f64| {
        if !n.is_finite() {
            Cell::Error("#NUM!".to_string())
        } else if number_format.is_some_and(is_percent_format) {
            Cell::Percent { shown: shown_percent(n) }
        } else {
            Cell::Number(n)
        }
    };
    match value {
        Data::Empty => Cell::Empty,
        Data::String(s) if s.is_empty() => Cell::Empty,
        Data::String(s) => Cell::Text(s),
        Data::Int(i) => number(i as f64),
        Data::Float(f) => number(f),
        Data::Bool(b) => Cell::Bool(b),
        Data::Error(e) => Cell::Error(e.to_string()),
        Data::DateTime(dt) => {
            let serial = dt.as_f64();
            // A time of day (below 1) or a duration is no date; it stays the number Excel holds.
            if dt.is_datetime() && (1.0..LAST_SERIAL_DAY).contains(&serial) {
                let (year, month, day, ..) = dt.to_ymd_hms_milli();
                Cell::Date { year: i32::from(year), month: u32::from(month), day: u32::from(day) }
            } else {
                number(serial)
            }
        }
        Data::DateTimeIso(s) => iso_date(&s).unwrap_or(Cell::Text(s)),
        Data::DurationIso(s) => Cell::Text(s),
    }
}

/// 0.123 shown as 12.3, without the float noise of ×100 (12.299999999999999).
fn shown_percent(n: f64) -> f64 {
    let shown = n * 100.0;
    let rounded = (shown * 1e9).round() / 1e9;
    if rounded.is_finite() {
        rounded
    } else {
        shown
    }
}

/// Whether a number format shows its value as a percentage: a `%` in its first section, outside
/// quotes and not escaped (`0.0%`, `0%`; not `0.0"%"`, which shows a literal % sign unscaled).
pub fn is_percent_format(format: &str) -> bool {
    let mut quoted = false;
    let mut escaped = false;
    for c in format.chars() {
        match c {
            _ if escaped => escaped = false,
            '"' => quoted = !quoted,
            _ if quoted => {}
            '\\' | '_' | '*' => escaped = true,
            ';' => return false,
            '%' => return true,
            _ => {}
        }
    }
    false
}

/// An .ods date value (`2024-04-01` or `2024-04-01T00:00:00`).
fn iso_date(s: &str) -> Option<Cell> {
    let date = s.get(..10)?;
    let mut parts = date.split('-');
    let year = parts.next()?.parse::<i32>().ok()?;
    let month = parts.next()?.parse::<u32>().ok()?;
    let day = parts.next()?.parse::<u32>().ok()?;
    ((1..=12).contains(&month) && (1..=31).contains(&day)).then_some(Cell::Date { year, month, day })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_percent_sign_in_quotes_or_a_later_section_is_no_percent_format() {
        assert!(is_percent_format("0.0%"));
        assert!(is_percent_format("0%"));
        assert!(is_percent_format("#,##0.00%;[Red]-#,##0.00%"));
        assert!(!is_percent_format("0.0\"%\""));
        assert!(!is_percent_format("0.0\\%"));
        assert!(!is_percent_format("#,##0;\"▲\"#,##0%"));
        assert!(!is_percent_format("General"));
    }

    #[test]
    fn a_percentage_shows_its_value_times_a_hundred_and_a_date_its_day() {
        assert_eq!(cell_of(Data::Float(0.123), Some("0.0%")), Cell::Percent { shown: 12.3 });
        assert_eq!(cell_of(Data::Float(0.123), Some("0.000")), Cell::Number(0.123));
        assert_eq!(cell_of(Data::Float(f64::NAN), None), Cell::Error("#NUM!".into()));
        assert_eq!(cell_of(Data::String(String::new()), None), Cell::Empty);
        assert_eq!(
            cell_of(Data::DateTimeIso("2024-04-01T00:00:00".into()), None),
            Cell::Date { year: 2024, month: 4, day: 1 }
        );
        assert_eq!(cell_of(Data::DateTimeIso("2024-13-01".into()), None), Cell::Text("2024-13-01".into()));
        assert_eq!(cell_of(Data::DateTimeIso("二〇二四".into()), None), Cell::Text("二〇二四".into()));
    }

    #[test]
    fn excel_serial_days_are_dates_of_the_1900_system_with_its_leap_day() {
        use calamine::{ExcelDateTime, ExcelDateTimeType::DateTime, ExcelDateTimeType::TimeDelta};
        let day = |serial: f64| cell_of(Data::DateTime(ExcelDateTime::new(serial, DateTime, false)), None);
        assert_eq!(day(1.0), Cell::Date { year: 1900, month: 1, day: 1 });
        assert_eq!(day(60.0), Cell::Date { year: 1900, month: 2, day: 29 });
        assert_eq!(day(61.0), Cell::Date { year: 1900, month: 3, day: 1 });
        assert_eq!(day(45383.0), Cell::Date { year: 2024, month: 4, day: 1 });
        assert_eq!(day(0.5), Cell::Number(0.5));
        assert_eq!(day(3e6), Cell::Number(3e6));
        let duration = cell_of(Data::DateTime(ExcelDateTime::new(1.5, TimeDelta, false)), None);
        assert_eq!(duration, Cell::Number(1.5));
    }

    #[test]
    fn a_sheet_past_the_limits_is_refused_with_its_name() {
        let mut sheet = SheetBuilder::new("KPI");
        assert!(sheet.place(MAX_ROWS - 1, MAX_COLUMNS - 1, Cell::Number(1.0)).is_ok());
        let rows = sheet.place(MAX_ROWS, 0, Cell::Number(1.0));
        assert_eq!(rows, Err(WorkbookError::SheetTooLarge { sheet: "KPI".into(), limit: SheetLimit::Rows }));
        let cols = sheet.place(0, MAX_COLUMNS, Cell::Number(1.0));
        assert_eq!(cols, Err(WorkbookError::SheetTooLarge { sheet: "KPI".into(), limit: SheetLimit::Columns }));
        let mut wide = SheetBuilder::new("wide");
        let refused = (0..MAX_ROWS).find_map(|r| wide.place(r, MAX_COLUMNS - 1, Cell::Bool(true)).err());
        assert_eq!(refused, Some(WorkbookError::SheetTooLarge { sheet: "wide".into(), limit: SheetLimit::Cells }));
    }

    #[test]
    fn trailing_blank_cells_rows_and_single_cell_merges_are_dropped() {
        let mut sheet = SheetBuilder::new("s");
        sheet.place(1, 2, Cell::Number(1.0)).unwrap();
        sheet.place(1, 4, Cell::Text("  ".into())).unwrap();
        sheet.place(3, 0, Cell::Text(" ".into())).unwrap();
        let merges =
            [Dimensions::new((1, 2), (2, 3)), Dimensions::new((0, 0), (0, 0)), Dimensions::new((9, 0), (9, 5))];
        let grid = sheet.finish(&merges);
        assert_eq!(grid.rows, vec![vec![], vec![Cell::Empty, Cell::Empty, Cell::Number(1.0)]]);
        assert_eq!(grid.merges, vec![MergedRange { first_row: 1, first_col: 2, last_row: 2, last_col: 3 }]);
    }
}
