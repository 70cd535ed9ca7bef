//! Preferences (language, how fiscal years are shown, the strategy last opened, who the person
//! is in each strategy's round — a section or the planning section): kept apart from
//! the data under `shirube/prefs`, never exported, and never a reason to fail. The table
//! import's remembered mappings (one per layout of a town's table) sit beside them under
//! `shirube/table-mappings`, read only by the table import.

use super::{keys, Backend, StorageError, Store};
use crate::format::table::Mapping;
use crate::locale::{Language, YearStyle};
use crate::model::Id;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// Every field has a default, so preferences written by an older build still load.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, Default)]
#[serde(default)]
pub struct Preferences {
    pub language: Language,
    pub year_style: YearStyle,
    pub last_opened: Option<Id>,
    /// This browser profile's member id in shared folders (issue 46: made once, at random).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub folder_member: Option<String>,
    /// The name the person gave for the shared folder's members panel and history.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub folder_name: Option<String>,
    /// The strategies connected to a shared folder in this browser (their folders' handles are
    /// kept apart, in their own database): the app resumes their sync on any page of them.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub folder_strategies: Vec<Id>,
    /// Who the person is in each strategy's round (issue 52), by strategy id: the planning
    /// section, or a section of that strategy's list. Absent: not said.
    #[serde(skip_serializing_if = "BTreeMap::is_empty")]
    pub roles: BTreeMap<Id, crate::model::Role>,
}

impl Preferences {
    /// Who the person said they are in this strategy, if they said.
    pub fn role_in(&self, strategy: &Id) -> Option<&crate::model::Role> {
        self.roles.get(strategy)
    }

    /// Says (or, with `None`, unsays) who the person is in this strategy.
    pub fn set_role(&mut self, strategy: &Id, role: Option<crate::model::Role>) {
        match role {
            Some(r) => {
                self.roles.insert(strategy.clone(), r);
            }
            None => {
                self.roles.remove(strategy);
            }
        }
    }
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

    /// The remembered table mappings by layout key; missing, unreadable or unavailable → none
    /// (unreadable text is kept as a garbage entry).
    pub async fn table_mappings(&self) -> BTreeMap<String, Mapping> {
        match self.read_json::<BTreeMap<String, Mapping>>(keys::TABLE_MAPPINGS).await {
            Ok((Some(m), _)) => m,
            _ => BTreeMap::new(),
        }
    }

    /// Remembers one layout's mapping beside the others (the stored ones are read first, so a
    /// mapping another tab remembered meanwhile is kept).
    pub async fn remember_table_mapping(&self, key: &str, mapping: &Mapping) -> Result<(), StorageError> {
        let mut all = self.table_mappings().await;
        all.insert(key.to_owned(), mapping.clone());
        self.write_json(keys::TABLE_MAPPINGS, &all).await
    }
}
