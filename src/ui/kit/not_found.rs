//! The panel every strategy page shows when the strategy in its address is not stored here.

use crate::ui::speech::{use_speech, Speaks};
use leptos::prelude::*;

#[component]
pub fn StrategyNotFound() -> impl IntoView {
    let state = use_speech();
    view! {
        <section class="panel" data-testid="not-found">
            <h1>{state.text("この戦略は見つかりません", "This strategy was not found")}</h1>
            <p>{state.text("削除されたか、このブラウザには保存されていません。", "It was deleted, or it is not stored in this browser.")}</p>
            <a href="#/">{state.text("戦略一覧へ", "To the strategy list")}</a>
        </section>
    }
}
