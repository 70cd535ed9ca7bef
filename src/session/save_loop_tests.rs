//! The save loop as the page runs it (issue 36), natively: an edit → the quiet moment → a save →
//! another tab's save of the same strategy → this tab's next save refused as a conflict, the
//! user asked which version to keep (`after_save`), and nothing overwritten.

use super::after_save::{after_save, Say};
use super::editing::Editing;
use crate::model::merge::edits::town;
use crate::storage::StorageError;
use crate::testing::{memory_store, Wait};

#[test]
fn another_tabs_save_between_two_of_ours_is_a_conflict_offered_and_overwrites_nothing() {
    let s = town();
    let (_, store) = memory_store(&[&s]);
    let base = store.head(&s.id).wait().unwrap().revision;
    let mut tab = Editing::new(true);
    tab.open(s.clone(), base);

    // An edit, then the quiet moment: the autosave says which revision to save; it is saved.
    let rev = tab.edit(|s| s.title = "一回目".into()).unwrap();
    let due = tab.autosave_mut().quiet(rev).expect("the latest revision is due");
    let job = tab.save_job(due, "t1").unwrap();
    let saved = store.save_prepared_over(job.prepared, "t1", job.base).wait();
    assert!(saved.is_ok(), "{saved:?}");
    assert_eq!(after_save(&saved, false, false, true).say, Say::Nothing);
    assert_eq!(tab.saved(job.revision, saved, "t1"), None, "nothing else waited");
    assert_eq!(store.load(&s.id).wait().unwrap().title, "一回目");

    // Another tab, on the same storage, saves its own version.
    let mut theirs = store.load(&s.id).wait().unwrap();
    theirs.title = "他のタブ".into();
    store.save(&theirs, "t2").wait().unwrap();

    // This tab's next edit and save: refused, the user is asked; the other tab's version stays.
    let rev = tab.edit(|s| s.title = "二回目".into()).unwrap();
    let due = tab.autosave_mut().quiet(rev).unwrap();
    let job = tab.save_job(due, "t3").unwrap();
    let saved = store.save_prepared_over(job.prepared, "t3", job.base).wait();
    assert!(matches!(saved, Err(StorageError::Conflict { .. })), "{saved:?}");
    assert_eq!(after_save(&saved, false, false, true).say, Say::Conflict);
    tab.saved(job.revision, saved, "t3");
    assert!(tab.autosave().in_conflict(), "the change waits for the user's choice");
    assert_eq!(store.load(&s.id).wait().unwrap().title, "他のタブ");
    assert_eq!(tab.strategy().unwrap().title, "二回目", "this tab's change is kept in the page");
}
