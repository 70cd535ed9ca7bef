//! The folder sync over an in-memory folder and in-memory storage: three members
//! editing in turn, a conflict, files that do not read, a leftover, a member who left, the fixed
//! point of polling, a new PC.

use super::*;
use crate::format::{export, ImportError};
use crate::model::merge::edits::town;
use crate::model::FiscalYear;
use crate::model::Strategy;
use crate::storage::{MemoryBackend, MemoryFolder, VersionReason};
use crate::testing::Wait;
use std::rc::Rc;

/// One member: a browser (its storage) and its sync with the shared folder.
pub(super) struct MemberBrowser {
    pub(super) store: Store<Rc<MemoryBackend>>,
    pub(super) mem: Rc<MemoryBackend>,
    pub(super) sync: FolderSync,
}

impl MemberBrowser {
    pub(super) fn new(name: &str, id: &Id) -> MemberBrowser {
        MemberBrowser::with_id(name, &new_member_id(), id)
    }

    /// A browser whose member id is given (the order of the folder's files is then fixed).
    pub(super) fn with_id(name: &str, member: &str, id: &Id) -> MemberBrowser {
        MemberBrowser::with_role(name, member, id, None)
    }

    /// A browser whose person said which section they work in.
    pub(super) fn with_role(name: &str, member: &str, id: &Id, role: Option<crate::model::Role>) -> MemberBrowser {
        let mem = Rc::new(MemoryBackend::new());
        let store = Store::new(mem.clone());
        let me = Me { id: member.into(), name: name.into(), role };
        MemberBrowser { store, mem, sync: FolderSync::new(me, id.clone()) }
    }

    pub(super) fn read(&mut self, folder: &MemoryFolder, now: &str) -> FolderReading {
        self.sync.read(&self.store, folder, now).wait().unwrap()
    }

    pub(super) fn write(&mut self, folder: &MemoryFolder, now: &str) -> bool {
        self.sync.write(&self.store, folder, now).wait().unwrap()
    }

    /// A reading, then a write when needed: one poll.
    pub(super) fn poll(&mut self, folder: &MemoryFolder, now: &str) -> (FolderReading, bool) {
        let r = self.read(folder, now);
        (r, self.write(folder, now))
    }

    pub(super) fn strategy(&self) -> Strategy {
        self.store.load(&self.sync.strategy).wait().unwrap()
    }

    pub(super) fn edit(&self, now: &str, f: impl FnOnce(&mut Strategy)) {
        let mut s = self.strategy();
        f(&mut s);
        self.store.save(&s, now).wait().unwrap();
    }

    /// A second tab of this browser: the same storage, a sync of its own.
    pub(super) fn second_tab(&self) -> MemberBrowser {
        let sync = FolderSync::new(self.sync.me.clone(), self.sync.strategy.clone());
        MemberBrowser { store: Store::new(self.mem.clone()), mem: self.mem.clone(), sync }
    }

    /// Everything stored, for "nothing changed" checks.
    pub(super) fn snapshot(&self) -> Vec<(String, Option<String>)> {
        let mut keys = self.mem.keys().wait().unwrap();
        keys.sort();
        keys.into_iter().map(|k| (k.clone(), self.mem.get(&k).wait().unwrap())).collect()
    }
}

use crate::storage::Backend;

pub(super) fn at(minute: u32) -> String {
    format!("2026-12-01T09:{minute:02}:00Z")
}

/// The strategy, set up by A and taken by B and C from A's file (B and C start with nothing).
pub(super) fn three() -> (MemoryFolder, MemberBrowser, MemberBrowser, MemberBrowser) {
    let s = town();
    let folder = MemoryFolder::new();
    let mut a = MemberBrowser::new("田中", &s.id);
    a.store.save(&s, &at(0)).wait().unwrap();
    assert!(a.write(&folder, &at(1)));
    let (mut b, mut c) = (MemberBrowser::new("佐藤", &s.id), MemberBrowser::new("鈴木", &s.id));
    for d in [&mut b, &mut c] {
        let (got, _) = take_whole(&d.store, &folder, &s.id, &at(2)).wait().unwrap().unwrap();
        assert!(got == s, "the strategy whole");
        d.poll(&folder, &at(2));
    }
    (folder, a, b, c)
}

pub(super) fn actual(s: &mut Strategy, value: f64) {
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
    assert_eq!(
        c.store.current_id(&sc.id).wait().unwrap(),
        format::peek_top(&folder.get(&c.sync.own_file()).unwrap()).unwrap().head,
        "named, and written after the merge as it is"
    );
    // A tab of C with a change waiting is told whose changes came in, not "another tab".
    let told = crate::session::tabs::conflict(&c.store, &sc.id, "t").wait();
    assert_eq!(told, crate::session::Notice::TabConflict { title: "t".into(), by: Some("佐藤".into()) });
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
    assert_eq!(
        want(&sa),
        ("Aの題名".into(), "Bの市".into(), FiscalYear(2025), town().indicators[0].series[0].actuals.len() + 1)
    );
    assert_eq!(b.strategy(), sa);
    assert_eq!(c.strategy(), sa);
    // The fixed point: two more polls each write nothing and store nothing.
    let (writes, stored) = (folder.writes().len(), [a.snapshot(), b.snapshot(), c.snapshot()]);
    for round in 0..2 {
        for d in [&mut a, &mut b, &mut c] {
            let (r, wrote) = d.poll(&folder, &at(40 + round));
            assert!(!wrote && !r.stored, "{r:?}");
            assert!(r.members.iter().all(|m| m.standing == MemberStanding::InStep), "{:?}", r.members);
        }
    }
    assert_eq!(folder.writes().len(), writes, "nothing written");
    assert_eq!([a.snapshot(), b.snapshot(), c.snapshot()], stored, "nothing stored");
}

#[test]
fn a_conflict_is_returned_with_nothing_stored_and_the_users_choice_is_stored_as_a_merge() {
    let (folder, mut a, mut b, _) = three();
    a.edit(&at(10), |s| s.title = "Aの題名".into());
    b.edit(&at(10), |s| s.title = "Bの題名".into());
    a.poll(&folder, &at(11));
    let before = b.snapshot();
    let r = b.read(&folder, &at(12));
    assert_eq!(r.conflicts.len(), 1, "{r:?}");
    assert!(!r.stored && r.taken.is_empty());
    assert_eq!(b.snapshot(), before, "nothing stored");
    let line = r.members.iter().find(|m| m.name.as_deref() == Some("田中")).unwrap();
    assert_eq!(line.standing, MemberStanding::Conflicts);
    assert!(!line.changes.is_empty(), "what A changed: {line:?}");
    // The user takes A's title: stored as an import's merge.
    let c = &r.conflicts[0];
    assert_eq!(c.bytes, folder.get(&c.file).unwrap().len(), "the preview says the file's size");
    let choice =
        crate::session::import::Choice::Merge(&c.merge, vec![crate::model::merge::Side::Theirs], Default::default());
    crate::session::import::confirm(
        &b.store,
        c.imported.clone(),
        choice,
        crate::session::preview::SameId::Stored,
        &at(13),
    )
    .wait()
    .unwrap();
    assert_eq!(b.strategy().title, "Aの題名");
    // Both then reach the same version and stop.
    for round in 0..2 {
        b.poll(&folder, &at(14 + round));
        a.poll(&folder, &at(14 + round));
    }
    assert_eq!(a.strategy(), b.strategy());
    let writes = folder.writes().len();
    assert!(!b.poll(&folder, &at(20)).1 && !a.poll(&folder, &at(20)).1);
    assert_eq!(folder.writes().len(), writes);
}

#[test]
fn bad_truncated_newer_and_foreign_files_are_listed_with_their_reason_and_leftovers_ignored() {
    let (folder, mut a, b, _) = three();
    let id = a.sync.strategy.clone();
    let name = |m: &str| file_name(&id, m);
    let good = String::from_utf8(folder.get(&b.sync.own_file()).unwrap()).unwrap();
    folder.put(&name("mbad"), "{ not json");
    // Cut short, holding a version A does not have (one whose top names a version A holds:
    // `history_tests`).
    let held = format::peek_top(good.as_bytes()).unwrap().head.unwrap();
    let unknown = good.replacen(&held.to_string(), &"f".repeat(32), 1);
    let half = (unknown.len() / 2..).find(|i| unknown.is_char_boundary(*i)).unwrap_or(unknown.len());
    folder.put(&name("mcut"), &unknown[..half]);
    folder.put(&name("mnew"), good.replacen(&format!("\"version\":{}", format::CURRENT_VERSION), "\"version\":99", 1));
    let mut other = town();
    other.title = "別の町".into();
    folder.put(&name("mother"), export(&other, "t"));
    folder.put(&format!("{}.crswap", name("mswap")), "half a write");
    folder.put(&format!("{}.crswap", b.sync.own_file()), "half a write");
    folder.put("メモ.txt", "not ours");
    a.edit(&at(10), |s| s.title = "Aの題名".into());
    a.write(&folder, &at(10));
    let before = a.snapshot();
    let r = a.read(&folder, &at(11));
    assert_eq!(a.snapshot(), before, "nothing changed");
    let reason =
        |m: &str| r.refused.iter().find(|x| x.member == m).map(|x| &x.reason).unwrap_or_else(|| panic!("{m}: {r:?}"));
    assert!(matches!(reason("mbad"), FileRefusal::File(ImportError::NotJson { .. })));
    assert!(
        matches!(
            reason("mcut"),
            FileRefusal::File(ImportError::NotJson { problem: format::JsonProblem::Truncated, .. })
        ),
        "{:?}",
        reason("mcut")
    );
    assert_eq!(reason("mnew"), &FileRefusal::File(ImportError::NewerVersion { version: 99 }));
    assert!(matches!(reason("mother"), FileRefusal::OtherStrategy { .. }));
    assert_eq!(r.refused.len(), 4, "the leftovers and the other file are not read: {r:?}");
    assert_eq!(r.members.iter().filter(|m| m.standing == MemberStanding::Refused).count(), 4);
    assert!(r.members.iter().any(|m| m.name.as_deref() == Some("佐藤")), "the good files are still read");
    // Oversized: refused by its size, not read.
    let huge = vec![b' '; format::MAX_FILE_BYTES as usize + 1];
    folder.put(&name("mhuge"), huge);
    let r = a.read(&folder, &at(12));
    assert!(r
        .refused
        .iter()
        .any(|x| x.member == "mhuge" && matches!(x.reason, FileRefusal::File(ImportError::TooLarge { .. }))));
    let read = folder.reads();
    assert!(!read.contains(&name("mhuge")), "refused by the size the folder lists, before a byte is read");
    assert!(!read.iter().any(|n| n.ends_with(".crswap") || n == "メモ.txt"), "leftovers are never read: {read:?}");
    assert!(read.contains(&name("mbad")));
}

#[test]
fn a_member_who_left_stays_listed_as_last_written_and_the_others_carry_on() {
    let (folder, mut a, mut b, mut c) = three();
    c.edit(&at(10), |s| s.municipality.name = "Cの市".into());
    c.poll(&folder, &at(11));
    let c_file = c.sync.own_file();
    drop(c); // C leaves: their file stays in the folder.
    a.poll(&folder, &at(12));
    a.edit(&at(13), |s| s.title = "Aの題名".into());
    a.poll(&folder, &at(14));
    let (r, _) = b.poll(&folder, &at(15));
    assert!(r.conflicts.is_empty());
    let sb = b.strategy();
    assert_eq!((sb.title.as_str(), sb.municipality.name.as_str()), ("Aの題名", "Cの市"));
    let left = r.members.iter().find(|m| m.file == c_file).unwrap();
    // Taken from C's file, or held already when A's (which took C's) was read first.
    assert_eq!(left.written_at, Some(at(11)));
    assert!(matches!(left.standing, MemberStanding::Taken | MemberStanding::Behind), "{left:?}");
    let (r, _) = b.poll(&folder, &at(15));
    let left = r.members.iter().find(|m| m.file == c_file).unwrap();
    assert_eq!(left.standing, MemberStanding::Behind, "B's version holds C's, which C never takes");
    // Their file cleared away later: simply no longer listed.
    folder.take_out(&c_file);
    let (r, _) = b.poll(&folder, &at(16));
    assert!(r.members.iter().all(|m| m.file != c_file));
    for round in 0..2 {
        a.poll(&folder, &at(20 + round));
        b.poll(&folder, &at(20 + round));
    }
    assert_eq!(a.strategy(), b.strategy());
}

#[test]
fn a_new_pc_gets_the_strategy_whole_and_its_next_edit_merges_without_conflict() {
    let (folder, mut a, mut b, _) = three();
    a.edit(&at(10), |s| s.title = "Aの題名".into());
    a.poll(&folder, &at(11));
    b.poll(&folder, &at(12));
    // B's browser profile is cleared: a new PC for B, with nothing stored.
    let mut fresh = MemberBrowser::new("佐藤", &a.sync.strategy);
    let (found, _) = strategies_in(&folder).wait().unwrap();
    assert_eq!(found.len(), 1);
    assert_eq!(found[0].id, a.sync.strategy);
    let (got, from) = take_whole(&fresh.store, &folder, &found[0].id, &at(13)).wait().unwrap().unwrap();
    assert_eq!(from, found[0].files[0]);
    assert_eq!(got.title, "Aの題名", "the most complete file");
    assert!(fresh.store.place(&got.id).wait().unwrap().graph.len() > 1, "with its history");
    fresh.poll(&folder, &at(14));
    // Both edit; each merges the other's without a conflict.
    fresh.edit(&at(15), |s| s.municipality.name = "新しいPCの市".into());
    a.edit(&at(15), |s| s.period.last = FiscalYear(2026));
    let (r, _) = fresh.poll(&folder, &at(16));
    assert!(r.conflicts.is_empty(), "{:?}", r.conflicts.iter().map(|c| &c.merge.conflicts).collect::<Vec<_>>());
    let (r, _) = a.poll(&folder, &at(17));
    assert!(r.conflicts.is_empty() && r.members.iter().all(|m| m.standing != MemberStanding::Unmerged), "{r:?}");
    fresh.poll(&folder, &at(18));
    assert_eq!(fresh.strategy(), a.strategy());
    let s = a.strategy();
    assert_eq!((s.municipality.name.as_str(), s.period.last), ("新しいPCの市", FiscalYear(2026)));
}

#[test]
fn a_folder_merge_is_undone_as_a_change_and_is_not_merged_in_again() {
    let (folder, mut a, mut b, _) = three();
    a.edit(&at(10), |s| s.title = "Aの題名".into());
    a.poll(&folder, &at(11));
    let before = b.strategy();
    let r = b.read(&folder, &at(12));
    let seq = r.taken[0].undo.expect("the history keeps the version before");
    undo(&b.store, &b.sync.strategy, seq, &at(13)).wait().unwrap();
    assert_eq!(b.strategy(), before);
    let r = b.read(&folder, &at(14));
    assert!(r.taken.is_empty() && !r.stored, "A's file is held: not merged in again");
}

#[test]
fn automatic_writes_are_thinned_and_the_file_carries_the_shared_version_it_changed_since() {
    let (folder, mut a, mut b, _) = three();
    for i in 0..6 {
        a.edit(&format!("2026-12-0{}T09:00:00Z", i + 2), |s| s.title = format!("版{i}"));
        a.write(&folder, &format!("2026-12-0{}T09:05:00Z", i + 2));
    }
    let kept = a.store.versions(&a.sync.strategy).wait().unwrap();
    assert!(kept.iter().all(|v| !v.reason.is_pinned() || v.reason == VersionReason::Imported), "{kept:?}");
    assert!(kept.len() < 12, "thinned: {}", kept.len());
    // A edits after its last write: the file carries that write whole, and B merges from it.
    a.edit(&at(30), |s| s.municipality.name = "Aの市".into());
    b.poll(&folder, &at(31));
    a.write(&folder, &at(32));
    let file = format::import(std::str::from_utf8(&folder.get(&a.sync.own_file()).unwrap()).unwrap()).unwrap();
    let lineage = file.lineage.unwrap();
    assert_eq!(lineage.base.and_then(|b| b.strategy()).map(|b| b.title), Some("版5".to_owned()));
    let (r, _) = b.poll(&folder, &at(33));
    assert!(r.conflicts.is_empty() && !r.taken.is_empty(), "{r:?}");
}

/// An undo is a new version on top of the head: it reaches the member whose changes it took
/// back, though the content it brings back is one they held before.
#[test]
fn an_undone_merge_reaches_the_member_whose_changes_it_took_back() {
    let (folder, mut a, mut b, _) = three();
    a.edit(&at(10), |s| actual(s, 12.0));
    b.edit(&at(10), |s| s.title = "Bの題名".into());
    let mut took = None;
    for round in 0..3 {
        let (r, _) = a.poll(&folder, &at(11 + round));
        took = took.or(r.taken.iter().find(|t| t.by == "佐藤").and_then(|t| t.undo));
        b.poll(&folder, &at(11 + round));
    }
    assert_eq!(a.strategy(), b.strategy(), "both hold both");
    assert_eq!(a.strategy().title, "Bの題名");
    // A takes B's changes back out, writes its file, and B reads it.
    let seq = took.expect("A took B's changes, with the version before kept");
    undo(&a.store, &a.sync.strategy, seq, &at(21)).wait().unwrap();
    assert_ne!(a.strategy().title, "Bの題名");
    assert!(a.write(&folder, &at(22)));
    let r = b.read(&folder, &at(23));
    assert!(r.conflicts.is_empty(), "{:?}", r.conflicts.iter().map(|c| &c.merge.conflicts).collect::<Vec<_>>());
    assert_eq!(b.strategy().title, a.strategy().title, "B received the undo: {r:?}");
    assert!(b.strategy().indicators[0].series[0].actuals.iter().any(|x| x.value == 12.0), "A's actual stays");
}

/// The members panel groups members by the section their file names: the planning
/// section first, then the sections in the list's order, then whoever names none or a section
/// the list no longer holds.
#[test]
fn the_members_panel_groups_members_by_the_section_their_file_names() {
    use crate::model::Role;
    let mut s = town();
    let civic = s.add_department("市民課");
    let kids = s.add_department("子育て支援課");
    let folder = MemoryFolder::new();
    let mut a = MemberBrowser::with_role("田中", "m1", &s.id, Some(Role::Planning));
    a.store.save(&s, &at(0)).wait().unwrap();
    assert!(a.write(&folder, &at(1)));
    let mut others = [
        MemberBrowser::with_role("佐藤", "m2", &s.id, Some(Role::Department(kids.clone()))),
        MemberBrowser::with_role("鈴木", "m3", &s.id, None),
        MemberBrowser::with_role("高橋", "m4", &s.id, Some(Role::Department(Id::from("dept-gone")))),
        MemberBrowser::with_role("伊藤", "m5", &s.id, Some(Role::Department(civic.clone()))),
    ];
    for d in &mut others {
        take_whole(&d.store, &folder, &s.id, &at(2)).wait().unwrap().unwrap();
        d.poll(&folder, &at(2));
        assert!(d.write(&folder, &at(3)) || folder.get(&d.sync.own_file()).is_some());
    }
    let r = a.read(&folder, &at(4));
    let groups: Vec<(Option<Role>, Vec<&str>)> = by_section(&r.members, &s)
        .into_iter()
        .map(|(g, ms)| (g, ms.iter().map(|m| m.name.as_deref().unwrap_or("")).collect()))
        .collect();
    assert_eq!(
        groups,
        [
            (Some(Role::Department(civic)), vec!["伊藤"]),
            (Some(Role::Department(kids)), vec!["佐藤"]),
            (None, vec!["鈴木", "高橋"]),
        ],
        "the list's order; an unknown section with those who name none"
    );
    let r = others[1].read(&folder, &at(5));
    assert_eq!(by_section(&r.members, &s)[0].0, Some(Role::Planning), "the planning section first");
}

/// Polls every browser `rounds` times; no card is left (a conflict or values held back).
pub(super) fn settle(folder: &MemoryFolder, browsers: &mut [&mut MemberBrowser], minute: u32, rounds: u32) {
    for round in 0..rounds {
        for d in browsers.iter_mut() {
            let (r, _) = d.poll(folder, &at(minute + round));
            assert!(
                r.conflicts.is_empty() && r.held_back.is_empty(),
                "no card: {:?} {:?}",
                r.conflicts.iter().map(|c| (&c.by, &c.merge.conflicts)).collect::<Vec<_>>(),
                r.held_back
            );
        }
    }
}

/// Every browser holds one version, and two more polls each write nothing and store nothing.
pub(super) fn assert_fixed_point(folder: &MemoryFolder, browsers: &mut [&mut MemberBrowser], minute: u32) {
    let first = browsers[0].strategy();
    let head = browsers[0].store.current_id(&first.id).wait().unwrap();
    assert!(head.is_some(), "named");
    for d in browsers.iter() {
        assert_eq!(d.strategy(), first, "one content");
        assert_eq!(d.store.current_id(&first.id).wait().unwrap(), head, "one version");
    }
    let (writes, stored): (usize, Vec<_>) = (folder.writes().len(), browsers.iter().map(|d| d.snapshot()).collect());
    for round in 0..2 {
        for d in browsers.iter_mut() {
            let (r, wrote) = d.poll(folder, &at(minute + round));
            assert!(!wrote && !r.stored, "{r:?}");
            assert!(r.members.iter().all(|m| m.standing == MemberStanding::InStep), "{:?}", r.members);
        }
    }
    assert_eq!(folder.writes().len(), writes, "nothing written");
    let after: Vec<_> = browsers.iter().map(|d| d.snapshot()).collect();
    assert!(after == stored, "nothing stored");
}
