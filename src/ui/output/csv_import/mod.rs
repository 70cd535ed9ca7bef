//! CSV import of indicator values (actuals, targets, interim targets, baselines): a file is
//! read as bytes, decoded (UTF-8 or Shift_JIS), planned against the open strategy, and shown as
//! a preview (`preview`) — the layout, every value that would change (from → to), every refused
//! row or cell with its reason, the columns not read, the count unchanged. Nothing changes until
//! 「この内容で取り込む」, which applies the plan as one undo step. The flow's decisions (what
//! is applied, what is planned again, how many rows are shown) are `session::csv_import`'s, and
//! its way from a picked file to the preview is the flow every import shares (`session::flow`: a
//! late read never shows over a newer file); this is the page's part: reading the file, the
//! words.

mod help;
mod preview;

use crate::format::csv;
use crate::locale::tr;
use crate::locale::Language;
use crate::model::Strategy;
use crate::session::csv_import::{CsvConfirmation, CsvFlow, CsvOutcome, CsvPreview, Failure};
use crate::session::flow::Pending;
use crate::session::route::{Route, Selection};
use crate::ui::browser::files;
use crate::ui::kit::panel::TitledPanel;
use crate::ui::speech::Speaks;
use crate::ui::state::{use_edits, use_importing, Edits};
use crate::words;
use help::Help;
use leptos::prelude::*;
use preview::PreviewView;
use std::sync::Arc;
use wasm_bindgen::JsCast;

#[component]
pub fn CsvImport() -> impl IntoView {
    let state = use_edits();
    let importing = use_importing();
    let flow = RwSignal::new(CsvFlow::default());
    let outcome = RwSignal::new(None::<CsvOutcome>);
    let show_all = RwSignal::new(false);
    // Set when a new preview arrives: it takes the focus once (not when "show all" or the
    // language redraws it).
    let focus_preview = StoredValue::new(false);

    let take = move |file: web_sys::File| {
        let name = file.name();
        show_all.set(false);
        outcome.set(None);
        let Some(ticket) = flow.try_update(|f| f.start(&name)) else { return };
        leptos::task::spawn_local(async move {
            let read = files::read_bytes_up_to(&file, crate::format::csv::MAX_CSV_BYTES).await;
            // Let "reading" paint before the synchronous planning of a large file.
            files::next_frame().await;
            // With no strategy open (the page is being left) there is nothing to plan against.
            let Some(open) = state.open.get_untracked() else {
                let _ = flow.try_update(|f| f.failed(ticket));
                return;
            };
            let planned = match read {
                Ok(bytes) => plan_file(&open, name.clone(), &bytes),
                Err(Ok(error)) => Err(Failure::File(error)),
                Err(Err(detail)) => Err(Failure::Browser(detail)),
            };
            // A file picked since wins (`flow`); the page may also have been left (or drawn anew).
            let shown = match planned {
                Ok(preview) => flow.try_update(|f| f.ready(ticket, Arc::new(preview))),
                Err(failure) => {
                    let shown = flow.try_update(|f| f.failed(ticket));
                    if shown == Some(true) {
                        outcome.set(Some(CsvOutcome::Failed { file: name, failure }));
                    }
                    shown
                }
            };
            focus_preview.set_value(shown == Some(true));
            if shown.is_some() {
                importing.dropped_csv.set(None);
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
        if let Some(file) = importing.dropped_csv.get() {
            take(file);
        }
    });

    let apply = Callback::new(move |()| {
        let Some(p) = flow.with_untracked(|f| f.ready_preview().cloned()) else { return };
        let Some(now) = state.open.get_untracked() else { return };
        // The strategy may have changed since the preview (another tab): then the new plan is
        // shown instead of applying one the user has not seen.
        match p.confirm(&now) {
            CsvConfirmation::Apply => {}
            CsvConfirmation::Replanned(again) => {
                focus_preview.set_value(true);
                flow.update(|f| f.replace(Arc::new(*again)));
                return;
            }
            CsvConfirmation::Failed(error) => {
                flow.update(CsvFlow::cancel);
                outcome.set(Some(CsvOutcome::Failed { file: p.file.clone(), failure: Failure::Csv(error) }));
                return;
            }
        }
        let mut count = 0;
        state.edit(|s| count = csv::apply(s, &p.plan));
        let texts = p.plan.texts.len().min(count);
        flow.update(CsvFlow::cancel);
        let revision = state.revision.get_untracked();
        outcome.set(Some(CsvOutcome::Applied { file: p.file.clone(), count, texts, revision }));
    });
    let cancel = Callback::new(move |()| {
        let Some(file) = flow.with_untracked(|f| f.ready_preview().map(|p| p.file.clone())) else { return };
        flow.update(CsvFlow::cancel);
        outcome.set(Some(CsvOutcome::Cancelled { file }));
    });

    view! {
        <TitledPanel testid="csv-import" class="csv-import" title=("CSV から実績値・目標値を取り込む", "Import actuals and targets from CSV")>
            <Help/>
            <div class="actions">
                <input id="csv-file" class="visually-hidden" type="file" accept=".csv,text/csv" data-testid="csv-file" on:change=on_file/>
                <label class="button primary" for="csv-file">{state.text("CSV ファイルを選ぶ", "Choose a CSV file")}</label>
                <span class="hint">{state.text("選んだだけでは何も変わりません。次に内容を確認します。", "Choosing a file changes nothing: you see what it would do first.")}</span>
            </div>
            {move || {
                let lang = state.lang();
                let style = state.year_style();
                let shown = flow.with(|f| f.pending().cloned());
                match (shown, outcome.get()) {
                    (None, None) => ().into_any(),
                    (Some(Pending::Reading { file, .. }), _) => view! {
                        <p class="csv-status" role="status" data-testid="csv-reading">
                            {tr(lang, "読み込んで確認しています…", "Reading and checking…")}" "<span class="meta">{file}</span>
                        </p>
                    }.into_any(),
                    (Some(Pending::Ready(p)), _) => view! { <PreviewView p=p lang=lang style=style all=show_all.get() show_all=show_all focus=focus_preview apply=apply cancel=cancel/> }.into_any(),
                    (None, Some(CsvOutcome::Failed { file, failure })) => failed(lang, file, failure).into_any(),
                    (None, Some(CsvOutcome::Applied { file, count, texts, revision })) => applied(state, outcome, lang, file, (count - texts, texts), revision).into_any(),
                    (None, Some(CsvOutcome::Undone { file })) => view! {
                        <p class="notice" role="status" data-testid="csv-undone">
                            {words::csv_undone(&file, lang)}
                        </p>
                    }.into_any(),
                    (None, Some(CsvOutcome::Cancelled { file })) => view! {
                        <p class="notice" role="status" data-testid="csv-cancelled">
                            {words::csv_cancelled(&file, lang)}
                        </p>
                    }.into_any(),
                }
            }}
        </TitledPanel>
    }
}

/// Decodes and plans a file against the open strategy (nothing changes).
fn plan_file(s: &Strategy, file: String, bytes: &[u8]) -> Result<CsvPreview, Failure> {
    let text = csv::decode(bytes, &files::shift_jis).map_err(Failure::Csv)?;
    files::timed("shirube:csv-plan", || CsvPreview::plan(file, text, s)).map_err(Failure::Csv)
}

fn failed(lang: Language, file: String, failure: Failure) -> impl IntoView {
    let lines = match &failure {
        Failure::Csv(e) => vec![words::csv_error(e, lang)],
        Failure::File(e) => words::import_error(e, lang),
        Failure::Browser(detail) => {
            vec![format!("{}{detail}", tr(lang, "ファイルを読めませんでした: ", "The file could not be read: "))]
        }
    };
    view! {
        <div class="notice error" role="alert" data-testid="csv-error">
            <p class="notice-headline">{words::csv_refused(&file, lang)}</p>
            <ul class="notice-lines">{lines.into_iter().map(|l| view! { <li data-testid="csv-error-line">{l}</li> }).collect_view()}</ul>
        </div>
    }
}

fn applied(
    state: Edits,
    outcome: RwSignal<Option<CsvOutcome>>,
    lang: Language,
    file: String,
    (count, texts): (usize, usize),
    revision: u64,
) -> impl IntoView {
    let editor = state
        .open
        .with_untracked(|o| o.as_ref().map(|s| Route::Edit(s.id.clone(), Selection::Strategy).hash()))
        .unwrap_or_default();
    let undo_file = file.clone();
    view! {
        <div class="notice" role="status" data-testid="csv-applied">
            <p class="notice-headline">{match (lang, texts) {
                (Language::Ja, 0) => format!("「{file}」から {count} 件の値を取り込みました。"),
                (Language::Ja, _) => {
                    let values = if count == 0 { String::new() } else { format!("{count} 件の値と ") };
                    format!("「{file}」から {values}{texts} 件の記述（値の時点・出典・町の評価・修正前の目標）を取り込みました。")
                }
                (Language::En, _) => {
                    let values = format!("{count} {}", if count == 1 { "value" } else { "values" });
                    let words = if texts == 0 { String::new() } else { format!(" and {texts} {}", if texts == 1 { "word change" } else { "word changes" }) };
                    format!("{values}{words} imported from \"{file}\".")
                }
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
                            outcome.set(Some(CsvOutcome::Undone { file: undo_file.clone() }));
                        }
                    }>
                    {tr(lang, "取り込みを元に戻す", "Undo the import")}
                </button>
            </div>
        </div>
    }
}
