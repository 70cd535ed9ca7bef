//! Themes across towns (取組事例): a search over every town's goals, measures and initiatives
//! (`model::region::ThemeIndex`, built once per reading of the region), results grouped by
//! town, each opening the item in its strategy's editor. Words, an SDG and a national goal
//! (国の基本目標) narrow it together; the results download as a CSV for Excel.

use super::loaded::Loaded;
use crate::format::csv;
use crate::locale::{tr, Language};
use crate::model::region::{
    first_hits, national_goal_matrix, Hit, ItemPathKind, NationalGoalColumn, SearchShown, ThemeIndex, ThemeQuery,
    TownHits,
};
use crate::model::Sdg;
use crate::session::route::{Route, Selection};
use crate::ui::browser::files;
use crate::ui::kit::panel::TitledPanel;
use crate::ui::speech::{use_speech, Speaks, Speech};
use crate::ui::state::{use_downloads, Downloads};
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

/// How many hits are drawn before the user asks for all of them.
const HITS_SHOWN: usize = 200;

/// Where a hit opens: the initiative, measure or goal in the editor.
fn route(hit: &Hit) -> Route {
    let p = &hit.path;
    let selection = match (p.kind(), &p.measure, &p.initiative) {
        (ItemPathKind::Initiative, _, Some(i)) => Selection::Initiative(i.clone()),
        (ItemPathKind::Measure, Some(m), _) => Selection::Measure(m.clone()),
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
        ItemPathKind::Goal => tr(lang, "目標", "Goal"),
        ItemPathKind::Measure => tr(lang, "施策", "Measure"),
        ItemPathKind::Initiative => tr(lang, "事業", "Initiative"),
    };
    (parts.join(" › "), kind)
}

#[component]
pub fn ThemeSearch(data: Memo<Option<Arc<Loaded>>>) -> impl IntoView {
    let state = use_speech();
    let downloads = use_downloads();
    let index = Memo::new(move |_| data.with(|d| d.as_ref().map(|d| Index(Arc::new(ThemeIndex::new(&d.towns()))))));
    let typed = RwSignal::new(String::new());
    // 「すべて表示」 holds until the query changes.
    let all_hits = RwSignal::new(false);
    let sdg = RwSignal::new(None::<Sdg>);
    // The national goals towns share (the coverage matrix's columns); the filter holds an index.
    let national_goals = Memo::new(move |_| {
        data.with(|d| d.as_ref().map(|d| national_goal_matrix(&d.towns()).columns).unwrap_or_default())
    });
    let national_goal = RwSignal::new(None::<usize>);
    let asked = move || {
        typed.with(|t| !t.trim().is_empty()) || sdg.with(Option::is_some) || national_goal.with(Option::is_some)
    };
    let found = Memo::new(move |_| {
        let query = ThemeQuery {
            words: typed.get(),
            sdg: sdg.get(),
            national_goal: national_goal
                .get()
                .and_then(|n| national_goals.with(|c| c.get(n).map(|c: &NationalGoalColumn| c.key.clone()))),
        };
        index.with(|i| i.as_ref().map(|i| i.0.search(&query)).unwrap_or_default())
    });
    view! {
        <TitledPanel testid="theme-search" title=("取組事例をさがす", "Find practices across towns")
            lead=("すべての市町村の目標・施策・事業の名称と説明から、言葉でさがします（例: 移住、子育て、観光、DX）。空白で区切ると、すべての言葉を含むものだけを表示します。SDGs の目標や国の基本目標でも絞り込めます。", "Searches every town's goals, measures and initiatives by their names and descriptions (e.g. 移住, 子育て, 観光, DX). Words separated by spaces must all appear. An SDG or a national goal narrows the search too.")>
            <div class="field">
                <label for="theme-words">{state.text("さがす言葉", "Words")}</label>
                <input id="theme-words" type="search" data-testid="theme-words" prop:value=move || typed.get()
                    on:input=move |ev| { all_hits.set(false); typed.set(event_target_value(&ev)) }/>
            </div>
            <div class="region-filters">
                <div class="field">
                    <label for="theme-sdg">{state.text("SDGs の目標", "SDG")}</label>
                    <select id="theme-sdg" data-testid="theme-sdg"
                        on:change=move |ev| { all_hits.set(false); sdg.set(event_target_value(&ev).parse::<u8>().ok().map(Sdg)) }>
                        <option value="">{state.text("指定しない", "Any")}</option>
                        {move || {
                            let lang = state.lang();
                            Sdg::all().map(|s| view! {
                                <option value=s.0.to_string() selected=sdg.get_untracked() == Some(s)>{format!("{} {}", s.0, match lang {
                                    Language::Ja => s.japanese(),
                                    Language::En => s.english(),
                                })}</option>
                            }).collect_view()
                        }}
                    </select>
                </div>
                <div class="field">
                    <label for="theme-national-goal">{state.text("国の基本目標", "National goal")}</label>
                    <select id="theme-national-goal" data-testid="theme-national-goal"
                        on:change=move |ev| { all_hits.set(false); national_goal.set(event_target_value(&ev).parse::<usize>().ok()) }>
                        <option value="">{state.text("指定しない", "Any")}</option>
                        {move || {
                            let lang = state.lang();
                            national_goals.get().into_iter().enumerate().map(|(n, c)| view! {
                                <option value=n.to_string() selected=national_goal.get_untracked() == Some(n)>{crate::words::region::national_goal_label(&c, lang)}</option>
                            }).collect_view()
                        }}
                    </select>
                </div>
                <button type="button" data-testid="theme-csv" disabled=move || found.with(Vec::is_empty)
                    on:click=move |_| if let Some(d) = data.get_untracked() { download(state, downloads, &d.region.name, &typed.get_untracked(), &found.get_untracked()) }>
                    {state.text("結果を CSV に書き出す（Excel 用）", "Export the results as CSV (for Excel)")}
                </button>
            </div>
            {move || {
                let lang = state.lang();
                let towns = found.get();
                if !asked() {
                    return None;
                }
                if towns.is_empty() {
                    return Some(view! { <p class="empty" data-testid="theme-none">{tr(lang, "見つかりませんでした。", "Nothing found.")}</p> }.into_any());
                }
                // The first hits are drawn (a word's first character finds thousands over 179
                // towns); the CSV and 「すべて表示」 have them all, the counts are over all.
                let limit = if all_hits.get() { usize::MAX } else { HITS_SHOWN };
                let SearchShown { towns, left_out, town_count, hit_count } = first_hits(&towns, limit);
                Some(view! {
                    <p class="meta" data-testid="theme-count" aria-live="polite">{crate::words::region::theme_hits(town_count, hit_count, lang)}</p>
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
                    {(left_out > 0).then(|| view! {
                        <p class="meta" data-testid="theme-hidden">
                            {crate::words::region::theme_hidden(left_out, lang)}
                            <button type="button" class="link" data-testid="theme-show-all" on:click=move |_| all_hits.set(true)>
                                {tr(lang, "すべて表示する", "show them all")}
                            </button>
                        </p>
                    })}
                }.into_any())
            }}
        </TitledPanel>
    }
}

/// Downloads the hits as found, named `渡島総合振興局管内_取組事例_移住_2026-11-23.csv`.
fn download(state: Speech, downloads: Downloads, region: &str, words: &str, found: &[TownHits]) {
    let text = csv::theme_hits(found);
    let label = tr(state.lang(), "取組事例", "practices");
    let middle = match words.trim() {
        "" => label.to_owned(),
        w => format!("{label}_{w}"),
    };
    let name = files::file_name(region, &middle, &files::today(), "csv");
    downloads.csv(name, &text);
}
