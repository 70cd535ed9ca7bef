//! Opening the browser's storage (wasm32 only): IndexedDB when it opens, with the data of
//! earlier releases moved over from `localStorage` first; else `localStorage` (some private
//! windows and `file://` pages have no IndexedDB); else memory. [`Opened`] says which and why,
//! for the UI to put into words.

use super::migrate::Moved;
use super::{Backend, BackendKind, LocalStorage, MemoryBackend, StorageError, Store, Write};

/// The backend the app runs on: one of three, chosen when the page starts.
pub enum BrowserBackend {
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
            BrowserBackend::Local(b) => b.get(key).await,
            BrowserBackend::Memory(b) => b.get(key).await,
        }
    }
    async fn keys(&self) -> Result<Vec<String>, StorageError> {
        match self {
            BrowserBackend::Local(b) => b.keys().await,
            BrowserBackend::Memory(b) => b.keys().await,
        }
    }
    async fn apply(&self, writes: Vec<Write>) -> Result<(), StorageError> {
        match self {
            BrowserBackend::Local(b) => b.apply(writes).await,
            BrowserBackend::Memory(b) => b.apply(writes).await,
        }
    }
    async fn units(&self, key: &str) -> Result<Option<usize>, StorageError> {
        match self {
            BrowserBackend::Local(b) => b.units(key).await,
            BrowserBackend::Memory(b) => b.units(key).await,
        }
    }
    fn kind(&self) -> BackendKind {
        match self {
            BrowserBackend::Local(b) => b.kind(),
            BrowserBackend::Memory(b) => b.kind(),
        }
    }
}

impl Store<BrowserBackend> {
    /// `localStorage`, else memory — what the app opens until its end-to-end suite reads
    /// IndexedDB (the next step; [`Store::browser`] is the IndexedDB-first choice, tested in
    /// the browser). Never fails: what went wrong is in [`Opened`].
    pub fn browser_local() -> (BrowserStore, Opened) {
        match LocalStorage::open() {
            Ok(local) => (Store::new(BrowserBackend::Local(local)), Opened::default()),
            Err(e) => {
                let opened = Opened { unavailable: Some(e), ..Opened::default() };
                (Store::new(BrowserBackend::Memory(MemoryBackend::new())), opened)
            }
        }
    }
}
