//! The application state shared by the components: the store, the list of strategies, the open
//! strategy, the autosave state, preferences and notices — and the actions that change them.
//! Components get it with `use_app()`. The actions are split by job: `editing` (the open
//! strategy: edits, undo, autosave, other tabs), `transfer` (opening, importing and downloading
//! files), `stored` (the library of stored strategies, backups and set-aside data), `regions`
//! (the regional bureau's regions). The rules they follow are in `session`; here they are run
//! against the browser's storage and shown.

mod act;
mod actions;
mod bring_in;
mod downloads;
mod editing;
mod edits;
mod folder_actions;
mod folder_start;
mod folder_sync;
mod folder_syncing;
mod importing;
mod library;
mod lists;
mod navigation;
mod notice_board;
mod reads;
mod regions;
mod shown;
mod start;
mod stored;
mod transfer;

use crate::ui::browser::files;

use crate::format::{self, ImportError};
use crate::locale::{Language, YearStyle};
use crate::model::{Id, Strategy};
use crate::session::editing::Editing;
use crate::session::lists::{Changed, Touched};
use crate::session::preview::{ImportChoice, ImportFlow};
use crate::session::route::Route;
use crate::session::workbench::{Clock, NoticeChange, Outcome, Workbench};
use crate::session::Autosave;
pub use crate::session::{Notice, SaveState};
use crate::storage::{BackendKind, DraftOutcome, Estimate, Persistence, VersionReason};
use crate::storage::{Backup, BrowserBackend, BrowserStore, GarbageEntry, OpenedStorage, Preferences, StorageError};
use crate::storage::{StrategySummary, Usage};
pub use actions::{install as install_actions, install_writer, load_run as load_actions};
pub use bring_in::{BringInResult, Decision, PickedFiles};
pub use downloads::{try_use_downloads, use_downloads, Downloads};
pub use edits::{use_edits, Edits};
pub use folder_start::{
    install as install_folder_start, open_from_folder, open_picked, reconnect_from_notice, resume as resume_folder,
    PickedFolder,
};
pub use folder_sync::Link;
pub use folder_syncing::{use_folder_syncing, FolderSyncing};
pub use importing::{use_importing, Importing};
use leptos::prelude::*;
use leptos::task::spawn_local;
pub use library::{use_library, Library};
pub use navigation::use_navigation;
pub use notice_board::{use_notice_board, NoticeBoard};
pub use regions::{use_regions, Regions};
pub use shown::Shown;
pub use start::Start;
use std::rc::Rc;
use std::time::Duration;

/// The workbench the page runs (`session::workbench`): the store and the open strategy's
/// editing session.
pub(super) type BrowserWorkbench = Workbench<BrowserBackend>;

#[derive(Clone, Copy)]
pub struct AppState {
    /// The store and the open strategy's editing session: every action runs there, and
    /// [`AppState::apply`] shows what it changed.
    bench: StoredValue<Rc<BrowserWorkbench>, LocalStorage>,
    /// Tells the other tabs of this site that storage changed (IndexedDB has no `storage`
    /// event); `None` where the browser has no BroadcastChannel.
    channel: StoredValue<Option<web_sys::BroadcastChannel>, LocalStorage>,
    /// Why storage is not being used, when it is not.
    pub storage_problem: RwSignal<Option<StorageError>>,
    /// Why IndexedDB is not used (it did not open, or moving the old data into it failed).
    pub indexed_db_problem: RwSignal<Option<StorageError>>,
    /// The lists as the workbench last read them: a reading sets only the signals below whose
    /// list changed.
    pub(super) summaries: RwSignal<Vec<StrategySummary>>,
    pub(super) backups: RwSignal<Vec<Backup>>,
    pub(super) garbage: RwSignal<Vec<GarbageEntry>>,
    /// The regions, as stored.
    pub(super) regions: RwSignal<Vec<crate::storage::StoredRegion>>,
    /// The region backups (kept before a region was deleted or replaced), as stored.
    pub(super) region_backups: RwSignal<Vec<crate::storage::RegionBackup>>,
    /// How full the browser's storage is (None: no persistent storage, or it cannot be read).
    pub(super) usage: RwSignal<Option<Usage>>,
    /// How much the whole site stores of what the browser allows (IndexedDB).
    pub(super) estimate: RwSignal<Option<Estimate>>,
    /// Whether the browser keeps this site's data (None: not known yet).
    pub(super) persistence: RwSignal<Option<Persistence>>,
    persistence_asked: StoredValue<bool>,
    /// Writes of the preferences under way (the page keeps them at once if it goes away first).
    prefs_writing: StoredValue<u32>,
    /// The strategy being loaded for the route, while it is.
    loading: StoredValue<Option<Id>>,
    /// The open strategy as the workbench's editing session holds it (a copy sharing every
    /// unchanged goal and indicator), for the components to read.
    pub open: RwSignal<Option<Strategy>>,
    /// The editing's version `open` shows (`session::Editing::version`).
    shown: StoredValue<u64>,
    /// Bumped by every change of the open strategy; autosave follows it.
    pub(super) revision: RwSignal<u64>,
    /// (undo steps, redo steps), for the buttons.
    pub(super) history_depths: RwSignal<(usize, usize)>,
    /// What the autosave says, for the header.
    pub save_state: RwSignal<SaveState>,
    pub prefs: RwSignal<Preferences>,
    pub(super) notice: RwSignal<Option<Notice>>,
    pub route: RwSignal<Route>,
    /// The import dialog: a file being read, or read and waiting for the user's choice.
    pub(super) import: RwSignal<ImportFlow>,
    /// A CSV dropped on the window, waiting for the files page's CSV import to take it.
    pub(super) dropped_csv: RwSignal<Option<web_sys::File>, LocalStorage>,
}

/// The whole state: for the app's wiring (`app`, the header). A component takes the context
/// of its feature instead — [`use_library`], [`use_edits`], [`use_importing`], [`use_regions`],
/// [`use_notice_board`], [`use_navigation`], [`use_downloads`], `speech::use_speech` — each
/// offering only what that feature may do.
pub fn use_app() -> AppState {
    expect_context::<AppState>()
}

/// A feature's context over the app state: it speaks as the app does (`speech::Speaks`).
pub trait Facade: Copy + Send + Sync + 'static {
    fn app(&self) -> AppState;

    /// Downloads that say how they went (any feature may save a file).
    fn downloads(&self) -> Downloads {
        self.app().downloads()
    }
}

impl AppState {
    /// Downloads that say how they went (`downloads`).
    pub(super) fn downloads(&self) -> Downloads {
        Downloads::new(self.notice)
    }
}

/// The open strategy, read only: for a component that shows it and changes nothing (with
/// `speech::use_speech` for its words).
pub fn use_open() -> Signal<Option<Strategy>> {
    use_app().open.into()
}

/// The autosave's quiet moment (the rule — a quiet moment, one save at a time — is
/// `session::autosave`'s). Two e2e tests (`storage.spec.ts`, `trust.spec.ts`) hold a change
/// waiting by stopping the page's timers of 400 ms or more: a shorter delay needs them read again.
const AUTOSAVE_DELAY: Duration = Duration::from_millis(400);

/// The BroadcastChannel the tabs of this site tell each other about writes on.
pub const CHANNEL: &str = "shirube";

impl AppState {
    /// The store, to use across an `.await`.
    pub(super) fn store(&self) -> Rc<BrowserStore> {
        self.bench.with_value(|b| b.store())
    }

    /// The workbench, to run an action on, told first which notice the page shows.
    pub(super) fn bench(&self) -> Rc<BrowserWorkbench> {
        let bench = self.bench.get_value();
        bench.full_notice_shown(self.notice.with_untracked(|n| matches!(n, Some(Notice::StorageFull { .. }))));
        bench
    }

    fn is_persistent(&self) -> bool {
        self.bench.with_value(|b| b.store().is_persistent())
    }

    /// Shows what an action of the workbench changed: the open strategy, the lists it touched
    /// (the other tabs told), the page it went to, then the notice — last, once the page has
    /// moved: a notice that says it is done is never followed by the page changing under the
    /// user's hand.
    pub(super) async fn apply(&self, outcome: Outcome) {
        self.show_editing();
        if outcome.start_retries {
            self.keep_trying_when_full();
        }
        if outcome.touched.any() {
            self.written_touching(outcome.touched).await;
        }
        if outcome.stored {
            self.ask_persistence_once();
        }
        if outcome.room_made {
            self.retry_when_room();
        }
        if let Some(id) = outcome.go_to {
            self.set_preferences(|p| p.last_opened = Some(id.clone()));
            // Already on one of its pages (it was opened for the route): stay there.
            if self.route.with_untracked(|r| r.strategy_id() != Some(&id)) {
                self.navigate(Route::Strategy(id));
                // A strategy opened anew starts at its top, not where the last page was
                // scrolled to (the next period's form sits thousands of pixels down).
                request_animation_frame(|| window().scroll_to_with_x_and_y(0.0, 0.0));
            }
        }
        match outcome.notice {
            NoticeChange::Keep => {}
            NoticeChange::Show(notice) => self.notice.set(Some(notice)),
            NoticeChange::Clear => self.notice.set(None),
        }
    }

    pub fn lang(&self) -> Language {
        self.prefs.with(|p| p.language)
    }

    pub fn year_style(&self) -> YearStyle {
        self.prefs.with(|p| p.year_style)
    }

    pub fn tr(&self, ja: &'static str, en: &'static str) -> &'static str {
        crate::locale::tr(self.lang(), ja, en)
    }

    /// Runs an action that needs storage: storage answers asynchronously (IndexedDB).
    fn spawn(&self, action: impl AsyncFnOnce(AppState) + 'static) {
        let state = *self;
        spawn_local(async move { action(state).await });
    }

    /// Reads the lists (strategies, backups, garbage) and how full storage is again from the store.
    pub(super) fn refresh(&self) {
        self.spawn(async |state| state.reread().await);
    }

    /// After this tab wrote to storage: the other tabs are told (they read again, see
    /// [`AppState::follow_other_tab`]), and this one reads the lists again.
    /// Calls `heard` when another tab says it wrote. On the channel this tab posts on: a
    /// channel does not hear its own messages, but a second one in this page would — each
    /// write of this tab then came back as "another tab wrote" (a re-read after every save,
    /// and, while a save of its own was under way, a conflict offered against itself).
    pub fn on_other_tabs(&self, heard: impl Fn() + 'static) {
        if let Some(channel) = self.channel.get_value() {
            let heard = wasm_bindgen::closure::Closure::<dyn Fn()>::new(heard);
            channel.set_onmessage(Some(wasm_bindgen::JsCast::unchecked_ref(heard.as_ref())));
            // As long as the page: the channel lives in the state.
            heard.forget();
        }
    }

    /// At the first save of this page, asks the browser to keep the site's data
    /// (`navigator.storage.persist()`); the answer is shown on the strategy list. Not awaited:
    /// Firefox asks the user, and its promise waits for the answer (forever, if the prompt is
    /// ignored) — nothing the user does may wait for it (the Firefox suite caught an example
    /// that never opened).
    fn ask_persistence_once(&self) {
        if self.persistence_asked.get_value() || !self.is_persistent() {
            return;
        }
        self.persistence_asked.set_value(true);
        self.spawn(async |state| state.persistence.set(Some(crate::storage::ask_persistence().await)));
    }

    pub fn set_preferences(&self, f: impl FnOnce(&mut Preferences)) {
        self.prefs.update(f);
        let prefs = self.prefs.get_untracked();
        self.prefs_writing.update_value(|n| *n += 1);
        self.spawn(async move |state| {
            let saved = state.store().save_preferences(&prefs).await;
            state.prefs_writing.update_value(|n| *n -= 1);
            if let Err(e) = saved {
                // A storage error already shown (the strategy itself could not be saved, a delete
                // had no room for its backup) says more than the preferences' failing after it.
                let shown = state
                    .notice
                    .with_untracked(|n| matches!(n, Some(Notice::Storage(_) | Notice::DeleteNeedsRoom { .. })));
                if state.is_persistent() && !shown {
                    state.notice.set(Some(Notice::Storage(e)));
                }
            }
        });
    }
}
