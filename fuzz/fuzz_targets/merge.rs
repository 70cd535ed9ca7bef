//! The three-way merge: random edits (the merge property tests' own) on a small town's strategy
//! make a common version and two machines' versions. Every merge of valid versions must resolve
//! valid whatever is chosen, and "every conflict at this computer's version" is the merge's own
//! strategy. A merge that lists one side's changes only (a folder's reading) sets aside what it
//! need not read, yet gives the same conflicts, the same strategies and that side's changes.
//! (Its JSON oracle went after 10,000,000 runs with no difference: `fuzz/STATUS.md`.)
//! With the marks of where each value was last set (each side stamped from the common version's
//! marks, as two machines make them): the merge from the common version or from a wrong one
//! (this computer's), its base made exact by them, resolves valid whatever is chosen, gives the
//! same cards and strategies listing one side's changes, and the merged version's marks read
//! back as the file writes them.
#![no_main]

use libfuzzer_sys::fuzz_target;
use shirube::model::merge::edits::{edited, town, RandomEdit};
use shirube::model::merge::provenance::{Provenance, Tabled};
use shirube::model::merge::{begin_listing, merge, merge_listing, merge_with, Merge, Side};
use shirube::model::{errors, validate, Strategy};
use std::sync::OnceLock;

fn base() -> &'static Strategy {
    static S: OnceLock<Strategy> = OnceLock::new();
    S.get_or_init(town)
}

/// The fuzzer's edits in the ranges the property tests draw from.
fn tame(edits: Vec<RandomEdit>) -> Vec<RandomEdit> {
    edits.into_iter().take(12).map(|(op, a, b, v)| (op, a % 64, b % 64, v.rem_euclid(2003) - 3)).collect()
}

fn valid(s: &Strategy) -> bool {
    errors(&validate(s)).next().is_none()
}

fuzz_target!(|sides: (Vec<RandomEdit>, Vec<RandomEdit>, Vec<RandomEdit>, u64)| {
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
    marked(&base, &ours, &theirs, picks);
});

/// Every choice of `m`'s cards resolves to a valid strategy (`picks`: a mixed choice).
fn resolves_valid(m: &Merge, picks: u64) -> Vec<Strategy> {
    let n = m.conflicts.len();
    let mixed: Vec<Side> = (0..n).map(|i| if picks >> (i % 64) & 1 == 1 { Side::Theirs } else { Side::Ours }).collect();
    let all = [vec![Side::Ours; n], vec![Side::Theirs; n], mixed];
    all.iter()
        .map(|choices| match m.resolve(choices) {
            Ok(s) if valid(&s) => s,
            Ok(_) => panic!("an invalid strategy with {choices:?}"),
            Err(e) => panic!("{e} with {choices:?}"),
        })
        .collect()
}

/// The merge made exact by both sides' marks, from the common version and from a wrong base.
fn marked(base: &Strategy, ours: &Strategy, theirs: &Strategy, picks: u64) {
    let common = Provenance::arrived(base, None);
    let (o_table, t_table) = (Tabled::of(ours), Tabled::of(theirs));
    let o = common.stamp(&o_table, "here", 2);
    let t = common.stamp(&t_table, "there", 3);
    for approx in [base, ours] {
        let m = merge_with(approx, Some((&o, &t)), ours, theirs);
        let merged = resolves_valid(&m, picks);
        // A folder's reading lists one side's changes: the same cards and strategies.
        for side in [Side::Ours, Side::Theirs] {
            let l = begin_listing(approx, ours, theirs, side, Some((&o, &t))).finish();
            assert_eq!(l.conflicts, m.conflicts, "listing {side:?} with the marks");
            assert_eq!(resolves_valid(&l, picks), merged, "listing {side:?} with the marks");
        }
        let result = Tabled::of_like(&merged[0], &[&o_table, &t_table]);
        let marks = Provenance::merged(&result, (&o_table, &o), (&t_table, &t), "here", 4);
        assert_eq!(marks, Provenance::merged(&merged[0], (ours, &o), (theirs, &t), "here", 4), "shared values");
        let text = serde_json::to_string(&marks.for_file()).unwrap();
        let back: Provenance = serde_json::from_str(&text).unwrap();
        assert_eq!(back, marks.for_file(), "marks read back as written");
    }
}
