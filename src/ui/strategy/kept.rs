//! What the strategy list keeps besides the strategies: backups taken before a delete or a
//! replace (restore, delete for good) and stored data that could not be read (download,
//! delete). Shown only when there is some, from a part of its own (`list_parts::kept_data`).

use crate::locale::tr;
use crate::storage::BackupReason;
use crate::ui::browser::files;
use crate::ui::speech::Speaks;
use crate::ui::state::use_library;
use crate::words;
use leptos::prelude::*;

#[component]
pub fn KeptData() -> impl IntoView {
    let state = use_library();
    view! {
        <Show when=move || state.backups.with(|b| !b.is_empty())>
        <section class="panel" data-testid="backups">
            <h2>{state.text("バックアップ（削除・置き換えの前の状態）", "Backups (taken before a delete or replace)")}</h2>
            <ul class="strategy-list">
                {move || state.backups.get().into_iter().map(|b| {
                    let lang = state.lang();
                    let (k1, k2) = (b.key.clone(), b.key.clone());
                    let reason = match b.reason {
                        BackupReason::Deleted => tr(lang, "削除前", "before delete"),
                        BackupReason::Replaced => tr(lang, "置き換え前", "before replace"),
                        BackupReason::Manual => tr(lang, "手動", "manual"),
                    };
                    let main = view! {
                        <span class="strategy-title">{b.title.clone()}</span>
                        <span class="meta"><bdi>{b.municipality.clone()}</bdi>" ・ "{reason}" ・ "{files::local_time(&b.taken_at)}
                            {state.usage.with(|u| u.as_ref().and_then(|u| Some(format!(" ・ {}", words::share_of_storage(u, *u.backup_sizes.get(&b.key)?, lang)))))}</span>
                    };
                    kept_row("backup-row", main,
                        (tr(lang, "復元", "Restore"), move || state.restore(&k1)),
                        (tr(lang, "完全に削除", "Delete for good"), move || state.discard_backup(&k2)))
                }).collect_view()}
            </ul>
        </section>
    </Show>
    <Show when=move || state.garbage.with(|g| !g.is_empty())>
        <section class="panel warning" data-testid="garbage">
            <h2>{state.text("読めなかった保存データ", "Stored data that could not be read")}</h2>
            <p>{state.text("壊れていたため使えませんでしたが、消さずに残してあります。ダウンロードして確認できます。", "It was damaged and could not be used, but it was kept. Download it to look at it.")}</p>
            <ul class="strategy-list">
                {move || state.garbage.get().into_iter().map(|g| {
                    let lang = state.lang();
                    let (k1, k2) = (g.key.clone(), g.key.clone());
                    let main = view! {
                        <code>{g.original_key.clone()}</code>
                        <span class="meta">{format!("{} bytes ・ {}", g.bytes, files::local_time(&g.found_at))}</span>
                    };
                    kept_row("garbage-row", main,
                        (tr(lang, "ダウンロード", "Download"), move || state.download_garbage(&k1)),
                        (tr(lang, "削除", "Delete"), move || state.discard_garbage(&k2)))
                }).collect_view()}
            </ul>
        </section>
    </Show>
    }
}

/// One kept item of the list (a backup, stored data that could not be read): what it is, a
/// button that uses it and one that deletes it for good.
fn kept_row(
    testid: &'static str,
    main: impl IntoView + 'static,
    (use_label, use_it): (&'static str, impl Fn() + 'static),
    (delete_label, delete): (&'static str, impl Fn() + 'static),
) -> impl IntoView {
    view! {
        <li class="strategy-row" data-testid=testid>
            <div class="strategy-main">{main}</div>
            <div class="row-actions">
                <button type="button" on:click=move |_| use_it()>{use_label}</button>
                <button type="button" class="danger" on:click=move |_| delete()>{delete_label}</button>
            </div>
        </li>
    }
}
