//! Reading a stored envelope back through `format::read_quietly`: a strategy which only breaks
//! validation rules is still read — autosave keeps work in progress (a reversed period while
//! typing, an indicator without a series yet), and that is the user's work, not garbage.

use crate::format::{read_quietly, FORMAT_NAME};
use crate::model::{Id, Strategy};
use serde_json::Value;

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

/// What a backup list shows, read without a full import: `(id, title, municipality)`.
pub(super) fn describe(text: &str) -> Option<(Id, String, String)> {
    let text = text.strip_prefix('\u{FEFF}').unwrap_or(text);
    let value: Value = serde_json::from_str(text).ok()?;
    if value.get("format").and_then(Value::as_str) != Some(FORMAT_NAME) {
        return None;
    }
    let strategy = value.get("strategy")?;
    let id = strategy.get("id")?.as_str().filter(|id| !id.is_empty())?;
    let title = strategy.get("title").and_then(Value::as_str).unwrap_or_default();
    let municipality = strategy.pointer("/municipality/name").and_then(Value::as_str).unwrap_or_default();
    Some((Id::from(id), title.to_owned(), municipality.to_owned()))
}
