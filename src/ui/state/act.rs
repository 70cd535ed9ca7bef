//! An action of the app that reads or writes storage or files: what it is (`Action`) and how it
//! is started (`AppState::act`, `perform`), through the runner the app installs at start-up
//! (`actions::install`): the code that runs them sits in the parts of `actions`, which a caller
//! never names.

use super::bring_in::RegionIntake;
use super::{AppState, BrowserWorkbench};
use crate::model::{Id, Strategy};
use crate::session::lists::{Changed, Touched};
use crate::storage::VersionReason;
use leptos::task::spawn_local;
use std::cell::Cell;
use std::collections::HashSet;
use std::future::Future;
use std::pin::Pin;
use std::rc::Rc;

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
pub(super) use everyday;

impl Action {
    /// An everyday action (`everyday!`), run by the part `actions`.
    pub(super) fn is_everyday(&self) -> bool {
        matches!(self, everyday!())
    }
}

/// Runs an action to its end (nothing before `actions::install`: no app is running).
pub(super) async fn perform(state: AppState, action: Action) {
    if let Some(runner) = RUNNER.get() {
        runner(state, action).await;
    }
}

/// How an action reaches `actions::run`: through a function the app installs when it starts
/// (`actions::install`, from `app::App`), never by a direct call. A split function's code is exported
/// from every wasm the crate links into, the in-browser test binaries too; a direct call from
/// code such a part reaches would make those binaries import the app's split loader, which they
/// do not have (the test page would not load).
pub(super) type Runner = fn(AppState, Action) -> Pin<Box<dyn Future<Output = ()>>>;

thread_local! {
    pub(super) static RUNNER: Cell<Option<Runner>> = const { Cell::new(None) };
}

/// How the lists besides the strategies are read: through a function the app installs.
pub(super) type ListsReader = fn(Rc<BrowserWorkbench>, Touched) -> Pin<Box<dyn Future<Output = Changed>>>;

thread_local! {
    pub(super) static LISTS_READER: Cell<Option<ListsReader>> = const { Cell::new(None) };
}

/// Reads the backups, the data set aside and the regions (`AppState::reread` asks only where
/// some are stored, or where storage is `localStorage`, whose use is measured here too): through `actions::read_lists_part`, a part of its own, reached by the function
/// `actions::install` sets (the lists are read again by the actions' parts too: see [`Runner`]).
pub(super) async fn read_lists(bench: Rc<BrowserWorkbench>, touched: Touched) -> Changed {
    match LISTS_READER.get() {
        Some(read) => read(bench, touched).await,
        None => Changed::default(),
    }
}
