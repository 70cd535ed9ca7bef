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
    }
}
