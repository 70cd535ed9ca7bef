//! CSV for Excel, the planning office's neighbour: export of indicators (wide and long layouts),
//! initiatives, evaluations, the town's verdicts on indicators, the grant projects' 効果検証 of a year (`grants`), residents' workshop notes, the regional view's tables (`region`) and the population vision's (`population`),
//! and import of indicator values (actuals, targets, interim targets, baselines) and of the words
//! beside them (値の時点, 出典, earlier targets, the verdicts file: `texts`) as a plan to preview
//! before it is applied.
//!
//! Every exported file is UTF-8 with a BOM and CRLF line ends (Japanese Excel opens it without
//! garbling), fiscal years are written in the user's [`YearStyle`](crate::locale::YearStyle),
//! and text cells that start with `=`, `+`, `-`, `@`, a tab or a carriage return (or their
//! full-width forms) get a leading `'` so that Excel never runs them as formulas (OWASP CSV
//! injection). Numbers are written as plain numbers (`-40`, `18.43`) and never neutralised.
//!
//! Import reads what Excel saves: with or without BOM, UTF-8 or Shift_JIS ([`decode`]),
//! quoted fields with commas and newlines, years as `2024`, `R6`, `令和6年度`, `H30`, full-width
//! digits, numbers with commas. [`plan_import`] changes nothing: it returns the cells that would
//! change (from what to what), the cells left as they are, and the cells refused with a reason
//! (an enum; the UI words it). [`apply`] then writes the changes through the model's setters.
//!
//! Decisions (the UI and the README rely on them):
//! - **Indicators are matched by `指標ID`.** Display codes are not unique (北本市 has two "3-1"),
//!   and Excel turns a code such as `5-1` into a date. Only when the `指標ID` cell is empty or the
//!   column is absent is the row matched by `指標番号`, and then only if exactly one indicator has
//!   that code (else the row is refused as ambiguous). The series is matched by its label
//!   (`系列`); an empty label matches an indicator that has a single series.
//! - **An empty cell means "no change".** Import never deletes a value; delete in the editor.
//! - **Provisional values (速報値).** The long layout has a `速報値` column; the wide layout has,
//!   after each year's column, a column headed by the year and ` 速報` (`令和6年度 速報`), so
//!   that the value cells stay numbers Excel can sum and chart. `○` marks a provisional value,
//!   an empty cell a final one. The marker is read only together with a value; without the
//!   marker column the flag is left as it is (a new actual is final).
//! - **Years.** An actual or interim target must fall in the plan period, unless the series
//!   already has one that year (then it may be corrected). The year of a baseline or a target
//!   identifies it: a different year is refused (change it in
//!   the editor), an empty one keeps the year; a new target's year must fall in the period;
//!   `毎年` marks a per-year target ("0人/年").
//! - **Targets.** A direction-only target (↗) is written as 増加 / 減少 / 維持 (Shift_JIS has
//!   no ↗; ↗ ↘ → are read too); a number gives a direction-only or missing target a value.
//!   Changing a value target into a per-year one (or back), or a value into a direction, is
//!   refused. A relative, span or bound target is written in words as towns print it
//!   (`target_words`: 「基準値から10%減少」, 「令和3〜8年度の平均 1890」, 「累計 4386（平成27〜31年度）」,
//!   「80以上」); words in a 目標値 cell set the whole target, whatever kind it had (the words say
//!   the kind), and a bare number against such a target is refused.
//! - A problem with the indicator or series refuses the whole row; a problem with one value
//!   refuses that cell only, and the row's other cells still count. A second value for the same
//!   series, kind and year is refused as a duplicate. Columns the import does not know are
//!   ignored and listed; names, codes (when an id is given) and units are not imported.
//! - **Running totals.** 実績の種類 (「累計」 / 「単年度」) says whether a series' actuals are
//!   running totals (累計値); it is written, after the other columns, only when some series of
//!   the strategy holds running totals, so other exports are as before. Read like 値の時点.
//! - **Words** (`texts`). 値の時点 and 出典 are read in both layouts: the first row of a series
//!   that gives one counts, a later row saying something else is refused. A long layout's actual
//!   row whose 出典 is not the series' (as the file leaves it) gives that actual its own source.
//!   A 修正前の目標 row (long layout) is an earlier target: 値 and 年度 as a 目標 row's, 修正年度
//!   (needed), 修正日 (YYYY-MM-DD), 修正理由; the same target revised in the same year is the
//!   same revision. The verdicts file (町の評価) sets each indicator's verdict of a year (in the
//!   plan period unless one is recorded). An empty cell changes nothing here either.
//! - Row numbers are the rows Excel shows (the header is row 1; a quoted line break does not
//!   start a new row).

mod apply;
pub(crate) mod cells;
mod decode;
mod evaluations;
mod grants;
mod indicators;
mod initiatives;
mod letters;
mod notes;
mod plan;
mod planner;
mod population;
mod read;
mod region;
mod rules;
mod target_words;
pub use target_words::read_target;
#[cfg(test)]
mod tests;
mod texts;
mod value_cell;
mod verdicts;

pub use apply::apply;
/// Header names a town's own table adds when it hands its rows to the CSV's planner.
pub(crate) use cells::{ACTUAL_KIND, YEAR_BASIS};
pub use decode::decode;
pub use evaluations::evaluations;
pub use grants::{
    grant_table, grants, GrantTable, GRANT_HEADER, GRANT_IDS, GRANT_MONEY, GRANT_RATE, GRANT_UNIT, GRANT_VALUES,
};
pub use indicators::{indicators_long, indicators_wide};
pub(crate) use indicators::{wide_table, WideCell, WIDE_FIRST};
pub use initiatives::initiatives;
pub(crate) use letters::column_letter;
pub use letters::column_letters;
pub use notes::{session_notes, workshop_notes};
pub(crate) use plan::plan_rows;
pub use plan::{
    plan_import, CellChange, CellKind, CellReading, CsvPlan, CsvRefusal, Layout, Noted, RefusalReason, ValueChange,
};
pub use population::{population_age_groups, population_pyramid, population_totals};
pub(crate) use read::{CsvColumn, CsvHeader, Record};
pub use region::{matched_indicator, side_by_side_table, theme_hits};
pub(crate) use rules::read_target_year;
pub use texts::{SourceOf, TextChange, TextEdit};
pub use value_cell::{read_typed_value, TypedValue};
pub(crate) use value_cell::{read_value, says_running_total, ValueCell};
pub use verdicts::verdicts;

/// Why a CSV file cannot be read at all (problems with single rows are [`CsvRefusal`]s).
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum CsvError {
    /// Neither UTF-8 nor Shift_JIS (e.g. UTF-16, or a binary file such as an .xlsx).
    #[error("the file is neither UTF-8 nor Shift_JIS text")]
    Encoding,
    /// No header row.
    #[error("the file is empty")]
    Empty,
    /// The header row is neither the wide nor the long indicator layout.
    #[error("unknown layout: {header:?}")]
    UnknownLayout { header: Vec<String> },
    /// A column the layout cannot do without (`指標ID` or `指標番号`; `年度` in the long layout).
    #[error("missing column {column}")]
    MissingColumn { column: String },
    /// Two header cells name the same column (`第2期 令和7年度` twice): which one's values to
    /// read cannot be decided, so the file is refused (columns counted from 1).
    #[error("the column {name} is there twice (columns {first} and {second})")]
    DuplicateColumn { name: String, first: usize, second: usize },
    /// A quoted field is never closed: the rest of the file would be one cell.
    #[error("row {row}: a quoted field is not closed")]
    UnclosedQuote { row: usize },
    /// The CSV reader failed.
    #[error("line {line}: {detail}")]
    Csv { line: u64, detail: String },
    /// A cell longer than any KPI table's ([`MAX_CELL_CHARS`]): refused while reading, before
    /// anything shows it (a cell of megabytes would freeze the page on its way to the preview).
    #[error("row {row}, column {column}: a cell of {chars} characters (at most {MAX_CELL_CHARS})")]
    CellTooLong { row: usize, column: usize, chars: usize },
    /// More columns than any KPI table has ([`MAX_COLUMNS`]).
    #[error("row {row}: {columns} columns (at most {MAX_COLUMNS})")]
    TooManyColumns { row: usize, columns: usize },
}

/// The largest CSV file read as a KPI table: 80 KPIs over 30 years with sources and comments
/// are some 500 KB; the file's size is checked before it is read (a file of tens of megabytes
/// would hold the page's thread for seconds on its way to being refused by [`MAX_CELL_CHARS`]).
pub const MAX_CSV_BYTES: u64 = 5_000_000;

/// The longest cell a KPI table is read with: a name, a source or a comment is a few hundred
/// characters; a whole 計画 text pasted into one cell is some 10,000.
pub const MAX_CELL_CHARS: usize = 20_000;

/// The most columns a KPI table is read with: the wide layout has one a year, 100 years at most
/// (MIN_YEAR..MAX_YEAR is 275, never all of them), plus a dozen of its own.
pub const MAX_COLUMNS: usize = 400;
