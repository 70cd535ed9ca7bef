//! The log of a bring-in under way: a region's bring-in of many towns stores one
//! strategy after another, and a page left half-way (closed, reloaded, crashed) would leave
//! the strategies stored so far with no region and no word. The log, written before each group
//! of strategies is stored, names what the bring-in stores and what the region was before, so
//! that the next start lists what was stored and can undo it as a whole
//! (`session::region::unfinished`). One log at a time, under `shirube/intake`: beside the data,
//! never exported. Removed when the bring-in ends.

use super::{keys, Backend, StorageError, Store, VersionReason, Write};
use crate::model::region::Region;
use crate::model::Id;
use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct IntakeLog {
    /// The region the towns come into.
    pub region: Id,
    pub region_name: String,
    /// The region as stored before the bring-in; `None` when the bring-in created it (a region
    /// file's region new here).
    pub region_before: Option<Region>,
    /// Strategies stored by this bring-in that were not stored before, and those it is about
    /// to store (the log is written before them).
    pub adding: Vec<Id>,
    /// Files to bring in, or a region file's towns.
    pub total: usize,
    /// Counts the log's writes: a page that finds a log checks after a while whether it moved
    /// (a bring-in still running in another tab) or not (a bring-in left unfinished).
    pub beat: u64,
    pub started_at: String,
}

impl<B: Backend> Store<B> {
    /// The log of a bring-in not ended (running in another tab, or left unfinished). Unreadable
    /// text is kept as garbage and reads as none.
    pub async fn intake_log(&self) -> Result<Option<IntakeLog>, StorageError> {
        Ok(self.read_json::<IntakeLog>(keys::INTAKE).await?.0)
    }

    /// Whether a log is stored, without reading it (the start page asks; reading is the
    /// bring-in's part's).
    pub async fn has_intake_log(&self) -> bool {
        matches!(self.backend.get(keys::INTAKE).await, Ok(Some(_)))
    }

    pub async fn write_intake_log(&self, log: &IntakeLog) -> Result<(), StorageError> {
        self.write_json(keys::INTAKE, log).await
    }

    pub async fn end_intake_log(&self) -> Result<(), StorageError> {
        self.backend.remove(keys::INTAKE).await
    }

    /// Takes back strategies a bring-in stored: each of `ids` that is stored as it came in
    /// (its current version is the file's, with no version kept since) is removed, with its
    /// head, in one batch and without a backup — the user still has the files, and a backup of
    /// each of a thousand towns would double what they take. One changed since (edited, merged)
    /// is kept and returned. Ids not stored are passed over.
    pub async fn remove_brought_in(&self, ids: &[Id]) -> Result<Removed, StorageError> {
        let mut removed = Removed::default();
        let mut batch = Vec::new();
        for id in ids {
            let key = keys::strategy(id);
            let Some(text) = self.backend.get(&key).await? else { continue };
            match self.head(id).await {
                Ok(head) if head.reason == VersionReason::Imported && head.versions.is_empty() => {
                    batch.push(Write::Expect { key: key.clone(), value: Some(text) });
                    batch.push(Write::remove(key));
                    batch.push(Write::remove(keys::head(id)));
                    batch.extend(keys::names_of(id).map(Write::remove));
                    removed.count += 1;
                }
                _ => removed.changed.push(id.clone()),
            }
        }
        if !batch.is_empty() {
            self.backend.apply(batch).await?;
            self.refresh_index().await;
        }
        Ok(removed)
    }
}

/// What [`Store::remove_brought_in`] did.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Removed {
    pub count: usize,
    /// Changed since they came in: kept.
    pub changed: Vec<Id>,
}
