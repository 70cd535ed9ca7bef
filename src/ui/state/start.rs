//! What the page starts with (`Start::open`): the browser's storage opened (an earlier
//! release's data moved over), the changes and preferences a page left unsaved when it went
//! away applied, and the preferences read.

use super::act::Action;
use super::*;
use crate::ui::browser::parts::{self, PartMissing};

/// What the page starts with: the opened storage and what it held of preferences.
#[derive(Clone)]
pub struct Start {
    pub store: Rc<BrowserStore>,
    pub opened: OpenedStorage,
    pub prefs: Preferences,
    /// Titles of strategies whose unsaved change on closing was kept in the history instead
    /// (another tab had saved since).
    pub drafts_kept: Vec<Notice>,
    /// A bring-in's log is stored (`storage::IntakeLog`): one running in another tab, or one
    /// left unfinished.
    pub intake_log: bool,
}

impl Start {
    /// Opens the browser's storage (IndexedDB, with an earlier release's data moved over from
    /// `localStorage`; see `BrowserStore::browser`) and reads the preferences.
    pub async fn open() -> Start {
        let now = files::now();
        let (store, opened) = match BrowserStore::opening().await {
            crate::storage::Opening::Ready(store, opened) => (store, opened),
            crate::storage::Opening::Move(idb, local) => match parts::load_twice(actions::load_move_old_data).await {
                Ok(()) => match actions::move_old_data(idb, local, now.clone()).await {
                    Ok(moved) => moved,
                    Err(PartMissing) => BrowserStore::browser_local(),
                },
                // The earlier release's data stays where it is, and is used as it is there
                // (the banner asks for a reload, which moves it).
                Err(PartMissing) => BrowserStore::browser_local(),
            },
        };
        // Changes the page could not save when it last went away, before anything is shown.
        let store = Rc::new(store);
        let drafts = crate::storage::drafts();
        // A draft whose part did not arrive stays kept, for the next start.
        let drafts_kept = if drafts.is_empty() || parts::load_twice(actions::load_apply_drafts).await.is_err() {
            Vec::new()
        } else {
            actions::apply_drafts(store.clone(), drafts, now).await.unwrap_or_default()
        };
        // Preferences kept as the page went away with their write unfinished are the latest.
        let prefs = match crate::storage::kept_preferences() {
            Some(kept) => {
                if store.save_preferences(&kept).await.is_ok() {
                    crate::storage::drop_kept_preferences();
                }
                kept
            }
            None => store.preferences().await,
        };
        let intake_log = store.has_intake_log().await;
        Start { store, opened, prefs, drafts_kept, intake_log }
    }
}

impl AppState {
    pub fn new(start: Start) -> AppState {
        let persistent = start.store.is_persistent();
        let moved = start.opened.moved.clone().filter(|m| m.copied + m.kept_aside > 0);
        let clock = Clock { now: files::now, pause: |ms| Box::pin(files::sleep(ms)) };
        let bench = Rc::new(Workbench::new(start.store, clock));
        let save_state = bench.editing(|e| e.save_state().clone());
        let state = AppState {
            bench: StoredValue::new_local(bench),
            channel: StoredValue::new_local(web_sys::BroadcastChannel::new(CHANNEL).ok()),
            storage_problem: RwSignal::new(start.opened.unavailable),
            indexed_db_problem: RwSignal::new(start.opened.indexed_db_problem),
            summaries: RwSignal::new(Vec::new()),
            backups: RwSignal::new(Vec::new()),
            garbage: RwSignal::new(Vec::new()),
            regions: RwSignal::new(Vec::new()),
            region_backups: RwSignal::new(Vec::new()),
            usage: RwSignal::new(None),
            estimate: RwSignal::new(None),
            persistence: RwSignal::new(None),
            persistence_asked: StoredValue::new(false),
            prefs_writing: StoredValue::new(0),
            loading: StoredValue::new(None),
            open: RwSignal::new(None),
            shown: StoredValue::new(0),
            revision: RwSignal::new(0),
            history_depths: RwSignal::new((0, 0)),
            save_state: RwSignal::new(save_state),
            prefs: RwSignal::new(start.prefs),
            notice: RwSignal::new(moved.map(Notice::MovedToIndexedDb).or_else(|| start.drafts_kept.into_iter().next())),
            route: RwSignal::new(Route::List),
            import: RwSignal::new(ImportFlow::default()),
            dropped_csv: RwSignal::new_local(None),
        };
        state.refresh();
        // A bring-in of towns left unfinished by a page that went away (its log is read, and
        // the notice said, by the files' part: a start without one never fetches it).
        if start.intake_log {
            state.act(Action::CheckUnfinishedBringIn);
        }
        if persistent {
            state.spawn(async |state| state.persistence.set(Some(crate::storage::persistence().await)));
        }
        state
    }
}
