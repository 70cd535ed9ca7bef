//! The presentation's three levels as pages: the goal cards (under the national frame the
//! strategy aligns with, small), a goal's page (its measures, then
//! its numerical targets with their charts, and the ideas panel) and a measure's page (its KPIs
//! with their charts, and the ideas panel). Each item carries its position (`data-item`), which
//! the presenter's keys follow; each page hands its items' and heading's refs to the focus
//! (`focus`).

use super::deck::Deck;
use super::focus::ItemRef;
use super::ideas::{Ideas, IdeasPanel};
use super::parts::{indicator_item, measure_kind, note_count, sdg_tiles, status_line, Counted};
use crate::locale::{self, tr, Language};
use crate::model::{Id, NoteTarget};
use crate::session::workshop_nav::{DeckLevel, DeckPlace};
use crate::words::workshop as words;
use leptos::html;
use leptos::prelude::*;

/// Where a card stands: item `item` of its page, `place` saying which item is the current one.
struct Card {
    place: RwSignal<DeckPlace>,
    item: usize,
    node_ref: NodeRef<html::Button>,
    class: &'static str,
    testid: &'static str,
}

/// A card of a page of cards (a goal, a measure): a button that picks its item, marked while it
/// is the current one, with the number of notes written about it once there are any.
fn card(
    Card { place, item, node_ref, class, testid }: Card,
    pick: impl Fn(usize) + Copy + Send + Sync + 'static,
    body: impl IntoView + 'static,
    notes: impl Fn() -> usize + Send + Sync + 'static,
    lang: Language,
) -> impl IntoView {
    view! {
        <li>
            <button type="button" class=class node_ref=node_ref data-item=item data-testid=testid
                class:current=move || place.get().item == item
                on:click=move |_| pick(item)>
                {body}
                {move || {
                    let n = notes();
                    (n > 0).then(|| view! { <span class="ws-note-count" data-testid="ws-note-count">{words::notes(n, lang)}</span> })
                }}
            </button>
        </li>
    }
}

/// The indicators of a page (a goal's numerical targets, a measure's KPIs) with their charts,
/// each the page's next item after `items`.
fn indicator_items(deck: Deck, ids: impl IntoIterator<Item = Id>, items: &mut Vec<ItemRef>) -> impl IntoView {
    ids.into_iter()
        .map(|id| {
            let chart = NodeRef::<html::Section>::new();
            items.push(ItemRef::Indicator(chart));
            indicator_item(deck, id, items.len() - 1, chart)
        })
        .collect_view()
}

/// The goals as cards.
pub(super) fn goals_page(deck: Deck, pick: impl Fn(usize) + Copy + Send + Sync + 'static) -> impl IntoView {
    let Deck { plan, strategy, place, words, focus } = deck;
    let lang = words.get_untracked().lang;
    let heading = focus.heading();
    let body = move || {
        let lang = words.get().lang;
        plan.with(|s| {
            let mut items = Vec::with_capacity(s.goals.len());
            let cards = s
                .goals
                .iter()
                .enumerate()
                .map(|(i, g)| {
                    let gid = g.id.clone();
                    let goal = g.clone();
                    let notes = move || strategy.with(|s| note_count(s, &NoteTarget::Goal(gid.clone()), Some(&goal)));
                    let card_ref = NodeRef::<html::Button>::new();
                    items.push(ItemRef::Card(card_ref));
                    let body = view! {
                        <span class="ws-kind">{crate::words::goal_heading(g, lang)}</span>
                        <span class="ws-title">{g.title.clone()}</span>
                        {(!g.subtitle.is_empty()).then(|| view! { <span class="ws-subtitle">{format!("～{}～", g.subtitle)}</span> })}
                        {sdg_tiles(&g.sdgs, lang)}
                        {status_line(s.goal_mix(g), Counted::GoalTargetsAndKpis, lang)}
                    };
                    card(Card { place, item: i, node_ref: card_ref, class: "ws-card ws-goal", testid: "ws-goal" }, pick, body, notes, lang)
                })
                .collect_view();
            focus.set_items(items);
            cards
        })
    };
    view! {
        <section class="ws-page" aria-labelledby="ws-goals-heading">
            <h1 id="ws-goals-heading" class="ws-page-title" tabindex="-1" node_ref=heading>{move || tr(words.get().lang, "まちの目標", "Our town's goals")}</h1>
            {move || {
                let w = words.get();
                plan.with(|s| locale::framework_short(&s.national_framework, w.lang, w.years))
                    .map(|frame| view! { <p class="ws-frame" data-testid="ws-frame">{words::frame(&frame, w.lang)}</p> })
            }}
            {move || plan.with(|s| s.goals.is_empty()).then(|| view! { <p class="ws-empty">{tr(lang, "目標はまだありません。", "No goals yet.")}</p> })}
            <ol class="ws-grid ws-goals">{body}</ol>
        </section>
    }
}

/// A goal's page: its measures as cards, then its numerical targets with their charts.
pub(super) fn goal_page(
    deck: Deck,
    g: usize,
    pick: impl Fn(usize) + Copy + Send + Sync + 'static,
    open_at: impl Fn(DeckLevel, usize) + Copy + Send + Sync + 'static,
    ideas: Option<Ideas>,
) -> impl IntoView {
    let Deck { plan, strategy, place, words, focus } = deck;
    let lang = words.get_untracked().lang;
    let heading = focus.heading();
    let Some(goal) = plan.with_untracked(|s| s.goals.get(g).map(|g| (**g).clone())) else { return ().into_any() };
    let (mix, targets) = plan.with_untracked(|s| {
        (s.goal_mix(&goal), goal.targets.iter().filter(|t| s.indicator(t).is_some()).cloned().collect::<Vec<Id>>())
    });
    // The measures are items 0…, the numerical targets after them.
    let mut items = Vec::with_capacity(goal.measures.len() + targets.len());
    let measures = goal
        .measures
        .iter()
        .enumerate()
        .map(|(k, m)| {
            let mid = m.id.clone();
            let notes = move || strategy.with(|s| note_count(s, &NoteTarget::Measure(mid.clone()), None));
            let mix = plan.with_untracked(|s| s.measure_mix(m));
            let card_ref = NodeRef::<html::Button>::new();
            items.push(ItemRef::Card(card_ref));
            let body = view! {
                <span class="ws-kind">{measure_kind(m, lang)}{m.priority.then(|| view! { <span class="ws-flag">{tr(lang, "重点", "Priority")}</span> })}</span>
                <span class="ws-title">{m.title.clone()}</span>
                {sdg_tiles(&m.sdgs, lang)}
                {(mix.total() > 0).then(|| status_line(mix, Counted::Kpis, lang))}
            };
            card(Card { place, item: k, node_ref: card_ref, class: "ws-card ws-measure", testid: "ws-measure" }, pick, body, notes, lang)
        })
        .collect_view();
    let charts = indicator_items(deck, targets, &mut items);
    focus.set_items(items);
    let has_targets = !goal.targets.is_empty();
    let target = NoteTarget::Goal(goal.id.clone());
    view! {
        <section class="ws-page" data-testid="ws-goal-page">
            <nav class="ws-nav">
                <button type="button" class="ws-button" data-testid="ws-back" on:click=move |_| open_at(DeckLevel::Goals, g)>
                    {tr(lang, "← 目標の一覧", "← All goals")}
                </button>
            </nav>
            <header class="ws-page-head">
                <p class="ws-kind">{crate::words::goal_heading(&goal, lang)}</p>
                <h1 class="ws-page-title" tabindex="-1" node_ref=heading data-testid="ws-page-title">{goal.title.clone()}</h1>
                {(!goal.subtitle.is_empty()).then(|| view! { <p class="ws-subtitle">{format!("～{}～", goal.subtitle)}</p> })}
                {sdg_tiles(&goal.sdgs, lang)}
                {status_line(mix, Counted::GoalTargetsAndKpis, lang)}
            </header>
            {(!goal.direction.is_empty()).then(|| view! { <p class="ws-prose">{goal.direction.clone()}</p> })}
            {(!goal.measures.is_empty()).then(|| view! {
                <h2 class="ws-section">{tr(lang, "取り組むこと（施策）", "What we will do (measures)")}</h2>
                <ol class="ws-grid ws-measures">{measures}</ol>
            })}
            {has_targets.then(|| view! {
                <h2 class="ws-section">{tr(lang, "めざす数値（数値目標）", "Where we aim (numerical targets)")}</h2>
                <div class="ws-charts">{charts}</div>
            })}
            <IdeasPanel strategy=strategy target=target ideas=ideas/>
        </section>
    }
    .into_any()
}

/// A measure's page: its KPIs with their charts, and the measures before and after it.
pub(super) fn measure_page(
    deck: Deck,
    g: usize,
    m: usize,
    open_at: impl Fn(DeckLevel, usize) + Copy + Send + Sync + 'static,
    ideas: Option<Ideas>,
) -> impl IntoView {
    let Deck { plan, strategy, words, focus, .. } = deck;
    let lang = words.get_untracked().lang;
    let heading = focus.heading();
    let found = plan.with_untracked(|s| {
        s.goals.get(g).and_then(|goal| goal.measures.get(m).map(|x| ((**goal).clone(), (**x).clone())))
    });
    let Some((goal, measure)) = found else { return ().into_any() };
    let count = goal.measures.len();
    let (mix, kpis) = plan.with_untracked(|s| {
        (
            s.measure_mix(&measure),
            measure.kpis.iter().filter(|k| s.indicator(k).is_some()).cloned().collect::<Vec<Id>>(),
        )
    });
    let mut items = Vec::with_capacity(kpis.len());
    let charts = indicator_items(deck, kpis.iter().cloned(), &mut items);
    focus.set_items(items);
    let target = NoteTarget::Measure(measure.id.clone());
    view! {
        <section class="ws-page" data-testid="ws-measure-page">
            <nav class="ws-nav">
                <button type="button" class="ws-button" data-testid="ws-back" on:click=move |_| open_at(DeckLevel::Goal(g), m)>
                    {format!("← {}", crate::words::goal_heading(&goal, lang))}
                </button>
                <span class="ws-spacer"></span>
                <button type="button" class="ws-button" data-testid="ws-previous" disabled=m == 0
                    on:click=move |_| open_at(DeckLevel::Measure(g, m.saturating_sub(1)), 0)>{tr(lang, "← 前の施策", "← Previous")}</button>
                <span class="ws-position">{format!("{} / {}", m + 1, count)}</span>
                <button type="button" class="ws-button" data-testid="ws-next" disabled=m + 1 >= count
                    on:click=move |_| open_at(DeckLevel::Measure(g, (m + 1).min(count.saturating_sub(1))), 0)>{tr(lang, "次の施策 →", "Next →")}</button>
            </nav>
            <header class="ws-page-head">
                <p class="ws-kind">{format!("{} ・ {}", crate::words::goal_heading(&goal, lang), measure_kind(&measure, lang))}</p>
                <h1 class="ws-page-title" tabindex="-1" node_ref=heading data-testid="ws-page-title">{measure.title.clone()}</h1>
                {sdg_tiles(&measure.sdgs, lang)}
                {(mix.total() > 0).then(|| status_line(mix, Counted::Kpis, lang))}
            </header>
            {(!measure.summary.is_empty()).then(|| view! { <p class="ws-prose">{measure.summary.clone()}</p> })}
            {if kpis.is_empty() {
                view! { <p class="ws-empty">{tr(lang, "この施策の指標（KPI）はまだありません。", "This measure has no KPIs yet.")}</p> }.into_any()
            } else {
                view! {
                    <h2 class="ws-section">{tr(lang, "めざす数値（KPI）", "Where we aim (KPIs)")}</h2>
                    <div class="ws-charts">{charts}</div>
                }.into_any()
            }}
            <IdeasPanel strategy=strategy target=target ideas=ideas/>
        </section>
    }
    .into_any()
}
