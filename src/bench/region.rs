//! A generated region for the regional view's benchmark: `n` town-size strategies
//! (Hokkaido has 179 municipalities), each of its own municipality with a valid 団体コード,
//! sharing some indicators as towns really do — the bureau's codes written a little
//! differently (合計特殊出生率, 社会増減数（人）, 観光 入込客数), one name in half of the towns
//! (移住相談件数), the rest each town's own — and naming their neighbours as partners (広域連携),
//! half of them named back. [`timings`] measures what opening the region costs natively, and
//! what bringing every town's file in costs through the session's flow (`session::region`) over
//! the in-memory store — the reading and the store's logic, not IndexedDB's writes.

use super::generate::{generate, Size};
use crate::format::{export, export_region, open_region, Saved};
use crate::model::region::{match_indicators, partnerships, sdg_matrix, side_by_side, Region, ThemeIndex, ThemeQuery};
use crate::model::{FiscalYear, Partner, Strategy};
use crate::session::region::{bring_in, create};
use crate::storage::Store;
use std::future::Future;
use std::sync::Arc;
use std::task::{Context, Poll, Waker};
use std::time::Instant;

/// The 団体コード of the `i`-th generated town: 01 (北海道), three digits, the check digit.
pub fn town_code(i: usize) -> String {
    let five = format!("01{:03}", 201 + i % 799);
    let sum: u32 = five.chars().filter_map(|c| c.to_digit(10)).zip([6, 5, 4, 3, 2]).map(|(d, w)| d * w).sum();
    let check = match sum % 11 {
        0 => 1,
        r => (11 - r) % 10,
    };
    format!("{five}{check}")
}

fn town_name(i: usize) -> String {
    format!("しるべ{}町", i + 1)
}

/// The indicator names shared by towns, by the town's number and the indicator's: the bureau's
/// codes with each town's own way of writing them, then one name in every other town.
fn shared_name(town: usize, k: usize) -> Option<&'static str> {
    match (k, town % 2) {
        (0, _) => Some("合計特殊出生率"),
        (1, 0) => Some("社会増減数（人）"),
        (1, _) => Some("社会増減数"),
        (2, 0) => Some("観光入込客数"),
        (2, _) => Some("観光 入込客数"),
        (3, 0) => Some("移住相談件数"),
        _ => None,
    }
}

/// `n` towns and a region holding them, deterministic for a seed.
pub fn generate_region(n: usize, seed: u64) -> (Region, Vec<Strategy>) {
    let mut towns: Vec<Strategy> = (0..n)
        .map(|i| {
            let mut s = generate(Size::TOWN, seed.wrapping_mul(1_000).wrapping_add(i as u64));
            let name = town_name(i);
            s.title = format!("{name}まち・ひと・しごと創生総合戦略");
            s.municipality.name = name.clone();
            s.municipality.code = Some(town_code(i));
            for (k, ind) in s.indicators.iter_mut().enumerate() {
                let ind = Arc::make_mut(ind);
                ind.name = match shared_name(i, k) {
                    Some(shared) => shared.to_owned(),
                    None => format!("{}（{name}）", ind.name),
                };
            }
            s
        })
        .collect();
    for i in 0..n.saturating_sub(1) {
        // Town i names the next town; the next names it back when its number is even.
        let next = i + 1;
        let name_first = |s: &mut Strategy, k: usize, partner: Partner| {
            let id = s.initiatives().nth(k).map(|(_, x)| x.id.clone());
            if let Some(x) = id.and_then(|id| s.initiative_mut(&id)) {
                x.partners.push(partner);
            }
        };
        name_first(&mut towns[i], 0, Partner { code: Some(town_code(next)), name: String::new() });
        if next % 2 == 0 {
            name_first(&mut towns[next], 1, Partner { code: None, name: town_name(i) });
        }
    }
    let mut region = Region::new("しるべ総合振興局管内");
    region.members = towns.iter().map(|s| s.id.clone()).collect();
    (region, towns)
}

/// What each step of opening a region costs, in milliseconds (median of `runs`), with what it
/// found, for `scripts/bench.sh` to print.
pub fn timings(region: &Region, strategies: &[Strategy], runs: usize) -> Vec<(String, f64)> {
    let towns = region.towns(strategies);
    let mut rows: Vec<(String, f64)> = Vec::new();
    let mut time = |name: String, f: &mut dyn FnMut() -> String| {
        let mut samples = Vec::with_capacity(runs);
        let mut found = String::new();
        for _ in 0..runs.max(1) {
            let t = Instant::now();
            found = f();
            samples.push(t.elapsed().as_secs_f64() * 1e3);
        }
        rows.push((format!("{name} ({found})"), super::stats::median(&samples).unwrap_or(f64::NAN)));
    };
    let year = FiscalYear(2023);
    time("side-by-side roll-ups, one year".into(), &mut || {
        let t = side_by_side(&towns, year);
        format!("{} towns, {} indicators", t.rows.len(), t.totals.counts.indicators)
    });
    time("indicator matching".into(), &mut || {
        let m = match_indicators(region, &towns);
        format!("{} matched, {} unmatched", m.groups.len(), m.unmatched.len())
    });
    time("SDG matrix".into(), &mut || format!("{} rows", sdg_matrix(&towns).counts.len()));
    time("partnerships".into(), &mut || format!("{} pairs", partnerships(&towns).len()));
    time("theme search index (built once)".into(), &mut || format!("{} items", ThemeIndex::new(&towns).len()));
    let saved: Vec<Saved> =
        strategies.iter().map(|s| Saved { strategy: s, saved_at: "2026-01-01T00:00:00Z" }).collect();
    let mut file = String::new();
    time("region file: write".into(), &mut || {
        file = export_region(region, &saved, "2026-01-01T00:00:00Z");
        format!("{:.1} MB", file.len() as f64 / 1e6)
    });
    time("region file: read, every town's file checked".into(), &mut || match open_region(file.as_bytes()) {
        Ok(read) => format!("{} of {} towns read", read.towns.iter().filter(|t| t.is_ok()).count(), read.towns.len()),
        Err(e) => format!("refused: {e}"),
    });
    let files: Vec<(String, Vec<u8>)> = strategies
        .iter()
        .map(|s| (format!("{}.shirube.json", s.municipality.name), export(s, "2026-01-01T00:00:00Z").into_bytes()))
        .collect();
    time(format!("bring in {} town files, memory store", files.len()), &mut || {
        let store = Store::in_memory();
        let now = "2026-01-02T00:00:00Z";
        let outcome = completed(async {
            let region = create(&store, &region.name, now).await.map_err(|n| format!("{n:?}"))?;
            bring_in(&store, &region.id, files.clone(), now, |_, _| {}).await.map_err(|n| format!("{n:?}"))
        });
        match outcome {
            Ok(done) => format!("{} added, {} refused", done.tally().added, done.tally().unreadable),
            Err(e) => format!("failed: {e}"),
        }
    });
    let index = ThemeIndex::new(&towns);
    for words in ["子育て", "移住 支援", "ワイン"] {
        let query = ThemeQuery { words: words.into(), ..ThemeQuery::default() };
        time(format!("theme search 「{words}」"), &mut || {
            let found = index.search(&query);
            format!("{} hits in {} towns", found.iter().map(|t| t.hits.len()).sum::<usize>(), found.len())
        });
    }
    rows
}

/// Runs a future over the in-memory store to its end: that store never waits, so polling until
/// it is ready is enough (no executor in the native build; the tests' `pollster` is theirs).
pub(crate) fn completed<F: Future>(future: F) -> F::Output {
    let mut future = std::pin::pin!(future);
    let mut cx = Context::from_waker(Waker::noop());
    loop {
        if let Poll::Ready(out) = future.as_mut().poll(&mut cx) {
            return out;
        }
    }
}

/// `bench region`'s table: what opening a region of `towns` generated towns costs natively, each
/// step's median over `runs` runs.
pub fn table(towns: usize, seed: u64, runs: usize) -> String {
    let t = std::time::Instant::now();
    let (region, strategies) = generate_region(towns, seed);
    let generated = t.elapsed().as_secs_f64() * 1e3;
    let mut out =
        format!("region of {towns} town-size strategies (seed {seed}), median of {runs} runs (native, release)\n");
    out.push_str(&format!("  {:<66} {generated:>9.1} ms\n", "generate (once)"));
    for (name, ms) in timings(&region, &strategies, runs) {
        out.push_str(&format!("  {name:<66} {ms:>9.1} ms\n"));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::region::PartnershipStatus;

    #[test]
    fn towns_are_distinct_valid_and_share_some_indicators() {
        let (region, towns) = generate_region(6, 1);
        assert_eq!(region.towns(&towns).len(), 6);
        let codes: std::collections::BTreeSet<_> = towns.iter().map(|s| s.municipality.code.clone().unwrap()).collect();
        assert_eq!(codes.len(), 6);
        assert!(codes.iter().all(|c| crate::model::is_municipality_code(c)), "{codes:?}");
        let ids: std::collections::BTreeSet<_> = towns.iter().map(|s| s.id.clone()).collect();
        assert_eq!(ids.len(), 6);
        for s in &towns {
            let problems = crate::model::validate(s);
            assert!(crate::model::errors(&problems).next().is_none(), "{}", s.municipality.name);
        }
        let m = match_indicators(&region, &region.towns(&towns));
        let sizes: Vec<(&str, usize)> = m.groups.iter().map(|g| (g.name.as_str(), g.members.len())).collect();
        assert_eq!(sizes, [("合計特殊出生率", 6), ("社会増減数", 6), ("観光入込客数", 6), ("移住相談件数", 3)]);
        assert_eq!(m.unmatched.len(), 6 * Size::TOWN.indicators - 21);
        let pairs = partnerships(&region.towns(&towns));
        let confirmed = pairs.iter().filter(|p| p.status == PartnershipStatus::Confirmed).count();
        assert_eq!((pairs.len(), confirmed), (5, 2), "pairs (0,1) … (4,5); towns 2 and 4 name theirs back");
        assert_eq!(town_code(0), "012017");
    }

    #[test]
    fn every_town_file_is_brought_in_through_the_session() {
        let (region, towns) = generate_region(3, 1);
        let rows = timings(&region, &towns, 1);
        assert!(
            rows.iter()
                .any(|(name, _)| name.starts_with("bring in 3 town files") && name.contains("(3 added, 0 refused)")),
            "{rows:?}"
        );
    }

    #[test]
    fn same_seed_same_region() {
        let a = generate_region(3, 7).1;
        let b = generate_region(3, 7).1;
        assert_eq!(a, b);
        assert_ne!(a[0].id, a[1].id);
    }
}
