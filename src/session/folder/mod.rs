//! The town hall's shared folder (issue 46): the rules of syncing a strategy through a folder
//! where each member writes only their own file (`names`: `shirube-<strategy>-<member>.json`)
//! and reads everyone else's, over `storage::Folder` (list, read, write one's own).
//!
//! * Reading ([`FolderSync::read`]): every other member's file of this strategy goes through
//!   the import's checks (`format::open`: size, UTF-8, JSON, envelope, version, shape, the
//!   model's rules); one that fails is listed with its reason ([`Refused`]) and changes nothing;
//!   `*.crswap` leftovers and names that are not members' files are not read. A file whose
//!   strategy this one holds (its version, or one it descends from) is skipped. Otherwise it is
//!   merged with the three-way merge from the newest version both descend from
//!   (`Store::folder_base`): no conflict → stored as a `FolderMerged` version naming the person
//!   (undone through the history: [`undo`]); conflicts → returned as the merge's data
//!   ([`Conflicted`]), nothing stored; a merge that changes nothing stores nothing (and, the
//!   content unchanged, nothing is written): polling members reach a fixed point.
//! * Writing ([`FolderSync::write`]): this member's own file, when its content changed since it
//!   was last written ([`write_needed`]; the timers are the page's), with the strategy's lineage
//!   and the newest shared version whole (`Store::shared_file`), recorded as a `Synced` version
//!   that thinning may drop.
//! * A browser with nothing stored ([`strategies_in`], [`take_whole`]): the strategy whole from
//!   the most complete member's file, with its lineage, so that later merges find their base.
//! * The members panel ([`Member`]): each member's name, last write, whether they are in step,
//!   and what they changed since the version both started from.
//!
//! Time comes in from the caller (`now`); nothing here touches the browser.

mod names;
#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests;
mod whole;

pub use names::{file_name, is_member_id, name_of, new_member_id, Name};
pub use whole::{strategies_in, take_whole, InFolder};

use crate::format::{self, fingerprint, Author, Fingerprinted, ImportError, Imported, Opened};
use crate::model::merge::edited::{summary, Edit};
use crate::model::merge::{merge, Change, ChangeKind, Merge, Version as MergeVersion};
use crate::model::{Id, Strategy};
use crate::session::stopwatch::{Stopwatch, Untimed};
use crate::storage::{Ancestry, Backend, Folder, FolderEntry, FolderError, StorageError, Store};
use std::sync::Arc;

/// This browser's member: the id made once per browser profile ([`new_member_id`]) and the
/// name the person gave (kept in the preferences).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Me {
    pub id: String,
    pub name: String,
}

impl Me {
    fn author(&self) -> Author {
        Author { id: self.id.clone(), name: self.name.clone() }
    }
}

/// Why a member's file changed nothing.
#[derive(Clone, Debug, PartialEq)]
pub enum Refusal {
    /// The folder would not give it (locked, removed meanwhile).
    Unreadable(FolderError),
    /// It fails the import's checks: too large, truncated, not JSON, a newer format …
    File(ImportError),
    /// A Shirube file, but not one strategy (a backup of everything, a region file).
    NotAStrategy,
    /// Its strategy is not the one its name says (`found`: the one it holds).
    OtherStrategy { found: Id },
    /// It carries a starting version that is not what it says it is.
    BaseMismatch,
}

/// A member's file listed with why it changed nothing.
#[derive(Clone, Debug, PartialEq)]
pub struct Refused {
    pub file: String,
    pub member: String,
    pub reason: Refusal,
}

/// How a member stands against this browser after a reading.
#[derive(Clone, Debug, PartialEq)]
pub enum Standing {
    /// Their file holds exactly this browser's version: in step.
    InStep,
    /// This browser holds everything of theirs; they have yet to take what it changed since.
    Behind,
    /// Their changes were taken in this reading (stored, or already here).
    Taken,
    /// Their changes conflict with this browser's: the user decides ([`Conflicted`]).
    Conflicts,
    /// Neither side has a version both descend from: nothing can be merged.
    NoCommonVersion,
    /// Their file changed nothing ([`Refused`]).
    Refused,
}

/// One member's line in the members panel.
#[derive(Clone, Debug, PartialEq)]
pub struct Member {
    pub file: String,
    pub member: String,
    /// The name their file gives (empty when it gives none: an older file, or a refused one).
    pub name: String,
    /// When they last wrote it (`exported_at`; empty for a refused file).
    pub written_at: String,
    /// The fingerprint of the strategy their file holds (empty for a refused file).
    pub fingerprint: String,
    pub standing: Standing,
    /// What they changed since the version both started from (for a file merged or in
    /// conflict in this reading; empty otherwise).
    pub changes: Vec<Edit>,
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
/// user's choices are stored as an import's merge (`session::import::confirm` with
/// `Choice::Merge`, the file as `imported`).
#[derive(Clone, Debug)]
pub struct Conflicted {
    pub file: String,
    /// The file's size in bytes (the preview says it, as an import's does).
    pub bytes: usize,
    pub by: String,
    pub imported: Imported,
    pub merge: Arc<Merge>,
}

/// What a reading of the folder found and did.
#[derive(Clone, Debug, Default)]
pub struct Reading {
    /// Every member's file of this strategy but this browser's own, by file name.
    pub members: Vec<Member>,
    pub refused: Vec<Refused>,
    pub taken: Vec<Taken>,
    pub conflicts: Vec<Conflicted>,
    /// Something was stored (the open strategy is to be read again).
    pub stored: bool,
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
}

/// A member's file of this strategy, read and checked.
struct Read {
    file: String,
    member: String,
    bytes: usize,
    imported: Imported,
}

/// Whether the own file is to be written: the strategy's content (`current`, its fingerprint)
/// is not what was last written (`written`, the fingerprint of the strategy in the own file;
/// `None`: none is there).
pub fn write_needed(current: &str, written: Option<&str>) -> bool {
    written != Some(current)
}

/// One strategy's sync with a folder, as one browser tab runs it: who this member is, and
/// what the last reading and writing left to remember (the own file's content and the
/// versions at hand whole for the next write's base; the files whose merge changed nothing).
#[derive(Debug)]
pub struct FolderSync {
    pub me: Me,
    pub strategy: Id,
    /// The fingerprint of the strategy in the own file, as last read or written.
    written: Option<String>,
    /// Strategies at hand whole: the own file's, and those merged in the last reading.
    known: Vec<Fingerprinted>,
    /// Those merged in the reading under way (they join `known` when it ends).
    merged_in: Vec<Fingerprinted>,
    /// (file, its strategy's fingerprint, this strategy's fingerprint) merged to no change.
    settled: Vec<(String, String, String)>,
}

impl FolderSync {
    pub fn new(me: Me, strategy: Id) -> FolderSync {
        FolderSync { me, strategy, written: None, known: Vec::new(), merged_in: Vec::new(), settled: Vec::new() }
    }

    /// The own file's name.
    pub fn own_file(&self) -> String {
        file_name(&self.strategy, &self.me.id)
    }

    /// Reads every other member's file of the strategy and merges what can be merged (see the
    /// module doc). The strategy must be stored here (else [`take_whole`] first); a waiting
    /// change of the open strategy is to be saved before (the workbench flushes).
    pub async fn read<B: Backend, F: Folder>(
        &mut self,
        store: &Store<B>,
        folder: &F,
        now: &str,
    ) -> Result<Reading, SyncError> {
        self.read_timed(store, folder, now, &Untimed).await
    }

    /// [`FolderSync::read`] with its steps timed on `clock` (for the benchmark, where a step
    /// held the page's thread): each file's reading "shirube:folder-open", each merge
    /// "shirube:folder-merge", each merge's result "shirube:folder-resolve".
    pub async fn read_timed<B: Backend, F: Folder>(
        &mut self,
        store: &Store<B>,
        folder: &F,
        now: &str,
        clock: &impl Stopwatch,
    ) -> Result<Reading, SyncError> {
        let entries = folder.list().await.map_err(SyncError::Folder)?;
        let own = self.own_file();
        let mut reading = Reading::default();
        let mut files = Vec::new();
        // The own file as the folder holds it now (gone or broken: written again).
        self.written = None;
        self.known.clear();
        self.merged_in.clear();
        for entry in entries {
            let Name::Member { strategy, member } = name_of(&entry.name) else { continue };
            if strategy != self.strategy {
                continue;
            }
            if entry.name == own {
                // What this member last wrote: the next write's base may be it.
                if let Ok(Read { imported, .. }) = read_file(folder, &entry, &member, &self.strategy, clock).await {
                    let own = Fingerprinted::of(imported.strategy);
                    self.written = Some(own.fingerprint.clone());
                    self.known.push(own);
                }
                continue;
            }
            match read_file(folder, &entry, &member, &self.strategy, clock).await {
                Ok(read) => files.push(read),
                Err(refused) => {
                    reading.members.push(Member {
                        file: refused.file.clone(),
                        member: refused.member.clone(),
                        name: String::new(),
                        written_at: String::new(),
                        fingerprint: String::new(),
                        standing: Standing::Refused,
                        changes: Vec::new(),
                    });
                    reading.refused.push(refused);
                }
            }
        }
        for read in files {
            let ancestry = store.ancestry(&self.strategy).await.map_err(SyncError::Storage)?;
            let line = self.merge_one(store, &ancestry, read, now, &mut reading, clock).await?;
            reading.members.push(line);
        }
        self.known.append(&mut self.merged_in);
        // In step or behind: said against the version stored after every merge.
        let current = store.ancestry(&self.strategy).await.map_err(SyncError::Storage)?;
        for m in &mut reading.members {
            if m.standing != Standing::Refused && m.fingerprint == current.holds[0] {
                m.standing = Standing::InStep;
            }
        }
        crate::sorting::by(&mut reading.members, |a, b| a.file.cmp(&b.file));
        Ok(reading)
    }

    /// One member's file against the stored strategy: its line in the panel.
    async fn merge_one<B: Backend>(
        &mut self,
        store: &Store<B>,
        ancestry: &Ancestry,
        read: Read,
        now: &str,
        reading: &mut Reading,
        clock: &impl Stopwatch,
    ) -> Result<Member, SyncError> {
        let Read { file, member, bytes, imported } = read;
        let by = imported.author.as_ref().map(|a| a.name.clone()).filter(|n| !n.is_empty()).unwrap_or(member.clone());
        // Each long step (the stored version read and fingerprinted, this file's fingerprints,
        // the base read, the merge, its result) in a task of its own.
        clock.breathe().await;
        let theirs = fingerprint(&imported.strategy);
        let mut line = Member {
            file: file.clone(),
            member,
            name: imported.author.as_ref().map(|a| a.name.clone()).unwrap_or_default(),
            written_at: imported.exported_at.clone(),
            fingerprint: theirs.clone(),
            standing: Standing::Behind,
            changes: Vec::new(),
        };
        let ours = &ancestry.holds[0];
        if theirs == *ours {
            line.standing = Standing::InStep;
            return Ok(line);
        }
        if ancestry.holds(&theirs) {
            return Ok(line);
        }
        // Merged before to no change, and neither side changed since.
        if self.settled.iter().any(|(f, t, o)| *f == file && *t == theirs && o == ours) {
            line.standing = Standing::Taken;
            return Ok(line);
        }
        let carried = match imported.lineage.as_ref().map(|l| l.checked_base(&imported.strategy)) {
            Some(Err(_)) => {
                line.standing = Standing::Refused;
                reading.refused.push(Refused { file, member: line.member.clone(), reason: Refusal::BaseMismatch });
                return Ok(line);
            }
            Some(Ok(carried)) => carried,
            None => None,
        };
        let known: Vec<&Fingerprinted> = self.known.iter().collect();
        let found = store.folder_base(ancestry, &imported, &theirs, carried, &known).await;
        let Some(base) = found.map_err(SyncError::Storage)? else {
            line.standing = Standing::NoCommonVersion;
            return Ok(line);
        };
        clock.breathe().await;
        let m = clock.timed("shirube:folder-merge", || merge(&base, &ancestry.current, &imported.strategy));
        let mut theirs_changes = m.taken.clone();
        for c in &m.conflicts {
            match &c.theirs {
                MergeVersion::Edited(changes) => theirs_changes.extend(changes.iter().cloned()),
                MergeVersion::Value(_) => theirs_changes.push(Change {
                    entity: c.entity.clone(),
                    field: c.field.clone(),
                    kind: ChangeKind::Changed,
                }),
                MergeVersion::Absent | MergeVersion::Present => {}
            }
        }
        line.changes = summary(&theirs_changes);
        if !m.conflicts.is_empty() {
            line.standing = Standing::Conflicts;
            reading.conflicts.push(Conflicted { file, bytes, by, imported, merge: Arc::new(m) });
            return Ok(line);
        }
        line.standing = Standing::Taken;
        clock.breathe().await;
        let merged = match clock.timed("shirube:folder-resolve", || m.resolve(&[])) {
            Ok(merged) => merged,
            Err(_) => {
                // The merge does not give a valid strategy (a bug): nothing is stored.
                line.standing = Standing::NoCommonVersion;
                return Ok(line);
            }
        };
        if merged == ancestry.current {
            self.settled.retain(|(f, ..)| *f != file);
            self.settled.push((file, theirs, ours.clone()));
            return Ok(line);
        }
        let undo = store
            .save_folder_merge(&merged, &imported, &theirs, &by, ancestry.revision, now)
            .await
            .map_err(SyncError::Storage)?;
        reading.stored = true;
        reading.taken.push(Taken { file, by, changes: m.taken.len(), undo });
        self.merged_in.push(Fingerprinted { fingerprint: theirs, strategy: imported.strategy });
        Ok(line)
    }

    /// Writes the own file when the stored strategy's content is not what it holds
    /// ([`write_needed`]); `Ok(false)`: nothing to write. The page calls it 10–30 s after a
    /// save settles and after a merge, and again after a failure.
    pub async fn write<B: Backend, F: Folder>(
        &mut self,
        store: &Store<B>,
        folder: &F,
        now: &str,
    ) -> Result<bool, SyncError> {
        let current = store.load(&self.strategy).await.map_err(SyncError::Storage)?;
        if !write_needed(&fingerprint(&current), self.written.as_deref()) {
            return Ok(false);
        }
        let known: Vec<&Fingerprinted> = self.known.iter().collect();
        let (text, written) =
            store.shared_file(&self.strategy, now, &self.me.author(), &known).await.map_err(SyncError::Storage)?;
        folder.write(&self.own_file(), text.as_bytes()).await.map_err(SyncError::Folder)?;
        let written = Fingerprinted::of(written);
        self.written = Some(written.fingerprint.clone());
        self.known = vec![written];
        Ok(true)
    }
}

/// Reads one member's file through the import's checks; one the folder lists as too large is
/// refused before a byte of it is read.
async fn read_file<F: Folder>(
    folder: &F,
    entry: &FolderEntry,
    member: &str,
    strategy: &Id,
    clock: &impl Stopwatch,
) -> Result<Read, Refused> {
    let file = entry.name.as_str();
    let refused = |reason| Refused { file: file.to_owned(), member: member.to_owned(), reason };
    format::check_size(entry.bytes).map_err(|e| refused(Refusal::File(e)))?;
    let bytes = folder.read(file).await.map_err(|e| refused(Refusal::Unreadable(e)))?;
    match clock.timed("shirube:folder-open", || format::open(&bytes)) {
        Ok(Opened::Strategy(imported)) if imported.strategy.id == *strategy => {
            Ok(Read { file: file.to_owned(), member: member.to_owned(), bytes: bytes.len(), imported })
        }
        Ok(Opened::Strategy(imported)) => Err(refused(Refusal::OtherStrategy { found: imported.strategy.id })),
        Ok(_) => Err(refused(Refusal::NotAStrategy)),
        Err(e) => Err(refused(Refusal::File(e))),
    }
}

/// Undoes a folder merge ([`Taken::undo`]): the version before it becomes the current one, as
/// a change made here (the member's file is not merged in again). The others do NOT receive it
/// when the content it brings back is one they already hold: a fingerprint names a content, not
/// a version, so a file going back to an earlier content reads as behind (the app offers no
/// undo of a folder merge for this reason; known limit, issue 46's closing note).
pub async fn undo<B: Backend>(store: &Store<B>, strategy: &Id, seq: u64, now: &str) -> Result<Strategy, StorageError> {
    store.undo_folder_merge(strategy, seq, now).await
}
