//! The strategy's document writer (docx-rs: `format::document::strategy_document`) as a wasm part
//! of its own, fetched the first time 「戦略の文書を作る（Word）」 is pressed: neither the first
//! visit nor the 策定 page downloads it, nor does the committee's workbook. The 策定 page reaches
//! it through `ui::exporters`, as the files page reaches the workbook writer.

use crate::format::xlsx::WriteError;
use crate::locale::YearStyle;
use crate::model::Strategy;

crate::ui::parts::split!(document_writer, load: load_document_writer_part,
    /// Writes the strategy's document (.docx), timed as "shirube:document-write".
    pub async fn document_writer_part(s: Strategy, style: YearStyle) -> Result<Vec<u8>, WriteError> {
        super::files::timed("shirube:document-write", || crate::format::document::strategy_document(&s, style))
    }
);
