//! The workbench's actions against the in-memory backend: what only the page's e2e
//! tests reached before — the save loop with another tab (edit → quiet → save → another tab's
//! save → a conflict offered, nothing overwritten; once `session/save_loop_tests.rs`, which
//! drove `Editing` and the store by hand), a change flushed before an import
//! compares or a delete backs up, an example already stored, a region file picked where a
//! strategy was expected — and, for each action, that the lists it says it touched cover every
//! list it changed.

use super::*;
use crate::format::{export, export_region, Saved};
use crate::model::merge::edits::town;
use crate::model::Strategy;
use crate::session::lists::{read_more, Lists};
use crate::session::preview::{Picked, Preview};
use crate::session::stopwatch::Untimed;
use crate::storage::{BackendKind, MemoryBackend, Store, VersionReason};
use crate::testing::{Posing, Wait};

const NOW: &str = "2026-11-25T09:00:00Z";

fn clock() -> Clock {
    Clock { now: || NOW.to_owned(), pause: |_| Box::pin(std::future::ready(())) }
}

/// The memory backend as the page's IndexedDB: storage that keeps what is saved, so the editing
/// session is persistent, as in the browser (in memory only it would say nothing is kept).
type Kept = Posing<Rc<MemoryBackend>>;

type TestWorkbench = Workbench<Kept>;

/// A workbench over a store holding these strategies, the first of them open.
fn bench(strategies: &[&Strategy]) -> (Rc<MemoryBackend>, TestWorkbench) {
    let mem = Rc::new(MemoryBackend::new());
    let store = Store::new(Posing(mem.clone(), BackendKind::IndexedDb));
    for s in strategies {
        store.save(s, NOW).wait().unwrap();
    }
    let bench = Workbench::new(Rc::new(store), clock());
    assert!(bench.store().is_persistent(), "as in the browser");
    if let Some(s) = strategies.first() {
        assert!(bench.open(&s.id, || true).wait().go_to.is_some());
    }
    (mem, bench)
}

/// An edit of the open strategy, waiting to be saved (the quiet moment not yet come).
fn edit_title(bench: &TestWorkbench, title: &str) -> u64 {
    bench.edit_session(|e| e.edit(|s| s.title = title.into())).expect("a strategy is open")
}

fn stored_title(bench: &TestWorkbench, s: &Strategy) -> String {
    bench.store().load(&s.id).wait().unwrap().title
}

/// Every list, read as the page reads them at start.
fn all_lists(bench: &TestWorkbench) -> Lists {
    let store = bench.store();
    let mut lists = Lists::default();
    lists.take(Some(store.list().wait()), read_more(&store, Touched::EVERYTHING).wait());
    lists
}

/// Runs an action and checks that the lists it says it touched cover every list it changed.
fn covered(bench: &TestWorkbench, action: impl FnOnce() -> Outcome) -> Outcome {
    let mut lists = all_lists(bench);
    let outcome = action();
    let store = bench.store();
    let changed = lists.take(Some(store.list().wait()), read_more(&store, Touched::EVERYTHING).wait());
    let t = outcome.touched;
    for (list, did, said) in [
        ("strategies", changed.summaries, t.strategies),
        ("backups", changed.backups, t.backups),
        ("garbage", changed.garbage, t.garbage),
        ("regions", changed.regions, t.regions),
        ("region backups", changed.region_backups, t.region_backups),
    ] {
        assert!(!did || said, "the {list} changed, yet the outcome {outcome:?} does not say so");
    }
    outcome
}

#[test]
fn the_save_loop_with_another_tabs_save_between_ends_in_a_conflict_offered() {
    let s = town();
    let (_, bench) = bench(&[&s]);
    let rev = edit_title(&bench, "一回目");
    let due = bench.edit_session(|e| e.autosave_mut().quiet(rev)).expect("the latest revision is due");
    let saved = covered(&bench, || bench.save(due).wait());
    assert_eq!((saved.notice.clone(), saved.touched, saved.stored), (NoticeChange::Keep, Touched::SAVE, true));
    assert_eq!(stored_title(&bench, &s), "一回目");

    // Another tab saves its own version; this tab's next save is refused and the user asked.
    let mut theirs = bench.store().load(&s.id).wait().unwrap();
    theirs.title = "他のタブ".into();
    bench.store().save(&theirs, NOW).wait().unwrap();
    let rev = edit_title(&bench, "二回目");
    let due = bench.edit_session(|e| e.autosave_mut().quiet(rev)).unwrap();
    let refused = bench.save(due).wait();
    assert_eq!(refused.notice, NoticeChange::Show(Notice::TabConflict { title: "二回目".into(), by: None }));
    assert!(!refused.stored);
    assert_eq!(stored_title(&bench, &s), "他のタブ", "nothing overwritten");
    assert!(bench.editing(|e| e.autosave().in_conflict()), "the change waits for the user's choice");
    assert_eq!(
        bench.editing(|e| e.strategy().unwrap().title.clone()),
        "二回目",
        "this tab's change is kept in the page"
    );

    // Following the other tab now asks again (a change waits), and keeping this tab's version
    // saves it over theirs, the notice taken away.
    let followed = bench.follow_other_tab().wait();
    assert_eq!(followed.notice, NoticeChange::Show(Notice::TabConflict { title: "二回目".into(), by: None }));
    let kept = covered(&bench, || bench.keep_this_tab().wait());
    assert_eq!(kept.notice, NoticeChange::Clear);
    assert_eq!(stored_title(&bench, &s), "二回目");
}

#[test]
fn a_waiting_change_is_stored_before_a_picked_file_is_compared_with_what_is_stored() {
    let s = town();
    let (_, bench) = bench(&[&s]);
    // The file: this strategy as another machine sent it, before this tab's change.
    let file = export(&s, NOW);
    edit_title(&bench, "手元の変更");
    assert_eq!(stored_title(&bench, &s), s.title, "not saved yet: the quiet moment has not come");

    let (flushed, taken) = bench.take("town.json", file.as_bytes(), &Untimed).wait();
    assert_eq!(flushed.touched, Touched::SAVE);
    assert_eq!(stored_title(&bench, &s), "手元の変更", "stored before the comparison");
    match taken {
        Ok(Picked::Preview(Preview::Strategy { existing: Some(existing), stored: true, .. })) => {
            assert_eq!(existing.title, "手元の変更", "compared with the change, not without it");
        }
        other => panic!("a preview against the stored strategy: {other:?}"),
    }
}

#[test]
fn a_region_file_picked_for_import_is_left_to_the_regions_reader_and_nothing_is_stored() {
    let s = town();
    let (_, bench) = bench(&[]);
    let mut region = crate::model::region::Region::new("管内");
    region.members.push(s.id.clone());
    let file = export_region(&region, &[Saved { strategy: &s, saved_at: NOW }], NOW);
    let before = all_lists(&bench);
    let (_, taken) = bench.take("region.json", file.as_bytes(), &Untimed).wait();
    assert_eq!(taken, Ok(Picked::RegionFile));
    assert_eq!(all_lists(&bench), before, "nothing stored");
}

#[test]
fn an_example_already_stored_is_opened_as_it_is_and_a_new_one_stored_and_opened() {
    let s = town();
    let (_, bench) = bench(&[]);
    let file = export(&s, NOW);
    let first = covered(&bench, || bench.open_example("town.json", file.as_bytes(), &Untimed).wait());
    assert_eq!(first.go_to.as_ref(), Some(&s.id));
    assert!(first.stored && bench.editing(|e| e.is_open(&s.id)));
    // The town edits it; opening the example again goes to it and stores nothing over the edit.
    edit_title(&bench, "町の編集");
    bench.flush().wait();
    let again = covered(&bench, || bench.open_example("town.json", file.as_bytes(), &Untimed).wait());
    assert_eq!(again, Outcome { go_to: Some(s.id.clone()), ..Outcome::default() });
    assert_eq!(stored_title(&bench, &s), "町の編集");
    assert_eq!(bench.store().list().wait().unwrap().len(), 1);
}

#[test]
fn deleting_the_open_strategy_backs_up_its_waiting_change_then_closes_it() {
    let s = town();
    let (_, bench) = bench(&[&s]);
    edit_title(&bench, "消す前の変更");
    let deleted = covered(&bench, || bench.delete(&s.id).wait());
    assert!(deleted.room_made);
    assert!(bench.editing(|e| e.strategy().is_none()), "closed once deleted");
    let NoticeChange::Show(Notice::Deleted { title, backup_key }) = deleted.notice else { panic!("{deleted:?}") };
    assert_eq!(title, "消す前の変更", "the backup has the change that waited");

    // Its backup brought back: the strategy as it was, with the change.
    let restored = covered(&bench, || bench.restore(&backup_key).wait());
    assert_eq!(restored.notice, NoticeChange::Show(Notice::Restored { title: "消す前の変更".into() }));
    assert_eq!(stored_title(&bench, &s), "消す前の変更");
}

#[test]
fn an_import_confirmed_is_opened_and_every_list_it_changed_is_said() {
    let s = town();
    let (_, bench) = bench(&[]);
    let (_, taken) = bench.take("town.json", export(&s, NOW).as_bytes(), &Untimed).wait();
    let Ok(Picked::Preview(preview)) = taken else { panic!("{taken:?}") };
    let mut flow = crate::session::preview::ImportFlow::default();
    let ticket = flow.start("town.json");
    flow.ready(ticket, preview);
    let confirmed = flow.confirm(crate::session::preview::ImportChoice::New, vec![]).unwrap();
    let done = covered(&bench, || bench.confirm_import(confirmed).wait());
    assert_eq!(done.go_to.as_ref(), Some(&s.id));
    assert!(matches!(done.notice, NoticeChange::Show(Notice::Imported { .. })), "{:?}", done.notice);
    assert!(bench.editing(|e| e.is_open(&s.id)));
}

#[test]
fn the_librarys_actions_say_every_list_they_change() {
    let (a, b) = (town(), {
        let mut b = town().duplicate();
        b.title = "別の町".into();
        b
    });
    let (_, bench) = bench(&[&a, &b]);
    covered(&bench, || bench.rename(&b.id, "改名".into()).wait());
    covered(&bench, || bench.duplicate(&b.id, "（コピー）").wait());
    let deleted = covered(&bench, || bench.delete(&b.id).wait());
    let NoticeChange::Show(Notice::Deleted { backup_key, .. }) = deleted.notice else { panic!("{deleted:?}") };
    covered(&bench, || bench.discard_backup(&backup_key).wait());
    edit_title(&bench, "版を重ねる");
    bench.flush().wait();
    let seq = bench.store().versions(&a.id).wait().unwrap().first().map(|v| v.seq).expect("a kept version");
    covered(&bench, || bench.restore_version(&a.id, seq).wait());
    covered(&bench, || bench.discard_versions().wait());
    covered(&bench, || bench.store_and_open(b.duplicate(), VersionReason::Saved).wait());
}

#[test]
fn a_strategy_that_cannot_be_read_closes_what_was_open_and_a_late_load_opens_nothing() {
    let (a, b) = (town(), town().duplicate());
    let (mem, bench) = bench(&[&a, &b]);
    // The page moved on while `b` was read: it is not opened.
    let late = bench.open(&b.id, || false).wait();
    assert_eq!(late, Outcome::default());
    assert!(bench.editing(|e| e.is_open(&a.id)));
    // Unreadable: what was open closes, the failure is said, every list read again.
    mem.set_now(&crate::storage::keys::strategy(&b.id), "{ not a strategy").unwrap();
    let failed = bench.open(&b.id, || true).wait();
    assert!(bench.editing(|e| e.strategy().is_none()));
    assert_eq!(failed.touched, Touched::EVERYTHING);
    assert_eq!(failed.go_to, None);
}

#[test]
fn a_version_this_tab_stored_beside_the_open_one_is_followed_without_reading_it_back_while_it_is_the_stored_one() {
    let s = town();
    let (mem, bench) = bench(&[&s]);
    let key = crate::storage::keys::strategy(&s.id);
    let stored = |title: &str| {
        let mut v = s.clone();
        v.title = title.into();
        bench.store().save(&v, NOW).wait().unwrap();
        (v, bench.store().head(&s.id).wait().unwrap().revision)
    };
    let open_title = || bench.editing(|e| e.strategy().unwrap().title.clone());
    // The shared folder's reading stored a version: the open strategy is it, not read back.
    let (merged, revision) = stored("統合した版");
    let reads = mem.reads_of(&key);
    bench.follow_stored(Some((merged.clone(), revision))).wait();
    assert_eq!(open_title(), "統合した版");
    assert_eq!(mem.reads_of(&key), reads, "not read back");
    assert_eq!(bench.editing(|e| e.autosave().base()), revision, "saved over the revision it is");
    // Another tab stored after it: that one is read and followed.
    stored("他のタブ");
    let reads = mem.reads_of(&key);
    bench.follow_stored(Some((merged, revision))).wait();
    assert_eq!(open_title(), "他のタブ");
    assert_eq!(mem.reads_of(&key), reads + 1, "read back");
}

#[test]
fn moving_to_the_next_stage_keeps_the_draft_with_its_waiting_change_under_its_name() {
    use crate::model::DraftingStage;
    let mut s = town();
    s.stage = DraftingStage::Draft;
    let (_, bench) = bench(&[&s]);
    edit_title(&bench, "素案の最後の手直し");
    let moved = covered(&bench, || bench.move_stage(DraftingStage::Proposal).wait());
    let kept = "素案（令和8年11月）".to_owned();
    assert_eq!(
        moved.notice,
        NoticeChange::Show(Notice::StageMoved { kept: kept.clone(), to: DraftingStage::Proposal })
    );
    let versions = bench.store().versions(&s.id).wait().unwrap();
    let named = versions.iter().find(|v| v.label.as_ref() == Some(&kept)).expect("the draft is kept by name");
    assert_eq!(named.reason, VersionReason::Stage(DraftingStage::Draft));
    let draft = bench.store().version(&s.id, named.seq).wait().unwrap();
    assert_eq!(
        (draft.stage, draft.title.as_str()),
        (DraftingStage::Draft, "素案の最後の手直し"),
        "with the change that waited"
    );
    assert_eq!(bench.editing(|e| e.strategy().unwrap().stage), DraftingStage::Proposal);
    assert!(bench.editing(|e| e.autosave().is_waiting()), "the move is an edit the autosave saves");
    // Undone, it goes back to 素案 as an edit; moving to the stage it is at keeps nothing.
    bench.edit_session(|e| e.undo());
    assert_eq!(bench.editing(|e| e.strategy().unwrap().stage), DraftingStage::Draft);
    let again = bench.move_stage(DraftingStage::Draft).wait();
    assert_eq!(again.notice, NoticeChange::Keep);
    assert_eq!(bench.store().versions(&s.id).wait().unwrap().iter().filter(|v| v.is_named()).count(), 1);
}

#[test]
fn a_hearing_is_linked_to_the_version_stored_with_its_waiting_change_and_that_version_is_kept() {
    use crate::model::{DraftingStage, Hearing, HearingBody};
    let mut s = town();
    s.stage = DraftingStage::Outline;
    let (_, bench) = bench(&[&s]);
    let hearing = bench.edit_session(|e| {
        let mut id = None;
        e.edit(|s| {
            id = Some(s.add_hearing(Hearing::new(DraftingStage::Outline, HearingBody::DraftingMeeting, "2026-12-10")))
        });
        id.unwrap()
    });
    edit_title(&bench, "策定会議に示した骨子案");
    bench.link_heard(&hearing).wait();
    let heard = bench.editing(|e| e.strategy().unwrap().hearing(&hearing).unwrap().heard.clone()).expect("linked");
    assert_eq!(heard.saved_at, bench.store().head(&s.id).wait().unwrap().saved_at, "the version stored now");
    assert!(bench.editing(|e| e.autosave().is_waiting()), "the link is an edit the autosave saves");
    bench.flush().wait();
    edit_title(&bench, "聴いた後の修正");
    bench.flush().wait();
    let kept = bench.store().versions(&s.id).wait().unwrap();
    let v = kept.iter().find(|v| v.saved_at == heard.saved_at).expect("the version heard is in the history");
    assert_eq!(bench.store().version(&s.id, v.seq).wait().unwrap().title, "策定会議に示した骨子案");
}
