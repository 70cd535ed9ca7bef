//! The base a merge of a file starts from, found by the one merge run among the versions at hand
//! (`base_for_file`), between laptops: the version both shared, one named by a list written
//! before ids, the one the file carries (and a forged one refused), and after a file without
//! history replaced the current version.

use super::base_for_file;
use crate::format::{export, import, read};
use crate::format::{export_with_lineage, fingerprint, Imported, Lineage, LineageError};
use crate::history::{MergeBase, Relation};
use crate::model::merge::{merge, Side};
use crate::model::FiscalYear;
use crate::storage::{file_version, Backend, MemoryBackend, StorageError, Store};
use crate::testing::{edited, laptop, second_period, Wait};
use std::rc::Rc;

fn file(text: &str) -> Imported {
    read(text).unwrap()
}

/// The base `store` merges `file` from, as the import preview finds it.
async fn common_base<B: Backend>(
    store: &Store<B>,
    file: &Imported,
) -> Result<Result<Option<MergeBase>, LineageError>, StorageError> {
    let ancestry = store.ancestry(&file.strategy.id).await?;
    Ok(base_for_file(store, &ancestry, file).await)
}

/// Two laptops start from one file, each edits, one sends its file back: the other finds
/// the version both started from, merges, and its next file reaches the first laptop as a
/// version to take as it is.
#[test]
fn two_laptops_merge_from_the_version_they_shared_and_the_merge_comes_back_as_a_fast_forward() {
    let (a, b) = (laptop(), laptop());
    let s0 = second_period();
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

    let Ok(Some(MergeBase { strategy: base, in_file, .. })) = common_base(&a, &from_b).wait().unwrap() else {
        panic!()
    };
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
    let Ok(Some(MergeBase { strategy: base, .. })) = common_base(&b, &from_a).wait().unwrap() else { panic!() };
    let taken = merge(&base, &b1, &from_a.strategy).resolve_all(Side::Ours).unwrap();
    assert_eq!(taken, from_a.strategy);
    b.save_merged((&taken, &b1), &from_a, None, "2026-11-23T11:06:00Z").wait().unwrap();
    assert_eq!(b.current_id(&s0.id).wait().unwrap(), a.current_id(&s0.id).wait().unwrap(), "one head");
}

/// A head and a file written before ids: their list of fingerprints reads as a line of
/// versions, and a merge with such a file finds its base.
#[test]
fn histories_and_files_written_before_ids_read_as_a_line() {
    use crate::storage::{keys, Head};
    let s0 = second_period();
    let s1 = edited(&s0, |s| s.title = "B".into());
    let (fp0, fp1) = (fingerprint(&s0), fingerprint(&s1));
    // A head as the previous build stored it: shared as it is, after an older version.
    let mem = Rc::new(MemoryBackend::new());
    let old = Store::new(mem.clone());
    old.save(&s1, "2026-11-01T09:00:00Z").wait().unwrap();
    let mut head: Head = old.head(&s0.id).wait().unwrap();
    head.parents.clear();
    head.fingerprint = Some(fp1);
    head.lineage = vec![fp1, fp0];
    mem.set(&keys::head(&s0.id), &serde_json::to_string(&head).unwrap()).wait().unwrap();
    mem.remove(&keys::named(&s0.id)).wait().unwrap();
    mem.remove(&keys::graph(&s0.id)).wait().unwrap();
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
    let Ok(Some(MergeBase { strategy: base, .. })) = common_base(&old, &from_old).wait().unwrap() else { panic!() };
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
    let s0 = second_period();
    a.save(&s0, "2026-11-23T09:00:00Z").wait().unwrap();
    let first = file(&a.export_file(&s0.id, "2026-11-23T09:01:00Z").wait().unwrap().0);
    a.save(&edited(&s0, |s| s.title = "A".into()), "2026-11-23T09:02:00Z").wait().unwrap();
    let from_a = file(&a.export_file(&s0.id, "2026-11-23T09:03:00Z").wait().unwrap().0);
    // C took the first file, then its history was cleared (a USB copy of the stored data).
    c.save_imported(&first, "2026-11-23T09:04:00Z").wait().unwrap();
    c.save(&edited(&s0, |s| s.municipality.name = "C".into()), "2026-11-23T09:05:00Z").wait().unwrap();
    c.discard_versions().wait().unwrap();
    assert_eq!(
        common_base(&c, &from_a).wait().unwrap(),
        Ok(Some(MergeBase { strategy: s0.clone(), in_file: true, exact: true }))
    );
    let mut tampered = from_a.clone();
    let lineage = tampered.lineage.as_mut().unwrap();
    let mut base = lineage.base.as_ref().unwrap().strategy().unwrap();
    base.title = "書き換え".into();
    lineage.base = Some(base.into());
    assert_eq!(common_base(&c, &tampered).wait().unwrap(), Err(LineageError::BaseMismatch));
    // Picked by hand, an altered file is refused even by a browser that holds the version itself.
    assert_eq!(common_base(&a, &tampered).wait().unwrap(), Err(LineageError::BaseMismatch));
    // Edited after it was written: a version made on the one the file names, merged from the
    // same base.
    let mut edited_after = from_a.clone();
    edited_after.strategy.title = "書き換え".into();
    assert_eq!(
        common_base(&c, &edited_after).wait().unwrap(),
        Ok(Some(MergeBase { strategy: s0.clone(), in_file: true, exact: true }))
    );
    // No history and nothing in common: nothing to merge from.
    let plain = import(&export(&edited(&s0, |s| s.title = "別".into()), "t")).unwrap();
    let d = laptop();
    d.save(&s0, "t").wait().unwrap();
    assert_eq!(common_base(&d, &plain).wait().unwrap(), Ok(None));
}

/// A strategy replaced by a file that says nothing of its history, then a file from a laptop
/// that took an earlier export: merged from the newest version of this browser's history that
/// the file descends from.
#[test]
fn a_version_replaced_by_a_file_without_history_still_merges_from_the_version_both_had() {
    let a = laptop();
    let s0 = second_period();
    a.save(&s0, "t0").wait().unwrap();
    let shared = file(&a.export_file(&s0.id, "t1").wait().unwrap().0);
    let b = laptop();
    b.save_imported(&shared, "t2").wait().unwrap();
    b.save(&edited(&s0, |s| s.title = "B".into()), "t3").wait().unwrap();
    let from_b = file(&b.export_file(&s0.id, "t4").wait().unwrap().0);
    let ours = edited(&s0, |s| s.municipality.name = "置き換え".into());
    a.replace(&ours, "t5", None).wait().unwrap();
    assert_eq!(
        common_base(&a, &from_b).wait().unwrap(),
        Ok(Some(MergeBase { strategy: s0, in_file: false, exact: false }))
    );
}
