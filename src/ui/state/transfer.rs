//! Files in and out: opening an example, reading a picked or dropped file for the import
//! preview and storing what the user confirms (`session::preview`, `session::import`), and
//! downloading strategies and the backup of everything (`session::export`).

use super::*;
use crate::session::preview::Taken;

impl AppState {
    /// Stores a new strategy and opens it.
    /// A strategy that cannot be stored (storage full) is still opened, with the failure shown:
    /// the user can export it, nothing is lost.
    pub fn add_and_open(&self, strategy: Strategy) {
        self.act(Action::StoreAndOpen(strategy, VersionReason::Saved));
    }

    /// [`AppState::add_and_open`]; `reason` says where it came from (a file's version is kept
    /// in the history as a starting point).
    pub(super) async fn store_and_open(&self, strategy: Strategy, reason: VersionReason) {
        self.commit_field();
        let outcome = files::timed_async("shirube:store", self.bench().store_and_open(strategy, reason)).await;
        self.apply(outcome).await;
    }

    /// Opens an example: its file is fetched with the app's files and read through the real
    /// import; an example already stored (same id) is opened as it is.
    pub async fn open_example(&self, example: &'static crate::examples::Example) {
        perform(*self, Action::OpenExample(example)).await;
    }

    pub(super) async fn open_example_now(&self, example: &'static crate::examples::Example) {
        let file = example.path;
        let bytes = match files::fetch_file(file).await {
            Ok(bytes) => bytes,
            Err(detail) => return self.notice.set(Some(Notice::FileUnreadable { file: file.to_owned(), detail })),
        };
        // Read in the actions' part, where this runs (a lazy call from a part: see `actions`).
        self.commit_field();
        let outcome =
            files::timed_async("shirube:store", self.bench().open_example(file, &bytes, &files::PerformanceMarks))
                .await;
        self.apply(outcome).await;
    }

    /// Reads a file the user picked or dropped and shows the import preview; nothing is stored
    /// until the user confirms it there. A file over the size limit is refused before it is
    /// read; one that does not read cleanly is refused with what is wrong and where.
    pub fn take_file(&self, file: web_sys::File) {
        let state = *self;
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
            let read = match bytes {
                Ok(bytes) => {
                    // A change waiting to be saved belongs in the comparison (and in any backup):
                    // the workbench stores it first.
                    state.commit_field();
                    let (flushed, taken) = take_file(state.bench(), name.clone(), bytes).await;
                    state.apply(flushed).await;
                    taken.map_err(Ok)
                }
                Err(e) => Err(e),
            };
            // The first import also fetches the reading code: `ImportFlow` drops a late result.
            match read {
                Ok(Taken::Preview(preview)) => {
                    if state.import.try_update(|f| f.ready(ticket, preview)) == Some(true) {
                        state.notice.set(None);
                    }
                }
                // A region file (issue 21) is opened as a region, not previewed as a strategy.
                Ok(Taken::RegionFile) if state.import.try_update(|f| f.failed(ticket)) == Some(true) => {
                    state.open_region_file(file, None)
                }
                Ok(Taken::RegionFile) => {}
                Err(error) if state.import.try_update(|f| f.failed(ticket)) == Some(true) => {
                    state.notice.set(Some(match error {
                        Ok(error) => Notice::ImportFailed { file: name, error },
                        Err(detail) => Notice::FileUnreadable { file: name, detail },
                    }));
                }
                Err(_) => {}
            }
        });
    }

    /// A CSV dropped on the window: with a strategy open it goes to that strategy's CSV import
    /// (files page, preview first); with none open the user is told to open one.
    pub fn take_csv(&self, file: web_sys::File) {
        match self.route.get_untracked().strategy_id().cloned() {
            Some(id) => {
                self.notice.set(None);
                self.dropped_csv.set(Some(file));
                self.navigate(Route::Files(id));
            }
            None => self.notice.set(Some(Notice::CsvNeedsStrategy { file: file.name() })),
        }
    }

    /// Imports the strategy waiting in the preview as the user chose (`session::import`): as it
    /// is when its id is new; otherwise as a copy with fresh ids, in place of the stored one
    /// (backed up first: undo from the notice), or merged with it, one side per conflict.
    pub fn confirm_import(&self, choice: ImportChoice, conflict_choices: Vec<crate::model::merge::Side>) {
        let Some(Some(confirmed)) = self.import.try_update(|f| f.confirm(choice, conflict_choices)) else {
            return;
        };
        self.act(Action::StoreConfirmed(confirmed));
    }

    pub(super) async fn store_confirmed(self, confirmed: crate::session::preview::Confirmation) {
        self.commit_field();
        let outcome = files::timed_async("shirube:store", self.bench().confirm_import(confirmed)).await;
        self.apply(outcome).await;
    }

    /// Merges the backup file waiting in the preview into this browser: new strategies are
    /// added, those in `replace` replace the stored version (backed up first), other
    /// differing ones are left as they are; the file's backups are added.
    pub fn confirm_restore(&self, replace: std::collections::HashSet<Id>) {
        let Some(Some(all)) = self.import.try_update(ImportFlow::confirm_restore) else { return };
        self.act(Action::RestoreEverything(all, replace));
    }

    pub(super) async fn restore_everything(
        self,
        all: crate::format::Everything,
        replace: std::collections::HashSet<Id>,
    ) {
        self.commit_field();
        let outcome = files::timed_async("shirube:store", self.bench().restore_everything(&all, &replace)).await;
        self.apply(outcome).await;
    }

    /// Closes the preview; nothing was changed.
    pub fn cancel_import(&self) {
        self.import.update(ImportFlow::cancel);
    }

    /// The strategy `id` was changed in storage by this tab (a town replaced in a region): if it
    /// is the open one, it is read again, with a fresh undo history.
    pub(super) async fn reload_open(&self, id: &Id) {
        self.bench().reload_open(id).await;
        self.show_editing();
    }

    /// Downloads everything this browser holds (every strategy and every backup) as one
    /// backup file, which "restore" reads back.
    pub fn export_everything(&self) {
        self.act(Action::ExportEverything);
    }

    pub(super) async fn export_everything_now(self) {
        let state = self;
        {
            state.flush_now().await;
            let now = files::now();
            match state.store().export_everything(&now).await {
                Ok(text) => {
                    let name = files::file_name(
                        "Shirube",
                        state.tr("バックアップ", "backup"),
                        &files::today(),
                        "shirube-backup.json",
                    );
                    state.downloads().save(name, "application/json", &text);
                    state.reread().await;
                }
                Err(e) => state.notice.set(Some(Notice::Storage(e))),
            }
        }
    }

    /// Downloads the open strategy as a Shirube file (saved first: the file is the stored
    /// version, with its lineage, so that another machine's work can later be merged with it).
    pub fn export_open(&self) {
        let Some(id) = self.open.with_untracked(|s| s.as_ref().map(|s| s.id.clone())) else { return };
        self.export_stored(&id);
    }

    /// Downloads the open strategy as this tab holds it (storage is full: its latest change
    /// is not stored, so the stored version would lack it). The storage-full notice stays, with
    /// its other ways to make room; only a failed download replaces it.
    pub fn export_open_as_it_is(&self) {
        self.act(Action::ExportOpenAsItIs);
    }

    /// [`AppState::export_open_as_it_is`], run in the files' part (the notice's own part then
    /// carries no code that writes a strategy file).
    pub(super) fn export_open_as_it_is_now(self) {
        if let Some(s) = self.open.get_untracked() {
            if let Err(e) = self.download(&s) {
                self.notice.set(Some(Notice::Download(e)));
            }
        }
    }

    pub fn export(&self, s: &Strategy) {
        self.notice.set(Some(match self.download(s) {
            Ok(file) => Notice::Exported { file },
            Err(e) => Notice::Download(e),
        }));
    }

    /// Downloads a stored strategy as a Shirube file (`session::export::strategy_file`: the
    /// stored version with its lineage, or what is open when storage did not take it).
    pub fn export_stored(&self, id: &Id) {
        self.act(Action::ExportStored(id.clone()));
    }

    pub(super) async fn export_stored_now(self, id: Id) {
        let state = self;
        {
            state.flush_now().await;
            let open = state.open.get_untracked().filter(|s| s.id == id);
            let file = crate::session::export::strategy_file(&state.store(), &id, open.as_ref(), &files::now()).await;
            state.notice.set(Some(match file {
                Ok(file) => match download_strategy(&file.strategy, &file.text) {
                    Ok(name) => Notice::Exported { file: name },
                    Err(e) => Notice::Download(e),
                },
                Err(notice) => notice,
            }));
        }
    }

    /// Downloads a strategy as a Shirube file; the file's name, or what went wrong.
    pub(super) fn download(&self, s: &Strategy) -> Result<String, String> {
        download_strategy(s, &format::export(s, &files::now()))
    }
}

/// Offers a strategy file's text as a download named after the strategy; the name, or what went
/// wrong.
fn download_strategy(s: &Strategy, text: &str) -> Result<String, String> {
    let name = files::file_name(&s.municipality.name, &s.title, &files::today(), "shirube.json");
    files::download(&name, "application/json", text).map(|()| name)
}

/// Stores a waiting change, then reads a file for the import and decides what it is, with the
/// preview of a strategy or backup against what is stored (`Workbench::take`): in the wasm part that reads files, not in
/// the first download.
#[lazy]
async fn take_file(
    bench: Rc<super::Bench>,
    name: String,
    bytes: Vec<u8>,
) -> (crate::session::workbench::Outcome, Result<Taken, ImportError>) {
    bench.take(&name, &bytes, &files::PerformanceMarks).await
}
