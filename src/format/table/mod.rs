//! A town's own table as it arrives: a sheet of an Excel workbook, or cells pasted out
//! of Excel (the clipboard's HTML table or its tab-separated text), read into one [`Grid`] of
//! cells with its merged ranges, and what that table means: where it sits in the sheet
//! (`layout`), what each column holds (`roles`, proposed from the header words and remembered
//! per layout; `column` names the roles and the header's years), which indicator each row is (`rows`) and what importing it would change
//! (`import`, by the CSV import's own rules). Pure Rust; never panics on any input (an .xls is
//! read by the patched calamine of `vendor/calamine`: see `workbook`).
//!
//! - `grid`: the [`Grid`] of [`Cell`]s and [`MergedRange`]s every reader gives.
//! - `workbook`: [`read_workbook`], a workbook's bytes to one grid per worksheet (calamine), or a
//!   [`WorkbookError`]; `container` checks the bytes first (kind, size, zip bomb, encryption) and
//!   `sheet` turns a sheet's values into cells within its limits; `workbook_error` holds the
//!   refusals and limits the three share.
//! - `paste`: [`from_html`] and [`from_tsv`], the clipboard's table; `year_block`:
//!   [`read_year_block`], cells pasted into an indicator's year rows.
//!
//! Fixtures and the script that makes them: `fixtures/`; tests: `tests/`; fuzzed by
//! `fuzz/fuzz_targets/table_workbook.rs`, `table_xls.rs` and `table_paste.rs`; damaged .xls files
//! by `tests/xls_damage.rs`.

mod cells;
mod column;
mod container;
mod grid;
mod import;
mod layout;
mod paste;
mod roles;
mod rows;
mod sheet;
#[cfg(test)]
mod tests;
mod words;
mod workbook;
mod workbook_error;
mod year_block;

pub use column::{ColumnRole, HeaderYear};
pub use grid::{address, Cell, Grid, MergedRange};
pub use import::{
    apply_table, plan_table, plan_table_resolved, Ambiguous, Matched, NewIndicator, NewMeasure, Resolution, SkipReason,
    TablePlan,
};
pub use layout::{find_table, table_with_header, TableShape};
pub use paste::{from_html, from_tsv};
pub use roles::{apply_mapping, header_text, layout_key, propose_roles, remember, Columns, Mapping, Remembered};
pub use rows::{Placement, RowMatchedBy};
pub use words::cell_text;
pub use workbook::read_workbook;
pub use workbook_error::{SheetLimit, WorkbookError, WorkbookFormat, MAX_FILE_BYTES};
pub use year_block::{read_year_block, BlockReason, BlockRefusal, BlockValue, YearBlock};

#[cfg(test)]
pub(crate) use import::named_measure as named_measure_for_tests;
