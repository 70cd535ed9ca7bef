//! A member's file read: fetched from the folder, then opened through the import's checks,
//! with the text its version is named by.

use super::{Read, Refusal, Refused};
use crate::format::{self, Opened};
use crate::model::Id;
use crate::session::stopwatch::Stopwatch;
use crate::storage::{Folder, FolderEntry};

/// Fetches one member's file's bytes; one the folder lists as too large is refused before a
/// byte of it is read.
async fn fetch_file<F: Folder>(folder: &F, entry: &FolderEntry, member: &str) -> Result<Vec<u8>, Refused> {
    let refused = |reason| Refused { file: entry.name.clone(), member: member.to_owned(), reason };
    format::check_size(entry.bytes).map_err(|e| refused(Refusal::File(e)))?;
    folder.read(&entry.name).await.map_err(|e| refused(Refusal::Unreadable(e)))
}

/// Reads one member's file's bytes through the import's checks.
#[allow(clippy::result_large_err)] // reason: one file at a time; a refusal carries the import's error whole
fn open_file(
    bytes: &[u8],
    entry: &FolderEntry,
    member: &str,
    strategy: &Id,
    clock: &impl Stopwatch,
) -> Result<Read, Refused> {
    let file = entry.name.as_str();
    let refused = |reason| Refused { file: file.to_owned(), member: member.to_owned(), reason };
    let opened = clock.timed("shirube:folder-open", || {
        let text = format::text_of(bytes)?;
        format::open_text(text).map(|opened| (opened, text))
    });
    match opened {
        Ok((Opened::Strategy(imported), text)) if imported.strategy.id == *strategy => {
            // A migrated file's text is not the strategy read from it.
            let written = match imported.migrated_from {
                None => format::written_strategy(text),
                Some(_) => None,
            };
            let written = written.map(|(text, fp)| (text.to_owned(), fp));
            Ok(Read { file: file.to_owned(), member: member.to_owned(), bytes: bytes.len(), imported, written })
        }
        Ok((Opened::Strategy(imported), _)) => Err(refused(Refusal::OtherStrategy { found: imported.strategy.id })),
        Ok(_) => Err(refused(Refusal::NotAStrategy)),
        Err(e) => Err(refused(Refusal::File(e))),
    }
}

/// Reads one member's file through the import's checks (fetched, then opened).
pub(super) async fn read_file<F: Folder>(
    folder: &F,
    entry: &FolderEntry,
    member: &str,
    strategy: &Id,
    clock: &impl Stopwatch,
) -> Result<Read, Refused> {
    let bytes = fetch_file(folder, entry, member).await?;
    open_file(&bytes, entry, member, strategy, clock)
}
