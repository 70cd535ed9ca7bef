//! The library's actions on stored strategies — rename, duplicate, delete (with a backup, or
//! after a download), restore a backup or a kept version — and on backups and set-aside data
//! (`session::library` holds their rules).

use super::*;

impl AppState {}

// What the actions do, run by `actions::run` (in the part fetched on first use): the
// workbench's, shown.

pub(super) async fn rename(state: AppState, id: Id, title: String) {
    // The open one as an edit, one undo step saved at once (here, in the files' part: the list
    // that renames is in the first visit, whose module carries none of the editing's code).
    if state.is_open(&id) {
        state.edit(|s| s.title = title);
        state.flush();
        return;
    }
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

pub(super) async fn move_stage(state: AppState, to: crate::model::DraftingStage) {
    state.commit_field();
    let outcome = state.bench().move_stage(to).await;
    state.apply(outcome).await;
}

pub(super) async fn link_heard(state: AppState, hearing: Id) {
    state.commit_field();
    let outcome = state.bench().link_heard(&hearing).await;
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
