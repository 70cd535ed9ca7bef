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
    /// `key` held something unreadable. It was renamed to `kept_as` (a garbage key, offered for
    /// download), not deleted; when even the rename was impossible, `kept_as == key`.
    #[error("{key} held something unreadable; it was kept as {kept_as}")]
    Garbage { key: String, kept_as: String },
    /// No strategy with this id — or, for backups and garbage entries, no entry under this key
    /// (then `id` holds the key).
    #[error("not found: {id}")]
    NotFound { id: Id },
    /// Anything else the browser said, in its words.
    #[error("browser storage failed: {detail}")]
    Failed { detail: String },
}

impl StorageError {
    pub(crate) fn not_found_key(key: &str) -> StorageError {
        StorageError::NotFound { id: Id::from(key) }
    }
}
