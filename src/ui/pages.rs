//! The pages behind a route, each loaded on first use: `#[lazy]` makes each function a split
//! point, so its page's code (and what only it uses) is cut out of the main wasm into a part
//! fetched the first time the page opens (scripts/wasm-split.mjs). The start page, the header
//! and notices stay in the main module; the import preview's dialogs are parts too.

use super::create_form::CreateForm;
use super::dashboard::Dashboard;
use super::editor::Editor;
use super::files_page::FilesPage;
use super::import_preview::{EverythingPreview, StrategyPreview};
use super::kept::KeptData;
use super::notices::NoticeView;
use super::overview::Overview;
use super::print::PrintReport;
use super::region::{BringInResults, NewerVersions, RegionBackupRows, RegionPage, RegionRows};
use super::speech::{use_speech, Speaks};
use super::state::BringInResult;
use super::workshop::Workshop;
use crate::session::route::{Report, WorkshopPage};
use leptos::prelude::*;

#[lazy]
pub fn overview_page() -> AnyView {
    view! { <Overview/> }.into_any()
}

#[lazy]
pub fn dashboard_page() -> AnyView {
    view! { <Dashboard/> }.into_any()
}

#[lazy]
pub fn files_page() -> AnyView {
    view! { <FilesPage/> }.into_any()
}

#[lazy]
pub fn print_page(report: Report) -> AnyView {
    view! { <PrintReport report=report/> }.into_any()
}

#[lazy]
pub fn editor_page() -> AnyView {
    view! { <Editor/> }.into_any()
}

#[lazy]
pub fn workshop_page(page: WorkshopPage) -> AnyView {
    view! { <Workshop page=page/> }.into_any()
}

#[lazy]
pub fn region_page() -> AnyView {
    view! { <RegionPage/> }.into_any()
}

/// What came of a region file opened from the strategy list: each town's outcome and the newer
/// versions to confirm (which replace a stored town, with the import's code).
#[lazy]
pub fn region_file_results(result: RwSignal<Option<BringInResult>>) -> AnyView {
    view! {
        <BringInResults result=result/>
        <NewerVersions result=result/>
    }
    .into_any()
}

/// The regions' rows on the strategy list, when there are any (`region::list`).
#[lazy]
pub fn region_rows() -> AnyView {
    view! { <RegionRows/> }.into_any()
}

/// The region backups on the strategy list, when there are any (`region::list`).
#[lazy]
pub fn region_backup_rows() -> AnyView {
    view! { <RegionBackupRows/> }.into_any()
}

#[lazy]
pub fn strategy_preview() -> AnyView {
    view! { <StrategyPreview/> }.into_any()
}

#[lazy]
pub fn everything_preview() -> AnyView {
    view! { <EverythingPreview/> }.into_any()
}

/// The form that creates a strategy (`create_form`), opened from the list.
#[lazy]
pub fn create_form(on_done: Callback<()>) -> AnyView {
    view! { <CreateForm on_done=on_done/> }.into_any()
}

/// Backups and unreadable stored data on the list (`kept`), when there are any.
#[lazy]
pub fn kept_data() -> AnyView {
    view! { <KeptData/> }.into_any()
}

/// The notice area's words and actions (`notices`).
#[lazy]
pub fn notice_view() -> AnyView {
    view! { <NoticeView/> }.into_any()
}

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
