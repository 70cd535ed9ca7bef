//! IndexedDB as a [`Backend`] (wasm32 only), through the `indexed_db_futures` crate (futures
//! over web-sys; chosen over `idb` because it sets a transaction's durability): database
//! `shirube`, version 1, one object store `kv` of text values under string keys — the same
//! layout of keys as `localStorage` had, so the store's logic is the same on both. Text is
//! written as its UTF-8 bytes (a `Uint8Array`: copied out of wasm memory as it is, where a JS
//! string would first be decoded, and again encoded when read back); a JS string, as the move
//! from `localStorage` and the first release wrote, reads as well.
//!
//! Every batch is one read-write transaction with durability "strict" (the browser reports it
//! complete only once it is on disk): its conditions ([`Write::Expect`]) are read first, inside
//! the transaction, then every put and delete is made, then it is committed and awaited. Any
//! failure aborts it: a crash, a closed tab or a full disk leaves the batch wholly written or
//! not at all.

use super::local::describe;
use super::{Backend, BackendKind, StorageError, Write};
use indexed_db_futures::database::Database;
use indexed_db_futures::prelude::*;
use indexed_db_futures::transaction::{TransactionDurability, TransactionMode, TransactionOptions};
use wasm_bindgen::{JsCast, JsValue};

/// The database the app keeps its data in.
pub const DATABASE: &str = "shirube";
const STORE: &str = "kv";

#[derive(Clone)]
pub struct IndexedDb {
    db: Database,
}

/// Opens the database `name` at version 1 with its one object store `store` (a later version
/// adds its own steps here): the app's data, and the shared folders' handles (`folder::disk`).
pub(super) async fn open_with_store(
    name: &str,
    store: &'static str,
) -> Result<Database, indexed_db_futures::error::OpenDbError> {
    Database::open(name)
        .with_version(1u8)
        .with_on_upgrade_needed(move |_event, db| {
            if !db.object_store_names().any(|n| n == store) {
                db.create_object_store(store).build()?;
            }
            Ok(())
        })
        .await
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
            .map_err(|e| StorageError::Unavailable { detail: format!("IndexedDB: {e}") })?;
        Ok(IndexedDb { db })
    }

    fn failed(e: impl std::fmt::Display) -> StorageError {
        StorageError::Failed { detail: format!("IndexedDB: {e}") }
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
    async fn abort_reason(writes: &[Write], raw: &JsValue, e: impl std::fmt::Display) -> StorageError {
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
            _ => Self::failed(format!("the transaction was not committed ({e}); nothing was changed")),
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

/// Text as it is stored: its UTF-8 bytes.
fn stored(text: &str) -> JsValue {
    js_sys::Uint8Array::from(text.as_bytes()).into()
}

impl Backend for IndexedDb {
    async fn get(&self, key: &str) -> Result<Option<String>, StorageError> {
        match self.raw(key).await? {
            None => Ok(None),
            Some(v) => text_of(&v).map(Some).ok_or_else(|| Self::failed(format!("the value under {key} is not text"))),
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

    /// The stored value's size, read without copying it into wasm: bytes of UTF-8, or the
    /// `length` of a string.
    async fn units(&self, key: &str) -> Result<Option<usize>, StorageError> {
        Ok(self.raw(key).await?.and_then(|v| match v.dyn_ref::<js_sys::Uint8Array>() {
            Some(bytes) => Some(bytes.length() as usize),
            None => v.dyn_ref::<js_sys::JsString>().map(|s| s.length() as usize),
        }))
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
        for w in &writes {
            let made = match w {
                Write::Put { key, value } => store.put(stored(value)).with_key(key.as_str()).primitive().map(|_| ()),
                Write::Remove { key } => store.delete(key.as_str()).primitive().map(|_| ()),
                Write::Copy { to, .. } => match copied.next().flatten() {
                    Some(value) => store.put(value).with_key(to.as_str()).primitive().map(|_| ()),
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

/// What the browser said when a request failed, in its words.
#[allow(dead_code)] // reason: kept beside `describe` for errors the crate passes through raw
fn js_detail(e: &JsValue) -> String {
    describe(e)
}
