//! Charts: pure functions from the model to `charming::Chart`, each wrapped in a [`Figure`]
//! that also carries the chart's accessible name, a one-sentence summary and the same numbers
//! as a table. No browser code here; the UI renders `Figure::option()` with the page's ECharts.
//!
//! Architecture invariant: user text (titles, series labels) only ever reaches ECharts as plain
//! text — tooltips render in rich-text mode (canvas), never as HTML.

mod common;
pub mod dashboard;
mod figure;
pub mod indicator;
pub mod measure;
mod money;
pub mod population;
pub mod region;
#[cfg(test)]
mod testing;
pub mod yearly;

pub use figure::{Figure, Table, Words};
