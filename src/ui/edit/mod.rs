//! The strategy editor: an outline (goals → measures → initiatives, indicators) beside a form
//! for what is selected, with undo / redo (buttons and Ctrl+Z / Ctrl+Shift+Z / Ctrl+Y) and
//! renumbering. Every change is one undo step and is autosaved.

mod common;
mod departments;
mod goal_form;
mod grant;
mod indicator_form;
mod initiative_form;
mod measure_charts;
mod measure_form;
mod name_focus;
mod outline;
mod period;
pub mod problems;
mod realign;
mod strategy_form;

use crate::session::route::{Route, Selection};
use crate::ui::kit::not_found::StrategyNotFound;
use crate::ui::speech::Speaks;
use crate::ui::state::{use_edits, use_navigation};
use leptos::prelude::*;
use name_focus::NameField;
use wasm_bindgen::JsCast;

#[component]
pub fn Editor() -> impl IntoView {
    let state = use_edits();
    let nav = use_navigation();
    // Kept as it was while the route leaves the editor: a change then would redraw the outline's
    // marks in a page being taken down (the next period's strategy opened from its form).
    let selection = Memo::new(move |before: Option<&Selection>| match nav.route.get() {
        Route::Edit(_, selection) => selection,
        _ => before.cloned().unwrap_or(Selection::Strategy),
    });
    let strategy_id = Memo::new(move |_| state.open.with(|o| o.as_ref().map(|s| s.id.clone())));
    provide_context(indicator_form::series_form::PendingTargetKinds::default());

    // Ctrl+Z / Ctrl+Shift+Z / Ctrl+Y, unless a field holds typed text not yet committed (then
    // the browser's own undo of that text applies).
    let keys = window_event_listener(leptos::ev::keydown, move |ev| {
        if !(ev.ctrl_key() || ev.meta_key()) || ev.is_composing() {
            return;
        }
        let key = ev.key().to_lowercase();
        let forward = match key.as_str() {
            "z" => ev.shift_key(),
            "y" => true,
            _ => return,
        };
        let dirty = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
            .is_some_and(|el| el.has_attribute("data-dirty"));
        if dirty {
            return;
        }
        ev.prevent_default();
        if forward {
            state.redo();
        } else {
            state.undo();
        }
    });
    on_cleanup(move || keys.remove());

    // An item without a name — one just added, or left untitled — opens with its name field
    // focused (which scrolls it into view): the user types its name at once. The form shown
    // loads the field's ref (`name_field`).
    let name_field = NameField(NodeRef::new());
    provide_context(name_field);
    Effect::new(move |_| {
        if !selection.get().is_settings() {
            request_animation_frame(move || name_field.focus_if_unnamed());
        }
    });

    let route_names_open =
        move || nav.route.with_untracked(|r| r.strategy_id().cloned()) == strategy_id.get_untracked();
    let go = move |sel: Selection| {
        if let Some(id) = strategy_id.get_untracked() {
            nav.navigate(Route::Edit(id, sel));
        }
    };

    view! {
        {move || match strategy_id.get() {
            None => view! { <StrategyNotFound/> }.into_any(),
            Some(_) => view! {
                <crate::ui::kit::nav::StrategyNav/>
                <div class="editor" data-testid="editor">
                    <div class="editor-toolbar" role="toolbar" aria-label=state.text("編集の操作", "Editing")>
                        <button type="button" data-testid="undo" aria-keyshortcuts="Control+Z"
                            disabled=move || state.history_depths.get().0 == 0
                            on:click=move |_| state.undo()>{state.text("元に戻す", "Undo")}</button>
                        <button type="button" data-testid="redo" aria-keyshortcuts="Control+Shift+Z Control+Y"
                            disabled=move || state.history_depths.get().1 == 0
                            on:click=move |_| state.redo()>{state.text("やり直す", "Redo")}</button>
                        <button type="button" data-testid="renumber" on:click=move |_| state.edit(|s| s.renumber())>
                            {state.text("番号を振り直す", "Renumber")}
                        </button>
                    </div>
                    <div class="editor-body">
                        <outline::Outline selection=selection go=Callback::new(go)/>
                        <section class="editor-pane">
                            <problems::EntityProblems selection=selection/>
                            {move || match selection.get() {
                                Selection::Strategy => view! { <strategy_form::StrategyForm/> }.into_any(),
                                // Landed on only while the route names the open strategy: a strategy opened
                                // from here (the next period's) redraws this page once before the route
                                // follows it, and must not open the form again in the page being left.
                                Selection::Settings(part) if route_names_open() => view! { <strategy_form::StrategyForm at=part/> }.into_any(),
                                Selection::Settings(_) => view! { <strategy_form::StrategyForm/> }.into_any(),
                                Selection::Goal(id) => view! { <goal_form::GoalForm id=id go=Callback::new(go)/> }.into_any(),
                                Selection::Measure(id) => view! { <measure_form::MeasureForm id=id go=Callback::new(go)/> }.into_any(),
                                Selection::Initiative(id) => view! { <initiative_form::InitiativeForm id=id go=Callback::new(go)/> }.into_any(),
                                Selection::Indicator(id) => view! { <indicator_form::IndicatorForm id=id go=Callback::new(go)/> }.into_any(),
                            }}
                        </section>
                    </div>
                </div>
            }.into_any(),
        }}
    }
}
