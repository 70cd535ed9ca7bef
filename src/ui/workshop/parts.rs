//! The pieces the presentation's pages are made of: SDG tiles, status lines, note counts, and an
//! indicator as an item — its name, status and chart, with text large enough for a hall.

use super::deck::Deck;
use crate::charts::dashboard::status_colour;
use crate::charts::{indicator, Figure};
use crate::locale::{self, tr, Language};
use crate::model::{Goal, Id, Measure, NoteTarget, Sdg, StatusMix, Strategy, STATUSES};
use crate::ui::kit::chart_view::ChartView;
use crate::ui::kit::status::indicator_badge;
use leptos::html;
use leptos::prelude::*;

/// The official SDG colours as tiles with the goal's number (the name as the tile's label).
pub(super) fn sdg_tiles(sdgs: &[Sdg], lang: Language) -> impl IntoView {
    (!sdgs.is_empty()).then(|| {
        let tiles = sdgs
            .iter()
            .filter(|s| s.is_valid())
            .map(|s| {
                let name = format!("SDGs {}: {}", s.0, if lang == Language::Ja { s.japanese() } else { s.english() });
                view! { <li class="ws-sdg" style=format!("background:{};color:{}", s.colour(), s.text_colour()) title=name.clone() aria-label=name>{s.0}</li> }
            })
            .collect_view();
        view! { <ul class="ws-sdgs" data-testid="ws-sdgs">{tiles}</ul> }
    })
}

/// What a status line counts: a goal's numerical targets and its measures' KPIs, or a
/// measure's KPIs (the same things the overview and the report count, named the same way).
#[derive(Clone, Copy)]
pub(super) enum Counted {
    GoalTargetsAndKpis,
    Kpis,
}

/// "数値目標・KPI 5 件のうち ● 達成 1 ・ ● 順調 2 …" with the status colours as dots.
pub(super) fn status_line(mix: StatusMix, counted: Counted, lang: Language) -> impl IntoView {
    let total = mix.total();
    let (ja, en) = match counted {
        Counted::GoalTargetsAndKpis => ("数値目標・KPI", "targets and KPIs"),
        Counted::Kpis => ("KPI", "KPIs"),
    };
    if total == 0 {
        let none = crate::words::workshop::none_yet(ja, en, lang);
        return view! { <p class="ws-status" data-testid="ws-status">{none}</p> }.into_any();
    }
    let lead = crate::words::workshop::of_total(ja, en, total, lang);
    let parts = STATUSES
        .into_iter()
        .filter(|s| mix.get(*s) > 0)
        .map(|s| {
            view! {
                <span class="ws-dot-part" data-status=s.as_str()>
                    <span class="ws-dot" style=format!("background:{}", status_colour(s)) aria-hidden="true"></span>
                    {format!("{} {}", locale::status(s, lang), mix.get(s))}
                </span>
            }
        })
        .collect_view();
    view! { <p class="ws-status" data-testid="ws-status"><span class="ws-status-lead">{lead}</span>" "{parts}</p> }
        .into_any()
}

pub(super) fn measure_kind(m: &Measure, lang: Language) -> String {
    format!("{} {}", tr(lang, "施策", "Measure"), m.number).trim().to_owned()
}

/// The number of notes written about a goal (and its measures) or a measure.
pub(super) fn note_count(s: &Strategy, target: &NoteTarget, with_measures: Option<&Goal>) -> usize {
    match with_measures {
        Some(goal) => s.notes_under_goal(goal).count(),
        None => s.workshops.iter().map(|w| w.notes_about(target).count()).sum(),
    }
}

/// Deep-merges `patch` into `target` (objects by key, arrays by position), as `Figure::option`
/// merges a figure's patch.
fn merge(target: &mut serde_json::Value, patch: &serde_json::Value) {
    use serde_json::Value;
    match (target, patch) {
        (_, Value::Null) => {}
        (Value::Object(t), Value::Object(p)) => {
            p.iter().for_each(|(k, v)| merge(t.entry(k.clone()).or_insert(Value::Null), v))
        }
        (Value::Array(t), Value::Array(p)) => {
            for (i, v) in p.iter().enumerate() {
                match t.get_mut(i) {
                    Some(slot) => merge(slot, v),
                    None => t.push(v.clone()),
                }
            }
        }
        (t, p) => *t = p.clone(),
    }
}

/// The chart with text large enough for a hall (ECharts draws 12px by default). An indicator
/// chart has one x axis, one y axis and one legend, which charming writes as objects.
fn large_text(mut figure: Figure) -> Figure {
    let large = serde_json::json!({
        "xAxis": { "axisLabel": { "fontSize": 16 } },
        "yAxis": { "axisLabel": { "fontSize": 16 }, "nameTextStyle": { "fontSize": 15 } },
        "legend": { "textStyle": { "fontSize": 16 } },
    });
    let mut patch = if figure.patch.is_null() { serde_json::json!({}) } else { figure.patch.clone() };
    merge(&mut patch, &large);
    figure.patch = patch;
    figure
}

/// One indicator as a presentation item: its name, status and chart; `chart` is its element's
/// ref, for the focus.
pub(super) fn indicator_item(deck: Deck, id: Id, item: usize, chart: NodeRef<html::Section>) -> impl IntoView {
    let Deck { plan, place, words, .. } = deck;
    let lang = words.get_untracked().lang;
    let for_figure = id.clone();
    let figure = Memo::new(move |_| {
        let w = words.get();
        plan.with(|s| s.indicator(&for_figure).map(|i| large_text(indicator::chart(s, i, w))).unwrap_or_default())
    });
    let (name, badge) = plan.with_untracked(|s| match s.indicator(&id) {
        Some(i) => {
            let unit = if i.unit.is_empty() { String::new() } else { format!("（{}）", i.unit) };
            (format!("{}{unit}", i.name), Some(indicator_badge(lang, &s.progress(i))))
        }
        None => (String::new(), None),
    });
    view! {
        <section class="ws-card ws-indicator" tabindex="0" node_ref=chart data-item=item data-testid="ws-indicator"
            class:current=move || place.get().item == item
            on:click=move |_| place.update(|p| p.item = item)>
            <h3 class="ws-indicator-name">{name}" "{badge}</h3>
            <ChartView figure=figure kind="indicator"/>
        </section>
    }
}
