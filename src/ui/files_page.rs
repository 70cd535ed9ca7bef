//! A strategy's files page: CSV export for Excel (indicators wide and long, initiatives,
//! evaluations), CSV import of actuals and targets with a preview, JSON export, and the
//! printable reports.

use leptos::prelude::*;

#[component]
pub fn FilesPage() -> impl IntoView {
    view! { <section class="panel" data-testid="files-page"></section> }
}
