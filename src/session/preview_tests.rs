//! The import preview: a file against what this browser holds, the choice it proposes, and
//! the merge it offers.

use super::*;
use crate::format::{export, open};
use crate::model::merge::edits::town;
use crate::session::stopwatch::Untimed;
use crate::storage::{MemoryBackend, VersionReason};
use crate::testing::{memory_store, Wait};

const NOW: &str = "2025-05-01T09:00:00Z";

fn opened(s: &crate::model::Strategy) -> Opened {
    open(export(s, NOW).as_bytes()).expect("an exported strategy reads back")
}

/// `base` stored here (as imported) and exported; the other laptop that imported the file,
/// to change and export back.
fn shared_with_a_laptop(
    base: &crate::model::Strategy,
) -> (Store<std::rc::Rc<MemoryBackend>>, Store<std::rc::Rc<MemoryBackend>>) {
    let (_, store) = memory_store(&[]);
    store.save_as(base, NOW, VersionReason::Imported).wait().unwrap();
    let text = store.export_file(&base.id, NOW).wait().unwrap().0;
    let (_, laptop) = memory_store(&[]);
    let Opened::Strategy(shared) = open(text.as_bytes()).unwrap() else { panic!("a strategy file") };
    laptop.save_imported(&shared, NOW).wait().unwrap();
    (store, laptop)
}

#[test]
fn a_file_of_a_newer_format_is_refused_and_nothing_stored_changes() {
    use crate::storage::Backend;
    let s = town();
    let (mem, store) = memory_store(&[&s]);
    let text = store.export_file(&s.id, NOW).wait().unwrap().0;
    let current = format!("\"version\": {}", crate::format::CURRENT_VERSION);
    let newer = text.replacen(&current, &format!("\"version\": {}", crate::format::CURRENT_VERSION + 1), 1);
    assert_ne!(newer, text);
    let stored = || {
        let mut keys = mem.keys().wait().unwrap();
        keys.sort();
        keys.into_iter().map(|k| (k.clone(), mem.get(&k).wait().unwrap())).collect::<Vec<_>>()
    };
    let before = stored();
    let refused = take(&store, "新しい.json", newer.as_bytes(), &Untimed).wait();
    let version = crate::format::CURRENT_VERSION + 1;
    assert_eq!(refused, Err(ImportError::NewerVersion { version }));
    assert_eq!(stored(), before, "nothing stored changed");
}

#[test]
fn a_late_result_after_cancel_or_another_file_is_dropped() {
    let s = town();
    let (_, store) = memory_store(&[]);
    let mut flow = ImportFlow::default();

    let first = flow.start("a.shirube.json");
    flow.cancel();
    let p = preview(&store, "a.shirube.json", 10, opened(&s), &Untimed).wait().into_preview().unwrap();
    assert!(!flow.ready(first, p.clone()), "cancelled: the result is dropped");
    assert_eq!(flow.pending(), None);

    let a = flow.start("a.shirube.json");
    let b = flow.start("a.shirube.json");
    assert!(!flow.wants(a), "a second file (even with the same name) supersedes the first");
    assert!(!flow.failed(a), "the first file's failure is not shown");
    assert!(flow.wants(b));
    assert!(flow.ready(b, p.clone()));
    assert_eq!(flow.pending(), Some(&Pending::Ready(p)));
}

#[test]
fn a_new_strategy_has_nothing_to_compare_and_is_added_under_its_id() {
    let s = town();
    let (_, store) = memory_store(&[]);
    let mut flow = ImportFlow::default();
    let t = flow.start("f");
    assert!(flow.ready(t, preview(&store, "f", 1, opened(&s), &Untimed).wait().into_preview().unwrap()));
    let c = flow.confirm(ImportChoice::Replace, vec![]).expect("a preview is shown");
    assert!(!c.replace && (c.same_id == SameId::Free), "nothing stored: the replace choice adds it");
    assert!(c.merge.is_none());
    assert_eq!(flow.pending(), None, "confirming closes the dialog");
    assert!(flow.confirm(ImportChoice::New, vec![]).is_none(), "nothing left to confirm");
}

#[test]
fn whether_the_files_id_is_stored_is_asked_of_the_store_when_the_preview_is_made() {
    let s = town();
    // Stored and readable: compared, and an add is a copy.
    let (mem, store) = memory_store(&[&s]);
    let mut flow = ImportFlow::default();
    let t = flow.start("f");
    flow.ready(t, preview(&store, "f", 1, opened(&s), &Untimed).wait().into_preview().unwrap());
    let c = flow.confirm(ImportChoice::New, vec![]).unwrap();
    assert!((c.same_id == SameId::Stored) && !c.replace);
    // Stored but unreadable: nothing to compare (the reading sets the text aside, listed with
    // the unreadable data), yet the store still names the id, so an add is a copy — asked of
    // the store, whatever the list on screen shows.
    mem.set_now(&crate::storage::keys::strategy(&s.id), "{ not a strategy").unwrap();
    let t = flow.start("f");
    let p = preview(&store, "f", 1, opened(&s), &Untimed).wait().into_preview().unwrap();
    assert!(matches!(&p, Preview::Strategy { existing: None, stored: true, .. }), "not compared, stored");
    flow.ready(t, p);
    let c = flow.confirm(ImportChoice::Replace, vec![]).unwrap();
    assert!((c.same_id == SameId::Stored) && !c.replace, "nothing readable to replace: added as a copy");
    assert_eq!(store.garbage().wait().unwrap().len(), 1, "the unreadable text is kept aside");
}

#[test]
fn a_stored_strategy_is_compared_and_a_merge_is_offered_from_the_shared_version() {
    let base = town();
    // The other laptop imports the file and changes the title; this one changes the town.
    let (store, laptop) = shared_with_a_laptop(&base);
    let mut renamed = base.clone();
    renamed.title = "別の名前".into();
    laptop.save(&renamed, NOW).wait().unwrap();
    let theirs = open(laptop.export_file(&base.id, NOW).wait().unwrap().0.as_bytes()).unwrap();
    let mut ours = base.clone();
    ours.municipality.name = "別の町".into();
    store.save(&ours, NOW).wait().unwrap();

    let p = preview(&store, "f", 1, theirs, &Untimed).wait().into_preview().unwrap();
    let Preview::Strategy { existing: Some(existing), .. } = &p else { panic!("compared: {p:?}") };
    assert_eq!(existing.municipality, "別の町", "what is stored now");
    assert!(existing.changes.settings, "the title differs");
    let MergeOffer::Ready { merge, from } = &existing.merge else { panic!("{:?}", existing.merge) };
    assert_eq!(*from, MergeFrom::History, "the shared version was found in this browser's history");
    assert!(merge.conflicts.is_empty(), "different fields changed: {:?}", merge.conflicts);
    assert_eq!(existing.proposed(), ImportChoice::Merge, "統合する is selected when the preview opens");

    let mut flow = ImportFlow::default();
    let t = flow.start("f");
    assert!(flow.ready(t, p));
    let c = flow.confirm(ImportChoice::Merge, vec![]).expect("merge offered");
    assert!((c.same_id == SameId::Stored) && !c.replace);
    let (m, sides) = c.merge.expect("the preview's merge");
    assert!(sides.is_empty() && m.conflicts.is_empty());
}

#[test]
fn merge_cannot_be_confirmed_where_it_is_not_offered_and_the_dialog_stays() {
    let base = town();
    let (store, laptop) = shared_with_a_laptop(&base);
    let mut renamed = base.clone();
    renamed.title = "別の名前".into();
    laptop.save(&renamed, NOW).wait().unwrap();
    let Opened::Strategy(mut file) = open(laptop.export_file(&base.id, NOW).wait().unwrap().0.as_bytes()).unwrap()
    else {
        panic!("a strategy file")
    };
    // The version the file carries as where both started was altered.
    let lineage = file.lineage.as_mut().expect("a file written here has a lineage");
    let mut carried = lineage.base.as_ref().expect("it carries the shared version").strategy().unwrap();
    carried.title = "書き換え".into();
    lineage.base = Some(carried.into());
    let p = preview(&store, "f", 1, Opened::Strategy(file), &Untimed).wait().into_preview().unwrap();
    let Preview::Strategy { existing: Some(existing), .. } = &p else { panic!("compared: {p:?}") };
    assert_eq!(existing.merge, MergeOffer::Mismatch);
    assert_eq!(existing.proposed(), ImportChoice::New, "not offered: a copy is proposed");
    let mut flow = ImportFlow::default();
    let t = flow.start("f");
    assert!(flow.ready(t, p));
    assert!(flow.confirm(ImportChoice::Merge, vec![]).is_none());
    assert!(matches!(flow.pending(), Some(Pending::Ready(_))), "the dialog stays open");
    let c = flow.confirm(ImportChoice::Replace, vec![]).expect("replace is always offered");
    assert!(c.replace && (c.same_id == SameId::Stored));
}

#[test]
fn with_no_shared_version_a_copy_is_proposed_and_the_merge_offered_card_by_card() {
    let s = town();
    let (_, store) = memory_store(&[]);
    // Stored under the same id, but with no shared version (saved directly, never exported).
    let mut other = s.clone();
    other.title = "手元の版".into();
    store.save_as(&other, NOW, VersionReason::Saved).wait().unwrap();
    let mut file = opened(&s);
    if let Opened::Strategy(f) = &mut file {
        f.lineage = None;
    }
    let p = preview(&store, "f", 1, file, &Untimed).wait().into_preview().unwrap();
    let Preview::Strategy { existing: Some(existing), .. } = &p else { panic!("compared: {p:?}") };
    assert_eq!(existing.proposed(), ImportChoice::New, "no shared version: a copy is proposed");
    let MergeOffer::Ready { merge, from: MergeFrom::Nowhere } = &existing.merge else { panic!("{:?}", existing.merge) };
    assert_eq!(merge.conflicts.len(), 1, "the title: {:?}", merge.conflicts);
    let mut flow = ImportFlow::default();
    let t = flow.start("f");
    assert!(flow.ready(t, p));
    let c = flow.confirm(ImportChoice::Merge, vec![Side::Theirs]).expect("the merge is offered");
    assert!(c.merge.is_some() && !c.replace);
}

#[test]
fn a_backup_file_says_for_each_strategy_whether_it_is_new_the_same_or_different() {
    let same = town();
    let mut changed = town().duplicate();
    let fresh = town().duplicate();
    let (_, store) = memory_store(&[]);
    store.save_as(&same, NOW, VersionReason::Saved).wait().unwrap();
    store.save_as(&changed, NOW, VersionReason::Saved).wait().unwrap();
    changed.title = "変えた題".into();
    let (_, there) = memory_store(&[]);
    for s in [&same, &changed, &fresh] {
        there.save_as(s, NOW, VersionReason::Saved).wait().unwrap();
    }
    let backup = there.export_everything(NOW).wait().unwrap();
    let p = preview(&store, "b", 1, open(backup.as_bytes()).unwrap(), &Untimed).wait().into_preview().unwrap();
    let Preview::Everything { entries, .. } = &p else { panic!("{p:?}") };
    let Preview::Everything { all, .. } = &p else { unreachable!() };
    let status = |id: &crate::model::Id| &entries[all.strategies.iter().position(|i| &i.strategy.id == id).unwrap()];
    assert_eq!(status(&same.id), &EntryStatus::Same);
    assert!(matches!(status(&changed.id), EntryStatus::Differs { changes, .. } if changes.settings));
    assert_eq!(status(&fresh.id), &EntryStatus::New);

    let mut flow = ImportFlow::default();
    assert!(flow.confirm_restore().is_none(), "nothing shown");
    let t = flow.start("b");
    assert!(flow.ready(t, p));
    assert!(flow.confirm(ImportChoice::New, vec![]).is_none(), "not a strategy preview");
    assert_eq!(flow.confirm_restore().map(|a| a.strategies.len()), Some(3));
    assert_eq!(flow.pending(), None);
}

#[test]
fn the_preview_lists_what_a_merge_would_change_of_confirmed_values() {
    let (base, _, _, jobs) = crate::model::merge::edits::confirmed_town();
    let (store, laptop) = shared_with_a_laptop(&base);
    let mut changed = base.clone();
    changed.indicator_mut(&jobs).unwrap().series[0].set_actual(crate::model::FiscalYear(2023), Some(149.0));
    laptop.save(&changed, NOW).wait().unwrap();
    let theirs = open(laptop.export_file(&base.id, NOW).wait().unwrap().0.as_bytes()).unwrap();
    let p = preview(&store, "f", 1, theirs, &Untimed).wait().into_preview().unwrap();
    let Preview::Strategy { existing: Some(e), .. } = p else { panic!("compared") };
    let listed: Vec<(&str, &str)> = e.confirmed.iter().map(|c| (c.old.as_str(), c.new.as_str())).collect();
    assert_eq!(listed, [("148", "149")]);
}

#[test]
fn with_no_version_in_common_a_merge_is_still_offered_with_every_difference_as_a_card() {
    // This browser and the other laptop each began the same strategy on their own.
    let base = town();
    let (_, store) = memory_store(&[]);
    store.save(&base, NOW).wait().unwrap();
    let (_, laptop) = memory_store(&[]);
    let mut theirs = base.clone();
    theirs.title = "別の名前".into();
    laptop.save(&theirs, NOW).wait().unwrap();
    let file = open(laptop.export_file(&base.id, NOW).wait().unwrap().0.as_bytes()).unwrap();

    let p = preview(&store, "f", 1, file, &Untimed).wait().into_preview().unwrap();
    let Preview::Strategy { existing: Some(existing), .. } = &p else { panic!("compared: {p:?}") };
    let MergeOffer::Ready { merge, from } = &existing.merge else { panic!("{:?}", existing.merge) };
    assert_eq!(*from, MergeFrom::Nowhere);
    assert_eq!(merge.conflicts.len(), 1, "the title: {:?}", merge.conflicts);
    assert_eq!(merge.conflicts[0].base, crate::model::merge::Version::Unknown);
    assert!(merge.taken.is_empty() && merge.kept.is_empty());
    assert_eq!(merge.resolve_all(Side::Theirs).unwrap(), theirs);
}
