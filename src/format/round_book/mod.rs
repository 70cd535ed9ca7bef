//! A section's workbook for the year's round (照会用のブック): for a section without the shared
//! folder, one .xlsx holding only the items the round asks of it (`model::round::items`) and the
//! round's instructions, written for the section's own Excel and read back when it is returned.
//!
//! **Layout.** Sheet 「依頼」: the year, the deadline, the 依頼文, then the workbook's identity
//! (the strategy's, the round's and the section's ids, the number of answer rows), all locked.
//! Sheet 「回答」: one row per value asked (a KPI breakdown's actual, a 要因分析, an initiative's
//! 決算額 …) under the fixed header [`COLUMNS`]; the ids and the planning section's columns are
//! locked by sheet protection, only the 回答 column is not; ratings and directions are
//! drop-downs.
//!
//! **Where it runs.** What needs the model (the rows, the matching) runs in the round's page;
//! the xlsx writing (`write_books`) and the unpacking and reading of files (`open_files`) get
//! plain data, so that the workbook parts carry none of the model's code.
//!
//! **Reading back** (`read`): rows are matched by id and field, never by position. A workbook
//! whose structure was changed (a renamed sheet, a moved column, a deleted or unknown id row, a
//! workbook of another strategy, round or section) is refused whole, saying where; a value typed
//! into a locked column (protection removed) is listed as ignored; a value the editor would not
//! take is listed with its cell, and the rest of the workbook is still read. What it would
//! change is plain data ([`AnswerChange`]: section, item, old, new), applied only when the user takes
//! it in (`apply`).

mod apply;
mod read;
mod rows;
#[cfg(test)]
pub(crate) mod tests;
mod write;

pub use apply::{apply, changes_of, confirmed_by, take_in, taking};
pub use read::{
    open_files, read_answers, read_grids, read_opened, unpack, Answered, BadCell, BadValue, BookRefusal, Ignored,
    OpenedBook, ReturnedBook,
};
pub use rows::{rows, BookRow};
pub(crate) use write::{file_safe, fill_in_cell, identity_sheet};
pub use write::{section_book, section_books, section_workbook, write_book, write_books, zip_of, SectionBook};

use crate::model::Id;

/// The sheets' names.
pub const SHEET_REQUEST: &str = "依頼";
pub const SHEET_ANSWERS: &str = "回答";

/// The 回答 sheet's header, in order; every column but [`ANSWER`] is locked.
pub const COLUMNS: [&str; 11] =
    ["ID", "欄", "施策", "事業", "指標", "内訳", "目標値", "単位", "回答する項目", "回答", "前年度"];
/// The columns of the id, the field key and the answer.
pub const ID: usize = 0;
pub const KEY: usize = 1;
pub const ANSWER: usize = 9;

/// The identity rows' labels on the 依頼 sheet (column A), their values in column B.
pub const LABEL_STRATEGY: &str = "戦略ID";
pub const LABEL_ROUND: &str = "照会ID";
pub const LABEL_SECTION: &str = "担当課ID";
pub const LABEL_ROWS: &str = "回答の行数";
pub const LABEL_FORMAT: &str = "様式";
/// What the 様式 cell holds: the layout's name and version.
pub const FORMAT: &str = "shirube-round-book 1";

/// One value a section answers: what a row of the 回答 sheet asks, its 欄.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum AnswerField {
    /// A KPI breakdown's actual of the round's year, by the breakdown's id.
    Actual(Id),
    /// A KPI's 要因分析 of the year.
    Cause,
    /// An initiative's 決算額 (千円) of the year.
    Settled,
    /// An initiative's 事業実績 of the year.
    Result,
    /// An initiative's 予算額 (千円) of the year after.
    Budget,
    /// An initiative's 方向性 of the year after.
    Direction,
    /// A measure's 一次評価 (a rating of the town's scale).
    Rating,
    /// A measure's 改善点及び方向性 of the 一次評価.
    Improvements,
}

impl AnswerField {
    /// The 欄 cell's text: a breakdown's id for an actual, a fixed word otherwise.
    pub fn key(&self) -> &str {
        match self {
            AnswerField::Actual(series) => series.as_str(),
            AnswerField::Cause => "cause",
            AnswerField::Settled => "settled",
            AnswerField::Result => "result",
            AnswerField::Budget => "budget",
            AnswerField::Direction => "direction",
            AnswerField::Rating => "rating",
            AnswerField::Improvements => "improvements",
        }
    }
}

/// The value of an [`AnswerField`], as plain data.
#[derive(Clone, Debug, PartialEq)]
pub enum AnswerValue {
    None,
    Number(f64),
    Text(String),
}

/// One value a returned workbook changes.
#[derive(Clone, Debug, PartialEq)]
pub struct AnswerChange {
    /// The section whose workbook it came from.
    pub department: Id,
    /// The KPI, initiative or measure, by id.
    pub subject: Id,
    pub field: AnswerField,
    pub old: AnswerValue,
    pub new: AnswerValue,
}
