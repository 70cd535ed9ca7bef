//! The library's context: what the strategy list, the kept data and a strategy's
//! files page may do with what is stored — its lists, the library's actions (rename, duplicate,
//! delete, restore, …), new strategies and examples, and the downloads of stored strategies.
//! A component that takes `Library` (`use_library`) cannot edit the open strategy or import.

use super::act::{perform, Action};
use super::reads::Versions;
use super::*;

#[derive(Clone, Copy)]
pub struct Library {
    app: AppState,
    pub summaries: Shown<Vec<StrategySummary>>,
    pub backups: Shown<Vec<Backup>>,
    pub garbage: Shown<Vec<GarbageEntry>>,
    /// How full the browser's storage is (None: no persistent storage, or it cannot be read).
    pub usage: Shown<Option<Usage>>,
    /// How much the whole site stores of what the browser allows (IndexedDB).
    pub estimate: Shown<Option<Estimate>>,
    /// Whether the browser keeps this site's data (None: not known yet).
    pub persistence: Shown<Option<Persistence>>,
}

pub fn use_library() -> Library {
    let app = use_app();
    Library {
        app,
        summaries: Shown::of(app.summaries),
        backups: Shown::of(app.backups),
        garbage: Shown::of(app.garbage),
        usage: Shown::of(app.usage),
        estimate: Shown::of(app.estimate),
        persistence: Shown::of(app.persistence),
    }
}

impl Facade for Library {
    fn app(&self) -> AppState {
        self.app
    }
}

impl Library {
    /// Renames a stored strategy; the open one as an edit of it (`Action::Rename`).
    pub fn rename(&self, id: &Id, title: String) {
        self.app.act(Action::Rename(id.clone(), title));
    }

    pub fn duplicate(&self, id: &Id) {
        self.app.act(Action::Duplicate(id.clone()));
    }

    /// Deletes a stored strategy, keeping a backup (undo). When it is the open one, a waiting
    /// change is saved first (so it is in the backup) and it is closed once deleted — not
    /// before: a refused delete leaves it open, with whatever could not be saved.
    pub fn delete(&self, id: &Id) {
        self.app.act(Action::Delete(id.clone()));
    }

    /// With storage too full for the backup a delete keeps: downloads the strategy as a file,
    /// then deletes it without a backup (the file is how it comes back). Nothing is deleted if
    /// it could not be read or downloaded. For the open strategy the file has what is open,
    /// including changes storage had no room for.
    pub fn export_then_delete(&self, id: &Id) {
        self.app.act(Action::ExportThenDelete(id.clone()));
    }

    /// Brings a backup back (the live version, if any, is backed up first). When it is the
    /// open strategy, the open one follows (a waiting change is saved first, so it is in the
    /// backup of the live version).
    pub fn restore(&self, backup_key: &str) {
        self.app.act(Action::Restore(backup_key.to_owned()));
    }

    /// Brings a kept version of a strategy back as its current version (the one it replaces
    /// stays in the history, so the restore can be undone the same way).
    pub fn restore_version(&self, id: &Id, seq: u64) {
        self.app.act(Action::RestoreVersion(id.clone(), seq));
    }

    /// Deletes a backup for good.
    pub fn discard_backup(&self, key: &str) {
        self.app.act(Action::DiscardBackup(key.to_owned()));
    }

    /// Downloads unreadable data kept aside.
    pub fn download_garbage(&self, key: &str) {
        self.app.act(Action::DownloadGarbage(key.to_owned()));
    }

    /// Deletes unreadable data kept aside.
    pub fn discard_garbage(&self, key: &str) {
        self.app.act(Action::DiscardGarbage(key.to_owned()));
    }

    /// Stores a new strategy and opens it.
    /// A strategy that cannot be stored (storage full) is still opened, with the failure shown:
    /// the user can export it, nothing is lost.
    pub fn add_and_open(&self, strategy: Strategy) {
        self.app.act(Action::StoreAndOpen(strategy, VersionReason::Saved));
    }

    /// Opens an example: its file is fetched with the app's files and read through the real
    /// import; an example already stored (same id) is opened as it is.
    pub async fn open_example(&self, example: &'static crate::examples::Example) {
        perform(self.app, Action::OpenExample(example)).await;
    }

    /// Downloads everything this browser holds (every strategy and every backup) as one
    /// backup file, which "restore" reads back.
    pub fn export_everything(&self) {
        self.app.act(Action::ExportEverything);
    }

    /// Downloads the open strategy as a Shirube file (saved first: the file is the stored
    /// version, with its lineage, so that another machine's work can later be merged with it).
    pub fn export_open(&self) {
        let Some(id) = self.app.open.with_untracked(|s| s.as_ref().map(|s| s.id.clone())) else { return };
        self.export_stored(&id);
    }

    pub fn export(&self, s: &Strategy) {
        self.app.notice.set(Some(match self.app.download(s) {
            Ok(file) => Notice::Exported { file },
            Err(e) => Notice::Download(e),
        }));
    }

    /// Downloads a stored strategy as a Shirube file (`session::export::strategy_file`: the
    /// stored version with its lineage, or what is open when storage did not take it).
    pub fn export_stored(&self, id: &Id) {
        self.app.act(Action::ExportStored(id.clone()));
    }

    pub fn versions(&self) -> Versions {
        Versions(self.app.bench)
    }
}
