//! Opening the browser's storage (wasm32 only): IndexedDB when it opens, with the data of
//! earlier releases moved over from `localStorage` first; else `localStorage` (some private
//! windows and `file://` pages have no IndexedDB); else memory. [`Opened`] says which and why,
//! for the UI to put into words.

use super::migrate::{move_data, Moved};
use super::{Backend, BackendKind, IndexedDb, LocalStorage, MemoryBackend, StorageError, Store, Write};

/// The backend the app runs on: one of three, chosen when the page starts.
pub enum BrowserBackend {
    Indexed(IndexedDb),
    Local(LocalStorage),
    Memory(MemoryBackend),
}

/// The store the app uses.
pub type BrowserStore = Store<BrowserBackend>;

/// How storage was opened.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Opened {
    /// Why IndexedDB is not used (it did not open, or the move into it failed), when it is not.
    pub indexed_db_problem: Option<StorageError>,
    /// Why no storage at all is used (only memory), when so.
    pub unavailable: Option<StorageError>,
    /// What moving the data of an earlier release out of `localStorage` did, if there was any.
    pub moved: Option<Moved>,
}

impl Backend for BrowserBackend {
    async fn get(&self, key: &str) -> Result<Option<String>, StorageError> {
        match self {
            BrowserBackend::Indexed(b) => b.get(key).await,
            BrowserBackend::Local(b) => b.get(key).await,
            BrowserBackend::Memory(b) => b.get(key).await,
        }
    }
    async fn keys(&self) -> Result<Vec<String>, StorageError> {
        match self {
            BrowserBackend::Indexed(b) => b.keys().await,
            BrowserBackend::Local(b) => b.keys().await,
            BrowserBackend::Memory(b) => b.keys().await,
        }
    }
    async fn apply(&self, writes: Vec<Write>) -> Result<(), StorageError> {
        match self {
            BrowserBackend::Indexed(b) => b.apply(writes).await,
            BrowserBackend::Local(b) => b.apply(writes).await,
            BrowserBackend::Memory(b) => b.apply(writes).await,
        }
    }
    async fn units(&self, key: &str) -> Result<Option<usize>, StorageError> {
        match self {
            BrowserBackend::Indexed(b) => b.units(key).await,
            BrowserBackend::Local(b) => b.units(key).await,
            BrowserBackend::Memory(b) => b.units(key).await,
        }
    }
    fn kind(&self) -> BackendKind {
        match self {
            BrowserBackend::Indexed(b) => b.kind(),
            BrowserBackend::Local(b) => b.kind(),
            BrowserBackend::Memory(b) => b.kind(),
        }
    }
}

impl Store<BrowserBackend> {
    /// The browser's storage: IndexedDB (after moving `localStorage`'s data into it), else
    /// `localStorage`, else memory. Never fails: what went wrong is in [`Opened`].
    pub async fn browser(now: &str) -> (BrowserStore, Opened) {
        let mut opened = Opened::default();
        let local = LocalStorage::open();
        match IndexedDb::open().await {
            Ok(idb) => match &local {
                Ok(local) => match move_data(local, &idb, now).await {
                    Ok(moved) => {
                        opened.moved = moved;
                        return (Store::new(BrowserBackend::Indexed(idb)), opened);
                    }
                    // The data stays where it was, and so does the app this time.
                    Err(e) => opened.indexed_db_problem = Some(e),
                },
                // No localStorage but IndexedDB: nothing to move.
                Err(_) => return (Store::new(BrowserBackend::Indexed(idb)), opened),
            },
            Err(e) => opened.indexed_db_problem = Some(e),
        }
        match local {
            Ok(local) => (Store::new(BrowserBackend::Local(local)), opened),
            Err(e) => {
                opened.unavailable = Some(e);
                (Store::new(BrowserBackend::Memory(MemoryBackend::new())), opened)
            }
        }
    }
}
