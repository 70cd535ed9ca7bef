//! [`Shown`]: a signal of the app state as a feature's context hands it to components — read,
//! never set (the app state sets it from what the workbench says changed). A thin wrapper over
//! the app state's own `RwSignal`, not a `ReadSignal`: a read-only signal type of each kind of
//! value compiles its reading anew, in the first visit's module.

use leptos::prelude::*;

#[derive(Debug)]
pub struct Shown<T: 'static>(RwSignal<T>);

impl<T: 'static> Clone for Shown<T> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<T: 'static> Copy for Shown<T> {}

impl<T: Send + Sync + 'static> Shown<T> {
    pub(super) fn of(signal: RwSignal<T>) -> Shown<T> {
        Shown(signal)
    }

    /// Reads the value by reference, tracked (the view follows it).
    #[inline]
    pub fn with<U>(&self, f: impl FnOnce(&T) -> U) -> U {
        self.0.with(f)
    }

    /// Reads the value by reference, untracked (in an event handler).
    #[inline]
    pub fn with_untracked<U>(&self, f: impl FnOnce(&T) -> U) -> U {
        self.0.with_untracked(f)
    }

    /// Follows the value without reading it.
    #[inline]
    pub fn track(&self) {
        self.0.track();
    }
}

impl<T: Clone + Send + Sync + 'static> Shown<T> {
    /// A copy of the value, tracked.
    #[inline]
    pub fn get(&self) -> T {
        self.0.get()
    }

    /// A copy of the value, untracked.
    #[inline]
    pub fn get_untracked(&self) -> T {
        self.0.get_untracked()
    }
}
