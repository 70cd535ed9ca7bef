//! The tables of a planned import's values, shared by the CSV import's preview and the
//! preview of a town's own table (whose plan is a CSV plan of its rows).

use crate::format::csv::{CellChange, CellKind, CsvRefusal, Noted, TextChange};
use crate::locale::{self, tr};
use crate::locale::{Language, YearStyle};
use crate::session::csv_import::CsvPreview;
use crate::ui::kit::panel::column_heads;
use crate::words;
use leptos::prelude::*;
use std::collections::HashMap;
use std::sync::Arc;

fn kind_words(kind: CellKind, lang: Language) -> &'static str {
    match kind {
        CellKind::Actual => tr(lang, "実績", "Actual"),
        CellKind::Interim => tr(lang, "中間目標", "Interim target"),
        CellKind::Baseline => tr(lang, "当初値", "Baseline"),
        CellKind::Target => tr(lang, "目標", "Target"),
        CellKind::TargetPerYear => tr(lang, "目標（毎年）", "Target (per year)"),
        CellKind::TargetWritten => tr(lang, "目標（書き方ごと）", "Target (as written)"),
    }
}

/// The tables of a planned import's values — the values and words that would change, the
/// refused rows and cells, the cells read as no value or with a mark — each cut at its first
/// rows until 「すべて表示」, and the columns not read. Shared by the CSV import and the import of
/// a town's own table (whose plan is a CSV plan of its rows).
#[component]
pub(super) fn ValueTables(
    p: Arc<CsvPreview>,
    lang: Language,
    style: YearStyle,
    /// Every row, not only the first [`FIRST_ROWS`](crate::session::csv_import::FIRST_ROWS) of each table.
    all: bool,
    show_all: RwSignal<bool>,
) -> impl IntoView {
    let plan = &p.plan;
    let shown = p.shown(all);
    let changes = plan.changes.iter().take(shown.changes).map(|c| change_row(c, lang, style)).collect_view();
    let texts = plan.texts.iter().take(shown.texts).map(|c| text_row(c, lang, style)).collect_view();
    let refused = plan.refused.iter().take(shown.refused).map(|r| refusal_row(r, &p.letters, lang)).collect_view();
    let noted = plan.noted.iter().take(shown.noted).map(|n| noted_row(n, &p.letters, lang)).collect_view();
    let hidden = shown.hidden;
    let ignored = plan
        .ignored_columns
        .iter()
        .map(|c| words::csv_column_name(p.letters.get(c).map(String::as_str), c, lang))
        .collect::<Vec<_>>();
    let (has_values, has_texts) = (!plan.changes.is_empty(), !plan.texts.is_empty());
    view! {
            {if has_values {
                view! {
                    <h4>{tr(lang, "変わる値", "Values that change")}</h4>
                    <div class="table-wrap">
                        <table class="csv-changes" data-testid="csv-changes">
                            <thead><tr>
                                <th scope="col">{tr(lang, "行", "Row")}</th>
                                <th scope="col">{tr(lang, "指標", "Indicator")}</th>
                                <th scope="col">{tr(lang, "系列", "Series")}</th>
                                <th scope="col">{tr(lang, "年度", "Fiscal year")}</th>
                                <th scope="col">{tr(lang, "区分", "Kind")}</th>
                                <th scope="col" class="num">{tr(lang, "現在", "Now")}</th>
                                <th scope="col" aria-hidden="true"></th>
                                <th scope="col" class="num">{tr(lang, "取り込み後", "After import")}</th>
                            </tr></thead>
                            <tbody>{changes}</tbody>
                        </table>
                    </div>
                }.into_any()
            } else if !has_texts {
                view! { <p class="preview-note" data-testid="csv-no-changes">{tr(lang, "このファイルで変わる値はありません。", "This file changes no value.")}</p> }.into_any()
            } else {
                ().into_any()
            }}
            {has_texts.then(|| view! {
                <h4>{tr(lang, "変わる記述（値の時点・出典・町の評価・修正前の目標）", "Words that change (what a year means, sources, verdicts, earlier targets)")}</h4>
                <div class="table-wrap">
                    <table class="csv-changes" data-testid="csv-texts">
                        <thead><tr>
                            <th scope="col">{tr(lang, "行", "Row")}</th>
                            <th scope="col">{tr(lang, "指標", "Indicator")}</th>
                            <th scope="col">{tr(lang, "系列", "Series")}</th>
                            <th scope="col">{tr(lang, "項目", "Item")}</th>
                            <th scope="col">{tr(lang, "現在", "Now")}</th>
                            <th scope="col" aria-hidden="true"></th>
                            <th scope="col">{tr(lang, "取り込み後", "After import")}</th>
                        </tr></thead>
                        <tbody>{texts}</tbody>
                    </table>
                </div>
            })}
            {(!plan.refused.is_empty()).then(|| view! {
                <h4>{tr(lang, "取り込めない行・セル（この部分は取り込みません）", "Rows and cells refused (not imported)")}</h4>
                <div class="table-wrap">
                    <table class="csv-refused" data-testid="csv-refused">
                        {column_heads(lang, &[
                            ("行", "Row"),
                            ("列", "Column"),
                            ("理由", "Reason"),
                        ])}
                        <tbody>{refused}</tbody>
                    </table>
                </div>
            })}
            {(!plan.noted.is_empty()).then(|| view! {
                <h4>{tr(lang, "読み替えたセル（値なしの記号・注記つきの値）", "Cells read as no value, or with a mark")}</h4>
                <div class="table-wrap">
                    <table class="csv-noted" data-testid="csv-noted">
                        {column_heads(lang, &[
                            ("行", "Row"),
                            ("列", "Column"),
                            ("セル", "Cell"),
                            ("読み方", "Read as"),
                        ])}
                        <tbody>{noted}</tbody>
                    </table>
                </div>
            })}
            {(hidden > 0).then(|| view! {
                <p class="meta">
                    {words::rows_not_shown(hidden, lang)}
                    <button type="button" class="link" data-testid="csv-show-all" on:click=move |_| show_all.set(true)>{tr(lang, "すべて表示", "Show all")}</button>
                </p>
            })}
            {(!ignored.is_empty()).then(|| view! {
                <p class="meta" data-testid="csv-ignored">
                    {tr(lang, "読まない列（取り込みません）: ", "Columns not read: ")}{ignored.join(tr(lang, "、", ", "))}
                </p>
            })}
    }
}

/// A value with its 速報 flag: "352 速報".
fn value_cell(value: Option<f64>, provisional: bool, lang: Language) -> impl IntoView {
    view! {
        {value.map_or_else(|| "—".to_owned(), locale::number)}
        {provisional.then(|| view! { <span class="badge provisional">{tr(lang, "速報", "provisional")}</span> })}
    }
}

/// A value that was provisional and is now final: "352 確定".
fn value_made_final(value: f64, lang: Language) -> impl IntoView {
    view! {
        {locale::number(value)}
        <span class="badge">{tr(lang, "確定", "final")}</span>
    }
}

fn change_row(c: &CellChange, lang: Language, style: YearStyle) -> impl IntoView {
    let v = &c.value;
    let year = match (v.kind, v.year) {
        (CellKind::TargetPerYear, _) => tr(lang, "毎年", "every year").to_owned(),
        // An actual's year as its series writes it (「令和5年」); the other years stay fiscal, as in the file.
        (CellKind::Actual, Some(y)) => locale::value_year(c.basis, y, lang, style),
        (_, Some(y)) => locale::year(y, lang, style),
        (_, None) => "—".to_owned(),
    };
    let series = if c.series_label.is_empty() { "—".to_owned() } else { c.series_label.clone() };
    let confirmed = v.from_provisional && !v.to_provisional;
    view! {
        <tr data-testid="csv-change">
            <td class="num">{c.row}</td>
            <td><span class="code">{c.code.clone()}</span>" "{c.name.clone()}</td>
            <td>{series}</td>
            <td class="code">{year}</td>
            <td>{kind_words(v.kind, lang)}</td>
            <td class="num from">{value_cell(v.from, v.from_provisional, lang)}</td>
            <td class="arrow" aria-label=tr(lang, "から", "to")>"→"</td>
            <td class="num to">{match &v.written {
                // A target set in words shows as the words (and the value it comes to, if any).
                Some(t) => view! { {locale::target(t, &c.unit, lang, style)} }.into_any(),
                None if confirmed => value_made_final(v.to, lang).into_any(),
                None => value_cell(Some(v.to), v.to_provisional, lang).into_any(),
            }}</td>
        </tr>
    }
}

fn text_row(c: &TextChange, lang: Language, style: YearStyle) -> impl IntoView {
    let series = match &c.series {
        Some((_, label)) if !label.is_empty() => label.clone(),
        _ => "—".to_owned(),
    };
    let (from, to) = words::csv_text_sides(c, lang, style);
    view! {
        <tr data-testid="csv-text">
            <td class="num">{c.row}</td>
            <td><span class="code">{c.code.clone()}</span>" "{c.name.clone()}</td>
            <td>{series}</td>
            <td>{words::csv_text_what(c, lang, style)}</td>
            <td class="from">{from}</td>
            <td class="arrow" aria-label=tr(lang, "から", "to")>"→"</td>
            <td class="to">{to}</td>
        </tr>
    }
}

fn refusal_row(r: &CsvRefusal, letters: &HashMap<String, String>, lang: Language) -> impl IntoView {
    let column = if r.column.is_empty() {
        "—".to_owned()
    } else {
        words::csv_column_name(letters.get(&r.column).map(String::as_str), &r.column, lang)
    };
    view! {
        <tr data-testid="csv-refusal">
            <td class="num">{r.row}</td>
            <td class="code">{column}</td>
            <td>{words::csv_refusal(&r.reason, lang)}</td>
        </tr>
    }
}

fn noted_row(n: &Noted, letters: &HashMap<String, String>, lang: Language) -> impl IntoView {
    view! {
        <tr data-testid="csv-noted-cell">
            <td class="num">{n.row}</td>
            <td class="code">{words::csv_column_name(letters.get(&n.column).map(String::as_str), &n.column, lang)}</td>
            <td>{n.text.clone()}</td>
            <td>{words::csv_reading(&n.reading, lang)}</td>
        </tr>
    }
}
