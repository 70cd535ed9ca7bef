//! The envelope every Shirube file carries: format name, version, when and by what it was made.

use super::author::Author;
use super::header::Header;
use super::lineage::Lineage;
use crate::model::Strategy;
use schemars::JsonSchema;
use serde::ser::{SerializeStruct, Serializer};
use serde::{Deserialize, Serialize};

pub const FORMAT_NAME: &str = "shirube-strategy";
/// The version this build writes. Bump it only together with a migration from the previous one
/// (`migrations`): 2 writes the version graph as one compact string.
pub const CURRENT_VERSION: u64 = 2;

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
    pub head: Option<crate::model::VersionId>,
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
/// Written field by field after its header, not flattened: it is written on every save, and
/// serde's flattening would write it as a map.
pub(super) struct EnvelopeRef<'a> {
    header: Header<'a>,
    author: Option<&'a Author>,
    strategy: &'a Strategy,
    lineage: Option<&'a Lineage>,
}

impl Serialize for EnvelopeRef<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut file = serializer.serialize_struct("EnvelopeRef", 8)?;
        self.header.write_into(&mut file)?;
        if let Some(author) = self.author {
            file.serialize_field("author", author)?;
        }
        file.serialize_field("strategy", self.strategy)?;
        if let Some(lineage) = self.lineage {
            file.serialize_field("lineage", lineage)?;
        }
        file.end()
    }
}

/// The file text for a strategy, pretty-printed so it diffs well. `exported_at` comes from the
/// caller (the model has no clock).
pub fn export(strategy: &Strategy, exported_at: &str) -> String {
    pretty(&export_compact(strategy, exported_at))
}

/// [`export`] of a public copy (`model::public_copy`), its strategy walked once more by the list
/// of what is published (`model::publication::fields`): a field the copy emptied would
/// otherwise still be written (as `""`), and the public JSON holds only what the list publishes.
pub fn export_published(public: &Strategy, exported_at: &str) -> String {
    use crate::model::publication::fields;
    let compact = export_compact(public, exported_at);
    let Ok(mut value) = serde_json::from_str::<serde_json::Value>(&compact) else { return pretty(&compact) };
    if let Some(strategy) = value.get_mut("strategy") {
        fields::keep_published(strategy, fields::ROOT);
    }
    pretty(&serde_json::to_string(&value).unwrap_or(compact))
}

/// [`export`] with the strategy's lineage, for a file another machine may merge.
pub fn export_with_lineage(strategy: &Strategy, exported_at: &str, lineage: &Lineage) -> String {
    let mut envelope = envelope(strategy, exported_at);
    (envelope.header.head, envelope.lineage) = (lineage.head, Some(lineage));
    pretty(&serde_json::to_string(&envelope).unwrap_or_default())
}

/// [`export_with_lineage`] naming who wrote it: a member's own file in a shared folder. Compact,
/// not indented: the others' browsers read it on every change, people do not (indentation
/// doubled a large strategy's file, and its reading).
pub fn export_member_file(strategy: &Strategy, exported_at: &str, lineage: &Lineage, author: &Author) -> String {
    let mut envelope = envelope(strategy, exported_at);
    (envelope.header.head, envelope.lineage, envelope.author) = (lineage.head, Some(lineage), Some(author));
    serde_json::to_string(&envelope).unwrap_or_default()
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

/// [`export_compact`]'s text and the strategy's fingerprint (`lineage::fingerprint`) from one
/// serialisation:
/// the fingerprint hashes the strategy's JSON exactly as the compact file holds it (after the
/// header, last), so storing a version and naming it need not write the strategy twice.
pub fn export_compact_named(strategy: &Strategy, exported_at: &str) -> (String, crate::model::VersionId) {
    // Serialising plain data with string keys cannot fail (see `export_compact`).
    let body = serde_json::to_string(strategy).unwrap_or_default();
    let fp = super::fingerprint::text_fingerprint(&body);
    (export_compact_around(&body, exported_at), fp)
}

/// [`export_compact`]'s text around a strategy's JSON written already (`body`: as a member's
/// file holds it, proved by its version's id), without writing the strategy out again.
pub fn export_compact_around(body: &str, exported_at: &str) -> String {
    let header = Header::new(FORMAT_NAME, CURRENT_VERSION, exported_at);
    let header = serde_json::to_string(&header).unwrap_or_default();
    let mut text = String::with_capacity(header.len() + body.len() + 13);
    text.push_str(header.strip_suffix('}').unwrap_or(&header));
    text.push_str(",\"strategy\":");
    text.push_str(body);
    text.push('}');
    text
}

pub(super) fn envelope<'a>(strategy: &'a Strategy, exported_at: &'a str) -> EnvelopeRef<'a> {
    EnvelopeRef {
        header: Header::new(FORMAT_NAME, CURRENT_VERSION, exported_at),
        author: None,
        strategy,
        lineage: None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::Value;

    /// The header a file is written with is the header read back from it; what is not text
    /// reads as empty (as the readers took it before the header was one type).
    #[test]
    fn the_header_written_is_the_header_read() {
        let s = crate::examples::EXAMPLES[0].load().unwrap();
        let lineage = Lineage { head: Some("0123456789abcdef0123456789abcdef".parse().unwrap()), ..Lineage::default() };
        let file: Value = serde_json::from_str(&export_with_lineage(&s, "2026-11-21T00:00:00Z", &lineage)).unwrap();
        let written =
            Header { head: lineage.head, ..Header::new(FORMAT_NAME, CURRENT_VERSION, "2026-11-21T00:00:00Z") };
        assert_eq!(Header::of(&file), written);
        let odd = serde_json::json!({"format": 1, "exported_at": null, "generator": ["x"]});
        assert_eq!(Header::of(&odd), Header::default());
    }

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

    /// A version taken from a member's file is stored around the strategy's JSON as the file
    /// holds it: the same text as writing the strategy out (a header of the storing time).
    #[test]
    fn a_members_strategy_text_stored_as_it_is_is_the_compact_export() {
        let mut s = crate::examples::EXAMPLES[0].load().unwrap();
        s.title = "改行\nと \"引用\" と \u{1F600}".into();
        let author = Author { id: "m1".into(), name: "佐藤".into(), role: None };
        let file = export_member_file(&s, "2026-11-20T00:00:00Z", &Lineage::default(), &author);
        let (body, fp) = crate::format::lineage::written_strategy(&file).unwrap();
        let stored = export_compact_around(body, "2026-11-27T00:00:00Z");
        assert_eq!(stored, export_compact(&s, "2026-11-27T00:00:00Z"));
        assert_eq!(export_compact_named(&s, "2026-11-27T00:00:00Z"), (stored, fp));
    }
}
