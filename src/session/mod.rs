//! The app's logic without the UI: what the open strategy's editing session holds and the rules
//! that protect a town's data — undo and redo ([`History`]), when a change is saved
//! ([`Autosave`]), the library's actions on stored strategies ([`library`]: delete with a
//! backup, restore, …), what a confirmed import stores ([`import`]) and what they tell the user
//! ([`Notice`]). Pure Rust over `model`,
//! `format` and `storage`, tested natively; `ui` drives it with its timers and storage's answers
//! and shows the result.
//!
//! Architecture invariant: no leptos, web-sys or browser API here (`cargo test` reaches all of it).
//!
//! Not here yet (issue 17): reading a file for the preview and the form drafts still live in
//! `ui::state` and the forms.

mod autosave;
pub mod csv_import;
mod history;
pub mod import;
pub mod indicator_lines;
pub mod library;
mod notice;
pub mod workshop_nav;

pub use autosave::{Autosave, SaveState};
pub use history::{History, UNDO_LIMIT};
pub use notice::Notice;
