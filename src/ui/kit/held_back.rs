//! A member's version held back because it changes values the planning section confirmed
//! (`session::folder::HeldBack`), as a card: who (佐藤さん), each item with its section and the
//! two values (確認済 / theirs), and the two choices — keep the confirmed values (their other
//! changes are taken) or take the change (the answer stays 確認済, with the new values confirmed
//! in one's own name). Either is stored by `session::folder::decide_confirmed` (through
//! `FolderSyncing::decide_confirmed`), a version that reaches every member, the one who changed the
//! value too.

use crate::model::Id;
use crate::session::folder::HeldBack;
use crate::ui::speech::Speaks;
use crate::ui::state::use_folder_syncing;
use leptos::prelude::*;

/// Every member's version held back by the folder's last reading, a card each: on 共有, and on
/// 照会 for the planning section, whose 確認 they are about. Keyed by file and version: a poll
/// that finds the same version held back keeps its card.
#[component]
pub fn HeldBackCards(id: Id) -> impl IntoView {
    let reading = use_folder_syncing().folder_sync(&id).reading;
    let keys = {
        let reading = reading.clone();
        Memo::new(move |_| {
            reading.with(|r| {
                let Some(r) = r.as_ref() else { return Vec::new() };
                let version = |file: &str| r.members.iter().find(|m| m.file == file).and_then(|m| m.version);
                r.held_back.iter().map(|h| (h.file.clone(), version(&h.file))).collect::<Vec<_>>()
            })
        })
    };
    view! {
        <For each=move || keys.get() key=|k| k.clone() let:key>
            {
                let held = reading.with_untracked(|r| r.as_ref()?.held_back.iter().find(|h| h.file == key.0).cloned());
                held.map(|h| view! { <HeldBackCard id=id.clone() held=h/> })
            }
        </For>
    }
}

#[component]
fn HeldBackCard(id: Id, held: HeldBack) -> impl IntoView {
    let app = use_folder_syncing();
    let (lang, style) = (app.lang(), app.year_style());
    let by = held.by.clone();
    let lines: Vec<(String, String)> =
        held.changes.iter().map(|c| crate::words::round::confirmed_change(&held.ours, c, style, lang)).collect();
    let (title, lead, reaches) = match lang {
        crate::locale::Language::Ja => (
            format!("{by}さんが確認済の値を変更しています"),
            format!("企画課が確認した回答の値（{} 件）を、{by}さんが変更しました。取り込まずに保留しています。確認済の値を保つか、変更を取り込むかを選んでください。", lines.len()),
            format!("どちらを選んでも、新しい版として保存し、次の同期で{by}さんにも届きます。保つと、{by}さんの画面も確認済の値に戻ります。"),
        ),
        crate::locale::Language::En => (
            format!("{by} changed confirmed values"),
            format!("{by} changed {} value(s) of an answer the planning section confirmed. Nothing is taken yet: keep the confirmed values or take the change.", lines.len()),
            format!("Either choice is saved as a new version and reaches {by} at the next sync. Keeping brings the confirmed values back on {by}’s screen too."),
        ),
    };
    let (keep_held, take_held, keep_id, take_id) = (held.clone(), held, id.clone(), id);
    let label = title.clone();
    view! {
        <section class="panel folder-conflict" data-testid="confirmed-card" aria-label=label>
            <h3 data-testid="confirmed-card-title">{title}</h3>
            <p>{lead}</p>
            <ul class="conflicts" data-testid="confirmed-card-changes">
                {lines.into_iter().map(|(what, values)| view! {
                    <li data-testid="confirmed-card-change"><p class="strong">{what}</p><p>{values}</p></li>
                }).collect_view()}
            </ul>
            <div class="actions">
                <button type="button" class="primary" data-testid="confirmed-keep"
                    on:click=move |_| app.keep_confirmed(&keep_id, keep_held.clone())>
                    {app.text("確認済の値を保つ", "Keep the confirmed values")}
                </button>
                <button type="button" data-testid="confirmed-take"
                    on:click=move |_| app.take_confirmed(&take_id, take_held.clone())>
                    {app.text("変更を取り込む（新しい値で確認済）", "Take the change (confirm the new values)")}
                </button>
            </div>
            <p class="meta">{reaches}</p>
        </section>
    }
}
