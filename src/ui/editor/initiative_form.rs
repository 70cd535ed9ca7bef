//! (being written) The form for one kind of entity.

use crate::model::Id;
use crate::ui::route::Selection;
use leptos::prelude::*;

#[component]
pub fn InitiativeForm(id: Id, go: Callback<Selection>) -> impl IntoView {
    view! { <p>"…"</p> }
}
