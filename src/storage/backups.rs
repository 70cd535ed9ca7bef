//! Backups: a strategy's envelope as it was, kept under `shirube/v1/backup/<id>/<taken at>`
//! before every delete or replacement (and on request). Their metadata sits in a
//! `shirube/v1/backups` index, but the backup keys are the truth: a backup the index does not
//! know (index missing, garbage, or written by another tab) is still listed, read from its text.

use super::decode::{decode, describe};
use super::{keys, Backend, StorageError, Store, Write};
use crate::format::export_compact;
use crate::model::{Id, Strategy};
use serde::{Deserialize, Serialize};
use std::collections::HashSet;

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Backup {
    /// The storage key: pass it to [`Store::restore_backup`] or [`Store::discard_backup`].
    pub key: String,
    pub strategy_id: Id,
    pub title: String,
    pub municipality: String,
    pub taken_at: String,
    pub reason: BackupReason,
}

/// Why a backup was taken.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum BackupReason {
    /// Before the strategy was deleted.
    Deleted,
    /// Before it was overwritten (an import with the same id, a restored backup).
    Replaced,
    /// At the user's request.
    Manual,
}

impl<B: Backend> Store<B> {
    /// Keeps a copy of `strategy` as it is now.
    pub async fn backup(&self, strategy: &Strategy, reason: BackupReason, now: &str) -> Result<Backup, StorageError> {
        self.store_backup(strategy, &export_compact(strategy, now), reason, now).await
    }

    /// Every backup, newest first.
    pub async fn backups(&self) -> Result<Vec<Backup>, StorageError> {
        let all_keys = self.backend.keys().await?;
        let live: HashSet<Id> = all_keys.iter().filter_map(|k| keys::strategy_id(k)).collect();
        let (stored, writable) = self.read_json::<Vec<Backup>>(keys::BACKUP_INDEX).await?;
        let had_index = stored.is_some();
        let stored = stored.unwrap_or_default();
        let mut changed = false;
        let mut out = Vec::new();
        for key in all_keys.iter().filter(|k| k.starts_with(keys::BACKUP_PREFIX)) {
            if let Some(known) = stored.iter().find(|b| &b.key == key) {
                out.push(known.clone());
                continue;
            }
            changed = true;
            let Some(text) = self.backend.get(key).await? else { continue };
            match describe(&text) {
                Some((strategy_id, title, municipality)) => {
                    // The reason was in the lost index entry; the best guess is whether the
                    // strategy still lives.
                    let reason = if live.contains(&strategy_id) { BackupReason::Manual } else { BackupReason::Deleted };
                    let taken_at = keys::backup_taken_at(key).unwrap_or_default();
                    out.push(Backup { key: key.clone(), strategy_id, title, municipality, taken_at, reason });
                }
                None => {
                    let _ = self.quarantine(key, &text).await;
                }
            }
        }
        changed |= out.len() != stored.len();
        if changed && writable && (had_index || !out.is_empty()) {
            let _ = self.write_json(keys::BACKUP_INDEX, &out).await;
        }
        crate::sorting::by(&mut out, |a, b| b.taken_at.cmp(&a.taken_at).then_with(|| b.key.cmp(&a.key)));
        Ok(out)
    }

    /// Saves a backup back as a live strategy (same id) and removes the backup. A live version
    /// of the same strategy is backed up first (reason `Replaced`).
    pub async fn restore_backup(&self, key: &str, now: &str) -> Result<Strategy, StorageError> {
        if !key.starts_with(keys::BACKUP_PREFIX) {
            return Err(StorageError::not_found_key(key));
        }
        let Some(text) = self.backend.get(key).await? else { return Err(StorageError::not_found_key(key)) };
        let Some((strategy, _)) = decode(&text) else {
            let kept_as = self.quarantine(key, &text).await.unwrap_or_else(|_| key.to_owned());
            let _ = self.backups().await;
            return Err(StorageError::Garbage { key: key.to_owned(), kept_as });
        };
        let live_key = keys::strategy(&strategy.id);
        let replaced = match self.backend.get(&live_key).await? {
            None => None,
            Some(live_text) => match decode(&live_text).filter(|(s, _)| s.id == strategy.id) {
                Some((live, _)) => Some(self.store_backup(&live, &live_text, BackupReason::Replaced, now).await?),
                // Unreadable: kept as garbage (save does that before overwriting).
                None => None,
            },
        };
        // A new version on top of the head (an undone merge reaches whoever the merge took from).
        if let Err(e) = self.save_as(&strategy, now, super::VersionReason::Restored).await {
            if let Some(r) = replaced {
                let _ = self.discard_backup(&r.key).await;
            }
            return Err(e);
        }
        // The strategy is back; a backup that could not be removed is only a spare copy.
        let _ = self.discard_backup(key).await;
        Ok(strategy)
    }

    pub async fn discard_backup(&self, key: &str) -> Result<(), StorageError> {
        if !key.starts_with(keys::BACKUP_PREFIX) || self.backend.get(key).await?.is_none() {
            return Err(StorageError::not_found_key(key));
        }
        self.backend.remove(key).await?;
        let _ = self.backups().await;
        Ok(())
    }

    /// Writes `text` (the strategy's envelope) as a backup and records it in the backup index,
    /// in one batch: if the index cannot be written, nothing is.
    pub(super) async fn store_backup(
        &self,
        strategy: &Strategy,
        text: &str,
        reason: BackupReason,
        now: &str,
    ) -> Result<Backup, StorageError> {
        let (backup, writes) = self.backup_writes(strategy, text, reason, now).await?;
        self.backend.apply(writes).await?;
        Ok(backup)
    }

    /// The writes that keep `text` as a backup and record it in the backup index (an index
    /// that does not read is left as it is), for a batch of the caller's.
    pub(super) async fn backup_writes(
        &self,
        strategy: &Strategy,
        text: &str,
        reason: BackupReason,
        now: &str,
    ) -> Result<(Backup, Vec<Write>), StorageError> {
        let key = self.free_key(|stamp| keys::backup(&strategy.id, stamp), now).await?;
        let (stored, writable) = self.read_json::<Vec<Backup>>(keys::BACKUP_INDEX).await?;
        let backup = Backup {
            key: key.clone(),
            strategy_id: strategy.id.clone(),
            title: strategy.title.clone(),
            municipality: strategy.municipality.name.clone(),
            taken_at: now.to_owned(),
            reason,
        };
        let mut writes = vec![Write::put(key, text.to_owned())];
        if writable {
            let mut index = stored.unwrap_or_default();
            index.retain(|b| b.key != backup.key);
            index.push(backup.clone());
            writes.push(Write::put(keys::BACKUP_INDEX.to_owned(), super::json_out::to_json(&index)?));
        }
        Ok((backup, writes))
    }
}
