//! The workbook writer (rust_xlsxwriter: `format::xlsx::committee_workbook`, the round's
//! section workbooks, `format::round_book`, and a hearing's opinion workbook, `format::opinions::book`) as a wasm part of its own, fetched the first time a workbook is exported: neither the first visit nor the files
//! page downloads it. The files page reaches it through `ui::formats::exporters`, as it reaches the
//! workbook reader (`ui::formats::workbook_reader`).

use crate::format::xlsx::WriteError;
use crate::locale::YearStyle;
use crate::model::Strategy;

/// The workbook to write.
pub enum Book {
    /// The committee's workbook (.xlsx), fiscal years in this style.
    Committee(YearStyle),
    /// The sections' workbooks of a round, one zip: [`RoundBooks`] made by the page. Held as
    /// `Any` so that the start-up module, which passes it on, holds no code to drop its rows.
    Round(Box<dyn std::any::Any>),
    /// A hearing's workbook for its opinions (`format::opinions::book::OpinionBook`, made by the
    /// page), held as `Any` as the round's are.
    Opinions(Box<dyn std::any::Any>),
}

/// The sections' workbooks of a round (`format::round_book`, made from the strategy by the
/// page) and when the zip is made (RFC 3339).
pub struct RoundBooks(pub Vec<crate::format::round_book::SectionBook>, pub String);

crate::ui::browser::parts::split!(workbook_writer, load: load_workbook_writer_part,
    /// Writes the committee's workbook, timed as "shirube:workbook-write" (the benchmark's
    /// figure), or every section's workbook of a round into one zip, timed as
    /// "shirube:round-books-write", or a hearing's opinion workbook ("shirube:opinion-book-write").
    pub async fn workbook_writer_part(s: Strategy, book: Book) -> Result<Vec<u8>, WriteError> {
        match book {
            Book::Committee(style) => {
                crate::ui::browser::files::timed("shirube:workbook-write", || crate::format::xlsx::committee_workbook(&s, style))
            }
            Book::Round(job) => match job.downcast::<RoundBooks>() {
                Ok(job) => crate::ui::browser::files::timed("shirube:round-books-write", || {
                    crate::format::round_book::write_books(&job.0, &job.1)
                }),
                Err(_) => Err(WriteError("not a round's workbooks".to_owned())),
            },
            Book::Opinions(job) => match job.downcast::<crate::format::opinions::book::OpinionBook>() {
                Ok(book) => crate::ui::browser::files::timed("shirube:opinion-book-write", || {
                    crate::format::opinions::book::write_book(&book)
                }),
                Err(_) => Err(WriteError("not a hearing's workbook".to_owned())),
            },
        }
    }
);
