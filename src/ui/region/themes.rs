//! Themes across towns (取組事例): a search over every town's goals, measures and initiatives
//! (`model::region::ThemeIndex`, built once per reading of the region), results grouped by
//! town, each opening the item in its strategy's editor.

use super::Loaded;
use crate::locale::{tr, Language};
use crate::model::region::{Hit, ItemKind, ThemeIndex, ThemeQuery};
use crate::session::route::{Route, Selection};
use crate::ui::state::use_app;
use leptos::prelude::*;
use std::sync::Arc;

/// The index of one reading of the region: equal only to itself, so that it is built again
/// only when the region is read again.
#[derive(Clone)]
struct Index(Arc<ThemeIndex>);

impl PartialEq for Index {
    fn eq(&self, other: &Self) -> bool {
        Arc::ptr_eq(&self.0, &other.0)
    }
}

/// Where a hit opens: the initiative, measure or goal in the editor.
fn route(hit: &Hit) -> Route {
    let p = &hit.path;
    let selection = match (p.kind(), &p.measure, &p.initiative) {
        (ItemKind::Initiative, _, Some(i)) => Selection::Initiative(i.clone()),
        (ItemKind::Measure, Some(m), _) => Selection::Measure(m.clone()),
        _ => Selection::Goal(p.goal.clone()),
    };
    Route::Edit(p.strategy.clone(), selection)
}

/// 「基本目標1 › 1-1 › (1) 移住相談窓口」: the item's numbers and title after its parents'.
fn words(hit: &Hit, lang: Language) -> (String, &'static str) {
    let number = |n: &str, t: &str| if n.is_empty() { t.to_owned() } else { format!("{n} {t}") };
    let mut parts = vec![number(&hit.goal.number, &hit.goal.title)];
    parts.extend(hit.measure.iter().map(|m| number(&m.number, &m.title)));
    parts.extend(hit.initiative.iter().map(|i| number(&i.number, &i.title)));
    let kind = match hit.path.kind() {
        ItemKind::Goal => tr(lang, "目標", "Goal"),
        ItemKind::Measure => tr(lang, "施策", "Measure"),
        ItemKind::Initiative => tr(lang, "事業", "Initiative"),
    };
    (parts.join(" › "), kind)
}

#[component]
pub fn ThemeSearch(data: Memo<Option<Arc<Loaded>>>) -> impl IntoView {
    let state = use_app();
    let index = Memo::new(move |_| data.with(|d| d.as_ref().map(|d| Index(Arc::new(ThemeIndex::new(&d.towns()))))));
    let typed = RwSignal::new(String::new());
    let found = Memo::new(move |_| {
        let query = ThemeQuery { words: typed.get(), ..ThemeQuery::default() };
        index.with(|i| i.as_ref().map(|i| i.0.search(&query)).unwrap_or_default())
    });
    view! {
        <section class="panel" data-testid="theme-search" aria-labelledby="theme-search-title">
            <h2 id="theme-search-title">{move || state.tr("取組事例をさがす", "Find practices across towns")}</h2>
            <p class="lead">{move || state.tr(
                "すべての市町村の目標・施策・事業の名称と説明から、言葉でさがします（例: 移住、子育て、観光、DX）。空白で区切ると、すべての言葉を含むものだけを表示します。",
                "Searches every town's goals, measures and initiatives by their names and descriptions (e.g. 移住, 子育て, 観光, DX). Words separated by spaces must all appear.")}</p>
            <div class="field">
                <label for="theme-words">{move || state.tr("さがす言葉", "Words")}</label>
                <input id="theme-words" type="search" data-testid="theme-words" prop:value=move || typed.get()
                    on:input=move |ev| typed.set(event_target_value(&ev))/>
            </div>
            {move || {
                let lang = state.lang();
                let towns = found.get();
                if typed.with(|t| t.trim().is_empty()) {
                    return None;
                }
                if towns.is_empty() {
                    return Some(view! { <p class="empty" data-testid="theme-none">{tr(lang, "見つかりませんでした。", "Nothing found.")}</p> }.into_any());
                }
                let total: usize = towns.iter().map(|t| t.hits.len()).sum();
                Some(view! {
                    <p class="meta" data-testid="theme-count" aria-live="polite">{match lang {
                        Language::Ja => format!("{} 市町村で {} 件", towns.len(), total),
                        Language::En => format!("{total} in {} towns", towns.len()),
                    }}</p>
                    {towns.into_iter().map(|t| view! {
                        <section class="theme-town" data-testid="theme-town" data-id=t.strategy.to_string()>
                            <h3><a href=Route::Strategy(t.strategy.clone()).hash()>{t.municipality.clone()}</a></h3>
                            <ul class="theme-hits">
                                {t.hits.iter().map(|h| {
                                    let (text, kind) = words(h, lang);
                                    view! {
                                        <li data-testid="theme-hit" data-kind=kind>
                                            <span class="badge">{kind}</span>" "
                                            <a href=route(h).hash() data-testid="theme-hit-link">{text}</a>
                                        </li>
                                    }
                                }).collect_view()}
                            </ul>
                        </section>
                    }).collect_view()}
                }.into_any())
            }}
        </section>
    }
}
