//! 「新しい版の確認」 on a region's page: after a bring-in, each town whose file differs from its
//! stored version (`BroughtIn::to_confirm`) — the file, the town, what replacing would change
//! (the import preview's table) — with 「置き換える」 (the stored version is backed up first;
//! undo from the notice) or 「今のままにする」 (nothing is stored).

use crate::locale::{tr, Language};
use crate::session::region::Differs;
use crate::ui::import::preview::changes_table;
use crate::ui::kit::panel::TitledPanel;
use crate::ui::speech::Speaks;
use crate::ui::state::{use_regions, BringInResult, Decision};
use crate::words::import::changes_line;
use leptos::prelude::*;

#[component]
pub fn NewerVersions(
    /// What came of the last bring-in; the answers are recorded in it.
    result: RwSignal<Option<BringInResult>>,
) -> impl IntoView {
    let state = use_regions();
    // One replace at a time: each reads and writes the strategy list.
    let busy = RwSignal::new(false);
    let waiting = move || {
        result.with(|r| {
            r.as_ref()
                .map(|r| {
                    r.brought
                        .to_confirm()
                        .map(|(file, d)| (file.to_owned(), d.clone(), r.decision(file, &d.stored.id)))
                        .collect::<Vec<_>>()
                })
                .unwrap_or_default()
        })
    };
    view! {
        {move || {
            let items = waiting();
            if items.is_empty() {
                return None;
            }
            Some(view! {
                <TitledPanel testid="region-newer" title=("新しい版の確認", "Newer versions to check")
                    lead=("次の市町村は、保存済みの版と内容が違うファイルを送ってきました。今は保存済みの版のまま地域に入っています。変わる内容を確かめてから置き換えてください。置き換える前の版はバックアップに残ります。", "These towns sent a file that differs from the stored version. The stored version is in the region for now. Check what changes before replacing it; the version it replaces is kept as a backup.")>
                    <ul class="region-newer">
                        {items.into_iter().map(|(file, d, decided)| item(state.lang(), file, d, decided, result, busy)).collect_view()}
                    </ul>
                </TitledPanel>
            })
        }}
    }
}

fn item(
    lang: Language,
    file: String,
    d: Differs,
    decided: Option<Decision>,
    result: RwSignal<Option<BringInResult>>,
    busy: RwSignal<bool>,
) -> impl IntoView {
    let state = use_regions();
    let id = d.stored.id.clone();
    let town = format!("{}「{}」", d.stored.municipality, d.stored.title);
    let summary = changes_line(d.changes, lang);
    let answer = decided.map(|d| match d {
        Decision::Replaced => tr(
            lang,
            "置き換えました（前の版はバックアップに残っています）。",
            "Replaced (the version before is kept as a backup).",
        ),
        Decision::Kept => tr(
            lang,
            "保存済みの版のままにしました（ファイルの版は保存していません）。",
            "The stored version stays (the file's version was not stored).",
        ),
    });
    let state_name = match decided {
        Some(Decision::Replaced) => "replaced",
        Some(Decision::Kept) => "kept",
        None => "waiting",
    };
    let (keep_file, keep_id) = (file.clone(), id.clone());
    let keep = move |_| {
        let key = (keep_file.clone(), keep_id.clone());
        result.update(|r| {
            if let Some(r) = r {
                r.decided.push((key, Decision::Kept));
            }
        });
    };
    let replace_file = file.clone();
    let imported = d.file.clone();
    let replace = move |_| {
        if !busy.get_untracked() {
            state.replace_region_town(replace_file.clone(), imported.clone(), result, busy);
        }
    };
    view! {
        <li class="region-newer-item" data-testid="region-newer-item" data-id=id.to_string() data-state=state_name>
            <p><span class="strong">{town}</span>" "<span class="meta">{format!("{} {file}", tr(lang, "ファイル:", "File:"))}</span></p>
            <p class="meta" data-testid="region-newer-summary">{summary}</p>
            {match answer {
                Some(said) => view! { <p class="meta" data-testid="region-newer-answer">{said}</p> }.into_any(),
                None => view! {
                    <div class="preview-changes">
                        <p>{tr(lang, "置き換えると変わること（ID で照合）:", "What replacing changes (matched by id):")}</p>
                        {changes_table(d.changes, lang)}
                    </div>
                    <div class="actions">
                        <button type="button" class="primary" data-testid="region-replace" disabled=move || busy.get() on:click=replace>
                            {tr(lang, "置き換える", "Replace")}
                        </button>
                        <button type="button" data-testid="region-keep" disabled=move || busy.get() on:click=keep>
                            {tr(lang, "キャンセル（今のままにする）", "Cancel (keep the stored version)")}
                        </button>
                    </div>
                }.into_any(),
            }}
        </li>
    }
}
