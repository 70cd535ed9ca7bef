//! How full storage is: UTF-16 units of keys and values by kind, and whether a full browser
//! storage can make room by deleting.

use super::*;

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
