//! The notices' context: the notice shown, and the answers a notice offers that no
//! other feature owns — another tab's version taken or this one kept, a strategy deleted
//! elsewhere kept as new or brought back, room made by discarding kept versions, the open
//! strategy downloaded as this tab holds it.

use super::act::Action;
use super::*;

#[derive(Clone, Copy)]
pub struct NoticeBoard {
    app: AppState,
    pub notice: RwSignal<Option<Notice>>,
}

pub fn use_notice_board() -> NoticeBoard {
    let app = use_app();
    NoticeBoard { app, notice: app.notice }
}

impl Facade for NoticeBoard {
    fn app(&self) -> AppState {
        self.app
    }
}

impl NoticeBoard {
    /// Another tab saved the open strategy while this one had changes waiting, and the user
    /// takes the other tab's version (`session::tabs::take_theirs`: this tab's is kept in the
    /// version history first).
    pub fn take_other_tab(&self) {
        self.app.act(Action::TakeOtherTab);
    }

    /// Another tab deleted the open strategy, and the user keeps this tab's content as a new
    /// strategy of its own (`tabs::kept_as_new`); the deleted one stays deleted, and can still be
    /// brought back from its backup.
    pub fn keep_as_new(&self) {
        self.app.act(Action::KeepAsNew);
    }

    /// Another tab deleted the open strategy, and the user undoes the deletion here (from its
    /// backup); this tab's waiting changes are saved over the restored version.
    pub fn undo_deletion_elsewhere(&self, backup_key: &str) {
        self.app.notice.set(None);
        self.app.act(Action::UndoDeletionElsewhere(backup_key.to_owned()));
    }

    /// … or keeps this tab's version: it is saved over the other tab's (which stays in the
    /// version history).
    pub fn keep_this_tab(&self) {
        self.app.act(Action::KeepThisTab);
    }

    /// Deletes every kept version of every strategy, to make room (the storage-full notice).
    pub fn discard_versions(&self) {
        self.app.act(Action::DiscardVersions);
    }

    /// Downloads the open strategy as this tab holds it (storage is full: its latest change
    /// is not stored, so the stored version would lack it). The storage-full notice stays, with
    /// its other ways to make room; only a failed download replaces it.
    pub fn export_open_as_it_is(&self) {
        self.app.act(Action::ExportOpenAsItIs);
    }
}
