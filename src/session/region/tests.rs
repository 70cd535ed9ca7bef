//! The bureau's flows against the in-memory store: many files at once with a bad one, a newer
//! file of a stored town (preview, then replace with a backup), a backup file's towns, a region
//! file's round trip, delete and restore, garbage, a full storage.

use super::*;
use crate::format::{export as file_of, export_everything, ImportError, Saved};
use crate::model::region::IndicatorMatch;
use crate::model::{template, FiscalYear, Measure, PlanPeriod};
use crate::session::preview::{take, Picked};
use crate::session::stopwatch::Untimed;
use crate::storage::{BackupReason, MemoryBackend};
use crate::testing::{memory_store, Wait};
use std::rc::Rc;

const NOW: &str = "2026-11-20T09:00:00Z";

fn town(name: &str) -> Strategy {
    template::from_second_period(
        &format!("{name}まち・ひと・しごと創生総合戦略"),
        name,
        PlanPeriod { first: FiscalYear(2025), last: FiscalYear(2029) },
    )
}

/// The town's file, as the town sends it.
fn sent(s: &Strategy) -> (String, Vec<u8>) {
    (format!("{}.shirube.json", s.municipality.name), file_of(s, "2026-11-01T00:00:00Z").into_bytes())
}

/// A later version of a town's strategy: retitled, one measure more.
fn newer(s: &Strategy) -> Strategy {
    let mut s = s.clone();
    s.title = format!("{}（改訂版）", s.title);
    s.goals_mut().next().unwrap().measures.push(Measure::new("9", "移住・定住の促進").into());
    s
}

/// Every key and value, to compare before and after a refused action.
fn snapshot(mem: &MemoryBackend) -> Vec<(String, Option<String>)> {
    mem.keys_now().into_iter().map(|k| (k.clone(), mem.get_now(&k))).collect()
}

fn new_region(store: &Store<Rc<MemoryBackend>>) -> Region {
    create(store, "渡島総合振興局管内", NOW).wait().unwrap()
}

#[test]
fn five_files_at_once_one_bad_four_come_in_and_the_bad_one_is_listed_by_name() {
    let (_, store) = memory_store(&[]);
    let region = new_region(&store);
    let towns: Vec<Strategy> = ["函館市", "北斗市", "七飯町", "木古内町"].map(town).into();
    let mut files: Vec<(String, Vec<u8>)> = towns.iter().map(sent).collect();
    files.insert(2, ("知内町.shirube.json".into(), b"{\"format\": \"shirube-strategy\", ".to_vec()));
    let mut steps = Vec::new();
    let done = bring_in(&store, &region.id, files, NOW, |done, total| steps.push((done, total))).wait().unwrap();

    assert_eq!(steps, [(0, 5), (1, 5), (2, 5), (3, 5), (4, 5), (5, 5)]);
    assert_eq!(done.saved, Ok(()));
    assert_eq!(done.tally(), BringInTally { added: 4, unreadable: 1, ..BringInTally::default() });
    let errors: Vec<(&str, &ImportError)> = done.errors().collect();
    assert_eq!(errors.len(), 1);
    assert_eq!(errors[0].0, "知内町.shirube.json");
    assert!(matches!(errors[0].1, ImportError::NotJson { .. }), "{:?}", errors[0].1);
    let ids: Vec<Id> = towns.iter().map(|s| s.id.clone()).collect();
    assert_eq!(done.region.members, ids, "in the order given");
    assert_eq!(store.load_region(&region.id).wait().unwrap(), done.region);
    for s in &towns {
        assert_eq!(&store.load(&s.id).wait().unwrap(), s);
    }
    assert_eq!(store.list().wait().unwrap().len(), 4);

    // The same files again: already here, nothing stored twice, the region not saved again.
    let again = bring_in(&store, &region.id, towns.iter().map(sent).collect(), NOW, |_, _| {}).wait().unwrap();
    assert_eq!(again.tally(), BringInTally { already_here: 4, ..BringInTally::default() });
    assert_eq!(again.region.members, ids);
    assert_eq!(store.list().wait().unwrap().len(), 4);
}

#[test]
fn a_newer_file_of_a_town_waits_for_the_preview_then_replaces_it_with_a_backup() {
    let old = town("北斗市");
    let (_, store) = memory_store(&[&old]);
    let region = new_region(&store);
    bring_in(&store, &region.id, vec![sent(&old)], NOW, |_, _| {}).wait().unwrap();

    let new = newer(&old);
    let done = bring_in(&store, &region.id, vec![sent(&new)], NOW, |_, _| {}).wait().unwrap();
    assert_eq!(done.tally(), BringInTally { to_confirm: 1, ..BringInTally::default() });
    let (file, differs) = done.to_confirm().next().unwrap();
    assert_eq!(file, "北斗市.shirube.json");
    assert_eq!(differs.stored, TownRef::of(&old));
    assert_eq!((differs.changes.added.measures, differs.changes.settings), (1, true));
    assert_eq!(differs.file.strategy, new);
    assert_eq!(store.load(&old.id).wait().unwrap(), old, "not replaced until confirmed");
    assert_eq!(done.region.members, vec![old.id.clone()]);

    let (notice, stored) = replace_town(&store, differs.file.clone(), "2026-11-21T09:00:00Z").wait().unwrap();
    assert_eq!(stored, new);
    assert_eq!(store.load(&old.id).wait().unwrap(), new);
    let Notice::Imported { replaced: Some(backup), .. } = notice else { panic!("{notice:?}") };
    assert_eq!(store.backups().wait().unwrap()[0].reason, BackupReason::Replaced);
    // Undo: the backup brings the old version back.
    assert_eq!(store.restore_backup(&backup, "2026-11-22T09:00:00Z").wait().unwrap(), old);
    assert_eq!(store.load(&old.id).wait().unwrap(), old);
}

#[test]
fn every_strategy_of_a_backup_file_is_a_town() {
    let (a, b) = (town("函館市"), town("北斗市"));
    let gone = town("消した町");
    let backup = export_everything(
        &[Saved { strategy: &a, saved_at: "t1" }, Saved { strategy: &b, saved_at: "t2" }],
        &[crate::format::BackupToWrite { strategy: &gone, taken_at: "t3", reason: "deleted" }],
        &[],
        "t4",
    );
    let (_, store) = memory_store(&[]);
    let region = new_region(&store);
    let done =
        bring_in(&store, &region.id, vec![("backup.json".into(), backup.into_bytes())], NOW, |_, _| {}).wait().unwrap();
    assert!(matches!(&done.files[0].read, FileRead::Backup(towns) if towns.len() == 2));
    assert_eq!(done.tally(), BringInTally { added: 2, ..BringInTally::default() });
    assert_eq!(done.region.members, [a.id.clone(), b.id.clone()]);
    assert_eq!(store.load(&b.id).wait().unwrap(), b);
    assert!(store.load(&gone.id).wait().is_err(), "the backups a backup file keeps are not towns");
}

#[test]
fn a_region_file_round_trips_into_an_empty_store() {
    let towns = ["函館市", "北斗市", "七飯町"].map(town);
    let (_, here) = memory_store(&towns.iter().collect::<Vec<_>>());
    let region = new_region(&here);
    bring_in(&here, &region.id, towns.iter().map(sent).collect(), NOW, |_, _| {}).wait().unwrap();
    set_match(&here, &region.id, &towns[1].id, &Id::from("ind-1"), Some("観光入込客数".into()), NOW).wait().unwrap();
    set_indicator_codes(&here, &region.id, vec!["合計特殊出生率".into()], NOW).wait().unwrap();
    let region = here.load_region(&region.id).wait().unwrap();
    let exported = export(&here, &region.id, "2026-11-23T00:00:00Z").wait().unwrap();
    assert_eq!((&exported.region, exported.missing.len()), (&region, 0));

    let (_, there) = memory_store(&[]);
    let mut steps = Vec::new();
    let done = open_region_file(&there, "渡島.shirube-region.json", exported.text.as_bytes(), NOW, |d, t| {
        steps.push((d, t))
    })
    .wait()
    .unwrap();
    assert_eq!(steps, [(0, 3), (1, 3), (2, 3), (3, 3)]);
    assert!(matches!(&done.files[0].read, FileRead::Region { name, .. } if name == "渡島総合振興局管内"));
    assert_eq!(done.tally(), BringInTally { added: 3, ..BringInTally::default() });
    assert_eq!(done.region, region);
    assert_eq!(there.load_region(&region.id).wait().unwrap(), region);
    let loaded = load_towns(&there, &region, |_, _| {}).wait().unwrap();
    let loaded: Vec<Strategy> = loaded.strategies.into_iter().map(|(s, _)| s).collect();
    assert_eq!(loaded, towns);

    // Brought into another region with the other files, it adds its towns and its matches.
    let (_, third) = memory_store(&[]);
    let other = create(&third, "檜山振興局管内", NOW).wait().unwrap();
    let extra = town("江差町");
    let files = vec![sent(&extra), ("渡島.json".into(), exported.text.clone().into_bytes())];
    let done = bring_in(&third, &other.id, files, NOW, |_, _| {}).wait().unwrap();
    assert!(
        matches!(&done.files[1].read, FileRead::Region { name, towns } if name == "渡島総合振興局管内" && towns.len() == 3)
    );
    assert_eq!(done.region.members.len(), 4);
    assert_eq!((done.region.name.as_str(), &done.region.indicator_codes), ("檜山振興局管内", &other.indicator_codes));
    assert_eq!(
        done.region.matches,
        [IndicatorMatch {
            strategy: towns[1].id.clone(),
            indicator: Id::from("ind-1"),
            key: Some("観光入込客数".into())
        }]
    );
}

#[test]
fn a_region_file_with_a_bad_town_brings_in_the_others_and_names_the_entry() {
    let (a, b) = (town("函館市"), town("北斗市"));
    let mut region = Region::new("渡島総合振興局管内");
    region.members = vec![a.id.clone(), b.id.clone()];
    let text = crate::format::export_region(
        &region,
        &[Saved { strategy: &a, saved_at: "t" }, Saved { strategy: &b, saved_at: "t" }],
        "t",
    );
    let broken = text.replacen(&format!("\"title\":\"{}\"", b.title), "\"title\":5", 1);
    assert_ne!(broken, text);
    let (_, store) = memory_store(&[]);
    let done = open_region_file(&store, "渡島.json", broken.as_bytes(), NOW, |_, _| {}).wait().unwrap();
    assert_eq!(done.tally(), BringInTally { added: 1, unreadable: 1, ..BringInTally::default() });
    let errors: Vec<_> = done.errors().collect();
    assert!(
        matches!(errors[..], [("渡島.json", ImportError::InEntry { ref path, .. })] if path == "strategies[1]"),
        "{errors:?}"
    );
    assert_eq!(done.region.members, region.members, "the file's towns named, one of them not stored");
    let towns = load_towns(&store, &done.region, |_, _| {}).wait().unwrap();
    assert_eq!((towns.strategies.len(), towns.missing.clone()), (1, vec![b.id.clone()]));

    // A file that is no region file at all changes nothing.
    let refused = open_region_file(&store, "x.json", b"[]", NOW, |_, _| {}).wait();
    assert!(matches!(refused, Err(Notice::ImportFailed { ref file, .. }) if file == "x.json"), "{refused:?}");
}

#[test]
fn towns_removed_and_matches_set_and_cleared_are_saved_and_strategies_stay() {
    let (a, b) = (town("函館市"), town("北斗市"));
    let (_, store) = memory_store(&[&a, &b]);
    let region = new_region(&store);
    bring_in(&store, &region.id, vec![sent(&a), sent(&b)], NOW, |_, _| {}).wait().unwrap();
    let ind = Id::from("ind-1");
    set_match(&store, &region.id, &a.id, &ind, None, NOW).wait().unwrap();
    let r = set_match(&store, &region.id, &a.id, &ind, Some("社会増減数".into()), NOW).wait().unwrap();
    assert_eq!(r.matches.len(), 1);
    assert_eq!(store.load_region(&region.id).wait().unwrap().matches[0].key.as_deref(), Some("社会増減数"));
    let r = clear_match(&store, &region.id, &a.id, &ind, NOW).wait().unwrap();
    assert!(r.matches.is_empty() && store.load_region(&region.id).wait().unwrap().matches.is_empty());

    let r = remove_town(&store, &region.id, &a.id, NOW).wait().unwrap();
    assert_eq!(r.members, vec![b.id.clone()]);
    assert_eq!(store.load_region(&region.id).wait().unwrap().members, vec![b.id.clone()]);
    assert_eq!(store.load(&a.id).wait().unwrap(), a, "the strategy stays stored");
    let r = rename(&store, &region.id, "渡島".into(), NOW).wait().unwrap();
    assert_eq!(store.load_region(&region.id).wait().unwrap(), r);
}

#[test]
fn a_deleted_region_comes_back() {
    let a = town("函館市");
    let (_, store) = memory_store(&[&a]);
    let region = new_region(&store);
    let region = bring_in(&store, &region.id, vec![sent(&a)], NOW, |_, _| {}).wait().unwrap().region;
    let backup = delete(&store, &region.id, "2026-11-21T00:00:00Z").wait().unwrap();
    assert_eq!((backup.name.as_str(), backup.towns), ("渡島総合振興局管内", 1));
    assert!(store.regions().wait().unwrap().is_empty());
    assert_eq!(store.load(&a.id).wait().unwrap(), a, "its towns stay stored");
    assert!(matches!(
        bring_in(&store, &region.id, vec![sent(&a)], NOW, |_, _| {}).wait(),
        Err(Notice::Storage(StorageError::NotFound { .. }))
    ));
    assert_eq!(restore(&store, &backup.key, "2026-11-22T00:00:00Z").wait().unwrap(), region);
    assert_eq!(store.load_region(&region.id).wait().unwrap(), region);
    assert!(store.region_backups().wait().unwrap().is_empty());
}

#[test]
fn unreadable_region_data_is_kept_aside_not_a_panic() {
    let a = town("函館市");
    let (mem, store) = memory_store(&[]);
    let region = new_region(&store);
    let key = crate::storage::keys::region(&region.id);
    mem.set_now(&key, "{\"version\":1,\"region\":").unwrap();
    let refused = bring_in(&store, &region.id, vec![sent(&a)], NOW, |_, _| {}).wait();
    let Err(Notice::Storage(StorageError::Garbage { kept_as, .. })) = refused else { panic!("{refused:?}") };
    assert_eq!(mem.get_now(&kept_as).as_deref(), Some("{\"version\":1,\"region\":"));
    assert!(store.list().wait().unwrap().is_empty(), "nothing brought in");
    assert!(store.regions().wait().unwrap().is_empty());
    assert_eq!(store.garbage().wait().unwrap().len(), 1);
    // A region file whose region cannot be read is refused as a file, with its name.
    let bad = r#"{"format":"shirube-region","version":1,"region":{"id":"r"},"strategies":[]}"#;
    assert!(matches!(
        open_region_file(&store, "r.json", bad.as_bytes(), NOW, |_, _| {}).wait(),
        Err(Notice::ImportFailed { .. })
    ));
}

#[test]
fn a_storage_that_refuses_a_save_changes_nothing() {
    let a = town("函館市");
    let (mem, store) = memory_store(&[&a]);
    let region = new_region(&store);
    let region = bring_in(&store, &region.id, vec![sent(&a)], NOW, |_, _| {}).wait().unwrap().region;
    let before = snapshot(&mem);
    mem.set_quota(Some(mem.used_bytes() + 10));

    let full = |r: Result<Region, Notice>| matches!(r, Err(Notice::Storage(StorageError::QuotaExceeded { .. })));
    assert!(full(rename(&store, &region.id, "渡島総合振興局管内（長い名前に変えた）".into(), NOW).wait()));
    assert!(full(set_match(&store, &region.id, &a.id, &Id::from("ind-1"), Some("観光入込客数".into()), NOW).wait()));
    assert!(full(create(&store, "檜山振興局管内", NOW).wait()));
    assert!(matches!(delete(&store, &region.id, NOW).wait(), Err(Notice::Storage(StorageError::QuotaExceeded { .. }))));
    let b = town("北斗市");
    let done = bring_in(&store, &region.id, vec![sent(&b), sent(&newer(&a))], NOW, |_, _| {}).wait().unwrap();
    assert!(matches!(&done.files[0].read, FileRead::Strategy(TownOutcome::NotStored { .. })));
    assert_eq!(done.tally(), BringInTally { not_stored: 1, to_confirm: 1, ..BringInTally::default() });
    assert_eq!(done.saved, Ok(()), "no new town: nothing to save");
    let differs = done.to_confirm().next().unwrap().1.file.clone();
    assert!(matches!(replace_town(&store, differs, NOW).wait(), Err(Notice::Storage(_))));
    assert_eq!(snapshot(&mem), before);
}

#[test]
fn the_import_tells_a_region_file_from_other_files_by_the_format_it_names() {
    let towns = ["函館市", "北斗市"].map(town);
    let (mem, here) = memory_store(&towns.iter().collect::<Vec<_>>());
    let region = new_region(&here);
    bring_in(&here, &region.id, towns.iter().map(sent).collect(), NOW, |_, _| {}).wait().unwrap();
    let exported = export(&here, &region.id, NOW).wait().unwrap();
    // What the strategy list's import decides for a region file: sent on to `open_region_file`,
    // nothing previewed or stored.
    let before = snapshot(&mem);
    let taken = take(&here, "管内.json", exported.text.as_bytes(), &Untimed).wait();
    assert_eq!(taken, Ok(Picked::RegionFile));
    assert_eq!(snapshot(&mem), before);
    // A town's own file is previewed; any other refusal stays the import's own error.
    let one = file_of(&towns[0], NOW);
    assert!(matches!(take(&here, "t.json", one.as_bytes(), &Untimed).wait(), Ok(Picked::Preview(_))));
    for bytes in [&b"{}"[..], b"", br#"{"format": "other-tool", "version": 1}"#] {
        assert!(take(&here, "x.json", bytes, &Untimed).wait().is_err());
    }
}

#[test]
fn a_replaced_town_after_a_region_file_keeps_the_stored_version_as_a_backup() {
    let towns = ["函館市", "北斗市"].map(town);
    let (_, here) = memory_store(&towns.iter().collect::<Vec<_>>());
    let region = new_region(&here);
    bring_in(&here, &region.id, towns.iter().map(sent).collect(), NOW, |_, _| {}).wait().unwrap();
    let exported = export(&here, &region.id, NOW).wait().unwrap();

    // Another machine holds an older 北斗市; the region file's is newer. Opening the file
    // keeps the stored one and holds the file's back; replacing it keeps a backup.
    let older = towns[1].clone();
    let mut newest = newer(&towns[1]);
    newest.id = older.id.clone();
    let there_towns = [newest.clone()];
    let (_, there) = memory_store(&there_towns.iter().collect::<Vec<_>>());
    let done = open_region_file(&there, "r.json", exported.text.as_bytes(), NOW, |_, _| {}).wait().unwrap();
    assert_eq!(done.tally(), BringInTally { added: 1, to_confirm: 1, ..BringInTally::default() });
    let (file, differs) = done.to_confirm().next().unwrap();
    assert_eq!((file, &differs.stored.id), ("r.json", &older.id));
    assert_eq!(there.load(&older.id).wait().unwrap(), newest, "nothing replaced before the user says so");
    assert_eq!(done.region.members, [towns[0].id.clone(), older.id.clone()]);
    let (notice, stored) = replace_town(&there, differs.file.clone(), NOW).wait().unwrap();
    assert_eq!(stored, older);
    assert!(matches!(notice, Notice::Imported { replaced: Some(_), .. }), "{notice:?}");
    let backups = there.backups().wait().unwrap();
    assert!(backups.iter().any(|b| b.reason == BackupReason::Replaced && b.title == newest.title), "{backups:?}");
}

/// A region file whose region id breaks the id rule (`""`, `../strategy/<id>`) is refused with
/// the id's path, and nothing is stored: before, it was stored under a key no list reads, and
/// 「取り込みました」 was said.
#[test]
fn a_region_file_with_an_unsafe_id_is_refused_and_nothing_is_stored() {
    let a = town("函館市");
    for id in [String::new(), format!("../strategy/{}", a.id)] {
        let mut region = Region::new("管内");
        region.id = Id::from(id.as_str());
        region.members.push(a.id.clone());
        let text = crate::format::export_region(&region, &[Saved { strategy: &a, saved_at: "t" }], "t");
        let (mem, store) = memory_store(&[]);
        let refused = open_region_file(&store, "管内.json", text.as_bytes(), NOW, |_, _| {}).wait();
        assert!(
            matches!(refused, Err(Notice::ImportFailed { error: ImportError::UnsafeId { ref path, .. }, .. }) if path == "region.id"),
            "{refused:?}"
        );
        assert!(
            mem.keys()
                .wait()
                .unwrap()
                .iter()
                .all(|k| !k.starts_with("shirube/v1/region") && !k.starts_with("shirube/v1/strategy/")),
            "nothing stored"
        );
    }
}
