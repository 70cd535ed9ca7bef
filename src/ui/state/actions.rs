//! The app's actions that read or write storage or files — save, open, import, restore,
//! delete, export, the other tab's changes, regions from the list — run in two wasm parts
//! fetched the first time one of theirs is used (`parts::split!`), so the first visit (the
//! strategy list) downloads none of their code: `run` in the part `actions`, opening and saving a
//! strategy (what opening an example needs), and `run_files` in the part `files`, the imports'
//! confirmations with the merge, the backups, the backup of everything and the regions. An
//! action whose part cannot be fetched is not run, and the page says so (`parts::MissingPart`). Each method of `AppState` that starts one says which
//! `Action`; what it does is written beside that method (`…_now`).

use super::act::{everyday, Action, LISTS_READER, RUNNER};
use super::*;
use crate::storage::KeptDraft;
use crate::ui::browser::parts::{self, PartMissing};
use std::cell::Cell;

/// Lets storage write: through [`write_part`], a part of its own fetched with the first write
/// (a new user's first visit writes nothing). Called before storage is opened (moving an earlier
/// release's data writes).
pub fn install_writer() {
    crate::storage::install_writer(|target, writes| {
        Box::pin(async move {
            // Nothing was written: the change stays in the page (and is kept as a draft if the
            // page goes away), as with any failed write.
            parts::load_twice(load_write_part)
                .await
                .map_err(|PartMissing| StorageError::Failed { detail: PART_MISSING.into() })?;
            write_part(target, writes).await.unwrap_or(Err(StorageError::Failed { detail: PART_MISSING.into() }))
        })
    });
}

/// A failed write's detail when its part could not be fetched.
const PART_MISSING: &str = "a part of the app could not be loaded";

parts::split!(actions, load: load_write_part,
    /// The browser backends' writes (`storage::write`).
    async fn write_part(target: crate::storage::WriteTarget, writes: Vec<crate::storage::Write>) -> Result<(), StorageError> {
        crate::storage::write(target, writes).await
    }
);

parts::split!(actions, load: load_read_lists_part,
    /// Reads the touched lists besides the strategies into the workbench's and says which changed
    /// (the comparison of regions and backups is here too, not in the first visit's module).
    async fn read_lists_part(bench: Rc<super::BrowserWorkbench>, touched: Touched) -> Changed {
        let read = crate::session::lists::read_more(&bench.store(), touched).await;
        bench.take_more(read)
    }
);

/// Lets the actions run: the app calls it once, at start-up.
pub fn install() {
    LISTS_READER.set(Some(|bench, touched| {
        Box::pin(async move {
            match parts::load_twice(load_read_lists_part).await {
                Ok(()) => read_lists_part(bench, touched).await.unwrap_or_default(),
                Err(PartMissing) => Changed::default(),
            }
        })
    }));
    // An action whose part did not arrive is not run; the banner says so (`parts`).
    RUNNER.set(Some(|state, action| {
        Box::pin(async move {
            if action.is_everyday() {
                if parts::load_twice(load_run).await.is_ok() {
                    let _ = run(state, action).await;
                }
            } else if parts::load_twice(load_run_files).await.is_ok() {
                let _ = run_files(state, action).await;
            }
        })
    }));
}

parts::split!(actions, load: load_run,
/// Runs an everyday action to its end (called through [`perform`]).
pub async fn run(state: AppState, action: Action) -> () {
    // A strategy can only be open, and so have a change to save or to keep as a draft when the
    // page goes away, once this part has run (opening one is an everyday action).
    install_saving();
    match action {
        Action::Save(revision) => state.save_now(revision).await,
        Action::Open(id) => state.open_now(id).await,
        Action::StoreAndOpen(strategy, reason) => state.store_and_open(strategy, reason).await,
        Action::OpenExample(example) => state.open_example_now(example).await,
        Action::FollowOtherTab => state.follow_other_tab_now().await,
        Action::TakeOtherTab => state.take_other_tab_now().await,
        Action::KeepThisTab => state.keep_this_tab_now().await,
        Action::Relist => state.relist_now().await,
        // The others reach `run_files` (see `install`; a part never calls another directly).
        _ => {}
    }
});

parts::split!(files, load: load_run_files,
/// Runs an action of files, backups and regions to its end (called through [`perform`]).
async fn run_files(state: AppState, action: Action) -> () {
    use super::stored;
    install_saving();
    match action {
        Action::StoreConfirmed(confirmed) => state.store_confirmed(confirmed).await,
        Action::RestoreEverything(all, replace) => state.restore_everything(all, replace).await,
        Action::ExportEverything => state.export_everything_now().await,
        Action::ExportStored(id) => state.export_stored_now(id).await,
        Action::ExportOpenAsItIs => state.export_open_as_it_is_now(),
        Action::Rename(id, title) => stored::rename(state, id, title).await,
        Action::Duplicate(id) => stored::duplicate(state, id).await,
        Action::Delete(id) => stored::delete(state, id).await,
        Action::ExportThenDelete(id) => stored::export_then_delete(state, id).await,
        Action::Restore(key) => stored::restore(state, key).await,
        Action::UndoDeletionElsewhere(key) => state.undo_deletion_elsewhere_now(key).await,
        Action::KeepAsNew => state.keep_as_new_now().await,
        Action::CheckRegion(id) => state.check_region_now(id).await,
        Action::RestoreVersion(id, seq) => stored::restore_version(state, id, seq).await,
        Action::MoveStage(to) => stored::move_stage(state, to).await,
        Action::LinkHeard(hearing) => stored::link_heard(state, hearing).await,
        Action::DiscardBackup(key) => stored::discard_backup(state, key).await,
        Action::DiscardVersions => stored::discard_versions(state).await,
        Action::DownloadGarbage(key) => stored::download_garbage(state, key).await,
        Action::DiscardGarbage(key) => stored::discard_garbage(state, key).await,
        Action::CreateRegion(name) => state.create_region_now(name).await,
        Action::OpenRegionFile(file, shown) => state.open_region_file_now(file, shown).await,
        Action::RestoreRegion(key) => state.restore_region_now(key).await,
        Action::CheckUnfinishedBringIn => state.check_unfinished_bring_in_now().await,
        Action::CancelBringIn => state.cancel_bring_in_now(),
        Action::KeepUnfinishedBringIn => state.keep_unfinished_bring_in_now().await,
        Action::UndoUnfinishedBringIn => state.undo_unfinished_bring_in_now().await,
        // Everyday actions reach `run` (see `install`); none comes here. Named, not `_`, so that
        // a new action that is in neither part does not compile.
        everyday!() => {}
    }
});

parts::split!(actions, load: load_move_old_data,
    /// An earlier release's data moved out of `localStorage` into IndexedDB, at the first start of
    /// this release (`Start::open`; a start with nothing to move never fetches this part).
    pub(super) async fn move_old_data(
        idb: crate::storage::IndexedDb,
        local: crate::storage::LocalStorage,
        now: String,
    ) -> (BrowserStore, crate::storage::OpenedStorage) {
        BrowserStore::move_then_open(idb, local, &now).await
    }
);

parts::split!(actions, load: load_apply_drafts,
    /// The drafts a page left unsaved when it went away, applied at start-up (`Start::open`).
    pub(super) async fn apply_drafts(store: Rc<BrowserStore>, drafts: Vec<KeptDraft>, now: String) -> Vec<Notice> {
        apply_drafts_now(store, drafts, now).await
    }
);

/// [`Start::open`]'s drafts applied (in the actions' part: a page that left nothing unsaved
/// never fetches it).
async fn apply_drafts_now(store: Rc<BrowserStore>, drafts: Vec<crate::storage::KeptDraft>, now: String) -> Vec<Notice> {
    let mut drafts_kept = Vec::new();
    for draft in drafts {
        // A draft that cannot be applied stays in localStorage for the next start; the
        // stored version is untouched.
        if let Ok(outcome) = store.apply_draft(&draft.file, draft.base, &now).await {
            match outcome {
                DraftOutcome::KeptAsVersion { title } => drafts_kept.push(Notice::TookOtherTab { kept: true, title }),
                DraftOutcome::KeptAsBackup { title } => drafts_kept.push(Notice::DraftKeptAsBackup { title }),
                DraftOutcome::AlreadyStored | DraftOutcome::Saved => {}
            }
            crate::storage::drop_draft(&draft.key);
        }
    }
    drafts_kept
}

/// Writes a draft of the open strategy: (strategy, the revision it is based on, now).
pub(super) type KeepDraft = fn(&Strategy, u64, &str);

thread_local! {
    /// Keeps the open strategy's unsaved change synchronously as a draft (`storage::keep_draft`)
    /// when the page goes away (`AppState::keep_unsaved`); set when this part first runs, so the
    /// start page carries no strategy serialiser.
    pub(super) static KEEP_DRAFT: Cell<Option<KeepDraft>> = const { Cell::new(None) };
}

fn keep_draft(strategy: &Strategy, base: u64, now: &str) {
    let _ = crate::storage::keep_draft(strategy, base, now);
}

/// How the start-up module's code saves the open strategy's waiting change: before the page
/// goes away or moves on (`AppState::flush`), and at the autosave's quiet moment after an edit.
#[derive(Clone, Copy)]
pub(super) struct Saving {
    pub flush: fn(AppState),
    pub when_quiet: fn(AppState, u64),
}

thread_local! {
    /// Set with [`KEEP_DRAFT`], when a part that can open a strategy first runs: before it
    /// nothing can wait to be saved, and the start page carries none of the editing's
    /// bookkeeping (`AppState::show_editing`, the autosave's steps).
    pub(super) static SAVING: Cell<Option<Saving>> = const { Cell::new(None) };
}

/// What a part that can open a strategy installs as it first runs: [`KEEP_DRAFT`], [`SAVING`].
fn install_saving() {
    KEEP_DRAFT.set(Some(keep_draft));
    SAVING.set(Some(Saving { flush: AppState::flush_open, when_quiet: AppState::save_when_quiet }));
}
