//! What a download of one strategy holds. Normally the stored version, with its lineage (which
//! lets another machine's work be merged with it later). Where the open strategy is not what is
//! stored — storage refused or had no room for the latest changes — the file is what the user
//! sees, without lineage: the work is never kept from leaving, and never replaced by an older
//! stored version.

use super::Notice;
use crate::format;
use crate::model::{Id, Strategy};
use crate::storage::{Backend, Store};

/// A strategy file to download: its text and the strategy (for the file's name).
#[derive(Debug)]
pub struct StrategyFile {
    pub text: String,
    pub strategy: Strategy,
    /// It carries its lineage (the stored version was exported and marked shared).
    pub with_lineage: bool,
}

/// The file for strategy `id`; `open`: the open strategy, when it is this one.
pub async fn strategy_file<B: Backend>(
    store: &Store<B>,
    id: &Id,
    open: Option<&Strategy>,
    now: &str,
) -> Result<StrategyFile, Notice> {
    let as_open =
        |s: &Strategy| StrategyFile { text: format::export(s, now), strategy: s.clone(), with_lineage: false };
    match store.export_file(id, now).await {
        Ok((_, stored)) if open.is_some_and(|o| *o != stored) => Ok(as_open(open.unwrap_or(&stored))),
        Ok((text, strategy)) => Ok(StrategyFile { text, strategy, with_lineage: true }),
        Err(e) => open.map(as_open).ok_or(Notice::Storage(e)),
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use crate::model::merge::edits::town;
    use crate::storage::StorageError;
    use crate::testing::{memory_store, Wait};

    const NOW: &str = "2026-11-23T09:00:00Z";

    fn read(text: &str) -> format::Imported {
        format::import(text).unwrap()
    }

    #[test]
    fn the_stored_version_is_downloaded_with_its_lineage() {
        let s = town();
        let (_, store) = memory_store(&[&s]);
        let file = strategy_file(&store, &s.id, Some(&s), NOW).wait().unwrap();
        assert!(file.with_lineage);
        assert_eq!(read(&file.text).strategy, s);
        assert!(read(&file.text).lineage.is_some());
    }

    #[test]
    fn changes_storage_had_no_room_for_are_in_the_file_not_the_older_stored_version() {
        let s = town();
        let (mem, store) = memory_store(&[&s]);
        let mut open = s.clone();
        open.title = "保存できなかった変更".into();
        mem.set_quota(Some(mem.used_bytes()));
        assert!(store.save(&open, NOW).wait().is_err(), "storage is full");
        let file = strategy_file(&store, &s.id, Some(&open), NOW).wait().unwrap();
        assert_eq!(read(&file.text).strategy, open);
        assert!(!file.with_lineage && read(&file.text).lineage.is_none());
    }

    #[test]
    fn a_strategy_storage_cannot_read_is_downloaded_as_open_or_the_failure_said() {
        let s = town();
        let (_, store) = memory_store(&[]);
        let file = strategy_file(&store, &s.id, Some(&s), NOW).wait().unwrap();
        assert_eq!((read(&file.text).strategy, file.with_lineage), (s.clone(), false));
        let refused = strategy_file(&store, &s.id, None, NOW).wait();
        assert!(matches!(refused, Err(Notice::Storage(StorageError::NotFound { .. }))), "{refused:?}");
    }
}
