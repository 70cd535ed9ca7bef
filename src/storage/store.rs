//! The [`Store`]: strategies saved as `format::export` envelopes, listed through an index that
//! is only a cache of the strategy keys (rebuilt when missing, garbage or out of step).

use super::decode::decode_as;
use super::json_out::to_json;
use super::{keys, Backend, BackendKind, MemoryBackend, StorageError};
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

/// A strategy made ready to store while it is at hand — its text and its line in the index —
/// and written later, so that a save needs no copy of the strategy itself.
pub struct Prepared {
    pub(super) text: String,
    pub(super) summary: StrategySummary,
    /// The versions it names, which the history keeps (`versions::Needed`).
    pub(super) needed: super::versions::Needed,
}

impl Prepared {
    pub fn of(strategy: &Strategy, now: &str) -> Prepared {
        Prepared::with_text(export_compact(strategy, now), strategy, now)
    }

    /// `strategy` with its compact file text made elsewhere (by a `format::Rewriter`, which
    /// writes only what changed since the last save).
    pub fn with_text(text: String, strategy: &Strategy, now: &str) -> Prepared {
        let needed = super::versions::Needed::of(strategy);
        Prepared { text, summary: StrategySummary::of(strategy, now), needed }
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

    /// Whether anything besides strategies is stored — backups, unreadable data set aside,
    /// regions or region backups. A look at the keys alone: the strategy list reads those lists
    /// (and fetches the code that reads them) only where there is something to read.
    pub async fn holds_more_than_strategies(&self) -> Result<bool, StorageError> {
        const LISTS: [&str; 4] =
            [keys::BACKUP_PREFIX, keys::GARBAGE_PREFIX, keys::REGION_PREFIX, keys::REGION_BACKUP_PREFIX];
        Ok(self.backend.keys().await?.iter().any(|k| LISTS.iter().any(|p| k.starts_with(p))))
    }

    /// Every stored strategy, most recently saved first.
    pub async fn list(&self) -> Result<Vec<StrategySummary>, StorageError> {
        let mut entries = self.summaries().await?;
        crate::sorting::by(&mut entries, |a, b| {
            b.updated_at.cmp(&a.updated_at).then_with(|| a.title.cmp(&b.title)).then_with(|| a.id.cmp(&b.id))
        });
        Ok(entries)
    }

    /// [`Store::list`] from the index alone, without reading any strategy: `None` when the
    /// index does not name exactly the stored strategies (then [`Store::list`] reads those it
    /// misses and mends it). The start page lists this way, so that it needs no code that reads
    /// a strategy (the app fetches that when it is first used).
    pub async fn list_from_index(&self) -> Result<Option<Vec<StrategySummary>>, StorageError> {
        let mut ids: Vec<Id> = self.backend.keys().await?.iter().filter_map(|k| keys::strategy_id(k)).collect();
        let (Some(mut stored), _) = self.read_record::<Vec<StrategySummary>>(keys::INDEX).await? else {
            return Ok(ids.is_empty().then(Vec::new));
        };
        let mut listed: Vec<&Id> = stored.iter().map(|s| &s.id).collect();
        crate::sorting::natural(&mut ids);
        crate::sorting::natural(&mut listed);
        if listed.len() != ids.len() || listed.iter().zip(&ids).any(|(a, b)| *a != b) {
            return Ok(None);
        }
        crate::sorting::by(&mut stored, |a, b| {
            b.updated_at.cmp(&a.updated_at).then_with(|| a.title.cmp(&b.title)).then_with(|| a.id.cmp(&b.id))
        });
        Ok(Some(stored))
    }

    /// Whether strategy `id` is stored (its head, or for a strategy stored before heads
    /// existed, its text).
    pub async fn has(&self, id: &Id) -> Result<bool, StorageError> {
        Ok(self.backend.get(&keys::head(id)).await?.is_some() || self.backend.get(&keys::strategy(id)).await?.is_some())
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

    /// A stored strategy and the revision it was stored as (for [`Store::save_over`]). The head
    /// is read first: if another tab saves in between, the revision is the older one, and the
    /// next `save_over` asks rather than overwrites.
    pub async fn load_current(&self, id: &Id) -> Result<(Strategy, u64), StorageError> {
        let revision = self.head(id).await?.revision;
        Ok((self.load(id).await?, revision))
    }

    /// Moves unreadable text found under `key` to garbage and returns the error that says where
    /// it went (or that it stayed where it was, when even that was impossible).
    pub(super) async fn found_garbage(&self, key: &str, text: &str) -> StorageError {
        let kept_as = self.quarantine(key, text).await.unwrap_or_else(|_| key.to_owned());
        self.refresh_index().await;
        StorageError::Garbage { key: key.to_owned(), kept_as }
    }

    /// A JSON value stored under `key`: [`Store::read_parsed`] by serde_json.
    pub(super) async fn read_json<T: DeserializeOwned>(&self, key: &str) -> Result<(Option<T>, bool), StorageError> {
        self.read_parsed(key, |text| serde_json::from_str(text).ok()).await
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

#[cfg(target_arch = "wasm32")]
fn default_clock() -> String {
    String::from(js_sys::Date::new_0().to_iso_string())
}

#[cfg(not(target_arch = "wasm32"))]
fn default_clock() -> String {
    let secs = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map_or(0, |d| d.as_secs());
    crate::model::Timestamp::from_unix_seconds(secs).to_string()
}
