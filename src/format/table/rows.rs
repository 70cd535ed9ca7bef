//! Which indicator each body row of a town's table is: an existing one by its code (when only
//! one has it) or by its name, several candidates (the user chooses), or a new one — and the
//! goal or measure a new one goes under, from the row's Goal/Measure cell (merged down over the
//! rows it covers) or from a heading row (「基本目標1 稼ぐ産業と…」 across the table) above it.

use super::words::{cell_text, fold};
use super::{ColumnRole, Grid};
use crate::model::{half_width, GoalKind, Id, Strategy};

/// Where new indicators go: under a goal (数値目標), a measure (KPI), or at strategy level only.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Placement {
    Strategy,
    Goal(Id),
    Measure(Id),
}

/// How a row found its indicator.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RowMatchedBy {
    /// The 指標ID Shirube wrote (its own CSV or workbook).
    Id,
    /// The only indicator with the row's 指標番号.
    Code,
    /// The only indicator with the row's name (full-width forms folded, spaces removed).
    Name,
    /// The user chose it for a row several indicators could be.
    Chosen,
}

/// What one body row is.
#[derive(Clone, Debug, PartialEq)]
pub(super) enum RowIs {
    Existing(Id, RowMatchedBy),
    /// Several indicators have its code or name (and the other does not tell them apart).
    Ambiguous(RowMatchedBy, Vec<Id>),
    New,
    /// A blank name and code: a heading row (it may name the goal or measure of the rows
    /// below) or a row of nothing.
    Skip {
        heading: bool,
    },
}

/// The cells a row is identified by.
pub(super) struct RowText {
    /// 指標ID, when the table has that column.
    pub id: String,
    pub code: String,
    pub name: String,
    pub goal: String,
    pub measure: String,
    /// 系列 (男性, 女性 …): which series of the indicator the row is; empty when not given.
    pub series: String,
}

fn column(roles: &[ColumnRole], role: ColumnRole) -> Option<usize> {
    roles.iter().position(|r| *r == role)
}

/// The identifying cells of a row, each read through merges (a goal merged down applies to
/// every row it covers).
pub(super) fn row_text(grid: &Grid, roles: &[ColumnRole], row: usize) -> RowText {
    let shown = |role| column(roles, role).map(|c| cell_text(grid.shown(row, c))).unwrap_or_default();
    RowText {
        id: shown(ColumnRole::Id),
        code: shown(ColumnRole::Code),
        name: shown(ColumnRole::Name),
        goal: shown(ColumnRole::Goal),
        measure: shown(ColumnRole::Measure),
        series: shown(ColumnRole::Series),
    }
}

/// The text of a heading row across the table (「基本目標1 稼ぐ産業と…」): its one filled cell,
/// not a value, and merged over several columns, or in a column that does not identify an
/// indicator, or naming a goal or measure of the strategy.
pub(super) fn heading_text(s: &Strategy, grid: &Grid, roles: &[ColumnRole], row: usize) -> Option<String> {
    let filled: Vec<usize> = (0..grid.width()).filter(|c| !grid.cell(row, *c).is_empty()).collect();
    let [only] = filled[..] else { return None };
    let role = roles.get(only).copied().unwrap_or(ColumnRole::Ignore);
    let value =
        matches!(role, ColumnRole::Baseline | ColumnRole::Target | ColumnRole::Actual(_) | ColumnRole::Interim(_));
    let wide = grid.merges.iter().any(|m| m.first_row == row && m.first_col == only && m.last_col > m.first_col);
    let identifying = matches!(role, ColumnRole::Code | ColumnRole::Name);
    let text = cell_text(grid.cell(row, only));
    let names_place = || find_goal(s, &text).is_some() || find_measure(s, &text, None).is_some();
    (!value && (wide || !identifying || names_place())).then_some(text)
}

/// Which indicator a row is. An id Shirube wrote picks its indicator; else a code picks the one indicator that has it; else (no code, no
/// indicator with it, or several) the name does, among those with the code when there were
/// several.
pub(super) fn identify(s: &Strategy, text: &RowText) -> RowIs {
    let id = Id::from(text.id.trim());
    if !text.id.trim().is_empty() && s.indicator(&id).is_some() {
        return RowIs::Existing(id, RowMatchedBy::Id);
    }
    let (code, name) = (half_width(&text.code), fold(&text.name));
    if code.is_empty() && name.is_empty() {
        return RowIs::Skip { heading: false };
    }
    let by_code: Vec<&Id> =
        s.indicators.iter().filter(|i| !code.is_empty() && half_width(&i.code) == code).map(|i| &i.id).collect();
    if let [one] = by_code[..] {
        return RowIs::Existing(one.clone(), RowMatchedBy::Code);
    }
    let by_name: Vec<&Id> = s
        .indicators
        .iter()
        .filter(|i| !name.is_empty() && fold(&i.name) == name)
        .filter(|i| by_code.is_empty() || by_code.contains(&&i.id))
        .map(|i| &i.id)
        .collect();
    match (&by_name[..], &by_code[..]) {
        ([one], _) => RowIs::Existing((*one).clone(), RowMatchedBy::Name),
        ([], []) => RowIs::New,
        ([], many) => RowIs::Ambiguous(RowMatchedBy::Code, many.iter().map(|i| (*i).clone()).collect()),
        (many, _) => RowIs::Ambiguous(RowMatchedBy::Name, many.iter().map(|i| (*i).clone()).collect()),
    }
}

/// The first number in a text (「基本目標１」 → 「1」, 「施策(2)」 → 「2」), or a code such as 「1-2」.
fn number_in(folded: &str) -> Option<&str> {
    let start = folded.find(|c: char| c.is_ascii_digit())?;
    let rest = &folded[start..];
    let end = rest.find(|c: char| !(c.is_ascii_digit() || c == '-')).unwrap_or(rest.len());
    Some(rest[..end].trim_end_matches('-'))
}

/// The goal a cell names: the one whose title it contains, else the one with its number (and
/// kind, when the cell says 基本目標 or 横断的な目標).
pub(super) fn find_goal(s: &Strategy, text: &str) -> Option<Id> {
    let folded = fold(text);
    if folded.is_empty() {
        return None;
    }
    let by_title: Vec<&Id> = s
        .goals
        .iter()
        .filter(|g| !g.title.trim().is_empty() && folded.contains(&fold(&g.title)))
        .map(|g| &g.id)
        .collect();
    if let [one] = by_title[..] {
        return Some(one.clone());
    }
    let number = number_in(&folded)?;
    let kind = if folded.contains("横断") {
        Some(GoalKind::CrossCutting)
    } else if folded.contains("基本目標") {
        Some(GoalKind::Basic)
    } else {
        None
    };
    let by_number: Vec<&Id> = (s.goals.iter())
        .filter(|g| half_width(&g.number) == number && kind.is_none_or(|k| g.kind == k))
        .map(|g| &g.id)
        .collect();
    let basic: Vec<&Id> = (by_number.iter().copied())
        .filter(|id| s.goals.iter().any(|g| &g.id == *id && g.kind == GoalKind::Basic))
        .collect();
    // A bare number in a 基本目標 column is a basic goal's (北本市 numbers its cross-cutting
    // goals 1 and 2 too).
    match (&by_number[..], &basic[..]) {
        ([one], _) | (_, [one]) => Some((*one).clone()),
        _ => None,
    }
}

/// The measure a cell names: by title, else by number within the row's goal (or 「1-2」: goal 1,
/// measure 2), else by a number only one measure has.
pub(super) fn find_measure(s: &Strategy, text: &str, goal: Option<&Id>) -> Option<Id> {
    let folded = fold(text);
    if folded.is_empty() {
        return None;
    }
    let all: Vec<_> = s.measures().collect();
    let by_title: Vec<&Id> = (all.iter())
        .filter(|(_, m)| !m.title.trim().is_empty() && folded.contains(&fold(&m.title)))
        .map(|(_, m)| &m.id)
        .collect();
    if let [one] = by_title[..] {
        return Some(one.clone());
    }
    let number = number_in(&folded)?;
    let (goal_number, measure_number) = match number.split_once('-') {
        Some((g, m)) if !number.is_empty() => (Some(g), m),
        _ => (None, number),
    };
    let unique = |found: Vec<&Id>| match found[..] {
        [one] => Some(one.clone()),
        _ => None,
    };
    let matches = |g: &crate::model::Goal, m: &crate::model::Measure| {
        let in_goal = match (goal_number, goal) {
            (Some(n), _) => half_width(&g.number) == n && g.kind == GoalKind::Basic,
            (None, Some(id)) => &g.id == id,
            (None, None) => true,
        };
        in_goal && half_width(&m.number) == measure_number
    };
    unique(all.iter().filter(|(g, m)| matches(g, m)).map(|(_, m)| &m.id).collect()).or_else(|| {
        (goal_number.is_none())
            .then(|| unique(all.iter().filter(|(_, m)| half_width(&m.number) == number).map(|(_, m)| &m.id).collect()))
            .flatten()
    })
}
