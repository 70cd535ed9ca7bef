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
