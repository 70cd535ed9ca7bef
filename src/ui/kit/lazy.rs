//! What is shown while a lazily loaded part arrives (`browser::parts` fetches it): nothing for a
//! part of a page, 「読み込み中…」 for a page, and, when it cannot be fetched even on a second try,
//! the missing part's banner (`shell::missing_part`) instead of a dead page.

use crate::ui::browser::parts::{report_missing, PartMissing};
use crate::ui::speech::{use_speech, Speaks};
use leptos::prelude::*;

/// A part's view, still to come: one type for every part, so that the suspense around it is
/// compiled once (each future type of its own made the page's start-up module carry another copy
/// of the suspense's code).
type Coming = std::pin::Pin<Box<dyn std::future::Future<Output = Result<AnyView, PartMissing>> + Send>>;
type Fetch = Box<dyn Fn() -> Coming + Send + Sync>;

/// Calls `fetch` once more when its part did not arrive (a dropped connection), then says that a
/// part is missing.
async fn twice(fetch: Fetch) -> Result<AnyView, PartMissing> {
    match fetch().await {
        Ok(view) => Ok(view),
        Err(PartMissing) => {
            let again = fetch().await;
            if again.is_err() {
                report_missing();
            }
            again
        }
    }
}

/// A part of a page whose code is fetched on first use, with nothing shown while it loads (and
/// the banner of `shell::missing_part::MissingPart` when it cannot be fetched).
pub fn lazy_part<F>(part: impl Fn() -> F + Send + Sync + 'static) -> AnyView
where
    F: std::future::Future<Output = Result<AnyView, PartMissing>> + Send + 'static,
{
    part_when_loaded(Box::new(move || Box::pin(part())))
}

fn part_when_loaded(fetch: Fetch) -> AnyView {
    let shown = async move { twice(fetch).await.unwrap_or_else(|PartMissing| ().into_any()) };
    view! { <Suspense fallback=|| ()>{Suspend::new(shown)}</Suspense> }.into_any()
}

/// A page whose code is fetched on first use (`pages`): a short notice while it loads, the
/// missing part's message in its place when it cannot be fetched.
pub fn lazy_page<F>(page: impl Fn() -> F + Send + Sync + 'static) -> AnyView
where
    F: std::future::Future<Output = Result<AnyView, PartMissing>> + Send + 'static,
{
    page_when_loaded(Box::new(move || Box::pin(page())))
}

fn page_when_loaded(fetch: Fetch) -> AnyView {
    let state = use_speech();
    // The page's place stays empty: the banner (always in the main module) says what happened.
    let shown = async move { twice(fetch).await.unwrap_or_else(|PartMissing| ().into_any()) };
    view! {
        <Suspense fallback=move || view! { <p class="page-loading" data-testid="page-loading">{state.text("読み込み中…", "Loading…")}</p> }>
            {Suspend::new(shown)}
        </Suspense>
    }
    .into_any()
}
