//! 広域連携 across the region (`model::region::partnerships`): each partnership with the
//! initiatives each side names the other in. One named by one town only is marked 「未確認」
//! — the other town's file does not say so (yet); a partner outside the region is 「管外」.

use super::loaded::Loaded;
use crate::locale::{tr, Language};
use crate::model::region::{partnerships, ItemPath, Partnership, PartnershipStatus, Party};
use crate::model::Strategy;
use crate::session::route::{Route, Selection};
use crate::ui::kit::panel::TitledPanel;
use crate::ui::speech::{use_speech, Speaks};
use leptos::prelude::*;
use std::sync::Arc;

fn party(p: &Party) -> String {
    match p {
        Party::Town { municipality, .. } => municipality.clone(),
        Party::Outside(partner) => match (&partner.code, partner.name.trim()) {
            (Some(code), "") => code.clone(),
            (Some(code), name) => format!("{name}（{code}）"),
            (None, name) => name.to_owned(),
        },
    }
}

/// (text, key for tests and styles, the badge's class).
fn status(s: PartnershipStatus, lang: Language) -> (&'static str, &'static str) {
    match s {
        PartnershipStatus::Confirmed => (tr(lang, "確認済み", "Confirmed"), "confirmed"),
        PartnershipStatus::Unconfirmed => (tr(lang, "未確認", "Unconfirmed"), "unconfirmed"),
        PartnershipStatus::OutsideRegion => (tr(lang, "管外", "Outside the region"), "outside"),
    }
}

/// An initiative's number and title, as its town wrote them.
fn initiative(path: &ItemPath, towns: &[Strategy]) -> String {
    let found = towns
        .iter()
        .find(|s| s.id == path.strategy)
        .and_then(|s| path.initiative.as_ref().and_then(|i| s.initiative(i)));
    match found {
        Some(i) if i.number.trim().is_empty() => i.title.clone(),
        Some(i) => format!("{} {}", i.number, i.title),
        None => String::new(),
    }
}

fn side(paths: &[ItemPath], towns: &[Strategy], lang: Language) -> AnyView {
    if paths.is_empty() {
        return view! { <p class="meta" data-testid="partnership-side-empty">{tr(lang, "この連携を記載した事業はありません。", "No initiative names this partnership.")}</p> }.into_any();
    }
    view! {
        <ul>
            {paths.iter().map(|p| {
                let href = p.initiative.clone().map(|i| Route::Edit(p.strategy.clone(), Selection::Initiative(i)).hash());
                view! { <li data-testid="partnership-initiative"><a href=href>{initiative(p, towns)}</a></li> }
            }).collect_view()}
        </ul>
    }
    .into_any()
}

fn one(p: &Partnership, towns: &[Strategy], lang: Language) -> impl IntoView {
    let (label, key) = status(p.status, lang);
    let (first, second) = (party(&p.first), party(&p.second));
    let says = |name: &str| crate::words::region::initiatives_of(name, lang);
    let note =
        (p.status == PartnershipStatus::Unconfirmed).then(|| crate::words::region::named_by_one(&first, &second, lang));
    view! {
        <li class=format!("region-partnership {key}") data-testid="partnership" data-status=key>
            <h3>{format!("{first} ⇄ {second}")}" "<span class=format!("badge {key}") data-testid="partnership-status">{label}</span></h3>
            {note.map(|n| view! { <p class="meta">{n}</p> })}
            <div class="sides">
                <div data-testid="partnership-first"><h4>{says(&first)}</h4>{side(&p.first_side, towns, lang)}</div>
                {matches!(p.second, Party::Town { .. }).then(|| view! {
                    <div data-testid="partnership-second"><h4>{says(&second)}</h4>{side(&p.second_side, towns, lang)}</div>
                })}
            </div>
        </li>
    }
}

#[component]
pub fn Partnerships(data: Memo<Option<Arc<Loaded>>>) -> impl IntoView {
    let state = use_speech();
    let all = Memo::new(move |_| data.with(|d| d.as_ref().map(|d| partnerships(&d.towns())).unwrap_or_default()));
    let only_unconfirmed = RwSignal::new(false);
    view! {
        <TitledPanel testid="region-partnerships" class="region-section" title=("広域連携", "Partnerships between towns")
            lead=("事業に連携先の市町村が書かれているものを、連携ごとにまとめます。一方の市町村だけが記載している連携は「未確認」です。", "Initiatives that name the towns they are carried out with, by partnership. One named by one town only is “unconfirmed”.")>
            {move || {
                let lang = state.lang();
                let list = all.get();
                if list.is_empty() {
                    return view! { <p class="empty" data-testid="partnership-none">{tr(lang, "連携先を記載した事業はありません。", "No initiative names a partner.")}</p> }.into_any();
                }
                let count = |s: PartnershipStatus| list.iter().filter(|p| p.status == s).count();
                let summary = crate::words::region::partnerships_summary(
                    list.len(),
                    count(PartnershipStatus::Confirmed),
                    count(PartnershipStatus::Unconfirmed),
                    count(PartnershipStatus::OutsideRegion),
                    lang,
                );
                let shown = move || {
                    let towns = data.get().map(|d| d.towns.clone()).unwrap_or_default();
                    all.with(|list| list.iter()
                        .filter(|p| !only_unconfirmed.get() || p.status == PartnershipStatus::Unconfirmed)
                        .map(|p| one(p, &towns, lang))
                        .collect_view())
                };
                view! {
                    <p class="meta" data-testid="partnership-count">{summary}</p>
                    <label class="check">
                        <input type="checkbox" data-testid="partnership-unconfirmed-only" prop:checked=move || only_unconfirmed.get()
                            on:change=move |ev| only_unconfirmed.set(event_target_checked(&ev))/>
                        {tr(lang, " 未確認のものだけ表示", " Unconfirmed only")}
                    </label>
                    <div class="scroll-box"><ul class="region-partnerships">{shown}</ul></div>
                }.into_any()
            }}
        </TitledPanel>
    }
}
