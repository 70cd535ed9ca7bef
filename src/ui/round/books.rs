//! 照会用のブック on the round's page, for the planning section: a workbook per section for
//! those without the shared folder, offered as one zip (a browser asks about, or blocks, many
//! downloads at once), and their returned workbooks read back at once — each refused whole or
//! previewed per section (what changes, old → new; what was ignored; what could not be read)
//! before anything is stored; then taken in as one edit (one undo step, saved at once) or
//! cancelled; taking a section's workbook in records its 提出, as received in a workbook by the
//! person who took it in. Values the planning section already confirmed are not changed
//! silently: the preview shows them as the import preview's card does, and keeps them unless
//! the person takes the workbooks' values, confirmed again in their name (`model::round::confirmed_changes`). The
//! flow (a ticket per pick, the preview, what taking in does) is `session::round_books`'s; the
//! writing and opening are the workbook parts' (`ui::formats::exporters`, `ui::formats::workbook_reader`); the
//! rules `format::round_book`'s.

use crate::format::round_book::{section_books, ReturnedBook};
use crate::model::round::OnConfirmed;
use crate::model::{FiscalYear, Id, Strategy};
use crate::session::flow::Pending;
use crate::session::round_books::{reading_name, BooksFlow, BooksOutcome, BooksPreview};
use crate::ui::browser::files;
use crate::ui::browser::round_trip::pick_workbook;
use crate::ui::formats::exporters::{Export, Exporting};
use crate::ui::formats::workbook_writer::RoundBooks;
use crate::ui::import::confirmed::{confirmed_choice, Source};
use crate::ui::kit::panel::TitledPanel;
use crate::ui::speech::Speaks;
use crate::ui::state::{use_edits, Edits};
use crate::words;
use leptos::prelude::*;
use std::sync::Arc;
use wasm_bindgen::JsCast;

#[component]
pub(super) fn SectionBooks(round: Id, year: FiscalYear) -> impl IntoView {
    let state = use_edits();
    let exporting = Exporting::new();
    let (writing, failed) = (exporting.busy, exporting.failed);
    // The picked workbooks being read, or their preview (`session::round_books`); what taking
    // them in did; and whether to take the values they change of confirmed ones.
    let flow = RwSignal::new(BooksFlow::default());
    let outcome: RwSignal<Option<BooksOutcome>> = RwSignal::new(None);
    let take_confirmed = RwSignal::new(false);
    let round_make = round.clone();
    let make = move |_| {
        let round = round_make.clone();
        exporting.start(state, move |s| {
            let name = format!("照会用のブック_{}_{}.zip", s.municipality.name.trim(), year.japanese());
            let books = s.round(&round).map(|r| section_books(s, r)).unwrap_or_default();
            (Export::RoundBooks(Box::new(RoundBooks(books, files::now()))), name)
        })
    };
    let on_files = move |ev: leptos::ev::Event| {
        let Some(input) = ev.target().and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok()) else { return };
        let Some(list) = input.files() else { return };
        let picked: Vec<web_sys::File> = (0..list.length()).filter_map(|i| list.get(i)).collect();
        input.set_value("");
        if picked.is_empty() {
            return;
        }
        let names: Vec<String> = picked.iter().map(|f| f.name()).collect();
        // A pick made while another is read supersedes it (the older read is dropped).
        let read = async move {
            let mut read = Vec::new();
            for file in &picked {
                read.push((file.name(), files::read_bytes(file).await.unwrap_or_default()));
            }
            read
        };
        let round = round.clone();
        // Planned against the strategy as it is now (the page may have been left).
        let plan = move |opened| BooksPreview::plan(&state.open.get_untracked()?, &round, opened);
        let open = crate::ui::formats::workbook_reader::open_answers;
        if pick_workbook(flow, outcome, BooksOutcome::Unread, &reading_name(&names), read, open, plan) {
            take_confirmed.set(false);
        }
    };
    let take = move |_| {
        let Some(p) = flow.with_untracked(|f| f.ready_preview().cloned()) else { return };
        // Who takes the workbooks in: the 提出's receiver, and the name confirmed values taken
        // are confirmed again in.
        let (by, at) = (super::who::me(state), files::now());
        let on = if take_confirmed.get_untracked() { OnConfirmed::Take(by.clone()) } else { OnConfirmed::Keep };
        let mut done = None;
        state.edit(|s| done = Some(p.take(s, &on, &by, &at)));
        state.flush();
        flow.update(BooksFlow::cancel);
        outcome.set(done);
    };
    view! {
        <TitledPanel testid="round-books" title=("照会用のブック（共有フォルダを使わない課へ）", "Section workbooks (for sections without the shared folder)")
            lead=("課ごとに、その課の項目だけの Excel ブックを作ります（1つの zip にまとめてダウンロード）。記入欄のほかは保護されています。返ってきたブックは、まとめて読み込んで、変わる値を確かめてから取り込めます。取り込むと、その課の提出として記録されます。", "Makes an Excel workbook per section holding only its items (downloaded as one zip); all but the answer cells are protected. Read the returned workbooks back at once and check what changes before taking it in; taking a section's workbook in records its submission.")>
            <p class="actions">
                <button type="button" data-testid="books-make" on:click=make disabled=move || writing.get()>
                    {move || if writing.get() { state.tr("作っています…", "Writing…") } else { state.tr("照会用のブックを作る", "Make the section workbooks") }}
                </button>
                <input id="books-pick" type="file" multiple=true accept=".xlsx,.zip" class="visually-hidden" data-testid="books-pick" on:change=on_files/>
                <label class="button" for="books-pick">{state.text("回答を読み込む", "Read returned workbooks")}</label>
            </p>
            {move || failed.get().map(|detail| view! {
                <p class="notice error" role="alert" data-testid="books-make-error">
                    {state.text("ブックを作れませんでした。戦略は変わっていません。", "The workbooks could not be written. The strategy is unchanged.")}" "<span class="meta">{detail}</span>
                </p>
            })}
            {move || flow.with(|f| matches!(f.pending(), Some(Pending::Reading { .. }))).then(|| view! {
                <p class="meta" data-testid="books-reading-now">{state.text("読み込んでいます…", "Reading…")}</p>
            })}
            {move || outcome.get().map(|o| match o {
                BooksOutcome::Taken { values, kept, submitted } => {
                    let names: Vec<String> = state.open.with_untracked(|o| {
                        o.as_ref().map_or_else(Vec::new, |s| submitted.iter().filter_map(|d| s.department_name(d)).map(str::to_owned).collect())
                    });
                    view! { <p class="notice" role="status" data-testid="books-taken">{words::round_book::taken(values, kept, &names, state.lang())}</p> }.into_any()
                }
                BooksOutcome::Unread => view! {
                    <p class="notice error" role="alert" data-testid="books-unread">{words::round_book::unread(state.lang())}</p>
                }.into_any(),
            })}
            {move || flow.with(|f| f.ready_preview().cloned()).map(|p| preview(state, p, take, flow, take_confirmed))}
        </TitledPanel>
    }
}

/// The preview: per workbook, its section and what it changes, or why it was refused; the
/// sections whose 提出 taking it in records.
fn preview(
    state: Edits,
    p: Arc<BooksPreview>,
    take: impl Fn(leptos::ev::MouseEvent) + 'static,
    flow: RwSignal<BooksFlow>,
    take_confirmed: RwSignal<bool>,
) -> impl IntoView {
    let lang = state.lang();
    let (rows, held, submitted) = state.open.with_untracked(|o| match o {
        Some(s) => (
            p.readings.iter().map(|x| reading(s, x, lang)).collect::<Vec<_>>(),
            confirmed_choice(s, &p.confirmed, take_confirmed, Source::Workbooks, lang, state.year_style()),
            p.submissions.iter().filter_map(|d| s.department_name(d)).map(str::to_owned).collect::<Vec<_>>(),
        ),
        None => (Vec::new(), ().into_any(), Vec::new()),
    });
    // What will change, as the card's choice stands: a confirmed value kept is not a change.
    let counted = p.clone();
    let summary = move || {
        let on = if take_confirmed.get() { OnConfirmed::Take(String::new()) } else { OnConfirmed::Keep };
        let made = counted.made(&on);
        words::round_book::summary(counted.readings.len(), made, counted.changes.len() - made, &submitted, lang)
    };
    view! {
        <div data-testid="books-preview">
            <p class="lead" data-testid="books-summary">{summary}</p>
            <ul class="strategy-list">{rows}</ul>
            {held}
            <p class="actions">
                <button type="button" class="primary" data-testid="books-take" on:click=take disabled=!p.can_take()>{state.text("取り込む", "Take it in")}</button>
                <button type="button" data-testid="books-cancel" on:click=move |_| flow.update(BooksFlow::cancel)>{state.text("取り消す", "Cancel")}</button>
            </p>
        </div>
    }
}

/// One workbook's part of the preview.
fn reading(s: &Strategy, r: &ReturnedBook, lang: crate::locale::Language) -> impl IntoView {
    let file = r.file.clone();
    let body = match &r.outcome {
        Err(e) => {
            view! { <p class="error" data-testid="books-refused">{words::round_book::refused(e, lang)}</p> }.into_any()
        }
        Ok(a) => {
            let section = s.department(&a.department).map(|d| d.name.clone()).unwrap_or_default();
            let changes: Vec<String> = a.changes.iter().map(|c| words::round_book::change(c, s, lang)).collect();
            let ignored: Vec<String> = a.ignored.iter().map(|i| words::round_book::ignored(i, lang)).collect();
            let bad: Vec<String> = a.bad.iter().map(|b| words::round_book::bad(&b.cell, &b.problem, lang)).collect();
            let none =
                changes.is_empty().then(|| crate::locale::tr(lang, "変わる値はありません。", "No value changes."));
            view! {
                <p><strong data-testid="books-section">{section}</strong></p>
                <p class="meta">{none}</p>
                <ul data-testid="books-changes">{changes.into_iter().map(|c| view! { <li data-testid="books-change">{c}</li> }).collect_view()}</ul>
                {(!ignored.is_empty()).then(|| view! {
                    <p class="meta">{crate::locale::tr(lang, "取り込まない値（企画課の列への記入）", "Not taken (typed into the planning section's columns)")}</p>
                })}
                <ul data-testid="books-ignored">{ignored.into_iter().map(|c| view! { <li>{c}</li> }).collect_view()}</ul>
                {(!bad.is_empty()).then(|| view! {
                    <p class="meta error">{crate::locale::tr(lang, "読めない値（取り込みません。ブックのほかの値は取り込みます）", "Values that cannot be read (not taken; the workbook's other values are)")}</p>
                })}
                <ul class="error" data-testid="books-bad">{bad.into_iter().map(|c| view! { <li>{c}</li> }).collect_view()}</ul>
            }
            .into_any()
        }
    };
    view! {
        <li class="panel" data-testid="books-reading" data-ok=r.outcome.is_ok().to_string()>
            <h3><bdi>{file}</bdi></h3>
            {body}
        </li>
    }
}
