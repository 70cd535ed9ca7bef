//! CSV import of indicator values (actuals, targets, interim targets, baselines): a file is
//! read as bytes, decoded (UTF-8 or Shift_JIS), planned against the open strategy, and shown as
//! a preview — the layout, every value that would change (from → to), every refused row or
//! cell with its reason, the columns not read, the count unchanged. Nothing changes until
//! 「この内容で取り込む」, which applies the plan as one undo step.

use crate::format::csv::{self, CellChange, CellKind, CsvError, CsvPlan, Layout, Noted, Refusal};
use crate::format::ImportError;
use crate::storage::{Language, YearStyle};
use crate::ui::files;
use crate::ui::i18n::{self, tr};
use crate::ui::route::{Route, Selection};
use crate::ui::state::{use_app, AppState};
use leptos::prelude::*;
use std::collections::HashMap;
use std::sync::Arc;
use wasm_bindgen::JsCast;

/// Rows of a table shown before "show all".
const FIRST_ROWS: usize = 200;

/// Why a file was not read.
#[derive(Clone, Debug, PartialEq)]
enum Failure {
    Csv(CsvError),
    /// Refused before reading (too large).
    File(ImportError),
    /// What the browser said when reading failed.
    Browser(String),
}

/// A file read and planned, waiting for the user's choice.
#[derive(Debug, PartialEq)]
struct Preview {
    file: String,
    /// The decoded text, planned again when applied.
    text: String,
    plan: CsvPlan,
    /// The header's column names → the letters Excel shows them under ("値" → "H").
    letters: HashMap<String, String>,
    /// The strategy changed since the first preview, and this is the plan made again.
    replanned: bool,
}

#[derive(Clone, Debug, PartialEq)]
enum Stage {
    Idle,
    Reading {
        file: String,
    },
    Failed {
        file: String,
        failure: Failure,
    },
    Preview(Arc<Preview>),
    /// Applied as one undo step; `revision` is the strategy's right after it, so the step is
    /// known to be the last one while the revision has not moved.
    Applied {
        file: String,
        count: usize,
        revision: u64,
    },
    Undone {
        file: String,
    },
    Cancelled {
        file: String,
    },
}

#[component]
pub fn CsvImport() -> impl IntoView {
    let state = use_app();
    let stage = RwSignal::new(Stage::Idle);
    let show_all = RwSignal::new(false);
    // Set when a new preview arrives: it takes the focus once (not when "show all" or the
    // language redraws it).
    let focus_preview = StoredValue::new(false);

    let take = move |file: web_sys::File| {
        let name = file.name();
        show_all.set(false);
        stage.set(Stage::Reading { file: name.clone() });
        leptos::task::spawn_local(async move {
            let read = files::read_bytes(&file).await;
            // Let "reading" paint before the synchronous planning of a large file.
            files::next_frame().await;
            let next = match read {
                Ok(bytes) => plan_file(state, name, &bytes),
                Err(Ok(error)) => Stage::Failed { file: name, failure: Failure::File(error) },
                Err(Err(detail)) => Stage::Failed { file: name, failure: Failure::Browser(detail) },
            };
            focus_preview.set_value(matches!(next, Stage::Preview(_)));
            // The page may have been left (or drawn anew) meanwhile.
            if stage.try_set(next).is_none() {
                state.dropped_csv.set(None);
            }
        });
    };
    // The input is cleared so that picking the same file again (after editing it) reads it again.
    let on_file = move |ev: leptos::ev::Event| {
        let Some(input) = ev.target().and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok()) else { return };
        let Some(file) = input.files().and_then(|f| f.get(0)) else { return };
        input.set_value("");
        take(file);
    };
    // A CSV dropped anywhere on the window while a strategy was open (AppState::take_csv). It
    // stays there until a preview (or failure) is shown: the page can be drawn anew while the
    // strategy loads, and then the new page takes it.
    Effect::new(move |_| {
        if let Some(file) = state.dropped_csv.get() {
            take(file);
        }
    });

    let apply = Callback::new(move |()| {
        let Stage::Preview(p) = stage.get_untracked() else { return };
        let Some(now) = state.open.get_untracked() else { return };
        // The strategy may have changed since the preview (another tab): then plan again and
        // show the new plan instead of applying one the user has not seen.
        match csv::plan_import(&now, &p.text) {
            Ok(plan) if plan == p.plan => {}
            Ok(plan) => {
                focus_preview.set_value(true);
                stage.set(Stage::Preview(Arc::new(Preview {
                    plan,
                    replanned: true,
                    file: p.file.clone(),
                    text: p.text.clone(),
                    letters: p.letters.clone(),
                })));
                return;
            }
            Err(error) => {
                stage.set(Stage::Failed { file: p.file.clone(), failure: Failure::Csv(error) });
                return;
            }
        }
        let mut count = 0;
        state.edit(|s| count = csv::apply(s, &p.plan));
        stage.set(Stage::Applied { file: p.file.clone(), count, revision: state.revision.get_untracked() });
    });
    let cancel = Callback::new(move |()| {
        let file = match stage.get_untracked() {
            Stage::Preview(p) => p.file.clone(),
            _ => return,
        };
        stage.set(Stage::Cancelled { file });
    });

    view! {
        <section class="panel csv-import" data-testid="csv-import" aria-labelledby="csv-import-title">
            <h2 id="csv-import-title">{move || state.tr("CSV から実績値・目標値を取り込む", "Import actuals and targets from CSV")}</h2>
            <Help/>
            <div class="actions">
                <input id="csv-file" class="visually-hidden" type="file" accept=".csv,text/csv" data-testid="csv-file" on:change=on_file/>
                <label class="button primary" for="csv-file">{move || state.tr("CSV ファイルを選ぶ", "Choose a CSV file")}</label>
                <span class="hint">{move || state.tr("選んだだけでは何も変わりません。次に内容を確認します。", "Choosing a file changes nothing: you see what it would do first.")}</span>
            </div>
            {move || {
                let lang = state.lang();
                let style = state.year_style();
                match stage.get() {
                    Stage::Idle => ().into_any(),
                    Stage::Reading { file } => view! {
                        <p class="csv-status" role="status" data-testid="csv-reading">
                            {tr(lang, "読み込んで確認しています…", "Reading and checking…")}" "<span class="meta">{file}</span>
                        </p>
                    }.into_any(),
                    Stage::Failed { file, failure } => failed(lang, file, failure).into_any(),
                    Stage::Preview(p) => view! { <PreviewView p=p lang=lang style=style all=show_all.get() show_all=show_all focus=focus_preview apply=apply cancel=cancel/> }.into_any(),
                    Stage::Applied { file, count, revision } => applied(state, stage, lang, file, count, revision).into_any(),
                    Stage::Undone { file } => view! {
                        <p class="notice" role="status" data-testid="csv-undone">
                            {match lang {
                                Language::Ja => format!("「{file}」の取り込みを元に戻しました。"),
                                Language::En => format!("The import of \"{file}\" was undone."),
                            }}
                        </p>
                    }.into_any(),
                    Stage::Cancelled { file } => view! {
                        <p class="notice" role="status" data-testid="csv-cancelled">
                            {match lang {
                                Language::Ja => format!("「{file}」は取り込みませんでした。何も変わっていません。"),
                                Language::En => format!("\"{file}\" was not imported. Nothing changed."),
                            }}
                        </p>
                    }.into_any(),
                }
            }}
        </section>
    }
}

/// Decodes and plans a file against the open strategy (nothing changes).
fn plan_file(state: AppState, file: String, bytes: &[u8]) -> Stage {
    let text = match csv::decode(bytes, &files::shift_jis) {
        Ok(text) => text,
        Err(error) => return Stage::Failed { file, failure: Failure::Csv(error) },
    };
    let Some(s) = state.open.get_untracked() else { return Stage::Idle };
    match files::timed("shirube:csv-plan", || csv::plan_import(&s, &text)) {
        Ok(plan) => {
            Stage::Preview(Arc::new(Preview { letters: column_letters(&text), file, text, plan, replanned: false }))
        }
        Err(error) => Stage::Failed { file, failure: Failure::Csv(error) },
    }
}

/// The letter Excel shows over the column at `index` (0 → A, 25 → Z, 26 → AA).
fn column_letter(index: usize) -> String {
    let mut n = index + 1;
    let mut out = Vec::new();
    while n > 0 {
        let rem = (n - 1) % 26;
        out.push(char::from(b'A' + rem as u8));
        n = (n - 1) / 26;
    }
    out.iter().rev().collect()
}

/// The header row's names (trimmed, as the plan names columns) → their column letters; the
/// first of repeated names wins, as in the import. The header is the first row that is not
/// blank.
fn column_letters(text: &str) -> HashMap<String, String> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut reader = ::csv::ReaderBuilder::new().has_headers(false).flexible(true).from_reader(text.as_bytes());
    let header = reader.records().map_while(Result::ok).find(|r| r.iter().any(|c| !c.trim().is_empty()));
    let mut letters = HashMap::new();
    for (i, name) in header.iter().flat_map(|h| h.iter()).enumerate() {
        letters.entry(name.trim().to_owned()).or_insert_with(|| column_letter(i));
    }
    letters
}

fn failed(lang: Language, file: String, failure: Failure) -> impl IntoView {
    let lines = match &failure {
        Failure::Csv(e) => vec![i18n::csv_error(e, lang)],
        Failure::File(e) => i18n::import_error(e, lang),
        Failure::Browser(detail) => {
            vec![format!("{}{detail}", tr(lang, "ファイルを読めませんでした: ", "The file could not be read: "))]
        }
    };
    view! {
        <div class="notice error" role="alert" data-testid="csv-error">
            <p class="notice-headline">{match lang {
                Language::Ja => format!("「{file}」は取り込めません。何も変わっていません。"),
                Language::En => format!("\"{file}\" cannot be imported. Nothing changed."),
            }}</p>
            <ul class="notice-lines">{lines.into_iter().map(|l| view! { <li data-testid="csv-error-line">{l}</li> }).collect_view()}</ul>
        </div>
    }
}

fn applied(
    state: AppState,
    stage: RwSignal<Stage>,
    lang: Language,
    file: String,
    count: usize,
    revision: u64,
) -> impl IntoView {
    let editor = state
        .open
        .with_untracked(|o| o.as_ref().map(|s| Route::Edit(s.id.clone(), Selection::Strategy).hash()))
        .unwrap_or_default();
    let undo_file = file.clone();
    view! {
        <div class="notice" role="status" data-testid="csv-applied">
            <p class="notice-headline">{match lang {
                Language::Ja => format!("「{file}」から {count} 件の値を取り込みました。"),
                Language::En => format!("{count} {} imported from \"{file}\".", if count == 1 { "value" } else { "values" }),
            }}</p>
            <p>{tr(lang,
                "取り込みは1回の操作です。編集画面の「元に戻す」（Ctrl+Z）で、取り込む前にまとめて戻せます。",
                "The import is one step: Undo in the editor (Ctrl+Z) takes all of it back.")}</p>
            <div class="notice-actions">
                <a class="button" href=editor data-testid="csv-to-editor">{tr(lang, "編集画面で確認する", "Check in the editor")}</a>
                <button type="button" data-testid="csv-undo"
                    disabled=move || state.revision.get() != revision
                    title=tr(lang, "取り込んだ後に別の変更をしたときは、編集画面の「元に戻す」を使ってください", "After another change, use Undo in the editor")
                    on:click=move |_| {
                        if state.revision.get_untracked() == revision {
                            state.undo();
                            stage.set(Stage::Undone { file: undo_file.clone() });
                        }
                    }>
                    {tr(lang, "取り込みを元に戻す", "Undo the import")}
                </button>
            </div>
        </div>
    }
}

fn layout_words(layout: Layout, lang: Language) -> &'static str {
    match layout {
        Layout::Wide => tr(lang, "横長（1行に1系列、年度が列）", "Wide (one row per series, a column per year)"),
        Layout::Long => tr(lang, "縦長（1行に1つの値）", "Long (one value per row)"),
    }
}

fn kind_words(kind: CellKind, lang: Language) -> &'static str {
    match kind {
        CellKind::Actual => tr(lang, "実績", "Actual"),
        CellKind::Interim => tr(lang, "中間目標", "Interim target"),
        CellKind::Baseline => tr(lang, "当初値", "Baseline"),
        CellKind::Target => tr(lang, "目標", "Target"),
        CellKind::TargetPerYear => tr(lang, "目標（毎年）", "Target (per year)"),
    }
}

/// "9件" / "9".
fn count(n: usize, lang: Language) -> String {
    match lang {
        Language::Ja => format!("{} 件", i18n::number(n as f64)),
        Language::En => i18n::number(n as f64),
    }
}

#[component]
fn PreviewView(
    p: Arc<Preview>,
    lang: Language,
    style: YearStyle,
    /// Every row, not only the first [`FIRST_ROWS`] of each table.
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
    let shown = |n: usize| if all { n } else { n.min(FIRST_ROWS) };
    let changes =
        plan.changes.iter().take(shown(plan.changes.len())).map(|c| change_row(c, lang, style)).collect_view();
    let refused =
        plan.refused.iter().take(shown(plan.refused.len())).map(|r| refusal_row(r, &p.letters, lang)).collect_view();
    let noted = plan.noted.iter().take(shown(plan.noted.len())).map(|n| noted_row(n, &p.letters, lang)).collect_view();
    let hidden = (plan.changes.len() - shown(plan.changes.len()))
        + (plan.refused.len() - shown(plan.refused.len()))
        + (plan.noted.len() - shown(plan.noted.len()));
    let ignored = plan.ignored_columns.iter().map(|c| column_name(p.letters.get(c), c, lang)).collect::<Vec<_>>();
    let has_changes = !plan.changes.is_empty();
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
                <dd data-testid="csv-rows">{count(plan.rows, lang)}</dd>
                <dt>{tr(lang, "変わる値", "Values that change")}</dt>
                <dd data-testid="csv-change-count" class="strong">{count(plan.changes.len(), lang)}</dd>
                <dt>{tr(lang, "変わらない値", "Values unchanged")}</dt>
                <dd data-testid="csv-unchanged">{count(plan.unchanged, lang)}</dd>
                <dt>{tr(lang, "取り込めない行・セル", "Rows and cells refused")}</dt>
                <dd data-testid="csv-refused-count" class:warn=!plan.refused.is_empty()>{count(plan.refused.len(), lang)}</dd>
            </dl>
            {if has_changes {
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
            } else {
                view! { <p class="preview-note" data-testid="csv-no-changes">{tr(lang, "このファイルで変わる値はありません。", "This file changes no value.")}</p> }.into_any()
            }}
            {(!plan.refused.is_empty()).then(|| view! {
                <h4>{tr(lang, "取り込めない行・セル（この部分は取り込みません）", "Rows and cells refused (not imported)")}</h4>
                <div class="table-wrap">
                    <table class="csv-refused" data-testid="csv-refused">
                        <thead><tr>
                            <th scope="col">{tr(lang, "行", "Row")}</th>
                            <th scope="col">{tr(lang, "列", "Column")}</th>
                            <th scope="col">{tr(lang, "理由", "Reason")}</th>
                        </tr></thead>
                        <tbody>{refused}</tbody>
                    </table>
                </div>
            })}
            {(!plan.noted.is_empty()).then(|| view! {
                <h4>{tr(lang, "読み替えたセル（値なしの記号・注記つきの値）", "Cells read as no value, or with a mark")}</h4>
                <div class="table-wrap">
                    <table class="csv-noted" data-testid="csv-noted">
                        <thead><tr>
                            <th scope="col">{tr(lang, "行", "Row")}</th>
                            <th scope="col">{tr(lang, "列", "Column")}</th>
                            <th scope="col">{tr(lang, "セル", "Cell")}</th>
                            <th scope="col">{tr(lang, "読み方", "Read as")}</th>
                        </tr></thead>
                        <tbody>{noted}</tbody>
                    </table>
                </div>
            })}
            {(hidden > 0).then(|| view! {
                <p class="meta">
                    {match lang {
                        Language::Ja => format!("ほか {} 行は省略しています。", i18n::number(hidden as f64)),
                        Language::En => format!("{} more rows are not shown.", i18n::number(hidden as f64)),
                    }}
                    <button type="button" class="link" data-testid="csv-show-all" on:click=move |_| show_all.set(true)>{tr(lang, "すべて表示", "Show all")}</button>
                </p>
            })}
            {(!ignored.is_empty()).then(|| view! {
                <p class="meta" data-testid="csv-ignored">
                    {tr(lang, "読まない列（取り込みません）: ", "Columns not read: ")}{ignored.join(tr(lang, "、", ", "))}
                </p>
            })}
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

/// A value with its 速報 flag: "352 速報".
fn value_cell(value: Option<f64>, provisional: bool, confirmed: bool, lang: Language) -> impl IntoView {
    view! {
        {value.map_or_else(|| "—".to_owned(), i18n::number)}
        {provisional.then(|| view! { <span class="badge provisional">{tr(lang, "速報", "provisional")}</span> })}
        {confirmed.then(|| view! { <span class="badge">{tr(lang, "確定", "final")}</span> })}
    }
}

fn change_row(c: &CellChange, lang: Language, style: YearStyle) -> impl IntoView {
    let year = match (c.kind, c.year) {
        (CellKind::TargetPerYear, _) => tr(lang, "毎年", "every year").to_owned(),
        (_, Some(y)) => i18n::year(y, lang, style),
        (_, None) => "—".to_owned(),
    };
    let series = if c.series_label.is_empty() { "—".to_owned() } else { c.series_label.clone() };
    let confirmed = c.from_provisional && !c.to_provisional;
    view! {
        <tr data-testid="csv-change">
            <td class="num">{c.row}</td>
            <td><span class="code">{c.code.clone()}</span>" "{c.name.clone()}</td>
            <td>{series}</td>
            <td class="code">{year}</td>
            <td>{kind_words(c.kind, lang)}</td>
            <td class="num from">{value_cell(c.from, c.from_provisional, false, lang)}</td>
            <td class="arrow" aria-label=tr(lang, "から", "to")>"→"</td>
            <td class="num to">{value_cell(Some(c.to), c.to_provisional, confirmed, lang)}</td>
        </tr>
    }
}

/// A column as Excel shows it: `H列「値」` / `H "値"` (without the letter when the file has no
/// such column: the plan then names the standard one).
fn column_name(letter: Option<&String>, name: &str, lang: Language) -> String {
    match (letter, lang) {
        (Some(l), Language::Ja) => format!("{l}列「{name}」"),
        (Some(l), Language::En) => format!("{l} \"{name}\""),
        (None, Language::Ja) => format!("「{name}」"),
        (None, Language::En) => format!("\"{name}\""),
    }
}

fn refusal_row(r: &Refusal, letters: &HashMap<String, String>, lang: Language) -> impl IntoView {
    let column =
        if r.column.is_empty() { "—".to_owned() } else { column_name(letters.get(&r.column), &r.column, lang) };
    view! {
        <tr data-testid="csv-refusal">
            <td class="num">{r.row}</td>
            <td class="code">{column}</td>
            <td>{i18n::csv_refusal(&r.reason, lang)}</td>
        </tr>
    }
}

fn noted_row(n: &Noted, letters: &HashMap<String, String>, lang: Language) -> impl IntoView {
    view! {
        <tr data-testid="csv-noted-cell">
            <td class="num">{n.row}</td>
            <td class="code">{column_name(letters.get(&n.column), &n.column, lang)}</td>
            <td>{n.text.clone()}</td>
            <td>{i18n::csv_reading(&n.reading, lang)}</td>
        </tr>
    }
}

/// What the import reads, in a few sentences.
#[component]
fn Help() -> impl IntoView {
    let state = use_app();
    view! {
        <details class="section csv-help" data-testid="csv-help" open>
            <summary>{move || state.tr("取り込めるファイル", "Which files can be imported")}</summary>
            <ul>
                <li>{move || state.tr(
                    "指標の値（実績値・速報値・目標値・中間目標・当初値）を取り込みます。形式は上で書き出す「指標（横長）」と「指標（縦長）」の2つです。書き出したファイルに Excel で実績を書き足して、そのまま取り込めます。",
                    "Indicator values (actuals, provisional values, targets, interim targets, baselines) are imported, in the two layouts exported above: indicators wide and long. Add actuals to an exported file in Excel and import it as it is.")}</li>
                <li>{move || state.tr(
                    "空欄のセルは「変更なし」です。取り込みで値が消えることはありません（消すときは編集画面で）。",
                    "An empty cell changes nothing: an import never deletes a value (delete in the editor).")}</li>
                <li>{move || state.tr(
                    "指標は「指標ID」の列で見分けます。指標番号は重複することがあるため（同じ「3-1」が2つある、など）、指標ID が空のときだけ指標番号で探し、その番号の指標が1つだけのときに使います。系列（男性・女性など）は「系列」の列で見分けます。",
                    "Indicators are identified by the 指標ID column. Codes can repeat (two indicators numbered 3-1, for example), so the code is used only when 指標ID is empty, and only when one indicator has it. Series (男性 / 女性 …) are identified by the 系列 column.")}</li>
                <li>{move || state.tr(
                    "年度は 2024・R6・令和6年度 のどれでも、数値は 1,234・全角数字・▲12 でも読めます。速報値は ○ で示します。",
                    "Years can be written 2024, R6 or 令和6年度; numbers as 1,234, in full-width digits or with ▲ for minus. ○ marks a provisional value.")}</li>
                <li>{move || state.tr(
                    "Excel で「CSV（コンマ区切り）」として保存した Shift_JIS のファイルも、「CSV UTF-8（コンマ区切り）」のファイルも読めます。",
                    "Files Excel saves as \"CSV (Comma delimited)\" (Shift_JIS) and as \"CSV UTF-8 (Comma delimited)\" are both read.")}</li>
                <li>{move || state.tr(
                    "指標名・単位、事業と施策評価の CSV は取り込みません（書き出しのみ）。",
                    "Names and units, and the initiative and evaluation CSV files, are not imported (export only).")}</li>
            </ul>
        </details>
    }
}
