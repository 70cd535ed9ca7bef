//! 「地域の管理」 on a region's page: rename the region, take a town out of it (after a
//! confirmation that says its strategy stays stored), download the region as one file, and
//! delete the region (a region backup is kept: undo from the notice, or restore from the
//! strategy list; its towns stay in the strategy list).

use super::loaded::Loaded;
use crate::locale::{tr, Language};
use crate::model::Id;
use crate::session::route::Route;
use crate::ui::kit::panel::TitledPanel;
use crate::ui::speech::Speaks;
use crate::ui::state::{use_navigation, use_regions};
use leptos::prelude::*;
use std::sync::Arc;

#[component]
pub fn RegionManage(data: Memo<Option<Arc<Loaded>>>) -> impl IntoView {
    let state = use_regions();
    let nav = use_navigation();
    let id = Memo::new(move |_| data.with(|d| d.as_ref().map(|d| d.region.id.clone())));
    // What is typed (None: the stored name, untouched).
    let typed = RwSignal::new(None::<String>);
    let shown = move || {
        typed.get().unwrap_or_else(|| data.with(|d| d.as_ref().map(|d| d.region.name.clone())).unwrap_or_default())
    };
    let rename = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let Some(id) = id.get_untracked() else { return };
        let Some(name) = typed.get_untracked().map(|n| n.trim().to_owned()).filter(|n| !n.is_empty()) else { return };
        typed.set(None);
        state.rename_region(&id, name);
    };
    let unchanged = move || {
        let stored = data.with(|d| d.as_ref().map(|d| d.region.name.clone()));
        typed.with(|t| t.as_ref().map(|t| t.trim()).is_none_or(|t| t.is_empty() || Some(t) == stored.as_deref()))
    };
    // The town whose removal waits for the confirmation.
    let asking = RwSignal::new(None::<Id>);
    let delete = move |_| {
        if let Some(id) = id.get_untracked() {
            state.delete_region(&id);
            nav.navigate(Route::List);
        }
    };
    view! {
        <TitledPanel testid="region-manage" title=("地域の管理", "Managing the region")>
            <form class="actions" on:submit=rename>
                <label for="region-rename">{state.text("地域の名称", "Region name")}</label>
                <input id="region-rename" type="text" data-testid="region-rename-input" prop:value=shown
                    on:input=move |ev| typed.set(Some(event_target_value(&ev)))/>
                <button type="submit" data-testid="region-rename" disabled=unchanged>{state.text("名称を変える", "Rename")}</button>
            </form>
            <h3>{state.text("地域の市町村", "The region's towns")}</h3>
            <ul class="strategy-list" data-testid="region-members">
                {move || data.with(|d| d.as_ref().map(|d| {
                    let lang = state.lang();
                    let stored = d.towns.iter().map(|s| (s.id.clone(), format!("{}「{}」", s.municipality.name, s.title), true));
                    let missing = d.missing.iter().map(|m| (m.clone(), tr(lang, "（保存されていない市町村）", "(a town not stored here)").to_owned(), false));
                    stored.chain(missing).map(|(town, name, is_stored)| member(lang, id, town, name, is_stored, asking)).collect_view()
                }))}
            </ul>
            <h3>{state.text("書き出し・削除", "Export and delete")}</h3>
            <p class="lead">{state.text(
                "地域のファイルには、地域の名称、指標の対応づけと、市町村の戦略がすべて入ります。別のパソコンでは、戦略一覧の「地域のファイルを開く」で開けます。",
                "The region file holds the region's name, its indicator matches and every town's strategy. On another computer, open it with “Open a region file” on the strategy list.")}</p>
            <div class="actions">
                <button type="button" data-testid="region-export" on:click=move |_| if let Some(id) = id.get_untracked() { state.export_region(&id) }>
                    {state.text("地域を1つのファイルに書き出す", "Export the region as one file")}
                </button>
                <button type="button" class="danger" data-testid="region-delete" on:click=delete>
                    {state.text("この地域を削除", "Delete this region")}
                </button>
            </div>
            <p class="meta">{state.text(
                "削除しても、地域のバックアップが残り（戦略一覧の「地域のバックアップ」から復元できます）、市町村の戦略は戦略一覧に残ります。",
                "A deleted region is kept as a region backup (restore it under “Region backups” on the strategy list); its towns' strategies stay in the strategy list.")}</p>
        </TitledPanel>
    }
}

/// One town of the region, with 「地域から外す」 and its confirmation.
fn member(
    lang: Language,
    region: Memo<Option<Id>>,
    town: Id,
    name: String,
    stored: bool,
    asking: RwSignal<Option<Id>>,
) -> impl IntoView {
    let state = use_regions();
    let (ask_id, is_asked, remove_id) = (town.clone(), town.clone(), town.clone());
    let remove_name = name.clone();
    let remove = move |_| {
        asking.set(None);
        if let Some(region) = region.get_untracked() {
            state.remove_region_town(&region, &remove_id, remove_name.clone());
        }
    };
    let question = crate::words::region::take_out_question(&name, lang);
    view! {
        <li class="strategy-row" data-testid="region-member" data-id=town.to_string()>
            <div class="strategy-main">
                {if stored {
                    view! { <a class="strategy-title" href=Route::Strategy(town.clone()).hash()>{name.clone()}</a> }.into_any()
                } else {
                    view! { <span class="strategy-title muted">{name.clone()}</span> }.into_any()
                }}
                <Show when=move || asking.with(|a| a.as_ref() == Some(&is_asked))>
                    <p class="meta warn" role="alert" data-testid="region-remove-question">{question.clone()}</p>
                </Show>
            </div>
            <div class="row-actions">
                {let asked = town.clone(); move || if asking.with(|a| a.as_ref() == Some(&asked)) {
                    view! {
                        <button type="button" class="danger" data-testid="region-remove-confirm" on:click=remove.clone()>{tr(lang, "外す", "Take out")}</button>
                        <button type="button" data-testid="region-remove-cancel" on:click=move |_| asking.set(None)>{tr(lang, "キャンセル", "Cancel")}</button>
                    }.into_any()
                } else {
                    let ask = ask_id.clone();
                    view! {
                        <button type="button" data-testid="region-remove" on:click=move |_| asking.set(Some(ask.clone()))>{tr(lang, "地域から外す", "Take out of the region")}</button>
                    }.into_any()
                }}
            </div>
        </li>
    }
}
