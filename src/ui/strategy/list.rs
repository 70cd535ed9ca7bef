//! The strategy list: every strategy in this browser, with open, rename, duplicate, export and
//! delete; creating one (`create_form`); the example strategies; importing a file; how full
//! storage is; backups to restore and stored data that could not be read (`kept`); the regions
//! (`region`). What is shown only sometimes comes as a part of its own (`parts::lazy_part`).

use crate::examples::EXAMPLES;
use crate::locale::{self, tr};
use crate::model::Id;
use crate::session::route::Route;
use crate::ui::region::RegionList;
use crate::ui::speech::Speaks;
use crate::ui::state::{use_importing, use_library, use_navigation};
use crate::ui::strategy::storage_usage::StorageUsage;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

#[component]
pub fn StrategyList() -> impl IntoView {
    let state = use_library();
    let importing = use_importing();
    let nav = use_navigation();
    let creating = RwSignal::new(false);
    // 「共有フォルダから開く」: only where the browser can keep a folder; its code is
    // the files part's, fetched with the click.
    let folder_api = crate::storage::folder_api_available();
    let folder_said = RwSignal::new(0_u32); // bumped by an opening with something to show; 0: none
    let syncing = crate::ui::state::use_folder_syncing();
    let open_from_folder = move |_| {
        leptos::task::spawn_local(async move {
            let show = super::list_parts::open_from_folder(syncing).await.unwrap_or(false);
            folder_said.update(|n| *n = if show { *n + 1 } else { 0 });
        });
    };
    let has_kept = Memo::new(move |_| state.backups.with(|b| !b.is_empty()) || state.garbage.with(|g| !g.is_empty()));
    let renaming: RwSignal<Option<Id>> = RwSignal::new(None);

    // An example is fetched and read first (a moment): its button waits, and a second click
    // does not open it twice.
    let opening_example = RwSignal::new(None::<&'static str>);
    let open_example = move |key: &'static str| {
        let Some(example) = crate::examples::by_key(key) else { return };
        if opening_example.get_untracked().is_some() {
            return;
        }
        opening_example.set(Some(key));
        leptos::task::spawn_local(async move {
            state.open_example(example).await;
            // The list may be gone by now (the example opened): then there is nothing to reset.
            opening_example.try_set(None);
        });
    };

    // A picked file goes to the import preview (a strategy file or a backup of everything);
    // the input is cleared so that picking the same file again reads it again.
    let on_file = move |ev: leptos::ev::Event| {
        let Some(input) = ev.target().and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok()) else { return };
        let Some(file) = input.files().and_then(|f| f.get(0)) else { return };
        input.set_value("");
        importing.take_file(file);
    };

    let row = move |s: crate::storage::StrategySummary| {
        let id = s.id.clone();
        let lang = state.lang();
        let style = state.year_style();
        let period = locale::period(crate::model::PlanPeriod { first: s.first_year, last: s.last_year }, lang, style);
        let counts = crate::words::import::counts(s.counts, lang);
        let is_renaming = {
            let id = id.clone();
            move || renaming.get().as_ref() == Some(&id)
        };
        let title_input = NodeRef::<leptos::html::Input>::new();
        let (id_open, id_rename, id_commit, id_dup, id_exp, id_del) =
            (id.clone(), id.clone(), id.clone(), id.clone(), id.clone(), id.clone());
        let title = s.title.clone();
        view! {
            <li class="strategy-row" data-testid="strategy-row" data-id=id.to_string()>
                <div class="strategy-main">
                    <Show when=is_renaming.clone() fallback={
                        let title = title.clone();
                        let href = Route::Strategy(id.clone()).hash();
                        move || view! { <a class="strategy-title" href=href.clone()>{title.clone()}</a> }
                    }>
                        <form class="rename" on:submit={ let id_commit = id_commit.clone(); move |ev: leptos::ev::SubmitEvent| {
                            ev.prevent_default();
                            if let Some(input) = title_input.get() {
                                let value = input.value().trim().to_owned();
                                if !value.is_empty() { state.rename(&id_commit, value); }
                            }
                            renaming.set(None);
                        }}>
                            <label class="visually-hidden" for="rename-input">{tr(lang, "新しい名前", "New name")}</label>
                            <input id="rename-input" type="text" node_ref=title_input prop:value=title.clone() data-testid="rename-input"
                                on:keydown=move |ev| if ev.key() == "Escape" { renaming.set(None) } />
                            <button type="submit" class="primary">{tr(lang, "決定", "Save")}</button>
                        </form>
                    </Show>
                    <span class="meta"><bdi>{s.municipality.clone()}</bdi>" ・ "{period}</span>
                    <span class="meta">{counts}</span>
                </div>
                <div class="row-actions">
                    <button type="button" on:click=move |_| nav.navigate(Route::Strategy(id_open.clone()))>{tr(lang, "開く", "Open")}</button>
                    <button type="button" on:click=move |_| renaming.set(Some(id_rename.clone()))>{tr(lang, "名前を変更", "Rename")}</button>
                    <button type="button" on:click=move |_| state.duplicate(&id_dup)>{tr(lang, "複製", "Duplicate")}</button>
                    <button type="button" on:click=move |_| state.export_stored(&id_exp)>{tr(lang, "書き出す", "Export")}</button>
                    <button type="button" class="danger" on:click=move |_| state.delete(&id_del)>{tr(lang, "削除", "Delete")}</button>
                </div>
            </li>
        }
    };

    view! {
        // What Shirube is for and what to do first, in two lines, before anything else.
        <section class="panel welcome" data-testid="welcome">
            <p class="welcome-what">{state.text(
                "しるべは、まち・ひと・しごと創生総合戦略の目標・施策・事業と KPI（数値目標）をまとめ、毎年の実績を入れて進み具合をグラフと表で確かめるための道具です。",
                "Shirube holds a town's revitalisation strategy — goals, measures, projects and KPIs — and shows from each year's actuals how far it has come, in charts and tables.")}</p>
            <p class="welcome-first">{state.text(
                "はじめに「新しい戦略をつくる」で国の枠組みから始めるか、下の「例を開く」で実際の町の例を見てください。",
                "Start with “New strategy” on the national framework, or look at a real town's example under “Open an example”.")}</p>
        </section>
        <section class="panel">
            <h1>{state.text("総合戦略の一覧", "Strategies")}</h1>
            <p class="lead">{state.text(
                "このブラウザに保存されている総合戦略です。データはこのパソコンの中だけに保存され、どこにも送信されません。",
                "The strategies stored in this browser. Data stays on this computer and is never sent anywhere.")}</p>
            <div class="actions">
                <button type="button" class="primary" data-testid="new-strategy" on:click=move |_| creating.set(true)>{state.text("新しい戦略をつくる", "New strategy")}</button>
                <input id="import-file" class="visually-hidden" type="file" accept=".json,application/json" data-testid="import-file" on:change=on_file/>
                <label class="button" for="import-file">{state.text("ファイルから取り込む（JSON）", "Import a file (JSON)")}</label>
                {folder_api.then(|| view! {
                    <button type="button" data-testid="folder-open" on:click=open_from_folder>{state.text("共有フォルダから開く", "Open from a shared folder")}</button>
                })}
            </div>
            {move || (folder_said.get() > 0).then(|| crate::ui::kit::lazy::lazy_part(super::list_parts::folder_opening))}
            <p class="meta">{state.text(
                "ファイルはこの画面にドロップしても取り込めます。取り込む前に内容を確認できます。",
                "You can also drop a file on this page. You see what it holds before anything is imported.")}</p>
            {move || creating.get().then(|| {
                let done = Callback::new(move |_| creating.set(false));
                crate::ui::kit::lazy::lazy_part(move || super::list_parts::create_form(done))
            })}
            <Show when=move || state.summaries.with(|l| l.is_empty())>
                <p class="empty" data-testid="empty-list">{state.text("まだ戦略がありません。新しくつくるか、下の例を開いてください。", "No strategy yet. Create one, or open an example below.")}</p>
            </Show>
            <ul class="strategy-list" data-testid="strategy-list">
                {move || state.summaries.get().into_iter().map(row).collect_view()}
            </ul>
        </section>
        <RegionList/>
        <section class="panel">
            <h2>{state.text("例を開く", "Open an example")}</h2>
            <p class="lead">{state.text("実際の自治体の公開資料から写した例と、目標の種類を示す架空の例です。", "Transcribed from real municipal documents, and one made up to show each kind of target.")}</p>
            <div class="actions">
                {EXAMPLES.iter().map(|e| {
                    let key = e.key;
                    view! {
                        <button type="button" data-testid=format!("example-{key}") on:click=move |_| open_example(key)
                            disabled=move || opening_example.get().is_some() aria-busy=move || (opening_example.get() == Some(key)).then_some("true")>
                            {move || match (state.lang(), key) {
                                (crate::locale::Language::Ja, "kitamoto") => "北本市 第2期総合戦略（数値目標）",
                                (crate::locale::Language::Ja, "made-up") => "架空の例（目標の種類）",
                                (crate::locale::Language::Ja, _) => "北斗市 第2期総合戦略（骨子案・事務事業評価）",
                                (crate::locale::Language::En, "kitamoto") => "Kitamoto City, 2nd-period strategy (targets)",
                                (crate::locale::Language::En, "made-up") => "Made-up example (kinds of target)",
                                (crate::locale::Language::En, _) => "Hokuto City, 2nd-period strategy (outline, evaluations)",
                            }}
                        </button>
                    }
                }).collect_view()}
            </div>
        </section>
        <section class="panel" data-testid="everything">
            <h2>{state.text("すべてのデータのバックアップ", "Back up everything")}</h2>
            <p class="lead">{state.text(
                "このブラウザにある戦略とバックアップを、まとめて 1 つのファイルに保存します。別のパソコンやブラウザでそのファイルから復元できます（同じ戦略が違う内容であるときは、置き換えるかどうかを確認します）。",
                "Saves every strategy and backup in this browser to one file. Restore it in another browser or computer (where the same strategy differs, you are asked before it is replaced).")}</p>
            <div class="actions">
                <button type="button" data-testid="export-everything" on:click=move |_| state.export_everything()>
                    {state.text("すべてをファイルに保存", "Save everything to a file")}
                </button>
                <input id="restore-file" class="visually-hidden" type="file" accept=".json,application/json" data-testid="restore-file" on:change=on_file/>
                <label class="button" for="restore-file">{state.text("バックアップファイルから復元", "Restore from a backup file")}</label>
            </div>
        </section>
        <StorageUsage/>
        // Backups and stored data that could not be read, when there are any: a part of their own.
        {move || has_kept.get().then(|| crate::ui::kit::lazy::lazy_part(super::list_parts::kept_data))}
    }
}
