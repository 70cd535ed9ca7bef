//! The workbench: the store and the open strategy's editing session in one owner,
//! whose actions — save, flush, open, store, import, restore, delete, follow another tab — each
//! decide their rules here and return what changed as data ([`Outcome`]: the notice, the lists
//! to read again, the page to go to). The page (`ui::state`) runs them on its timers and
//! channels and shows the outcome; `cargo test` runs them against the in-memory backend.
//!
//! Invariant: the editing session is borrowed only between two `.await`s, never across one
//! (the page's other tasks — an edit, a timer — borrow it meanwhile).

mod actions;
mod others;
mod stage;
#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests;

use super::after_save::{after_save, Say};
use super::editing::Editing;
use super::lists::{Changed, Lists, MoreRead, Touched};
use super::{tabs, Autosave, Notice, SaveState, SpaceUse};
use crate::model::Id;
use crate::storage::{Backend, StorageError, Store};
use std::cell::{Cell, RefCell};
use std::future::Future;
use std::pin::Pin;
use std::rc::Rc;

/// What the workbench needs of the outside world: the time, and a pause (the page's timer).
#[derive(Clone, Copy)]
pub struct Clock {
    /// Now, as an ISO timestamp.
    pub now: fn() -> String,
    /// Waits `ms` milliseconds (a save of another task under way is waited for).
    pub pause: fn(i32) -> Pin<Box<dyn Future<Output = ()>>>,
}

/// What the notice shown should become.
#[derive(Clone, Debug, Default, PartialEq)]
pub enum NoticeChange {
    /// Leave it as it is.
    #[default]
    Keep,
    Show(Notice),
    /// Take it away.
    Clear,
}

impl NoticeChange {
    fn from(notice: Option<Notice>) -> NoticeChange {
        notice.map_or(NoticeChange::Keep, NoticeChange::Show)
    }
}

/// What an action changed, for the page to show.
#[derive(Clone, Debug, PartialEq)]
pub struct Outcome {
    pub notice: NoticeChange,
    /// The lists to read again (the page tells the other tabs when it is not nothing).
    pub touched: Touched,
    /// The strategy whose page to go to (remembered as the one last opened).
    pub go_to: Option<Id>,
    /// Something was stored (the page asks the browser, once, to keep the site's data).
    pub stored: bool,
    /// Something was deleted: a save refused for lack of room is tried again.
    pub room_made: bool,
    /// A save was refused for lack of room for the first time: try again every 30 s.
    pub start_retries: bool,
}

impl Default for Outcome {
    fn default() -> Outcome {
        Outcome {
            notice: NoticeChange::Keep,
            touched: Touched::NOTHING,
            go_to: None,
            stored: false,
            room_made: false,
            start_retries: false,
        }
    }
}

impl Outcome {
    fn with_notice(notice: NoticeChange, touched: Touched) -> Outcome {
        Outcome { notice, touched, ..Outcome::default() }
    }

    /// This, then `later`: the later notice wins unless it says nothing; the lists of both.
    pub fn then(self, later: Outcome) -> Outcome {
        Outcome {
            notice: if later.notice == NoticeChange::Keep { self.notice } else { later.notice },
            touched: self.touched.and(later.touched),
            go_to: later.go_to.or(self.go_to),
            stored: self.stored || later.stored,
            room_made: self.room_made || later.room_made,
            start_retries: self.start_retries || later.start_retries,
        }
    }
}

/// The store and the open strategy's editing session.
pub struct Workbench<B: Backend> {
    store: Rc<Store<B>>,
    editing: RefCell<Editing>,
    /// The lists as last read (`session::lists`): a reading says which of them changed.
    lists: RefCell<Lists>,
    clock: Clock,
    /// The storage-full notice is the one shown (a save refused again only updates it).
    full_shown: Cell<bool>,
}

impl<B: Backend> Workbench<B> {
    pub fn new(store: Rc<Store<B>>, clock: Clock) -> Workbench<B> {
        let editing = RefCell::new(Editing::new(store.is_persistent()));
        Workbench { store, editing, lists: RefCell::default(), clock, full_shown: Cell::new(false) }
    }

    /// The store, to use across an `.await`.
    pub fn store(&self) -> Rc<Store<B>> {
        self.store.clone()
    }

    pub fn now(&self) -> String {
        (self.clock.now)()
    }

    /// Reads the editing session (not across an `.await`).
    pub fn editing<T>(&self, f: impl FnOnce(&Editing) -> T) -> T {
        f(&self.editing.borrow())
    }

    /// Changes the editing session (an edit, undo, the autosave's timers; not across an `.await`).
    pub fn edit_session<T>(&self, f: impl FnOnce(&mut Editing) -> T) -> T {
        f(&mut self.editing.borrow_mut())
    }

    /// Reads the lists as last read (not across an `.await`).
    pub fn lists<T>(&self, f: impl FnOnce(&Lists) -> T) -> T {
        f(&self.lists.borrow())
    }

    /// Keeps the strategies' list as read (`None`: not read) and says whether it changed.
    pub fn take_summaries(&self, read: Option<Result<Vec<crate::storage::StrategySummary>, StorageError>>) -> Changed {
        self.lists.borrow_mut().take_summaries(read)
    }

    /// Keeps the other lists as read ([`super::lists::read_more`]) and says which changed.
    pub fn take_more(&self, read: MoreRead) -> Changed {
        self.lists.borrow_mut().take_more(read)
    }

    /// The touched lists besides the strategies emptied without reading them (nothing else is
    /// stored), `error`: why they could not be read.
    pub fn clear_more(&self, touched: Touched, error: Option<StorageError>) -> Changed {
        self.lists.borrow_mut().clear_more(touched, error)
    }

    fn autosave_is(&self, f: impl FnOnce(&Autosave) -> bool) -> bool {
        f(self.editing.borrow().autosave())
    }

    fn is_open(&self, id: &Id) -> bool {
        self.editing.borrow().is_open(id)
    }

    /// The page says whether the storage-full notice is the one it shows.
    pub fn full_notice_shown(&self, shown: bool) {
        self.full_shown.set(shown);
    }

    /// Stores the open strategy as it is at `revision` (the autosave said to), and a change made
    /// while that save was under way right after it.
    pub async fn save(&self, mut revision: u64) -> Outcome {
        let mut outcome = Outcome::default();
        loop {
            let (step, next) = self.save_once(revision).await;
            outcome = outcome.then(step);
            match next {
                Some(r) => revision = r,
                None => return outcome,
            }
        }
    }

    /// One save: what it changed, and the revision to save next (a change that waited).
    async fn save_once(&self, revision: u64) -> (Outcome, Option<u64>) {
        // Refused for lack of room before: a refusal again is no news (`after_save`).
        let was_full = self.autosave_is(|a| matches!(a.state(), SaveState::Failed(StorageError::QuotaExceeded { .. })));
        let now = self.now();
        // Made ready where the open strategy lives (no copy of it); closed meanwhile: nothing to save.
        let Some(job) = self.edit_session(|e| e.save_job(revision, &now)) else { return (Outcome::default(), None) };
        let title = job.title;
        let saved = self.store.save_prepared_over(job.prepared, &now, job.base).await;
        let after = after_save(&saved, was_full, self.full_shown.get(), self.store.is_persistent());
        let notice = match after.say {
            Say::Nothing => NoticeChange::Keep,
            Say::Conflict => NoticeChange::Show(crate::session::tabs::conflict(&self.store, &job.id, &title).await),
            Say::Full => {
                let room = self.store.usage().await.ok().map(|u| SpaceUse::from(&u));
                NoticeChange::Show(Notice::StorageFull { title, room })
            }
            Say::Clear => NoticeChange::Clear,
            Say::DeletedElsewhere(id) => {
                NoticeChange::Show(tabs::deleted_under_a_change(&self.store, &id, &title).await)
            }
        };
        let stored = saved.is_ok();
        let next = self.edit_session(|e| e.saved(job.revision, saved, &now));
        // A save changes the strategies' list only (`Touched::SAVE`, tested in `session::lists`).
        let outcome = Outcome {
            notice,
            touched: Touched::SAVE,
            stored,
            start_retries: after.start_retries,
            ..Outcome::default()
        };
        (outcome, next)
    }

    /// A change waiting to be saved is stored now, and a save under way finished: every action
    /// that reads or replaces what is stored starts here.
    pub async fn flush(&self) -> Outcome {
        let mut outcome = Outcome::default();
        if let Some(revision) = self.edit_session(|e| e.autosave_mut().flush()) {
            outcome = self.save(revision).await;
        }
        // A save of another task (which also takes what waits) is awaited too.
        while self.autosave_is(Autosave::is_saving) {
            (self.clock.pause)(10).await;
        }
        outcome
    }

    /// The open strategy `id` was changed in storage by this workbench (a restore): read again,
    /// with a fresh undo history (the steps were about the version that is now a backup).
    pub async fn reload_open(&self, id: &Id) {
        if !self.is_open(id) {
            return;
        }
        if let Ok((fresh, base)) = self.store.load_current(id).await {
            self.edit_session(|e| e.reload_anew(fresh, base));
        }
    }
}
