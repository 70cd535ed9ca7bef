//! The three-way merge: random edits (the merge property tests' own) on a small town's strategy
//! make a common version and two machines' versions. Every merge of valid versions must resolve
//! valid whatever is chosen, and "every conflict at this computer's version" is the merge's own
//! strategy. A merge that lists one side's changes only (a folder's reading) sets aside what it
//! need not read, yet gives the same conflicts, the same strategies and that side's changes.
//! (Its JSON oracle went after 10,000,000 runs with no difference: `fuzz/STATUS.md`.)
#![no_main]

use libfuzzer_sys::fuzz_target;
use shirube::model::merge::edits::{edited, town, Edit};
use shirube::model::merge::{merge, merge_listing, Side};
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
    let n = m.conflicts.len();
    let mixed: Vec<Side> = (0..n).map(|i| if picks >> (i % 64) & 1 == 1 { Side::Theirs } else { Side::Ours }).collect();
    let listings = [Side::Ours, Side::Theirs].map(|side| (side, merge_listing(&base, &ours, &theirs, side)));
    for (side, l) in &listings {
        assert_eq!(l.conflicts, m.conflicts, "listing {side:?}");
        match side {
            Side::Ours => assert_eq!(l.kept, m.kept, "this computer's changes"),
            Side::Theirs => assert_eq!(l.taken, m.taken, "the file's changes"),
        }
    }
    for choices in [vec![Side::Ours; n], vec![Side::Theirs; n], mixed] {
        match m.resolve(&choices) {
            Ok(s) => {
                for (side, l) in &listings {
                    assert_eq!(l.resolve(&choices).as_ref(), Ok(&s), "listing {side:?} with {choices:?}");
                }
            }
            Err(e) => panic!("{e} with {choices:?}"),
        }
    }
    assert_eq!(m.resolve_all(Side::Ours).unwrap(), m.strategy());
});
