//! The round as one person sees it: the year, the deadline (a day as the app shows days,
//! `locale::date`) and the instructions (the planning section changes them: `settings`), then their own
//! items first — 「担当分: 12件中 9件 入力済」, each item with its field (`items`) — and, for a
//! section, where its answer stands and 「提出する」. The planning section's own items are those
//! no section owns. Texts copied unchanged from last year are pointed out here.

use super::items::ItemRow;
use crate::model::round::{copied_texts, items, AnswerStanding};
use crate::model::{FiscalYear, Id, Role};
use crate::ui::speech::Speaks;
use crate::ui::state::use_edits;
use crate::words;
use leptos::prelude::*;

#[component]
pub(super) fn Mine(round: Id, year: FiscalYear, role: Memo<Option<Role>>) -> impl IntoView {
    let state = use_edits();
    let round_for_items = round.clone();
    // The person's items as (kind, subject, filled): what the rows are keyed by.
    let mine = Memo::new(move |_| {
        let role = role.get();
        state.open.with(|o| {
            let Some(s) = o.as_ref() else { return Vec::new() };
            let Some(r) = s.round(&round_for_items) else { return Vec::new() };
            items(s, r)
                .into_iter()
                .filter(|i| match &role {
                    Some(Role::Department(d)) => i.department == Some(d),
                    _ => i.department.is_none(),
                })
                .map(|i| (i.kind, i.subject.id().clone(), i.filled))
                .collect::<Vec<_>>()
        })
    });
    let round_info = round.clone();
    let round_settings = round.clone();
    let info = move || {
        state.open.with(|o| {
            let r = o.as_ref()?.round(&round_info)?;
            Some((r.deadline.clone(), r.instructions.clone(), r.opened_by.clone()))
        })
    };
    let copied = Memo::new(move |_| {
        let role = role.get();
        state.open.with(|o| {
            let Some(s) = o.as_ref() else { return Vec::new() };
            copied_texts(s, year)
                .iter()
                .filter(|c| match &role {
                    Some(Role::Department(d)) => c.department == Some(d),
                    _ => true,
                })
                .map(|c| words::round::copied(c, state.lang()))
                .collect::<Vec<_>>()
        })
    });
    let fy = move || crate::locale::year(year, state.lang(), state.year_style());
    view! {
        <section class="panel" data-testid="round-mine" aria-labelledby="round-mine-title">
            <h2 id="round-mine-title">{fy}{state.text("の照会", " round")}</h2>
            {move || info().map(|(deadline, instructions, by)| view! {
                <p class="meta" data-testid="round-deadline-shown">
                    {state.text("提出期限: ", "Deadline: ")}{deadline
                        .map(|d| crate::locale::date(&d, state.lang(), state.year_style()))
                        .unwrap_or_else(|| state.tr("なし", "none").to_owned())}
                    {(!by.is_empty()).then(|| format!("{}{by}", state.tr("　照会: ", " · from: ")))}
                </p>
                {(!instructions.is_empty()).then(|| view! { <p class="prose" data-testid="round-instructions-shown">{instructions}</p> })}
            })}
            {move || (role.get() == Some(Role::Planning)).then(|| view! { <super::settings::RoundSettings round=round_settings.clone()/> })}
            {move || role.get().is_none().then(|| view! { <p class="notice warning" data-testid="round-who">{state.text(
                "上の「あなたの所属」を選ぶと、担当分が先に表示されます。",
                "Choose your section above to see your own items first.")}</p> })}
            {move || (role.get() == Some(Role::Planning)).then(|| view! {
                <h3>{state.text("担当課のない項目（企画課が入力）", "Items of no section (the planning section's)")}</h3>
            })}
            <p class="strong" data-testid="round-share">{move || {
                let list = mine.get();
                match role.get() {
                    Some(Role::Planning) if list.is_empty() => state.tr("担当課のない項目はありません。", "Every item has a section.").to_owned(),
                    _ => words::round::share(list.len(), list.iter().filter(|i| i.2).count(), state.lang()),
                }
            }}</p>
            {move || {
                let list = copied.get();
                (!list.is_empty()).then(|| view! {
                    <ul class="warnings" data-testid="round-copied">
                        {list.into_iter().map(|c| view! { <li class="warning">{c}</li> }).collect_view()}
                    </ul>
                })
            }}
            <ul class="round-items" data-testid="round-items">
                <For each=move || {
                    // More than a few: each item folds, what is filled folded at first.
                    let list = mine.get();
                    let many = list.len() > FOLD_OVER;
                    list.into_iter().map(move |(kind, id, filled)| (kind, id, many.then_some(filled)))
                } key=|i| (i.0, i.1.clone()) let:i>
                    <ItemRow kind=i.0 id=i.1 year=year folded=i.2/>
                </For>
            </ul>
            {move || match role.get() {
                Some(Role::Department(d)) => Some(view! { <Submit round=round.clone() department=d/> }),
                _ => None,
            }}
        </section>
    }
}

/// How many items a person may owe before each folds behind its title (what is still to fill
/// opens by itself, so a long list reads as what is left).
const FOLD_OVER: usize = 5;

/// Where a section's answer stands, and 「提出する」.
#[component]
fn Submit(round: Id, department: Id) -> impl IntoView {
    let state = use_edits();
    let refused = RwSignal::new(None::<String>);
    let (round_read, department_read) = (round.clone(), department.clone());
    let standing = Memo::new(move |_| {
        state.open.with(|o| {
            let r = o.as_ref()?.round(&round_read)?;
            let last = r.latest(&department_read);
            let st = r.standing(&department_read);
            Some((
                st,
                words::round::standing_of(st, last, state.lang()),
                last.map(|a| (a.by.clone(), a.comment.clone())),
            ))
        })
    });
    let submit = move |_| {
        let (by, at) = (super::who::me(state), crate::ui::browser::files::now());
        let mut said = None;
        state.try_edit(|s| match s.submit(&round, &department, &by, &at) {
            Ok(()) => true,
            Err(r) => {
                said = Some(words::round::refusal(&r, s, state.lang()));
                false
            }
        });
        refused.set(said);
    };
    view! {
        <div class="actions" data-testid="round-answer">
            {move || standing.get().map(|(st, said, last)| view! {
                <p data-testid="round-standing">
                    <span class="badge">{said}</span>
                    {match (st, last) {
                        (AnswerStanding::Returned, Some((by, comment))) => format!("{}{by}: {comment}", state.tr("　差し戻し理由 ", " · sent back by ")),
                        _ => String::new(),
                    }}
                </p>
            })}
            <button type="button" class="primary" data-testid="round-submit" on:click=submit
                disabled=move || standing.get().is_some_and(|(st, _, _)| matches!(st, AnswerStanding::Submitted | AnswerStanding::Confirmed))>
                {state.text("提出する", "Submit")}
            </button>
            {move || refused.get().map(|r| view! { <p class="error" role="alert" data-testid="round-refused">{r}</p> })}
        </div>
    }
}
