//! The benchmark's command-line half (see `scripts/bench.sh`):
//! `bench generate <town|large|huge> <seed> <out.json>` writes a generated strategy as a Shirube
//! file; `bench generate-folder <size> <seed> <dir>` the shared folder's start file and ten members'
//! own files (`dir/share/`); `bench generate-region <towns> <seed> <out.json>` a region file of that many towns,
//! `bench generate-region-files <towns> <seed> <dir>` the same towns as one strategy file each (for
//! the browser's bring-in), `bench region <towns> <seed>` prints what opening such a region costs natively,
//! `bench region-vision <towns> <seed> [runs]` what its page's population visions cost (and
//! `bench generate-region-vision-files <towns> <seed> <dir>` those towns' files, each with its vision),
//! `bench merge-preview <size> <seed>` where a merge preview's time goes, natively; `bench
//! merge-marks <size> <seed> [runs]` a diverged merge with marks, step by step, natively; `bench report
//! <raw.json> <latest.json> [--smoke]` turns the browser's samples into figures, prints the table
//! (a figure without samples as missing, with why) and writes the figures; with `--smoke` a
//! missing figure fails it (exit 1).

/// The browser's samples with the figures made here, natively: the bytes of 北本市's public
/// folder (the same on every machine).
#[cfg(not(target_arch = "wasm32"))]
fn with_native_samples(mut raw: shirube::bench::stats::Raw) -> shirube::bench::stats::Raw {
    let kitamoto = shirube::examples::by_key("kitamoto").and_then(|e| e.load().ok());
    let folder = kitamoto.map(|s| shirube::format::publish::published_site(&s, "2026-01-01T00:00:00Z").bytes() as f64);
    raw.samples.insert("publish_kitamoto_bytes".into(), folder.into_iter().collect());
    raw
}

/// `generate-round-books`: the round's filled section workbooks (`bench::round_books`).
#[cfg(not(target_arch = "wasm32"))]
fn round_books(size: &str, seed: &str, dir: &str) -> Result<String, String> {
    let size = shirube::bench::generate::Size::named(size).ok_or(format!("unknown size {size}"))?;
    let seed: u64 = seed.parse().map_err(|_| format!("bad seed {seed}"))?;
    shirube::bench::round_books::write_round_books(size, seed, dir)
}

/// `folder-sync <dir>`: a folder's reading (`bench::folder`); `graph-read <file>`: a file's graph
/// (`bench::graph`).
#[cfg(not(target_arch = "wasm32"))]
fn read_timed(what: &str, path: &str) -> Result<String, String> {
    match what {
        "folder-sync" => shirube::bench::folder::sync_folder_dir(path),
        _ => shirube::bench::graph::measure(&std::fs::read_to_string(path).map_err(|e| format!("{path}: {e}"))?, 30),
    }
}

/// `merge-preview <size> <seed>`: where a merge preview's time goes, natively, step by step (the
/// browser's figure, merge_large_preview, is the budget's); `merge-marks <size> <seed> [runs]`: a
/// diverged merge with marks, step by step (one run under callgrind).
#[cfg(not(target_arch = "wasm32"))]
fn merge_table(what: &str, size: &str, seed: &str, runs: Option<&&str>) -> Result<String, String> {
    let size = shirube::bench::generate::Size::named(size).ok_or(format!("unknown size {size}"))?;
    let seed: u64 = seed.parse().map_err(|_| format!("bad seed {seed}"))?;
    let runs: usize = runs.map_or(Ok(5), |r| r.parse()).map_err(|_| "bad number of runs".to_owned())?;
    Ok(match what {
        "merge-preview" => shirube::bench::merge::table(size, seed, runs.max(1)),
        _ => shirube::bench::marks::table(size, seed, runs.max(1)),
    })
}

#[cfg(not(target_arch = "wasm32"))]
/// `population <runs>`: one town's four population scenarios, projected `runs` times (its
/// budget: 5 ms); `region-vision <towns> <seed> [runs]`: the region's towns' visions projected
/// and summed as its page shows them (budget 500 ms); `generate-region-vision-files <towns>
/// <seed> <dir>`: those towns, each with its vision, one strategy file each.
fn population(what: &str, args: &[&str]) -> Result<String, String> {
    let number = |s: &str| s.parse::<u64>().map_err(|_| format!("bad number {s}"));
    match (what, args) {
        ("population", [runs]) => Ok(shirube::bench::population::four_scenarios(number(runs)?.max(1) as usize)),
        ("region-vision", [towns, seed, runs @ ..]) if runs.len() <= 1 => {
            let runs = runs.first().map_or(Ok(10), |r| number(r))?;
            Ok(shirube::bench::region_vision::table(number(towns)? as usize, number(seed)?, runs as usize))
        }
        ("generate-region-vision-files", [towns, seed, dir]) => {
            let (_, strategies) =
                shirube::bench::region_vision::generate_region_with_visions(number(towns)? as usize, number(seed)?);
            std::fs::create_dir_all(dir).map_err(|e| format!("{dir}: {e}"))?;
            for (i, s) in strategies.iter().enumerate() {
                let out = format!("{dir}/town-{:03}.json", i + 1);
                std::fs::write(&out, shirube::format::export(s, "2026-01-01T00:00:00Z"))
                    .map_err(|e| format!("{out}: {e}"))?;
            }
            Ok(format!("{} town files with their visions in {dir}\n", strategies.len()))
        }
        _ => Err(format!("usage: bench {what} …: see src/bin/bench.rs")),
    }
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    use shirube::bench::{generate, stats};
    let args: Vec<String> = std::env::args().skip(1).collect();
    let fail = |msg: String| -> ! {
        eprintln!("bench: {msg}");
        std::process::exit(2)
    };
    match args.iter().map(String::as_str).collect::<Vec<_>>().as_slice() {
        ["generate", size, seed, out] => {
            let size = generate::Size::named(size).unwrap_or_else(|| fail(format!("unknown size {size}")));
            let seed: u64 = seed.parse().unwrap_or_else(|_| fail(format!("bad seed {seed}")));
            let text = shirube::format::export(&generate::generate(size, seed), "2026-01-01T00:00:00Z");
            std::fs::write(out, text).unwrap_or_else(|e| fail(format!("{out}: {e}")));
        }
        ["generate-merge", size, seed, dir] => {
            // The merge benchmark's files: the common version, this computer's copy and the file's
            // (100 scattered edits each, 10 the same fields), the file naming the common version.
            use shirube::format::{export, export_with_lineage, fingerprint, Lineage};
            let size = generate::Size::named(size).unwrap_or_else(|| fail(format!("unknown size {size}")));
            let seed: u64 = seed.parse().unwrap_or_else(|_| fail(format!("bad seed {seed}")));
            let base = generate::generate(size, seed);
            let (ours, theirs) = generate::edited_pair(&base, 100, 10, seed);
            let at = "2026-01-01T00:00:00Z";
            let lineage = Lineage { versions: vec![fingerprint(&base)], ..Lineage::default() };
            let write = |name: &str, text: String| {
                let out = format!("{dir}/{name}");
                std::fs::write(&out, text).unwrap_or_else(|e| fail(format!("{out}: {e}")));
            };
            write("merge-base.json", export(&base, at));
            write("merge-ours.json", export_with_lineage(&ours, at, &lineage));
            write("merge-theirs.json", export_with_lineage(&theirs, at, &lineage));
            // The same merge natively, for reference (the browser's figure is the budget's).
            let t = std::time::Instant::now();
            let m = shirube::model::merge::merge(&base, &ours, &theirs);
            let ms = t.elapsed().as_secs_f64() * 1e3;
            let t = std::time::Instant::now();
            let resolved = m.resolve_all(shirube::model::merge::Side::Theirs);
            let resolve_ms = t.elapsed().as_secs_f64() * 1e3;
            println!(
                "merge natively (release): {ms:.0} ms to the preview; {} taken, {} kept, {} conflicts; resolving them all to the file's: {resolve_ms:.0} ms ({})",
                m.taken.len(),
                m.kept.len(),
                m.conflicts.len(),
                if resolved.is_ok() { "valid" } else { "refused" }
            );
        }
        ["generate-folder", size, seed, dir] => {
            // The shared folder's: the start file (`folder-start.json`) and ten sections' own files in
            // `share/`, each 20 edits of fields the others do not touch, written by the folder sync.
            use shirube::bench::folder::generate_folder;
            let size = generate::Size::named(size).unwrap_or_else(|| fail(format!("unknown size {size}")));
            let seed: u64 = seed.parse().unwrap_or_else(|_| fail(format!("bad seed {seed}")));
            let files = generate_folder(size, seed, 10, 20);
            let share = format!("{dir}/share");
            let _ = std::fs::remove_dir_all(&share);
            std::fs::create_dir_all(&share).unwrap_or_else(|e| fail(format!("{share}: {e}")));
            let write = |out: String, text: &str| std::fs::write(&out, text).unwrap_or_else(|e| fail(format!("{out}: {e}")));
            write(format!("{dir}/folder-start.json"), &files.start);
            for (name, text) in &files.members {
                write(format!("{share}/{name}"), text);
            }
            // The same sync natively, for reference (the browser's figure is the budget's).
            let (took, reading, _) = shirube::bench::folder::sync_natively(&files.start, &files.members, &shirube::bench::folder::Steps::default());
            println!(
                "folder sync natively (release): {:.0} ms for {} members' files; {} taken, {} conflicts, {} refused",
                took.as_secs_f64() * 1e3,
                files.members.len(),
                reading.taken.len(),
                reading.conflicts.len(),
                reading.refused.len()
            );
        }
        [what @ ("folder-sync" | "graph-read"), path] => println!("{}", read_timed(what, path).unwrap_or_else(|e| fail(e))),
        ["generate-round-books", size, seed, dir] => println!("{}", round_books(size, seed, dir).unwrap_or_else(|e| fail(e))),
        ["generate-region", towns, seed, out] => {
            // The regional view's file: a region of town-size strategies (179: Hokkaido).
            use shirube::bench::region::generate_region;
            use shirube::format::{export_region, Saved};
            let towns: usize = towns.parse().unwrap_or_else(|_| fail(format!("bad number of towns {towns}")));
            let seed: u64 = seed.parse().unwrap_or_else(|_| fail(format!("bad seed {seed}")));
            let (region, strategies) = generate_region(towns, seed);
            let at = "2026-01-01T00:00:00Z";
            let saved: Vec<Saved> = strategies.iter().map(|s| Saved { strategy: s, saved_at: at }).collect();
            std::fs::write(out, export_region(&region, &saved, at)).unwrap_or_else(|e| fail(format!("{out}: {e}")));
        }
        ["generate-region-files", towns, seed, dir] => {
            // The same towns as `generate-region`, each as the file a town sends
            // (`<dir>/town-001.json` …), for the browser to bring in all at once.
            use shirube::bench::region::generate_region;
            let towns: usize = towns.parse().unwrap_or_else(|_| fail(format!("bad number of towns {towns}")));
            let seed: u64 = seed.parse().unwrap_or_else(|_| fail(format!("bad seed {seed}")));
            let (_, strategies) = generate_region(towns, seed);
            std::fs::create_dir_all(dir).unwrap_or_else(|e| fail(format!("{dir}: {e}")));
            for (i, s) in strategies.iter().enumerate() {
                let out = format!("{dir}/town-{:03}.json", i + 1);
                let text = shirube::format::export(s, "2026-01-01T00:00:00Z");
                std::fs::write(&out, text).unwrap_or_else(|e| fail(format!("{out}: {e}")));
            }
        }
        [what @ ("merge-preview" | "merge-marks"), size, seed, runs @ ..] if runs.len() <= 1 => {
            print!("{}", merge_table(what, size, seed, runs.first()).unwrap_or_else(|e| fail(e)))
        }
        [what @ ("population" | "region-vision" | "generate-region-vision-files"), rest @ ..] => print!("{}", population(what, rest).unwrap_or_else(|e| fail(e))),
        ["region", towns, seed] => {
            // What opening a region costs natively (the browser's figures are the budget's).
            let towns: usize = towns.parse().unwrap_or_else(|_| fail(format!("bad number of towns {towns}")));
            let seed: u64 = seed.parse().unwrap_or_else(|_| fail(format!("bad seed {seed}")));
            print!("{}", shirube::bench::region::table(towns, seed, 5));
        }
        ["report", raw, latest, rest @ ..] if rest.is_empty() || rest == ["--smoke"] => {
            // A figure without a value is printed as missing, with why. With --smoke (one run of
            // each figure on small data, `scripts/bench.sh --smoke`) the budgets are printed, not
            // held, and any missing figure fails the run (exit 1).
            let smoke = rest == ["--smoke"];
            let text = std::fs::read_to_string(raw).unwrap_or_else(|e| fail(format!("{raw}: {e}")));
            let raw = with_native_samples(stats::read_raw(&text).unwrap_or_else(|e| fail(format!("{raw}: {e}"))));
            let report = stats::report(&raw);
            if smoke {
                println!("smoke run: every figure once, on small data; the budgets are printed, not held\n");
            }
            print!("{}", stats::table(&report));
            let json = serde_json::to_string_pretty(&report).unwrap_or_default();
            std::fs::write(latest, json).unwrap_or_else(|e| fail(format!("{latest}: {e}")));
            println!("\nfigures written to {latest}");
            let missing = stats::missing(&report).len();
            if smoke && missing > 0 {
                eprintln!("bench: {missing} figure(s) missing (listed above): the benchmark no longer measures them");
                std::process::exit(1);
            }
        }
        ["profile-import", file] => {
            // What each step of an import costs, natively (the browser's figures are in the
            // report; the proportions are what this shows): the same steps as format::open.
            use std::time::Instant;
            let text = std::fs::read_to_string(file).unwrap_or_else(|e| fail(format!("{file}: {e}")));
            let runs = 5;
            let mut rows: Vec<(&str, Vec<f64>)> = ["JSON → serde_json::Value (format::parse)", "  for reference: JSON → Strategy directly (serde_json::from_str)", "Value → Strategy with paths (serde_path_to_error)", "validate", "whole import (format::open)", "store: export_compact (serialise)"].iter().map(|n| (*n, Vec::new())).collect();
            for _ in 0..runs {
                let t = Instant::now();
                let value = shirube::format::parse(&text).unwrap_or_else(|e| fail(format!("{e:?}")));
                rows[0].1.push(t.elapsed().as_secs_f64() * 1e3);
                // The strategy's own text, parsed straight into the model types.
                let strategy_text = value.get("strategy").map(|s| s.to_string()).unwrap_or_default();
                let t = Instant::now();
                let _: shirube::model::Strategy = serde_json::from_str(&strategy_text).unwrap_or_else(|e| fail(format!("{e}")));
                rows[1].1.push(t.elapsed().as_secs_f64() * 1e3);
                let raw = value.get("strategy").cloned().unwrap_or_default();
                let t = Instant::now();
                let strategy: shirube::model::Strategy = serde_path_to_error::deserialize(raw).unwrap_or_else(|e| fail(format!("{e}")));
                rows[2].1.push(t.elapsed().as_secs_f64() * 1e3);
                let t = Instant::now();
                let _ = shirube::model::validate(&strategy);
                rows[3].1.push(t.elapsed().as_secs_f64() * 1e3);
                let t = Instant::now();
                let _ = shirube::format::open(text.as_bytes());
                rows[4].1.push(t.elapsed().as_secs_f64() * 1e3);
                let t = Instant::now();
                let _ = shirube::format::export_compact(&strategy, "2026-01-01T00:00:00Z");
                rows[5].1.push(t.elapsed().as_secs_f64() * 1e3);
            }
            println!("{file}: {} bytes, median of {runs} runs (native, release)", text.len());
            for (name, samples) in rows {
                println!("  {name:<66} {:>9.1} ms", stats::median(&samples).unwrap_or(f64::NAN));
            }
        }
        _ => fail("usage: bench generate <town|large|huge> <seed> <out.json> | bench generate-merge <size> <seed> <dir> | bench generate-folder <size> <seed> <dir> | bench folder-sync <dir> | bench graph-read <file.json> | bench generate-region <towns> <seed> <out.json> | bench generate-region-files <towns> <seed> <dir> | bench region <towns> <seed> | bench population <runs> | bench region-vision <towns> <seed> [runs] | bench generate-region-vision-files <towns> <seed> <dir> | bench merge-preview <size> <seed> | bench merge-marks <size> <seed> [runs] | bench report <raw.json> <latest.json> [--smoke] | bench profile-import <file.json>".into()),
    }
}

#[cfg(target_arch = "wasm32")]
fn main() {}
