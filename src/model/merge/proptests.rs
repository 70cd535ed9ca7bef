//! Property tests of the merge: random edits on both sides of a common version (values, yearly
//! cells, additions, removals, moves, references, votes), then the laws every merge keeps.

use super::edits::{edited, town, RandomEdit};
use super::typed::at;
use super::*;
use crate::model::Strategy;
use crate::model::*;
use proptest::prelude::*;
use proptest::strategy::Strategy as Gen;
use std::collections::BTreeSet;

/// Up to `n` edits; half the time on the first few entities only, so that both sides often
/// touch the same ones.
pub(super) fn edits(n: usize) -> impl Gen<Value = Vec<RandomEdit>> {
    let edit = (any::<u8>(), 0usize..64, 0usize..64, -3i64..2000);
    (proptest::collection::vec(edit, 0..n), any::<bool>()).prop_map(|(edits, near)| {
        let near = |i: usize| if near { i % 3 } else { i };
        edits.into_iter().map(|(op, a, b, v)| (op, near(a), near(b), v)).collect()
    })
}

fn has_errors(s: &Strategy) -> bool {
    errors(&validate(s)).next().is_some()
}

/// The values (of items all three versions have) that one side changed and the other did not:
/// the merged strategy has that side's value. Both changed differently: a conflict says so.
fn check_values(base: &Strategy, ours: &Strategy, theirs: &Strategy, m: &Merge) -> Result<(), TestCaseError> {
    let (fb, fo, ft) = (TypedTable::of(base), TypedTable::of(ours), TypedTable::of(theirs));
    let (fm, tt) = (TypedTable::of(&m.strategy()), TypedTable::of(theirs));
    for (k, b) in &fb.items {
        let (Some(o), Some(t)) = (fo.items.get(k), ft.items.get(k)) else { continue };
        let (bj, oj, tj) = (b.node.json(), o.node.json(), t.node.json());
        let names: BTreeSet<&String> = bj.keys().chain(oj.keys()).chain(tj.keys()).collect();
        for name in names {
            let (bv, ov, tv) = (bj.get(name), oj.get(name), tj.get(name));
            if ov != bv && tv != bv && ov != tv && !b.shape.sums.contains(&name.as_str()) {
                let (entity, field) = at(&tt, k, Some(name));
                prop_assert!(
                    m.conflicts
                        .iter()
                        .any(|c| c.kind == ConflictKind::BothChanged && c.entity == entity && c.field == field),
                    "no conflict for {entity:?} {field:?}"
                );
            } else if let Some(merged) = fm.items.get(k) {
                let expected = if ov != bv { ov } else { tv };
                if !b.shape.sums.contains(&name.as_str()) && b.shape.ref_fields.is_empty() {
                    let merged = merged.node.json();
                    prop_assert_eq!(merged.get(name.as_str()), expected, "{:?} {}", k, name);
                }
            }
        }
    }
    Ok(())
}

/// [`merge`] and [`merge_listing`] (either side), which set aside the inner parts no listed side
/// changed, make the same conflicts and the same strategy whatever is chosen, and list the same
/// changes (of the side they list), as the merge that reads every item.
fn check_set_aside(base: &Strategy, ours: &Strategy, theirs: &Strategy, picks: u64) -> Result<(), TestCaseError> {
    let whole = merge_whole(base, ours, theirs);
    let n = whole.conflicts.len();
    let mixed: Vec<Side> = (0..n).map(|i| if picks >> (i % 64) & 1 == 0 { Side::Theirs } else { Side::Ours }).collect();
    let set_aside = [
        (merge(base, ours, theirs), None),
        (merge_listing(base, ours, theirs, Side::Ours), Some(Side::Ours)),
        (merge_listing(base, ours, theirs, Side::Theirs), Some(Side::Theirs)),
    ];
    for (m, listed) in set_aside {
        prop_assert_eq!(&m.conflicts, &whole.conflicts, "listing {:?}", listed);
        for choices in [vec![Side::Ours; n], vec![Side::Theirs; n], mixed.clone()] {
            prop_assert_eq!(
                apply(&m, &choices).ok(),
                apply(&whole, &choices).ok(),
                "listing {:?}, {:?}",
                listed,
                choices
            );
        }
        if listed != Some(Side::Theirs) {
            prop_assert_eq!(&m.kept, &whole.kept, "this computer's changes, listing {:?}", listed);
        }
        if listed != Some(Side::Ours) {
            prop_assert_eq!(&m.taken, &whole.taken, "the file's changes, listing {:?}", listed);
        }
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 96, ..ProptestConfig::default() })]

    #[test]
    fn what_a_merge_sets_aside_changes_nothing_it_makes_or_lists(
        common in edits(6), here in edits(10), there in edits(10), picks in any::<u64>()
    ) {
        let base = edited(&town(), &common);
        let ours = edited(&base, &here);
        let theirs = edited(&base, &there);
        prop_assume!(!has_errors(&base) && !has_errors(&ours) && !has_errors(&theirs));
        check_set_aside(&base, &ours, &theirs, picks)?;
    }

    #[test]
    fn every_merge_resolves_valid_and_sides_that_agree_merge_to_themselves(
        common in edits(6), here in edits(10), there in edits(10), picks in any::<u64>()
    ) {
        let base = edited(&town(), &common);
        let ours = edited(&base, &here);
        let theirs = edited(&base, &there);
        prop_assume!(!has_errors(&base) && !has_errors(&ours) && !has_errors(&theirs));

        let m = merge(&base, &ours, &theirs);
        let n = m.conflicts.len();
        let mixed: Vec<Side> = (0..n).map(|i| if picks >> (i % 64) & 1 == 1 { Side::Theirs } else { Side::Ours }).collect();
        for choices in [vec![Side::Ours; n], vec![Side::Theirs; n], mixed] {
            let s = m.resolve(&choices);
            prop_assert!(s.is_ok(), "{:?} with {:?}", s, choices);
        }
        prop_assert_eq!(&m.resolve_all(Side::Ours).unwrap(), &m.strategy());
        check_values(&base, &ours, &theirs, &m)?;

        for x in [&ours, &theirs] {
            let same = merge(&base, x, x);
            prop_assert!(same.conflicts.is_empty());
            prop_assert_eq!(&same.strategy(), x);
        }
        let only_theirs = merge(&base, &base, &theirs);
        prop_assert!(only_theirs.conflicts.is_empty());
        prop_assert_eq!(&only_theirs.strategy(), &theirs);
        let only_ours = merge(&base, &ours, &base);
        prop_assert!(only_ours.conflicts.is_empty());
        prop_assert_eq!(&only_ours.strategy(), &ours);
    }
}
