//! The ideas panel under a goal or measure of the presentation: residents' sticky notes (付箋)
//! and their dot votes. With `Ideas` (the app) the facilitator types an idea and presses Enter
//! (never in the middle of an IME composition), and 「＋1」 adds a vote; without (the hand-out)
//! the notes already written are shown, read-only. Note text is only ever a text node.

use crate::locale::tr;
use crate::model::{Id, NoteTarget, Strategy, WorkshopNote};
use crate::ui::speech::use_words;
use crate::words::workshop as words;
use leptos::prelude::*;

/// What the app gives the presentation to write ideas: add a note about a goal or measure to
/// the current session (starting one when there is none), add a vote, and which session notes
/// go to (its notes are the ones shown).
#[derive(Clone)]
pub struct Ideas {
    pub add: Callback<(NoteTarget, String)>,
    pub vote: Callback<Id>,
    pub session: Signal<Option<Id>>,
    /// The page listing every idea ("付箋の一覧").
    pub notes_href: String,
}

/// The notes about `target` shown: the current session's when writing, every session's
/// otherwise (with the session's name).
fn shown(
    s: &Strategy,
    target: &NoteTarget,
    session: Option<&Id>,
    writing: bool,
) -> Vec<(Option<String>, WorkshopNote)> {
    s.workshops
        .iter()
        .filter(|w| !writing || Some(&w.id) == session)
        .flat_map(|w| {
            w.notes_about(target).map(move |n| ((!writing && s.workshops.len() > 1).then(|| w.name.clone()), n.clone()))
        })
        .collect()
}

#[component]
pub fn IdeasPanel(strategy: Signal<Strategy>, target: NoteTarget, ideas: Option<Ideas>) -> impl IntoView {
    let words = use_words();
    let lang = move || words.get().lang;
    let writing = ideas.is_some();
    let session = ideas.as_ref().map(|i| i.session);
    let list_target = target.clone();
    let notes = Memo::new(move |_| {
        let current = session.and_then(|s| s.get());
        strategy.with(|s| shown(s, &list_target, current.as_ref(), writing))
    });
    let vote = ideas.as_ref().map(|i| i.vote);
    let items = move || {
        let lang = lang();
        notes
            .get()
            .into_iter()
            .map(|(from, n)| {
                let id = n.id.clone();
                let label = format!("{}: {}", tr(lang, "この付箋に 1 票", "One vote for this idea"), n.text);
                view! {
                    <li class="ws-note" data-testid="idea-note">
                        <span class="ws-note-text" data-testid="idea-text">{n.text.clone()}</span>
                        <span class="ws-note-foot">
                            {from.map(|f| view! { <span class="ws-note-from">{f}</span> })}
                            <span class="ws-votes" data-testid="idea-votes" data-votes=n.votes title=words::votes(n.votes, lang)>
                                <span aria-hidden="true">"● "</span>{n.votes}
                            </span>
                            {vote.map(|vote| view! {
                                <button type="button" class="ws-vote" data-testid="idea-vote" aria-label=label on:click=move |_| vote.run(id.clone())>"＋1"</button>
                            })}
                        </span>
                    </li>
                }
            })
            .collect_view()
    };
    let has_notes = move || notes.with(|n| !n.is_empty());
    if !writing && notes.with_untracked(Vec::is_empty) {
        return ().into_any();
    }

    let entry = ideas.map(|i| {
        let composing = RwSignal::new(false);
        let input = NodeRef::<leptos::html::Input>::new();
        let add = i.add;
        let target = target.clone();
        let submit = move || {
            let Some(el) = input.get_untracked() else { return };
            let text = el.value();
            if !text.trim().is_empty() {
                add.run((target.clone(), text));
                el.set_value("");
            }
        };
        let submit_key = submit.clone();
        let session_name = move || {
            let current = i.session.get();
            strategy.with(|s| match current.as_ref().and_then(|id| s.workshop(id)) {
                Some(w) => format!("{} {}", tr(lang(), "記録先:", "Writing to:"), words::session(w, lang())),
                None => tr(lang(), "最初の付箋で「第1回 住民ワークショップ」（今日）を始めます", "The first idea starts “Residents' workshop 1” (today)").to_owned(),
            })
        };
        view! {
            <div class="ws-entry">
                <label class="ws-entry-label">
                    <span>{move || tr(lang(), "アイデアを書いて Enter", "Type an idea, press Enter")}</span>
                    <input type="text" node_ref=input data-testid="idea-input" maxlength="400" autocomplete="off"
                        placeholder=move || tr(lang(), "例: 駅前に子どもの遊び場を", "e.g. a playground by the station")
                        on:compositionstart=move |_| composing.set(true)
                        on:compositionend=move |_| composing.set(false)
                        on:keydown=move |ev| {
                            if ev.key() == "Enter" && !ev.is_composing() && !composing.get_untracked() && ev.key_code() != 229 {
                                ev.prevent_default();
                                submit_key();
                            } else if ev.key() == "Escape" {
                                if let Some(el) = input.get_untracked() { let _ = el.blur(); }
                            }
                        }/>
                </label>
                <button type="button" class="ws-button" data-testid="idea-add" on:click=move |_| submit()>{move || tr(lang(), "貼る", "Add")}</button>
                <p class="ws-session-name" data-testid="idea-session">{session_name}</p>
            </div>
        }
    });

    view! {
        <section class="ws-ideas" data-testid="ideas" aria-label=move || tr(lang(), "みなさんのアイデア（付箋）", "Residents' ideas (sticky notes)")>
            <h2 class="ws-section">{move || tr(lang(), "みなさんのアイデア", "Residents' ideas")}</h2>
            {entry}
            {move || (!has_notes() && writing).then(|| view! { <p class="ws-empty">{tr(lang(), "まだ付箋はありません。", "No ideas yet.")}</p> })}
            <ul class="ws-notes">{items}</ul>
        </section>
    }
    .into_any()
}
