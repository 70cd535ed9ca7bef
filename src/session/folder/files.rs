//! A member's file read through the import's checks, with the text its version is named by.

use super::reading::{FileRefusal, RefusedFile};
use super::sync::MemberFile;
use crate::format::{self, Opened};
use crate::model::Id;
use crate::session::stopwatch::Stopwatch;
use crate::storage::{Folder, FolderEntry};

/// Reads one member's file through the import's checks; one the folder lists as too large is
/// refused before a byte of it is read.
pub(super) async fn read_file<F: Folder>(
    folder: &F,
    entry: &FolderEntry,
    member: &str,
    strategy: &Id,
    clock: &impl Stopwatch,
) -> Result<MemberFile, RefusedFile> {
    let file = entry.name.as_str();
    let refused = |reason| RefusedFile { file: file.to_owned(), member: member.to_owned(), reason };
    format::check_size(entry.bytes).map_err(|e| refused(FileRefusal::File(e)))?;
    let bytes = clock
        .timed_wait("shirube:folder-file", folder.read(file))
        .await
        .map_err(|e| refused(FileRefusal::Unreadable(e)))?;
    // The text checked as UTF-8 once: the file is opened from it, and its version named by it.
    let opened = clock.timed("shirube:folder-open", || {
        let text = format::text_of(&bytes)?;
        format::open_text(text).map(|opened| (opened, text))
    });
    match opened {
        Ok((Opened::Strategy(imported), text)) if imported.strategy.id == *strategy => {
            // The strategy's text hashed in a task of its own (for a large strategy, a long step
            // after its parse).
            clock.yield_now().await;
            // A migrated file's text is not the strategy read from it.
            let written = clock.timed("shirube:folder-hash", || match imported.migrated_from {
                None => format::written_strategy(text).map(|(text, fp)| (text.to_owned(), fp)),
                Some(_) => None,
            });
            Ok(MemberFile { file: file.to_owned(), member: member.to_owned(), bytes: bytes.len(), imported, written })
        }
        Ok((Opened::Strategy(imported), _)) => Err(refused(FileRefusal::OtherStrategy { found: imported.strategy.id })),
        Ok(_) => Err(refused(FileRefusal::NotAStrategy)),
        Err(e) => Err(refused(FileRefusal::File(e))),
    }
}
