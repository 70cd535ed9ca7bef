//! 版の履歴 on the strategy's 履歴 page: the open strategy's kept versions, newest first by time, runs
//! of autosaves gathered in a line that opens (`session::version_list`) — when, why, how
//! large, and on request what changed up to the next version — to export one as a file or bring
//! it back (the restore is itself a new version, so it can be undone), or to read it as it was
//! (the overview, read-only). Read from storage again after every save. A draft kept when the
//! strategy moved on from its stage is listed by its name (「素案（令和8年11月）」), a version a hearing
//! heard by the hearing's (「策定会議（令和8年12月10日）で示した骨子案」).

use crate::format;
use crate::locale::tr;
use crate::model::{Id, Strategy};
use crate::session::version_list::VersionLine;
use crate::storage::{StorageError, StoredVersion};
use crate::ui::browser::files;
use crate::ui::kit::old_new::{Comparing, Old, OldNewTable};
use crate::ui::kit::panel::TitledPanel;
use crate::ui::kit::strategy_view::StrategyView;
use crate::ui::speech::Speaks;
use crate::ui::state::{use_edits, use_library, use_notice_board, Library, Notice, NoticeBoard};
use crate::words;
use leptos::prelude::*;
use leptos::task::spawn_local;

#[component]
pub fn VersionHistory(id: Id) -> impl IntoView {
    let state = use_library();
    let edits = use_edits();
    let versions: RwSignal<Option<Result<Vec<StoredVersion>, StorageError>>> = RwSignal::new(None);
    // Syncs with storage: each save (the save state changes) may add or thin versions.
    let id_read = id.clone();
    Effect::new(move |_| {
        edits.save_state.track();
        state.summaries.track();
        let id = id_read.clone();
        spawn_local(async move { versions.set(Some(state.versions().list(&id).await)) });
    });
    let keeps = state.versions().kept();
    let comparing = Comparing::new();
    view! {
        <TitledPanel testid="version-history" title=("版の履歴", "Version history")>
            {move || {
                let lang = state.lang();
                if !keeps {
                    return view! { <p class="lead">{tr(lang, "このブラウザでは localStorage に保存しているため、版の履歴は残していません（容量が約500万文字しかないため）。ファイルへの書き出しで版を残してください。", "Data is kept in localStorage here, so no version history is kept (it holds only about 5 million characters). Keep versions by exporting files.")}</p> }.into_any();
                }
                match versions.get() {
                    None => view! { <p class="meta">{tr(lang, "読み込み中…", "Loading…")}</p> }.into_any(),
                    Some(Err(e)) => view! { <p class="error">{words::storage_error(&e, lang)}</p> }.into_any(),
                    // No kept version yet: a 新旧対照表 with another strategy (the previous period's) still can be made.
                    Some(Ok(list)) if list.is_empty() => view! {
                        <p class="lead">{tr(lang, "まだ以前の版はありません。保存するたびに、その前の版がここに残ります。", "No earlier versions yet. Each save keeps the version before it here.")}</p>
                        <OldNewTable id=id.clone() versions=Vec::new() comparing=comparing/>
                    }.into_any(),
                    Some(Ok(list)) => {
                        let total: usize = list.iter().map(|v| v.bytes).sum();
                        let summary = words::versions_kept(list.len(), &words::size(total as u64), lang);
                        // The versions a hearing heard, by its name (「策定会議（令和8年12月10日）で示した骨子案」).
                        let heard = heard_names(edits, lang, state.year_style());
                        let named = |v: &StoredVersion| heard.iter().any(|(at, _)| *at == v.saved_at);
                        let listing = crate::session::version_list::listing(&list, named);
                        let row = |i: usize| {
                            let v = listing.versions[i].clone();
                            let name = heard.iter().find(|(at, _)| *at == v.saved_at).map(|(_, n)| n.clone());
                            view! { <VersionRow id=id.clone() version=v heard=name newer=listing.newer(i) comparing=comparing/> }
                        };
                        let lines = listing.lines.iter().map(|line| match line {
                            VersionLine::One(i) => row(*i).into_any(),
                            VersionLine::Saves(run) => {
                                let times = (files::clock_time(&listing.versions[run.end - 1].saved_at), files::clock_time(&listing.versions[run.start].saved_at));
                                let said = match times {
                                    (Some(oldest), Some(newest)) => words::autosaves(run.len(), oldest, newest, lang),
                                    _ => words::autosaves_unread(run.len(), lang),
                                };
                                view! {
                                    <li class="version-run" data-testid="version-run">
                                        <details>
                                            <summary data-testid="version-run-summary">{said}</summary>
                                            <ul class="strategy-list">{run.clone().map(row).collect_view()}</ul>
                                        </details>
                                    </li>
                                }.into_any()
                            }
                        }).collect_view();
                        view! {
                            <p class="lead">{summary}</p>
                            <ul class="strategy-list" data-testid="version-list">{lines}</ul>
                            <OldNewTable id=id.clone() versions=listing.versions.clone() comparing=comparing/>
                        }.into_any()
                    }
                }
            }}
        </TitledPanel>
    }
}

/// The times of the versions the open strategy's hearings heard, with each one's name.
fn heard_names(
    edits: crate::ui::state::Edits,
    lang: crate::locale::Language,
    style: crate::locale::YearStyle,
) -> Vec<(String, String)> {
    edits.open.with_untracked(|o| {
        o.as_ref()
            .map(|s| {
                s.hearings
                    .iter()
                    .filter_map(|h| {
                        Some((h.heard.as_ref()?.saved_at.clone(), words::hearing::heard_version_name(h, lang, style)))
                    })
                    .collect()
            })
            .unwrap_or_default()
    })
}

/// One kept version. `heard`: the name of the hearing that heard it; `newer`: the version after
/// it (`None`: the current one), for its changes.
#[component]
fn VersionRow(
    id: Id,
    version: StoredVersion,
    heard: Option<String>,
    newer: Option<u64>,
    comparing: Comparing,
) -> impl IntoView {
    let state = use_library();
    let board = use_notice_board();
    let lang = state.lang();
    let changes: RwSignal<Option<String>> = RwSignal::new(None);
    let shown: RwSignal<Option<Result<Strategy, StorageError>>> = RwSignal::new(None);
    let seq = version.seq;
    let when = files::local_time(&version.saved_at);
    let reason = words::version_reason(&version, lang);
    let (id_changes, id_export, id_restore, id_view) = (id.clone(), id.clone(), id.clone(), id.clone());
    let compare_with = move |_| {
        comparing.old.set(Some(Old::Version(seq)));
        comparing.new.set(None);
        comparing.run(state, id.clone());
        // The table is below the list: bring it into view.
        if let Some(title) = document().get_element_by_id("old-new-title") {
            title.scroll_into_view();
        }
    };
    view! {
        <li class="strategy-row" data-testid="version-row" data-saved-at=version.saved_at.clone()>
            <div class="strategy-main">
                {match heard.or_else(|| version.label.clone().filter(|_| version.is_named())) {
                    Some(name) => view! { <span class="strategy-title" data-testid="version-name">{format!("{name} ・ {when} 「{}」", version.title)}</span> }.into_any(),
                    None => view! { <span class="strategy-title">{format!("{when} 「{}」", version.title)}</span> }.into_any(),
                }}
                <span class="meta">{format!("{reason} ・ {}", words::size(version.bytes as u64))}</span>
                {move || changes.get().map(|c| view! { <span class="meta" data-testid="version-changes">{c}</span> })}
            </div>
            <div class="row-actions">
                <button type="button" data-testid="view-version" aria-expanded=move || shown.with(Option::is_some).to_string()
                    on:click=move |_| if shown.with(Option::is_some) { shown.set(None) } else { show_version(state, id_view.clone(), seq, shown) }>
                    {move || if shown.with(Option::is_some) { tr(lang, "閉じる", "Close") } else { tr(lang, "開いて見る", "View") }}
                </button>
                <button type="button" on:click=move |_| show_changes(state, id_changes.clone(), seq, newer, changes)>{tr(lang, "次の版との違い", "What changed next")}</button>
                <button type="button" data-testid="compare-version" on:click=compare_with>{tr(lang, "この版と比べる", "Compare with this version")}</button>
                <button type="button" data-testid="export-version" on:click=move |_| export_version(state, board, id_export.clone(), seq)>{tr(lang, "書き出す", "Export")}</button>
                <button type="button" data-testid="restore-version" on:click=move |_| state.restore_version(&id_restore, seq)>{tr(lang, "この版に戻す", "Restore this version")}</button>
            </div>
            {move || shown.get().map(|v| match v {
                Ok(strategy) => view! {
                    <div class="version-view" data-testid="version-view">
                        <p class="notice" role="status">{words::version_of(&when, lang)}</p>
                        <StrategyView strategy=strategy lang=lang style=state.year_style() read_only=true/>
                    </div>
                }.into_any(),
                Err(e) => view! { <p class="error" role="alert">{words::storage_error(&e, lang)}</p> }.into_any(),
            })}
        </li>
    }
}

/// Reads version `seq` into `out`, to show it read-only.
fn show_version(state: Library, id: Id, seq: u64, out: RwSignal<Option<Result<Strategy, StorageError>>>) {
    spawn_local(async move { out.set(Some(state.versions().version(&id, seq).await)) });
}

/// What changed from version `seq` to the one after it (`None`: the current version).
fn show_changes(state: Library, id: Id, seq: u64, newer: Option<u64>, out: RwSignal<Option<String>>) {
    spawn_local(async move {
        let (old, new) = state.versions().with_next(&id, seq, newer).await;
        let lang = state.lang();
        out.set(Some(match (old, new) {
            (Ok(old), Ok(new)) => crate::words::import::changes_line(format::count_changes(&old, &new), lang),
            (Err(e), _) | (_, Err(e)) => words::storage_error(&e, lang),
        }));
    });
}

/// Downloads a kept version as a Shirube file.
fn export_version(state: Library, board: NoticeBoard, id: Id, seq: u64) {
    spawn_local(async move {
        match state.versions().version(&id, seq).await {
            Ok(s) => state.export(&s),
            Err(e) => board.notice.set(Some(Notice::Storage(e))),
        }
    });
}
