//! The one error type of the storage layer: every failure the UI has to put into words.

use crate::model::Id;

#[derive(Clone, Debug, PartialEq, thiserror::Error)]
pub enum StorageError {
    /// No storage at all (private mode, blocked by settings, disabled, not in a page).
    #[error("browser storage is unavailable: {detail}")]
    Unavailable { detail: String },
    /// The storage is full: `bytes` could not be written under `key`. Nothing was changed.
    #[error("browser storage is full: {bytes} bytes could not be written to {key}; nothing was changed")]
    QuotaExceeded { key: String, bytes: usize },
    /// `bytes` under `key` are more than the browser's storage holds at all (about
    /// [`BROWSER_LIMIT_UNITS`]): no deleting makes room. Nothing was changed.
    #[error("{bytes} bytes are more than browser storage holds for a site; nothing was changed")]
    TooLarge { key: String, bytes: usize },
    /// `key` held something unreadable. It was renamed to `kept_as` (a garbage key, offered for
    /// download), not deleted; when even the rename was impossible, `kept_as == key`.
    #[error("{key} held something unreadable; it was kept as {kept_as}")]
    Garbage { key: String, kept_as: String },
    /// No strategy with this id — or, for backups and garbage entries, no entry under this key
    /// (then `id` holds the key).
    #[error("not found: {id}")]
    NotFound { id: Id },
    /// What is stored under `key` changed since it was read (another tab saved meanwhile).
    /// Nothing was changed.
    #[error("{key} was changed elsewhere (another tab) since it was read; nothing was changed")]
    Conflict { key: String },
    /// The strategy was deleted (by another tab) after this tab opened it: a save over the
    /// revision it was opened at never stores it again. Nothing was changed.
    #[error("{id} was deleted elsewhere (another tab) since it was opened; nothing was changed")]
    Deleted { id: Id },
    /// Anything else the browser said, in its words.
    #[error("browser storage failed: {detail}")]
    Failed { detail: String },
}

/// What a browser's localStorage holds for one site, in UTF-16 units of keys and values:
/// Chromium 5,242,880 (measured: 10 MiB of UTF-16); Firefox and Safari about the same.
pub const BROWSER_LIMIT_UNITS: usize = 5 * 1024 * 1024;

impl StorageError {
    /// A write the browser refused because its storage is full: [`TooLarge`](Self::TooLarge)
    /// when the entry alone is more than [`BROWSER_LIMIT_UNITS`] (counted as browsers count:
    /// UTF-16 units of key and value), else [`QuotaExceeded`](Self::QuotaExceeded).
    pub fn full(key: &str, value: &str) -> StorageError {
        let (units, bytes) = (key.encode_utf16().count() + value.encode_utf16().count(), value.len());
        let key = key.to_owned();
        if units > BROWSER_LIMIT_UNITS {
            StorageError::TooLarge { key, bytes }
        } else {
            StorageError::QuotaExceeded { key, bytes }
        }
    }

    pub(crate) fn not_found_key(key: &str) -> StorageError {
        StorageError::NotFound { id: Id::from(key) }
    }
}
