//! The change of the open strategy the page had not saved when it went away (wasm32 only).
//!
//! IndexedDB answers asynchronously: a save started while the page is closing (pagehide) may
//! never run its transaction. So at that moment the open strategy is also written — at once,
//! synchronously — to `localStorage` under `shirube-draft/<id>`, with the stored revision it was
//! made on; the next start hands it to [`super::Store::apply_draft`] and removes it. The prefix is
//! outside `shirube/`, so the move into IndexedDB leaves drafts alone. Best effort: a draft
//! larger than `localStorage` allows is not kept (the save started on closing is all there is).
//!
//! The preferences likewise: their write goes through the part storage writes with, fetched with
//! the first write, so a language chosen just before the page goes away (a reload, a closed
//! tab on a slow line) was lost. Closing with their write unfinished keeps them under
//! `shirube-prefs-draft`; the next start takes them ([`kept_preferences`]).
//!
//! Both are written through `gloo-storage` (JSON in; read back in the page, `json_in`), each
//! call behind [`usable`]: gloo's
//! `LocalStorage::raw` throws where `localStorage` is blocked or missing, which a Rust caller
//! cannot catch. A full storage stays typed (`QuotaExceeded` / `TooLarge`), as the backend's.

use super::local::is_quota_name;
use super::StorageError;
use crate::format::export_compact;
use crate::model::Strategy;
use gloo_storage::errors::StorageError as GlooError;
use gloo_storage::{LocalStorage, Storage};
use serde::{Deserialize, Serialize};

const PREFIX: &str = "shirube-draft/";
/// Outside [`PREFIX`]: the drafts' reading never sees it.
const PREFERENCES_KEY: &str = "shirube-prefs-draft";

#[derive(Serialize, Deserialize)]
struct Draft {
    base: u64,
    file: String,
}

/// A kept draft: remove it with [`drop_draft`] once applied.
pub struct KeptDraft {
    pub key: String,
    pub base: u64,
    /// The strategy's file envelope.
    pub file: String,
}

/// Whether `localStorage` can be used: gloo's calls throw where it is blocked or absent
/// (`LocalStorage::raw`), so each goes through this probe first.
fn usable() -> bool {
    web_sys::window().is_some_and(|w| matches!(w.local_storage(), Ok(Some(_))))
}

/// Keeps `value` under `key` as JSON (gloo writes it as `serde_json` does). A refused write: a
/// full storage stays typed (`QuotaExceeded` / `TooLarge`), anything else is `Failed`.
fn keep<T: Serialize>(key: &str, value: &T, what: &str) -> Result<(), StorageError> {
    if !usable() {
        return Err(StorageError::Unavailable { detail: format!("no localStorage for {what}") });
    }
    LocalStorage::set(key, value).map_err(|e| match e {
        GlooError::JsError(js) if is_quota_name(&js.name) => {
            StorageError::full(key, &super::json_out::to_json(value).unwrap_or_default())
        }
        GlooError::JsError(js) => StorageError::Failed { detail: format!("{}: {}", js.name, js.message) },
        GlooError::SerdeError(e) => StorageError::Failed { detail: e.to_string() },
        GlooError::KeyNotFound(key) => StorageError::not_found_key(&key),
    })
}

/// Keeps `strategy`, changed on stored revision `base`, until the next start.
pub fn keep_draft(strategy: &Strategy, base: u64, now: &str) -> Result<(), StorageError> {
    let draft = Draft { base, file: export_compact(strategy, now) };
    keep(&format!("{PREFIX}{}", strategy.id), &draft, "the draft")
}

/// Every kept draft (unreadable ones are left where they are).
pub fn drafts() -> Vec<KeptDraft> {
    if !usable() {
        return Vec::new();
    }
    let storage = LocalStorage::raw();
    let keys: Vec<String> = (0..LocalStorage::length())
        .filter_map(|i| storage.key(i).ok().flatten())
        .filter(|k| k.starts_with(PREFIX))
        .collect();
    keys.into_iter()
        .filter_map(|key| {
            let draft: Draft = read(&key)?;
            Some(KeptDraft { key, base: draft.base, file: draft.file })
        })
        .collect()
}

pub fn drop_draft(key: &str) {
    if usable() {
        LocalStorage::delete(key);
    }
}

/// Keeps the preferences at once (their write had not finished as the page went away).
pub fn keep_preferences(p: &super::Preferences) -> Result<(), StorageError> {
    keep(PREFERENCES_KEY, p, "the preferences")
}

/// The preferences kept as the page went away, if any (unreadable ones: none).
pub fn kept_preferences() -> Option<super::Preferences> {
    usable().then(|| read(PREFERENCES_KEY)).flatten()
}

/// What is kept under `key`, read in the page (`json_in`: gloo's `get` would bring serde_json's
/// reader into the start-up module, which reads the drafts); `None` when missing or unreadable.
/// Call it behind [`usable`].
fn read<T: serde::de::DeserializeOwned>(key: &str) -> Option<T> {
    let text = LocalStorage::raw().get_item(key).ok().flatten()?;
    super::json_in::parse(&text)
}

/// Forgets the kept preferences (stored, or unreadable).
pub fn drop_kept_preferences() {
    if usable() {
        LocalStorage::delete(PREFERENCES_KEY);
    }
}
