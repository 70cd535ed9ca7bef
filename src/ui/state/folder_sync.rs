//! The shared folder's sync as the page runs it: one [`Sync`] per strategy, kept
//! for the page's life (leaving the files page does not stop it) — the folder kept from an
//! earlier visit looked up, connect and reconnect (the permission asked in the click), reading
//! when connected, on the page's focus, every [`POLL_MS`] while the page is visible and on
//! 今すぐ同期 (a waiting change stored first; a reading that stored followed by the open
//! strategy: `Sharing::after_stored`), this member's own file written [`WRITE_MS`] after a save
//! settles and after a merge (under a Web Lock: one writer per browser), a failed write tried
//! again after [`RETRY_MS`]. Without the folder API: a folder's files read by hand through the
//! same `FolderSync::read` over a `MemoryFolder`, and the own file downloaded under its name.
//! How a sync starts away from the files page (「共有フォルダから開く」, on a connected strategy's
//! other pages) is `folder_start`'s. 「接続を解除」 forgets the folder (its files stay). The rules are `session::folder`'s, the folder `storage`'s;
//! `ui/files_page/shared_folder` shows it.
//!
//! **Test hook:** `localStorage["shirube-test/folder-ms"] = "<poll ms>,<write ms>"` shortens the
//! delays (the e2e tests; read by `storage::folder_test_delays` once per sync). Nothing else
//! reads it; without it the delays are the constants below.

use super::{Facade, SaveState, Sharing};
use crate::model::Id;
use crate::session::folder::{FolderSync, Reading, SyncError};
use crate::storage::{self, DiskFolder, Folder, FolderEntry, FolderError, MemoryFolder, Permission};
use crate::ui::files;
use leptos::prelude::*;
use leptos::task::spawn_local;
use std::cell::{Cell, RefCell};
use std::rc::Rc;

/// How often a visible page reads the folder (between 30 and 60 s).
const POLL_MS: i32 = 45_000;
/// How long after a save settles (or a merge) the own file is written (10–30 s).
const WRITE_MS: i32 = 15_000;
/// How long after a failed write it is tried again.
const RETRY_MS: i32 = 30_000;
/// How many of the changes taken in lately the section lists.
const RECENT: usize = 10;

/// The delays, shortened by the test hook (module doc) when it is set.
fn delays() -> (i32, i32) {
    storage::folder_test_delays().unwrap_or((POLL_MS, WRITE_MS))
}

/// The folder a sync reads: the one on disk, or a folder's files read by hand.
enum AnyFolder {
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
pub struct Sync {
    id: Id,
    folder: RefCell<Option<Rc<DiskFolder>>>,
    /// The session's sync; taken out while a reading or a write runs (one at a time).
    sync: RefCell<Option<FolderSync>>,
    /// A folder kept from an earlier visit, waiting for its permission (reconnect).
    waiting: RefCell<Option<DiskFolder>>,
    shown: SyncView,
    /// Bumped by every scheduled write: only the latest one writes.
    write_ticket: Cell<u64>,
    /// Bumped by every connection and disconnection: a poll loop of an earlier one stops.
    epoch: Cell<u64>,
    /// The owner of the effect that follows the saves: kept as long as the sync (the files
    /// page's own would stop it when the user goes on to edit).
    owner: RefCell<Option<Owner>>,
    delays: (i32, i32),
}

thread_local! {
    static CURRENT: RefCell<Option<Rc<Sync>>> = const { RefCell::new(None) };
    static FOCUS_SET: Cell<bool> = const { Cell::new(false) };
}

pub(super) fn current(id: &Id) -> Option<Rc<Sync>> {
    CURRENT.with(|c| c.borrow().as_ref().filter(|s| s.id == *id).cloned())
}

/// The sync of strategy `id`: the page's, made (and its kept folder looked up) the first time;
/// `announce`: a kept folder that needs its permission again is said in a notice (a page other
/// than the files page, which shows its own button).
pub(super) fn sync_for(app: Sharing, id: &Id, announce: bool) -> Rc<Sync> {
    if let Some(s) = current(id) {
        return s;
    }
    let s = Rc::new(Sync {
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
        write_ticket: Cell::new(0),
        epoch: Cell::new(0),
        owner: RefCell::new(None),
        delays: delays(),
    });
    CURRENT.with(|c| *c.borrow_mut() = Some(s.clone()));
    listen_for_focus(app);
    let kept = s.clone();
    spawn_local(async move {
        if !storage::folder_api_available() {
            return;
        }
        let Some(folder) = storage::kept_folder(kept.id.as_str()).await else { return };
        match folder.permission(false).await {
            Permission::Granted => kept.connect(app, folder).await,
            _ => {
                let name = folder.name();
                kept.shown.link.set(Link::NeedsPermission(name.clone()));
                *kept.waiting.borrow_mut() = Some(folder);
                if announce {
                    app.say(crate::session::Notice::FolderNeedsPermission { folder: name });
                }
            }
        }
    });
    s
}

/// The page's focus reads the folder of the sync under way.
fn listen_for_focus(app: Sharing) {
    if FOCUS_SET.get() {
        return;
    }
    FOCUS_SET.set(true);
    let on_focus = wasm_bindgen::closure::Closure::<dyn Fn()>::new(move || {
        if let Some(s) = CURRENT.with(|c| c.borrow().clone()) {
            if matches!(s.shown.link.get_untracked(), Link::Connected(_)) {
                spawn_local(async move { s.read(app).await });
            }
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

impl Sync {
    fn is_current(self: &Rc<Self>) -> bool {
        CURRENT.with(|c| c.borrow().as_ref().is_some_and(|s| Rc::ptr_eq(s, self)))
    }

    /// Uses `folder` from now on: kept for the next visit, read at once, then polled.
    async fn connect(self: &Rc<Self>, app: Sharing, folder: DiskFolder) {
        let name = folder.name();
        storage::keep_folder(self.id.as_str(), &folder).await;
        app.remember_folder(&self.id, true);
        app.clear_folder_notice();
        let first = self.folder.replace(Some(Rc::new(folder))).is_none();
        self.shown.link.set(Link::Connected(name));
        if first {
            self.epoch.set(self.epoch.get() + 1);
        }
        self.read(app).await;
        if first {
            self.poll(app);
            self.follow_saves(app);
        }
    }

    /// Stops using the folder and forgets it (its files, the own one too, stay where they are).
    async fn disconnect(self: &Rc<Self>, app: Sharing) {
        self.epoch.set(self.epoch.get() + 1);
        self.write_ticket.set(self.write_ticket.get() + 1);
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
        app.remember_folder(&self.id, false);
        app.clear_folder_notice();
    }

    fn poll(self: &Rc<Self>, app: Sharing) {
        let s = self.clone();
        let epoch = s.epoch.get();
        spawn_local(async move {
            loop {
                files::sleep(s.delays.0).await;
                if !s.is_current() || s.epoch.get() != epoch {
                    return;
                }
                if visible() {
                    s.read(app).await;
                }
            }
        });
    }

    /// A save that settles schedules a write.
    fn follow_saves(self: &Rc<Self>, app: Sharing) {
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
                    s.write_later(app, s.delays.1);
                }
            });
        });
        *self.owner.borrow_mut() = Some(owner);
    }

    fn write_later(self: &Rc<Self>, app: Sharing, ms: i32) {
        let ticket = self.write_ticket.get() + 1;
        self.write_ticket.set(ticket);
        let s = self.clone();
        spawn_local(async move {
            files::sleep(ms).await;
            if s.write_ticket.get() == ticket && s.is_current() {
                s.write(app).await;
            }
        });
    }

    /// Reads the folder (a waiting change stored first) and shows what it found.
    async fn read(self: &Rc<Self>, app: Sharing) {
        let Some(folder) = self.folder.borrow().clone() else { return };
        let Some(mut sync) = self.sync.borrow_mut().take() else { return };
        self.shown.busy.set(true);
        app.before_reading().await;
        sync.me = app.me();
        let store = app.store();
        // Timed as "shirube:folder-read" (the benchmark's sync of ten members' files; its
        // ":thread" measure is the time it held the page's thread).
        let disk = AnyFolder::Disk((*folder).clone());
        let now = files::now();
        let reading = sync.read_timed(&store, &disk, &now, &files::PerformanceMarks);
        let read = files::timed_async("shirube:folder-read", reading).await;
        *self.sync.borrow_mut() = Some(sync);
        self.took(app, read).await;
        self.shown.busy.set(false);
    }

    /// Shows a reading; one that stored makes the open strategy follow, and the own file is
    /// written after a while.
    async fn took(self: &Rc<Self>, app: Sharing, read: Result<Reading, SyncError>) {
        match read {
            Ok(reading) => {
                let at = files::local_time(&files::now());
                self.shown.last.set(Some(at.clone()));
                self.shown.problem.set(None);
                let stored = reading.stored;
                if !reading.taken.is_empty() {
                    self.shown.recent.update(|r| {
                        for t in &reading.taken {
                            r.insert(0, Recent { at: at.clone(), by: t.by.clone(), undo: t.undo });
                        }
                        r.truncate(RECENT);
                    });
                }
                self.shown.reading.set(Some(std::sync::Arc::new(reading)));
                if stored {
                    app.after_stored().await;
                }
                // The first reading, and every one that stored: the own file follows.
                self.write_later(app, if stored { self.delays.1 } else { 0 });
            }
            Err(e) => self.shown.problem.set(Some(crate::words::folder::sync_error(&e, app.app().lang()))),
        }
    }

    /// Writes the own file when its content changed, holding the browser's lock (another tab
    /// writing now: it writes); a failure is said and tried again later.
    async fn write(self: &Rc<Self>, app: Sharing) {
        let Some(folder) = self.folder.borrow().clone() else { return };
        if app.name().is_none() {
            return;
        }
        let Some(mut sync) = self.sync.borrow_mut().take() else {
            self.write_later(app, 1_000);
            return;
        };
        sync.me = app.me();
        let store = app.store();
        let lock = format!("shirube-folder-{}", self.id.as_str());
        let (disk, now) = (AnyFolder::Disk((*folder).clone()), files::now());
        let job = sync.write(&store, &disk, &now);
        let written = storage::holding_lock(&lock, job).await;
        *self.sync.borrow_mut() = Some(sync);
        match written {
            Some(Err(e)) => {
                self.shown.problem.set(Some(crate::words::folder::sync_error(&e, app.app().lang())));
                self.write_later(app, RETRY_MS.min(self.delays.1.max(1_000) * 2));
            }
            Some(Ok(_)) => self.shown.problem.set(None),
            None => {}
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
    pub reading: ArcRwSignal<Option<std::sync::Arc<Reading>>>,
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

impl Sharing {
    /// The sync of strategy `id` (started the first time: its kept folder looked up), as shown.
    pub fn folder_sync(&self, id: &Id) -> SyncView {
        sync_for(*self, id, false).shown.clone()
    }

    /// 「接続を解除」: the folder no longer read or written, and forgotten.
    pub fn disconnect_folder(&self, id: &Id) {
        let (app, Some(s)) = (*self, current(id)) else { return };
        spawn_local(async move { s.disconnect(app).await });
    }

    /// 「共有フォルダにつなぐ」: the picker, then the folder used.
    pub fn connect_folder(&self, id: &Id) {
        let (app, Some(s)) = (*self, current(id)) else { return };
        spawn_local(async move {
            match DiskFolder::pick().await {
                Ok(Some(folder)) => s.connect(app, folder).await,
                Ok(None) => {}
                Err(e) => {
                    s.shown.problem.set(Some(crate::words::folder::sync_error(&SyncError::Folder(e), app.app().lang())))
                }
            }
        });
    }

    /// 「共有フォルダに再接続」: the permission asked at once, inside the click.
    pub fn reconnect_folder(&self, id: &Id) {
        let (app, Some(s)) = (*self, current(id)) else { return };
        let Some(folder) = s.waiting.borrow_mut().take() else { return };
        spawn_local(async move {
            match folder.permission(true).await {
                Permission::Granted => s.connect(app, folder).await,
                _ => *s.waiting.borrow_mut() = Some(folder),
            }
        });
    }

    /// 「元に戻す」 on a change taken in lately: the version before it comes back, as a new
    /// version on top of the head — it reaches every member, the one whose change it takes back
    /// too.
    pub fn undo_taken(&self, id: &Id, recent: Recent) {
        let (app, Some(s), Some(seq)) = (*self, current(id), recent.undo) else { return };
        let id = id.clone();
        spawn_local(async move {
            app.before_reading().await;
            match crate::session::folder::undo(&app.store(), &id, seq, &files::now()).await {
                Ok(_) => {
                    s.shown.recent.update(|r| r.retain(|x| *x != recent));
                    app.after_stored().await;
                    s.write_later(app, s.delays.1);
                }
                Err(e) => s.shown.problem.set(Some(crate::words::storage_error(&e, app.app().lang()))),
            }
        });
    }

    /// 今すぐ同期.
    pub fn sync_now(&self, id: &Id) {
        let (app, Some(s)) = (*self, current(id)) else { return };
        spawn_local(async move { s.read(app).await });
    }

    /// 「フォルダを読み込む」: the files of a folder picked by hand, read as the folder would be.
    pub fn read_folder_by_hand(&self, id: &Id, picked: Vec<web_sys::File>) {
        let (app, Some(s)) = (*self, current(id)) else { return };
        spawn_local(async move {
            let memory = MemoryFolder::new();
            for f in picked {
                if let Ok(bytes) = files::read_bytes(&f).await {
                    memory.put(&f.name(), bytes);
                }
            }
            let Some(mut sync) = s.sync.borrow_mut().take() else { return };
            app.before_reading().await;
            sync.me = app.me();
            let read = sync.read(&app.store(), &AnyFolder::Memory(memory), &files::now()).await;
            *s.sync.borrow_mut() = Some(sync);
            s.took(app, read).await;
        });
    }

    /// 「自分のファイルを書き出す」: this member's own file, downloaded under its name.
    pub fn export_own_file(&self, id: &Id) {
        let (app, id) = (*self, id.clone());
        spawn_local(async move {
            let memory = MemoryFolder::new();
            let mut sync = FolderSync::new(app.me(), id);
            let name = sync.own_file();
            let written = sync.write(&app.store(), &memory, &files::now()).await;
            let text = memory.get(&name).and_then(|b| String::from_utf8(b).ok());
            match (written, text) {
                (Ok(_), Some(text)) => app.downloads().save(name, "application/json", &text),
                (Err(e), _) => app.downloads().said(Err(crate::words::folder::sync_error(&e, app.app().lang())), name),
                _ => {}
            }
        });
    }
}
