//! The strategy list's lazily loaded parts: what it shows only sometimes (the form that creates a
//! strategy, the data it keeps, what opening from the shared folder found) is fetched with the part
//! it belongs to (`ui::browser::parts`), not with the first visit.

use super::create_form::CreateForm;
use super::kept::KeptData;
use crate::ui::browser::parts::split;
use leptos::prelude::*;

split!(files, load: load_open_from_folder,
    /// 「共有フォルダから開く」: a strategy of a shared folder taken whole; whether there is
    /// something to show ([`folder_opening`]: the choice among several, or why nothing reads).
    pub async fn open_from_folder(app: crate::ui::state::FolderSyncing) -> bool {
        super::folder_open::open(app).await
    }
);

split!(
    files,
    /// What 「共有フォルダから開く」 found to show, under the list's buttons.
    pub fn folder_opening() -> AnyView {
        super::folder_open::shown()
    }
);

split!(
    list_extras,
    /// The form that creates a strategy (`super::create_form`), opened from the list.
    pub fn create_form(on_done: Callback<()>) -> AnyView {
        view! { <CreateForm on_done=on_done/> }.into_any()
    }
);

split!(
    list_extras,
    /// Backups and unreadable stored data on the list (`super::kept`), when there are any.
    pub fn kept_data() -> AnyView {
        view! { <KeptData/> }.into_any()
    }
);
