//! The library's actions on stored strategies — rename, duplicate, delete (with a backup, or
//! after a download), restore a backup or a kept version — and on backups and set-aside data
//! (`session::library` holds their rules).

use super::*;

impl AppState {
    pub fn rename(&self, id: &Id, title: String) {
        let is_open = self.is_open(id);
        if is_open {
            self.edit(|s| s.title = title);
            self.flush();
            return;
        }
        self.act(Action::Rename(id.clone(), title));
    }

    pub fn duplicate(&self, id: &Id) {
        self.act(Action::Duplicate(id.clone()));
    }

    /// Deletes a stored strategy, keeping a backup (undo). When it is the open one, a waiting
    /// change is saved first (so it is in the backup) and it is closed once deleted — not
    /// before: a refused delete leaves it open, with whatever could not be saved.
    pub fn delete(&self, id: &Id) {
        self.act(Action::Delete(id.clone()));
    }

    /// With storage too full for the backup a delete keeps: downloads the strategy as a file,
    /// then deletes it without a backup (the file is how it comes back). Nothing is deleted if
    /// it could not be read or downloaded. For the open strategy the file has what is open,
    /// including changes storage had no room for.
    pub fn export_then_delete(&self, id: &Id) {
        self.act(Action::ExportThenDelete(id.clone()));
    }

    /// Brings a backup back (the live version, if any, is backed up first). When it is the
    /// open strategy, the open one follows (a waiting change is saved first, so it is in the
    /// backup of the live version).
    pub fn restore(&self, backup_key: &str) {
        self.act(Action::Restore(backup_key.to_owned()));
    }

    /// Brings a kept version of a strategy back as its current version (the one it replaces
    /// stays in the history, so the restore can be undone the same way).
    pub fn restore_version(&self, id: &Id, seq: u64) {
        self.act(Action::RestoreVersion(id.clone(), seq));
    }

    /// Deletes a backup for good.
    pub fn discard_backup(&self, key: &str) {
        self.act(Action::DiscardBackup(key.to_owned()));
    }

    /// Downloads unreadable data kept aside.
    pub fn download_garbage(&self, key: &str) {
        self.act(Action::DownloadGarbage(key.to_owned()));
    }

    /// Deletes unreadable data kept aside.
    pub fn discard_garbage(&self, key: &str) {
        self.act(Action::DiscardGarbage(key.to_owned()));
    }
}

// What the actions do, run by `actions::run` (in the part fetched on first use): the
// workbench's, shown.

pub(super) async fn rename(state: AppState, id: Id, title: String) {
    let outcome = state.bench().rename(&id, title).await;
    state.apply(outcome).await;
}

pub(super) async fn duplicate(state: AppState, id: Id) {
    let suffix = state.tr("（コピー）", " (copy)");
    let outcome = state.bench().duplicate(&id, suffix).await;
    state.apply(outcome).await;
}

pub(super) async fn delete(state: AppState, id: Id) {
    state.commit_field();
    let outcome = state.bench().delete(&id).await;
    state.apply(outcome).await;
}

pub(super) async fn export_then_delete(state: AppState, id: Id) {
    let outcome = state.bench().export_then_delete(&id, |s| state.download(s)).await;
    state.apply(outcome).await;
}

pub(super) async fn restore(state: AppState, backup_key: String) {
    state.commit_field();
    let outcome = state.bench().restore(&backup_key).await;
    state.apply(outcome).await;
}

pub(super) async fn restore_version(state: AppState, id: Id, seq: u64) {
    state.commit_field();
    let outcome = state.bench().restore_version(&id, seq).await;
    state.apply(outcome).await;
}

pub(super) async fn discard_backup(state: AppState, key: String) {
    let outcome = state.bench().discard_backup(&key).await;
    state.apply(outcome).await;
}

/// Deletes every kept version of every strategy (storage is full: the notice offers it).
pub(super) async fn discard_versions(state: AppState) {
    let outcome = state.bench().discard_versions().await;
    state.apply(outcome).await;
}

pub(super) async fn download_garbage(state: AppState, key: String) {
    match state.store().garbage_text(&key).await {
        Ok(text) => {
            let file = "shirube-unreadable-data.txt";
            state.notice.set(Some(match files::download(file, "text/plain", &text) {
                Ok(()) => Notice::Exported { file: file.to_owned() },
                Err(e) => Notice::Download(e),
            }));
        }
        Err(e) => state.notice.set(Some(Notice::Storage(e))),
    }
}

pub(super) async fn discard_garbage(state: AppState, key: String) {
    let outcome = state.bench().discard_garbage(&key).await;
    state.apply(outcome).await;
}
