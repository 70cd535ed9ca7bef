//! `merge_small_chunks` on modules made for each test: chunks of made-up functions, each
//! function's size given by the test (so no wasm is needed), merged as the rule says.

use std::collections::{BTreeMap, BTreeSet, HashMap};

use super::{merge_small_chunks, OutputModuleInfo, SplitModuleIdentifier};
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

    /// Merges with `floor`, and returns the chunks as `"splits": (bytes, functions)`.
    fn merge(mut self, floor: usize) -> Merged {
        let sizes = self.sizes.clone();
        merge_small_chunks(&mut self.contents, floor, |info| {
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
