//! A table's cells made into the texts the CSV rules read: a percentage as its number when the
//! unit is %, the row's unit taken off a value (「431.5万円」 → 「431.5」, 「2,408人※」 →
//! 「2,408※」), and a year in brackets after a baseline or target (「1,234（H30）」) moved to its
//! year column. Everything else about a value — 「－」, marks, ▲, full-width digits, target
//! words — is left to the CSV rules.

use super::rows::RowIs;
use super::words::{cell_text, fold};
use super::{Cell, ColumnRole, Grid, TableShape};
use crate::model::{FiscalYear, Strategy};

/// The unit of a row's values: its 単位 cell, else its indicator's unit, else (a new
/// indicator) what follows the number in its first value cell (「3,908件」 → 件; a percentage
/// cell → %).
pub(super) struct RowUnit {
    pub text: String,
}

fn is_value(role: ColumnRole) -> bool {
    matches!(role, ColumnRole::Baseline | ColumnRole::Target | ColumnRole::Actual(_) | ColumnRole::Interim(_))
}

impl RowUnit {
    pub fn of(grid: &Grid, roles: &[ColumnRole], row: usize, is: &RowIs, s: &Strategy) -> RowUnit {
        if let Some(c) = roles.iter().position(|r| *r == ColumnRole::Unit) {
            let text = cell_text(grid.shown(row, c));
            // 「（人）」 as some tables write it.
            let text = text.trim_matches(['(', ')', '（', '）']).trim().to_owned();
            return RowUnit { text };
        }
        if let RowIs::Existing(id, _) = is {
            return RowUnit { text: s.indicator(id).map(|i| i.unit.clone()).unwrap_or_default() };
        }
        let values = (0..grid.width()).filter(|c| roles.get(*c).is_some_and(|r| is_value(*r)));
        for c in values {
            match grid.cell(row, c) {
                Cell::Percent { .. } => return RowUnit { text: "%".to_owned() },
                Cell::Text(t) => {
                    if let Some(unit) = unit_after_number(split_year(t.trim()).0) {
                        return RowUnit { text: unit.to_owned() };
                    }
                }
                _ => {}
            }
        }
        RowUnit { text: String::new() }
    }

    fn is_percent(&self) -> bool {
        matches!(self.text.as_str(), "%" | "％" | "パーセント")
    }
}

/// What follows a number when it is a short unit (「万円」, 「件」), not a mark or words.
fn unit_after_number(text: &str) -> Option<&str> {
    let is_number = |c: char| crate::model::narrow(c).is_ascii_digit() || ",.，．-－▲△+ ".contains(c);
    let start = text.find(|c: char| !is_number(c))?;
    let (number, tail) = text.split_at(start);
    const WORDS: [&str; 7] = ["以上", "以下", "減少", "増加", "上昇", "低下", "維持"];
    let plain = tail.chars().all(|c| !(c.is_ascii_digit() || "※*＊†‡#＃()（）〜~/".contains(c)));
    let ok = number.chars().any(|c| crate::model::narrow(c).is_ascii_digit())
        && (1..=6).contains(&tail.chars().count())
        && plain
        && !WORDS.iter().any(|w| tail.contains(w));
    ok.then_some(tail.trim())
}

/// A value with a year in brackets after it: 「1,234（H30）」 → (「1,234」, Some("H30")).
fn split_year(text: &str) -> (&str, Option<&str>) {
    let Some(body) = text.strip_suffix([')', '）']) else { return (text, None) };
    let Some(open) = body.rfind(['(', '（']) else { return (text, None) };
    let inner = body[open..].trim_start_matches(['(', '（']).trim();
    let before = body[..open].trim_end();
    match FiscalYear::parse(inner) {
        Ok(_) if !before.is_empty() => (before, Some(inner)),
        _ => (text, None),
    }
}

/// The unit taken off a number (「431.5万円」, 「2,408人※」); the text as it is otherwise.
fn without_unit(text: &str, unit: &str) -> String {
    if unit.is_empty() {
        return text.to_owned();
    }
    let Some(at) = text.rfind(unit) else { return text.to_owned() };
    let (before, after) = (&text[..at], &text[at + unit.len()..]);
    let ends_in_digit = before.trim_end().chars().last().is_some_and(|c| crate::model::narrow(c).is_ascii_digit());
    let after_ok = after.is_empty() || after.starts_with(['※', '*', '＊', '(', '（', ' ', '　']);
    if ends_in_digit && after_ok {
        format!("{}{}", before.trim_end(), after)
    } else {
        text.to_owned()
    }
}

/// A cell as the CSV rules will read it, and a year found beside a baseline or target value.
pub(super) struct PreparedCell {
    pub text: String,
    pub year: Option<String>,
}

/// The text of one cell of a body row for its column's role. Identifying cells are read
/// through merges (a goal merged down applies to each row); values only where they are.
pub(super) fn prepare(
    grid: &Grid,
    shape: &TableShape,
    role: ColumnRole,
    row: usize,
    col: usize,
    unit: &RowUnit,
) -> PreparedCell {
    let plain = |text: String| PreparedCell { text, year: None };
    match role {
        ColumnRole::Id
        | ColumnRole::Goal
        | ColumnRole::Measure
        | ColumnRole::Code
        | ColumnRole::Name
        | ColumnRole::Unit
        | ColumnRole::Series => plain(cell_text(grid.shown(row, col))),
        ColumnRole::Baseline | ColumnRole::Target | ColumnRole::Actual(_) | ColumnRole::Interim(_) => {
            let cell = grid.cell(row, col);
            let text = match cell {
                Cell::Percent { shown } if unit.is_percent() => format!("{shown}"),
                cell => cell_text(cell),
            };
            // Only words carry a unit (「431.5万円」); a number cell is its number, whatever the
            // unit (a unit 「3」 must not take the 3 off 1,233).
            let worded = matches!(cell, Cell::Text(_));
            let (value, year) = match role {
                ColumnRole::Baseline | ColumnRole::Target => split_year(&text),
                _ => (text.as_str(), None),
            };
            let year = year.map(str::to_owned).or_else(|| header_year(grid, shape, role, col));
            let text = if worded { without_unit(value, &unit.text) } else { value.to_owned() };
            PreparedCell { text, year }
        }
        _ => plain(cell_text(grid.cell(row, col))),
    }
}

/// A baseline's or target's year in its header: 「基準値（H30）」, 「目標値(R7年度)」.
fn header_year(grid: &Grid, shape: &TableShape, role: ColumnRole, col: usize) -> Option<String> {
    if !matches!(role, ColumnRole::Baseline | ColumnRole::Target) {
        return None;
    }
    let header = fold(&super::roles::header_text(grid, shape, col));
    split_year(&header).1.map(str::to_owned)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn units_and_years_come_off_values() {
        assert_eq!(split_year("1,234（H30）"), ("1,234", Some("H30")));
        assert_eq!(split_year("431.5万円 (H30)"), ("431.5万円", Some("H30")));
        assert_eq!(split_year("累計 4386（平成27〜31年度）"), ("累計 4386（平成27〜31年度）", None));
        assert_eq!(split_year("1,820 (速報)"), ("1,820 (速報)", None));
        assert_eq!(without_unit("431.5万円", "万円"), "431.5");
        assert_eq!(without_unit("2,408人※", "人"), "2,408※");
        assert_eq!(without_unit("80%以上", "%"), "80%以上");
        assert_eq!(without_unit("－", "人"), "－");
        assert_eq!(unit_after_number("3,908件"), Some("件"));
        assert_eq!(unit_after_number("-40人"), Some("人"));
        assert_eq!(unit_after_number("2,408※"), None);
        assert_eq!(unit_after_number("80以上"), None);
        assert_eq!(unit_after_number("↗"), None);
    }
}
