//! Timing a step of the app's logic for the benchmark, and giving the page's thread back between
//! long steps, without touching the browser: the UI passes its clock (performance marks, the
//! event loop's next turn); native code and tests pass [`Untimed`].

/// Runs a step and records how long it took under `name`.
#[allow(async_fn_in_trait)] // reason: used on the page's one thread only, as `Backend`
pub trait Stopwatch {
    fn timed<T>(&self, name: &str, f: impl FnOnce() -> T) -> T;
    /// Waits for the page's next turn between two long steps (a merge of a large strategy,
    /// then its result), so that their time does not add up into one long task; natively,
    /// nothing.
    async fn yield_now(&self) {}
    /// Runs a step that waits on storage or files, recorded under `name` (its whole time,
    /// waits included) and `name:thread` (the time it held the page's thread).
    async fn timed_wait<T>(&self, _name: &str, f: impl std::future::Future<Output = T>) -> T {
        f.await
    }
}

/// Records nothing.
pub struct Untimed;

impl Stopwatch for Untimed {
    fn timed<T>(&self, _name: &str, f: impl FnOnce() -> T) -> T {
        f()
    }
}
