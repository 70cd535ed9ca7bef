//! Files in and out: opening an example, reading a picked or dropped file for the import
//! preview and storing what the user confirms (`session::preview`, `session::import`), and
//! downloading strategies and the backup of everything (`session::export`).

use super::act::Action;
use super::*;
use crate::session::preview::Picked;

impl AppState {
    /// [`AppState::add_and_open`]; `reason` says where it came from (a file's version is kept
    /// in the history as a starting point).
    pub(super) async fn store_and_open(&self, strategy: Strategy, reason: VersionReason) {
        self.commit_field();
        let outcome = files::timed_async("shirube:store", self.bench().store_and_open(strategy, reason)).await;
        self.apply(outcome).await;
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

    pub(super) async fn store_confirmed(self, confirmed: crate::session::preview::Confirmation) {
        self.commit_field();
        let outcome = files::timed_async("shirube:store", self.bench().confirm_import(confirmed)).await;
        self.apply(outcome).await;
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

    /// The strategy `id` was changed in storage by this tab (a town replaced in a region): if it
    /// is the open one, it is read again, with a fresh undo history.
    pub(super) async fn reload_open(&self, id: &Id) {
        self.bench().reload_open(id).await;
        self.show_editing();
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

    /// [`AppState::export_open_as_it_is`], run in the files' part (the notice's own part then
    /// carries no code that writes a strategy file).
    pub(super) fn export_open_as_it_is_now(self) {
        if let Some(s) = self.open.get_untracked() {
            if let Err(e) = self.download(&s) {
                self.notice.set(Some(Notice::Download(e)));
            }
        }
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

crate::ui::browser::parts::split!(files, load: load_take_file,
    /// Stores a waiting change, then reads a file for the import and decides what it is, with the
    /// preview of a strategy or backup against what is stored (`Workbench::take`), and shows what
    /// came of it (`show_taken`): in the wasm part that reads files, not in the first download,
    /// which carries no code that shows an outcome.
    pub(super) async fn take_file(
        state: AppState,
        file: web_sys::File,
        ticket: crate::session::flow::Ticket,
        bytes: Result<Vec<u8>, Result<ImportError, String>>,
    ) -> () {
        let name = file.name();
        let read = match bytes {
            Ok(bytes) => {
                let (flushed, taken) = state.bench().take(&name, &bytes, &files::PerformanceMarks).await;
                state.apply(flushed).await;
                taken.map_err(Ok)
            }
            Err(e) => Err(e),
        };
        show_taken(state, file, name, ticket, read);
    }
);

/// A file's reading shown, unless it is no longer wanted (cancelled, or another file came in:
/// `ImportFlow` drops a late result): its preview; a region file opened as a region; or what
/// is wrong with it.
fn show_taken(
    state: AppState,
    file: web_sys::File,
    name: String,
    ticket: crate::session::flow::Ticket,
    read: Result<Picked, Result<ImportError, String>>,
) {
    match read {
        Ok(Picked::Preview(preview)) => {
            if state.import.try_update(|f| f.ready(ticket, preview)) == Some(true) {
                state.notice.set(None);
            }
        }
        // A region file is opened as a region, not previewed as a strategy.
        Ok(Picked::RegionFile) if state.import.try_update(|f| f.failed(ticket)) == Some(true) => {
            state.act(Action::OpenRegionFile(file, None))
        }
        Ok(Picked::RegionFile) => {}
        Err(error) if state.import.try_update(|f| f.failed(ticket)) == Some(true) => {
            state.notice.set(Some(match error {
                Ok(error) => Notice::ImportFailed { file: name, error },
                Err(detail) => Notice::FileUnreadable { file: name, detail },
            }));
        }
        Err(_) => {}
    }
}
