//! `window.localStorage` as a [`Backend`] (wasm32 only). Every call goes through `Result`s:
//! storage can be absent (`null`), throw on access (blocked, sandboxed), or throw
//! `QuotaExceededError` on write.

use super::keys::PROBE;
use super::{Backend, BackendKind, StorageError, Write};
use wasm_bindgen::{JsCast, JsValue};

#[derive(Clone)]
pub struct LocalStorage {
    storage: web_sys::Storage,
}

impl LocalStorage {
    /// The page's `localStorage`, or `Unavailable` saying why not. Never throws: it goes
    /// through `window.localStorage` and handles both the exception and `null`.
    pub fn open() -> Result<LocalStorage, StorageError> {
        let window = web_sys::window()
            .ok_or_else(|| StorageError::Unavailable { detail: "not running in a browser window".into() })?;
        let storage = match window.local_storage() {
            Ok(Some(storage)) => storage,
            Ok(None) => {
                return Err(StorageError::Unavailable { detail: "localStorage is disabled in this browser".into() })
            }
            Err(e) => return Err(StorageError::Unavailable { detail: describe(&e) }),
        };
        // A storage that refuses every write (old Safari private mode: quota 0) is no storage.
        // Only probed when empty, so that a merely full storage is still opened and read.
        if storage.length().map_err(|e| StorageError::Unavailable { detail: describe(&e) })? == 0 {
            storage.set_item(PROBE, "1").map_err(|e| StorageError::Unavailable { detail: describe(&e) })?;
            let _ = storage.remove_item(PROBE);
        }
        Ok(LocalStorage { storage })
    }

    /// Wraps a `Storage` object obtained elsewhere (e.g. `sessionStorage`).
    pub fn from_storage(storage: web_sys::Storage) -> LocalStorage {
        LocalStorage { storage }
    }
}

impl LocalStorage {
    /// Writes one change at once; the value it replaced is returned for a rollback.
    fn write_one(&self, w: &Write) -> Result<Option<String>, StorageError> {
        let before = self.storage.get_item(w.key()).map_err(failed)?;
        match w {
            Write::Put { key, value } => self.storage.set_item(key, value).map_err(|e| {
                if is_quota(&e) {
                    StorageError::full(key, value)
                } else {
                    failed(e)
                }
            })?,
            Write::Remove { key } => self.storage.remove_item(key).map_err(failed)?,
            Write::Expect { .. } | Write::Copy { .. } => {}
        }
        Ok(before)
    }
}

impl Backend for LocalStorage {
    async fn get(&self, key: &str) -> Result<Option<String>, StorageError> {
        self.storage.get_item(key).map_err(failed)
    }

    /// `localStorage` has no transactions: the writes are made one by one, and when one fails
    /// the ones before it are put back as they were (best effort: a rollback that fails too
    /// leaves the newer values, never a missing one).
    async fn apply(&self, writes: Vec<Write>) -> Result<(), StorageError> {
        for w in &writes {
            if let Write::Expect { key, value } = w {
                if &self.storage.get_item(key).map_err(failed)? != value {
                    return Err(StorageError::Conflict { key: key.clone() });
                }
            }
        }
        let writes = super::backend::resolve_copies(writes, |from| self.storage.get_item(from).map_err(failed))?;
        let mut done: Vec<(String, Option<String>)> = Vec::with_capacity(writes.len());
        for w in &writes {
            match self.write_one(w) {
                Ok(before) => done.push((w.key().to_owned(), before)),
                Err(e) => {
                    for (key, before) in done.into_iter().rev() {
                        let _ = match before {
                            Some(v) => self.storage.set_item(&key, &v),
                            None => self.storage.remove_item(&key),
                        };
                    }
                    return Err(e);
                }
            }
        }
        Ok(())
    }

    /// The stored string's `length`: the value stays in the browser (not handed over as UTF-8).
    async fn units(&self, key: &str) -> Result<Option<usize>, StorageError> {
        let value = get_item_unconverted(&self.storage, key).map_err(failed)?;
        Ok(value.dyn_ref::<js_sys::JsString>().map(|s| s.length() as usize))
    }

    async fn keys(&self) -> Result<Vec<String>, StorageError> {
        let n = self.storage.length().map_err(failed)?;
        let mut keys = Vec::with_capacity(n as usize);
        for i in 0..n {
            if let Some(key) = self.storage.key(i).map_err(failed)? {
                keys.push(key);
            }
        }
        Ok(keys)
    }

    fn kind(&self) -> BackendKind {
        BackendKind::LocalStorage
    }
}

/// `Storage.getItem` returning the JS string itself (or `null`), not a copy in wasm memory.
fn get_item_unconverted(storage: &web_sys::Storage, key: &str) -> Result<JsValue, JsValue> {
    let get_item: js_sys::Function = js_sys::Reflect::get(storage, &JsValue::from_str("getItem"))?.dyn_into()?;
    get_item.call1(storage, &JsValue::from_str(key))
}

pub(super) fn failed(e: JsValue) -> StorageError {
    StorageError::Failed { detail: describe(&e) }
}

/// `QuotaExceededError` (every browser today; Firefox once said `NS_ERROR_DOM_QUOTA_REACHED`,
/// code 1014; the legacy code is 22).
fn is_quota(e: &JsValue) -> bool {
    e.dyn_ref::<web_sys::DomException>().is_some_and(|d| is_quota_name(&d.name()) || matches!(d.code(), 22 | 1014))
}

/// A storage error's name that says the storage is full (what [`is_quota`] reads by name; the
/// drafts have only the name: gloo keeps the error's name and message).
pub(super) fn is_quota_name(name: &str) -> bool {
    matches!(name, "QuotaExceededError" | "NS_ERROR_DOM_QUOTA_REACHED")
}

/// What the browser said, as text: `Name: message`.
pub(super) fn describe(e: &JsValue) -> String {
    if let Some(d) = e.dyn_ref::<web_sys::DomException>() {
        format!("{}: {}", d.name(), d.message())
    } else if let Some(err) = e.dyn_ref::<js_sys::Error>() {
        format!("{}: {}", String::from(err.name()), String::from(err.message()))
    } else {
        e.as_string().unwrap_or_else(|| format!("{e:?}"))
    }
}
