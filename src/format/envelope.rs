//! The envelope every Shirube file carries: format name, version, when and by what it was made.

use crate::model::Strategy;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

pub const FORMAT_NAME: &str = "shirube-strategy";
/// The version this build writes. Bump it only together with a migration from the previous one.
pub const CURRENT_VERSION: u64 = 1;
pub const GENERATOR: &str = concat!("Shirube ", env!("CARGO_PKG_VERSION"));

/// A Shirube strategy file.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[schemars(title = "Shirube strategy file", description = "A regional-revitalisation strategy (地方版総合戦略) exported by Shirube")]
pub struct Envelope {
    /// Always "shirube-strategy".
    pub format: String,
    /// The format version; files of an older version are migrated on import.
    pub version: u64,
    /// When the file was written (ISO 8601).
    pub exported_at: String,
    /// What wrote it, e.g. "Shirube 0.1.0".
    pub generator: String,
    pub strategy: Strategy,
}

/// A strategy file to write, borrowing the strategy (also each entry of a backup of everything).
#[derive(Serialize)]
pub(super) struct EnvelopeRef<'a> {
    format: &'static str,
    version: u64,
    exported_at: &'a str,
    generator: &'static str,
    strategy: &'a Strategy,
}

/// The file text for a strategy, pretty-printed so it diffs well. `exported_at` comes from the
/// caller (the model has no clock).
pub fn export(strategy: &Strategy, exported_at: &str) -> String {
    // Serialising plain data with string keys cannot fail; non-finite numbers become null and
    // are then refused on import, which validation reports before export in the UI.
    serde_json::to_string_pretty(&envelope(strategy, exported_at)).unwrap_or_default()
}

/// The same file without whitespace: what browser storage keeps (its quota is a few MB, and
/// indentation more than doubles a large strategy).
pub fn export_compact(strategy: &Strategy, exported_at: &str) -> String {
    serde_json::to_string(&envelope(strategy, exported_at)).unwrap_or_default()
}

pub(super) fn envelope<'a>(strategy: &'a Strategy, exported_at: &'a str) -> EnvelopeRef<'a> {
    EnvelopeRef { format: FORMAT_NAME, version: CURRENT_VERSION, exported_at, generator: GENERATOR, strategy }
}
