//! Garbage: unreadable text under any key is moved aside and kept, never deleted; a damaged or
//! missing index is rebuilt from the strategies; arbitrary text never panics nor vanishes.

use super::*;
use proptest::prelude::{any, prop_assert, proptest, ProptestConfig};

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
        assert!(store.holds_more_than_strategies().wait().unwrap(), "case {n}: garbage to list");
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
fn the_list_from_the_index_alone_is_the_list_or_says_it_must_be_mended() {
    let (mem, store) = store();
    assert_eq!(store.list_from_index().wait().unwrap(), Some(Vec::new()), "nothing stored");
    let a = sample("A", "北斗市");
    let b = sample("B", "北本市");
    store.save(&a, "2026-01-01").wait().unwrap();
    store.save(&b, "2026-02-01").wait().unwrap();
    assert_eq!(store.list_from_index().wait().unwrap(), Some(store.list().wait().unwrap()));
    // Another tab wrote a strategy without its index entry: the index alone cannot say.
    let c = sample("C", "北見市");
    mem.set(&keys::strategy(&c.id), &export(&c, "2026-03-01")).wait().unwrap();
    assert_eq!(store.list_from_index().wait().unwrap(), None);
    // An entry whose strategy is gone: neither.
    let (mem2, store2) = super::store();
    store2.save(&a, "2026-01-01").wait().unwrap();
    mem2.remove(&keys::strategy(&a.id)).wait().unwrap();
    assert_eq!(store2.list_from_index().wait().unwrap(), None);
    // No index at all, strategies stored: mended by `list`, then the index alone answers again.
    mem.remove(keys::INDEX).wait().unwrap();
    assert_eq!(store.list_from_index().wait().unwrap(), None);
    let mended = store.list().wait().unwrap();
    assert_eq!(ids(&mended), [c.id.clone(), b.id.clone(), a.id.clone()]);
    assert_eq!(store.list_from_index().wait().unwrap(), Some(mended));
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

/// Data stored before the id rule under an id that breaks it (a strategy under `a/b`, regions
/// under `""` and `../strategy/<id>`, with history and backups) is set aside as unreadable
/// data: listed, downloadable and deletable, and no longer counted as a strategy or region;
/// data under good ids is left alone.
#[test]
fn data_under_unsafe_ids_is_set_aside_and_reachable() {
    let (mem, store) = store();
    let good = sample("無事な戦略", "北斗市");
    store.save(&good, "2026-01-01").wait().unwrap();
    let slash = Strategy { id: Id::from("strategy/x"), ..sample("斜線の戦略", "北本市") };
    let text = export(&slash, "2026-01-01");
    let mut region = crate::model::region::Region::new("管内");
    region.members.push(good.id.clone());
    store.save_region(&region, "2026-01-01").wait().unwrap();
    let region_text = serde_json::to_string(&region).unwrap();
    let bad = [
        format!("{}strategy/x", keys::STRATEGY_PREFIX),
        format!("{}strategy/x", keys::HEAD_PREFIX),
        format!("{}strategy/x/0000000001", keys::VERSION_PREFIX),
        format!("{}strategy/x/2026-01-01", keys::BACKUP_PREFIX),
        keys::REGION_PREFIX.to_owned(),
        format!("{}../strategy/{}", keys::REGION_PREFIX, good.id),
    ];
    for key in &bad {
        mem.set(key, if key.starts_with(keys::REGION_PREFIX) { &region_text } else { &text }).wait().unwrap();
    }
    // Before: none of them is listed, so none could be opened or deleted.
    assert_eq!(store.list().wait().unwrap().len(), 1);
    assert_eq!(store.regions().wait().unwrap().len(), 1);
    assert!(store.garbage().wait().unwrap().is_empty());

    assert_eq!(store.set_aside_unsafe_ids().wait().unwrap(), bad.len());
    let garbage = store.garbage().wait().unwrap();
    let mut originals: Vec<&str> = garbage.iter().map(|g| g.original_key.as_str()).collect();
    originals.sort();
    let mut expected: Vec<&str> = bad.iter().map(String::as_str).collect();
    expected.sort();
    assert_eq!(originals, expected);
    for key in &bad {
        assert_eq!(mem.get(key).wait().unwrap(), None, "{key} moved");
    }
    // Each can be downloaded as it was and deleted; what was good is untouched.
    let strategy_entry = garbage.iter().find(|g| g.original_key == bad[0]).unwrap();
    assert_eq!(store.garbage_text(&strategy_entry.key).wait().unwrap(), text);
    for g in &garbage {
        store.discard_garbage(&g.key).wait().unwrap();
    }
    assert!(store.garbage().wait().unwrap().is_empty());
    assert_eq!(store.list().wait().unwrap()[0].id, good.id);
    assert_eq!(store.load_region(&region.id).wait().unwrap(), region);
    assert_eq!(store.set_aside_unsafe_ids().wait().unwrap(), 0, "nothing more to move");
}

#[test]
fn only_keys_under_unsafe_ids_are_unsafe() {
    let id = Id::new("strategy");
    for key in [
        keys::strategy(&id),
        keys::head(&id),
        keys::version(&id, 3),
        keys::backup(&id, &keys::stamp("2026-01-01T00:00:00Z")),
        keys::region(&Id::new("region")),
        keys::region_backup(&Id::new("region"), "2026"),
        keys::INDEX.to_owned(),
        keys::BACKUP_INDEX.to_owned(),
        keys::garbage("2026", "shirube/v1/strategy/a/b"),
        keys::PREFERENCES.to_owned(),
    ] {
        assert!(!keys::unsafe_id_key(&key), "{key}");
    }
    assert!(keys::strategy_id("shirube/v1/strategy/a/b").is_none());
    assert!(keys::region_id("shirube/v1/region/").is_none());
}
