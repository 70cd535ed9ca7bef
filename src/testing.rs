//! Helpers for the native tests: running the storage and session futures to completion.

use std::future::Future;

/// `.wait()` on a future: runs it to completion on this thread. The in-memory backend never
/// waits, so the storage and session futures finish at once.
pub(crate) trait Wait: Future + Sized {
    fn wait(self) -> Self::Output {
        pollster::block_on(self)
    }
}

impl<F: Future> Wait for F {}

/// A laptop's browser: an empty in-memory store.
pub(crate) fn laptop() -> crate::storage::Store<crate::storage::MemoryBackend> {
    crate::storage::Store::new(crate::storage::MemoryBackend::new())
}

/// A city's strategy of the second period (2020–2024), as the template makes it.
pub(crate) fn second_period() -> crate::model::Strategy {
    use crate::model::{template, FiscalYear, PlanPeriod};
    template::from_second_period("戦略", "北斗市", PlanPeriod { first: FiscalYear(2020), last: FiscalYear(2024) })
}

/// `s` changed by `edit`.
pub(crate) fn edited(
    s: &crate::model::Strategy,
    edit: impl FnOnce(&mut crate::model::Strategy),
) -> crate::model::Strategy {
    let mut s = s.clone();
    edit(&mut s);
    s
}

/// An in-memory store holding these strategies (saved once each), and its backend, whose quota
/// a test can lower.
pub(crate) fn memory_store(
    strategies: &[&crate::model::Strategy],
) -> (std::rc::Rc<crate::storage::MemoryBackend>, crate::storage::Store<std::rc::Rc<crate::storage::MemoryBackend>>) {
    let mem = std::rc::Rc::new(crate::storage::MemoryBackend::new());
    let store = crate::storage::Store::new(mem.clone());
    for s in strategies {
        store.save(s, "2026-11-01T09:00:00Z").wait().unwrap();
    }
    (mem, store)
}

/// A backend that says it is of another kind: the memory backend as the page's IndexedDB
/// (storage that keeps what is saved, so that a session is persistent, as in the browser) or as
/// `localStorage`. Everything else is the wrapped backend's.
pub(crate) struct Posing<B>(pub B, pub crate::storage::BackendKind);

impl<B: crate::storage::Backend> crate::storage::Backend for Posing<B> {
    async fn get(&self, key: &str) -> Result<Option<String>, crate::storage::StorageError> {
        self.0.get(key).await
    }
    async fn keys(&self) -> Result<Vec<String>, crate::storage::StorageError> {
        self.0.keys().await
    }
    async fn apply(&self, writes: Vec<crate::storage::Write>) -> Result<(), crate::storage::StorageError> {
        self.0.apply(writes).await
    }
    fn kind(&self) -> crate::storage::BackendKind {
        self.1
    }
}
