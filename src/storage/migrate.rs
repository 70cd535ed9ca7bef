//! The move of Shirube's data from `localStorage` (every release before IndexedDB) into the
//! new backend, on the first start after the update.
//!
//! Every key under `shirube/` is copied in one batch (one transaction), read back and compared,
//! and only then removed from the old storage. A failure before the removal leaves the old
//! storage as it was and the new one as it was (a copy that does not read back is taken out
//! again), and says so: the app then keeps using the old storage and tries again next start.
//! The batch also records what was moved ([`keys::MOVED`]), so that a leftover the old storage
//! could not remove is told apart from something written there since (by a tab of the old
//! release still open): a leftover is removed, anything else is kept aside as garbage in the
//! new storage, never dropped.

use super::{keys, Backend, StorageError, Write};
use std::collections::BTreeMap;

/// What the move did.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Moved {
    /// Keys copied into the new storage.
    pub copied: usize,
    /// Keys already there with the same text.
    pub already_there: usize,
    /// Texts that differed from what the new storage held under the same key, kept aside as
    /// garbage in the new storage.
    pub kept_aside: usize,
    /// Whether removing the moved keys from the old storage failed (they are safely in the new
    /// one; the next start removes them).
    pub left_behind: Option<StorageError>,
}

/// Moves every `shirube/` key of `from` into `to`. `Ok(None)`: nothing to move.
pub async fn move_data<S: Backend, T: Backend>(from: &S, to: &T, now: &str) -> Result<Option<Moved>, StorageError> {
    let mut old_keys: Vec<String> = from.keys().await?.into_iter().filter(|k| is_data_key(k)).collect();
    if old_keys.is_empty() {
        return Ok(None);
    }
    crate::sorting::natural(&mut old_keys);
    let mut recorded: BTreeMap<String, String> = match to.get(keys::MOVED).await? {
        Some(text) => serde_json::from_str(&text).unwrap_or_default(),
        None => BTreeMap::new(),
    };
    let mut moved = Moved::default();
    let mut copies: Vec<(String, String)> = Vec::new();
    let mut done: Vec<String> = Vec::new();
    for key in &old_keys {
        let Some(value) = from.get(key).await? else { continue };
        match to.get(key).await? {
            None => {
                recorded.insert(key.clone(), fingerprint(&value));
                copies.push((key.clone(), value));
            }
            Some(there) if there == value => moved.already_there += 1,
            Some(_) if recorded.get(key) == Some(&fingerprint(&value)) => moved.already_there += 1,
            // The preferences of the new storage are the newer ones.
            Some(_) if key == keys::PREFERENCES => moved.already_there += 1,
            Some(_) => {
                let aside = free_garbage_key(to, key, now, &copies).await?;
                recorded.insert(key.clone(), fingerprint(&value));
                copies.push((aside, value));
                moved.kept_aside += 1;
            }
        }
        done.push(key.clone());
    }
    let mut batch: Vec<Write> = copies.iter().map(|(k, v)| Write::put(k, v)).collect();
    batch.push(Write::put(keys::MOVED, super::json_out::to_json(&recorded)?));
    to.apply(batch).await?;
    // Read back: only what reads back the same counts as moved.
    for (key, value) in &copies {
        if to.get(key).await?.as_deref() != Some(value.as_str()) {
            let undo: Vec<Write> = copies.iter().map(|(k, _)| Write::remove(k)).collect();
            let _ = to.apply(undo).await;
            return Err(StorageError::Failed { detail: format!("{key} did not read back the same after the copy") });
        }
    }
    moved.copied = copies.len() - moved.kept_aside;
    if let Err(e) = from.apply(done.iter().map(Write::remove).collect()).await {
        moved.left_behind = Some(e);
    }
    Ok(Some(moved))
}

/// Whether `from` holds any of Shirube's data to move (a look at the keys; where they cannot be
/// read, the move itself says why).
#[cfg(any(target_arch = "wasm32", test))]
pub async fn has_data_to_move<S: Backend>(from: &S) -> bool {
    from.keys().await.map_or(true, |keys| keys.iter().any(|k| is_data_key(k)))
}

/// Shirube's own keys (the data and the preferences), not other pages' of the same site.
fn is_data_key(key: &str) -> bool {
    key.starts_with("shirube/") && key != keys::PROBE
}

/// A fresh garbage key in `to` for text found under `key` (also free of the batch's own keys).
async fn free_garbage_key<T: Backend>(
    to: &T,
    key: &str,
    now: &str,
    batch: &[(String, String)],
) -> Result<String, StorageError> {
    let stamp = keys::stamp(now);
    for n in 1..=1000 {
        let candidate = keys::garbage(&keys::numbered(&stamp, n), key);
        if batch.iter().all(|(k, _)| k != &candidate) && to.get(&candidate).await?.is_none() {
            return Ok(candidate);
        }
    }
    Err(StorageError::Failed { detail: format!("no free key to keep {key} aside") })
}

/// Length and FNV-1a of a text: tells a leftover of an earlier move from a newer text.
fn fingerprint(text: &str) -> String {
    let hash = text.bytes().fold(0xcbf2_9ce4_8422_2325_u64, |h, b| (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3));
    format!("{}:{hash:016x}", text.len())
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use crate::model::{template, FiscalYear, PlanPeriod};
    use crate::storage::{keys, BackupReason, MemoryBackend, Store};
    use crate::testing::Wait;
    use std::rc::Rc;

    const NOW: &str = "2026-11-22T00:00:00Z";

    /// What the previous release wrote: two strategies, a backup, garbage, preferences, and a
    /// key of another page of the same site.
    fn old_release() -> Rc<MemoryBackend> {
        let old = Rc::new(MemoryBackend::new());
        let store = Store::new(old.clone());
        let period = PlanPeriod { first: FiscalYear(2020), last: FiscalYear(2024) };
        let a = template::from_second_period("第2期総合戦略", "北斗市", period);
        let b = template::from_second_period("第2期総合戦略", "北本市", period);
        store.save(&a, "2026-01-01T00:00:00Z").wait().unwrap();
        store.save(&b, "2026-01-02T00:00:00Z").wait().unwrap();
        store.backup(&a, BackupReason::Manual, "2026-01-03T00:00:00Z").wait().unwrap();
        old.set_now("shirube/v1/garbage/2026-01-04T00:00:00Z/shirube/v1/strategy/x", "{oops").unwrap();
        old.set_now(keys::PREFERENCES, r#"{"language":"en"}"#).unwrap();
        old.set_now("another-page/cache", "keep me").unwrap();
        old
    }

    fn snapshot(b: &MemoryBackend) -> Vec<(String, String)> {
        b.keys_now().into_iter().map(|k| (k.clone(), b.get_now(&k).unwrap())).collect()
    }

    #[test]
    fn everything_moves_reads_back_and_only_then_leaves_the_old_storage() {
        let (old, new) = (old_release(), MemoryBackend::new());
        let before = snapshot(&old);
        assert!(has_data_to_move(old.as_ref()).wait(), "the start-up's look at the keys finds it");
        let moved = move_data(&old, &new, NOW).wait().unwrap().unwrap();
        assert_eq!(moved.copied, before.len() - 1, "every shirube/ key, not the other page's");
        assert_eq!((moved.already_there, moved.kept_aside, moved.left_behind), (0, 0, None));
        for (key, value) in &before {
            if key.starts_with("shirube/") {
                assert_eq!(new.get_now(key).as_ref(), Some(value), "{key}");
                assert_eq!(old.get_now(key), None, "{key} removed from the old storage");
            } else {
                assert_eq!(old.get_now(key).as_ref(), Some(value), "{key} is not ours: left alone");
            }
        }
        let store = Store::new(new);
        assert_eq!(store.list().wait().unwrap().len(), 2);
        assert_eq!(store.backups().wait().unwrap().len(), 1);
        assert_eq!(store.garbage().wait().unwrap().len(), 1);
        assert_eq!(store.preferences().wait().language, crate::locale::Language::En);
        assert_eq!(move_data(&old, store.backend(), NOW).wait().unwrap(), None, "nothing left to move");
        assert!(!has_data_to_move(old.as_ref()).wait(), "another page's key is not Shirube's data");
    }

    #[test]
    fn a_copy_that_fails_changes_neither_storage() {
        let (old, new) = (old_release(), MemoryBackend::new());
        let before = snapshot(&old);
        new.fail_batch(1);
        assert!(move_data(&old, &new, NOW).wait().is_err());
        assert_eq!(snapshot(&old), before);
        assert!(new.keys_now().is_empty());
        // Storage full: the same.
        new.set_quota(Some(100));
        assert!(matches!(move_data(&old, &new, NOW).wait(), Err(StorageError::QuotaExceeded { .. })));
        assert_eq!(snapshot(&old), before);
        assert!(new.keys_now().is_empty());
        // The next start succeeds.
        new.set_quota(None);
        assert!(move_data(&old, &new, NOW).wait().unwrap().is_some());
        assert_eq!(snapshot(&old), vec![("another-page/cache".to_owned(), "keep me".to_owned())]);
    }

    #[test]
    fn leftovers_are_removed_and_newer_text_is_kept_aside() {
        let (old, new) = (old_release(), Rc::new(MemoryBackend::new()));
        let before = snapshot(&old);
        // The removal fails: the data is safely copied and stays in the old storage too.
        old.fail_batch(1);
        let moved = move_data(&old, &new, NOW).wait().unwrap().unwrap();
        assert!(moved.left_behind.is_some());
        assert_eq!(snapshot(&old), before);
        // Since then, the new storage changed a strategy, and a tab of the old release wrote a
        // strategy into the old storage.
        let strategy_keys: Vec<String> =
            before.iter().map(|(k, _)| k.clone()).filter(|k| keys::strategy_id(k).is_some()).collect();
        new.set_now(&strategy_keys[0], "edited here since").unwrap();
        old.set_now(&strategy_keys[1], "written by an old tab").unwrap();
        let moved = move_data(&old, &new, NOW).wait().unwrap().unwrap();
        assert_eq!(moved.kept_aside, 1, "{moved:?}");
        assert_eq!(moved.copied, 0);
        assert_eq!(new.get_now(&strategy_keys[0]).as_deref(), Some("edited here since"), "the newer one stays");
        let aside: Vec<String> = new
            .keys_now()
            .into_iter()
            .filter(|k| keys::garbage_parts(k).is_some_and(|(original, _)| original == strategy_keys[1]))
            .collect();
        assert_eq!(aside.len(), 1);
        assert_eq!(new.get_now(&aside[0]).as_deref(), Some("written by an old tab"), "kept, not dropped");
        assert_eq!(snapshot(&old), vec![("another-page/cache".to_owned(), "keep me".to_owned())]);
    }
}
