//! Shirube (しるべ): a browser-only workbench for a town's regional-revitalisation strategy.
//!
//! Layers, dependencies pointing one way only: `model` ← `format` ← `storage` ← `session` ← `ui`.
//! `model` and `format` are pure Rust and build natively; `storage` and `ui` are the browser edge.

#[cfg(not(target_arch = "wasm32"))]
pub mod bench;
pub mod charts;
pub mod examples;
pub mod format;
pub mod locale;
pub mod model;
pub mod session;
pub mod sorting;
pub mod storage;
#[cfg(all(test, not(target_arch = "wasm32")))]
mod testing;
pub mod ui;
pub mod words;
