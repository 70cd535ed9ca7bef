//! How the shared folder's sync starts away from the strategy's 照会・共同作業 page:
//! 「共有フォルダから開く」 on the list takes a folder's strategy whole (the user chooses when
//! it holds several; files that do not read are listed with their reasons); a strategy connected in
//! this browser (the preferences list it) resumes its sync on any page of it ([`resume`], in the
//! `files` part), and after a restart whose permission is "prompt" a notice offers
//! 「共有フォルダに再接続」 ([`reconnect_from_notice`]). The sync itself is `folder_sync`'s.

use super::folder_sync::{current, sync_for};
use super::{Facade, FolderSyncing};
use crate::model::Id;
use crate::session::folder::{InFolder, RefusedFile, SyncError};
use crate::storage::{self, DiskFolder};
use crate::ui::browser::files;
use leptos::task::spawn_local;

/// What a folder picked with 「共有フォルダから開く」 holds.
#[derive(Clone)]
pub enum PickedFolder {
    /// Picking was cancelled, or the one strategy it holds was opened.
    Done,
    /// Nothing opened, and why: the folder could not be read, or none of its files reads
    /// (each with its reasons).
    Nothing { said: String, refused: Vec<RefusedFile> },
    /// Several strategies: the user chooses one ([`open_picked`]), the others stay unread.
    Choose(Vec<InFolder>),
}

thread_local! {
    /// The folder a choice of [`PickedFolder::Choose`] is made in.
    static PICKED: std::cell::RefCell<Option<DiskFolder>> = const { std::cell::RefCell::new(None) };
}

/// 「共有フォルダから開く」 on the strategy list: a folder picked; when it holds members' files
/// of one strategy, that strategy is opened ([`open_picked`]); of several, the user chooses.
pub async fn open_from_folder(app: FolderSyncing) -> PickedFolder {
    let lang = app.app().lang();
    let folder = match DiskFolder::pick().await {
        Ok(Some(f)) => f,
        Ok(None) => return PickedFolder::Done,
        Err(e) => {
            return PickedFolder::Nothing {
                said: crate::words::folder::sync_error(&SyncError::Folder(e), lang),
                refused: Vec::new(),
            }
        }
    };
    let (found, refused) = match crate::session::folder::strategies_in(&folder).await {
        Ok(found) => found,
        Err(e) => {
            return PickedFolder::Nothing { said: crate::words::folder::sync_error(&e, lang), refused: Vec::new() }
        }
    };
    PICKED.with(|p| *p.borrow_mut() = Some(folder));
    match found.as_slice() {
        [] => PickedFolder::Nothing { said: crate::words::folder::nothing_to_open(refused.len(), lang), refused },
        [one] => match open_picked(app, one).await {
            Some(said) => PickedFolder::Nothing { said, refused: Vec::new() },
            None => PickedFolder::Done,
        },
        _ => PickedFolder::Choose(found),
    }
}

/// Opens `chosen` of the folder last picked: stored whole (`folder::take_whole`, with its
/// lineage) when this browser does not hold it, the folder kept for it, its 照会・共同作業 page opened
/// (where its sync starts). Returns what to say when it could not be opened.
pub async fn open_picked(app: FolderSyncing, chosen: &InFolder) -> Option<String> {
    let lang = app.app().lang();
    let folder = PICKED.with(|p| p.borrow().clone())?;
    let store = app.store();
    if !store.has(&chosen.id).await.unwrap_or(true) {
        match crate::session::folder::take_whole(&store, &folder, &chosen.id, &files::now()).await {
            Ok(Some(_)) => {}
            Ok(None) => return Some(crate::words::folder::nothing_to_open(0, lang)),
            Err(e) => return Some(crate::words::folder::sync_error(&e, lang)),
        }
    }
    storage::keep_folder(chosen.id.as_str(), &folder).await;
    app.remember_folder(&chosen.id);
    app.taken_whole(chosen.id.clone()).await;
    None
}

/// A strategy connected to a shared folder in this browser syncs on every page of it:
/// the app calls this when such a strategy opens. The sync's code is in the `files` part (the
/// 照会・共同作業 page shows the folder's section), fetched here: a strategy with no folder never
/// fetches it on its other pages. (A part of its own would share so much code with the others
/// that wasm-split's chunks would carry it into `actions`, on every visit.)
pub fn resume(app: FolderSyncing, id: Id) {
    if current(&id).is_some() || !storage::folder_api_available() {
        return;
    }
    spawn_local(async move {
        if crate::ui::browser::parts::load_twice(load_folder_part).await.is_err() || resume_part(app, id).await.is_err()
        {
            crate::ui::browser::parts::report_missing();
        }
    });
}

/// What the notice's button runs (see [`install`]).
type Reconnect = fn(FolderSyncing, Id);

thread_local! {
    static RECONNECT: std::cell::Cell<Option<Reconnect>> = const { std::cell::Cell::new(None) };
}

/// Lets the notice's 「共有フォルダに再接続」 reach the sync: the app calls it once, at start-up.
/// (The notice is a part of its own; calling another part's split function from inside one
/// kept that function's import unresolved in the debug builds of the browser tests, whose
/// page then never ran. Reached through this pointer, it is only linked where the app is.)
pub fn install() {
    RECONNECT.set(Some(reconnect_now));
}

/// The notice's 「共有フォルダに再接続」 (the notice comes from [`resume`]).
pub fn reconnect_from_notice(app: FolderSyncing, id: Id) {
    if let Some(reconnect) = RECONNECT.get() {
        reconnect(app, id);
    }
}

/// Through the `files` part, already fetched then, so that the sync's code stays out of the
/// notices' part (`actions`, on every visit past the list: calling the sync from there would
/// put the whole sync in it).
fn reconnect_now(app: FolderSyncing, id: Id) {
    spawn_local(async move {
        if crate::ui::browser::parts::load_twice(load_reconnect_part).await.is_err()
            || reconnect_part(app, id).await.is_err()
        {
            crate::ui::browser::parts::report_missing();
        }
    });
}

crate::ui::browser::parts::split!(files, load: load_reconnect_part,
    /// [`FolderSyncing::reconnect_folder`], in the `files` part.
    fn reconnect_part(app: FolderSyncing, id: Id) -> () {
        app.reconnect_folder(&id);
    }
);

crate::ui::browser::parts::split!(files, load: load_folder_part,
    /// The sync of strategy `id` started: its kept folder looked up, connected when the browser
    /// still grants it, else a notice offers to reconnect.
    fn resume_part(app: FolderSyncing, id: Id) -> () {
        sync_for(app, &id);
    }
);
