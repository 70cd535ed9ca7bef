//! A town's own KPI table brought in as it is: a workbook (.xlsx, .xls, .ods) picked, or
//! cells pasted from Excel, read into sheets (`format::table`); then the mapping (`mapping`: the
//! sheet, the header rows, each column's role — proposed from the headers, or the mapping
//! remembered for that layout —, where new indicators go); then the plan (`plan`: new and
//! matched indicators, rows to choose for, the values by the CSV import's rules); then
//! 「取り込む」 applies it as one undo step and remembers the mapping. Nothing changes before.
//!
//! The choices are `session::table_import::TableDraft`'s, resolved natively; this is the page's
//! part: reading the file or the clipboard, the words. Part of the files page's lazily loaded
//! wasm (`pages::files_page`); the workbook reader (calamine, zip) is a part of its own
//! (`ui::formats::workbook_reader`), fetched when the first workbook is opened.

mod mapping;
mod plan;

use crate::format::table::{apply_table, from_html, from_tsv, Grid, Mapping, TablePlan, WorkbookError};
use crate::format::ImportError;
use crate::locale::{tr, Language};
use crate::session::table_import::{CellSource, TableDraft};
use crate::ui::browser::files;
use crate::ui::kit::panel::TitledPanel;
use crate::ui::speech::Speaks;
use crate::ui::state::{use_edits, use_importing};
use crate::words;
use leptos::prelude::*;
use std::collections::BTreeMap;
use std::sync::Arc;
use wasm_bindgen::JsCast;

/// Why no table was read.
#[derive(Clone, Debug, PartialEq)]
enum Failure {
    Workbook(WorkbookError),
    /// Refused before reading (too large).
    File(ImportError),
    /// What the browser said when reading failed.
    Browser(String),
    /// The clipboard held no cells.
    NoCells,
}

/// What the table import did last, shown once no table is being mapped.
#[derive(Clone, Debug, PartialEq)]
enum Outcome {
    Failed { source: CellSource, failure: Failure },
    Applied { source: CellSource, indicators: usize, values: usize, revision: u64 },
    Undone { source: CellSource },
    Cancelled { source: CellSource },
}

#[component]
pub fn TableImport() -> impl IntoView {
    // The store (the remembered mappings) and undo: this section imports and stores.
    let state = use_edits();
    let importing = use_importing();
    let edits = use_edits();
    let mappings = RwSignal::new(BTreeMap::<String, Mapping>::new());
    {
        let remembered = importing.table_mappings();
        leptos::task::spawn_local(async move {
            let stored = remembered.read().await;
            let _ = mappings.try_set(stored);
        });
    }
    let draft = RwSignal::new(None::<TableDraft>);
    let previewing = RwSignal::new(false);
    let reading = RwSignal::new(None::<String>);
    let outcome = RwSignal::new(None::<Outcome>);
    let show_all = RwSignal::new(false);
    // Which read is wanted: a file picked or cells pasted since make an earlier read stale.
    let ticket = StoredValue::new(0u64);

    let show = move |source: CellSource, sheets: Result<Vec<Grid>, Failure>| {
        show_all.set(false);
        previewing.set(false);
        match sheets {
            Ok(sheets) => {
                let d = mappings.with_untracked(|m| TableDraft::new(source, sheets, m));
                // Shirube's own workbook: nothing to map, the plan at once.
                let own = d.is_own();
                outcome.set(None);
                draft.set(Some(d));
                previewing.set(own);
            }
            Err(failure) => {
                draft.set(None);
                outcome.set(Some(Outcome::Failed { source, failure }));
            }
        }
    };

    let on_file = move |ev: leptos::ev::Event| {
        let Some(input) = ev.target().and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok()) else { return };
        let Some(file) = input.files().and_then(|f| f.get(0)) else { return };
        input.set_value("");
        let name = file.name();
        ticket.update_value(|t| *t += 1);
        let mine = ticket.get_value();
        reading.set(Some(name.clone()));
        leptos::task::spawn_local(async move {
            let read = files::read_bytes(&file).await;
            // Let "reading" paint before the synchronous reading of the workbook.
            files::next_frame().await;
            if ticket.try_get_value() != Some(mine) {
                return;
            }
            let sheets = match read {
                Ok(bytes) => match crate::ui::formats::workbook_reader::read(bytes).await {
                    Some(sheets) => sheets.map_err(Failure::Workbook),
                    None => Err(Failure::Browser("no workbook reader: the app is not running".to_owned())),
                },
                Err(Ok(error)) => Err(Failure::File(error)),
                Err(Err(detail)) => Err(Failure::Browser(detail)),
            };
            // The reader's part may have been fetched meanwhile: a later pick or paste wins.
            if ticket.try_get_value() == Some(mine) && reading.try_set(None).is_none() {
                show(CellSource::File(name), sheets);
            }
        });
    };

    let on_paste = move |ev: web_sys::ClipboardEvent| {
        let Some(data) = ev.clipboard_data() else { return };
        ev.prevent_default();
        ticket.update_value(|t| *t += 1);
        reading.set(None);
        let html = data.get_data("text/html").unwrap_or_default();
        let text = data.get_data("text/plain").unwrap_or_default();
        let grid = from_html(&html).filter(|g| !g.rows.is_empty()).unwrap_or_else(|| from_tsv(&text));
        let has_cells = grid.rows.iter().any(|r| r.iter().any(|c| !c.is_empty()));
        show(CellSource::Pasted, if has_cells { Ok(vec![grid]) } else { Err(Failure::NoCells) });
    };

    let plan = Memo::new(move |_| {
        if !previewing.get() {
            return None;
        }
        let d = draft.get()?;
        edits.open.with(|s| s.as_ref().map(|s| Arc::new(d.plan(s))))
    });

    let apply = Callback::new(move |()| {
        let (Some(p), Some(d)) = (plan.get_untracked(), draft.get_untracked()) else { return };
        let p: Arc<TablePlan> = p;
        edits.edit(|s| {
            apply_table(s, &p);
        });
        let revision = state.revision.get_untracked();
        let (key, mapping) = d.mapping();
        mappings.update(|m| {
            m.insert(key.clone(), mapping.clone());
        });
        let remembered = importing.table_mappings();
        leptos::task::spawn_local(async move { remembered.remember(&key, &mapping).await });
        let values = p.values.changes.len() + p.values.texts.len();
        draft.set(None);
        previewing.set(false);
        outcome.set(Some(Outcome::Applied { source: d.origin, indicators: p.new_indicators.len(), values, revision }));
    });
    let cancel = Callback::new(move |()| {
        let Some(d) = draft.get_untracked() else { return };
        draft.set(None);
        previewing.set(false);
        outcome.set(Some(Outcome::Cancelled { source: d.origin }));
    });

    view! {
        <TitledPanel testid="table-import" class="csv-import" title=("Excel・貼り付けから取り込む", "Import from Excel or pasted cells")
            lead=("町で作っている数値目標・KPI の表を、そのままの形で取り込めます。Excel のブック（.xlsx・.xls・.ods）を選ぶか、Excel でセルを選んでコピーし、下の枠に貼り付けてください。列ごとに何が書いてあるかを確かめてから、取り込む内容を確認します。", "Bring in the town's own KPI table as it is: choose an Excel workbook (.xlsx, .xls, .ods), or copy the cells in Excel and paste them into the box below. You check what each column holds, then what the import would change.")>
            <div class="actions">
                <input id="table-file" class="visually-hidden" type="file"
                    accept=".xlsx,.xls,.ods,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,application/vnd.ms-excel,application/vnd.oasis.opendocument.spreadsheet"
                    data-testid="table-file" on:change=on_file/>
                <label class="button primary" for="table-file">{state.text("Excel のブックを選ぶ", "Choose an Excel workbook")}</label>
                <span class="hint">{state.text("選んだだけでは何も変わりません。", "Choosing a file changes nothing.")}</span>
            </div>
            <div class="field">
                <label for="table-paste">{state.text("Excel のセルを貼り付け", "Paste cells from Excel")}</label>
                <textarea id="table-paste" data-testid="table-paste" rows="2" style="width: 100%; font: inherit;"
                    placeholder=state.text("ここをクリックして Ctrl+V（Mac は ⌘+V）で貼り付け", "Click here and press Ctrl+V (⌘+V on a Mac)")
                    on:paste=on_paste></textarea>
            </div>
            {move || reading.get().map(|file| view! {
                <p class="csv-status" role="status" data-testid="table-reading">
                    {state.tr("読み込んでいます…", "Reading…")}" "<span class="meta">{file}</span>
                </p>
            })}
            {move || {
                let lang = state.lang();
                match outcome.get() {
                    None => ().into_any(),
                    Some(Outcome::Failed { source, failure }) => failed(lang, &source, &failure).into_any(),
                    Some(Outcome::Applied { source, indicators, values, revision }) => {
                        let headline = words::table_import::applied(&source, indicators, values, lang);
                        view! {
                            <div class="notice" role="status" data-testid="table-applied">
                                <p class="notice-headline">{headline}</p>
                                <p>{tr(lang,
                                    "取り込みは1回の操作です。編集画面の「元に戻す」（Ctrl+Z）で、取り込む前にまとめて戻せます。列の対応は、次に同じ形の表を取り込むときのために覚えておきます。",
                                    "The import is one step: Undo in the editor (Ctrl+Z) takes all of it back. The columns' roles are remembered for the next table of the same layout.")}</p>
                                <div class="notice-actions">
                                    <button type="button" data-testid="table-undo"
                                        disabled=move || state.revision.get() != revision
                                        on:click=move |_| {
                                            if state.revision.get_untracked() == revision {
                                                state.undo();
                                                outcome.set(Some(Outcome::Undone { source: source.clone() }));
                                            }
                                        }>
                                        {tr(lang, "取り込みを元に戻す", "Undo the import")}
                                    </button>
                                </div>
                            </div>
                        }.into_any()
                    }
                    Some(Outcome::Undone { source }) => view! {
                        <p class="notice" role="status" data-testid="table-undone">{words::table_import::undone(&source, lang)}</p>
                    }.into_any(),
                    Some(Outcome::Cancelled { source }) => view! {
                        <p class="notice" role="status" data-testid="table-cancelled">{words::table_import::cancelled(&source, lang)}</p>
                    }.into_any(),
                }
            }}
            <mapping::MappingView draft=draft mappings=mappings previewing=previewing cancel=cancel/>
            {move || plan.get().and_then(|p| {
                let lang = state.lang();
                let style = state.year_style();
                let source = draft.with_untracked(|d| d.as_ref().map(|d| words::table_import::source_name(&d.origin, lang))).unwrap_or_default();
                let s = edits.open.get_untracked()?;
                Some(view! { <plan::PlanView p=p s=s source=source lang=lang style=style all=show_all.get() show_all=show_all draft=draft apply=apply cancel=cancel/> })
            })}
        </TitledPanel>
    }
}

fn failed(lang: Language, source: &CellSource, failure: &Failure) -> impl IntoView {
    let lines = match failure {
        Failure::Workbook(e) => vec![words::workbook_error(e, lang)],
        Failure::File(e) => words::import_error(e, lang),
        Failure::Browser(detail) => {
            vec![format!("{}{detail}", tr(lang, "ファイルを読めませんでした: ", "The file could not be read: "))]
        }
        Failure::NoCells => vec![tr(
            lang,
            "貼り付けた内容に表のセルがありません。Excel でセルの範囲を選んでコピーしてから貼り付けてください。",
            "What was pasted holds no cells. Select the cells in Excel, copy them, then paste.",
        )
        .to_owned()],
    };
    let headline = words::table_import::refused(source, lang);
    view! {
        <div class="notice error" role="alert" data-testid="table-error">
            <p class="notice-headline">{headline}</p>
            <ul class="notice-lines">{lines.into_iter().map(|l| view! { <li data-testid="table-error-line">{l}</li> }).collect_view()}</ul>
        </div>
    }
}
