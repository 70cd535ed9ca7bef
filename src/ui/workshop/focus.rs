//! Where the presentation puts the keyboard focus: on the current item of the page shown, or on
//! the page's heading when it has no items. Each page hands over its items' refs when it is
//! drawn; nothing is looked up in the document.

use crate::session::workshop_nav::DeckPlace;
use leptos::html;
use leptos::prelude::*;

/// One item's element: a card (a goal or a measure, a button) or an indicator (its chart's
/// section).
#[derive(Clone, Copy)]
pub(super) enum ItemRef {
    Card(NodeRef<html::Button>),
    Indicator(NodeRef<html::Section>),
}

impl ItemRef {
    /// The element, once drawn (none when its page was replaced since).
    fn element(self) -> Option<web_sys::HtmlElement> {
        match self {
            ItemRef::Card(r) => r.try_get_untracked().flatten().map(Into::into),
            ItemRef::Indicator(r) => r.try_get_untracked().flatten(),
        }
    }
}

/// The focus targets of the page shown: its items by position, and its heading.
#[derive(Clone, Copy)]
pub(super) struct FocusTargets {
    /// Every page's heading loads this one ref; the page drawn last is the one shown.
    heading: NodeRef<html::H1>,
    items: StoredValue<Vec<ItemRef>>,
}

impl FocusTargets {
    pub fn new() -> FocusTargets {
        FocusTargets { heading: NodeRef::new(), items: StoredValue::new(Vec::new()) }
    }

    /// The ref for the heading of a page.
    pub fn heading(self) -> NodeRef<html::H1> {
        self.heading
    }

    /// The items of the page being drawn, item `k` at position `k`: they replace the last page's.
    pub fn set_items(self, items: Vec<ItemRef>) {
        self.items.set_value(items);
    }

    /// The element to focus for an item: the item, or the heading when it has none.
    fn target(self, item: usize) -> Option<web_sys::HtmlElement> {
        let item = self.items.try_with_value(|items| items.get(item).copied()).flatten();
        item.and_then(ItemRef::element).or_else(|| self.heading.try_get_untracked().flatten().map(Into::into))
    }
}

/// True while the user types in a field (the idea field): the focus stays there.
fn typing() -> bool {
    let active = web_sys::window().and_then(|w| w.document()).and_then(|d| d.active_element());
    active.is_some_and(|a| matches!(a.tag_name().as_str(), "INPUT" | "TEXTAREA" | "SELECT"))
}

/// Moves the keyboard focus to the current item of the level shown (or its heading when it has
/// no items), after the DOM has followed — unless the user is typing in the idea field.
///
/// The item is read when it runs, not when it was asked for: keys pressed quickly (→ PageDown
/// PageUp) must not leave the focus, and so the highlight, on an item passed over.
pub(super) fn focus_current(place: RwSignal<DeckPlace>, targets: FocusTargets) {
    let run = move || {
        let Some(item) = place.try_get_untracked().map(|p| p.item) else { return };
        if typing() {
            return;
        }
        if let Some(el) = targets.target(item) {
            let _ = el.focus();
        }
    };
    // At once, so the next key (a separate event) already finds the focus on the current item
    // (a key on a focused card acts on that card); and again after the frame, when a new level's
    // page has been drawn.
    run();
    request_animation_frame(run);
}
