//! The preview of a planned CSV import: the layout and counts, the tables of its values
//! (`ValueTables`: the values and words that would change, the refused rows and cells, the cells
//! read as no value or with a mark), and the buttons that apply or cancel.

use crate::format::csv::Layout;
use crate::locale::tr;
use crate::locale::{Language, YearStyle};
use crate::session::csv_import::CsvPreview;
use crate::ui::output::value_tables::ValueTables;
use crate::words;
use leptos::prelude::*;
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
