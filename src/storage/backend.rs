//! The key-value store underneath: the [`Backend`] trait and the in-memory [`MemoryBackend`]
//! (native tests, and the fallback when the browser gives no storage), with an optional byte
//! quota to simulate a full storage.

use super::StorageError;
use std::cell::{Cell, RefCell};
use std::collections::BTreeMap;
use std::rc::Rc;

/// A string key-value store like `localStorage`.
pub trait Backend {
    fn get(&self, key: &str) -> Result<Option<String>, StorageError>;
    /// Storage full → [`StorageError::QuotaExceeded`], and the previous value is left as it was.
    fn set(&self, key: &str, value: &str) -> Result<(), StorageError>;
    /// Removing a key that is not there is not an error.
    fn remove(&self, key: &str) -> Result<(), StorageError>;
    /// Every key, in no particular order.
    fn keys(&self) -> Result<Vec<String>, StorageError>;
    /// The length of the value under `key` in UTF-16 units (what browsers count against their
    /// quota), without handing the value over.
    fn units(&self, key: &str) -> Result<Option<usize>, StorageError> {
        Ok(self.get(key)?.map(|v| v.encode_utf16().count()))
    }
    /// Whether what is written outlives the page.
    fn is_persistent(&self) -> bool {
        true
    }
}

/// Shares one backend between a [`super::Store`] and whoever else needs to look at it (tests).
impl<B: Backend + ?Sized> Backend for Rc<B> {
    fn get(&self, key: &str) -> Result<Option<String>, StorageError> {
        (**self).get(key)
    }
    fn set(&self, key: &str, value: &str) -> Result<(), StorageError> {
        (**self).set(key, value)
    }
    fn remove(&self, key: &str) -> Result<(), StorageError> {
        (**self).remove(key)
    }
    fn keys(&self) -> Result<Vec<String>, StorageError> {
        (**self).keys()
    }
    fn units(&self, key: &str) -> Result<Option<usize>, StorageError> {
        (**self).units(key)
    }
    fn is_persistent(&self) -> bool {
        (**self).is_persistent()
    }
}

/// An in-memory store. With a quota, the UTF-8 bytes of every key and value count against it,
/// and a write that would go over is refused (nothing changed), as a full `localStorage` does.
#[derive(Debug, Default)]
pub struct MemoryBackend {
    entries: RefCell<BTreeMap<String, String>>,
    quota: Cell<Option<usize>>,
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

    /// The bytes counted against the quota.
    pub fn used_bytes(&self) -> usize {
        self.entries.try_borrow().map(|e| e.iter().map(|(k, v)| k.len() + v.len()).sum()).unwrap_or(0)
    }

    fn busy() -> StorageError {
        StorageError::Failed { detail: "in-memory storage is busy".into() }
    }
}

impl Backend for MemoryBackend {
    fn get(&self, key: &str) -> Result<Option<String>, StorageError> {
        Ok(self.entries.try_borrow().map_err(|_| Self::busy())?.get(key).cloned())
    }

    fn set(&self, key: &str, value: &str) -> Result<(), StorageError> {
        let used = self.used_bytes();
        let mut entries = self.entries.try_borrow_mut().map_err(|_| Self::busy())?;
        if let Some(quota) = self.quota.get() {
            let old = entries.get(key).map_or(0, |v| key.len() + v.len());
            if used - old + key.len() + value.len() > quota {
                return Err(StorageError::QuotaExceeded { key: key.to_owned(), bytes: value.len() });
            }
        }
        entries.insert(key.to_owned(), value.to_owned());
        Ok(())
    }

    fn remove(&self, key: &str) -> Result<(), StorageError> {
        self.entries.try_borrow_mut().map_err(|_| Self::busy())?.remove(key);
        Ok(())
    }

    fn keys(&self) -> Result<Vec<String>, StorageError> {
        Ok(self.entries.try_borrow().map_err(|_| Self::busy())?.keys().cloned().collect())
    }

    fn is_persistent(&self) -> bool {
        false
    }
}
