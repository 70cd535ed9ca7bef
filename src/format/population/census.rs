//! The base population from a table of ages by sex: e-Stat's census table, pasted cells, or the
//! 住民基本台帳 by single age. Checked: every 5-year group present, the groups (and 年齢不詳) sum
//! to the 総数 row, 男 + 女 equal the 総数 column; a withheld, empty or unreadable cell is named
//! by its address.

use super::labels::{age_label, count, text, AgeLabel, Count};
use crate::format::table::{address, Grid};
use crate::model::population::{OpenAge, Sex};
use std::collections::BTreeMap;

/// A table read: the counts by sex × group (the open group summed from all ages past its start).
#[derive(Clone, Debug, PartialEq)]
pub struct CensusReading {
    pub open: OpenAge,
    pub male: Vec<u32>,
    pub female: Vec<u32>,
    /// 年齢不詳 by sex (male, female): in the 総数, in no group.
    pub unknown_age: [u32; 2],
}

/// Why a table cannot be the base population; each names the cell it concerns.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum CensusProblem {
    /// No header row with a 男 and a 女 column.
    NoSexColumns,
    /// No row labelled with ages.
    NoAgeRows,
    /// A 5-year group is missing (`low`: its first age), or its single ages are incomplete.
    MissingGroup {
        low: u16,
    },
    /// 「X」: the figure is withheld (秘匿).
    Masked {
        address: String,
    },
    Empty {
        address: String,
    },
    NotACount {
        address: String,
        text: String,
    },
    /// The groups and 年齢不詳 of one sex do not sum to its 総数 row.
    SumDiffers {
        sex: Sex,
        groups: u64,
        total: u64,
        address: String,
    },
    /// 男 + 女 differ from the row's 総数 column.
    SexesDiffer {
        address: String,
        male: u64,
        female: u64,
        both: u64,
    },
}

/// The columns of the table: the label column and the three count columns.
struct Columns {
    header: usize,
    label: usize,
    male: usize,
    female: usize,
    both: Option<usize>,
}

fn columns(grid: &Grid) -> Option<Columns> {
    for (r, row) in grid.rows.iter().enumerate().take(200) {
        let words: Vec<String> = row.iter().map(text).collect();
        let find = |pred: &dyn Fn(&str) -> bool| words.iter().position(|w| pred(w));
        let male = find(&|w| matches!(w, "男" | "男性" | "男(人)" | "男性(人)"));
        let female = find(&|w| matches!(w, "女" | "女性" | "女(人)" | "女性(人)"));
        if let (Some(male), Some(female)) = (male, female) {
            let both = find(&|w| matches!(w, "総数" | "男女計" | "計" | "合計" | "総数(人)"));
            let label = label_column(grid, r + 1, &[male, female]);
            return Some(Columns { header: r, label, male, female, both });
        }
    }
    None
}

/// The column below the header holding the most age labels.
fn label_column(grid: &Grid, from: usize, not: &[usize]) -> usize {
    let width = grid.width().min(64);
    (0..width)
        .filter(|c| !not.contains(c))
        .max_by_key(|&c| {
            let n = grid
                .rows
                .iter()
                .skip(from)
                .filter(|row| row.get(c).is_some_and(|cell| age_label(&text(cell)).is_some()));
            (n.count(), usize::MAX - c)
        })
        .unwrap_or(0)
}

/// The counts of one sex by label kind.
#[derive(Default)]
struct Counts {
    total: Option<(u64, String)>,
    unknown: u64,
    ranges: BTreeMap<u16, u64>,
    singles: BTreeMap<u16, u64>,
    opens: BTreeMap<u16, u64>,
}

/// Reads the table, or names every problem found.
pub fn read_census(grid: &Grid) -> Result<CensusReading, Vec<CensusProblem>> {
    let cols = columns(grid).ok_or_else(|| vec![CensusProblem::NoSexColumns])?;
    let mut problems = Vec::new();
    let mut by_sex = [Counts::default(), Counts::default()];
    for (r, row) in grid.rows.iter().enumerate().skip(cols.header + 1) {
        let Some(label) = row.get(cols.label).and_then(|c| age_label(&text(c))) else { continue };
        let mut read = |c: usize| {
            let at = || address(&grid.name, c, r);
            let problem = match count(grid.cell(r, c)) {
                Count::Persons(n) => return Some(u64::from(n)),
                Count::Masked => CensusProblem::Masked { address: at() },
                Count::Empty => CensusProblem::Empty { address: at() },
                Count::Unreadable(text) => CensusProblem::NotACount { address: at(), text },
            };
            problems.push(problem);
            None
        };
        let (male, female) = (read(cols.male), read(cols.female));
        if let (Some(both_col), Some(m), Some(f)) = (cols.both, male, female) {
            if let Count::Persons(both) = count(grid.cell(r, both_col)) {
                if u64::from(both) != m + f {
                    let address = address(&grid.name, both_col, r);
                    problems.push(CensusProblem::SexesDiffer { address, male: m, female: f, both: u64::from(both) });
                }
            }
        }
        // A cell already named counts as 0, so its group is not named missing too.
        for (i, value) in [male, female].into_iter().enumerate() {
            let (v, counts) = (value.unwrap_or(0), &mut by_sex[i]);
            let col = [cols.male, cols.female][i];
            match label {
                AgeLabel::Total => counts.total = counts.total.clone().or(Some((v, address(&grid.name, col, r)))),
                AgeLabel::Unknown => counts.unknown += v,
                AgeLabel::Range(a, b) if a % 5 == 0 && b == a + 4 => *counts.ranges.entry(a).or_default() += v,
                AgeLabel::Range(..) => {}
                AgeLabel::Open(a) => *counts.opens.entry(a).or_default() += v,
                AgeLabel::Single(a) => *counts.singles.entry(a).or_default() += v,
            }
        }
    }
    if by_sex.iter().all(|c| c.ranges.is_empty() && c.singles.is_empty() && c.opens.is_empty()) {
        problems.push(CensusProblem::NoAgeRows);
        return Err(problems);
    }
    let open = open_age(&by_sex[0]);
    let mut groups = [Vec::new(), Vec::new()];
    for (i, counts) in by_sex.iter().enumerate() {
        groups[i] = fold(counts, open, &mut problems);
    }
    for (i, sex) in Sex::BOTH.into_iter().enumerate() {
        if let Some((total, address)) = &by_sex[i].total {
            let sum = groups[i].iter().map(|&v| u64::from(v)).sum::<u64>() + by_sex[i].unknown;
            if sum != *total && problems.is_empty() {
                problems.push(CensusProblem::SumDiffers { sex, groups: sum, total: *total, address: address.clone() });
            }
        }
    }
    if !problems.is_empty() {
        problems.dedup();
        return Err(problems);
    }
    let unknown = |i: usize| u32::try_from(by_sex[i].unknown).unwrap_or(u32::MAX);
    let [male, female] = groups;
    Ok(CensusReading { open, male, female, unknown_age: [unknown(0), unknown(1)] })
}

/// 85+ when the table stops there (「85歳以上」 and no 85–89), else 90+.
fn open_age(c: &Counts) -> OpenAge {
    let has_85_89 = c.ranges.contains_key(&85) || (85..90).any(|a| c.singles.contains_key(&a));
    if c.opens.contains_key(&85) && !has_85_89 {
        OpenAge::From85
    } else {
        OpenAge::From90
    }
}

/// The counts in the model's groups; a group with no 5-year row and incomplete single ages is
/// named missing.
fn fold(c: &Counts, open: OpenAge, problems: &mut Vec<CensusProblem>) -> Vec<u32> {
    let clamp = |v: u64| u32::try_from(v).unwrap_or(u32::MAX);
    let n = open.groups();
    let mut out = Vec::with_capacity(n);
    for g in 0..n - 1 {
        let low = (g as u16) * 5;
        let value = c.ranges.get(&low).copied().or_else(|| {
            let ages: Vec<u64> = (low..low + 5).filter_map(|a| c.singles.get(&a).copied()).collect();
            (ages.len() == 5).then(|| ages.iter().sum())
        });
        match value {
            Some(v) => out.push(clamp(v)),
            None => {
                problems.push(CensusProblem::MissingGroup { low });
                out.push(0);
            }
        }
    }
    let start = open.start();
    let smallest_open = |from: u16| c.opens.range(from..).next().map(|(_, v)| *v);
    let beyond = if let Some((&last, _)) = c.ranges.range(start..).next_back() {
        Some(c.ranges.range(start..).map(|(_, v)| v).sum::<u64>() + smallest_open(last + 5).unwrap_or(0))
    } else if let Some((&last, _)) = c.singles.range(start..).next_back() {
        Some(c.singles.range(start..).map(|(_, v)| v).sum::<u64>() + smallest_open(last + 1).unwrap_or(0))
    } else {
        smallest_open(start)
    };
    let beyond = beyond.unwrap_or_else(|| {
        problems.push(CensusProblem::MissingGroup { low: start });
        0
    });
    out.push(clamp(beyond));
    out
}
