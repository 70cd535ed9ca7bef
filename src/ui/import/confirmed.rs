//! In the import preview, a file whose merge would change values the planning section
//! confirmed (`session::preview::Existing::confirmed`): the same lines as the shared folder's
//! card (the item, its section, 確認済 and the file's value, by the file's author), and the
//! choice — keep the confirmed values (the default) or take the file's, confirmed again in this
//! person's name (`model::round::OnConfirmed`). The round's returned workbooks show the
//! same card (`confirmed_choice`).

use crate::locale::{tr, Language, YearStyle};
use crate::model::merge::Merge;
use crate::model::round::ConfirmedChange;
use leptos::prelude::*;
use std::sync::Arc;

#[component]
pub fn ConfirmedInPreview(
    changes: Vec<ConfirmedChange>,
    merge: Arc<Merge>,
    take: RwSignal<bool>,
    lang: Language,
    style: YearStyle,
) -> impl IntoView {
    confirmed_choice(&merge.ours, &changes, take, Source::File, lang, style)
}

/// Where changes to confirmed values come from, which the card's words name.
#[derive(Clone, Copy, PartialEq)]
pub enum Source {
    /// A file merged in the import preview (its author named, when it names one).
    File,
    /// Sections' returned workbooks (照会用のブック).
    Workbooks,
}

/// The lines of `changes` (worded against `ours`, the strategy as it stands) and the choice:
/// keep the confirmed values (`take` false, the default) or take the new ones and confirm them.
/// Nothing when there are no changes.
pub fn confirmed_choice(
    ours: &crate::model::Strategy,
    changes: &[ConfirmedChange],
    take: RwSignal<bool>,
    source: Source,
    lang: Language,
    style: YearStyle,
) -> AnyView {
    if changes.is_empty() {
        return ().into_any();
    }
    let by = changes[0].by.clone();
    // A workbook's change names the section whose workbook it is; a file's, its author.
    let line = match source {
        Source::File => crate::words::round::confirmed_change,
        Source::Workbooks => crate::words::round::book_change,
    };
    let lines: Vec<(String, String)> = changes.iter().map(|c| line(ours, c, style, lang)).collect();
    let title = match (lang, source, by.is_empty()) {
        (Language::Ja, Source::File, false) => format!("{by}さんのファイルは確認済の値を変更しています"),
        (Language::Ja, Source::File, true) => "このファイルは確認済の値を変更しています".to_owned(),
        (Language::Ja, Source::Workbooks, _) => "返ってきたブックは確認済の値を変更しています".to_owned(),
        (Language::En, Source::File, false) => format!("{by}’s file changes confirmed values"),
        (Language::En, Source::File, true) => "The file changes confirmed values".to_owned(),
        (Language::En, Source::Workbooks, _) => "The returned workbooks change confirmed values".to_owned(),
    };
    let (keep_words, take_words) = match source {
        Source::File => (
            tr(
                lang,
                "確認済の値を保つ（ファイルのほかの変更は統合します）",
                "Keep the confirmed values (the file's other changes are merged)",
            ),
            tr(lang, "ファイルの値を取り込み、確認済にする", "Take the file's values and confirm them"),
        ),
        Source::Workbooks => (
            tr(
                lang,
                "確認済の値を保つ（ブックのほかの値は取り込みます）",
                "Keep the confirmed values (the workbooks' other values are taken)",
            ),
            tr(lang, "ブックの値を取り込み、確認済にする", "Take the workbooks' values and confirm them"),
        ),
    };
    view! {
        <div class="panel folder-conflict" data-testid="preview-confirmed">
            <h3>{title}</h3>
            <ul class="conflicts">
                {lines.into_iter().map(|(what, values)| view! {
                    <li data-testid="confirmed-card-change"><p class="strong">{what}</p><p>{values}</p></li>
                }).collect_view()}
            </ul>
            <label class="inline">
                <input type="radio" name="import-confirmed" data-testid="preview-confirmed-keep"
                    prop:checked=move || !take.get() on:change=move |_| take.set(false)/>
                {keep_words}
            </label>
            <label class="inline">
                <input type="radio" name="import-confirmed" data-testid="preview-confirmed-take"
                    prop:checked=move || take.get() on:change=move |_| take.set(true)/>
                {take_words}
            </label>
        </div>
    }
    .into_any()
}
