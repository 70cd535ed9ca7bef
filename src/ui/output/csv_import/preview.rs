//! The preview of a planned CSV import: the layout and counts, the values that would change
//! (from → to), the words that would change (値の時点, 出典, verdicts, earlier targets), the refused rows and cells with their reasons and the cells read as no value or
//! with a mark — each table cut at its first rows until 「すべて表示」 — and the buttons that
//! apply or cancel.

use crate::format::csv::{CellChange, CellKind, CsvRefusal, Layout, Noted, TextChange};
use crate::locale::{self, tr};
use crate::locale::{Language, YearStyle};
use crate::session::csv_import::CsvPreview;
use crate::ui::kit::panel::column_heads;
use crate::words;
use leptos::prelude::*;
use std::collections::HashMap;
use std::sync::Arc;

fn layout_words(layout: Layout, lang: Language) -> &'static str {
    match layout {
        Layout::Wide => tr(lang, "横長（1行に1系列、年度が列）", "Wide (one row per series, a column per year)"),
        Layout::Long => tr(lang, "縦長（1行に1つの値）", "Long (one value per row)"),
        Layout::Verdicts => {
            tr(lang, "町の評価（1行に1指標・1年度）", "Town's verdicts (one indicator and year per row)")
        }
    }
}

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

#[component]
pub(super) fn PreviewView(
    p: Arc<CsvPreview>,
    lang: Language,
    style: YearStyle,
    /// Every row, not only the first [`FIRST_ROWS`](crate::session::csv_import::FIRST_ROWS) of each table.
    all: bool,
    show_all: RwSignal<bool>,
    /// Whether to move the keyboard focus to the preview (once, when it arrives).
    focus: StoredValue<bool>,
    apply: Callback<()>,
    cancel: Callback<()>,
) -> impl IntoView {
    let heading = NodeRef::<leptos::html::H3>::new();
    // Bring a new preview into view and put the keyboard focus on it (it appears below the
    // button that chose the file).
    Effect::new(move |_| {
        if let Some(h) = heading.get() {
            if focus.get_value() {
                focus.set_value(false);
                let _ = h.focus();
            }
        }
    });
    let plan = &p.plan;
    let has_changes = !plan.changes.is_empty() || !plan.texts.is_empty();
    let has_texts = !plan.texts.is_empty();
    view! {
        <section class="csv-preview" data-testid="csv-preview" aria-labelledby="csv-preview-title">
            <h3 id="csv-preview-title" tabindex="-1" node_ref=heading>
                {tr(lang, "取り込む前の確認", "Check before importing")}" "<span class="meta">{p.file.clone()}</span>
            </h3>
            {p.replanned.then(|| view! {
                <p class="preview-note" data-testid="csv-replanned">{tr(lang,
                    "確認している間に戦略が変更されたため（別のタブなど）、内容を読み直しました。もう一度確認してください。",
                    "The strategy changed while you were checking (another tab?), so the file was read again. Please check again.")}</p>
            })}
            <dl class="facts">
                <dt>{tr(lang, "形式", "Layout")}</dt>
                <dd data-testid="csv-layout">{layout_words(plan.layout, lang)}</dd>
                <dt>{tr(lang, "読んだ行", "Rows read")}</dt>
                <dd data-testid="csv-rows">{words::preview_count(plan.rows, lang)}</dd>
                <dt>{tr(lang, "変わる値", "Values that change")}</dt>
                <dd data-testid="csv-change-count" class="strong">{words::preview_count(plan.changes.len(), lang)}</dd>
                {has_texts.then(|| view! {
                    <dt>{tr(lang, "変わる記述", "Words that change")}</dt>
                    <dd data-testid="csv-text-count" class="strong">{words::preview_count(plan.texts.len(), lang)}</dd>
                })}
                <dt>{tr(lang, "変わらない値", "Values unchanged")}</dt>
                <dd data-testid="csv-unchanged">{words::preview_count(plan.unchanged, lang)}</dd>
                <dt>{tr(lang, "取り込めない行・セル", "Rows and cells refused")}</dt>
                <dd data-testid="csv-refused-count" class:warn=!plan.refused.is_empty()>{words::preview_count(plan.refused.len(), lang)}</dd>
            </dl>
            <ValueTables p=p.clone() lang=lang style=style all=all show_all=show_all/>
            <div class="actions">
                <button type="button" class="primary" data-testid="csv-apply" disabled=!has_changes on:click=move |_| apply.run(())>
                    {tr(lang, "この内容で取り込む", "Import these values")}
                </button>
                <button type="button" data-testid="csv-cancel" on:click=move |_| cancel.run(())>{tr(lang, "取り消す", "Cancel")}</button>
                {has_changes.then(|| view! {
                    <span class="hint">{tr(lang, "取り込んだ後も「元に戻す」でまとめて戻せます。", "Undo takes the whole import back afterwards.")}</span>
                })}
            </div>
        </section>
    }
}

/// The tables of a planned import's values — the values and words that would change, the
/// refused rows and cells, the cells read as no value or with a mark — each cut at its first
/// rows until 「すべて表示」, and the columns not read. Shared by the CSV import and the import of
/// a town's own table (whose plan is a CSV plan of its rows).
#[component]
pub(in crate::ui::output) fn ValueTables(
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
