//! The population vision's intake and settings, as plain Rust: a table (a file's sheets or
//! pasted cells) read into a base population or assumptions for a preview, taken into the
//! strategy only when confirmed (one edit, so one undo); the scenarios' fields as typed,
//! resolved (`path`); the changes a page makes to the vision (`take`).

mod path;
mod take;

pub use path::{read_path, write_path, PathError};
pub use take::{
    choose, remove_scenario, set_base_birth_rate, set_scenario, set_target, take_assumptions, take_base, vision_mut,
};

use crate::format::population::{read_assumptions, read_census, AssumptionProblem, CensusProblem};
use crate::format::table::Grid;
use crate::model::population::{AssumptionSource, Assumptions, BasePopulation, PopulationSource};
use crate::model::{half_width, UnknownFields};

/// A base population read from a table, for its preview.
#[derive(Clone, Debug, PartialEq)]
pub struct BaseReading {
    pub base: BasePopulation,
    /// 年齢不詳 (men, women): in the table's 総数, in no group.
    pub unknown_age: [u32; 2],
    /// The sheet it was read from.
    pub sheet: String,
    /// Whether the year was found in the table's title (else the caller's guess).
    pub year_found: bool,
}

/// The year a table's title names: 「令和2年国勢調査」 → 2020, 「2020年」 → 2020, 「平成27年」 → 2015.
pub fn title_year(grid: &Grid) -> Option<u16> {
    grid.rows.iter().take(10).flatten().find_map(|cell| {
        let text = half_width(&crate::format::table::cell_text(cell));
        era_year(&text, "令和", 2018).or_else(|| era_year(&text, "平成", 1988)).or_else(|| western_year(&text))
    })
}

fn era_year(text: &str, era: &str, offset: u16) -> Option<u16> {
    let after = &text[text.find(era)? + era.len()..];
    let (n, rest) = match after.strip_prefix('元') {
        Some(rest) => (1, rest),
        None => {
            let digits: String = after.chars().take_while(char::is_ascii_digit).collect();
            (digits.parse::<u16>().ok()?, &after[digits.len()..])
        }
    };
    rest.starts_with('年').then_some(offset + n)
}

fn western_year(text: &str) -> Option<u16> {
    text.char_indices().find_map(|(i, c)| {
        let rest = &text[i..];
        let digits: String = rest.chars().take_while(char::is_ascii_digit).collect();
        let before_digit = text[..i].chars().next_back().is_some_and(|b| b.is_ascii_digit());
        (c.is_ascii_digit() && !before_digit && digits.len() == 4 && rest[4..].starts_with('年'))
            .then(|| digits.parse::<u16>().ok())
            .flatten()
            .filter(|y| (1900..=2100).contains(y))
    })
}

/// The base population of the first sheet that reads, with the year its title names (else
/// `year`); when none reads, the problems of the first sheet that has 男 and 女 columns (else
/// the first sheet's).
pub fn read_base(grids: &[Grid], source: PopulationSource, year: u16) -> Result<BaseReading, Vec<CensusProblem>> {
    let mut first_problems: Option<Vec<CensusProblem>> = None;
    for grid in grids {
        match read_census(grid) {
            Ok(r) => {
                let found = title_year(grid);
                let base = BasePopulation {
                    year: found.unwrap_or(year),
                    source,
                    open: r.open,
                    male: r.male,
                    female: r.female,
                    unknown: UnknownFields::new(),
                };
                return Ok(BaseReading {
                    base,
                    unknown_age: r.unknown_age,
                    sheet: grid.name.clone(),
                    year_found: found.is_some(),
                });
            }
            Err(problems) => {
                let has_columns = problems != [CensusProblem::NoSexColumns];
                if first_problems.as_ref().is_none_or(|p| has_columns && p == &[CensusProblem::NoSexColumns]) {
                    first_problems = Some(problems);
                }
            }
        }
    }
    Err(first_problems.unwrap_or_else(|| vec![CensusProblem::NoSexColumns]))
}

/// The town's assumptions from the first sheet that reads (`town_code`: the strategy's 団体コード);
/// when none does, the first sheet's problems other than a missing header, else that.
pub fn read_rates(
    grids: &[Grid],
    town_code: Option<&str>,
    source: AssumptionSource,
) -> Result<Assumptions, Vec<AssumptionProblem>> {
    let mut first_problems: Option<Vec<AssumptionProblem>> = None;
    for grid in grids {
        match read_assumptions(grid, town_code, source.clone()) {
            Ok(a) => return Ok(a),
            Err(problems) => {
                let has_header = problems != [AssumptionProblem::NoHeader];
                if first_problems.as_ref().is_none_or(|p| has_header && p == &[AssumptionProblem::NoHeader]) {
                    first_problems = Some(problems);
                }
            }
        }
    }
    Err(first_problems.unwrap_or_else(|| vec![AssumptionProblem::NoHeader]))
}

/// Pasted cells as a grid: Excel's tab-separated text, or comma-separated text when it has no
/// tab (a CSV opened in a text editor and copied).
pub fn pasted_grid(text: &str) -> Grid {
    if text.contains('\t') {
        crate::format::table::from_tsv(text)
    } else {
        crate::format::population::grid_from_csv(text)
    }
}

#[cfg(test)]
mod tests;
