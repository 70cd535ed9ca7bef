//! The shared folder's sync as the page runs it: one [`PageSync`] per strategy, kept for the
//! page's life (leaving the 照会・共同作業 page does not stop it) — the folder kept from an earlier visit
//! looked up, connect and reconnect (the permission asked in the click; a permission lost on the
//! way waits for it again), and the commands of `session::folder::schedule` run: a reading (a
//! waiting change stored first; one that stored followed by the open strategy:
//! `FolderSyncing::after_stored`), this member's own file written (under a Web Lock: one writer per
//! browser; not without a name, which is said), a timer. When to read and write is the
//! schedule's: this file only feeds it the events (a save settled, the page's focus, 今すぐ同期,
//! a job's end) and runs the timers and the I/O. Without the folder API: a folder's files read
//! by hand through the same `FolderSync::read` over a `MemoryFolder`, and the own file downloaded
//! under its name. How a sync starts away from the 照会・共同作業 page (「共有フォルダから開く」, on a
//! connected strategy's other pages) is `folder_start`'s. 「接続を解除」 forgets the folder (its
//! files stay). The buttons' actions are `folder_actions`'. The rules are `session::folder`'s, the folder `storage`'s;
//! `ui/round/folder_members` shows it.
//!
//! **Test hook:** `localStorage["shirube-test/folder-ms"] = "<poll ms>,<write ms>"` shortens the
//! delays (the e2e tests; read by `storage::folder_test_delays` once per sync). Nothing else
//! reads it; without it the delays are the constants below.

use super::{Facade, FolderSyncing, SaveState};
use crate::model::Id;
use crate::session::folder::schedule::{Command, Delays, Event, Schedule, Written};
use crate::session::folder::{FolderReading, FolderSync, SyncError};
use crate::storage::{self, DiskFolder, Folder, FolderEntry, FolderError, MemoryFolder, Permission};
use crate::ui::browser::files;
use leptos::prelude::*;
use leptos::task::spawn_local;
use std::cell::{Cell, RefCell};
use std::rc::Rc;

/// How many of the changes taken in lately the section lists.
const RECENT: usize = 10;

/// The schedule's delays, shortened by the test hook (module doc) when it is set.
fn delays() -> Delays {
    match storage::folder_test_delays() {
        Some((poll, write)) => Delays::shortened(f64::from(poll), f64::from(write)),
        None => Delays::default(),
    }
}

/// The folder a sync reads: the one on disk, or a folder's files read by hand.
pub(super) enum AnyFolder {
    Disk(DiskFolder),
    Memory(MemoryFolder),
}

impl Folder for AnyFolder {
    async fn list(&self) -> Result<Vec<FolderEntry>, FolderError> {
        match self {
            AnyFolder::Disk(f) => f.list().await,
            AnyFolder::Memory(f) => f.list().await,
        }
    }
    async fn read(&self, name: &str) -> Result<Vec<u8>, FolderError> {
        match self {
            AnyFolder::Disk(f) => f.read(name).await,
            AnyFolder::Memory(f) => f.read(name).await,
        }
    }
    async fn read_start(&self, name: &str, bytes: usize) -> Result<Vec<u8>, FolderError> {
        match self {
            AnyFolder::Disk(f) => f.read_start(name, bytes).await,
            AnyFolder::Memory(f) => f.read_start(name, bytes).await,
        }
    }
    async fn write(&self, name: &str, bytes: &[u8]) -> Result<(), FolderError> {
        match self {
            AnyFolder::Disk(f) => f.write(name, bytes).await,
            AnyFolder::Memory(f) => f.write(name, bytes).await,
        }
    }
}

/// Where the strategy stands with its folder.
#[derive(Clone, Debug, PartialEq)]
pub enum Link {
    /// No folder (or not looked up yet).
    None,
    /// A folder kept from an earlier visit, whose permission must be asked again in a click.
    NeedsPermission(String),
    Connected(String),
}

/// One strategy's sync with its folder, for as long as the page lives.
pub struct PageSync {
    id: Id,
    folder: RefCell<Option<Rc<DiskFolder>>>,
    /// The session's sync; taken out while a reading or a write runs (one at a time).
    pub(super) sync: RefCell<Option<FolderSync>>,
    /// A folder kept from an earlier visit, waiting for its permission (reconnect).
    pub(super) waiting: RefCell<Option<DiskFolder>>,
    pub(super) shown: SyncView,
    /// When to read and write (`session::folder::schedule`): this struct runs its commands.
    schedule: RefCell<Schedule>,
    /// The owner of the effect that follows the saves: kept as long as the sync (the files
    /// page's own would stop it when the user goes on to edit).
    owner: RefCell<Option<Owner>>,
}

thread_local! {
    static CURRENT: RefCell<Option<Rc<PageSync>>> = const { RefCell::new(None) };
    static FOCUS_SET: Cell<bool> = const { Cell::new(false) };
}

pub(super) fn current(id: &Id) -> Option<Rc<PageSync>> {
    CURRENT.with(|c| c.borrow().as_ref().filter(|s| s.id == *id).cloned())
}

/// The sync of strategy `id`: the page's, made (and its kept folder looked up) the first time.
/// A kept folder that needs its permission again is said in a notice, unless the person is on
/// the 照会・共同作業 page, which shows its own button.
pub(super) fn sync_for(app: FolderSyncing, id: &Id) -> Rc<PageSync> {
    if let Some(s) = current(id) {
        return s;
    }
    let s = Rc::new(PageSync {
        id: id.clone(),
        folder: RefCell::new(None),
        // The member as kept: opening the page stores nothing; reading and writing take `me`.
        sync: RefCell::new(Some(FolderSync::new(app.me_as_kept(), id.clone()))),
        waiting: RefCell::new(None),
        shown: SyncView {
            link: ArcRwSignal::new(Link::None),
            reading: ArcRwSignal::new(None),
            problem: ArcRwSignal::new(None),
            last: ArcRwSignal::new(None),
            recent: ArcRwSignal::new(Vec::new()),
            busy: ArcRwSignal::new(false),
        },
        schedule: RefCell::new(Schedule::new(delays())),
        owner: RefCell::new(None),
    });
    CURRENT.with(|c| *c.borrow_mut() = Some(s.clone()));
    listen_for_focus(app);
    let kept = s.clone();
    spawn_local(async move {
        if !storage::folder_api_available() {
            return;
        }
        let Some(folder) = storage::kept_folder(kept.id.as_str()).await else { return };
        match folder.permission().await {
            Permission::Granted => kept.connect(app, folder).await,
            _ => {
                let name = folder.name();
                kept.shown.link.set(Link::NeedsPermission(name.clone()));
                *kept.waiting.borrow_mut() = Some(folder);
                if !app.on_folder_page() {
                    app.say(crate::session::Notice::FolderNeedsPermission { folder: name });
                }
            }
        }
    });
    s
}

/// The page's focus reads the folder of the sync under way.
fn listen_for_focus(app: FolderSyncing) {
    if FOCUS_SET.get() {
        return;
    }
    FOCUS_SET.set(true);
    let on_focus = wasm_bindgen::closure::Closure::<dyn Fn()>::new(move || {
        if let Some(s) = CURRENT.with(|c| c.borrow().clone()) {
            s.on(app, Event::Focus);
        }
    });
    if let Some(w) = web_sys::window() {
        let _ = w.add_event_listener_with_callback("focus", wasm_bindgen::JsCast::unchecked_ref(on_focus.as_ref()));
    }
    // As long as the page.
    on_focus.forget();
}

fn visible() -> bool {
    web_sys::window().and_then(|w| w.document()).is_none_or(|d| !d.hidden())
}

impl PageSync {
    fn is_current(self: &Rc<Self>) -> bool {
        CURRENT.with(|c| c.borrow().as_ref().is_some_and(|s| Rc::ptr_eq(s, self)))
    }

    /// Hands `event` to the schedule and runs what it says: a reading, a write, a timer.
    pub(super) fn on(self: &Rc<Self>, app: FolderSyncing, event: Event) {
        let now = js_sys::Date::now();
        let commands = self.schedule.borrow_mut().on(event, now);
        for command in commands {
            let s = self.clone();
            match command {
                Command::Read => spawn_local(async move {
                    let (stored, ok) = s.read(app).await;
                    s.on(app, Event::ReadDone { stored, ok });
                }),
                Command::Write => spawn_local(async move {
                    let written = s.write(app).await;
                    s.on(app, Event::WriteDone(written));
                }),
                // A sync no longer the page's (another strategy's opened) is not woken again.
                Command::WakeAt(at) => spawn_local(async move {
                    files::sleep((at - now).clamp(0.0, f64::from(i32::MAX)) as i32).await;
                    if s.is_current() {
                        s.on(app, Event::Tick { visible: visible() });
                    }
                }),
            }
        }
    }

    /// Uses `folder` from now on: kept for the next visit, read at once, then polled.
    pub(super) async fn connect(self: &Rc<Self>, app: FolderSyncing, folder: DiskFolder) {
        let name = folder.name();
        storage::keep_folder(self.id.as_str(), &folder).await;
        app.remember_folder(&self.id);
        app.clear_folder_notice();
        self.folder.replace(Some(Rc::new(folder)));
        self.shown.link.set(Link::Connected(name));
        if self.owner.borrow().is_none() {
            self.follow_saves(app);
        }
        self.on(app, Event::Connected);
    }

    /// Stops using the folder and forgets it (its files, the own one too, stay where they are).
    pub(super) async fn disconnect(self: &Rc<Self>, app: FolderSyncing) {
        self.on(app, Event::Disconnected);
        self.folder.replace(None);
        self.waiting.replace(None);
        if let Some(owner) = self.owner.borrow_mut().take() {
            owner.cleanup();
        }
        self.shown.link.set(Link::None);
        self.shown.reading.set(None);
        self.shown.problem.set(None);
        self.shown.last.set(None);
        self.shown.recent.set(Vec::new());
        storage::forget_folder(self.id.as_str()).await;
        app.forget_folder(&self.id);
        app.clear_folder_notice();
    }

    /// A save that settles schedules a write.
    fn follow_saves(self: &Rc<Self>, app: FolderSyncing) {
        let id = self.id.clone();
        let saves = app.save_state();
        let owner = Owner::new();
        owner.with(|| {
            let was = std::sync::Mutex::new(saves.get_untracked());
            Effect::new(move |_| {
                let now = saves.get();
                let Ok(mut was) = was.lock() else { return };
                let settled = matches!(now, SaveState::Saved { at: Some(_) }) && *was != now;
                *was = now;
                if let Some(s) = current(&id).filter(|_| settled && app.open_id().as_ref() == Some(&id)) {
                    s.on(app, Event::SaveSettled);
                }
            });
        });
        *self.owner.borrow_mut() = Some(owner);
    }

    /// Reads the folder (a waiting change stored first) and shows what it found: (whether it
    /// stored, whether it worked).
    async fn read(self: &Rc<Self>, app: FolderSyncing) -> (bool, bool) {
        let Some(folder) = self.folder.borrow().clone() else { return (false, false) };
        let Some(mut sync) = self.sync.borrow_mut().take() else { return (false, false) };
        self.shown.busy.set(true);
        app.save_waiting().await;
        sync.me = app.me();
        let store = app.store();
        // Timed as "shirube:folder-read" (the benchmark's sync of ten members' files; its
        // ":thread" measure is the time it held the page's thread).
        let disk = AnyFolder::Disk((*folder).clone());
        let now = files::now();
        let reading = sync.read_timed(&store, &disk, &now, &files::PerformanceMarks);
        let read = files::timed_async("shirube:folder-read", reading).await;
        *self.sync.borrow_mut() = Some(sync);
        let done = self.took(app, read).await;
        self.shown.busy.set(false);
        done
    }

    /// Shows a reading; one that stored makes the open strategy follow: (whether it stored,
    /// whether it worked).
    pub(super) async fn took(
        self: &Rc<Self>,
        app: FolderSyncing,
        read: Result<FolderReading, SyncError>,
    ) -> (bool, bool) {
        match read {
            Ok(mut reading) => {
                let at = files::local_time(&files::now());
                self.shown.last.set(Some(at.clone()));
                self.shown.problem.set(None);
                let stored = reading.stored;
                if reading.renamed_from.is_some() {
                    // Another PC wrote under this member's id: the new id the reading took is
                    // kept, so that the next write goes to a file of its own.
                    if let Some(id) = self.sync.borrow().as_ref().map(|s| s.me.id.clone()) {
                        app.keep_member_id(id);
                    }
                }
                if !reading.taken.is_empty() {
                    self.shown.recent.update(|r| {
                        for t in &reading.taken {
                            r.insert(0, Recent { at: at.clone(), by: t.by.clone(), undo: t.undo });
                        }
                        r.truncate(RECENT);
                    });
                }
                let head = reading.head.take();
                self.shown.reading.set(Some(std::sync::Arc::new(reading)));
                if stored {
                    app.after_stored(head).await;
                }
                (stored, true)
            }
            Err(e) => {
                self.failed(app, &e).await;
                (false, false)
            }
        }
    }

    /// Says why the folder could not be used; a folder whose permission is gone waits for it
    /// to be given again in a click (「共有フォルダに再接続」), read and written no more.
    async fn failed(self: &Rc<Self>, app: FolderSyncing, e: &SyncError) {
        self.shown.problem.set(Some(crate::words::folder::sync_error(e, app.app().lang())));
        let Some(folder) = self.folder.borrow().clone() else { return };
        if !matches!(e, SyncError::Folder(FolderError::Unreachable { .. })) {
            return;
        }
        if folder.permission().await != Permission::Granted {
            self.on(app, Event::PermissionLost);
            self.folder.replace(None);
            self.shown.link.set(Link::NeedsPermission(folder.name()));
            *self.waiting.borrow_mut() = Some((*folder).clone());
        }
    }

    /// Writes the own file when its content changed, holding the browser's lock (another tab
    /// writing now: it writes); a failure is said (the schedule tries again later). Without a
    /// name nothing is written, and the section says why.
    async fn write(self: &Rc<Self>, app: FolderSyncing) -> Written {
        let Some(folder) = self.folder.borrow().clone() else { return Written::Skipped };
        if app.name().is_none() {
            self.shown.problem.set(Some(crate::words::folder::no_name(app.app().lang()).to_owned()));
            return Written::Skipped;
        }
        let Some(mut sync) = self.sync.borrow_mut().take() else { return Written::Failed };
        sync.me = app.me();
        let store = app.store();
        let lock = format!("shirube-folder-{}", self.id.as_str());
        let (disk, now) = (AnyFolder::Disk((*folder).clone()), files::now());
        let job = sync.write(&store, &disk, &now);
        let written = storage::holding_lock(&lock, job).await;
        *self.sync.borrow_mut() = Some(sync);
        match written {
            Some(Err(e)) => {
                self.failed(app, &e).await;
                Written::Failed
            }
            Some(Ok(_)) => {
                self.shown.problem.set(None);
                Written::Done
            }
            None => Written::Skipped,
        }
    }

    /// The session's sync, once no job holds it (a folder read by hand waits for a reading or
    /// a write under way).
    pub(super) async fn sync_free(self: &Rc<Self>) -> FolderSync {
        loop {
            if let Some(sync) = self.sync.borrow_mut().take() {
                return sync;
            }
            files::sleep(100).await;
        }
    }
}

/// A member's changes taken in lately: when, whose, and the version to go back to (undo).
#[derive(Clone, Debug, PartialEq)]
pub struct Recent {
    pub at: String,
    pub by: String,
    pub undo: Option<u64>,
}

/// What the section shows of a strategy's sync (signals the sync sets).
#[derive(Clone)]
pub struct SyncView {
    pub link: ArcRwSignal<Link>,
    pub reading: ArcRwSignal<Option<std::sync::Arc<FolderReading>>>,
    /// Why the folder could not be used (「共有フォルダに書き込めません」 …).
    pub problem: ArcRwSignal<Option<String>>,
    /// When it was last read.
    pub last: ArcRwSignal<Option<String>>,
    /// The members whose changes came in lately, newest first, with when (a poll every 45 s
    /// would otherwise replace 「…さんの変更を取り込みました」 before it is read): at most
    /// [`RECENT`] lines, for the page's life.
    pub recent: ArcRwSignal<Vec<Recent>>,
    pub busy: ArcRwSignal<bool>,
}
