//! Shirube (しるべ): a browser-only workbench for a town's regional-revitalisation strategy.
//!
//! Layers, dependencies pointing one way only: `model` ← `format` ← `storage` ← `session` ← `words`
//! ← `ui`, with `locale`, `charts`, `examples` and `sorting` beside them (ARCHITECTURE.md). All
//! but `ui` and storage's browser backends is pure Rust and builds natively.

#[cfg(not(target_arch = "wasm32"))]
pub mod bench;
pub mod charts;
pub mod examples;
pub mod format;
pub mod history;
pub mod locale;
pub mod model;
pub mod session;
pub mod sorting;
pub mod storage;
#[cfg(all(test, not(target_arch = "wasm32")))]
mod testing;
pub mod ui;
pub mod words;
