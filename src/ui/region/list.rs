//! 「地域（管内）」 on the strategy list: the regions stored here (name, number of towns), each
//! opening its page `#/r/<id>`; creating one by its name; opening a region file (what came of
//! each town, and the newer versions to confirm, shown here); deleting one (its backup is kept,
//! the notice's undo brings it back; its towns stay in the list above); and the region backups,
//! each restored or deleted for good.

use super::{BringInProgress, BringInResults, NewerVersions};
use crate::locale::tr;
use crate::session::route::Route;
use crate::ui::browser::files;
use crate::ui::kit::panel::TitledPanel;
use crate::ui::speech::Speaks;
use crate::ui::state::{use_regions, BringInResult};
use leptos::prelude::*;
use wasm_bindgen::JsCast;

#[component]
pub fn RegionList() -> impl IntoView {
    let state = use_regions();
    let name = RwSignal::new(String::new());
    let create = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let typed = name.get_untracked().trim().to_owned();
        if !typed.is_empty() {
            name.set(String::new());
            state.create_region(typed);
        }
    };
    let progress = RwSignal::new(None::<(usize, usize)>);
    let result = RwSignal::new(None::<BringInResult>);
    let has_result = Memo::new(move |_| result.with(Option::is_some));
    let on_region_file = move |ev: leptos::ev::Event| {
        let Some(input) = ev.target().and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok()) else { return };
        let picked = input.files().and_then(|l| l.get(0));
        // Cleared, so that picking the same file again reads it again.
        input.set_value("");
        if let Some(file) = picked.filter(|_| progress.get_untracked().is_none()) {
            state.open_region_file(file, Some((progress, result)));
        }
    };
    let has_regions = Memo::new(move |_| state.regions.with(|r| !r.is_empty()));
    let has_backups = Memo::new(move |_| state.region_backups.with(|b| !b.is_empty()));
    let opened = move || {
        result.with(|r| {
            r.as_ref()
                .filter(|r| r.brought.saved.is_ok())
                .map(|r| (r.brought.region.id.clone(), r.brought.region.name.clone()))
        })
    };
    // Written out, not a `ui::kit::panel::TitledPanel`: this panel is on the start page, and the
    // component would cost the first visit's module some 440 B gzipped.
    view! {
        <section class="panel" data-testid="regions" aria-labelledby="regions-title">
            <h2 id="regions-title">{state.text("地域（管内）", "Regions")}</h2>
            <p class="lead">{state.text(
                "振興局など、いくつもの市町村の戦略をまとめて見るときに使います。地域をつくり、市町村から届いたファイルを取り込むと、市町村を並べて比べたり、取組事例をさがしたりできます。",
                "For a regional bureau reading many towns' strategies: create a region, bring in the files the towns send, then compare the towns side by side and find practices across them.")}</p>
            <form class="actions" on:submit=create>
                <label for="region-name">{state.text("地域の名称", "Region name")}</label>
                <input id="region-name" type="text" data-testid="region-name-input" prop:value=move || name.get()
                    on:input=move |ev| name.set(event_target_value(&ev))
                    placeholder=state.text("例: 渡島総合振興局管内", "e.g. Oshima region")/>
                <button type="submit" class="primary" data-testid="create-region" disabled=move || name.with(|n| n.trim().is_empty())>
                    {state.text("地域をつくる", "Create region")}
                </button>
            </form>
            <div class="actions">
                <input id="region-file" class="visually-hidden" type="file" accept=".json,application/json"
                    data-testid="region-file" on:change=on_region_file disabled=move || progress.get().is_some()/>
                <label class="button" for="region-file">{state.text("地域のファイルを開く", "Open a region file")}</label>
                <span class="meta">{state.text(
                    "「地域を1つのファイルに書き出す」で書き出したファイルから、地域とその市町村の戦略を取り込みます。",
                    "Brings in a region and its towns' strategies from a file written by “Export the region as one file”.")}</span>
            </div>
            <BringInProgress progress=progress id="region-file-progress"/>
            <div data-testid="region-file-result">
                {move || opened().map(|(id, name)| view! {
                    <p><a href=Route::Region(id).hash() data-testid="region-file-open">{crate::words::region::open_region(&name, state.lang())}</a></p>
                })}
                // What came of it (and the newer versions to confirm) in a part of its own.
                {move || has_result.get().then(|| crate::ui::kit::lazy::lazy_part(move || region_file_results(result)))}
            </div>
            // The rows, when there are regions: a part of their own (a first visit has none).
            <ul class="strategy-list" data-testid="region-list">
                {move || has_regions.get().then(|| crate::ui::kit::lazy::lazy_part(region_rows))}
            </ul>
        </section>
        {move || has_backups.get().then(|| crate::ui::kit::lazy::lazy_part(region_backup_rows))}
    }
}

/// The regions' rows on the strategy list (`region_rows`), each opening its page or
/// deleting the region (its backup is kept).
#[component]
pub fn RegionRows() -> impl IntoView {
    let state = use_regions();
    move || {
        state
            .regions
            .get()
            .into_iter()
            .map(|r| {
                let lang = state.lang();
                let id = r.region.id.clone();
                let towns = r.region.members.len();
                let del = id.clone();
                view! {
                    <li class="strategy-row" data-testid="region-row" data-id=id.to_string()>
                        <div class="strategy-main">
                            <a class="strategy-title" href=Route::Region(id.clone()).hash()>{r.region.name.clone()}</a>
                            <span class="meta">{crate::words::region::towns_in_region(towns, lang)}</span>
                        </div>
                        <div class="row-actions">
                            <button type="button" class="danger" data-testid="delete-region" on:click=move |_| state.delete_region(&del)>
                                {crate::locale::tr(lang, "削除", "Delete")}
                            </button>
                        </div>
                    </li>
                }
            })
            .collect_view()
    }
}

/// The region backups kept before a region was deleted (or replaced by a restore), each
/// restored or deleted for good (`region_backup_rows`, shown when there are any).
#[component]
pub fn RegionBackupRows() -> impl IntoView {
    let state = use_regions();
    let backups = state.region_backups;
    view! {
        <TitledPanel testid="region-backups" title=("地域のバックアップ（削除・置き換えの前の状態）", "Region backups (taken before a delete or replace)")>
            <ul class="strategy-list">
                {move || backups.get().into_iter().map(|b| {
                    let lang = state.lang();
                    let (k1, k2) = (b.key.clone(), b.key.clone());
                    let towns = crate::words::region::towns_in_region(b.towns, lang);
                    view! {
                        <li class="strategy-row" data-testid="region-backup-row">
                            <div class="strategy-main">
                                <span class="strategy-title">{b.name.clone()}</span>
                                <span class="meta">{towns}" ・ "{files::local_time(&b.taken_at)}</span>
                            </div>
                            <div class="row-actions">
                                <button type="button" data-testid="region-backup-restore" on:click=move |_| state.restore_region(&k1)>{tr(lang, "復元", "Restore")}</button>
                                <button type="button" class="danger" data-testid="region-backup-discard" on:click=move |_| state.discard_region_backup(&k2)>{tr(lang, "完全に削除", "Delete for good")}</button>
                            </div>
                        </li>
                    }
                }).collect_view()}
            </ul>
        </TitledPanel>
    }
}

crate::ui::browser::parts::split!(
    region,
    /// What came of a region file opened from the strategy list: each town's outcome and the newer
    /// versions to confirm (which replace a stored town, with the import's code).
    fn region_file_results(result: RwSignal<Option<BringInResult>>) -> AnyView {
        view! {
            <BringInResults result=result/>
            <NewerVersions result=result/>
        }
        .into_any()
    }
);

crate::ui::browser::parts::split!(
    list_extras,
    /// The regions' rows on the strategy list, when there are any (`region::list`).
    fn region_rows() -> AnyView {
        view! { <RegionRows/> }.into_any()
    }
);

crate::ui::browser::parts::split!(
    list_extras,
    /// The region backups on the strategy list, when there are any (`region::list`).
    fn region_backup_rows() -> AnyView {
        view! { <RegionBackupRows/> }.into_any()
    }
);
