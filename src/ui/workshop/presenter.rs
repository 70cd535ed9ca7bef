//! The presentation itself, shared by the app's workshop page and the read-only hand-out: the
//! level shown (the goal cards, a goal's page, a measure's page: `pages`), the keyboard /
//! clicker / touch navigation (`session::workshop_nav`), the focus that follows the current
//! item, and full screen.
//!
//! Nothing here needs the app's state: the strategy comes in as a signal, the words from
//! `ui::speech::use_words`, and writing ideas through the optional `Ideas` callbacks.

use super::deck::Deck;
use super::focus::{focus_current, FocusTargets};
use super::ideas::Ideas;
use super::pages::{goal_page, goals_page, measure_page};
use crate::locale::tr;
use crate::model::Strategy;
use crate::session::workshop_nav::{self, DeckLevel, DeckPlace, Move};
use crate::ui::speech::use_words;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// True when a key event comes from a place where the user types (the idea field, a select).
fn from_typing(ev: &web_sys::KeyboardEvent) -> bool {
    let Some(el) = ev.target().and_then(|t| t.dyn_into::<web_sys::HtmlElement>().ok()) else { return false };
    matches!(el.tag_name().as_str(), "INPUT" | "TEXTAREA" | "SELECT") || el.is_content_editable()
}

/// The item (`data-item`) an event happened on: a card that has the keyboard focus.
fn item_of(ev: &web_sys::Event) -> Option<usize> {
    let el = ev.target()?.dyn_into::<web_sys::Element>().ok()?;
    el.get_attribute("data-item")?.parse().ok()
}

/// True when Enter lands on a control of its own (a vote or full-screen button, a link):
/// that control acts, the presentation does not drill in.
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
    let place = RwSignal::new(DeckPlace::default());
    // The strategy without its notes: pages are rebuilt (and charts re-created) only when the
    // strategy itself changes, never when an idea is added.
    let plan = Memo::new(move |_| strategy.with(|s| Strategy { workshops: Vec::new(), ..s.clone() }));
    let level = Memo::new(move |_| place.get().level);
    let root = NodeRef::<leptos::html::Div>::new();
    let fullscreen = RwSignal::new(false);
    let focus = FocusTargets::new();

    // A strategy that changed shape (a goal removed in another tab) keeps a valid place.
    let fix = move || plan.with(|s| place.update(|p| *p = p.clamp(s)));
    let go = move |mv: Move| {
        place.update(|p| *p = plan.with_untracked(|s| p.step(mv, s)));
    };
    // Focus follows the current item (an outside-world sync: the DOM's focus).
    Effect::new(move |_| {
        fix();
        place.track();
        focus_current(place, focus);
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

    let open_at = move |level: DeckLevel, item: usize| place.set(DeckPlace { level, item });
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
    let deck = Deck { plan, strategy, place, words, focus };
    let stage = move || match (plan.track(), words.track(), level.get()).2 {
        DeckLevel::Goals => goals_page(deck, pick).into_any(),
        DeckLevel::Goal(g) => goal_page(deck, g, pick, open_at, writer.clone()).into_any(),
        DeckLevel::Measure(g, m) => measure_page(deck, g, m, open_at, writer.clone()).into_any(),
    };

    view! {
        <div class="workshop" node_ref=root data-testid="workshop" data-read-only=read_only
            data-level=move || match level.get() { DeckLevel::Goals => "goals", DeckLevel::Goal(_) => "goal", DeckLevel::Measure(..) => "measure" }>
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
