//! The benchmark's native half: a deterministic generator of strategies of known sizes (and of a
//! region of many towns, `region`; a town's population vision, `population`; the region's towns with visions, `region_vision`; of a round's filled section workbooks, `round_books`), and the
//! arithmetic of the figures (median, p95, ratios, budgets) that `scripts/bench.sh` prints and
//! writes to `target/bench/latest.json`. The browser half is `tests/bench/run.mjs`.

pub mod folder;
pub mod generate;
pub mod graph;
pub mod marks;
pub mod merge;
pub mod population;
pub mod region;
pub mod region_vision;
pub mod round_books;
pub mod stats;
