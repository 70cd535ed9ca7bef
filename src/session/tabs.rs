//! Two tabs of one browser on the same strategy. Each tab saves over the stored revision it
//! loaded; a save in between from the other tab is a conflict, never an overwrite. When another
//! tab says it wrote, this one follows it if it has nothing waiting; if it has, the user chooses
//! which version to keep, and the other one stays in the version history. A strategy another
//! tab deleted is never stored again by this one: the user is told at once, and chooses to
//! undo the deletion or keep this tab's content as a new strategy.

use super::Notice;
use crate::model::{Id, Strategy};
use crate::storage::{Backend, BackupReason, StorageError, Store, VersionReason};

/// What this tab does after another tab wrote to storage.
#[derive(Clone, Debug, PartialEq)]
pub enum Follow {
    /// The open strategy was not saved by the other tab (or it is gone): nothing to do.
    Nothing,
    /// It was, and this tab has a change waiting: the user chooses ([`Notice::TabConflict`]).
    Conflict(Notice),
    /// It was, and nothing waits here: the stored version (and its revision) is shown.
    Reload(Box<Strategy>, u64),
    /// It was deleted there ([`Notice::DeletedElsewhere`], with the deletion's backup when
    /// there is one): this tab stops saving it.
    Deleted(Notice),
}

/// Another tab wrote: how the open strategy `id`, loaded or last saved here as revision `base`,
/// stands; `waiting`: this tab has a change not yet saved. `known`: a version this tab stored
/// itself beside the open one (the shared folder's reading), with its revision: when it is still
/// the stored one, it is followed without being read back.
pub async fn follow<B: Backend>(
    store: &Store<B>,
    (id, title): (&Id, &str),
    base: u64,
    waiting: bool,
    known: Option<(Strategy, u64)>,
) -> Result<Follow, StorageError> {
    let stored = store.head(id).await?.revision;
    if stored == base {
        return Ok(Follow::Nothing);
    }
    if stored == 0 && !store.has(id).await? {
        return Ok(Follow::Deleted(deleted_elsewhere(store, id, title, waiting).await));
    }
    if waiting {
        return Ok(Follow::Conflict(conflict(store, id, title).await));
    }
    if let Some((strategy, revision)) = known.filter(|(s, revision)| *revision == stored && s.id == *id) {
        return Ok(Follow::Reload(Box::new(strategy), revision));
    }
    match store.load_current(id).await {
        Ok((fresh, base)) => Ok(Follow::Reload(Box::new(fresh), base)),
        Err(StorageError::NotFound { .. }) => Ok(Follow::Deleted(deleted_elsewhere(store, id, title, waiting).await)),
        Err(e) => Err(e),
    }
}

/// What to tell a tab whose change waits while the stored version moved on: another tab's save,
/// or a member's changes the shared folder's sync took in (named, from the head).
pub async fn conflict<B: Backend>(store: &Store<B>, id: &Id, title: &str) -> Notice {
    let by = store.head(id).await.ok().filter(|h| h.reason == VersionReason::FolderMerged).and_then(|h| h.merged_from);
    Notice::TabConflict { title: title.to_owned(), by }
}

/// What to tell a tab whose strategy `id` was deleted elsewhere: the newest backup the deletion
/// kept (undo), if the backups can be read; `waiting`: whether the tab holds a change not saved.
pub async fn deleted_elsewhere<B: Backend>(store: &Store<B>, id: &Id, title: &str, waiting: bool) -> Notice {
    Notice::DeletedElsewhere { title: title.to_owned(), backup_key: deletion_backup(store, id).await, waiting }
}

/// [`deleted_elsewhere`] for a tab that holds a change not saved.
pub async fn deleted_under_a_change<B: Backend>(store: &Store<B>, id: &Id, title: &str) -> Notice {
    Notice::DeletedElsewhere { title: title.to_owned(), backup_key: deletion_backup(store, id).await, waiting: true }
}

/// The newest backup the deletion of `id` kept, if the backups can be read.
async fn deletion_backup<B: Backend>(store: &Store<B>, id: &Id) -> Option<String> {
    store.backups().await.ok().and_then(|all| {
        all.into_iter().find(|b| &b.strategy_id == id && b.reason == BackupReason::Deleted).map(|b| b.key)
    })
}

/// The user keeps this tab's version over another tab's: the stored revision to save over —
/// unless the strategy was deleted meanwhile, then what to tell instead (keeping it would store
/// the deleted strategy again).
pub async fn base_to_keep_mine<B: Backend>(store: &Store<B>, id: &Id, title: &str) -> Result<u64, Notice> {
    if !store.has(id).await.map_err(Notice::Storage)? {
        return Err(deleted_under_a_change(store, id, title).await);
    }
    store.head(id).await.map(|h| h.revision).map_err(Notice::Storage)
}

/// This tab's content of a strategy deleted elsewhere, kept at the user's choice: a new
/// strategy with ids of its own (the deleted one stays deleted, its backup untouched), titled
/// as a copy.
pub fn kept_as_new(mine: &Strategy, copy_word: &str) -> Strategy {
    let mut copy = mine.duplicate();
    copy.title = format!("{}{copy_word}", mine.title);
    copy
}

/// The user takes the other tab's version: this tab's (`mine`) is kept in the version history
/// first, so it is not lost; then the stored version is what to open, with its revision and the
/// notice. Nothing is changed when keeping `mine` fails.
pub async fn take_theirs<B: Backend>(
    store: &Store<B>,
    mine: &Strategy,
    now: &str,
) -> Result<(Strategy, u64, Notice), Notice> {
    store.keep_as_version(mine, now).await.map_err(Notice::Storage)?;
    let (theirs, base) = store.load_current(&mine.id).await.map_err(Notice::Storage)?;
    Ok((theirs, base, Notice::TookOtherTab { kept: store.keeps_history(), title: mine.title.clone() }))
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use crate::model::merge::edits::town;
    use crate::session::editing::Editing;
    use crate::testing::{memory_store, Wait};

    const NOW: &str = "2026-11-23T09:00:00Z";

    fn retitled(s: &Strategy, title: &str) -> Strategy {
        let mut s = s.clone();
        s.title = title.into();
        s
    }

    /// Two tabs, each an editing session over one store.
    fn two_tabs() -> (Store<std::rc::Rc<crate::storage::MemoryBackend>>, Editing, Editing) {
        let s = town();
        let (_, store) = memory_store(&[&s]);
        let base = store.head(&s.id).wait().unwrap().revision;
        let (mut a, mut b) = (Editing::new(true), Editing::new(true));
        a.open(s.clone(), base);
        b.open(s, base);
        (store, a, b)
    }

    fn save(store: &Store<std::rc::Rc<crate::storage::MemoryBackend>>, tab: &mut Editing) -> Result<u64, StorageError> {
        let rev = tab.autosave_mut().flush().expect("a change waits");
        let job = tab.save_job(rev, NOW).unwrap();
        let result = store.save_prepared_over(job.prepared, NOW, job.base).wait();
        tab.saved(job.revision, result.clone(), NOW);
        result
    }

    fn follow_tab(store: &Store<std::rc::Rc<crate::storage::MemoryBackend>>, tab: &Editing) -> Follow {
        let s = tab.strategy().unwrap();
        follow(store, (&s.id, &s.title), tab.autosave().base(), tab.autosave().is_waiting(), None).wait().unwrap()
    }

    #[test]
    fn a_tab_with_nothing_waiting_follows_the_other_tabs_save() {
        let (store, mut a, mut b) = two_tabs();
        assert_eq!(follow_tab(&store, &b), Follow::Nothing, "nobody saved");
        a.edit(|s| s.title = "Aの編集".into());
        save(&store, &mut a).unwrap();
        let Follow::Reload(fresh, base) = follow_tab(&store, &b) else { panic!("B reloads") };
        assert_eq!(fresh.title, "Aの編集");
        b.reload_keeping_history(*fresh, base);
        b.edit(|s| s.title = "Bの編集".into());
        save(&store, &mut b).expect("B saves over the revision it reloaded");
        assert_eq!(store.load(&a.strategy().unwrap().id).wait().unwrap().title, "Bの編集");
    }

    /// Two tabs editing at nearly the same time: the second save is refused, never silently
    /// overwrites; the user takes the other tab's version and this tab's is kept as a version.
    #[test]
    fn an_edit_on_both_tabs_is_a_conflict_and_taking_theirs_keeps_mine_in_the_history() {
        let (store, mut a, mut b) = two_tabs();
        a.edit(|s| s.title = "Aの編集".into());
        b.edit(|s| s.title = "Bの編集".into());
        save(&store, &mut a).unwrap();
        let refused = save(&store, &mut b);
        assert!(matches!(refused, Err(StorageError::Conflict { .. })), "{refused:?}");
        let id = a.strategy().unwrap().id.clone();
        assert_eq!(store.load(&id).wait().unwrap().title, "Aの編集", "A's save is not overwritten");
        assert!(matches!(follow_tab(&store, &b), Follow::Conflict(Notice::TabConflict { .. })));

        let mine = b.strategy().cloned().unwrap();
        let (theirs, base, notice) = take_theirs(&store, &mine, NOW).wait().unwrap();
        assert_eq!(theirs.title, "Aの編集");
        assert!(matches!(notice, Notice::TookOtherTab { kept: true, .. }));
        b.open(theirs, base);
        let kept = store.versions(&id).wait().unwrap();
        let mut found = false;
        for v in kept {
            found |= store.version(&id, v.seq).wait().is_ok_and(|s| s == retitled(&mine, "Bの編集"));
        }
        assert!(found, "B's version is in the history");
    }

    #[test]
    fn keeping_this_tabs_version_saves_it_over_the_other_tabs() {
        let (store, mut a, mut b) = two_tabs();
        a.edit(|s| s.title = "Aの編集".into());
        b.edit(|s| s.title = "Bの編集".into());
        save(&store, &mut a).unwrap();
        assert!(save(&store, &mut b).is_err());
        let id = b.strategy().unwrap().id.clone();
        b.autosave_mut().rebase(store.head(&id).wait().unwrap().revision);
        save(&store, &mut b).expect("over the other tab's revision now");
        assert_eq!(store.load(&id).wait().unwrap().title, "Bの編集");
    }

    /// Tab A deletes the strategy tab B has open: B is told at once, with the
    /// deletion's backup; B's saves, with or without changes waiting, never store it again;
    /// B's content kept at the user's choice is a new strategy, the deleted one stays deleted.
    #[test]
    fn a_strategy_deleted_in_one_tab_is_never_stored_again_by_the_other() {
        let (store, a, mut b) = two_tabs();
        let id = a.strategy().unwrap().id.clone();
        let backup = store.delete(&id, NOW).wait().unwrap();
        let Follow::Deleted(Notice::DeletedElsewhere { backup_key, waiting, .. }) = follow_tab(&store, &b) else {
            panic!("B is told of the deletion")
        };
        assert_eq!((backup_key, waiting), (Some(backup.key.clone()), false));

        b.edit(|s| s.title = "Bの編集".into());
        let Follow::Deleted(Notice::DeletedElsewhere { waiting, .. }) = follow_tab(&store, &b) else { panic!() };
        assert!(waiting, "B has a change that is not saved");
        let refused = save(&store, &mut b);
        assert_eq!(refused, Err(StorageError::Deleted { id: id.clone() }));
        assert!(!store.has(&id).wait().unwrap(), "the autosave did not bring it back");
        // Nor does "keep this tab's version" (the conflict notice may still be up): it is told.
        let told = base_to_keep_mine(&store, &id, "Bの編集").wait();
        assert!(matches!(told, Err(Notice::DeletedElsewhere { waiting: true, .. })), "{told:?}");
        assert!(store.list().wait().unwrap().is_empty());

        let kept = kept_as_new(b.strategy().unwrap(), "（このタブの内容）");
        assert_ne!(kept.id, id);
        assert_eq!(kept.title, "Bの編集（このタブの内容）");
        store.save(&kept, NOW).wait().unwrap();
        assert!(!store.has(&id).wait().unwrap(), "the deleted one stays deleted");
        assert!(store.backups().wait().unwrap().iter().any(|k| k.key == backup.key), "its backup is still there");
    }

    /// After the deletion is undone (from its backup), the tab follows the stored version again.
    #[test]
    fn a_deletion_undone_elsewhere_is_followed_again() {
        let (store, a, b) = two_tabs();
        let id = a.strategy().unwrap().id.clone();
        let backup = store.delete(&id, NOW).wait().unwrap();
        assert!(matches!(follow_tab(&store, &b), Follow::Deleted(_)));
        store.restore_backup(&backup.key, NOW).wait().unwrap();
        assert!(matches!(follow_tab(&store, &b), Follow::Reload(..)));
    }
}
