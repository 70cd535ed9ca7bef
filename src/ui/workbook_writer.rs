//! The workbook writer (rust_xlsxwriter, `format::xlsx::committee_workbook`) as a wasm part of
//! its own, fetched the first time a workbook is exported: neither the first visit nor the files
//! page downloads it. The files page reaches it through `ui::exporters`, as it reaches the
//! workbook reader (`ui::workbook_reader`).

use crate::format::xlsx::WriteError;
use crate::locale::YearStyle;
use crate::model::Strategy;

crate::ui::parts::split!(workbook_writer, load: load_workbook_writer_part,
    /// Writes the workbook, timed as "shirube:workbook-write" (the benchmark's figure).
    pub async fn workbook_writer_part(s: Strategy, style: YearStyle) -> Result<Vec<u8>, WriteError> {
        super::files::timed("shirube:workbook-write", || crate::format::xlsx::committee_workbook(&s, style))
    }
);
