//! Backups: a delete keeps one and a restore brings it back, a restore over a live version
//! backs that up first, the backup index can be lost, a delete without room for its backup.

use super::*;

#[test]
fn delete_keeps_a_backup_and_restore_brings_it_back() {
    let (_, store) = store();
    let s = rich("第2期北本市まち・ひと・しごと創生総合戦略");
    let other = sample("残る", "北斗市");
    store.save(&s, "2026-01-01T00:00:00Z").wait().unwrap();
    store.save(&other, "2026-01-01T00:00:00Z").wait().unwrap();

    assert!(!store.holds_more_than_strategies().wait().unwrap(), "strategies alone");
    let backup = store.delete(&s.id, "2026-02-01T00:00:00Z").wait().unwrap();
    assert!(store.holds_more_than_strategies().wait().unwrap(), "a backup to list");
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
