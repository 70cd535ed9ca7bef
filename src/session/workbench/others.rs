//! The workbench and another tab of this browser on the same storage (`session::tabs` holds the
//! rules): following its write, taking its version or keeping this one after a conflict, and
//! a strategy it deleted — kept here as a new one, or its deletion undone.

use super::{NoticeChange, Outcome, Workbench};
use crate::model::Strategy;
use crate::session::lists::Touched;
use crate::session::tabs::{self, Follow};
use crate::session::{Autosave, Notice};
use crate::storage::{Backend, StorageError, VersionReason};

impl<B: Backend> Workbench<B> {
    /// Another tab wrote: the open strategy follows it when this tab has nothing waiting; when
    /// it has, and the other tab saved this strategy, the user is asked which to keep
    /// ([`Notice::TabConflict`]); nothing is overwritten. A deletion there is said once.
    /// (The page reads every list again and retries a save refused for lack of room.)
    pub async fn follow_other_tab(&self) -> Outcome {
        self.follow_stored(None).await
    }

    /// [`Workbench::follow_other_tab`] after this tab stored versions beside the open one (the
    /// shared folder's reading): `known` is the last of them with its revision, followed without
    /// reading it back while it is still the stored one.
    pub async fn follow_stored(&self, known: Option<(Strategy, u64)>) -> Outcome {
        let Some((id, title, base, waiting)) = self.editing(|e| {
            let a = e.autosave();
            e.strategy().map(|s| (s.id.clone(), s.title.clone(), a.base(), a.is_waiting()))
        }) else {
            return Outcome::default();
        };
        let notice = match tabs::follow(&self.store, (&id, &title), base, waiting, known).await {
            Ok(Follow::Nothing) => NoticeChange::Keep,
            Ok(Follow::Conflict(notice)) => NoticeChange::Show(notice),
            Ok(Follow::Reload(fresh, base)) => {
                self.edit_session(|e| e.reload_keeping_history(*fresh, base));
                NoticeChange::Keep
            }
            // Told once: later writes of other tabs do not bring the notice back.
            Ok(Follow::Deleted(_)) if self.autosave_is(Autosave::is_deleted_elsewhere) => NoticeChange::Keep,
            Ok(Follow::Deleted(notice)) => {
                self.edit_session(|e| e.autosave_mut().deleted_elsewhere(StorageError::Deleted { id }));
                NoticeChange::Show(notice)
            }
            Err(e) => NoticeChange::Show(Notice::Storage(e)),
        };
        Outcome::with_notice(notice, Touched::NOTHING)
    }

    /// After a conflict, the user takes the other tab's version (this tab's is kept in the
    /// version history first).
    pub async fn take_other_tab(&self) -> Outcome {
        let Some(mine) = self.editing(|e| e.strategy().cloned()) else { return Outcome::default() };
        match tabs::take_theirs(&self.store, &mine, &self.now()).await {
            Ok((theirs, base, notice)) => {
                self.edit_session(|e| e.open(theirs, base));
                Outcome::with_notice(NoticeChange::Show(notice), Touched::EVERYTHING)
            }
            Err(notice) => Outcome::with_notice(NoticeChange::Show(notice), Touched::NOTHING),
        }
    }

    /// … or keeps this tab's version: it is saved over the other tab's (which stays in the
    /// version history) — unless the strategy was deleted meanwhile: then that is said.
    pub async fn keep_this_tab(&self) -> Outcome {
        let Some((id, title)) = self.editing(|e| e.strategy().map(|s| (s.id.clone(), s.title.clone()))) else {
            return Outcome::default();
        };
        match tabs::base_to_keep_mine(&self.store, &id, &title).await {
            Ok(base) => {
                self.edit_session(|e| e.autosave_mut().rebase(base));
                Outcome::with_notice(NoticeChange::Clear, Touched::NOTHING).then(self.flush().await)
            }
            Err(notice) => {
                self.edit_session(|e| e.autosave_mut().deleted_elsewhere(StorageError::Deleted { id }));
                Outcome::with_notice(NoticeChange::Show(notice), Touched::NOTHING)
            }
        }
    }

    /// Another tab deleted the open strategy, and the user keeps this tab's content as a new
    /// strategy of its own, titled with `copy_word`; the deleted one stays deleted.
    pub async fn keep_as_new(&self, copy_word: &str) -> Outcome {
        let Some(mine) = self.editing(|e| e.strategy().cloned()) else { return Outcome::default() };
        let copy = tabs::kept_as_new(&mine, copy_word);
        // The deleted one is closed first: nothing of it is saved (it would be refused) on the
        // way to the copy.
        self.edit_session(|e| e.close(&mine.id));
        Outcome::with_notice(NoticeChange::Clear, Touched::NOTHING)
            .then(self.store_and_open(copy, VersionReason::Saved).await)
    }

    /// Another tab deleted the open strategy, and the user undoes that deletion here: its backup
    /// becomes the current version again; this tab's changes not saved meanwhile are then saved
    /// over it (the restored version stays in the history), else the restored version is shown.
    pub async fn undo_deletion_elsewhere(&self, backup_key: &str) -> Outcome {
        let (notice, s) = match crate::session::library::restore(&self.store, backup_key, &self.now()).await {
            Ok(done) => done,
            Err(notice) => return Outcome::with_notice(NoticeChange::Show(notice), Touched::NOTHING),
        };
        let mut outcome = Outcome::with_notice(NoticeChange::Keep, Touched::EVERYTHING);
        if self.is_open(&s.id) && self.autosave_is(Autosave::is_waiting) {
            match self.store.head(&s.id).await {
                Ok(head) => {
                    self.edit_session(|e| e.autosave_mut().rebase(head.revision));
                    outcome = outcome.then(self.flush().await);
                }
                Err(e) => {
                    return outcome.then(Outcome::with_notice(NoticeChange::Show(Notice::Storage(e)), Touched::NOTHING))
                }
            }
        } else {
            self.reload_open(&s.id).await;
        }
        outcome.then(Outcome::with_notice(NoticeChange::Show(notice), Touched::NOTHING))
    }
}
