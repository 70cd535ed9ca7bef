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
    /// This browser profile's member id in shared folders (made once, at random).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub folder_member: Option<String>,
    /// The name the person gave for the shared folder's members panel and history.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub folder_name: Option<String>,
    /// The strategies connected to a shared folder in this browser (their folders' handles are
    /// kept apart, in their own database): the app resumes their sync on any page of them.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub folder_strategies: Vec<Id>,
    /// Who the person is in each strategy's round, one entry per strategy:
    /// `<strategy id>=planning` (the planning section) or `<strategy id>=<section id>` (a section
    /// of that strategy's list; ids never hold `=`). Absent: not said. Plain text, not a map of
    /// `model::Role`: the preferences are read on the first visit, whose wasm is budgeted, and
    /// a list of strings costs that visit nothing new.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub roles: Vec<String>,
}

/// How the planning section is written in [`Preferences::roles`].
const PLANNING: &str = "planning";

impl Preferences {
    /// Who the person said they are in this strategy, if they said.
    pub fn role_in(&self, strategy: &Id) -> Option<crate::model::Role> {
        use crate::model::Role;
        let role = self.roles.iter().find_map(|r| r.strip_prefix(strategy.as_str())?.strip_prefix('='))?;
        Some(if role == PLANNING { Role::Planning } else { Role::Department(Id(role.to_owned())) })
    }

    /// Says (or, with `None`, unsays) who the person is in this strategy.
    pub fn set_role(&mut self, strategy: &Id, role: Option<crate::model::Role>) {
        use crate::model::Role;
        let prefix = format!("{}=", strategy.as_str());
        self.roles.retain(|r| !r.starts_with(&prefix));
        match role {
            Some(Role::Planning) => self.roles.push(format!("{prefix}{PLANNING}")),
            Some(Role::Department(d)) => self.roles.push(format!("{prefix}{}", d.as_str())),
            None => {}
        }
    }
}

impl<B: Backend> Store<B> {
    /// The stored preferences; missing, unreadable or unavailable → the defaults (unreadable
    /// text is kept as a garbage entry).
    pub async fn preferences(&self) -> Preferences {
        match self.read_record::<Preferences>(keys::PREFERENCES).await {
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
