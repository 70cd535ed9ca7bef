//! A member's version that would change values the planning section confirmed
//! (`model::round::confirmed`): not stored silently. The reading keeps it as a card
//! ([`HeldBack`]: who, which items, the two values); the planning section keeps the confirmed
//! values or takes the change (the section's answer then stays 確認済 with the new values, a new
//! 確認 in its name). Either choice is stored as a version with two parents (this browser's and
//! the member's, as `decide` stores a conflict's): it reaches every member as a version to take
//! as it is, and after 「確認済の値を保つ」 the member who changed the value gets it back.
//!
//! Held back where the person is the planning section or named no section; a section's member
//! takes the change (the planning section meets it in its own reading, from whichever file
//! brings it).

use super::decide::Decided;
use super::reading::{FolderReading, HeldBack, Member, MemberStanding};
use super::sync::FolderSync;
use crate::model::round::{confirmed_changes, ConfirmedChange, OnConfirmed};
use crate::model::{Role, Strategy};
use crate::session::Notice;
use crate::storage::{Backend, KnownVersion, Store};

impl FolderSync {
    /// Whether this member's readings hold back changes to confirmed values.
    fn guards(&self) -> bool {
        !matches!(self.me.role, Some(Role::Department(_)))
    }

    /// The changes `merged` makes to values `ours` has confirmed, when this member guards them.
    pub(super) fn confirmed_changes(&self, ours: &Strategy, merged: &Strategy, by: &str) -> Vec<ConfirmedChange> {
        match self.guards() {
            true => confirmed_changes(ours, merged, by),
            false => Vec::new(),
        }
    }

    /// Keeps `held` as a card in `reading` (nothing stored), their version remembered as a
    /// later merge's base; the member's line says so.
    pub(super) fn hold_back(
        &mut self,
        held: HeldBack,
        theirs: crate::model::VersionId,
        mut line: Member,
        reading: &mut FolderReading,
    ) -> Member {
        line.standing = MemberStanding::ConfirmedChanged;
        self.remember(&line.member, KnownVersion { id: theirs, strategy: held.imported.strategy.clone() });
        reading.held_back.push(held);
        line
    }
}

/// Stores the planning section's choice on a held-back version, when the strategy is still the
/// one the card was made against: as `on` says, the confirmed values kept (their version's
/// other changes are taken), or the change taken and the new values confirmed in its name.
pub async fn decide_confirmed<B: Backend>(
    store: &Store<B>,
    held: &HeldBack,
    on: &OnConfirmed,
    now: &str,
) -> Result<Decided, Notice> {
    let current = store.load(&held.ours.id).await.map_err(Notice::Storage)?;
    if current != held.ours {
        return Ok(Decided::Stale);
    }
    let mut result = held.merged.clone();
    on.settle(&mut result, &held.ours, &held.changes, now);
    store.save_merged((&result, &held.ours), &held.imported, Some(&held.by), now).await.map_err(Notice::Storage)?;
    Ok(Decided::Stored)
}
