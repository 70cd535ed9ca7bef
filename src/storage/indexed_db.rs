//! IndexedDB as a [`Backend`] (wasm32 only), through the `indexed_db_futures` crate (futures
//! over web-sys; chosen over `idb` because it sets a transaction's durability): database
//! `shirube`, version 1, one object store `kv` of text values under string keys — the same
//! layout of keys as `localStorage` had, so the store's logic is the same on both (the
//! database's creation and upgrade are made through web-sys, [`upgrade`]). Text is
//! written as its UTF-8 bytes (a `Uint8Array`: copied out of wasm memory as it is, where a JS
//! string would first be decoded, and again encoded when read back); a JS string, as the move
//! from `localStorage` and the first release wrote, reads as well.
//!
//! Every batch is one read-write transaction with durability "strict" (the browser reports it
//! complete only once it is on disk): its conditions ([`Write::Expect`]) are read first, inside
//! the transaction, then every put and delete is made (16 MiB of values a task, a put awaited
//! between them inside the transaction), then it is committed and awaited. Any
//! failure aborts it: a crash, a closed tab or a full disk leaves the batch wholly written or
//! not at all.

use super::local::describe;
use super::{Backend, BackendKind, StorageError, Write};
use indexed_db_futures::database::Database;
use indexed_db_futures::error::{Error as IdbError, OpenDbError};
use indexed_db_futures::prelude::*;
use indexed_db_futures::transaction::{TransactionDurability, TransactionMode, TransactionOptions};
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

/// The database the app keeps its data in.
pub const DATABASE: &str = "shirube";
const STORE: &str = "kv";

#[derive(Clone)]
pub struct IndexedDb {
    db: Database,
}

/// Opens the database `name` at version 1 with its one object store `store` (a later version
/// adds its own steps in [`upgrade`]): the app's data, and the shared folders' handles
/// (`folder::disk`).
pub(super) async fn open_with_store(name: &str, store: &'static str) -> Result<Database, OpenDbError> {
    upgrade(name, store).await?;
    // At its version now: no upgrade, so the crate needs no handler of its own.
    Database::open(name).with_version(1u8).await
}

/// Brings the database `name` to version 1 with its object store, through web-sys, then closes
/// it. Not the crate's `with_on_upgrade_needed`: its handler words a failure with the crate
/// error's `Display`, which formats numbers (`f64`) and so would put Rust's float formatting into
/// the start-up module. The cost is a second open of a database that is there (no upgrade).
async fn upgrade(name: &str, store: &'static str) -> Result<(), JsValue> {
    let factory = web_sys::window()
        .ok_or_else(|| JsValue::from_str("not running in a browser window"))?
        .indexed_db()?
        .ok_or_else(|| JsValue::from_str("no IndexedDB in this window"))?;
    let request = factory.open_with_u32(name, 1)?;
    let on_upgrade = {
        let request = request.clone();
        Closure::<dyn FnMut()>::new(move || {
            let Ok(db) = request.result() else { return };
            let db: web_sys::IdbDatabase = db.unchecked_into();
            if !db.object_store_names().contains(store) && db.create_object_store(store).is_err() {
                // Undone, as a handler that throws would have it: the open fails and says why.
                if let Some(upgrading) = request.transaction() {
                    let _ = upgrading.abort();
                }
            }
        })
    };
    request.set_onupgradeneeded(Some(on_upgrade.as_ref().unchecked_ref()));
    let opened = js_sys::Promise::new(&mut |resolve, reject| {
        request.set_onsuccess(Some(&resolve));
        request.set_onerror(Some(&reject));
    });
    let done = JsFuture::from(opened).await;
    request.set_onupgradeneeded(None);
    request.set_onsuccess(None);
    request.set_onerror(None);
    match done {
        Ok(_) => {
            if let Ok(db) = request.result() {
                db.unchecked_into::<web_sys::IdbDatabase>().close();
            }
            Ok(())
        }
        // The request's own error (a `DOMException`), not the event that carried it.
        Err(event) => Err(request.error().ok().flatten().map(JsValue::from).unwrap_or(event)),
    }
}

impl IndexedDb {
    /// The app's database, or `Unavailable` saying why not (no IndexedDB in this window, access
    /// blocked, the open refused). Never panics.
    pub async fn open() -> Result<IndexedDb, StorageError> {
        IndexedDb::open_named(DATABASE).await
    }

    /// A database by name (tests use their own).
    pub async fn open_named(name: &str) -> Result<IndexedDb, StorageError> {
        let db = open_with_store(name, STORE)
            .await
            .map_err(|e| StorageError::Unavailable { detail: format!("IndexedDB: {}", open_detail(&e)) })?;
        Ok(IndexedDb { db })
    }

    fn failed(e: impl Into<IdbError>) -> StorageError {
        Self::failed_as(&detail(&e.into()))
    }

    fn failed_as(detail: &str) -> StorageError {
        StorageError::Failed { detail: format!("IndexedDB: {detail}") }
    }

    /// The value under `key` as the browser holds it (a JS string, or undefined).
    async fn raw(&self, key: &str) -> Result<Option<JsValue>, StorageError> {
        let tx = self.db.transaction(STORE).build().map_err(Self::failed)?;
        let store = tx.object_store(STORE).map_err(Self::failed)?;
        let value: Option<JsValue> =
            store.get(key.to_owned()).primitive().map_err(Self::failed)?.await.map_err(Self::failed)?;
        Ok(value.filter(|v| !v.is_undefined()))
    }

    /// A failed commit, put into words: the crate reports an abort without its reason, which
    /// the transaction itself holds (`raw`: the `IDBTransaction`; its `error` is a
    /// `QuotaExceededError` when the browser had no room); without one, a batch that would take
    /// the site over what the browser allows is called full too.
    async fn abort_reason(writes: &[Write], raw: &JsValue, e: IdbError) -> StorageError {
        let largest = writes
            .iter()
            .filter_map(|w| match w {
                Write::Put { key, value } => Some((key, value)),
                _ => None,
            })
            .max_by_key(|(_, v)| v.len());
        let adds: usize = writes
            .iter()
            .map(|w| match w {
                Write::Put { key, value } => 2 * (key.len() + value.len()),
                _ => 0,
            })
            .sum();
        let reason = js_sys::Reflect::get(raw, &JsValue::from_str("error"))
            .ok()
            .filter(|e| e.is_object())
            .and_then(|e| js_sys::Reflect::get(&e, &JsValue::from_str("name")).ok())
            .and_then(|name| name.as_string());
        if let (Some("QuotaExceededError"), Some((key, value))) = (reason.as_deref(), largest) {
            return StorageError::QuotaExceeded { key: key.clone(), bytes: value.len() };
        }
        match (super::browser::estimate().await, largest) {
            (Some(est), Some((key, value))) if est.usage + adds as f64 >= est.quota * 0.95 => {
                StorageError::QuotaExceeded { key: key.clone(), bytes: value.len() }
            }
            _ => Self::failed_as(&format!("the transaction was not committed ({}); nothing was changed", detail(&e))),
        }
    }
}

/// A stored value as text: UTF-8 bytes or a JS string; `None` for anything else.
fn text_of(value: &JsValue) -> Option<String> {
    match value.dyn_ref::<js_sys::Uint8Array>() {
        Some(bytes) => String::from_utf8(bytes.to_vec()).ok(),
        None => value.as_string(),
    }
}

/// How many bytes of values a batch hands over in one task (see `apply`): ~50 ms of the
/// page's thread.
const HANDED_PER_TASK: usize = 16 << 20;

/// A stored value's size: bytes of UTF-8, or the `length` of a string.
fn units_of(v: &JsValue) -> Option<usize> {
    match v.dyn_ref::<js_sys::Uint8Array>() {
        Some(bytes) => Some(bytes.length() as usize),
        None => v.dyn_ref::<js_sys::JsString>().map(|s| s.length() as usize),
    }
}

/// Text as it is stored: its UTF-8 bytes.
fn stored(text: &str) -> JsValue {
    js_sys::Uint8Array::from(text.as_bytes()).into()
}

impl Backend for IndexedDb {
    async fn get(&self, key: &str) -> Result<Option<String>, StorageError> {
        match self.raw(key).await? {
            None => Ok(None),
            Some(v) => {
                text_of(&v).map(Some).ok_or_else(|| Self::failed_as(&format!("the value under {key} is not text")))
            }
        }
    }

    async fn keys(&self) -> Result<Vec<String>, StorageError> {
        let tx = self.db.transaction(STORE).build().map_err(Self::failed)?;
        let store = tx.object_store(STORE).map_err(Self::failed)?;
        let keys: Vec<JsValue> = store
            .get_all_keys()
            .primitive()
            .map_err(Self::failed)?
            .await
            .map_err(Self::failed)?
            .collect::<Result<_, _>>()
            .map_err(Self::failed)?;
        Ok(keys.into_iter().filter_map(|k| k.as_string()).collect())
    }

    /// One transaction: every request made first, then awaited (the transaction stays open
    /// while any is pending).
    async fn glance(&self, keys: &[&str]) -> Result<(Vec<Option<String>>, Vec<String>), StorageError> {
        let tx = self.db.transaction(STORE).build().map_err(Self::failed)?;
        let store = tx.object_store(STORE).map_err(Self::failed)?;
        let gets = keys
            .iter()
            .map(|k| store.get((*k).to_owned()).primitive().map_err(Self::failed))
            .collect::<Result<Vec<_>, _>>()?;
        let all = store.get_all_keys().primitive().map_err(Self::failed)?;
        let mut values = Vec::with_capacity(keys.len());
        for (key, get) in keys.iter().zip(gets) {
            let value: Option<JsValue> = get.await.map_err(Self::failed)?;
            values.push(match value.filter(|v| !v.is_undefined()) {
                None => None,
                Some(v) => {
                    Some(text_of(&v).ok_or_else(|| Self::failed_as(&format!("the value under {key} is not text")))?)
                }
            });
        }
        let all: Vec<JsValue> = all.await.map_err(Self::failed)?.collect::<Result<_, _>>().map_err(Self::failed)?;
        Ok((values, all.into_iter().filter_map(|k| k.as_string()).collect()))
    }

    /// The stored value's size, read without copying it into wasm: bytes of UTF-8, or the
    /// `length` of a string.
    async fn units(&self, key: &str) -> Result<Option<usize>, StorageError> {
        Ok(self.raw(key).await?.as_ref().and_then(units_of))
    }

    async fn apply(&self, writes: Vec<Write>) -> Result<(), StorageError> {
        if writes.is_empty() {
            return Ok(());
        }
        let tx = self
            .db
            .transaction(STORE)
            .with_mode(TransactionMode::Readwrite)
            .with_options(TransactionOptions::new().with_durability(TransactionDurability::Strict))
            .build()
            .map_err(Self::failed)?;
        let store = tx.object_store(STORE).map_err(Self::failed)?;
        // Conditions first, read inside this transaction: no other tab writes in between.
        for w in &writes {
            if let Write::Expect { key, value } = w {
                let there: Option<JsValue> =
                    store.get(key.clone()).primitive().map_err(Self::failed)?.await.map_err(Self::failed)?;
                let there = there.as_ref().and_then(text_of);
                if &there != value {
                    // Dropping the transaction rolls it back (nothing was written yet).
                    drop(store);
                    let _ = tx.abort().await;
                    return Err(StorageError::Conflict { key: key.clone() });
                }
            }
        }
        // Copies read before anything is written: the values as the batch found them.
        let mut copied: Vec<Option<JsValue>> = Vec::new();
        for w in &writes {
            if let Write::Copy { from, .. } = w {
                let value: Option<JsValue> =
                    store.get(from.clone()).primitive().map_err(Self::failed)?.await.map_err(Self::failed)?;
                copied.push(value.filter(|v| !v.is_undefined()));
            }
        }
        let mut copied = copied.into_iter();
        // Bytes handed over in this task: at `HANDED_PER_TASK`, the put is awaited (the
        // transaction stays active in the request's callback) and the next made in a task of
        // its own. Made at once, the versions of ten large members would hold the page's thread
        // for a quarter of a second in one task; awaiting every large put costs a round trip each.
        let mut handed = 0;
        for w in &writes {
            let made = match w {
                Write::Put { key, value } if handed + value.len() >= HANDED_PER_TASK => {
                    handed = 0;
                    match store.put(stored(value)).with_key(key.as_str()).primitive() {
                        Ok(put) => put.await.map(|_| ()),
                        Err(e) => Err(e),
                    }
                }
                Write::Put { key, value } => {
                    handed += value.len();
                    store.put(stored(value)).with_key(key.as_str()).primitive().map(|_| ())
                }
                Write::Remove { key } => store.delete(key.as_str()).primitive().map(|_| ()),
                Write::Copy { to, .. } => match copied.next().flatten() {
                    Some(value) => {
                        handed += units_of(&value).unwrap_or(0);
                        store.put(value).with_key(to.as_str()).primitive().map(|_| ())
                    }
                    None => Ok(()),
                },
                Write::Expect { .. } => Ok(()),
            };
            if let Err(e) = made {
                drop(store);
                let _ = tx.abort().await;
                return Err(Self::failed(e));
            }
        }
        drop(store);
        // The transaction as the browser has it, to read why it aborted (commit consumes `tx`).
        let raw: JsValue = {
            use indexed_db_futures::internals::SystemRepr;
            AsRef::<JsValue>::as_ref(tx.as_sys()).clone()
        };
        match tx.commit().await {
            Ok(()) => Ok(()),
            Err(e) => Err(Self::abort_reason(&writes, &raw, e).await),
        }
    }

    fn kind(&self) -> BackendKind {
        BackendKind::IndexedDb
    }
}

/// What went wrong, in the browser's words where it said something (`Name: message`). Not the
/// crate's `Display`: that one also words a value's failed conversion with its number (`f64`),
/// which would put Rust's float formatting (`core::fmt::float`, `flt2dec`) into the
/// start-up module for a number this store never holds (its values are text); such a failure is
/// named here without it.
fn detail(e: &IdbError) -> String {
    match e {
        IdbError::DomException(d) => describe(d.as_ref()),
        IdbError::Unknown(js) => js.to_string(),
        IdbError::MissingData(missing) => missing.to_string(),
        IdbError::Serialisation(_) => "a value could not be converted".to_owned(),
    }
}

/// [`detail`] of a refused open (its own words for the rest: its `Display` holds the other's).
fn open_detail(e: &OpenDbError) -> String {
    match e {
        OpenDbError::Base(e) => detail(e),
        OpenDbError::VersionZero => "version 0".to_owned(),
        OpenDbError::UnsupportedEnvironment => "not available here".to_owned(),
        OpenDbError::NullFactory => "`indexedDB` is null".to_owned(),
    }
}
