//! A strategy's versions named by their history, as files carry them between laptops: a
//! merge from the version both have, a restore on top of the head, a file written beside a
//! tab's save, and the histories and files written before ids.

use crate::format::{export, import, read};
use crate::format::{export_with_lineage, fingerprint, Imported, Lineage, LineageError};
use crate::history::MergeBase;
use crate::history::Relation;
use crate::model::merge::{merge, Side};
use crate::model::Strategy;
use crate::model::{template, FiscalYear, PlanPeriod};
use crate::storage::MemoryBackend;
use crate::storage::{file_version, Store};
use crate::testing::Wait;

fn laptop() -> Store<MemoryBackend> {
    Store::new(MemoryBackend::new())
}

fn sample() -> Strategy {
    template::from_second_period("戦略", "北斗市", PlanPeriod { first: FiscalYear(2020), last: FiscalYear(2024) })
}

fn edited(s: &Strategy, edit: impl FnOnce(&mut Strategy)) -> Strategy {
    let mut s = s.clone();
    edit(&mut s);
    s
}

fn file(text: &str) -> Imported {
    read(text).unwrap()
}

/// Two laptops start from one file, each edits, one sends its file back: the other finds
/// the version both started from, merges, and its next file reaches the first laptop as a
/// version to take as it is.
#[test]
fn two_laptops_merge_from_the_version_they_shared_and_the_merge_comes_back_as_a_fast_forward() {
    let (a, b) = (laptop(), laptop());
    let s0 = sample();
    a.save(&s0, "2026-11-23T09:00:00Z").wait().unwrap();
    let (text0, exported) = a.export_file(&s0.id, "2026-11-23T09:01:00Z").wait().unwrap();
    assert_eq!(exported, s0);
    let v0 = file(&text0).lineage.unwrap().head.unwrap();
    b.save_imported(&file(&text0), "2026-11-23T09:02:00Z").wait().unwrap();
    assert_eq!(b.current_id(&s0.id).wait().unwrap(), Some(v0), "the same version, the same id");

    let a1 = edited(&s0, |s| s.title = "Aの題名".into());
    a.save(&a1, "2026-11-23T10:00:00Z").wait().unwrap();
    assert_eq!(a.current_id(&s0.id).wait().unwrap(), None, "an edit nobody has seen is not named");
    let b1 = edited(&s0, |s| s.municipality.name = "Bの市".into());
    b.save(&b1, "2026-11-23T10:00:00Z").wait().unwrap();
    let (text1, _) = b.export_file(&s0.id, "2026-11-23T10:05:00Z").wait().unwrap();
    let from_b = file(&text1);
    let lineage = from_b.lineage.clone().unwrap();
    assert_eq!(
        lineage.base.as_ref().and_then(|b| b.strategy()),
        Some(s0.clone()),
        "the version it was made on travels whole"
    );
    assert_eq!(lineage.base_id.as_ref(), Some(&v0));

    let Ok(Some(MergeBase { strategy: base, in_file, .. })) = a.common_base(&from_b).wait().unwrap() else { panic!() };
    assert_eq!((&base, in_file), (&s0, false), "A has the version it exported");
    let merged = merge(&base, &a1, &from_b.strategy).resolve_all(Side::Ours).unwrap();
    let backup = a.save_merged((&merged, &a1), &from_b, None, "2026-11-23T10:10:00Z").wait().unwrap();
    assert_eq!(a.backup_strategy(&backup.unwrap().key).wait().unwrap(), a1, "the merge can be undone");
    let place = a.place(&s0.id).wait().unwrap();
    assert_eq!(place.parents.len(), 2, "a merge has two parents");
    assert!(place.holds(lineage.head.unwrap()) && place.holds(v0));

    // B has not edited since: A's merged file is taken as it is, and both hold one version.
    let (text2, _) = a.export_file(&s0.id, "2026-11-23T11:05:00Z").wait().unwrap();
    let from_a = file(&text2);
    let b_place = b.ancestry(&s0.id).wait().unwrap();
    assert_eq!(b_place.relation(&file_version(&from_a)), Relation::FastForward);
    let Ok(Some(MergeBase { strategy: base, .. })) = b.common_base(&from_a).wait().unwrap() else { panic!() };
    let taken = merge(&base, &b1, &from_a.strategy).resolve_all(Side::Ours).unwrap();
    assert_eq!(taken, from_a.strategy);
    b.save_merged((&taken, &b1), &from_a, None, "2026-11-23T11:06:00Z").wait().unwrap();
    assert_eq!(b.current_id(&s0.id).wait().unwrap(), a.current_id(&s0.id).wait().unwrap(), "one head");
}

/// A restore and an undone merge are versions on top of the head: the merged-in version
/// stays an ancestor, and the content goes back.
#[test]
fn a_restore_is_a_new_version_on_top_of_the_head() {
    let (a, b) = (laptop(), laptop());
    let s0 = sample();
    a.save(&s0, "2026-11-23T09:00:00Z").wait().unwrap();
    b.save_imported(&file(&a.export_file(&s0.id, "t").wait().unwrap().0), "t").wait().unwrap();
    let b1 = edited(&s0, |s| s.municipality.name = "Bの市".into());
    b.save(&b1, "2026-11-23T10:00:00Z").wait().unwrap();
    let from_b = file(&b.export_file(&s0.id, "2026-11-23T10:01:00Z").wait().unwrap().0);
    let b1_id = from_b.lineage.as_ref().unwrap().head.unwrap();
    let a1 = edited(&s0, |s| s.title = "A".into());
    a.save(&a1, "2026-11-23T10:02:00Z").wait().unwrap();
    let merged = merge(&s0, &a1, &from_b.strategy).resolve_all(Side::Ours).unwrap();
    let backup = a.save_merged((&merged, &a1), &from_b, None, "2026-11-23T10:03:00Z").wait().unwrap().unwrap();
    let merge_id = a.current_id(&s0.id).wait().unwrap().unwrap();
    a.restore_backup(&backup.key, "2026-11-23T10:04:00Z").wait().unwrap();
    assert_eq!(a.load(&s0.id).wait().unwrap(), a1);
    let place = a.place(&s0.id).wait().unwrap();
    assert_eq!(place.parents, std::slice::from_ref(&merge_id), "on top of the merge, not a step back");
    assert!(place.holds(b1_id), "B's version stays an ancestor: B receives the restore");
    // B takes A's file as it is: the restore reaches B.
    let from_a = file(&a.export_file(&s0.id, "2026-11-23T10:05:00Z").wait().unwrap().0);
    assert_eq!(b.ancestry(&s0.id).wait().unwrap().relation(&file_version(&from_a)), Relation::FastForward);
}

/// Naming the current version (a write to a file) never touches what a tab's save checks.
#[test]
fn writing_a_file_does_not_make_a_tabs_next_save_a_conflict() {
    let a = laptop();
    let s0 = sample();
    a.save(&s0, "t0").wait().unwrap();
    let (_, revision) = a.load_current(&s0.id).wait().unwrap();
    a.export_file(&s0.id, "t1").wait().unwrap();
    let s1 = edited(&s0, |s| s.title = "次".into());
    let saved = a.save_over(&s1, "t2", revision).wait();
    assert!(saved.is_ok(), "{saved:?}");
    let place = a.place(&s0.id).wait().unwrap();
    assert_eq!(place.parents.len(), 1, "made on the version written out");
    assert!(place.graph.contains(place.parents[0]));
    // A second save over a version nobody has seen keeps its parents: the graph grows by
    // what was shared only.
    let before = place.graph.len();
    a.save(&edited(&s1, |s| s.title = "次の次".into()), "t3").wait().unwrap();
    let after = a.place(&s0.id).wait().unwrap();
    assert_eq!((&after.parents, after.graph.len()), (&place.parents, before));
}

/// A reading's ancestry made from the place it read first is what reading it again gives:
/// after nothing, after a version named meanwhile (another tab writing its file), and after a
/// save (its graph then read again).
#[test]
fn an_ancestry_from_a_place_read_before_is_the_ancestry_read_again() {
    let a = laptop();
    let s0 = sample();
    a.save(&s0, "t0").wait().unwrap();
    a.export_file(&s0.id, "t1").wait().unwrap();
    let s1 = edited(&s0, |s| s.title = "次".into());
    a.save(&s1, "t2").wait().unwrap();
    let same = |place| {
        let (from, read) = (a.ancestry_from(&s0.id, place).wait().unwrap(), a.ancestry(&s0.id).wait().unwrap());
        assert_eq!(
            (&from.place.id, &from.place.parents, &from.place.graph),
            (&read.place.id, &read.place.parents, &read.place.graph)
        );
        assert_eq!(
            (from.named(), &from.current, from.revision(), &from.kept),
            (read.named(), &read.current, read.revision(), &read.kept)
        );
    };
    same(a.place(&s0.id).wait().unwrap());
    // Named meanwhile: the graph read before lacks its node, and names it alike.
    let before = a.place(&s0.id).wait().unwrap();
    a.export_file(&s0.id, "t3").wait().unwrap();
    let from = a.ancestry_from(&s0.id, before).wait().unwrap();
    assert_eq!(from.named().0, a.place(&s0.id).wait().unwrap().id.unwrap());
    // Saved meanwhile: read again, whatever the place read before held.
    let mut stale = a.place(&s0.id).wait().unwrap();
    stale.graph = crate::history::Graph::default();
    a.save(&edited(&s1, |s| s.title = "三".into()), "t4").wait().unwrap();
    same(stale);
}

/// A head and a file written before ids: their list of fingerprints reads as a line of
/// versions, and a merge with such a file finds its base.
#[test]
fn histories_and_files_written_before_ids_read_as_a_line() {
    use crate::storage::{keys, Backend, Head};
    let s0 = sample();
    let s1 = edited(&s0, |s| s.title = "B".into());
    let (fp0, fp1) = (fingerprint(&s0), fingerprint(&s1));
    // A head as the previous build stored it: shared as it is, after an older version.
    let old = laptop();
    old.save(&s1, "2026-11-01T09:00:00Z").wait().unwrap();
    let mut head: Head = old.head(&s0.id).wait().unwrap();
    head.parents.clear();
    head.fingerprint = Some(fp1);
    head.lineage = vec![fp1, fp0];
    old.backend.set(&keys::head(&s0.id), &serde_json::to_string(&head).unwrap()).wait().unwrap();
    old.backend.remove(&keys::named(&s0.id)).wait().unwrap();
    old.backend.remove(&keys::graph(&s0.id)).wait().unwrap();
    let place = old.place(&s0.id).wait().unwrap();
    assert!(place.holds(fp1) && place.holds(fp0), "{place:?}");
    // A file the previous build wrote: its lineage a list, the strategy named by its content.
    let s2 = edited(&s1, |s| s.municipality.name = "C".into());
    let legacy = Lineage { versions: vec![fp1, fp0], base: Some(s1.clone().into()), ..Lineage::default() };
    let text = export_with_lineage(&s2, "2026-11-02T09:00:00Z", &legacy);
    let from_old = file(&text);
    let v = file_version(&from_old);
    assert_eq!((v.id, v.parents.as_slice()), (fingerprint(&s2), std::slice::from_ref(&fp1)));
    assert_eq!(old.ancestry(&s0.id).wait().unwrap().relation(&v), Relation::FastForward);
    // A laptop with its own edit merges it from the version the list names.
    let mine = edited(&s1, |s| s.period.last = FiscalYear(2025));
    old.save(&mine, "2026-11-02T10:00:00Z").wait().unwrap();
    let Ok(Some(MergeBase { strategy: base, .. })) = old.common_base(&from_old).wait().unwrap() else { panic!() };
    assert_eq!(base, s1);
    // The next save is made on the version the list names first (the list stays in the head
    // until a version is named, and then moves into the graph).
    let head = old.head(&s0.id).wait().unwrap();
    assert_eq!(head.parents, std::slice::from_ref(&fp1));
    old.export_file(&s0.id, "2026-11-02T11:00:00Z").wait().unwrap();
    assert!(old.place(&s0.id).wait().unwrap().holds(fp0));
}

#[test]
fn a_browser_without_the_base_merges_from_the_one_the_file_carries_and_refuses_a_forged_one() {
    let (a, c) = (laptop(), laptop());
    let s0 = sample();
    a.save(&s0, "2026-11-23T09:00:00Z").wait().unwrap();
    let first = file(&a.export_file(&s0.id, "2026-11-23T09:01:00Z").wait().unwrap().0);
    a.save(&edited(&s0, |s| s.title = "A".into()), "2026-11-23T09:02:00Z").wait().unwrap();
    let from_a = file(&a.export_file(&s0.id, "2026-11-23T09:03:00Z").wait().unwrap().0);
    // C took the first file, then its history was cleared (a USB copy of the stored data).
    c.save_imported(&first, "2026-11-23T09:04:00Z").wait().unwrap();
    c.save(&edited(&s0, |s| s.municipality.name = "C".into()), "2026-11-23T09:05:00Z").wait().unwrap();
    c.discard_versions().wait().unwrap();
    assert_eq!(
        c.common_base(&from_a).wait().unwrap(),
        Ok(Some(MergeBase { strategy: s0.clone(), in_file: true, exact: true }))
    );
    let mut tampered = from_a.clone();
    let lineage = tampered.lineage.as_mut().unwrap();
    let mut base = lineage.base.as_ref().unwrap().strategy().unwrap();
    base.title = "書き換え".into();
    lineage.base = Some(base.into());
    assert_eq!(c.common_base(&tampered).wait().unwrap(), Err(LineageError::BaseMismatch));
    // Picked by hand, an altered file is refused even by a browser that holds the version itself.
    assert_eq!(a.common_base(&tampered).wait().unwrap(), Err(LineageError::BaseMismatch));
    // Edited after it was written: a version made on the one the file names, merged from the
    // same base.
    let mut edited_after = from_a.clone();
    edited_after.strategy.title = "書き換え".into();
    assert_eq!(
        c.common_base(&edited_after).wait().unwrap(),
        Ok(Some(MergeBase { strategy: s0.clone(), in_file: true, exact: true }))
    );
    // No history and nothing in common: nothing to merge from.
    let plain = import(&export(&edited(&s0, |s| s.title = "別".into()), "t")).unwrap();
    let d = laptop();
    d.save(&s0, "t").wait().unwrap();
    assert_eq!(d.common_base(&plain).wait().unwrap(), Ok(None));
}

/// A strategy replaced by a file that says nothing of its history, then a file from a laptop
/// that took an earlier export: merged from the newest version of this browser's history that
/// the file descends from.
#[test]
fn a_version_replaced_by_a_file_without_history_still_merges_from_the_version_both_had() {
    let a = laptop();
    let s0 = sample();
    a.save(&s0, "t0").wait().unwrap();
    let shared = file(&a.export_file(&s0.id, "t1").wait().unwrap().0);
    let b = laptop();
    b.save_imported(&shared, "t2").wait().unwrap();
    b.save(&edited(&s0, |s| s.title = "B".into()), "t3").wait().unwrap();
    let from_b = file(&b.export_file(&s0.id, "t4").wait().unwrap().0);
    let ours = edited(&s0, |s| s.municipality.name = "置き換え".into());
    a.replace(&ours, "t5", None).wait().unwrap();
    assert_eq!(
        a.common_base(&from_b).wait().unwrap(),
        Ok(Some(MergeBase { strategy: s0, in_file: false, exact: false }))
    );
}

/// Marks start when a strategy arrives from a file, not at the browser's first file: an edit
/// made before a browser ever wrote a file is its own event in that file, and an imported
/// file's marks are kept (the sender's edit still named by the sender).
#[test]
fn edits_made_after_an_import_and_before_a_browsers_first_file_are_its_own() {
    let (a, b) = (laptop(), laptop());
    let s0 = sample();
    a.save(&s0, "2026-11-23T09:00:00Z").wait().unwrap();
    a.export_file(&s0.id, "2026-11-23T09:01:00Z").wait().unwrap();
    let s1 = edited(&s0, |s| std::sync::Arc::make_mut(&mut s.goals[0]).title = "Aの基本目標".into());
    a.save(&s1, "2026-11-23T09:05:00Z").wait().unwrap();
    let text = a.export_file(&s0.id, "2026-11-23T09:10:00Z").wait().unwrap().0;
    let marks = file(&text).marks().expect("A's edit is marked");
    let a_name = a.marker().wait().unwrap();
    assert!(marks.seen_of(&a_name) > 0, "A's own event");
    // B imports it and edits before it ever writes a file.
    b.save_imported(&file(&text), "2026-11-23T10:00:00Z").wait().unwrap();
    let s2 = edited(&s1, |s| std::sync::Arc::make_mut(&mut s.goals[1]).title = "Bの基本目標".into());
    b.save(&s2, "2026-11-23T10:05:00Z").wait().unwrap();
    let from_b = file(&b.export_file(&s0.id, "2026-11-23T10:10:00Z").wait().unwrap().0).marks().unwrap();
    assert_eq!(from_b.seen_of(&a_name), marks.seen_of(&a_name), "A's event kept by B");
    assert!(from_b.seen_of(&b.marker().wait().unwrap()) > 0, "B's own event");
    assert_eq!(from_b.len(), marks.len() + 1, "A's mark and B's");
}

/// An import keeps the marks it arrives with unmade (they read every value, and most imports
/// are never written out or merged); they are made from the version it arrived as when first
/// needed, so an edit made before then is still this browser's own event.
#[test]
fn an_import_makes_no_marks_until_they_are_needed_and_edits_before_then_are_still_its_own() {
    let (a, b) = (laptop(), laptop());
    let s0 = sample();
    a.save(&s0, "2026-11-23T09:00:00Z").wait().unwrap();
    let plain = export(&s0, "2026-11-23T09:01:00Z");
    b.save_imported(&file(&plain), "2026-11-23T10:00:00Z").wait().unwrap();
    let kept = crate::storage::Backend::get(&b.backend, &crate::storage::keys::marks(&s0.id))
        .wait()
        .unwrap()
        .expect("a marks record");
    assert!(kept.len() < 200, "no mark made at the import: {kept}");
    let s1 = edited(&s0, |s| std::sync::Arc::make_mut(&mut s.goals[0]).title = "Bの基本目標".into());
    b.save(&s1, "2026-11-23T10:05:00Z").wait().unwrap();
    let marks = file(&b.export_file(&s0.id, "2026-11-23T10:10:00Z").wait().unwrap().0).marks().unwrap();
    assert!(marks.seen_of(&b.marker().wait().unwrap()) > 0, "B's edit is its own event");
    assert_eq!(marks.len(), 1, "only B's edit names an event: the rest arrived unknown");
}

/// 統合する stores its merge in one batch, as the folder does: the backup of the version it
/// replaces, the merge, its marks and the file's version kept as the one last taken from its
/// author. A batch the storage refuses changes nothing of them.
#[test]
fn a_merge_is_stored_in_one_batch_with_its_backup_marks_and_the_version_taken() {
    use crate::storage::keys;
    use std::rc::Rc;
    let mem = Rc::new(MemoryBackend::new());
    let (a, b) = (Store::new(mem.clone()), laptop());
    let s0 = sample();
    b.save(&s0, "2026-11-23T09:00:00Z").wait().unwrap();
    a.save_imported(&file(&b.export_file(&s0.id, "2026-11-23T09:01:00Z").wait().unwrap().0), "2026-11-23T09:02:00Z")
        .wait()
        .unwrap();
    let a1 = edited(&s0, |s| s.title = "Aの題名".into());
    a.save(&a1, "2026-11-23T10:00:00Z").wait().unwrap();
    b.save(&edited(&s0, |s| s.municipality.name = "Bの市".into()), "2026-11-23T10:00:00Z").wait().unwrap();
    let from_b = file(&b.export_file(&s0.id, "2026-11-23T10:05:00Z").wait().unwrap().0);
    let merged = merge(&s0, &a1, &from_b.strategy).resolve_all(Side::Ours).unwrap();
    // This browser's name in marks, made once (its first file, or here).
    let marker = a.marker().wait().unwrap();

    // Refused (the storage is full): nothing of it is stored, the backup neither.
    let before = (mem.get_now(&keys::strategy(&s0.id)), mem.get_now(&keys::marks(&s0.id)), a.backups().wait().unwrap());
    mem.set_quota(Some(mem.used_bytes()));
    assert!(a.save_merged((&merged, &a1), &from_b, None, "2026-11-23T10:09:00Z").wait().is_err());
    mem.set_quota(None);
    let after = (mem.get_now(&keys::strategy(&s0.id)), mem.get_now(&keys::marks(&s0.id)), a.backups().wait().unwrap());
    assert_eq!(after, before, "a refused merge stores nothing");
    assert!(a.taken_versions(&s0.id).wait().unwrap().is_empty());

    let batches = mem.batches();
    let backup = a.save_merged((&merged, &a1), &from_b, None, "2026-11-23T10:10:00Z").wait().unwrap();
    assert_eq!(mem.batches() - batches, 1, "the backup, the merge, its marks and the version taken in one batch");
    assert_eq!(a.backup_strategy(&backup.unwrap().key).wait().unwrap(), a1);
    assert_eq!(a.load(&s0.id).wait().unwrap(), merged);
    let theirs = from_b.lineage.as_ref().unwrap().head.unwrap();
    assert_eq!(a.taken_versions(&s0.id).wait().unwrap().iter().map(|k| k.id).collect::<Vec<_>>(), vec![theirs]);
    let marks = a.marks(&s0.id).wait().unwrap();
    assert!(marks.seen_of(&marker) > 0, "A's title is A's event, marked with the merge");
}
