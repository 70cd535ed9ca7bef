//! 共有 (`#/s/<id>/folder`): the shared folder's members (`members`), and a member's version that
//! conflicts with this one (`conflict`).

mod conflict;
mod members;

use crate::ui::kit::nav::StrategyNav;
use crate::ui::speech::Speaks;
use crate::ui::state::use_edits;
use leptos::either::Either;
use leptos::prelude::*;

/// 共有 (`#/s/<id>/folder`): the shared folder and its members.
#[component]
pub fn FolderPage() -> impl IntoView {
    let state = use_edits();
    let open = Memo::new(move |_| state.open.with(|o| o.as_ref().map(|s| s.id.clone())));
    move || match open.get() {
        Some(id) => Either::Left(view! {
            <article class="folder-page" data-testid="folder-page">
                <StrategyNav/>
                <header class="panel strategy-head">
                    <h1>{state.text("共有", "Folder")}</h1>
                    <p class="lead">{state.text(
                        "町役場の共有フォルダに一人一つのファイルを置き、各自のブラウザが互いの変更を取り込みます。",
                        "One file per person in the town hall's shared folder; each browser takes in the others' changes.")}</p>
                </header>
                <members::FolderMembers id=id/>
            </article>
        }),
        None => Either::Right(view! { <crate::ui::kit::not_found::StrategyNotFound/> }),
    }
}
