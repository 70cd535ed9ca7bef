//! What the page starts with (`Start::open`): the browser's storage opened (an earlier
//! release's data moved over), the changes and preferences a page left unsaved when it went
//! away applied, and the preferences read.

use super::*;
use crate::ui::browser::parts::{self, PartMissing};

/// What the page starts with: the opened storage and what it held of preferences.
#[derive(Clone)]
pub struct Start {
    pub store: Rc<BrowserStore>,
    pub opened: OpenedStorage,
    pub prefs: Preferences,
    /// Titles of strategies whose unsaved change on closing was kept in the history instead
    /// (another tab had saved since).
    pub drafts_kept: Vec<Notice>,
    /// A bring-in's log is stored (`storage::IntakeLog`): one running in another tab, or one
    /// left unfinished.
    pub intake_log: bool,
}

impl Start {
    /// Opens the browser's storage (IndexedDB, with an earlier release's data moved over from
    /// `localStorage`; see `BrowserStore::browser`) and reads the preferences.
    pub async fn open() -> Start {
        let now = files::now();
        let (store, opened) = match BrowserStore::opening().await {
            crate::storage::Opening::Ready(store, opened) => (store, opened),
            crate::storage::Opening::Move(idb, local) => match parts::load_twice(actions::load_move_old_data).await {
                Ok(()) => match actions::move_old_data(idb, local, now.clone()).await {
                    Ok(moved) => moved,
                    Err(PartMissing) => BrowserStore::browser_local(),
                },
                // The earlier release's data stays where it is, and is used as it is there
                // (the banner asks for a reload, which moves it).
                Err(PartMissing) => BrowserStore::browser_local(),
            },
        };
        // Changes the page could not save when it last went away, before anything is shown.
        let store = Rc::new(store);
        let drafts = crate::storage::drafts();
        // A draft whose part did not arrive stays kept, for the next start.
        let drafts_kept = if drafts.is_empty() || parts::load_twice(actions::load_apply_drafts).await.is_err() {
            Vec::new()
        } else {
            actions::apply_drafts(store.clone(), drafts, now).await.unwrap_or_default()
        };
        // Preferences kept as the page went away with their write unfinished are the latest.
        let prefs = match crate::storage::kept_preferences() {
            Some(kept) => {
                if store.save_preferences(&kept).await.is_ok() {
                    crate::storage::drop_kept_preferences();
                }
                kept
            }
            None => store.preferences().await,
        };
        let intake_log = store.has_intake_log().await;
        Start { store, opened, prefs, drafts_kept, intake_log }
    }
}

/// [`Start::open`]'s drafts applied (in the actions' part: a page that left nothing unsaved
/// never fetches it).
pub(in crate::ui::state) async fn apply_drafts_now(
    store: Rc<BrowserStore>,
    drafts: Vec<crate::storage::KeptDraft>,
    now: String,
) -> Vec<Notice> {
    let mut drafts_kept = Vec::new();
    for draft in drafts {
        // A draft that cannot be applied stays in localStorage for the next start; the
        // stored version is untouched.
        if let Ok(outcome) = store.apply_draft(&draft.file, draft.base, &now).await {
            match outcome {
                DraftOutcome::KeptAsVersion { title } => drafts_kept.push(Notice::TookOtherTab { kept: true, title }),
                DraftOutcome::KeptAsBackup { title } => drafts_kept.push(Notice::DraftKeptAsBackup { title }),
                DraftOutcome::AlreadyStored | DraftOutcome::Saved => {}
            }
            crate::storage::drop_draft(&draft.key);
        }
    }
    drafts_kept
}
