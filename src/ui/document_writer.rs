//! The Word writers (docx-rs: `format::document`'s strategy document and 新旧対照表) as a wasm
//! part of their own, fetched the first time 「戦略の文書を作る（Word）」 or the 新旧対照表's 「Word で書き出す」
//! is pressed: neither the first visit nor the 策定 or 履歴 page downloads it, nor does the
//! committee's workbook. Those pages reach it through `ui::exporters`, as the files page reaches
//! the workbook writer.

use crate::format::xlsx::WriteError;
use crate::locale::YearStyle;
use crate::model::Strategy;

/// What to write.
pub enum Job {
    /// The strategy's document, fiscal years in this style.
    Strategy(YearStyle),
    /// A 新旧対照表: an [`OldNewDocument`], held as `Any` so that the start-up module, which
    /// passes it on, holds no code to drop its rows.
    OldNew(Box<dyn std::any::Any>),
}

/// A 新旧対照表 to write (`format::document::old_new_document`): the table, the strategy's
/// title, the two versions' names and the years' style.
pub struct OldNewDocument {
    pub table: crate::model::compare::Table,
    pub title: String,
    pub new_name: String,
    pub old_name: String,
    pub style: YearStyle,
}

crate::ui::parts::split!(document_writer, load: load_document_writer_part,
    /// Writes the strategy's document (.docx), timed as "shirube:document-write", or a 新旧対照表
    /// (.docx), timed as "shirube:old-new-write".
    pub async fn document_writer_part(s: Strategy, job: Job) -> Result<Vec<u8>, WriteError> {
        use crate::format::document;
        match job {
            Job::OldNew(any) => match any.downcast::<OldNewDocument>() {
                Ok(d) => super::files::timed("shirube:old-new-write", || {
                    document::old_new_document(&d.title, &d.new_name, &d.old_name, &d.table, d.style)
                }),
                Err(_) => Err(WriteError("not a 新旧対照表".to_owned())),
            },
            Job::Strategy(style) => {
                super::files::timed("shirube:document-write", || document::strategy_document(&s, style))
            }
        }
    }
);
