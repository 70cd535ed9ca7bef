//! What the planner has seen so far of the cells that are words: the first row that gives each
//! series' word (値の時点, 出典, 担当課), each indicator's verdict of a year, and the actuals' own
//! 出典 cells, kept until the whole file is read.

use crate::model::{FiscalYear, Id};
use std::collections::HashMap;

/// A word a series has once, however many rows repeat it.
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
pub(super) enum SeriesWord {
    Basis,
    ActualKind,
    Source,
    Department,
}

/// What the planner has seen of the word cells, row by row.
#[derive(Default)]
pub(super) struct SeenWords {
    /// The first row that gives a series' 値の時点 or 出典, and what it says.
    pub(super) first: HashMap<(Id, SeriesWord), (usize, String)>,
    /// The first row that gives an indicator's verdict of a year.
    pub(super) verdicts: HashMap<(Id, FiscalYear), usize>,
    /// Actuals' 出典 cells, decided in `actual_sources`.
    pub(super) actual_sources: Vec<ActualSource>,
}

/// An actual's own 出典 cell, decided once the whole file is read.
pub(super) struct ActualSource {
    pub(super) row: usize,
    pub(super) column: String,
    pub(super) indicator: Id,
    pub(super) series: Id,
    pub(super) year: FiscalYear,
    pub(super) text: String,
}

/// Whose source a row's 出典 is: the series' (a wide row, a long row of a target), or an actual's.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum RowSource {
    Series,
    Actual,
}
