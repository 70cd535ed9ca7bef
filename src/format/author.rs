//! Who wrote a file in a shared folder: the member's id (random per browser profile)
//! and the name the person gave once. An optional field of the envelope, absent when the file
//! names nobody (every export by hand, every file written before it existed).

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
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use crate::format::{export, export_shared, import, Lineage};

    /// Written when given, read back by the quick path and by the chain (an older version's file
    /// is migrated through it), absent from every other file.
    #[test]
    fn the_author_is_kept_on_a_round_trip_and_absent_when_there_is_none() {
        let s = crate::examples::by_key("hokuto").unwrap().load().unwrap();
        let author = Author { id: "m0123abcd".into(), name: "田中".into() };
        let text = export_shared(&s, "2026-12-01T09:00:00Z", &Lineage::default(), &author);
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
        let wrong = text.replacen("\"name\": \"田中\"", "\"name\": 3", 1);
        assert!(
            matches!(import(&wrong), Err(crate::format::ImportError::Shape { ref path, .. }) if path == "author.name"),
            "{:?}",
            import(&wrong)
        );
    }
}
