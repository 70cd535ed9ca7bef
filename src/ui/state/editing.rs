//! The open strategy's actions: edits, undo and redo, the autosave's timers and saves, and
//! following another tab (the rules are `session::editing`, `session::autosave` and
//! `session::tabs`).

use super::*;
use crate::session::after_save::{after_save, Say};

impl AppState {
    /// Changes the open strategy: one undo step; autosave follows.
    pub fn edit(&self, f: impl FnOnce(&mut Strategy)) {
        self.with_editing(|e| e.edit(f));
    }

    /// A change that may turn out to change nothing (moving the first item up): an undo step is
    /// recorded only when `f` says it changed something.
    pub fn try_edit(&self, f: impl FnOnce(&mut Strategy) -> bool) {
        self.with_editing(|e| e.try_edit(f));
    }

    /// Goes back one step.
    pub fn undo(&self) {
        self.with_editing(Editing::undo);
    }

    /// Goes forward again one undone step.
    pub fn redo(&self) {
        self.with_editing(Editing::redo);
    }

    /// Runs an action of the editing session, then shows what it changed: the open strategy,
    /// the undo depths, the save state and the revision the autosave follows.
    pub(super) fn with_editing<T>(&self, f: impl FnOnce(&mut Editing) -> T) -> T {
        let out = self.editing.try_update_value(f).expect("the editing session lives as long as the app");
        self.show_editing();
        out
    }

    fn show_editing(&self) {
        self.editing.with_value(|e| {
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
                    if let Some(rev) = state.autosave_did(|a| a.quiet(rev)) {
                        state.spawn(async move |state| state.save(rev).await);
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
        self.editing.with_value(|e| f(e.autosave()))
    }

    /// Saves the open strategy soon if a change is waiting (e.g. before the page goes away:
    /// the save is started at once; the browser completes a transaction that was started).
    pub fn flush(&self) {
        self.commit_field();
        if let Some(rev) = self.autosave_did(Autosave::flush) {
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
    fn keep_trying_when_full(&self) {
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

    /// After an action that deletes: the lists read again, and when it `deleted` something, a
    /// save that failed for lack of room tried again.
    pub(super) async fn made_room(&self, deleted: bool) {
        self.written().await;
        if deleted {
            self.retry_when_room();
        }
    }

    /// Deletes every kept version of every strategy, to make room (the storage-full notice).
    pub fn discard_versions(&self) {
        self.act(Action::DiscardVersions);
    }

    /// [`AppState::flush`], finished: a waiting change is stored when it returns.
    pub(super) async fn flush_now(&self) {
        self.commit_field();
        if let Some(rev) = self.autosave_did(Autosave::flush) {
            self.save(rev).await;
        }
        // A save under way (which also takes what waits) is awaited too.
        while self.autosave_is(Autosave::is_saving) {
            files::sleep(10).await;
        }
    }

    /// The page goes away: a change not yet stored is also kept synchronously in
    /// `localStorage` (`storage::keep_draft`), since the save just started may never run.
    pub fn keep_unsaved(&self) {
        self.flush();
        if !self.autosave_is(|a| a.is_waiting() || a.is_saving()) {
            return;
        }
        let Some(keep) = actions::KEEP_DRAFT.get() else { return };
        self.editing.with_value(|e| {
            if let Some(strategy) = e.strategy() {
                keep(strategy, e.autosave().base(), &files::now());
            }
        });
    }

    /// A field being typed in is committed (blurring it fires its `change`).
    fn commit_field(&self) {
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
    /// the same task.
    pub(super) async fn save_now(&self, mut revision: u64) {
        loop {
            // Refused for lack of room before: a refusal again is no news (see below).
            let was_full =
                self.autosave_is(|a| matches!(a.state(), SaveState::Failed(StorageError::QuotaExceeded { .. })));
            let now = files::now();
            let store = self.store();
            let saved = files::timed_async("shirube:autosave", async {
                // Made ready where the open strategy lives (no copy of it), inside the measure.
                let job = self.with_editing(|e| e.save_job(revision, &now))?;
                Some((job.revision, job.title, store.save_prepared_over(job.prepared, &now, job.base).await))
            })
            .await;
            // Closed meanwhile: there is nothing left to save.
            let Some((revision_saved, title, saved)) = saved else { return };
            let full_shown = self.notice.with_untracked(|n| matches!(n, Some(Notice::StorageFull { .. })));
            let after = after_save(&saved, was_full, full_shown, store.is_persistent());
            match after.say {
                Say::Nothing => {}
                Say::Conflict => self.notice.set(Some(Notice::TabConflict { title })),
                Say::Full => {
                    let room = store.usage().await.ok().map(|u| crate::session::Room::from(&u));
                    self.notice.set(Some(Notice::StorageFull { title, room }));
                }
                Say::Clear => self.notice.set(None),
                Say::DeletedElsewhere(id) => {
                    self.notice.set(Some(tabs::deleted_elsewhere(&store, &id, &title, true).await));
                }
            }
            if after.start_retries {
                self.keep_trying_when_full();
            }
            let ok = saved.is_ok();
            let next = self.with_editing(|e| e.saved(revision_saved, saved, &now));
            // A save changes the strategies' list only (`Touched::SAVE`, tested in `session::lists`).
            self.written_touching(Touched::SAVE).await;
            if ok {
                self.ask_persistence_once();
            }
            match next {
                Some(r) => revision = r,
                None => return,
            }
        }
    }

    /// Another tab wrote to storage: refresh the lists, and the open strategy when this tab has
    /// nothing waiting to be saved. When it has, and the other tab saved this strategy, the user
    /// is asked which version to keep ([`Notice::TabConflict`]); nothing is overwritten.
    pub fn follow_other_tab(&self) {
        self.act(Action::FollowOtherTab);
    }

    pub(super) async fn follow_other_tab_now(self) {
        let state = self;
        {
            state.reread().await;
            // The other tab may have deleted something: room for a save that failed.
            state.retry_when_room();
            // A region page open: its region may be what the other tab deleted (checked in the
            // files' part, which reads regions).
            if let Route::Region(region) = state.route.get_untracked() {
                perform(state, Action::CheckRegion(region)).await;
            }
            let Some((id, title, base, waiting)) = state.editing.with_value(|e| {
                let a = e.autosave();
                e.strategy().map(|s| (s.id.clone(), s.title.clone(), a.base(), a.is_waiting()))
            }) else {
                return;
            };
            match tabs::follow(&state.store(), &id, &title, base, waiting).await {
                Ok(Follow::Nothing) => {}
                Ok(Follow::Conflict(notice)) => state.notice.set(Some(notice)),
                Ok(Follow::Reload(fresh, base)) => {
                    state.with_editing(|e| e.reload_keeping_history(*fresh, base));
                }
                // Told once: later writes of other tabs do not bring the notice back.
                Ok(Follow::Deleted(_)) if state.autosave_is(Autosave::is_deleted_elsewhere) => {}
                Ok(Follow::Deleted(notice)) => {
                    state.autosave_did(|a| a.deleted_elsewhere(StorageError::Deleted { id }));
                    state.notice.set(Some(notice));
                }
                Err(e) => state.notice.set(Some(Notice::Storage(e))),
            }
        }
    }

    /// Another tab saved the open strategy while this one had changes waiting, and the user
    /// takes the other tab's version (`session::tabs::take_theirs`: this tab's is kept in the
    /// version history first).
    pub fn take_other_tab(&self) {
        self.act(Action::TakeOtherTab);
    }

    pub(super) async fn take_other_tab_now(self) {
        let state = self;
        {
            let Some(mine) = state.open.get_untracked() else { return };
            match tabs::take_theirs(&state.store(), &mine, &files::now()).await {
                Ok((theirs, base, notice)) => {
                    state.with_editing(|e| e.open(theirs, base));
                    state.notice.set(Some(notice));
                    state.written().await;
                }
                Err(notice) => state.notice.set(Some(notice)),
            }
        }
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

    /// Another tab deleted the open strategy, and the user keeps this tab's content as a new
    /// strategy of its own (`tabs::kept_as_new`); the deleted one stays deleted, and can still be
    /// brought back from its backup.
    pub fn keep_as_new(&self) {
        self.act(Action::KeepAsNew);
    }

    pub(super) async fn keep_as_new_now(self) {
        let Some(mine) = self.open.get_untracked() else { return };
        let copy = tabs::kept_as_new(&mine, self.tr("（このタブの内容）", " (this tab's content)"));
        // The deleted one is closed first: nothing of it is saved (it would be refused) on the
        // way to the copy.
        self.with_editing(|e| e.close(&mine.id));
        self.notice.set(None);
        self.store_and_open(copy, VersionReason::Saved).await;
    }

    /// Another tab deleted the open strategy, and the user undoes the deletion here (from its
    /// backup); this tab's waiting changes are saved over the restored version.
    pub fn undo_deletion_elsewhere(&self, backup_key: &str) {
        self.notice.set(None);
        self.act(Action::UndoDeletionElsewhere(backup_key.to_owned()));
    }

    /// Undoes a deletion made in another tab while this one had the strategy open: its backup
    /// becomes the current version again; this tab's changes not saved meanwhile are then saved over
    /// it (the restored version stays in the history), else the restored version is shown.
    pub(super) async fn undo_deletion_elsewhere_now(self, backup_key: String) {
        let state = self;
        match crate::session::library::restore(&state.store(), &backup_key, &files::now()).await {
            Ok((notice, s)) => {
                state.written().await;
                if state.is_open(&s.id) && state.autosave_is(Autosave::is_waiting) {
                    match state.store().head(&s.id).await {
                        Ok(head) => {
                            state.autosave_did(|a| a.rebase(head.revision));
                            state.flush_now().await;
                        }
                        Err(e) => return state.notice.set(Some(Notice::Storage(e))),
                    }
                } else {
                    state.reload_open(&s.id).await;
                }
                state.notice.set(Some(notice));
            }
            Err(notice) => state.notice.set(Some(notice)),
        }
    }

    /// … or keeps this tab's version: it is saved over the other tab's (which stays in the
    /// version history).
    pub fn keep_this_tab(&self) {
        self.act(Action::KeepThisTab);
    }

    pub(super) async fn keep_this_tab_now(self) {
        let state = self;
        {
            let Some((id, title)) = state.open.with_untracked(|o| o.as_ref().map(|s| (s.id.clone(), s.title.clone())))
            else {
                return;
            };
            match tabs::base_to_keep_mine(&state.store(), &id, &title).await {
                Ok(base) => {
                    state.notice.set(None);
                    state.autosave_did(|a| a.rebase(base));
                    state.flush_now().await;
                }
                Err(notice) => {
                    state.autosave_did(|a| a.deleted_elsewhere(StorageError::Deleted { id }));
                    state.notice.set(Some(notice));
                }
            }
        }
    }
}
