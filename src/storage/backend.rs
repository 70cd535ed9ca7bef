//! The key-value store underneath: the [`Backend`] trait — asynchronous, because IndexedDB is —
//! and the in-memory [`MemoryBackend`] (native tests, and the fallback when the browser gives no
//! storage), with an optional byte quota to simulate a full storage.

use super::StorageError;
use std::cell::{Cell, RefCell};
use std::collections::BTreeMap;
use std::rc::Rc;

/// One change in a [`Backend::apply`] batch.
#[derive(Clone, Debug, PartialEq)]
pub enum Write {
    Put {
        key: String,
        value: String,
    },
    /// Removing a key that is not there is not an error.
    Remove {
        key: String,
    },
    /// A condition, checked in the same transaction before anything is written: the value
    /// under `key` is `value` (`None`: absent). Otherwise the whole batch fails with
    /// [`StorageError::Conflict`] and nothing is written.
    Expect {
        key: String,
        value: Option<String>,
    },
    /// The value under `from` as the batch finds it (after its conditions, before any of its
    /// writes) is written under `to`; nothing when `from` is absent. The value stays in the
    /// backend: keeping the version a save replaces costs no trip through wasm.
    Copy {
        from: String,
        to: String,
    },
}

impl Write {
    pub fn put(key: impl Into<String>, value: impl Into<String>) -> Write {
        Write::Put { key: key.into(), value: value.into() }
    }

    pub fn remove(key: impl Into<String>) -> Write {
        Write::Remove { key: key.into() }
    }

    pub fn key(&self) -> &str {
        match self {
            Write::Put { key, .. }
            | Write::Remove { key }
            | Write::Expect { key, .. }
            | Write::Copy { to: key, .. } => key,
        }
    }
}

/// A batch with each [`Write::Copy`] made a put of the value `read` finds under its `from`
/// (or dropped, when there is none), for backends that hand values over anyway.
pub(super) fn resolve_copies(
    writes: Vec<Write>,
    read: impl Fn(&str) -> Result<Option<String>, StorageError>,
) -> Result<Vec<Write>, StorageError> {
    let mut out = Vec::with_capacity(writes.len());
    for w in writes {
        match w {
            Write::Copy { from, to } => {
                if let Some(value) = read(&from)? {
                    out.push(Write::Put { key: to, value });
                }
            }
            w => out.push(w),
        }
    }
    Ok(out)
}

/// Where a [`Backend`] keeps what it is given: the UI says which when it is not IndexedDB.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BackendKind {
    IndexedDb,
    LocalStorage,
    /// Nothing outlives the page.
    Memory,
}

/// A string key-value store with atomic batches: IndexedDB, `localStorage`, or memory.
///
/// The futures are not `Send`: everything runs on the page's one thread (and natively in tests
/// under a blocking executor).
#[allow(async_fn_in_trait)] // reason: single-threaded (wasm); no caller needs `Send` futures
pub trait Backend {
    async fn get(&self, key: &str) -> Result<Option<String>, StorageError>;
    /// Every key, in no particular order.
    async fn keys(&self) -> Result<Vec<String>, StorageError>;
    /// Every write of the batch, or — on any failure, e.g. storage full → [`StorageError::QuotaExceeded`]
    /// — none of them: what was stored before is left as it was.
    async fn apply(&self, writes: Vec<Write>) -> Result<(), StorageError>;
    /// The size of the value under `key` as the backend holds it — UTF-16 units in
    /// `localStorage` (what it counts against its quota), UTF-8 bytes in IndexedDB — without
    /// handing the value over where the backend can avoid it.
    async fn units(&self, key: &str) -> Result<Option<usize>, StorageError> {
        Ok(self.get(key).await?.map(|v| v.encode_utf16().count()))
    }
    fn kind(&self) -> BackendKind;

    /// The values under `keys`, and every key, as one read finds them (IndexedDB: one
    /// transaction instead of one a value): what a save looks at before it writes.
    async fn glance(&self, keys: &[&str]) -> Result<(Vec<Option<String>>, Vec<String>), StorageError> {
        let mut values = Vec::with_capacity(keys.len());
        for key in keys {
            values.push(self.get(key).await?);
        }
        Ok((values, self.keys().await?))
    }

    /// One value written (see [`Backend::apply`]).
    async fn set(&self, key: &str, value: &str) -> Result<(), StorageError> {
        self.apply(vec![Write::put(key, value)]).await
    }

    /// One key removed (see [`Backend::apply`]).
    async fn remove(&self, key: &str) -> Result<(), StorageError> {
        self.apply(vec![Write::remove(key)]).await
    }
}

/// Shares one backend between a [`super::Store`] and whoever else needs to look at it (tests).
impl<B: Backend + ?Sized> Backend for Rc<B> {
    async fn get(&self, key: &str) -> Result<Option<String>, StorageError> {
        (**self).get(key).await
    }
    async fn keys(&self) -> Result<Vec<String>, StorageError> {
        (**self).keys().await
    }
    async fn apply(&self, writes: Vec<Write>) -> Result<(), StorageError> {
        (**self).apply(writes).await
    }
    async fn units(&self, key: &str) -> Result<Option<usize>, StorageError> {
        (**self).units(key).await
    }
    async fn glance(&self, keys: &[&str]) -> Result<(Vec<Option<String>>, Vec<String>), StorageError> {
        (**self).glance(keys).await
    }
    fn kind(&self) -> BackendKind {
        (**self).kind()
    }
}

/// An in-memory store. With a quota, the UTF-8 bytes of every key and value count against it,
/// and a batch that would go over is refused (nothing changed), as a full browser storage does.
#[derive(Debug, Default)]
pub struct MemoryBackend {
    entries: RefCell<BTreeMap<String, String>>,
    quota: Cell<Option<usize>>,
    /// Refuse the n-th next batch (1 = the next one) with `Failed` — tests of rollback.
    fail_batch: Cell<Option<usize>>,
    /// How often each key was read (`get`): tests of what a save does not read.
    reads: RefCell<BTreeMap<String, usize>>,
    /// How many batches were written: tests of what goes in one.
    batches: Cell<usize>,
}

impl MemoryBackend {
    pub fn new() -> MemoryBackend {
        MemoryBackend::default()
    }

    /// A store that holds at most `bytes` (keys and values, UTF-8).
    pub fn with_quota(bytes: usize) -> MemoryBackend {
        MemoryBackend { quota: Cell::new(Some(bytes)), ..MemoryBackend::default() }
    }

    /// Changes the quota (`None`: unlimited). What is stored already stays.
    pub fn set_quota(&self, bytes: Option<usize>) {
        self.quota.set(bytes);
    }

    /// The `n`-th batch from now (1: the next) fails as a whole, as a transaction the browser
    /// aborts half-way does.
    pub fn fail_batch(&self, n: usize) {
        self.fail_batch.set(Some(n));
    }

    /// The bytes counted against the quota.
    pub fn used_bytes(&self) -> usize {
        self.entries.try_borrow().map(|e| e.iter().map(|(k, v)| k.len() + v.len()).sum()).unwrap_or(0)
    }

    /// How many batches were written ([`Backend::apply`] without an error).
    pub fn batches(&self) -> usize {
        self.batches.get()
    }

    /// How often `key` was read through [`Backend::get`].
    pub fn reads_of(&self, key: &str) -> usize {
        self.reads.borrow().get(key).copied().unwrap_or(0)
    }

    /// The value under `key`, at once (tests look underneath the store).
    pub fn get_now(&self, key: &str) -> Option<String> {
        self.entries.borrow().get(key).cloned()
    }

    /// Every key, at once.
    pub fn keys_now(&self) -> Vec<String> {
        self.entries.borrow().keys().cloned().collect()
    }

    /// Writes one value at once, within the quota (tests plant text under any key).
    pub fn set_now(&self, key: &str, value: &str) -> Result<(), StorageError> {
        self.write(vec![Write::put(key, value)])
    }

    /// Removes one key at once.
    pub fn remove_now(&self, key: &str) {
        self.entries.borrow_mut().remove(key);
    }

    fn busy() -> StorageError {
        StorageError::Failed { detail: "in-memory storage is busy".into() }
    }

    fn write(&self, writes: Vec<Write>) -> Result<(), StorageError> {
        if let Some(n) = self.fail_batch.get() {
            self.fail_batch.set(n.checked_sub(1).filter(|&left| left > 0));
            if n == 1 {
                return Err(StorageError::Failed { detail: "AbortError: the transaction was aborted".into() });
            }
        }
        let mut entries = self.entries.try_borrow_mut().map_err(|_| Self::busy())?;
        for w in &writes {
            if let Write::Expect { key, value } = w {
                if entries.get(key) != value.as_ref() {
                    return Err(StorageError::Conflict { key: key.clone() });
                }
            }
        }
        let writes = resolve_copies(writes, |from| Ok(entries.get(from).cloned()))?;
        if let Some(quota) = self.quota.get() {
            // The size after the whole batch, counted before anything is written.
            let mut sizes: BTreeMap<&str, usize> = BTreeMap::new();
            for w in &writes {
                let size = match w {
                    Write::Put { key, value } => key.len() + value.len(),
                    Write::Remove { .. } => 0,
                    Write::Expect { .. } | Write::Copy { .. } => continue,
                };
                sizes.insert(w.key(), size);
            }
            let used: usize = entries.iter().map(|(k, v)| k.len() + v.len()).sum();
            let replaced: usize = sizes.keys().filter_map(|k| entries.get(*k).map(|v| k.len() + v.len())).sum();
            if used - replaced + sizes.values().sum::<usize>() > quota {
                let (key, value) = writes
                    .iter()
                    .filter_map(|w| match w {
                        Write::Put { key, value } => Some((key, value)),
                        _ => None,
                    })
                    .max_by_key(|(_, v)| v.len())
                    .map_or((String::new(), 0), |(k, v)| (k.clone(), v.len()));
                return Err(StorageError::QuotaExceeded { key, bytes: value });
            }
        }
        for w in writes {
            match w {
                Write::Put { key, value } => {
                    entries.insert(key, value);
                }
                Write::Remove { key } => {
                    entries.remove(&key);
                }
                Write::Expect { .. } | Write::Copy { .. } => {}
            }
        }
        Ok(())
    }
}

impl Backend for MemoryBackend {
    async fn get(&self, key: &str) -> Result<Option<String>, StorageError> {
        *self.reads.borrow_mut().entry(key.to_owned()).or_default() += 1;
        Ok(self.entries.try_borrow().map_err(|_| Self::busy())?.get(key).cloned())
    }

    async fn keys(&self) -> Result<Vec<String>, StorageError> {
        Ok(self.entries.try_borrow().map_err(|_| Self::busy())?.keys().cloned().collect())
    }

    async fn apply(&self, writes: Vec<Write>) -> Result<(), StorageError> {
        self.write(writes)?;
        self.batches.set(self.batches.get() + 1);
        Ok(())
    }

    fn kind(&self) -> BackendKind {
        BackendKind::Memory
    }
}
