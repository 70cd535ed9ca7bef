//! 「ファイルを取り込む」 on a region's page: many towns' files picked at once, or files and
//! folders dropped on the page (`dropped`), read and brought in with a progress bar, then what
//! came of each file — added, already here, a different version held back, or the file's error
//! in the words the import uses; and a folder's files that were passed over.

use super::dropped;
use crate::locale::{tr, Language};
use crate::model::Id;
use crate::session::region::{FileRead, TownOutcome};
use crate::ui::browser::files;
use crate::ui::kit::panel::TitledPanel;
use crate::ui::speech::Speaks;
use crate::ui::state::{use_regions, BringInResult, PickedFiles, Regions};
use crate::words;
use leptos::prelude::*;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;

/// A result line: its kind (for the style and the tests), the file, and what to say.
struct Line {
    outcome: &'static str,
    file: String,
    said: Vec<String>,
}

#[component]
pub fn BringIn(
    /// The region files are brought into.
    id: Memo<Option<Id>>,
    /// (done, total) while files are read and brought in.
    progress: RwSignal<Option<(usize, usize)>>,
    /// What came of the last bring-in.
    result: RwSignal<Option<BringInResult>>,
) -> impl IntoView {
    let state = use_regions();
    take_drops(state, id, progress, result);
    let on_files = move |ev: leptos::ev::Event| {
        let Some(input) = ev.target().and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok()) else { return };
        let Some(list) = input.files() else { return };
        let files = (0..list.length()).filter_map(|i| list.get(i)).map(|f| (f.name(), f)).collect();
        // Cleared, so that picking the same files again reads them again.
        input.set_value("");
        bring(state, id, PickedFiles { files, ..PickedFiles::default() }, progress, result);
    };
    view! {
        <TitledPanel testid="region-bring-in" title=("ファイルを取り込む", "Bring files in")
            lead=("市町村から届いたしるべのファイル（JSON）を、いくつでもまとめて選んでください。ファイルやフォルダーをこのページにドロップしても取り込めます（フォルダーの中の .json ファイルをすべて）。すべてのデータのバックアップや地域のファイルも取り込めます。読めないファイルがあっても、ほかのファイルは取り込みます。", "Pick any number of Shirube files (JSON) sent by the towns at once, or drop files or a folder on this page (every .json file in it). Backups of everything and region files come in too. A file that cannot be read does not stop the others.")>
            <div class="actions">
                <input id="region-files" class="visually-hidden" type="file" multiple=true accept=".json,application/json"
                    data-testid="region-files" on:change=on_files disabled=move || progress.get().is_some()/>
                <label class="button primary" for="region-files">{state.text("ファイルを選ぶ（複数可）", "Choose files (several at once)")}</label>
            </div>
            <BringInProgress progress=progress id="region-progress"/>
            <BringInResults result=result/>
        </TitledPanel>
    }
}

/// Brings `picked` into the region, unless a bring-in is under way (the button and the drop
/// wait for it) or nothing was picked. `state` is passed in: a drop runs outside the component
/// tree, where there is no context to look it up in.
fn bring(
    state: Regions,
    id: Memo<Option<Id>>,
    picked: PickedFiles,
    progress: RwSignal<Option<(usize, usize)>>,
    result: RwSignal<Option<BringInResult>>,
) {
    let Some(id) = id.get_untracked() else { return };
    let nothing = picked.files.is_empty() && picked.passed_over.is_empty() && picked.not_given.is_empty();
    if !nothing && progress.get_untracked().is_none() {
        result.set(None);
        state.bring_into_region(&id, picked, progress, result);
    }
}

/// Files and folders dropped anywhere on the window while the region's page is shown are
/// brought into the region (every `.json` file of a folder), not sent to the import preview: a
/// capture-phase listener runs before the window-wide import's, which leaves a drop whose
/// default is prevented. (The window-wide dragover already lets files be dropped.)
fn take_drops(
    state: Regions,
    id: Memo<Option<Id>>,
    progress: RwSignal<Option<(usize, usize)>>,
    result: RwSignal<Option<BringInResult>>,
) {
    let Some(window) = web_sys::window() else { return };
    let on_drop = move |ev: web_sys::Event| {
        if !files::drag_has_files(&ev) {
            return;
        }
        ev.prevent_default();
        // The entries are taken during the event: the drop's items are emptied after it.
        match dropped::entries(&ev) {
            Some(entries) => leptos::task::spawn_local(async move {
                let picked = dropped::walk(entries).await;
                bring(state, id, picked, progress, result);
            }),
            None => bring(state, id, dropped::plain(&ev), progress, result),
        }
    };
    let listener = Closure::<dyn Fn(web_sys::Event)>::new(on_drop).into_js_value();
    let _ = window.add_event_listener_with_callback_and_bool("drop", listener.unchecked_ref(), true);
    // Cleanups run before the owner's stored values are dropped.
    let kept = StoredValue::new_local(listener);
    on_cleanup(move || {
        if let (Some(w), Some(listener)) = (web_sys::window(), kept.try_get_value()) {
            let _ = w.remove_event_listener_with_callback_and_bool("drop", listener.unchecked_ref(), true);
        }
    });
}

/// What came of each file of the last bring-in (also of a region file opened on the strategy
/// list).
/// How far a bring-in has come (`done` of `total` files), with 取り消す; nothing when none runs.
/// `id` names the progress bar (its label's `for`, and its test id).
#[component]
pub fn BringInProgress(progress: RwSignal<Option<(usize, usize)>>, id: &'static str) -> impl IntoView {
    let state = use_regions();
    move || {
        progress.get().map(|(done, total)| {
            view! {
                <p class="meta">
                    <label for=id>{state.tr("取り込み中…", "Bringing in…")}</label>" "
                    <progress id=id data-testid=id max=total.max(1) value=done>{format!("{done}/{total}")}</progress>" "
                    <button type="button" class="quiet" data-testid="cancel-bring-in" on:click=move |_| state.cancel_bring_in()>
                        {state.tr("取り消す", "Cancel")}
                    </button>
                </p>
            }
        })
    }
}

#[component]
pub fn BringInResults(result: RwSignal<Option<BringInResult>>) -> impl IntoView {
    let state = use_regions();
    let lines = move || result.with(|r| r.as_ref().map(|r| lines(r, state.lang())));
    move || {
        lines().map(|lines| {
            view! {
                <ul class="region-results" data-testid="region-results">
                    {lines.into_iter().map(|l| view! {
                        <li class=format!("region-result {}", l.outcome) data-testid="region-result" data-outcome=l.outcome>
                            <span class="strong">{l.file}</span>
                            <ul>{l.said.into_iter().map(|s| view! { <li>{s}</li> }).collect_view()}</ul>
                        </li>
                    }).collect_view()}
                </ul>
            }
        })
    }
}

/// One line per file (a backup's or region file's towns each a line of their own under it).
fn lines(r: &BringInResult, lang: Language) -> Vec<Line> {
    let mut out = Vec::new();
    for f in &r.brought.files {
        match &f.read {
            FileRead::Refused(e) => {
                let mut said =
                    vec![tr(lang, "読めませんでした（取り込んでいません）:", "Could not be read (not brought in):")
                        .to_owned()];
                said.extend(words::import_error(e, lang));
                out.push(Line { outcome: "error", file: f.file.clone(), said });
            }
            _ => {
                for t in f.towns() {
                    let (outcome, said) = town(t, lang);
                    out.push(Line { outcome, file: f.file.clone(), said });
                }
            }
        }
    }
    for file in &r.passed_over {
        let said = vec![tr(
            lang,
            "JSON ファイルではないため読んでいません（しるべのファイルは .json です）。",
            "Not read: not a JSON file (Shirube files end in .json).",
        )
        .to_owned()];
        out.push(Line { outcome: "skipped", file: file.clone(), said });
    }
    for (file, detail) in &r.not_read {
        let said = vec![
            tr(lang, "ブラウザがファイルを読めませんでした:", "The browser could not read the file:").to_owned(),
            detail.clone(),
        ];
        out.push(Line { outcome: "error", file: file.clone(), said });
    }
    out
}

fn town(t: &TownOutcome, lang: Language) -> (&'static str, Vec<String>) {
    let name = |municipality: &str, title: &str| format!("{municipality}「{title}」");
    match t {
        TownOutcome::Added(t) => (
            "added",
            vec![format!("{} {}", tr(lang, "追加しました:", "Added:"), name(&t.municipality, &t.title))],
        ),
        TownOutcome::AlreadyHere(t) => (
            "already",
            vec![format!(
                "{} {}",
                tr(lang, "同じ内容がすでにあります（地域に加えました）:", "Already here, the same (now in the region):"),
                name(&t.municipality, &t.title)
            )],
        ),
        TownOutcome::NeedsPreview(d) => (
            "preview",
            vec![
                format!(
                    "{} {}",
                    tr(lang, "保存済みの版と内容が違います:", "Differs from the stored version:"),
                    name(&d.stored.municipality, &d.stored.title)
                ),
                tr(
                    lang,
                    "保存済みの版のまま地域に加えました。ファイルの版に置き換えるときは、下の「新しい版の確認」で変わる内容を確かめてから置き換えてください。",
                    "The stored version is in the region. To replace it by the file's, check what changes under “Newer versions to check” below, then replace it.",
                )
                .to_owned(),
            ],
        ),
        TownOutcome::NotStored { town, error } => (
            "error",
            vec![
                format!("{} {}", tr(lang, "保存できませんでした:", "Could not be stored:"), name(&town.municipality, &town.title)),
                words::storage_error(error, lang),
            ],
        ),
        TownOutcome::Unreadable(e) => {
            let mut said = vec![tr(lang, "読めませんでした:", "Could not be read:").to_owned()];
            said.extend(words::import_error(e, lang));
            ("error", said)
        }
    }
}
