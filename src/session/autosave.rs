//! When the open strategy is saved: after each change, a quiet moment (the debounce), then one
//! save of the latest version; at once when the page goes away or an action needs storage up to
//! date (flush). Plain data driven by the UI's timers and the store's answers, so the rules are
//! tested natively.
//!
//! The rules: only the latest revision is saved (a timer for an older one does nothing); a
//! change made while a save is under way stays waiting, and its own save follows; a failed save
//! is shown until a later save succeeds, and the change stays waiting (nothing is dropped).

use crate::storage::StorageError;

/// Whether the open strategy is safely stored.
#[derive(Clone, Debug, PartialEq)]
pub enum SaveState {
    /// Nothing changed since it was loaded or saved (with when, if it was saved in this tab).
    Saved {
        at: Option<String>,
    },
    /// A change is waiting for the debounce, or being saved.
    Pending,
    Failed(StorageError),
    /// Storage is unavailable: changes live only in memory.
    NotPersistent,
}

/// The autosave bookkeeping of one open strategy.
#[derive(Clone, Debug)]
pub struct Autosave {
    /// Bumped by every change.
    revision: u64,
    /// The revision known to be stored.
    stored: u64,
    /// The revision being saved now.
    saving: Option<u64>,
    state: SaveState,
    persistent: bool,
}

impl Autosave {
    /// A strategy just loaded or stored: nothing waits.
    pub fn new(persistent: bool) -> Autosave {
        let state = if persistent { SaveState::Saved { at: None } } else { SaveState::NotPersistent };
        Autosave { revision: 0, stored: 0, saving: None, state, persistent }
    }

    /// Another strategy was opened (or this one read again): nothing waits for it.
    pub fn opened(&mut self) {
        self.stored = self.revision;
        self.saving = None;
        if self.persistent {
            self.state = SaveState::Saved { at: None };
        }
    }

    /// A strategy was stored by an action (created, imported, duplicated) and opened: nothing
    /// waits — unless storing it failed, then it waits (the next flush tries again) and the
    /// failure is shown.
    pub fn opened_after_storing(&mut self, stored: Result<(), StorageError>) {
        self.opened();
        match stored {
            Ok(()) => {}
            Err(_) if !self.persistent => {}
            Err(e) => {
                self.revision += 1;
                self.state = SaveState::Failed(e);
            }
        }
    }

    pub fn state(&self) -> &SaveState {
        &self.state
    }

    pub fn revision(&self) -> u64 {
        self.revision
    }

    /// Whether a change is not yet stored.
    pub fn is_waiting(&self) -> bool {
        self.revision != self.stored
    }

    /// The open strategy changed: returns its revision, for the timer that saves it after the
    /// quiet moment.
    pub fn changed(&mut self) -> u64 {
        self.revision += 1;
        if self.persistent {
            self.state = SaveState::Pending;
        }
        self.revision
    }

    /// The quiet moment after `revision` has passed: `Some` revision to save now, or `None`
    /// when a later change came meanwhile (its own timer saves it) or it is stored already.
    pub fn quiet(&mut self, revision: u64) -> Option<u64> {
        (revision == self.revision).then(|| self.start()).flatten()
    }

    /// Save now whatever waits (the page goes away, an action needs storage up to date).
    pub fn flush(&mut self) -> Option<u64> {
        self.start()
    }

    fn start(&mut self) -> Option<u64> {
        if !self.is_waiting() || self.saving == Some(self.revision) {
            return None;
        }
        self.saving = Some(self.revision);
        Some(self.revision)
    }

    /// The store answered for the save of `revision` (`at`: when it was saved).
    pub fn finished(&mut self, revision: u64, result: Result<(), StorageError>, at: &str) {
        if self.saving == Some(revision) {
            self.saving = None;
        }
        match result {
            Ok(()) => {
                self.stored = self.stored.max(revision);
                if !self.persistent {
                    self.state = SaveState::NotPersistent;
                } else if self.is_waiting() {
                    self.state = SaveState::Pending;
                } else {
                    self.state = SaveState::Saved { at: Some(at.to_owned()) };
                }
            }
            Err(_) if !self.persistent => self.state = SaveState::NotPersistent,
            Err(e) => self.state = SaveState::Failed(e),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn full() -> StorageError {
        StorageError::QuotaExceeded { key: "k".into(), bytes: 1 }
    }

    #[test]
    fn only_the_latest_change_is_saved_after_the_quiet_moment() {
        let mut a = Autosave::new(true);
        assert_eq!(a.state(), &SaveState::Saved { at: None });
        let first = a.changed();
        let second = a.changed();
        assert_eq!(a.state(), &SaveState::Pending);
        assert_eq!(a.quiet(first), None, "a later change came: its own timer saves it");
        assert_eq!(a.quiet(second), Some(second));
        assert_eq!(a.quiet(second), None, "already being saved");
        a.finished(second, Ok(()), "t1");
        assert_eq!(a.state(), &SaveState::Saved { at: Some("t1".into()) });
        assert!(!a.is_waiting());
        assert_eq!(a.flush(), None, "nothing waits");
    }

    #[test]
    fn flush_saves_what_waits_at_once() {
        let mut a = Autosave::new(true);
        let rev = a.changed();
        assert_eq!(a.flush(), Some(rev));
        assert_eq!(a.flush(), None, "the same revision is not saved twice at once");
        a.finished(rev, Ok(()), "t");
        assert_eq!(a.quiet(rev), None, "the timer after a flush finds nothing to do");
    }

    #[test]
    fn a_change_during_a_save_stays_waiting_and_is_saved_next() {
        let mut a = Autosave::new(true);
        let first = a.changed();
        assert_eq!(a.quiet(first), Some(first));
        let second = a.changed();
        a.finished(first, Ok(()), "t1");
        assert_eq!(a.state(), &SaveState::Pending, "the second change is not stored yet");
        assert!(a.is_waiting());
        assert_eq!(a.quiet(second), Some(second));
        a.finished(second, Ok(()), "t2");
        assert_eq!(a.state(), &SaveState::Saved { at: Some("t2".into()) });
    }

    #[test]
    fn a_failed_save_is_shown_and_the_change_keeps_waiting() {
        let mut a = Autosave::new(true);
        let rev = a.changed();
        assert_eq!(a.quiet(rev), Some(rev));
        a.finished(rev, Err(full()), "t");
        assert_eq!(a.state(), &SaveState::Failed(full()));
        assert!(a.is_waiting(), "nothing was dropped");
        assert_eq!(a.flush(), Some(rev), "the next flush tries again");
        a.finished(rev, Ok(()), "t2");
        assert_eq!(a.state(), &SaveState::Saved { at: Some("t2".into()) });
    }

    #[test]
    fn without_storage_the_state_says_so_whatever_happens() {
        let mut a = Autosave::new(false);
        let rev = a.changed();
        assert_eq!(a.state(), &SaveState::NotPersistent);
        assert_eq!(a.quiet(rev), Some(rev), "kept in the in-memory store all the same");
        a.finished(rev, Err(full()), "t");
        assert_eq!(a.state(), &SaveState::NotPersistent);
    }

    #[test]
    fn a_new_strategy_that_could_not_be_stored_waits_for_the_next_flush() {
        let mut a = Autosave::new(true);
        a.opened_after_storing(Err(full()));
        assert_eq!(a.state(), &SaveState::Failed(full()));
        let rev = a.flush().expect("it waits");
        a.finished(rev, Ok(()), "t");
        assert_eq!(a.state(), &SaveState::Saved { at: Some("t".into()) });
        a.opened_after_storing(Ok(()));
        assert_eq!((a.state(), a.is_waiting()), (&SaveState::Saved { at: None }, false));
    }

    #[test]
    fn opening_another_strategy_forgets_what_waited_for_the_old_one() {
        let mut a = Autosave::new(true);
        let rev = a.changed();
        assert_eq!(a.flush(), Some(rev));
        a.opened();
        assert!(!a.is_waiting());
        assert_eq!(a.state(), &SaveState::Saved { at: None });
        a.finished(rev, Ok(()), "late answer for the old one");
        assert!(!a.is_waiting());
    }
}
