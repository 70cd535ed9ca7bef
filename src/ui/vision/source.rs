//! Where a table comes from: a file (CSV as e-Stat downloads it, or a workbook read by the
//! workbook reader's part) or cells pasted from Excel. It only reads: what was read goes to the
//! caller's preview, and nothing is taken here.

use crate::format::table::Grid;
use crate::session::vision::pasted_grid;
use crate::ui::browser::files;
use crate::ui::speech::Speaks;
use crate::ui::state::Edits;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// What a source gave: the sheets read, or why none (worded), and where from.
#[derive(Clone, Debug, PartialEq)]
pub struct SourceRead {
    pub sheets: Result<Vec<Grid>, String>,
    pub origin: String,
}

/// A file's sheets: a CSV or tab-separated text by its name, else a workbook.
async fn sheets_of(name: &str, bytes: Vec<u8>, lang: crate::locale::Language) -> Result<Vec<Grid>, String> {
    let lower = name.to_lowercase();
    if lower.ends_with(".csv") || lower.ends_with(".txt") || lower.ends_with(".tsv") {
        let text =
            crate::format::csv::decode(&bytes, &files::shift_jis).map_err(|e| crate::words::csv_error(&e, lang))?;
        let stem = name.rsplit_once('.').map_or(name, |(s, _)| s).to_owned();
        return Ok(vec![Grid { name: stem, ..pasted_grid(&text) }]);
    }
    match crate::ui::formats::workbook_reader::read(bytes).await {
        Some(Ok(sheets)) => Ok(sheets),
        Some(Err(e)) => Err(crate::words::workbook_error(&e, lang)),
        None => Err(crate::locale::tr(
            lang,
            "ブックを読む部分を読み込めませんでした。",
            "The workbook reader could not be loaded.",
        )
        .to_owned()),
    }
}

/// A file picker and a paste box; `on_read` gets each reading (a later one wins).
#[component]
pub fn TableSource(
    state: Edits,
    /// The stem of the ids and test ids (`<key>-file`, `<key>-paste`).
    key: &'static str,
    on_read: Callback<SourceRead>,
) -> impl IntoView {
    let ticket = StoredValue::new(0u32);
    let composing = RwSignal::new(false);
    let pasted = RwSignal::new(String::new());
    let on_file = move |ev: leptos::ev::Event| {
        let Some(input) = ev.target().and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok()) else { return };
        let Some(file) = input.files().and_then(|f| f.get(0)) else { return };
        input.set_value("");
        let name = file.name();
        ticket.update_value(|t| *t += 1);
        let mine = ticket.get_value();
        let lang = state.lang();
        leptos::task::spawn_local(async move {
            let sheets = match files::read_bytes(&file).await {
                Ok(bytes) => sheets_of(&name, bytes, lang).await,
                Err(Ok(e)) => Err(crate::words::import_error(&e, lang).join(" ")),
                Err(Err(detail)) => Err(detail),
            };
            if ticket.try_get_value() == Some(mine) {
                on_read.run(SourceRead { sheets, origin: name });
            }
        });
    };
    let read_pasted = move |text: String| {
        if text == pasted.get_untracked() {
            return;
        }
        pasted.set(text.clone());
        ticket.update_value(|t| *t += 1);
        if text.trim().is_empty() {
            return;
        }
        let origin = state.tr("貼り付けたセル", "Pasted cells").to_owned();
        on_read.run(SourceRead { sheets: Ok(vec![pasted_grid(&text)]), origin });
    };
    let file_id = format!("{key}-file");
    let paste_id = format!("{key}-paste");
    view! {
        <div class="vision-source">
            <div class="actions">
                <input id=file_id.clone() class="visually-hidden" type="file" accept=".csv,.txt,.tsv,.xlsx,.xls,.ods"
                    data-testid=file_id.clone() on:change=on_file/>
                <label class="button" for=file_id>{state.text("ファイルを選ぶ（CSV・Excel）", "Choose a file (CSV, Excel)")}</label>
                <span class="hint">{state.text("選んだだけでは何も変わりません。", "Choosing a file changes nothing.")}</span>
            </div>
            <div class="field">
                <label for=paste_id.clone()>{state.text("または Excel のセルを貼り付け", "Or paste cells from Excel")}</label>
                <textarea id=paste_id.clone() data-testid=paste_id rows="3" prop:value=move || pasted.get()
                    on:compositionstart=move |_| composing.set(true)
                    on:compositionend=move |ev| { composing.set(false); read_pasted(event_target_value(&ev)); }
                    on:input=move |ev| if !composing.get_untracked() { read_pasted(event_target_value(&ev)) }></textarea>
            </div>
        </div>
    }
}
