//! The population vision's tables as towns get them: the census's population by sex
//! and age (`census`: e-Stat's table as downloaded, pasted cells, or the 住民基本台帳 by age) and
//! the 社人研's assumptions (`assumptions`: its workbook's sheet with the town found by its
//! 団体コード, or pasted cells), each read from a `table::Grid` (the workbook and clipboard
//! readers of `format::table`) into the model's `population` types, or refused with every
//! problem named by its cell's address. Never panics on any grid (fuzzed by
//! `fuzz/fuzz_targets/population_tables.rs`). The vision goes out as the chapter 人口の将来展望
//! (`chapter`), which the document and the public pages read.
//!
//! # The layouts, and where they came from
//! - **Census** (国勢調査, e-Stat 「年齢（5歳階級），男女別人口」 as its Excel/CSV download): a label
//!   column of ages (「総数」, 「0～4歳」 … 「100歳以上」, 「年齢不詳」, subtotals such as 「15歳未満」
//!   or 「（再掲）」 that are skipped) and columns 「総数」「男」「女」 under a header row. 「-」
//!   means none (e-Stat's table notes: 「該当数値がないもの」, as in its API's header, e.g. the
//!   `NOTE "-","該当数値がないもの"` of the 人口推計 table 0003215840 kept in nkmk/e-stat-api's
//!   sample data); 「X」 a figure withheld (秘匿), which cannot be projected and is named.
//!   Single ages (「0歳」「1歳」…, the 住民基本台帳's 年齢別人口 and the census's 各歳 table) are
//!   summed into 5-year groups. The fixtures are made up in that layout (架空).
//! - **Assumptions**: the 社人研's four assumptions by municipality, sex and 5-year group per
//!   5-year period, as its method describes them (see `model::population`). Its workbook could
//!   not be downloaded here, so the exact layout is not checked: the reader finds its columns by
//!   header words (団体コード, 項目, 男女, 年齢, and a column per period 「2020→2025」), one row per
//!   item × sex × group reached, 子ども女性比 and 0～4歳性比 on rows of their own.

mod assumptions;
mod census;
mod chapter;
mod labels;

pub use assumptions::{read_assumptions, AssumptionProblem, RateItem};
pub use census::{read_census, CensusProblem, CensusReading};
pub use chapter::{chapter, Chapter, TextTable};
pub use labels::{age_label, AgeLabel};

/// A CSV's text (decoded by `format::csv::decode`, UTF-8 or Shift_JIS) as a grid of text cells.
pub fn grid_from_csv(text: &str) -> crate::format::table::Grid {
    use crate::format::table::{Cell, Grid};
    let mut reader = csv::ReaderBuilder::new().has_headers(false).flexible(true).from_reader(text.as_bytes());
    let rows = reader
        .records()
        .map_while(Result::ok)
        .map(|record| {
            record.iter().map(|t| if t.trim().is_empty() { Cell::Empty } else { Cell::Text(t.to_owned()) }).collect()
        })
        .collect();
    Grid { name: String::new(), rows, merges: Vec::new() }
}

#[cfg(test)]
pub(crate) mod testing;
#[cfg(test)]
mod tests;
