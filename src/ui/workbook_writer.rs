//! The workbook writer (rust_xlsxwriter: `format::xlsx::committee_workbook`, and the round's
//! section workbooks, `format::round_book`) as a wasm part of its own, fetched the first time a workbook is exported: neither the first visit nor the files
//! page downloads it. The files page reaches it through `ui::exporters`, as it reaches the
//! workbook reader (`ui::workbook_reader`).

use crate::format::xlsx::WriteError;
use crate::model::Strategy;
use crate::ui::exporters::Export;

crate::ui::parts::split!(workbook_writer, load: load_workbook_writer_part,
    /// Writes the committee's workbook, timed as "shirube:workbook-write" (the benchmark's
    /// figure), or every section's workbook of a round into one zip, timed as
    /// "shirube:round-books-write"; the public pages are the publisher's.
    pub async fn workbook_writer_part(s: Strategy, export: Export) -> Result<Vec<u8>, WriteError> {
        match export {
            Export::Workbook(style) => {
                super::files::timed("shirube:workbook-write", || crate::format::xlsx::committee_workbook(&s, style))
            }
            Export::RoundBooks(job) => match job.downcast::<crate::ui::exporters::RoundBooks>() {
                Ok(job) => super::files::timed("shirube:round-books-write", || {
                    crate::format::round_book::write_books(&job.0, &job.1)
                }),
                Err(_) => Err(WriteError("not a round's workbooks".to_owned())),
            },
            Export::PublicPages(_) => Err(WriteError("the public pages are the publisher's".to_owned())),
            Export::Document(_) | Export::OldNew(_) => Err(WriteError("the document is the document writer's".to_owned())),
        }
    }
);
