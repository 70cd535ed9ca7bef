//! The tops of the members' files (head, author, when written): what a reading decides from
//! before it reads a file whole. A file whose size and time the folder gives as at the last
//! reading is not read again; the others' first bytes are read together, one wait for all.
//!
//! A top names a version, but says nothing of the rest of the file: a file cut after its
//! first KB, or corrupt past its top, still names a version this browser holds. So a file is
//! read whole once at each size and time it is seen with (first seen, after a reload, after any
//! change), through the import's checks, and only then trusted by its top ([`Verified`]); a
//! quiet poll of files unchanged since still reads tops only.

use super::reading::Member;
use super::sync::{FolderSync, SeenTop, Verified};
use crate::format::{self, peek_top, FileTop, TOP_BYTES};
use crate::storage::{Folder, FolderEntry, FolderError};

impl Verified {
    pub(super) fn of(entry: &FolderEntry) -> Verified {
        Verified { file: entry.name.clone(), bytes: entry.bytes, modified: entry.modified }
    }
}

impl FolderSync {
    /// Whether `entry` was read whole and found good at its size and time: its top can then
    /// be trusted for the rest of it.
    pub(super) fn verified(&self, entry: &FolderEntry) -> bool {
        self.verified.contains(&Verified::of(entry))
    }

    /// Forgets the tops and checks of files no longer listed (`own`'s top is kept).
    pub(super) fn forget_gone(&mut self, members: &[Member], own: &str) {
        self.seen.retain(|s| members.iter().any(|m| m.file == s.file) || s.file == own);
        self.verified.retain(|v| members.iter().any(|m| m.file == v.file));
    }

    /// `entry` read whole and found good (as the folder lists it now).
    pub(super) fn mark_verified(&mut self, entry: &FolderEntry) {
        self.verified.retain(|v| v.file != entry.name);
        self.verified.push(Verified::of(entry));
    }

    /// The top of each of `entries`, in order: `Ok(None)` for a file whose first bytes are not a
    /// strategy file's top (read whole later, to say what is wrong with it); nothing read for a
    /// file the folder lists as too large (refused as such).
    pub(super) async fn read_tops<F: Folder>(
        &mut self,
        folder: &F,
        entries: &[&FolderEntry],
    ) -> Vec<Result<Option<FileTop>, FolderError>> {
        let seen = &self.seen;
        let known = |e: &FolderEntry| {
            let modified = e.modified?;
            seen.iter().find(|s| s.file == e.name && s.bytes == e.bytes && s.modified == modified)
        };
        let reads = entries.iter().map(|e| async move {
            match known(e) {
                Some(s) => Ok((Some(s.top.clone()), false)),
                None if format::check_size(e.bytes).is_err() => Ok((None, false)),
                None => folder.read_start(&e.name, TOP_BYTES).await.map(|start| (peek_top(&start), true)),
            }
        });
        let tops = futures_util::future::join_all(reads).await;
        for (e, top) in entries.iter().zip(&tops) {
            if let Ok((top, true)) = top {
                self.seen.retain(|s| s.file != e.name);
                if let (Some(top), Some(modified)) = (top, e.modified) {
                    let top = top.clone();
                    self.seen.push(SeenTop { file: e.name.clone(), bytes: e.bytes, modified, top });
                }
            }
        }
        tops.into_iter().map(|t| t.map(|(top, _)| top)).collect()
    }
}
