//! Fields a file holds that this version of Shirube does not know — written by a newer minor
//! version or by another tool — kept on the strategy, its goals, measures, initiatives,
//! indicators and series exactly as they came, and written back on export, so a round trip
//! through this version loses nothing it did not understand (Excalidraw's `restore` keeps an
//! element's unknown properties the same way).
//!
//! Known fields are read straight into the model (serde's `flatten` buffers only the keys it
//! does not know), so a file without such fields reads as fast as before.

use super::Strategy;
use serde_json::Value;
use std::collections::BTreeMap;

/// The unknown fields of one item, by name.
pub type UnknownFields = BTreeMap<String, Value>;

impl Strategy {
    /// How many fields, on every item of the strategy, this version does not know.
    pub fn unknown_field_count(&self) -> usize {
        let goals = self.goals.iter().map(|g| {
            g.unknown.len()
                + g.measures
                    .iter()
                    .map(|m| m.unknown.len() + m.initiatives.iter().map(|i| i.unknown.len()).sum::<usize>())
                    .sum::<usize>()
        });
        let indicators =
            self.indicators.iter().map(|i| i.unknown.len() + i.series.iter().map(|s| s.unknown.len()).sum::<usize>());
        self.unknown.len() + goals.sum::<usize>() + indicators.sum::<usize>()
    }
}
