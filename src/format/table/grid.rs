//! The cells of one sheet or one pasted range, row by row, and its merged ranges.

/// One cell as Excel holds it. Text stays as written: the cell reader
/// (`csv::value_cell`) decides what a text such as 「2,408※」 or 「－」 means.
#[derive(Clone, Debug, PartialEq)]
pub enum Cell {
    Empty,
    Text(String),
    /// A number as stored (a percentage cell holds 0.123 for 12.3%: see `Percent`).
    Number(f64),
    /// A number shown with a % format: `shown` is what Excel displays (12.3 for 0.123).
    Percent {
        shown: f64,
    },
    /// A date (from an Excel serial number with a date format, or a date cell of an .ods).
    Date {
        year: i32,
        month: u32,
        day: u32,
    },
    Bool(bool),
    /// An error value Excel shows (#DIV/0!, #N/A …), as shown.
    Error(String),
}

/// A merged range (0-based, inclusive). Its value sits in the first cell; the others are
/// `Cell::Empty`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct MergedRange {
    pub first_row: usize,
    pub first_col: usize,
    pub last_row: usize,
    pub last_col: usize,
}

/// A sheet or a pasted range: `rows[r][c]`, rows may differ in length (a missing cell is empty).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Grid {
    /// The sheet's name (「KPI一覧」), or empty for pasted cells.
    pub name: String,
    pub rows: Vec<Vec<Cell>>,
    pub merges: Vec<MergedRange>,
}

/// 「回答!J5」: a cell (0-based column and row) of the sheet `sheet` as Excel names it.
pub fn address(sheet: &str, col: usize, row: usize) -> String {
    let mut letters = String::new();
    let mut n = col + 1;
    while n > 0 {
        letters.insert(0, (b'A' + ((n - 1) % 26) as u8) as char);
        n = (n - 1) / 26;
    }
    format!("{sheet}!{letters}{}", row + 1)
}

impl Cell {
    pub fn is_empty(&self) -> bool {
        match self {
            Cell::Empty => true,
            Cell::Text(t) => t.trim().is_empty(),
            _ => false,
        }
    }
}

impl Grid {
    /// The cell at (row, col), empty beyond the data.
    pub fn cell(&self, row: usize, col: usize) -> &Cell {
        self.rows.get(row).and_then(|r| r.get(col)).unwrap_or(&Cell::Empty)
    }

    /// The cell at (row, col), or the value of the merged range that covers it (a header merged
    /// over two year columns is read in both).
    pub fn shown(&self, row: usize, col: usize) -> &Cell {
        match self
            .merges
            .iter()
            .find(|m| (m.first_row..=m.last_row).contains(&row) && (m.first_col..=m.last_col).contains(&col))
        {
            Some(m) => self.cell(m.first_row, m.first_col),
            None => self.cell(row, col),
        }
    }

    /// The number of columns: the longest row's length.
    pub fn width(&self) -> usize {
        self.rows.iter().map(Vec::len).max().unwrap_or(0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_merged_header_is_read_in_every_cell_it_covers() {
        let grid = Grid {
            name: String::new(),
            rows: vec![
                vec![Cell::Text("令和4年度".into()), Cell::Empty],
                vec![Cell::Text("実績".into()), Cell::Text("目標".into())],
            ],
            merges: vec![MergedRange { first_row: 0, first_col: 0, last_row: 0, last_col: 1 }],
        };
        assert_eq!(grid.shown(0, 1), &Cell::Text("令和4年度".into()));
        assert_eq!(grid.cell(0, 1), &Cell::Empty);
        assert_eq!(grid.shown(1, 1), &Cell::Text("目標".into()));
        assert_eq!(grid.shown(5, 5), &Cell::Empty);
        assert_eq!(grid.width(), 2);
    }
}
