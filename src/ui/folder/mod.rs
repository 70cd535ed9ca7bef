//! 共有 (`#/s/<id>/folder`): the shared folder's members (`members`), and a member's version that
//! conflicts with this one (`conflict`).

mod conflict;
mod members;

use crate::ui::kit::job_page::{JobHead, JobPage};
use leptos::prelude::*;

/// 共有 (`#/s/<id>/folder`): the shared folder and its members.
#[component]
pub fn FolderPage() -> impl IntoView {
    view! {
        <JobPage class="folder-page" testid="folder-page" let:id>
            <JobHead title=("共有", "Folder") lead=(
                "町役場の共有フォルダに一人一つのファイルを置き、各自のブラウザが互いの変更を取り込みます。",
                "One file per person in the town hall's shared folder; each browser takes in the others' changes.",
            )/>
            <members::FolderMembers id=id/>
        </JobPage>
    }
}
