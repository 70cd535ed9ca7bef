//! The assumptions from a sheet: one row per item (生残率, 純移動率 by sex × group reached;
//! 子ども女性比, 0～4歳性比), one column per 5-year period (「2020→2025」), the town's rows found by
//! its 団体コード when the sheet holds many towns. Every rate of every period must be there; a
//! missing or unreadable one is named.

use super::labels::{age_label, count, text, AgeLabel, Count};
use crate::format::table::{address, Cell, Grid};
use crate::model::population::{AssumptionSource, Assumptions, OpenAge, PeriodRates, Sex};
use crate::model::UnknownFields;
use std::collections::BTreeMap;

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum RateItem {
    Survival,
    Migration,
    ChildWomanRatio,
    SexRatio,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum AssumptionProblem {
    /// No header row with 項目, 年齢 and period columns (「2020→2025」).
    NoHeader,
    /// No row of the town's 団体コード.
    TownNotFound {
        code: String,
    },
    NotANumber {
        address: String,
        text: String,
    },
    Empty {
        address: String,
    },
    /// A rate the projection needs is not in the sheet (`low`: the group reached's first age).
    Missing {
        item: RateItem,
        sex: Option<Sex>,
        low: Option<u16>,
        start: u16,
    },
}

struct Header {
    row: usize,
    code: Option<usize>,
    item: usize,
    sex: Option<usize>,
    age: Option<usize>,
    periods: Vec<(usize, u16)>,
}

/// 「2020→2025」, 「2020～2025年」, 「2020-25」: the period's first year.
fn period_start(word: &str) -> Option<u16> {
    let digits: String = word.chars().take_while(char::is_ascii_digit).collect();
    let rest = &word[digits.len()..];
    let start = digits.parse::<u16>().ok().filter(|y| (1900..=2200).contains(y) && digits.len() == 4)?;
    rest.starts_with(['→', '~', '〜', '-', '－', '➝']).then_some(start)
}

fn header(grid: &Grid) -> Option<Header> {
    grid.rows.iter().enumerate().take(200).find_map(|(row, cells)| {
        let words: Vec<String> = cells.iter().map(text).collect();
        let find = |names: &[&str]| words.iter().position(|w| names.iter().any(|n| w.contains(n)));
        let periods: Vec<(usize, u16)> =
            words.iter().enumerate().filter_map(|(c, w)| period_start(w).map(|y| (c, y))).collect();
        let item = find(&["項目", "区分", "指標"])?;
        (!periods.is_empty()).then(|| Header {
            row,
            code: find(&["団体コード", "市区町村コード", "コード"]),
            item,
            sex: find(&["男女", "性別"]),
            age: find(&["年齢"]),
            periods,
        })
    })
}

fn item_of(word: &str) -> Option<RateItem> {
    if word.contains("生残") || word.contains("生存") {
        Some(RateItem::Survival)
    } else if word.contains("純移動") {
        Some(RateItem::Migration)
    } else if word.contains("子ども女性") || word.contains("子供女性") || word.contains("婦人子ども") {
        Some(RateItem::ChildWomanRatio)
    } else if word.contains("性比") {
        Some(RateItem::SexRatio)
    } else {
        None
    }
}

/// The first five digits of a 団体コード (the sixth is a check digit the 社人研's tables omit).
fn code_key(cell: &Cell) -> String {
    let digits: String = match cell {
        Cell::Number(n) => format!("{n:.0}"),
        other => text(other),
    }
    .chars()
    .filter(char::is_ascii_digit)
    .collect();
    // A 5-digit code kept as a number loses its leading zero (01202 → 1202).
    let padded = if digits.len() == 4 { format!("0{digits}") } else { digits };
    padded.chars().take(5).collect()
}

type Key = (RateItem, Option<Sex>, Option<u16>, u16);

/// Reads the town's assumptions (`town_code`: its 団体コード, when the sheet has a code column).
pub fn read_assumptions(
    grid: &Grid,
    town_code: Option<&str>,
    source: AssumptionSource,
) -> Result<Assumptions, Vec<AssumptionProblem>> {
    let h = header(grid).ok_or_else(|| vec![AssumptionProblem::NoHeader])?;
    let wanted = town_code.map(|c| code_key(&Cell::Text(c.into())));
    let mut problems = Vec::new();
    let mut values: BTreeMap<Key, f64> = BTreeMap::new();
    let mut open = OpenAge::From90;
    let mut town_rows = 0;
    for r in h.row + 1..grid.rows.len() {
        if let (Some(c), Some(w)) = (h.code, &wanted) {
            if &code_key(grid.cell(r, c)) != w {
                continue;
            }
        }
        let Some(item) = item_of(&text(grid.cell(r, h.item))) else { continue };
        town_rows += 1;
        let by_sex = matches!(item, RateItem::Survival | RateItem::Migration);
        let sex = h.sex.filter(|_| by_sex).and_then(|c| match text(grid.cell(r, c)).chars().next() {
            Some('男') => Some(Sex::Male),
            Some('女') => Some(Sex::Female),
            _ => None,
        });
        let low = match item {
            RateItem::Survival | RateItem::Migration => {
                let word = h.age.map(|c| text(grid.cell(r, c))).unwrap_or_default();
                let reached = word.rsplit('→').next().unwrap_or_default();
                match age_label(reached) {
                    Some(AgeLabel::Range(a, _)) => Some(a),
                    Some(AgeLabel::Open(a)) => {
                        if a == 85 {
                            open = OpenAge::From85;
                        }
                        Some(a)
                    }
                    _ => continue,
                }
            }
            _ => None,
        };
        for &(c, start) in &h.periods {
            let at = || address(&grid.name, c, r);
            let value = match grid.cell(r, c) {
                Cell::Number(n) if n.is_finite() => Some(*n),
                Cell::Percent { shown } => Some(shown / 100.0),
                other => match count(other) {
                    Count::Empty => {
                        problems.push(AssumptionProblem::Empty { address: at() });
                        None
                    }
                    _ => match crate::model::parse_number(&text(other)) {
                        Ok(v) => Some(v),
                        Err(_) => {
                            problems.push(AssumptionProblem::NotANumber { address: at(), text: text(other) });
                            None
                        }
                    },
                },
            };
            if let Some(v) = value {
                values.insert((item, sex, low, start), v);
            }
        }
    }
    if town_rows == 0 {
        if let Some(code) = town_code.filter(|_| h.code.is_some()) {
            return Err(vec![AssumptionProblem::TownNotFound { code: code.into() }]);
        }
    }
    let periods = periods(&h, &values, open, &mut problems);
    if problems.is_empty() {
        Ok(Assumptions { source, periods, unknown: UnknownFields::new() })
    } else {
        Err(problems)
    }
}

/// Each period's rates from the values read; every one missing is named.
fn periods(
    h: &Header,
    values: &BTreeMap<Key, f64>,
    open: OpenAge,
    problems: &mut Vec<AssumptionProblem>,
) -> Vec<PeriodRates> {
    let mut starts: Vec<u16> = h.periods.iter().map(|p| p.1).collect();
    starts.sort_unstable();
    starts.dedup();
    let n = open.groups();
    let mut get = |item: RateItem, sex: Option<Sex>, low: Option<u16>, start: u16| {
        values.get(&(item, sex, low, start)).copied().unwrap_or_else(|| {
            problems.push(AssumptionProblem::Missing { item, sex, low, start });
            0.0
        })
    };
    starts
        .into_iter()
        .map(|start| {
            let mut rates = |item: RateItem, sex: Sex| -> Vec<f64> {
                (1..n).map(|g| get(item, Some(sex), Some(g as u16 * 5), start)).collect()
            };
            let survival_male = rates(RateItem::Survival, Sex::Male);
            let survival_female = rates(RateItem::Survival, Sex::Female);
            let migration_male = rates(RateItem::Migration, Sex::Male);
            let migration_female = rates(RateItem::Migration, Sex::Female);
            PeriodRates {
                start,
                survival_male,
                survival_female,
                migration_male,
                migration_female,
                child_woman_ratio: get(RateItem::ChildWomanRatio, None, None, start),
                sex_ratio: get(RateItem::SexRatio, None, None, start),
            }
        })
        .collect()
}
