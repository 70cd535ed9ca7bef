//! 「更新があります」: the notice shown when a new version of the app is installed and waiting
//! (web/sw-register.js sets `<html data-update-ready>` and dispatches `shirube-update-ready`).
//! 「更新する」 saves what is waiting, then asks the new version to take over; the page reloads
//! once when it has. Nothing reloads unless the user clicks. Not for the single file or a
//! hand-out (no service worker there, so this never shows).

use crate::ui::speech::Speaks;
use crate::ui::state::use_edits;
use leptos::prelude::*;
use wasm_bindgen::{JsCast, JsValue};

const READY_ATTRIBUTE: &str = "data-update-ready";
const READY_EVENT: &str = "shirube-update-ready";

fn update_waiting() -> bool {
    web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.document_element())
        .is_some_and(|root| root.has_attribute(READY_ATTRIBUTE))
}

/// Calls `window.shirubeApplyUpdate()` (web/sw-register.js); false when there is nothing to apply.
fn apply_update() -> bool {
    let Some(window) = web_sys::window() else { return false };
    let Ok(f) = js_sys::Reflect::get(&window, &JsValue::from_str("shirubeApplyUpdate")) else { return false };
    let Some(f) = f.dyn_ref::<js_sys::Function>() else { return false };
    f.call0(&window).ok().and_then(|v| v.as_bool()).unwrap_or(false)
}

#[component]
pub fn UpdatePrompt() -> impl IntoView {
    let state = use_edits();
    // The event may have fired before the app started: the attribute says so too.
    let ready = RwSignal::new(update_waiting());
    let applying = RwSignal::new(false);
    let _ = window_event_listener(leptos::ev::Custom::<web_sys::Event>::new(READY_EVENT), move |_| ready.set(true));
    let update = move |_| {
        // Commit the field being typed in and save a waiting change before the page goes.
        state.flush();
        applying.set(apply_update());
    };
    move || {
        ready.get().then(|| view! {
            <div class="notice update-prompt" role="status" data-testid="update-prompt">
                <p class="notice-headline">{state.tr("更新があります", "An update is available")}</p>
                <p>{state.tr(
                    "新しい版の しるべ が使えます。「更新する」を押すと、入力中の内容を保存してから読み込み直します。",
                    "A new version of Shirube is ready. \"Update\" saves what you typed, then reloads the page.",
                )}</p>
                <div class="notice-actions">
                    <button type="button" class="primary" data-testid="apply-update" disabled=move || applying.get() on:click=update>
                        {move || if applying.get() { state.tr("更新しています…", "Updating…") } else { state.tr("更新する", "Update") }}
                    </button>
                    <button type="button" class="quiet" data-testid="later" on:click=move |_| ready.set(false)>{state.tr("後で", "Later")}</button>
                </div>
            </div>
        })
    }
}
