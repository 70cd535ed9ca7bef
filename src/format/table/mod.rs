//! A town's own table as it arrives (issue 31): a sheet of an Excel workbook, or cells pasted out
//! of Excel (the clipboard's HTML table or its tab-separated text), read into one [`Grid`] of
//! cells with its merged ranges. What the columns mean is proposed and corrected elsewhere; this
//! module only says what each cell holds, as Excel showed it. Pure Rust; never panics on any
//! input.

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
