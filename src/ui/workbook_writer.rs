//! The workbook writer (rust_xlsxwriter, `format::xlsx::committee_workbook`) as a wasm part of
//! its own, fetched the first time a workbook is exported: neither the first visit nor the files
//! page downloads it. The files page reaches it through a function the app installs at start-up
//! ([`install`], from `app::App`), as it reaches the workbook reader (`ui::workbook_reader`).

use crate::format::xlsx::WriteError;
use crate::locale::YearStyle;
use crate::model::Strategy;
use std::cell::Cell;
use std::future::Future;
use std::pin::Pin;

type Writer = fn(Strategy, YearStyle) -> Pin<Box<dyn Future<Output = Option<Result<Vec<u8>, WriteError>>>>>;

thread_local! {
    static WRITER: Cell<Option<Writer>> = const { Cell::new(None) };
}

/// Lets the files page write workbooks: the app calls it once, at start-up.
pub fn install() {
    WRITER.set(Some(|s, style| {
        Box::pin(async move {
            crate::ui::parts::load_twice(load_workbook_writer_part).await.ok()?;
            workbook_writer_part(s, style).await.ok()
        })
    }));
}

/// The committee's workbook of `s`, or why it could not be written; `None` when no app is running
/// (nothing installed the writer) or the writer's part could not be fetched (the banner says so).
pub async fn write(s: Strategy, style: YearStyle) -> Option<Result<Vec<u8>, WriteError>> {
    let writer = WRITER.get()?;
    writer(s, style).await
}

crate::ui::parts::split!(workbook_writer, load: load_workbook_writer_part,
    /// Writes the workbook, timed as "shirube:workbook-write" (the benchmark's figure).
    async fn workbook_writer_part(s: Strategy, style: YearStyle) -> Result<Vec<u8>, WriteError> {
        super::files::timed("shirube:workbook-write", || crate::format::xlsx::committee_workbook(&s, style))
    }
);
