//! The pages behind a route, each loaded on first use: `split!` makes each function a split
//! point of its part (`parts`), so its page's code (and what only it uses) is cut out of the main
//! wasm into the part fetched the first time one of its pages opens (scripts/wasm-split.mjs).
//! The start page, the header and notices stay in the main module; what they show only sometimes (the import preview's
//! dialogs, a notice's words, the regions' rows) is a part too, declared beside its component
//! and shown through `parts`.

use crate::session::route::{Report, Route, WorkshopPage};
use crate::ui::browser::parts::split;
use crate::ui::charts::Dashboard;
use crate::ui::drafting::DraftingPage;
use crate::ui::edit::Editor;
use crate::ui::folder::FolderPage;
use crate::ui::history::HistoryPage;
use crate::ui::output::print::PrintReport;
use crate::ui::output::FilesPage;
use crate::ui::overview::Overview;
use crate::ui::region::RegionPage;
use crate::ui::round::RoundPage;
use crate::ui::vision::VisionPage;
use crate::ui::workshop::Workshop;
use leptos::prelude::*;
use leptos::wasm_split::SplitLoaderError;
use std::future::Future;
use std::pin::Pin;

split!(overview, load: load_overview, pub fn overview_page() -> AnyView {
    view! { <Overview/> }.into_any()
});

split!(
    overview,
    pub fn dashboard_page() -> AnyView {
        view! { <Dashboard/> }.into_any()
    }
);

/// The pages of the `files` part.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FilesPart {
    /// 「Excel・印刷」
    Files,
    /// 照会
    Round,
    /// 共有
    Folder,
    /// 履歴
    History,
    /// 策定
    Drafting,
}

split!(files, load: load_files,
    /// The pages of the `files` part (出力, 照会, 共有, 履歴, 策定): one split point, as all are in
    /// that part (the shared folder's sync is there; a part of its own for a page moves the
    /// code they share into the chunks of the overview's visit).
    pub fn files_page(page: FilesPart) -> AnyView {
        match page {
            FilesPart::Files => view! { <FilesPage/> }.into_any(),
            FilesPart::Round => view! { <RoundPage/> }.into_any(),
            FilesPart::Folder => view! { <FolderPage/> }.into_any(),
            FilesPart::History => view! { <HistoryPage/> }.into_any(),
            FilesPart::Drafting => view! { <DraftingPage/> }.into_any(),
        }
    }
);

split!(vision, load: load_vision,
    /// 人口ビジョン: its intake, scenarios and charts (the census and assumption readers with it).
    pub fn vision_page() -> AnyView {
        view! { <VisionPage/> }.into_any()
    }
);

split!(print, load: load_print, pub fn print_page(report: Report) -> AnyView {
    view! { <PrintReport report=report/> }.into_any()
});

split!(editor, load: load_editor, pub fn editor_page() -> AnyView {
    view! { <Editor/> }.into_any()
});

split!(workshop, load: load_workshop, pub fn workshop_page(page: WorkshopPage) -> AnyView {
    view! { <Workshop page=page/> }.into_any()
});

split!(region, load: load_region, pub fn region_page() -> AnyView {
    view! { <RegionPage/> }.into_any()
});

/// A part's fetch (`split!`'s `load:` function), boxed.
type Load = fn() -> Pin<Box<dyn Future<Output = Result<(), SplitLoaderError>>>>;

/// Starts fetching the parts the page of `route` needs — its page's and the actions' that open a
/// strategy — before storage is opened (`app::mount`), so that fetching and opening overlap.
/// A part that does not arrive here is fetched again when it is used.
pub fn start_loading(route: &Route) {
    let page: Option<Load> = match route {
        Route::List | Route::NotFound(_) => return,
        Route::Strategy(_) | Route::Dashboard(_) => Some(|| Box::pin(load_overview())),
        Route::Print(..) => Some(|| Box::pin(load_print())),
        Route::Vision(_) => Some(|| Box::pin(load_vision())),
        Route::Files(_) | Route::Round(_) | Route::Folder(_) | Route::History(_) | Route::Drafting(_) => {
            Some(|| Box::pin(load_files()))
        }
        Route::Edit(..) => Some(|| Box::pin(load_editor())),
        Route::Workshop(..) => Some(|| Box::pin(load_workshop())),
        Route::Region(_) => Some(|| Box::pin(load_region())),
    };
    // Two tasks: the two parts are fetched side by side.
    if route.strategy_id().is_some() {
        wasm_bindgen_futures::spawn_local(async {
            let _ = crate::ui::state::load_actions().await;
        });
    }
    if let Some(load) = page {
        wasm_bindgen_futures::spawn_local(async move {
            let _ = load().await;
        });
    }
}
