//! What a member changed, for the panel, and undoing a change taken from the folder.

use crate::model::merge::{Change, ChangeKind, Merge, Version as MergeVersion};
use crate::model::{Id, Strategy};
use crate::storage::{Backend, StorageError, Store};

/// What the other side changed in a merge with conflicts: what was taken, and their side of
/// each conflict.
pub(super) fn their_changes(m: &Merge) -> Vec<Change> {
    let mut changes = m.taken.clone();
    for c in &m.conflicts {
        match &c.theirs {
            MergeVersion::Edited(edits) => changes.extend(edits.iter().cloned()),
            MergeVersion::Value(_) => {
                changes.push(Change { entity: c.entity.clone(), field: c.field.clone(), kind: ChangeKind::Changed })
            }
            MergeVersion::Absent | MergeVersion::Present | MergeVersion::Unknown => {}
        }
    }
    changes
}

/// Undoes a change taken from the folder ([`Taken::undo`]): the version before it becomes the
/// current one again, as a new version on top of the head — it reaches every member, the one
/// whose change it takes back too.
pub async fn undo<B: Backend>(store: &Store<B>, strategy: &Id, seq: u64, now: &str) -> Result<Strategy, StorageError> {
    store.undo_folder_merge(strategy, seq, now).await
}
