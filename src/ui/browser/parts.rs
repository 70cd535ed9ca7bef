//! The app's wasm parts: functions whose code is fetched on first use, grouped by what a visit
//! needs, fetched once more when they do not arrive, and reported missing (the banner,
//! `shell::missing_part`) when they still do not. What is shown while they load is `kit::lazy`'s.
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
        $vis fn $name($($arg: $ty),*) -> Result<$out, $crate::ui::browser::parts::PartMissing> {
            Ok($body)
        }
    };
    ($part:ident, $(#[$m:meta])* $vis:vis fn $name:ident($($arg:ident: $ty:ty),* $(,)?) -> $out:ty $body:block) => {
        $(#[$m])*
        #[::leptos::wasm_split::wasm_split($part, wasm_split_path = ::leptos::wasm_split, fallible)]
        $vis fn $name($($arg: $ty),*) -> Result<$out, $crate::ui::browser::parts::PartMissing> {
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
            return_wrapper(let future = _; { Ok(future?.await) } -> Result<$out, $crate::ui::browser::parts::PartMissing>)
        )]
        #[allow(clippy::type_complexity)]
        $vis fn $name($($arg: $ty),*) -> Result<
            ::std::pin::Pin<Box<dyn ::std::future::Future<Output = $out> + Send + Sync>>,
            $crate::ui::browser::parts::PartMissing,
        > {
            Ok(Box::pin(::leptos::__reexports::send_wrapper::SendWrapper::new(async move $body)))
        }
    };
}
pub(crate) use split;

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
    /// Whether a part could not be fetched, once `shell::missing_part::MissingPart` is on the page.
    static MISSING: Cell<Option<RwSignal<bool>>> = const { Cell::new(None) };
}

/// Where the missing part's message is shown: the signal [`MissingPart`] reads.
///
/// [`MissingPart`]: crate::ui::shell::missing_part::MissingPart
pub fn show_missing_in(missing: RwSignal<bool>) {
    MISSING.set(Some(missing));
}

/// Shows the missing part's message (a part did not arrive twice).
pub fn report_missing() {
    if let Some(missing) = MISSING.get() {
        missing.set(true);
    }
}
