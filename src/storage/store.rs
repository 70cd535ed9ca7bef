//! The [`Store`]: strategies saved as `format::export` envelopes, listed through an index that
//! is only a cache of the strategy keys (rebuilt when missing, garbage or out of step).

use super::decode::{decode_as, looks_like_envelope};
use super::{keys, Backend, BackendKind, BackupReason, MemoryBackend, StorageError, Write};
use crate::format::export_compact;
use crate::model::{Counts, FiscalYear, Id, Strategy};
use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};

/// What the strategy list shows, without reading every strategy.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct StrategySummary {
    pub id: Id,
    pub title: String,
    pub municipality: String,
    pub first_year: FiscalYear,
    pub last_year: FiscalYear,
    /// When it was last saved (the `now` given to [`Store::save`]).
    pub updated_at: String,
    pub counts: Counts,
}

impl StrategySummary {
    pub fn of(strategy: &Strategy, updated_at: &str) -> StrategySummary {
        StrategySummary {
            id: strategy.id.clone(),
            title: strategy.title.clone(),
            municipality: strategy.municipality.name.clone(),
            first_year: strategy.period.first,
            last_year: strategy.period.last,
            updated_at: updated_at.to_owned(),
            counts: strategy.counts(),
        }
    }
}

/// Strategies, backups, garbage and preferences on top of a [`Backend`].
pub struct Store<B: Backend> {
    pub(super) backend: B,
    /// Stamps garbage found while reading (where the caller gives no `now`).
    clock: Box<dyn Fn() -> String>,
}

impl Store<MemoryBackend> {
    /// A store that forgets everything when the page closes: the fallback when the browser gives
    /// no storage.
    pub fn in_memory() -> Store<MemoryBackend> {
        Store::new(MemoryBackend::new())
    }
}

impl<B: Backend> Store<B> {
    pub fn new(backend: B) -> Store<B> {
        Store { backend, clock: Box::new(default_clock) }
    }

    /// Replaces the clock that stamps garbage found while reading (tests use a fixed one).
    pub fn with_clock(mut self, clock: impl Fn() -> String + 'static) -> Store<B> {
        self.clock = Box::new(clock);
        self
    }

    /// False for the in-memory fallback: the UI must say that nothing outlives the page.
    pub fn is_persistent(&self) -> bool {
        self.backend.kind() != BackendKind::Memory
    }

    /// Where the data is kept.
    pub fn kind(&self) -> BackendKind {
        self.backend.kind()
    }

    /// The backend underneath (tests and diagnostics).
    pub fn backend(&self) -> &B {
        &self.backend
    }

    pub(super) fn now(&self) -> String {
        (self.clock)()
    }

    /// Every stored strategy, most recently saved first.
    pub async fn list(&self) -> Result<Vec<StrategySummary>, StorageError> {
        let mut entries = self.summaries().await?;
        entries.sort_by(|a, b| {
            b.updated_at.cmp(&a.updated_at).then_with(|| a.title.cmp(&b.title)).then_with(|| a.id.cmp(&b.id))
        });
        Ok(entries)
    }

    /// A stored strategy. Unreadable text is moved to a garbage key (kept, offered for download)
    /// and `Err(Garbage)` says where; a strategy that only breaks validation rules still loads.
    pub async fn load(&self, id: &Id) -> Result<Strategy, StorageError> {
        let key = keys::strategy(id);
        let Some(text) = self.backend.get(&key).await? else {
            self.refresh_index().await;
            return Err(StorageError::NotFound { id: id.clone() });
        };
        match decode_as(&text, id) {
            Some((strategy, _)) => Ok(strategy),
            None => Err(self.found_garbage(&key, &text).await),
        }
    }

    /// Writes the envelope and the index in one batch (one transaction). When the storage is
    /// full, the previously stored version is still there, intact, and `Err(QuotaExceeded)`
    /// says so.
    pub async fn save(&self, strategy: &Strategy, now: &str) -> Result<(), StorageError> {
        let key = keys::strategy(&strategy.id);
        let text = export_compact(strategy, now);
        let mut entries = self.summaries().await?;
        if let Some(old) = self.backend.get(&key).await? {
            if !looks_like_envelope(&old) {
                // Never overwrite what the user has not seen: keep it as garbage first.
                self.quarantine(&key, &old).await?;
            }
        }
        entries.retain(|e| e.id != strategy.id);
        entries.push(StrategySummary::of(strategy, now));
        self.backend.apply(vec![Write::put(key, text), Write::put(keys::INDEX, to_json(&entries)?)]).await
    }

    /// Deletes a strategy after keeping a backup of it (reason `Deleted`), which it returns: the
    /// UI offers undo as [`Store::restore_backup`]. If the backup cannot be written (storage
    /// full), nothing is deleted. Unreadable text under the id is not deleted either: it is
    /// moved to garbage (`Err(Garbage)` says where), from which the user discards it.
    pub async fn delete(&self, id: &Id, now: &str) -> Result<super::Backup, StorageError> {
        let (key, strategy, text) = self.readable(id).await?;
        let backup = self.store_backup(&strategy, &text, BackupReason::Deleted, now).await?;
        if let Err(e) = self.backend.remove(&key).await {
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
        self.backend.remove(&key).await?;
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

    /// Moves unreadable text found under `key` to garbage and returns the error that says where
    /// it went (or that it stayed where it was, when even that was impossible).
    pub(super) async fn found_garbage(&self, key: &str, text: &str) -> StorageError {
        let kept_as = self.quarantine(key, text).await.unwrap_or_else(|_| key.to_owned());
        self.refresh_index().await;
        StorageError::Garbage { key: key.to_owned(), kept_as }
    }

    /// Brings the index in step with the strategy keys, best effort: the index is a cache, and
    /// the next `list` does the same.
    async fn refresh_index(&self) {
        let _ = self.summaries().await;
    }

    /// The index, reconciled with the strategy keys actually present: entries for keys it does
    /// not know are read from the strategies, entries without a key are dropped. Written back
    /// when it changed (best effort). Unreadable strategies met on the way go to garbage.
    async fn summaries(&self) -> Result<Vec<StrategySummary>, StorageError> {
        let ids: Vec<Id> = self.backend.keys().await?.iter().filter_map(|k| keys::strategy_id(k)).collect();
        let (stored, writable) = self.read_json::<Vec<StrategySummary>>(keys::INDEX).await?;
        let mut changed = stored.is_none() && !ids.is_empty();
        let stored = stored.unwrap_or_default();
        let mut out: Vec<StrategySummary> = Vec::with_capacity(ids.len());
        for id in &ids {
            if let Some(known) = stored.iter().find(|s| &s.id == id) {
                out.push(known.clone());
                continue;
            }
            changed = true;
            let key = keys::strategy(id);
            let Some(text) = self.backend.get(&key).await? else { continue };
            match decode_as(&text, id) {
                Some((strategy, saved_at)) => out.push(StrategySummary::of(&strategy, &saved_at)),
                None => {
                    let _ = self.quarantine(&key, &text).await;
                }
            }
        }
        changed |= out.len() != stored.len();
        if changed && writable {
            let _ = self.write_json(keys::INDEX, &out).await;
        }
        Ok(out)
    }

    /// A JSON value stored under `key`: `None` when missing or garbage (garbage is moved away).
    /// The flag says whether `key` may be overwritten — false when garbage sits there because
    /// even moving it failed.
    pub(super) async fn read_json<T: DeserializeOwned>(&self, key: &str) -> Result<(Option<T>, bool), StorageError> {
        let Some(text) = self.backend.get(key).await? else { return Ok((None, true)) };
        match serde_json::from_str::<T>(&text) {
            Ok(value) => Ok((Some(value), true)),
            Err(_) => Ok((None, self.quarantine(key, &text).await.is_ok())),
        }
    }

    pub(super) async fn write_json<T: Serialize + ?Sized>(&self, key: &str, value: &T) -> Result<(), StorageError> {
        self.backend.set(key, &to_json(value)?).await
    }

    /// The first key `make(stamp)`, `make(stamp#2)` … that is free.
    pub(super) async fn free_key(&self, make: impl Fn(&str) -> String, time: &str) -> Result<String, StorageError> {
        let stamp = keys::stamp(time);
        for n in 1..=1000 {
            let key = make(&keys::numbered(&stamp, n));
            if self.backend.get(&key).await?.is_none() {
                return Ok(key);
            }
        }
        Err(StorageError::Failed { detail: format!("no free key for {}", make(&stamp)) })
    }
}

/// A value as the JSON text stored for it.
pub(super) fn to_json<T: Serialize + ?Sized>(value: &T) -> Result<String, StorageError> {
    serde_json::to_string(value).map_err(|e| StorageError::Failed { detail: e.to_string() })
}

#[cfg(target_arch = "wasm32")]
fn default_clock() -> String {
    String::from(js_sys::Date::new_0().to_iso_string())
}

#[cfg(not(target_arch = "wasm32"))]
fn default_clock() -> String {
    let secs = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map_or(0, |d| d.as_secs());
    iso_utc(secs)
}

/// `1970-01-01T00:00:00Z` from seconds since the epoch (days to civil date, H. Hinnant).
#[cfg(not(target_arch = "wasm32"))]
pub(super) fn iso_utc(secs: u64) -> String {
    let days = (secs / 86_400) as i64;
    let rem = secs % 86_400;
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    format!("{year:04}-{month:02}-{day:02}T{:02}:{:02}:{:02}Z", rem / 3600, rem % 3600 / 60, rem % 60)
}
