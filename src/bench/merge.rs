//! Where a merge preview's time goes, step by step and natively: what the browser does between a
//! colleague's file picked and the preview shown (`session::preview::preview`), each step timed by
//! its name, beside the whole. The browser's figure is the budget's; this one says where it goes.

use super::generate::{edited_pair, generate, Size};
use super::region::completed;
use crate::format::{self, export, export_with_lineage, fingerprint, Lineage, Opened};
use crate::model::merge::merge;
use crate::session::stopwatch::Untimed;
use crate::storage::{MemoryBackend, Store};
use std::time::Instant;

/// The median milliseconds of each step of a merge preview of two edited copies of `size`
/// (100 scattered edits each, 10 of them the same fields; as `bench generate-merge` writes them),
/// over `runs` runs, and of the whole preview.
pub fn timings(size: Size, seed: u64, runs: usize) -> Vec<(String, f64)> {
    let base = generate(size, seed);
    let (ours, theirs) = edited_pair(&base, 100, 10, seed);
    let at = "2026-01-01T00:00:00Z";
    let lineage = Lineage { versions: vec![fingerprint(&base)], ..Lineage::default() };
    let theirs_text = export_with_lineage(&theirs, at, &lineage);
    // The common version imported, then this computer's copy replacing it, as the browser's
    // benchmark does (`bench generate-merge`'s three files).
    let store = Store::new(MemoryBackend::new());
    let Ok(Opened::Strategy(base_file)) = format::open(export(&base, at).as_bytes()) else { panic!("base reads") };
    completed(store.save_imported(&base_file, at)).expect("stored");
    let Ok(Opened::Strategy(ours_file)) = format::open(export_with_lineage(&ours, at, &lineage).as_bytes()) else {
        panic!("ours reads")
    };
    let later = "2026-01-02T00:00:00Z";
    completed(store.replace(&ours_file.strategy, later, ours_file.lineage.as_ref())).expect("ours stored");

    let mut steps: Vec<(&str, Vec<f64>)> = Vec::new();
    let mut time = |name: &'static str, ms: f64| match steps.iter_mut().find(|(n, _)| *n == name) {
        Some((_, all)) => all.push(ms),
        None => steps.push((name, vec![ms])),
    };
    let since = |t: Instant| t.elapsed().as_secs_f64() * 1e3;
    for _ in 0..runs {
        let t = Instant::now();
        let Ok(Opened::Strategy(file)) = format::open(theirs_text.as_bytes()) else { panic!("theirs reads") };
        time("the file read (format::open: parse, checks, migrations)", since(t));
        let t = Instant::now();
        let ancestry = completed(store.ancestry(&file.strategy.id)).expect("stored");
        let stored = ancestry.current.clone();
        time("the stored strategy and its history read (Store::ancestry)", since(t));
        let t = Instant::now();
        let found = completed(crate::session::at_hand::base_for_file(&store, &ancestry, &file));
        time("the common version found and read (session::at_hand::base_for_file)", since(t));
        let Ok(Some(crate::history::MergeBase { strategy: base, .. })) = found else { panic!("no common version") };
        let t = Instant::now();
        let merged = merge(&base, &stored, &file.strategy);
        time("the merge (model::merge::merge)", since(t));
        let t = Instant::now();
        let changes = format::count_changes(&stored, &file.strategy);
        time("what replacing would change (format::count_changes)", since(t));
        let t = Instant::now();
        drop((merged, changes, stored, base));
        time("dropping them", since(t));
        let t = Instant::now();
        let opened = format::open(theirs_text.as_bytes()).expect("reads");
        let bytes = theirs_text.len();
        let _ = completed(crate::session::preview::preview(&store, "theirs.json", bytes, opened, &Untimed));
        time("the whole preview (format::open + session::preview::preview)", since(t));
    }
    steps.into_iter().map(|(name, all)| (name.to_owned(), super::stats::median(&all).unwrap_or(f64::NAN))).collect()
}

/// `bench merge-preview`'s table: [`timings`] with a heading.
pub fn table(size: Size, seed: u64, runs: usize) -> String {
    let mut out =
        format!("merge preview of two edited copies (seed {seed}), median of {runs} runs (native, release)\n");
    for (name, ms) in timings(size, seed, runs) {
        out.push_str(&format!("  {name:<66} {ms:>9.1} ms\n"));
    }
    out
}
