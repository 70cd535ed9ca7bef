//! The notice area: what just happened (imported, deleted with undo, exported) or what went
//! wrong (a file that could not be read, a storage failure), in the user's language. The words
//! of every notice are a part of their own (`notice_view`), fetched with the first one:
//! the start page without a notice carries none of them.

use crate::locale::tr;
use crate::ui::speech::Speaks;
use crate::ui::state::{use_library, use_notice_board, use_regions, Notice};
use crate::words;
use leptos::prelude::*;

#[component]
pub fn Notices() -> impl IntoView {
    let state = use_notice_board();
    let shown = Memo::new(move |_| state.notice.with(Option::is_some));
    move || shown.get().then(|| crate::ui::kit::lazy::lazy_part(notice_view))
}

/// The notice shown, with its actions.
#[component]
pub fn NoticeView() -> impl IntoView {
    let state = use_notice_board();
    let library = use_library();
    let regions = use_regions();
    let syncing = crate::ui::state::use_folder_syncing();
    move || {
        let notice = state.notice.get()?;
        let lang = state.lang();
        let crate::words::NoticeText { headline, lines, error } = words::notice(&notice, lang);
        let undo = match &notice {
            Notice::Deleted { backup_key, .. } => Some(backup_key.clone()),
            Notice::Imported { replaced: Some(backup_key), .. } => Some(backup_key.clone()),
            Notice::Merged { replaced: Some(backup_key), .. } => Some(backup_key.clone()),
            _ => None,
        };
        // A deleted region comes back from its region backup, not a strategy's.
        let undo_region = match &notice {
            Notice::RegionDeleted { backup_key, .. } => Some(backup_key.clone()),
            Notice::RegionDeletedElsewhere { backup_key, .. } => backup_key.clone(),
            _ => None,
        };
        // The open strategy deleted in another tab: undo there, and keep this tab's content.
        let full = matches!(&notice, Notice::StorageFull { .. });
        let versions_to_discard = matches!(&notice, Notice::StorageFull { room: Some(r), .. } if r.version_count > 0);
        let (undo_elsewhere, keep_as_new) = match &notice {
            Notice::DeletedElsewhere { backup_key, waiting, .. } => (backup_key.clone(), *waiting),
            _ => (None, false),
        };
        let tab_conflict = match &notice {
            Notice::TabConflict { by, .. } => Some(by.is_some()),
            _ => None,
        };
        let unfinished = matches!(notice, Notice::BringInUnfinished { .. });
        let folder_permission = matches!(notice, Notice::FolderNeedsPermission { .. });
        let export_then_delete = match &notice {
            Notice::DeleteNeedsRoom { id, .. } => Some(id.clone()),
            _ => None,
        };
        Some(view! {
            <div class=if error { "notice error" } else { "notice" } role=if error { "alert" } else { "status" } data-testid="notice">
                <p class="notice-headline">{headline}</p>
                {(!lines.is_empty()).then(|| view! {
                    <ul class="notice-lines">{lines.into_iter().map(|l| view! { <li>{l}</li> }).collect_view()}</ul>
                })}
                <div class="notice-actions">
                    {undo.map(|key| view! {
                        <button type="button" data-testid="undo-delete" on:click=move |_| { state.notice.set(None); library.restore(&key); }>
                            {tr(lang, "元に戻す", "Undo")}
                        </button>
                    })}
                    {undo_region.map(|key| view! {
                        <button type="button" data-testid="undo-delete-region" on:click=move |_| { state.notice.set(None); regions.restore_region(&key); }>
                            {tr(lang, "元に戻す", "Undo")}
                        </button>
                    })}
                    {tab_conflict.map(|folder| view! {
                        <button type="button" data-testid="take-other-tab" on:click=move |_| state.take_other_tab()>
                            {if folder { tr(lang, "取り込んだ内容を使う", "Use what came in") } else { tr(lang, "別のタブの内容を使う", "Use the other tab's version") }}
                        </button>
                        <button type="button" data-testid="keep-this-tab" on:click=move |_| state.keep_this_tab()>
                            {tr(lang, "このタブの内容を残す", "Keep this tab's version")}
                        </button>
                    })}
                    {folder_permission.then(|| view! {
                        <button type="button" class="primary" data-testid="folder-reconnect-notice" on:click=move |_| {
                            if let Some(id) = syncing.open_id() { crate::ui::state::reconnect_from_notice(syncing, id); }
                        }>
                            {tr(lang, "共有フォルダに再接続", "Reconnect to the shared folder")}
                        </button>
                    })}
                    {unfinished.then(|| view! {
                        <button type="button" data-testid="keep-bring-in" on:click=move |_| regions.keep_unfinished_bring_in()>
                            {tr(lang, "このまま残す", "Keep them")}
                        </button>
                        <button type="button" class="danger" data-testid="undo-bring-in" on:click=move |_| regions.undo_unfinished_bring_in()>
                            {tr(lang, "取り込みを取り消す", "Undo the bring-in")}
                        </button>
                    })}
                    {undo_elsewhere.map(|key| view! {
                        <button type="button" data-testid="undo-deletion-elsewhere" on:click=move |_| state.undo_deletion_elsewhere(&key)>
                            {tr(lang, "削除を取り消す", "Undo the deletion")}
                        </button>
                    })}
                    {keep_as_new.then(|| view! {
                        <button type="button" data-testid="keep-as-new" on:click=move |_| state.keep_as_new()>
                            {tr(lang, "新しい戦略として残す", "Keep as a new strategy")}
                        </button>
                    })}
                    {full.then(|| view! {
                        <button type="button" class="primary" data-testid="export-unsaved" on:click=move |_| state.export_open_as_it_is()>
                            {tr(lang, "書き出す", "Export")}
                        </button>
                    })}
                    {versions_to_discard.then(|| view! {
                        <button type="button" class="danger" data-testid="discard-versions" on:click=move |_| state.discard_versions()>
                            {tr(lang, "古い版を削除", "Delete old versions")}
                        </button>
                    })}
                    {export_then_delete.map(|id| view! {
                        <button type="button" class="danger" data-testid="export-then-delete" on:click=move |_| library.export_then_delete(&id)>
                            {tr(lang, "書き出してから削除", "Export, then delete")}
                        </button>
                    })}
                    <button type="button" class="quiet" on:click=move |_| state.notice.set(None)>{tr(lang, "閉じる", "Dismiss")}</button>
                </div>
            </div>
        })
    }
}

crate::ui::browser::parts::split!(
    actions,
    /// The notice area's words and actions (`notices`).
    fn notice_view() -> AnyView {
        view! { <NoticeView/> }.into_any()
    }
);
