//! A value as the JSON text stored for it (every record but the strategies' own text, which
//! `format` writes).

use super::StorageError;
use serde::Serialize;

/// A value as the JSON text stored for it.
pub(super) fn to_json<T: Serialize + ?Sized>(value: &T) -> Result<String, StorageError> {
    serde_json::to_string(value).map_err(|e| StorageError::Failed { detail: e.to_string() })
}
