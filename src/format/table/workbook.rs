//! A town's workbook (.xlsx, .xls, .ods; .xlsb too) read from its bytes into one [`Grid`] per
//! worksheet, with calamine. The bytes are checked first (`container`: size, kind, a zip bomb,
//! encryption); each sheet is refused past the limits of `sheet`, with its name. Chart sheets are
//! skipped.
//!
//! What calamine tells, per format (0.38): a date-formatted number is a date in every format (the
//! 1900 and 1904 systems, with Excel's 1900-02-29); a % format is seen in .xlsx only (its cell
//! styles), so a percentage of an .xls, .xlsb or .ods arrives as its stored number (0.123);
//! merged ranges come from .xlsx and .xls, none from .ods and .xlsb.
//!
//! An .xls (Excel 97-2003, an OLE file) is read by the calamine of `vendor/calamine`: 0.38.0 with its
//! .xls reader made safe on damaged files (`vendor/calamine/SHIRUBE.md`). The published 0.38.0
//! panics on them (its DIMENSIONS record, `xls.rs:665`; sector chains, `cfb.rs`; short records,
//! `utils.rs`), and in the wasm app a panic aborts the page; found by mutating `fixtures/kpi.xls`,
//! and kept from coming back by `tests/xls_damage.rs` (a few thousand damaged copies) and `fuzz/fuzz_targets/table_xls.rs`.
//! calamine reads every sheet of an .xls when it opens the file and holds each sheet's range
//! whole (rows × columns from its first to its last cell), so it is given `sheet::MAX_CELLS` as
//! the most cells the workbook's ranges may hold in all: past it, it stops reading
//! ([`WorkbookError::SheetTooLarge`] with [`SheetLimit::Cells`], naming the sheet that went past).

use std::io::Cursor;

use calamine::{open_workbook_from_rs, Data, Ods, OdsError, Reader, SheetType, Xls, XlsError, XlsOptions, Xlsb, Xlsx};

use super::container::{self, Container};
use super::grid::Grid;
use super::sheet::{cell_of, SheetBuilder, MAX_CELLS};
use super::workbook_error::{SheetLimit, WorkbookError, WorkbookFormat, MAX_FILE_BYTES};

/// Every worksheet of the workbook, in order, each with its name and merged ranges; cells at
/// their real rows and columns (a table starting at C5 has two empty columns and four empty rows
/// before it), trailing empty rows and columns trimmed.
pub fn read_workbook(bytes: &[u8]) -> Result<Vec<Grid>, WorkbookError> {
    if bytes.is_empty() {
        return Err(WorkbookError::Empty);
    }
    if bytes.len() > MAX_FILE_BYTES {
        return Err(WorkbookError::FileTooLarge { bytes: bytes.len(), limit: MAX_FILE_BYTES });
    }
    let grids = match container::sniff(bytes)? {
        Container::Ole if container::is_encrypted_package(bytes) => return Err(WorkbookError::Encrypted),
        Container::Ole => read_xls(bytes)?,
        Container::Xlsx => read_xlsx(bytes)?,
        Container::Xlsb => read_plain::<Xlsb<_>>(bytes, WorkbookFormat::Xlsb, |_| false)?,
        Container::Ods => read_plain::<Ods<_>>(bytes, WorkbookFormat::Ods, |e| matches!(e, OdsError::Password))?,
    };
    if grids.is_empty() {
        return Err(WorkbookError::NoWorksheet);
    }
    Ok(grids)
}

fn unreadable(format: WorkbookFormat, sheet: Option<&str>, detail: impl std::fmt::Display) -> WorkbookError {
    WorkbookError::Unreadable { format, sheet: sheet.map(str::to_string), detail: detail.to_string() }
}

/// The names of the worksheets, in order (chart, dialog and macro sheets left out).
fn worksheet_names(sheets: &[calamine::Sheet]) -> Vec<String> {
    sheets.iter().filter(|s| s.typ == SheetType::WorkSheet).map(|s| s.name.clone()).collect()
}

/// An .xlsx read cell by cell as its XML streams (calamine's whole-sheet range would first
/// allocate the sheet's bounding box, however sparse), each number with its cell's number format.
fn read_xlsx(bytes: &[u8]) -> Result<Vec<Grid>, WorkbookError> {
    let format = WorkbookFormat::Xlsx;
    let mut workbook: Xlsx<_> = open_workbook_from_rs(Cursor::new(bytes)).map_err(|e| unreadable(format, None, e))?;
    let names = worksheet_names(workbook.sheets_metadata());
    let mut grids = Vec::with_capacity(names.len());
    for name in &names {
        let failed = |e: calamine::XlsxError| unreadable(format, Some(name), e);
        let styles = workbook.worksheet_style(name).map_err(failed)?;
        let merges = workbook.merge_cells_by_sheet_name(name).map_err(failed)?;
        let mut sheet = SheetBuilder::new(name);
        let mut cells = workbook.worksheet_cells_reader(name).map_err(failed)?;
        while let Some(cell) = cells.next_cell().map_err(failed)? {
            let (row, col) = cell.get_position();
            let value: Data = cell.get_value().clone().into();
            let number_format = match value {
                Data::Int(_) | Data::Float(_) => {
                    styles.get((row, col)).and_then(|s| s.number_format.as_ref()).map(|f| f.format_code.as_str())
                }
                _ => None,
            };
            sheet.place(row as usize, col as usize, cell_of(value, number_format))?;
        }
        grids.push(sheet.finish(&merges));
    }
    Ok(grids)
}

/// An .xls (calamine reads its sheets, with their merged ranges, when it opens the file, up to
/// `sheet::MAX_CELLS` cells of ranges in all: see the module doc). Any other OLE file (a Word
/// document) has no workbook stream and is `Unreadable`.
fn read_xls(bytes: &[u8]) -> Result<Vec<Grid>, WorkbookError> {
    let format = WorkbookFormat::Xls;
    let mut options = XlsOptions::default();
    options.max_cells = Some(MAX_CELLS);
    let mut workbook = Xls::new_with_options(Cursor::new(bytes), options).map_err(|e| match e {
        XlsError::Password => WorkbookError::Encrypted,
        XlsError::TooManyCells { sheet, .. } => WorkbookError::SheetTooLarge { sheet, limit: SheetLimit::Cells },
        e => unreadable(format, None, e),
    })?;
    let names = worksheet_names(workbook.sheets_metadata());
    let mut grids = Vec::with_capacity(names.len());
    for name in &names {
        let range = workbook.worksheet_range(name).map_err(|e| unreadable(format, Some(name), e))?;
        let merges = workbook.merge_cells_by_sheet_name(name).map_err(|e| unreadable(format, Some(name), e))?;
        grids.push(grid_of_range(name, &range)?.finish(&merges));
    }
    Ok(grids)
}

/// A format without merged ranges or number formats in calamine (.ods, .xlsb).
fn read_plain<'a, R>(
    bytes: &'a [u8],
    format: WorkbookFormat,
    is_password: fn(&R::Error) -> bool,
) -> Result<Vec<Grid>, WorkbookError>
where
    R: Reader<Cursor<&'a [u8]>>,
    R::Error: std::fmt::Display,
{
    let mut workbook: R = open_workbook_from_rs(Cursor::new(bytes)).map_err(|e| {
        if is_password(&e) {
            WorkbookError::Encrypted
        } else {
            unreadable(format, None, e)
        }
    })?;
    let names = worksheet_names(workbook.sheets_metadata());
    let mut grids = Vec::with_capacity(names.len());
    for name in &names {
        let range = workbook.worksheet_range(name).map_err(|e| unreadable(format, Some(name), e))?;
        grids.push(grid_of_range(name, &range)?.finish(&[]));
    }
    Ok(grids)
}

/// A calamine range placed at its real position (its `start` is its first used cell).
fn grid_of_range(name: &str, range: &calamine::Range<Data>) -> Result<SheetBuilder, WorkbookError> {
    let mut sheet = SheetBuilder::new(name);
    let (top, left) = range.start().map_or((0, 0), |(r, c)| (r as usize, c as usize));
    for (row, col, value) in range.used_cells() {
        sheet.place(top + row, left + col, cell_of(value.clone(), None))?;
    }
    Ok(sheet)
}
