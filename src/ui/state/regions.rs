//! The regional bureau's actions run against the browser's storage: create, delete
//! (undo from the notice) and restore a region, bring many towns' files into one, and replace a
//! town by the newer file it sent (after its preview; undo from the notice).
//! `session::region` holds their rules; here they are run and shown.

use super::act::Action;
use super::bring_in::RegionIntake;
use super::reads::RegionReads;
use super::*;
use crate::format::Imported;
use crate::session::region::{self, unfinished};

thread_local! {
    /// The bring-in under way in this page (one at a time: its inputs wait for it), which
    /// 「取り消す」 stops.
    static RUNNING: std::cell::RefCell<region::Cancel> = std::cell::RefCell::default();
}

/// A new bring-in's [`region::Cancel`], the one 「取り消す」 now stops.
fn running_bring_in() -> region::Cancel {
    let cancel = region::Cancel::default();
    RUNNING.set(cancel.clone());
    cancel
}

impl AppState {
    pub(super) fn cancel_bring_in_now(self) {
        RUNNING.with_borrow(region::Cancel::cancel);
    }

    pub(super) async fn create_region_now(self, name: String) {
        let state = self;
        match region::create(&state.store(), &name, &files::now()).await {
            Ok(r) => {
                state.written().await;
                state.navigate(Route::Region(r.id));
            }
            Err(notice) => state.notice.set(Some(notice)),
        }
    }

    pub(super) async fn open_region_file_now(self, file: web_sys::File, shown: Option<RegionIntake>) {
        let state = self;
        {
            let name = file.name();
            if let Some((progress, result)) = shown {
                result.set(None);
                progress.set(Some((0, 1)));
            }
            let bytes = match files::read_bytes(&file).await {
                Ok(bytes) => bytes,
                Err(failure) => {
                    state.notice.set(Some(match failure {
                        Ok(error) => Notice::ImportFailed { file: name, error },
                        Err(detail) => Notice::FileUnreadable { file: name, detail },
                    }));
                    if let Some((progress, _)) = shown {
                        progress.try_set(None);
                    }
                    return;
                }
            };
            let cancel = running_bring_in();
            let done = region::open_region_file_until(
                &state.store(),
                &name,
                &bytes,
                &files::now(),
                |done, total| {
                    if let Some((progress, _)) = shown {
                        progress.try_set(Some((done, total)));
                    }
                },
                &cancel,
            )
            .await;
            match done {
                Ok(brought) => {
                    let errors = brought.errors().map(|(f, e)| (f.to_owned(), e.clone())).collect();
                    state.notice.set(Some(match &brought.saved {
                        Ok(()) => {
                            Notice::RegionOpened { region: brought.region.name.clone(), tally: brought.tally(), errors }
                        }
                        Err(e) => Notice::Storage(e.clone()),
                    }));
                    let id = brought.region.id.clone();
                    let saved = brought.saved.is_ok();
                    match shown {
                        Some((_, result)) => {
                            result.try_set(Some(BringInResult {
                                brought,
                                not_read: Vec::new(),
                                passed_over: Vec::new(),
                                decided: Vec::new(),
                            }));
                        }
                        None if saved => state.navigate(Route::Region(id)),
                        None => {}
                    }
                }
                Err(notice) => state.notice.set(Some(notice)),
            }
            if let Some((progress, _)) = shown {
                progress.try_set(None);
            }
            state.written().await;
        }
    }

    pub(super) async fn restore_region_now(self, backup_key: String) {
        let state = self;
        {
            let notice = match region::restore(&state.store(), &backup_key, &files::now()).await {
                Ok(r) => Notice::RegionRestored { name: r.name },
                Err(notice) => notice,
            };
            state.notice.set(Some(notice));
            state.written().await;
        }
    }

    /// At start a bring-in's log was found: when it has not moved after a while (not a
    /// bring-in running in another tab), the notice lists what the unfinished one stored and
    /// offers to keep or undo it (`session::region::unfinished`).
    pub(super) async fn check_unfinished_bring_in_now(self) {
        let store = self.store();
        let Ok(Some(first)) = store.intake_log().await else { return };
        files::sleep(unfinished::STILL_MS).await;
        let later = store.intake_log().await.ok().flatten();
        if let Some(log) = unfinished::stopped(&first, later) {
            let notice = unfinished::left_unfinished(&*store, &log).await;
            self.notice.set(Some(notice));
        }
    }

    pub(super) async fn keep_unfinished_bring_in_now(self) {
        let (store, now) = (self.store(), files::now());
        let done = unfinished::keep(&*store, &now).await;
        self.unfinished_bring_in_decided(done).await;
    }

    pub(super) async fn undo_unfinished_bring_in_now(self) {
        let (store, now) = (self.store(), files::now());
        let done = unfinished::undo(&*store, &now).await;
        self.unfinished_bring_in_decided(done).await;
    }

    async fn unfinished_bring_in_decided(self, done: Result<Notice, Notice>) {
        self.notice.set(Some(done.unwrap_or_else(|refused| refused)));
        self.written().await;
    }
}

impl AppState {}

/// The regional bureau's context: the regions and their backups as stored, and
/// every region action; a component that takes `Regions` (`use_regions`) cannot touch a
/// strategy but through a region.
#[derive(Clone, Copy)]
pub struct Regions {
    app: AppState,
    /// The regions, as stored.
    pub regions: Shown<Vec<crate::storage::StoredRegion>>,
    /// The region backups (kept before a region was deleted or replaced), as stored.
    pub region_backups: Shown<Vec<crate::storage::RegionBackup>>,
}

pub fn use_regions() -> Regions {
    let app = use_app();
    Regions { app, regions: Shown::of(app.regions), region_backups: Shown::of(app.region_backups) }
}

impl Facade for Regions {
    fn app(&self) -> AppState {
        self.app
    }
}

impl Regions {
    /// Stops the bring-in under way (the progress bar's 「取り消す」): it stops before its
    /// next town and is undone as a whole; the notice says so. Through the files' part, which
    /// runs the bring-in (the start page carries none of it).
    pub fn cancel_bring_in(&self) {
        self.app.act(Action::CancelBringIn);
    }

    /// Stores a new, empty region and opens its page.
    pub fn create_region(&self, name: String) {
        self.app.act(Action::CreateRegion(name));
    }

    /// Deletes a region, keeping a region backup (the notice's undo restores it); its towns
    /// stay in the strategy list.
    pub fn delete_region(&self, id: &Id) {
        let id = id.clone();
        self.app.spawn(async move |state| {
            let notice = match region::delete(&state.store(), &id, &files::now()).await {
                Ok(backup) => Notice::RegionDeleted { name: backup.name, backup_key: backup.key },
                Err(notice) => notice,
            };
            state.notice.set(Some(notice));
            state.written().await;
        });
    }

    /// Renames a region (an empty name is refused before this).
    pub fn rename_region(&self, id: &Id, name: String) {
        let id = id.clone();
        self.app.spawn(async move |state| {
            if let Err(notice) = region::rename(&state.store(), &id, name, &files::now()).await {
                state.notice.set(Some(notice));
            }
            state.written().await;
        });
    }

    /// Takes a town out of a region; its strategy stays stored (the notice says so).
    pub fn remove_region_town(&self, id: &Id, town: &Id, town_name: String) {
        let (id, town) = (id.clone(), town.clone());
        self.app.spawn(async move |state| {
            let notice = match region::remove_town(&state.store(), &id, &town, &files::now()).await {
                Ok(r) => Notice::RegionTownRemoved { region: r.name, town: town_name },
                Err(notice) => notice,
            };
            state.notice.set(Some(notice));
            state.written().await;
        });
    }

    /// Deletes a region backup for good.
    pub fn discard_region_backup(&self, key: &str) {
        let key = key.to_owned();
        self.app.spawn(async move |state| {
            if let Err(notice) = region::discard_backup(&state.store(), &key).await {
                state.notice.set(Some(notice));
            }
            state.written().await;
        });
    }

    /// Downloads region `id` as one `shirube-region` file (the towns' stored versions, saved
    /// first), named `渡島総合振興局管内_地域_2026-11-23.shirube-region.json`.
    pub fn export_region(&self, id: &Id) {
        let id = id.clone();
        self.app.spawn(async move |state| {
            state.flush_now().await;
            let notice = match region::export(&state.store(), &id, &files::now()).await {
                Ok(exported) => {
                    let middle = state.tr("地域", "region");
                    let name = files::file_name(&exported.region.name, middle, &files::today(), "shirube-region.json");
                    match files::download(&name, "application/json", &exported.text) {
                        Ok(()) => Notice::RegionExported { file: name, missing: exported.missing.len() },
                        Err(e) => Notice::Download(e),
                    }
                }
                Err(notice) => notice,
            };
            state.notice.set(Some(notice));
        });
    }

    /// Opens a region file as a region (`session::region::open_region_file`): a new region,
    /// or the file's towns added to the stored region with its id. The notice says the tally
    /// and every file that could not be read. `shown`: the (progress, result) signals of the
    /// place that lists each town's outcome and the newer versions to confirm; without them
    /// (a file dropped anywhere) the region's page opens.
    pub fn open_region_file(&self, file: web_sys::File, shown: Option<RegionIntake>) {
        self.app.act(Action::OpenRegionFile(file, shown));
    }

    /// Brings a deleted region back from its backup.
    pub fn restore_region(&self, backup_key: &str) {
        self.app.act(Action::RestoreRegion(backup_key.to_owned()));
    }

    /// Brings `picked` files into region `id`: each file's bytes are read (a file too large
    /// is refused by its size before reading), then all go through `session::region::bring_in`.
    /// `progress` follows (done, total) over reading and bringing in; `result` gets what came
    /// of every file, and of what a dropped folder held besides. The notice says the tally.
    pub fn bring_into_region(
        &self,
        id: &Id,
        picked: PickedFiles,
        progress: RwSignal<Option<(usize, usize)>>,
        result: RwSignal<Option<BringInResult>>,
    ) {
        let id = id.clone();
        self.app.spawn(async move |state| {
            let PickedFiles { files: picked, passed_over, not_given } = picked;
            let total = picked.len();
            progress.set(Some((0, total * 2)));
            let mut read = Vec::with_capacity(total);
            // Files the browser would not give: (name, what it said), listed after the others.
            let mut unreadable = Vec::new();
            for (i, (name, file)) in picked.into_iter().enumerate() {
                match files::read_bytes(&file).await {
                    Ok(bytes) => read.push((name, bytes)),
                    Err(Ok(error)) => unreadable.push((name, Ok(error))),
                    Err(Err(said)) => unreadable.push((name, Err(said))),
                }
                progress.try_set(Some((i + 1, total * 2)));
            }
            let offset = total - read.len();
            let now = files::now();
            let store = state.store();
            let cancel = running_bring_in();
            let done = region::bring_in_until(
                &store,
                &id,
                read,
                &now,
                |done, _| {
                    progress.try_set(Some((total + offset + done, total * 2)));
                },
                &cancel,
            )
            .await;
            match done {
                Ok(mut brought) => {
                    let mut not_read = not_given;
                    for (file, failure) in unreadable {
                        match failure {
                            Ok(error) => {
                                brought.files.push(region::FileOutcome { file, read: region::FileRead::Refused(error) })
                            }
                            Err(said) => not_read.push((file, said)),
                        }
                    }
                    let mut tally = brought.tally();
                    tally.unreadable += not_read.len();
                    let notice = match &brought.saved {
                        Ok(()) => Notice::RegionBroughtIn { region: brought.region.name.clone(), tally },
                        Err(e) => Notice::Storage(e.clone()),
                    };
                    state.notice.set(Some(notice));
                    // The page starts reading the region again before the results are listed,
                    // so its header never shows the count from before.
                    state.written().await;
                    result.try_set(Some(BringInResult { brought, not_read, passed_over, decided: Vec::new() }));
                }
                Err(notice) => {
                    state.notice.set(Some(notice));
                    state.written().await;
                }
            }
            progress.try_set(None);
        });
    }

    /// Keeps the bring-in left unfinished, as the notice offered.
    pub fn keep_unfinished_bring_in(&self) {
        self.app.notice.set(None);
        self.app.act(Action::KeepUnfinishedBringIn);
    }

    /// Undoes the bring-in left unfinished, as the notice offered.
    pub fn undo_unfinished_bring_in(&self) {
        self.app.notice.set(None);
        self.app.act(Action::UndoUnfinishedBringIn);
    }

    /// Replaces a town by the newer version `file` (of `file_name`) sent, as the user confirmed
    /// after its preview (`session::region::replace_town`): the stored version is backed up
    /// first, the notice offers undo, and `result` records the answer. A refused replace
    /// changes nothing, says why, and leaves the question open. `busy` is set meanwhile.
    pub fn replace_region_town(
        &self,
        file_name: String,
        file: Imported,
        result: RwSignal<Option<BringInResult>>,
        busy: RwSignal<bool>,
    ) {
        let town = file.strategy.id.clone();
        busy.set(true);
        self.app.spawn(async move |state| {
            // A change of this town waiting to be saved belongs in the backup.
            state.flush_now().await;
            match region::replace_town(&state.store(), file, &files::now()).await {
                Ok((notice, _)) => {
                    state.notice.set(Some(notice));
                    result.try_update(|r| {
                        if let Some(r) = r {
                            r.decided.push(((file_name, town.clone()), Decision::Replaced));
                        }
                    });
                    state.written().await;
                    state.reload_open(&town).await;
                }
                Err(notice) => state.notice.set(Some(notice)),
            }
            busy.try_set(false);
        });
    }

    /// Puts a town's indicator under a matched key by hand (`None`: keeps it out of every
    /// match), kept with region `id`; the page reads the region again.
    pub fn set_indicator_match(&self, id: &Id, strategy: &Id, indicator: &Id, key: Option<String>) {
        let (id, strategy, indicator) = (id.clone(), strategy.clone(), indicator.clone());
        self.app.spawn(async move |state| {
            if let Err(notice) = region::set_match(&state.store(), &id, &strategy, &indicator, key, &files::now()).await
            {
                state.notice.set(Some(notice));
            }
            state.written().await;
        });
    }

    /// Forgets a hand-made match: the automatic rules decide again.
    pub fn clear_indicator_match(&self, id: &Id, strategy: &Id, indicator: &Id) {
        let (id, strategy, indicator) = (id.clone(), strategy.clone(), indicator.clone());
        self.app.spawn(async move |state| {
            if let Err(notice) = region::clear_match(&state.store(), &id, &strategy, &indicator, &files::now()).await {
                state.notice.set(Some(notice));
            }
            state.written().await;
        });
    }

    /// Replaces the names region `id` matches indicators on (合計特殊出生率 …).
    pub fn set_region_indicator_codes(&self, id: &Id, codes: Vec<String>) {
        let id = id.clone();
        self.app.spawn(async move |state| {
            if let Err(notice) = region::set_indicator_codes(&state.store(), &id, codes, &files::now()).await {
                state.notice.set(Some(notice));
            }
            state.written().await;
        });
    }

    pub fn region_reads(&self) -> RegionReads {
        RegionReads(self.app.bench)
    }
}
