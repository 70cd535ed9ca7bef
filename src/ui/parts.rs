//! The app's wasm parts: functions whose code is fetched on first use, grouped by what a visit
//! needs, and shown while they load — nothing for a part, 「読み込み中…」 for a page —
//! or, when a part cannot be fetched even on a second try, a plain message with 再読み込み
//! instead of a dead page.
//!
//! Every split point is declared with [`split!`] and names its part: functions of one part share
//! one wasm module (wasm-split makes a module per name; Leptos' `#[lazy]` gave each function a
//! name of its own, and the shared code between 25 of them became ~600 files). The parts:
//!
//! | part | what is in it |
//! |---|---|
//! | `actions` | saving and opening (every visit past the list), the lists' reading, the notices |
//! | `files` | 出力, 照会, 共有, 履歴 and 策定 (the files page, the round, the members panel, the versions, the drafting stages), the imports' previews and confirmations, backups, the merge, the shared folder's sync (also fetched on a connected strategy's other pages) |
//! | `editor` | the editor |
//! | `overview` | the overview and the dashboard |
//! | `print` | the printed reports (A4: the targets, the evaluation sheets, the grants, the opinions, the 施策体系図, the strategy document) |
//! | `region` | the region page and a region file's outcome |
//! | `list_extras` | the list's form, kept data and region rows |
//! | `workbook_reader`, `workbook_writer`, `document_writer`, `publisher`, `workshop`, `handout` | one big thing each |

use super::speech::{use_speech, Speaks};
use leptos::prelude::*;
use std::cell::Cell;

/// A part of the app that could not be fetched (the network, or a host that no longer has the
/// release this tab started with).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct PartMissing;

impl From<leptos::wasm_split::SplitLoaderError> for PartMissing {
    fn from(_: leptos::wasm_split::SplitLoaderError) -> PartMissing {
        PartMissing
    }
}

/// Declares a function whose code is in the wasm part `$part`, fetched on its first call; the
/// call returns `Err(PartMissing)` when the part cannot be fetched (the loader does not keep a
/// failure: the next call fetches again). An `async fn` is boxed the way Leptos' `#[lazy]` does
/// (a split function cannot be async), and names a function `load: $load` that only fetches its
/// part, for [`load_twice`] before the call (its arguments are moved into the call, so a failed
/// call could not be made again).
macro_rules! split {
    ($part:ident, load: $load:ident, $(#[$m:meta])* $vis:vis fn $name:ident($($arg:ident: $ty:ty),* $(,)?) -> $out:ty $body:block) => {
        $(#[$m])*
        #[::leptos::wasm_split::wasm_split($part, wasm_split_path = ::leptos::wasm_split, fallible, preload($load))]
        $vis fn $name($($arg: $ty),*) -> Result<$out, $crate::ui::parts::PartMissing> {
            Ok($body)
        }
    };
    ($part:ident, $(#[$m:meta])* $vis:vis fn $name:ident($($arg:ident: $ty:ty),* $(,)?) -> $out:ty $body:block) => {
        $(#[$m])*
        #[::leptos::wasm_split::wasm_split($part, wasm_split_path = ::leptos::wasm_split, fallible)]
        $vis fn $name($($arg: $ty),*) -> Result<$out, $crate::ui::parts::PartMissing> {
            Ok($body)
        }
    };
    ($part:ident, load: $load:ident, $(#[$m:meta])* $vis:vis async fn $name:ident($($arg:ident: $ty:ty),* $(,)?) -> $out:ty $body:block) => {
        $(#[$m])*
        #[::leptos::wasm_split::wasm_split(
            $part,
            wasm_split_path = ::leptos::wasm_split,
            fallible,
            preload($load),
            return_wrapper(let future = _; { Ok(future?.await) } -> Result<$out, $crate::ui::parts::PartMissing>)
        )]
        #[allow(clippy::type_complexity)]
        $vis fn $name($($arg: $ty),*) -> Result<
            ::std::pin::Pin<Box<dyn ::std::future::Future<Output = $out> + Send + Sync>>,
            $crate::ui::parts::PartMissing,
        > {
            Ok(Box::pin(::leptos::__reexports::send_wrapper::SendWrapper::new(async move $body)))
        }
    };
}
pub(crate) use split;

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
/// the banner of [`MissingPart`] when it cannot be fetched).
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

/// A part's fetch, boxed: one type for every part.
type Loading = std::pin::Pin<Box<dyn std::future::Future<Output = Result<(), leptos::wasm_split::SplitLoaderError>>>>;

/// Fetches a part (`load`: the function `split!` names), once more when it did not arrive; an
/// error (and the banner) when it still did not. Every call returns the same future type, so
/// the fetching is compiled once (generic over each part's loader, the start-up module would hold
/// a copy per call).
pub fn load_twice<F>(load: fn() -> F) -> impl std::future::Future<Output = Result<(), PartMissing>>
where
    F: std::future::Future<Output = Result<(), leptos::wasm_split::SplitLoaderError>> + 'static,
{
    fetch_twice(Box::new(move || Box::pin(load()) as Loading))
}

async fn fetch_twice(load: Box<dyn Fn() -> Loading>) -> Result<(), PartMissing> {
    if load().await.is_ok() || load().await.is_ok() {
        return Ok(());
    }
    report_missing();
    Err(PartMissing)
}

thread_local! {
    /// Whether a part could not be fetched, once [`MissingPart`] is on the page.
    static MISSING: Cell<Option<RwSignal<bool>>> = const { Cell::new(None) };
}

/// Shows the missing part's message (a part did not arrive twice).
pub fn report_missing() {
    if let Some(missing) = MISSING.get() {
        missing.set(true);
    }
}

/// The message that a part of the app could not be fetched, with 再読み込み: in the main module,
/// above every page, so that it can be shown whatever did not arrive. What was typed is kept:
/// a change waiting to be saved is kept as a draft when the page goes away
/// (`AppState::keep_unsaved`) and applied at the next start.
#[component]
pub fn MissingPart() -> impl IntoView {
    let missing = RwSignal::new(false);
    MISSING.set(Some(missing));
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
