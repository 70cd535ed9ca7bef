//! The regional bureau's actions (issue 21) run against the browser's storage: create, delete
//! (undo from the notice) and restore a region, and bring many towns' files into one.
//! `session::region` holds their rules; here they are run and shown.

use super::*;
use crate::session::region::{self, BroughtIn};

/// What bringing picked files in did: every file read, and those the browser would not give
/// (name, what it said).
#[derive(Clone, Debug, PartialEq)]
pub struct BringInResult {
    pub brought: BroughtIn,
    pub not_read: Vec<(String, String)>,
}

impl AppState {
    /// Stores a new, empty region and opens its page.
    pub fn create_region(&self, name: String) {
        self.spawn(async move |state| match region::create(&state.store(), &name, &files::now()).await {
            Ok(r) => {
                state.written().await;
                state.navigate(Route::Region(r.id));
            }
            Err(notice) => state.notice.set(Some(notice)),
        });
    }

    /// Deletes a region, keeping a region backup (the notice's undo restores it); its towns
    /// stay in the strategy list.
    pub fn delete_region(&self, id: &Id) {
        let id = id.clone();
        self.spawn(async move |state| {
            let notice = match region::delete(&state.store(), &id, &files::now()).await {
                Ok(backup) => Notice::RegionDeleted { name: backup.name, backup_key: backup.key },
                Err(notice) => notice,
            };
            state.notice.set(Some(notice));
            state.written().await;
        });
    }

    /// Brings a deleted region back from its backup.
    pub fn restore_region(&self, backup_key: &str) {
        let backup_key = backup_key.to_owned();
        self.spawn(async move |state| {
            let notice = match region::restore(&state.store(), &backup_key, &files::now()).await {
                Ok(r) => Notice::RegionRestored { name: r.name },
                Err(notice) => notice,
            };
            state.notice.set(Some(notice));
            state.written().await;
        });
    }

    /// Brings `picked` files into region `id`: each file's bytes are read (a file too large
    /// is refused by its size before reading), then all go through `session::region::bring_in`.
    /// `progress` follows (done, total) over reading and bringing in; `result` gets what came
    /// of every file. The notice says the tally.
    pub fn bring_into_region(
        &self,
        id: &Id,
        picked: Vec<web_sys::File>,
        progress: RwSignal<Option<(usize, usize)>>,
        result: RwSignal<Option<BringInResult>>,
    ) {
        let id = id.clone();
        self.spawn(async move |state| {
            let total = picked.len();
            progress.set(Some((0, total * 2)));
            let mut read = Vec::with_capacity(total);
            // Files the browser would not give: (name, what it said), listed after the others.
            let mut unreadable = Vec::new();
            for (i, file) in picked.iter().enumerate() {
                match files::read_bytes(file).await {
                    Ok(bytes) => read.push((file.name(), bytes)),
                    Err(Ok(error)) => unreadable.push((file.name(), Ok(error))),
                    Err(Err(said)) => unreadable.push((file.name(), Err(said))),
                }
                progress.try_set(Some((i + 1, total * 2)));
            }
            let offset = total - read.len();
            let now = files::now();
            let store = state.store();
            let done = region::bring_in(&store, &id, read, &now, |done, _| {
                progress.try_set(Some((total + offset + done, total * 2)));
            })
            .await;
            match done {
                Ok(mut brought) => {
                    let mut not_read = Vec::new();
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
                    result.try_set(Some(BringInResult { brought, not_read }));
                }
                Err(notice) => state.notice.set(Some(notice)),
            }
            progress.try_set(None);
            state.written().await;
        });
    }
}

impl AppState {
    /// Puts a town's indicator under a matched key by hand (`None`: keeps it out of every
    /// match), kept with region `id`; the page reads the region again.
    pub fn set_indicator_match(&self, id: &Id, strategy: &Id, indicator: &Id, key: Option<String>) {
        let (id, strategy, indicator) = (id.clone(), strategy.clone(), indicator.clone());
        self.spawn(async move |state| {
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
        self.spawn(async move |state| {
            if let Err(notice) = region::clear_match(&state.store(), &id, &strategy, &indicator, &files::now()).await {
                state.notice.set(Some(notice));
            }
            state.written().await;
        });
    }

    /// Replaces the names region `id` matches indicators on (合計特殊出生率 …).
    pub fn set_region_indicator_codes(&self, id: &Id, codes: Vec<String>) {
        let id = id.clone();
        self.spawn(async move |state| {
            if let Err(notice) = region::set_indicator_codes(&state.store(), &id, codes, &files::now()).await {
                state.notice.set(Some(notice));
            }
            state.written().await;
        });
    }
}
