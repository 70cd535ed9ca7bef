//! 履歴 (`#/s/<id>/history`): the version history (`versions`).

mod versions;

use crate::ui::kit::job_page::{JobHead, JobPage};
use leptos::prelude::*;

/// 履歴 (`#/s/<id>/history`): the versions, looking at one, restoring one.
#[component]
pub fn HistoryPage() -> impl IntoView {
    view! {
        <JobPage class="history-page" testid="history-page" let:id>
            <JobHead title=("履歴", "History")/>
            <versions::VersionHistory id=id/>
        </JobPage>
    }
}
