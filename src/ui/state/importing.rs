//! The import's context: what the import dialog and the places that take files may
//! do — take a picked or dropped file into the preview, confirm or cancel it, hand a dropped CSV
//! to the strategy's CSV import, and read a town's table's remembered mappings.

use super::act::Action;
use super::reads::TableMappings;
use super::*;
use crate::model::round::OnConfirmed;

#[derive(Clone, Copy)]
pub struct Importing {
    app: AppState,
    /// The import dialog: a file being read, or read and waiting for the user's choice.
    pub import: Shown<ImportFlow>,
    /// A CSV dropped on the window, waiting for the files page's CSV import to take it.
    pub dropped_csv: RwSignal<Option<web_sys::File>, LocalStorage>,
}

pub fn use_importing() -> Importing {
    let app = use_app();
    Importing { app, import: Shown::of(app.import), dropped_csv: app.dropped_csv }
}

impl Facade for Importing {
    fn app(&self) -> AppState {
        self.app
    }
}

impl Importing {
    /// Reads a file the user picked or dropped and shows the import preview; nothing is stored
    /// until the user confirms it there. A file over the size limit is refused before it is
    /// read; one that does not read cleanly is refused with what is wrong and where.
    pub fn take_file(&self, file: web_sys::File) {
        let state = self.app;
        let name = file.name();
        let Some(ticket) = state.import.try_update(|f| f.start(&name)) else { return };
        spawn_local(async move {
            let bytes = files::read_bytes(&file).await;
            // Let the "reading" dialog paint before the (synchronous) checks of a large file.
            files::next_frame().await;
            // Cancelled while reading (or another file came in meanwhile): drop this one.
            if !state.import.with_untracked(|f| f.wants(ticket)) {
                return;
            }
            if bytes.is_ok() {
                // A change waiting to be saved belongs in the comparison (and in any backup):
                // the workbench stores it first.
                state.commit_field();
            }
            if crate::ui::browser::parts::load_twice(super::transfer::load_take_file).await.is_err() {
                // The banner says that a part is missing; nothing was read or stored.
                state.import.try_update(|f| f.failed(ticket));
                return;
            }
            // What came of it is shown there (a part missing now: the banner says so).
            let _ = super::transfer::take_file(state, file, ticket, bytes).await;
        });
    }

    /// A CSV dropped on the window: with a strategy open it goes to that strategy's CSV import
    /// (files page, preview first); with none open the user is told to open one.
    pub fn take_csv(&self, file: web_sys::File) {
        match self.app.route.get_untracked().strategy_id().cloned() {
            Some(id) => {
                self.app.notice.set(None);
                self.app.dropped_csv.set(Some(file));
                self.app.navigate(Route::Files(id));
            }
            None => self.app.notice.set(Some(Notice::CsvNeedsStrategy { file: file.name() })),
        }
    }

    /// Imports the strategy waiting in the preview as the user chose (`session::import`): as it
    /// is when its id is new; otherwise as a copy with fresh ids, in place of the stored one
    /// (backed up first: undo from the notice), or merged with it, one side per conflict; a
    /// merge's changes to confirmed values are not taken (the confirmed values stay).
    pub fn confirm_import(&self, choice: ImportChoice, sides: Vec<crate::model::merge::Side>) {
        self.confirm_import_as(choice, sides, OnConfirmed::Keep);
    }

    /// [`Self::confirm_import`], a merge's changes to confirmed values taken and confirmed again
    /// in the person's name.
    pub fn confirm_import_taking_confirmed(&self, choice: ImportChoice, sides: Vec<crate::model::merge::Side>) {
        let name = self.app.prefs.with_untracked(|p| p.folder_name.clone()).unwrap_or_default();
        self.confirm_import_as(choice, sides, OnConfirmed::Take(name));
    }

    fn confirm_import_as(&self, choice: ImportChoice, sides: Vec<crate::model::merge::Side>, on: OnConfirmed) {
        let Some(Some(confirmed)) = self.app.import.try_update(|f| f.confirm_with(choice, sides, on)) else {
            return;
        };
        self.app.act(Action::StoreConfirmed(confirmed));
    }

    /// Merges the backup file waiting in the preview into this browser: new strategies are
    /// added, those in `replace` replace the stored version (backed up first), other
    /// differing ones are left as they are; the file's backups are added.
    pub fn confirm_restore(&self, replace: std::collections::HashSet<Id>) {
        let Some(Some(all)) = self.app.import.try_update(ImportFlow::confirm_restore) else { return };
        self.app.act(Action::RestoreEverything(all, replace));
    }

    /// Closes the preview; nothing was changed.
    pub fn cancel_import(&self) {
        self.app.import.update(ImportFlow::cancel);
    }

    pub fn table_mappings(&self) -> TableMappings {
        TableMappings(self.app.bench)
    }
}
