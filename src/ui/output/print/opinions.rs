//! 「意見と市の考え方」 on A4, in the shape towns publish it: for each hearing with opinions, its
//! heading, 意見募集期間, 提出者数 and 意見件数, then 番号 | 該当箇所 | 意見の要旨 | 対応 | 市の考え方,
//! gathered opinions in one row (`format::opinions::answer_sheets`, which holds no sender). The
//! same sheets are the 策定 page's CSV and Word document.

use super::common::Toolbar;
use crate::format::opinions::{answer_sheets, AnswerSheet};
use crate::locale::tr;
use crate::model::{Id, Strategy};
use crate::session::route::Report;
use crate::ui::kit::panel::column_heads;
use crate::ui::speech::{use_speech, Speaks};
use crate::ui::state::use_open;
use leptos::prelude::*;

#[component]
pub fn OpinionsReport(id: Id) -> impl IntoView {
    let state = use_speech();
    let open = use_open();
    let body = move || {
        let lang = state.lang();
        open.with(|o| o.as_ref().map(|s| report(s, lang)))
    };
    view! {
        <Toolbar id=id report=Report::Opinions>{|| ()}</Toolbar>
        <article class="print-report paper" data-testid="print-report" data-report="opinions">{body}</article>
    }
}

fn report(s: &Strategy, lang: crate::locale::Language) -> impl IntoView {
    let sheets = answer_sheets(s, None);
    let body = if sheets.is_empty() {
        view! {
            <p class="empty" data-testid="print-empty">{tr(lang,
                "まだ意見はありません。策定のページの「意見聴取」で記録します。",
                "No opinions yet. Record them under 「意見聴取」 on the drafting page.")}</p>
        }
        .into_any()
    } else {
        sheets.into_iter().map(|sheet| hearing(sheet, lang)).collect_view().into_any()
    };
    view! {
        <header class="report-head">
            <p class="report-municipality">{s.municipality.name.clone()}</p>
            <h1>{s.title.clone()}</h1>
            <p class="report-kind" data-testid="print-opinions-heading">{tr(lang, "意見と市の考え方", "Opinions and the town's answers")}</p>
        </header>
        {body}
    }
}

fn hearing(sheet: AnswerSheet, lang: crate::locale::Language) -> impl IntoView {
    let (heading, figures) = (sheet.heading(), sheet.figures());
    let rows = sheet
        .rows
        .into_iter()
        .map(|r| {
            let response = r.response_lines().into_iter().map(|l| view! { <p>{l}</p> }).collect_view();
            let opinions = r.opinions.into_iter().map(|o| view! { <p class="prose">{o}</p> }).collect_view();
            view! {
                <tr data-testid="print-opinion-row">
                    <td class="code">{r.number}</td>
                    <td>{r.place}</td>
                    <td>{opinions}</td>
                    <td class="dir">{response}</td>
                    <td><p class="prose">{r.answer}</p></td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <section class="opinion-sheet" data-testid="print-opinion-sheet">
            <h2>{heading}</h2>
            <ul class="opinion-figures" data-testid="print-opinion-figures">
                {figures.into_iter().map(|l| view! { <li>{l}</li> }).collect_view()}
            </ul>
            <table class="report-table opinion-table">
                <colgroup><col class="c-code"/><col class="c-place"/><col/><col class="c-done"/><col/></colgroup>
                {column_heads(lang, &[
                    ("番号", "No."),
                    ("該当箇所", "Where"),
                    ("意見の要旨", "Opinion"),
                    ("対応", "Response"),
                    ("市の考え方", "The town's answer"),
                ])}
                <tbody>{rows}</tbody>
            </table>
        </section>
    }
}
