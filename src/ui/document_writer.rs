//! The document writer (docx-rs: `format::document`) as a wasm part of its own, fetched the first
//! time a Word document is asked for on the 策定 page — the strategy's document or 「意見と市の考え方」:
//! neither the first visit nor the 策定 page downloads it, nor does the committee's workbook. The
//! 策定 page reaches it through `ui::exporters`, as the files page reaches the workbook writer.

use crate::format::xlsx::WriteError;
use crate::locale::YearStyle;
use crate::model::{Id, Strategy};

/// Which document to write.
pub enum Document {
    /// The strategy's document, fiscal years in this style.
    Strategy(YearStyle),
    /// 「意見と市の考え方」 of one hearing, or of every hearing with opinions.
    Opinions(Option<Id>),
}

crate::ui::parts::split!(document_writer, load: load_document_writer_part,
    /// Writes a document (.docx), timed as "shirube:document-write".
    pub async fn document_writer_part(s: Strategy, what: Document) -> Result<Vec<u8>, WriteError> {
        super::files::timed("shirube:document-write", || match what {
            Document::Strategy(style) => crate::format::document::strategy_document(&s, style),
            Document::Opinions(hearing) => crate::format::document::opinions_document(&s, hearing.as_ref()),
        })
    }
);
