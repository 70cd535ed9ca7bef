//! A town's table as a plan of what would change: each body row an indicator (matched, to
//! choose among several, or new), and its value cells read by the CSV import's own planner —
//! the table's rows are turned into records of Shirube's wide layout under the sheet's own
//! column names, so 「－」, 「2,408※」, full-width digits, ▲ minus and the target words are read
//! by exactly the CSV import's rules, and refusals name the sheet's rows and column letters.
//! [`apply_table`] adds the new indicators and writes the values in one call (one undo step).
//!
//! Running totals (累計値): a row's series is marked as running totals (the CSV's 実績の種類
//! 累計) when a year column's header says 累計 (「令和4年度（累計）」, 「累計」 under a year) or
//! one of the row's actual cells does (出雲市's 「515（累計、うちH28年度255人）」: 515 is the
//! value, the remark its comment). A 「累計」 column without a year is a total of the yearly
//! columns beside it (as 計 is), not read, and marks nothing.

use super::cells::{prepare, RowUnit};
use super::rows::{find_goal, find_measure, heading_text, identify, row_text, RowIs, RowText};
use super::words::cell_text;
use super::{ColumnRole, Grid, Placement, RowMatchedBy, TableShape};
use crate::format::csv::{self, column_letter, CsvColumn, CsvHeader, CsvPlan, Record};
use crate::model::{half_width, DesiredDirection, Id, Indicator, Measure, Series, Strategy, Target, YearBasis};
use std::collections::{BTreeMap, HashMap};
use std::sync::Arc;

/// A row matched to an indicator the strategy has.
#[derive(Clone, Debug, PartialEq)]
pub struct Matched {
    /// The row Excel shows (the sheet's first row is 1).
    pub row: usize,
    pub indicator: Id,
    pub by: RowMatchedBy,
}

/// A row several indicators could be: its values wait for the user's choice
/// ([`plan_table_resolved`]).
#[derive(Clone, Debug, PartialEq)]
pub struct Ambiguous {
    pub row: usize,
    pub by: RowMatchedBy,
    pub candidates: Vec<Id>,
}

/// An indicator the table adds, under the goal or measure its row names.
#[derive(Clone, Debug, PartialEq)]
pub struct NewIndicator {
    pub row: usize,
    pub indicator: Indicator,
    pub under: Placement,
    /// The row's Goal/Measure cell when it names no goal or measure of the strategy (the
    /// indicator then goes where the user placed the table's new ones).
    pub unknown_place: Option<String>,
}

/// A measure (施策) the table creates: a row's 施策 cell (「(1) 農林業の担い手確保」)
/// names a number the row's goal has no measure of. Its new indicators go under it.
#[derive(Clone, Debug, PartialEq)]
pub struct NewMeasure {
    /// The first row that names it.
    pub row: usize,
    pub goal: Id,
    pub measure: Measure,
}

/// A body row that is no indicator.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SkipReason {
    /// No name and no code.
    Blank,
    /// A heading across the table (「基本目標1 …」); it may place the rows below.
    Heading,
}

/// The user's answer for an ambiguous row.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Resolution {
    Existing(Id),
    New,
}

/// What importing a table would do; nothing changes until [`apply_table`].
#[derive(Clone, Debug, PartialEq)]
pub struct TablePlan {
    /// The sheet's name (empty for pasted cells).
    pub sheet: String,
    pub new_indicators: Vec<NewIndicator>,
    /// The measures the table creates, in the order rows name them.
    pub new_measures: Vec<NewMeasure>,
    pub matched: Vec<Matched>,
    pub ambiguous: Vec<Ambiguous>,
    pub skipped: Vec<(usize, SkipReason)>,
    /// The values, by the CSV import's rules; rows are the sheet's, columns its header texts.
    pub values: CsvPlan,
    /// Each column name in `values` → the letter Excel shows over it (A, B, …, AA).
    pub letters: HashMap<String, String>,
}

/// [`plan_table_resolved`] with no ambiguous row resolved.
pub fn plan_table(s: &Strategy, grid: &Grid, shape: &TableShape, roles: &[ColumnRole], place: Placement) -> TablePlan {
    plan_table_resolved(s, grid, shape, roles, place, &BTreeMap::new())
}

/// The plan of a table whose columns have these roles; `resolved` answers ambiguous rows (by
/// the row Excel shows). Changes nothing.
pub fn plan_table_resolved(
    s: &Strategy,
    grid: &Grid,
    shape: &TableShape,
    roles: &[ColumnRole],
    place: Placement,
    resolved: &BTreeMap<usize, Resolution>,
) -> TablePlan {
    let (mut new_indicators, mut matched, mut ambiguous, mut skipped) =
        (Vec::new(), Vec::new(), Vec::new(), Vec::new());
    let mut new_measures: Vec<NewMeasure> = Vec::new();
    let (header, letters) = header(grid, shape, roles);
    let mut working = s.clone();
    let mut records = Vec::new();
    let mut context: Option<Placement> = None;
    for row in shape.body.clone() {
        let shown = row + 1;
        let text = row_text(grid, roles, row);
        let mut is = identify(s, &text);
        if let Some(answer) = resolved.get(&shown).filter(|_| matches!(is, RowIs::Ambiguous(..))) {
            is = match answer {
                Resolution::Existing(id) => RowIs::Existing(id.clone(), RowMatchedBy::Chosen),
                Resolution::New => RowIs::New,
            };
        }
        if let Some(heading) = heading_text(s, grid, roles, row).filter(|_| !matches!(is, RowIs::Existing(..))) {
            context = placement_named(s, &heading, "").or(context);
            is = RowIs::Skip { heading: true };
        }
        let unit = RowUnit::of(grid, roles, row, &is, s);
        // A further series of an indicator this table adds (its 女性 row after its 男性 row).
        if is == RowIs::New && !text.series.is_empty() {
            if let Some((index, id)) = further_series(&mut new_indicators, &text) {
                if let Some(slot) = working.indicators.iter_mut().find(|i| i.id == id) {
                    *slot = Arc::new(new_indicators[index].indicator.clone());
                }
                records.push(record(grid, shape, roles, &header, row, &id, &unit));
                continue;
            }
        }
        let id = match is {
            RowIs::Skip { heading } => {
                skipped.push((shown, if heading { SkipReason::Heading } else { SkipReason::Blank }));
                continue;
            }
            RowIs::Ambiguous(by, candidates) => {
                ambiguous.push(Ambiguous { row: shown, by, candidates });
                continue;
            }
            RowIs::Existing(id, by) => {
                matched.push(Matched { row: shown, indicator: id.clone(), by });
                id
            }
            RowIs::New => {
                let named = placement_named(s, &text.goal, &text.measure);
                let unknown = (named.is_none() && !(text.goal.is_empty() && text.measure.is_empty())).then(|| {
                    if text.measure.is_empty() {
                        text.goal.clone()
                    } else {
                        text.measure.clone()
                    }
                });
                let mut indicator = Indicator::new(&text.code, &text.name, &unit.text);
                if let Some(x) = indicator.series.first_mut() {
                    x.label = text.series.clone();
                }
                target_direction(grid, roles, row, &mut indicator);
                // A new indicator takes the year basis its row writes; an existing one
                // keeps its own, and the CSV rules note a calendar year written for it.
                if let Some(basis) = row_basis(grid, shape, roles, row, &unit) {
                    for x in &mut indicator.series {
                        x.year_basis = basis;
                    }
                }
                let id = indicator.id.clone();
                working.indicators.push(Arc::new(indicator.clone()));
                let mut under = named.clone().or_else(|| context.clone()).unwrap_or_else(|| place.clone());
                // A 施策 the row's goal has no measure of: created under that goal.
                let unknown = match (&under, named_measure(&text.measure)) {
                    (Placement::Goal(goal), Some((number, title))) if !matches!(named, Some(Placement::Measure(_))) => {
                        let at = (new_measures.iter())
                            .position(|m| &m.goal == goal && half_width(&m.measure.number) == half_width(&number));
                        let index = at.unwrap_or_else(|| {
                            let measure = Measure::new(&number, &title);
                            new_measures.push(NewMeasure { row: shown, goal: goal.clone(), measure });
                            new_measures.len() - 1
                        });
                        under = Placement::Measure(new_measures[index].measure.id.clone());
                        None
                    }
                    _ => unknown,
                };
                new_indicators.push(NewIndicator { row: shown, indicator, under, unknown_place: unknown });
                id
            }
        };
        records.push(record(grid, shape, roles, &header, row, &id, &unit));
    }
    TablePlan {
        sheet: grid.name.clone(),
        new_indicators,
        new_measures,
        matched,
        ambiguous,
        skipped,
        values: csv::plan_rows(&working, &header, &records),
        letters,
    }
}

/// The new indicator of this table a row with a 系列 is a further series of (the same code and
/// name), given that series if it has none of that label: its index and id.
fn further_series(new: &mut [NewIndicator], text: &RowText) -> Option<(usize, Id)> {
    let (code, name) = (half_width(&text.code), half_width(&text.name));
    let index =
        new.iter().position(|n| half_width(&n.indicator.code) == code && half_width(&n.indicator.name) == name)?;
    let indicator = &mut new[index].indicator;
    if !indicator.series.iter().any(|x| half_width(&x.label) == half_width(&text.series)) {
        indicator.series.push(Series::new(&text.series));
    }
    Some((index, indicator.id.clone()))
}

/// A 施策 cell's number and title: 「(1) 農林業の担い手確保」, 「（１）…」, 「1-2 …」, 「施策1:…」,
/// 「①…」 → (「1」, 「農林業の担い手確保」). `None` without a number or a title.
pub(crate) fn named_measure(cell: &str) -> Option<(String, String)> {
    let t = half_width(cell.trim());
    let t = t.trim_start_matches(|c: char| c == '施' || c == '策' || c == '(' || c == '[' || c.is_whitespace());
    let circled =
        t.chars().next().and_then(|c| ('①'..='⑳').contains(&c).then(|| (c as u32 - '①' as u32 + 1, c.len_utf8())));
    let (number, rest) = match circled {
        Some((n, len)) => (n.to_string(), &t[len..]),
        None => {
            let end = t.find(|c: char| !(c.is_ascii_digit() || c == '-')).unwrap_or(t.len());
            (t[..end].trim_end_matches('-').to_owned(), &t[end..])
        }
    };
    let title =
        rest.trim_start_matches(|c: char| matches!(c, ')' | ']' | '.' | ':' | '、' | '．' | '・') || c.is_whitespace());
    (!number.is_empty() && !title.trim().is_empty()).then(|| (number, title.trim().to_owned()))
}

/// The goal or measure a row's cells (or a heading) name.
fn placement_named(s: &Strategy, goal: &str, measure: &str) -> Option<Placement> {
    let g = find_goal(s, goal);
    find_measure(s, measure, g.as_ref()).map(Placement::Measure).or(g.map(Placement::Goal)).or_else(|| {
        // A heading names a goal or a measure in one cell.
        (measure.is_empty()).then(|| find_measure(s, goal, None).map(Placement::Measure)).flatten()
    })
}

/// A new indicator whose target is an arrow (↗, 減少): a direction-only target, which the
/// CSV rules only match, and the direction the arrow says.
fn target_direction(grid: &Grid, roles: &[ColumnRole], row: usize, indicator: &mut Indicator) {
    let Some(col) = roles.iter().position(|r| *r == ColumnRole::Target) else { return };
    let text = crate::model::half_width(&cell_text(grid.cell(row, col)));
    let direction = match text.as_str() {
        "↗" | "↑" | "増加" => DesiredDirection::Increase,
        "↘" | "↓" | "減少" => DesiredDirection::Decrease,
        "→" | "維持" => DesiredDirection::Maintain,
        _ => return,
    };
    indicator.direction = direction;
    if let Some(x) = indicator.series.first_mut() {
        x.target = Some(Target::Direction);
    }
}

/// The year basis a row's baseline and target years are written in, when all of them say the
/// same one other than 年度: 「平成30年」, 「2018年」 → 年（暦年）; 「令和5年4月1日現在」 → that date;
/// 「令和5年3月末」 → that month. `None`: no year, a 年度, or years that disagree.
fn row_basis(grid: &Grid, shape: &TableShape, roles: &[ColumnRole], row: usize, unit: &RowUnit) -> Option<YearBasis> {
    let mut years = Vec::new();
    for (c, role) in roles.iter().enumerate() {
        match role {
            ColumnRole::BaselineYear | ColumnRole::TargetYear => years.push(cell_text(grid.cell(row, c))),
            ColumnRole::Baseline | ColumnRole::Target => years.extend(prepare(grid, shape, *role, row, c, unit).year),
            _ => {}
        }
    }
    let bases: Vec<YearBasis> = (years.iter())
        .map(|y| super::words::fold(y))
        .filter(|y| !y.is_empty() && crate::format::csv::read_target_year(y).is_some())
        .map(|y| {
            if let Some(as_of) = super::words::header_as_of(&y) {
                as_of
            } else if y.ends_with('年') && !y.ends_with("年度") {
                YearBasis::Calendar
            } else {
                YearBasis::Fiscal
            }
        })
        .collect();
    let first = *bases.first()?;
    (!first.is_fiscal() && bases.iter().all(|b| *b == first)).then_some(first)
}

/// The header the planner reads: the sheet's columns under their header texts (a blank or
/// repeated one named by its letter too), then the columns the records add — 指標ID, and a
/// baseline's or target's year written in its value cell, and 値の時点 「年」 when every year
/// column is a calendar year.
fn header(grid: &Grid, shape: &TableShape, roles: &[ColumnRole]) -> (CsvHeader, HashMap<String, String>) {
    let mut columns: Vec<CsvColumn> = (0..grid.width()).map(|c| column(roles.get(c).copied())).collect();
    let mut names: Vec<String> = Vec::new();
    let mut letters = HashMap::new();
    for (c, read) in columns.iter().enumerate() {
        let letter = column_letter(c);
        let text = super::roles::header_text(grid, shape, c);
        let name = match text {
            // A blank column not read is not listed among the columns not read.
            t if t.is_empty() && *read == CsvColumn::Unknown => t,
            t if t.is_empty() || names.contains(&t) => format!("{t}({letter})"),
            t => t,
        };
        if !name.is_empty() {
            letters.insert(name.clone(), letter);
        }
        names.push(name);
    }
    // A column the table does not otherwise read headed 実績の種類 (the committee's workbook
    // writes one when a series holds running totals) is read as the CSV's.
    for (c, read) in columns.iter_mut().enumerate() {
        let text = super::roles::header_text(grid, shape, c);
        if *read == CsvColumn::Unknown && super::words::fold(&text) == csv::ACTUAL_KIND {
            *read = CsvColumn::ActualKind;
        }
    }
    let sheet_kind = columns.contains(&CsvColumn::ActualKind);
    let mut add = |name: &str, c: CsvColumn| {
        names.push(name.to_owned());
        columns.push(c);
    };
    add("指標ID", CsvColumn::Id);
    // A year written in the value's cell or header: a refusal of it names the value's column.
    for (year, value, name, c) in [
        (ColumnRole::BaselineYear, ColumnRole::Baseline, "当初値年度", CsvColumn::BaselineYear),
        (ColumnRole::TargetYear, ColumnRole::Target, "目標年度", CsvColumn::TargetYear),
    ] {
        if !roles.contains(&year) {
            add(name, c);
            if let Some(k) = roles.iter().position(|r| *r == value) {
                letters.insert(name.to_owned(), column_letter(k));
            }
        }
    }
    if header_basis(grid, shape, roles).is_some() {
        add(csv::YEAR_BASIS, CsvColumn::YearBasis);
    }
    if !sheet_kind {
        add(csv::ACTUAL_KIND, CsvColumn::ActualKind);
    }
    (CsvHeader { names, columns }, letters)
}

/// What the year columns' headers say the values' years are, when not fiscal years: 「年」
/// when every one is a calendar year (「2022年」), or the as-of point every one writes after
/// its year (「令和5年3月末」, 「平成28年6月 調査結果」: 3月末, 6月現在).
fn header_basis(grid: &Grid, shape: &TableShape, roles: &[ColumnRole]) -> Option<String> {
    let years: Vec<(usize, bool)> = (roles.iter().enumerate())
        .filter_map(|(c, r)| if let ColumnRole::Actual(y) = r { Some((c, y.calendar)) } else { None })
        .collect();
    if years.is_empty() {
        return None;
    }
    if years.iter().all(|(_, calendar)| *calendar) {
        return Some("年".to_owned());
    }
    let as_of = |c: usize| super::words::header_as_of(&super::words::fold(&super::roles::header_text(grid, shape, c)));
    let first = as_of(years[0].0)?;
    years.iter().all(|(c, _)| as_of(*c) == Some(first)).then(|| first.written())
}

/// Whether a year column's header says its values are running totals (「令和4年度（累計）」,
/// 「累計」 or 「実績（累計）」 under a year).
pub(super) fn running_header(grid: &Grid, shape: &TableShape, roles: &[ColumnRole]) -> bool {
    let years = roles.iter().enumerate().filter(|(_, r)| matches!(r, ColumnRole::Actual(_)));
    years.map(|(c, _)| super::roles::header_text(grid, shape, c)).any(|t| t.contains("累計") || t.contains("累積"))
}

fn column(role: Option<ColumnRole>) -> CsvColumn {
    match role {
        Some(
            ColumnRole::Id
            | ColumnRole::Code
            | ColumnRole::Name
            | ColumnRole::Unit
            | ColumnRole::Goal
            | ColumnRole::Measure,
        ) => CsvColumn::Descriptive,
        Some(ColumnRole::Series) => CsvColumn::Series,
        Some(ColumnRole::Baseline) => CsvColumn::Baseline,
        Some(ColumnRole::BaselineYear) => CsvColumn::BaselineYear,
        Some(ColumnRole::Target) => CsvColumn::Target,
        Some(ColumnRole::TargetYear) => CsvColumn::TargetYear,
        Some(ColumnRole::Actual(y)) => CsvColumn::Actual(y.year),
        Some(ColumnRole::Interim(y)) => CsvColumn::Interim(y),
        Some(ColumnRole::Source) => CsvColumn::Source,
        Some(ColumnRole::Department) => CsvColumn::Department,
        Some(ColumnRole::Notes | ColumnRole::Ignore) | None => CsvColumn::Unknown,
    }
}

/// One body row as a record of the header: the sheet's cells as texts (values cleaned of the
/// unit and of a year in brackets, which goes to the year column), then the added columns.
fn record(
    grid: &Grid,
    shape: &TableShape,
    roles: &[ColumnRole],
    header: &CsvHeader,
    row: usize,
    id: &Id,
    unit: &RowUnit,
) -> Record {
    let width = grid.width();
    let mut cells: Vec<String> = vec![String::new(); header.names.len()];
    let mut years: Vec<(CsvColumn, String)> = Vec::new();
    let mut running = running_header(grid, shape, roles);
    for (c, cell) in cells.iter_mut().enumerate().take(width) {
        let role = roles.get(c).copied().unwrap_or(ColumnRole::Ignore);
        let prepared = prepare(grid, shape, role, row, c, unit);
        running |= matches!(role, ColumnRole::Actual(_)) && csv::says_running_total(&prepared.text);
        if let Some(year) = prepared.year {
            let year_column =
                if role == ColumnRole::Baseline { CsvColumn::BaselineYear } else { CsvColumn::TargetYear };
            years.push((year_column, year));
        }
        *cell = prepared.text;
    }
    let mut put = |c: CsvColumn, text: String, only_if_empty: bool| {
        if let Some(k) = header.find(c) {
            if !only_if_empty || cells[k].trim().is_empty() {
                cells[k] = text;
            }
        }
    };
    put(CsvColumn::Id, id.as_str().to_owned(), false);
    if let Some(basis) = header_basis(grid, shape, roles) {
        put(CsvColumn::YearBasis, basis, false);
    }
    if running {
        put(CsvColumn::ActualKind, "累計".to_owned(), false);
    }
    for (c, year) in years {
        put(c, year, true);
    }
    Record { row: row + 1, cells }
}

/// Adds the plan's new measures under their goals and new indicators (each referred to from its
/// goal or measure) and writes its
/// values with the CSV import's `apply`; returns how many indicators and values were written.
/// A new indicator already in the strategy (the plan applied twice) is not added again.
pub fn apply_table(s: &mut Strategy, plan: &TablePlan) -> usize {
    let mut added = 0;
    for new in &plan.new_measures {
        if s.measures().any(|(_, m)| m.id == new.measure.id) {
            continue;
        }
        if let Some(g) = s.goal_mut(&new.goal) {
            g.measures.push(Arc::new(new.measure.clone()));
        }
    }
    for new in &plan.new_indicators {
        if s.indicator(&new.indicator.id).is_some() {
            continue;
        }
        let id = new.indicator.id.clone();
        s.indicators.push(Arc::new(new.indicator.clone()));
        match &new.under {
            Placement::Goal(goal) => {
                if let Some(g) = s.goal_mut(goal) {
                    g.targets.push(id);
                }
            }
            Placement::Measure(measure) => {
                if let Some(m) = s.measure_mut(measure) {
                    m.kpis.push(id);
                }
            }
            Placement::Strategy => {}
        }
        added += 1;
    }
    added + csv::apply(s, &plan.values)
}
