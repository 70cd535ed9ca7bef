//! The folder sync over an in-memory folder and in-memory storage (issue 46): three members
//! editing in turn, a conflict, files that do not read, a leftover, a member who left, the fixed
//! point of polling, a new PC.

use super::*;
use crate::model::merge::edits::town;
use crate::model::FiscalYear;
use crate::storage::{MemoryBackend, MemoryFolder, VersionReason};
use crate::testing::Wait;
use std::rc::Rc;

/// One member: a browser (its storage) and its sync with the shared folder.
struct Desk {
    store: Store<Rc<MemoryBackend>>,
    mem: Rc<MemoryBackend>,
    sync: FolderSync,
}

impl Desk {
    fn new(name: &str, id: &Id) -> Desk {
        let mem = Rc::new(MemoryBackend::new());
        let store = Store::new(mem.clone());
        let me = Me { id: new_member_id(), name: name.into() };
        Desk { store, mem, sync: FolderSync::new(me, id.clone()) }
    }

    fn read(&mut self, folder: &MemoryFolder, now: &str) -> Reading {
        self.sync.read(&self.store, folder, now).wait().unwrap()
    }

    fn write(&mut self, folder: &MemoryFolder, now: &str) -> bool {
        self.sync.write(&self.store, folder, now).wait().unwrap()
    }

    /// A reading, then a write when needed: one poll.
    fn poll(&mut self, folder: &MemoryFolder, now: &str) -> (Reading, bool) {
        let r = self.read(folder, now);
        (r, self.write(folder, now))
    }

    fn strategy(&self) -> Strategy {
        self.store.load(&self.sync.strategy).wait().unwrap()
    }

    fn edit(&self, now: &str, f: impl FnOnce(&mut Strategy)) {
        let mut s = self.strategy();
        f(&mut s);
        self.store.save(&s, now).wait().unwrap();
    }

    /// Everything stored, for "nothing changed" checks.
    fn snapshot(&self) -> Vec<(String, Option<String>)> {
        let mut keys = self.mem.keys().wait().unwrap();
        keys.sort();
        keys.into_iter().map(|k| (k.clone(), self.mem.get(&k).wait().unwrap())).collect()
    }
}

use crate::storage::Backend;

fn at(minute: u32) -> String {
    format!("2026-12-01T09:{minute:02}:00Z")
}

/// The strategy, set up by A and taken by B and C from A's file (B and C start with nothing).
fn three() -> (MemoryFolder, Desk, Desk, Desk) {
    let s = town();
    let folder = MemoryFolder::new();
    let mut a = Desk::new("田中", &s.id);
    a.store.save(&s, &at(0)).wait().unwrap();
    assert!(a.write(&folder, &at(1)));
    let (mut b, mut c) = (Desk::new("佐藤", &s.id), Desk::new("鈴木", &s.id));
    for d in [&mut b, &mut c] {
        let (got, _) = take_whole(&d.store, &folder, &s.id, &at(2)).wait().unwrap().unwrap();
        assert!(got == s, "the strategy whole");
        d.poll(&folder, &at(2));
    }
    (folder, a, b, c)
}

fn actual(s: &mut Strategy, value: f64) {
    let ind = std::sync::Arc::make_mut(&mut s.indicators[0]);
    let series = &mut ind.series[0];
    series.actuals.retain(|a| a.year != FiscalYear(2023));
    series.actuals.push(crate::model::Actual {
        year: FiscalYear(2023),
        value,
        provisional: false,
        comment: String::new(),
        source: String::new(),
    });
}

#[test]
fn three_members_editing_in_turn_all_end_with_every_edit_and_then_stop_writing() {
    let (folder, mut a, mut b, mut c) = three();
    a.edit(&at(10), |s| s.title = "Aの題名".into());
    b.edit(&at(11), |s| s.municipality.name = "Bの市".into());
    a.poll(&folder, &at(12));
    b.poll(&folder, &at(12));
    c.edit(&at(13), |s| actual(s, 120.0));
    let (r, wrote) = c.poll(&folder, &at(14));
    assert!(wrote);
    // B's file holds A's change too (B read A's first): taken from B, A's file then held — or
    // A's first, then B's (the folder's order is the member ids').
    let by: Vec<&str> = r.taken.iter().map(|t| t.by.as_str()).collect();
    assert!(by == ["佐藤"] || by == ["田中", "佐藤"], "{r:?}");
    assert!(r.conflicts.is_empty() && r.refused.is_empty());
    let sc = c.strategy();
    assert_eq!((sc.title.as_str(), sc.municipality.name.as_str()), ("Aの題名", "Bの市"));
    let head = c.store.head(&sc.id).wait().unwrap();
    assert_eq!((head.reason, head.merged_from.as_deref()), (VersionReason::FolderMerged, Some("佐藤")));
    assert!(head.fingerprint.is_some(), "written after the merge, as it is");
    // Interleaved: A edits again before it has read anything of the others.
    a.edit(&at(15), |s| s.period.last = FiscalYear(2025));
    for round in 0..3 {
        for d in [&mut a, &mut b, &mut c] {
            d.poll(&folder, &at(20 + round));
        }
    }
    let want = |s: &Strategy| {
        (s.title.clone(), s.municipality.name.clone(), s.period.last, s.indicators[0].series[0].actuals.len())
    };
    let sa = a.strategy();
    assert_eq!(want(&sa), ("Aの題名".into(), "Bの市".into(), FiscalYear(2025), town().indicators[0].series[0].actuals.len() + 1));
    assert_eq!(b.strategy(), sa);
    assert_eq!(c.strategy(), sa);
    // The fixed point: two more polls each write nothing and store nothing.
    let (writes, stored) = (folder.writes().len(), [a.snapshot(), b.snapshot(), c.snapshot()]);
    for round in 0..2 {
        for d in [&mut a, &mut b, &mut c] {
            let (r, wrote) = d.poll(&folder, &at(40 + round));
            assert!(!wrote && !r.stored, "{r:?}");
            assert!(r.members.iter().all(|m| m.standing == Standing::InStep), "{:?}", r.members);
        }
    }
    assert_eq!(folder.writes().len(), writes, "nothing written");
    assert_eq!([a.snapshot(), b.snapshot(), c.snapshot()], stored, "nothing stored");
}
