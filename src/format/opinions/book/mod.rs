//! 意見記入用のブック: a hearing's opinions as an .xlsx that the town (or a body's secretariat)
//! fills in with Excel — one row per opinion — and that is read back by id.
//!
//! **Layout.** Sheet 「意見」: a title, one line of instructions, the header [`COLUMNS`] (row 3),
//! then one row per opinion already recorded (its id in the hidden, locked column A), then
//! [`BLANK_ROWS`] empty rows for new ones; 対応 is a drop-down of the four words. Sheet 「情報」:
//! the town, the strategy, the stage and the hearing, then the workbook's identity (the
//! strategy's and the hearing's ids, the layout's name), locked.
//!
//! **Where it runs.** [`opinion_book`] makes the workbook as plain data from the strategy (in the
//! 策定 page); [`write_book`] writes it in the writer's wasm part, which needs none of the model's
//! code. The reader's part only opens the file into sheets (`table::read_workbook`); [`read_book`]
//! reads them against the strategy.
//!
//! **Reading back.** A row with an id answers or edits that opinion (its 番号, 意見, 要旨, 該当箇所,
//! 提出者, 対応, 市の考え方; an empty cell leaves the value as it is, never erases it); a row without
//! an id is a new opinion. A workbook of another strategy or hearing, or with its sheets or
//! header changed, is refused whole, saying where; a row that cannot be taken (no 意見, a 対応 of no
//! known word, an id of no opinion of this hearing, the same id twice, a new row the hearing already
//! holds: the workbook read in twice) is listed with its cell
//! and the other rows are still read. Nothing is applied here until [`apply`] is called.

mod read;
#[cfg(test)]
mod tests;
mod write;

pub use read::{apply, read_book, BadRow, BookProblem, Edited, Fields, Reading, Refused};
pub use write::{opinion_book, write_book, OpinionBook};

/// The sheets' names.
pub const SHEET_OPINIONS: &str = "意見";
pub const SHEET_ABOUT: &str = "情報";

/// The 意見 sheet's header, in order; the id column is hidden and locked.
pub const COLUMNS: [&str; 8] =
    ["ID", "番号", "意見（原文）", "要旨", "該当箇所", "提出者（公開しません）", "対応", "市の考え方"];
pub const ID: usize = 0;
pub const NUMBER: usize = 1;
pub const TEXT: usize = 2;
pub const SUMMARY: usize = 3;
pub const PLACE: usize = 4;
pub const SENDER: usize = 5;
pub const RESPONSE: usize = 6;
pub const ANSWER: usize = 7;
/// The header's row (0-based): under the title and the instructions.
pub const HEADER_ROW: usize = 2;
/// The empty rows written for new opinions (more can be inserted).
pub const BLANK_ROWS: usize = 50;

/// The identity rows' labels on the 情報 sheet (column A), their values in column B.
pub const LABEL_STRATEGY: &str = "戦略ID";
pub const LABEL_HEARING: &str = "意見聴取ID";
pub const LABEL_FORMAT: &str = "様式";
/// What the 様式 cell holds: the layout's name and version.
pub const FORMAT: &str = "shirube-opinion-book 1";

/// 「意見!C5」: a cell of the 意見 sheet as Excel names it (0-based column and row).
pub fn address(col: usize, row: usize) -> String {
    crate::format::table::address(SHEET_OPINIONS, col, row)
}
