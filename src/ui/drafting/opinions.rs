//! A hearing's opinions: one added as typed, many pasted from Excel cells (a preview that lists
//! the broken rows, then taken in), each answered (市の考え方, 対応, the change a 修正 made: in
//! words, and the version of the history that made it, `reflection`),
//! several gathered into one answer, deleted after a question, and 「意見と市の考え方」 out as CSV,
//! as Word (the document writer's part, `ui::formats::document_writer`) and as an A4 print page.

use crate::format::opinions::answers_csv;
use crate::locale::tr;
use crate::model::hearing::{ChangeLink, TownAnswer};
use crate::model::{Id, Opinion, Response};
use crate::session::route::{Report, Route};
use crate::ui::kit::fields::{CheckField, SelectField, TextField};
use crate::ui::speech::Speaks;
use crate::ui::state::{use_downloads, Edits};
use leptos::prelude::*;

#[component]
pub fn HearingOpinions(state: Edits, hearing: Id) -> impl IntoView {
    let key = hearing.clone();
    let ids = Memo::new(move |_| {
        state.open.with(|o| {
            o.as_ref().map(|s| s.opinions_of(&key).map(|o| o.id.clone()).collect::<Vec<_>>()).unwrap_or_default()
        })
    });
    let selected = RwSignal::new(Vec::<Id>::new());
    let gather = move |_| {
        let chosen = selected.get_untracked();
        state.try_edit(move |s| s.gather(&chosen).is_some());
        selected.set(Vec::new());
    };
    let downloads = use_downloads();
    let key = hearing.clone();
    let csv = move |_| {
        let file = state.open.with_untracked(|o| {
            o.as_ref().map(|s| {
                let name = crate::ui::browser::files::file_name(
                    &s.municipality.name,
                    s.title.trim(),
                    "意見と市の考え方",
                    "csv",
                );
                (name, answers_csv(s, Some(&key)))
            })
        });
        if let Some((name, text)) = file {
            downloads.csv(name, &text);
        }
    };
    let exporting = crate::ui::formats::exporters::Exporting::new();
    let (writing, failed) = (exporting.busy, exporting.failed);
    let key = hearing.clone();
    let docx = move |_| {
        let key = key.clone();
        exporting.start(state, move |s| {
            let name =
                crate::ui::browser::files::file_name(&s.municipality.name, s.title.trim(), "意見と市の考え方", "docx");
            (
                crate::ui::formats::exporters::Export::Document(
                    crate::ui::formats::document_writer::Document::Opinions(Some(key)),
                ),
                name,
            )
        })
    };
    let print = move || {
        state.open.with(|o| o.as_ref().map(|s| Route::Print(s.id.clone(), Report::Opinions).hash())).unwrap_or_default()
    };
    view! {
        <div class="opinions">
            <AddOpinion state=state hearing=hearing.clone()/>
            <super::paste::PasteOpinions state=state hearing=hearing/>
            <ul class="opinion-list" data-testid="opinions">
                <For each=move || ids.get() key=|id| id.clone() let:id>
                    <OpinionRow state=state id=id selected=selected/>
                </For>
            </ul>
            <button type="button" class="button" data-testid="opinions-gather" on:click=gather
                disabled=move || selected.with(|s| s.len() < 2)>
                {state.text("選んだ意見を一つの回答にまとめる", "Gather the chosen opinions into one answer")}
            </button>
            <div class="row-actions">
                <button type="button" class="button" data-testid="opinions-csv" on:click=csv>
                    {state.text("意見と市の考え方（CSV）", "Opinions and answers (CSV)")}
                </button>
                <button type="button" class="button" data-testid="opinions-docx" on:click=docx disabled=move || writing.get()>
                    {move || if writing.get() {
                        state.tr("文書を作っています…", "Making the document…")
                    } else {
                        state.tr("意見と市の考え方（Word）", "Opinions and answers (Word)")
                    }}
                </button>
                <a class="button" data-testid="opinions-print" href=print>{state.text("意見と市の考え方（印刷用）", "Opinions and answers (printable)")}</a>
            </div>
            {move || failed.get().map(|detail| view! {
                <p class="notice error" role="alert" data-testid="opinions-docx-error">
                    {state.tr("文書を作れませんでした。戦略は変わっていません。", "The document could not be made. The strategy is unchanged.")}
                    " "<span class="meta">{detail}</span>
                </p>
            })}
        </div>
    }
}

#[component]
fn AddOpinion(state: Edits, hearing: Id) -> impl IntoView {
    let text = RwSignal::new(String::new());
    let add = move |_| {
        let (t, h) = (text.get_untracked(), hearing.clone());
        state.try_edit(move |s| s.add_opinion(Opinion::new(&h, &t)).is_some());
        text.set(String::new());
    };
    view! {
        <div class="add-opinion">
            <TextField label=Signal::derive(move || tr(state.lang(), "意見を入力", "Type an opinion").to_string()) value=text
                on_commit=Callback::new(move |v| text.set(v)) multiline=true testid="opinion-new"/>
            <button type="button" class="button" data-testid="opinion-add" on:click=add>{state.text("意見を加える", "Add the opinion")}</button>
        </div>
    }
}

/// One opinion with its answer; a gathered one names its group and is answered for all.
#[component]
fn OpinionRow(state: Edits, id: Id, selected: RwSignal<Vec<Id>>) -> impl IntoView {
    let key = id.clone();
    let row = Memo::new(move |_| {
        state.open.with(|o| {
            let s = o.as_ref()?;
            let op = s.opinion(&key)?;
            Some((op.clone(), s.answer_of(op), s.gathered_with(op).len()))
        })
    });
    let answer = move || row.with_untracked(|r| r.as_ref().map(|r| r.1.clone())).unwrap_or_default();
    let write = {
        let id = id.clone();
        move |f: fn(&mut TownAnswer, String)| {
            let id = id.clone();
            Callback::new(move |v: String| {
                let mut a = answer();
                f(&mut a, v);
                let id = id.clone();
                state.try_edit(move |s| s.answer_opinion(&id, &a));
            })
        }
    };
    let set_answer = write(|a, v| a.answer = v);
    let set_response = write(|a, v| a.response = Response::from_key(&v));
    let set_change =
        write(|a, v| a.change = (!v.trim().is_empty()).then(|| ChangeLink::Described(v.trim().to_owned())));
    let responses = Signal::derive(move || {
        let lang = state.lang();
        std::iter::once((String::new(), tr(lang, "（未回答）", "(unanswered)").to_owned()))
            .chain(Response::ALL.iter().map(|r| (r.key().to_owned(), tr(lang, r.japanese(), r.english()).to_owned())))
            .collect::<Vec<_>>()
    });
    let toggle = Callback::new(move |on: bool| {
        selected.update(|s| if on { s.push(id.clone()) } else { s.retain(|x| x != &id) })
    });
    let (key, chosen) = (row.with_untracked(|r| r.as_ref().map(|r| r.0.id.clone())), selected);
    move || {
        let (o, a, together) = row.get()?;
        let key = key.clone();
        let revise = a.response == Some(Response::Revise);
        Some(view! {
            <li class="opinion" data-testid="opinion">
                <p class="opinion-text">{o.number.clone()} " " {o.shown().to_owned()}</p>
                {(!o.place.is_empty()).then(|| view! { <p class="opinion-place">{o.place.clone()}</p> })}
                {(together > 1).then(|| view! { <p data-testid="opinion-gathered">{state.text("まとめて回答", "Answered together")} " (" {together} ")"</p> })}
                <super::confirm::AskFirst state=state testid="opinion-delete"
                    label=Signal::derive(move || tr(state.lang(), "この意見を削除…", "Delete this opinion…").to_owned())
                    question=Signal::derive(move || tr(state.lang(), "この意見を削除します（元に戻すで戻せます）。", "This opinion is deleted (Undo brings it back).").to_owned())
                    yes=Signal::derive(move || tr(state.lang(), "削除する", "Delete").to_owned())
                    on_yes=Callback::new({ let id = o.id.clone(); move |()| { let id = id.clone(); state.try_edit(move |s| s.remove_opinion(&id)) } })/>
                <CheckField label=Signal::derive(move || tr(state.lang(), "まとめる対象に選ぶ", "Choose to gather").to_string())
                    checked=Signal::derive(move || key.as_ref().is_some_and(|k| chosen.with(|s| s.contains(k)))) on_commit=toggle testid="opinion-choose"/>
                <SelectField label=Signal::derive(move || tr(state.lang(), "対応", "Response").to_string()) options=responses
                    value=Signal::derive(move || row.with(|r| r.as_ref().and_then(|r| r.1.response).map(|x| x.key().to_owned()).unwrap_or_default()))
                    on_commit=set_response testid="opinion-response"/>
                <TextField label=Signal::derive(move || tr(state.lang(), "市の考え方", "The town's answer").to_string()) multiline=true
                    value=Signal::derive(move || row.with(|r| r.as_ref().map(|r| r.1.answer.clone()).unwrap_or_default()))
                    on_commit=set_answer testid="opinion-answer"/>
                {revise.then(|| view! {
                    <TextField label=Signal::derive(move || tr(state.lang(), "修正した内容", "What was changed").to_string())
                        value=Signal::derive(move || row.with(|r| match r.as_ref().and_then(|r| r.1.change.clone()) {
                            Some(ChangeLink::Described(t) | ChangeLink::Version(t)) => t,
                            None => String::new(),
                        }))
                        on_commit=set_change testid="opinion-change"/>
                    <super::reflection::Reflection state=state id=o.id.clone()/>
                })}
            </li>
        })
    }
}
