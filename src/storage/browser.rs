//! Opening the browser's storage (wasm32 only): IndexedDB when it opens, with the data of
//! earlier releases moved over from `localStorage` first; else `localStorage` (some private
//! windows and `file://` pages have no IndexedDB); else memory. [`OpenedStorage`] says which and why,
//! for the UI to put into words. Also what the browser says about this site's storage:
//! whether it is persistent (`navigator.storage.persist()`) and how much is used of what it
//! allows (`navigator.storage.estimate()`).

use super::migrate::{has_data_to_move, move_data, Moved};
use super::IndexedDb;
use super::{Backend, BackendKind, LocalStorage, MemoryBackend, StorageError, Store, Write};
use std::cell::Cell;
use std::future::Future;
use std::pin::Pin;
use std::rc::Rc;

/// The backend the app runs on: one of three, chosen when the page starts.
pub enum BrowserBackend {
    Indexed(IndexedDb),
    Local(LocalStorage),
    /// Shared with the writer (`WriteTarget::Memory`).
    Memory(Rc<MemoryBackend>),
}

/// The store the app uses.
pub type BrowserStore = Store<BrowserBackend>;

/// What [`Store::opening`] found.
pub enum Opening {
    Ready(BrowserStore, OpenedStorage),
    /// IndexedDB opened, and `localStorage` holds data of an earlier release to move into it.
    Move(IndexedDb, LocalStorage),
}

/// How storage was opened.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct OpenedStorage {
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
        let target = match self {
            BrowserBackend::Memory(b) => WriteTarget::Memory(b.clone()),
            BrowserBackend::Indexed(b) => WriteTarget::Indexed(b.clone()),
            BrowserBackend::Local(b) => WriteTarget::Local(b.clone()),
        };
        match WRITER.get() {
            Some(writer) => writer(target, writes).await,
            None => Err(StorageError::Failed { detail: "no writer is installed (storage::install_writer)".into() }),
        }
    }
    async fn glance(&self, keys: &[&str]) -> Result<(Vec<Option<String>>, Vec<String>), StorageError> {
        match self {
            BrowserBackend::Indexed(b) => b.glance(keys).await,
            BrowserBackend::Local(b) => b.glance(keys).await,
            BrowserBackend::Memory(b) => b.glance(keys).await,
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

/// How IndexedDB and `localStorage` write a batch: [`write`], reached through a function the
/// app installs at start-up ([`install_writer`]) as a part of its own, fetched with the first
/// write (the first visit of a new user writes nothing, and its module then holds none
/// of the write path). The in-browser tests install [`write`] itself.
pub type Writer = fn(WriteTarget, Vec<Write>) -> Pin<Box<dyn Future<Output = Result<(), StorageError>>>>;

/// Where a batch is written: IndexedDB's database, the page's `localStorage` or the memory of a
/// page without storage (handles, owned: a part's function borrows nothing).
#[derive(Clone)]
pub enum WriteTarget {
    Indexed(IndexedDb),
    Local(LocalStorage),
    Memory(Rc<MemoryBackend>),
}

thread_local! {
    static WRITER: Cell<Option<Writer>> = const { Cell::new(None) };
}

/// Lets the browser backends write (see [`Writer`]); before it, a write fails and says so.
pub fn install_writer(writer: Writer) {
    WRITER.set(Some(writer));
}

/// Writes a batch: what the installed [`Writer`] runs.
pub async fn write(target: WriteTarget, writes: Vec<Write>) -> Result<(), StorageError> {
    match target {
        WriteTarget::Indexed(b) => b.apply(writes).await,
        WriteTarget::Local(b) => b.apply(writes).await,
        WriteTarget::Memory(b) => b.apply(writes).await,
    }
}

impl Store<BrowserBackend> {
    /// The browser's storage: IndexedDB (after moving `localStorage`'s data into it), else
    /// `localStorage`, else memory. Never fails: what went wrong is in [`OpenedStorage`].
    pub async fn browser(now: &str) -> (BrowserStore, OpenedStorage) {
        match Self::opening().await {
            Opening::Ready(store, opened) => (store, opened),
            Opening::Move(idb, local) => Self::move_then_open(idb, local, now).await,
        }
    }

    /// [`Store::browser`] up to the move: opened, or IndexedDB with an earlier release's data
    /// still in `localStorage` (the app moves it in a part of its own: a look at the keys here).
    pub async fn opening() -> Opening {
        match IndexedDb::open().await {
            Ok(idb) => match LocalStorage::open() {
                Ok(local) if has_data_to_move(&local).await => Opening::Move(idb, local),
                // No localStorage, or nothing in it to move.
                _ => Opening::Ready(Store::new(BrowserBackend::Indexed(idb)), OpenedStorage::default()),
            },
            Err(problem) => {
                let (store, opened) = Store::browser_local();
                Opening::Ready(store, OpenedStorage { indexed_db_problem: Some(problem), ..opened })
            }
        }
    }

    /// Moves `localStorage`'s data into IndexedDB, then opens IndexedDB; where the move fails,
    /// the data stays where it was, and so does the app this time (`localStorage`).
    pub async fn move_then_open(idb: IndexedDb, local: LocalStorage, now: &str) -> (BrowserStore, OpenedStorage) {
        // Both as the app's backend: their writes go through the installed writer.
        let (idb, local) = (BrowserBackend::Indexed(idb), BrowserBackend::Local(local));
        match move_data(&local, &idb, now).await {
            Ok(moved) => (Store::new(idb), OpenedStorage { moved, ..OpenedStorage::default() }),
            Err(problem) => {
                let (store, opened) = Store::browser_local();
                (store, OpenedStorage { indexed_db_problem: Some(problem), ..opened })
            }
        }
    }

    /// `localStorage`, else memory: where IndexedDB cannot be used (and what the tests of
    /// `localStorage` itself open). Never fails: what went wrong is in [`OpenedStorage`].
    pub fn browser_local() -> (BrowserStore, OpenedStorage) {
        match LocalStorage::open() {
            Ok(local) => (Store::new(BrowserBackend::Local(local)), OpenedStorage::default()),
            Err(e) => {
                let opened = OpenedStorage { unavailable: Some(e), ..OpenedStorage::default() };
                (Store::new(BrowserBackend::Memory(Rc::new(MemoryBackend::new()))), opened)
            }
        }
    }
}

/// Whether the browser may clear this site's data on its own (when disk space runs low, or —
/// Safari — after days without a visit).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Persistence {
    /// Granted: the browser does not clear the data on its own.
    Persistent,
    /// Not granted: the data may be cleared (export regularly, install the app).
    BestEffort,
    /// The browser cannot say (no `navigator.storage`).
    Unknown,
}

fn storage_manager() -> Option<web_sys::StorageManager> {
    let navigator = web_sys::window()?.navigator();
    // `navigator.storage` is missing in insecure contexts of some browsers.
    let has = js_sys::Reflect::has(&navigator, &wasm_bindgen::JsValue::from_str("storage")).unwrap_or(false);
    has.then(|| navigator.storage())
}

async fn ask(promise: Result<js_sys::Promise, wasm_bindgen::JsValue>) -> Persistence {
    let Ok(promise) = promise else { return Persistence::Unknown };
    match wasm_bindgen_futures::JsFuture::from(promise).await.map(|v| v.as_bool()) {
        Ok(Some(true)) => Persistence::Persistent,
        Ok(Some(false)) => Persistence::BestEffort,
        _ => Persistence::Unknown,
    }
}

/// Whether this site's storage is persistent now (asks nothing).
pub async fn persistence() -> Persistence {
    match storage_manager() {
        Some(m) => ask(m.persisted()).await,
        None => Persistence::Unknown,
    }
}

/// Asks the browser to keep this site's data (`navigator.storage.persist()`): Chromium answers
/// from how the site is used (installed, bookmarked, visited often), Firefox asks the user.
pub async fn ask_persistence() -> Persistence {
    match storage_manager() {
        Some(m) => match ask(m.persisted()).await {
            Persistence::Persistent => Persistence::Persistent,
            _ => ask(m.persist()).await,
        },
        None => Persistence::Unknown,
    }
}

/// What this site stores and what the browser lets it store, in bytes
/// (`navigator.storage.estimate()`); `None` where the browser cannot say.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Estimate {
    pub usage: f64,
    pub quota: f64,
}

impl Estimate {
    /// The share used, in whole per cent (rounded up from any use, so that 0 means nothing).
    pub fn percent(&self) -> u32 {
        if self.quota <= 0.0 {
            return 0;
        }
        (self.usage * 100.0 / self.quota).ceil().min(100.0) as u32
    }
}

pub async fn estimate() -> Option<Estimate> {
    let promise = storage_manager()?.estimate().ok()?;
    let value = wasm_bindgen_futures::JsFuture::from(promise).await.ok()?;
    let e: web_sys::StorageEstimate = wasm_bindgen::JsCast::unchecked_into(value);
    Some(Estimate { usage: e.get_usage()?, quota: e.get_quota()? })
}
