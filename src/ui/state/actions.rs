//! The app's actions that read or write storage or files — save, open, import, restore,
//! delete, export, the other tab's changes, regions from the list — run in two wasm parts
//! fetched the first time one of theirs is used (`parts::split!`), so the first visit (the
//! strategy list) downloads none of their code: `run` in the part `actions`, opening and saving a
//! strategy (what opening an example needs), and `run_files` in the part `files`, the imports'
//! confirmations with the merge, the backups, the backup of everything and the regions. An
//! action whose part cannot be fetched is not run, and the page says so (`parts::MissingPart`). Each method of `AppState` that starts one says which
//! `Action`; what it does is written beside that method (`…_now`).

use super::regions::RegionIntake;
use super::*;
use crate::storage::KeptDraft;
use crate::ui::browser::parts::{self, PartMissing};
use std::cell::Cell;
use std::collections::HashSet;
use std::future::Future;
use std::pin::Pin;

/// An action and what it needs (moved once into its task: its size does not matter).
#[allow(clippy::large_enum_variant)]
pub enum Action {
    Save(u64),
    Open(Id),
    StoreAndOpen(Strategy, VersionReason),
    OpenExample(&'static crate::examples::Example),
    StoreConfirmed(crate::session::preview::Confirmation),
    RestoreEverything(crate::format::Everything, HashSet<Id>),
    ExportEverything,
    ExportStored(Id),
    ExportOpenAsItIs,
    FollowOtherTab,
    TakeOtherTab,
    KeepThisTab,
    KeepAsNew,
    UndoDeletionElsewhere(String),
    /// Another tab wrote while a region page is open: is that region still there?
    CheckRegion(Id),
    Rename(Id, String),
    Duplicate(Id),
    Delete(Id),
    ExportThenDelete(Id),
    Restore(String),
    RestoreVersion(Id, u64),
    /// The open strategy moves on to this stage, its draft kept under its name.
    MoveStage(crate::model::DraftingStage),
    /// A hearing of the open strategy is linked to the version stored now (its version heard).
    LinkHeard(Id),
    DiscardBackup(String),
    DiscardVersions,
    DownloadGarbage(String),
    DiscardGarbage(String),
    CreateRegion(String),
    OpenRegionFile(web_sys::File, Option<RegionIntake>),
    RestoreRegion(String),
    /// A bring-in's log was found at start: one left unfinished is said after a while.
    CheckUnfinishedBringIn,
    KeepUnfinishedBringIn,
    /// The bring-in under way stops before its next town and is undone.
    CancelBringIn,
    UndoUnfinishedBringIn,
    /// The lists read again, the strategies' index mended.
    Relist,
}

impl AppState {
    /// Starts an action (storage answers asynchronously).
    pub(super) fn act(&self, action: Action) {
        let state = *self;
        spawn_local(perform(state, action));
    }
}

/// How an action reaches [`run`]: through a function the app installs when it starts
/// ([`install`], from `app::App`), never by a direct call. A split function's code is exported
/// from every wasm the crate links into, the in-browser test binaries too; a direct call from
/// code such a part reaches would make those binaries import the app's split loader, which they
/// do not have (the test page would not load).
type Runner = fn(AppState, Action) -> Pin<Box<dyn Future<Output = ()>>>;

thread_local! {
    static RUNNER: Cell<Option<Runner>> = const { Cell::new(None) };
}

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

type ListsReader = fn(Rc<super::BrowserWorkbench>, Touched) -> Pin<Box<dyn Future<Output = Changed>>>;

thread_local! {
    static LISTS_READER: Cell<Option<ListsReader>> = const { Cell::new(None) };
}

/// Reads the backups, the data set aside and the regions (`AppState::reread` asks only where
/// some are stored, or where storage is `localStorage`, whose use is measured here too): through [`read_lists_part`], a part of its own, reached by the function
/// [`install`] sets (the lists are read again by the actions' parts too: see [`Runner`]).
pub(super) async fn read_lists(bench: Rc<super::BrowserWorkbench>, touched: Touched) -> Changed {
    match LISTS_READER.get() {
        Some(read) => read(bench, touched).await,
        None => Changed::default(),
    }
}

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

/// The pattern of the everyday actions, those of opening and editing a strategy (the first part
/// fetched: opening an example or a stored strategy needs it), not those of the files, backups
/// and regions, whose code (the merge, the backup of everything, the region files) is a part of
/// its own. One list for [`Action::is_everyday`] and the `files` part's match.
macro_rules! everyday {
    () => {
        Action::Save(_)
            | Action::Open(_)
            | Action::StoreAndOpen(..)
            | Action::OpenExample(_)
            | Action::FollowOtherTab
            | Action::TakeOtherTab
            | Action::KeepThisTab
            | Action::Relist
    };
}

impl Action {
    /// An everyday action (`everyday!`), run by the part `actions`.
    fn is_everyday(&self) -> bool {
        matches!(self, everyday!())
    }
}

/// Runs an action to its end (nothing before [`install`]: no app is running).
pub(super) async fn perform(state: AppState, action: Action) {
    if let Some(runner) = RUNNER.get() {
        runner(state, action).await;
    }
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
        super::start::apply_drafts_now(store, drafts, now).await
    }
);

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
