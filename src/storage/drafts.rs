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

use super::local::{failed, is_quota};
use super::StorageError;
use crate::format::export_compact;
use crate::model::Strategy;
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

fn local() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

/// Keeps `strategy`, changed on stored revision `base`, until the next start.
pub fn keep_draft(strategy: &Strategy, base: u64, now: &str) -> Result<(), StorageError> {
    let storage =
        local().ok_or_else(|| StorageError::Unavailable { detail: "no localStorage for the draft".into() })?;
    let draft = Draft { base, file: export_compact(strategy, now) };
    let text = super::store::to_json(&draft)?;
    let key = format!("{PREFIX}{}", strategy.id);
    storage.set_item(&key, &text).map_err(|e| full_or_failed(e, &key, &text))
}

/// A refused write: a full storage stays typed (`QuotaExceeded` / `TooLarge`), anything else
/// is `Failed`.
fn full_or_failed(e: wasm_bindgen::JsValue, key: &str, text: &str) -> StorageError {
    if is_quota(&e) {
        StorageError::full(key, text)
    } else {
        failed(e)
    }
}

/// Every kept draft (unreadable ones are left where they are).
pub fn drafts() -> Vec<KeptDraft> {
    let Some(storage) = local() else { return Vec::new() };
    let n = storage.length().unwrap_or(0);
    let keys: Vec<String> =
        (0..n).filter_map(|i| storage.key(i).ok().flatten()).filter(|k| k.starts_with(PREFIX)).collect();
    keys.into_iter()
        .filter_map(|key| {
            let text = storage.get_item(&key).ok().flatten()?;
            let draft: Draft = serde_json::from_str(&text).ok()?;
            Some(KeptDraft { key, base: draft.base, file: draft.file })
        })
        .collect()
}

pub fn drop_draft(key: &str) {
    if let Some(storage) = local() {
        let _ = storage.remove_item(key);
    }
}

/// Keeps the preferences at once (their write had not finished as the page went away).
pub fn keep_preferences(p: &super::Preferences) -> Result<(), StorageError> {
    let storage =
        local().ok_or_else(|| StorageError::Unavailable { detail: "no localStorage for the preferences".into() })?;
    let text = super::store::to_json(p)?;
    storage.set_item(PREFERENCES_KEY, &text).map_err(|e| full_or_failed(e, PREFERENCES_KEY, &text))
}

/// The preferences kept as the page went away, if any (unreadable ones: none).
pub fn kept_preferences() -> Option<super::Preferences> {
    let text = local()?.get_item(PREFERENCES_KEY).ok().flatten()?;
    serde_json::from_str(&text).ok()
}

/// Forgets the kept preferences (stored, or unreadable).
pub fn drop_kept_preferences() {
    if let Some(storage) = local() {
        let _ = storage.remove_item(PREFERENCES_KEY);
    }
}
