//! The envelope every Shirube file carries: format name, version, when and by what it was made.

use super::author::Author;
use super::lineage::Lineage;
use crate::model::Strategy;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

pub const FORMAT_NAME: &str = "shirube-strategy";
/// The version this build writes. Bump it only together with a migration from the previous one.
pub const CURRENT_VERSION: u64 = 1;
pub const GENERATOR: &str = concat!("Shirube ", env!("CARGO_PKG_VERSION"));

/// A Shirube strategy file.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[schemars(
    title = "Shirube strategy file",
    description = "A regional-revitalisation strategy (地方版総合戦略) exported by Shirube"
)]
pub struct Envelope {
    /// Always "shirube-strategy".
    pub format: String,
    /// The format version; files of an older version are migrated on import.
    pub version: u64,
    /// The id of the version the file holds (see `lineage`): first, so that a reader that
    /// holds that version already can stop after the first few hundred bytes.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub head: Option<String>,
    /// When the file was written (ISO 8601).
    pub exported_at: String,
    /// What wrote it, e.g. "Shirube 0.1.0".
    pub generator: String,
    /// Who wrote it, in a shared folder; absent in a file exported by hand. Before the
    /// strategy, so that a quiet poll reads it with the head.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub author: Option<Author>,
    pub strategy: Strategy,
    /// Which versions the strategy descends from, for merging two machines' work.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lineage: Option<Lineage>,
}

/// A strategy file to write, borrowing the strategy (also each entry of a backup of everything).
#[derive(Serialize)]
pub(super) struct EnvelopeRef<'a> {
    format: &'static str,
    version: u64,
    #[serde(skip_serializing_if = "Option::is_none")]
    head: Option<&'a str>,
    exported_at: &'a str,
    generator: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    author: Option<&'a Author>,
    strategy: &'a Strategy,
    #[serde(skip_serializing_if = "Option::is_none")]
    lineage: Option<&'a Lineage>,
}

/// The file text for a strategy, pretty-printed so it diffs well. `exported_at` comes from the
/// caller (the model has no clock).
pub fn export(strategy: &Strategy, exported_at: &str) -> String {
    pretty(&export_compact(strategy, exported_at))
}

/// [`export`] with the strategy's lineage, for a file another machine may merge.
pub fn export_with_lineage(strategy: &Strategy, exported_at: &str, lineage: &Lineage) -> String {
    let envelope =
        EnvelopeRef { head: lineage.head.as_deref(), lineage: Some(lineage), ..envelope(strategy, exported_at) };
    pretty(&serde_json::to_string(&envelope).unwrap_or_default())
}

/// [`export_with_lineage`] naming who wrote it: a member's own file in a shared folder (issue 46).
pub fn export_shared(strategy: &Strategy, exported_at: &str, lineage: &Lineage, author: &Author) -> String {
    let envelope = EnvelopeRef {
        head: lineage.head.as_deref(),
        lineage: Some(lineage),
        author: Some(author),
        ..envelope(strategy, exported_at)
    };
    pretty(&serde_json::to_string(&envelope).unwrap_or_default())
}

/// Compact JSON text indented, token by token (`serde_transcode`): the model has one serialiser
/// in the wasm (the compact one storage needs), not a second one for indented text.
fn pretty(compact: &str) -> String {
    let mut out = Vec::with_capacity(compact.len() * 2);
    let mut de = serde_json::Deserializer::from_str(compact);
    let done = serde_transcode::transcode(&mut de, &mut serde_json::Serializer::pretty(&mut out));
    // Text that serde_json has just written always reads back; should it not, the compact
    // text is still the same file.
    match done.ok().and_then(|()| String::from_utf8(out).ok()) {
        Some(text) => text,
        None => compact.to_owned(),
    }
}

/// The same file without whitespace: what browser storage keeps (its quota is a few MB, and
/// indentation more than doubles a large strategy).
pub fn export_compact(strategy: &Strategy, exported_at: &str) -> String {
    // Serialising plain data with string keys cannot fail; non-finite numbers become null and
    // are then refused on import, which validation reports before export in the UI.
    serde_json::to_string(&envelope(strategy, exported_at)).unwrap_or_default()
}

pub(super) fn envelope<'a>(strategy: &'a Strategy, exported_at: &'a str) -> EnvelopeRef<'a> {
    EnvelopeRef {
        format: FORMAT_NAME,
        version: CURRENT_VERSION,
        head: None,
        exported_at,
        generator: GENERATOR,
        strategy,
        lineage: None,
        author: None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The indented file is exactly what serialising the model with indentation writes: the
    /// examples, a generated strategy (numbers of every kind, empty lists) and a value that is
    /// not finite (written as null either way).
    #[test]
    fn the_indented_file_is_what_serde_json_indents() {
        let mut strategies: Vec<Strategy> = crate::examples::EXAMPLES.iter().map(|e| e.load().unwrap()).collect();
        #[cfg(not(target_arch = "wasm32"))]
        strategies.push(crate::bench::generate::generate(crate::bench::generate::Size::named("town").unwrap(), 3));
        let mut odd = strategies[0].clone();
        odd.rating_rule.tiers[0].min_percent = f64::NAN;
        odd.title = "改行\nと \"引用\" と \\ と \u{1F600}".into();
        strategies.push(odd);
        for s in &strategies {
            let expected = serde_json::to_string_pretty(&envelope(s, "2026-11-21T00:00:00Z")).unwrap();
            assert_eq!(export(s, "2026-11-21T00:00:00Z"), expected, "{}", s.title);
        }
        assert!(export(&strategies[0], "t").contains("\n  \"strategy\": {\n    \"id\": "));
    }
}
