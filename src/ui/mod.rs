//! The user interface: Leptos components by feature and the app state they share (`state`),
//! which runs `session`'s actions against the browser's storage and shows their results in
//! words from `words` (with `locale`'s formatters). Effects here only sync with the outside world (storage, the URL hash,
//! the document's language, the charts); everything else is derived.

pub mod files;

#[cfg(target_arch = "wasm32")]
mod chart_view;
#[cfg(target_arch = "wasm32")]
mod dashboard;
#[cfg(target_arch = "wasm32")]
mod document_writer;
#[cfg(target_arch = "wasm32")]
mod drafting;
#[cfg(target_arch = "wasm32")]
mod editor;
#[cfg(target_arch = "wasm32")]
mod exporters;
#[cfg(target_arch = "wasm32")]
mod files_page;
#[cfg(target_arch = "wasm32")]
mod handout;
#[cfg(target_arch = "wasm32")]
mod import;
#[cfg(target_arch = "wasm32")]
mod not_found;
#[cfg(target_arch = "wasm32")]
mod overview;
#[cfg(target_arch = "wasm32")]
mod panel;
#[cfg(target_arch = "wasm32")]
mod parts;
#[cfg(target_arch = "wasm32")]
mod print;
#[cfg(target_arch = "wasm32")]
mod publisher;
#[cfg(target_arch = "wasm32")]
mod qr;
#[cfg(target_arch = "wasm32")]
mod region;
#[cfg(target_arch = "wasm32")]
mod round;
#[cfg(target_arch = "wasm32")]
mod shell;
#[cfg(target_arch = "wasm32")]
mod speech;
#[cfg(target_arch = "wasm32")]
mod state;
#[cfg(target_arch = "wasm32")]
mod status;
#[cfg(target_arch = "wasm32")]
mod strategy;
#[cfg(target_arch = "wasm32")]
mod stylesheet;
#[cfg(target_arch = "wasm32")]
mod workbook_reader;
#[cfg(target_arch = "wasm32")]
mod workbook_writer;
#[cfg(target_arch = "wasm32")]
mod workshop;

#[cfg(target_arch = "wasm32")]
pub use shell::app::mount;
