//! The typed merge against the merge on the strategy's JSON (its oracle): for random edits on
//! both sides of a common version, the same changes, the same conflicts, and the same merged
//! strategy for every choice (all this computer's, all the file's, a mix).

use super::edits::{edited, town};
use super::proptests::edits;
use super::*;
use crate::model::{Id, Strategy};
use proptest::prelude::*;
use std::sync::Arc;

/// The typed merge's outcome equals the oracle's, for these choices.
pub(super) fn same_as_oracle(base: &Strategy, ours: &Strategy, theirs: &Strategy, picks: u64) -> Result<(), String> {
    let old = oracle::merge_whole(base, ours, theirs);
    let new = merge(base, ours, theirs);
    let differ = |what: &str| Err(format!("{what} differ"));
    if new.taken != old.taken {
        return differ(&format!("the file's changes: {:#?}\nvs {:#?}", new.taken, old.taken));
    }
    if new.kept != old.kept {
        return differ(&format!("this computer's changes: {:#?}\nvs {:#?}", new.kept, old.kept));
    }
    if new.conflicts != old.conflicts {
        return differ(&format!("conflicts: {:#?}\nvs {:#?}", new.conflicts, old.conflicts));
    }
    let n = old.conflicts.len();
    let mixed: Vec<Side> = (0..n).map(|i| if picks >> (i % 64) & 1 == 0 { Side::Theirs } else { Side::Ours }).collect();
    for choices in [vec![Side::Ours; n], vec![Side::Theirs; n], mixed] {
        let (a, b) = (old.apply(&choices), apply(&new, &choices).ok());
        if a != b {
            return differ(&format!("strategies for {choices:?}"));
        }
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn the_typed_merge_gives_the_oracles_outcome(
        common in edits(6), here in edits(10), there in edits(10), picks in any::<u64>()
    ) {
        let base = edited(&town(), &common);
        let ours = edited(&base, &here);
        let theirs = edited(&base, &there);
        if let Err(e) = same_as_oracle(&base, &ours, &theirs, picks) {
            prop_assert!(false, "{}", e);
        }
    }
}

/// Three versions made from the town's strategy by `edit(version, side)` (0: the common
/// version, 1: this computer's, 2: the file's), each edit on the version before.
fn versions(edit: impl Fn(&mut Strategy, usize)) -> [Strategy; 3] {
    let mut base = town();
    edit(&mut base, 0);
    let [mut ours, mut theirs] = [base.clone(), base.clone()];
    edit(&mut ours, 1);
    edit(&mut theirs, 2);
    [base, ours, theirs]
}

/// The typed merge gives the oracle's outcome, which has conflicts (each case makes some).
fn check(case: &str, [base, ours, theirs]: [Strategy; 3]) {
    for picks in [0, 0b1010, u64::MAX] {
        if let Err(e) = same_as_oracle(&base, &ours, &theirs, picks) {
            panic!("{case}: {e}");
        }
    }
    assert!(!merge(&base, &ours, &theirs).conflicts.is_empty(), "{case}: no conflict");
}

/// What the random edits do not reach: unknown fields (changed on one side, on both, removed),
/// the objects merged field by field, the publication's lists, votes, national goals, and rows
/// both sides added (compared as the file writes them).
#[test]
fn the_typed_merge_gives_the_oracles_outcome_where_random_edits_do_not_reach() {
    use crate::model::{Actual, Highlight, NationalGoal, NoteTarget};
    use serde_json::json;
    check(
        "unknown fields",
        versions(|s, side| {
            let goal = Arc::make_mut(&mut s.goals[0]);
            match side {
                0 => {
                    goal.unknown.insert("colour".into(), json!("red"));
                    s.unknown.insert("x_app".into(), json!({"v": 1}));
                }
                1 => {
                    goal.unknown.insert("colour".into(), json!("blue"));
                    s.unknown.remove("x_app");
                    Arc::make_mut(&mut s.indicators[0]).series[0].unknown.insert("note".into(), json!(1));
                }
                _ => {
                    goal.unknown.insert("colour".into(), json!("green"));
                    s.unknown.insert("x_app".into(), json!({"v": 2}));
                    Arc::make_mut(&mut s.indicators[0]).series[0].unknown.insert("note".into(), json!(2));
                }
            }
        }),
    );
    check(
        "objects and the publication",
        versions(|s, side| match side {
            0 => s.municipality.code = Some("012345".into()),
            1 => {
                s.municipality.name = "北斗町".into();
                s.municipality.code = None;
                s.publication_mut().address = "https://a.example/".into();
                let hidden = s.goals[0].id.clone();
                s.publication_mut().hidden.push(hidden);
                let goal = s.goals[1].id.clone();
                s.publication_mut().highlights.push(Highlight { goal, text: "ours".into() });
            }
            _ => {
                s.national_framework.name = "第3期".into();
                s.publication_mut().address = "https://b.example/".into();
                let goal = s.goals[1].id.clone();
                s.publication_mut().highlights.push(Highlight { goal, text: "theirs".into() });
            }
        }),
    );
    check(
        "votes and national goals",
        versions(|s, side| match side {
            0 => {
                let kind = s.goals[0].kind;
                let g = NationalGoal { id: Id("ng-1".into()), kind, number: "1".into(), title: "仕事".into() };
                s.national_framework.goals.push(g);
                let w = s.start_workshop("第1回", "2025-07-12");
                let target = NoteTarget::Goal(s.goals[0].id.clone());
                s.add_note(&w, target, "案").unwrap();
            }
            _ => {
                s.workshops[0].notes[0].votes += side as u32;
                Arc::make_mut(&mut s.goals[0]).national_goal =
                    (side == 1).then(|| Id("ng-1".into())).or(Some(Id("ng-2".into())));
                if side == 2 {
                    s.national_framework.goals.clear();
                }
            }
        }),
    );
    check(
        "rows both sides added",
        versions(|s, side| {
            let series = &mut Arc::make_mut(&mut s.indicators[0]).series[0];
            series.actuals.retain(|a| a.year.0 != 2030);
            if side > 0 {
                let mut row = Actual::new(crate::model::FiscalYear(2030), 5.0);
                row.comment = if side == 1 { String::new() } else { "速報".into() };
                row.source = if side == 1 { "統計".into() } else { String::new() };
                series.actuals.push(row);
            }
        }),
    );
}
