//! The application state shared by the components: the store, the list of strategies, the open
//! strategy, the autosave state, preferences and notices — and the actions that change them.
//! Components get it with `use_app()`.

use super::files;

use super::route::Route;
use crate::format::{self, ImportError};
use crate::model::{Id, Strategy};
use crate::session::editing::Editing;
use crate::session::preview::{ImportChoice, ImportFlow, Preview};
use crate::session::tabs::{self, Follow};
use crate::session::{import, library, Autosave};
pub use crate::session::{Notice, SaveState};
use crate::storage::{BackendKind, DraftOutcome, Estimate, Persistence, VersionReason};
use crate::storage::{
    Backup, BrowserStore, GarbageEntry, Language, Opened, Preferences, StorageError, StrategySummary, Usage, YearStyle,
};
use leptos::prelude::*;
use leptos::task::spawn_local;
use std::rc::Rc;
use std::time::Duration;

#[derive(Clone, Copy)]
pub struct AppState {
    store: StoredValue<Rc<BrowserStore>, LocalStorage>,
    /// Tells the other tabs of this site that storage changed (IndexedDB has no `storage`
    /// event); `None` where the browser has no BroadcastChannel.
    channel: StoredValue<Option<web_sys::BroadcastChannel>, LocalStorage>,
    /// Why storage is not being used, when it is not.
    pub storage_problem: RwSignal<Option<StorageError>>,
    /// Why IndexedDB is not used (it did not open, or moving the old data into it failed).
    pub indexed_db_problem: RwSignal<Option<StorageError>>,
    pub summaries: RwSignal<Vec<StrategySummary>>,
    pub backups: RwSignal<Vec<Backup>>,
    pub garbage: RwSignal<Vec<GarbageEntry>>,
    /// How full the browser's storage is (None: no persistent storage, or it cannot be read).
    pub usage: RwSignal<Option<Usage>>,
    /// How much the whole site stores of what the browser allows (IndexedDB).
    pub estimate: RwSignal<Option<Estimate>>,
    /// Whether the browser keeps this site's data (None: not known yet).
    pub persistence: RwSignal<Option<Persistence>>,
    persistence_asked: StoredValue<bool>,
    /// The strategy being loaded for the route, while it is.
    loading: StoredValue<Option<Id>>,
    /// The open strategy as `editing` holds it (a copy sharing every unchanged goal and
    /// indicator), for the components to read.
    pub open: RwSignal<Option<Strategy>>,
    /// Bumped by every change of the open strategy; autosave follows it.
    pub revision: RwSignal<u64>,
    /// (undo steps, redo steps), for the buttons.
    pub history_depths: RwSignal<(usize, usize)>,
    /// What the autosave says, for the header.
    pub save_state: RwSignal<SaveState>,
    /// The open strategy, its undo history and its autosave (`session::editing`): every change
    /// goes through it, then [`AppState::show_editing`] shows the result.
    editing: StoredValue<Editing, LocalStorage>,
    pub prefs: RwSignal<Preferences>,
    pub notice: RwSignal<Option<Notice>>,
    pub route: RwSignal<Route>,
    /// The import dialog: a file being read, or read and waiting for the user's choice.
    pub import: RwSignal<ImportFlow>,
    /// The workshop session ideas are written to, when chosen (else the latest session).
    pub workshop_session: RwSignal<Option<Id>>,
    /// A CSV dropped on the window, waiting for the files page's CSV import to take it.
    pub dropped_csv: RwSignal<Option<web_sys::File>, LocalStorage>,
}

pub fn use_app() -> AppState {
    expect_context::<AppState>()
}

const AUTOSAVE_DELAY: Duration = Duration::from_millis(400);

/// The BroadcastChannel the tabs of this site tell each other about writes on.
pub const CHANNEL: &str = "shirube";

/// What the page starts with: the opened storage and what it held of preferences.
#[derive(Clone)]
pub struct Start {
    pub store: Rc<BrowserStore>,
    pub opened: Opened,
    pub prefs: Preferences,
    /// Titles of strategies whose unsaved change on closing was kept in the history instead
    /// (another tab had saved since).
    pub drafts_kept: Vec<String>,
}

impl Start {
    /// Opens the browser's storage (IndexedDB, with an earlier release's data moved over from
    /// `localStorage`; see `BrowserStore::browser`) and reads the preferences.
    pub async fn open() -> Start {
        let now = files::now();
        let (store, opened) = BrowserStore::browser(&now).await;
        // Changes the page could not save when it last went away, before anything is shown.
        let mut drafts_kept = Vec::new();
        for draft in crate::storage::drafts() {
            // A draft that cannot be applied stays in localStorage for the next start; the
            // stored version is untouched.
            if let Ok(outcome) = store.apply_draft(&draft.file, draft.base, &now).await {
                if let DraftOutcome::KeptAsVersion { title } = outcome {
                    drafts_kept.push(title);
                }
                crate::storage::drop_draft(&draft.key);
            }
        }
        let prefs = store.preferences().await;
        Start { store: Rc::new(store), opened, prefs, drafts_kept }
    }
}

impl AppState {
    pub fn new(start: Start) -> AppState {
        let persistent = start.store.is_persistent();
        let moved = start.opened.moved.clone().filter(|m| m.copied + m.kept_aside > 0);
        let state = AppState {
            store: StoredValue::new_local(start.store),
            channel: StoredValue::new_local(web_sys::BroadcastChannel::new(CHANNEL).ok()),
            storage_problem: RwSignal::new(start.opened.unavailable),
            indexed_db_problem: RwSignal::new(start.opened.indexed_db_problem),
            summaries: RwSignal::new(Vec::new()),
            backups: RwSignal::new(Vec::new()),
            garbage: RwSignal::new(Vec::new()),
            usage: RwSignal::new(None),
            estimate: RwSignal::new(None),
            persistence: RwSignal::new(None),
            persistence_asked: StoredValue::new(false),
            loading: StoredValue::new(None),
            open: RwSignal::new(None),
            revision: RwSignal::new(0),
            history_depths: RwSignal::new((0, 0)),
            save_state: RwSignal::new(Editing::new(persistent).save_state().clone()),
            editing: StoredValue::new_local(Editing::new(persistent)),
            prefs: RwSignal::new(start.prefs),
            notice: RwSignal::new(moved.map(Notice::MovedToIndexedDb).or_else(|| {
                start.drafts_kept.first().map(|title| Notice::TookOtherTab { kept: true, title: title.clone() })
            })),
            route: RwSignal::new(Route::List),
            import: RwSignal::new(ImportFlow::default()),
            workshop_session: RwSignal::new(None),
            dropped_csv: RwSignal::new_local(None),
        };
        state.refresh();
        if persistent {
            state.spawn(async |state| state.persistence.set(Some(crate::storage::persistence().await)));
        }
        state
    }

    /// The store, to use across an `.await`.
    pub fn store(&self) -> Rc<BrowserStore> {
        self.store.get_value()
    }

    fn is_persistent(&self) -> bool {
        self.store.with_value(|s| s.is_persistent())
    }

    pub fn lang(&self) -> Language {
        self.prefs.with(|p| p.language)
    }

    pub fn year_style(&self) -> YearStyle {
        self.prefs.with(|p| p.year_style)
    }

    pub fn tr(&self, ja: &'static str, en: &'static str) -> &'static str {
        super::i18n::tr(self.lang(), ja, en)
    }

    /// Runs an action that needs storage: storage answers asynchronously (IndexedDB).
    fn spawn(&self, action: impl AsyncFnOnce(AppState) + 'static) {
        let state = *self;
        spawn_local(async move { action(state).await });
    }

    /// Reads the lists (strategies, backups, garbage) and how full storage is again from the store.
    pub fn refresh(&self) {
        self.spawn(async |state| state.reread().await);
    }

    /// After this tab wrote to storage: the other tabs are told (they read again, see
    /// [`AppState::follow_other_tab`]), and this one reads the lists again.
    async fn written(&self) {
        if let Some(channel) = self.channel.get_value() {
            let _ = channel.post_message(&wasm_bindgen::JsValue::from_str("changed"));
        }
        self.reread().await;
    }

    async fn reread(&self) {
        let store = self.store();
        let list = store.list().await;
        let backups = store.backups().await;
        let garbage = store.garbage().await;
        match list {
            Ok(list) => self.summaries.set(list),
            Err(e) => self.notice.set(Some(Notice::Storage(e))),
        }
        self.backups.set(backups.unwrap_or_default());
        self.garbage.set(garbage.unwrap_or_default());
        // localStorage: what each key holds against its ~5 million characters. IndexedDB: what
        // the browser says of the whole site (reading every value to measure it would cost as
        // much as reading every strategy).
        let (usage, estimate) = match store.kind() {
            BackendKind::LocalStorage => (store.usage().await.ok(), None),
            BackendKind::IndexedDb => (None, crate::storage::estimate().await),
            BackendKind::Memory => (None, None),
        };
        if self.usage.with_untracked(|u| *u != usage) {
            self.usage.set(usage);
        }
        if self.estimate.with_untracked(|e| *e != estimate) {
            self.estimate.set(estimate);
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
        self.spawn(async move |state| {
            if let Err(e) = state.store().save_preferences(&prefs).await {
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

    /// Goes to a route (the hashchange listener then applies it).
    pub fn navigate(&self, route: Route) {
        if let Some(w) = web_sys::window() {
            let _ = w.location().set_hash(&route.hash());
        }
        self.apply_route(route);
    }

    /// Makes the state follow a route: opening a strategy loads it from the store.
    pub fn apply_route(&self, route: Route) {
        if let Some(id) = route.strategy_id().cloned() {
            // The hash change of `navigate` applies the same route again: one load is enough
            // (two would race, e.g. both moving the same unreadable text aside).
            let already = self.is_open(&id) || self.loading.with_value(|l| l.as_ref() == Some(&id));
            if !already {
                self.loading.set_value(Some(id.clone()));
                self.spawn(async move |state| {
                    let _loading = Loading(state.loading);
                    state.flush_now().await;
                    match state.store().load_current(&id).await {
                        // Another route was taken meanwhile: leave it.
                        _ if state.route.with_untracked(|r| r.strategy_id() != Some(&id)) => {}
                        Ok((strategy, base)) => {
                            state.with_editing(|e| e.open(strategy, base));
                            state.set_preferences(|p| p.last_opened = Some(id.clone()));
                        }
                        Err(e) => {
                            state.with_editing(Editing::close_any);
                            if !matches!(e, StorageError::NotFound { .. }) {
                                state.notice.set(Some(Notice::Storage(e)));
                            }
                            state.reread().await;
                        }
                    }
                });
            }
        }
        self.route.set(route);
    }

    /// Changes the open strategy: one undo step; autosave follows.
    pub fn edit(&self, f: impl FnOnce(&mut Strategy)) {
        self.with_editing(|e| e.edit(f));
    }

    /// A change that may turn out to change nothing (moving the first item up): an undo step is
    /// recorded only when `f` says it changed something.
    pub fn try_edit(&self, f: impl FnOnce(&mut Strategy) -> bool) {
        self.with_editing(|e| e.try_edit(f));
    }

    /// Goes back one step.
    pub fn undo(&self) {
        self.with_editing(Editing::undo);
    }

    /// Goes forward again one undone step.
    pub fn redo(&self) {
        self.with_editing(Editing::redo);
    }

    /// Runs an action of the editing session, then shows what it changed: the open strategy,
    /// the undo depths, the save state and the revision the autosave follows.
    fn with_editing<T>(&self, f: impl FnOnce(&mut Editing) -> T) -> T {
        let out = self.editing.try_update_value(f).expect("the editing session lives as long as the app");
        self.show_editing();
        out
    }

    fn show_editing(&self) {
        self.editing.with_value(|e| {
            let open = e.strategy();
            let (same_id, same) = self.open.with_untracked(|o| match (o, open) {
                (Some(a), Some(b)) => (a.id == b.id, a == b),
                (None, None) => (true, true),
                _ => (false, false),
            });
            if !same || !same_id {
                self.open.set(open.cloned());
            }
            let depths = e.depths();
            if self.history_depths.get_untracked() != depths {
                self.history_depths.set(depths);
            }
            if self.save_state.with_untracked(|s| s != e.save_state()) {
                self.save_state.set(e.save_state().clone());
            }
            let rev = e.autosave().revision();
            if self.revision.get_untracked() != rev {
                self.revision.set(rev);
            }
        });
    }

    /// Autosave: after each change, wait for a quiet moment, then save. Runs as an Effect
    /// because it syncs the reactive state with the outside world (storage).
    pub fn start_autosave(&self) {
        let state = *self;
        Effect::new(move |_| {
            let rev = state.revision.get();
            if rev == 0 {
                return;
            }
            set_timeout(
                move || {
                    if let Some(rev) = state.autosave_did(|a| a.quiet(rev)) {
                        state.spawn(async move |state| state.save(rev).await);
                    }
                },
                AUTOSAVE_DELAY,
            );
        });
    }

    /// Runs `f` on the autosave bookkeeping and shows its state.
    fn autosave_did<T>(&self, f: impl FnOnce(&mut Autosave) -> T) -> T {
        self.with_editing(|e| f(e.autosave_mut()))
    }

    fn autosave_is(&self, f: impl FnOnce(&Autosave) -> bool) -> bool {
        self.editing.with_value(|e| f(e.autosave()))
    }

    /// Saves the open strategy soon if a change is waiting (e.g. before the page goes away:
    /// the save is started at once; the browser completes a transaction that was started).
    pub fn flush(&self) {
        self.commit_field();
        if let Some(rev) = self.autosave_did(Autosave::flush) {
            self.spawn(async move |state| state.save(rev).await);
        }
    }

    /// [`AppState::flush`], finished: a waiting change is stored when it returns.
    async fn flush_now(&self) {
        self.commit_field();
        if let Some(rev) = self.autosave_did(Autosave::flush) {
            self.save(rev).await;
        }
        // A save under way (which also takes what waits) is awaited too.
        while self.autosave_is(Autosave::is_saving) {
            files::sleep(10).await;
        }
    }

    /// The page goes away: a change not yet stored is also kept synchronously in
    /// `localStorage` (`storage::keep_draft`), since the save just started may never run.
    pub fn keep_unsaved(&self) {
        self.flush();
        if !self.autosave_is(|a| a.is_waiting() || a.is_saving()) {
            return;
        }
        self.editing.with_value(|e| {
            if let Some(strategy) = e.strategy() {
                let _ = crate::storage::keep_draft(strategy, e.autosave().base(), &files::now());
            }
        });
    }

    /// A field being typed in is committed (blurring it fires its `change`).
    fn commit_field(&self) {
        if let Some(el) = web_sys::window().and_then(|w| w.document()).and_then(|d| d.active_element()) {
            use wasm_bindgen::JsCast;
            if let Some(el) = el.dyn_ref::<web_sys::HtmlElement>() {
                if matches!(el.tag_name().as_str(), "INPUT" | "TEXTAREA") {
                    let _ = el.blur();
                }
            }
        }
    }

    /// Stores the open strategy as it is at `revision` (the autosave said to).
    /// A change made while it was under way is saved right after, in the same task.
    async fn save(&self, mut revision: u64) {
        loop {
            let now = files::now();
            let store = self.store();
            let saved = files::timed_async("shirube:autosave", async {
                // Made ready where the open strategy lives (no copy of it), inside the measure.
                let job = self.with_editing(|e| e.save_job(revision, &now))?;
                Some((job.revision, job.title, store.save_prepared_over(job.prepared, &now, job.base).await))
            })
            .await;
            // Closed meanwhile: there is nothing left to save.
            let Some((revision_saved, title, saved)) = saved else { return };
            if matches!(saved, Err(StorageError::Conflict { .. })) {
                self.notice.set(Some(Notice::TabConflict { title }));
            }
            let ok = saved.is_ok();
            let next = self.with_editing(|e| e.saved(revision_saved, saved, &now));
            self.written().await;
            if ok {
                self.ask_persistence_once();
            }
            match next {
                Some(r) => revision = r,
                None => return,
            }
        }
    }

    /// Another tab wrote to storage: refresh the lists, and the open strategy when this tab has
    /// nothing waiting to be saved. When it has, and the other tab saved this strategy, the user
    /// is asked which version to keep ([`Notice::TabConflict`]); nothing is overwritten.
    pub fn follow_other_tab(&self) {
        self.spawn(async |state| {
            state.reread().await;
            let Some((id, title, base, waiting)) = state.editing.with_value(|e| {
                let a = e.autosave();
                e.strategy().map(|s| (s.id.clone(), s.title.clone(), a.base(), a.is_waiting()))
            }) else {
                return;
            };
            match tabs::follow(&state.store(), &id, &title, base, waiting).await {
                Ok(Follow::Nothing) => {}
                Ok(Follow::Conflict(notice)) => state.notice.set(Some(notice)),
                Ok(Follow::Reload(fresh, base)) => {
                    state.with_editing(|e| e.reload(fresh, base, true));
                }
                Err(e) => state.notice.set(Some(Notice::Storage(e))),
            }
        });
    }

    /// Another tab saved the open strategy while this one had changes waiting, and the user
    /// takes the other tab's version (`session::tabs::take_theirs`: this tab's is kept in the
    /// version history first).
    pub fn take_other_tab(&self) {
        self.spawn(async |state| {
            let Some(mine) = state.open.get_untracked() else { return };
            match tabs::take_theirs(&state.store(), &mine, &files::now()).await {
                Ok((theirs, base, notice)) => {
                    state.with_editing(|e| e.open(theirs, base));
                    state.notice.set(Some(notice));
                    state.written().await;
                }
                Err(notice) => state.notice.set(Some(notice)),
            }
        });
    }

    /// … or keeps this tab's version: it is saved over the other tab's (which stays in the
    /// version history).
    pub fn keep_this_tab(&self) {
        self.spawn(async |state| {
            let Some(id) = state.open.with_untracked(|o| o.as_ref().map(|s| s.id.clone())) else { return };
            match state.store().head(&id).await {
                Ok(head) => {
                    state.notice.set(None);
                    state.autosave_did(|a| a.rebase(head.revision));
                    state.flush_now().await;
                }
                Err(e) => state.notice.set(Some(Notice::Storage(e))),
            }
        });
    }

    /// Stores a new strategy and opens it.
    /// A strategy that cannot be stored (storage full) is still opened, with the failure shown:
    /// the user can export it, nothing is lost.
    pub fn add_and_open(&self, strategy: Strategy) {
        self.spawn(async |state| state.store_and_open(strategy, VersionReason::Saved).await);
    }

    /// [`AppState::add_and_open`]; `reason` says where it came from (a file's version is kept
    /// in the history as a starting point).
    async fn store_and_open(&self, strategy: Strategy, reason: VersionReason) {
        self.flush_now().await;
        let saved = files::timed_async("shirube:store", self.store().save_as(&strategy, &files::now(), reason)).await;
        self.opened_after_store(strategy, saved).await;
    }

    /// Opens a strategy just stored (or that could not be: the failure is shown).
    async fn opened_after_store(&self, strategy: Strategy, saved: Result<u64, StorageError>) {
        let id = strategy.id.clone();
        let store = self.store();
        if let Err(e) = &saved {
            if store.is_persistent() {
                self.notice.set(Some(Notice::Storage(e.clone())));
            }
        }
        let ok = saved.is_ok();
        self.with_editing(|e| e.open_just_stored(strategy, saved));
        self.written().await;
        if ok {
            self.ask_persistence_once();
        }
        self.set_preferences(|p| p.last_opened = Some(id.clone()));
        self.navigate(Route::Strategy(id));
    }

    /// Opens an example: its file is fetched with the app's files and read through the real
    /// import; an example already stored (same id) is opened as it is.
    pub async fn open_example(&self, example: &'static crate::examples::Example) {
        let file = example.path.to_owned();
        let opened = match files::fetch_file(example.path).await {
            Ok(bytes) => open_file(bytes).await,
            Err(detail) => return self.notice.set(Some(Notice::FileUnreadable { file, detail })),
        };
        match opened {
            Ok(format::Opened::Strategy(read)) if self.has(&read.strategy.id) => {
                self.navigate(Route::Strategy(read.strategy.id))
            }
            Ok(format::Opened::Strategy(read)) => self.store_and_open(read.strategy, VersionReason::Imported).await,
            Ok(format::Opened::Everything(_)) => {
                let problem = format::EnvelopeProblem::WrongFormat { found: format::BACKUP_FORMAT_NAME.to_owned() };
                self.notice.set(Some(Notice::ImportFailed {
                    file,
                    error: ImportError::NotAnEnvelope { path: "format".into(), problem },
                }));
            }
            Err(error) => self.notice.set(Some(Notice::ImportFailed { file, error })),
        }
    }

    /// Whether a strategy with this id is already stored.
    pub fn has(&self, id: &Id) -> bool {
        self.summaries.with_untracked(|l| l.iter().any(|s| &s.id == id))
    }

    /// Reads a file the user picked or dropped and shows the import preview; nothing is stored
    /// until the user confirms it there. A file over the size limit is refused before it is
    /// read; one that does not read cleanly is refused with what is wrong and where.
    pub fn take_file(&self, file: web_sys::File) {
        let state = *self;
        let name = file.name();
        let Some(ticket) = state.import.try_update(|f| f.start(&name)) else { return };
        spawn_local(async move {
            let bytes = files::read_bytes(&file).await;
            // Let the "reading" dialog paint before the (synchronous) checks of a large file.
            files::next_frame().await;
            // Cancelled while reading (or another file came in meanwhile): drop this one.
            if !state.import.with_untracked(|f| f.wants(ticket)) {
                return;
            }
            let read = match bytes {
                Ok(bytes) => {
                    // A change waiting to be saved belongs in the comparison (and in any backup).
                    state.flush_now().await;
                    preview_file(state.store(), name.clone(), bytes).await.map_err(Ok)
                }
                Err(e) => Err(e),
            };
            // The first import also fetches the reading code: `ImportFlow` drops a late result.
            match read {
                Ok(preview) => {
                    if state.import.try_update(|f| f.ready(ticket, preview)) == Some(true) {
                        state.notice.set(None);
                    }
                }
                Err(error) if state.import.try_update(|f| f.failed(ticket)) == Some(true) => {
                    state.notice.set(Some(match error {
                        Ok(error) => Notice::ImportFailed { file: name, error },
                        Err(detail) => Notice::FileUnreadable { file: name, detail },
                    }));
                }
                Err(_) => {}
            }
        });
    }

    /// A CSV dropped on the window: with a strategy open it goes to that strategy's CSV import
    /// (files page, preview first); with none open the user is told to open one.
    pub fn take_csv(&self, file: web_sys::File) {
        match self.route.get_untracked().strategy_id().cloned() {
            Some(id) => {
                self.notice.set(None);
                self.dropped_csv.set(Some(file));
                self.navigate(Route::Files(id));
            }
            None => self.notice.set(Some(Notice::CsvNeedsStrategy { file: file.name() })),
        }
    }

    /// Imports the strategy waiting in the preview as the user chose (`session::import`): as it
    /// is when its id is new; otherwise as a copy with fresh ids, in place of the stored one
    /// (backed up first: undo from the notice), or merged with it, one side per conflict.
    pub fn confirm_import(&self, choice: ImportChoice, conflict_choices: Vec<crate::model::merge::Side>) {
        let listed = |id: &Id| self.has(id);
        let Some(Some(confirmed)) = self.import.try_update(|f| f.confirm(choice, conflict_choices, listed)) else {
            return;
        };
        self.spawn(async move |state| {
            state.flush_now().await;
            let done = files::timed_async(
                "shirube:store",
                import::confirm_previewed(&state.store(), confirmed, &files::now()),
            )
            .await;
            match done {
                Err(notice) => state.notice.set(Some(notice)),
                Ok(import::Confirmed::InPlace { strategy, notice }) => {
                    state.notice.set(Some(notice));
                    state.written().await;
                    let base = state.store().head(&strategy.id).await.map_or(0, |h| h.revision);
                    state.show(strategy, base);
                }
                Ok(import::Confirmed::Added { strategy, notice, saved }) => {
                    state.notice.set(Some(notice));
                    state.opened_after_store(strategy, saved).await;
                }
            }
        });
    }

    /// Merges the backup file waiting in the preview into this browser: new strategies are
    /// added, those in `replace` replace the stored version (backed up first), other
    /// differing ones are left as they are; the file's backups are added.
    pub fn confirm_restore(&self, replace: std::collections::HashSet<Id>) {
        let Some(Some(all)) = self.import.try_update(ImportFlow::confirm_restore) else { return };
        self.spawn(async move |state| {
            state.flush_now().await;
            let store = state.store();
            let report =
                files::timed_async("shirube:store", store.restore_everything(&all, &replace, &files::now())).await;
            state.notice.set(Some(Notice::RestoredEverything(report)));
            state.written().await;
            for id in &replace {
                state.reload_open(id).await;
            }
        });
    }

    /// Closes the preview; nothing was changed.
    pub fn cancel_import(&self) {
        self.import.update(ImportFlow::cancel);
    }

    /// Shows a strategy that is already stored: it becomes the open one (a fresh undo history).
    fn show(&self, strategy: Strategy, base: u64) {
        let id = strategy.id.clone();
        self.with_editing(|e| e.open(strategy, base));
        self.set_preferences(|p| p.last_opened = Some(id.clone()));
        self.navigate(Route::Strategy(id));
    }

    /// The strategy `id` was changed in storage by this tab (a restore): if it is the open one,
    /// read it again, with a fresh undo history (the steps were about the version that is now
    /// a backup).
    async fn reload_open(&self, id: &Id) {
        if !self.is_open(id) {
            return;
        }
        if let Ok((fresh, base)) = self.store().load_current(id).await {
            self.with_editing(|e| e.reload(fresh, base, false));
        }
    }

    /// Downloads everything this browser holds (every strategy and every backup) as one
    /// backup file, which "restore" reads back.
    pub fn export_everything(&self) {
        self.spawn(async |state| {
            state.flush_now().await;
            let now = files::now();
            match state.store().export_everything(&now).await {
                Ok(text) => {
                    let name = files::file_name(
                        "Shirube",
                        state.tr("バックアップ", "backup"),
                        &files::today(),
                        "shirube-backup.json",
                    );
                    match files::download(&name, "application/json", &text) {
                        Ok(()) => state.notice.set(Some(Notice::Exported { file: name })),
                        Err(e) => state.notice.set(Some(Notice::Download(e))),
                    }
                    state.reread().await;
                }
                Err(e) => state.notice.set(Some(Notice::Storage(e))),
            }
        });
    }

    /// Downloads the open strategy as a Shirube file (saved first: the file is the stored
    /// version, with its lineage, so that another machine's work can later be merged with it).
    pub fn export_open(&self) {
        let Some(id) = self.open.with_untracked(|s| s.as_ref().map(|s| s.id.clone())) else { return };
        self.export_stored(&id);
    }

    pub fn export(&self, s: &Strategy) {
        self.notice.set(Some(match self.download(s) {
            Ok(file) => Notice::Exported { file },
            Err(e) => Notice::Download(e),
        }));
    }

    /// Downloads a stored strategy as a Shirube file (`session::export::strategy_file`: the
    /// stored version with its lineage, or what is open when storage did not take it).
    pub fn export_stored(&self, id: &Id) {
        let id = id.clone();
        self.spawn(async move |state| {
            state.flush_now().await;
            let open = state.open.get_untracked().filter(|s| s.id == id);
            let file = crate::session::export::strategy_file(&state.store(), &id, open.as_ref(), &files::now()).await;
            state.notice.set(Some(match file {
                Ok(file) => match download_strategy(&file.strategy, &file.text) {
                    Ok(name) => Notice::Exported { file: name },
                    Err(e) => Notice::Download(e),
                },
                Err(notice) => notice,
            }));
        });
    }

    /// Downloads a strategy as a Shirube file; the file's name, or what went wrong.
    fn download(&self, s: &Strategy) -> Result<String, String> {
        download_strategy(s, &format::export(s, &files::now()))
    }

    pub fn rename(&self, id: &Id, title: String) {
        let is_open = self.is_open(id);
        if is_open {
            self.edit(|s| s.title = title);
            self.flush();
            return;
        }
        let id = id.clone();
        self.spawn(async move |state| {
            if let Err(notice) = library::rename(&state.store(), &id, title, &files::now()).await {
                state.notice.set(Some(notice));
            }
            state.written().await;
        });
    }

    pub fn duplicate(&self, id: &Id) {
        let id = id.clone();
        self.spawn(async move |state| {
            let suffix = state.tr("（コピー）", " (copy)");
            match library::duplicate(&state.store(), &id, suffix, &files::now()).await {
                Ok(_) => state.written().await,
                Err(notice) => state.notice.set(Some(notice)),
            }
        });
    }

    /// Deletes a stored strategy, keeping a backup (undo). When it is the open one, a waiting
    /// change is saved first (so it is in the backup) and it is closed once deleted — not
    /// before: a refused delete leaves it open, with whatever could not be saved.
    pub fn delete(&self, id: &Id) {
        let id = id.clone();
        self.spawn(async move |state| {
            if state.is_open(&id) {
                state.flush_now().await;
            }
            let done = library::delete(&state.store(), &id, &files::now()).await;
            if done.is_ok() {
                state.close(&id);
            }
            state.notice.set(Some(done.unwrap_or_else(|refused| refused)));
            state.written().await;
        });
    }

    /// With storage too full for the backup a delete keeps: downloads the strategy as a file,
    /// then deletes it without a backup (the file is how it comes back). Nothing is deleted if
    /// it could not be read or downloaded. For the open strategy the file has what is open,
    /// including changes storage had no room for.
    pub fn export_then_delete(&self, id: &Id) {
        let id = id.clone();
        self.spawn(async move |state| {
            let open = state.open.with_untracked(|o| o.as_ref().filter(|s| s.id == id).cloned());
            let done = library::export_then_delete(&state.store(), &id, open, |s| state.download(s)).await;
            if done.is_ok() {
                state.close(&id);
            }
            state.notice.set(Some(done.unwrap_or_else(|refused| refused)));
            state.written().await;
        });
    }

    fn is_open(&self, id: &Id) -> bool {
        self.editing.with_value(|e| e.is_open(id))
    }

    /// Closes the strategy with this id if it is the open one.
    fn close(&self, id: &Id) {
        self.with_editing(|e| e.close(id));
    }

    /// Brings a backup back (the live version, if any, is backed up first). When it is the
    /// open strategy, the open one follows (a waiting change is saved first, so it is in the
    /// backup of the live version).
    pub fn restore(&self, backup_key: &str) {
        let backup_key = backup_key.to_owned();
        self.spawn(async move |state| {
            state.flush_now().await;
            match library::restore(&state.store(), &backup_key, &files::now()).await {
                Ok((notice, s)) => {
                    state.notice.set(Some(notice));
                    state.written().await;
                    state.reload_open(&s.id).await;
                }
                Err(notice) => {
                    state.notice.set(Some(notice));
                    state.reread().await;
                }
            }
        });
    }

    /// Brings a kept version of a strategy back as its current version (the one it replaces
    /// stays in the history, so the restore can be undone the same way).
    pub fn restore_version(&self, id: &Id, seq: u64) {
        let id = id.clone();
        self.spawn(async move |state| {
            state.flush_now().await;
            match library::restore_version(&state.store(), &id, seq, &files::now()).await {
                Ok((notice, _)) => {
                    state.notice.set(Some(notice));
                    state.written().await;
                    state.reload_open(&id).await;
                }
                Err(notice) => state.notice.set(Some(notice)),
            }
        });
    }

    /// Deletes a backup for good.
    pub fn discard_backup(&self, key: &str) {
        let key = key.to_owned();
        self.spawn(async move |state| {
            if let Err(notice) = library::discard_backup(&state.store(), &key).await {
                state.notice.set(Some(notice));
            }
            state.written().await;
        });
    }

    /// Downloads unreadable data kept aside.
    pub fn download_garbage(&self, key: &str) {
        let key = key.to_owned();
        self.spawn(async move |state| match state.store().garbage_text(&key).await {
            Ok(text) => {
                let file = "shirube-unreadable-data.txt";
                state.notice.set(Some(match files::download(file, "text/plain", &text) {
                    Ok(()) => Notice::Exported { file: file.to_owned() },
                    Err(e) => Notice::Download(e),
                }));
            }
            Err(e) => state.notice.set(Some(Notice::Storage(e))),
        });
    }

    /// Deletes unreadable data kept aside.
    pub fn discard_garbage(&self, key: &str) {
        let key = key.to_owned();
        self.spawn(async move |state| {
            if let Err(e) = state.store().discard_garbage(&key).await {
                state.notice.set(Some(Notice::Storage(e)));
            }
            state.written().await;
        });
    }
}

/// Offers a strategy file's text as a download named after the strategy; the name, or what went
/// wrong.
fn download_strategy(s: &Strategy, text: &str) -> Result<String, String> {
    let name = files::file_name(&s.municipality.name, &s.title, &files::today(), "shirube.json");
    files::download(&name, "application/json", text).map(|()| name)
}

/// Reads a strategy file or a backup of everything (`format::open`, timed as "shirube:import").
/// The full reading path (errors with their place, migration) is in wasm parts fetched when
/// first used (`#[lazy]` below); opening the app reads storage without it.
fn read_file(bytes: &[u8]) -> Result<format::Opened, ImportError> {
    files::timed("shirube:import", || format::open(bytes))
}

/// [`read_file`] for an example.
#[lazy]
fn open_file(bytes: Vec<u8>) -> Result<format::Opened, ImportError> {
    read_file(&bytes)
}

/// Reads a file for the import preview and compares it with what is stored
/// (`session::preview::preview`): in the wasm part that reads files, not in the first download.
#[lazy]
async fn preview_file(store: Rc<BrowserStore>, name: String, bytes: Vec<u8>) -> Result<Preview, ImportError> {
    let size = bytes.len();
    let opened = read_file(&bytes)?;
    Ok(crate::session::preview::preview(&store, &name, size, opened).await)
}

/// Clears `AppState::loading` when the load ends, however it ends.
struct Loading(StoredValue<Option<Id>>);

impl Drop for Loading {
    fn drop(&mut self) {
        self.0.set_value(None);
    }
}
