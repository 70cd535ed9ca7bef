//! The readers against fixture workbooks (`fixtures/make.py`) and pasted cells.

mod paste;
mod workbook;
