//! The import preview: before a file changes anything, what it holds and what importing it
//! would do — a strategy file's title, municipality, period, counts, when and by what it was
//! exported, its warnings, and (when a strategy with the same id is stored) the choice between
//! importing it as a new strategy and replacing the stored one, with what would change; for a
//! backup of everything, each strategy's state here and a choice per strategy that differs.
//! Also the window-wide file drop: a file dropped anywhere on the page comes here.

use crate::format::Changes;
use crate::locale::Language;
use crate::locale::{self, tr};
use crate::model::{errors, Counts, Id, PlanPeriod};
use crate::session::flow::Pending;
use crate::session::preview::{EntryStatus, ImportChoice, MergeOffer, Preview};
use crate::ui::browser::files;
use crate::ui::import::dialog::dialog;
use crate::ui::import::merge_preview::MergePanel;
use crate::ui::speech::Speaks;
use crate::ui::state::{use_importing, use_navigation, Importing};
use crate::words;
use leptos::prelude::*;
use std::collections::HashSet;

/// The preview dialog (when a file is pending) and the window-wide drop target.
#[component]
pub fn ImportPreview() -> impl IntoView {
    let state = use_importing();
    let nav = use_navigation();
    let dragging = RwSignal::new(false);
    listen_for_drops(state, dragging);
    view! {
        <Show when=move || dragging.get()>
            <div class="drop-overlay" data-testid="drop-overlay" aria-hidden="true">
                <p>{move || match nav.route.get() {
                    // The region's page takes the drop itself (ui::region::bring_in).
                    crate::session::route::Route::Region(_) => state.tr("ここにドロップすると、この地域に取り込みます（フォルダーも）", "Drop to bring the files (or a folder) into this region"),
                    _ => state.tr("ここにファイルをドロップすると、取り込む前に内容を確認できます", "Drop the file to see what it holds before importing it"),
                }}</p>
            </div>
        </Show>
        {move || state.import.with(|f| f.pending().map(|p| match p {
            // Every dialog of the import is in the files' part, fetched with the first file
            // taken (its reading needs that part too).
            Pending::Reading { file, .. } => {
                let file = file.clone();
                crate::ui::kit::lazy::lazy_part(move || crate::ui::import::dialog::reading_dialog(file.clone()))
            }
            Pending::Ready(Preview::Strategy { .. }) => crate::ui::kit::lazy::lazy_page(strategy_preview),
            Pending::Ready(Preview::Everything { .. }) => crate::ui::kit::lazy::lazy_page(everything_preview),
        }))}
    }
}

/// Files dropped anywhere on the page go to the import (the browser would otherwise open
/// them in place of the app). Only drags that carry files are taken, and only drops that no
/// element's own drop zone has taken already (`preventDefault` there, e.g. a CSV drop zone).
fn listen_for_drops(state: Importing, dragging: RwSignal<bool>) {
    let _ = window_event_listener(leptos::ev::dragenter, move |ev| {
        if files::drag_has_files(&ev) {
            ev.prevent_default();
            dragging.set(true);
        }
    });
    let _ = window_event_listener(leptos::ev::dragover, move |ev| {
        if files::drag_has_files(&ev) {
            ev.prevent_default();
            files::set_drop_effect_copy(&ev);
            if !dragging.get_untracked() {
                dragging.set(true);
            }
        }
    });
    // Leaving the window (not just moving between elements): no element to go to.
    let _ = window_event_listener(leptos::ev::dragleave, move |ev| {
        if ev.related_target().is_none() {
            dragging.set(false);
        }
    });
    let _ = window_event_listener(leptos::ev::drop, move |ev| {
        dragging.set(false);
        // A drop zone of its own (which calls preventDefault) has taken it.
        if ev.default_prevented() {
            return;
        }
        let dropped = files::dropped_files(&ev);
        if dropped.is_empty() && !files::drag_has_files(&ev) {
            return;
        }
        ev.prevent_default();
        if let Some(file) = dropped.into_iter().next() {
            if is_csv(&file) {
                state.take_csv(file);
            } else {
                state.take_file(file);
            }
        }
    });
}

/// A CSV by its name or type (Excel saves `.csv` as `text/csv`, Windows sometimes as
/// `application/vnd.ms-excel`). Content that only looks like CSV still goes to the JSON
/// import, which says so.
fn is_csv(file: &web_sys::File) -> bool {
    let name = file.name().to_ascii_lowercase();
    name.ends_with(".csv") || file.type_() == "text/csv"
}

/// "2026/11/21 09:00 ・ Shirube 0.1.0", or what of it the file says.
fn exported(exported_at: &str, generator: &str) -> String {
    let when = if exported_at.is_empty() { String::new() } else { files::local_time(exported_at) };
    [when, generator.to_owned()].into_iter().filter(|s| !s.is_empty()).collect::<Vec<_>>().join(" ・ ")
}

fn migration_note(from: Option<u64>, lang: Language) -> Option<String> {
    from.map(|v| words::import::migration_note(v, lang))
}

/// Fields the file holds that this version does not know: kept, and said so.
fn unknown_note(count: usize, lang: Language) -> Option<String> {
    (count > 0).then(|| words::import::unknown_note(count, lang))
}

/// The table of what replacing changes: added / removed / changed per kind.
pub(in crate::ui) fn changes_table(c: Changes, lang: Language) -> impl IntoView {
    type Kind = (&'static str, &'static str, fn(&Counts) -> usize);
    let kinds: [Kind; 4] = [
        ("基本目標等", "Goals", |c| c.goals),
        ("施策", "Measures", |c| c.measures),
        ("事業", "Initiatives", |c| c.initiatives),
        ("指標", "Indicators", |c| c.indicators),
    ];
    let cell = |n: usize| if n == 0 { "—".to_owned() } else { n.to_string() };
    view! {
        <table class="changes" data-testid="preview-changes">
            <thead><tr>
                <th></th>
                <th>{tr(lang, "追加", "Added")}</th>
                <th>{tr(lang, "削除", "Removed")}</th>
                <th>{tr(lang, "変更", "Changed")}</th>
            </tr></thead>
            <tbody>
                {kinds.into_iter().map(|(ja, en, get)| view! {
                    <tr>
                        <th scope="row">{tr(lang, ja, en)}</th>
                        <td class="num">{cell(get(&c.added))}</td>
                        <td class="num">{cell(get(&c.removed))}</td>
                        <td class="num">{cell(get(&c.changed))}</td>
                    </tr>
                }).collect_view()}
            </tbody>
        </table>
        {c.settings.then(|| view! { <p class="meta">{tr(lang, "戦略の設定（名前・期間・本文など）も変わります。", "The strategy's settings (name, period, sections …) change too.")}</p> })}
    }
}

#[component]
pub(in crate::ui) fn StrategyPreview() -> impl IntoView {
    let state = use_importing();
    let Some(Pending::Ready(Preview::Strategy { file, bytes, imported, existing, .. })) =
        state.import.with_untracked(|f| f.pending().cloned())
    else {
        return ().into_any();
    };
    let (lang, style) = (state.lang(), state.year_style());
    let s = &imported.strategy;
    let municipality = match &s.municipality.code {
        Some(code) => format!("{}（{code}）", s.municipality.name),
        None => s.municipality.name.clone(),
    };
    let period = locale::period(PlanPeriod { first: s.period.first, last: s.period.last }, lang, style);
    let warnings: Vec<String> = imported.problems.iter().map(|p| words::problem(p, s, lang)).collect();
    let warning_count = warnings.len();
    let shown: Vec<String> = warnings.into_iter().take(50).collect();
    let identical = existing.as_ref().is_some_and(|e| e.changes.is_empty());

    let facts = view! {
        <dl class="facts">
            <dt>{tr(lang, "ファイル", "File")}</dt>
            <dd data-testid="preview-file">{file.clone()}" ("{words::size(bytes as u64)}")"</dd>
            <dt>{tr(lang, "戦略", "Strategy")}</dt>
            <dd class="strong" data-testid="preview-title">{s.title.clone()}</dd>
            <dt>{tr(lang, "自治体", "Municipality")}</dt>
            <dd data-testid="preview-municipality">{municipality}</dd>
            <dt>{tr(lang, "計画期間", "Plan period")}</dt>
            <dd data-testid="preview-period">{period}</dd>
            <dt>{tr(lang, "内容", "Contents")}</dt>
            <dd data-testid="preview-counts">{words::import::counts(s.counts(), lang)}</dd>
            <dt>{tr(lang, "書き出し", "Exported")}</dt>
            <dd data-testid="preview-exported">{exported(&imported.exported_at, &imported.generator)}</dd>
        </dl>
    };
    let notes = view! {
        {migration_note(imported.migrated_from, lang).map(|n| view! { <p class="preview-note" data-testid="preview-migrated">{n}</p> })}
        {unknown_note(imported.strategy.unknown_field_count(), lang).map(|n| view! { <p class="preview-note" data-testid="preview-unknown">{n}</p> })}
        {(warning_count > 0).then(|| view! {
            <details class="preview-warnings" data-testid="preview-warnings">
                <summary>{words::import::warnings_heading(warning_count, lang)}</summary>
                <ul>{shown.into_iter().map(|w| view! { <li>{w}</li> }).collect_view()}</ul>
                {(warning_count > 50).then(|| view! { <p class="meta">{words::import::and_more(warning_count - 50, lang)}</p> })}
            </details>
        })}
    };
    // 統合する when the file shares a version with this browser.
    let choice = RwSignal::new(existing.as_ref().map_or(ImportChoice::New, |e| e.proposed()));
    let conflicts = match existing.as_ref().map(|e| &e.merge) {
        Some(MergeOffer::Ready { merge, .. }) => merge.conflicts.len(),
        _ => 0,
    };
    let conflict_choices: RwSignal<Vec<Option<crate::model::merge::Side>>> = RwSignal::new(vec![None; conflicts]);
    let take_confirmed = RwSignal::new(false);
    let theirs = imported.strategy.clone();
    let choices_view = existing.clone().map(|e| {
        let name = e.title.clone();
        let copy_label = words::import::import_as_copy(&name, lang);
        let replace_label = words::import::replace(&name, lang);
        let merge_label = words::import::merge_with(&name, lang);
        let unavailable = crate::ui::import::merge_preview::merge_unavailable(&e.merge, lang);
        let can_merge = unavailable.is_none();
        let radio = move |value: ImportChoice, testid: &'static str, label: String, enabled: bool| view! {
            <label class="inline" class:muted=!enabled>
                <input type="radio" name="import-choice" data-testid=testid disabled=!enabled
                    prop:checked=move || choice.get() == value on:change=move |_| choice.set(value)/>
                {label}
            </label>
        };
        let panel = match e.merge.clone() {
            MergeOffer::Ready { merge, from } => Some(view! {
                <div class="preview-changes" class:muted=move || choice.get() != ImportChoice::Merge>
                    <crate::ui::import::confirmed::ConfirmedInPreview changes=e.confirmed.clone() merge=merge.clone() take=take_confirmed lang=lang style=style/>
                    <MergePanel merge=merge from=from theirs=theirs.clone() choices=conflict_choices lang=lang style=style/>
                </div>
            }),
            _ => None,
        };
        view! {
            <fieldset class="preview-choice">
                <legend>{words::import::same_id_stored(&e.title, &e.municipality, lang)}</legend>
                {identical.then(|| view! { <p class="meta" data-testid="preview-identical">{tr(lang, "ファイルの内容は保存されているものと同じです。", "The file holds the same as what is stored.")}</p> })}
                {radio(ImportChoice::New, "choice-new", copy_label, true)}
                {radio(ImportChoice::Merge, "choice-merge", merge_label, can_merge)}
                {unavailable.map(|why| view! { <p class="meta warn preview-changes" data-testid="merge-unavailable">{why}</p> })}
                {panel}
                {radio(ImportChoice::Replace, "choice-replace", replace_label, true)}
                <div class="preview-changes" class:muted=move || choice.get() != ImportChoice::Replace>
                    <p>{tr(lang, "置き換えると変わること（ID で照合）:", "What replacing changes (matched by id):")}</p>
                    {changes_table(e.changes, lang)}
                    <p class="meta">{tr(lang, "置き換える前の版はバックアップとして残り、一覧の「バックアップ」から復元できます。", "The version it replaces is kept as a backup, which can be restored from the list's backups.")}</p>
                </div>
            </fieldset>
        }
    });
    let has_existing = existing.is_some();
    let confirm_label = move || match (has_existing, choice.get()) {
        (true, ImportChoice::Replace) => tr(lang, "置き換える", "Replace"),
        (true, ImportChoice::Merge) => tr(lang, "統合する", "Merge"),
        (true, ImportChoice::New) => tr(lang, "新しい戦略として取り込む", "Import as new"),
        _ => tr(lang, "取り込む", "Import"),
    };
    let unchosen = move || {
        if choice.get() != ImportChoice::Merge {
            return 0;
        }
        conflict_choices.with(|c| c.iter().filter(|c| c.is_none()).count())
    };
    let confirm = move |_: leptos::ev::MouseEvent| {
        let picked: Option<Vec<_>> = conflict_choices.get_untracked().into_iter().collect();
        let (choice, sides) = (choice.get_untracked(), picked.unwrap_or_default());
        match take_confirmed.get_untracked() {
            true => state.confirm_import_taking_confirmed(choice, sides),
            false => state.confirm_import(choice, sides),
        }
    };
    let body = view! {
        {facts}
        {notes}
        {choices_view}
        {move || (unchosen() > 0).then(|| view! { <p class="meta warn" data-testid="merge-unchosen">{words::import::conflicts_left(unchosen(), lang)}</p> })}
        <div class="actions">
            <button type="button" class="primary" data-testid="import-confirm" prop:disabled={move || unchosen() > 0} on:click=confirm>{confirm_label}</button>
            <button type="button" data-testid="import-cancel" on:click=move |_| state.cancel_import()>{tr(lang, "キャンセル（何も変更しません）", "Cancel (change nothing)")}</button>
        </div>
    };
    dialog(state, tr(lang, "取り込む前の確認", "Check before importing").into(), "import-preview", body.into_any())
        .into_any()
}

#[component]
pub(in crate::ui) fn EverythingPreview() -> impl IntoView {
    let state = use_importing();
    let Some(Pending::Ready(Preview::Everything { file, bytes, all, entries })) =
        state.import.with_untracked(|f| f.pending().cloned())
    else {
        return ().into_any();
    };
    let (lang, style) = (state.lang(), state.year_style());
    let chosen: RwSignal<HashSet<Id>> = RwSignal::new(HashSet::new());
    let differing = entries.iter().filter(|e| matches!(e, EntryStatus::Differs { .. })).count();
    let migrated =
        all.strategies.iter().chain(all.backups.iter().map(|b| &b.imported)).filter_map(|i| i.migrated_from).min();
    let summary = words::import::backup_holds(all.strategies.len(), all.backups.len(), lang);
    let rows = all.strategies.iter().zip(entries.iter()).map(|(i, status)| {
        let s = &i.strategy;
        let id = s.id.clone();
        let period = locale::period(PlanPeriod { first: s.period.first, last: s.period.last }, lang, style);
        let problems = i.problems.len();
        let errs = errors(&i.problems).count();
        let note = (problems > 0).then(|| words::import::points_to_check(problems, errs, lang));
        let (here, action) = match status {
            EntryStatus::New => (tr(lang, "ありません", "not here").into_any(), tr(lang, "追加します", "will be added").into_any()),
            EntryStatus::Same => (tr(lang, "同じ内容があります", "the same is here").into_any(), tr(lang, "変更しません", "nothing to do").into_any()),
            EntryStatus::Differs { title, changes } => {
                let here = words::import::differs(*changes, title, lang);
                let id2 = id.clone();
                let id3 = id.clone();
                let action = view! {
                    <label class="inline">
                        <input type="checkbox" data-testid="restore-replace"
                            prop:checked=move || chosen.with(|c| c.contains(&id2))
                            on:change=move |ev| {
                                let on = event_target_checked(&ev);
                                chosen.update(|c| { if on { c.insert(id3.clone()); } else { c.remove(&id3); } });
                            }/>
                        {tr(lang, "置き換える（今の版はバックアップに残します）", "Replace (the stored version is kept as a backup)")}
                    </label>
                };
                (here.into_any(), action.into_any())
            }
        };
        view! {
            <tr data-testid="restore-entry" data-id=id.to_string()>
                <td>
                    <span class="strong">{s.title.clone()}</span>
                    <span class="meta">{s.municipality.name.clone()}" ・ "{period}" ・ "{words::import::counts(s.counts(), lang)}</span>
                    {note.map(|n| view! { <span class="meta warn">{n}</span> })}
                </td>
                <td>{here}</td>
                <td>{action}</td>
            </tr>
        }
    }).collect_view();
    let body = view! {
        <dl class="facts">
            <dt>{tr(lang, "ファイル", "File")}</dt>
            <dd data-testid="preview-file">{file.clone()}" ("{words::size(bytes as u64)}")"</dd>
            <dt>{tr(lang, "書き出し", "Exported")}</dt>
            <dd data-testid="preview-exported">{exported(&all.exported_at, &all.generator)}</dd>
        </dl>
        <p data-testid="restore-summary">{summary}</p>
        {migration_note(migrated, lang).map(|n| view! { <p class="preview-note" data-testid="preview-migrated">{n}</p> })}
        <div class="table-wrap">
            <table class="restore-entries" data-testid="restore-entries">
                <thead><tr>
                    <th>{tr(lang, "ファイルの戦略", "Strategy in the file")}</th>
                    <th>{tr(lang, "このブラウザ", "In this browser")}</th>
                    <th>{tr(lang, "復元すると", "On restore")}</th>
                </tr></thead>
                <tbody>{rows}</tbody>
            </table>
        </div>
        {(differing > 0).then(|| view! { <p class="meta">{tr(lang,
            "チェックしなかった戦略は、このブラウザの今の内容のまま残します。",
            "Strategies left unchecked stay as they are in this browser.")}</p> })}
        <p class="meta">{tr(lang,
            "ファイルのバックアップは、同じものがこのブラウザにない場合だけ追加します。何も削除しません。",
            "The file's backups are added unless the same ones are here already. Nothing is deleted.")}</p>
        <div class="actions">
            <button type="button" class="primary" data-testid="restore-confirm" on:click=move |_| state.confirm_restore(chosen.get_untracked())>{tr(lang, "復元する", "Restore")}</button>
            <button type="button" data-testid="import-cancel" on:click=move |_| state.cancel_import()>{tr(lang, "キャンセル（何も変更しません）", "Cancel (change nothing)")}</button>
        </div>
    };
    dialog(
        state,
        tr(lang, "バックアップから復元する前の確認", "Check before restoring a backup").into(),
        "restore-preview",
        body.into_any(),
    )
    .into_any()
}

crate::ui::browser::parts::split!(
    files,
    fn strategy_preview() -> AnyView {
        view! { <StrategyPreview/> }.into_any()
    }
);

crate::ui::browser::parts::split!(
    files,
    fn everything_preview() -> AnyView {
        view! { <EverythingPreview/> }.into_any()
    }
);
