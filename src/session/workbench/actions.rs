//! The workbench's actions on what is stored: open a strategy, store a new one, open an example,
//! take a file for the import preview and store what the user confirmed, restore a backup of
//! everything, and the library's actions (`session::library` holds their rules). Each flushes a
//! waiting change first, so that what it reads, backs up or replaces includes it.

use super::{NoticeChange, Outcome, Workbench};
use crate::format::{Everything, ImportError};
use crate::model::{Id, Strategy};
use crate::session::import::{self, Confirmed};
use crate::session::library::{self, ExampleOpened};
use crate::session::lists::Touched;
use crate::session::preview::{self, Confirmation, Picked};
use crate::session::stopwatch::Stopwatch;
use crate::session::Notice;
use crate::storage::{Backend, StorageError, VersionReason};
use std::collections::HashSet;

impl<B: Backend> Workbench<B> {
    /// Opens the stored strategy `id`, unless `still_wanted` says the page has gone elsewhere
    /// meanwhile. One that cannot be read closes what was open (the page shows it is gone), and
    /// says why unless it is simply not there.
    pub async fn open(&self, id: &Id, still_wanted: impl Fn() -> bool) -> Outcome {
        let flushed = self.flush().await;
        let opened = match self.store.load_current(id).await {
            _ if !still_wanted() => Outcome::default(),
            Ok((strategy, base)) => {
                self.edit_session(|e| e.open(strategy, base));
                Outcome { go_to: Some(id.clone()), ..Outcome::default() }
            }
            Err(e) => {
                self.edit_session(|e| e.close_any());
                let notice = match e {
                    StorageError::NotFound { .. } => NoticeChange::Keep,
                    e => NoticeChange::Show(Notice::Storage(e)),
                };
                Outcome::with_notice(notice, Touched::EVERYTHING)
            }
        };
        flushed.then(opened)
    }

    /// Stores a new strategy and opens it; `reason` says where it came from (a file's version is
    /// kept in the history as a starting point). One that cannot be stored (storage full) is
    /// opened all the same, with the failure said: the user can export it, nothing is lost.
    pub async fn store_and_open(&self, strategy: Strategy, reason: VersionReason) -> Outcome {
        let flushed = self.flush().await;
        let saved = self.store.save_as(&strategy, &self.now(), reason).await;
        flushed.then(self.opened_after_store(strategy, saved, None))
    }

    /// Opens a strategy just stored (or that could not be: the failure is said, in place of
    /// `done`).
    fn opened_after_store(
        &self,
        strategy: Strategy,
        saved: Result<u64, StorageError>,
        done: Option<Notice>,
    ) -> Outcome {
        let id = strategy.id.clone();
        let failed = match &saved {
            Err(e) if self.store.is_persistent() => Some(Notice::Storage(e.clone())),
            _ => None,
        };
        let stored = saved.is_ok();
        self.edit_session(|e| e.open_just_stored(strategy, saved));
        Outcome {
            notice: NoticeChange::from(failed.or(done)),
            touched: Touched::EVERYTHING,
            go_to: Some(id),
            stored,
            ..Outcome::default()
        }
    }

    /// Opens a bundled example read from its file: one already stored (same id) is opened as it
    /// is, a new one stored first; a file that is not one strategy is refused.
    pub async fn open_example(&self, file: &str, bytes: &[u8], clock: &impl Stopwatch) -> Outcome {
        match library::open_example(&self.store, file, bytes, clock).await {
            Ok(ExampleOpened::Stored(id)) => Outcome { go_to: Some(id), ..Outcome::default() },
            Ok(ExampleOpened::New(strategy)) => self.store_and_open(strategy, VersionReason::Imported).await,
            Err(notice) => Outcome::with_notice(NoticeChange::Show(notice), Touched::NOTHING),
        }
    }

    /// Reads a file picked or dropped for import (`preview::take`), after storing a waiting
    /// change: it belongs in the comparison with what is stored (and in any backup).
    pub async fn take(
        &self,
        file: &str,
        bytes: &[u8],
        clock: &impl Stopwatch,
    ) -> (Outcome, Result<Picked, ImportError>) {
        let flushed = self.flush().await;
        (flushed, preview::take(&self.store, file, bytes, clock).await)
    }

    /// Stores the strategy the user confirmed in the import preview (`session::import`): added
    /// and opened, or in place of the stored one (then shown, with a fresh undo history).
    pub async fn confirm_import(&self, confirmed: Confirmation) -> Outcome {
        let flushed = self.flush().await;
        let done = match import::confirm_previewed(&self.store, confirmed, &self.now()).await {
            Err(notice) => Outcome::with_notice(NoticeChange::Show(notice), Touched::NOTHING),
            Ok(Confirmed::InPlace { strategy, notice }) => {
                let base = self.store.head(&strategy.id).await.map_or(0, |h| h.revision);
                let id = strategy.id.clone();
                self.edit_session(|e| e.open(strategy, base));
                Outcome { go_to: Some(id), ..Outcome::with_notice(NoticeChange::Show(notice), Touched::EVERYTHING) }
            }
            Ok(Confirmed::Added { strategy, notice, saved }) => self.opened_after_store(strategy, saved, Some(notice)),
        };
        flushed.then(done)
    }

    /// Brings a backup of everything in: new strategies added, those in `replace` in place of
    /// the stored ones (backed up first; the open one read again).
    pub async fn restore_everything(&self, all: &Everything, replace: &HashSet<Id>) -> Outcome {
        let flushed = self.flush().await;
        let report = self.store.restore_everything(all, replace, &self.now()).await;
        for id in replace {
            self.reload_open(id).await;
        }
        flushed.then(Outcome::with_notice(NoticeChange::Show(Notice::RestoredEverything(report)), Touched::EVERYTHING))
    }

    /// Renames a stored strategy that is not open (the open one is renamed by an edit, with undo).
    pub async fn rename(&self, id: &Id, title: String) -> Outcome {
        let notice = NoticeChange::from(library::rename(&self.store, id, title, &self.now()).await.err());
        Outcome::with_notice(notice, Touched::EVERYTHING)
    }

    /// Stores a copy of a stored strategy, titled with `suffix` (「（コピー）」).
    pub async fn duplicate(&self, id: &Id, suffix: &str) -> Outcome {
        match library::duplicate(&self.store, id, suffix, &self.now()).await {
            Ok(_) => Outcome::with_notice(NoticeChange::Keep, Touched::EVERYTHING),
            Err(notice) => Outcome::with_notice(NoticeChange::Show(notice), Touched::NOTHING),
        }
    }

    /// Deletes a stored strategy, keeping a backup (undo). The open one: a waiting change is
    /// saved first (so it is in the backup), and it is closed once deleted — not before: a
    /// refused delete leaves it open, with whatever could not be saved.
    pub async fn delete(&self, id: &Id) -> Outcome {
        let flushed = if self.is_open(id) { self.flush().await } else { Outcome::default() };
        let done = library::delete(&self.store, id, &self.now()).await;
        let deleted = done.is_ok();
        if deleted {
            self.edit_session(|e| e.close(id));
        }
        let notice = NoticeChange::Show(done.unwrap_or_else(|refused| refused));
        flushed.then(Outcome { room_made: deleted, ..Outcome::with_notice(notice, Touched::EVERYTHING) })
    }

    /// With storage too full for a delete's backup: `download`s the strategy as a file (the open
    /// one as this page holds it, with the changes storage had no room for), then deletes it
    /// without a backup. Nothing is deleted if it could not be read or downloaded.
    pub async fn export_then_delete(
        &self,
        id: &Id,
        download: impl FnOnce(&Strategy) -> Result<String, String>,
    ) -> Outcome {
        let open = self.editing(|e| e.strategy().filter(|s| &s.id == id).cloned());
        let done = library::export_then_delete(&self.store, id, open, download).await;
        if done.is_ok() {
            self.edit_session(|e| e.close(id));
        }
        Outcome::with_notice(NoticeChange::Show(done.unwrap_or_else(|refused| refused)), Touched::EVERYTHING)
    }

    /// Brings a backup back (the live version backed up first; the open one follows, a waiting
    /// change saved first so that it is in that backup).
    pub async fn restore(&self, backup_key: &str) -> Outcome {
        let flushed = self.flush().await;
        let done = match library::restore(&self.store, backup_key, &self.now()).await {
            Ok((notice, s)) => {
                self.reload_open(&s.id).await;
                notice
            }
            Err(notice) => notice,
        };
        flushed.then(Outcome::with_notice(NoticeChange::Show(done), Touched::EVERYTHING))
    }

    /// Brings a kept version back as the current one (the one it replaces stays in the history).
    pub async fn restore_version(&self, id: &Id, seq: u64) -> Outcome {
        let flushed = self.flush().await;
        let done = match library::restore_version(&self.store, id, seq, &self.now()).await {
            Ok((notice, _)) => {
                self.reload_open(id).await;
                Outcome::with_notice(NoticeChange::Show(notice), Touched::EVERYTHING)
            }
            Err(notice) => Outcome::with_notice(NoticeChange::Show(notice), Touched::NOTHING),
        };
        flushed.then(done)
    }

    /// Deletes a backup for good.
    pub async fn discard_backup(&self, key: &str) -> Outcome {
        let done = library::discard_backup(&self.store, key).await;
        let room_made = done.is_ok();
        Outcome { room_made, ..Outcome::with_notice(NoticeChange::from(done.err()), Touched::EVERYTHING) }
    }

    /// Deletes every kept version of every strategy (storage is full: the notice offers it).
    pub async fn discard_versions(&self) -> Outcome {
        // A save under way (the periodic retry) finishes first: both write the open strategy's head.
        let flushed = self.flush().await;
        let (notice, room_made) = match self.store.discard_versions().await {
            Ok(count) => (Notice::VersionsDiscarded { count }, count > 0),
            Err(e) => (Notice::Storage(e), false),
        };
        flushed.then(Outcome { room_made, ..Outcome::with_notice(NoticeChange::Show(notice), Touched::EVERYTHING) })
    }

    /// Deletes unreadable data kept aside.
    pub async fn discard_garbage(&self, key: &str) -> Outcome {
        let done = self.store.discard_garbage(key).await;
        let room_made = done.is_ok();
        Outcome {
            room_made,
            ..Outcome::with_notice(NoticeChange::from(done.err().map(Notice::Storage)), Touched::EVERYTHING)
        }
    }
}
