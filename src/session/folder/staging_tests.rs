//! A reading that stores what it took before its end (the staged versions hold more than
//! `storage::STAGED_BYTES`: more than ten members of a large strategy), and another tab of
//! the same browser storing meanwhile — before the reading stored anything, or between two of
//! its stores; and such a reading's long steps each in a task of its own.

use super::tests::{actual, at, three, MemberBrowser};
use super::*;
use crate::model::Strategy;
use crate::storage::MemoryFolder;
use crate::testing::Wait;

/// A folder whose whole-file reads (from the `at_read`th on) let another tab of the same
/// browser save the strategy first (as a second tab's reading would, between this reading's
/// start and its storing).
struct OtherTabSaves<'a> {
    folder: &'a MemoryFolder,
    other: &'a MemberBrowser,
    at_read: usize,
    reads: std::cell::Cell<usize>,
}

impl crate::storage::Folder for OtherTabSaves<'_> {
    async fn list(&self) -> Result<Vec<crate::storage::FolderEntry>, crate::storage::FolderError> {
        self.folder.list().await
    }
    async fn read(&self, name: &str) -> Result<Vec<u8>, crate::storage::FolderError> {
        self.reads.set(self.reads.get() + 1);
        if self.reads.get() >= self.at_read {
            self.other.edit(&at(30), |s| s.municipality.name = "別のタブの市".into());
        }
        self.folder.read(name).await
    }
    async fn read_start(&self, name: &str, bytes: usize) -> Result<Vec<u8>, crate::storage::FolderError> {
        self.folder.read_start(name, bytes).await
    }
    async fn write(&self, name: &str, bytes: &[u8]) -> Result<(), crate::storage::FolderError> {
        self.folder.write(name, bytes).await
    }
}

/// The reading says another tab stored meanwhile (not that this tab's changes are unsaved), and
/// the other tab's save stands in `browser`'s storage.
fn stopped_for_the_other_tab(r: &FolderReading, browser: &MemberBrowser) {
    let said = crate::words::folder::reading(r, crate::locale::Language::Ja).join("");
    assert!(said.contains("別のタブ") && !said.contains("まだ保存していません"), "{said}");
    assert_eq!(browser.strategy().municipality.name, "別のタブの市", "the other tab's save stands");
}

#[test]
fn another_tab_storing_during_a_reading_stops_it_quietly_and_the_next_reading_takes_the_rest() {
    let (folder, mut a, mut b, _) = three();
    a.edit(&at(10), |s| s.title = "Aの題名".into());
    a.write(&folder, &at(11));
    // B's second tab: the same browser storage, a sync of its own.
    let tab = b.second_tab();
    let saves = OtherTabSaves { folder: &folder, other: &tab, at_read: 1, reads: Default::default() };
    let r = b.sync.read(&b.store, &saves, &at(31)).wait().unwrap();
    assert!(r.other_tab, "{r:?}");
    assert!(!r.stored && r.taken.is_empty() && r.conflicts.is_empty());
    stopped_for_the_other_tab(&r, &b);
    let r = b.read(&folder, &at(32));
    assert!(!r.other_tab && r.stored, "{r:?}");
    let s = b.strategy();
    assert_eq!((s.title.as_str(), s.municipality.name.as_str()), ("Aの題名", "別のタブの市"));
}

/// Three members' changes in the folder, and two fresh members (`d`, `e`) who took the
/// strategy before them: both at the same version, neither holding the changes.
fn three_changes_and_two_to_take_them() -> (MemoryFolder, MemberBrowser, MemberBrowser) {
    let (folder, mut a, mut b, mut c) = three();
    let id = a.sync.strategy.clone();
    let (mut d, mut e) = (MemberBrowser::new("高橋", &id), MemberBrowser::new("伊藤", &id));
    for x in [&mut d, &mut e] {
        take_whole(&x.store, &folder, &id, &at(3)).wait().unwrap().unwrap();
        x.poll(&folder, &at(3));
    }
    // Each reads the other's file once (whole, the first time it is seen): the readings below
    // read only the three changed files whole.
    for x in [&mut d, &mut e] {
        x.poll(&folder, &at(4));
    }
    a.edit(&at(10), |s| s.title = "Aの題名".into());
    b.edit(&at(10), |s| std::sync::Arc::make_mut(&mut s.goals[0]).title = "Bの基本目標".into());
    c.edit(&at(10), |s| actual(s, 4321.0));
    for x in [&mut a, &mut b, &mut c] {
        assert!(x.write(&folder, &at(11)));
    }
    (folder, d, e)
}

fn has_the_three_changes(s: &Strategy) -> bool {
    s.title == "Aの題名"
        && s.goals[0].title == "Bの基本目標"
        && s.indicators[0].series[0].actuals.iter().any(|a| a.value == 4321.0)
}

#[test]
fn a_reading_that_stores_each_member_alone_makes_the_versions_one_store_at_its_end_makes() {
    let (folder, mut d, mut e) = three_changes_and_two_to_take_them();
    d.sync.staged_bytes = 1; // every version taken is stored before the next merge
    let versions = d.store.versions(&d.sync.strategy).wait().unwrap().len();
    let (rd, re) = (d.read(&folder, &at(20)), e.read(&folder, &at(20)));
    assert_eq!((rd.taken.len(), re.taken.len()), (3, 3), "{rd:?}");
    assert!(rd.taken.iter().all(|t| t.undo.is_some()), "each one's undo: {:?}", rd.taken);
    assert!(has_the_three_changes(&d.strategy()));
    assert_eq!(d.strategy(), e.strategy(), "one content");
    let id = &d.sync.strategy;
    let head = d.store.current_id(id).wait().unwrap();
    assert!(head.is_some() && head == e.store.current_id(id).wait().unwrap(), "one version, named alike");
    assert_eq!(d.store.versions(id).wait().unwrap().len(), versions + 3, "one version for each member");
    // The open strategy follows the last version stored.
    assert_eq!(rd.head.as_ref().map(|(s, _)| s), Some(&d.strategy()));
    // Undoing the last member's change brings back the version stored before it, mid-reading.
    let undone = undo(&d.store, id, rd.taken[2].undo.unwrap(), &at(21)).wait().unwrap();
    assert!(!has_the_three_changes(&undone), "the last change taken back");
}

#[test]
fn another_tab_storing_between_two_of_a_readings_stores_stops_it_with_what_it_stored_kept() {
    let (folder, mut d, _) = three_changes_and_two_to_take_them();
    d.sync.staged_bytes = 1;
    let tab = d.second_tab();
    // The other tab stores before the second file is read: after the first member's version
    // was stored, before the second's.
    let saves = OtherTabSaves { folder: &folder, other: &tab, at_read: 2, reads: Default::default() };
    let r = d.sync.read(&d.store, &saves, &at(31)).wait().unwrap();
    assert!(r.other_tab && r.stored, "{r:?}");
    assert_eq!(r.taken.len(), 1, "the first member's version, stored before the other tab's: {:?}", r.taken);
    assert!(r.head.is_none(), "the open strategy reads the stored one again, not this reading's");
    stopped_for_the_other_tab(&r, &d);
    // The next reading takes the rest; nothing is lost.
    let r = d.read(&folder, &at(32));
    assert!(!r.other_tab && r.stored, "{r:?}");
    let s = d.strategy();
    assert!(has_the_three_changes(&s) && s.municipality.name == "別のタブの市", "{:?}", s.title);
}

/// Notes each timed step and each point where the page's thread is given back (a yield, or a
/// wait on the folder or storage: in the browser a task ends there).
#[derive(Default)]
struct Steps(std::cell::RefCell<Vec<String>>);

impl crate::session::stopwatch::Stopwatch for Steps {
    fn timed<T>(&self, name: &str, f: impl FnOnce() -> T) -> T {
        self.0.borrow_mut().push(name.trim_start_matches("shirube:folder-").to_owned());
        f()
    }
    async fn yield_now(&self) {
        self.0.borrow_mut().push("|".into());
    }
    async fn timed_wait<T>(&self, name: &str, f: impl std::future::Future<Output = T>) -> T {
        self.0.borrow_mut().push(format!("{}|", name.trim_start_matches("shirube:folder-")));
        f.await
    }
}

#[test]
fn a_readings_long_steps_each_run_in_a_task_of_their_own() {
    // Whether it stores at its end or as it goes (each version alone).
    for staged_bytes in [crate::storage::STAGED_BYTES, 1] {
        let (folder, mut d, _) = three_changes_and_two_to_take_them();
        d.sync.staged_bytes = staged_bytes;
        let steps = Steps::default();
        let r = d.sync.read_timed(&d.store, &folder, &at(20), &steps).wait().unwrap();
        long_steps_apart(&r, steps.0.into_inner());
    }
}

fn long_steps_apart(r: &FolderReading, steps: Vec<String>) {
    assert_eq!(r.taken.len(), 3, "{r:?}");
    // The first member's version taken as it is (listed as a merge), the others merged.
    assert!(steps.iter().filter(|s| *s == "merge").count() >= 3 && steps.contains(&"resolve".to_owned()), "{steps:?}");
    // Between two of the long steps, the thread is given back: for a large strategy two
    // together pass the 100 ms a task may take.
    let long = ["open", "hash", "flatten", "merge", "resolve", "stage"];
    let mut last: Option<&str> = None;
    for s in &steps {
        if s.ends_with('|') {
            last = None;
        } else if long.contains(&s.as_str()) {
            assert!(last.is_none(), "{last:?} and {s} in one task: {steps:?}");
            last = Some(s);
        }
    }
}
