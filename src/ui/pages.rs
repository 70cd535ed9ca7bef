//! The pages behind a route, each loaded on first use: `#[lazy]` makes each function a split
//! point, so its page's code (and what only it uses) is cut out of the main wasm into a part
//! fetched the first time the page opens (scripts/wasm-split.mjs). The start page, the header
//! and notices stay in the main module; what they show only sometimes (the import preview's
//! dialogs, a notice's words, the regions' rows) is a part too, declared beside its component
//! and shown through `parts`.

use super::create_form::CreateForm;
use super::dashboard::Dashboard;
use super::editor::Editor;
use super::files_page::FilesPage;
use super::kept::KeptData;
use super::overview::Overview;
use super::print::PrintReport;
use super::region::RegionPage;
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
