//! Deleting a stored strategy with everything kept beside it (its history, the names of its
//! versions, the versions last taken from its folder's members): after a backup, or, when
//! storage is too full for one, without.

use super::decode::decode_as;
use super::{keys, Backend, BackupReason, StorageError, Store, Write};
use crate::model::{Id, Strategy};

impl<B: Backend> Store<B> {
    /// Removes of a strategy's history (head, versions and their names), for a delete's batch.
    async fn history_removal(&self, id: &Id) -> Result<Vec<Write>, StorageError> {
        let [head, versions] = keys::history_of(id);
        let (names, taken) = (keys::names_of(id), keys::taken_of(id));
        let keys = self.backend.keys().await?;
        Ok(keys
            .into_iter()
            .filter(|k| *k == head || k.starts_with(&versions) || names.contains(k) || k.starts_with(&taken))
            .map(Write::remove)
            .collect())
    }

    /// Deletes a strategy after keeping a backup of it (reason `Deleted`), which it returns: the
    /// UI offers undo as [`Store::restore_backup`]. If the backup cannot be written (storage
    /// full), nothing is deleted. Unreadable text under the id is not deleted either: it is
    /// moved to garbage (`Err(Garbage)` says where), from which the user discards it.
    pub async fn delete(&self, id: &Id, now: &str) -> Result<super::Backup, StorageError> {
        let (key, strategy, text) = self.readable(id).await?;
        let backup = self.store_backup(&strategy, &text, BackupReason::Deleted, now).await?;
        let mut batch = self.history_removal(id).await?;
        batch.push(Write::remove(&key));
        if let Err(e) = self.backend.apply(batch).await {
            let _ = self.discard_backup(&backup.key).await;
            return Err(e);
        }
        self.refresh_index().await;
        Ok(backup)
    }

    /// Deletes a strategy without keeping a backup: for when storage is too full to hold one
    /// (`delete` refuses then) — the UI has the user download the strategy as a file first.
    /// Unreadable text is not deleted, as with `delete`.
    pub async fn delete_without_backup(&self, id: &Id) -> Result<(), StorageError> {
        let (key, ..) = self.readable(id).await?;
        let mut batch = self.history_removal(id).await?;
        batch.push(Write::remove(&key));
        self.backend.apply(batch).await?;
        self.refresh_index().await;
        Ok(())
    }

    /// The key, strategy and stored text of a strategy that reads; unreadable text goes to
    /// garbage (`Err(Garbage)`).
    async fn readable(&self, id: &Id) -> Result<(String, Strategy, String), StorageError> {
        let key = keys::strategy(id);
        let Some(text) = self.backend.get(&key).await? else {
            self.refresh_index().await;
            return Err(StorageError::NotFound { id: id.clone() });
        };
        let Some((strategy, _)) = decode_as(&text, id) else {
            return Err(self.found_garbage(&key, &text).await);
        };
        Ok((key, strategy, text))
    }
}
