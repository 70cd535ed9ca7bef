//! A change the page could not save when it went away (kept by `drafts` in `localStorage`),
//! stored at the next start: as the current version, or kept in the history when the strategy
//! changed since.

use crate::storage::decode::decode;
use crate::storage::{Backend, StorageError, Store};

/// What [`Store::apply_draft`] did with a change the page had not saved when it went away.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum DraftOutcome {
    /// It was already stored (the save started on the way out finished after all).
    AlreadyStored,
    /// Stored as the current version, over the revision it was made on.
    Saved,
    /// The strategy changed elsewhere since (another tab): the draft is kept in the history as
    /// this tab's changes, and the stored version stays current.
    KeptAsVersion { title: String },
    /// The strategy was deleted since (another tab): the draft is kept as a backup (reason
    /// `Deleted`, listed with the others and restorable), and nothing is stored in its place —
    /// a change made before the deletion never brings the strategy back by itself.
    KeptAsBackup { title: String },
}

impl<B: Backend> Store<B> {
    /// A change of strategy `text` (a file envelope) made on stored revision `base` that the
    /// page could not save before it went away (see `ui::shell::app`): stored now, or kept in the
    /// history when the strategy changed since. Unreadable text is an error (the caller keeps it).
    pub async fn apply_draft(&self, text: &str, base: u64, now: &str) -> Result<DraftOutcome, StorageError> {
        let Some((draft, _)) = decode(text) else {
            return Err(StorageError::Failed { detail: "the unsaved change kept on closing does not read".into() });
        };
        match self.load_current(&draft.id).await {
            Ok((stored, _)) if stored == draft => Ok(DraftOutcome::AlreadyStored),
            Ok((_, revision)) if revision == base => {
                self.save_over(&draft, now, base).await?;
                Ok(DraftOutcome::Saved)
            }
            Ok(_) => {
                self.keep_as_version(&draft, now).await?;
                Ok(DraftOutcome::KeptAsVersion { title: draft.title })
            }
            // Deleted meanwhile: kept where the user can bring it back, not stored again.
            Err(StorageError::NotFound { .. }) => {
                self.store_backup(&draft, text, crate::storage::BackupReason::Deleted, now).await?;
                Ok(DraftOutcome::KeptAsBackup { title: draft.title })
            }
            Err(e) => Err(e),
        }
    }
}
