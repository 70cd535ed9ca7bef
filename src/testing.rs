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
