//! 意見記入用のブック on a hearing: 「記入用ブックを作る」 writes the hearing's workbook (the
//! recorded opinions by id, rows for new ones; the writer's part, `ui::formats::workbook_writer`), and
//! 「記入済みのブックを読み込む」 reads one back (the reader's part, `ui::formats::workbook_reader`) into a
//! preview — refused whole with the reason and the place, or what it adds, what it answers or
//! changes and the rows it cannot take with their cells — taken in as one edit (one undo step)
//! or cancelled. The flow (a ticket per pick) is `session::opinion_book`'s; the rules
//! `format::opinions::book`'s.

use crate::format::opinions::book::opinion_book;
use crate::locale::tr;
use crate::model::Id;
use crate::session::flow::Pending;
use crate::session::opinion_book::{OpinionBookFlow, OpinionBookOutcome, OpinionBookPreview};
use crate::ui::browser::files;
use crate::ui::browser::round_trip::pick_workbook;
use crate::ui::formats::exporters::{Export, Exporting};
use crate::ui::speech::Speaks;
use crate::ui::state::Edits;
use crate::words::opinion_book as said;
use leptos::prelude::*;
use std::sync::Arc;
use wasm_bindgen::JsCast;

#[component]
pub fn OpinionWorkbook(state: Edits, hearing: Id) -> impl IntoView {
    let exporting = Exporting::new();
    let (writing, failed) = (exporting.busy, exporting.failed);
    let flow = RwSignal::new(OpinionBookFlow::default());
    let outcome: RwSignal<Option<OpinionBookOutcome>> = RwSignal::new(None);
    let key = hearing.clone();
    let make = move |_| {
        let key = key.clone();
        exporting.start(state, move |s| {
            match opinion_book(s, &key) {
                Some(book) => {
                    let name = book.file.clone();
                    (Export::OpinionBook(Box::new(book)), name)
                }
                // The hearing was deleted meanwhile: the writer refuses what is no workbook, and
                // the button says so.
                None => (Export::OpinionBook(Box::new(())), String::new()),
            }
        })
    };
    let input_id = format!("opinion-book-pick-{}", hearing.as_str());
    let on_file = move |ev: leptos::ev::Event| {
        let Some(input) = ev.target().and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok()) else { return };
        let Some(file) = input.files().and_then(|l| l.get(0)) else { return };
        input.set_value("");
        let name = file.name();
        // A pick made while another is read supersedes it (the older read is dropped).
        let read = async move { files::read_bytes(&file).await.unwrap_or_default() };
        let (hearing, file_name) = (hearing.clone(), name.clone());
        // Planned against the strategy as it is now (the page may have been left).
        let plan = move |opened| OpinionBookPreview::plan(&state.open.get_untracked()?, &hearing, &file_name, opened);
        let open = crate::ui::formats::workbook_reader::read;
        pick_workbook(flow, outcome, OpinionBookOutcome::Unread, &name, read, open, plan);
    };
    let take = move |_| {
        let Some(p) = flow.with_untracked(|f| f.ready_preview().cloned()) else { return };
        let mut done = None;
        state.edit(|s| done = Some(p.take(s)));
        state.flush();
        flow.update(OpinionBookFlow::cancel);
        outcome.set(done);
    };
    view! {
        <div class="opinion-book" data-testid="opinion-book">
            <p class="actions">
                <button type="button" class="button" data-testid="opinion-book-make" on:click=make disabled=move || writing.get()>
                    {move || if writing.get() { state.tr("作っています…", "Writing…") } else { state.tr("記入用ブックを作る", "Make the workbook to fill in") }}
                </button>
                <input id=input_id.clone() type="file" accept=".xlsx,.xlsm,.xls,.ods" class="visually-hidden" data-testid="opinion-book-pick" on:change=on_file/>
                <label class="button" for=input_id>{state.text("記入済みのブックを読み込む", "Read a filled-in workbook")}</label>
            </p>
            {move || failed.get().map(|detail| view! {
                <p class="notice error" role="alert" data-testid="opinion-book-make-error">
                    {state.text("ブックを作れませんでした。戦略は変わっていません。", "The workbook could not be written. The strategy is unchanged.")}" "<span class="meta">{detail}</span>
                </p>
            })}
            {move || flow.with(|f| matches!(f.pending(), Some(Pending::Reading { .. }))).then(|| view! {
                <p class="meta" data-testid="opinion-book-reading">{state.text("読み込んでいます…", "Reading…")}</p>
            })}
            {move || outcome.get().map(|o| match o {
                OpinionBookOutcome::Taken { added, edited } => view! {
                    <p class="notice" role="status" data-testid="opinion-book-taken">{said::taken(added, edited, state.lang())}</p>
                }.into_any(),
                OpinionBookOutcome::Unread => view! {
                    <p class="notice error" role="alert" data-testid="opinion-book-unread">{said::unread(state.lang())}</p>
                }.into_any(),
            })}
            {move || flow.with(|f| f.ready_preview().cloned()).map(|p| preview(state, p, take, flow))}
        </div>
    }
}

/// The preview: why the workbook was refused, or what it adds, changes and cannot take.
fn preview(
    state: Edits,
    p: Arc<OpinionBookPreview>,
    take: impl Fn(leptos::ev::MouseEvent) + 'static,
    flow: RwSignal<OpinionBookFlow>,
) -> impl IntoView {
    let lang = state.lang();
    let body = match &p.reading {
        Err(e) => {
            let why = state.open.with_untracked(|o| o.as_ref().map(|s| said::refused(e, s, lang))).unwrap_or_default();
            view! {
                <p class="error" role="alert" data-testid="opinion-book-refused">{why}</p>
                <p class="meta">{tr(lang, "このブックからは何も取り込みません。戦略は変わっていません。", "Nothing is taken from this workbook. The strategy is unchanged.")}</p>
            }
            .into_any()
        }
        Ok(r) => {
            let added: Vec<String> = r.added.iter().map(|a| said::added(a, lang)).collect();
            let edited: Vec<String> = r.edited.iter().map(|e| said::edited(e, lang)).collect();
            let bad: Vec<String> = r.bad.iter().map(|b| said::bad(b, lang)).collect();
            view! {
                <p class="lead" data-testid="opinion-book-summary">{said::summary(r, lang)}</p>
                {(!added.is_empty()).then(|| view! { <p class="meta">{tr(lang, "加える意見", "Opinions added")}</p> })}
                <ul data-testid="opinion-book-added">{added.into_iter().map(|t| view! { <li data-testid="opinion-book-add">{t}</li> }).collect_view()}</ul>
                {(!edited.is_empty()).then(|| view! { <p class="meta">{tr(lang, "回答・内容が変わる意見", "Opinions answered or changed")}</p> })}
                <ul data-testid="opinion-book-edited">{edited.into_iter().map(|t| view! { <li data-testid="opinion-book-edit">{t}</li> }).collect_view()}</ul>
                {(!bad.is_empty()).then(|| view! { <p class="meta error">{tr(lang, "取り込めない行", "Rows not taken")}</p> })}
                <ul class="error" data-testid="opinion-book-bad">{bad.into_iter().map(|t| view! { <li>{t}</li> }).collect_view()}</ul>
            }
            .into_any()
        }
    };
    view! {
        <div class="panel" data-testid="opinion-book-preview">
            <h4><bdi>{p.file.clone()}</bdi></h4>
            {body}
            <p class="actions">
                <button type="button" class="primary" data-testid="opinion-book-take" on:click=take disabled=!p.can_take()>{state.text("取り込む", "Take it in")}</button>
                <button type="button" data-testid="opinion-book-cancel" on:click=move |_| flow.update(OpinionBookFlow::cancel)>{state.text("取り消す", "Cancel")}</button>
            </p>
        </div>
    }
}
