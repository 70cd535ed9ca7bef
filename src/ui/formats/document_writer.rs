//! The Word writers (docx-rs: `format::document`'s strategy document, 「意見と市の考え方」 and the
//! 新旧対照表) as a wasm part of their own, fetched the first time one is asked for on the 策定
//! or 履歴 page: neither the first visit nor those pages download it, nor does the committee's
//! workbook. Those pages reach it through `ui::formats::exporters`, as the files page reaches the
//! workbook writer.

use crate::format::document::DocxError;
use crate::locale::YearStyle;
use crate::model::{Id, Strategy};

/// Which document to write.
pub enum Document {
    /// The strategy's document, fiscal years in this style, with a table of contents or not.
    Strategy(YearStyle, crate::format::document::Contents),
    /// 「意見と市の考え方」 of one hearing, or of every hearing with opinions.
    Opinions(Option<Id>),
    /// A 新旧対照表: an [`OldNewDocument`], held as `Any` so that the start-up module, which
    /// passes it on, holds no code to drop its rows.
    OldNew(Box<dyn std::any::Any>),
}

/// A 新旧対照表 to write (`format::document::old_new_document`): the table, the strategy's
/// title, the two versions' names and the years' style.
pub struct OldNewDocument {
    pub table: crate::model::compare::Comparison,
    pub title: String,
    pub new_name: String,
    pub old_name: String,
    pub style: YearStyle,
}

crate::ui::browser::parts::split!(document_writer, load: load_document_writer_part,
    /// Writes a document (.docx): the strategy's or 「意見と市の考え方」, timed as
    /// "shirube:document-write", or a 新旧対照表, timed as "shirube:old-new-write".
    pub async fn document_writer_part(s: Strategy, what: Document) -> Result<Vec<u8>, DocxError> {
        use crate::format::document;
        // Made by the town, now: the file's properties and the date line say so.
        let made = document::Issued { town: s.municipality.name.trim().to_owned(), at: crate::ui::browser::files::now() };
        match what {
            Document::OldNew(any) => match any.downcast::<OldNewDocument>() {
                Ok(d) => crate::ui::browser::files::timed("shirube:old-new-write", || {
                    document::old_new_document(&d.title, &d.new_name, &d.old_name, &d.table, d.style, &made)
                }),
                Err(_) => Err(DocxError("not a 新旧対照表".to_owned())),
            },
            Document::Strategy(style, contents) => crate::ui::browser::files::timed("shirube:document-write", || {
                document::strategy_document(&s, style, &made, contents)
            }),
            Document::Opinions(hearing) => crate::ui::browser::files::timed("shirube:document-write", || {
                document::opinions_document(&s, hearing.as_ref(), &made)
            }),
        }
    }
);
