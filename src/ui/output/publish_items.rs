//! Which items the public pages show, goal by goal: a 「公開する」 check on each goal, measure,
//! initiative and KPI (off = 非公開, kept in `Publication::hidden`), and each goal's
//! 「この1年の主な動き」 with 「下書きを作る」, which drafts it from the evaluations' 成果 and the
//! KPIs that moved (`format::publish::draft_highlight`) for the town to rewrite.

use crate::model::{Goal, Id, Strategy};
use crate::ui::kit::fields::{CheckField, TextField};
use crate::ui::speech::Speaks;
use crate::ui::state::{use_edits, Edits};
use leptos::prelude::*;
use std::sync::Arc;

#[component]
pub fn PublishItems() -> impl IntoView {
    let state = use_edits();
    // Only the goals' ids: a check or a text typed must not rebuild the list under the cursor.
    let goals = Memo::new(move |_| {
        state.open.with(|o| o.as_ref().map(|s| s.goals.iter().map(|g| g.id.clone()).collect::<Vec<_>>()))
    });
    view! {
        <details class="publish-items" data-testid="publish-items">
            <summary>{state.text("公開する項目と「この1年の主な動き」", "What is published, and each goal's highlights of the year")}</summary>
            {move || goals.get().unwrap_or_default().into_iter().map(|id| view! { <GoalItems id=id/> }).collect_view()}
        </details>
    }
}

/// A check that says whether the item with `id` is published.
fn published_check(state: Edits, id: Id, label: String, testid: String) -> impl IntoView {
    let shown = id.clone();
    let checked =
        Signal::derive(move || state.open.with(|o| o.as_ref().is_some_and(|s| !s.publication.is_hidden(&shown))));
    let commit = Callback::new(move |on: bool| state.edit(|s| s.publication_mut().set_hidden(&id, !on)));
    view! { <CheckField label=Signal::derive(move || label.clone()) checked=checked on_commit=commit testid=testid/> }
}

fn goal_of(s: &Strategy, id: &Id) -> Option<Arc<Goal>> {
    s.goals.iter().find(|g| &g.id == id).cloned()
}

#[component]
fn GoalItems(id: Id) -> impl IntoView {
    let state = use_edits();
    let goal = {
        let id = id.clone();
        Memo::new(move |_| state.open.with(|o| o.as_ref().and_then(|s| goal_of(s, &id))))
    };
    let highlight = {
        let id = id.clone();
        Signal::derive(move || {
            state.open.with(|o| o.as_ref().map(|s| s.publication.highlight(&id).to_owned()).unwrap_or_default())
        })
    };
    let set_highlight = {
        let id = id.clone();
        Callback::new(move |v: String| state.edit(|s| s.publication_mut().set_highlight(&id, &v)))
    };
    let draft = {
        let id = id.clone();
        move |_| {
            let text = state.open.with_untracked(|o| {
                o.as_ref().and_then(|s| goal_of(s, &id).map(|g| crate::format::publish::draft_highlight(s, &g)))
            });
            if let Some(text) = text.filter(|t| !t.is_empty()) {
                state.edit(|s| s.publication_mut().set_highlight(&id, &text));
            }
        }
    };
    view! {
        {move || goal.get().map(|g| {
            let heading = format!("{} {} {}", g.kind.japanese(), g.number, g.title);
            view! {
                <fieldset class="publish-goal" data-testid="publish-goal">
                    <legend>{published_check(state, g.id.clone(), heading, "publish-goal-check".into())}</legend>
                    <ItemChecks goal=g.clone()/>
                    <TextField label=Signal::derive(move || state.tr("この1年の主な動き", "Highlights of the year").to_owned())
                        value=highlight on_commit=set_highlight multiline=true testid="publish-highlight"/>
                    <button type="button" class="quiet" data-testid="publish-draft" on:click=draft.clone()>
                        {state.text("下書きを作る（評価の成果と動いた指標から）", "Draft it (from the evaluations' outcomes and the indicators that moved)")}
                    </button>
                </fieldset>
            }
        })}
    }
}

/// The goal's measures, their initiatives and every KPI under it, each with its check.
#[component]
fn ItemChecks(goal: Arc<Goal>) -> impl IntoView {
    let state = use_edits();
    let indicator_name = |s: &Strategy, id: &Id| s.indicator(id).map(|i| format!("{} {}", i.code, i.name));
    let names: Vec<(Id, String, &'static str)> = state.open.with_untracked(|o| {
        let Some(s) = o.as_ref() else { return Vec::new() };
        let mut rows = Vec::new();
        for t in &goal.targets {
            rows.extend(
                indicator_name(s, t)
                    .map(|n| (t.clone(), format!("{} {n}", state.tr("数値目標", "Target")), "publish-kpi-check")),
            );
        }
        for m in &goal.measures {
            rows.push((
                m.id.clone(),
                format!("{} {} {}", state.tr("施策", "Measure"), m.number, m.title),
                "publish-measure-check",
            ));
            for i in &m.initiatives {
                rows.push((
                    i.id.clone(),
                    format!("　{} {} {}", state.tr("事業", "Project"), i.number, i.title),
                    "publish-initiative-check",
                ));
            }
            for k in &m.kpis {
                rows.extend(indicator_name(s, k).map(|n| (k.clone(), format!("　KPI {n}"), "publish-kpi-check")));
            }
        }
        rows
    });
    view! {
        <ul class="outline-list">
            {names.into_iter().map(|(id, label, testid)| view! { <li>{published_check(state, id, label, testid.into())}</li> }).collect_view()}
        </ul>
    }
}
