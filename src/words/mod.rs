//! Words: every sentence the app says — about the data of the layers under the UI (a refused
//! file and the problems of a strategy, `problems`; storage, its errors and the kept versions,
//! `storage`; the CSV import, `csv`; a town's own table and a pasted outline, `table`; a merge's
//! conflicts, `merge`; what an action did, `notice`; the year's round, `round`; the shared folder,
//! `folder`) and every sentence a page builds from values (`import`, `table_import`, `region`,
//! `print`, `workshop`, `editor`, `publish`). Data arrives here as enums and values and leaves as
//! text, Japanese first with English available; the UI's own labels, without values, are inline
//! `tr(lang, ja, en)` pairs beside the markup that shows them (`tests/sentences.rs` fails on a
//! sentence built in `ui`). It sits just under `ui` (the formatters it builds on are
//! `crate::locale`'s core). Pure Rust, tested natively.

mod csv;
pub mod draft_gaps;
pub mod editor;
pub mod folder;
pub mod hearing;
mod history;
pub mod import;
pub mod merge;
mod notice;
pub mod opinion_book;
pub mod paste_columns;
pub mod population;
pub mod print;
mod problems;
pub mod publish;
pub mod region;
pub mod round;
pub mod round_book;
mod serde_words;
mod storage;
mod table;
pub mod table_import;
pub mod vision;
pub mod workshop;

pub use csv::*;
pub use folder::version_reason;
pub use history::{compared_strategy, old_new_count, old_new_refusal};
pub use notice::{notice, NoticeText};
pub use problems::*;
pub use storage::*;
pub use table::*;
