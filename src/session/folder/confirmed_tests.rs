//! The folder sync and what a 確認 protects: a section's member changes a value the planning
//! section confirmed; the planning section's reading holds it back as a card (a fast-forward
//! and a merge alike), stores nothing, and either choice converges on every member.

use super::tests::{assert_fixed_point, at, settle, MemberBrowser};
use super::*;
use crate::model::merge::edits::confirmed_town;
use crate::model::round::OnConfirmed;
use crate::model::Strategy;
use crate::model::{FiscalYear, Role};
use crate::storage::MemoryFolder;
use crate::testing::Wait;

const FY: FiscalYear = FiscalYear(2023);

fn jobs_value(s: &Strategy, jobs: &Id) -> f64 {
    s.indicator(jobs).unwrap().series[0].actual(FY).unwrap().value
}

/// The planning section (田中), the section's member (佐藤) and a member who named no section
/// (鈴木), all holding the confirmed strategy.
fn members() -> (MemoryFolder, MemberBrowser, MemberBrowser, MemberBrowser, Id, Id) {
    let (s, round, section, jobs) = confirmed_town();
    let folder = MemoryFolder::new();
    let mut planning = MemberBrowser::with_role("田中", "m1", &s.id, Some(Role::Planning));
    planning.store.save(&s, &at(0)).wait().unwrap();
    assert!(planning.write(&folder, &at(1)));
    let mut member = MemberBrowser::with_role("佐藤", "m2", &s.id, Some(Role::Department(section.clone())));
    let mut other = MemberBrowser::with_role("鈴木", "m3", &s.id, None);
    for d in [&mut member, &mut other] {
        take_whole(&d.store, &folder, &s.id, &at(2)).wait().unwrap().unwrap();
        d.poll(&folder, &at(2));
    }
    (folder, planning, member, other, round, jobs)
}

#[test]
fn a_confirmed_value_changed_by_the_section_is_held_back_as_a_card_not_fast_forwarded() {
    let (folder, mut planning, mut member, _, _, jobs) = members();
    member.edit(&at(10), |s| s.indicator_mut(&jobs).unwrap().series[0].set_actual(FY, Some(149.0)));
    member.poll(&folder, &at(11));
    let before = planning.snapshot();
    for minute in [12, 13] {
        let (r, _) = planning.poll(&folder, &at(minute));
        assert!(!r.stored && r.taken.is_empty(), "{r:?}");
        assert_eq!(r.held_back.len(), 1, "the same card at every poll until decided");
        let c = &r.held_back[0].changes;
        assert_eq!(
            c.iter().map(|c| (c.by.as_str(), c.name.as_str(), c.old.as_str(), c.new.as_str())).collect::<Vec<_>>(),
            [("佐藤", "1-1 新規就業者数", "148", "149")]
        );
        let line = r.members.iter().find(|m| m.member == "m2").unwrap();
        assert_eq!(line.standing, MemberStanding::ConfirmedChanged);
    }
    assert!(planning.snapshot() == before, "nothing stored");
    assert_eq!(jobs_value(&planning.strategy(), &jobs), 148.0);
}

fn decided_on_a_fast_forward(on: OnConfirmed) {
    let keep = on == OnConfirmed::Keep;
    let (folder, mut planning, mut member, mut other, round, jobs) = members();
    member.edit(&at(10), |s| s.indicator_mut(&jobs).unwrap().series[0].set_actual(FY, Some(149.0)));
    member.edit(&at(10), |s| s.title = "佐藤の題名".into());
    member.poll(&folder, &at(11));
    let r = planning.read(&folder, &at(12));
    let held = &r.held_back[0];
    let decided = decide_confirmed(&planning.store, held, &on, &at(13)).wait().unwrap();
    assert_eq!(decided, Decided::Stored);
    let s = planning.strategy();
    assert_eq!(s.title, "佐藤の題名", "their other changes are taken either way");
    assert_eq!(jobs_value(&s, &jobs), if keep { 148.0 } else { 149.0 });
    let answer = s.round(&round).unwrap().latest(&held.changes[0].department).unwrap();
    assert_eq!(answer.step, crate::model::round::Step::Confirmed, "still confirmed");
    assert_eq!(answer.values[0].value, if keep { "148" } else { "149" });
    settle(&folder, &mut [&mut planning, &mut member, &mut other], 14, 2);
    assert_eq!(jobs_value(&member.strategy(), &jobs), jobs_value(&s, &jobs), "the section got the decision");
    assert_fixed_point(&folder, &mut [&mut planning, &mut member, &mut other], 20);
}

#[test]
fn keeping_the_confirmed_value_reaches_the_section_and_settles() {
    decided_on_a_fast_forward(OnConfirmed::Keep);
}

#[test]
fn taking_the_change_confirms_the_new_value_and_settles() {
    decided_on_a_fast_forward(OnConfirmed::Take("田中".into()));
}

fn decided_on_a_merge(on: OnConfirmed) {
    let keep = on == OnConfirmed::Keep;
    let (folder, mut planning, mut member, mut other, _, jobs) = members();
    planning.edit(&at(10), |s| s.title = "田中の題名".into());
    planning.poll(&folder, &at(10));
    member.edit(&at(10), |s| s.indicator_mut(&jobs).unwrap().series[0].set_actual(FY, Some(149.0)));
    member.write(&folder, &at(11));
    let r = planning.read(&folder, &at(12));
    assert!(!r.stored && r.held_back.len() == 1, "a merge that changes a confirmed value is held back: {r:?}");
    assert_eq!(r.held_back[0].merged.title, "田中の題名", "the merge's result, both sides' changes");
    // A member who named no section holds it back too; a section's member takes it.
    assert_eq!(other.read(&folder, &at(12)).held_back.len(), 1);
    let decided = decide_confirmed(&planning.store, &r.held_back[0], &on, &at(13)).wait().unwrap();
    assert_eq!(decided, Decided::Stored);
    settle(&folder, &mut [&mut planning, &mut member, &mut other], 14, 3);
    let s = member.strategy();
    assert_eq!((s.title.as_str(), jobs_value(&s, &jobs)), ("田中の題名", if keep { 148.0 } else { 149.0 }));
    assert_fixed_point(&folder, &mut [&mut planning, &mut member, &mut other], 20);
}

#[test]
fn a_merge_kept_at_the_confirmed_value_settles() {
    decided_on_a_merge(OnConfirmed::Keep);
}

#[test]
fn a_merge_taken_with_the_new_value_settles() {
    decided_on_a_merge(OnConfirmed::Take("田中".into()));
}

#[test]
fn a_card_made_against_a_strategy_that_changed_since_stores_nothing() {
    let (folder, mut planning, mut member, _, _, jobs) = members();
    member.edit(&at(10), |s| s.indicator_mut(&jobs).unwrap().series[0].set_actual(FY, Some(149.0)));
    member.poll(&folder, &at(11));
    let r = planning.read(&folder, &at(12));
    planning.edit(&at(12), |s| s.title = "その後".into());
    let decided = decide_confirmed(&planning.store, &r.held_back[0], &OnConfirmed::Keep, &at(13)).wait().unwrap();
    assert_eq!(decided, Decided::Stale);
    assert_eq!(planning.strategy().title, "その後");
}
