//! The workbook reader (calamine and zip: a town's workbook, `format::table::read_workbook`, and
//! the round's returned section workbooks opened, `format::round_book::open_files`) as a wasm part of
//! its own, fetched the first time a workbook is opened: neither the first visit nor the files
//! page downloads it. The files page reaches it through one function the app installs at
//! start-up ([`install`], from `app::App`), for the reason given at `state::actions`' runner: a
//! lazily loaded part's code never calls another part directly. One function for both readings
//! keeps the start-up module's share to one copy.

use crate::format::round_book::OpenedBook;
use crate::format::table::{Grid, WorkbookError};
use std::cell::Cell;
use std::future::Future;
use std::pin::Pin;

/// What to read.
pub enum Request {
    /// A town's workbook: its sheets.
    Sheets(Vec<u8>),
    /// The round's returned section workbooks (files by name, or zips of them).
    Answers(Vec<(String, Vec<u8>)>),
}

/// What was read: the reply to a [`Request`].
pub enum Reply {
    Sheets(Result<Vec<Grid>, WorkbookError>),
    Answers(Vec<OpenedBook>),
}

type Reader = fn(Request) -> Pin<Box<dyn Future<Output = Option<Reply>>>>;

thread_local! {
    static READER: Cell<Option<Reader>> = const { Cell::new(None) };
}

/// Lets the files page read workbooks: the app calls it once, at start-up.
pub fn install() {
    READER.set(Some(|request| {
        Box::pin(async move {
            crate::ui::browser::parts::load_twice(load_workbook_part).await.ok()?;
            workbook_part(request).await.ok()
        })
    }));
}

/// The workbook's sheets, or why none were read; `None` when no app is running (nothing
/// installed the reader) or the reader's part could not be fetched (the banner says so).
pub async fn read(bytes: Vec<u8>) -> Option<Result<Vec<Grid>, WorkbookError>> {
    let reader = READER.get()?;
    match reader(Request::Sheets(bytes)).await? {
        Reply::Sheets(sheets) => Some(sheets),
        Reply::Answers(_) => None,
    }
}

/// The round's returned section workbooks opened (a zip's workbooks each), each one's sheets or
/// why it is none (`format::round_book::open_files`; the page reads them against the round);
/// `None` as for [`read`].
pub async fn open_answers(files: Vec<(String, Vec<u8>)>) -> Option<Vec<OpenedBook>> {
    let reader = READER.get()?;
    match reader(Request::Answers(files)).await? {
        Reply::Answers(opened) => Some(opened),
        Reply::Sheets(_) => None,
    }
}

crate::ui::browser::parts::split!(workbook_reader, load: load_workbook_part,
    /// Reads a workbook, timed as "shirube:table-read" (the benchmark's figure), or opens returned
    /// section workbooks, timed as "shirube:round-books-open".
    async fn workbook_part(request: Request) -> Reply {
        match request {
            Request::Sheets(bytes) => {
                Reply::Sheets(crate::ui::browser::files::timed("shirube:table-read", || crate::format::table::read_workbook(&bytes)))
            }
            Request::Answers(files) => {
                Reply::Answers(crate::ui::browser::files::timed("shirube:round-books-open", || crate::format::round_book::open_files(files)))
            }
        }
    }
);
