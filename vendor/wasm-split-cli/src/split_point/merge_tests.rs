//! `merge_small_chunks` and `merge_chunks_by_visits` on modules made for each test: chunks of
//! made-up functions, each function's size given by the test (so no wasm is needed), merged as
//! the rule says.

use std::collections::{BTreeMap, BTreeSet, HashMap};

use super::{merge_chunks_by_visits, merge_small_chunks, OutputModuleInfo, SplitModuleIdentifier};
use crate::dep_graph::DepNode;

/// A program's modules before the merge: each chunk holds one function of the size given.
#[derive(Default)]
struct Program {
    contents: HashMap<SplitModuleIdentifier, OutputModuleInfo>,
    sizes: HashMap<DepNode, usize>,
    /// Each function's own set of splits, as it was made.
    made_for: BTreeMap<usize, BTreeSet<String>>,
}

fn set(splits: &str) -> BTreeSet<String> {
    splits.chars().map(String::from).collect()
}

impl Program {
    /// A shared chunk needed by the splits named by the letters of `splits` ("ab": a and b).
    fn chunk(mut self, splits: &str, size: usize) -> Self {
        let id = self.sizes.len();
        self.add(SplitModuleIdentifier::Chunk(set(splits)), id, size);
        self.made_for.insert(id, set(splits));
        self
    }

    /// A split's own module, or the main module: never merged.
    fn module(mut self, identifier: SplitModuleIdentifier, size: usize) -> Self {
        let id = self.sizes.len();
        self.add(identifier, id, size);
        self
    }

    fn add(&mut self, identifier: SplitModuleIdentifier, id: usize, size: usize) {
        let function = DepNode::Function(id);
        self.sizes.insert(function, size);
        let info = self.contents.entry(identifier).or_default();
        info.included_symbols.insert(function);
    }

    /// The same program with function `id` (numbered in the order made) of `size` bytes.
    fn resized(mut self, id: usize, size: usize) -> Self {
        self.sizes.insert(DepNode::Function(id), size);
        self
    }

    /// The bytes of chunks a visit needs: every function whose set of splits meets the visit's,
    /// as it is loaded with one chunk per set of splits (no merging).
    fn needed_by(&self, visit: &str) -> usize {
        let visit = set(visit);
        self.made_for
            .iter()
            .filter(|(_, splits)| !splits.is_disjoint(&visit))
            .map(|(id, _)| self.sizes[&DepNode::Function(*id)])
            .sum()
    }

    /// Merges with `floor`, and returns the chunks as `"splits": (bytes, functions)`.
    fn merge(self, floor: usize) -> Merged {
        self.merge_with(|contents, size_of| merge_small_chunks(contents, floor, size_of))
    }

    /// Merges by the visits (each the letters of its splits), with `floor` for the chunks no
    /// visit loads.
    fn merge_by_visits(self, visits: &[&str], floor: usize) -> Merged {
        let visits: Vec<BTreeSet<String>> = visits.iter().map(|v| set(v)).collect();
        self.merge_with(|contents, size_of| {
            merge_chunks_by_visits(contents, &visits, floor, size_of)
        })
    }

    fn merge_with(
        mut self,
        merge: impl FnOnce(
            &mut HashMap<SplitModuleIdentifier, OutputModuleInfo>,
            &dyn Fn(&OutputModuleInfo) -> usize,
        ),
    ) -> Merged {
        let sizes = self.sizes.clone();
        merge(&mut self.contents, &|info: &OutputModuleInfo| {
            info.included_symbols.iter().map(|d| sizes[d]).sum()
        });
        let mut chunks = BTreeMap::new();
        let mut others = BTreeMap::new();
        for (identifier, info) in &self.contents {
            let mut functions: Vec<usize> = info
                .included_symbols
                .iter()
                .map(|d| match d {
                    DepNode::Function(id) => *id,
                    other => panic!("only functions were made: {other:?}"),
                })
                .collect();
            functions.sort();
            let bytes = functions
                .iter()
                .map(|id| sizes[&DepNode::Function(*id)])
                .sum();
            match identifier {
                SplitModuleIdentifier::Chunk(splits) => {
                    let name: String = splits.iter().map(String::as_str).collect();
                    chunks.insert(name, (bytes, functions));
                }
                other => {
                    others.insert(format!("{other:?}"), functions);
                }
            }
        }
        Merged {
            chunks,
            others,
            made_for: self.made_for,
        }
    }
}

struct Merged {
    chunks: BTreeMap<String, (usize, Vec<usize>)>,
    others: BTreeMap<String, Vec<usize>>,
    made_for: BTreeMap<usize, BTreeSet<String>>,
}

impl Merged {
    /// The chunks' sets of splits and sizes.
    fn sizes(&self) -> Vec<(&str, usize)> {
        self.chunks
            .iter()
            .map(|(k, (bytes, _))| (k.as_str(), *bytes))
            .collect()
    }

    /// The bytes of chunks a visit loads: every chunk whose set of splits meets the visit's.
    fn loaded_by(&self, visit: &str) -> usize {
        let visit = set(visit);
        self.chunks
            .iter()
            .filter(|(splits, _)| !set(splits).is_disjoint(&visit))
            .map(|(_, (bytes, _))| bytes)
            .sum()
    }

    /// How many chunks a visit loads.
    fn files_of(&self, visit: &str) -> usize {
        let visit = set(visit);
        self.chunks
            .keys()
            .filter(|splits| !set(splits).is_disjoint(&visit))
            .count()
    }

    /// What must hold after any merge: every function of a chunk is in exactly one chunk, whose
    /// set of splits contains the set it was made for (so it is loaded before any split that can
    /// call it runs); no two chunks have one set; none is under the floor unless it is the only one.
    fn check(&self, floor: usize) {
        let mut seen = BTreeMap::new();
        for (splits, (bytes, functions)) in &self.chunks {
            let splits = set(splits);
            assert!(
                *bytes >= floor || self.chunks.len() == 1,
                "{splits:?} ({bytes} B) is under the floor {floor}"
            );
            for f in functions {
                assert!(
                    seen.insert(*f, splits.clone()).is_none(),
                    "function {f} is in two chunks"
                );
                assert!(
                    self.made_for[f].is_subset(&splits),
                    "function {f}, needed by {:?}, is in a chunk loaded only by {splits:?}",
                    self.made_for[f]
                );
            }
        }
        let made: BTreeSet<_> = self.made_for.keys().collect();
        let kept: BTreeSet<_> = seen.keys().collect();
        assert_eq!(made, kept, "every chunk's function is still in a chunk");
    }
}

#[test]
fn no_floor_or_no_chunk_below_it_changes_nothing() {
    let program = || {
        Program::default()
            .chunk("ab", 500)
            .chunk("bc", 20_000)
            .chunk("abc", 30_000)
    };
    for floor in [0, 500] {
        let merged = program().merge(floor);
        assert_eq!(
            merged.sizes(),
            [("ab", 500), ("abc", 30_000), ("bc", 20_000)]
        );
        merged.check(floor);
    }
}

#[test]
fn a_small_chunk_joins_the_one_whose_merge_loads_the_fewest_unneeded_bytes() {
    // Into "abc": a split c that did not need "ab" now loads its 1,000 bytes: 1,000.
    // Into "cd": c and d load "ab" (2 × 1,000), a and b load "cd" (2 × 10,000): 22,000.
    let merged = Program::default()
        .chunk("ab", 1_000)
        .chunk("abc", 10_000)
        .chunk("cd", 10_000)
        .merge(4_000);
    assert_eq!(merged.sizes(), [("abc", 11_000), ("cd", 10_000)]);
    merged.check(4_000);
    // Both sides count: into "bc", c loads "ab" (1,000) but a also loads all of "bc" (100,000);
    // into "abcd", c and d load "ab": 2,000.
    let merged = Program::default()
        .chunk("ab", 1_000)
        .chunk("bc", 100_000)
        .chunk("abcd", 5_000)
        .merge(4_000);
    assert_eq!(merged.sizes(), [("abcd", 6_000), ("bc", 100_000)]);
    merged.check(4_000);
}

#[test]
fn the_merged_chunk_is_loaded_by_the_union_of_both_sets() {
    // Into "bc": a loads "bc" and c loads "ab": 1,000 + 5,000 = 6,000; into "xy": 12,000.
    let merged = Program::default()
        .chunk("ab", 1_000)
        .chunk("bc", 5_000)
        .chunk("xy", 5_000)
        .merge(4_000);
    assert_eq!(merged.sizes(), [("abc", 6_000), ("xy", 5_000)]);
    assert_eq!(merged.chunks["abc"].1, [0, 1], "both chunks' functions");
    merged.check(4_000);
}

#[test]
fn equal_costs_go_to_the_smaller_chunk_then_to_the_first_set() {
    // "ab" costs 100 into either superset ("abc" or "abd": one split more loads its 100 bytes).
    let merged = Program::default()
        .chunk("ab", 100)
        .chunk("abc", 5_000)
        .chunk("abd", 3_000)
        .merge(1_000);
    assert_eq!(merged.sizes(), [("abc", 5_000), ("abd", 3_100)]);
    let merged = Program::default()
        .chunk("ab", 100)
        .chunk("abc", 3_000)
        .chunk("abd", 3_000)
        .merge(1_000);
    assert_eq!(merged.sizes(), [("abc", 3_100), ("abd", 3_000)]);
}

#[test]
fn the_smallest_chunk_is_merged_first_and_a_chunk_over_the_floor_stays() {
    // "ab" (100) goes first: into "bc" costs 100 + 200 = 300, into "bcd" 200 + 5,000; the union
    // "abc" (300) is over the floor and stays. Had "bc" gone first, it would have joined "bcd"
    // (cost 200), and "ab" then too: one chunk "abcd".
    let merged = Program::default()
        .chunk("ab", 100)
        .chunk("bc", 200)
        .chunk("bcd", 5_000)
        .merge(250);
    assert_eq!(merged.sizes(), [("abc", 300), ("bcd", 5_000)]);
    merged.check(250);
}

#[test]
fn a_merge_whose_union_is_another_chunks_set_makes_one_chunk_of_the_two() {
    // Chunks without code (data only: 0 bytes) tie at cost 0 with any superset; the smaller
    // target wins, so "ab" joins "cd", and "ab" + "cd" = "abcd", which is there already: the two
    // become one chunk at once (left as two, the 0-byte "abcd" would next join "abcde", the
    // smaller of its two supersets, and "abcd"'s own function would be split from theirs).
    let merged = Program::default()
        .chunk("ab", 0)
        .chunk("cd", 0)
        .chunk("abcd", 5_000)
        .chunk("abcde", 3_000)
        .merge(1_000);
    assert_eq!(merged.sizes(), [("abcd", 5_000), ("abcde", 3_000)]);
    assert_eq!(merged.chunks["abcd"].1, [0, 1, 2]);
    merged.check(1_000);
}

#[test]
fn one_chunk_left_stops_the_merging_even_under_the_floor() {
    let merged = Program::default()
        .chunk("ab", 100)
        .chunk("bc", 200)
        .merge(1_000);
    assert_eq!(merged.sizes(), [("abc", 300)]);
    merged.check(1_000);
    let merged = Program::default().chunk("ab", 100).merge(1_000);
    assert_eq!(merged.sizes(), [("ab", 100)]);
}

#[test]
fn the_main_module_and_the_splits_own_modules_are_left_alone() {
    let merged = Program::default()
        .module(SplitModuleIdentifier::Main, 10)
        .module(SplitModuleIdentifier::Split("a".into()), 10)
        .module(SplitModuleIdentifier::Split("b".into()), 10)
        .chunk("ab", 100)
        .chunk("abc", 5_000)
        .merge(1_000);
    assert_eq!(merged.sizes(), [("abc", 5_100)]);
    assert_eq!(merged.others.len(), 3);
    assert_eq!(merged.others["Main"], [0]);
    assert_eq!(merged.others["Split(\"a\")"], [1]);
    assert_eq!(merged.others["Split(\"b\")"], [2]);
}

/// Many made-up programs (a fixed pseudo-random sequence): every merge keeps what `check` says.
#[test]
fn every_merge_keeps_each_function_loaded_before_its_splits_run() {
    let mut state: u64 = 0x5eed;
    let mut next = |n: u64| {
        state = state
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        (state >> 33) % n
    };
    for _ in 0..300 {
        let mut program = Program::default();
        let mut sets = BTreeSet::new();
        for _ in 0..1 + next(12) {
            let splits: String = "abcdef".chars().filter(|_| next(2) == 0).collect();
            if splits.len() >= 2 && sets.insert(splits.clone()) {
                program = program.chunk(&splits, next(3) as usize * next(8_000) as usize);
            }
        }
        let floor = [0, 1, 1_000, 4_000, 16_000][next(5) as usize];
        program.merge(floor).check(floor);
    }
}

/// Shirube's visits, by letter: the list (no split), the overview (a: actions, o: overview), the
/// editor (a, e), the files page (a, f) and the region (a, l: the list's extras, r: the region).
/// p and w are splits no visit loads (print, the workbook writer).
const VISITS: [&str; 5] = ["", "ao", "ae", "af", "alr"];

#[test]
fn chunks_loaded_by_the_same_visits_become_one_whatever_their_size() {
    let merged = Program::default()
        // every visit but the list: one chunk, big or small
        .chunk("ao", 100)
        .chunk("aeo", 50_000)
        // the editor's, the files page's and the region's: not the overview's
        .chunk("efr", 30)
        // the overview's and the region's visits
        .chunk("lo", 20)
        .chunk("or", 40_000)
        // no visit: merged by the floor among themselves only
        .chunk("pw", 60)
        .merge_by_visits(&VISITS, 1_000);
    assert_eq!(
        merged.sizes(),
        [("aeo", 50_100), ("efr", 30), ("lor", 40_020), ("pw", 60)]
    );
    merged.check(0);
}

#[test]
fn what_a_split_no_visit_names_shares_is_one_chunk_apart_from_the_visits_own() {
    // Every visit but the list loads "ao", "ap" and "aw"; p and w (print, a workbook) are used
    // after a visit began: their shares become one chunk, and "ao" stays out of it, so that p
    // used after the list's visit does not load "ao". Likewise for the editor's visit alone.
    let merged = Program::default()
        .chunk("ao", 50_000)
        .chunk("ap", 10)
        .chunk("aw", 20)
        .chunk("ep", 70)
        .chunk("epw", 80)
        .chunk("ei", 90)
        .merge_by_visits(&VISITS, 1_000);
    assert_eq!(merged.sizes(), [("ao", 50_000), ("apw", 30), ("eipw", 240)]);
    merged.check(0);
}

#[test]
fn a_small_chunk_is_not_merged_into_a_chunk_another_set_of_visits_loads() {
    // By the floor alone, "ep" (100 B) joins "aep" (cost 100: the overview's, the files page's
    // and the region's visits now load it through a), and then "lr" too (every visit but the
    // list loads the region's 50 B); by the visits both stay.
    let program = || {
        Program::default()
            .chunk("ep", 100)
            .chunk("aep", 20_000)
            .chunk("lr", 50)
    };
    assert_eq!(program().merge(1_000).sizes(), [("aelpr", 20_150)]);
    let merged = program().merge_by_visits(&VISITS, 1_000);
    assert_eq!(merged.sizes(), [("aep", 20_000), ("ep", 100), ("lr", 50)]);
    for visit in VISITS {
        assert_eq!(
            merged.loaded_by(visit),
            program().needed_by(visit),
            "{visit:?}"
        );
    }
}

/// Made-up programs (a fixed pseudo-random sequence) over the splits of `VISITS` and two no
/// visit loads.
fn programs(count: usize, mut each: impl FnMut(Program, &mut dyn FnMut(u64) -> u64)) {
    let mut state: u64 = 0x5eed;
    let mut next = move |n: u64| {
        state = state
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        (state >> 33) % n
    };
    for _ in 0..count {
        let mut program = Program::default();
        let mut sets = BTreeSet::new();
        for _ in 0..1 + next(16) {
            let splits: String = "aeflioprw".chars().filter(|_| next(3) == 0).collect();
            if splits.len() >= 2 && sets.insert(splits.clone()) {
                program = program.chunk(&splits, next(3) as usize * next(20_000) as usize);
            }
        }
        each(program, &mut next);
    }
}

/// (a) Whatever the sizes, every visit loads exactly the bytes it needs (those of the functions
/// its splits share with others, as with one chunk per set), and at most two chunks per set of
/// visits that load it (with and without the splits no visit names): of the 2^4 sets of the four
/// visits that load anything (the overview's, the editor's, the files page's, the region's), 8
/// hold a given one, so at most 16 for each visit.
#[test]
fn no_merge_adds_bytes_to_a_visit_that_did_not_load_them() {
    programs(400, |program, next| {
        let floor = [0, 1_000, 16_000, 1_000_000][next(4) as usize];
        let needed: Vec<usize> = VISITS.iter().map(|v| program.needed_by(v)).collect();
        let merged = program.merge_by_visits(&VISITS, floor);
        merged.check(0);
        for (visit, needed) in VISITS.iter().zip(needed) {
            assert_eq!(
                merged.loaded_by(visit),
                needed,
                "visit {visit:?}: {:?}",
                merged.sizes()
            );
            assert!(
                merged.files_of(visit) <= 16,
                "{visit:?}: {:?}",
                merged.sizes()
            );
        }
    });
}

/// (b) A small change to one split's code (a function it shares grows by a few bytes) changes
/// each visit's bytes by exactly what that visit loads of it: a visit that does not load the
/// function gains nothing, whichever chunks the change makes smaller or larger than others.
#[test]
fn a_small_change_to_one_split_moves_no_bytes_into_another_visit() {
    // By the floor alone: "ao" (1,000) ties between "af" and "eo" (1,000 + 5,000 either way) and
    // joins the smaller, "af" (4,990): the editor's visit loads "eo" (5,000) and not "ao". Let a
    // change to the files page's code grow "af" by 20 B: "ao" joins "eo" now, and the editor's
    // visit, which loads nothing of the files page, loads 1,000 B more.
    let before = || {
        Program::default()
            .chunk("ao", 1_000)
            .chunk("af", 4_990)
            .chunk("eo", 5_000)
            .chunk("ep", 30_000)
    };
    let after = || before().resized(1, 5_010);
    let by_floor = (before().merge(4_000), after().merge(4_000));
    assert_eq!(
        by_floor.1.loaded_by("e") - by_floor.0.loaded_by("e"),
        1_000,
        "the floor's rule moves bytes: {:?} → {:?}",
        by_floor.0.sizes(),
        by_floor.1.sizes()
    );
    let by_visits = (
        before().merge_by_visits(&VISITS, 4_000),
        after().merge_by_visits(&VISITS, 4_000),
    );
    for visit in VISITS {
        let grew = by_visits.1.loaded_by(visit) - by_visits.0.loaded_by(visit);
        let expected = if visit.contains('a') || visit.contains('f') {
            20
        } else {
            0
        };
        assert_eq!(grew, expected, "visit {visit:?}");
    }

    programs(400, |program, next| {
        let floor = [1_000, 16_000][next(2) as usize];
        let functions = program.made_for.len();
        if functions == 0 {
            return;
        }
        let changed = next(functions as u64) as usize;
        let growth = 1 + next(64) as usize;
        let splits = program.made_for[&changed].clone();
        let size = program.sizes[&DepNode::Function(changed)];
        let before: Vec<usize> = VISITS.iter().map(|v| program.needed_by(v)).collect();
        let merged_before = {
            let sizes = program.sizes.clone();
            let made_for = program.made_for.clone();
            let mut again = Program::default();
            for (id, splits) in &made_for {
                let name: String = splits.iter().map(String::as_str).collect();
                again = again.chunk(&name, sizes[&DepNode::Function(*id)]);
            }
            again.merge_by_visits(&VISITS, floor)
        };
        let merged_after = program
            .resized(changed, size + growth)
            .merge_by_visits(&VISITS, floor);
        for (v, visit) in VISITS.iter().enumerate() {
            let loads_it = !splits.is_disjoint(&set(visit));
            let grew =
                merged_after.loaded_by(visit) as isize - merged_before.loaded_by(visit) as isize;
            assert_eq!(
                grew,
                if loads_it { growth as isize } else { 0 },
                "visit {visit:?} ({} B needed before), function {changed} of {splits:?} grew by {growth}",
                before[v]
            );
        }
    });
}
