//! Regions: a regional bureau's [`Region`] — its name, its towns (stored strategies,
//! named by id), the indicator codes it matches on and the matches it made by hand — kept under
//! its own key, `shirube/v1/region/<id>`, as a small JSON record with when it was saved. A
//! region of 179 towns is about 10 KB: each save writes it whole, in one batch.
//!
//! A delete moves the region to `shirube/v1/region-backup/<id>/<taken at>` in the same batch
//! as it removes it, so a delete with no room for its backup deletes nothing; a restore brings
//! it back (a live region with the same id is backed up first, in that batch too). Region
//! backups are kept apart from the strategies' (`shirube/v1/backup/`), every one of which is a
//! strategy file the strategy list offers to restore.
//!
//! Nothing here touches a strategy: removing a town from a region or deleting a region leaves
//! the towns' strategies stored. Unreadable text under a region key is garbage, as everywhere:
//! moved aside and kept, never served and never overwritten.

use super::json_out::to_json;
use super::{keys, Backend, BackupReason, StorageError, Store, Write};
use crate::model::region::Region;
use crate::model::Id;
use serde::{Deserialize, Serialize};

/// The layout of the stored record this build writes; a record of a later layout is not read
/// (kept aside as garbage, as a strategy of a newer file version is).
const RECORD_VERSION: u64 = 1;

/// A region as stored, with when it was saved.
#[derive(Clone, Debug, PartialEq)]
pub struct StoredRegion {
    pub region: Region,
    /// The `now` given to the last [`Store::save_region`].
    pub saved_at: String,
}

/// A region kept before it was deleted (or replaced by a restored backup).
#[derive(Clone, Debug, PartialEq)]
pub struct RegionBackup {
    /// The storage key: pass it to [`Store::restore_region_backup`] or
    /// [`Store::discard_region_backup`].
    pub key: String,
    pub region_id: Id,
    pub name: String,
    /// How many towns it named.
    pub towns: usize,
    pub taken_at: String,
    pub reason: BackupReason,
}

/// What is stored under a region key, and under a region-backup key (then with `reason`).
#[derive(Serialize, Deserialize)]
struct Record {
    version: u64,
    saved_at: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    reason: Option<BackupReason>,
    region: Region,
}

impl Record {
    /// The record stored as `text`, if this build reads it and it holds the region `id` (when
    /// given: a region key's text must be the region it is named after).
    fn read(text: &str, id: Option<&Id>) -> Option<Record> {
        let record: Record = serde_json::from_str(text.strip_prefix('\u{FEFF}').unwrap_or(text)).ok()?;
        let fits = record.version == RECORD_VERSION && id.is_none_or(|id| &record.region.id == id);
        fits.then_some(record)
    }

    fn text(region: &Region, saved_at: &str, reason: Option<BackupReason>) -> Result<String, StorageError> {
        #[derive(Serialize)]
        struct RecordRef<'a> {
            version: u64,
            saved_at: &'a str,
            #[serde(skip_serializing_if = "Option::is_none")]
            reason: Option<BackupReason>,
            region: &'a Region,
        }
        to_json(&RecordRef { version: RECORD_VERSION, saved_at, reason, region })
    }
}

impl<B: Backend> Store<B> {
    /// Every stored region, most recently saved first. Unreadable ones are moved to garbage
    /// and left out.
    pub async fn regions(&self) -> Result<Vec<StoredRegion>, StorageError> {
        let mut out = Vec::new();
        for key in self.backend.keys().await? {
            let Some(id) = keys::region_id(&key) else { continue };
            let Some(text) = self.backend.get(&key).await? else { continue };
            match Record::read(&text, Some(&id)) {
                Some(r) => out.push(StoredRegion { region: r.region, saved_at: r.saved_at }),
                None => {
                    let _ = self.quarantine(&key, &text).await;
                }
            }
        }
        crate::sorting::by(&mut out, |a, b| {
            b.saved_at
                .cmp(&a.saved_at)
                .then_with(|| a.region.name.cmp(&b.region.name))
                .then_with(|| a.region.id.cmp(&b.region.id))
        });
        Ok(out)
    }

    /// A stored region. Unreadable text is moved to garbage and `Err(Garbage)` says where.
    pub async fn load_region(&self, id: &Id) -> Result<Region, StorageError> {
        let (_, record) = self.readable_region(id).await?;
        Ok(record.region)
    }

    /// Saves a region (new or changed) in one batch. Unreadable text under its key is moved to
    /// garbage first, never overwritten. When storage is full, what was stored is left as it
    /// was and `Err(QuotaExceeded)` says so.
    pub async fn save_region(&self, region: &Region, now: &str) -> Result<(), StorageError> {
        let key = keys::region(&region.id);
        let text = Record::text(region, now, None)?;
        let mut tries = 0;
        loop {
            let stored = self.backend.get(&key).await?;
            let stored = match stored {
                Some(old) if Record::read(&old, Some(&region.id)).is_none() => {
                    self.quarantine(&key, &old).await?;
                    None
                }
                other => other,
            };
            // On the condition that the key still holds what was looked at (garbage another
            // tab wrote in between is not overwritten: the save is tried again).
            let batch = vec![Write::Expect { key: key.clone(), value: stored }, Write::put(&key, text.as_str())];
            match self.backend.apply(batch).await {
                Err(StorageError::Conflict { .. }) if tries < 3 => tries += 1,
                other => return other,
            }
        }
    }

    /// Deletes a region, keeping it as a region backup (reason `Deleted`), which it returns:
    /// the UI offers undo as [`Store::restore_region_backup`]. One batch: with no room for the
    /// backup, nothing is deleted. The towns' strategies stay stored.
    pub async fn delete_region(&self, id: &Id, now: &str) -> Result<RegionBackup, StorageError> {
        let (text, record) = self.readable_region(id).await?;
        let key = keys::region(id);
        let backup_key = self.free_key(|stamp| keys::region_backup(id, stamp), now).await?;
        let kept = Record::text(&record.region, &record.saved_at, Some(BackupReason::Deleted))?;
        self.backend
            .apply(vec![
                Write::Expect { key: key.clone(), value: Some(text) },
                Write::put(&backup_key, kept),
                Write::remove(&key),
            ])
            .await?;
        Ok(RegionBackup::of(backup_key, &record.region, now, BackupReason::Deleted))
    }

    /// Every region backup, newest first. Unreadable ones are moved to garbage and left out.
    pub async fn region_backups(&self) -> Result<Vec<RegionBackup>, StorageError> {
        let mut out = Vec::new();
        for key in self.backend.keys().await? {
            if !key.starts_with(keys::REGION_BACKUP_PREFIX) {
                continue;
            }
            let Some(text) = self.backend.get(&key).await? else { continue };
            match Record::read(&text, None) {
                Some(r) => {
                    let taken_at = keys::region_backup_taken_at(&key).unwrap_or_default();
                    let reason = r.reason.unwrap_or(BackupReason::Manual);
                    out.push(RegionBackup::of(key, &r.region, &taken_at, reason));
                }
                None => {
                    let _ = self.quarantine(&key, &text).await;
                }
            }
        }
        crate::sorting::by(&mut out, |a, b| b.taken_at.cmp(&a.taken_at).then_with(|| b.key.cmp(&a.key)));
        Ok(out)
    }

    /// Brings a region backup back as a live region (same id) and removes the backup, in one
    /// batch; a live region with the same id is backed up first (reason `Replaced`) in that
    /// batch. Returns the region brought back.
    pub async fn restore_region_backup(&self, key: &str, now: &str) -> Result<Region, StorageError> {
        let text = match key.starts_with(keys::REGION_BACKUP_PREFIX) {
            true => self.backend.get(key).await?,
            false => None,
        };
        let Some(text) = text else { return Err(StorageError::not_found_key(key)) };
        let Some(record) = Record::read(&text, None) else {
            let kept_as = self.quarantine(key, &text).await.unwrap_or_else(|_| key.to_owned());
            return Err(StorageError::Garbage { key: key.to_owned(), kept_as });
        };
        let region = record.region;
        let live_key = keys::region(&region.id);
        let mut batch = vec![Write::Expect { key: key.to_owned(), value: Some(text.clone()) }];
        match self.backend.get(&live_key).await? {
            None => batch.push(Write::Expect { key: live_key.clone(), value: None }),
            Some(live_text) => match Record::read(&live_text, Some(&region.id)) {
                Some(live) => {
                    // A free key: never the backup being restored, which is still there.
                    let replaced = self.free_key(|stamp| keys::region_backup(&region.id, stamp), now).await?;
                    batch.push(Write::Expect { key: live_key.clone(), value: Some(live_text) });
                    batch.push(Write::put(
                        replaced,
                        Record::text(&live.region, &live.saved_at, Some(BackupReason::Replaced))?,
                    ));
                }
                None => {
                    self.quarantine(&live_key, &live_text).await?;
                    batch.push(Write::Expect { key: live_key.clone(), value: None });
                }
            },
        }
        batch.push(Write::put(&live_key, Record::text(&region, now, None)?));
        batch.push(Write::remove(key));
        self.backend.apply(batch).await?;
        Ok(region)
    }

    /// Deletes a region backup for good.
    pub async fn discard_region_backup(&self, key: &str) -> Result<(), StorageError> {
        if !key.starts_with(keys::REGION_BACKUP_PREFIX) || self.backend.get(key).await?.is_none() {
            return Err(StorageError::not_found_key(key));
        }
        self.backend.remove(key).await
    }

    /// The stored text and record of region `id`; unreadable text goes to garbage.
    async fn readable_region(&self, id: &Id) -> Result<(String, Record), StorageError> {
        let key = keys::region(id);
        let Some(text) = self.backend.get(&key).await? else { return Err(StorageError::NotFound { id: id.clone() }) };
        match Record::read(&text, Some(id)) {
            Some(record) => Ok((text, record)),
            None => {
                let kept_as = self.quarantine(&key, &text).await.unwrap_or_else(|_| key.clone());
                Err(StorageError::Garbage { key, kept_as })
            }
        }
    }
}

impl RegionBackup {
    fn of(key: String, region: &Region, taken_at: &str, reason: BackupReason) -> RegionBackup {
        RegionBackup {
            key,
            region_id: region.id.clone(),
            name: region.name.clone(),
            towns: region.members.len(),
            taken_at: taken_at.to_owned(),
            reason,
        }
    }
}
