//! Reading a stored envelope back through `format::read_quietly`: a strategy which only breaks
//! validation rules is still read — autosave keeps work in progress (a reversed period while
//! typing, an indicator without a series yet), and that is the user's work, not garbage.

use crate::format::{read_quietly, FORMAT_NAME};
use crate::model::{Id, Strategy};

/// The strategy in an envelope and the envelope's `exported_at` (when it was saved).
/// `None` when the text is not a readable envelope (storage keeps such text aside whole, so it
/// needs no account of what is wrong).
pub(super) fn decode(text: &str) -> Option<(Strategy, String)> {
    read_quietly(text).map(|r| (r.strategy, r.exported_at))
}

/// [`decode`], and the strategy must be the one the key is named after.
pub(super) fn decode_as(text: &str, id: &Id) -> Option<(Strategy, String)> {
    decode(text).filter(|(s, _)| &s.id == id)
}

/// A cheap look at stored text: is it a Shirube envelope at all? (Used before overwriting, so
/// that garbage is kept rather than silently replaced.)
pub(super) fn looks_like_envelope(text: &str) -> bool {
    /// Checked without building the strategy (this runs before every save, over the whole
    /// stored text): JSON throughout, the format's name, and a strategy that is an object.
    #[derive(serde::Deserialize)]
    struct Head<'a> {
        #[serde(borrow)]
        format: std::borrow::Cow<'a, str>,
        #[serde(borrow)]
        strategy: &'a serde_json::value::RawValue,
    }
    let text = text.strip_prefix('\u{FEFF}').unwrap_or(text);
    serde_json::from_str::<Head>(text).is_ok_and(|h| h.format == FORMAT_NAME && h.strategy.get().starts_with('{'))
}

/// What a backup list shows, read without a full import: `(id, title, municipality)`. Read
/// into borrowed fields of its own (not a `serde_json::Value`, whose code the first visit's
/// module would then carry): a title or municipality that is not text reads as empty.
pub(super) fn describe(text: &str) -> Option<(Id, String, String)> {
    use serde_json::value::RawValue;
    use std::borrow::Cow;
    #[derive(serde::Deserialize)]
    struct Envelope<'a> {
        #[serde(borrow)]
        format: Cow<'a, str>,
        #[serde(borrow)]
        strategy: Described<'a>,
    }
    #[derive(serde::Deserialize)]
    struct Described<'a> {
        #[serde(borrow)]
        id: Cow<'a, str>,
        #[serde(default, borrow)]
        title: Option<&'a RawValue>,
        #[serde(default, borrow)]
        municipality: Option<&'a RawValue>,
    }
    #[derive(serde::Deserialize)]
    struct Named<'a> {
        #[serde(default, borrow)]
        name: Option<&'a RawValue>,
    }
    let text_of =
        |raw: Option<&RawValue>| raw.and_then(|r| serde_json::from_str::<String>(r.get()).ok()).unwrap_or_default();
    let text = text.strip_prefix('\u{FEFF}').unwrap_or(text);
    let envelope: Envelope = serde_json::from_str(text).ok()?;
    let strategy = envelope.strategy;
    if envelope.format != FORMAT_NAME || strategy.id.is_empty() {
        return None;
    }
    let municipality =
        strategy.municipality.and_then(|m| serde_json::from_str::<Named>(m.get()).ok()).and_then(|m| m.name);
    Some((Id::from(strategy.id.as_ref()), text_of(strategy.title), text_of(municipality)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_backup_is_described_from_its_envelope_and_odd_fields_read_as_empty() {
        let described =
            |strategy: &str| describe(&format!(r#"{{"format":"{FORMAT_NAME}","version":1,"strategy":{strategy}}}"#));
        let full = described(
            r#"{"id":"s-1","title":"北斗市 第2期","municipality":{"name":"北斗市","code":"012360"},"goals":[]}"#,
        );
        assert_eq!(full, Some((Id::from("s-1"), "北斗市 第2期".into(), "北斗市".into())));
        // A title or municipality that is not text, or missing: empty, the backup still listed.
        let odd = described(r#"{"id":"s-2","title":3,"municipality":"北斗市"}"#);
        assert_eq!(odd, Some((Id::from("s-2"), String::new(), String::new())));
        let bare = described(r#"{"id":"s-3","municipality":{"name":null}}"#);
        assert_eq!(bare, Some((Id::from("s-3"), String::new(), String::new())));
        // Not a backup: no id, an empty id, another format, not JSON.
        assert_eq!(described(r#"{"title":"x"}"#), None);
        assert_eq!(described(r#"{"id":""}"#), None);
        assert_eq!(describe(r#"{"format":"other","strategy":{"id":"s-4"}}"#), None);
        assert_eq!(describe("not json"), None);
        // A byte-order mark before the envelope is read past.
        let with_bom = format!("\u{FEFF}{{\"format\":\"{FORMAT_NAME}\",\"strategy\":{{\"id\":\"s-5\"}}}}");
        assert_eq!(describe(&with_bom).map(|d| d.0), Some(Id::from("s-5")));
    }
}
