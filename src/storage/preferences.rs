//! Preferences (language, how fiscal years are shown, the strategy last opened): kept apart from
//! the data under `shirube/prefs`, never exported, and never a reason to fail.

use super::{keys, Backend, StorageError, Store};
use crate::locale::{Language, YearStyle};
use crate::model::Id;
use serde::{Deserialize, Serialize};

/// Every field has a default, so preferences written by an older build still load.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, Default)]
#[serde(default)]
pub struct Preferences {
    pub language: Language,
    pub year_style: YearStyle,
    pub last_opened: Option<Id>,
}

impl<B: Backend> Store<B> {
    /// The stored preferences; missing, unreadable or unavailable → the defaults (unreadable
    /// text is kept as a garbage entry).
    pub async fn preferences(&self) -> Preferences {
        match self.read_json::<Preferences>(keys::PREFERENCES).await {
            Ok((Some(p), _)) => p,
            _ => Preferences::default(),
        }
    }

    pub async fn save_preferences(&self, p: &Preferences) -> Result<(), StorageError> {
        self.write_json(keys::PREFERENCES, p).await
    }
}
