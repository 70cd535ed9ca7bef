//! The app's logic without the UI, over `model`, `format` and `storage`, tested natively: the
//! open strategy's editing session ([`editing`]: undo and redo, [`Autosave`]), another tab's
//! saves ([`tabs`]), the library's actions on stored strategies ([`library`]: delete with a
//! backup, restore, …), the import flow ([`preview`]: read → preview → confirm or cancel, a
//! late read dropped; [`import`]: what a confirmed import stores), the CSV import's flow
//! ([`csv_import`]), the round's returned workbooks' ([`round_books`]), a hearing's filled-in workbook's ([`opinion_book`]), a town's own table being mapped ([`table_import`]), what a download holds ([`export`]), what a 新旧対照表 compares with
//! ([`compare_with`]), 履歴's list of versions ([`version_list`]), the forms' drafts
//! ([`series_draft`]), the hash routes ([`route`]), the workshop's moves ([`workshop_nav`]) and the outline's cached lines
//! ([`indicator_lines`]), the regional bureau's flows ([`region`]: many towns' files at once, a
//! region file). [`workbench`] owns the store and the open strategy's editing session and runs
//! these rules as the page's actions. Actions return what happened as data ([`Notice`]); `ui` drives them
//! with its timers and storage's answers, and puts the result into words.
//!
//! Architecture invariant: no leptos, web-sys or browser API here (`cargo test` reaches all of it).

pub mod after_save;
pub mod at_hand;
mod autosave;
pub mod compare_with;
pub mod csv_import;
pub mod editing;
pub mod export;
pub mod flow;
pub mod folder;
mod history;
pub mod import;
pub mod indicator_lines;
pub mod library;
pub mod lists;
mod notice;
pub mod opinion_book;
pub mod preview;
pub mod region;
pub mod round_books;
pub mod round_trip;
pub mod route;
#[cfg(test)]
mod route_tests;
pub mod series_draft;
pub mod stopwatch;
pub mod table_import;
pub mod tabs;
#[cfg(test)]
mod target_wordings;
pub mod version_list;
pub mod vision;
pub mod workbench;
pub mod workshop_nav;

pub use autosave::{Autosave, SaveState};
pub use history::{History, UNDO_LIMIT};
pub use notice::{Notice, OnLeaving, SpaceUse};
