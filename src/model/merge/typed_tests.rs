//! The typed merge against the merge on the strategy's JSON (its oracle): for random edits on
//! both sides of a common version, the same changes, the same conflicts, and the same merged
//! strategy for every choice (all this computer's, all the file's, a mix).

use super::edits::{edited, town, Edit};
use super::*;
use crate::model::Strategy;
use proptest::prelude::*;
use proptest::strategy::Strategy as Gen;

fn edits(n: usize) -> impl Gen<Value = Vec<Edit>> {
    let edit = (any::<u8>(), 0usize..64, 0usize..64, -3i64..2000);
    (proptest::collection::vec(edit, 0..n), any::<bool>()).prop_map(|(edits, near)| {
        let near = |i: usize| if near { i % 3 } else { i };
        edits.into_iter().map(|(op, a, b, v)| (op, near(a), near(b), v)).collect()
    })
}

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
