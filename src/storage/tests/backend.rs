//! The backends under the store: the memory backend's quota, a backend that refuses everything
//! (errors, not panics), and the in-memory fallback.

use super::*;

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
