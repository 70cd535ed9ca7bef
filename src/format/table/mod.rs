//! A town's own table as it arrives (issue 31): a sheet of an Excel workbook, or cells pasted out
//! of Excel (the clipboard's HTML table or its tab-separated text), read into one [`Grid`] of
//! cells with its merged ranges. What the columns mean is proposed and corrected elsewhere; this
//! module only says what each cell holds, as Excel showed it. Pure Rust; never panics on any
//! input (but see `workbook` on calamine's .xls).
//!
//! - `grid`: the [`Grid`] of [`Cell`]s and [`Merge`]s every reader gives.
//! - `workbook`: [`read_workbook`], a workbook's bytes to one grid per worksheet (calamine), or a
//!   [`WorkbookError`]; `container` checks the bytes first (kind, size, zip bomb, encryption) and
//!   `sheet` turns a sheet's values into cells within its limits.
//! - `paste`: [`from_html`] and [`from_tsv`], the clipboard's table.
//!
//! Fixtures and the script that makes them: `fixtures/`; tests: `tests/`; fuzzed by
//! `fuzz/fuzz_targets/table_workbook.rs` and `table_paste.rs`.

mod container;
mod grid;
mod paste;
mod sheet;
mod workbook;

pub use grid::{Cell, Grid, Merge};
pub use paste::{from_html, from_tsv};
pub use workbook::{read_workbook, SheetLimit, WorkbookError, WorkbookFormat};

#[cfg(test)]
mod tests;
