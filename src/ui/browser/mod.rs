//! The browser's side of the app, with no views: files in and out, the clock, timings
//! (`files`), the lazily loaded parts' loader (`parts`), a workbook's round trip into a page
//! (`round_trip`) and the stylesheets a page enables
//! (`stylesheet`).

pub mod files;
#[cfg(target_arch = "wasm32")]
pub(crate) mod parts;
#[cfg(target_arch = "wasm32")]
pub(crate) mod round_trip;
#[cfg(target_arch = "wasm32")]
pub(crate) mod stylesheet;
