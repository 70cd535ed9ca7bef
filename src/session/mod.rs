//! The app's logic without the UI: what the open strategy's editing session holds and the rules
//! that protect a town's data — undo and redo ([`History`]), when a change is saved
//! ([`Autosave`]). Pure Rust over `model` and `storage`, tested natively; `ui` drives it with
//! its timers and storage's answers and shows the result.
//!
//! Architecture invariant: no leptos, web-sys or browser API here (`cargo test` reaches all of it).
//!
//! Not here yet (issue 17): the library operations, the import flow and the form drafts still
//! live in `ui::state` and the forms.

mod autosave;
mod history;

pub use autosave::{Autosave, SaveState};
pub use history::{History, UNDO_LIMIT};
