//! 履歴 (`#/s/<id>/history`): the version history (`versions`).

mod versions;

use crate::ui::kit::nav::StrategyNav;
use crate::ui::speech::Speaks;
use crate::ui::state::use_edits;
use leptos::either::Either;
use leptos::prelude::*;

/// 履歴 (`#/s/<id>/history`): the versions, looking at one, restoring one.
#[component]
pub fn HistoryPage() -> impl IntoView {
    let state = use_edits();
    let open = Memo::new(move |_| state.open.with(|o| o.as_ref().map(|s| s.id.clone())));
    move || match open.get() {
        Some(id) => Either::Left(view! {
            <article class="history-page" data-testid="history-page">
                <StrategyNav/>
                <header class="panel strategy-head">
                    <h1>{state.text("履歴", "History")}</h1>
                </header>
                <versions::VersionHistory id=id/>
            </article>
        }),
        None => Either::Right(view! { <crate::ui::kit::not_found::StrategyNotFound/> }),
    }
}
