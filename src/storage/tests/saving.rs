//! Saving and loading: round trips, the list of summaries, work in progress that breaks
//! validation, a full storage refusing a save whole, the keys and the clock.

use super::*;

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
    // SpaceUse for v1, its index and a little more — not for v2.
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
    let (_, s) = (0, Store::in_memory());
    let now = s.now();
    assert!(now.len() == 20 && now.starts_with("20") && now.ends_with('Z'), "{now}");
}
