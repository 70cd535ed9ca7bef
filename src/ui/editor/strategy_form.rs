//! (being written) The form for one kind of entity.

use crate::model::Id;
use crate::ui::route::Selection;
use leptos::prelude::*;

#[component]
pub fn StrategyForm() -> impl IntoView {
    view! { <p>"…"</p> }
}
