//! One strategy's sync with a folder as a tab keeps it from one reading to the next
//! ([`FolderSync`]): who this member is ([`Me`]), the files' tops and the files found good, the
//! versions at hand, the marks made. Its work is in the modules beside it, each an `impl`.

use crate::format::{Author, FileTop, Imported};
use crate::model::merge::provenance::{Provenance, Tabled};
use crate::model::{Id, Strategy, VersionId};
use crate::storage::{KnownVersion, Staged};

/// This browser's member: the id made once per browser profile (`names::new_member_id`), the
/// name the person gave and the section they said they work in (kept in the preferences).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Me {
    pub id: String,
    pub name: String,
    pub role: Option<crate::model::Role>,
}

impl Me {
    pub(super) fn author(&self) -> Author {
        Author { id: self.id.clone(), name: self.name.clone(), role: self.role.clone() }
    }
}

/// A member's file of this strategy, read and checked.
pub(super) struct MemberFile {
    pub(super) file: String,
    pub(super) member: String,
    pub(super) bytes: usize,
    pub(super) imported: Imported,
    /// The strategy's JSON as the file holds it, and that text's hash (for a file of the
    /// current format: see `format::written_strategy`).
    pub(super) written: Option<(String, VersionId)>,
}

/// One strategy's sync with a folder, as one browser tab runs it: who this member is, and
/// what the last reading and writing left to remember (the version in the own file and its
/// content, for the next write's base; each file's top as last read).
#[derive(Debug)]
pub struct FolderSync {
    pub me: Me,
    pub strategy: Id,
    /// The id of the version in the own file, as last read or written.
    pub(super) written: Option<VersionId>,
    /// Versions at hand whole: the own file's, as last written or read.
    pub(super) known: Vec<KnownVersion>,
    /// The version last taken from (or met in conflict with) each member, by member id: a
    /// later file of theirs is most likely merged from it. Kept in storage too when taken
    /// (`storage::TakenFrom`, in the batch that stores what was taken), in this tab only when met in conflict (nothing is stored before
    /// the user decides).
    pub(super) last_taken: Vec<(String, KnownVersion)>,
    /// The members' files' tops, as last read.
    pub(super) seen: Vec<SeenTop>,
    /// The members' files read whole and found good (`tops::Verified`).
    pub(super) verified: Vec<Verified>,
    /// The versions found as a merge's base during this reading (read from the history, or
    /// carried by a file), and those it replaced and has not stored yet: most members' files
    /// are merged from the same one.
    pub(super) bases: Vec<KnownVersion>,
    /// The versions this reading took and has not stored yet (stored together).
    pub(super) staged: Staged,
    /// How much text a reading stages before it stores it (`storage::STAGED_BYTES`; less in
    /// tests, to store mid-reading).
    pub(super) staged_bytes: usize,
    /// The marks of the version about to be staged, and of the last one made (`marks`).
    pub(super) marks: MarksAtHand,
    /// This browser's name in the marks of where values were last set (`Store::marker`: one
    /// name on every path that marks, read at each reading).
    pub(super) marker: String,
}

/// A member file's top as last read, with the size and time it had then.
#[derive(Clone, Debug)]
pub(super) struct SeenTop {
    pub file: String,
    pub(super) bytes: u64,
    pub(super) modified: u64,
    pub(super) top: FileTop,
}

/// A member file read whole and found good, at the size and time the folder gave then.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(super) struct Verified {
    pub(super) file: String,
    pub(super) bytes: u64,
    pub(super) modified: Option<u64>,
}

/// The marks a reading made: of the version about to be staged, and of the last version it
/// made, with that version as the marks read it.
#[derive(Debug, Default)]
pub(super) struct MarksAtHand {
    pub(super) to_stage: Option<Provenance>,
    pub(super) last: Option<(Strategy, Tabled, Provenance)>,
}
