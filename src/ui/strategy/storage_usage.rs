//! How full the browser's storage is, on the strategy list: a meter, what holds the room, and a
//! warning before saves and backups start to fail for lack of it (nearly full, or no room left
//! for a backup of the largest strategy) — per key in `localStorage`, for the whole site in
//! IndexedDB (`navigator.storage.estimate()`) — and whether the browser keeps the data or may
//! clear it on its own (`navigator.storage.persist()`).

use crate::locale;
use crate::storage::{Persistence, NEARLY_FULL_PERCENT};
use crate::ui::speech::Speaks;
use crate::ui::state::use_library;
use crate::words;
use leptos::prelude::*;

#[component]
pub fn StorageUsage() -> impl IntoView {
    view! {
        <LocalStorageUsage/>
        <SiteUsage/>
        <Persistent/>
    }
}

/// IndexedDB: the whole site against what the browser allows it.
#[component]
fn SiteUsage() -> impl IntoView {
    let state = use_library();
    move || {
        let e = state.estimate.get()?;
        let lang = state.lang();
        let percent = e.percent();
        let nearly_full = percent as usize >= NEARLY_FULL_PERCENT;
        Some(view! {
            <section class=if nearly_full { "panel warning" } else { "panel" } data-testid="storage-usage" aria-labelledby="storage-usage-title">
                <h2 id="storage-usage-title">{locale::tr(lang, "このブラウザの保存領域", "Storage in this browser")}</h2>
                <meter class="storage-meter" min="0" max="100" low="60" high=NEARLY_FULL_PERCENT optimum="0" value=percent
                    aria-labelledby="storage-usage-title" data-testid="storage-meter"></meter>
                <p data-testid="storage-usage-text">{words::site_usage(e.usage as u64, e.quota as u64, lang)}</p>
                {nearly_full.then(|| view! {
                    <p class="strong" data-testid="storage-nearly-full">{locale::tr(lang,
                        "残りが少なくなっています。「すべてをファイルに保存」してから、不要なバックアップや戦略を削除してください。",
                        "Little room is left. Save everything to a file, then delete backups or strategies you no longer need.")}</p>
                })}
            </section>
        })
    }
}

/// Whether the browser keeps the data, once it has said.
#[component]
fn Persistent() -> impl IntoView {
    let state = use_library();
    move || {
        let p = state.persistence.get()?;
        let lang = state.lang();
        Some(match p {
            Persistence::Persistent => view! {
                <p class="panel" data-testid="persistence" data-persistent="true">{locale::tr(lang,
                    "このブラウザはデータを自動では消しません。",
                    "This browser does not clear the data on its own.")}</p>
            }.into_any(),
            Persistence::BestEffort | Persistence::Unknown => view! {
                <p class="panel warning" data-testid="persistence" data-persistent="false">{locale::tr(lang,
                    "このブラウザは、空き容量が少なくなったときや長く使わなかったときに、保存データを自動で消すことがあります。「すべてをファイルに保存」で定期的に書き出してください（アプリとしてインストールすると消されにくくなります）。",
                    "This browser may clear the stored data on its own when disk space runs low or after a long time unused. Save everything to a file regularly (installing the app makes it less likely).")}</p>
            }.into_any(),
        })
    }
}

/// `localStorage`: what each kind of data holds of its ~5 million characters.
#[component]
fn LocalStorageUsage() -> impl IntoView {
    let state = use_library();
    move || {
        let usage = state.usage.get()?;
        let lang = state.lang();
        let nearly_full = usage.is_nearly_full();
        let no_room_for_backup = !usage.largest_backup_fits();
        let used = usage.percent(usage.used());
        Some(view! {
            <section class=if nearly_full || no_room_for_backup { "panel warning" } else { "panel" } data-testid="storage-usage" aria-labelledby="storage-usage-title">
                <h2 id="storage-usage-title">{locale::tr(lang, "このブラウザの保存領域", "Storage in this browser")}</h2>
                <meter class="storage-meter" min="0" max="100" low="60" high=NEARLY_FULL_PERCENT optimum="0" value=used.min(100)
                    aria-labelledby="storage-usage-title" data-testid="storage-meter"></meter>
                <p data-testid="storage-usage-text">{words::storage_usage(&usage, lang)}</p>
                {nearly_full.then(|| view! {
                    <p class="strong" data-testid="storage-nearly-full">{locale::tr(lang,
                        "残りが少なくなっています。大きな変更や取り込みを保存できなかったり、削除・置き換えの前のバックアップを残せなかったりすることがあります。「すべてをファイルに保存」してから、不要なバックアップや戦略を削除してください。",
                        "Little room is left. Larger changes or imports may not be saved, and backups before a delete or replace may not fit. Save everything to a file, then delete backups or strategies you no longer need.")}</p>
                })}
                {no_room_for_backup.then(|| view! { <p class="strong" data-testid="storage-no-room-for-backup">{words::no_room_for_backup(&usage, lang)}</p> })}
            </section>
        })
    }
}
