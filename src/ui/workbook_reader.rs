//! The workbook reader (calamine and zip, `format::table::read_workbook`) as a wasm part of its
//! own, fetched the first time a workbook is opened: neither the first visit nor the files page
//! downloads it. The files page reaches it through a function the app installs at start-up
//! ([`install`], from `app::App`), for the reason given at `state::actions`' runner: a lazily
//! loaded part's code never calls another part directly.

use crate::format::table::{Grid, WorkbookError};
use std::cell::Cell;
use std::future::Future;
use std::pin::Pin;

type Reader = fn(Vec<u8>) -> Pin<Box<dyn Future<Output = Option<Result<Vec<Grid>, WorkbookError>>>>>;

thread_local! {
    static READER: Cell<Option<Reader>> = const { Cell::new(None) };
}

/// Lets the files page read workbooks: the app calls it once, at start-up.
pub fn install() {
    READER.set(Some(|bytes| {
        Box::pin(async move {
            crate::ui::parts::load_twice(load_workbook_part).await.ok()?;
            workbook_part(bytes).await.ok()
        })
    }));
}

/// The workbook's sheets, or why none were read; `None` when no app is running (nothing
/// installed the reader) or the reader's part could not be fetched (the banner says so).
pub async fn read(bytes: Vec<u8>) -> Option<Result<Vec<Grid>, WorkbookError>> {
    let reader = READER.get()?;
    reader(bytes).await
}

crate::ui::parts::split!(workbook_reader, load: load_workbook_part,
    /// Reads the workbook, timed as "shirube:table-read" (the benchmark's figure).
    async fn workbook_part(bytes: Vec<u8>) -> Result<Vec<Grid>, WorkbookError> {
        super::files::timed("shirube:table-read", || crate::format::table::read_workbook(&bytes))
    }
);
