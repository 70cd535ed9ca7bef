//! The library's lists — stored strategies, backups, data set aside, regions, region backups,
//! `localStorage`'s use — and which of them an action changes. An action says what it
//! [`Touched`]; only those lists are read again ([`read_more`] for all but the strategies), and
//! [`Lists::take_summaries`] and [`Lists::take_more`] keep what was read and say what differs ([`Changed`]), so the page redraws
//! only that: a save of the open strategy reads the strategies' index and nothing else, and
//! leaves the regions (and the region page, which reads all its towns again when they change)
//! alone.

use crate::storage::{
    Backend, BackendKind, Backup, GarbageEntry, RegionBackup, StorageError, Store, StoredRegion, StrategySummary, Usage,
};

/// Which lists an action may have changed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Touched {
    pub strategies: bool,
    pub backups: bool,
    pub garbage: bool,
    pub regions: bool,
    pub region_backups: bool,
}

impl Touched {
    /// The start, another tab's write, an action that may change any list.
    pub const EVERYTHING: Touched =
        Touched { strategies: true, backups: true, garbage: true, regions: true, region_backups: true };
    /// A save of the open strategy (the autosave, a rename of the open one): its summary
    /// (title, time, revision). A save keeps no backup and sets nothing aside.
    pub const SAVE: Touched =
        Touched { strategies: true, backups: false, garbage: false, regions: false, region_backups: false };
    /// An action that wrote nothing (or failed before writing).
    pub const NOTHING: Touched =
        Touched { strategies: false, backups: false, garbage: false, regions: false, region_backups: false };

    /// The lists either touched.
    pub fn and(self, other: Touched) -> Touched {
        Touched {
            strategies: self.strategies || other.strategies,
            backups: self.backups || other.backups,
            garbage: self.garbage || other.garbage,
            regions: self.regions || other.regions,
            region_backups: self.region_backups || other.region_backups,
        }
    }

    /// Whether any list is touched.
    pub fn any(self) -> bool {
        self.strategies || self.more()
    }

    /// Whether a list besides the strategies is touched (those are read by [`read_more`]).
    pub fn more(self) -> bool {
        self.backups || self.garbage || self.regions || self.region_backups
    }
}

/// The lists besides the strategies as read from storage: `None` for a list not read (not
/// touched), each read list with its own error.
#[derive(Debug)]
pub struct MoreRead {
    pub backups: Option<Result<Vec<Backup>, StorageError>>,
    pub garbage: Option<Result<Vec<GarbageEntry>, StorageError>>,
    pub regions: Option<Result<Vec<StoredRegion>, StorageError>>,
    pub region_backups: Option<Result<Vec<RegionBackup>, StorageError>>,
    /// What each key holds of `localStorage`'s ~5 million characters (that backend only).
    pub usage: Option<Usage>,
}

// A reading of nothing but empty or failed lists, for the tests: the page clears without reading
// (`Lists::clear_more`), and a test checks that it is the same.
#[cfg(all(test, not(target_arch = "wasm32")))]
impl MoreRead {
    /// The touched lists, where nothing is stored besides the strategies: empty.
    pub fn empty(touched: Touched) -> MoreRead {
        fn empty<T>(on: bool) -> Option<Result<Vec<T>, StorageError>> {
            on.then(|| Ok(Vec::new()))
        }
        MoreRead {
            backups: empty(touched.backups),
            garbage: empty(touched.garbage),
            regions: empty(touched.regions),
            region_backups: empty(touched.region_backups),
            usage: None,
        }
    }

    /// The keys could not be read: each touched list says why.
    pub fn failed(touched: Touched, e: StorageError) -> MoreRead {
        MoreRead {
            backups: touched.backups.then(|| Err(e.clone())),
            garbage: touched.garbage.then(|| Err(e.clone())),
            regions: touched.regions.then(|| Err(e.clone())),
            region_backups: touched.region_backups.then(|| Err(e.clone())),
            usage: None,
        }
    }
}

/// Reads the touched lists besides the strategies (and `localStorage`'s use, which any write
/// changes).
pub async fn read_more<B: Backend>(store: &Store<B>, touched: Touched) -> MoreRead {
    MoreRead {
        backups: if touched.backups { Some(store.backups().await) } else { None },
        garbage: if touched.garbage { Some(store.garbage().await) } else { None },
        regions: if touched.regions { Some(store.regions().await) } else { None },
        region_backups: if touched.region_backups { Some(store.region_backups().await) } else { None },
        usage: match store.kind() {
            BackendKind::LocalStorage => store.usage().await.ok(),
            _ => None,
        },
    }
}

/// The lists as the page shows them.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Lists {
    pub summaries: Vec<StrategySummary>,
    pub backups: Vec<Backup>,
    pub garbage: Vec<GarbageEntry>,
    pub regions: Vec<StoredRegion>,
    pub region_backups: Vec<RegionBackup>,
    pub usage: Option<Usage>,
}

/// Which lists a reading changed (the page sets only those), and the first error met.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Changed {
    pub summaries: bool,
    pub backups: bool,
    pub garbage: bool,
    pub regions: bool,
    pub region_backups: bool,
    pub usage: bool,
    /// A list could not be read (the strategies' or the region backups': the others read
    /// as empty, as they always have — a backup list that cannot be read hides nothing stored).
    pub error: Option<StorageError>,
}

impl Lists {
    /// Keeps what was read (`summaries`: `None` when the strategies were not read) and says
    /// what differs from before. A list that could not be read keeps what it showed, except
    /// the backups, set-aside data and regions, which then show as empty. (The page takes the
    /// two halves apart, in two wasm modules; the tests take both.)
    #[cfg(all(test, not(target_arch = "wasm32")))]
    pub fn take(&mut self, summaries: Option<Result<Vec<StrategySummary>, StorageError>>, more: MoreRead) -> Changed {
        let mut changed = self.take_summaries(summaries);
        let rest = self.take_more(more);
        Changed { summaries: changed.summaries, error: changed.error.take().or(rest.error), ..rest }
    }

    /// [`Lists::take`] of the strategies alone (the first visit's module holds this part, and
    /// [`Lists::take_more`] sits in the part that reads the other lists: comparing regions is
    /// code a new user never needs).
    pub fn take_summaries(&mut self, summaries: Option<Result<Vec<StrategySummary>, StorageError>>) -> Changed {
        let mut changed = Changed::default();
        match summaries {
            Some(Ok(list)) => changed.summaries = put(&mut self.summaries, list),
            Some(Err(e)) => changed.error = Some(e),
            None => {}
        }
        changed
    }

    /// [`Lists::take`] of the lists besides the strategies, and `localStorage`'s use.
    pub fn take_more(&mut self, more: MoreRead) -> Changed {
        let mut changed = Changed::default();
        if let Some(read) = more.backups {
            changed.backups = put(&mut self.backups, read.unwrap_or_default());
        }
        if let Some(read) = more.garbage {
            changed.garbage = put(&mut self.garbage, read.unwrap_or_default());
        }
        if let Some(read) = more.regions {
            changed.regions = put(&mut self.regions, read.unwrap_or_default());
        }
        match more.region_backups {
            Some(Ok(list)) => changed.region_backups = put(&mut self.region_backups, list),
            Some(Err(e)) => changed.error = Some(e),
            None => {}
        }
        changed.usage = put(&mut self.usage, more.usage);
        changed
    }

    /// The touched lists besides the strategies emptied, without reading them (nothing else is
    /// stored), and `localStorage`'s use unknown; `error`: why they could not be read, if so.
    /// Equal to [`Lists::take_more`] of `MoreRead::empty` (or `failed`), without comparing lists.
    pub fn clear_more(&mut self, touched: Touched, error: Option<StorageError>) -> Changed {
        fn clear<T>(on: bool, list: &mut Vec<T>) -> bool {
            let had = on && !list.is_empty();
            if had {
                list.clear();
            }
            had
        }
        let region_backups = touched.region_backups && error.is_none();
        // As a failed reading: only the region backups' list says why (the others show empty).
        let error = error.filter(|_| touched.region_backups);
        Changed {
            summaries: false,
            backups: clear(touched.backups, &mut self.backups),
            garbage: clear(touched.garbage, &mut self.garbage),
            regions: clear(touched.regions, &mut self.regions),
            region_backups: clear(region_backups, &mut self.region_backups),
            usage: self.usage.take().is_some(),
            error,
        }
    }
}

/// Replaces `old` with `new` when they differ; whether they did.
fn put<T: PartialEq>(old: &mut T, new: T) -> bool {
    let differs = *old != new;
    if differs {
        *old = new;
    }
    differs
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use crate::model::merge::edits::town;
    use crate::model::region::Region;
    use crate::session::library;
    use crate::testing::{memory_store, Wait};

    fn read_all<B: Backend>(store: &Store<B>) -> Lists {
        let mut lists = Lists::default();
        lists.take(Some(store.list().wait()), read_more(store, Touched::EVERYTHING).wait());
        lists
    }

    /// The lists an action changed, read in full before and after it.
    fn differs(before: &Lists, after: &Lists) -> Touched {
        Touched {
            strategies: before.summaries != after.summaries,
            backups: before.backups != after.backups,
            garbage: before.garbage != after.garbage,
            regions: before.regions != after.regions,
            region_backups: before.region_backups != after.region_backups,
        }
    }

    fn within(changed: Touched, said: Touched) -> bool {
        (!changed.strategies || said.strategies)
            && (!changed.backups || said.backups)
            && (!changed.garbage || said.garbage)
            && (!changed.regions || said.regions)
            && (!changed.region_backups || said.region_backups)
    }

    #[test]
    fn a_save_changes_the_strategies_list_only_and_only_that_is_read_again() {
        let s = town();
        let (_, store) = memory_store(&[&s]);
        // Something of every list is stored: a backup (a deleted strategy), a region.
        let other = {
            let mut o = town();
            o.id = crate::model::Id::from("other-town");
            o
        };
        store.save(&other, "t0").wait().unwrap();
        library::delete(&store, &other.id, "t1").wait().unwrap();
        store.save_region(&Region::new("管内"), "t1").wait().unwrap();
        let mut shown = read_all(&store);
        assert!(!shown.backups.is_empty() && !shown.regions.is_empty());

        let mut edited = s.clone();
        edited.title = "編集した名称".into();
        store.save(&edited, "t2").wait().unwrap();
        let after = read_all(&store);
        let changed = differs(&shown, &after);
        assert!(changed.strategies, "the summary shows the new title");
        assert!(within(changed, Touched::SAVE), "a save changed {changed:?}");

        // Read again as a save says: the strategies only; the rest keeps what it showed.
        let more = read_more(&store, Touched::SAVE).wait();
        assert!(more.backups.is_none() && more.regions.is_none() && more.garbage.is_none());
        let index = store.list_from_index().wait().unwrap().expect("the index names every strategy");
        let said = shown.take(Some(Ok(index)), more);
        assert_eq!(
            said,
            Changed { summaries: true, ..Changed::default() },
            "only the strategies' list is new, the regions are left alone"
        );
        assert_eq!(shown, after);
    }

    #[test]
    fn a_reading_says_which_lists_differ_and_nothing_when_nothing_did() {
        let s = town();
        let (_, store) = memory_store(&[&s]);
        let mut shown = Lists::default();
        let first = shown.take(Some(store.list().wait()), read_more(&store, Touched::EVERYTHING).wait());
        assert!(first.summaries && !first.backups && !first.regions, "{first:?}");
        // The same again: nothing to redraw.
        let again = shown.take(Some(store.list().wait()), read_more(&store, Touched::EVERYTHING).wait());
        assert_eq!(again, Changed::default());
        // A region stored: the regions only.
        store.save_region(&Region::new("管内"), "t1").wait().unwrap();
        let region = shown.take(Some(store.list().wait()), read_more(&store, Touched::EVERYTHING).wait());
        assert_eq!(region, Changed { regions: true, ..Changed::default() });
    }

    #[test]
    fn clearing_without_reading_is_taking_an_empty_or_failed_reading() {
        let s = town();
        let (_, store) = memory_store(&[&s]);
        store.save_region(&Region::new("管内"), "t1").wait().unwrap();
        let e = StorageError::Unavailable { detail: "test".into() };
        for touched in [Touched::SAVE, Touched::EVERYTHING] {
            for error in [None, Some(e.clone())] {
                let shown = read_all(&store);
                let (mut taken, mut cleared) = (shown.clone(), shown);
                let read = match &error {
                    None => MoreRead::empty(touched),
                    Some(e) => MoreRead::failed(touched, e.clone()),
                };
                let by_taking = taken.take_more(read);
                let by_clearing = cleared.clear_more(touched, error.clone());
                assert_eq!(by_taking, by_clearing, "{touched:?} {error:?}");
                assert_eq!(taken, cleared);
            }
        }
    }

    #[test]
    fn a_delete_changes_more_than_a_save_and_everything_covers_it() {
        let s = town();
        let (_, store) = memory_store(&[&s]);
        let before = read_all(&store);
        library::delete(&store, &s.id, "t1").wait().unwrap();
        let changed = differs(&before, &read_all(&store));
        assert!(changed.strategies && changed.backups, "{changed:?}");
        assert!(!within(changed, Touched::SAVE), "a delete keeps a backup: SAVE would miss it");
        assert!(within(changed, Touched::EVERYTHING));
    }

    #[test]
    fn a_list_that_cannot_be_read_says_why_and_the_strategies_keep_what_they_showed() {
        let s = town();
        let (_, store) = memory_store(&[&s]);
        let mut shown = read_all(&store);
        let e = StorageError::Unavailable { detail: "test".into() };
        let said = shown.take(Some(Err(e.clone())), MoreRead::failed(Touched::EVERYTHING, e.clone()));
        assert_eq!(said.error, Some(e));
        assert_eq!(shown.summaries.len(), 1, "the list on screen stays");
        assert!(!said.summaries);
        assert_eq!(MoreRead::empty(Touched::SAVE).backups, None);
    }
}
