//! 共有フォルダ on a strategy's 共有 page: the name asked once, 「共有フォルダにつなぐ」
//! / 「共有フォルダに再接続」 / 「今すぐ同期」, the members panel (name, last write, standing, what
//! they changed), the files refused with their reasons (`words::folder`), a member's conflict
//! as a card of its own (`folder_conflict`), a member's change to confirmed values as a card
//! (`held_back`), and where the browser has no
//! folder API, 「フォルダを読み込む」 and 「自分のファイルを書き出す」. The sync itself is
//! `ui/state/folder_sync`'s.

use crate::model::Id;
use crate::session::folder::{Conflicted, FolderReading, Member, MemberStanding};
use crate::storage;
use crate::ui::browser::files;
use crate::ui::kit::panel::TitledPanel;
use crate::ui::speech::Speaks;
use crate::ui::state::{use_folder_syncing, FolderSyncing, Link};
use crate::words::merge::MergeWords;
use leptos::prelude::*;

#[component]
pub fn FolderMembers(id: Id) -> impl IntoView {
    let app = use_folder_syncing();
    let api = storage::folder_api_available();
    let name_draft = RwSignal::new(String::new());
    let shown = app.folder_sync(&id);
    let (link, reading, problem, last, busy) = (shown.link, shown.reading, shown.problem, shown.last, shown.busy);
    let recent = shown.recent;
    let id_undo = id.clone();
    let needs_name = move || app.name().is_none();
    let id0 = StoredValue::new(id.clone());
    // The conflict opened by its member's 「競合を確認する」 (the file's name), kept across
    // readings, and what makes its card: the file and the version their file holds.
    let open = RwSignal::new(None::<String>);
    let conflict_key = {
        let reading = reading.clone();
        Memo::new(move |_| {
            let file = open.get()?;
            reading.with(|r| {
                let m =
                    r.as_ref()?.members.iter().find(|m| m.file == file && m.standing == MemberStanding::Conflicts)?;
                Some((file.clone(), m.version))
            })
        })
    };
    let id_conflict = id.clone();
    let id_held = id.clone();
    let reading_conflict = reading.clone();
    let save_name = move || {
        let n = name_draft.get_untracked().trim().to_owned();
        if !n.is_empty() {
            app.set_name(n);
            // The own file, not written without a name, follows at once.
            app.sync_now(&id0.get_value());
        }
    };
    let (id1, id2, id3, id4, id5, id6) = (id.clone(), id.clone(), id.clone(), id.clone(), id.clone(), id.clone());
    let connect = move |_| app.connect_folder(&id1);
    let reconnect = move |_| app.reconnect_folder(&id2);
    let sync_now = move |_| app.sync_now(&id3);
    let hand_read = move |ev: web_sys::Event| {
        use wasm_bindgen::JsCast;
        let Some(input) = ev.target().and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok()) else { return };
        let Some(picked) = input.files() else { return };
        app.read_folder_by_hand(&id4, (0..picked.length()).filter_map(|i| picked.get(i)).collect());
    };
    let export_own = move |_| app.export_own_file(&id5);
    let disconnect = move |_| app.disconnect_folder(&id6);
    let shown_link = link.clone();
    let status_link = link.clone();
    view! {
        <TitledPanel testid="shared-folder" class="shared-folder" title=("共有フォルダ", "Shared folder")
            lead=("庁内の共有フォルダで、担当課の人と一緒にこの戦略を編集します。各自が自分のファイルだけを書き、ほかの人のファイルを読み込んで統合します。", "Edit this strategy with the other sections through the town hall's shared folder: each person writes only their own file and reads and merges everyone else's.")>
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
            <p class="hint" data-testid="folder-my-section">{move || app.section_words()}</p>
            <div class="actions">
                {move || match shown_link.get() {
                    Link::Connected(name) => view! {
                        <span data-testid="folder-connected">{app.text("つながっているフォルダ: ", "Connected folder: ")}{name}</span>
                        " "<button type="button" class="primary" data-testid="folder-sync-now" on:click=sync_now.clone()>{app.text("今すぐ同期", "Sync now")}</button>
                        " "<button type="button" data-testid="folder-disconnect" on:click=disconnect.clone()>{app.text("接続を解除", "Disconnect")}</button>
                    }.into_any(),
                    Link::NeedsPermission(name) => view! {
                        <button type="button" class="primary" data-testid="folder-reconnect" on:click=reconnect.clone()>{app.text("共有フォルダに再接続", "Reconnect to the shared folder")}</button>
                        " "<span class="hint">{name}</span>
                        " "<button type="button" data-testid="folder-disconnect" on:click=disconnect.clone()>{app.text("接続を解除", "Disconnect")}</button>
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
            {move || matches!(link.get(), Link::Connected(_) | Link::NeedsPermission(_)).then(|| view! {
                <p class="hint">{app.text(
                    "「接続を解除」しても、フォルダのファイル（自分のファイルも）とこのブラウザの戦略はそのまま残ります。",
                    "Disconnecting leaves the folder's files (your own too) and this browser's strategy as they are.",
                )}</p>
            })}
            {move || busy.get().then(|| view! { <p class="hint" data-testid="folder-busy">{app.text("同期しています…", "Syncing…")}</p> })}
            {move || problem.get().map(|p| view! { <p class="notice error" role="alert" data-testid="folder-problem">{p}</p> })}
            {move || last.get().filter(|_| matches!(status_link.get(), Link::Connected(_))).map(|t| view! {
                <p class="hint" data-testid="folder-last">{app.text("最後に同期: ", "Last synced: ")}{t}</p>
            })}
            {move || reading.get().map(|r| view! { <ReadingView reading=r open=open/> })}
            {move || {
                // Made again only when another conflict is opened or their version changes: a
                // poll that finds the same conflict keeps the card and the choices made on it.
                let (file, _) = conflict_key.get()?;
                let c = reading_conflict.with_untracked(|r| r.as_ref()?.conflicts.iter().find(|c| c.file == file).cloned())?;
                Some(view! { <super::conflict::FolderConflict id=id_conflict.clone() conflict=c/> })
            }}
            <crate::ui::kit::held_back::HeldBackCards id=id_held/>
            {move || {
                let lines = recent.get();
                (!lines.is_empty()).then(|| view! {
                    <h3>{app.text("最近取り込んだ変更", "Changes taken in lately")}</h3>
                    <ul class="folder-recent" data-testid="folder-recent">
                        {lines.into_iter().map(|r| {
                            let line = format!("{} {}", r.at, crate::words::folder::taken(&r.by, app.lang()));
                            let id = id_undo.clone();
                            let undo = r.undo.is_some().then(|| view! {
                                " "<button type="button" class="quiet" data-testid="folder-undo-taken" on:click=move |_| app.undo_taken(&id, r.clone())>
                                    {app.text("元に戻す", "Undo")}
                                </button>
                            });
                            view! { <li data-testid="folder-recent-line">{line}{undo}</li> }
                        }).collect_view()}
                    </ul>
                })
            }}
        </TitledPanel>
    }
}

#[component]
fn ReadingView(reading: std::sync::Arc<FolderReading>, open: RwSignal<Option<String>>) -> impl IntoView {
    let app = use_folder_syncing();
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
                    {member_groups(app, &members, &conflicts, open)}
                </table>
            }.into_any()
        }}
        {(!refused.is_empty()).then(|| view! {
            <h3>{app.text("取り込めないファイル", "Files that cannot be taken in")}</h3>
            {crate::ui::strategy::folder_open::refused_files(refused, lang, "folder-refused")}
        })}
    }
}

/// The members grouped by the section their file names (the planning section, then
/// the strategy's sections in order, then the others), a heading row over each group; one
/// group without a heading while nobody names a section.
fn member_groups(
    app: FolderSyncing,
    members: &[Member],
    conflicts: &[Conflicted],
    open: RwSignal<Option<String>>,
) -> impl IntoView {
    let s = app.open_strategy().unwrap_or_else(|| {
        let period =
            crate::model::PlanPeriod { first: crate::model::FiscalYear(2025), last: crate::model::FiscalYear(2025) };
        crate::model::Strategy::blank("", "", period)
    });
    let groups = crate::session::folder::by_section(members, &s);
    let headed = groups.iter().any(|(g, _)| g.is_some());
    groups
        .into_iter()
        .map(|(group, of)| {
            let heading = headed.then(|| match &group {
                Some(crate::model::Role::Planning) => app.tr("企画課など（取りまとめ）", "Planning section").to_owned(),
                Some(role) => role.department_name(&s).unwrap_or_default().to_owned(),
                None => app.tr("所属を選んでいない人", "No section said").to_owned(),
            });
            view! {
                <tbody data-testid="folder-member-group">
                    {heading.map(|h| view! { <tr class="member-group"><th colspan="4" scope="rowgroup" data-testid="folder-member-group-name">{h}</th></tr> })}
                    {of.into_iter().map(|m| member_row(app, m.clone(), conflicts, open)).collect_view()}
                </tbody>
            }
        })
        .collect_view()
}

fn member_row(
    app: FolderSyncing,
    m: Member,
    conflicts: &[Conflicted],
    open: RwSignal<Option<String>>,
) -> impl IntoView {
    let lang = app.lang();
    let name = m.name.clone().unwrap_or_else(|| m.member.clone());
    let changes = changes_words(app, &m);
    let conflict = conflicts.iter().find(|c| c.file == m.file).map(|c| c.file.clone());
    let written = m.written_at.as_deref().map(files::local_time).unwrap_or_default();
    view! {
        <tr data-testid="folder-member">
            <td>{name}</td>
            <td>{written}</td>
            <td data-testid="folder-standing">{crate::words::folder::standing(&m.standing, lang)}</td>
            <td>{changes}
                {conflict.map(|file| view! {
                    " "<button type="button" class="primary" data-testid="folder-show-conflict"
                        on:click=move |_| open.set(Some(file.clone()))>
                        {app.text("競合を確認する", "Review the conflicts")}
                    </button>
                })}
            </td>
        </tr>
    }
}

/// What a member changed, named against the open strategy.
fn changes_words(app: FolderSyncing, m: &Member) -> String {
    let (lang, style) = (app.lang(), app.year_style());
    app.open_strategy().map_or_else(String::new, |s| MergeWords { lang, style, ours: &s, theirs: &s }.edits(&m.changes))
}
