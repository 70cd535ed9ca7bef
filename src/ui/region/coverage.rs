//! SDG and national-goal coverage across towns (`model::region::sdg_matrix`,
//! `national_goals_by_frame`): towns × the 17 SDGs — how many of each town's measures are tagged
//! with each — in the official colours, and towns × 国の基本目標 — how many of each town's
//! goals (and their measures) correspond to each, a table per national frame the towns are on
//! (第2期, デジタル田園都市, the 2025 frame …) under a heading naming it. Both are real tables with row and column
//! headers; the count is the cell's text, so colour is never the only carrier.

use super::loaded::Loaded;
use crate::locale::{self, tr, Language, YearStyle};
use crate::model::region::{national_goals_by_frame, sdg_matrix, TownFrame};
use crate::model::Sdg;
use crate::session::route::Route;
use crate::ui::kit::panel::TitledPanel;
use crate::ui::speech::{use_speech, Speaks};
use crate::words::region as words;
use leptos::prelude::*;
use std::sync::Arc;

/// "1 貧困をなくそう" / "1 No poverty".
fn sdg_name(sdg: Sdg, lang: Language) -> String {
    let name = match lang {
        Language::Ja => sdg.japanese(),
        Language::En => sdg.english(),
    };
    format!("{} {name}", sdg.0)
}

#[component]
pub fn Coverage(data: Memo<Option<Arc<Loaded>>>) -> impl IntoView {
    let state = use_speech();
    view! {
        <TitledPanel testid="region-coverage" class="region-section" title=("SDGs・国の基本目標との対応", "SDGs and national goals")>
            {move || data.get().map(|d| {
                let lang = state.lang();
                view! {
                    <h3>{tr(lang, "市町村 × SDGs（施策の数）", "Towns × SDGs (measures)")}</h3>
                    <p class="meta">{tr(lang,
                        "各市町村の施策のうち、それぞれの目標（ゴール）に対応づけたものの数です。色は SDGs の公式の色で、数が 0 のマスは白です。",
                        "How many of each town's measures are tagged with each goal. Colours are the SDGs' official ones; a cell with 0 is white.")}</p>
                    {sdgs(&d, lang)}
                    <h3>{tr(lang, "市町村 × 国の基本目標", "Towns × national goals")}</h3>
                    <p class="meta">{tr(lang,
                        "各市町村の目標のうち、国の総合戦略のそれぞれの目標に対応するものの数と、その施策の数です。市町村が拠る国の総合戦略が異なるときは、総合戦略ごとに表を分けます。",
                        "How many of each town's goals correspond to each goal of the national strategy, and their measures; towns on different national strategies are in a table each.")}</p>
                    {national_goals(&d, lang, state.year_style())}
                }
            })}
        </TitledPanel>
    }
}

fn sdgs(d: &Loaded, lang: Language) -> impl IntoView {
    let towns = d.towns();
    let matrix = sdg_matrix(&towns);
    let head = Sdg::all()
        .map(|sdg| {
            let style = format!("background:{};color:{}", sdg.colour(), sdg.text_colour());
            view! {
                <th scope="col" class="sdg-head" title=sdg_name(sdg, lang) data-sdg=sdg.0.to_string()>
                    <span class="sdg-chip" style=style aria-hidden="true">{sdg.0}</span>
                    <span class="visually-hidden">{sdg_name(sdg, lang)}</span>
                </th>
            }
        })
        .collect_view();
    let rows = towns
        .iter()
        .zip(&matrix.counts)
        .map(|(s, counts)| {
            let cells = Sdg::all()
                .zip(counts)
                .map(|(sdg, n)| {
                    let style = (*n > 0).then(|| format!("background:{};color:{}", sdg.colour(), sdg.text_colour()));
                    view! { <td class="cell" class:zero=*n == 0 style=style data-sdg=sdg.0.to_string()>{*n}</td> }
                })
                .collect_view();
            view! {
                <tr data-testid="sdg-row" data-town=s.id.to_string()>
                    <th scope="row"><a href=Route::Strategy(s.id.clone()).hash()>{s.municipality.name.clone()}</a></th>
                    {cells}
                </tr>
            }
        })
        .collect_view();
    let totals = Sdg::all()
        .map(|sdg| view! { <td class="cell" data-sdg=sdg.0.to_string()>{matrix.total(sdg)}</td> })
        .collect_view();
    view! {
        <div class="scroll-box">
            <table class="region-matrix" data-testid="sdg-matrix">
                <caption class="visually-hidden">{tr(lang, "市町村ごと、SDGs の目標ごとの施策の数", "Measures per town and SDG")}</caption>
                <thead><tr><th scope="col">{tr(lang, "市区町村", "Municipality")}</th>{head}</tr></thead>
                <tbody>{rows}</tbody>
                <tfoot><tr data-testid="sdg-totals"><th scope="row">{tr(lang, "管内計", "Region")}</th>{totals}</tr></tfoot>
            </table>
        </div>
    }
}

/// The group's heading: the frame with its years, a framework by its own name, or none set.
fn group_heading(frame: &TownFrame, lang: Language, style: YearStyle) -> String {
    match frame {
        TownFrame::Frame(f) => locale::frame_heading(f, lang, style),
        TownFrame::Named(name) => name.clone(),
        TownFrame::Unset => tr(lang, "国の枠組み未設定", "No national frame set").to_owned(),
    }
}

/// Towns × 国の基本目標, one table per national frame the towns are on
/// (`model::region::national_goals_by_frame`), each under a heading naming the frame.
fn national_goals(d: &Loaded, lang: Language, style: YearStyle) -> impl IntoView {
    let towns = d.towns();
    let groups = national_goals_by_frame(&towns);
    if groups.iter().all(|g| g.matrix.columns.is_empty()) {
        return view! {
            <p class="empty" data-testid="national-goal-none">{tr(lang,
                "国の基本目標を設定している市町村がありません。",
                "No town has set the national strategy's goals.")}</p>
        }
        .into_any();
    }
    let cell = move |goals: usize, measures: usize| words::goals_and_measures(goals, measures, lang);
    let name_of = |id: &crate::model::Id| towns.iter().find(|s| &s.id == id).map(|s| s.municipality.name.clone());
    groups
        .iter()
        .map(|g| {
            let matrix = &g.matrix;
            let frame_key = match &g.frame {
                TownFrame::Frame(f) => f.key.to_owned(),
                TownFrame::Named(_) => "named".to_owned(),
                TownFrame::Unset => "unset".to_owned(),
            };
            let heading = group_heading(&g.frame, lang, style);
            let count = words::town_count(matrix.towns.len(), lang);
            let head = matrix
                .columns
                .iter()
                .map(|c| {
                    view! {
                        <th scope="col" class="national-goal-head">
                            {words::coverage_column(&g.frame, c.key.kind, &c.number, lang)}
                            <br/><span class="meta">{c.title.clone()}</span>
                        </th>
                    }
                })
                .collect_view();
            let rows = matrix
                .towns
                .iter()
                .zip(&matrix.cells)
                .zip(&matrix.unassigned)
                .map(|((id, row), none)| {
                    let cells = row
                        .iter()
                        .map(|c| view! { <td class="cell" class:zero=c.goals == 0>{cell(c.goals, c.measures)}</td> })
                        .collect_view();
                    view! {
                        <tr data-testid="national-goal-row" data-town=id.to_string()>
                            <th scope="row"><a href=Route::Strategy(id.clone()).hash()>{name_of(id).unwrap_or_default()}</a></th>
                            {cells}
                            <td class="cell" class:zero=*none == 0 data-col="unassigned">{*none}</td>
                        </tr>
                    }
                })
                .collect_view();
            let caption = words::national_goals_caption(&heading, lang);
            view! {
                <div class="national-goal-group" data-testid="national-goal-group" data-frame=frame_key>
                    <h4 data-testid="national-goal-group-heading">
                        {heading}" "<span class="meta" data-testid="national-goal-group-count">{count}</span>
                    </h4>
                    <div class="scroll-box">
                        <table class="region-matrix" data-testid="national-goal-matrix">
                            <caption class="visually-hidden">{caption}</caption>
                            <thead><tr>
                                <th scope="col">{tr(lang, "市区町村", "Municipality")}</th>
                                {head}
                                <th scope="col">{tr(lang, "対応なしの目標", "Goals with none")}</th>
                            </tr></thead>
                            <tbody>{rows}</tbody>
                        </table>
                    </div>
                </div>
            }
        })
        .collect_view()
        .into_any()
}
