//! Workshop mode (住民ワークショップ): a strategy presented to residents in a hall — large type,
//! plain words, no editing — with their ideas (付箋) and dot votes written down by the
//! facilitator, and the list of those ideas for the planning office afterwards.
//!
//! - [`Workshop`] is the app's page for `#/s/<id>/workshop` (the presentation, with idea entry)
//!   and `#/s/<id>/workshop/notes` (the ideas per goal, sessions, CSV, clearing).
//! - [`Handout`] is the same presentation for the read-only hand-out, made from a plain
//!   `Strategy`, with no idea entry, no votes, no link to editing, and no app state or storage:
//!
//!   ```ignore
//!   #[component]
//!   pub fn Handout(
//!       strategy: Strategy,
//!       #[prop(optional, into)] lang: Option<Signal<Language>>,   // default 日本語
//!       #[prop(optional, into)] years: Option<Signal<YearStyle>>, // default 令和…年度
//!   ) -> impl IntoView
//!   // e.g. view! { <Handout strategy=file.strategy.clone() lang=lang/> } with lang an RwSignal
//!   ```
//!
//!   Pass the language as a signal (not a value inside a closure that rebuilds the view) so a
//!   language switch keeps the presenter's place. The ideas already written are shown read-only.
//!
//! The words come from `ui::speech::use_words` (the app's preferences, or the `Speech` context the
//! hand-out provides); navigation is the pure `session::workshop_nav`; ideas are written through
//! `AppState::edit` (one undo step each, autosaved).

mod chosen;
mod deck;
mod focus;
mod ideas;
mod notes_page;
mod pages;
mod parts;
mod presenter;

use crate::charts::Words;
use crate::locale::{Language, YearStyle};
use crate::model::{FiscalYear, Id, NoteTarget, PlanPeriod, Strategy};
use crate::session::route::{Route, WorkshopPage};
use crate::ui::browser::files;
use crate::ui::kit::not_found::StrategyNotFound;
use crate::ui::speech::Speaks;
use crate::ui::speech::Speech;
use crate::ui::state::use_edits;
use crate::words::workshop as words;
use chosen::use_chosen_session;
pub use chosen::ChosenSession;
use ideas::Ideas;
use leptos::prelude::*;
use notes_page::{current_session, NotesPage};
use presenter::Presentation;

/// The app's workshop pages: the presentation with idea entry, or the list of ideas.
#[component]
pub fn Workshop(page: WorkshopPage) -> impl IntoView {
    let state = use_edits();
    let exists = Memo::new(move |_| state.open.with(Option::is_some));
    // The workshop's stylesheet (style/workshop.css) is not part of the first visit: the page
    // is shown once it is there, so that a projector never shows it unstyled.
    let styled = RwSignal::new(false);
    leptos::task::spawn_local(async move {
        crate::ui::browser::stylesheet::enabled("workshop").await;
        styled.try_set(true);
    });
    move || {
        styled.get().then(|| match (exists.get(), page) {
            (false, _) => view! { <StrategyNotFound/> }.into_any(),
            (true, WorkshopPage::Present) => view! { <AppPresentation/> }.into_any(),
            (true, WorkshopPage::Notes) => view! { <NotesPage/> }.into_any(),
        })
    }
}

#[component]
fn AppPresentation() -> impl IntoView {
    let state = use_edits();
    let empty = || Strategy::blank("", "", PlanPeriod { first: FiscalYear(2020), last: FiscalYear(2020) });
    let strategy = Memo::new(move |_| state.open.get().unwrap_or_else(empty));
    let chosen_session = use_chosen_session();
    let session = Memo::new(move |_| {
        let chosen = chosen_session.get();
        strategy.with(|s| current_session(s, chosen.as_ref()))
    });
    let add = Callback::new(move |(target, text): (NoteTarget, String)| {
        if text.trim().is_empty() {
            return;
        }
        let chosen = session.get_untracked();
        let lang = state.lang();
        let mut started = None;
        // One undo step: the first idea also starts the first session (today).
        state.edit(|s| {
            let id = match chosen.filter(|id| s.workshop(id).is_some()) {
                Some(id) => id,
                None => {
                    let id = s.start_workshop(&words::next_session_name(s.workshops.len(), lang), &files::today());
                    started = Some(id.clone());
                    id
                }
            };
            s.add_note(&id, target, &text);
        });
        if started.is_some() {
            chosen_session.set(started);
        }
    });
    let vote = Callback::new(move |note: Id| {
        state.edit(|s| {
            s.vote(&note);
        })
    });
    let id = state.open.with_untracked(|o| o.as_ref().map(|s| s.id.clone())).unwrap_or_else(|| Id::from(""));
    let ideas = Ideas {
        add,
        vote,
        session: session.into(),
        notes_href: Route::Workshop(id.clone(), WorkshopPage::Notes).hash(),
    };
    view! { <Presentation strategy=strategy ideas=Some(ideas) exit=Some(Route::Strategy(id).hash())/> }
}

/// The read-only presentation of a strategy for the hand-out (see the module's docs).
#[component]
pub fn Handout(
    strategy: Strategy,
    /// The language (default Japanese); a signal keeps the presenter's place when it changes.
    #[prop(optional, into)]
    lang: Option<Signal<Language>>,
    /// Fiscal years as 令和 (default) or Western.
    #[prop(optional, into)]
    years: Option<Signal<YearStyle>>,
) -> impl IntoView {
    let lang = lang.unwrap_or(Signal::stored(Language::Ja));
    let years = years.unwrap_or(Signal::stored(YearStyle::Japanese));
    provide_context(Speech(Signal::derive(move || Words { lang: lang.get(), years: years.get() })));
    let address = strategy.publication.address.clone();
    view! {
        <Presentation strategy=Signal::stored(strategy) ideas=None exit=None/>
        <footer class="handout-qr"><crate::ui::kit::qr::PageQr address=address/></footer>
    }
}
