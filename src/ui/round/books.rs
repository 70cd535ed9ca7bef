//! 照会用のブック on the round's page, for the planning section: a workbook per section for
//! those without the shared folder, offered as one zip (a browser asks about, or blocks, many
//! downloads at once), and their returned workbooks read back at once — each refused whole or
//! previewed per section (what changes, old → new; what was ignored; what could not be read)
//! before anything is stored; then taken in as one edit (one undo step, saved at once) or
//! cancelled. Values the planning section already confirmed are not changed silently: the preview
//! shows them as the import preview's card does, and keeps them unless the person takes the
//! workbooks' values, confirmed again in their name (`model::round::confirmed_changes`). The
//! writing and reading are the workbook parts' (`ui::exporters`, `ui::workbook_reader`); the
//! rules `format::round_book`'s.

use crate::format::round_book::{changes_of, confirmed_by, read_opened, section_books, take_in, taking, Reading};
use crate::model::round::ConfirmedChange;
use crate::model::{FiscalYear, Id, Strategy};
use crate::ui::exporters::{Export, Exporting, RoundBooks};
use crate::ui::files;
use crate::ui::import_confirmed::{confirmed_choice, Source};
use crate::ui::panel::TitledPanel;
use crate::ui::speech::Speaks;
use crate::ui::state::{use_edits, Edits};
use crate::words;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

#[component]
pub(super) fn SectionBooks(round: Id, year: FiscalYear) -> impl IntoView {
    let state = use_edits();
    let exporting = Exporting::new();
    let (writing, failed) = (exporting.busy, exporting.failed);
    let readings: RwSignal<Option<Vec<Reading>>> = RwSignal::new(None);
    let busy = RwSignal::new(false);
    // What the last take did: the values it changed, and the confirmed ones it kept.
    let taken: RwSignal<Option<(usize, usize)>> = RwSignal::new(None);
    // What the workbooks would change of confirmed values, and whether to take it.
    let confirmed: RwSignal<Vec<ConfirmedChange>> = RwSignal::new(Vec::new());
    let take_confirmed = RwSignal::new(false);
    let sharing = crate::ui::state::use_sharing();
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
        let (Some(s), false) = (state.open.get_untracked(), picked.is_empty()) else { return };
        let round = round.clone();
        busy.set(true);
        taken.set(None);
        leptos::task::spawn_local(async move {
            let mut read = Vec::new();
            for file in &picked {
                read.push((file.name(), files::read_bytes(file).await.unwrap_or_default()));
            }
            files::next_frame().await;
            let opened = crate::ui::workbook_reader::open_answers(read).await;
            let got = opened.map(|o| s.round(&round).map(|r| read_opened(o, &s, r)).unwrap_or_default());
            let held = got.as_ref().map(|r| confirmed_by(&s, year, &changes_of(r))).unwrap_or_default();
            let _ = busy.try_set(false);
            let _ = take_confirmed.try_set(false);
            let _ = confirmed.try_set(held);
            let _ = readings.try_set(got);
        });
    };
    let take = move |_| {
        let Some(r) = readings.get_untracked() else { return };
        let changes = changes_of(&r);
        let (take, by, at) = (take_confirmed.get_untracked(), sharing.name().unwrap_or_default(), files::now());
        let held =
            state.open.with_untracked(|o| o.as_ref().map(|s| confirmed_by(s, year, &changes)).unwrap_or_default());
        let made = taking(&changes, &held, take);
        state.edit(|s| take_in(s, year, &changes, take.then_some((by.as_str(), at.as_str()))));
        state.flush();
        readings.set(None);
        taken.set(Some((made, changes.len() - made)));
    };
    view! {
        <TitledPanel testid="round-books" title=("照会用のブック（共有フォルダを使わない課へ）", "Section workbooks (for sections without the shared folder)")
            lead=("課ごとに、その課の項目だけの Excel ブックを作ります（1つの zip にまとめてダウンロード）。記入欄のほかは保護されています。返ってきたブックは、まとめて読み込んで、変わる値を確かめてから取り込めます。", "Makes an Excel workbook per section holding only its items (downloaded as one zip); all but the answer cells are protected. Read the returned workbooks back at once and check what changes before taking it in.")>
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
            {move || busy.get().then(|| view! { <p class="meta" data-testid="books-reading-now">{state.text("読み込んでいます…", "Reading…")}</p> })}
            {move || taken.get().map(|(made, kept)| view! {
                <p class="notice" role="status" data-testid="books-taken">{words::round_book::took(made, kept, state.lang())}</p>
            })}
            {move || readings.get().map(|r| preview(state, r, take, readings, (confirmed.get(), take_confirmed)))}
        </TitledPanel>
    }
}

/// The preview: per workbook, its section and what it changes, or why it was refused.
fn preview(
    state: Edits,
    r: Vec<Reading>,
    take: impl Fn(leptos::ev::MouseEvent) + 'static,
    readings: RwSignal<Option<Vec<Reading>>>,
    (confirmed, take_confirmed): (Vec<ConfirmedChange>, RwSignal<bool>),
) -> impl IntoView {
    let lang = state.lang();
    let changes = changes_of(&r);
    let count = changes.len();
    let (rows, held) = state.open.with_untracked(|o| match o {
        Some(s) => (
            r.iter().map(|x| reading(s, x, lang)).collect::<Vec<_>>(),
            confirmed_choice(s, &confirmed, take_confirmed, Source::Workbooks, lang, state.year_style()),
        ),
        None => (Vec::new(), ().into_any()),
    });
    // What will change, as the card's choice stands: a confirmed value kept is not a change.
    let books = r.len();
    let summary = move || {
        let made = taking(&changes, &confirmed, take_confirmed.get());
        words::round_book::will_change(books, made, count - made, lang)
    };
    view! {
        <div data-testid="books-preview">
            <p class="lead" data-testid="books-summary">{summary}</p>
            <ul class="strategy-list">{rows}</ul>
            {held}
            <p class="actions">
                <button type="button" class="primary" data-testid="books-take" on:click=take disabled=count == 0>{state.text("取り込む", "Take it in")}</button>
                <button type="button" data-testid="books-cancel" on:click=move |_| readings.set(None)>{state.text("取り消す", "Cancel")}</button>
            </p>
        </div>
    }
}

/// One workbook's part of the preview.
fn reading(s: &Strategy, r: &Reading, lang: crate::locale::Language) -> impl IntoView {
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
