//! Regions: saved and listed under their own keys, deleted into a region backup and brought
//! back, unreadable text kept aside as garbage, a full storage changing nothing.

use super::*;
use crate::model::region::Region;

fn region(name: &str, towns: &[&Strategy]) -> Region {
    let mut r = Region::new(name);
    r.members = towns.iter().map(|s| s.id.clone()).collect();
    r
}

/// Every key and value, to compare before and after a refused action.
fn snapshot(mem: &MemoryBackend) -> Vec<(String, Option<String>)> {
    mem.keys_now().into_iter().map(|k| (k.clone(), mem.get_now(&k))).collect()
}

#[test]
fn regions_are_saved_listed_and_loaded_apart_from_strategies() {
    let (mem, store) = store();
    let (a, b) = (sample("A町の戦略", "A町"), sample("B町の戦略", "B町"));
    store.save(&a, "2026-01-01").wait().unwrap();
    store.save(&b, "2026-01-01").wait().unwrap();
    assert!(!store.holds_more_than_strategies().wait().unwrap(), "strategies alone");
    let mut oshima = region("渡島総合振興局管内", &[&a, &b]);
    oshima.set_match(&a.id, &Id::from("ind-1"), Some("観光入込客数".into()));
    let hiyama = region("檜山振興局管内", &[&b]);
    store.save_region(&oshima, "2026-02-01").wait().unwrap();
    assert!(store.holds_more_than_strategies().wait().unwrap(), "a region");
    store.save_region(&hiyama, "2026-02-02").wait().unwrap();

    assert!(mem.get_now(&format!("shirube/v1/region/{}", oshima.id)).is_some());
    assert_eq!(store.load_region(&oshima.id).wait().unwrap(), oshima);
    let listed = store.regions().wait().unwrap();
    assert_eq!(
        listed,
        [
            StoredRegion { region: hiyama.clone(), saved_at: "2026-02-02".into() },
            StoredRegion { region: oshima.clone(), saved_at: "2026-02-01".into() }
        ],
        "most recently saved first"
    );
    // The strategy list and the strategies' backups know nothing of regions.
    assert_eq!(store.list().wait().unwrap().len(), 2);
    assert!(store.backups().wait().unwrap().is_empty());

    oshima.name = "渡島".into();
    store.save_region(&oshima, "2026-02-03").wait().unwrap();
    assert_eq!(store.load_region(&oshima.id).wait().unwrap().name, "渡島");
    assert_eq!(store.regions().wait().unwrap()[0].region, oshima);
    let none = Id::from("region-none");
    assert_eq!(store.load_region(&none).wait(), Err(StorageError::NotFound { id: none }));
    assert!(store.garbage().wait().unwrap().is_empty());
}

#[test]
fn a_deleted_region_is_kept_as_a_backup_that_brings_it_back() {
    let (mem, store) = store();
    let a = sample("A町の戦略", "A町");
    store.save(&a, "2026-01-01").wait().unwrap();
    let r = region("渡島総合振興局管内", &[&a]);
    store.save_region(&r, "2026-02-01").wait().unwrap();

    let backup = store.delete_region(&r.id, "2026-03-01").wait().unwrap();
    assert_eq!(
        backup,
        RegionBackup {
            key: format!("shirube/v1/region-backup/{}/2026-03-01", r.id),
            region_id: r.id.clone(),
            name: "渡島総合振興局管内".into(),
            towns: 1,
            taken_at: "2026-03-01".into(),
            reason: BackupReason::Deleted,
        }
    );
    assert!(store.regions().wait().unwrap().is_empty());
    assert!(store.holds_more_than_strategies().wait().unwrap(), "its backup is still there to list");
    assert_eq!(store.load_region(&r.id).wait(), Err(StorageError::NotFound { id: r.id.clone() }));
    assert_eq!(store.load(&a.id).wait().unwrap(), a, "its towns stay stored");
    assert_eq!(store.region_backups().wait().unwrap(), vec![backup.clone()]);
    assert!(store.backups().wait().unwrap().is_empty(), "not among the strategies' backups");

    assert_eq!(store.restore_region_backup(&backup.key, "2026-03-02").wait().unwrap(), r);
    assert_eq!(store.load_region(&r.id).wait().unwrap(), r);
    assert!(store.region_backups().wait().unwrap().is_empty());
    assert_eq!(
        store.restore_region_backup(&backup.key, "t").wait(),
        Err(StorageError::NotFound { id: Id::from(backup.key.as_str()) })
    );
    // A strategy backup key is not a region backup.
    let strategy_backup = store.delete(&a.id, "2026-03-03").wait().unwrap();
    assert!(matches!(
        store.restore_region_backup(&strategy_backup.key, "t").wait(),
        Err(StorageError::NotFound { .. })
    ));
    assert!(mem.get_now(&strategy_backup.key).is_some());
    assert!(store.garbage().wait().unwrap().is_empty());
}

#[test]
fn restoring_over_a_live_region_backs_that_up_first() {
    let (_, store) = store();
    let v1 = region("第1版", &[]);
    store.save_region(&v1, "2026-01-01").wait().unwrap();
    let deleted = store.delete_region(&v1.id, "2026-01-02").wait().unwrap();
    let v2 = Region { name: "第2版".into(), ..v1.clone() };
    store.save_region(&v2, "2026-01-02").wait().unwrap();

    assert_eq!(store.restore_region_backup(&deleted.key, "2026-01-02").wait().unwrap(), v1);
    assert_eq!(store.load_region(&v1.id).wait().unwrap(), v1);
    let backups = store.region_backups().wait().unwrap();
    assert_eq!(backups.len(), 1);
    assert_eq!((backups[0].reason, backups[0].name.as_str()), (BackupReason::Replaced, "第2版"));
    assert_ne!(backups[0].key, deleted.key);
    assert_eq!(store.restore_region_backup(&backups[0].key, "2026-01-03").wait().unwrap(), v2);
    store.discard_region_backup(&store.region_backups().wait().unwrap()[0].key).wait().unwrap();
    assert!(store.region_backups().wait().unwrap().is_empty());
    assert!(store.discard_region_backup(&deleted.key).wait().is_err());
}

#[test]
fn a_full_storage_changes_nothing() {
    let (mem, store) = store();
    let r = region("渡島総合振興局管内", &[]);
    store.save_region(&r, "2026-01-01").wait().unwrap();
    let before = snapshot(&mem);
    mem.set_quota(Some(mem.used_bytes() + 10));

    let longer = Region { name: "渡島総合振興局管内（名前を長くした）".into(), ..r.clone() };
    assert!(matches!(store.save_region(&longer, "2026-01-02").wait(), Err(StorageError::QuotaExceeded { .. })));
    assert!(matches!(
        store.save_region(&region("新しい地域", &[]), "t").wait(),
        Err(StorageError::QuotaExceeded { .. })
    ));
    assert!(
        matches!(store.delete_region(&r.id, "2026-01-02").wait(), Err(StorageError::QuotaExceeded { .. })),
        "no room for the backup: nothing deleted"
    );
    assert_eq!(snapshot(&mem), before);
    assert_eq!(store.load_region(&r.id).wait().unwrap(), r);
}

#[test]
fn unreadable_region_text_is_kept_as_garbage_not_served_nor_overwritten() {
    let r = Region::new("渡島総合振興局管内");
    let other = Region::new("別の地域");
    let record = |region: &Region, version: u64| {
        serde_json::json!({"version": version, "saved_at": "t", "region": region}).to_string()
    };
    let unreadable = [
        String::new(),
        "not json".into(),
        "[".repeat(10_000),
        "null".into(),
        r#"{"version":1,"saved_at":"t","region":{"id":5}}"#.into(),
        record(&r, 2),
        // Readable, but another region: never served under this id.
        record(&other, 1),
    ];
    for (n, text) in unreadable.iter().enumerate() {
        let (mem, store) = store();
        let key = keys::region(&r.id);
        mem.set_now(&key, text).unwrap();
        let kept_as = format!("shirube/v1/garbage/{FOUND}/{key}");
        assert_eq!(
            store.load_region(&r.id).wait(),
            Err(StorageError::Garbage { key: key.clone(), kept_as: kept_as.clone() }),
            "case {n}"
        );
        assert_eq!(mem.get_now(&kept_as).as_ref(), Some(text), "case {n}: kept whole");
        assert_eq!(mem.get_now(&key), None, "case {n}");

        // Found by the list, and by a save over it: kept, never overwritten.
        let (mem, store) = super::store();
        mem.set_now(&key, text).unwrap();
        assert!(store.regions().wait().unwrap().is_empty(), "case {n}");
        assert_eq!(mem.get_now(&kept_as).as_ref(), Some(text), "case {n}");
        let (mem, store) = super::store();
        mem.set_now(&key, text).unwrap();
        store.save_region(&r, "t").wait().unwrap();
        assert_eq!(store.load_region(&r.id).wait().unwrap(), r, "case {n}");
        assert_eq!(mem.get_now(&kept_as).as_ref(), Some(text), "case {n}");
        let (mem, store) = super::store();
        mem.set_now(&key, text).unwrap();
        assert!(matches!(store.delete_region(&r.id, "t").wait(), Err(StorageError::Garbage { .. })), "case {n}");
        assert_eq!(mem.get_now(&kept_as).as_ref(), Some(text), "case {n}");
        assert!(store.region_backups().wait().unwrap().is_empty(), "case {n}");

        // In a region backup key.
        let (mem, store) = super::store();
        let backup_key = keys::region_backup(&r.id, "2026-01-01");
        mem.set_now(&backup_key, text).unwrap();
        if n == unreadable.len() - 1 {
            continue; // another region's record is a readable backup of that region
        }
        assert!(store.region_backups().wait().unwrap().is_empty(), "case {n}");
        assert_eq!(store.garbage().wait().unwrap().len(), 1, "case {n}");
        assert_eq!(mem.get_now(&backup_key), None, "case {n}");
    }
}
