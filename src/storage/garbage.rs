//! Garbage: text Shirube could not read, renamed to `shirube/v1/garbage/<found at>/<original
//! key>` instead of being deleted, listed for the user to download or discard.

use super::{keys, Backend, StorageError, Store, Write};

#[derive(Clone, Debug, PartialEq)]
pub struct GarbageEntry {
    pub key: String,
    /// Where it was found, e.g. `shirube/v1/strategy/strategy-…`.
    pub original_key: String,
    pub found_at: String,
    /// The length of the kept text (UTF-8 bytes).
    pub bytes: usize,
}

impl<B: Backend> Store<B> {
    /// Every garbage entry, newest first.
    pub async fn garbage(&self) -> Result<Vec<GarbageEntry>, StorageError> {
        let mut out = Vec::new();
        for key in self.backend.keys().await? {
            let Some((original_key, found_at)) = keys::garbage_parts(&key) else { continue };
            let Some(text) = self.backend.get(&key).await? else { continue };
            out.push(GarbageEntry { key, original_key, found_at, bytes: text.len() });
        }
        crate::sorting::by(&mut out, |a, b| b.found_at.cmp(&a.found_at).then_with(|| b.key.cmp(&a.key)));
        Ok(out)
    }

    /// The kept text, for download. Any key may be read (garbage that could not be moved stays
    /// under its own key: see `StorageError::Garbage`).
    pub async fn garbage_text(&self, key: &str) -> Result<String, StorageError> {
        self.backend.get(key).await?.ok_or_else(|| StorageError::not_found_key(key))
    }

    /// Deletes a garbage entry (only garbage keys: live data is never removed here).
    pub async fn discard_garbage(&self, key: &str) -> Result<(), StorageError> {
        if keys::garbage_parts(key).is_none() {
            return Err(StorageError::Failed { detail: format!("{key} is not a garbage entry") });
        }
        if self.backend.get(key).await?.is_none() {
            return Err(StorageError::not_found_key(key));
        }
        self.backend.remove(key).await
    }

    /// Sets aside what is stored under an id that breaks the id rule (`keys::unsafe_id_key`:
    /// written before the rule, e.g. a region under `""` or `../strategy/x`), as unreadable data:
    /// listed with [`Store::garbage`], downloadable and deletable, where before it could be
    /// neither listed, opened nor deleted. Run at start-up and whenever the lists are read
    /// again; returns how many entries were moved.
    pub async fn set_aside_unsafe_ids(&self) -> Result<usize, StorageError> {
        let mut moved = 0;
        for key in self.backend.keys().await? {
            if !keys::unsafe_id_key(&key) {
                continue;
            }
            let Some(text) = self.backend.get(&key).await? else { continue };
            if self.quarantine(&key, &text).await.is_ok() {
                moved += 1;
            }
        }
        Ok(moved)
    }

    /// Renames unreadable `text` found under `key` to a fresh garbage key and returns it: one
    /// batch (copy, remove the original) on the condition that `key` still holds `text`, so that
    /// two readers finding the same garbage (two tabs, two tasks of one tab) move it once; if the
    /// batch fails, `key` still holds the text and no copy is left behind.
    pub(super) async fn quarantine(&self, key: &str, text: &str) -> Result<String, StorageError> {
        let target = self.free_key(|stamp| keys::garbage(stamp, key), &self.now()).await?;
        self.backend
            .apply(vec![
                Write::Expect { key: key.to_owned(), value: Some(text.to_owned()) },
                Write::put(&target, text),
                Write::remove(key),
            ])
            .await?;
        Ok(target)
    }
}
