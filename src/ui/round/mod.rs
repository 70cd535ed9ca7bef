//! 照会 (`#/s/<id>/round`): the year's round. Who the person is (`Role`, in the
//! preferences) decides what comes first: the planning section sees who has answered and what
//! waits for it (`status`), then its own items, opens rounds (`open_form`) and makes and reads
//! back the workbooks of sections without the shared folder (`books`); a section sees its own
//! items first (`mine`). Every answer is an edit of the strategy, one
//! undo step saved by the autosave, and so reaches the others through the shared folder. What
//! is asked and what is filled are `model::round`'s; the words `words::round`'s.

mod books;
mod items;
mod mine;
mod open_form;
mod settings;
mod status;
mod who;

use crate::model::{Id, Role};
use crate::ui::kit::job_page::JobHead;
use crate::ui::kit::nav::StrategyNav;
use crate::ui::speech::Speaks;
use crate::ui::state::{use_edits, Edits};
use leptos::either::{Either, EitherOf4};
use leptos::prelude::*;

#[component]
pub fn RoundPage() -> impl IntoView {
    let state = use_edits();
    // Only the id: an edit must not rebuild the page and lose what it shows.
    let open = Memo::new(move |_| state.open.with(|o| o.as_ref().map(|s| s.id.clone())));
    move || match open.get() {
        Some(_) => Either::Left(view! { <Together/> }),
        None => Either::Right(view! { <crate::ui::kit::not_found::StrategyNotFound/> }),
    }
}

/// The round shown: the one chosen by its fiscal year (`chosen`) while the strategy holds it,
/// else the latest; its id and fiscal year, if there is a round.
fn shown_round(
    state: Edits,
    chosen: RwSignal<Option<crate::model::FiscalYear>>,
) -> Memo<Option<(Id, crate::model::FiscalYear)>> {
    Memo::new(move |_| {
        let chosen = chosen.get();
        state.open.with(|o| {
            let s = o.as_ref()?;
            let r = chosen.and_then(|y| s.rounds.iter().find(|r| r.fiscal_year == y)).or_else(|| s.latest_round())?;
            Some((r.id.clone(), r.fiscal_year))
        })
    })
}

/// 「年度」: a round chosen by its fiscal year, when the strategy holds more than one.
#[component]
fn RoundChooser(chosen: RwSignal<Option<crate::model::FiscalYear>>, shown: crate::model::FiscalYear) -> impl IntoView {
    let state = use_edits();
    let years = Memo::new(move |_| {
        state.open.with(|o| {
            o.as_ref().map(|s| s.rounds.iter().map(|r| r.fiscal_year).collect::<Vec<_>>()).unwrap_or_default()
        })
    });
    move || {
        let mut list = years.get();
        list.dedup();
        (list.len() > 1).then(|| view! {
            <p class="round-chooser">
                <label for="round-choose">{state.text("表示する照会: ", "Round shown: ")}</label>
                <select id="round-choose" data-testid="round-choose" on:change=move |ev| {
                    chosen.set(event_target_value(&ev).parse().ok().map(crate::model::FiscalYear))
                }>
                    {list.into_iter().rev().map(|y| view! {
                        <option value=y.0.to_string() selected=y == shown>{crate::locale::year(y, state.lang(), state.year_style())}</option>
                    }).collect_view()}
                </select>
            </p>
        })
    }
}

#[component]
fn Together() -> impl IntoView {
    let state = use_edits();
    let open = Memo::new(move |_| state.open.with(|o| o.as_ref().map(|s| s.id.clone())));
    let chosen = RwSignal::new(None);
    let round = shown_round(state, chosen);
    let role = Memo::new(move |_| state.role());
    // The 督促 list alone, while it is printed.
    let printing = RwSignal::new(false);
    let today = crate::ui::browser::files::today();
    view! {
        <article class="round-page" data-testid="round-page">
            <div class:hidden=move || printing.get()><StrategyNav/></div>
            <JobHead title=("照会", "Round") hidden=printing>
                <crate::ui::kit::who_i_am::WhoIAm/>
            </JobHead>
            {move || {
                let today = today.clone();
                match (round.get(), printing.get()) {
                    (Some((round, _)), true) => EitherOf4::A(view! { <status::Reminders round=round today=today printing=printing/> }),
                    // The planning section's first question is who has answered: the status, then
                    // what it answers itself.
                    (Some((round, year)), false) if role.get() == Some(Role::Planning) => EitherOf4::B(view! {
                        <RoundChooser chosen=chosen shown=year/>
                        <status::Status round=round.clone() today=today role=role printing=printing/>
                        // What waits for the planning section: a member's change to confirmed values.
                        {open.get().map(|id| view! { <crate::ui::kit::held_back::HeldBackCards id=id/> })}
                        <mine::Mine round=round.clone() year=year role=role/>
                        <books::SectionBooks round=round year=year/>
                        <open_form::OpenRound after=latest_year(state)/>
                    }),
                    (Some((round, year)), false) => EitherOf4::C(view! {
                        <RoundChooser chosen=chosen shown=year/>
                        <mine::Mine round=round.clone() year=year role=role/>
                        <status::Status round=round today=today role=role printing=printing/>
                    }),
                    (None, _) => EitherOf4::D(view! {
                        <section class="panel" data-testid="round-none">
                            <h2>{state.text("照会", "Round")}</h2>
                            <p class="lead">{state.text(
                                "まだ照会はありません。企画課が年度と期限を決めて照会を始めると、各課に担当分が表示されます。",
                                "No round yet. When the planning section opens one with a fiscal year and a deadline, each section sees what it owes here.")}</p>
                        </section>
                        {(role.get() == Some(Role::Planning)).then(|| view! { <open_form::OpenRound after=None/> })}
                    }),
                }
            }}
        </article>
    }
}

/// The latest round's fiscal year (a new round is proposed for the year after).
fn latest_year(state: Edits) -> Option<crate::model::FiscalYear> {
    state.open.with_untracked(|o| o.as_ref()?.latest_round().map(|r| r.fiscal_year))
}
