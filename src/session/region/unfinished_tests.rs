//! A bring-in the page left half-way (its future dropped while storage was answering, as when
//! the tab closes): what it stored is listed, and kept or undone as a whole.

use super::unfinished::{self, stopped};
use super::*;
use crate::format::{export as file_of, Saved};
use crate::model::{template, FiscalYear, PlanPeriod};
use crate::storage::{BackendKind, IntakeLog, MemoryBackend, Write};
use crate::testing::Wait;
use std::cell::Cell;
use std::future::Future;
use std::pin::pin;
use std::rc::Rc;
use std::task::{Context, Waker};

const NOW: &str = "2026-11-25T09:00:00Z";

fn town(name: &str) -> Strategy {
    template::from_second_period(
        &format!("{name}総合戦略"),
        name,
        PlanPeriod { first: FiscalYear(2025), last: FiscalYear(2029) },
    )
}

fn sent(s: &Strategy) -> (String, Vec<u8>) {
    (format!("{}.shirube.json", s.municipality.name), file_of(s, "2026-11-01T00:00:00Z").into_bytes())
}

/// Storage that stops answering after `writes` more batches: the page went away meanwhile.
struct GoesAway {
    mem: Rc<MemoryBackend>,
    writes: Cell<usize>,
}

impl Backend for GoesAway {
    async fn get(&self, key: &str) -> Result<Option<String>, StorageError> {
        self.mem.get(key).await
    }
    async fn keys(&self) -> Result<Vec<String>, StorageError> {
        self.mem.keys().await
    }
    async fn apply(&self, writes: Vec<Write>) -> Result<(), StorageError> {
        if self.writes.get() == 0 {
            std::future::pending::<()>().await;
        }
        self.writes.set(self.writes.get() - 1);
        self.mem.apply(writes).await
    }
    fn kind(&self) -> BackendKind {
        self.mem.kind()
    }
}

/// Runs `action` on a store over `mem` that goes away after `writes` batches, and drops it
/// there (it must not have finished).
fn left_after<F: Future>(mem: &Rc<MemoryBackend>, writes: usize, action: impl FnOnce(Rc<Store<GoesAway>>) -> F) {
    let store = Rc::new(Store::new(GoesAway { mem: mem.clone(), writes: Cell::new(writes) }));
    let mut running = pin!(action(store));
    let polled = running.as_mut().poll(&mut Context::from_waker(Waker::noop()));
    assert!(polled.is_pending(), "the bring-in finished before the page went away");
}

/// 60 new towns' files, and a store holding one town already, a town of the region.
fn bureau() -> (Rc<MemoryBackend>, Store<Rc<MemoryBackend>>, Region, Strategy, Vec<Strategy>) {
    let mem = Rc::new(MemoryBackend::new());
    let store = Store::new(mem.clone());
    let old = town("函館市");
    store.save(&old, NOW).wait().unwrap();
    let region = create(&store, "渡島総合振興局管内", NOW).wait().unwrap();
    let region = bring_in(&store, &region.id, vec![sent(&old)], NOW, |_, _| {}).wait().unwrap().region;
    let new = (1..=60).map(|i| town(&format!("町{i:02}"))).collect();
    (mem, store, region, old, new)
}

fn ids(store: &Store<Rc<MemoryBackend>>) -> Vec<Id> {
    store.list().wait().unwrap().into_iter().map(|s| s.id).collect()
}

#[test]
fn a_bring_in_left_half_way_names_every_strategy_it_stored_and_undo_takes_them_all_back() {
    let (mem, store, region, old, new) = bureau();
    let files: Vec<_> = new.iter().map(sent).collect();
    let id = region.id.clone();
    left_after(&mem, 40, |s| async move { bring_in(&*s, &id, files, NOW, |_, _| {}).await });

    let stored_now: Vec<Id> = ids(&store).into_iter().filter(|i| *i != old.id).collect();
    assert!(stored_now.len() > 10 && stored_now.len() < 60, "{} stored", stored_now.len());
    let log = store.intake_log().wait().unwrap().expect("the log is left");
    assert!(stored_now.iter().all(|i| log.adding.contains(i)), "a strategy stored without being named in the log");
    assert_eq!(log.region_before.as_ref(), Some(&region));
    let Notice::BringInUnfinished { region: name, stored, total } = unfinished::left_unfinished(&store, &log).wait()
    else {
        panic!("not the unfinished notice")
    };
    assert_eq!((name.as_str(), stored.len(), total), ("渡島総合振興局管内", stored_now.len(), 60));
    assert!(stored.contains(&"町01 町01総合戦略".to_owned()), "{stored:?}");

    let undone = unfinished::undo(&store, NOW).wait().unwrap();
    assert_eq!(undone, Notice::BringInUndone { region: region.name.clone(), removed: stored_now.len(), kept: 0 });
    assert_eq!(ids(&store), vec![old.id.clone()]);
    assert_eq!(store.load_region(&region.id).wait().unwrap(), region, "the region as it was before");
    assert_eq!(store.intake_log().wait().unwrap(), None);
    assert!(mem.keys_now().iter().all(|k| !k.contains("町")), "nothing of the towns left");
}

#[test]
fn kept_the_stored_towns_are_the_regions_and_the_same_files_again_bring_the_rest() {
    let (mem, store, region, old, new) = bureau();
    let files: Vec<_> = new.iter().map(sent).collect();
    let id = region.id.clone();
    let again = files.clone();
    left_after(&mem, 40, |s| async move { bring_in(&*s, &id, files, NOW, |_, _| {}).await });
    let stored = ids(&store).len() - 1;

    let kept = unfinished::keep(&store, NOW).wait().unwrap();
    assert_eq!(kept, Notice::BringInKept { region: region.name.clone(), towns: stored });
    let members = store.load_region(&region.id).wait().unwrap().members;
    assert_eq!(members.len(), stored + 1);
    assert_eq!(members[0], old.id);
    assert_eq!(store.intake_log().wait().unwrap(), None);

    let done = bring_in(&store, &region.id, again, NOW, |_, _| {}).wait().unwrap();
    assert_eq!(done.tally(), BringInTally { added: 60 - stored, already_here: stored, ..BringInTally::default() });
    assert_eq!(store.load_region(&region.id).wait().unwrap().members.len(), 61);
    assert_eq!(store.intake_log().wait().unwrap(), None, "a bring-in that ends leaves no log");
    assert!(unfinished::undo(&store, NOW).wait().unwrap() == Notice::BringInDecided);
}

#[test]
fn a_town_changed_since_it_came_in_is_not_taken_back() {
    let (mem, store, region, _, new) = bureau();
    let files: Vec<_> = new.iter().map(sent).collect();
    let id = region.id.clone();
    left_after(&mem, 30, |s| async move { bring_in(&*s, &id, files, NOW, |_, _| {}).await });
    let mut edited = store.load(&new[0].id).wait().unwrap();
    edited.title = "町01総合戦略（修正）".into();
    store.save(&edited, NOW).wait().unwrap();

    let Notice::BringInUndone { kept, .. } = unfinished::undo(&store, NOW).wait().unwrap() else { panic!() };
    assert_eq!(kept, 1);
    assert_eq!(store.load(&new[0].id).wait().unwrap(), edited);
    assert!(store.load_region(&region.id).wait().unwrap().members.contains(&new[0].id));
    assert!(store.load(&new[1].id).wait().is_err());
}

#[test]
fn a_region_file_left_half_way_into_a_new_region_is_undone_with_its_region() {
    let mem = Rc::new(MemoryBackend::new());
    let store = Store::new(mem.clone());
    let towns: Vec<Strategy> = (1..=40).map(|i| town(&format!("村{i:02}"))).collect();
    let mut region = Region::new("檜山振興局管内");
    region.members = towns.iter().map(|t| t.id.clone()).collect();
    let saved: Vec<Saved> = towns.iter().map(|strategy| Saved { strategy, saved_at: NOW }).collect();
    let file = crate::format::export_region(&region, &saved, NOW);
    left_after(&mem, 20, |s| async move { open_region_file(&*s, "檜山.json", file.as_bytes(), NOW, |_, _| {}).await });
    let so_far = store.load_region(&region.id).wait().expect("the region is stored as it grows");
    let stored = ids(&store);
    assert!(!stored.is_empty() && stored.len() < 40);
    assert!(
        so_far.members.iter().all(|m| stored.contains(m)),
        "a town named by the file but not stored is no town yet"
    );

    unfinished::undo(&store, NOW).wait().unwrap();
    assert!(ids(&store).is_empty());
    assert!(store.regions().wait().unwrap().is_empty());
    assert!(store.region_backups().wait().unwrap().is_empty(), "no backup of a region the bring-in created");
    assert_eq!(mem.keys_now(), vec![crate::storage::keys::INDEX.to_owned()], "nothing but the (empty) list");
}

#[test]
fn a_log_that_moves_is_a_bring_in_still_running_elsewhere_one_that_stays_was_left() {
    let log = IntakeLog {
        region: Id::from("region-1"),
        region_name: "R".into(),
        region_before: None,
        adding: vec![],
        total: 100,
        beat: 3,
        started_at: NOW.into(),
    };
    assert_eq!(stopped(&log, Some(log.clone())), Some(log.clone()), "the same log a while later: left unfinished");
    assert_eq!(stopped(&log, None), None, "ended meanwhile: nothing to say");
    assert_eq!(stopped(&log, Some(IntakeLog { beat: 4, ..log.clone() })), None, "moved: still running");
    let anew = IntakeLog { beat: 3, started_at: "2026-11-25T09:01:00Z".into(), ..log.clone() };
    assert_eq!(stopped(&log, Some(anew)), None, "another bring-in started meanwhile");
}

#[test]
fn a_region_file_cancelled_half_way_is_undone_as_a_whole() {
    let mem = Rc::new(MemoryBackend::new());
    let store = Store::new(mem.clone());
    let towns: Vec<Strategy> = (1..=60).map(|i| town(&format!("村{i:02}"))).collect();
    let mut region = Region::new("檜山振興局管内");
    region.members = towns.iter().map(|t| t.id.clone()).collect();
    let saved: Vec<Saved> = towns.iter().map(|strategy| Saved { strategy, saved_at: NOW }).collect();
    let file = crate::format::export_region(&region, &saved, NOW);
    let cancel = Cancel::default();
    let mut seen = Vec::new();
    let stop = cancel.clone();
    let done = open_region_file_until(
        &store,
        "檜山.json",
        file.as_bytes(),
        NOW,
        |done, total| {
            seen.push((done, total));
            if done == 40 {
                stop.cancel();
            }
        },
        &cancel,
    )
    .wait();
    assert_eq!(done, Err(Notice::BringInUndone { region: "檜山振興局管内".into(), removed: 40, kept: 0 }));
    assert_eq!(seen.last(), Some(&(40, 60)), "no town after the cancel");
    assert_eq!(mem.keys_now(), vec![crate::storage::keys::INDEX.to_owned()], "nothing but the (empty) list");
}

#[test]
fn files_cancelled_half_way_leave_the_region_and_the_strategies_as_they_were() {
    let (mem, store, region, old, new) = bureau();
    let before: Vec<_> = mem.keys_now().into_iter().map(|k| (k.clone(), mem.get_now(&k))).collect();
    let cancel = Cancel::default();
    let stop = cancel.clone();
    let files: Vec<_> = new.iter().map(sent).collect();
    let done = bring_in_until(
        &store,
        &region.id,
        files,
        NOW,
        |done, _| {
            if done == 33 {
                stop.cancel()
            }
        },
        &cancel,
    )
    .wait();
    assert_eq!(done, Err(Notice::BringInUndone { region: region.name.clone(), removed: 33, kept: 0 }));
    assert_eq!(ids(&store), vec![old.id.clone()]);
    let after: Vec<_> = mem.keys_now().into_iter().map(|k| (k.clone(), mem.get_now(&k))).collect();
    assert_eq!(after, before, "every key as it was (the region saved again as it was)");
    assert_eq!(store.load_region(&region.id).wait().unwrap(), region);
}
