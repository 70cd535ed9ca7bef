//! The open strategy's editing session: the strategy, its undo history and its save state,
//! changed only through these actions, so that every change is one undo step and reaches the
//! autosave. The UI shows the strategy (a copy that shares every unchanged goal and indicator)
//! and runs the timers and saves that [`Autosave`] asks for.

use super::{Autosave, History, SaveState, UNDO_LIMIT};
use crate::format::Rewriter;
use crate::model::{Id, Strategy};
use crate::storage::{Prepared, StorageError};

/// The strategy being edited (none on the list page), its history and its autosave.
pub struct Editing {
    open: Option<Strategy>,
    history: History<Strategy>,
    autosave: Autosave,
    /// The open strategy's text as last saved, in parts: a save writes only what changed.
    rewriter: Rewriter,
    /// Moves with every change of what is open (opened, reloaded, closed, edited, undone): the
    /// UI shows the strategy again when it moved, without comparing whole strategies.
    version: u64,
}

/// A save the autosave asked for, ready for the store.
pub struct SaveJob {
    /// The revision it stores (for [`Editing::saved`]).
    pub revision: u64,
    pub id: Id,
    pub title: String,
    pub prepared: Prepared,
    /// The stored revision it goes over (another tab's save in between is a conflict).
    pub base: u64,
}

/// What a reload does with the undo steps.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum UndoSteps {
    Kept,
    Dropped,
}
impl Editing {
    /// Nothing open; `persistent`: storage keeps what is saved (else the state says it does not).
    pub fn new(persistent: bool) -> Editing {
        Editing {
            open: None,
            history: History::new(UNDO_LIMIT),
            autosave: Autosave::new(persistent),
            rewriter: Rewriter::new(),
            version: 0,
        }
    }

    /// Moves with every change of the open strategy or of which one is open (see `version`).
    pub fn version(&self) -> u64 {
        self.version
    }

    /// The strategy open now, whatever changed: a new version to show.
    fn now_open(&mut self, open: Option<Strategy>) {
        self.open = open;
        self.version += 1;
    }

    pub fn strategy(&self) -> Option<&Strategy> {
        self.open.as_ref()
    }

    pub fn is_open(&self, id: &Id) -> bool {
        self.open.as_ref().is_some_and(|s| &s.id == id)
    }

    pub fn autosave(&self) -> &Autosave {
        &self.autosave
    }

    pub fn save_state(&self) -> &SaveState {
        self.autosave.state()
    }

    /// (steps that can be undone, steps that can be redone)
    pub fn depths(&self) -> (usize, usize) {
        self.history.depths()
    }

    /// Opens a stored strategy (stored revision `base`): a fresh undo history, nothing waits.
    pub fn open(&mut self, strategy: Strategy, base: u64) {
        self.history.clear();
        self.autosave.opened(base);
        self.now_open(Some(strategy));
    }

    /// Opens a strategy an action just tried to store (created, imported, copied): where
    /// storage refused it, it is open all the same and waits to be saved (the failure shown).
    pub fn open_just_stored(&mut self, strategy: Strategy, saved: Result<u64, StorageError>) {
        self.history.clear();
        self.autosave.opened_after_storing(saved);
        self.now_open(Some(strategy));
    }

    /// The open strategy as storage now holds it (revision `base`), read again after another
    /// tab's save this tab had nothing waiting against: the undo steps still apply. Whether the
    /// strategy shown changed.
    pub fn reload_keeping_history(&mut self, fresh: Strategy, base: u64) -> bool {
        self.reload(fresh, base, UndoSteps::Kept)
    }

    /// The open strategy as storage now holds it (revision `base`) after this tab restored
    /// another version or took another tab's: the undo steps were about a version that is now a
    /// backup, and go. Whether the strategy shown changed.
    pub fn reload_anew(&mut self, fresh: Strategy, base: u64) -> bool {
        self.reload(fresh, base, UndoSteps::Dropped)
    }

    fn reload(&mut self, fresh: Strategy, base: u64, steps: UndoSteps) -> bool {
        self.autosave.opened(base);
        if self.open.as_ref() == Some(&fresh) {
            return false;
        }
        if steps == UndoSteps::Dropped {
            self.history.clear();
        }
        self.now_open(Some(fresh));
        true
    }

    /// Closes the strategy with this id if it is the open one (deleted, gone); whether it was.
    pub fn close(&mut self, id: &Id) -> bool {
        if !self.is_open(id) {
            return false;
        }
        self.autosave.closed();
        self.history.clear();
        self.now_open(None);
        true
    }

    /// Closes whatever is open (the page went to a strategy that could not be read).
    pub fn close_any(&mut self) {
        if let Some(id) = self.open.as_ref().map(|s| s.id.clone()) {
            self.close(&id);
        }
    }

    /// Changes the open strategy: one undo step; the autosave's new revision (`None`: nothing
    /// open).
    pub fn edit(&mut self, f: impl FnOnce(&mut Strategy)) -> Option<u64> {
        let open = self.open.as_mut()?;
        let before = open.clone();
        f(open);
        self.version += 1;
        self.history.record(before);
        Some(self.autosave.changed())
    }

    /// A change that may turn out to change nothing (moving the first item up): an undo step
    /// and a revision only when `f` says it changed something.
    pub fn try_edit(&mut self, f: impl FnOnce(&mut Strategy) -> bool) -> Option<u64> {
        let mut next = self.open.clone()?;
        if !f(&mut next) {
            return None;
        }
        let before = self.open.replace(next)?;
        self.version += 1;
        self.history.record(before);
        Some(self.autosave.changed())
    }

    /// Goes back one step; the new revision, `None` when there is nothing to undo.
    pub fn undo(&mut self) -> Option<u64> {
        let current = self.open.take()?;
        self.step(|h, c| h.undo(c), current)
    }

    /// Goes forward again one undone step.
    pub fn redo(&mut self) -> Option<u64> {
        let current = self.open.take()?;
        self.step(|h, c| h.redo(c), current)
    }

    fn step(
        &mut self,
        go: impl FnOnce(&mut History<Strategy>, Strategy) -> Option<Strategy>,
        current: Strategy,
    ) -> Option<u64> {
        // `History` keeps `current` only when it has a version to go to.
        let keep = current.clone();
        match go(&mut self.history, current) {
            Some(version) => {
                self.now_open(Some(version));
                Some(self.autosave.changed())
            }
            None => {
                self.open = Some(keep);
                None
            }
        }
    }

    /// Runs `f` on the autosave bookkeeping (the UI's timers: `quiet`, `flush`, `rebase`, …).
    pub fn autosave_mut(&mut self) -> &mut Autosave {
        &mut self.autosave
    }

    /// The save of `revision` (which the autosave said to start) made ready: the text where the
    /// open strategy lives (only the goals and indicators changed since the last save written
    /// anew). `None`: nothing is open any more — the autosave is told it closed.
    pub fn save_job(&mut self, revision: u64, now: &str) -> Option<SaveJob> {
        let Some(open) = &self.open else {
            self.autosave.closed();
            return None;
        };
        let prepared = Prepared::with_text(self.rewriter.write(open, now), open, now);
        Some(SaveJob { revision, id: open.id.clone(), title: open.title.clone(), prepared, base: self.autosave.base() })
    }

    /// The store answered a save: the autosave's next revision to save, if a change waited.
    pub fn saved(&mut self, revision: u64, result: Result<u64, StorageError>, now: &str) -> Option<u64> {
        self.autosave.finished(revision, result, now)
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use crate::format::csv;
    use crate::model::merge::edits::town;
    use crate::testing::{memory_store, Wait};

    const NOW: &str = "2026-11-23T09:00:00Z";

    fn opened() -> Editing {
        let mut e = Editing::new(true);
        e.open(town(), 1);
        e
    }

    #[test]
    fn every_edit_is_one_undo_step_and_a_new_revision() {
        let mut e = opened();
        let original = e.strategy().cloned().unwrap();
        let r1 = e.edit(|s| s.title = "一".into()).unwrap();
        let r2 = e.edit(|s| s.title = "二".into()).unwrap();
        assert!(r2 > r1);
        assert_eq!(e.depths(), (2, 0));
        assert!(e.undo().is_some());
        assert_eq!(e.strategy().unwrap().title, "一");
        assert!(e.undo().is_some());
        assert_eq!(e.strategy(), Some(&original));
        assert_eq!(e.undo(), None, "nothing left to undo");
        assert_eq!(e.strategy(), Some(&original), "a refused undo leaves the strategy open");
        assert!(e.redo().is_some());
        assert_eq!((e.strategy().unwrap().title.as_str(), e.depths()), ("一", (1, 1)));
        e.edit(|s| s.title = "三".into());
        assert_eq!(e.depths(), (2, 0), "a new change drops what could be redone");
        assert_eq!(e.redo(), None);
    }

    #[test]
    fn the_version_moves_with_every_change_of_what_is_open_and_only_then() {
        // The UI shows the strategy again when the version moved (and only then): each action
        // that changes what is open must move it, and one that changes nothing must not.
        let mut e = Editing::new(true);
        let mut seen = e.version();
        let mut moved = |e: &Editing, should: bool, what: &str| {
            assert_eq!(e.version() != seen, should, "{what}");
            seen = e.version();
        };
        e.open(town(), 1);
        moved(&e, true, "opened");
        e.edit(|s| s.title = "一".into());
        moved(&e, true, "edited");
        assert_eq!(e.try_edit(|_| false), None);
        moved(&e, false, "a change that changed nothing");
        e.try_edit(|s| {
            s.title = "二".into();
            true
        });
        moved(&e, true, "a change that did");
        e.undo();
        moved(&e, true, "undone");
        e.redo();
        moved(&e, true, "redone");
        e.redo();
        moved(&e, false, "nothing to redo");
        let stored = e.strategy().cloned().unwrap();
        assert!(!e.reload_keeping_history(stored.clone(), 2));
        moved(&e, false, "reloaded as it is");
        let mut other = stored;
        other.title = "別のタブ".into();
        assert!(e.reload_keeping_history(other, 3));
        moved(&e, true, "reloaded with another tab's change");
        let id = e.strategy().unwrap().id.clone();
        e.close(&id);
        moved(&e, true, "closed");
        e.close(&id);
        moved(&e, false, "closed again");
        e.open_just_stored(town(), Ok(1));
        moved(&e, true, "opened just stored");
    }

    #[test]
    fn a_change_that_changes_nothing_is_no_step_and_no_save() {
        let mut e = opened();
        let rev = e.autosave().revision();
        assert_eq!(e.try_edit(|_| false), None);
        assert_eq!((e.depths(), e.autosave().revision()), ((0, 0), rev));
        assert!(e
            .try_edit(|s| {
                s.title = "変更".into();
                true
            })
            .is_some());
        assert_eq!(e.depths(), (1, 0));
        assert!(e.autosave().is_waiting());
    }

    #[test]
    fn nothing_open_nothing_changes() {
        let mut e = Editing::new(true);
        assert_eq!(e.edit(|s| s.title = "x".into()), None);
        assert_eq!((e.undo(), e.redo()), (None, None));
        assert!(e.save_job(1, NOW).is_none());
    }

    /// The CSV import's 「元に戻す」: everything the file changed goes back in one step.
    #[test]
    fn a_csv_import_applied_is_one_undo_step() {
        let mut e = opened();
        let original = e.strategy().cloned().unwrap();
        let table = csv::indicators_long(&original, crate::locale::YearStyle::default());
        // Every value of the table one up: the file changes many cells of many indicators.
        let mut rows = ::csv::Reader::from_reader(table.trim_start_matches('\u{feff}').as_bytes());
        let mut out = ::csv::Writer::from_writer(Vec::new());
        out.write_record(rows.headers().unwrap()).unwrap();
        for row in rows.records() {
            let mut row: Vec<String> = row.unwrap().iter().map(str::to_owned).collect();
            if let Ok(v) = row[7].parse::<f64>() {
                row[7] = (v + 1.0).to_string();
            }
            out.write_record(&row).unwrap();
        }
        let text = String::from_utf8(out.into_inner().unwrap()).unwrap();
        let plan = csv::plan_import(&original, &text).unwrap();
        let mut applied = 0;
        e.edit(|s| applied = csv::apply(s, &plan));
        assert!(applied > 0, "the file changes something: {plan:?}");
        assert_ne!(e.strategy(), Some(&original));
        assert_eq!(e.depths(), (1, 0));
        e.undo();
        assert_eq!(e.strategy(), Some(&original), "one undo takes every change of the file back");
    }

    #[test]
    fn opening_or_reloading_after_a_restore_forgets_the_steps_another_tab_keeps_them() {
        let mut e = opened();
        e.edit(|s| s.title = "編集".into());
        let mut fresh = town();
        fresh.title = "別タブの保存".into();
        assert!(e.reload_keeping_history(fresh.clone(), 5));
        assert_eq!((e.depths(), e.autosave().base()), ((1, 0), 5), "another tab: the steps still apply");
        assert!(!e.reload_anew(fresh.clone(), 6), "the same content: nothing shown changes");
        assert_eq!(e.depths(), (1, 0));
        fresh.title = "復元した版".into();
        assert!(e.reload_anew(fresh, 7));
        assert_eq!(e.depths(), (0, 0), "a restore: the steps were about a version now backed up");
        let id = e.strategy().unwrap().id.clone();
        assert!(e.close(&id));
        assert!(e.strategy().is_none() && !e.close(&id));
    }

    /// The autosave's rules, driven as the UI drives them, against the real store: a change
    /// made while a save is under way is saved right after; the stored text is the latest.
    #[test]
    fn a_save_job_stores_the_latest_version_and_a_change_meanwhile_is_saved_next() {
        let s = town();
        let (_, store) = memory_store(&[&s]);
        let base = store.head(&s.id).wait().unwrap().revision;
        let mut e = Editing::new(true);
        e.open(s.clone(), base);
        let r1 = e.edit(|s| s.title = "一".into()).unwrap();
        let start = e.autosave_mut().quiet(r1).expect("the quiet moment after the last change starts a save");
        let job = e.save_job(start, NOW).unwrap();
        // Typed while the save is under way.
        e.edit(|s| s.title = "二".into());
        let result = store.save_prepared_over(job.prepared, NOW, job.base).wait();
        let next = e.saved(job.revision, result, NOW).expect("the change made meanwhile is saved next");
        assert_eq!(store.load(&s.id).wait().unwrap().title, "一");
        let job = e.save_job(next, NOW).unwrap();
        let result = store.save_prepared_over(job.prepared, NOW, job.base).wait();
        assert_eq!(e.saved(job.revision, result, NOW), None, "nothing waits");
        assert_eq!(store.load(&s.id).wait().unwrap().title, "二");
        assert!(matches!(e.save_state(), SaveState::Saved { .. }));
    }
}
