//! Printable A4 reports (through the browser's print to PDF): the numerical-target report laid
//! out like 北本市's summary, one evaluation sheet per measure laid out like 北斗市's, a year's
//! 交付金事業の効果検証 (`grants`), 「意見と市の考え方」 (`opinions`), the 施策体系図 drawn (`tree`)
//! and the strategy document itself (`document`, from the outline the Word document is made of).
//!
//! On screen a report shows as paper under a toolbar (印刷, back, its year and options); in
//! print only the paper is left (`style/print.css`). User text is only ever inserted as text.

mod common;
mod document;
mod grants;
mod opinions;
mod sheets;
mod targets;
mod tree;
mod years;

use crate::session::route::Report;
use crate::ui::kit::not_found::StrategyNotFound;
use crate::ui::state::use_open;
use grants::GrantsReport;
use leptos::prelude::*;
use sheets::SheetsReport;
use targets::TargetsReport;
use tree::TreeReport;

#[component]
pub fn PrintReport(report: Report) -> impl IntoView {
    let open = use_open();
    let open = Memo::new(move |_| open.with(|o| o.as_ref().map(|s| s.id.clone())));
    // The reports' stylesheet (style/print.css) is not part of the first visit: the report is
    // shown once it is there, so that its charts are drawn at the paper's width.
    let styled = RwSignal::new(false);
    leptos::task::spawn_local(async move {
        crate::ui::browser::stylesheet::enabled("print").await;
        styled.try_set(true);
    });
    move || {
        styled.get().then(|| match open.get() {
            Some(id) => match report {
                Report::Targets => view! { <TargetsReport id=id/> }.into_any(),
                Report::Sheets => view! { <SheetsReport id=id/> }.into_any(),
                Report::Grants => view! { <GrantsReport id=id/> }.into_any(),
                Report::Opinions => view! { <opinions::OpinionsReport id=id/> }.into_any(),
                Report::Tree => view! { <TreeReport id=id/> }.into_any(),
                Report::Document => view! { <document::DocumentReport id=id/> }.into_any(),
            },
            None => view! { <StrategyNotFound/> }.into_any(),
        })
    }
}
