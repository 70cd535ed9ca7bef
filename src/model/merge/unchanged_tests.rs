//! What the merge leaves alone (`unchanged`): a measure all three versions hold alike stands in
//! without its initiatives and comes back whole — but not when a re-listing names one of them,
//! nor when one of them refers to something a version changed.

use super::edits::{amounts, town};
use super::unchanged::Unchanged;
use super::{merge, merge_listing, Kind, Side};
use crate::model::*;
use std::sync::Arc;

fn measure_of(s: &Strategy, number: &str) -> Measure {
    s.measures().find(|(_, m)| m.number == number).map(|(_, m)| m.clone()).unwrap()
}

#[test]
fn a_measure_nobody_touched_stands_in_and_the_merge_gives_it_back_whole() {
    let base = town();
    let mut ours = base.clone();
    ours.title.push_str("（改）");
    let mut theirs = base.clone();
    Arc::make_mut(&mut theirs.indicators[0]).name.push_str("（案）");
    let unchanged = Unchanged::of(&base, &ours, &theirs);
    let stood_in = unchanged.stand_ins(&ours);
    assert!(measure_of(&stood_in, "1-2").initiatives.is_empty(), "1-2 stands in without its initiatives");
    assert!(!measure_of(&stood_in, "2-2").relisted.is_empty(), "a measure's own re-listings stay");
    let merged = merge(&base, &ours, &theirs).resolve(&[]).unwrap();
    assert_eq!(merged.title, ours.title);
    assert_eq!(merged.indicators[0].name, theirs.indicators[0].name);
    assert!(merged.goals == base.goals, "every measure back whole");
}

#[test]
fn a_re_listing_of_an_initiative_under_a_measure_nobody_touched_survives_the_merge() {
    let base = town();
    let relisted = &measure_of(&base, "2-2").relisted[0].initiative;
    let holder =
        base.measures().find(|(_, m)| m.initiatives.iter().any(|i| i.id == *relisted)).unwrap().1.number.clone();
    let mut ours = base.clone();
    ours.measure_mut(&measure_of(&base, "2-2").id).unwrap().title.push_str("（改）");
    let mut theirs = base.clone();
    theirs.title.push_str("（改）");
    let unchanged = Unchanged::of(&base, &ours, &theirs);
    assert!(!measure_of(&unchanged.stand_ins(&base), &holder).initiatives.is_empty(), "{holder} does not stand in");
    let merged = merge(&base, &ours, &theirs).resolve(&[]).unwrap();
    assert_eq!(measure_of(&merged, "2-2").relisted, measure_of(&base, "2-2").relisted, "the re-listing kept");
}

#[test]
fn a_conflict_about_an_indicator_an_untouched_initiative_uses_is_shown_where_it_is_used() {
    let mut base = town();
    let health = base.indicators.iter().find(|i| i.name == "65歳健康寿命").unwrap().id.clone();
    assert!(base.measures().all(|(_, m)| !m.kpis.contains(&health)), "used by no measure");
    // An initiative of a measure whose initiatives no re-listing names (創業支援補助金 is
    // re-listed, which alone keeps its measure from standing in).
    let grant = base.initiatives().find(|(_, i)| i.title == "六次産業化支援事業").unwrap().1.id.clone();
    let holder = base.measures().find(|(_, m)| m.initiatives.iter().any(|i| i.id == grant)).unwrap().1.clone();
    let named = |i: &Initiative| base.measures().any(|(_, m)| m.relisted.iter().any(|r| r.initiative == i.id));
    assert!(!holder.initiatives.iter().any(|i| named(i)), "nothing of its measure re-listed");
    base.initiative_mut(&grant).unwrap().kpis.push(health.clone());
    let rename = |to: &str| {
        let mut s = base.clone();
        let i = s.indicators.iter_mut().find(|i| i.id == health).unwrap();
        Arc::make_mut(i).name = to.into();
        s
    };
    let m = merge(&base, &rename("健康寿命（男女）"), &rename("健康寿命（65歳）"));
    assert_eq!(m.conflicts.len(), 1, "{:?}", m.conflicts);
    let kinds: Vec<Kind> = m.conflicts[0].path.iter().map(|c| c.entity.kind).collect();
    assert!(kinds.contains(&Kind::Initiative), "shown under the initiative that uses it: {kinds:?}");
}

#[test]
fn a_merge_listing_the_files_changes_sets_aside_what_only_this_computer_changed_inside_a_measure() {
    let base = town();
    let farming = measure_of(&base, "1-2");
    let mut ours = base.clone();
    ours.initiative_mut(&farming.initiatives[0].id).unwrap().years.push(amounts(2024, None, None));
    ours.measure_mut(&farming.id).unwrap().title.push_str("（改）");
    let mut theirs = base.clone();
    theirs.title.push_str("（案）");

    let listing = Unchanged::listing(&base, &ours, &theirs, Some(Side::Ours));
    assert!(measure_of(&listing.stand_ins(&ours), "1-2").initiatives.is_empty(), "set aside: only ours changed them");
    assert_eq!(
        measure_of(&listing.stand_ins(&ours), "1-2").title,
        measure_of(&ours, "1-2").title,
        "its own values stay"
    );
    let both = Unchanged::of(&base, &ours, &theirs);
    assert!(!measure_of(&both.stand_ins(&ours), "1-2").initiatives.is_empty(), "listing ours too: merged");

    let m = merge_listing(&base, &ours, &theirs, Side::Theirs);
    assert!(m.kept.is_empty(), "this computer's changes not listed");
    assert_eq!(m.taken, merge(&base, &ours, &theirs).taken, "the file's listed as the merge of both lists them");
    let merged = m.resolve(&[]).unwrap();
    assert_eq!(measure_of(&merged, "1-2"), measure_of(&ours, "1-2"), "ours's measure back, with its new year");
    assert_eq!(merged.title, theirs.title);
    assert_eq!(merged, merge(&base, &ours, &theirs).resolve(&[]).unwrap());
}
