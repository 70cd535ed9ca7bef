//! A part of the page whose code is fetched on first use (a `#[lazy]` function, declared beside
//! its component: `pages` for the routes' pages), shown while it loads: nothing for a part, 「読み込み中…」
//! for a page.

use super::speech::{use_speech, Speaks};
use leptos::prelude::*;

/// A part's view, still to come: one type for every part, so that the suspense around it is
/// compiled once (each future type of its own made the page's start-up module carry another copy
/// of the suspense's code: issue 33).
type Coming = std::pin::Pin<Box<dyn std::future::Future<Output = AnyView> + Send>>;

/// A part of a page whose code is fetched on first use, with nothing shown while it loads.
pub fn lazy_part(part: impl std::future::Future<Output = AnyView> + Send + 'static) -> AnyView {
    part_when_loaded(Box::pin(part))
}

fn part_when_loaded(part: Coming) -> AnyView {
    view! { <Suspense fallback=|| ()>{Suspend::new(part)}</Suspense> }.into_any()
}

/// A page whose code is fetched on first use (`pages`): a short notice while it loads.
pub fn lazy_page(page: impl std::future::Future<Output = AnyView> + Send + 'static) -> AnyView {
    page_when_loaded(Box::pin(page))
}

fn page_when_loaded(page: Coming) -> AnyView {
    let state = use_speech();
    view! {
        <Suspense fallback=move || view! { <p class="page-loading" data-testid="page-loading">{state.text("読み込み中…", "Loading…")}</p> }>
            {Suspend::new(page)}
        </Suspense>
    }
    .into_any()
}
