//! Pieces the reports use: the on-screen toolbar (print, back, the report's own controls),
//! money and heading texts, and the table of indicators (数値目標 / KPI) with baseline, target,
//! actual, progress and status, its sources numbered as footnotes (※1 …).

use crate::charts::dashboard::status_colour;
use crate::locale::{self, footnote_mark, tr, Footnotes, Language, YearStyle};
use crate::model::{assess, assess_in, Agreement, FiscalYear, Id, Indicator, Money, Strategy, Target};
use crate::session::route::{Report, Route};
use crate::ui::speech::{use_speech, Speaks};
use leptos::prelude::*;

/// 千円 amounts with thousands separators; "—" when missing (missing is not zero).
pub fn money(v: Option<Money>) -> String {
    v.map_or_else(|| "—".to_owned(), |v| locale::number(v as f64))
}

/// "number title", leaving out an empty number.
pub fn numbered(number: &str, title: &str) -> String {
    if number.trim().is_empty() {
        title.to_owned()
    } else {
        format!("{number} {title}")
    }
}

fn print_page() {
    if let Some(w) = web_sys::window() {
        let _ = w.print();
    }
}

/// The bar above a report on screen (hidden in print): back to the files page, the other
/// reports, the report's own controls (`children`), and 印刷.
#[component]
pub fn Toolbar(id: Id, report: Report, children: Children) -> impl IntoView {
    let state = use_speech();
    // The other reports, each a link: the grant review's named so, the first of the others
    // `print-other` (as when there were two reports).
    let others = [
        (Report::Targets, "数値目標の状況へ", "Numerical targets"),
        (Report::Sheets, "施策評価シートへ", "Evaluation sheets"),
        (Report::Grants, "交付金事業の効果検証へ", "Grant review"),
        (Report::Opinions, "意見と市の考え方へ", "Opinions and answers"),
        (Report::Tree, "施策体系図へ", "Measures' tree"),
        (Report::Document, "戦略の文書へ", "Strategy document"),
    ];
    let links = others
        .into_iter()
        .filter(|(r, ..)| *r != report)
        .enumerate()
        .map(|(k, (r, ja, en))| {
            let testid = match (r, k) {
                (Report::Grants, _) => "print-other-grants",
                (Report::Opinions, _) => "print-other-opinions",
                (Report::Tree, _) => "print-other-tree",
                (Report::Document, _) => "print-other-document",
                (_, 0) => "print-other",
                _ => "print-other-2",
            };
            view! { <a class="button quiet" data-testid=testid href=Route::Print(id.clone(), r).hash()>{move || state.tr(ja, en)}</a> }
        })
        .collect_view();
    view! {
        <crate::ui::kit::nav::StrategyNav/>
        <div class="print-toolbar" role="toolbar" data-testid="print-toolbar" aria-label=state.text("印刷の設定", "Print settings")>
            <a class="button quiet" data-testid="print-back" href=Route::Files(id.clone()).hash()>{state.text("← 戻る", "← Back")}</a>
            {links}
            <span class="print-controls">{children()}</span>
            <button type="button" class="primary" data-testid="print-button" on:click=move |_| print_page()>{state.text("印刷", "Print")}</button>
            <span class="hint">{state.text("A4 縦。PDF にするには印刷画面で「PDF に保存」を選びます。", "A4 portrait. To make a PDF, choose “Save as PDF” in the print dialog.")}</span>
        </div>
    }
}

/// A `<select>` of fiscal years; `none` adds a first option for "no particular year".
#[allow(clippy::too_many_arguments)] // reason: a small view builder with two call sites; a props struct adds nothing
pub fn year_select(
    testid: &'static str,
    label: &'static str,
    years: Vec<FiscalYear>,
    current: Option<FiscalYear>,
    none: Option<&'static str>,
    lang: Language,
    style: YearStyle,
    on_pick: impl Fn(Option<FiscalYear>) + 'static,
) -> impl IntoView {
    let options = years
        .into_iter()
        .map(|y| view! { <option value=y.0.to_string() selected=Some(y) == current>{locale::year(y, lang, style)}</option> })
        .collect_view();
    view! {
        <label class="inline">
            {label}" "
            <select data-testid=testid on:change=move |ev| on_pick(event_target_value(&ev).parse().ok().map(FiscalYear))>
                {none.map(|text| view! { <option value="" selected=current.is_none()>{text}</option> })}
                {options}
            </select>
        </label>
    }
}

/// The table of indicators: one `<tbody>` per indicator (kept together on a page), one row per
/// series. `as_of` reads every series in that year; `None` in its latest year with an actual.
/// [`indicator_table`] with its own footnotes under it, for a page that has one table.
pub fn indicator_table_with_sources(
    s: &Strategy,
    indicators: &[&Indicator],
    as_of: Option<FiscalYear>,
    lang: Language,
    style: YearStyle,
) -> impl IntoView {
    let mut notes = Footnotes::default();
    let table = indicator_table(s, indicators, as_of, YearlyTables::Left, lang, style, &mut notes);
    view! { {table}{footnotes(&notes, lang)} }
}

/// The numbered sources under a section: 「出典　※1 住民基本台帳」; nothing without sources.
pub fn footnotes(notes: &Footnotes, lang: Language) -> Option<impl IntoView> {
    (!notes.is_empty()).then(|| {
        let lines =
            notes.lines().into_iter().map(|l| view! { <li data-testid="print-footnote">{l}</li> }).collect_view();
        view! {
            <div class="report-footnotes" data-testid="print-footnotes">
                <span class="report-note">{tr(lang, "出典", "Sources")}</span>
                <ul class="report-note">{lines}</ul>
            </div>
        }
    })
}

/// A footnote number after a name or value: 「※1」 raised.
fn mark_view(numbers: &[usize]) -> Option<impl IntoView> {
    (!numbers.is_empty())
        .then(|| view! { <sup class="footnote-mark" data-testid="footnote-mark">{footnote_mark(numbers)}</sup> })
}

/// Whether an indicator's table is followed by its yearly table.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum YearlyTables {
    Printed,
    Left,
}

/// The table; the sources of its indicators are numbered into `notes` (shared by the tables of
/// a section, which prints them after the last one).
#[allow(clippy::too_many_arguments)] // reason: a view builder with two callers; a props struct adds nothing
pub fn indicator_table(
    s: &Strategy,
    indicators: &[&Indicator],
    as_of: Option<FiscalYear>,
    yearly: YearlyTables,
    lang: Language,
    style: YearStyle,
    notes: &mut Footnotes,
) -> impl IntoView {
    let labelled = indicators.iter().any(|i| i.series.iter().any(|se| !se.label.is_empty()));
    let columns = if labelled { 8 } else { 7 };
    let bodies = indicators
        .iter()
        .map(|ind| {
            let n = ind.series.len().max(1).to_string();
            let cx = s.context_of(ind);
            let sources = notes.indicator(ind);
            let rows = ind
                .series
                .iter()
                .enumerate()
                .map(|(k, series)| {
                    let a = match as_of {
                        Some(y) => assess_in(series, cx, y),
                        None => assess(series, cx),
                    };
                    // The value, and its year on a line of its own (narrow columns on paper), as
                    // the series writes its values' years (令和2年 for a calendar-year series).
                    let basis = series.year_basis;
                    let when = move |y: FiscalYear| view! { <span class="when">{format!("({})", locale::value_year(basis, y, lang, style))}</span> };
                    let baseline = series.baseline.as_ref().map_or("—".to_owned(), |b| locale::quantity(b.value, &ind.unit));
                    let baseline_year = series.baseline.as_ref().and_then(|b| b.year).map(when);
                    let (target, target_year) = match &series.target {
                        Some(Target::Value { value, year }) => (locale::quantity(*value, &ind.unit), year.map(when)),
                        // As written, with a relative target's derived value beside it.
                        Some(_) => (locale::series_target(series, &ind.unit, lang, style).unwrap_or_default(), None),
                        None => ("—".to_owned(), None),
                    };
                    // A target revised mid-plan: 「（令和4年度に上方修正、当初 1,500人）」 on a line of its own.
                    let revision = locale::revision_note(series, &ind.unit, ind.direction, lang, style)
                        .map(|note| view! { <span class="when revision" data-testid="cell-revision">{note}</span> });
                    let actual = a.actual.map_or("—".to_owned(), |v| locale::quantity(v, &ind.unit));
                    // The year of the latest actual as the series writes it (令和5年, 4月1日現在); with
                    // `as_of` the column heading names a fiscal year, so only another basis is shown.
                    let actual_year = a.actual.and(a.year).filter(|_| as_of.is_none() || !basis.is_fiscal()).map(|y| {
                        view! { <span class="when" data-testid="cell-actual-year">{format!("({})", locale::value_year(basis, y, lang, style))}</span> }
                    });
                    let value_mark = a.actual.and(a.year).and_then(|y| sources.value(&series.id, y)).and_then(|n| mark_view(&[n]));
                    // A span target's running sum or mean, on a line of its own.
                    let measured = locale::measured(series, &a, &ind.unit, lang)
                        .map(|m| view! { <span class="when" data-testid="cell-measured">{format!("({m})")}</span> });
                    let provisional = a.year.and_then(|y| series.actual(y)).is_some_and(|x| x.provisional);
                    let progress = a.progress.map_or("—".to_owned(), |p| locale::progress(p, ind.direction, lang));
                    let status = format!("{} {}", locale::status(a.status, lang), locale::rating(&a));
                    // The town's own verdict of that year beside the figures (once per indicator).
                    let verdict = a.year.filter(|_| k == 0).and_then(|y| ind.verdict(y)).map(|v| {
                        let differs = matches!(s.agreement(ind, v), Agreement::Differs { .. });
                        view! {
                            <span class="verdict" data-testid="cell-verdict" data-differs=differs.to_string()>
                                {locale::verdict_line(v, lang)}
                                {differs.then(|| tr(lang, "（計算と異なる）", " (differs from the figures)"))}
                            </span>
                        }
                    });
                    let head = (k == 0).then(|| view! {
                        <td class="code" rowspan=n.clone() data-testid="cell-code">{ind.code.clone()}</td>
                        <td class="name" rowspan=n.clone() data-testid="cell-name"><bdi>{ind.name.clone()}</bdi>{mark_view(&sources.name)}</td>
                    });
                    view! {
                        <tr data-testid="target-row">
                            {head}
                            {labelled.then(|| view! { <td class="label" data-testid="cell-label">{series.label.clone()}</td> })}
                            <td class="num" data-testid="cell-baseline">{baseline}{baseline_year}</td>
                            <td class="num" data-testid="cell-target">{target}{target_year}{revision}</td>
                            <td class="num" data-testid="cell-actual">{actual}{value_mark}{actual_year}{measured}{provisional.then(|| view! { <span class="provisional">{tr(lang, "（速報値）", " (provisional)")}</span> })}</td>
                            <td class="num progress" data-testid="cell-progress">{split_view(progress)}</td>
                            <td data-testid="cell-status">
                                <span class=format!("status {}", a.status.as_str()) style=format!("--status:{}", status_colour(a.status)) data-status=a.status.as_str()>{status}</span>
                                {verdict}
                            </td>
                        </tr>
                    }
                })
                .collect_view();
            // The indicator's years under its rows, in the same body (kept together on a page).
            let years = (yearly == YearlyTables::Printed).then(|| {
                let table = crate::charts::yearly::table(s, ind, crate::charts::Words { lang, years: style });
                view! { <tr class="years" data-testid="indicator-years"><td colspan=columns.to_string()>{year_table(table, lang)}</td></tr> }
            });
            view! { <tbody class="indicator" data-testid="indicator-rows">{rows}{years}</tbody> }
        })
        .collect_view();
    let actual_head = crate::words::print::actual_head(as_of.map(|y| locale::year(y, lang, style)).as_deref(), lang);
    view! {
        <table class="report-table targets">
            <colgroup>
                <col class="c-code"/><col class="c-name"/>
                {labelled.then(|| view! { <col class="c-label"/> })}
                <col class="c-value"/><col class="c-value"/><col class="c-value"/><col class="c-progress"/><col class="c-status"/>
            </colgroup>
            <thead><tr>
                <th scope="col">{tr(lang, "番号", "Code")}</th>
                <th scope="col">{tr(lang, "指標", "Indicator")}</th>
                {labelled.then(|| view! { <th scope="col">{tr(lang, "区分", "Series")}</th> })}
                <th scope="col">{tr(lang, "当初値", "Baseline")}</th>
                <th scope="col">{tr(lang, "目標値", "Target")}</th>
                <th scope="col">{actual_head}</th>
                <th scope="col">{tr(lang, "進捗", "Progress")}</th>
                <th scope="col">{tr(lang, "状況・評価", "Status, rating")}</th>
            </tr></thead>
            {bodies}
        </table>
    }
}

/// A figure and what follows it in brackets on lines of their own: a progress's words (「−26%」
/// over 「（基準値を下回る）」, which wrap as the column needs, never a character a line), a
/// baseline's year (「431.5」 over 「（平成30年度）」).
fn split_view(text: String) -> impl IntoView {
    match text.find(['（', '(']) {
        Some(at) => {
            let (figure, words) = text.split_at(at);
            let (figure, words) = (figure.to_owned(), words.to_owned());
            view! { <span class="figure">{figure}</span><span class="words">{words}</span> }.into_any()
        }
        None => view! { <span class="figure">{text}</span> }.into_any(),
    }
}

/// An indicator's yearly table (`charts::yearly`): the baseline, then a column per fiscal year
/// with its 目標 and 実績 rows per series.
fn year_table(t: crate::charts::yearly::YearTable, lang: Language) -> impl IntoView {
    let labelled = t.series.iter().any(|se| !se.label.is_empty());
    let heads = t.headings.into_iter().map(|h| view! { <th scope="col" class="year">{h}</th> }).collect_view();
    let bodies = t
        .series
        .into_iter()
        .map(|se| {
            let n = se.rows.len().to_string();
            let (label, baseline) = (se.label, se.baseline);
            let rows = se
                .rows
                .into_iter()
                .enumerate()
                .map(|(k, row)| {
                    let lead = (k == 0).then(|| {
                        view! {
                            {labelled.then(|| view! { <th scope="rowgroup" class="label" rowspan=n.clone()>{label.clone()}</th> })}
                            <td class="num baseline" rowspan=n.clone() data-testid="years-baseline">{split_view(baseline.clone())}</td>
                        }
                    });
                    let cells = row.cells.into_iter().map(|c| view! { <td class="num">{c}</td> }).collect_view();
                    view! {
                        <tr data-testid="years-row" data-kind=row.kind.as_str()>
                            {lead}
                            <th scope="row" class="kind">{row.head}</th>
                            {cells}
                        </tr>
                    }
                })
                .collect_view();
            view! { <tbody>{rows}</tbody> }
        })
        .collect_view();
    view! {
        <table class="year-table" data-testid="year-table">
            <thead><tr>
                {labelled.then(|| view! { <th scope="col" class="label">{tr(lang, "区分", "Series")}</th> })}
                <th scope="col" class="baseline">{tr(lang, "基準値", "Baseline")}</th>
                <th scope="col" class="kind unit">{t.unit}</th>
                {heads}
            </tr></thead>
            {bodies}
        </table>
    }
}
