//! The user interface: Leptos components in a folder per job of the navigation (overview, edit,
//! charts, vision, drafting, round, folder, history, output, workshop), what they share (`kit`), the
//! browser's side with no views (`browser`, `formats`), and the app state they share (`state`),
//! which runs `session`'s actions against the browser's storage and shows their results in
//! words from `words` (with `locale`'s formatters). Effects here only sync with the outside world (storage, the URL hash,
//! the document's language, the charts); everything else is derived.

pub mod browser;

#[cfg(target_arch = "wasm32")]
mod charts;
#[cfg(target_arch = "wasm32")]
mod drafting;
#[cfg(target_arch = "wasm32")]
mod edit;
#[cfg(target_arch = "wasm32")]
mod folder;
#[cfg(target_arch = "wasm32")]
mod formats;
#[cfg(target_arch = "wasm32")]
mod handout;
#[cfg(target_arch = "wasm32")]
mod history;
#[cfg(target_arch = "wasm32")]
mod import;
#[cfg(target_arch = "wasm32")]
mod kit;
#[cfg(target_arch = "wasm32")]
mod output;
#[cfg(target_arch = "wasm32")]
mod overview;
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
mod strategy;
#[cfg(target_arch = "wasm32")]
mod vision;
#[cfg(target_arch = "wasm32")]
mod workshop;

#[cfg(target_arch = "wasm32")]
pub use shell::app::mount;
