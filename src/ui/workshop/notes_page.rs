//! The ideas collected at the workshops, for the planning office afterwards
//! (`#/s/<id>/workshop/notes`): the sessions (start one, choose where new ideas go, clear one
//! — after a confirmation, with "undo"), every idea listed per goal and measure (most votes
//! first), and the CSV for Excel.

use crate::format::csv;
use crate::locale::{tr, Language};
use crate::model::{Goal, Id, NoteTarget, Strategy, WorkshopNote};
use crate::session::route::{Route, WorkshopPage};
use crate::ui::browser::files;
use crate::ui::speech::Speaks;
use crate::ui::state::use_edits;
use crate::ui::state::Facade;
use crate::words::workshop as words;
use leptos::prelude::*;

/// Notes cleared from a session, kept so that "undo" can put them back.
#[derive(Clone, Debug, PartialEq)]
struct Cleared {
    session: Id,
    name: String,
    notes: Vec<WorkshopNote>,
}

/// The session new ideas go to: the one chosen, else the latest.
pub fn current_session(s: &Strategy, chosen: Option<&Id>) -> Option<Id> {
    chosen.filter(|id| s.workshop(id).is_some()).cloned().or_else(|| s.workshops.last().map(|w| w.id.clone()))
}

/// Notes about the target, from the sessions shown (`None` = all), most votes first.
fn notes_of(s: &Strategy, target: &NoteTarget, only: Option<&Id>) -> Vec<(String, WorkshopNote)> {
    let mut list: Vec<(String, WorkshopNote)> = s
        .workshops
        .iter()
        .filter(|w| only.is_none_or(|id| &w.id == id))
        .flat_map(|w| w.notes_about(target).map(move |n| (w.name.clone(), n.clone())))
        .collect();
    crate::sorting::by_key(&mut list, |n| std::cmp::Reverse(n.1.votes));
    list
}

/// Where a list's notes come from: one session, or several (each note then names its own).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Sessions {
    One,
    Several,
}

fn note_list(list: Vec<(String, WorkshopNote)>, lang: Language, sessions: Sessions) -> impl IntoView {
    view! {
        <ul class="ws-list">
            {list.into_iter().map(|(from, n)| view! {
                <li data-testid="notes-item">
                    <span class="ws-list-votes" title=words::votes(n.votes, lang)>{format!("● {}", n.votes)}</span>
                    <span class="ws-list-text" data-testid="notes-text">{n.text}</span>
                    {(sessions == Sessions::Several).then(|| view! { <span class="ws-note-from">{from}</span> })}
                </li>
            }).collect_view()}
        </ul>
    }
}

fn goal_block(s: &Strategy, g: &Goal, only: Option<&Id>, lang: Language) -> Option<impl IntoView> {
    let several = if only.is_none() && s.workshops.len() > 1 { Sessions::Several } else { Sessions::One };
    let own = notes_of(s, &NoteTarget::Goal(g.id.clone()), only);
    let measures: Vec<_> = g
        .measures
        .iter()
        .map(|m| (m, notes_of(s, &NoteTarget::Measure(m.id.clone()), only)))
        .filter(|(_, l)| !l.is_empty())
        .collect();
    if own.is_empty() && measures.is_empty() {
        return None;
    }
    let kind = if lang == Language::Ja {
        g.kind.japanese()
    } else if g.kind == crate::model::GoalKind::Basic {
        "Basic goal"
    } else {
        "Cross-cutting goal"
    };
    Some(view! {
        <section class="panel ws-notes-goal" data-testid="notes-goal">
            <h2>{format!("{kind} {} {}", g.number, g.title)}</h2>
            {(!own.is_empty()).then(|| view! {
                <h3>{tr(lang, "目標について", "About the goal")}</h3>
                {note_list(own, lang, several)}
            })}
            {measures.into_iter().map(|(m, list)| view! {
                <h3>{format!("{} {} {}", tr(lang, "施策", "Measure"), m.number, m.title)}</h3>
                {note_list(list, lang, several)}
            }).collect_view()}
        </section>
    })
}

#[component]
pub fn NotesPage() -> impl IntoView {
    let state = use_edits();
    let lang = move || state.lang();
    let open = move || state.open.get();
    let filter = RwSignal::new(None::<Id>);
    let cleared = RwSignal::new(None::<Cleared>);
    let confirming = RwSignal::new(None::<Id>);
    let chosen_session = super::chosen::use_chosen_session();
    let current = Memo::new(move |_| {
        let chosen = chosen_session.get();
        state.open.with(|o| o.as_ref().and_then(|s| current_session(s, chosen.as_ref())))
    });
    let name_input = NodeRef::<leptos::html::Input>::new();
    let date_input = NodeRef::<leptos::html::Input>::new();

    let start = move |_| {
        let (Some(name), Some(date)) = (name_input.get_untracked(), date_input.get_untracked()) else { return };
        let held = state.open.with_untracked(|o| o.as_ref().map_or(0, |s| s.workshops.len()));
        let mut n = name.value().trim().to_owned();
        if n.is_empty() {
            n = words::next_session_name(held, state.lang());
        }
        let mut d = date.value();
        if d.is_empty() {
            d = files::today();
        }
        let mut id = None;
        state.edit(|s| id = Some(s.start_workshop(&n, &d)));
        chosen_session.set(id);
        name.set_value("");
        date.set_value(&files::today());
    };
    let clear = move |session: Id| {
        let mut removed = Vec::new();
        let name = state
            .open
            .with_untracked(|o| o.as_ref().and_then(|s| s.workshop(&session).map(|w| w.name.clone())))
            .unwrap_or_default();
        let id = session.clone();
        state.edit(|s| removed = s.clear_notes(&id));
        confirming.set(None);
        cleared.set(Some(Cleared { session, name, notes: removed }));
    };
    let undo = move |_| {
        if let Some(c) = cleared.get_untracked() {
            state.edit(|s| {
                s.restore_notes(&c.session, c.notes);
            });
            cleared.set(None);
        }
    };
    let export = move |_| {
        let Some(s) = state.open.get_untracked() else { return };
        let only = filter.get_untracked();
        let text = match only.as_ref().and_then(|id| s.workshop(id)) {
            Some(w) => csv::session_notes(&s, w),
            None => csv::workshop_notes(&s),
        };
        let name = files::file_name(
            &s.municipality.name,
            state.tr("ワークショップの付箋", "workshop ideas"),
            &files::today(),
            "csv",
        );
        state.downloads().csv(name, &text);
    };

    let sessions = move || {
        let lang = lang();
        let current = current.get();
        let asking = confirming.get();
        open().map(|s| {
            s.workshops.iter().map(|w| {
                let choose = w.id.clone();
                let ask = w.id.clone();
                let sure = w.id.clone();
                let count = w.notes.len();
                let is_current = current.as_ref() == Some(&w.id);
                let asking_here = asking.as_ref() == Some(&w.id);
                view! {
                    <li class="ws-session" data-testid="session" class:current=is_current>
                        <label class="inline">
                            <input type="radio" name="ws-current" data-testid="session-current" checked=is_current
                                on:change=move |_| chosen_session.set(Some(choose.clone()))/>
                            " "<span data-testid="session-name">{words::session(w, lang)}</span>
                        </label>
                        <span class="ws-session-count">{words::notes(count, lang)}</span>
                        {(count > 0 && !asking_here).then(|| view! {
                            <button type="button" class="quiet small" data-testid="session-clear" on:click=move |_| confirming.set(Some(ask.clone()))>
                                {tr(lang, "この回の付箋を消す…", "Clear this session's ideas…")}
                            </button>
                        })}
                        {asking_here.then(|| view! {
                            <span class="ws-confirm" role="alert" data-testid="session-clear-question">
                                {words::clear_question(&w.name, count, lang)}
                                " "
                                <button type="button" class="danger small" data-testid="session-clear-confirm" on:click=move |_| clear(sure.clone())>{tr(lang, "消す", "Clear")}</button>
                                " "
                                <button type="button" class="quiet small" data-testid="session-clear-cancel" on:click=move |_| confirming.set(None)>{tr(lang, "やめる", "Cancel")}</button>
                            </span>
                        })}
                    </li>
                }
            }).collect_view()
        })
    };
    let lists = move || {
        let lang = lang();
        let only = filter.get();
        open().map(|s| {
            let blocks: Vec<_> = s.goals.iter().filter_map(|g| goal_block(&s, g, only.as_ref(), lang)).collect();
            let orphans: Vec<(String, WorkshopNote)> = s
                .workshops
                .iter()
                .filter(|w| only.as_ref().is_none_or(|id| &w.id == id))
                .flat_map(|w| w.notes.iter().filter(|n| s.place_of(&n.target).is_none()).map(move |n| (w.name.clone(), n.clone())))
                .collect();
            let empty = blocks.is_empty() && orphans.is_empty();
            view! {
                {empty.then(|| view! { <p class="panel" data-testid="notes-empty">{tr(lang, "まだ付箋はありません。発表画面の目標・施策のページで書き込めます。", "No ideas yet. Write them on a goal's or measure's page of the presentation.")}</p> })}
                {blocks}
                {(!orphans.is_empty()).then(|| view! {
                    <section class="panel ws-notes-goal" data-testid="notes-orphans">
                        <h2>{tr(lang, "対象が見つからない付箋（目標・施策が削除されました）", "Ideas whose goal or measure was removed")}</h2>
                        {note_list(orphans, lang, Sessions::Several)}
                    </section>
                })}
            }
        })
    };
    let filter_options = move || {
        let lang = lang();
        let chosen = filter.get();
        open().map(|s| {
            s.workshops.iter().map(|w| view! {
                <option value=w.id.to_string() selected=chosen.as_ref() == Some(&w.id)>{words::session(w, lang)}</option>
            }).collect_view()
        })
    };
    let id = move || state.open.with(|o| o.as_ref().map(|s| s.id.clone())).unwrap_or_else(|| Id::from(""));

    view! {
        <article class="ws-notes-page" data-testid="notes-page">
            <crate::ui::kit::nav::StrategyNav/>
            <header class="panel">
                <h1>{move || tr(lang(), "住民ワークショップの付箋", "Ideas from the residents' workshops")}</h1>
                <p class="hint">{move || tr(lang(), "付箋は戦略の本文とは別に、この戦略と一緒に保存されます。", "Ideas are stored with this strategy, apart from its own text.")}</p>
                <div class="actions">
                    <a class="button primary" data-testid="to-workshop" href=move || Route::Workshop(id(), WorkshopPage::Present).hash()>{move || tr(lang(), "発表画面へ", "To the presentation")}</a>
                    <button type="button" data-testid="notes-csv" on:click=export>{move || tr(lang(), "CSV で書き出す（Excel）", "Export as CSV (Excel)")}</button>
                </div>
            </header>
            {move || cleared.get().map(|c| view! {
                <p class="notice" role="status" data-testid="notes-cleared">
                    {words::cleared(&c.name, c.notes.len(), lang())}
                    " "
                    <button type="button" class="small" data-testid="notes-undo" on:click=undo>{tr(lang(), "元に戻す", "Undo")}</button>
                </p>
            })}
            <section class="panel">
                <h2>{move || tr(lang(), "ワークショップの回", "Sessions")}</h2>
                <ul class="ws-sessions">{sessions}</ul>
                <div class="ws-start">
                    <label>{move || tr(lang(), "名前", "Name")}" "
                        <input type="text" node_ref=name_input data-testid="session-name-input"
                            placeholder=move || state.open.with(|o| words::next_session_name(o.as_ref().map_or(0, |s| s.workshops.len()), lang()))/>
                    </label>
                    " "
                    <label>{move || tr(lang(), "日付", "Date")}" "
                        <input type="date" node_ref=date_input data-testid="session-date-input" value=files::today()/>
                    </label>
                    " "
                    <button type="button" data-testid="session-start" on:click=start>{move || tr(lang(), "新しい回を始める", "Start a new session")}</button>
                </div>
            </section>
            <section class="panel">
                <label class="inline">{move || tr(lang(), "表示する回", "Session shown")}" "
                    <select data-testid="notes-filter" on:change=move |ev| {
                        let v = event_target_value(&ev);
                        filter.set((!v.is_empty()).then(|| Id::from(v.as_str())));
                    }>
                        <option value="" selected=move || filter.get().is_none()>{move || tr(lang(), "すべての回", "All sessions")}</option>
                        {filter_options}
                    </select>
                </label>
            </section>
            {lists}
        </article>
    }
}
