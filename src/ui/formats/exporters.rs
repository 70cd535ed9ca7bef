//! The exporters that are parts of their own — the committee's workbook, the round's section
//! workbooks and a hearing's opinion workbook (`workbook_writer`), the public pages (`publisher`) and the strategy's document
//! and the 新旧対照表 (`document_writer`, from the 策定 and 履歴 pages) — reached through one function the app
//! installs at start-up ([`install`], from `app::App`): a part's split function is called from
//! the start-up module, never from another part, and one installed function for both keeps the
//! start-up module's share of them to one copy.

use crate::locale::YearStyle;
use crate::model::Strategy;
use std::cell::Cell;
use std::future::Future;
use std::pin::Pin;

/// What to write.
pub enum Export {
    /// The committee's workbook (.xlsx), fiscal years in this style.
    Workbook(YearStyle),
    /// The public pages' zip, made at this time (RFC 3339).
    PublicPages(String),
    /// The sections' workbooks of a round, one zip: `workbook_writer::RoundBooks` made by the
    /// page. Held as `Any` so that the start-up module, which passes it on, holds no code to
    /// drop its rows.
    RoundBooks(Box<dyn std::any::Any>),
    /// A hearing's workbook for its opinions: `format::opinions::book::OpinionBook` made by the
    /// page, held as `Any` for the same reason.
    OpinionBook(Box<dyn std::any::Any>),
    /// A Word document (.docx, `format::document`): the strategy's, or 「意見と市の考え方」.
    Document(crate::ui::formats::document_writer::Document),
}

type Writer = fn(Strategy, Export) -> Pin<Box<dyn Future<Output = Option<Result<Vec<u8>, String>>>>>;

thread_local! {
    static WRITER: Cell<Option<Writer>> = const { Cell::new(None) };
}

/// Lets the files page write its exports: the app calls it once, at start-up.
pub fn install() {
    use crate::ui::browser::parts::load_twice;
    use crate::ui::formats::{document_writer, publisher, workbook_writer};
    WRITER.set(Some(|s, export| {
        Box::pin(async move {
            let book = match export {
                Export::PublicPages(made_at) => {
                    load_twice(publisher::load_publisher_part).await.ok()?;
                    return publisher::publisher_part(s, made_at).await.ok();
                }
                Export::Document(what) => {
                    load_twice(document_writer::load_document_writer_part).await.ok()?;
                    return document_writer::document_writer_part(s, what).await.ok().map(|r| r.map_err(|e| e.0));
                }
                Export::Workbook(style) => workbook_writer::Book::Committee(style),
                Export::RoundBooks(job) => workbook_writer::Book::Round(job),
                Export::OpinionBook(job) => workbook_writer::Book::Opinions(job),
            };
            // The committee's workbook and the round's: one split function, so that the
            // start-up module holds one call of it.
            load_twice(workbook_writer::load_workbook_writer_part).await.ok()?;
            workbook_writer::workbook_writer_part(s, book).await.ok().map(|r| r.map_err(|e| e.0))
        })
    }));
}

/// The bytes of `export` of `s`, or why they could not be written; `None` when no app is running
/// (nothing installed the writer) or the part could not be fetched (the banner says so).
pub async fn write(s: Strategy, export: Export) -> Option<Result<Vec<u8>, String>> {
    let writer = WRITER.get()?;
    writer(s, export).await
}

/// A button's export: whether it is under way (the button says so and waits), and why the last
/// one failed (said under it, the strategy unchanged).
#[derive(Clone, Copy)]
pub struct Exporting {
    pub busy: leptos::prelude::RwSignal<bool>,
    pub failed: leptos::prelude::RwSignal<Option<String>>,
}

impl Exporting {
    pub fn new() -> Exporting {
        use leptos::prelude::RwSignal;
        Exporting { busy: RwSignal::new(false), failed: RwSignal::new(None) }
    }

    /// Writes what `what` makes of the open strategy (the export and the file's name) and offers
    /// it as a download, unless an export is under way.
    pub fn start(self, state: crate::ui::state::Edits, what: impl FnOnce(&Strategy) -> (Export, String)) {
        use crate::ui::state::Facade;
        use leptos::prelude::*;
        let Some(s) = state.open.get_untracked() else { return };
        if self.busy.get_untracked() {
            return;
        }
        self.busy.set(true);
        self.failed.set(None);
        let (export, name) = what(&s);
        let zip = matches!(export, Export::PublicPages(_) | Export::RoundBooks(..));
        let docx = matches!(export, Export::Document(_));
        leptos::task::spawn_local(async move {
            // Let the button's 「…しています」 paint before the synchronous writing.
            crate::ui::browser::files::next_frame().await;
            let written = write(s, export).await;
            let _ = self.busy.try_set(false);
            match written {
                Some(Ok(bytes)) if zip => state.downloads().zip(name, &bytes),
                Some(Ok(bytes)) if docx => state.downloads().docx(name, &bytes),
                Some(Ok(bytes)) => state.downloads().xlsx(name, &bytes),
                Some(Err(e)) => {
                    let _ = self.failed.try_set(Some(e));
                }
                None => {
                    let _ = self.failed.try_set(Some("no writer: the app is not running".to_owned()));
                }
            }
        });
    }
}
