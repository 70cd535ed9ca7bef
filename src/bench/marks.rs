//! What a diverged merge with marks costs natively, step by step: each side read as a typed table once for
//! the marks (`Tabled::of`, theirs beside ours: `Tabled::of_like`), this browser's marks made now
//! (`Provenance::stamp`), the merge from a base made exact by both sides' marks (`merge_with`
//! with the marks: the base read on the merge's own table, field by field), the merged strategy, and the merged version's marks (`Provenance::merged`) — what a folder's
//! reading and 統合する do for each file that diverged. Each step is a function of its own, never
//! inlined, so that `valgrind --tool=callgrind` counts its instructions under its name
//! (`callgrind_annotate --inclusive=yes`).

use super::generate::{edited_pair, generate, Size};
use crate::model::merge::provenance::{Provenance, Tabled};
use crate::model::merge::{merge_with, Merge};
use crate::model::Strategy;
use std::time::Instant;

/// The two sides as the merge finds them: the common version, this browser's copy with its stored
/// marks (made at the common version: its edits are not marked yet), and the file's copy with
/// the file's marks (its edits marked as the file's member's).
struct Sides {
    base: Strategy,
    ours: Strategy,
    stored: Provenance,
    theirs: Strategy,
    theirs_marks: Provenance,
}

fn sides(size: Size, seed: u64) -> Sides {
    let base = generate(size, seed);
    let (ours, theirs) = edited_pair(&base, 100, 10, seed);
    let stored = Provenance::arrived(&base, None);
    let theirs_marks = stored.stamp(&theirs, "theirs", 2);
    Sides { base, ours, stored, theirs, theirs_marks }
}

/// Ours read with its values (which the stamp reads), theirs beside it, as the folder reads them.
#[inline(never)]
fn step_tables(s: &Sides) -> [Tabled; 2] {
    let ours = Tabled::of(&s.ours);
    let theirs = Tabled::of_like(&s.theirs, &[&ours]);
    [ours, theirs]
}

#[inline(never)]
fn step_stamp(s: &Sides, [ours, _]: &[Tabled; 2]) -> Provenance {
    s.stored.stamp(ours, "ours", 3)
}

#[inline(never)]
fn step_merge(s: &Sides, ours: &Provenance) -> Merge {
    merge_with(&s.base, Some((ours, &s.theirs_marks)), &s.ours, &s.theirs)
}

#[inline(never)]
fn step_merged_strategy(m: &Merge) -> Strategy {
    m.strategy()
}

#[inline(never)]
fn step_merged_marks(s: &Sides, merged: &Strategy, [fo, ft]: &[Tabled; 2], ours: &Provenance) -> Provenance {
    let result = Tabled::of_like(merged, &[fo, ft]);
    Provenance::merged(&result, (fo, ours), (ft, &s.theirs_marks), "ours", 4)
}

/// The tables, the stamp and the merged version's marks with each version read alone
/// (`Tabled::of`), not beside the one read before: what they cost without sharing.
#[inline(never)]
fn step_marks_read_alone(s: &Sides, merged: &Strategy) -> Provenance {
    let [fo, ft] = [&s.ours, &s.theirs].map(Tabled::of);
    let ours = s.stored.stamp(&fo, "ours", 3);
    Provenance::merged(&Tabled::of(merged), (&fo, &ours), (&ft, &s.theirs_marks), "ours", 4)
}

/// The median milliseconds of each step of a diverged merge of two edited copies of `size` (100
/// scattered edits each, 10 of them the same fields, as `bench merge-preview`'s), with marks,
/// over `runs` runs, and of the whole; and the merge's conflicts (the same after any change
/// that keeps what the merge does).
pub fn timings(size: Size, seed: u64, runs: usize) -> (Vec<(String, f64)>, usize) {
    let s = sides(size, seed);
    let mut steps: Vec<(&str, Vec<f64>)> = Vec::new();
    let mut time = |name: &'static str, ms: f64| match steps.iter_mut().find(|(n, _)| *n == name) {
        Some((_, all)) => all.push(ms),
        None => steps.push((name, vec![ms])),
    };
    let since = |t: Instant| t.elapsed().as_secs_f64() * 1e3;
    let mut conflicts = 0;
    for _ in 0..runs {
        let whole = Instant::now();
        let t = Instant::now();
        let tables = step_tables(&s);
        time("each side read as a table once (Tabled::of, of_like)", since(t));
        let t = Instant::now();
        let ours = step_stamp(&s, &tables);
        time("this browser's marks made now (Provenance::stamp)", since(t));
        let t = Instant::now();
        let m = step_merge(&s, &ours);
        time("the merge, its base made exact by the marks (merge_with)", since(t));
        let t = Instant::now();
        let merged = step_merged_strategy(&m);
        time("the merged strategy (Merge::strategy)", since(t));
        let t = Instant::now();
        let kept = step_merged_marks(&s, &merged, &tables, &ours);
        time("the merged version's marks (Provenance::merged)", since(t));
        conflicts = m.conflicts.len();
        drop((kept, m, ours, tables));
        time("the whole", since(whole));
        let t = Instant::now();
        drop(step_marks_read_alone(&s, &merged));
        time("for comparison: the marks' steps, each version read alone", since(t));
    }
    let medians = steps.into_iter().map(|(n, all)| (n.to_owned(), super::stats::median(&all).unwrap_or(f64::NAN)));
    (medians.collect(), conflicts)
}

/// `bench merge-marks`'s table: [`timings`] with a heading.
pub fn table(size: Size, seed: u64, runs: usize) -> String {
    let (steps, conflicts) = timings(size, seed, runs);
    let mut out = format!(
        "diverged merge with marks of two edited copies (seed {seed}, {conflicts} conflicts), median of {runs} runs (native)\n"
    );
    for (name, ms) in steps {
        out.push_str(&format!("  {name:<66} {ms:>9.1} ms\n"));
    }
    out
}
