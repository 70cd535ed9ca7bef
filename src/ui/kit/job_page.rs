//! The frame of a job's page of the open strategy (`JobPage`): the strategy's navigation above
//! the page, or the panel of a strategy not stored here; and the page's head (`JobHead`): the
//! job's name, what the page is for, and what sits beside them (a link to the editor, who the
//! user is).

use crate::model::Id;
use crate::ui::kit::nav::StrategyNav;
use crate::ui::kit::not_found::StrategyNotFound;
use crate::ui::speech::{use_speech, Speaks};
use crate::ui::state::use_open;
use leptos::either::Either;
use leptos::prelude::*;

/// A job's page of the open strategy: its navigation, then what `children` draws for the
/// strategy's id. Only the id is watched: an edit does not draw the page again (and lose what it
/// shows).
#[component]
pub fn JobPage<EF, N>(
    /// The page's class (`drafting-page`).
    class: &'static str,
    /// The page's test id.
    testid: &'static str,
    /// The page, for the open strategy's id.
    children: EF,
) -> impl IntoView
where
    EF: Fn(Id) -> N + Send + Sync + 'static,
    N: IntoView + 'static,
{
    let open = use_open();
    let id = Memo::new(move |_| open.with(|o| o.as_ref().map(|s| s.id.clone())));
    move || match id.get() {
        Some(id) => Either::Left(view! {
            <article class=class data-testid=testid>
                <StrategyNav/>
                {children(id)}
            </article>
        }),
        None => Either::Right(view! { <StrategyNotFound/> }),
    }
}

/// The head of a job's page.
#[component]
pub fn JobHead(
    /// The job's name, in Japanese and in English (「策定」, "Drafting").
    title: (&'static str, &'static str),
    /// What the page is for, under its name.
    #[prop(optional)]
    lead: Option<(&'static str, &'static str)>,
    /// Hidden while the page shows one part of itself alone (the round's reminders, printed).
    #[prop(optional, into)]
    hidden: Signal<bool>,
    /// What sits beside the name: a link, who the user is.
    #[prop(optional)]
    children: Option<Children>,
) -> impl IntoView {
    let speech = use_speech();
    view! {
        <header class="panel strategy-head" class:hidden=move || hidden.get()>
            <h1>{speech.text(title.0, title.1)}</h1>
            {lead.map(|(ja, en)| view! { <p class="lead">{speech.text(ja, en)}</p> })}
            {children.map(|c| c())}
        </header>
    }
}
