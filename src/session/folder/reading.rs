//! What a reading of the shared folder says: each member's line (how they stand), the files
//! that changed nothing and why, the changes taken, the conflicts left to the user.

use crate::format::{FileTop, ImportError, Imported};
use crate::model::merge::edited::Edit;
use crate::model::merge::Merge;
use crate::model::round::ConfirmedChange;
use crate::model::Timestamp;
use crate::model::{Id, Strategy};
use crate::storage::{FolderError, StorageError};
use std::sync::Arc;

/// A member's version held back because it changes confirmed values.
#[derive(Clone, Debug)]
pub struct HeldBack {
    pub file: String,
    /// The member's name (or their member id, when their file gives none).
    pub by: String,
    pub imported: Imported,
    /// This browser's strategy the changes were found against.
    pub ours: Strategy,
    /// What taking their version would store (the merge's result, or their version itself).
    pub merged: Strategy,
    pub changes: Vec<ConfirmedChange>,
}

/// Why a member's file changed nothing.
#[derive(Clone, Debug, PartialEq)]
pub enum FileRefusal {
    /// The folder would not give it (locked, removed meanwhile).
    Unreadable(FolderError),
    /// It fails the import's checks: too large, truncated, not JSON, a newer format …
    File(ImportError),
    /// A Shirube file, but not one strategy (a backup of everything, a region file).
    NotAStrategy,
    /// Its strategy is not the one its name says (`found`: the one it holds).
    OtherStrategy { found: Id },
    /// Its version ids, or the starting version it carries, are not what they say they are.
    BaseMismatch,
}

/// A member's file listed with why it changed nothing.
#[derive(Clone, Debug, PartialEq)]
pub struct RefusedFile {
    pub file: String,
    pub member: String,
    pub reason: FileRefusal,
}

/// How a member stands against this browser after a reading.
#[derive(Clone, Debug, PartialEq)]
pub enum MemberStanding {
    /// Their file holds exactly this browser's version: in step.
    InStep,
    /// This browser holds everything of theirs; they have yet to take what it changed since.
    Behind,
    /// Behind, and their file unchanged for [`AWAY_DAYS`] days or more (someone who left, a
    /// closed PC): not told as "yet to take" for ever.
    Away,
    /// Their changes were taken in this reading.
    Taken,
    /// Their changes conflict with this browser's: the user decides ([`Conflicted`]).
    Conflicts,
    /// Their version changes values the planning section confirmed: held back for it to decide
    /// (`super::HeldBack`).
    ConfirmedChanged,
    /// The merge would not give a valid strategy (a bug): nothing was stored.
    Unmerged,
    /// Their file changed nothing ([`RefusedFile`]).
    Refused,
}

/// After this many days without a write, a member behind is shown as away.
pub const AWAY_DAYS: i64 = 14;

/// A name as a file gives it, bounded (a file may say anything: a million characters made the
/// members table millions of pixels wide).
pub(super) fn bounded_name(name: &str) -> String {
    const MAX: usize = 40;
    match name.char_indices().nth(MAX) {
        Some((cut, _)) => format!("{}…", &name[..cut]),
        None => name.to_owned(),
    }
}

/// Whole days from ISO time `from` to `to` (`None` when either does not read as a date).
pub(super) fn days_between(from: &str, to: &str) -> Option<i64> {
    Some(Timestamp::parse(to)?.days_since(Timestamp::parse(from)?))
}

/// One member's line in the members panel.
#[derive(Clone, Debug, PartialEq)]
pub struct Member {
    pub file: String,
    pub member: String,
    /// The name their file gives (`None`: an older file, a refused one, or one whose author is
    /// not the member its name says).
    pub name: Option<String>,
    /// The section their file says they work in (`None`: it says none).
    pub role: Option<crate::model::Role>,
    /// When they last wrote it (`exported_at`; `None` for a refused file).
    pub written_at: Option<String>,
    /// The id of the version their file holds (`None` for a refused file, or an older file not
    /// read whole).
    pub version: Option<crate::model::VersionId>,
    pub standing: MemberStanding,
    /// What they changed since the version both started from (for a file taken or in
    /// conflict in this reading; empty otherwise).
    pub changes: Vec<Edit>,
}

impl Member {
    pub(super) fn of_top(file: &str, member: &str, top: &FileTop, standing: MemberStanding) -> Member {
        Member {
            file: file.to_owned(),
            member: member.to_owned(),
            // The name only when the file is the member's its name says.
            name: top
                .author
                .as_ref()
                .filter(|a| a.id == member || a.id.is_empty())
                .map(|a| bounded_name(&a.name))
                .filter(|n| !n.is_empty()),
            role: top.author.as_ref().filter(|a| a.id == member || a.id.is_empty()).and_then(|a| a.role.clone()),
            written_at: Some(top.exported_at.clone()).filter(|t| !t.is_empty()),
            version: top.head,
            standing,
            changes: Vec::new(),
        }
    }

    pub(super) fn refused(refused: &RefusedFile) -> Member {
        Member::of_top(&refused.file, &refused.member, &FileTop::default(), MemberStanding::Refused)
    }
}

/// The members panel's groups: the planning section first, then each section in the
/// strategy's order, then the members whose file names no section or one the list no longer
/// holds (`None`); each group's members as they came, empty groups left out.
pub fn by_section<'a>(
    members: &'a [Member],
    s: &crate::model::Strategy,
) -> Vec<(Option<crate::model::Role>, Vec<&'a Member>)> {
    use crate::model::Role;
    let known = |r: &Option<Role>| match r {
        Some(Role::Planning) => true,
        Some(Role::Department(d)) => s.department(d).is_some(),
        None => false,
    };
    let groups = std::iter::once(Some(Role::Planning))
        .chain(s.departments.iter().map(|d| Some(Role::Department(d.id.clone()))))
        .chain([None]);
    groups
        .map(|g| {
            let of: Vec<&Member> =
                members.iter().filter(|m| if g.is_some() { m.role == g } else { !known(&m.role) }).collect();
            (g, of)
        })
        .filter(|(_, of)| !of.is_empty())
        .collect()
}

/// A member's changes taken without a conflict and stored.
#[derive(Clone, Debug, PartialEq)]
pub struct Taken {
    pub file: String,
    /// The person's name (or their member id, when their file gives none).
    pub by: String,
    /// How many of their changes were taken.
    pub changes: usize,
    /// The history's number of the version it replaced: [`undo`] brings it back (`None`
    /// where no history is kept).
    pub undo: Option<u64>,
}

/// A member's file whose merge has conflicts: nothing stored; the cards show `merge`, and the
/// user's choices are stored by [`super::decide`]: a version with both as parents, naming the
/// person, which reaches the member as theirs to take as it is.
#[derive(Clone, Debug)]
pub struct Conflicted {
    pub file: String,
    /// The file's size in bytes (the preview says it, as an import's does).
    pub bytes: usize,
    pub by: String,
    pub imported: Imported,
    pub merge: Arc<Merge>,
    /// Their version is a merge with one of this browser's: they have taken (and decided on)
    /// an earlier version of ours, and the two changed the same place again since.
    pub theirs_took_ours: bool,
}

/// What a reading of the folder found and did.
#[derive(Clone, Debug, Default)]
pub struct FolderReading {
    /// Every member's file of this strategy but this browser's own, by file name.
    pub members: Vec<Member>,
    pub refused: Vec<RefusedFile>,
    pub taken: Vec<Taken>,
    pub conflicts: Vec<Conflicted>,
    /// Versions held back because they change confirmed values (`super::HeldBack`).
    pub held_back: Vec<HeldBack>,
    /// Something was stored (the open strategy is to follow it).
    pub stored: bool,
    /// The last version stored, and its revision (when something was): the open strategy
    /// follows it without reading it back, while it is still the stored one.
    pub head: Option<(crate::model::Strategy, u64)>,
    /// Another tab of this browser stored the strategy while this reading ran: it stopped
    /// before taking the rest (the next reading does).
    pub other_tab: bool,
    /// The own file held a version written by another PC under this member's id (a copied
    /// browser profile): its edits were taken as another member's, and this browser now has a
    /// new member id ([`super::FolderSync::me`]), to be kept; this was the old one.
    pub renamed_from: Option<String>,
}

/// Why a reading or a write could not be done at all.
#[derive(Clone, Debug, PartialEq, thiserror::Error)]
pub enum SyncError {
    /// The folder cannot be listed or the own file written (「共有フォルダに書き込めません」):
    /// the data stays in the browser.
    #[error("{0}")]
    Folder(FolderError),
    #[error("{0}")]
    Storage(StorageError),
    /// The own file would be larger than the others accept (`bytes`, over `format`'s limit):
    /// it is not written; the data stays in the browser.
    #[error("the own file would be {bytes} bytes, over the limit the others read")]
    TooLarge { bytes: usize },
}
