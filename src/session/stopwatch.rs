//! Timing a step of the app's logic for the benchmark without touching the browser: the UI
//! passes its clock (performance marks); native code and tests pass [`Untimed`].

/// Runs a step and records how long it took under `name`.
pub trait Stopwatch {
    fn timed<T>(&self, name: &str, f: impl FnOnce() -> T) -> T;
}

/// Records nothing.
pub struct Untimed;

impl Stopwatch for Untimed {
    fn timed<T>(&self, _name: &str, f: impl FnOnce() -> T) -> T {
        f()
    }
}
