//! Matching by hand (part of 「指標の比較」): every town's indicators in no match, one town at
//! a time, each with a field to put it under a matched indicator or one of the bureau's names,
//! or (kept out of every match) a way back; and the bureau's list of names itself. All of it is
//! kept with the region (`AppState::set_indicator_match`, `clear_indicator_match`,
//! `set_region_indicator_codes`).

use crate::locale::tr;
use crate::model::region::{IndicatorRef, Matching};
use crate::model::Id;
use crate::ui::kit::panel::column_heads;
use crate::ui::region::loaded::{described, Loaded};
use crate::ui::speech::Speaks;
use crate::ui::state::{use_regions, Regions};
use leptos::prelude::*;
use std::sync::Arc;

/// Whether the bureau kept this indicator out of every match by hand.
fn kept_out(d: &Loaded, r: &IndicatorRef) -> bool {
    d.region.matches.iter().any(|m| m.strategy == r.strategy && m.indicator == r.indicator && m.key.is_none())
}

/// Every town's indicators in no match, one town at a time (179 towns' would be thousands of
/// rows), each with a field to match it by hand.
pub(super) fn unmatched(
    state: Regions,
    data: Memo<Option<Arc<Loaded>>>,
    matching: Memo<Matching>,
    town: RwSignal<Option<Id>>,
) -> Option<impl IntoView> {
    let lang = state.lang();
    let d = data.get()?;
    let m = matching.get();
    if m.unmatched.is_empty() {
        return None;
    }
    // Towns with an unmatched indicator, in the region's order.
    let mut towns: Vec<Id> = m.unmatched.iter().map(|r| r.strategy.clone()).collect();
    towns.dedup();
    // The chosen town while it has unmatched indicators, else the first that has.
    let first = towns.first().cloned();
    let listed = towns.clone();
    let shown = Memo::new(move |_| town.get().filter(|t| listed.contains(t)).or_else(|| first.clone()));
    let mut keys: Vec<String> = m.groups.iter().map(|g| g.name.clone()).collect();
    for code in &d.region.indicator_codes {
        if !keys.contains(code) {
            keys.push(code.clone());
        }
    }
    let name_of =
        |id: &Id| d.towns.iter().find(|s| &s.id == id).map(|s| s.municipality.name.clone()).unwrap_or_default();
    let options = towns
        .iter()
        .map(|id| {
            let on = shown.get_untracked().as_ref() == Some(id);
            view! { <option value=id.to_string() selected=on>{name_of(id)}</option> }
        })
        .collect_view();
    let (town_count, indicator_count) = (towns.len(), m.unmatched.len());
    let d2 = d.clone();
    let rows = move || {
        let chosen = shown.get()?;
        let region = d2.region.id.clone();
        let rows = m.unmatched.iter().filter(|r| r.strategy == chosen).map(|r| {
            let (_, name) = described(r, &d2.towns);
            let typed = RwSignal::new(String::new());
            let out = kept_out(&d2, r);
            let (region, r2) = (region.clone(), r.clone());
            let input_id = format!("match-key-{}", r.indicator);
            view! {
                <tr data-testid="unmatched-indicator" data-indicator=r.indicator.to_string()>
                    <th scope="row">{if out { name.into_any() } else { view! { <label for=input_id.clone()>{name}</label> }.into_any() }}</th>
                    <td>{if out {
                        let (region, r2) = (region.clone(), r2.clone());
                        view! {
                            <span class="meta">{tr(lang, "照合から外しています。", "Kept out of every match.")}</span>" "
                            <button type="button" class="quiet" data-testid="match-undo"
                                on:click=move |_| state.clear_indicator_match(&region, &r2.strategy, &r2.indicator)>
                                {tr(lang, "元に戻す", "Undo")}
                            </button>
                        }.into_any()
                    } else {
                        view! {
                            <input id=input_id type="text" list="region-match-keys" data-testid="match-key"
                                placeholder=tr(lang, "照合先の指標名", "Indicator to match with")
                                prop:value=move || typed.get() on:input=move |ev| typed.set(event_target_value(&ev))/>" "
                            <button type="button" data-testid="match-set" disabled=move || typed.with(|t| t.trim().is_empty())
                                on:click=move |_| state.set_indicator_match(&region, &r2.strategy, &r2.indicator, Some(typed.get_untracked().trim().to_owned()))>
                                {tr(lang, "照合する", "Match")}
                            </button>
                        }.into_any()
                    }}</td>
                </tr>
            }
        }).collect_view();
        Some(rows)
    };
    Some(view! {
        <section class="region-unmatched" data-testid="unmatched" aria-labelledby="unmatched-title">
            <h3 id="unmatched-title">{tr(lang, "照合されていない指標", "Unmatched indicators")}</h3>
            <p class="meta">{crate::words::region::unmatched_indicators(town_count, indicator_count, lang)}</p>
            <datalist id="region-match-keys">{keys.into_iter().map(|k| view! { <option value=k/> }).collect_view()}</datalist>
            <div class="field">
                <label for="unmatched-town">{tr(lang, "市町村", "Town")}</label>
                <select id="unmatched-town" data-testid="unmatched-town"
                    on:change=move |ev| town.set(Some(Id::from(event_target_value(&ev).as_str())))>{options}</select>
            </div>
            <div class="scroll-box">
                <table class="region-list" data-testid="unmatched-table">
                    {column_heads(lang, &[
                        ("指標", "Indicator"),
                        ("照合先", "Match with"),
                    ])}
                    <tbody>{rows}</tbody>
                </table>
            </div>
        </section>
    })
}

/// The bureau's list of names to match on (合計特殊出生率 …), one a line.
#[component]
pub(super) fn IndicatorCodes(data: Memo<Option<Arc<Loaded>>>) -> impl IntoView {
    let state = use_regions();
    let typed = RwSignal::new(None::<String>);
    let stored = move || data.with(|d| d.as_ref().map(|d| d.region.indicator_codes.join("\n")).unwrap_or_default());
    view! {
        <details class="region-codes" data-testid="indicator-codes">
            <summary>{state.text("照合に使う指標名リスト", "The list of names to match on")}</summary>
            <p class="meta">{state.text(
                "名称にこの言葉を含む指標を、市町村の間で同じ指標として照合します。1 行に 1 つ。",
                "An indicator whose name contains one of these is matched across towns. One a line.")}</p>
            <label for="indicator-codes-text" class="visually-hidden">{state.text("指標名リスト", "List of names")}</label>
            <textarea id="indicator-codes-text" rows="6" data-testid="indicator-codes-text"
                prop:value=move || typed.get().unwrap_or_else(stored)
                on:input=move |ev| typed.set(Some(event_target_value(&ev)))></textarea>
            <div class="actions">
                <button type="button" data-testid="indicator-codes-save" disabled=move || typed.with(Option::is_none)
                    on:click=move |_| {
                        let Some(id) = data.with_untracked(|d| d.as_ref().map(|d| d.region.id.clone())) else { return };
                        let codes = typed.get_untracked().unwrap_or_default().lines().map(str::trim).filter(|l| !l.is_empty()).map(str::to_owned).collect();
                        state.set_region_indicator_codes(&id, codes);
                        typed.set(None);
                    }>
                    {state.text("保存", "Save")}
                </button>
            </div>
        </details>
    }
}
