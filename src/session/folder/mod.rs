//! The town hall's shared folder: the rules of syncing a strategy through a folder
//! where each member writes only their own file (`names`: `shirube-<strategy>-<member>.json`)
//! and reads everyone else's, over `storage::Folder` (list, read, write one's own).
//!
//! * Reading ([`FolderSync::read`]): every other member's file of this strategy goes through
//!   the import's checks (`format::open`: size, UTF-8, JSON, envelope, version, shape, the
//!   model's rules); one that fails is listed with its reason ([`RefusedFile`]) and changes nothing;
//!   `*.crswap` leftovers and names that are not members' files are not read. A file whose
//!   strategy this one holds (its version, or one it descends from) is skipped. Otherwise it is
//!   merged with the three-way merge from the newest version both descend from
//!   (`history::MergeRun`): no conflict → a `FolderMerged` version naming the person, staged
//!   and stored with the reading's others in one transaction (`staging`; undone through the
//!   history: [`undo`]); conflicts → returned as the merge's data
//!   ([`Conflicted`]), nothing stored; a merge that changes nothing stores nothing (and, the
//!   content unchanged, nothing is written): polling members reach a fixed point.
//! * Writing ([`FolderSync::write`]): this member's own file, when its content changed since it
//!   was last written ([`write_needed`]; the timers are the page's), with the strategy's lineage
//!   and the newest shared version whole (`Store::member_file`), recorded as a `Synced` version
//!   that thinning may drop.
//! * A browser with nothing stored ([`strategies_in`], [`take_whole`]): the strategy whole from
//!   the most complete member's file, with its lineage, so that later merges find their base.
//! * The members panel ([`Member`]): each member's name, last write, whether they are in step,
//!   and what they changed since the version both started from.
//!
//! Time comes in from the caller (`now`); nothing here touches the browser.

mod confirmed;
#[cfg(all(test, not(target_arch = "wasm32")))]
mod confirmed_tests;
mod decide;
#[cfg(all(test, not(target_arch = "wasm32")))]
mod earlier_build_tests;
mod files;
#[cfg(all(test, not(target_arch = "wasm32")))]
mod history_tests;
mod marks;
mod merging;
mod names;
#[cfg(all(test, not(target_arch = "wasm32")))]
mod proptests;
mod reading;
pub mod schedule;
mod staging;
#[cfg(all(test, not(target_arch = "wasm32")))]
mod staging_tests;
mod sync;
#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests;
mod tops;
mod undo;
mod whole;

pub use confirmed::decide_confirmed;
pub use decide::{decide, Decided};
pub use names::{file_name, is_member_id, name_of, new_member_id, Name};
pub use reading::{
    by_section, Conflicted, FileRefusal, FolderReading, HeldBack, Member, MemberStanding, RefusedFile, SyncError,
    Taken, AWAY_DAYS,
};
pub use sync::{FolderSync, Me};
pub use undo::undo;
pub use whole::{strategies_in, take_whole, InFolder};

use files::read_file;
use merging::At;

use crate::format::{self, MAX_FILE_BYTES};
use crate::model::Id;
use crate::session::stopwatch::{Stopwatch, Untimed};
use crate::storage::{Backend, Folder, FolderEntry, KnownVersion, Staged, StorageError, Store};

impl FolderSync {
    pub fn new(me: Me, strategy: Id) -> FolderSync {
        FolderSync {
            me,
            strategy,
            written: None,
            known: Vec::new(),
            last_taken: Vec::new(),
            seen: Vec::new(),
            verified: Vec::new(),
            bases: Vec::new(),
            staged: Staged::default(),
            staged_bytes: crate::storage::STAGED_BYTES,
            marks: sync::MarksAtHand::default(),
            marker: String::new(),
        }
    }

    /// The own file's name.
    pub fn own_file(&self) -> String {
        file_name(&self.strategy, &self.me.id)
    }

    /// Reads every other member's file of the strategy and takes what can be taken (see the
    /// module doc). The strategy must be stored here (else [`take_whole`] first); a waiting
    /// change of the open strategy is to be saved before (the workbench flushes).
    pub async fn read<B: Backend, F: Folder>(
        &mut self,
        store: &Store<B>,
        folder: &F,
        now: &str,
    ) -> Result<FolderReading, SyncError> {
        self.read_timed(store, folder, now, &Untimed).await
    }

    /// [`FolderSync::read`] with its steps timed on `clock` (for the benchmark, where a step
    /// held the page's thread): the folder's listing "shirube:folder-list", the files' tops
    /// "shirube:folder-tops", the stored strategy's reading "shirube:folder-ancestry", each
    /// file's reading from the folder "shirube:folder-file", its parsing "shirube:folder-open"
    /// and its strategy's text hashed "shirube:folder-hash", each merge begun
    /// "shirube:folder-flatten" and finished "shirube:folder-merge",
    /// its result "shirube:folder-resolve", its flat copies' freeing "shirube:folder-free", each
    /// version staged "shirube:folder-stage", their storing "shirube:folder-store".
    pub async fn read_timed<B: Backend, F: Folder>(
        &mut self,
        store: &Store<B>,
        folder: &F,
        now: &str,
        clock: &impl Stopwatch,
    ) -> Result<FolderReading, SyncError> {
        let entries = clock.timed_wait("shirube:folder-list", folder.list()).await.map_err(SyncError::Folder)?;
        let own = self.own_file();
        let place = store.place(&self.strategy).await.map_err(SyncError::Storage)?;
        let mut reading = FolderReading::default();
        let mut whole = Vec::new();
        self.written = None;
        self.marker = store.marker().await.map_err(SyncError::Storage)?;
        let mut own_entry = None;
        // This strategy's members' files, their tops read together.
        let ours: Vec<(FolderEntry, String)> = entries
            .into_iter()
            .filter_map(|entry| match name_of(&entry.name) {
                Name::Member { strategy, member } if strategy == self.strategy => Some((entry, member)),
                _ => None,
            })
            .collect();
        let listed: Vec<&FolderEntry> = ours.iter().map(|(entry, _)| entry).collect();
        let tops = clock.timed_wait("shirube:folder-tops", self.read_tops(folder, &listed)).await;
        for ((entry, member), top) in ours.into_iter().zip(tops) {
            if let Err(e) = format::check_size(entry.bytes) {
                let refused = RefusedFile { file: entry.name.clone(), member, reason: FileRefusal::File(e) };
                if entry.name != own {
                    reading.members.push(Member::refused(&refused));
                    reading.refused.push(refused);
                }
                continue;
            }
            let top = match top {
                Ok(top) => top,
                Err(e) => {
                    let refused = RefusedFile { file: entry.name.clone(), member, reason: FileRefusal::Unreadable(e) };
                    if entry.name != own {
                        reading.members.push(Member::refused(&refused));
                        reading.refused.push(refused);
                    }
                    continue;
                }
            };
            let head = top.as_ref().and_then(|t| t.head);
            if entry.name == own && head.is_some_and(|h| !place.holds(h)) {
                // A version this browser never wrote nor took, under its own member id: another
                // PC writes there (a copied browser profile). Its edits are taken as another
                // member's, and this browser goes on under a new id, so that its next write
                // does not overwrite them.
                reading.renamed_from = Some(std::mem::replace(&mut self.me.id, new_member_id()));
                // The copied storage holds this browser's marker too: a new one, so that the two
                // PCs' events are never taken for one another's.
                self.marker = store.renew_marker().await.map_err(SyncError::Storage)?;
                whole.push((entry, member));
                continue;
            }
            if entry.name == own {
                // What this member last wrote: the next write is needed when it is not the
                // current version (gone, broken, or older: written again).
                self.written = head;
                own_entry = Some(entry);
                continue;
            }
            // A version held, in a file read whole at this size and time: nothing to read further.
            let verified = self.verified(&entry);
            if let Some(top) = top.filter(|t| verified && t.head.is_some_and(|h| place.holds(h))) {
                let standing = match top.head == place.id {
                    true => MemberStanding::InStep,
                    false => MemberStanding::Behind,
                };
                reading.members.push(Member::of_top(&entry.name, &member, &top, standing));
                continue;
            }
            whole.push((entry, member));
        }
        // The own file's version stays at hand, older ones go.
        let written = self.written;
        self.known.retain(|k| written == Some(k.id));
        self.bases.clear();
        self.marks = sync::MarksAtHand::default();
        self.staged = Staged::holding(self.staged_bytes);
        if !whole.is_empty() {
            let ancestry =
                clock.timed_wait("shirube:folder-ancestry", store.ancestry_from(&self.strategy, place)).await;
            let mut ancestry = ancestry.map_err(SyncError::Storage)?;
            for (entry, member) in whole {
                match read_file(folder, &entry, &member, &self.strategy, clock).await {
                    Ok(read) => {
                        self.mark_verified(&entry);
                        let at = At { store, folder, own_entry: own_entry.as_ref(), now, clock };
                        let line = self.merge_one(&at, &mut ancestry, read, &mut reading).await;
                        match line {
                            Ok(line) => reading.members.push(line),
                            // Another tab of this browser stored the strategy meanwhile (its own
                            // reading, or a save): this reading stops, and nothing of it is
                            // lost; the tab follows the stored version and reads again.
                            Err(SyncError::Storage(StorageError::Conflict { .. })) => {
                                reading.other_tab = true;
                                break;
                            }
                            Err(e) => return Err(e),
                        }
                    }
                    Err(refused) => {
                        reading.members.push(Member::refused(&refused));
                        reading.refused.push(refused);
                    }
                }
            }
            match self.store_staged(store, &mut ancestry, &mut reading, clock).await {
                Err(SyncError::Storage(StorageError::Conflict { .. })) => reading.other_tab = true,
                other => other?,
            }
            // The marks' copies of the last version freed now, not at the next (quiet) poll.
            clock.timed("shirube:folder-free", || self.marks = sync::MarksAtHand::default());
            // In step: said against the version stored after every merge.
            for m in &mut reading.members {
                if m.standing == MemberStanding::Behind && m.version.is_some() && ancestry.place.id == m.version {
                    m.standing = MemberStanding::InStep;
                }
            }
            // (Not after another tab stored meanwhile: what is staged then was never stored.)
            if reading.stored && !reading.other_tab {
                reading.head = Some((ancestry.current.clone(), ancestry.revision()));
            }
        }
        for m in &mut reading.members {
            if m.standing == MemberStanding::Behind
                && m.written_at.as_deref().and_then(|w| reading::days_between(w, now)).is_some_and(|d| d >= AWAY_DAYS)
            {
                m.standing = MemberStanding::Away;
            }
        }
        self.forget_gone(&reading.members, &own);
        crate::sorting::by(&mut reading.members, |a, b| a.file.cmp(&b.file));
        Ok(reading)
    }

    /// Writes the own file when it does not hold the current version; `Ok(false)`: nothing to
    /// write. The page calls it 10–30 s after a save settles and after a merge, and again after
    /// a failure. A file the others would refuse as too large is written without the version
    /// it carries whole, and not at all when it is too large even then.
    pub async fn write<B: Backend, F: Folder>(
        &mut self,
        store: &Store<B>,
        folder: &F,
        now: &str,
    ) -> Result<bool, SyncError> {
        let current = store.current_id(&self.strategy).await.map_err(SyncError::Storage)?;
        if current.is_some() && current == self.written {
            return Ok(false);
        }
        let author = self.me.author();
        let known: Vec<&KnownVersion> = self.known.iter().collect();
        let (mut text, mut ancestry) =
            store.member_file(&self.strategy, now, &author, &known).await.map_err(SyncError::Storage)?;
        if text.len() as u64 > MAX_FILE_BYTES {
            (text, ancestry) =
                store.member_file_without_base(&self.strategy, now, &author).await.map_err(SyncError::Storage)?;
        }
        if text.len() as u64 > MAX_FILE_BYTES {
            return Err(SyncError::TooLarge { bytes: text.len() });
        }
        folder.write(&self.own_file(), text.as_bytes()).await.map_err(SyncError::Folder)?;
        let (id, _) = ancestry.named();
        self.written = Some(id);
        self.known = vec![KnownVersion { id, strategy: ancestry.current }];
        Ok(true)
    }
}
