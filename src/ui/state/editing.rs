//! The open strategy's actions: edits, undo and redo, the autosave's timers and saves, and
//! following another tab (the rules are `session::editing`, `session::autosave` and
//! `session::tabs`).

use super::act::{perform, Action};
use super::*;

impl AppState {
    /// Changes the open strategy: one undo step; autosave follows.
    pub(super) fn edit(&self, f: impl FnOnce(&mut Strategy)) {
        self.with_editing(|e| e.edit(f));
    }

    /// A change that may turn out to change nothing (moving the first item up): an undo step is
    /// recorded only when `f` says it changed something.
    pub(super) fn try_edit(&self, f: impl FnOnce(&mut Strategy) -> bool) {
        self.with_editing(|e| e.try_edit(f));
    }

    /// Runs an action of the editing session, then shows what it changed: the open strategy,
    /// the undo depths, the save state and the revision the autosave follows.
    pub(super) fn with_editing<T>(&self, f: impl FnOnce(&mut Editing) -> T) -> T {
        let out = self.bench.with_value(|b| b.edit_session(f));
        self.show_editing();
        out
    }

    pub(super) fn show_editing(&self) {
        self.bench.with_value(|b| {
            b.editing(|e| {
                // By the editing's version: comparing whole strategies cost a pass over both (and
                // the comparison's code in the first visit's module).
                if self.shown.get_value() != e.version() {
                    self.shown.set_value(e.version());
                    self.open.set(e.strategy().cloned());
                }
                let depths = e.depths();
                if self.history_depths.get_untracked() != depths {
                    self.history_depths.set(depths);
                }
                if self.save_state.with_untracked(|s| s != e.save_state()) {
                    self.save_state.set(e.save_state().clone());
                }
                let rev = e.autosave().revision();
                if self.revision.get_untracked() != rev {
                    self.revision.set(rev);
                }
            })
        });
    }

    /// Autosave: after each change, wait for a quiet moment, then save. Runs as an Effect
    /// because it syncs the reactive state with the outside world (storage).
    pub fn start_autosave(&self) {
        let state = *self;
        Effect::new(move |_| {
            let rev = state.revision.get();
            if rev == 0 {
                return;
            }
            set_timeout(
                move || {
                    if let Some(saving) = actions::SAVING.get() {
                        (saving.when_quiet)(state, rev);
                    }
                },
                AUTOSAVE_DELAY,
            );
        });
    }

    /// Runs `f` on the autosave bookkeeping and shows its state.
    fn autosave_did<T>(&self, f: impl FnOnce(&mut Autosave) -> T) -> T {
        self.with_editing(|e| f(e.autosave_mut()))
    }

    fn autosave_is(&self, f: impl FnOnce(&Autosave) -> bool) -> bool {
        self.bench.with_value(|b| b.editing(|e| f(e.autosave())))
    }

    /// Saves the open strategy soon if a change is waiting (e.g. before the page goes away:
    /// the save is started at once; the browser completes a transaction that was started).
    pub(super) fn flush(&self) {
        self.commit_field();
        // Only an open strategy has a change waiting, and opening one ran the part that installs
        // this (`actions::SAVING`): before it there is nothing to save.
        if let Some(saving) = actions::SAVING.get() {
            (saving.flush)(*self);
        }
    }

    /// [`AppState::flush`]'s save, once a strategy can be open (`actions::SAVING`).
    pub(super) fn flush_open(self) {
        if let Some(rev) = self.autosave_did(Autosave::flush) {
            self.spawn(async move |state| state.save(rev).await);
        }
    }

    /// The autosave's quiet moment after the edit that made `revision`: saved unless another
    /// edit came since (`actions::SAVING`, as [`AppState::flush_open`]).
    pub(super) fn save_when_quiet(self, revision: u64) {
        if let Some(rev) = self.autosave_did(|a| a.quiet(revision)) {
            self.spawn(async move |state| state.save(rev).await);
        }
    }

    /// A save that failed for lack of room is tried again (something was deleted, here or in
    /// another tab, or the periodic check of `keep_trying_when_full`): the change only this tab holds reaches
    /// storage as soon as it fits.
    pub(super) fn retry_when_room(&self) {
        let full = self.autosave_is(|a| matches!(a.state(), SaveState::Failed(StorageError::QuotaExceeded { .. })));
        if full && !self.autosave_is(Autosave::is_saving) {
            if let Some(rev) = self.autosave_did(Autosave::retry) {
                self.spawn(async move |state| state.save(rev).await);
            }
        }
    }

    /// While a save stays refused for lack of room, it is tried again every 30 s: room may be
    /// made outside the app (another site's data cleared, the browser's own clean-up). Started
    /// by the first refusal (in the actions' part: a page that never filled storage has none).
    pub(super) fn keep_trying_when_full(&self) {
        self.spawn(async move |state| loop {
            files::sleep(30_000).await;
            let full =
                state.autosave_is(|a| matches!(a.state(), SaveState::Failed(StorageError::QuotaExceeded { .. })));
            if !full {
                return;
            }
            state.retry_when_room();
        });
    }

    /// [`AppState::flush`], finished: a waiting change is stored when it returns.
    pub(super) async fn flush_now(&self) {
        self.commit_field();
        let outcome = self.bench().flush().await;
        self.apply(outcome).await;
    }

    /// The page goes away: a change not yet stored is also kept synchronously in
    /// `localStorage` (`storage::keep_draft`), since the save just started may never run; so are
    /// preferences whose write has not finished (`storage::keep_preferences`).
    pub fn keep_unsaved(&self) {
        // Preferences whose write has not finished (its part may still be on its way).
        if self.prefs_writing.get_value() > 0 {
            let _ = crate::storage::keep_preferences(&self.prefs.get_untracked());
        }
        self.flush();
        if !self.autosave_is(|a| a.is_waiting() || a.is_saving()) {
            return;
        }
        let Some(keep) = actions::KEEP_DRAFT.get() else { return };
        self.bench.with_value(|b| {
            b.editing(|e| {
                if let Some(strategy) = e.strategy() {
                    keep(strategy, e.autosave().base(), &files::now());
                }
            })
        });
    }

    /// A field being typed in is committed (blurring it fires its `change`).
    pub(super) fn commit_field(&self) {
        if let Some(el) = web_sys::window().and_then(|w| w.document()).and_then(|d| d.active_element()) {
            use wasm_bindgen::JsCast;
            if let Some(el) = el.dyn_ref::<web_sys::HtmlElement>() {
                if matches!(el.tag_name().as_str(), "INPUT" | "TEXTAREA") {
                    let _ = el.blur();
                }
            }
        }
    }

    /// Stores the open strategy as it is at `revision` (the autosave said to), in the part
    /// of the actions (`actions`).
    async fn save(&self, revision: u64) {
        perform(*self, Action::Save(revision)).await;
    }

    /// [`AppState::save`], run: a change made while it was under way is saved right after, in
    /// the same task (`Workbench::save`).
    pub(super) async fn save_now(&self, revision: u64) {
        let outcome = files::timed_async("shirube:autosave", self.bench().save(revision)).await;
        self.apply(outcome).await;
    }

    /// Another tab wrote to storage: refresh the lists, and the open strategy when this tab has
    /// nothing waiting to be saved. When it has, and the other tab saved this strategy, the user
    /// is asked which version to keep ([`Notice::TabConflict`]); nothing is overwritten.
    pub fn follow_other_tab(&self) {
        self.act(Action::FollowOtherTab);
    }

    pub(super) async fn follow_other_tab_now(self) {
        self.reread().await;
        // The other tab may have deleted something: room for a save that failed.
        self.retry_when_room();
        // A region page open: its region may be what the other tab deleted (checked in the
        // files' part, which reads regions).
        if let Route::Region(region) = self.route.get_untracked() {
            perform(self, Action::CheckRegion(region)).await;
        }
        let outcome = self.bench().follow_other_tab().await;
        self.apply(outcome).await;
    }

    pub(super) async fn take_other_tab_now(self) {
        let outcome = self.bench().take_other_tab().await;
        self.apply(outcome).await;
    }

    /// [`Action::CheckRegion`]: the region open here is gone — said once, with undo.
    pub(super) async fn check_region_now(self, region: Id) {
        let told = self.notice.with_untracked(|n| matches!(n, Some(Notice::RegionDeletedElsewhere { .. })));
        if let Some(notice) = crate::session::region::deleted_elsewhere(&self.store(), &region).await {
            if !told {
                self.notice.set(Some(notice));
            }
        }
    }

    pub(super) async fn keep_as_new_now(self) {
        let copy_word = self.tr("（このタブの内容）", " (this tab's content)");
        let outcome = files::timed_async("shirube:store", self.bench().keep_as_new(copy_word)).await;
        self.apply(outcome).await;
    }

    /// Undoes a deletion made in another tab while this one had the strategy open: its backup
    /// becomes the current version again; this tab's changes not saved meanwhile are then saved over
    /// it (the restored version stays in the history), else the restored version is shown.
    pub(super) async fn undo_deletion_elsewhere_now(self, backup_key: String) {
        self.commit_field();
        let outcome = self.bench().undo_deletion_elsewhere(&backup_key).await;
        self.apply(outcome).await;
    }

    pub(super) async fn keep_this_tab_now(self) {
        self.commit_field();
        let outcome = self.bench().keep_this_tab().await;
        self.apply(outcome).await;
    }
}
