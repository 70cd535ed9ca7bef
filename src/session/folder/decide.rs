//! A conflict with a member's file, decided: the user's choice for each card stored as a
//! version with two parents (this browser's and the member's), naming the person in the history
//! (「佐藤さんとの競合を選んで統合」). It reaches the member as a version to take as it is, and
//! their card goes too, whichever side was chosen.

use super::reading::{Conflicted, FolderReading, Member, MemberStanding};
use super::sync::FolderSync;
use super::undo::their_changes;
use crate::model::merge::edited::summary;
use crate::model::merge::Side;
use crate::model::VersionId;
use crate::session::Notice;
use crate::storage::{Backend, KnownVersion, Store};

impl FolderSync {
    /// A member's file in conflict with this browser's version (`theirs`: its version): its
    /// cards kept for the user, its line in the panel saying so.
    pub(super) fn conflicted(
        &mut self,
        c: Conflicted,
        theirs: VersionId,
        mut line: Member,
        reading: &mut FolderReading,
    ) -> Member {
        line.changes = summary(&their_changes(&c.merge));
        line.standing = MemberStanding::Conflicts;
        // The user's decision is a merge with this version: a later file of theirs is most
        // likely merged from it.
        self.remember(&line.member, KnownVersion { id: theirs, strategy: c.imported.strategy.clone() });
        reading.conflicts.push(c);
        line
    }
}

/// What came of a decision.
#[derive(Clone, Debug, PartialEq)]
pub enum Decided {
    /// Stored as the current version.
    Stored,
    /// The strategy changed here after the cards were shown (an edit, another reading):
    /// nothing stored; the folder is to be read again for cards against what is stored now.
    Stale,
}

/// Stores `conflict` decided as `sides` (one per card, in order), when the strategy is still
/// the one the cards were made against.
pub async fn decide<B: Backend>(
    store: &Store<B>,
    conflict: &Conflicted,
    sides: &[Side],
    now: &str,
) -> Result<Decided, Notice> {
    let current = store.load(&conflict.merge.ours.id).await.map_err(Notice::Storage)?;
    if current != conflict.merge.ours {
        return Ok(Decided::Stale);
    }
    let merged = conflict
        .merge
        .resolve(sides)
        .map_err(|error| Notice::MergeRefused { title: conflict.imported.strategy.title.clone(), error })?;
    store
        .save_merged((&merged, &conflict.merge.ours), &conflict.imported, Some(&conflict.by), now)
        .await
        .map_err(Notice::Storage)?;
    Ok(Decided::Stored)
}
