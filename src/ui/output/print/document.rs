//! The strategy document on A4: the blocks of `format::document::outline`, the same the Word
//! document is written from — the title with the stage, 第1 基本的な考え方, the 施策体系図 drawn
//! (`tree`'s figures), 第2 基本目標ごとの施策 with each goal starting a page and the 数値目標・KPI
//! tables (their header rows repeated on each printed page). Text only ever as text nodes.

use super::common::Toolbar;
use super::tree;
use crate::format::document::outline::{outline, Block, Heading, INDICATOR_COLUMNS};
use crate::format::measure_tree;
use crate::model::{Id, Strategy};
use crate::session::route::Report;
use crate::ui::speech::{use_speech, Speaks};
use crate::ui::state::use_open;
use leptos::prelude::*;

#[component]
pub fn DocumentReport(id: Id) -> impl IntoView {
    let state = use_speech();
    let open = use_open();
    let body = move || {
        let style = state.year_style();
        open.with(|o| o.as_ref().map(|s| document(s, style)))
    };
    view! {
        <Toolbar id=id report=Report::Document>""</Toolbar>
        <article class="print-report paper strategy-document" data-testid="print-report" data-report="document">{body}</article>
    }
}

fn document(s: &Strategy, style: crate::locale::YearStyle) -> impl IntoView {
    let mut figures = Some(measure_tree::figures(s));
    outline(s, style)
        .into_iter()
        .map(|b| match b {
            Block::Title(t) => view! { <h1 class="doc-title" data-testid="doc-title">{t}</h1> }.into_any(),
            Block::Heading(Heading::Part, t) => {
                view! { <h2 class="doc-part" data-testid="doc-heading">{t}</h2> }.into_any()
            }
            Block::Heading(Heading::Section, t) => view! { <h3 data-testid="doc-heading">{t}</h3> }.into_any(),
            Block::Heading(Heading::Goal, t) => {
                view! { <h3 class="doc-goal" data-testid="doc-heading">{t}</h3> }.into_any()
            }
            Block::Heading(Heading::Measure, t) => view! { <h4 data-testid="doc-heading">{t}</h4> }.into_any(),
            Block::Text(t) => view! { <p class="doc-text">{t}</p> }.into_any(),
            Block::Caption(t) => view! { <p class="doc-caption">{t}</p> }.into_any(),
            Block::Item(t) => view! { <p class="doc-item">{t}</p> }.into_any(),
            Block::Indicators(rows) => indicators(rows).into_any(),
            Block::Table { columns, rows } => text_table(columns, rows).into_any(),
            Block::Tree => figures
                .take()
                .unwrap_or_default()
                .into_iter()
                .enumerate()
                .map(|(k, f)| tree::figure(k + 1, f))
                .collect_view()
                .into_any(),
        })
        .collect_view()
}

/// A table of text cells (the population vision's), the first cell of a row its name.
fn text_table(columns: Vec<String>, rows: Vec<Vec<String>>) -> impl IntoView {
    let heads = columns.into_iter().map(|h| view! { <th scope="col">{h}</th> }).collect_view();
    let rows = rows
        .into_iter()
        .map(|r| {
            let cells = r
                .into_iter()
                .enumerate()
                .map(|(i, c)| {
                    if i == 0 {
                        view! { <th scope="row">{c}</th> }.into_any()
                    } else {
                        view! { <td class="num">{c}</td> }.into_any()
                    }
                })
                .collect_view();
            view! { <tr>{cells}</tr> }
        })
        .collect_view();
    view! {
        <div class="table-wrap">
            <table class="report-table doc-table" data-testid="doc-table">
                <thead><tr>{heads}</tr></thead>
                <tbody>{rows}</tbody>
            </table>
        </div>
    }
}

/// 指標 | 基準値 | 目標値 | 目標年度, the baseline's year on a line of its own.
fn indicators(rows: Vec<[String; 4]>) -> impl IntoView {
    let heads = INDICATOR_COLUMNS.map(|h| view! { <th scope="col">{h}</th> });
    let rows = rows
        .into_iter()
        .map(|[name, baseline, target, year]| {
            let baseline = baseline.lines().map(|l| view! { <span class="line">{l.to_owned()}</span> }).collect_view();
            view! {
                <tr>
                    <th scope="row">{name}</th>
                    <td class="num">{baseline}</td>
                    <td class="num">{target}</td>
                    <td>{year}</td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <table class="report-table doc-indicators" data-testid="doc-indicators">
            <thead><tr>{heads.into_iter().collect_view()}</tr></thead>
            <tbody>{rows}</tbody>
        </table>
    }
}
