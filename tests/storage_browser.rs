#![cfg(target_arch = "wasm32")]
//! The storage layer against a real browser's `localStorage` (headless Chromium):
//! save and load, a full storage, garbage written behind Shirube's back, and a storage that is
//! missing, blocked or refuses every write; and the shared folder on disk over the Origin Private
//! File System.
//!
//! Run: `CHROMEDRIVER=/usr/bin/chromedriver WASM_BINDGEN_TEST_DRIVER_TIMEOUT=60
//! WASM_BINDGEN_TEST_TIMEOUT=120 CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER=wasm-bindgen-test-runner
//! cargo test --target wasm32-unknown-unknown --test storage_browser` (Chrome flags: `webdriver.json`).

use shirube::format::export_compact as export;
use shirube::model::{template, FiscalYear, Id, Measure, NarrativeSection, PlanPeriod, Strategy};
use shirube::storage::{
    keys, Backend, BackendKind, BackupReason, BrowserStore, LocalStorage, OpenedStorage, Preferences, StorageError,
    Store, Write,
};
use wasm_bindgen::JsValue;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

const FILLER: &str = "storage-test-filler/";

fn local() -> web_sys::Storage {
    web_sys::window().expect("window").local_storage().expect("localStorage access").expect("localStorage present")
}

/// Every test starts from an empty storage (the test page's origin holds nothing else).
fn fresh() -> web_sys::Storage {
    let storage = local();
    storage.clear().expect("clear");
    storage
}

fn sample(title: &str) -> Strategy {
    let mut s =
        template::from_second_period(title, "北斗市", PlanPeriod { first: FiscalYear(2020), last: FiscalYear(2024) });
    s.goals_mut().next().unwrap().measures.push(Measure::new("1", "企業立地等による雇用創出").into());
    s
}

/// The app's writer (a lazily loaded part there), as the direct call.
fn install_writer() {
    shirube::storage::install_writer(|target, writes| Box::pin(shirube::storage::write(target, writes)));
}

fn browser_store() -> BrowserStore {
    install_writer();
    let (store, opened) = BrowserStore::browser_local();
    assert_eq!(opened, OpenedStorage::default());
    assert!(store.is_persistent());
    store
}

#[wasm_bindgen_test]
async fn save_and_load_through_local_storage() {
    let storage = fresh();
    let store = browser_store();
    let s = sample("第2期北斗市まち・ひと・しごと創生総合戦略");
    store.save(&s, "2026-04-01T09:00:00+09:00").await.unwrap();
    assert_eq!(store.load(&s.id).await.unwrap(), s);
    // Really in localStorage, as the exported envelope, and seen by a second store (a reload).
    let raw = storage.get_item(&keys::strategy(&s.id)).unwrap().expect("strategy key written");
    assert_eq!(raw, export(&s, "2026-04-01T09:00:00+09:00"));
    let again = browser_store();
    assert_eq!(again.load(&s.id).await.unwrap(), s);
    let list = again.list().await.unwrap();
    assert_eq!(list.len(), 1);
    assert_eq!((list[0].title.as_str(), list[0].updated_at.as_str()), (s.title.as_str(), "2026-04-01T09:00:00+09:00"));
    assert!(storage.get_item(keys::INDEX).unwrap().is_some());

    let backup = again.delete(&s.id, "2026-04-02T00:00:00Z").await.unwrap();
    assert_eq!(backup.reason, BackupReason::Deleted);
    assert_eq!(storage.get_item(&keys::strategy(&s.id)).unwrap(), None);
    assert_eq!(again.restore_backup(&backup.key, "2026-04-03T00:00:00Z").await.unwrap(), s);
    assert_eq!(store.load(&s.id).await.unwrap(), s);

    let prefs = Preferences { last_opened: Some(s.id.clone()), ..Preferences::default() };
    store.save_preferences(&prefs).await.unwrap();
    assert_eq!(browser_store().preferences().await, prefs);
    fresh();
}

/// The records the first visit reads through `JSON.parse` (`storage::json_in`) read back as
/// written: the index's years and counts, every field of the preferences (enums, lists, options),
/// an unknown field ignored; a record of the wrong shape is unreadable, set aside as garbage.
#[wasm_bindgen_test]
async fn the_first_visits_records_read_back_as_written() {
    let storage = fresh();
    let store = browser_store();
    let s = sample("記録の読み直し");
    store.save(&s, "2026-04-01T09:00:00+09:00").await.unwrap();
    let listed = browser_store().list_from_index().await.unwrap().expect("the index names the strategy");
    assert_eq!(listed.len(), 1);
    assert_eq!((listed[0].first_year, listed[0].last_year), (FiscalYear(2020), FiscalYear(2024)));
    assert_eq!(listed[0].counts, s.counts());

    let prefs = Preferences {
        language: shirube::locale::Language::En,
        year_style: shirube::locale::YearStyle::Western,
        last_opened: Some(s.id.clone()),
        folder_member: Some("m-1".into()),
        folder_name: Some("田中".into()),
        folder_strategies: vec![s.id.clone()],
        roles: vec![format!("{}=planning", s.id.as_str())],
    };
    store.save_preferences(&prefs).await.unwrap();
    assert_eq!(browser_store().preferences().await, prefs);
    let with_more = r#"{"language":"en","year_style":"western","newer_field":{"a":[1,2.5,null]}}"#;
    storage.set_item(keys::PREFERENCES, with_more).unwrap();
    let read = browser_store().preferences().await;
    assert_eq!((read.language, read.year_style), (shirube::locale::Language::En, shirube::locale::YearStyle::Western));

    storage.set_item(keys::PREFERENCES, r#"{"language":"fr"}"#).unwrap();
    assert_eq!(browser_store().preferences().await, Preferences::default());
    storage.set_item(keys::INDEX, r#"[{"id":"x","counts":{"goals":1.5}}]"#).unwrap();
    assert_eq!(browser_store().list_from_index().await.unwrap(), None, "an unreadable index is rebuilt");
    assert_eq!(browser_store().garbage().await.unwrap().len(), 2);
    fresh();
}

/// Fills localStorage with filler strings, halving their size each time one is refused, until
/// not even a few bytes fit. Returns how many were written.
fn fill(storage: &web_sys::Storage) -> usize {
    let mut chunk = 1 << 20;
    let mut n = 0;
    while chunk >= 8 {
        match storage.set_item(&format!("{FILLER}{n}"), &"x".repeat(chunk)) {
            Ok(()) => n += 1,
            Err(_) => chunk /= 2,
        }
    }
    n
}

fn unfill(storage: &web_sys::Storage, n: usize) {
    for i in 0..n {
        let _ = storage.remove_item(&format!("{FILLER}{i}"));
    }
}

#[wasm_bindgen_test]
async fn full_storage_gives_quota_exceeded_and_keeps_the_previous_version() {
    let storage = fresh();
    let store = browser_store();
    let v1 = sample("第1版");
    store.save(&v1, "2026-01-01T00:00:00Z").await.unwrap();
    let mut v2 = v1.clone();
    v2.sections.push(NarrativeSection {
        id: Id::new("section"),
        heading: "基本方針".into(),
        body: "長い本文。".repeat(20_000),
    });
    let other = sample("新しい戦略");

    let fillers = fill(&storage);
    // What happens while the storage is full is collected first and checked after clean-up, so
    // that a failing assertion cannot leave a full storage behind.
    let saved_v2 = store.save(&v2, "2026-01-02T00:00:00Z").await;
    let loaded_while_full = store.load(&v1.id).await;
    let saved_other = store.save(&other, "2026-01-02T00:00:00Z").await;
    let deleted = store.delete(&v1.id, "2026-01-02T00:00:00Z").await;
    let raw_set = match LocalStorage::open() {
        Ok(l) => l.set("storage-test-direct", "0123456789abcdef").await,
        Err(e) => Err(e),
    };
    let listed_while_full = store.list().await;
    unfill(&storage, fillers);

    assert!(fillers > 0);
    assert_eq!(
        saved_v2,
        Err(StorageError::QuotaExceeded {
            key: keys::strategy(&v1.id),
            bytes: export(&v2, "2026-01-02T00:00:00Z").len()
        })
    );
    assert_eq!(loaded_while_full, Ok(v1.clone()));
    assert!(matches!(saved_other, Err(StorageError::QuotaExceeded { .. })), "{saved_other:?}");
    assert!(
        matches!(deleted, Err(StorageError::QuotaExceeded { .. })),
        "delete needs room for its backup: {deleted:?}"
    );
    assert_eq!(raw_set, Err(StorageError::QuotaExceeded { key: "storage-test-direct".into(), bytes: 16 }));
    let listed = listed_while_full.unwrap();
    assert_eq!((listed.len(), listed[0].updated_at.as_str()), (1, "2026-01-01T00:00:00Z"));

    // Nothing was changed, and with room again everything works.
    assert_eq!(store.load(&v1.id).await.unwrap(), v1);
    assert_eq!(store.load(&other.id).await, Err(StorageError::NotFound { id: other.id.clone() }));
    assert!(store.backups().await.unwrap().is_empty());
    store.save(&v2, "2026-01-03T00:00:00Z").await.unwrap();
    assert_eq!(store.load(&v1.id).await.unwrap(), v2);
    fresh();
}

#[wasm_bindgen_test]
async fn garbage_written_behind_our_back_is_kept() {
    let storage = fresh();
    let store = browser_store();
    let s = sample("戦略");
    store.save(&s, "2026-01-01T00:00:00Z").await.unwrap();
    let key = keys::strategy(&s.id);
    let garbage = "{\"format\": \"shirube-strategy\", 途中で切れた";
    storage.set_item(&key, garbage).unwrap();

    let Err(StorageError::Garbage { key: found, kept_as }) = store.load(&s.id).await else {
        panic!("expected Garbage")
    };
    assert_eq!(found, key);
    assert!(kept_as.starts_with(keys::GARBAGE_PREFIX) && kept_as.ends_with(&key), "{kept_as}");
    assert_eq!(storage.get_item(&kept_as).unwrap().as_deref(), Some(garbage));
    assert_eq!(storage.get_item(&key).unwrap(), None);
    assert_eq!(store.garbage_text(&kept_as).await.unwrap(), garbage);
    let entries = store.garbage().await.unwrap();
    assert_eq!(entries.len(), 1);
    assert_eq!((entries[0].original_key.as_str(), entries[0].bytes), (key.as_str(), garbage.len()));
    // Stamped by the browser's clock: an ISO time.
    assert!(entries[0].found_at.len() == 24 && entries[0].found_at.ends_with('Z'), "{}", entries[0].found_at);
    assert!(store.list().await.unwrap().is_empty());

    // Garbage index and preferences: the list is rebuilt, the preferences fall back.
    store.save(&s, "2026-01-02T00:00:00Z").await.unwrap();
    storage.set_item(keys::INDEX, "[{").unwrap();
    storage.set_item(keys::PREFERENCES, "<html>").unwrap();
    assert_eq!(store.list().await.unwrap().len(), 1);
    assert_eq!(store.preferences().await, Preferences::default());
    assert_eq!(store.garbage().await.unwrap().len(), 3);
    fresh();
}

/// A backend that refuses everything, as a storage blocked after the page loaded does.
struct Refusing;
impl Backend for Refusing {
    async fn get(&self, _: &str) -> Result<Option<String>, StorageError> {
        Err(StorageError::Failed { detail: "SecurityError".into() })
    }
    async fn apply(&self, _: Vec<Write>) -> Result<(), StorageError> {
        Err(StorageError::Failed { detail: "SecurityError".into() })
    }
    async fn keys(&self) -> Result<Vec<String>, StorageError> {
        Err(StorageError::Failed { detail: "SecurityError".into() })
    }
    fn kind(&self) -> BackendKind {
        BackendKind::LocalStorage
    }
}

/// Replaces `window.localStorage` by a getter (`body` is its JavaScript); `restore` puts the
/// real one back.
fn replace_local_storage(body: &str) {
    let js = format!(
        "if (!window.__realLocalStorage) window.__realLocalStorage = Object.getOwnPropertyDescriptor(window, 'localStorage');
         Object.defineProperty(window, 'localStorage', {{ configurable: true, get() {{ {body} }} }});"
    );
    js_sys::Function::new_no_args(&js).call0(&JsValue::NULL).expect("override localStorage");
}

fn restore_local_storage() {
    js_sys::Function::new_no_args(
        "if (window.__realLocalStorage) { Object.defineProperty(window, 'localStorage', window.__realLocalStorage); delete window.__realLocalStorage; }",
    )
    .call0(&JsValue::NULL)
    .expect("restore localStorage");
}

#[wasm_bindgen_test]
async fn unavailable_storage_is_an_error_and_a_fallback_not_a_panic() {
    fresh();
    // Blocked (cookies disabled, sandboxed frame): the getter throws.
    replace_local_storage("throw new DOMException('The operation is insecure.', 'SecurityError');");
    let blocked = LocalStorage::open().map(|_| ());
    install_writer();
    let (fallback, opened) = BrowserStore::browser_local();
    let why = opened.unavailable;
    // Disabled: the getter gives null.
    replace_local_storage("return null;");
    let disabled = LocalStorage::open().map(|_| ());
    // Every write refused (old Safari private mode): an empty storage whose setItem throws.
    replace_local_storage(
        "return { length: 0, key() { return null; }, getItem() { return null; }, removeItem() {},
                  setItem() { throw new DOMException('quota', 'QuotaExceededError'); } };",
    );
    let refusing = LocalStorage::open().map(|_| ());
    restore_local_storage();
    assert!(LocalStorage::open().is_ok(), "the real localStorage is back");

    assert!(
        matches!(&blocked, Err(StorageError::Unavailable { detail }) if detail.contains("SecurityError")),
        "{blocked:?}"
    );
    assert_eq!(why, blocked.clone().err());
    assert!(!fallback.is_persistent());
    let s = sample("一時的な戦略");
    fallback.save(&s, "t").await.unwrap();
    assert_eq!(fallback.load(&s.id).await.unwrap(), s);
    assert_eq!(local().get_item(&keys::strategy(&s.id)).unwrap(), None, "the fallback wrote nothing to localStorage");
    assert!(matches!(disabled, Err(StorageError::Unavailable { .. })), "{disabled:?}");
    assert!(
        matches!(&refusing, Err(StorageError::Unavailable { detail }) if detail.contains("QuotaExceededError")),
        "{refusing:?}"
    );

    assert!(!Store::in_memory().is_persistent());
    let broken = Store::new(Refusing);
    let denied = StorageError::Failed { detail: "SecurityError".into() };
    assert_eq!(broken.list().await, Err(denied.clone()));
    assert_eq!(broken.load(&s.id).await, Err(denied.clone()));
    assert_eq!(broken.save(&s, "t").await, Err(denied.clone()));
    assert_eq!(broken.delete(&s.id, "t").await, Err(denied.clone()));
    assert_eq!(broken.backups().await, Err(denied.clone()));
    assert_eq!(broken.garbage().await, Err(denied));
    assert_eq!(broken.preferences().await, Preferences::default());
}

#[wasm_bindgen_test]
async fn usage_counts_what_local_storage_holds_without_overflowing() {
    let storage = fresh();
    let store = browser_store();
    let s = sample("第2期北斗市まち・ひと・しごと創生総合戦略");
    store.save(&s, "2026-04-01T09:00:00+09:00").await.unwrap();
    // Another page of the same site: 84 % of the limit (millions of units: × 1,000 passes a
    // 32-bit usize, which wasm's is).
    let filler = "x".repeat(shirube::storage::BROWSER_LIMIT_UNITS * 84 / 100);
    storage.set_item("another-page/cache", &filler).unwrap();
    let usage = store.usage().await.unwrap();
    let key = keys::strategy(&s.id);
    let stored = storage.get_item(&key).unwrap().unwrap();
    assert_eq!(usage.strategies, key.encode_utf16().count() + stored.encode_utf16().count());
    assert_eq!(usage.largest_strategy, usage.strategies);
    assert!(usage.other >= filler.len() + "another-page/cache".len());
    assert_eq!(usage.percent(usage.other), 84);
    assert_eq!(usage.per_mille(usage.other), 840);
    assert!(usage.is_nearly_full());
    storage.clear().unwrap();
}

/// The pieces kept in `localStorage` on closing: a draft and the preferences read
/// back; a full storage refuses them typed, keeping what was there; a blocked storage is an
/// error, not a thrown exception.
#[wasm_bindgen_test]
async fn drafts_and_kept_preferences_survive_and_fail_typed() {
    let storage = fresh();
    let s = sample("閉じる前の変更");
    shirube::storage::keep_draft(&s, 7, "2026-11-26T00:00:00Z").expect("kept");
    let kept = shirube::storage::drafts();
    assert_eq!(kept.len(), 1);
    assert_eq!(kept[0].base, 7);
    assert!(kept[0].file.contains("閉じる前の変更"));
    let prefs = Preferences { folder_name: Some("田中".into()), ..Preferences::default() };
    shirube::storage::keep_preferences(&prefs).expect("kept");
    assert_eq!(shirube::storage::kept_preferences(), Some(prefs.clone()));

    let n = fill(&storage);
    let mut big = sample("大きな変更");
    big.title = "大".repeat(200_000);
    let full = shirube::storage::keep_draft(&big, 8, "2026-11-26T00:00:00Z");
    unfill(&storage, n);
    assert!(matches!(full, Err(StorageError::QuotaExceeded { .. })), "{full:?}");
    assert_eq!(shirube::storage::drafts().len(), 1, "the earlier draft is still there");

    replace_local_storage("throw new DOMException('The operation is insecure.', 'SecurityError');");
    let blocked = shirube::storage::keep_draft(&s, 9, "t");
    let none = (shirube::storage::drafts().len(), shirube::storage::kept_preferences());
    shirube::storage::drop_kept_preferences();
    restore_local_storage();
    assert!(matches!(blocked, Err(StorageError::Unavailable { .. })), "{blocked:?}");
    assert_eq!(none, (0, None));

    shirube::storage::drop_draft(&kept[0].key);
    shirube::storage::drop_kept_preferences();
    assert!(shirube::storage::drafts().is_empty());
    assert_eq!(shirube::storage::kept_preferences(), None);
}

/// The pieces kept on closing go through gloo-storage: where it could behave otherwise than
/// web-sys did, it does not. The preferences on a full storage are refused typed, the earlier
/// ones kept; a storage whose every write throws `QuotaExceededError` (old Safari's private mode)
/// refuses them typed too; a blocked or missing storage is `Unavailable` for both pieces, and
/// reading and dropping there are quiet (gloo's own calls would throw, and abort the page).
#[wasm_bindgen_test]
async fn kept_pieces_through_gloo_fail_typed_never_throw() {
    let storage = fresh();
    let prefs = Preferences { folder_name: Some("田中".into()), ..Preferences::default() };
    shirube::storage::keep_preferences(&prefs).expect("kept");
    let n = fill(&storage);
    let bigger = Preferences { folder_name: Some("名".repeat(100_000)), ..Preferences::default() };
    let full = shirube::storage::keep_preferences(&bigger);
    unfill(&storage, n);
    assert!(matches!(&full, Err(StorageError::QuotaExceeded { key, .. }) if key == "shirube-prefs-draft"), "{full:?}");
    assert_eq!(shirube::storage::kept_preferences(), Some(prefs), "the earlier preferences are still there");

    replace_local_storage(
        "return { length: 0, key() { return null; }, getItem() { return null; }, removeItem() {},
                  setItem() { throw new DOMException('quota', 'QuotaExceededError'); } };",
    );
    let refusing = (
        shirube::storage::keep_preferences(&Preferences::default()),
        shirube::storage::keep_draft(&sample("閉じる前の変更"), 1, "t"),
    );
    replace_local_storage("return null;");
    let missing = (
        shirube::storage::keep_preferences(&Preferences::default()),
        shirube::storage::keep_draft(&sample("閉じる前の変更"), 1, "t"),
        shirube::storage::drafts().len(),
        shirube::storage::kept_preferences(),
    );
    shirube::storage::drop_draft("shirube-draft/x");
    shirube::storage::drop_kept_preferences();
    replace_local_storage("throw new DOMException('The operation is insecure.', 'SecurityError');");
    let blocked = shirube::storage::keep_preferences(&Preferences::default());
    shirube::storage::drop_draft("shirube-draft/x");
    restore_local_storage();

    assert!(matches!(refusing.0, Err(StorageError::QuotaExceeded { .. })), "{:?}", refusing.0);
    assert!(matches!(refusing.1, Err(StorageError::QuotaExceeded { .. })), "{:?}", refusing.1);
    assert!(matches!(missing.0, Err(StorageError::Unavailable { .. })), "{:?}", missing.0);
    assert!(matches!(missing.1, Err(StorageError::Unavailable { .. })), "{:?}", missing.1);
    assert_eq!((missing.2, missing.3), (0, None));
    assert!(matches!(blocked, Err(StorageError::Unavailable { .. })), "{blocked:?}");
    shirube::storage::drop_kept_preferences();
    fresh();
}

/// Writes `text` to the file `name` of `dir` (created), as another member's PC would.
async fn put_file(dir: &web_sys::FileSystemDirectoryHandle, name: &str, text: &str) {
    use wasm_bindgen::JsCast;
    use wasm_bindgen_futures::JsFuture;
    let options = web_sys::FileSystemGetFileOptions::new();
    options.set_create(true);
    let handle: web_sys::FileSystemFileHandle =
        JsFuture::from(dir.get_file_handle_with_options(name, &options)).await.unwrap().unchecked_into();
    let stream: web_sys::FileSystemWritableFileStream =
        JsFuture::from(handle.create_writable()).await.unwrap().unchecked_into();
    JsFuture::from(stream.write_with_str(text).unwrap()).await.unwrap();
    JsFuture::from(stream.close()).await.unwrap();
}

/// The shared folder on disk (`DiskFolder`, here a folder of the Origin Private File System):
/// a reading reads each file from what the listing found, and a file another PC rewrote
/// between the listing and the reading is read as it is now, whole and from its start.
#[wasm_bindgen_test]
async fn a_folder_reads_the_files_it_listed_and_a_file_rewritten_since_as_it_now_is() {
    use shirube::storage::{DiskFolder, Folder};
    use wasm_bindgen::JsCast;
    use wasm_bindgen_futures::JsFuture;
    let root: web_sys::FileSystemDirectoryHandle =
        JsFuture::from(web_sys::window().unwrap().navigator().storage().get_directory())
            .await
            .unwrap()
            .unchecked_into();
    // getDirectoryHandle(name, {create: true}) (its options' binding is not among the app's
    // web-sys features).
    let name = format!("folder-test-{}", js_sys::Math::random());
    let options = js_sys::Object::new();
    js_sys::Reflect::set(&options, &"create".into(), &true.into()).unwrap();
    let make: js_sys::Function = js_sys::Reflect::get(&root, &"getDirectoryHandle".into()).unwrap().unchecked_into();
    let made = make.call2(&root, &name.as_str().into(), &options).unwrap();
    let dir: web_sys::FileSystemDirectoryHandle =
        JsFuture::from(js_sys::Promise::from(made)).await.unwrap().unchecked_into();
    put_file(&dir, "a.json", r#"{"who":"a"}"#).await;
    put_file(&dir, "b.json", r#"{"who":"b"}"#).await;
    let folder = DiskFolder::of(dir.clone());
    let mut listed = folder.list().await.unwrap();
    listed.sort_by(|x, y| x.name.cmp(&y.name));
    let sizes: Vec<(&str, u64)> = listed.iter().map(|e| (e.name.as_str(), e.bytes)).collect();
    assert_eq!(sizes, [("a.json", 11), ("b.json", 11)]);
    assert!(listed.iter().all(|e| e.modified.is_some()), "{listed:?}");
    // a.json rewritten (longer) after the listing: read as it now is.
    put_file(&dir, "a.json", r#"{"who":"a, again"}"#).await;
    assert_eq!(folder.read("a.json").await.unwrap(), br#"{"who":"a, again"}"#);
    assert_eq!(folder.read_start("a.json", 9).await.unwrap(), br#"{"who":"a"#);
    assert_eq!(folder.read("b.json").await.unwrap(), br#"{"who":"b"}"#);
    assert_eq!(folder.read_start("b.json", 4).await.unwrap(), br#"{"wh"#);
    // The own file written through the folder: read back as written.
    folder.write("b.json", br#"{"who":"me"}"#).await.unwrap();
    assert_eq!(folder.read("b.json").await.unwrap(), br#"{"who":"me"}"#);
    // A file gone since the listing: an error naming it, not a panic nor old bytes.
    JsFuture::from(dir.remove_entry("a.json")).await.unwrap();
    folder.list().await.unwrap();
    put_file(&dir, "c.json", "{}").await;
    let listed = folder.list().await.unwrap();
    JsFuture::from(dir.remove_entry("c.json")).await.unwrap();
    assert!(listed.iter().any(|e| e.name == "c.json"));
    let gone = folder.read("c.json").await.unwrap_err();
    assert!(gone.to_string().contains("c.json"), "{gone}");
    let _ = JsFuture::from(root.remove_entry(&name)).await;
}
