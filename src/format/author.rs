//! Who wrote a file in a shared folder: the member's id (random per browser profile), the name
//! the person gave once, and the section they work in, when they said. An optional field of the
//! envelope, absent when the file names nobody (every export by hand, every file written before
//! it existed); its `role` is absent when not said, so an author written before it reads and
//! writes as before.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// The `author` of a strategy file written to a shared folder.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct Author {
    /// The member's id: the last part of the file's name (`shirube-<strategy>-<member>.json`).
    #[serde(default)]
    pub id: String,
    /// The name the person gave (田中), shown in the members panel and the history.
    #[serde(default)]
    pub name: String,
    /// The section they work in, or the planning section (`model::Role`), for the members
    /// panel's groups.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub role: Option<crate::model::Role>,
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use crate::format::{export, export_member_file, import, Lineage};

    /// Written when given, read back by the quick path and by the chain (an older version's file
    /// is migrated through it), absent from every other file.
    #[test]
    fn the_author_is_kept_on_a_round_trip_and_absent_when_there_is_none() {
        let s = crate::examples::by_key("hokuto").unwrap().load().unwrap();
        let author = Author { id: "m0123abcd".into(), name: "田中".into(), role: None };
        let text = export_member_file(&s, "2026-12-01T09:00:00Z", &Lineage::default(), &author);
        let read = import(&text).unwrap();
        assert_eq!((read.author.as_ref(), &read.strategy), (Some(&author), &s));
        // The chain (a key out of the quick path's order is still the same file).
        let mut value: serde_json::Value = serde_json::from_str(&text).unwrap();
        value["author"]["extra"] = "x".into();
        let chained = crate::format::read(&value.to_string()).unwrap();
        assert_eq!(chained.author, Some(author));
        let plain = export(&s, "t");
        assert!(!plain.contains("\"author\""));
        assert_eq!(import(&plain).unwrap().author, None);
        let wrong = text.replacen("\"name\":\"田中\"", "\"name\":3", 1);
        assert!(
            matches!(import(&wrong), Err(crate::format::ImportError::Shape { ref path, .. }) if path == "author.name"),
            "{:?}",
            import(&wrong)
        );
        assert!(!text.contains("\"role\""), "no role said: none written, as before");
    }

    /// A member's section travels with their name, and the top of the file says it.
    #[test]
    fn the_authors_section_is_kept_and_read_from_the_top() {
        let s = crate::examples::by_key("hokuto").unwrap().load().unwrap();
        let civic = s.departments.iter().find(|d| d.name == "市民課").unwrap().id.clone();
        let role = crate::model::Role::Department(civic);
        let author = Author { id: "m0123abcd".into(), name: "佐藤".into(), role: Some(role.clone()) };
        let text = export_member_file(&s, "2026-12-01T09:00:00Z", &Lineage::default(), &author);
        assert_eq!(import(&text).unwrap().author, Some(author.clone()));
        let top = crate::format::peek_top(&text.as_bytes()[..crate::format::TOP_BYTES.min(text.len())]).unwrap();
        assert_eq!(top.author.and_then(|a| a.role), Some(role));
        let wrong = text.replacen("\"department\":\"dept-", "\"mayor\":\"dept-", 1);
        assert!(
            matches!(import(&wrong), Err(crate::format::ImportError::Shape { ref path, .. }) if path.starts_with("author.role")),
            "{:?}",
            import(&wrong)
        );
    }
}
