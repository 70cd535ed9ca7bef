//! The top of a strategy file, read from its first few kilobytes: its version's id, when it
//! was written and by whom — all a quiet poll of the shared folder needs to know that it holds
//! that version already, without reading (16.8 MB for the benchmark's "large") or parsing the
//! rest. The envelope writes these before the strategy (`envelope::EnvelopeRef`).

use super::envelope::{CURRENT_VERSION, FORMAT_NAME};
use super::Author;
use crate::model::VersionId;
use serde::de::{Deserializer, IgnoredAny, MapAccess, Visitor};
use std::cell::RefCell;

/// How much of a file a quiet poll reads: the envelope's top fields with a long name in them.
pub const TOP_BYTES: usize = 4096;

/// What the top of a file says.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct FileTop {
    /// The id of the version it holds (a well-formed id, or `None`).
    pub head: Option<VersionId>,
    pub exported_at: String,
    pub author: Option<Author>,
}

/// Reads the top of a strategy file from its first bytes (`prefix`, possibly cut anywhere
/// after them). `None`: not a strategy file's top, or nothing before the strategy to go by.
pub fn peek_top(prefix: &[u8]) -> Option<FileTop> {
    let text = match std::str::from_utf8(prefix) {
        Ok(t) => t,
        // Cut in the middle of a character: what comes before it.
        Err(e) => std::str::from_utf8(&prefix[..e.valid_up_to()]).ok()?,
    };
    let text = text.strip_prefix('\u{FEFF}').unwrap_or(text);
    let found = RefCell::new(None);
    let mut de = serde_json::Deserializer::from_str(text);
    // The strategy is not read: the visitor stops there, and the parser's complaint about the
    // rest (cut short, or not read to its end) does not matter.
    let _ = (&mut de).deserialize_map(TopVisitor(&found));
    found.into_inner()
}

struct TopVisitor<'a>(&'a RefCell<Option<FileTop>>);

impl<'de> Visitor<'de> for TopVisitor<'_> {
    type Value = ();

    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str("a strategy file")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
        let (mut format, mut version, mut top) = (None::<String>, None::<u64>, FileTop::default());
        while let Some(key) = map.next_key::<std::borrow::Cow<str>>()? {
            match key.as_ref() {
                "format" => format = Some(map.next_value()?),
                "version" => version = Some(map.next_value()?),
                "head" => top.head = map.next_value::<Option<&str>>()?.and_then(|h| VersionId::parse(h).ok()),
                "exported_at" => top.exported_at = map.next_value()?,
                "author" => top.author = map.next_value()?,
                "strategy" => break,
                _ => {
                    map.next_value::<IgnoredAny>()?;
                }
            }
        }
        // The top is the same in every version up to this build's (format 1's file, from a
        // member whose Shirube is older, included); a newer one is read whole (and refused).
        if format.as_deref() == Some(FORMAT_NAME) && version.is_some_and(|v| (1..=CURRENT_VERSION).contains(&v)) {
            *self.0.borrow_mut() = Some(top);
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::format::{export, export_member_file, Lineage};

    #[test]
    fn the_top_of_a_shared_file_says_its_version_and_author_within_the_first_bytes() {
        let s = crate::examples::by_key("hokuto").unwrap().load().unwrap();
        let head: VersionId = "0123456789abcdef0123456789abcdef".parse().unwrap();
        let lineage = Lineage { head: Some(head), ..Lineage::default() };
        let author = Author { id: "m1".into(), name: "田中".repeat(100), role: None };
        let text = export_member_file(&s, "2026-12-01T09:00:00Z", &lineage, &author);
        let top = peek_top(&text.as_bytes()[..TOP_BYTES]).unwrap();
        assert_eq!(top.head, Some(head));
        assert_eq!(top.exported_at, "2026-12-01T09:00:00Z");
        assert_eq!(top.author, Some(author));
        // Cut in the middle of a character, or a file without a head.
        let cut = text.find("田中").unwrap() + 1;
        assert!(peek_top(&text.as_bytes()[..cut]).is_none(), "cut before the strategy: nothing certain");
        let plain = export(&s, "t");
        assert_eq!(peek_top(&plain.as_bytes()[..TOP_BYTES]).unwrap().head, None);
        assert!(peek_top(b"{\"format\": \"shirube-backup\", \"strategy\": {").is_none());
        assert!(peek_top(b"not json").is_none());
        let newer = text.replacen(&format!("\"version\":{CURRENT_VERSION}"), "\"version\":99", 1);
        assert!(peek_top(newer.as_bytes()).is_none(), "a newer file is read whole, and refused");
        let older = text.replacen(&format!("\"version\":{CURRENT_VERSION}"), "\"version\":1", 1);
        assert_eq!(peek_top(older.as_bytes()).unwrap().head, Some(head), "format 1's top is the same");
        let bad_head = text.replacen(&head.to_string(), "<script>", 1);
        assert_eq!(peek_top(bad_head.as_bytes()).unwrap().head, None, "an id of the wrong form is not taken");
    }
}
