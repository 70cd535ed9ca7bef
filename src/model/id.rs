//! Stable, random identifiers. An id is made once, never reused and never shown as a display
//! number; display numbers ("基本目標 2", "5-1") are separate, editable fields.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use std::fmt;

/// An opaque identifier such as `ind-5f0c2a…`. The prefix only helps a human reading a file.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, JsonSchema)]
#[serde(transparent)]
pub struct Id(pub String);

impl Id {
    /// A fresh random id (UUID v4) with a readable prefix, e.g. `Id::new("goal")`.
    pub fn new(prefix: &str) -> Self {
        Id(format!("{prefix}-{}", uuid::Uuid::new_v4().simple()))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// Whether the id keeps [the id rule](is_safe_id).
    pub fn is_safe(&self) -> bool {
        is_safe_id(&self.0)
    }
}

/// The longest id kept: what Shirube makes is 36–48 characters (`initiative-` and 32 hex
/// digits); the bound leaves room for another tool's ids and keeps keys and routes short.
pub const MAX_ID_LEN: usize = 128;

/// **The id rule**: every id that reaches storage or a route (strategy, region, goal, measure,
/// initiative, indicator, series, and every other item a strategy defines) is 1 to
/// [`MAX_ID_LEN`] characters of `A–Z a–z 0–9 - _`. Reason: ids become parts of storage keys
/// (`shirube/v1/strategy/<id>`, `…/version/<id>/<seq>`), where `/` separates parts and an empty
/// id is the prefix itself, and of hash routes (`#/s/<id>/edit/goal/<id>`), where `/`, `#`, `?`
/// and `%` change what the URL means. What Shirube makes (UUIDs with a readable prefix) and the
/// hand-made ids of the examples and fixtures (`ind-0001`, `kpi-1-1`) all keep it.
///
/// A file whose ids break it is refused with the JSON path of the first bad id
/// (`format::ImportError::UnsafeId`), never renewed: ids are what match two machines' copies of
/// an item in a merge and a region's towns to its members, so renewing them quietly would turn
/// the next round trip of the same file into duplicates; the file is another tool's or was
/// edited by hand, and whoever made it can fix it. Data stored under such an id before the rule
/// is set aside as unreadable data at start-up (`storage::Store::set_aside_unsafe_ids`).
pub fn is_safe_id(id: &str) -> bool {
    !id.is_empty() && id.len() <= MAX_ID_LEN && id.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
}

impl fmt::Display for Id {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl From<&str> for Id {
    fn from(s: &str) -> Self {
        Id(s.to_owned())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn new_ids_are_prefixed_and_distinct() {
        let ids: std::collections::HashSet<Id> = (0..1000).map(|_| Id::new("ind")).collect();
        assert_eq!(ids.len(), 1000);
        assert!(ids.iter().all(|id| id.as_str().starts_with("ind-") && id.as_str().len() == 36));
        assert!(ids.iter().all(Id::is_safe));
    }

    #[test]
    fn the_id_rule() {
        for good in
            ["ind-0001", "kpi-1-1", "strategy-c0a1b2c3d4e5f60718293a4b5c6d7e8f", "a", "A_b-9", &"x".repeat(MAX_ID_LEN)]
        {
            assert!(is_safe_id(good), "{good}");
        }
        for (i, kind) in
            ["strategy", "region", "goal", "measure", "initiative", "ind", "series", "section"].iter().enumerate()
        {
            assert!(Id::new(kind).is_safe(), "{i}");
        }
        let long = "x".repeat(MAX_ID_LEN + 1);
        for bad in ["", "a/b", "../strategy/x", "a b", "a#b", "a?b", "a%2F", "a.b", "目標1", "a\u{202E}", " a", &long]
        {
            assert!(!is_safe_id(bad), "{bad:?}");
        }
    }
}
