//! Import as a plan: every row of a wide or long indicator CSV read against a strategy, giving
//! the cells that would change (from what to what), how many are unchanged, and the refusals.
//! Nothing changes until [`apply`](super::apply).

use super::planner::Planner;
use super::read::{records, CsvHeader, Record};
use super::texts::TextChange;
use super::CsvError;
use crate::model::{FiscalYear, Id, Strategy, Target, YearBasis};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Layout {
    /// One row per series, a column per fiscal year.
    Wide,
    /// One row per value (年度, 区分, 値).
    Long,
    /// The town's verdicts: one row per indicator and year (年度, 町の評価, 委員会の意見など).
    Verdicts,
}

/// Which value of a series a cell is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum CellKind {
    /// 実績値 of a year.
    Actual,
    /// 中間目標 of a year.
    Interim,
    /// 当初値.
    Baseline,
    /// 目標値 (to reach by its year).
    Target,
    /// 目標値 every year ("0人/年").
    TargetPerYear,
    /// 目標値 written in words (「基準値から10%減少」, 「累計 30（令和4〜8年度）」, 「80以上」): the
    /// whole target in `CellChange::written`.
    TargetWritten,
}

/// A value the import would write.
#[derive(Clone, Debug, PartialEq)]
pub struct CellChange {
    /// The row Excel shows (the header is row 1).
    pub row: usize,
    /// The header of the cell's column.
    pub column: String,
    pub indicator: Id,
    pub series: Id,
    pub code: String,
    pub name: String,
    pub series_label: String,
    /// The indicator's unit, to show a target written in words (「維持（80%以上）」).
    pub unit: String,
    /// What the cell writes.
    pub value: ValueChange,
    /// A footnote mark or remark written beside the number (「※」, 「推計」): an actual keeps it
    /// as its comment when it has none.
    pub mark: Option<String>,
    /// What the series' years mean once the file is applied (an actual's year is shown by it:
    /// 「令和5年」 for a calendar year).
    pub basis: YearBasis,
}

/// The value a cell would write into its series, from what to what.
#[derive(Clone, Debug, PartialEq)]
pub struct ValueChange {
    pub kind: CellKind,
    /// The fiscal year of an actual or interim target; the year of a baseline or target (none
    /// when it has none, or for a per-year target).
    pub year: Option<FiscalYear>,
    /// `None`: there is no value yet.
    pub from: Option<f64>,
    /// Always a value: an import never deletes one.
    pub to: f64,
    /// 速報値 flags of an actual (false for other kinds).
    pub from_provisional: bool,
    pub to_provisional: bool,
    /// The target a `TargetWritten` cell sets (its `to` is the value it comes to, or 0 when a
    /// relative one has no baseline).
    pub written: Option<Target>,
}

/// A cell read in a way the user should see: a "no value" mark, or a number with a mark.
#[derive(Clone, Debug, PartialEq)]
pub struct Noted {
    pub row: usize,
    pub column: String,
    /// The cell as written.
    pub text: String,
    pub reading: CellReading,
}

/// How a noted cell was read. No words here: the UI says them.
#[derive(Clone, Debug, PartialEq)]
pub enum CellReading {
    /// 「－」「調査中」「(未公表)」 …: no value; nothing is written for it.
    NoValue,
    /// A number with a mark beside it; the number is read, the mark kept (actuals: as comment).
    Marked { mark: String },
    /// 「(速報)」 beside a number: read as a provisional value.
    Provisional,
    /// A year written as a calendar year (「平成30年」, 「2018年」) for a series whose years are
    /// fiscal years (its 値の時点 is 年度 and the row does not say otherwise): read as that
    /// fiscal year, and said, never silently.
    CalendarYear,
}

/// A row (identity problems) or a cell (value problems) that will not be imported.
#[derive(Clone, Debug, PartialEq)]
pub struct CsvRefusal {
    pub row: usize,
    /// The header of the column at fault.
    pub column: String,
    pub reason: RefusalReason,
}

/// Why a row or cell is refused. No words here: the UI says them.
#[derive(Clone, Debug, PartialEq)]
pub enum RefusalReason {
    /// Neither 指標ID nor 指標番号 is given.
    MissingIndicator,
    /// No indicator has this id (a file of another strategy, or a deleted indicator).
    UnknownIndicatorId {
        id: String,
    },
    /// No indicator has this code.
    UnknownIndicator {
        code: String,
    },
    /// Several indicators have this code, and no id says which.
    AmbiguousCode {
        code: String,
        count: usize,
    },
    /// The indicator has no series with this label (empty: it has several, say which).
    UnknownSeries {
        label: String,
    },
    NotANumber {
        text: String,
    },
    /// Not a fiscal year (empty when a year is needed and missing).
    BadYear {
        text: String,
    },
    /// A new actual, interim target or target year outside the plan period.
    YearOutsidePeriod {
        year: FiscalYear,
    },
    /// The year of a baseline or target differs from the strategy's (change it in the editor).
    YearDiffers {
        year: FiscalYear,
        expected: Option<FiscalYear>,
    },
    /// 区分 is not 実績, 目標, 中間目標 or 当初値.
    UnknownKind {
        text: String,
    },
    /// The provisional marker is neither ○ nor empty (nor one of their synonyms).
    BadFlag {
        text: String,
    },
    /// A provisional marker without a value.
    ProvisionalWithoutValue,
    /// The cell would turn a value target into a per-year or direction-only one, or back.
    TargetKindDiffers,
    /// An earlier row already gives this series' value of this kind and year.
    Duplicate {
        first_row: usize,
    },
    /// 値の時点 is not 年度, 年 or a day such as 4月1日現在.
    BadYearBasis {
        text: String,
    },
    /// 実績の種類 is neither 単年度 nor 累計 (nor one of their synonyms).
    BadActualKind {
        text: String,
    },
    /// 修正日 is not a real day written YYYY-MM-DD.
    BadDate {
        text: String,
    },
    /// An earlier row says something else in this column for the same series (値の時点, 出典).
    Conflicting {
        first_row: usize,
    },
}

/// What an import would do; apply it with [`apply`](super::apply).
#[derive(Clone, Debug, PartialEq)]
pub struct CsvPlan {
    pub layout: Layout,
    /// Data rows read (blank rows left out).
    pub rows: usize,
    pub changes: Vec<CellChange>,
    /// Words that would change (値の時点, 出典, verdicts, earlier targets), after the values.
    pub texts: Vec<TextChange>,
    /// Cells that hold what the strategy already holds.
    pub unchanged: usize,
    pub refused: Vec<CsvRefusal>,
    /// Cells read as "no value" or with a mark beside the number (never refused for it).
    pub noted: Vec<Noted>,
    /// Header names of the columns that were not read.
    pub ignored_columns: Vec<String>,
}

/// Reads an indicator CSV (wide or long, told apart by the header row) against a strategy.
/// Changes nothing. Errors only when the file as a whole cannot be read.
pub fn plan_import(s: &Strategy, text: &str) -> Result<CsvPlan, CsvError> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut rest = records(text)?.into_iter().skip_while(Record::is_blank);
    let header = CsvHeader::parse(&rest.next().ok_or(CsvError::Empty)?.cells);
    if let Some((name, first, second)) = header.duplicate() {
        return Err(CsvError::DuplicateColumn { name, first, second });
    }
    let layout = header.layout()?;
    let mut planner = Planner::new(s, &header, layout);
    for record in rest.filter(|r| !r.is_blank()) {
        planner.row(&record);
    }
    Ok(planner.finish())
}

/// Rows of a wide layout already split into cells, each column's meaning given by `header`
/// (a town's own table, `format::table`), read by the same rules as a CSV file. A record's row
/// is the row its sheet shows; refusals name the header's names.
pub(crate) fn plan_rows(s: &Strategy, header: &CsvHeader, records: &[Record]) -> CsvPlan {
    let mut planner = Planner::new(s, header, Layout::Wide);
    for record in records.iter().filter(|r| !r.is_blank()) {
        planner.row(record);
    }
    planner.finish()
}
