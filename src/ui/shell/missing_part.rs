//! The banner that a part of the app could not be fetched, above every page.

use crate::ui::browser::parts::show_missing_in;
use crate::ui::speech::{use_speech, Speaks};
use leptos::prelude::*;

/// The message that a part of the app could not be fetched, with 再読み込み: in the main module,
/// above every page, so that it can be shown whatever did not arrive. What was typed is kept:
/// a change waiting to be saved is kept as a draft when the page goes away
/// (`AppState::keep_unsaved`) and applied at the next start.
#[component]
pub fn MissingPart() -> impl IntoView {
    let missing = RwSignal::new(false);
    show_missing_in(missing);
    let state = use_speech();
    let reload = |_| {
        if let Some(w) = web_sys::window() {
            let _ = w.location().reload();
        }
    };
    move || {
        missing.get().then(|| {
            view! {
                <section class="panel notice error" role="alert" data-testid="part-missing">
                    <p>{state.text(
                        "アプリの一部を読み込めませんでした（通信が切れたか、アプリが更新されました）。再読み込みしてください。入力した内容は失われません。",
                        "A part of the app could not be loaded (the connection dropped, or the app was updated). Please reload; nothing you entered is lost.",
                    )}</p>
                    <button type="button" class="primary" data-testid="part-missing-reload" on:click=reload>
                        {state.text("再読み込み", "Reload")}
                    </button>
                </section>
            }
        })
    }
}
