//! Native tests of the store against [`MemoryBackend`]: round trips, a full storage, garbage in
//! every key, lost indexes, delete/undo, preferences, a failing backend, and arbitrary text.

use super::*;
use crate::format::export_compact as export;
use crate::model::{
    template, Actual, Baseline, FiscalYear, Id, Indicator, Initiative, InitiativeYear, Measure, NarrativeSection,
    PlanPeriod, ProjectDirection, Strategy, Target,
};
use crate::testing::Wait;
use proptest::prelude::*;
use std::rc::Rc;

const FOUND: &str = "2026-01-02T03:04:05Z";

type MemStore = Store<Rc<MemoryBackend>>;

fn store() -> (Rc<MemoryBackend>, MemStore) {
    let mem = Rc::new(MemoryBackend::new());
    let store = Store::new(mem.clone()).with_clock(|| FOUND.to_owned());
    (mem, store)
}

fn sample(title: &str, municipality: &str) -> Strategy {
    let mut s = template::from_second_period(
        title,
        municipality,
        PlanPeriod { first: FiscalYear(2020), last: FiscalYear(2024) },
    );
    s.goals_mut().next().unwrap().measures.push(Measure::new("1", "企業立地等による雇用創出").into());
    s
}

/// A fuller strategy: sections, an indicator with a baseline, a target and actuals, a KPI, an
/// initiative with budgets — Japanese text and markup-looking text included.
fn rich(title: &str) -> Strategy {
    let mut s = sample(title, "北本市");
    s.sections.push(NarrativeSection {
        id: Id::new("section"),
        heading: "策定趣旨".into(),
        body: "人口減少に歯止めをかける。\n<b>太字</b> & \"引用\"".into(),
    });
    let mut ind = Indicator::new("1-1", "市内企業の新規雇用者数", "人");
    ind.series[0].baseline = Some(Baseline { value: 120.0, year: Some(FiscalYear(2019)) });
    ind.series[0].target = Some(Target::Value { value: 150.0, year: Some(FiscalYear(2024)) });
    ind.series[0].actuals.push(Actual {
        year: FiscalYear(2021),
        value: 131.5,
        provisional: true,
        comment: "速報値".into(),
    });
    let mut init = Initiative::new("(1)", "企業誘致推進事業");
    init.years.push(InitiativeYear {
        fiscal_year: FiscalYear(2021),
        budget: Some(12_345),
        settled: Some(11_000),
        direction: Some(ProjectDirection::ALL[0]),
        plan: "計画".into(),
        result: "実績".into(),
    });
    init.kpis.push(ind.id.clone());
    let goal = s.goals_mut().next().unwrap();
    goal.targets.push(ind.id.clone());
    let measure = goal.measures_mut().next().unwrap();
    measure.kpis.push(ind.id.clone());
    measure.initiatives.push(init.into());
    s.indicators.push(ind.into());
    s
}

fn ids(list: &[StrategySummary]) -> Vec<Id> {
    list.iter().map(|s| s.id.clone()).collect()
}

#[test]
fn save_load_list_round_trip() {
    let (mem, store) = store();
    assert!(store.list().wait().unwrap().is_empty());
    let mut saved = Vec::new();
    for i in 0..3 {
        let s = rich(&format!("第{}期総合戦略", i + 1));
        assert!(crate::format::import(&export(&s, "t")).is_ok(), "the sample is a valid strategy");
        store.save(&s, &format!("2026-04-0{}T09:00:00+09:00", i + 1)).wait().unwrap();
        saved.push(s);
    }
    let a = sample("第2期北斗市まち・ひと・しごと創生総合戦略", "北斗市");
    store.save(&a, "2026-03-31T09:00:00+09:00").wait().unwrap();
    for s in saved.iter().chain([&a]) {
        assert_eq!(&store.load(&s.id).wait().unwrap(), s);
        assert_eq!(mem.get(&keys::strategy(&s.id)).wait().unwrap().unwrap(), export(s, &mem_saved_at(&store, &s.id)));
    }
    let list = store.list().wait().unwrap();
    // Most recently saved first.
    let expected: Vec<Id> = saved.iter().rev().map(|s| s.id.clone()).chain([a.id.clone()]).collect();
    assert_eq!(ids(&list), expected);
    let summary = list.iter().find(|s| s.id == a.id).unwrap();
    assert_eq!(
        summary,
        &StrategySummary {
            id: a.id.clone(),
            title: "第2期北斗市まち・ひと・しごと創生総合戦略".into(),
            municipality: "北斗市".into(),
            first_year: FiscalYear(2020),
            last_year: FiscalYear(2024),
            updated_at: "2026-03-31T09:00:00+09:00".into(),
            counts: a.counts(),
        }
    );
    assert_eq!(summary.counts.measures, 1);

    // Saving again updates the summary in place.
    let mut renamed = a.clone();
    renamed.title = "改訂版".into();
    store.save(&renamed, "2026-05-01T00:00:00Z").wait().unwrap();
    let list = store.list().wait().unwrap();
    assert_eq!(list.len(), saved.len() + 1);
    assert_eq!(
        (list[0].id.clone(), list[0].title.as_str(), list[0].updated_at.as_str()),
        (a.id.clone(), "改訂版", "2026-05-01T00:00:00Z")
    );
    assert_eq!(store.load(&a.id).wait().unwrap(), renamed);
    assert!(store.garbage().wait().unwrap().is_empty());
    assert_eq!(
        store.load(&Id::from("strategy-missing")).wait(),
        Err(StorageError::NotFound { id: Id::from("strategy-missing") })
    );
}

fn mem_saved_at(store: &MemStore, id: &Id) -> String {
    store.list().wait().unwrap().into_iter().find(|s| &s.id == id).unwrap().updated_at
}

#[test]
fn work_in_progress_that_breaks_validation_still_loads() {
    let (_, store) = store();
    let mut s = sample("途中", "北斗市");
    s.period = PlanPeriod { first: FiscalYear(2024), last: FiscalYear(2020) }; // reversed while typing
    s.indicators.push(Indicator { series: Vec::new(), ..Indicator::new("1-1", "指標", "%") }.into());
    assert!(crate::format::import(&export(&s, "t")).is_err(), "the import refuses it");
    store.save(&s, "t").wait().unwrap();
    assert_eq!(store.load(&s.id).wait().unwrap(), s);
    assert_eq!(ids(&store.list().wait().unwrap()), vec![s.id.clone()]);
    assert!(store.garbage().wait().unwrap().is_empty());
}

#[test]
fn full_storage_refuses_the_write_and_keeps_the_previous_version() {
    let v1 = sample("第1版", "北斗市");
    let mut v2 = v1.clone();
    v2.sections.push(NarrativeSection {
        id: Id::new("section"),
        heading: "基本方針".into(),
        body: "長い本文。".repeat(2000),
    });
    // Room for v1, its index and a little more — not for v2.
    let (mem, store) = store();
    store.save(&v1, "2026-01-01").wait().unwrap();
    mem.set_quota(Some(mem.used_bytes() + 500));
    let v2_text = export(&v2, "2026-01-02");
    assert_eq!(
        store.save(&v2, "2026-01-02").wait(),
        Err(StorageError::QuotaExceeded { key: keys::strategy(&v1.id), bytes: v2_text.len() })
    );
    assert_eq!(store.load(&v1.id).wait().unwrap(), v1);
    assert_eq!(store.list().wait().unwrap()[0].updated_at, "2026-01-01");

    // A new strategy that does not fit leaves nothing behind either.
    let other = Strategy { title: "x".repeat(1000), ..sample("別", "北本市") };
    assert!(matches!(store.save(&other, "2026-01-03").wait(), Err(StorageError::QuotaExceeded { .. })));
    assert_eq!(store.load(&other.id).wait(), Err(StorageError::NotFound { id: other.id.clone() }));
    assert_eq!(ids(&store.list().wait().unwrap()), vec![v1.id.clone()]);

    // With room again, v2 is saved.
    mem.set_quota(None);
    store.save(&v2, "2026-01-04").wait().unwrap();
    assert_eq!(store.load(&v1.id).wait().unwrap(), v2);
}

#[test]
/// A save is one batch (one transaction in IndexedDB): the envelope fits, the index does not,
/// so neither is written.
fn full_storage_while_writing_the_index_rolls_the_strategy_back() {
    let (mem, store) = store();
    let v1 = sample("第1版", "北斗市");
    store.save(&v1, "2026-01-01T00:00:00Z").wait().unwrap();
    let mut v2 = v1.clone();
    v2.title = "第2版：題名がずっと長くなった版".into();
    let old = mem.get(&keys::strategy(&v1.id)).wait().unwrap().unwrap();
    let new = export(&v2, "2026-01-02T00:00:00Z");
    // Exactly enough room for the new envelope; the index (which grows too) no longer fits.
    mem.set_quota(Some(mem.used_bytes() + new.len() - old.len()));
    assert!(
        matches!(store.save(&v2, "2026-01-02T00:00:00Z").wait(), Err(StorageError::QuotaExceeded { key, .. }) if key == keys::strategy(&v1.id))
    );
    assert_eq!(mem.get(&keys::strategy(&v1.id)).wait().unwrap().unwrap(), old);
    assert_eq!(store.load(&v1.id).wait().unwrap(), v1);
    assert_eq!(store.list().wait().unwrap()[0].title, "第1版");
}

#[test]
fn memory_backend_quota_counts_keys_and_values_and_refuses_whole_writes() {
    let mem = MemoryBackend::with_quota(10);
    mem.set("ab", "cdef").wait().unwrap(); // 6
    assert_eq!(mem.set("x", "1234").wait(), Err(StorageError::QuotaExceeded { key: "x".into(), bytes: 4 })); // 11
    mem.set("ab", "cdefghij").wait().unwrap(); // replacing counts only the new value: 10
    assert_eq!(mem.set("ab", "cdefghijk").wait(), Err(StorageError::QuotaExceeded { key: "ab".into(), bytes: 9 }));
    assert_eq!(mem.get("ab").wait().unwrap().as_deref(), Some("cdefghij"));
    assert_eq!(mem.keys().wait().unwrap(), ["ab"]);
    mem.remove("ab").wait().unwrap();
    mem.remove("ab").wait().unwrap();
    assert_eq!(mem.used_bytes(), 0);
}

/// Texts a strategy key may hold that no build can read (or that belong elsewhere).
fn unreadable_strategies(id: &Id) -> Vec<String> {
    let other = sample("別の戦略", "北本市");
    vec![
        String::new(),
        "not json".into(),
        "{".into(),
        "null".into(),
        "[]".into(),
        "\u{0}\u{FEFF}".into(),
        "[".repeat(10_000),
        r#"{"format":"something-else","version":1,"strategy":{}}"#.into(),
        format!(
            r#"{{"format":"shirube-strategy","version":99,"exported_at":"","generator":"","strategy":{{"id":"{id}"}}}}"#
        ),
        format!(
            r#"{{"format":"shirube-strategy","version":1,"exported_at":"","generator":"","strategy":{{"id":"{id}","title":5}}}}"#
        ),
        // A readable strategy, but another one: it must not be served under this id.
        export(&other, "2026-01-01"),
    ]
}

#[test]
fn garbage_in_a_strategy_key_is_kept_not_deleted() {
    for (n, garbage) in unreadable_strategies(&Id::from("strategy-x")).into_iter().enumerate() {
        let (mem, store) = store();
        let s = Strategy { id: Id::from("strategy-x"), ..sample("戦略", "北斗市") };
        let keep = sample("無事な戦略", "北斗市");
        store.save(&s, "2026-01-01").wait().unwrap();
        store.save(&keep, "2026-01-01").wait().unwrap();
        let key = keys::strategy(&s.id);
        mem.set(&key, &garbage).wait().unwrap();

        let Err(StorageError::Garbage { key: found, kept_as }) = store.load(&s.id).wait() else {
            panic!("case {n}: not garbage")
        };
        assert_eq!(found, key, "case {n}");
        assert_eq!(kept_as, format!("shirube/v1/garbage/{FOUND}/{key}"), "case {n}");
        assert_eq!(store.garbage_text(&kept_as).wait().unwrap(), garbage, "case {n}");
        assert_eq!(mem.get(&key).wait().unwrap(), None, "case {n}: renamed, so the original key is free");
        assert_eq!(
            store.garbage().wait().unwrap(),
            [GarbageEntry {
                key: kept_as.clone(),
                original_key: key.clone(),
                found_at: FOUND.into(),
                bytes: garbage.len()
            }],
            "case {n}"
        );
        assert_eq!(ids(&store.list().wait().unwrap()), vec![keep.id.clone()], "case {n}: index entry dropped");
        assert_eq!(store.load(&s.id).wait(), Err(StorageError::NotFound { id: s.id.clone() }), "case {n}");
        // The other strategy is untouched, and the garbage can be discarded.
        assert_eq!(store.load(&keep.id).wait().unwrap(), keep, "case {n}");
        store.discard_garbage(&kept_as).wait().unwrap();
        assert!(store.garbage().wait().unwrap().is_empty(), "case {n}");
    }
}

#[test]
fn garbage_found_twice_in_the_same_second_gets_distinct_keys() {
    let (mem, store) = store();
    let key = keys::strategy(&Id::from("strategy-y"));
    mem.set(&key, "first").wait().unwrap();
    let Err(StorageError::Garbage { kept_as: a, .. }) = store.load(&Id::from("strategy-y")).wait() else { panic!() };
    mem.set(&key, "second").wait().unwrap();
    let Err(StorageError::Garbage { kept_as: b, .. }) = store.load(&Id::from("strategy-y")).wait() else { panic!() };
    assert_ne!(a, b);
    assert_eq!(b, format!("shirube/v1/garbage/{FOUND}#2/{key}"));
    assert_eq!(
        (store.garbage_text(&a).wait().unwrap(), store.garbage_text(&b).wait().unwrap()),
        ("first".into(), "second".into())
    );
    let entries = store.garbage().wait().unwrap();
    assert!(entries.iter().all(|e| e.original_key == key && e.found_at == FOUND), "{entries:?}");
}

#[test]
fn garbage_that_cannot_be_moved_stays_where_it_was() {
    let (mem, store) = store();
    let key = keys::strategy(&Id::from("strategy-z"));
    mem.set(&key, "garbage").wait().unwrap();
    mem.set_quota(Some(mem.used_bytes())); // full: not even a rename fits
    assert_eq!(
        store.load(&Id::from("strategy-z")).wait(),
        Err(StorageError::Garbage { key: key.clone(), kept_as: key.clone() })
    );
    assert_eq!(store.garbage_text(&key).wait().unwrap(), "garbage");
    // Saving over it is refused rather than losing it.
    let s = Strategy { id: Id::from("strategy-z"), ..sample("戦略", "北斗市") };
    mem.set_quota(Some(mem.used_bytes() + 10));
    assert!(matches!(store.save(&s, "t").wait(), Err(StorageError::QuotaExceeded { .. })));
    assert_eq!(mem.get(&key).wait().unwrap().as_deref(), Some("garbage"));
    // With room, the save first keeps the garbage, then writes.
    mem.set_quota(None);
    store.save(&s, "t").wait().unwrap();
    assert_eq!(store.load(&s.id).wait().unwrap(), s);
    assert_eq!(store.garbage().wait().unwrap().len(), 1);
    assert_eq!(store.garbage_text(&store.garbage().wait().unwrap()[0].key).wait().unwrap(), "garbage");
    assert!(
        matches!(store.discard_garbage(&key).wait(), Err(StorageError::Failed { .. })),
        "live keys are not garbage"
    );
    assert_eq!(store.load(&s.id).wait().unwrap(), s);
}

#[test]
fn garbage_or_missing_index_is_rebuilt_from_the_strategies() {
    let cases: &[Option<&str>] =
        &[None, Some(""), Some("nope"), Some("{}"), Some("null"), Some(r#"[{"id":1}]"#), Some("[")];
    for (n, index) in cases.iter().enumerate() {
        let (mem, store) = store();
        let a = sample("A", "北斗市");
        let b = sample("B", "北本市");
        store.save(&a, "2026-01-01T00:00:00Z").wait().unwrap();
        store.save(&b, "2026-02-01T00:00:00Z").wait().unwrap();
        match index {
            None => mem.remove(keys::INDEX).wait().unwrap(),
            Some(text) => mem.set(keys::INDEX, text).wait().unwrap(),
        }
        let list = store.list().wait().unwrap();
        assert_eq!(ids(&list), [b.id.clone(), a.id.clone()], "case {n}");
        assert_eq!(list[1], StrategySummary::of(&a, "2026-01-01T00:00:00Z"), "case {n}: read from the envelope");
        // The garbage index is kept; the index is written again.
        let garbage = store.garbage().wait().unwrap();
        match index {
            None => assert!(garbage.is_empty(), "case {n}"),
            Some(text) => {
                assert_eq!(garbage.len(), 1, "case {n}");
                assert_eq!(garbage[0].original_key, keys::INDEX, "case {n}");
                assert_eq!(store.garbage_text(&garbage[0].key).wait().unwrap(), *text, "case {n}");
            }
        }
        let rebuilt: Vec<StrategySummary> =
            serde_json::from_str(&mem.get(keys::INDEX).wait().unwrap().unwrap()).unwrap();
        assert_eq!(rebuilt.len(), 2, "case {n}");
        // Saving works on top of the rebuilt index.
        store.save(&a, "2026-03-01T00:00:00Z").wait().unwrap();
        assert_eq!(ids(&store.list().wait().unwrap()), [a.id.clone(), b.id.clone()], "case {n}");
    }
}

#[test]
fn index_out_of_step_with_the_keys_is_reconciled() {
    let (mem, store) = store();
    let a = sample("A", "北斗市");
    let b = sample("B", "北本市");
    store.save(&a, "2026-01-01").wait().unwrap();
    // Written by another tab: b's key without an index entry; a's key gone, entry left.
    mem.set(&keys::strategy(&b.id), &export(&b, "2026-02-01")).wait().unwrap();
    mem.remove(&keys::strategy(&a.id)).wait().unwrap();
    assert_eq!(store.list().wait().unwrap(), [StrategySummary::of(&b, "2026-02-01")]);
    // Garbage under an unindexed strategy key goes to garbage rather than vanishing.
    mem.set(&keys::strategy(&Id::from("strategy-bad")), "{oops").wait().unwrap();
    assert_eq!(ids(&store.list().wait().unwrap()), vec![b.id.clone()]);
    assert_eq!(store.garbage().wait().unwrap()[0].original_key, keys::strategy(&Id::from("strategy-bad")));
}

#[test]
fn delete_keeps_a_backup_and_restore_brings_it_back() {
    let (_, store) = store();
    let s = rich("第2期北本市まち・ひと・しごと創生総合戦略");
    let other = sample("残る", "北斗市");
    store.save(&s, "2026-01-01T00:00:00Z").wait().unwrap();
    store.save(&other, "2026-01-01T00:00:00Z").wait().unwrap();

    let backup = store.delete(&s.id, "2026-02-01T00:00:00Z").wait().unwrap();
    assert_eq!(backup.strategy_id, s.id);
    assert_eq!((backup.title.as_str(), backup.municipality.as_str()), (s.title.as_str(), s.municipality.name.as_str()));
    assert_eq!((backup.taken_at.as_str(), backup.reason), ("2026-02-01T00:00:00Z", BackupReason::Deleted));
    assert_eq!(backup.key, format!("shirube/v1/backup/{}/2026-02-01T00:00:00Z", s.id));
    assert_eq!(store.load(&s.id).wait(), Err(StorageError::NotFound { id: s.id.clone() }));
    assert_eq!(ids(&store.list().wait().unwrap()), vec![other.id.clone()]);
    assert_eq!(store.backups().wait().unwrap(), vec![backup.clone()]);
    assert_eq!(store.delete(&s.id, "2026-02-01T00:00:00Z").wait(), Err(StorageError::NotFound { id: s.id.clone() }));

    let restored = store.restore_backup(&backup.key, "2026-02-02T00:00:00Z").wait().unwrap();
    assert_eq!(restored, s);
    assert_eq!(store.load(&s.id).wait().unwrap(), s);
    assert_eq!(ids(&store.list().wait().unwrap()), [s.id.clone(), other.id.clone()]);
    assert!(store.backups().wait().unwrap().is_empty());
    assert_eq!(
        store.restore_backup(&backup.key, "t").wait(),
        Err(StorageError::NotFound { id: Id::from(backup.key.as_str()) })
    );
    assert!(store.garbage().wait().unwrap().is_empty());
}

#[test]
fn restoring_over_a_live_version_backs_that_up_first() {
    let (_, store) = store();
    let v1 = sample("第1版", "北斗市");
    store.save(&v1, "2026-01-01").wait().unwrap();
    let manual = store.backup(&v1, BackupReason::Manual, "2026-01-02").wait().unwrap();
    let v2 = Strategy { title: "第2版".into(), ..v1.clone() };
    store.save(&v2, "2026-01-03").wait().unwrap();

    assert_eq!(store.restore_backup(&manual.key, "2026-01-04").wait().unwrap(), v1);
    assert_eq!(store.load(&v1.id).wait().unwrap(), v1);
    let backups = store.backups().wait().unwrap();
    assert_eq!(backups.len(), 1);
    assert_eq!(
        (backups[0].reason, backups[0].title.as_str(), backups[0].taken_at.as_str()),
        (BackupReason::Replaced, "第2版", "2026-01-04")
    );
    assert_eq!(store.restore_backup(&backups[0].key, "2026-01-05").wait().unwrap(), v2);
}

#[test]
fn backups_survive_a_garbage_or_missing_backup_index() {
    for index in [None, Some("garbage"), Some("{}"), Some("[]")] {
        let (mem, store) = store();
        let gone = sample("消した", "北斗市");
        let kept = sample("残した", "北本市");
        store.save(&gone, "2026-01-01").wait().unwrap();
        store.save(&kept, "2026-01-01").wait().unwrap();
        let deleted = store.delete(&gone.id, "2026-01-02").wait().unwrap();
        let manual = store.backup(&kept, BackupReason::Manual, "2026-01-03").wait().unwrap();
        match index {
            None => mem.remove(keys::BACKUP_INDEX).wait().unwrap(),
            Some(text) => mem.set(keys::BACKUP_INDEX, text).wait().unwrap(),
        }
        // Newest first; the reason is recovered from whether the strategy still lives.
        assert_eq!(store.backups().wait().unwrap(), [manual.clone(), deleted.clone()], "{index:?}");
        assert_eq!(
            store.garbage().wait().unwrap().len(),
            usize::from(matches!(index, Some("garbage" | "{}"))),
            "{index:?}"
        );
        assert_eq!(store.restore_backup(&deleted.key, "2026-01-04").wait().unwrap(), gone);
        assert_eq!(store.backups().wait().unwrap(), vec![manual.clone()], "{index:?}");
    }
}

#[test]
fn delete_refused_when_the_backup_does_not_fit() {
    let (mem, store) = store();
    let s = sample("戦略", "北斗市");
    store.save(&s, "2026-01-01").wait().unwrap();
    mem.set_quota(Some(mem.used_bytes() + 100));
    assert!(matches!(store.delete(&s.id, "2026-01-02").wait(), Err(StorageError::QuotaExceeded { .. })));
    assert_eq!(store.load(&s.id).wait().unwrap(), s);
    assert!(store.backups().wait().unwrap().is_empty());
    // What the UI offers then (after the user's download): deleting without a backup, which
    // frees the room.
    let other = sample("別の戦略", "北斗市");
    store.delete_without_backup(&s.id).wait().unwrap();
    assert_eq!(store.load(&s.id).wait(), Err(StorageError::NotFound { id: s.id.clone() }));
    assert!(store.list().wait().unwrap().is_empty() && store.backups().wait().unwrap().is_empty());
    store.save(&other, "2026-01-03").wait().unwrap();
    assert_eq!(store.delete_without_backup(&s.id).wait(), Err(StorageError::NotFound { id: s.id.clone() }));
    assert_eq!(store.load(&other.id).wait().unwrap(), other);
}

#[test]
fn delete_without_backup_keeps_unreadable_text() {
    let (mem, store) = store();
    let id = Id::from("s-broken");
    mem.set(&keys::strategy(&id), "{\"broken\":").wait().unwrap();
    assert!(matches!(store.delete_without_backup(&id).wait(), Err(StorageError::Garbage { .. })));
    assert_eq!(store.garbage().wait().unwrap().len(), 1, "kept as garbage, not deleted");
}

#[test]
fn unreadable_backups_go_to_garbage() {
    let (mem, store) = store();
    let s = sample("戦略", "北斗市");
    let b = store.backup(&s, BackupReason::Manual, "2026-01-01").wait().unwrap();
    mem.set(&b.key, "{\"broken\":").wait().unwrap();
    assert!(matches!(store.restore_backup(&b.key, "t").wait(), Err(StorageError::Garbage { key, .. }) if key == b.key));
    assert!(store.backups().wait().unwrap().is_empty());
    assert_eq!(store.garbage().wait().unwrap()[0].original_key, b.key);
    // A stray backup key nobody indexed, with garbage in it, is kept as garbage when listed.
    mem.set("shirube/v1/backup/x/2026", "zzz").wait().unwrap();
    assert!(store.backups().wait().unwrap().is_empty());
    assert_eq!(store.garbage().wait().unwrap().len(), 2);
    assert!(matches!(store.discard_backup("shirube/v1/strategy/x").wait(), Err(StorageError::NotFound { .. })));
}

#[test]
fn preferences_round_trip_and_fall_back_to_defaults() {
    let (mem, store) = store();
    assert_eq!(store.preferences().wait(), Preferences::default());
    assert_eq!(
        Preferences::default(),
        Preferences { language: Language::Ja, year_style: YearStyle::Japanese, last_opened: None }
    );
    let p = Preferences {
        language: Language::En,
        year_style: YearStyle::Western,
        last_opened: Some(Id::from("strategy-1")),
    };
    store.save_preferences(&p).wait().unwrap();
    assert_eq!(store.preferences().wait(), p);
    assert!(mem.get(keys::PREFERENCES).wait().unwrap().unwrap().contains("\"western\""));

    // Written by an older build: missing fields take their defaults.
    mem.set(keys::PREFERENCES, r#"{"language":"en"}"#).wait().unwrap();
    assert_eq!(store.preferences().wait(), Preferences { language: Language::En, ..Preferences::default() });
    assert!(store.garbage().wait().unwrap().is_empty());

    for garbage in ["", "nope", "[1]", "null", r#"{"language":"fr"}"#, r#"{"last_opened":5}"#] {
        let (mem, store) = self::store();
        mem.set(keys::PREFERENCES, garbage).wait().unwrap();
        assert_eq!(store.preferences().wait(), Preferences::default(), "{garbage:?}");
        let kept = store.garbage().wait().unwrap();
        assert_eq!(kept.len(), 1, "{garbage:?}");
        assert_eq!(kept[0].original_key, keys::PREFERENCES);
        assert_eq!(store.garbage_text(&kept[0].key).wait().unwrap(), garbage);
        assert_eq!(store.preferences().wait(), Preferences::default(), "{garbage:?}: still the defaults");
        store.save_preferences(&p).wait().unwrap();
        assert_eq!(store.preferences().wait(), p);
    }
}

/// A backend that refuses everything, as a storage blocked after the page loaded does.
struct Broken;
impl Backend for Broken {
    async fn get(&self, _: &str) -> Result<Option<String>, StorageError> {
        Err(StorageError::Failed { detail: "SecurityError: denied".into() })
    }
    async fn apply(&self, _: Vec<Write>) -> Result<(), StorageError> {
        Err(StorageError::Failed { detail: "SecurityError: denied".into() })
    }
    async fn keys(&self) -> Result<Vec<String>, StorageError> {
        Err(StorageError::Failed { detail: "SecurityError: denied".into() })
    }
    fn kind(&self) -> BackendKind {
        BackendKind::IndexedDb
    }
}

#[test]
fn a_failing_backend_gives_errors_not_panics() {
    let store = Store::new(Broken);
    let denied = StorageError::Failed { detail: "SecurityError: denied".into() };
    let s = sample("戦略", "北斗市");
    assert!(store.is_persistent());
    assert_eq!(store.list().wait(), Err(denied.clone()));
    assert_eq!(store.load(&s.id).wait(), Err(denied.clone()));
    assert_eq!(store.save(&s, "t").wait(), Err(denied.clone()));
    assert_eq!(store.delete(&s.id, "t").wait(), Err(denied.clone()));
    assert_eq!(store.backup(&s, BackupReason::Manual, "t").wait(), Err(denied.clone()));
    assert_eq!(store.backups().wait(), Err(denied.clone()));
    assert_eq!(store.restore_backup("shirube/v1/backup/a/b", "t").wait(), Err(denied.clone()));
    assert_eq!(store.discard_backup("shirube/v1/backup/a/b").wait(), Err(denied.clone()));
    assert_eq!(store.garbage().wait(), Err(denied.clone()));
    assert_eq!(store.garbage_text("k").wait(), Err(denied.clone()));
    assert_eq!(store.discard_garbage("shirube/v1/garbage/t/k").wait(), Err(denied.clone()));
    assert_eq!(store.preferences().wait(), Preferences::default());
    assert_eq!(store.save_preferences(&Preferences::default()).wait(), Err(denied));
}

#[test]
fn the_in_memory_fallback_works_but_is_not_persistent() {
    let store = Store::in_memory();
    assert!(!store.is_persistent());
    let s = sample("戦略", "北斗市");
    store.save(&s, "t").wait().unwrap();
    assert_eq!(store.load(&s.id).wait().unwrap(), s);
}

#[test]
fn keys_are_built_and_read_back() {
    let id = Id::from("strategy-1");
    assert_eq!(keys::strategy(&id), "shirube/v1/strategy/strategy-1");
    assert_eq!(keys::strategy_id("shirube/v1/strategy/strategy-1"), Some(id.clone()));
    assert_eq!(keys::strategy_id("shirube/v1/strategy/"), None);
    assert_eq!(keys::strategy_id("shirube/v1/index"), None);
    let b = keys::backup(&id, &keys::numbered(&keys::stamp("2026/01/02#x"), 3));
    assert_eq!(b, "shirube/v1/backup/strategy-1/2026-01-02-x#3");
    assert_eq!(keys::backup_taken_at(&b).as_deref(), Some("2026-01-02-x"));
    let g = keys::garbage(&keys::stamp(""), "shirube/prefs");
    assert_eq!(keys::garbage_parts(&g), Some(("shirube/prefs".into(), String::new())));
    assert_eq!(keys::garbage_parts("shirube/v1/garbage/odd"), Some(("odd".into(), String::new())));
    assert_eq!(keys::garbage_parts("shirube/v1/index"), None);
    // The backup index is not a backup.
    assert!(!keys::BACKUP_INDEX.starts_with(keys::BACKUP_PREFIX));
}

#[test]
fn the_native_default_clock_writes_iso_utc() {
    assert_eq!(store::iso_utc(0), "1970-01-01T00:00:00Z");
    assert_eq!(store::iso_utc(1_700_000_000), "2023-11-14T22:13:20Z");
    assert_eq!(store::iso_utc(951_782_400), "2000-02-29T00:00:00Z");
    let (_, s) = (0, Store::in_memory());
    let now = s.now();
    assert!(now.len() == 20 && now.starts_with("20") && now.ends_with('Z'), "{now}");
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]
    /// Whatever text sits under any of Shirube's keys, nothing panics and nothing is lost: each
    /// text is either read, or still somewhere in the store.
    #[test]
    fn arbitrary_text_under_every_key_never_panics_nor_vanishes(texts in proptest::collection::vec(any::<String>(), 5)) {
        let (mem, store) = store();
        let s = sample("戦略", "北斗市");
        store.save(&s, "2026").wait().unwrap();
        let targets = [keys::INDEX.to_owned(), keys::BACKUP_INDEX.to_owned(), keys::PREFERENCES.to_owned(), keys::strategy(&s.id), "shirube/v1/backup/x/1".to_owned()];
        for (key, text) in targets.iter().zip(&texts) {
            mem.set(key, text).wait().unwrap();
        }
        let _ = store.list().wait();
        let _ = store.load(&s.id).wait();
        let _ = store.backups().wait();
        let _ = store.preferences().wait();
        let _ = store.garbage().wait();
        let everything: Vec<String> = mem.keys().wait().unwrap().iter().filter_map(|k| mem.get(k).wait().unwrap()).collect();
        for (key, text) in targets.iter().zip(&texts) {
            let consumed = key == keys::INDEX || key == keys::BACKUP_INDEX; // caches: rebuilt
            prop_assert!(consumed || everything.contains(text), "{key}: {text:?} vanished");
        }
    }
}

#[test]
fn a_full_browser_storage_says_whether_deleting_can_make_room() {
    // Japanese text counts one unit a character (three UTF-8 bytes): 5 Mi characters fit no
    // browser, whatever else is deleted; one fewer (with its key) might, once room is made.
    let key = "shirube/v1/strategy/s";
    let limit = 5 * 1024 * 1024;
    let too_large = "あ".repeat(limit - key.len() + 1);
    assert_eq!(StorageError::full(key, &too_large), StorageError::TooLarge { key: key.into(), bytes: too_large.len() });
    let fits_alone = "あ".repeat(limit - key.len());
    assert_eq!(
        StorageError::full(key, &fits_alone),
        StorageError::QuotaExceeded { key: key.into(), bytes: fits_alone.len() }
    );
    // A character outside the BMP is two units.
    let emoji = "😀".repeat((limit - key.len()) / 2 + 1);
    assert!(matches!(StorageError::full(key, &emoji), StorageError::TooLarge { .. }));
}

#[test]
fn usage_counts_utf16_units_of_keys_and_values_by_kind() {
    let (mem, store) = store();
    assert_eq!(store.usage().wait().unwrap(), Usage { limit: BROWSER_LIMIT_UNITS, ..Usage::default() });
    let s = rich("第2期北本市まち・ひと・しごと創生総合戦略");
    store.save(&s, "2026-01-01T00:00:00Z").wait().unwrap();
    // Another page of the same site: it takes room from the same limit.
    mem.set("another-page/cache", "ｘｘｘ").wait().unwrap();
    let units = |k: &str| k.encode_utf16().count() + mem.get(k).wait().unwrap().unwrap().encode_utf16().count();
    let key = keys::strategy(&s.id);
    let usage = store.usage().wait().unwrap();
    assert_eq!((usage.strategies, usage.largest_strategy), (units(&key), units(&key)));
    assert!(usage.largest_backup_fits());
    assert!(
        usage.strategies < mem.get(&key).wait().unwrap().unwrap().len() + key.len(),
        "Japanese text: fewer UTF-16 units than UTF-8 bytes"
    );
    assert_eq!(usage.backups, 0);
    let others: usize = mem.keys().wait().unwrap().iter().filter(|k| **k != key).map(|k| units(k)).sum();
    assert_eq!(usage.other, others);
    assert!(usage.other >= "another-page/cache".len() + 3);
    assert_eq!(usage.used(), mem.keys().wait().unwrap().iter().map(|k| units(k)).sum::<usize>());

    let backup = store.delete(&s.id, "2026-02-01T00:00:00Z").wait().unwrap();
    let after = store.usage().wait().unwrap();
    assert_eq!((after.strategies, after.backups), (0, units(&backup.key)));
    assert_eq!(
        after.backup_sizes.iter().map(|(k, u)| (k.clone(), *u)).collect::<Vec<_>>(),
        vec![(backup.key.clone(), units(&backup.key))]
    );
    assert!(!after.is_nearly_full());
    let nearly = Usage { strategies: 4 * BROWSER_LIMIT_UNITS / 5, ..after.clone() };
    assert!(nearly.is_nearly_full() && nearly.percent(nearly.used()) == NEARLY_FULL_PERCENT);
    assert!(
        !Usage { strategies: 4 * BROWSER_LIMIT_UNITS / 5 - 1, backups: 0, other: 0, ..after.clone() }.is_nearly_full()
    );
    // One strategy of 60 %: not nearly full, but its backup would not fit.
    let one_large = Usage {
        strategies: 3 * BROWSER_LIMIT_UNITS / 5,
        largest_strategy: 3 * BROWSER_LIMIT_UNITS / 5,
        backups: 0,
        other: 0,
        ..after
    };
    assert!(!one_large.is_nearly_full() && !one_large.largest_backup_fits());
    assert!(Usage {
        strategies: BROWSER_LIMIT_UNITS / 2,
        largest_strategy: BROWSER_LIMIT_UNITS / 2,
        ..one_large.clone()
    }
    .largest_backup_fits());
    // Over the limit (a browser that allows more) with no strategy: no backup to fit.
    assert!(Usage { other: BROWSER_LIMIT_UNITS + 1, ..Usage::default() }.largest_backup_fits());
}

#[test]
fn garbage_found_by_two_readers_at_once_is_moved_once() {
    // Two tasks (or tabs) read the same unreadable text before either moved it aside.
    let (mem, store) = store();
    let key = keys::strategy(&Id::from("strategy-x"));
    mem.set_now(&key, "{oops").unwrap();
    let first = store.quarantine(&key, "{oops").wait();
    let second = store.quarantine(&key, "{oops").wait();
    assert!(first.is_ok());
    assert!(matches!(second, Err(StorageError::Conflict { .. })), "{second:?}");
    assert_eq!(store.garbage().wait().unwrap().len(), 1);
    assert_eq!(mem.get_now(&key), None);
}
