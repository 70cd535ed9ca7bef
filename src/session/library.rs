//! The library of stored strategies: rename, duplicate, delete (keeping a backup — or, when
//! storage has no room for one, only after the strategy was downloaded), bring back a backup or a
//! kept version, discard a backup. Each action works on the store and says what happened as a
//! [`Notice`]; `Ok` means it happened. The UI runs them, puts the notice into words, reads the
//! lists again and closes or reloads the open strategy. The rules that protect a town's data live
//! here, where `cargo test` reaches them: nothing is deleted without a backup or a downloaded
//! file, and a refused delete changes nothing.

use super::Notice;
use crate::format;
use crate::model::{Id, Strategy};
use crate::storage::{Backend, StorageError, Store};

/// Renames a stored strategy (not the open one: that is an edit, with undo).
pub async fn rename<B: Backend>(store: &Store<B>, id: &Id, title: String, now: &str) -> Result<(), Notice> {
    let mut s = store.load(id).await.map_err(Notice::Storage)?;
    s.title = title;
    store.save(&s, now).await.map_err(Notice::Storage)
}

/// Stores a copy of a strategy under new ids, its title followed by `suffix` (「（コピー）」).
pub async fn duplicate<B: Backend>(store: &Store<B>, id: &Id, suffix: &str, now: &str) -> Result<Strategy, Notice> {
    let original = store.load(id).await.map_err(Notice::Storage)?;
    let mut copy = original.duplicate();
    copy.title = format!("{}{}", original.title, suffix);
    store.save(&copy, now).await.map_err(Notice::Storage)?;
    Ok(copy)
}

/// Deletes a strategy, keeping a backup (the notice offers undo). With no room for the backup,
/// nothing is deleted and the notice offers to download it first ([`export_then_delete`]).
pub async fn delete<B: Backend>(store: &Store<B>, id: &Id, now: &str) -> Result<Notice, Notice> {
    match store.delete(id, now).await {
        Ok(backup) => Ok(Notice::Deleted { title: backup.title, backup_key: backup.key }),
        Err(StorageError::QuotaExceeded { .. }) => {
            // The title from the list's index: the strategy itself may be large.
            let listed = store.list().await.unwrap_or_default();
            let title = listed.into_iter().find(|s| &s.id == id).map(|s| s.title).unwrap_or_default();
            Err(Notice::DeleteNeedsRoom { id: id.clone(), title })
        }
        Err(e) => Err(Notice::Storage(e)),
    }
}

/// With storage too full for a backup: downloads the strategy as a file (`download` returns its
/// name), then deletes it without a backup — the file is how it comes back. `open`: the open
/// strategy when it is this one (its changes that storage had no room for go into the file).
/// Nothing is deleted if it could not be read or downloaded.
pub async fn export_then_delete<B: Backend>(
    store: &Store<B>,
    id: &Id,
    open: Option<Strategy>,
    download: impl FnOnce(&Strategy) -> Result<String, String>,
) -> Result<Notice, Notice> {
    let s = match open {
        Some(s) => s,
        None => store.load(id).await.map_err(Notice::Storage)?,
    };
    let file = download(&s).map_err(Notice::Download)?;
    store.delete_without_backup(id).await.map_err(Notice::Storage)?;
    Ok(Notice::DeletedAfterExport { title: s.title, file })
}

/// Brings a backup back (the live version, if any, is backed up first); `Ok` has the strategy,
/// for the UI to reload it if it is open.
pub async fn restore<B: Backend>(store: &Store<B>, backup_key: &str, now: &str) -> Result<(Notice, Strategy), Notice> {
    let s = store.restore_backup(backup_key, now).await.map_err(Notice::Storage)?;
    Ok((Notice::Restored { title: s.title.clone() }, s))
}

/// Brings a kept version back as the current one (the version it replaces stays in the
/// history, so this can be undone the same way).
pub async fn restore_version<B: Backend>(
    store: &Store<B>,
    id: &Id,
    seq: u64,
    now: &str,
) -> Result<(Notice, Strategy), Notice> {
    let s = store.restore_version(id, seq, now).await.map_err(Notice::Storage)?;
    Ok((Notice::Restored { title: s.title.clone() }, s))
}

/// Deletes a backup for good.
pub async fn discard_backup<B: Backend>(store: &Store<B>, key: &str) -> Result<(), Notice> {
    store.discard_backup(key).await.map_err(Notice::Storage)
}

/// What opening a bundled example does.
#[derive(Debug, PartialEq)]
#[allow(clippy::large_enum_variant)] // reason: one at a time, moved on at once
pub enum ExampleOpened {
    /// A strategy with the example's id is stored here: it is opened as it is (never stored
    /// again over the town's edits of it).
    Stored(Id),
    /// Not stored yet: stored as the example's file holds it, then opened.
    New(Strategy),
}

/// Reads an example's file and says what opening it does: whether it is stored is asked of the
/// store, not of the list on screen (the list may not be read yet when the page has just started:
/// a click then stored the example again). The examples are the app's own files, of this or an
/// older version: they are read the way storage reads its own text (`format::read_quietly`,
/// migrations included, timed as "shirube:import"), not through the import's chain, whose
/// path-tracking reader and readers of backups and regions would otherwise come with every first
/// strategy opened (the dashboard visit). A file that is not one readable strategy is
/// refused (a build that shipped a broken example: `examples`' tests read every one).
pub async fn open_example<B: Backend>(
    store: &Store<B>,
    file: &str,
    bytes: &[u8],
    clock: &impl super::stopwatch::Stopwatch,
) -> Result<ExampleOpened, Notice> {
    let text = std::str::from_utf8(bytes).unwrap_or_default();
    let unreadable = || {
        let problem = format::EnvelopeProblem::WrongFormat { found: format::format_name(text).unwrap_or_default() };
        Notice::ImportFailed {
            file: file.to_owned(),
            error: format::ImportError::NotAnEnvelope { path: "format".into(), problem },
        }
    };
    let read = clock.timed("shirube:import", || format::read_quietly(text)).ok_or_else(unreadable)?;
    if store.load(&read.strategy.id).await.is_ok() {
        Ok(ExampleOpened::Stored(read.strategy.id))
    } else {
        Ok(ExampleOpened::New(read.strategy))
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use crate::model::{template, FiscalYear, PlanPeriod};
    use crate::storage::MemoryBackend;
    use crate::testing::{memory_store, Wait};
    use std::rc::Rc;

    fn town(title: &str) -> Strategy {
        template::from_second_period(title, "しるべ町", PlanPeriod { first: FiscalYear(2025), last: FiscalYear(2029) })
    }

    fn titles(store: &Store<Rc<MemoryBackend>>) -> Vec<String> {
        store.list().wait().unwrap().into_iter().map(|s| s.title).collect()
    }

    #[test]
    fn a_delete_keeps_a_backup_that_brings_it_back() {
        let s = town("第3期総合戦略");
        let (_, store) = memory_store(&[&s]);
        let Ok(Notice::Deleted { title, backup_key }) = delete(&store, &s.id, "2026-11-02").wait() else {
            panic!("not deleted")
        };
        assert_eq!(title, "第3期総合戦略");
        assert!(titles(&store).is_empty());
        let (notice, back) = restore(&store, &backup_key, "2026-11-03").wait().unwrap();
        assert_eq!(notice, Notice::Restored { title: "第3期総合戦略".into() });
        assert_eq!(back, s);
        assert_eq!(titles(&store), ["第3期総合戦略"]);
    }

    #[test]
    fn with_no_room_for_the_backup_nothing_is_deleted_and_a_download_is_offered() {
        let s = town("第3期総合戦略");
        let (mem, store) = memory_store(&[&s]);
        mem.set_quota(Some(mem.used_bytes() + 10));
        assert_eq!(
            delete(&store, &s.id, "2026-11-02").wait(),
            Err(Notice::DeleteNeedsRoom { id: s.id.clone(), title: "第3期総合戦略".into() })
        );
        assert_eq!(store.load(&s.id).wait().unwrap(), s);
    }

    #[test]
    fn deleted_without_a_backup_only_after_the_download() {
        let s = town("第3期総合戦略");
        let (mem, store) = memory_store(&[&s]);
        mem.set_quota(Some(mem.used_bytes() + 10));
        let refused = export_then_delete(&store, &s.id, None, |_| Err("ダウンロードできません".into())).wait();
        assert_eq!(refused, Err(Notice::Download("ダウンロードできません".into())));
        assert_eq!(titles(&store), ["第3期総合戦略"]);

        // The open strategy's unsaved change goes into the file.
        let mut open = s.clone();
        open.title = "第3期総合戦略（未保存の変更）".into();
        let mut downloaded = None;
        let done = export_then_delete(&store, &s.id, Some(open), |x| {
            downloaded = Some(x.title.clone());
            Ok("しるべ町.shirube.json".into())
        })
        .wait();
        assert_eq!(
            done,
            Ok(Notice::DeletedAfterExport {
                title: "第3期総合戦略（未保存の変更）".into(),
                file: "しるべ町.shirube.json".into()
            })
        );
        assert_eq!(downloaded.as_deref(), Some("第3期総合戦略（未保存の変更）"));
        assert!(titles(&store).is_empty());
        assert!(store.backups().wait().unwrap().is_empty());
    }

    #[test]
    fn a_duplicate_is_a_new_strategy_with_the_suffix_and_the_original_stays() {
        let s = town("第3期総合戦略");
        let (_, store) = memory_store(&[&s]);
        let copy = duplicate(&store, &s.id, "（コピー）", "2026-11-02").wait().unwrap();
        assert_ne!(copy.id, s.id);
        assert_eq!(copy.goals.len(), s.goals.len());
        assert!(copy.goals.iter().zip(&s.goals).all(|(a, b)| a.id != b.id && a.title == b.title));
        let mut listed = titles(&store);
        listed.sort();
        assert_eq!(listed, ["第3期総合戦略", "第3期総合戦略（コピー）"]);
        assert_eq!(store.load(&s.id).wait().unwrap(), s);
    }

    #[test]
    fn a_rename_of_a_stored_strategy_and_a_refused_one() {
        let s = town("第3期総合戦略");
        let (mem, store) = memory_store(&[&s]);
        rename(&store, &s.id, "第3期しるべ町総合戦略".into(), "2026-11-02").wait().unwrap();
        assert_eq!(titles(&store), ["第3期しるべ町総合戦略"]);
        mem.set_quota(Some(mem.used_bytes()));
        let refused = rename(&store, &s.id, "もっと長い名前の第3期しるべ町総合戦略".into(), "2026-11-03").wait();
        assert!(matches!(refused, Err(Notice::Storage(StorageError::QuotaExceeded { .. }))), "{refused:?}");
        assert_eq!(titles(&store), ["第3期しるべ町総合戦略"]);
    }

    #[test]
    fn discarding_a_backup_that_is_not_there_says_so() {
        let (_, store) = memory_store(&[]);
        assert!(matches!(discard_backup(&store, "shirube/v1/backup/none").wait(), Err(Notice::Storage(_))));
    }

    #[test]
    fn an_example_is_stored_once_and_opened_as_it_is_after_that() {
        use crate::session::stopwatch::Untimed;
        let example = crate::examples::by_key("hokuto").expect("the 北斗市 example");
        let (_, store) = memory_store(&[]);
        let Ok(ExampleOpened::New(strategy)) =
            open_example(&store, example.path, example.file.as_bytes(), &Untimed).wait()
        else {
            panic!("a new example is stored")
        };
        assert_eq!(strategy, example.load().unwrap());
        // Stored, then edited by the town: opening the example again opens that, changing nothing.
        let mut edited = strategy.clone();
        edited.title = "町の編集".into();
        store.save(&edited, "t1").wait().unwrap();
        let again = open_example(&store, example.path, example.file.as_bytes(), &Untimed).wait();
        assert_eq!(again, Ok(ExampleOpened::Stored(strategy.id.clone())));
        assert_eq!(store.load(&strategy.id).wait().unwrap().title, "町の編集");
        // Not a strategy file: refused with what it is.
        let backup = crate::format::export_everything(&[], &[], &[], "t");
        let refused = open_example(&store, "x.json", backup.as_bytes(), &Untimed).wait();
        assert!(
            matches!(&refused, Err(Notice::ImportFailed { error: format::ImportError::NotAnEnvelope { problem: format::EnvelopeProblem::WrongFormat { found }, .. }, .. }) if found == format::BACKUP_FORMAT_NAME),
            "{refused:?}"
        );
        assert!(matches!(open_example(&store, "x.json", b"", &Untimed).wait(), Err(Notice::ImportFailed { .. })));
    }
}
