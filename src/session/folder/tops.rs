//! The tops of the members' files (head, author, when written): what a reading decides from
//! before it reads a file whole. A file whose size and time the folder gives as at the last
//! reading is not read again; the others' first bytes are read together, one wait for all.

use super::FolderSync;
use crate::format::{self, peek_top, FileTop, TOP_BYTES};
use crate::storage::{Folder, FolderEntry, FolderError};

/// A member file's top as last read, with the size and time it had then.
#[derive(Clone, Debug)]
pub(super) struct SeenTop {
    pub file: String,
    bytes: u64,
    modified: u64,
    top: FileTop,
}

impl FolderSync {
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
