//! 共有フォルダ (issue 46): the strategy synced through the town hall's shared folder — connect a
//! folder (`storage::DiskFolder`), reconnect after a restart (the permission asked inside the
//! click), read it when connected, when the page gets focus, every [`POLL_MS`] while the page
//! is visible and on 今すぐ同期, and write this member's own file [`WRITE_MS`] after a save
//! settles and after a merge (one writer per browser: a Web Lock), a failed write retried.
//! The members panel, the refused files with their reasons, and a member's conflicting file
//! opened as the import's merge preview. Without the folder API (Firefox, Safari, `file://`):
//! a folder's files read by hand (`<input webkitdirectory>`) through the same
//! `FolderSync::read` over a `MemoryFolder`, and one's own file downloaded under its name.
//!
//! The sync of a strategy lives as long as the page (a [`Sync`] per strategy, kept while the
//! page is open: leaving the files page does not stop it); its rules are `session::folder`'s.
//!
//! **Test hook:** `localStorage["shirube/folder-test-ms"] = "<poll ms>,<write ms>"` shortens the
//! delays (the e2e tests; read once per sync). Nothing else reads it.

use crate::model::Id;
use crate::session::folder::{Conflicted, FolderSync, Member, Reading, Refused, SyncError};
use crate::storage::{self, DiskFolder, Folder, FolderEntry, FolderError, MemoryFolder, Permission};
use crate::ui::files;
use crate::ui::speech::Speaks;
use crate::ui::state::{use_sharing, Facade, SaveState, Sharing};
use crate::words::merge::Words;
use leptos::prelude::*;
use leptos::task::spawn_local;
use std::cell::{Cell, RefCell};
use std::rc::Rc;

/// How often a visible page reads the folder (30–60 s: issue 46).
const POLL_MS: i32 = 45_000;
/// How long after a save settles (or a merge) the own file is written (10–30 s).
const WRITE_MS: i32 = 15_000;
/// How long after a failed write it is tried again.
const RETRY_MS: i32 = 30_000;
const TEST_KEY: &str = "shirube/folder-test-ms";

/// The delays, shortened by the test hook (module doc) when it is set.
fn delays() -> (i32, i32) {
    let hook = web_sys::window()
        .and_then(|w| w.local_storage().ok().flatten())
        .and_then(|s| s.get_item(TEST_KEY).ok().flatten());
    let parsed = hook.and_then(|h| {
        let (p, w) = h.split_once(',')?;
        Some((p.trim().parse().ok()?, w.trim().parse().ok()?))
    });
    parsed.unwrap_or((POLL_MS, WRITE_MS))
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
    async fn write(&self, name: &str, bytes: &[u8]) -> Result<(), FolderError> {
        match self {
            AnyFolder::Disk(f) => f.write(name, bytes).await,
            AnyFolder::Memory(f) => f.write(name, bytes).await,
        }
    }
}

/// Where the strategy stands with its folder.
#[derive(Clone, Debug, PartialEq)]
enum Link {
    /// No folder (or not looked up yet).
    None,
    /// A folder kept from an earlier visit, whose permission must be asked again in a click.
    NeedsPermission(String),
    Connected(String),
}

/// One strategy's sync with its folder, for as long as the page lives.
struct Sync {
    id: Id,
    folder: RefCell<Option<Rc<DiskFolder>>>,
    /// The session's sync; taken out while a reading or a write runs (one at a time).
    sync: RefCell<Option<FolderSync>>,
    link: ArcRwSignal<Link>,
    reading: ArcRwSignal<Option<std::sync::Arc<Reading>>>,
    problem: ArcRwSignal<Option<String>>,
    last: ArcRwSignal<Option<String>>,
    busy: ArcRwSignal<bool>,
    /// Bumped by every scheduled write: only the latest one writes.
    write_ticket: Cell<u64>,
    /// The owner of the effect that follows the saves: kept as long as the sync (the files
    /// page's own would stop it when the user goes on to edit).
    owner: RefCell<Option<Owner>>,
    delays: (i32, i32),
}

thread_local! {
    static CURRENT: RefCell<Option<Rc<Sync>>> = const { RefCell::new(None) };
    static FOCUS_SET: Cell<bool> = const { Cell::new(false) };
}

fn current(id: &Id) -> Option<Rc<Sync>> {
    CURRENT.with(|c| c.borrow().as_ref().filter(|s| s.id == *id).cloned())
}

/// The sync of strategy `id`: the page's, made (and its kept folder looked up) the first time.
fn sync_for(app: Sharing, id: &Id) -> Rc<Sync> {
    if let Some(s) = current(id) {
        return s;
    }
    let s = Rc::new(Sync {
        id: id.clone(),
        folder: RefCell::new(None),
        sync: RefCell::new(Some(FolderSync::new(app.me(), id.clone()))),
        link: ArcRwSignal::new(Link::None),
        reading: ArcRwSignal::new(None),
        problem: ArcRwSignal::new(None),
        last: ArcRwSignal::new(None),
        busy: ArcRwSignal::new(false),
        write_ticket: Cell::new(0),
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
            _ => kept.link.set(Link::NeedsPermission(folder.name())),
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
            if matches!(s.link.get_untracked(), Link::Connected(_)) {
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
        let first = self.folder.replace(Some(Rc::new(folder))).is_none();
        self.link.set(Link::Connected(name));
        self.read(app).await;
        if first {
            self.poll(app);
            self.follow_saves(app);
        }
    }

    fn poll(self: &Rc<Self>, app: Sharing) {
        let s = self.clone();
        spawn_local(async move {
            loop {
                files::sleep(s.delays.0).await;
                if !s.is_current() {
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
        self.busy.set(true);
        app.before_reading().await;
        sync.me = app.me();
        let store = app.store();
        let read = sync.read(&store, &AnyFolder::Disk((*folder).clone()), &files::now()).await;
        *self.sync.borrow_mut() = Some(sync);
        self.busy.set(false);
        self.took(app, read).await;
    }

    /// Shows a reading; one that stored makes the open strategy follow, and the own file is
    /// written after a while.
    async fn took(self: &Rc<Self>, app: Sharing, read: Result<Reading, SyncError>) {
        match read {
            Ok(reading) => {
                self.last.set(Some(files::local_time(&files::now())));
                self.problem.set(None);
                let stored = reading.stored;
                self.reading.set(Some(std::sync::Arc::new(reading)));
                if stored {
                    app.after_stored().await;
                }
                // The first reading, and every one that stored: the own file follows.
                self.write_later(app, if stored { self.delays.1 } else { 0 });
            }
            Err(e) => self.problem.set(Some(crate::words::folder::sync_error(&e, app.lang()))),
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
                self.problem.set(Some(crate::words::folder::sync_error(&e, app.lang())));
                self.write_later(app, RETRY_MS.min(self.delays.1.max(1_000) * 2));
            }
            Some(Ok(_)) => self.problem.set(None),
            None => {}
        }
    }
}

#[component]
pub fn SharedFolder(id: Id) -> impl IntoView {
    let app = use_sharing();
    let api = storage::folder_api_available();
    let s = sync_for(app, &id);
    let name_draft = RwSignal::new(String::new());
    let (link, reading, problem, last, busy) =
        (s.link.clone(), s.reading.clone(), s.problem.clone(), s.last.clone(), s.busy.clone());
    let needs_name = move || app.name().is_none();
    let save_name = move || {
        let n = name_draft.get_untracked().trim().to_owned();
        if !n.is_empty() {
            app.set_name(n);
        }
    };
    let connect = {
        let id = id.clone();
        move |_| {
            let Some(s) = current(&id) else { return };
            spawn_local(async move {
                match DiskFolder::pick().await {
                    Ok(Some(folder)) => s.connect(app, folder).await,
                    Ok(None) => {}
                    Err(e) => s.problem.set(Some(crate::words::folder::sync_error(&SyncError::Folder(e), app.lang()))),
                }
            });
        }
    };
    let reconnect = {
        let id = id.clone();
        move |_| {
            let Some(s) = current(&id) else { return };
            // The permission is asked inside the click: the request starts before any await.
            spawn_local(async move {
                let Some(folder) = storage::kept_folder(s.id.as_str()).await else { return };
                if folder.permission(true).await == Permission::Granted {
                    s.connect(app, folder).await;
                }
            });
        }
    };
    let sync_now = {
        let id = id.clone();
        move |_| {
            let Some(s) = current(&id) else { return };
            spawn_local(async move { s.read(app).await });
        }
    };
    let hand_read = {
        let id = id.clone();
        move |ev: web_sys::Event| {
            use wasm_bindgen::JsCast;
            let Some(input) = ev.target().and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok()) else { return };
            let Some(picked) = input.files() else { return };
            let list: Vec<web_sys::File> = (0..picked.length()).filter_map(|i| picked.get(i)).collect();
            let Some(s) = current(&id) else { return };
            spawn_local(async move {
                let memory = MemoryFolder::new();
                for f in list {
                    if let Ok(bytes) = files::read_bytes(&f).await {
                        memory.put(&f.name(), bytes);
                    }
                }
                let Some(mut sync) = s.sync.borrow_mut().take() else { return };
                app.before_reading().await;
                sync.me = app.me();
                let read = sync.read(&app.store(), &AnyFolder::Memory(memory), &files::now()).await;
                *s.sync.borrow_mut() = Some(sync);
                if let Ok(r) = &read {
                    if r.stored {
                        app.after_stored().await;
                    }
                }
                match read {
                    Ok(r) => s.reading.set(Some(std::sync::Arc::new(r))),
                    Err(e) => s.problem.set(Some(crate::words::folder::sync_error(&e, app.lang()))),
                }
            });
        }
    };
    let export_own = {
        let id = id.clone();
        move |_| {
            let id = id.clone();
            spawn_local(async move {
                let memory = MemoryFolder::new();
                let mut sync = FolderSync::new(app.me(), id.clone());
                let name = sync.own_file();
                let written = sync.write(&app.store(), &memory, &files::now()).await;
                let text = memory.get(&name).and_then(|b| String::from_utf8(b).ok());
                match (written, text) {
                    (Ok(_), Some(text)) => app.downloads().save(name, "application/json", &text),
                    (Err(e), _) => app.downloads().said(Err(crate::words::folder::sync_error(&e, app.lang())), name),
                    _ => {}
                }
            });
        }
    };
    let shown_link = link.clone();
    let status_link = link.clone();
    view! {
        <section class="panel shared-folder" data-testid="shared-folder" aria-labelledby="shared-folder-title">
            <h2 id="shared-folder-title">{app.text("共有フォルダ", "Shared folder")}</h2>
            <p class="lead">{app.text(
                "庁内の共有フォルダで、担当課の人と一緒にこの戦略を編集します。各自が自分のファイルだけを書き、ほかの人のファイルを読み込んで統合します。",
                "Edit this strategy with the other sections through the town hall's shared folder: each person writes only their own file and reads and merges everyone else's.",
            )}</p>
            {move || needs_name().then(|| view! {
                <form class="folder-name" data-testid="folder-name-form" on:submit=move |ev| { ev.prevent_default(); save_name(); }>
                    <label>{app.text("あなたの名前（ほかの人の画面と履歴に表示されます）", "Your name (shown to the others and in the history)")}" "
                        <input type="text" data-testid="folder-name" prop:value=move || name_draft.get()
                            on:change=move |ev| name_draft.set(event_target_value(&ev))/>
                    </label>
                    " "<button type="submit" data-testid="folder-name-save">{app.text("名前を保存", "Save the name")}</button>
                </form>
            })}
            {move || app.name().map(|n| view! { <p class="hint" data-testid="folder-me">{app.text("あなたの名前: ", "Your name: ")}{n}</p> })}
            <div class="actions">
                {move || match shown_link.get() {
                    Link::Connected(name) => view! {
                        <span data-testid="folder-connected">{app.text("つながっているフォルダ: ", "Connected folder: ")}{name}</span>
                        " "<button type="button" class="primary" data-testid="folder-sync-now" on:click=sync_now.clone()>{app.text("今すぐ同期", "Sync now")}</button>
                    }.into_any(),
                    Link::NeedsPermission(name) => view! {
                        <button type="button" class="primary" data-testid="folder-reconnect" on:click=reconnect.clone()>{app.text("共有フォルダに再接続", "Reconnect to the shared folder")}</button>
                        " "<span class="hint">{name}</span>
                    }.into_any(),
                    Link::None if api => view! {
                        <button type="button" class="primary" data-testid="folder-connect" on:click=connect.clone()>{app.text("共有フォルダにつなぐ", "Connect a shared folder")}</button>
                    }.into_any(),
                    Link::None => view! {
                        <p class="hint">{app.text(
                            "このブラウザは共有フォルダに直接つなげません（Chrome か Edge で https から開くとつなげます）。フォルダのファイルを読み込んで統合し、自分のファイルを書き出してフォルダに置いてください。",
                            "This browser cannot connect to a folder (Chrome or Edge over https can). Read the folder's files to merge them, and save your own file into the folder.",
                        )}</p>
                        <label class="button">{app.text("フォルダを読み込む", "Read a folder")}
                            <input type="file" class="visually-hidden" data-testid="folder-read-by-hand" prop:webkitdirectory=true multiple=true on:change=hand_read.clone()/>
                        </label>
                        " "<button type="button" data-testid="folder-export-own" on:click=export_own.clone()>{app.text("自分のファイルを書き出す", "Save my own file")}</button>
                    }.into_any(),
                }}
            </div>
            {move || busy.get().then(|| view! { <p class="hint" data-testid="folder-busy">{app.text("同期しています…", "Syncing…")}</p> })}
            {move || problem.get().map(|p| view! { <p class="notice error" role="alert" data-testid="folder-problem">{p}</p> })}
            {move || last.get().filter(|_| matches!(status_link.get(), Link::Connected(_))).map(|t| view! {
                <p class="hint" data-testid="folder-last">{app.text("最後に同期: ", "Last synced: ")}{t}</p>
            })}
            {move || reading.get().map(|r| view! { <ReadingView reading=r/> })}
        </section>
    }
}

#[component]
fn ReadingView(reading: std::sync::Arc<Reading>) -> impl IntoView {
    let app = use_sharing();
    let lang = app.lang();
    let said = crate::words::folder::reading(&reading, lang);
    let members = reading.members.clone();
    let refused = reading.refused.clone();
    let conflicts = reading.conflicts.clone();
    view! {
        <ul class="folder-said" data-testid="folder-said">{said.into_iter().map(|l| view! { <li>{l}</li> }).collect_view()}</ul>
        <h3>{app.text("メンバー", "Members")}</h3>
        {if members.is_empty() {
            view! { <p class="hint" data-testid="folder-no-members">{app.text("フォルダにはまだほかの人のファイルがありません。", "No one else's file is in the folder yet.")}</p> }.into_any()
        } else {
            view! {
                <table class="folder-members" data-testid="folder-members">
                    <thead><tr>
                        <th>{app.text("名前", "Name")}</th>
                        <th>{app.text("最後の書き込み", "Last written")}</th>
                        <th>{app.text("状態", "Standing")}</th>
                        <th>{app.text("変更した内容", "What they changed")}</th>
                    </tr></thead>
                    <tbody>{members.into_iter().map(|m| member_row(app, m, &conflicts)).collect_view()}</tbody>
                </table>
            }.into_any()
        }}
        {(!refused.is_empty()).then(|| view! {
            <h3>{app.text("取り込めないファイル", "Files that cannot be taken in")}</h3>
            <ul class="folder-refused" data-testid="folder-refused">
                {refused.into_iter().map(|r: Refused| view! {
                    <li data-testid="folder-refused-file">
                        <code>{r.file.clone()}</code>
                        <ul>{crate::words::folder::refusal(&r.reason, lang).into_iter().map(|l| view! { <li>{l}</li> }).collect_view()}</ul>
                    </li>
                }).collect_view()}
            </ul>
        })}
    }
}

fn member_row(app: Sharing, m: Member, conflicts: &[Conflicted]) -> impl IntoView {
    let lang = app.lang();
    let name = if m.name.is_empty() { m.member.clone() } else { m.name.clone() };
    let changes = changes_words(app, &m);
    let conflict = conflicts.iter().find(|c| c.file == m.file).cloned();
    let written = if m.written_at.is_empty() { String::new() } else { files::local_time(&m.written_at) };
    view! {
        <tr data-testid="folder-member">
            <td>{name}</td>
            <td>{written}</td>
            <td data-testid="folder-standing">{crate::words::folder::standing(&m.standing, lang)}</td>
            <td>{changes}
                {conflict.map(|c| view! {
                    " "<button type="button" class="primary" data-testid="folder-show-conflict"
                        on:click=move |_| { let c = c.clone(); spawn_local(async move { app.show_conflict(&c).await }); }>
                        {app.text("競合を確認する", "Review the conflicts")}
                    </button>
                })}
            </td>
        </tr>
    }
}

/// What a member changed, named against the open strategy.
fn changes_words(app: Sharing, m: &Member) -> String {
    let (lang, style) = (app.lang(), app.year_style());
    app.open_strategy().map_or_else(String::new, |s| Words { lang, style, ours: &s, theirs: &s }.edits(&m.changes))
}

/// 「共有フォルダから開く」 on the strategy list: a folder picked, and every strategy it holds
/// members' files of that this browser does not hold is stored whole (`folder::take_whole`,
/// with its lineage), the folder kept for each; the first one's files page opens, where its
/// sync starts. Returns what to say when nothing could be opened.
pub async fn open_from_folder(app: Sharing) -> Option<String> {
    let lang = app.lang();
    let folder = match DiskFolder::pick().await {
        Ok(Some(f)) => f,
        Ok(None) => return None,
        Err(e) => return Some(crate::words::folder::sync_error(&SyncError::Folder(e), lang)),
    };
    let found = match crate::session::folder::strategies_in(&folder).await {
        Ok((found, _)) => found,
        Err(e) => return Some(crate::words::folder::sync_error(&e, lang)),
    };
    let store = app.store();
    let mut first = None;
    for s in found {
        let here = store.has(&s.id).await.unwrap_or(true);
        if !here {
            match crate::session::folder::take_whole(&store, &folder, &s.id, &files::now()).await {
                Ok(Some(_)) => {}
                Ok(None) => continue,
                Err(e) => return Some(crate::words::folder::sync_error(&e, lang)),
            }
        }
        storage::keep_folder(s.id.as_str(), &folder).await;
        first.get_or_insert(s.id);
    }
    match first {
        Some(id) => {
            app.taken_whole(id).await;
            None
        }
        None => Some(
            crate::locale::tr(
                lang,
                "このフォルダには、読み込める戦略のファイルがありません。",
                "This folder holds no strategy file that can be read.",
            )
            .to_owned(),
        ),
    }
}
