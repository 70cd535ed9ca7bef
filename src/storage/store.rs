//! The [`Store`]: strategies saved as `format::export` envelopes, listed through an index that
//! is only a cache of the strategy keys (rebuilt when missing, garbage or out of step).

use super::decode::{decode_as, looks_like_envelope};
use super::versions::{thin, Head, Named, Origin, Version, VersionReason};
use super::{keys, Backend, BackendKind, MemoryBackend, StorageError, Write};
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
    text: String,
    summary: StrategySummary,
}

impl Prepared {
    pub fn of(strategy: &Strategy, now: &str) -> Prepared {
        Prepared { text: export_compact(strategy, now), summary: StrategySummary::of(strategy, now) }
    }

    /// `strategy` with its compact file text made elsewhere (by a `format::Rewriter`, which
    /// writes only what changed since the last save).
    pub fn with_text(text: String, strategy: &Strategy, now: &str) -> Prepared {
        Prepared { text, summary: StrategySummary::of(strategy, now) }
    }
}

/// A version to write: the strategy, when and why, over which revision (`None`: whatever the
/// head is), and where it comes from (see [`Origin`]; `None`: an edit on top of the head).
#[derive(Clone, Copy)]
struct NewVersion<'a> {
    prepared: &'a Prepared,
    now: &'a str,
    reason: VersionReason,
    base: Option<u64>,
    origin: Option<&'a Origin>,
    /// Written in the same batch (what the shared folder keeps beside a version it takes).
    also: &'a [Write],
}

/// What a new version's write did.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) struct Written {
    pub revision: u64,
    /// The number under which the history keeps the version it replaced (`None`: none kept —
    /// no history here, nothing replaced, or thinned away at once).
    pub kept: Option<u64>,
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

    /// Saves a strategy, whatever revision is stored (an action: create, rename, duplicate …).
    /// See [`Store::save_as`].
    pub async fn save(&self, strategy: &Strategy, now: &str) -> Result<(), StorageError> {
        self.save_as(strategy, now, VersionReason::Saved).await.map(|_| ())
    }

    /// Saves a strategy as its new current version, whatever revision is stored, and returns
    /// the new revision. One batch (one transaction): the envelope, the version it replaces
    /// (kept in the history, see `versions`), the head and the index. When the storage is full,
    /// the previously stored version is still there, intact, and `Err(QuotaExceeded)` says so.
    /// Another tab saving at the same moment makes the batch fail; it is then tried again.
    pub async fn save_as(&self, strategy: &Strategy, now: &str, reason: VersionReason) -> Result<u64, StorageError> {
        self.save_from(strategy, now, reason, None).await
    }

    /// [`Store::save_as`] saying where the new version comes from (a file's version, a merge:
    /// see [`Origin`]); without it the new version is an edit on top of the head.
    pub async fn save_from(
        &self,
        strategy: &Strategy,
        now: &str,
        reason: VersionReason,
        origin: Option<&Origin>,
    ) -> Result<u64, StorageError> {
        let prepared = Prepared::of(strategy, now);
        let mut tries = 0;
        loop {
            let version = NewVersion { prepared: &prepared, now, reason, base: None, origin, also: &[] };
            match self.write_version(version).await {
                Err(StorageError::Conflict { .. }) if tries < 3 => tries += 1,
                other => return other.map(|w| w.revision),
            }
        }
    }

    /// [`Store::save_from`] over revision `base` only (see [`Store::save_over`]): a version
    /// made from what was read at `base` never replaces a save made meanwhile. The strategy comes
    /// [`Prepared`] (its text made once, with its name where it is named); `also` is written in
    /// the same batch.
    pub(super) async fn save_from_over(
        &self,
        prepared: &Prepared,
        now: &str,
        (reason, origin): (VersionReason, &Origin),
        base: u64,
        also: &[Write],
    ) -> Result<Written, StorageError> {
        self.write_version(NewVersion { prepared, now, reason, base: Some(base), origin: Some(origin), also }).await
    }

    /// Saves the open strategy over the revision it was loaded or last saved as (`base`): when
    /// another tab saved meanwhile, nothing is written and `Err(Conflict)` says so — the tab
    /// then asks the user which version to keep; when another tab deleted it, nothing is
    /// written and `Err(Deleted)` says so. Returns the new revision.
    pub async fn save_over(&self, strategy: &Strategy, now: &str, base: u64) -> Result<u64, StorageError> {
        self.save_prepared_over(Prepared::of(strategy, now), now, base).await
    }

    /// [`Store::save_over`] for a strategy [`Prepared`] beforehand (the autosave prepares the
    /// open strategy where it lives, without copying it).
    pub async fn save_prepared_over(&self, prepared: Prepared, now: &str, base: u64) -> Result<u64, StorageError> {
        let reason = VersionReason::Saved;
        let version = NewVersion { prepared: &prepared, now, reason, base: Some(base), origin: None, also: &[] };
        Ok(self.write_version(version).await?.revision)
    }

    async fn write_version(&self, version: NewVersion<'_>) -> Result<Written, StorageError> {
        // Naming the current version (a write to a file) changes the `named` record, which a
        // save checks, never the head: a save that meets one is simply made again.
        let (named, mut tries) = (keys::named(&version.prepared.summary.id), 0);
        loop {
            match self.write_version_once(version).await {
                Err(StorageError::Conflict { key }) if key == named && tries < 3 => tries += 1,
                other => return other,
            }
        }
    }

    async fn write_version_once(&self, version: NewVersion<'_>) -> Result<Written, StorageError> {
        let NewVersion { prepared, now, reason, base, origin, also } = version;
        let Prepared { text, summary } = prepared;
        let id = &summary.id;
        let key = keys::strategy(id);
        // The head, the name of the current version, the index and every key: one read.
        let (found, all) = self.backend.glance(&[&keys::head(id), &keys::named(id), keys::INDEX]).await?;
        let [head_text, named_text, index_text]: [Option<String>; 3] =
            found.try_into().map_err(|_| StorageError::Failed { detail: "a read gave too few values".into() })?;
        let mut head: Head = head_text.as_deref().and_then(|t| serde_json::from_str(t).ok()).unwrap_or_default();
        let head_is_new = head_text.is_none();
        // Saved over the revision this tab opened, and gone: deleted meanwhile (another tab).
        // Storing it would bring back what the user deleted, unasked.
        // (Base 0: this tab never saw it stored — e.g. an import storage had no room for —,
        // so storing it now is its first save, not a comeback.)
        if base.is_some_and(|b| b > 0) && head_is_new && !all.contains(&key) {
            return Err(StorageError::Deleted { id: id.clone() });
        }
        if base.is_some_and(|base| base != head.revision) {
            return Err(StorageError::Conflict { key: keys::head(id) });
        }
        let named: Option<Named> = named_text.as_deref().and_then(|t| serde_json::from_str(t).ok());
        // The version replaced, when it was named: the new one is made on it.
        let replaced_id = named
            .filter(|n| !head_is_new && n.revision == head.revision)
            .map(|n| n.id)
            .or_else(|| origin.and_then(|o| o.names_replaced.as_ref()).map(|n| n.id.clone()));
        let mut entries = self.summaries_of(&all, index_text).await?;
        let mut batch = vec![
            Write::Expect { key: keys::head(id), value: head_text },
            Write::Expect { key: keys::named(id), value: named_text },
        ];
        // What the save replaces. Saved over the revision this tab loaded or last saved (the
        // head's condition above holds it), the stored text is what this tab read or wrote:
        // it is kept as a version by a copy inside the backend, not read (for a large strategy
        // the read is most of a save's time). Otherwise it is read and looked at first.
        let replaced = match (base, head.bytes) {
            (Some(_), Some(bytes)) => Some(Replaced::Known { bytes }),
            _ => self.backend.get(&key).await?.map(Replaced::Read),
        };
        // The number the replaced version is kept under.
        let mut made = None;
        match replaced {
            // Never overwrite what the user has not seen: keep it as garbage first.
            Some(Replaced::Read(old)) if !looks_like_envelope(&old) => {
                self.quarantine(&key, &old).await?;
            }
            Some(old) if self.keeps_history() => {
                let summary = entries.iter().find(|e| &e.id == id);
                let seq = head.next_seq;
                head.next_seq += 1;
                made = Some(seq);
                let (bytes, write) = match old {
                    Replaced::Known { bytes } => (bytes, Write::Copy { from: key.clone(), to: keys::version(id, seq) }),
                    Replaced::Read(old) => (old.len(), Write::put(keys::version(id, seq), old)),
                };
                head.versions.push(Version {
                    seq,
                    saved_at: if head.saved_at.is_empty() {
                        summary.map(|e| e.updated_at.clone()).unwrap_or_default()
                    } else {
                        head.saved_at.clone()
                    },
                    reason: head.reason,
                    title: summary.map(|e| e.title.clone()).unwrap_or_default(),
                    bytes,
                    id: replaced_id.clone(),
                    fingerprint: head.fingerprint.clone(),
                    merged_from: head.merged_from.clone(),
                });
                batch.push(write);
            }
            _ => {}
        }
        head.bytes = Some(text.len());
        let dropped = thin(&head.versions, now);
        head.versions.retain(|v| !dropped.contains(&v.seq));
        let kept = made.filter(|&seq| head.versions.iter().any(|v| v.seq == seq));
        batch.extend(dropped.iter().map(|&seq| Write::remove(keys::version(id, seq))));
        if head_is_new {
            // A head starting anew (a new strategy, or one stored again after a deletion) counts
            // from a number of its own: a tab that opened the deleted one never takes this one
            // for the revision it opened, and so never saves over it unasked.
            head.revision = fresh_revision(text, now);
        }
        head.revision += 1;
        head.saved_at = now.to_owned();
        head.reason = reason;
        head.merged_from = origin.and_then(|o| o.merged_from.clone());
        // Written after the strategy: a write refused for room then names the strategy's size.
        let naming = name_new_version(id, &mut head, head_is_new, replaced_id, origin)?;
        entries.retain(|e| &e.id != id);
        entries.push(summary.clone());
        batch.push(Write::put(key, text.as_str()));
        batch.push(Write::put(keys::head(id), to_json(&head)?));
        batch.push(Write::put(keys::INDEX, to_json(&entries)?));
        batch.extend(naming);
        batch.extend(also.iter().cloned());
        self.backend.apply(batch).await?;
        Ok(Written { revision: head.revision, kept })
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

/// A value as the JSON text stored for it.
/// A new version's parents in `head` (made by `write_version`, at `head.revision`), and what
/// its batch writes to name it: `origin`'s parents when it is named at once (its id recorded,
/// the graph `origin` carries written; a head written before ids then leaves its list of
/// fingerprints, which the graph holds), else the version it replaces when that one was named
/// (`replaced_id`), else that one's own parents (nobody else has seen it). No graph code here:
/// an everyday save does not carry it (`lineage` makes the graph's text).
fn name_new_version(
    id: &Id,
    head: &mut super::Head,
    head_is_new: bool,
    replaced_id: Option<String>,
    origin: Option<&Origin>,
) -> Result<Vec<Write>, StorageError> {
    head.fingerprint = None;
    let Some(o) = origin else {
        head.parents = match replaced_id {
            _ if head_is_new => Vec::new(),
            Some(replaced) => vec![replaced],
            None => head.tips(),
        };
        return Ok(Vec::new());
    };
    head.lineage.clear();
    head.parents.clone_from(&o.parents);
    let named = super::Named { revision: head.revision, id: o.id.clone() };
    Ok(vec![Write::put(keys::named(id), to_json(&named)?), Write::put(keys::graph(id), o.graph_text.clone())])
}

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

/// The text a save replaces: its size known from the head (it stays in the backend), or read.
enum Replaced {
    Known { bytes: usize },
    Read(String),
}

/// Where the revisions of a head starting anew count from: a number from the text and the time
/// (below 2^40, exact in JavaScript too), so that two lives of one strategy id do not share
/// revisions.
fn fresh_revision(text: &str, now: &str) -> u64 {
    use std::hash::{Hash, Hasher};
    let mut h = std::collections::hash_map::DefaultHasher::new();
    (text, now).hash(&mut h);
    h.finish() & ((1 << 40) - 1)
}
