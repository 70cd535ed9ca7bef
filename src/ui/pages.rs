//! The pages behind a route, each loaded on first use: `#[lazy]` makes each function a split
//! point, so its page's code (and what only it uses) is cut out of the main wasm into a part
//! fetched the first time the page opens (scripts/wasm-split.mjs). The start page, the header,
//! notices and the import preview stay in the main module.

use super::dashboard::Dashboard;
use super::editor::Editor;
use super::files_page::FilesPage;
use super::overview::Overview;
use super::print::PrintReport;
use super::route::{Report, WorkshopPage};
use super::workshop::Workshop;
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
