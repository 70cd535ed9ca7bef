//! The three-way merge: random edits (the merge property tests' own) on a small town's strategy
//! make a common version and two machines' versions. Every merge of valid versions must resolve
//! valid whatever is chosen, and "every conflict at this computer's version" is the merge's own
//! strategy. The merge on the model's types gives exactly what the merge on the strategy's JSON
//! (`merge::oracle`) gives: the same changes, conflicts and merged strategies. (That sides which agree merge to themselves is the property tests' job: checking
//! it here took four more merges per input, a third of the speed.)
#![no_main]

use libfuzzer_sys::fuzz_target;
use shirube::model::merge::edits::{edited, town, Edit};
use shirube::model::merge::{merge, oracle, Side};
use shirube::model::{errors, validate, Strategy};
use std::sync::OnceLock;

fn base() -> &'static Strategy {
    static S: OnceLock<Strategy> = OnceLock::new();
    S.get_or_init(town)
}

/// The fuzzer's edits in the ranges the property tests draw from.
fn tame(edits: Vec<Edit>) -> Vec<Edit> {
    edits.into_iter().take(12).map(|(op, a, b, v)| (op, a % 64, b % 64, v.rem_euclid(2003) - 3)).collect()
}

fn valid(s: &Strategy) -> bool {
    errors(&validate(s)).next().is_none()
}

fuzz_target!(|sides: (Vec<Edit>, Vec<Edit>, Vec<Edit>, u64)| {
    let (common, here, there, picks) = sides;
    let base = edited(base(), &tame(common));
    let ours = edited(&base, &tame(here));
    let theirs = edited(&base, &tame(there));
    if !(valid(&base) && valid(&ours) && valid(&theirs)) {
        return;
    }
    let m = merge(&base, &ours, &theirs);
    let old = oracle::merge(&base, &ours, &theirs);
    assert_eq!(m.taken, old.taken, "the file's changes");
    assert_eq!(m.kept, old.kept, "this computer's changes");
    assert_eq!(m.conflicts, old.conflicts);
    let n = m.conflicts.len();
    let mixed: Vec<Side> = (0..n).map(|i| if picks >> (i % 64) & 1 == 1 { Side::Theirs } else { Side::Ours }).collect();
    for choices in [vec![Side::Ours; n], vec![Side::Theirs; n], mixed] {
        match m.resolve(&choices) {
            Ok(s) => assert_eq!(Some(s), old.apply(&choices), "the oracle's strategy with {choices:?}"),
            Err(e) => panic!("{e} with {choices:?}"),
        }
    }
    assert_eq!(m.resolve_all(Side::Ours).unwrap(), m.strategy());
});
