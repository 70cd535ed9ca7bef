//! In the import preview, a file whose merge would change values the planning section
//! confirmed (`session::preview::Existing::confirmed`): the same lines as the shared folder's
//! card (the item, its section, 確認済 and the file's value, by the file's author), and the
//! choice — keep the confirmed values (the default) or take the file's, confirmed again in this
//! person's name (`session::import::OnConfirmed`).

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
    if changes.is_empty() {
        return ().into_any();
    }
    let by = changes[0].by.clone();
    let lines: Vec<(String, String)> =
        changes.iter().map(|c| crate::words::round::confirmed_change(&merge.ours, c, style, lang)).collect();
    let title = match (lang, by.is_empty()) {
        (Language::Ja, false) => format!("{by}さんのファイルは確認済の値を変更しています"),
        (Language::Ja, true) => "このファイルは確認済の値を変更しています".to_owned(),
        (Language::En, false) => format!("{by}’s file changes confirmed values"),
        (Language::En, true) => "The file changes confirmed values".to_owned(),
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
                {tr(lang, "確認済の値を保つ（ファイルのほかの変更は統合します）", "Keep the confirmed values (the file's other changes are merged)")}
            </label>
            <label class="inline">
                <input type="radio" name="import-confirmed" data-testid="preview-confirmed-take"
                    prop:checked=move || take.get() on:change=move |_| take.set(true)/>
                {tr(lang, "ファイルの値を取り込み、確認済にする", "Take the file's values and confirm them")}
            </label>
        </div>
    }
    .into_any()
}
