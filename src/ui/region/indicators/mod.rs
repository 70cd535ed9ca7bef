//! 「指標の比較」: one indicator across towns (`model::region::match_indicators`). The matched
//! indicators are listed with how they were matched and in how many towns; the one chosen is
//! drawn as one chart (`charts::region`, each town's actuals and targets) with a table of the
//! same numbers, a CSV for Excel and an A4 landscape print. Its members can be taken out of
//! the match, and every town's unmatched indicators matched by hand to a matched indicator or
//! to one of the bureau's names — kept with the region (`AppState::set_indicator_match`),
//! undone with `clear_indicator_match` (`by_hand`, with the bureau's list of names).

use super::loaded::{described, numbered, Loaded};
use crate::charts::region::matched_indicator;
use crate::charts::{Figure, Words};
use crate::format::csv;
use crate::locale::{self, tr, Language};
use crate::model::region::{match_indicators, IndicatorTable, MatchedBy, MatchedIndicator};
use crate::model::Id;
use crate::session::route::Route;
use crate::ui::browser::files;
use crate::ui::kit::chart_view::ChartView;
use crate::ui::kit::panel::TitledPanel;
use crate::ui::speech::Speaks;
use crate::ui::state::{use_regions, Facade, Regions};
use leptos::prelude::*;
use std::sync::Arc;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

mod by_hand;

/// How a member was matched, for people.
fn rule(by: MatchedBy, lang: Language) -> &'static str {
    match by {
        MatchedBy::Hand => tr(lang, "手動", "by hand"),
        MatchedBy::Code => tr(lang, "指標名リスト", "by the list"),
        MatchedBy::Name => tr(lang, "同じ名称", "same name"),
    }
}

fn by_key(by: MatchedBy) -> &'static str {
    match by {
        MatchedBy::Hand => "hand",
        MatchedBy::Code => "code",
        MatchedBy::Name => "name",
    }
}

/// "指標名リスト 2・手動 1": the rules of a match's members, with counts.
fn rules(g: &MatchedIndicator, lang: Language) -> String {
    [MatchedBy::Code, MatchedBy::Name, MatchedBy::Hand]
        .into_iter()
        .filter_map(|by| {
            let n = g.members.iter().filter(|(_, b)| *b == by).count();
            (n > 0).then(|| format!("{} {n}", rule(by, lang)))
        })
        .collect::<Vec<_>>()
        .join(tr(lang, "・", ", "))
}

/// In how many towns a match has a member.
fn towns_in(g: &MatchedIndicator) -> usize {
    let mut towns: Vec<&Id> = g.members.iter().map(|(r, _)| &r.strategy).collect();
    crate::sorting::by_key(&mut towns, |id| id.to_string());
    towns.dedup();
    towns.len()
}

#[component]
pub fn MatchedIndicators(data: Memo<Option<Arc<Loaded>>>) -> impl IntoView {
    let state = use_regions();
    let matching = Memo::new(move |_| {
        data.with(|d| d.as_ref().map(|d| match_indicators(&d.region, &d.towns())).unwrap_or_default())
    });
    // The chosen match by key (a reading of the region again keeps it); the first by default.
    let chosen = RwSignal::new(None::<String>);
    // The town whose unmatched indicators are listed: kept by the component, so that a hand
    // match (and the reading again after it) does not jump back to the first town.
    let unmatched_town = RwSignal::new(None::<Id>);
    let group = Memo::new(move |_| {
        let key = chosen.get();
        matching.with(|m| {
            key.and_then(|k| m.groups.iter().find(|g| g.key == k).cloned()).or_else(|| m.groups.first().cloned())
        })
    });
    let table = Memo::new(move |_| {
        group.with(|g| g.as_ref().and_then(|g| data.with(|d| d.as_ref().map(|d| g.table(&d.towns())))))
    });
    let figure = Memo::new(move |_| {
        let w = Words { lang: state.lang(), years: state.year_style() };
        group.with(|g| match (g, table.get()) {
            (Some(g), Some(t)) => matched_indicator(g, &t, w),
            _ => Figure::default(),
        })
    });

    view! {
        <TitledPanel testid="region-indicators" class="region-section" title=("指標の比較", "One indicator across towns")
            lead=("同じ意味の指標を、指標名リストの名称、同じ名称（全角・半角や空白の違いは無視）、または手動の照合で市町村の間で結びつけます。指標を選ぶと、各市町村の実績と目標をグラフと表で示します。", "Indicators that mean the same thing are matched by the bureau's list of names, by the same name (width and spaces aside), or by hand. Choose one to see each town's actuals and targets as a chart and a table.")>
            {move || {
                let lang = state.lang();
                let groups = matching.with(|m| m.groups.clone());
                if groups.is_empty() {
                    return view! { <p class="empty" data-testid="matched-none">{tr(lang, "照合された指標はまだありません。", "No matched indicator yet.")}</p> }.into_any();
                }
                let now = group.with(|g| g.as_ref().map(|g| g.key.clone()));
                view! {
                    <div class="scroll-box">
                        <table class="region-list" data-testid="matched-list">
                            <caption class="visually-hidden">{tr(lang, "照合された指標", "Matched indicators")}</caption>
                            <thead><tr>
                                <th scope="col">{tr(lang, "指標", "Indicator")}</th>
                                <th scope="col">{tr(lang, "照合の方法", "How matched")}</th>
                                <th scope="col">{tr(lang, "市町村数", "Towns")}</th>
                                <th scope="col"><span class="visually-hidden">{tr(lang, "表示", "Show")}</span></th>
                            </tr></thead>
                            <tbody>
                                {groups.into_iter().map(|g| {
                                    let on = now.as_deref() == Some(g.key.as_str());
                                    let key = g.key.clone();
                                    view! {
                                        <tr data-testid="matched-indicator" data-key=g.key.clone() class:chosen=on>
                                            <th scope="row">{g.name.clone()}</th>
                                            <td>{rules(&g, lang)}</td>
                                            <td class="num" data-testid="matched-towns">{towns_in(&g)}</td>
                                            <td><button type="button" data-testid="matched-show" aria-pressed=on.to_string()
                                                on:click=move |_| chosen.set(Some(key.clone()))>{tr(lang, "表示", "Show")}</button></td>
                                        </tr>
                                    }
                                }).collect_view()}
                            </tbody>
                        </table>
                    </div>
                }.into_any()
            }}
            <Show when=move || group.with(Option::is_some)>
                <section class="region-indicator" data-testid="matched-detail" aria-labelledby="matched-detail-title">
                    <h3 id="matched-detail-title" data-testid="matched-name">{move || group.with(|g| g.as_ref().map(|g| g.name.clone()))}</h3>
                    <div class="actions">
                        <button type="button" data-testid="matched-csv"
                            on:click=move |_| if let (Some(g), Some(t), Some(d)) = (group.get_untracked(), table.get_untracked(), data.get_untracked()) { download(state, &d.region.name, &g, &t) }>
                            {state.text("CSV を書き出す（Excel 用）", "Export CSV (for Excel)")}
                        </button>
                        <button type="button" data-testid="matched-print" on:click=move |_| print_section("region-indicator")>
                            {state.text("この指標を印刷（A4 横）", "Print this indicator (A4 landscape)")}
                        </button>
                    </div>
                    <ChartView figure=figure kind="region-indicator"/>
                    {move || table.get().map(|t| numbers(&t, state))}
                    {move || members(state, data, group)}
                </section>
            </Show>
            {move || by_hand::unmatched(state, data, matching, unmatched_town)}
            <by_hand::IndicatorCodes data=data/>
        </TitledPanel>
    }
}

/// The chosen match's numbers: per town and series a row of actuals and a row of targets.
fn numbers(t: &IndicatorTable, state: Regions) -> impl IntoView {
    let (lang, style) = (state.lang(), state.year_style());
    let value = |v: Option<f64>| v.filter(|v| v.is_finite()).map_or_else(|| "—".to_owned(), locale::number);
    let rows = t.rows.iter().flat_map(|r| {
        let head = move |kind: &'static str, kind_key: &'static str| {
            view! {
                <th scope="row"><a href=Route::Strategy(r.at.strategy.clone()).hash()>{r.municipality.clone()}</a></th>
                <td>{numbered(&r.code, &r.name)}</td>
                <td>{r.series.clone()}</td>
                <td>{r.unit.clone()}</td>
                <td data-kind=kind_key>{kind}</td>
            }
        };
        let actuals = view! {
            <tr data-testid="matched-row" data-town=r.at.strategy.to_string() data-series=r.series.clone() data-kind="actual">
                {head(tr(lang, "実績", "Actual"), "actual")}
                {t.years.iter().zip(&r.cells).map(|(y, c)| view! {
                    <td class="num" data-year=y.0.to_string()>{value(c.actual)}{c.provisional.then(|| tr(lang, "（速報値）", " (provisional)"))}</td>
                }).collect_view()}
            </tr>
        };
        let targets = view! {
            <tr data-testid="matched-row" data-town=r.at.strategy.to_string() data-series=r.series.clone() data-kind="target">
                {head(tr(lang, "目標", "Target"), "target")}
                {t.years.iter().zip(&r.cells).map(|(y, c)| view! { <td class="num" data-year=y.0.to_string()>{value(c.target)}</td> }).collect_view()}
            </tr>
        };
        [actuals, targets]
    });
    view! {
        <div class="scroll-box">
            <table class="region-numbers" data-testid="matched-table">
                <caption class="visually-hidden">{tr(lang, "市町村ごとの実績と目標", "Each town's actuals and targets")}</caption>
                <thead><tr>
                    <th scope="col">{tr(lang, "市区町村", "Municipality")}</th>
                    <th scope="col">{tr(lang, "指標", "Indicator")}</th>
                    <th scope="col">{tr(lang, "系列", "Series")}</th>
                    <th scope="col">{tr(lang, "単位", "Unit")}</th>
                    <th scope="col">{tr(lang, "区分", "Kind")}</th>
                    {t.years.iter().map(|y| view! { <th scope="col" data-year=y.0.to_string()>{locale::year(*y, lang, style)}</th> }).collect_view()}
                </tr></thead>
                <tbody>{rows.collect_view()}</tbody>
            </table>
        </div>
    }
}

/// The chosen match's members: how each came in, and a way out (a hand-made match is undone;
/// one matched by a rule is kept out of every match, which can be undone below).
fn members(
    state: Regions,
    data: Memo<Option<Arc<Loaded>>>,
    group: Memo<Option<MatchedIndicator>>,
) -> Option<impl IntoView> {
    let lang = state.lang();
    let g = group.get()?;
    let d = data.get()?;
    let region = d.region.id.clone();
    Some(view! {
        <details class="region-members" data-testid="matched-members">
            <summary>{tr(lang, "この照合に含まれる指標", "Indicators in this match")}</summary>
            <ul>
                {g.members.iter().map(|(r, by)| {
                    let (town, name) = described(r, &d.towns);
                    let (region, r2, by) = (region.clone(), r.clone(), *by);
                    let (label, testid) = match by {
                        MatchedBy::Hand => (tr(lang, "手動の照合を取り消す", "Undo the hand match"), "match-undo"),
                        _ => (tr(lang, "この照合から外す", "Take out of this match"), "match-exclude"),
                    };
                    view! {
                        <li data-testid="match-member" data-town=r.strategy.to_string() data-by=by_key(by)>
                            <span>{format!("{town}: {name}")}</span>" "
                            <span class="badge">{rule(by, lang)}</span>" "
                            <button type="button" class="quiet" data-testid=testid on:click=move |_| match by {
                                MatchedBy::Hand => state.clear_indicator_match(&region, &r2.strategy, &r2.indicator),
                                _ => state.set_indicator_match(&region, &r2.strategy, &r2.indicator, None),
                            }>{label}</button>
                        </li>
                    }
                }).collect_view()}
            </ul>
        </details>
    })
}

/// Downloads the chosen match's table, named `渡島総合振興局管内_指標_合計特殊出生率_2026-11-23.csv`.
fn download(state: Regions, region: &str, g: &MatchedIndicator, t: &IndicatorTable) {
    let text = csv::matched_indicator(g, t, state.year_style());
    let middle = format!("{}_{}", tr(state.lang(), "指標", "indicator"), g.name);
    let name = files::file_name(region, &middle, &files::today(), "csv");
    state.downloads().csv(name, &text);
}

/// Prints one section of the region page: `<html data-print-section>` names it, the print
/// stylesheet (style/region-views.css) hides the rest and turns the page A4 landscape, and the
/// mark goes when printing is over.
fn print_section(section: &str) {
    let Some(w) = web_sys::window() else { return };
    let Some(root) = w.document().and_then(|d| d.document_element()) else { return };
    let _ = root.set_attribute("data-print-section", section);
    let (root, window) = (root.clone(), w.clone());
    let done = Closure::once_into_js(move || {
        let _ = root.remove_attribute("data-print-section");
        window.set_onafterprint(None);
    });
    w.set_onafterprint(Some(done.unchecked_ref()));
    let _ = w.print();
}
