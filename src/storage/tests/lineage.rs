//! A strategy's versions named by their history, as files carry them between laptops: a restore
//! on top of the head, a file written beside a tab's save, marks from an import on, and a merge
//! stored in one batch. (The base a merge starts from: `session::at_hand`'s tests.)

use crate::format::{export, read, Imported};
use crate::history::Relation;
use crate::model::merge::{merge, Side};
use crate::storage::MemoryBackend;
use crate::storage::{file_version, StorageError, Store};
use crate::testing::{edited, laptop, second_period, Wait};

fn file(text: &str) -> Imported {
    read(text).unwrap()
}

/// A restore and an undone merge are versions on top of the head: the merged-in version
/// stays an ancestor, and the content goes back.
#[test]
fn a_restore_is_a_new_version_on_top_of_the_head() {
    let (a, b) = (laptop(), laptop());
    let s0 = second_period();
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
    let s0 = second_period();
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
    let s0 = second_period();
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

/// Marks start when a strategy arrives from a file, not at the browser's first file: an edit
/// made before a browser ever wrote a file is its own event in that file, and an imported
/// file's marks are kept (the sender's edit still named by the sender).
#[test]
fn edits_made_after_an_import_and_before_a_browsers_first_file_are_its_own() {
    let (a, b) = (laptop(), laptop());
    let s0 = second_period();
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
    let s0 = second_period();
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
    let s0 = second_period();
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

    // Refused (saved since the merge was made: a folder's reading, another tab): nothing of it is
    // stored, and what was saved since stays.
    let a2 = edited(&a1, |s| s.title = "Aの題名（保存済み）".into());
    a.save(&a2, "2026-11-23T10:09:30Z").wait().unwrap();
    let before = (mem.get_now(&keys::strategy(&s0.id)), mem.get_now(&keys::marks(&s0.id)), a.backups().wait().unwrap());
    let refused = a.save_merged((&merged, &a1), &from_b, None, "2026-11-23T10:09:40Z").wait();
    assert!(matches!(refused, Err(StorageError::Conflict { .. })), "{refused:?}");
    let after = (mem.get_now(&keys::strategy(&s0.id)), mem.get_now(&keys::marks(&s0.id)), a.backups().wait().unwrap());
    assert_eq!(after, before, "a merge made against an older version stores nothing");
    assert_eq!(a.load(&s0.id).wait().unwrap(), a2);
    a.save(&a1, "2026-11-23T10:09:50Z").wait().unwrap();

    let batches = mem.batches();
    let backup = a.save_merged((&merged, &a1), &from_b, None, "2026-11-23T10:10:00Z").wait().unwrap();
    assert_eq!(mem.batches() - batches, 1, "the backup, the merge, its marks and the version taken in one batch");
    assert_eq!(a.backup_strategy(&backup.unwrap().key).wait().unwrap(), a1);
    assert_eq!(a.load(&s0.id).wait().unwrap(), merged);
    let theirs = from_b.lineage.as_ref().unwrap().head.unwrap();
    assert_eq!(a.taken_versions(&s0.id).wait().unwrap().iter().map(|k| k.id).collect::<Vec<_>>(), vec![theirs]);
    let marks = a.marks(&s0.id).wait().unwrap();
    assert!(marks.seen_of(&marker) > 0, "A's title is A's event, marked with the merge");

    // A's file taken as it is by a browser that has not edited since it took the first: one
    // batch too (the version, its marks and the version taken).
    let c_mem = Rc::new(MemoryBackend::new());
    let c = Store::new(c_mem.clone());
    c.save_imported(&file(&b.export_file(&s0.id, "2026-11-23T09:01:00Z").wait().unwrap().0), "2026-11-23T09:03:00Z")
        .wait()
        .unwrap();
    let from_a = file(&a.export_file(&s0.id, "2026-11-23T11:00:00Z").wait().unwrap().0);
    let ours = c.load(&s0.id).wait().unwrap();
    let batches = c_mem.batches();
    c.save_merged((&from_a.strategy, &ours), &from_a, None, "2026-11-23T11:01:00Z").wait().unwrap();
    assert_eq!(c_mem.batches() - batches, 1, "a take in one batch");
    assert_eq!(c.load(&s0.id).wait().unwrap(), from_a.strategy);
    assert_eq!(
        c.current_id(&s0.id).wait().unwrap(),
        from_a.lineage.as_ref().unwrap().head,
        "taken as the same version"
    );
}
