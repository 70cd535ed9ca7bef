//! The presentation itself, shared by the app's workshop page and the read-only hand-out: the
//! goal cards, a goal's page (its measures and numerical targets with their charts), a
//! measure's page (its KPIs with their charts), the keyboard / clicker / touch navigation
//! (`session::workshop_nav`), full screen, and the ideas panel when ideas can be written (`ideas`).
//!
//! Nothing here needs the app's state: the strategy comes in as a signal, the words from
//! `i18n::use_words`, and writing ideas through the optional `Ideas` callbacks.

use super::ideas::{Ideas, IdeasPanel};
use super::words;
use crate::charts::dashboard::status_colour;
use crate::charts::{indicator, Figure, Words};
use crate::model::{Goal, Id, Measure, NoteTarget, Sdg, StatusMix, Strategy, STATUSES};
use crate::session::workshop_nav::{self, Level, Move, Place};
use crate::ui::chart_view::ChartView;
use crate::ui::i18n::{self, tr, use_words, Language};
use crate::ui::status::indicator_badge;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// True when a key event comes from a place where the user types (the idea field, a select).
fn from_typing(ev: &web_sys::KeyboardEvent) -> bool {
    let Some(el) = ev.target().and_then(|t| t.dyn_into::<web_sys::HtmlElement>().ok()) else { return false };
    matches!(el.tag_name().as_str(), "INPUT" | "TEXTAREA" | "SELECT") || el.is_content_editable()
}

/// True when Enter lands on a control of its own (a vote or full-screen button, a link):
/// that control acts, the presentation does not drill in.
/// The item (`data-item`) an event happened on: a card that has the keyboard focus.
fn item_of(ev: &web_sys::Event) -> Option<usize> {
    let el = ev.target()?.dyn_into::<web_sys::Element>().ok()?;
    el.get_attribute("data-item")?.parse().ok()
}

fn on_own_control(ev: &web_sys::KeyboardEvent) -> bool {
    let Some(el) = ev.target().and_then(|t| t.dyn_into::<web_sys::Element>().ok()) else { return false };
    matches!(el.tag_name().as_str(), "BUTTON" | "A") && !el.has_attribute("data-item")
}

fn document() -> Option<web_sys::Document> {
    web_sys::window().and_then(|w| w.document())
}

fn is_fullscreen() -> bool {
    document().and_then(|d| d.fullscreen_element()).is_some()
}

/// Full screen on the presentation element, or back.
fn toggle_fullscreen(root: Option<web_sys::HtmlElement>) {
    let Some(d) = document() else { return };
    if d.fullscreen_element().is_some() {
        d.exit_fullscreen();
    } else if let Some(root) = root {
        let _ = root.request_fullscreen();
    }
}

/// Moves the keyboard focus to the current item of the level shown (or its heading when it has
/// no items), after the DOM has followed — unless the user is typing in the idea field.
///
/// The item is read when it runs, not when it was asked for: keys pressed quickly (→ PageDown
/// PageUp) must not leave the focus, and so the highlight, on an item passed over.
fn focus_current(place: RwSignal<Place>) {
    let run = move || {
        let Some(item) = place.try_get_untracked().map(|p| p.item) else { return };
        let Some(d) = document() else { return };
        if d.active_element().is_some_and(|a| matches!(a.tag_name().as_str(), "INPUT" | "TEXTAREA" | "SELECT")) {
            return;
        }
        let target = d
            .query_selector(&format!(".ws-stage [data-item=\"{item}\"]"))
            .ok()
            .flatten()
            .or_else(|| d.query_selector(".ws-stage [data-ws-heading]").ok().flatten());
        if let Some(el) = target.and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok()) {
            let _ = el.focus();
        }
    };
    // At once, so the next key (a separate event) already finds the focus on the current item
    // (a key on a focused card acts on that card); and again after the frame, when a new level's
    // page has been drawn.
    run();
    request_animation_frame(run);
}

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
fn status_line(mix: StatusMix, counted: Counted, lang: Language) -> impl IntoView {
    let total = mix.total();
    let (ja, en) = match counted {
        Counted::GoalTargetsAndKpis => ("数値目標・KPI", "targets and KPIs"),
        Counted::Kpis => ("KPI", "KPIs"),
    };
    if total == 0 {
        let none = match lang {
            Language::Ja => format!("{ja}はまだありません"),
            Language::En => format!("No {en} yet"),
        };
        return view! { <p class="ws-status" data-testid="ws-status">{none}</p> }.into_any();
    }
    let lead = match lang {
        Language::Ja => format!("{ja} {total} 件のうち"),
        Language::En => format!("Of {total} {en}:"),
    };
    let parts = STATUSES
        .into_iter()
        .filter(|s| mix.get(*s) > 0)
        .map(|s| {
            view! {
                <span class="ws-dot-part" data-status=s.as_str()>
                    <span class="ws-dot" style=format!("background:{}", status_colour(s)) aria-hidden="true"></span>
                    {format!("{} {}", i18n::status(s, lang), mix.get(s))}
                </span>
            }
        })
        .collect_view();
    view! { <p class="ws-status" data-testid="ws-status"><span class="ws-status-lead">{lead}</span>" "{parts}</p> }
        .into_any()
}

fn measure_kind(m: &Measure, lang: Language) -> String {
    format!("{} {}", tr(lang, "施策", "Measure"), m.number).trim().to_owned()
}

/// The number of notes written about a goal (and its measures) or a measure.
fn note_count(s: &Strategy, target: &NoteTarget, with_measures: Option<&Goal>) -> usize {
    match with_measures {
        Some(goal) => s.notes_under_goal(goal).count(),
        None => s.workshops.iter().map(|w| w.notes_about(target).count()).sum(),
    }
}

/// The presentation. `ideas`: writing ideas and votes (the app); `None` shows the ideas
/// already written, read-only (the hand-out). `exit`: where "end" leads (the app's overview).
#[component]
pub fn Presentation(
    #[prop(into)] strategy: Signal<Strategy>,
    ideas: Option<Ideas>,
    exit: Option<String>,
) -> impl IntoView {
    let words = use_words();
    let lang = move || words.get().lang;
    let place = RwSignal::new(Place::default());
    // The strategy without its notes: pages are rebuilt (and charts re-created) only when the
    // strategy itself changes, never when an idea is added.
    let plan = Memo::new(move |_| strategy.with(|s| Strategy { workshops: Vec::new(), ..s.clone() }));
    let level = Memo::new(move |_| place.get().level);
    let root = NodeRef::<leptos::html::Div>::new();
    let fullscreen = RwSignal::new(false);

    // A strategy that changed shape (a goal removed in another tab) keeps a valid place.
    let fix = move || plan.with(|s| place.update(|p| *p = p.clamp(s)));
    let go = move |mv: Move| {
        place.update(|p| *p = plan.with_untracked(|s| p.step(mv, s)));
    };
    // Focus follows the current item (an outside-world sync: the DOM's focus).
    Effect::new(move |_| {
        fix();
        place.track();
        focus_current(place);
    });

    let keys = window_event_listener(leptos::ev::keydown, move |ev| {
        if ev.default_prevented()
            || ev.ctrl_key()
            || ev.alt_key()
            || ev.meta_key()
            || ev.is_composing()
            || from_typing(&ev)
        {
            return;
        }
        let key = ev.key();
        if key == "f" || key == "F" {
            ev.prevent_default();
            toggle_fullscreen(root.get_untracked().map(|d| d.unchecked_into()));
            return;
        }
        let Some(mv) = Move::of_key(&key) else { return };
        if key == "Enter" && on_own_control(&ev) {
            return;
        }
        ev.prevent_default();
        // A key on a focused card acts on that card, whatever was highlighted before.
        if let Some(item) = item_of(&ev) {
            place.update(|p| p.item = item);
        }
        go(mv);
    });
    let fs = window_event_listener_untyped("fullscreenchange", move |_| fullscreen.set(is_fullscreen()));
    on_cleanup(move || {
        keys.remove();
        fs.remove();
    });

    // A finger's stroke on a tablet (not a mouse drag): where and when it started.
    let stroke = StoredValue::new(None::<(f64, f64, f64)>);
    let on_down = move |ev: leptos::ev::PointerEvent| {
        if ev.pointer_type() == "touch" && ev.is_primary() {
            stroke.set_value(Some((f64::from(ev.client_x()), f64::from(ev.client_y()), ev.time_stamp())));
        }
    };
    let on_up = move |ev: leptos::ev::PointerEvent| {
        let Some((x, y, t)) = stroke.get_value() else { return };
        stroke.set_value(None);
        let (dx, dy) = (f64::from(ev.client_x()) - x, f64::from(ev.client_y()) - y);
        if let Some(mv) = workshop_nav::swipe(dx, dy, ev.time_stamp() - t) {
            go(mv);
        }
    };

    let open_at = move |level: Level, item: usize| place.set(Place { level, item });
    let pick = move |item: usize| {
        place.update(|p| p.item = item);
        go(Move::Into);
    };

    let head = move || {
        plan.with(|s| {
            view! {
                <span class="ws-town">{s.municipality.name.clone()}</span>
                <span class="ws-plan">{s.title.clone()}</span>
            }
        })
    };
    let hint = move || {
        tr(
            lang(),
            "← → 移動 ・ Enter / ↓ 開く ・ Esc / ↑ 戻る ・ F 全画面",
            "← → move · Enter / ↓ open · Esc / ↑ back · F full screen",
        )
    };

    // A page is built again when the level, the strategy (not its notes) or the words change.
    let writer = ideas.clone();
    let read_only = ideas.is_none().to_string();
    let stage = move || match (plan.track(), words.track(), level.get()).2 {
        Level::Goals => goals_page(plan, strategy, place, words, pick).into_any(),
        Level::Goal(g) => goal_page(plan, strategy, place, words, g, pick, open_at, writer.clone()).into_any(),
        Level::Measure(g, m) => measure_page(plan, strategy, place, words, g, m, open_at, writer.clone()).into_any(),
    };

    view! {
        <div class="workshop" node_ref=root data-testid="workshop" data-read-only=read_only
            data-level=move || match level.get() { Level::Goals => "goals", Level::Goal(_) => "goal", Level::Measure(..) => "measure" }>
            <div class="ws-bar">
                <p class="ws-head">{head}</p>
                <div class="ws-bar-actions">
                    <button type="button" class="ws-button" data-testid="ws-fullscreen" aria-pressed=move || fullscreen.get().to_string()
                        on:click=move |_| toggle_fullscreen(root.get_untracked().map(|d| d.unchecked_into()))>
                        {move || if fullscreen.get() { tr(lang(), "全画面を終える", "Exit full screen") } else { tr(lang(), "全画面", "Full screen") }}
                    </button>
                    {ideas.map(|i| view! {
                        <a class="ws-button quiet" data-testid="ws-to-notes" href=i.notes_href.clone()>{move || tr(lang(), "付箋の一覧", "All ideas")}</a>
                    })}
                    {exit.map(|href| view! {
                        <a class="ws-button quiet" data-testid="ws-exit" href=href>{move || tr(lang(), "終了", "End")}</a>
                    })}
                </div>
            </div>
            <p class="ws-hint" data-testid="ws-hint">{hint}</p>
            // Focus and the presenter's highlight are one thing: a card reached by Tab (or a
            // click) becomes the current one.
            <div class="ws-stage" on:pointerdown=on_down on:pointerup=on_up
                on:pointercancel=move |_| stroke.set_value(None) on:focusin=move |ev| {
                if let Some(item) = item_of(&ev) {
                    if place.get_untracked().item != item {
                        place.update(|p| p.item = item);
                    }
                }
            }>{stage}</div>
        </div>
    }
}

fn goals_page(
    plan: Memo<Strategy>,
    strategy: Signal<Strategy>,
    place: RwSignal<Place>,
    words: Signal<Words>,
    pick: impl Fn(usize) + Copy + Send + Sync + 'static,
) -> impl IntoView {
    let lang = words.get_untracked().lang;
    let body = move || {
        let lang = words.get().lang;
        plan.with(|s| {
            s.goals
                .iter()
                .enumerate()
                .map(|(i, g)| {
                    let gid = g.id.clone();
                    let goal = g.clone();
                    let notes = move || strategy.with(|s| note_count(s, &NoteTarget::Goal(gid.clone()), Some(&goal)));
                    view! {
                        <li>
                            <button type="button" class="ws-card ws-goal" data-item=i data-testid="ws-goal"
                                class:current=move || place.get().item == i
                                on:click=move |_| pick(i)>
                                <span class="ws-kind">{i18n::goal_heading(g, lang)}</span>
                                <span class="ws-title">{g.title.clone()}</span>
                                {(!g.subtitle.is_empty()).then(|| view! { <span class="ws-subtitle">{format!("～{}～", g.subtitle)}</span> })}
                                {sdg_tiles(&g.sdgs, lang)}
                                {status_line(s.goal_mix(g), Counted::GoalTargetsAndKpis, lang)}
                                {move || {
                                    let n = notes();
                                    (n > 0).then(|| view! { <span class="ws-note-count" data-testid="ws-note-count">{words::notes(n, lang)}</span> })
                                }}
                            </button>
                        </li>
                    }
                })
                .collect_view()
        })
    };
    view! {
        <section class="ws-page" aria-labelledby="ws-goals-heading">
            <h1 id="ws-goals-heading" class="ws-page-title" tabindex="-1" data-ws-heading="">{move || tr(words.get().lang, "まちの目標", "Our town's goals")}</h1>
            {move || plan.with(|s| s.goals.is_empty()).then(|| view! { <p class="ws-empty">{tr(lang, "目標はまだありません。", "No goals yet.")}</p> })}
            <ol class="ws-grid ws-goals">{body}</ol>
        </section>
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

/// One indicator as a presentation item: its name, status and chart.
fn indicator_item(
    plan: Memo<Strategy>,
    place: RwSignal<Place>,
    words: Signal<Words>,
    id: Id,
    item: usize,
) -> impl IntoView {
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
        <section class="ws-card ws-indicator" tabindex="0" data-item=item data-testid="ws-indicator"
            class:current=move || place.get().item == item
            on:click=move |_| place.update(|p| p.item = item)>
            <h3 class="ws-indicator-name">{name}" "{badge}</h3>
            <ChartView figure=figure kind="indicator"/>
        </section>
    }
}

#[allow(clippy::too_many_arguments)] // reason: one page's signals and callbacks; a struct would only rename them
fn goal_page(
    plan: Memo<Strategy>,
    strategy: Signal<Strategy>,
    place: RwSignal<Place>,
    words: Signal<Words>,
    g: usize,
    pick: impl Fn(usize) + Copy + Send + Sync + 'static,
    open_at: impl Fn(Level, usize) + Copy + Send + Sync + 'static,
    ideas: Option<Ideas>,
) -> impl IntoView {
    let lang = words.get_untracked().lang;
    let Some(goal) = plan.with_untracked(|s| s.goals.get(g).map(|g| (**g).clone())) else { return ().into_any() };
    let (mix, targets) = plan.with_untracked(|s| {
        (s.goal_mix(&goal), goal.targets.iter().filter(|t| s.indicator(t).is_some()).cloned().collect::<Vec<Id>>())
    });
    let first_target = goal.measures.len();
    let measures = goal
        .measures
        .iter()
        .enumerate()
        .map(|(k, m)| {
            let mid = m.id.clone();
            let notes = move || strategy.with(|s| note_count(s, &NoteTarget::Measure(mid.clone()), None));
            let mix = plan.with_untracked(|s| s.measure_mix(m));
            view! {
                <li>
                    <button type="button" class="ws-card ws-measure" data-item=k data-testid="ws-measure"
                        class:current=move || place.get().item == k
                        on:click=move |_| pick(k)>
                        <span class="ws-kind">{measure_kind(m, lang)}{m.priority.then(|| view! { <span class="ws-flag">{tr(lang, "重点", "Priority")}</span> })}</span>
                        <span class="ws-title">{m.title.clone()}</span>
                        {sdg_tiles(&m.sdgs, lang)}
                        {(mix.total() > 0).then(|| status_line(mix, Counted::Kpis, lang))}
                        {move || {
                            let n = notes();
                            (n > 0).then(|| view! { <span class="ws-note-count" data-testid="ws-note-count">{words::notes(n, lang)}</span> })
                        }}
                    </button>
                </li>
            }
        })
        .collect_view();
    let charts = targets
        .into_iter()
        .enumerate()
        .map(|(k, id)| indicator_item(plan, place, words, id, first_target + k))
        .collect_view();
    let has_targets = !goal.targets.is_empty();
    let target = NoteTarget::Goal(goal.id.clone());
    view! {
        <section class="ws-page" data-testid="ws-goal-page">
            <nav class="ws-nav">
                <button type="button" class="ws-button" data-testid="ws-back" on:click=move |_| open_at(Level::Goals, g)>
                    {tr(lang, "← 目標の一覧", "← All goals")}
                </button>
            </nav>
            <header class="ws-page-head">
                <p class="ws-kind">{i18n::goal_heading(&goal, lang)}</p>
                <h1 class="ws-page-title" tabindex="-1" data-ws-heading="" data-testid="ws-page-title">{goal.title.clone()}</h1>
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

#[allow(clippy::too_many_arguments)] // reason: one page's signals and callbacks; a struct would only rename them
fn measure_page(
    plan: Memo<Strategy>,
    strategy: Signal<Strategy>,
    place: RwSignal<Place>,
    words: Signal<Words>,
    g: usize,
    m: usize,
    open_at: impl Fn(Level, usize) + Copy + Send + Sync + 'static,
    ideas: Option<Ideas>,
) -> impl IntoView {
    let lang = words.get_untracked().lang;
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
    let charts =
        kpis.iter().cloned().enumerate().map(|(k, id)| indicator_item(plan, place, words, id, k)).collect_view();
    let target = NoteTarget::Measure(measure.id.clone());
    view! {
        <section class="ws-page" data-testid="ws-measure-page">
            <nav class="ws-nav">
                <button type="button" class="ws-button" data-testid="ws-back" on:click=move |_| open_at(Level::Goal(g), m)>
                    {format!("← {}", i18n::goal_heading(&goal, lang))}
                </button>
                <span class="ws-spacer"></span>
                <button type="button" class="ws-button" data-testid="ws-previous" disabled=m == 0
                    on:click=move |_| open_at(Level::Measure(g, m.saturating_sub(1)), 0)>{tr(lang, "← 前の施策", "← Previous")}</button>
                <span class="ws-position">{format!("{} / {}", m + 1, count)}</span>
                <button type="button" class="ws-button" data-testid="ws-next" disabled=m + 1 >= count
                    on:click=move |_| open_at(Level::Measure(g, (m + 1).min(count.saturating_sub(1))), 0)>{tr(lang, "次の施策 →", "Next →")}</button>
            </nav>
            <header class="ws-page-head">
                <p class="ws-kind">{format!("{} ・ {}", i18n::goal_heading(&goal, lang), measure_kind(&measure, lang))}</p>
                <h1 class="ws-page-title" tabindex="-1" data-ws-heading="" data-testid="ws-page-title">{measure.title.clone()}</h1>
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
