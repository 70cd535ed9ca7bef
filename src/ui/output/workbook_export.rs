//! The committee's workbook as a download: 「Excel ブック（.xlsx）」 beside the CSVs. The writer is
//! a part of its own (`ui::formats::workbook_writer`), fetched on the first export; while it is fetched
//! and the workbook written, the button says so, and a failure is said with nothing changed.

use crate::locale::tr;
use crate::ui::browser::files;
use crate::ui::speech::Speaks;
use crate::ui::state::use_edits;
use leptos::prelude::*;

#[component]
pub fn WorkbookExport() -> impl IntoView {
    let state = use_edits();
    let exporting = crate::ui::formats::exporters::Exporting::new();
    let (writing, failed) = (exporting.busy, exporting.failed);
    let export = move |_| {
        let style = state.year_style();
        exporting.start(state, |s| {
            let name = files::file_name(&s.municipality.name, s.title.trim(), &files::today(), "xlsx");
            (crate::ui::formats::exporters::Export::Workbook(style), name)
        })
    };
    view! {
        <li data-testid="workbook-export">
            <button type="button" data-testid="export-xlsx" on:click=export disabled=move || writing.get()>
                {move || if writing.get() {
                    state.tr("書き出しています…", "Writing…")
                } else {
                    state.tr("Excel ブック（.xlsx）", "Excel workbook (.xlsx)")
                }}
            </button>
            <span class="hint">{state.text(
                "数値目標・KPI、施策評価シート、予算・決算（交付金事業があれば、その効果検証も）のシートを1つのブックに。数値は数値のまま、見出しは固定され、A4 横でそのまま印刷できます。「5-1」のような番号も日付になりません。このブックは「Excel・貼り付けから取り込む」でそのまま取り込めます。",
                "One workbook with a sheet each for KPIs, measure evaluation sheets, budget and settled cost (and the grant projects' review, when there are any). Numbers stay numbers, headers are frozen, and it prints on A4 landscape as it is; codes such as 5-1 do not become dates. It can be imported back as it is under “Import from Excel”.",
            )}</span>
            {move || failed.get().map(|detail| {
                let lang = state.lang();
                view! {
                    <p class="notice error" role="alert" data-testid="workbook-export-error">
                        {tr(lang, "Excel ブックを書き出せませんでした。戦略は変わっていません。", "The workbook could not be written. The strategy is unchanged.")}
                        " "<span class="meta">{detail}</span>
                    </p>
                }
            })}
        </li>
    }
}
