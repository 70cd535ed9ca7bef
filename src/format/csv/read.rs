//! Reading a CSV file: its records with the row numbers Excel shows, and the header row —
//! which column is what, and which layout that makes.

use super::cells::*;
use super::{CsvError, Layout};
use crate::model::{half_width, FiscalYear};

/// One record and the row Excel shows it on (the first row is 1).
pub(crate) struct Record {
    pub row: usize,
    pub cells: Vec<String>,
}

impl Record {
    pub fn is_blank(&self) -> bool {
        self.cells.iter().all(|c| c.trim().is_empty())
    }

    /// The trimmed cell of a column; a missing column or a short row reads as empty.
    pub fn cell(&self, column: Option<usize>) -> &str {
        column.and_then(|i| self.cells.get(i)).map_or("", |c| c.trim())
    }
}

/// Every record of the text. The row of a record is 1 + the line breaks before it, less those
/// inside quoted cells (Excel keeps them in the cell); a blank line is a row. The reader's own
/// positions are not used for this: with CRLF they point at the LF that ends the record before.
pub(super) fn records(text: &str) -> Result<Vec<Record>, CsvError> {
    let bytes = text.as_bytes();
    let mut reader = ::csv::ReaderBuilder::new().has_headers(false).flexible(true).from_reader(bytes);
    let mut out = Vec::new();
    let (mut cursor, mut breaks, mut quoted_breaks) = (0, 0, 0);
    for result in reader.records() {
        let record =
            result.map_err(|e| CsvError::Csv { line: e.position().map_or(0, |p| p.line()), detail: e.to_string() })?;
        let mut start = record.position().map_or(cursor, |p| p.byte() as usize).max(cursor);
        while matches!(bytes.get(start), Some(b'\r' | b'\n')) {
            start += 1;
        }
        breaks += bytes[cursor..start.min(bytes.len())].iter().filter(|b| **b == b'\n').count();
        cursor = start.min(bytes.len());
        let row = (breaks + 1).saturating_sub(quoted_breaks).max(1);
        if record.len() > super::MAX_COLUMNS {
            return Err(CsvError::TooManyColumns { row, columns: record.len() });
        }
        // Bytes first (cheap): only a cell that may be too long is counted in characters.
        for (i, cell) in record.iter().enumerate() {
            if cell.len() > super::MAX_CELL_CHARS && cell.chars().count() > super::MAX_CELL_CHARS {
                return Err(CsvError::CellTooLong { row, column: i + 1, chars: cell.chars().count() });
            }
        }
        quoted_breaks += record.iter().map(|c| c.matches('\n').count()).sum::<usize>();
        out.push(Record { row, cells: record.iter().map(str::to_owned).collect() });
    }
    if let Some(last) = out.last() {
        if unclosed_quote(text.get(cursor..).unwrap_or_default()) {
            return Err(CsvError::UnclosedQuote { row: last.row });
        }
    }
    Ok(out)
}

/// Whether a quoted cell of this (last) record runs to the end of the text: the reader then
/// takes the rest of the file as one cell instead of failing.
fn unclosed_quote(tail: &str) -> bool {
    let mut chars = tail.chars().peekable();
    let (mut field_start, mut quoted) = (true, false);
    while let Some(c) = chars.next() {
        if quoted {
            if c == '"' {
                if chars.peek() == Some(&'"') {
                    chars.next();
                } else {
                    quoted = false;
                }
            }
            continue;
        }
        match c {
            '"' if field_start => quoted = true,
            ',' | '\n' | '\r' => {
                field_start = true;
                continue;
            }
            _ => {}
        }
        field_start = false;
    }
    quoted
}

/// What a column of the header holds.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum CsvColumn {
    Id,
    Code,
    Series,
    /// 指標名, 単位, 計算, 計算と異なる: written for people, not read back.
    Descriptive,
    YearBasis,
    /// 実績の種類: 単年度 or 累計 (running totals).
    ActualKind,
    Source,
    /// 担当課 / 所管課: the indicator's section, by name.
    Department,
    Verdict,
    VerdictComment,
    RevisedIn,
    RevisionDate,
    RevisionReason,
    Baseline,
    BaselineYear,
    Target,
    TargetYear,
    Year,
    Kind,
    Value,
    Provisional,
    /// A year's actual (wide layout).
    Actual(FiscalYear),
    /// A year's provisional marker (wide layout): "令和6年度 速報".
    ActualFlag(FiscalYear),
    /// A year's interim target (wide layout). No CSV header names it: a town's own table
    /// (`format::table`) gives it to the 目標 under a year.
    Interim(FiscalYear),
    Unknown,
}

pub(crate) struct CsvHeader {
    pub names: Vec<String>,
    pub columns: Vec<CsvColumn>,
}

const NAMED: [(&str, CsvColumn); 23] = [
    (ID, CsvColumn::Id),
    (CODE, CsvColumn::Code),
    (NAME, CsvColumn::Descriptive),
    (SERIES, CsvColumn::Series),
    (UNIT, CsvColumn::Descriptive),
    (BASELINE, CsvColumn::Baseline),
    (BASELINE_YEAR, CsvColumn::BaselineYear),
    (TARGET, CsvColumn::Target),
    (TARGET_YEAR, CsvColumn::TargetYear),
    (YEAR, CsvColumn::Year),
    (KIND, CsvColumn::Kind),
    (VALUE, CsvColumn::Value),
    (PROVISIONAL, CsvColumn::Provisional),
    (YEAR_BASIS, CsvColumn::YearBasis),
    (SOURCE, CsvColumn::Source),
    (ACTUAL_KIND, CsvColumn::ActualKind),
    (VERDICT, CsvColumn::Verdict),
    (COMPUTED, CsvColumn::Descriptive),
    (DIFFERS, CsvColumn::Descriptive),
    (VERDICT_COMMENT, CsvColumn::VerdictComment),
    (REVISED_IN, CsvColumn::RevisedIn),
    (REVISION_DATE, CsvColumn::RevisionDate),
    (REVISION_REASON, CsvColumn::RevisionReason),
];

fn column(name: &str) -> CsvColumn {
    let n = half_width(read_text(name));
    if let Some((_, c)) = NAMED.iter().find(|(h, _)| half_width(h) == n) {
        return *c;
    }
    if n == DEPARTMENT || DEPARTMENT_WORDS.contains(&n.as_str()) {
        return CsvColumn::Department;
    }
    if let Ok(y) = FiscalYear::parse(&n) {
        return CsvColumn::Actual(y);
    }
    match n.strip_suffix(PROVISIONAL_SUFFIX).map(FiscalYear::parse) {
        Some(Ok(y)) => CsvColumn::ActualFlag(y),
        _ => CsvColumn::Unknown,
    }
}

impl CsvHeader {
    /// Names each column; a column repeated later is not read.
    pub fn parse(cells: &[String]) -> CsvHeader {
        let mut columns: Vec<CsvColumn> = Vec::with_capacity(cells.len());
        for name in cells {
            let c = column(name);
            columns.push(if c != CsvColumn::Descriptive && columns.contains(&c) { CsvColumn::Unknown } else { c });
        }
        CsvHeader { names: cells.iter().map(|n| n.trim().to_owned()).collect(), columns }
    }

    /// The first column named twice, as `(its header text, first, second)` counted from 1: a
    /// CSV with one refuses the file ([`CsvError::DuplicateColumn`]; `parse` reads only the
    /// first, and the second would be listed as a column not read under the same name).
    /// Descriptive columns (名称, 単位 …) may repeat.
    pub fn duplicate(&self) -> Option<(String, usize, usize)> {
        let kinds: Vec<CsvColumn> = self.names.iter().map(|n| column(n)).collect();
        kinds.iter().enumerate().find_map(|(i, c)| {
            if matches!(c, CsvColumn::Descriptive | CsvColumn::Unknown) {
                return None;
            }
            let first = kinds[..i].iter().position(|x| x == c)?;
            Some((self.names[i].clone(), first + 1, i + 1))
        })
    }

    pub fn find(&self, c: CsvColumn) -> Option<usize> {
        self.columns.iter().position(|x| *x == c)
    }

    pub fn has(&self, c: CsvColumn) -> bool {
        self.find(c).is_some()
    }

    /// The header text of a column, or its standard name when the file has no such column.
    pub fn name(&self, index: Option<usize>, standard: &str) -> String {
        index.and_then(|i| self.names.get(i)).cloned().unwrap_or_else(|| standard.to_owned())
    }

    /// Verdicts when it has 町の評価; long when it has 区分 and 値; wide when it has 当初値, 目標値
    /// or a year column. Each needs 指標ID or 指標番号, and the verdicts and long layouts 年度.
    pub fn layout(&self) -> Result<Layout, CsvError> {
        let layout = if self.has(CsvColumn::Verdict) {
            Layout::Verdicts
        } else if self.has(CsvColumn::Kind) && self.has(CsvColumn::Value) {
            Layout::Long
        } else if self
            .columns
            .iter()
            .any(|c| matches!(c, CsvColumn::Baseline | CsvColumn::Target | CsvColumn::Actual(_)))
        {
            Layout::Wide
        } else {
            return Err(CsvError::UnknownLayout { header: self.names.clone() });
        };
        if !self.has(CsvColumn::Id) && !self.has(CsvColumn::Code) {
            return Err(CsvError::MissingColumn { column: ID.to_owned() });
        }
        if layout != Layout::Wide && !self.has(CsvColumn::Year) {
            return Err(CsvError::MissingColumn { column: YEAR.to_owned() });
        }
        Ok(layout)
    }

    /// Whether the layout reads a column.
    pub fn is_read(&self, c: CsvColumn, layout: Layout) -> bool {
        use CsvColumn::*;
        match (c, layout) {
            (Id | Code | Descriptive, _) => true,
            (Series | YearBasis | ActualKind | Source | Department, Layout::Wide | Layout::Long) => true,
            (Year, Layout::Long | Layout::Verdicts) => true,
            (Kind | Value | Provisional | RevisedIn | RevisionDate | RevisionReason, Layout::Long) => true,
            (Verdict | VerdictComment, Layout::Verdicts) => true,
            (Baseline | BaselineYear | Target | TargetYear | Actual(_) | Interim(_), Layout::Wide) => true,
            (ActualFlag(y), Layout::Wide) => self.has(Actual(y)),
            _ => false,
        }
    }

    /// The header names of the columns the layout does not read (blank ones left out).
    pub fn ignored(&self, layout: Layout) -> Vec<String> {
        self.columns
            .iter()
            .zip(&self.names)
            .filter(|(c, n)| !self.is_read(**c, layout) && !n.is_empty())
            .map(|(_, n)| n.clone())
            .collect()
    }
}
