//! The formats' writers and readers that are wasm parts of their own, installed at start-up:
//! `exporters` (the one function every page calls), the committee's and the round's workbooks
//! (`workbook_writer`), the public pages (`publisher`), the .docx documents (`document_writer`)
//! and the workbook reader (`workbook_reader`).

pub(crate) mod document_writer;
pub(crate) mod exporters;
pub(crate) mod publisher;
pub(crate) mod workbook_reader;
pub(crate) mod workbook_writer;
