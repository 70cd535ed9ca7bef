//! 「照会を始める」: the planning section opens a round — the fiscal year asked about, a
//! deadline, its instructions and what is asked. The form holds what is typed (`Draft`); the
//! round is made when it is sent (`model::round::Round::new`), as one edit of the strategy.

use crate::locale;
use crate::model::round::{Ask, Round};
use crate::model::FiscalYear;
use crate::ui::speech::Speaks;
use crate::ui::state::use_edits;
use crate::words;
use leptos::prelude::*;

#[component]
pub(super) fn OpenRound(
    /// The latest round's year: the form then opens closed, for the next year.
    after: Option<FiscalYear>,
) -> impl IntoView {
    let state = use_edits();
    let years = Memo::new(move |_| state.open.with(|o| o.as_ref().map(|s| s.period.with([])).unwrap_or_default()));
    // Last fiscal year: the round asks in spring for the year that ended in March.
    let proposed = after.map(|y| FiscalYear(y.0 + 1)).unwrap_or_else(|| {
        let last = FiscalYear(crate::ui::browser::files::current_fiscal_year().0 - 1);
        state.open.with_untracked(|o| o.as_ref().map(|s| last.clamp(s.period.first, s.period.last)).unwrap_or(last))
    });
    let year = RwSignal::new(proposed);
    let deadline = RwSignal::new(String::new());
    let instructions = RwSignal::new(String::new());
    let asks = RwSignal::new(Ask::ALL.to_vec());
    let refused = RwSignal::new(None::<String>);
    let open = move |_| {
        let today = crate::ui::browser::files::today();
        let mut round = Round::new(year.get_untracked(), &asks.get_untracked(), &super::who::me(state), &today);
        round.deadline = Some(deadline.get_untracked()).filter(|d| !d.is_empty());
        round.instructions = instructions.get_untracked().trim().to_owned();
        let mut outcome = None;
        state.try_edit(|s| {
            outcome = Some(s.open_round(round).map_err(|r| words::round::refusal(&r, s, state.lang())));
            matches!(outcome, Some(Ok(_)))
        });
        refused.set(outcome.and_then(|o| o.err()));
    };
    view! {
        <section class="panel" data-testid="round-open" aria-labelledby="round-open-title">
            <details open=after.is_none()>
                <summary><h2 id="round-open-title" class="inline">{state.text("照会を始める", "Open a round")}</h2></summary>
                <div class="form-grid">
                    <div class="field">
                        <label for="round-year">{state.text("対象年度（実績を照会する年度）", "Fiscal year asked about")}</label>
                        <select id="round-year" data-testid="round-year" on:change=move |ev| {
                            if let Ok(y) = event_target_value(&ev).parse() { year.set(FiscalYear(y)) }
                        }>
                            {move || years.get().into_iter().map(|y| view! {
                                <option value=y.0.to_string() selected=y == year.get_untracked()>{locale::year(y, state.lang(), state.year_style())}</option>
                            }).collect_view()}
                        </select>
                    </div>
                    <div class="field">
                        <label for="round-deadline">{state.text("提出期限", "Deadline")}</label>
                        <input type="date" id="round-deadline" data-testid="round-deadline"
                            prop:value=move || deadline.get() on:change=move |ev| deadline.set(event_target_value(&ev))/>
                    </div>
                </div>
                <div class="field">
                    <label for="round-instructions">{state.text("依頼文（各課への説明）", "Instructions to the sections")}</label>
                    <textarea id="round-instructions" data-testid="round-instructions" rows="3"
                        prop:value=move || instructions.get() on:change=move |ev| instructions.set(event_target_value(&ev))></textarea>
                </div>
                <fieldset>
                    <legend>{state.text("照会する項目", "What is asked")}</legend>
                    {Ask::ALL.into_iter().map(|a| view! {
                        <label class="check">
                            <input type="checkbox" data-testid=format!("round-ask-{}", Ask::ALL.iter().position(|x| *x == a).unwrap_or_default())
                                prop:checked=move || asks.with(|l| l.contains(&a))
                                on:change=move |ev| {
                                    let on = event_target_checked(&ev);
                                    asks.update(|l| { l.retain(|x| *x != a); if on { l.push(a) } });
                                }/>
                            " "{move || words::round::ask(a, state.lang())}
                        </label>
                    }).collect_view()}
                </fieldset>
                {move || refused.get().map(|r| view! { <p class="error" role="alert">{r}</p> })}
                <div class="actions">
                    <button type="button" class="primary" data-testid="round-start" on:click=open
                        disabled=move || asks.with(|l| l.is_empty())>{state.text("照会を始める", "Open the round")}</button>
                </div>
            </details>
        </section>
    }
}
