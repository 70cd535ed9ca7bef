#![cfg(target_arch = "wasm32")]
//! The storage layer against a real browser's IndexedDB (headless Chromium): values round trip
//! (Japanese, 5 MB, non-BMP characters; stored as UTF-8 bytes, a string read as well), a batch is one
//! transaction (a write that fails half-way leaves nothing of it, when 16 MiB before it were
//! handed over in a task of their own too; a condition that does not hold writes nothing), two connections ("tabs") are kept from overwriting each other, the version
//! history lives there, and the first start moves `localStorage`'s data over.
//!
//! Run: `CHROMEDRIVER=/usr/bin/chromedriver WASM_BINDGEN_TEST_DRIVER_TIMEOUT=60
//! WASM_BINDGEN_TEST_TIMEOUT=120 CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER=wasm-bindgen-test-runner
//! cargo test --target wasm32-unknown-unknown --test indexed_db_browser`.

use shirube::model::{template, FiscalYear, PlanPeriod, Strategy};
use shirube::storage::{keys, Backend, BackendKind, BrowserStore, IndexedDb, StorageError, Store, Write};
use wasm_bindgen::JsValue;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

/// Runs JavaScript in the page (an async body), waiting for its promise.
async fn js(body: &str) -> JsValue {
    let f = js_sys::Function::new_no_args(&format!("return (async () => {{ {body} }})();"));
    let promise: js_sys::Promise = f.call0(&JsValue::NULL).expect("run").into();
    wasm_bindgen_futures::JsFuture::from(promise).await.expect("script")
}

/// [`js`] for a body that returns a boolean.
async fn js_bool(body: &str) -> bool {
    js(body).await.as_bool() == Some(true)
}

/// A fresh database of this name (an earlier run's is deleted first).
async fn fresh(name: &str) -> IndexedDb {
    js(&format!("await new Promise((ok) => {{ const r = indexedDB.deleteDatabase('{name}'); r.onsuccess = r.onerror = r.onblocked = () => ok(); }});")).await;
    IndexedDb::open_named(name).await.expect("IndexedDB opens")
}

fn sample(title: &str) -> Strategy {
    template::from_second_period(title, "北斗市", PlanPeriod { first: FiscalYear(2020), last: FiscalYear(2024) })
}

#[wasm_bindgen_test]
async fn values_round_trip_and_are_measured_as_the_browser_counts() {
    let db = fresh("test-round-trip").await;
    assert_eq!(db.kind(), BackendKind::IndexedDb);
    let big = "長い本文。".repeat(350_000); // 5.25 MB of UTF-8
    db.apply(vec![Write::put("a", "北斗市 𠮷"), Write::put("b", big.clone())]).await.unwrap();
    assert_eq!(db.get("a").await.unwrap().as_deref(), Some("北斗市 𠮷"));
    assert_eq!(db.get("b").await.unwrap(), Some(big.clone()));
    assert_eq!(db.get("missing").await.unwrap(), None);
    // Stored as UTF-8 bytes ("北斗市" 9, " " 1, "𠮷" 4), as the browser holds them.
    assert_eq!(db.units("a").await.unwrap(), Some(14));
    assert_eq!(db.units("b").await.unwrap(), Some(big.len()));
    assert!(js_bool("const db = await new Promise((ok) => { const r = indexedDB.open('test-round-trip', 1); r.onsuccess = () => ok(r.result); });
        const v = await new Promise((ok) => { const r = db.transaction('kv').objectStore('kv').get('a'); r.onsuccess = () => ok(r.result); });
        db.close();
        return v instanceof Uint8Array && new TextDecoder().decode(v) === '北斗市 𠮷';").await, "stored as UTF-8 bytes");
    let mut keys = db.keys().await.unwrap();
    keys.sort();
    assert_eq!(keys, ["a", "b"]);
    db.apply(vec![Write::remove("a"), Write::remove("not there")]).await.unwrap();
    assert_eq!(db.keys().await.unwrap(), ["b"]);
    // What another connection (a reload) reads.
    let again = IndexedDb::open_named("test-round-trip").await.unwrap();
    assert_eq!(again.get("b").await.unwrap(), Some(big));
}

#[wasm_bindgen_test]
async fn a_batch_that_fails_half_way_leaves_nothing_of_it() {
    let db = fresh("test-atomic").await;
    db.apply(vec![Write::put("first", "old"), Write::put("second", "old")]).await.unwrap();
    // The browser refuses the second put of the next batch (as a full disk would).
    js("window.__put = IDBObjectStore.prototype.put;
        IDBObjectStore.prototype.put = function (v, k) {
          if (k === 'second') throw new DOMException('refused (test)', 'QuotaExceededError');
          return window.__put.call(this, v, k);
        };")
    .await;
    let failed = db.apply(vec![Write::put("first", "new"), Write::remove("x"), Write::put("second", "new")]).await;
    js("IDBObjectStore.prototype.put = window.__put;").await;
    assert!(failed.is_err(), "{failed:?}");
    assert_eq!(db.get("first").await.unwrap().as_deref(), Some("old"), "the first put was rolled back");
    assert_eq!(db.get("second").await.unwrap().as_deref(), Some("old"));
    // And the next batch is written as usual.
    db.apply(vec![Write::put("first", "new")]).await.unwrap();
    assert_eq!(db.get("first").await.unwrap().as_deref(), Some("new"));
}

#[wasm_bindgen_test]
async fn large_values_are_handed_over_16_mib_a_task_and_the_batch_stays_one_transaction() {
    let db = fresh("test-large-puts").await;
    db.apply(vec![Write::put("small", "old"), Write::put("a", "old")]).await.unwrap();
    // A ticker counting the page's tasks (messages: a chain of timers is clamped to 4 ms, and a
    // put can be back sooner), and each put noted with the count when it was made.
    js("window.__ticks = 0; window.__ticking = true;
        const channel = new MessageChannel();
        channel.port1.onmessage = () => { window.__ticks++; if (window.__ticking) channel.port2.postMessage(0); };
        channel.port2.postMessage(0);
        window.__seen = []; window.__put = IDBObjectStore.prototype.put;
        IDBObjectStore.prototype.put = function (v, k) {
          if (k === window.__refuse) throw new DOMException('refused (test)', 'QuotaExceededError');
          window.__seen.push([k, window.__ticks]);
          return window.__put.call(this, v, k);
        };")
    .await;
    let big = |c: &str| c.repeat(2_000_000); // 6 MB of UTF-8 each
    let batch = || {
        vec![
            Write::put("a", big("一")),
            Write::put("small", "new"),
            Write::put("b", big("二")),
            Write::remove("x"),
            Write::put("c", big("三")),
            Write::put("d", big("四")),
        ]
    };
    // Refused at the last put, after the first 16 MiB were handed over and awaited: nothing of
    // the batch is kept.
    js("window.__refuse = 'd';").await;
    assert!(db.apply(batch()).await.is_err());
    assert_eq!(db.get("a").await.unwrap().as_deref(), Some("old"), "the awaited puts were rolled back");
    assert_eq!(db.get("small").await.unwrap().as_deref(), Some("old"));
    assert_eq!(db.get("c").await.unwrap(), None);
    js("window.__refuse = undefined; window.__seen = [];").await;
    db.apply(batch()).await.unwrap();
    let seen = js(
        "window.__ticking = false; IDBObjectStore.prototype.put = window.__put; return JSON.stringify(window.__seen);",
    )
    .await
    .as_string()
    .unwrap();
    let seen: Vec<(String, u32)> = serde_json::from_str(&seen).unwrap();
    let keys: Vec<&str> = seen.iter().map(|(k, _)| k.as_str()).collect();
    assert_eq!(keys, ["a", "small", "b", "c", "d"], "{seen:?}");
    // 18 MB handed over in one task (not a task a put: each awaited costs a round trip), then the
    // page's other tasks ran before the next.
    assert!(seen[..4].iter().all(|(_, t)| *t == seen[0].1), "the first 16 MiB in one task: {seen:?}");
    assert!(seen[4].1 > seen[3].1, "the rest in a task of its own: {seen:?}");
    for (key, c) in [("a", "一"), ("b", "二"), ("c", "三"), ("d", "四")] {
        assert_eq!(db.get(key).await.unwrap(), Some(big(c)), "{key}");
    }
    assert_eq!(db.get("small").await.unwrap().as_deref(), Some("new"));
}

#[wasm_bindgen_test]
async fn a_condition_is_checked_inside_the_transaction() {
    let db = fresh("test-expect").await;
    db.apply(vec![Write::put("head", "1")]).await.unwrap();
    let refused =
        db.apply(vec![Write::Expect { key: "head".into(), value: Some("0".into()) }, Write::put("data", "x")]).await;
    assert_eq!(refused, Err(StorageError::Conflict { key: "head".into() }));
    assert_eq!(db.get("data").await.unwrap(), None, "nothing written");
    db.apply(vec![Write::Expect { key: "head".into(), value: Some("1".into()) }, Write::put("data", "x")])
        .await
        .unwrap();
    db.apply(vec![Write::Expect { key: "nothing".into(), value: None }, Write::put("data", "y")]).await.unwrap();
    assert_eq!(db.get("data").await.unwrap().as_deref(), Some("y"));
}

#[wasm_bindgen_test]
async fn a_copy_keeps_the_value_the_batch_found_inside_the_browser() {
    let db = fresh("test-copy").await;
    let text = "第2期 ".repeat(100_000);
    db.apply(vec![Write::put("current", text.clone())]).await.unwrap();
    db.apply(vec![
        Write::Copy { from: "current".into(), to: "kept".into() },
        Write::put("current", "new"),
        Write::Copy { from: "absent".into(), to: "nothing".into() },
    ])
    .await
    .unwrap();
    assert_eq!(db.get("kept").await.unwrap(), Some(text));
    assert_eq!(db.get("current").await.unwrap().as_deref(), Some("new"));
    assert_eq!(db.get("nothing").await.unwrap(), None);
}

#[wasm_bindgen_test]
async fn a_value_that_is_not_text_is_an_error_not_a_panic() {
    let _db = fresh("test-not-text").await;
    js("const db = await new Promise((ok) => { const r = indexedDB.open('test-not-text', 1); r.onsuccess = () => ok(r.result); });
        await new Promise((ok) => { const tx = db.transaction('kv', 'readwrite'); tx.objectStore('kv').put({ not: 'text' }, 'odd'); tx.oncomplete = ok; });
        db.close();")
    .await;
    let db = IndexedDb::open_named("test-not-text").await.unwrap();
    assert!(matches!(db.get("odd").await, Err(StorageError::Failed { .. })));
    assert_eq!(db.units("odd").await.unwrap(), None);
    // Bytes that are not UTF-8 are not text either; a string (as the first release stored
    // text, and the move from localStorage) is.
    js("const db = await new Promise((ok) => { const r = indexedDB.open('test-not-text', 1); r.onsuccess = () => ok(r.result); });
        await new Promise((ok) => { const tx = db.transaction('kv', 'readwrite'); tx.objectStore('kv').put(new Uint8Array([0xff, 0xfe]), 'bytes'); tx.objectStore('kv').put('北斗市', 'string'); tx.oncomplete = ok; });
        db.close();")
    .await;
    assert!(matches!(db.get("bytes").await, Err(StorageError::Failed { .. })));
    assert_eq!(db.get("string").await.unwrap().as_deref(), Some("北斗市"));
    assert_eq!(db.units("string").await.unwrap(), Some(3));
}

#[wasm_bindgen_test]
async fn two_tabs_do_not_overwrite_each_other_and_every_save_keeps_a_version() {
    fresh("test-tabs").await;
    let a = Store::new(IndexedDb::open_named("test-tabs").await.unwrap());
    let b = Store::new(IndexedDb::open_named("test-tabs").await.unwrap());
    let s = sample("第1版");
    let base = a.save_as(&s, "2026-11-22T09:00:00Z", Default::default()).await.unwrap();
    let mut by_a = s.clone();
    by_a.title = "タブA".into();
    a.save_over(&by_a, "2026-11-22T09:01:00Z", base).await.unwrap();
    let mut by_b = s.clone();
    by_b.municipality.name = "タブB".into();
    let refused = b.save_over(&by_b, "2026-11-22T09:02:00Z", base).await;
    assert_eq!(refused, Err(StorageError::Conflict { key: keys::head(&s.id) }));
    assert_eq!(b.load(&s.id).await.unwrap(), by_a);
    let versions = b.versions(&s.id).await.unwrap();
    assert_eq!(versions.len(), 1);
    assert_eq!(b.version(&s.id, versions[0].seq).await.unwrap(), s);
}

#[wasm_bindgen_test]
async fn the_first_start_moves_local_storage_into_indexed_db() {
    fresh(shirube::storage::INDEXED_DB_NAME).await;
    let local = web_sys::window().unwrap().local_storage().unwrap().unwrap();
    local.clear().unwrap();
    let s = sample("以前の版の戦略");
    let text = shirube::format::export_compact(&s, "2026-11-01T00:00:00Z");
    local.set_item(&keys::strategy(&s.id), &text).unwrap();
    local.set_item(keys::PREFERENCES, r#"{"language":"en"}"#).unwrap();
    // The app's writer (a lazily loaded part there), as the direct call.
    shirube::storage::install_writer(|target, writes| Box::pin(shirube::storage::write(target, writes)));
    let (store, opened) = BrowserStore::browser("2026-11-22T00:00:00Z").await;
    assert_eq!(store.kind(), BackendKind::IndexedDb);
    assert_eq!(opened.indexed_db_problem, None);
    assert_eq!(opened.moved.as_ref().map(|m| m.copied), Some(2));
    assert_eq!(store.load(&s.id).await.unwrap(), s);
    assert_eq!(store.preferences().await.language, shirube::locale::Language::En);
    assert_eq!(local.get_item(&keys::strategy(&s.id)).unwrap(), None, "removed once copied and read back");
    assert_eq!(local.length().unwrap(), 0);
    // The next start finds nothing to move.
    let (_, opened) = BrowserStore::browser("2026-11-22T00:01:00Z").await;
    assert_eq!(opened.moved, None);
}
