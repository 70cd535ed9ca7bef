//! What each column of a town's table holds, proposed from its header words ([`propose_roles`])
//! for the user to correct, and remembered per layout: [`layout_key`] names a layout by its
//! words other than years, so next year's sheet with one more year column finds the same
//! [`Mapping`]; applying it re-proposes the year columns and keeps the rest as the user set them.

use super::column::ColumnRole;
use super::layout::TableShape;
use super::words::{cell_text, fold, word, Word, YearValueKind};
use super::Grid;
use serde::{Deserialize, Serialize};

/// The proposed role of each column and the header text a UI shows above its choice (the
/// header rows' texts joined: 「令和4年度 実績」).
#[derive(Clone, Debug, PartialEq)]
pub struct Columns {
    pub roles: Vec<ColumnRole>,
    pub headers: Vec<String>,
}

/// A layout's roles as the user confirmed them, stored by [`layout_key`] in preferences: the
/// number of header rows, and the role of each column that is not a year's, by its header.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Mapping {
    pub header_rows: usize,
    pub columns: Vec<Remembered>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Remembered {
    /// The header as folded for matching (full-width forms folded, spaces removed).
    pub header: String,
    pub role: ColumnRole,
}

/// The header text of a column: each header row's text (a merged cell read in every column it
/// covers), a repeated one once (a cell merged down two header rows).
pub fn header_text(grid: &Grid, shape: &TableShape, col: usize) -> String {
    let mut parts: Vec<String> = Vec::new();
    for row in shape.header_rows.clone() {
        let t = cell_text(grid.shown(row, col));
        if !t.is_empty() && !parts.contains(&t) {
            parts.push(t);
        }
    }
    parts.join(" ")
}

fn header_words(grid: &Grid, shape: &TableShape, col: usize) -> Vec<Word> {
    shape.header_rows.clone().map(|row| word(grid.shown(row, col))).collect()
}

fn is_year_column(grid: &Grid, shape: &TableShape, col: usize) -> bool {
    header_words(grid, shape, col).iter().any(|w| matches!(w, Word::Year(..)))
}

/// The role the header words of one column say, before its neighbours are looked at.
fn role_of(words: &[Word]) -> ColumnRole {
    let year = words.iter().find_map(|w| if let Word::Year(y, k) = w { Some((*y, *k)) } else { None });
    if let Some((y, kind)) = year {
        let kind = kind.or_else(|| {
            words.iter().find_map(|w| match w {
                Word::Kind(k) => Some(*k),
                Word::Named(ColumnRole::Target) => Some(YearValueKind::Target),
                _ => None,
            })
        });
        return match kind {
            Some(YearValueKind::Target) => ColumnRole::Interim(y.year),
            Some(YearValueKind::Actual) | None => ColumnRole::Actual(y),
        };
    }
    // The lowest header row is the most precise (「数値目標」 over 「指標名」 and 「単位」).
    match words.iter().rev().find(|w| !matches!(w, Word::Other)) {
        Some(Word::Named(role)) => *role,
        Some(Word::Kind(YearValueKind::Target)) => ColumnRole::Target,
        // 年度 beside a value (`Word::YearOfNeighbour`) is decided by the column before it
        // (`propose_roles`).
        _ => ColumnRole::Ignore,
    }
}

/// The proposed role of every column of the table. A column a role was already given to is
/// ignored the second time (one 指標名, one year's actual); 年度 beside 基準値 or 目標値 is its
/// year; 「指標」 merged over two columns is the code and then the name.
pub fn propose_roles(grid: &Grid, shape: &TableShape) -> Columns {
    let width = grid.width();
    let mut roles: Vec<ColumnRole> = Vec::with_capacity(width);
    for col in 0..width {
        let words = header_words(grid, shape, col);
        let mut role = role_of(&words);
        if words.contains(&Word::YearOfNeighbour) && !matches!(role, ColumnRole::Actual(_) | ColumnRole::Interim(_)) {
            role = match roles.last() {
                Some(ColumnRole::Baseline) => ColumnRole::BaselineYear,
                Some(ColumnRole::Target) => ColumnRole::TargetYear,
                _ => ColumnRole::Ignore,
            };
        }
        if role == ColumnRole::Name
            && roles.last() == Some(&ColumnRole::Name)
            && !roles.contains(&ColumnRole::Code)
            && same_merge(grid, shape, col)
        {
            if let Some(last) = roles.last_mut() {
                *last = ColumnRole::Code;
            }
        }
        if role != ColumnRole::Ignore && roles.iter().any(|r| same_slot(*r, role)) {
            role = ColumnRole::Ignore;
        }
        roles.push(role);
    }
    let headers: Vec<String> = (0..width).map(|c| header_text(grid, shape, c)).collect();
    // 「指標」 over a code and a name, its merge lost (a table copied out of a PDF): the
    // column under it holds codes, and the one after has no header.
    if let Some(col) = roles.iter().position(|r| *r == ColumnRole::Name) {
        let blank_after = headers.get(col + 1).is_some_and(String::is_empty);
        if blank_after && !roles.contains(&ColumnRole::Code) && holds_codes(grid, shape, col) {
            roles[col] = ColumnRole::Code;
            roles[col + 1] = ColumnRole::Name;
        }
    }
    Columns { roles, headers }
}

/// Whether a column's body cells are codes (「5-1」, 「1-2-3」, 「12」), not names.
fn holds_codes(grid: &Grid, shape: &TableShape, col: usize) -> bool {
    let texts: Vec<String> =
        shape.body.clone().map(|r| fold(&cell_text(grid.cell(r, col)))).filter(|t| !t.is_empty()).collect();
    !texts.is_empty()
        && texts.iter().all(|t| {
            t.chars().count() <= 8
                && t.chars().any(|c| c.is_ascii_digit())
                && t.chars().all(|c| c.is_ascii_alphanumeric() || "-.ー－".contains(c))
        })
}

/// Whether two roles fill the same slot (one year's actual, written as 年 or 年度, is one).
fn same_slot(a: ColumnRole, b: ColumnRole) -> bool {
    match (a, b) {
        (ColumnRole::Actual(x), ColumnRole::Actual(y)) => x.year == y.year,
        _ => a == b,
    }
}

/// Whether the column's header cell is merged with the one before it (in the last header row).
fn same_merge(grid: &Grid, shape: &TableShape, col: usize) -> bool {
    let Some(row) = shape.header_rows.clone().last() else { return false };
    col > 0
        && grid.merges.iter().any(|m| m.first_row <= row && row <= m.last_row && m.first_col < col && col <= m.last_col)
}

/// A short key of a table's layout: the number of header rows and the folded headers of the
/// columns that are not years, in order (blank ones left out), hashed. A sheet with one more
/// (or one fewer) year column has the same key.
pub fn layout_key(grid: &Grid, shape: &TableShape) -> String {
    let words: Vec<String> = (0..grid.width())
        .filter(|c| !is_year_column(grid, shape, *c))
        .map(|c| fold(&header_text(grid, shape, c)))
        .filter(|h| !h.is_empty())
        .collect();
    let hash = xxhash_rust::xxh3::xxh3_64(words.join("\u{1f}").as_bytes());
    format!("t{}-{hash:016x}", shape.header_rows.len())
}

/// The mapping to remember for a layout once the user confirmed the roles.
pub fn remember(grid: &Grid, shape: &TableShape, roles: &[ColumnRole]) -> Mapping {
    let columns = (0..grid.width())
        .filter(|c| !is_year_column(grid, shape, *c))
        .map(|c| Remembered {
            header: fold(&header_text(grid, shape, c)),
            role: roles.get(c).copied().unwrap_or(ColumnRole::Ignore),
        })
        .collect();
    Mapping { header_rows: shape.header_rows.len(), columns }
}

/// The roles of a sheet by a remembered mapping: each column that is not a year's takes the
/// remembered role of the same header (in order, when a header repeats); year columns, and
/// columns the mapping does not know, take the proposed role.
pub fn apply_mapping(grid: &Grid, shape: &TableShape, mapping: &Mapping) -> Columns {
    let mut proposed = propose_roles(grid, shape);
    let mut used = vec![false; mapping.columns.len()];
    for (c, role) in proposed.roles.iter_mut().enumerate() {
        if is_year_column(grid, shape, c) {
            continue;
        }
        let header = fold(&header_text(grid, shape, c));
        let found = mapping.columns.iter().enumerate().position(|(k, r)| !used[k] && r.header == header);
        if let Some(k) = found {
            used[k] = true;
            *role = mapping.columns[k].role;
        }
    }
    proposed
}
