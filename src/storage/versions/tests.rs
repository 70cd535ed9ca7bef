//! The version history's tests: every save keeps what it replaces, thinning, two tabs' saves,
//! copies and conditions inside one batch, drafts, and `localStorage`, which keeps no history.

use super::*;
use crate::model::{template, FiscalYear, PlanPeriod};
use crate::storage::{MemoryBackend, Write};
use crate::testing::{Posing, Wait};
use std::rc::Rc;

fn sample(title: &str) -> Strategy {
    template::from_second_period(title, "北斗市", PlanPeriod { first: FiscalYear(2020), last: FiscalYear(2024) })
}

fn store() -> (Rc<MemoryBackend>, Store<Rc<MemoryBackend>>) {
    let mem = Rc::new(MemoryBackend::new());
    (mem.clone(), Store::new(mem))
}

fn titled(s: &Strategy, title: &str) -> Strategy {
    let mut s = s.clone();
    s.title = title.into();
    s
}

fn version(seq: u64, saved_at: &str, reason: VersionReason) -> StoredVersion {
    StoredVersion {
        seq,
        saved_at: saved_at.into(),
        reason,
        title: String::new(),
        bytes: 1,
        id: None,
        fingerprint: None,
        merged_from: None,
        label: None,
    }
}

#[test]
fn every_save_keeps_the_version_it_replaces_and_a_restore_is_a_new_version() {
    let (_, store) = store();
    let v1 = sample("第1版");
    store.save(&v1, "2026-11-22T10:00:00Z").wait().unwrap();
    let first = store.head(&v1.id).wait().unwrap().revision;
    assert!(store.versions(&v1.id).wait().unwrap().is_empty(), "the first save replaces nothing");
    store.save(&titled(&v1, "第2版"), "2026-11-22T10:01:00Z").wait().unwrap();
    store.save(&titled(&v1, "第3版"), "2026-11-22T10:02:00Z").wait().unwrap();
    let versions = store.versions(&v1.id).wait().unwrap();
    let listed: Vec<(&str, &str)> = versions.iter().map(|v| (v.title.as_str(), v.saved_at.as_str())).collect();
    assert_eq!(listed, [("第2版", "2026-11-22T10:01:00Z"), ("第1版", "2026-11-22T10:00:00Z")], "newest first");
    assert_eq!(store.version(&v1.id, versions[1].seq).wait().unwrap(), v1);
    assert_eq!(store.head(&v1.id).wait().unwrap().revision, first + 2, "one revision a save");

    let back = store.restore_version(&v1.id, versions[1].seq, "2026-11-22T10:03:00Z").wait().unwrap();
    assert_eq!(back, v1);
    assert_eq!(store.load(&v1.id).wait().unwrap(), v1);
    let versions = store.versions(&v1.id).wait().unwrap();
    assert_eq!(versions[0].title, "第3版", "what the restore replaced is kept: the restore can be undone");
    assert_eq!(store.head(&v1.id).wait().unwrap().reason, VersionReason::Restored);
    assert_eq!(store.list().wait().unwrap()[0].title, "第1版");
}

#[test]
fn thinning_keeps_the_last_hour_then_one_a_day_then_one_a_month_and_every_pinned_one() {
    let now = "2026-11-22T12:00:00Z";
    let versions = [
        version(1, "2026-08-01T09:00:00Z", VersionReason::Saved), // August: dropped (2 is newer)
        version(2, "2026-08-20T09:00:00Z", VersionReason::Saved), // August's newest
        version(3, "2026-09-02T09:00:00Z", VersionReason::Imported), // pinned
        version(4, "2026-11-20T08:00:00Z", VersionReason::Saved), // 20 Nov: dropped
        version(5, "2026-11-20T18:00:00Z", VersionReason::Saved), // 20 Nov's newest
        version(6, "2026-11-22T10:30:00Z", VersionReason::Saved), // 22 Nov, over an hour: dropped
        version(7, "2026-11-22T10:59:00Z", VersionReason::Saved), // 22 Nov's newest over an hour
        version(8, "2026-11-22T11:10:00Z", VersionReason::Saved), // last hour: kept
        version(9, "2026-11-22T11:50:00Z", VersionReason::Saved), // last hour: kept
        version(10, "not a time", VersionReason::Saved),          // unreadable: kept
    ];
    let mut dropped = thin(&versions, now, &Needed::default());
    dropped.sort();
    assert_eq!(dropped, [1, 4, 6]);
    assert!(thin(&versions[7..], now, &Needed::default()).is_empty());
}

#[test]
fn thinning_keeps_the_versions_the_strategy_names_by_time_or_id_and_they_take_no_days_place() {
    use crate::model::hearing::VersionLink;
    let now = "2026-11-22T12:00:00Z";
    let id = crate::model::VersionId::named("heard");
    let mut by_id = version(4, "2026-08-25T09:00:00Z", VersionReason::Saved);
    by_id.id = Some(id);
    let versions = [
        version(1, "2026-08-01T09:00:00Z", VersionReason::Saved), // heard (by its time): kept
        version(2, "2026-08-10T09:00:00Z", VersionReason::Saved), // August, older than 3: dropped
        version(3, "2026-08-20T09:00:00Z", VersionReason::Saved), // August's newest not heard
        by_id,                                                    // heard (by its id): kept
        version(5, "2026-11-20T08:00:00Z", VersionReason::Saved), // 20 Nov's newest not heard
        version(6, "2026-11-20T18:00:00Z", VersionReason::Saved), // heard: kept
    ];
    let link = |at: &str| VersionLink { saved_at: at.into(), id: None };
    let needed = Needed::from(vec![
        link("2026-08-01T09:00:00Z"),
        VersionLink { saved_at: "another time: the id decides".into(), id: Some(id) },
        link("2026-11-20T18:00:00Z"),
    ]);
    assert_eq!(thin(&versions, now, &needed), [2]);
    let mut dropped = thin(&versions, now, &Needed::default());
    dropped.sort();
    assert_eq!(dropped, [1, 2, 3, 5], "named by nothing, one a day and one a month");
    assert!(!Needed::from(vec![link("")]).names(&version(9, "", VersionReason::Saved)), "an empty time names nothing");
}

#[test]
fn a_version_a_hearing_heard_outlives_months_of_autosaves() {
    use crate::model::hearing::VersionLink;
    use crate::model::{DraftingStage, Hearing, HearingBody};
    let (_, store) = store();
    let s = sample("骨子案");
    let heard_at = "2026-12-10T01:00:00Z";
    store.save(&s, heard_at).wait().unwrap();
    // The hearing is added, naming the version current then; then months of saves.
    let mut with_hearing = titled(&s, "聴いた後");
    let mut h = Hearing::new(DraftingStage::Outline, HearingBody::DraftingMeeting, "2026-12-10");
    h.heard = Some(VersionLink { saved_at: heard_at.into(), id: None });
    with_hearing.add_hearing(h);
    for (i, day) in ["2026-12-10T02:00:00Z", "2026-12-11T09:00:00Z", "2027-01-20T09:00:00Z", "2027-03-01T09:00:00Z"]
        .into_iter()
        .enumerate()
    {
        store.save(&titled(&with_hearing, &format!("修正{i}")), day).wait().unwrap();
    }
    let versions = store.versions(&s.id).wait().unwrap();
    let heard = versions.iter().find(|v| v.saved_at == heard_at).expect("the version heard is kept");
    assert_eq!(store.version(&s.id, heard.seq).wait().unwrap(), s);
    // Without the hearing, the same saves thin it away.
    let (_, store) = self::store();
    store.save(&s, heard_at).wait().unwrap();
    for day in ["2026-12-10T02:00:00Z", "2026-12-11T09:00:00Z", "2027-01-20T09:00:00Z", "2027-03-01T09:00:00Z"] {
        store.save(&titled(&s, day), day).wait().unwrap();
    }
    assert!(store.versions(&s.id).wait().unwrap().iter().all(|v| v.saved_at != heard_at));
}

#[test]
fn a_save_thins_the_history_in_the_same_batch() {
    let (mem, store) = store();
    let s = sample("戦略");
    store.save(&titled(&s, "9時"), "2026-11-01T09:00:00Z").wait().unwrap();
    store.save(&titled(&s, "9時20分"), "2026-11-01T09:20:00Z").wait().unwrap();
    store.save(&titled(&s, "9時40分"), "2026-11-01T09:40:00Z").wait().unwrap();
    assert_eq!(store.versions(&s.id).wait().unwrap().len(), 2, "within the hour, every version");
    // Weeks later: of 1 November only the newest stays; the version replaced now is recent.
    store.save(&titled(&s, "今日"), "2026-11-22T09:00:00Z").wait().unwrap();
    let titles: Vec<String> = store.versions(&s.id).wait().unwrap().into_iter().map(|v| v.title).collect();
    assert_eq!(titles, ["9時40分"]);
    let stored_versions = mem.keys_now().into_iter().filter(|k| k.starts_with(keys::VERSION_PREFIX)).count();
    assert_eq!(stored_versions, 1, "the dropped versions' texts are removed too");
}

#[test]
fn a_tab_saving_over_a_revision_another_tab_replaced_is_refused_and_nothing_is_written() {
    let (mem, a) = store();
    let b = Store::new(mem.clone());
    let s = sample("戦略");
    let base = a.save_as(&s, "2026-11-22T09:00:00Z", VersionReason::Saved).wait().unwrap();
    // Both tabs opened revision `base`. Tab A saves first.
    let after_a = a.save_over(&titled(&s, "タブAの題名"), "2026-11-22T09:01:00Z", base).wait().unwrap();
    assert_eq!(after_a, base + 1);
    let before = mem.keys_now().into_iter().map(|k| (k.clone(), mem.get_now(&k))).collect::<Vec<_>>();
    let mut bs = s.clone();
    bs.municipality.name = "タブBの市町村".into();
    let refused = b.save_over(&bs, "2026-11-22T09:02:00Z", base).wait();
    assert_eq!(refused, Err(StorageError::Conflict { key: keys::head(&s.id) }));
    let after = mem.keys_now().into_iter().map(|k| (k.clone(), mem.get_now(&k))).collect::<Vec<_>>();
    assert_eq!(after, before, "nothing written");
    // B chooses to take A's version; its own edit is kept in the history.
    b.keep_as_version(&bs, "2026-11-22T09:03:00Z").wait().unwrap();
    assert_eq!(b.load(&s.id).wait().unwrap().title, "タブAの題名");
    let kept = b.versions(&s.id).wait().unwrap();
    assert_eq!(kept[0].reason, VersionReason::KeptFromTab);
    assert_eq!(b.version(&s.id, kept[0].seq).wait().unwrap(), bs);
    // Or B keeps its own as the current version, over A's (A's stays in the history).
    let head = b.head(&s.id).wait().unwrap();
    b.save_over(&bs, "2026-11-22T09:04:00Z", head.revision).wait().unwrap();
    let titles: Vec<String> = b.versions(&s.id).wait().unwrap().into_iter().map(|v| v.title).collect();
    assert!(titles.contains(&"タブAの題名".to_owned()), "{titles:?}");
}

#[test]
fn a_save_over_a_known_revision_keeps_the_replaced_text_without_reading_it() {
    let (mem, store) = store();
    let s = sample("戦略");
    let first = store.save_as(&s, "2026-11-22T09:00:00Z", VersionReason::Imported).wait().unwrap();
    let first_text = mem.get_now(&keys::strategy(&s.id)).unwrap();
    assert_eq!(store.head(&s.id).wait().unwrap().bytes, Some(first_text.len()));
    let reads = mem.reads_of(&keys::strategy(&s.id));
    store.save_over(&titled(&s, "改訂"), "2026-11-22T09:01:00Z", first).wait().unwrap();
    assert_eq!(mem.reads_of(&keys::strategy(&s.id)), reads, "the stored text was not read");
    let kept = store.versions(&s.id).wait().unwrap();
    assert_eq!(kept.len(), 1);
    assert_eq!((kept[0].bytes, kept[0].reason), (first_text.len(), VersionReason::Imported));
    assert_eq!(mem.get_now(&keys::version(&s.id, kept[0].seq)), Some(first_text), "copied as it was");
    // A save over no known revision (an action) reads and checks what it replaces.
    store.save(&titled(&s, "三訂"), "2026-11-22T09:02:00Z").wait().unwrap();
    assert_eq!(mem.reads_of(&keys::strategy(&s.id)), reads + 1);
    // A head written before sizes were recorded: the text is read once, then known again.
    let mut old_head: Head = serde_json::from_str(&mem.get_now(&keys::head(&s.id)).unwrap()).unwrap();
    old_head.bytes = None;
    mem.set_now(&keys::head(&s.id), &serde_json::to_string(&old_head).unwrap()).unwrap();
    let revision = store.head(&s.id).wait().unwrap().revision;
    assert_eq!(store.head(&s.id).wait().unwrap().bytes, None);
    let next = store.save_over(&titled(&s, "四訂"), "2026-11-22T09:03:00Z", revision).wait().unwrap();
    assert_eq!(mem.reads_of(&keys::strategy(&s.id)), reads + 2);
    store.save_over(&titled(&s, "五訂"), "2026-11-22T09:04:00Z", next).wait().unwrap();
    assert_eq!(mem.reads_of(&keys::strategy(&s.id)), reads + 2);
    let titles: Vec<String> = store.versions(&s.id).wait().unwrap().into_iter().map(|v| v.title).collect();
    assert_eq!(titles, ["四訂", "三訂", "改訂", "戦略"]);
}

#[test]
fn a_copy_in_a_batch_takes_the_value_as_the_batch_found_it() {
    let (mem, _) = store();
    mem.set_now("current", "old").unwrap();
    let batch = vec![
        Write::Copy { from: "current".into(), to: "kept".into() },
        Write::put("current", "new"),
        Write::Copy { from: "absent".into(), to: "nothing".into() },
    ];
    mem.apply(batch).wait().unwrap();
    assert_eq!((mem.get_now("kept").as_deref(), mem.get_now("current").as_deref()), (Some("old"), Some("new")));
    assert_eq!(mem.get_now("nothing"), None);
}

#[test]
fn the_condition_is_checked_inside_the_batch() {
    // Between reading the head and writing, another tab's save lands: the batch itself
    // fails (the IndexedDB transaction checks the head before writing).
    let (mem, store) = store();
    let s = sample("戦略");
    store.save(&s, "t1").wait().unwrap();
    let head_text = mem.get_now(&keys::head(&s.id));
    mem.set_now(&keys::head(&s.id), r#"{"revision":7}"#).unwrap();
    let batch = vec![Write::Expect { key: keys::head(&s.id), value: head_text }, Write::put("x", "y")];
    assert!(matches!(mem.apply(batch).wait(), Err(StorageError::Conflict { .. })));
    assert_eq!(mem.get_now("x"), None);
}

#[test]
fn a_failed_batch_leaves_strategy_history_and_index_as_they_were() {
    let (mem, store) = store();
    let s = sample("第1版");
    store.save(&s, "2026-11-22T09:00:00Z").wait().unwrap();
    store.save(&titled(&s, "第2版"), "2026-11-22T09:01:00Z").wait().unwrap();
    let before = mem.keys_now().into_iter().map(|k| (k.clone(), mem.get_now(&k))).collect::<Vec<_>>();
    mem.fail_batch(1);
    assert!(store.save(&titled(&s, "第3版"), "2026-11-22T09:02:00Z").wait().is_err());
    let after = mem.keys_now().into_iter().map(|k| (k.clone(), mem.get_now(&k))).collect::<Vec<_>>();
    assert_eq!(after, before);
}

#[test]
fn deleting_a_strategy_removes_its_history_and_its_backup_brings_the_strategy_back() {
    let (mem, store) = store();
    let s = sample("第1版");
    store.save(&s, "2026-11-22T09:00:00Z").wait().unwrap();
    store.save(&titled(&s, "第2版"), "2026-11-22T09:01:00Z").wait().unwrap();
    let backup = store.delete(&s.id, "2026-11-22T09:02:00Z").wait().unwrap();
    let left: Vec<String> = mem
        .keys_now()
        .into_iter()
        .filter(|k| k.starts_with(keys::HEAD_PREFIX) || k.starts_with(keys::VERSION_PREFIX))
        .collect();
    assert!(left.is_empty(), "{left:?}");
    store.restore_backup(&backup.key, "2026-11-22T09:03:00Z").wait().unwrap();
    assert_eq!(store.load(&s.id).wait().unwrap().title, "第2版");
}

#[test]
fn a_change_left_unsaved_on_closing_is_stored_or_kept_in_the_history() {
    let (_, store) = store();
    let s = sample("第1版");
    let base = store.save_as(&s, "2026-11-22T09:00:00Z", VersionReason::Saved).wait().unwrap();
    let draft = titled(&s, "閉じる直前の変更");
    let text = crate::format::export_compact(&draft, "2026-11-22T09:01:00Z");
    // Nothing changed since: it becomes the current version.
    assert_eq!(store.apply_draft(&text, base, "2026-11-22T09:02:00Z").wait().unwrap(), DraftOutcome::Saved);
    assert_eq!(store.load(&s.id).wait().unwrap(), draft);
    // Applied again (the save on the way out had finished after all): nothing to do.
    assert_eq!(store.apply_draft(&text, base, "t").wait().unwrap(), DraftOutcome::AlreadyStored);
    // Another tab saved since the draft's revision: kept in the history, not over it.
    let other = titled(&s, "別のタブ");
    store.save(&other, "2026-11-22T09:03:00Z").wait().unwrap();
    let stale = titled(&s, "古い下書き");
    let text = crate::format::export_compact(&stale, "t");
    assert_eq!(
        store.apply_draft(&text, base, "2026-11-22T09:04:00Z").wait().unwrap(),
        DraftOutcome::KeptAsVersion { title: "古い下書き".into() }
    );
    assert_eq!(store.load(&s.id).wait().unwrap(), other);
    let kept = store.versions(&s.id).wait().unwrap();
    assert_eq!((kept[0].reason, kept[0].title.as_str()), (VersionReason::KeptFromTab, "古い下書き"));
    assert!(store.apply_draft("{oops", base, "t").wait().is_err());
    // Deleted since (another tab): kept as a backup, never stored again by itself.
    store.delete(&s.id, "2026-11-22T09:05:00Z").wait().unwrap();
    let late = titled(&s, "削除の後に届いた下書き");
    let text = crate::format::export_compact(&late, "t");
    assert_eq!(
        store.apply_draft(&text, base, "2026-11-22T09:06:00Z").wait().unwrap(),
        DraftOutcome::KeptAsBackup { title: "削除の後に届いた下書き".into() }
    );
    assert!(matches!(store.load(&s.id).wait(), Err(StorageError::NotFound { .. })));
    let backups = store.backups().wait().unwrap();
    assert!(backups.iter().any(|b| b.title == "削除の後に届いた下書き"), "{backups:?}");
}

#[test]
fn a_save_over_a_strategy_deleted_meanwhile_is_refused_and_stores_nothing() {
    let (_, store) = store();
    let s = sample("第1版");
    let base = store.save_as(&s, "t1", VersionReason::Saved).wait().unwrap();
    store.delete(&s.id, "t2").wait().unwrap();
    let keys_before = store.backend().keys().wait().unwrap();
    assert_eq!(
        store.save_over(&titled(&s, "第2版"), "t3", base).wait(),
        Err(StorageError::Deleted { id: s.id.clone() })
    );
    assert_eq!(store.backend().keys().wait().unwrap(), keys_before);
    // A save with no base (an action: create, import) still stores it.
    store.save(&s, "t4").wait().unwrap();
    assert!(store.has(&s.id).wait().unwrap());
}

#[test]
fn local_storage_keeps_no_history_but_still_checks_revisions() {
    let store = Store::new(Posing(MemoryBackend::new(), BackendKind::LocalStorage));
    let s = sample("第1版");
    let base = store.save_as(&s, "t1", VersionReason::Saved).wait().unwrap();
    store.save(&titled(&s, "第2版"), "t2").wait().unwrap();
    assert!(store.versions(&s.id).wait().unwrap().is_empty());
    assert!(!store.keeps_history());
    assert!(matches!(store.save_over(&s, "t3", base).wait(), Err(StorageError::Conflict { .. })));
}

#[test]
fn discarding_the_versions_frees_their_room_and_keeps_every_current_version() {
    let (_, store) = store();
    let s = sample("第1版");
    store.save(&s, "t1").wait().unwrap();
    store.save(&titled(&s, "第2版"), "t2").wait().unwrap();
    store.save(&titled(&s, "第3版"), "t3").wait().unwrap();
    let base_before = store.head(&s.id).wait().unwrap().revision;
    let before = store.usage().wait().unwrap();
    assert_eq!(before.version_count, 2);
    assert!(before.versions > 0);
    assert_eq!(store.discard_versions().wait().unwrap(), 2);
    let after = store.usage().wait().unwrap();
    assert_eq!((after.version_count, after.versions), (0, 0));
    assert!(after.other < before.other, "the versions counted in `other` are gone");
    assert!(store.versions(&s.id).wait().unwrap().is_empty());
    assert_eq!(store.load(&s.id).wait().unwrap().title, "第3版");
    // Saves go on over the same revision: a tab that opened it before is not in conflict.
    let base = store.head(&s.id).wait().unwrap().revision;
    assert_eq!(base, base_before);
    store.save_over(&titled(&s, "第4版"), "t4", base_before).wait().unwrap();
    assert_eq!(store.versions(&s.id).wait().unwrap().len(), 1);
}

#[test]
fn a_draft_kept_at_its_stage_is_named_pinned_and_offered_first_while_the_tab_saves_on() {
    let (_, store) = store();
    let mut s = sample("戦略");
    s.stage = crate::model::DraftingStage::Draft;
    let base = store.save_as(&s, "2026-11-02T09:00:00Z", VersionReason::Saved).wait().unwrap();
    store.keep_stage_version(&s, "2026-11-02T09:01:00Z", " 素案（令和8年11月） ").wait().unwrap();
    // The tab moves on to 案 and saves over the revision it had: keeping a version is no conflict.
    let mut next = s.clone();
    next.stage = crate::model::DraftingStage::Proposal;
    let mut at = store.save_over(&next, "2026-11-02T09:02:00Z", base).wait().unwrap();
    // A year of saves later, the thinning keeps the named one.
    for day in 1..=28 {
        next.title = format!("戦略 {day}");
        at = store.save_over(&next, &format!("2027-02-{day:02}T09:00:00Z"), at).wait().unwrap();
    }
    next.title = "戦略 最後".into();
    store.save_over(&next, "2027-12-01T09:00:00Z", at).wait().unwrap();
    let kept = store.versions(&s.id).wait().unwrap();
    let named: Vec<&StoredVersion> = kept.iter().filter(|v| v.is_named()).collect();
    assert_eq!(named.len(), 1, "{kept:?}");
    assert_eq!(named[0].label.as_deref(), Some("素案（令和8年11月）"));
    assert_eq!(named[0].reason, VersionReason::Stage(crate::model::DraftingStage::Draft));
    assert!(named[0].reason.is_pinned());
    assert_eq!(store.version(&s.id, named[0].seq).wait().unwrap(), s);
    assert_eq!(named_first(&kept)[0].seq, named[0].seq);
    assert!(kept.len() < 30, "the saves were thinned: {}", kept.len());
}

#[test]
fn a_stage_version_is_written_with_its_stage_and_older_heads_still_read() {
    let v = StoredVersion {
        label: Some("素案（令和8年11月）".into()),
        ..version(3, "2026-11-02T09:00:00Z", VersionReason::Stage(crate::model::DraftingStage::Draft))
    };
    let text = serde_json::to_string(&v).unwrap();
    assert!(
        text.contains(r#""reason":{"stage":"draft"}"#) && text.contains(r#""label":"素案（令和8年11月）""#),
        "{text}"
    );
    assert_eq!(serde_json::from_str::<StoredVersion>(&text).unwrap(), v);
    let older = r#"{"revision":4,"saved_at":"x","reason":"imported","next_seq":2,"versions":[{"seq":1,"saved_at":"y","reason":"kept_from_tab","title":"t","bytes":9}]}"#;
    let head: Head = serde_json::from_str(older).unwrap();
    assert_eq!(
        (head.reason, head.versions[0].reason, head.versions[0].label.clone()),
        (VersionReason::Imported, VersionReason::KeptFromTab, None)
    );
}
