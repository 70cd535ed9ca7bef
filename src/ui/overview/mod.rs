//! 概要 (`#/s/<id>`): the open strategy's overview (`kit::strategy_view`), or the panel that it is
//! not stored here.

use crate::ui::kit::not_found::StrategyNotFound;
use crate::ui::kit::strategy_view::StrategyView;
use crate::ui::speech::Speaks;
use crate::ui::state::use_edits;
use leptos::prelude::*;

#[component]
pub fn Overview() -> impl IntoView {
    let state = use_edits();
    move || {
        let lang = state.lang();
        let style = state.year_style();
        match state.open.get() {
            Some(s) => view! { <StrategyView strategy=s lang=lang style=style/> }.into_any(),
            None => view! { <StrategyNotFound/> }.into_any(),
        }
    }
}
