//! How full the browser's storage is, on the strategy list: a meter, what holds the room, and a
//! warning before saves and backups start to fail for lack of it (nearly full, or no room left
//! for a backup of the largest strategy).

use super::i18n;
use super::state::use_app;
use crate::storage::NEARLY_FULL_PERCENT;
use leptos::prelude::*;

#[component]
pub fn StorageUsage() -> impl IntoView {
    let state = use_app();
    move || {
        let usage = state.usage.get()?;
        let lang = state.lang();
        let nearly_full = usage.is_nearly_full();
        let no_room_for_backup = !usage.largest_backup_fits();
        let used = usage.percent(usage.used());
        Some(view! {
            <section class=if nearly_full || no_room_for_backup { "panel warning" } else { "panel" } data-testid="storage-usage" aria-labelledby="storage-usage-title">
                <h2 id="storage-usage-title">{i18n::tr(lang, "このブラウザの保存領域", "Storage in this browser")}</h2>
                <meter class="storage-meter" min="0" max="100" low="60" high=NEARLY_FULL_PERCENT optimum="0" value=used.min(100)
                    aria-labelledby="storage-usage-title" data-testid="storage-meter"></meter>
                <p data-testid="storage-usage-text">{i18n::storage_usage(&usage, lang)}</p>
                {nearly_full.then(|| view! {
                    <p class="strong" data-testid="storage-nearly-full">{i18n::tr(lang,
                        "残りが少なくなっています。大きな変更や取り込みを保存できなかったり、削除・置き換えの前のバックアップを残せなかったりすることがあります。「すべてをファイルに保存」してから、不要なバックアップや戦略を削除してください。",
                        "Little room is left. Larger changes or imports may not be saved, and backups before a delete or replace may not fit. Save everything to a file, then delete backups or strategies you no longer need.")}</p>
                })}
                {no_room_for_backup.then(|| view! { <p class="strong" data-testid="storage-no-room-for-backup">{i18n::no_room_for_backup(&usage, lang)}</p> })}
            </section>
        })
    }
}
