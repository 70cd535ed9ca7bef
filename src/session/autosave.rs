//! When the open strategy is saved: after each change, a quiet moment (the debounce), then one
//! save of the latest version; at once when the page goes away or an action needs storage up to
//! date (flush). Plain data driven by the UI's timers and the store's answers, so the rules are
//! tested natively.
//!
//! The rules: only the latest revision is saved (a timer for an older one does nothing); one save
//! at a time — a change made while a save is under way stays waiting, and is saved as soon as
//! that save has finished (two saves of one tab must not race: the second would find the first's
//! revision and take it for another tab's); a failed save is shown until a later save succeeds,
//! and the change stays waiting (nothing is dropped).

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
    /// The stored revision (`storage::Head::revision`) the open strategy was loaded or last
    /// saved as: a save goes over it only if no other tab saved meanwhile.
    base: u64,
    state: SaveState,
    persistent: bool,
}

impl Autosave {
    /// A strategy just loaded or stored: nothing waits.
    pub fn new(persistent: bool) -> Autosave {
        let state = if persistent { SaveState::Saved { at: None } } else { SaveState::NotPersistent };
        Autosave { revision: 0, stored: 0, saving: None, base: 0, state, persistent }
    }

    /// Another strategy was opened (or this one read again) at stored revision `base`:
    /// nothing waits for it.
    pub fn opened(&mut self, base: u64) {
        self.base = base;
        self.stored = self.revision;
        self.saving = None;
        if self.persistent {
            self.state = SaveState::Saved { at: None };
        }
    }

    /// The open strategy was closed (deleted, another page): nothing waits any more, and a save
    /// that was under way is forgotten (its answer changes nothing).
    pub fn closed(&mut self) {
        self.opened(0);
    }

    /// A strategy was stored by an action (created, imported, duplicated) and opened: nothing
    /// waits — unless storing it failed, then it waits (the next flush tries again) and the
    /// failure is shown.
    pub fn opened_after_storing(&mut self, stored: Result<u64, StorageError>) {
        self.opened(*stored.as_ref().unwrap_or(&self.base));
        match stored {
            Ok(_) => {}
            Err(_) if !self.persistent => {}
            Err(e) => {
                self.revision += 1;
                self.state = SaveState::Failed(e);
            }
        }
    }

    /// The user keeps this tab's version over another tab's (stored as `base`): the waiting
    /// change is saved over that revision at the next flush (the other tab's version stays in
    /// the history).
    pub fn rebase(&mut self, base: u64) {
        self.base = base;
        if self.revision == self.stored {
            // Nothing of this tab's waits; still save it, so that it is the current version.
            self.revision += 1;
        }
        if self.persistent {
            self.state = SaveState::Pending;
        }
    }

    /// Another tab deleted the open strategy: shown as the save's failure (`why`) until the
    /// user chooses; what waits still waits (a save would be refused: storage never brings a
    /// deleted strategy back).
    pub fn deleted_elsewhere(&mut self, why: StorageError) {
        if self.persistent {
            self.state = SaveState::Failed(why);
        }
    }

    /// Whether this tab was told that another tab deleted the open strategy.
    pub fn is_deleted_elsewhere(&self) -> bool {
        matches!(self.state, SaveState::Failed(StorageError::Deleted { .. }))
    }

    /// The stored revision a save of the open strategy goes over.
    pub fn base(&self) -> u64 {
        self.base
    }

    /// Whether the last save found that another tab saved this strategy meanwhile.
    pub fn in_conflict(&self) -> bool {
        matches!(self.state, SaveState::Failed(StorageError::Conflict { .. }))
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

    /// Whether a save is under way (an action that needs storage up to date waits for it).
    pub fn is_saving(&self) -> bool {
        self.saving.is_some()
    }

    /// A save that failed is tried again now (room was made): the revision to save, also when
    /// nothing changed since the failure.
    pub fn retry(&mut self) -> Option<u64> {
        if !matches!(self.state, SaveState::Failed(_)) {
            return None;
        }
        if !self.is_waiting() {
            self.revision += 1;
        }
        self.start()
    }

    fn start(&mut self) -> Option<u64> {
        if !self.is_waiting() || self.saving.is_some() {
            return None;
        }
        self.saving = Some(self.revision);
        Some(self.revision)
    }

    /// The store answered for the save of `revision` (`at`: when it was saved; `Ok`: the new
    /// stored revision). Returns the revision to save next: a change made meanwhile.
    pub fn finished(&mut self, revision: u64, result: Result<u64, StorageError>, at: &str) -> Option<u64> {
        if self.saving == Some(revision) {
            self.saving = None;
        }
        let ok = result.is_ok();
        match result {
            Ok(base) => {
                self.base = base;
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
        // After a failure, the next change or flush tries again (not at once, in a loop).
        if ok {
            self.start()
        } else {
            None
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
        let _ = a.finished(second, Ok(1), "t1");
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
        let _ = a.finished(rev, Ok(1), "t");
        assert_eq!(a.quiet(rev), None, "the timer after a flush finds nothing to do");
    }

    #[test]
    fn a_change_during_a_save_stays_waiting_and_is_saved_next() {
        let mut a = Autosave::new(true);
        let first = a.changed();
        assert_eq!(a.quiet(first), Some(first));
        let second = a.changed();
        assert_eq!(a.quiet(second), None, "one save at a time: the second waits for the first");
        assert_eq!(a.flush(), None);
        assert!(a.is_saving());
        assert_eq!(a.finished(first, Ok(1), "t1"), Some(second), "then it is saved at once");
        assert_eq!(a.state(), &SaveState::Pending, "the second change is not stored yet");
        assert!(a.is_waiting());
        assert_eq!(a.finished(second, Ok(2), "t2"), None);
        assert_eq!(a.state(), &SaveState::Saved { at: Some("t2".into()) });
    }

    #[test]
    fn a_failed_save_is_shown_and_the_change_keeps_waiting() {
        let mut a = Autosave::new(true);
        let rev = a.changed();
        assert_eq!(a.quiet(rev), Some(rev));
        let _ = a.finished(rev, Err(full()), "t");
        assert_eq!(a.state(), &SaveState::Failed(full()));
        assert!(a.is_waiting(), "nothing was dropped");
        assert_eq!(a.flush(), Some(rev), "the next flush tries again");
        let _ = a.finished(rev, Ok(2), "t2");
        assert_eq!(a.state(), &SaveState::Saved { at: Some("t2".into()) });
    }

    #[test]
    fn without_storage_the_state_says_so_whatever_happens() {
        let mut a = Autosave::new(false);
        let rev = a.changed();
        assert_eq!(a.state(), &SaveState::NotPersistent);
        assert_eq!(a.quiet(rev), Some(rev), "kept in the in-memory store all the same");
        let _ = a.finished(rev, Err(full()), "t");
        assert_eq!(a.state(), &SaveState::NotPersistent);
    }

    #[test]
    fn the_base_revision_follows_loads_and_saves_and_a_conflict_keeps_the_change_waiting() {
        let mut a = Autosave::new(true);
        a.opened(4);
        assert_eq!(a.base(), 4);
        let rev = a.changed();
        assert_eq!(a.quiet(rev), Some(rev));
        let _ = a.finished(rev, Ok(5), "t");
        assert_eq!(a.base(), 5, "the next save goes over what this one stored");
        let rev = a.changed();
        assert_eq!(a.flush(), Some(rev));
        let conflict = StorageError::Conflict { key: "head".into() };
        let _ = a.finished(rev, Err(conflict.clone()), "t");
        assert!(a.in_conflict());
        assert!(a.is_waiting(), "this tab's change is not dropped");
        assert_eq!(a.base(), 5);
        // The user keeps this tab's version: saved over the other tab's revision.
        a.rebase(7);
        assert!(!a.in_conflict());
        let rev = a.flush().expect("this tab's version is saved");
        assert_eq!(a.base(), 7);
        let _ = a.finished(rev, Ok(8), "t");
        assert_eq!((a.base(), a.is_waiting()), (8, false));
    }

    #[test]
    fn a_new_strategy_that_could_not_be_stored_waits_for_the_next_flush() {
        let mut a = Autosave::new(true);
        a.opened_after_storing(Err(full()));
        assert_eq!(a.state(), &SaveState::Failed(full()));
        let rev = a.flush().expect("it waits");
        let _ = a.finished(rev, Ok(1), "t");
        assert_eq!(a.state(), &SaveState::Saved { at: Some("t".into()) });
        a.opened_after_storing(Ok(5));
        assert_eq!(a.base(), 5);
        assert_eq!((a.state(), a.is_waiting()), (&SaveState::Saved { at: None }, false));
    }

    #[test]
    fn closing_the_strategy_leaves_nothing_waiting_or_under_way() {
        let mut a = Autosave::new(true);
        let rev = a.changed();
        assert_eq!(a.flush(), Some(rev));
        a.closed();
        assert!(!a.is_waiting() && !a.is_saving(), "an action waiting for the save does not wait forever");
        assert_eq!(a.flush(), None);
    }

    #[test]
    fn opening_another_strategy_forgets_what_waited_for_the_old_one() {
        let mut a = Autosave::new(true);
        let rev = a.changed();
        assert_eq!(a.flush(), Some(rev));
        a.opened(3);
        assert!(!a.is_waiting());
        assert_eq!(a.state(), &SaveState::Saved { at: None });
        let _ = a.finished(rev, Ok(9), "late answer for the old one");
        assert!(!a.is_waiting());
    }
}
