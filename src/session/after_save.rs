//! What the user is told when a save of the open strategy answers (decided here, where
//! `cargo test` reaches it, not in the UI's save loop). Another tab's save is a conflict to ask
//! about; a strategy deleted in another tab is said at once; storage full is said at the first
//! refusal, which also starts the periodic retry, and a retry refused again only brings the
//! figures of a storage-full notice up to date — it never replaces another notice (e.g. the one
//! that says a delete was refused); a save that goes through after all takes the storage-full
//! notice away.

use crate::model::Id;
use crate::storage::StorageError;

/// The notice a save's answer calls for.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Say {
    /// Leave the notice as it is.
    Nothing,
    /// Another tab saved this strategy meanwhile: ask which version to keep (`Notice::TabConflict`).
    Conflict,
    /// Storage is full: say so, with how full it is (`Notice::StorageFull`).
    Full,
    /// Saved after storage was full: the storage-full notice goes.
    Clear,
    /// Deleted in another tab (`tabs::deleted_elsewhere`).
    DeletedElsewhere(Id),
}

/// What to do after a save: the notice, and whether to start retrying every 30 s.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AfterSave {
    pub say: Say,
    pub start_retries: bool,
}

/// The save's answer `saved`; `was_full`: the save before it was refused for lack of room;
/// `full_shown`: the storage-full notice is the one shown; `persistent`: storage keeps data
/// (in memory only, a full store is no news: the header says nothing is kept).
pub fn after_save(saved: &Result<u64, StorageError>, was_full: bool, full_shown: bool, persistent: bool) -> AfterSave {
    let say = |say| AfterSave { say, start_retries: false };
    match saved {
        Err(StorageError::Conflict { .. }) => say(Say::Conflict),
        Err(StorageError::QuotaExceeded { .. }) if persistent => {
            AfterSave { say: if !was_full || full_shown { Say::Full } else { Say::Nothing }, start_retries: !was_full }
        }
        Err(StorageError::Deleted { id }) => say(Say::DeletedElsewhere(id.clone())),
        Ok(_) if full_shown => say(Say::Clear),
        _ => say(Say::Nothing),
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;

    fn full() -> Result<u64, StorageError> {
        Err(StorageError::QuotaExceeded { key: "k".into(), bytes: 10 })
    }

    #[test]
    fn storage_full_is_said_once_and_the_retries_start_with_it() {
        // The first refusal: said, and the retries start.
        assert_eq!(after_save(&full(), false, false, true), AfterSave { say: Say::Full, start_retries: true });
        // A retry refused again: the figures of the notice shown are brought up to date…
        assert_eq!(after_save(&full(), true, true, true), AfterSave { say: Say::Full, start_retries: false });
        // …but another notice shown meanwhile (a refused delete) stays, and no second retry starts.
        assert_eq!(after_save(&full(), true, false, true), AfterSave { say: Say::Nothing, start_retries: false });
        // In memory only, nothing is kept anyway: no notice, no retries.
        assert_eq!(after_save(&full(), false, false, false), AfterSave { say: Say::Nothing, start_retries: false });
    }

    #[test]
    fn a_save_after_room_was_made_takes_the_full_notice_away_and_only_that() {
        assert_eq!(after_save(&Ok(7), true, true, true).say, Say::Clear);
        assert_eq!(after_save(&Ok(7), true, false, true).say, Say::Nothing, "another notice stays");
        assert_eq!(after_save(&Ok(7), false, false, true).say, Say::Nothing);
    }

    #[test]
    fn another_tabs_save_or_deletion_is_said_whatever_is_shown() {
        let conflict = Err(StorageError::Conflict { key: "k".into() });
        assert_eq!(after_save(&conflict, true, true, true).say, Say::Conflict);
        let id = Id::from("strategy-1");
        let deleted = Err(StorageError::Deleted { id: id.clone() });
        assert_eq!(after_save(&deleted, false, true, true).say, Say::DeletedElsewhere(id));
        let other = Err(StorageError::Unavailable { detail: "x".into() });
        assert_eq!(after_save(&other, false, false, true).say, Say::Nothing, "the header shows the failure");
    }
}
