//! The planner: each data row of an indicator CSV matched to its indicator and series, and
//! each value cell judged by the rules — a change, unchanged, a duplicate or a refusal. The
//! cells that are words (値の時点, 出典, verdicts, earlier targets) are planned in `words`.

mod seen_words;
mod words;

use super::cells::*;
use super::read::{CsvColumn, CsvHeader, Record};
use super::rules::{self, CellRuling};
use super::value_cell::{read_value, ValueCell};
use super::{CellChange, CellReading, CsvPlan, CsvRefusal, Layout, Noted, RefusalReason};
use crate::model::{half_width, FiscalYear, Id, Indicator, Series, Strategy, YearBasis};
use seen_words::{RowSource, SeenWords};
use std::collections::HashMap;

/// The value slot of a series a cell writes, to refuse a second value for it.
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
enum Slot {
    Actual(FiscalYear),
    Interim(FiscalYear),
    Baseline,
    Target,
}

pub(super) struct Planner<'a> {
    s: &'a Strategy,
    header: &'a CsvHeader,
    by_id: HashMap<&'a str, &'a Indicator>,
    by_code: HashMap<String, Vec<&'a Indicator>>,
    seen: HashMap<(Id, Slot), usize>,
    words: SeenWords,
    plan: CsvPlan,
}

/// The columns of one value cell: the value's, the year's and the marker's headers.
struct Cell<'r> {
    row: usize,
    text: &'r str,
    column: String,
    year_column: String,
    flag_column: String,
}

impl<'a> Planner<'a> {
    pub fn new(s: &'a Strategy, header: &'a CsvHeader, layout: Layout) -> Planner<'a> {
        let mut by_code: HashMap<String, Vec<&Indicator>> = HashMap::new();
        for i in &s.indicators {
            by_code.entry(half_width(&i.code)).or_default().push(i);
        }
        let by_id = s.indicators.iter().map(|i| (i.id.as_str(), &**i)).collect();
        let plan = CsvPlan {
            layout,
            rows: 0,
            changes: Vec::new(),
            texts: Vec::new(),
            unchanged: 0,
            refused: Vec::new(),
            noted: Vec::new(),
            ignored_columns: header.ignored(layout),
        };
        Planner { s, header, by_id, by_code, seen: HashMap::new(), words: SeenWords::default(), plan }
    }

    pub fn finish(mut self) -> CsvPlan {
        self.actual_sources();
        self.bases_after();
        crate::sorting::by_key(&mut self.plan.texts, |t| t.row);
        self.plan
    }

    fn refuse(&mut self, row: usize, column: String, reason: RefusalReason) {
        self.plan.refused.push(CsvRefusal { row, column, reason });
    }

    fn note(&mut self, cell: &Cell, reading: CellReading) {
        self.plan.noted.push(Noted { row: cell.row, column: cell.column.clone(), text: cell.text.to_owned(), reading });
    }

    /// A value cell as a town's table writes it: `None` when there is nothing to write (empty,
    /// or a "no value" mark, which is noted); else the number's text, with what was beside it
    /// noted. A direction-only target's arrow goes to the rules as it is.
    /// A target cell: a target in words (「累計 4,386（平成27〜31年度）」, 「維持（90%以上）」) is
    /// read whole — its brackets are not a footnote —, anything else as a value cell.
    fn target_value(&mut self, cell: &Cell) -> Option<(String, Option<String>, bool)> {
        if super::target_words::read(cell.text, None, self.s.period).is_some() {
            return Some((read_text(cell.text).to_owned(), None, false));
        }
        self.value(cell)
    }

    fn value(&mut self, cell: &Cell) -> Option<(String, Option<String>, bool)> {
        if is_direction_mark(cell.text) {
            return Some((cell.text.to_owned(), None, false));
        }
        match read_value(cell.text) {
            ValueCell::Empty => None,
            ValueCell::NoValue(_) => {
                self.note(cell, CellReading::NoValue);
                None
            }
            ValueCell::Number { text, mark, provisional } => {
                if let Some(m) = &mark {
                    self.note(cell, CellReading::Marked { mark: m.clone() });
                }
                if provisional {
                    self.note(cell, CellReading::Provisional);
                }
                Some((text, mark, provisional))
            }
        }
    }

    fn name(&self, c: CsvColumn, standard: &str) -> String {
        self.header.name(self.header.find(c), standard)
    }

    /// Reads one data row (not blank).
    pub fn row(&mut self, r: &Record) {
        self.plan.rows += 1;
        let found = match self.plan.layout {
            Layout::Verdicts => self.indicator(r).map(|i| (i, None)),
            Layout::Wide | Layout::Long => self.identify(r).map(|(i, x)| (i, Some(x))),
        };
        let (i, x) = match found {
            Ok(found) => found,
            Err((column, reason)) => return self.refuse(r.row, column, reason),
        };
        match (self.plan.layout, x) {
            (Layout::Wide, Some(x)) => self.wide(r, i, x),
            (Layout::Long, Some(x)) => self.long(r, i, x),
            _ => self.verdict(r, i),
        }
    }

    /// The indicator and series of a row (`indicator`, then the series by 系列).
    fn identify(&self, r: &Record) -> Result<(&'a Indicator, &'a Series), (String, RefusalReason)> {
        let indicator = self.indicator(r)?;
        let label = read_text(r.cell(self.header.find(CsvColumn::Series)));
        let series = match &indicator.series[..] {
            [only] if label.is_empty() => Some(only),
            all => all.iter().find(|x| !label.is_empty() && half_width(&x.label) == half_width(label)),
        };
        let series = series.ok_or_else(|| {
            (self.name(CsvColumn::Series, SERIES), RefusalReason::UnknownSeries { label: label.to_owned() })
        })?;
        Ok((indicator, series))
    }

    /// The indicator by 指標ID; else by 指標番号 when exactly one has it.
    fn indicator(&self, r: &Record) -> Result<&'a Indicator, (String, RefusalReason)> {
        let (id_col, code_col) = (self.header.find(CsvColumn::Id), self.header.find(CsvColumn::Code));
        let id = read_text(r.cell(id_col));
        let code = read_text(r.cell(code_col));
        let indicator = if !id.is_empty() {
            self.by_id.get(id).copied().ok_or_else(|| {
                (self.header.name(id_col, ID), RefusalReason::UnknownIndicatorId { id: id.to_owned() })
            })?
        } else if !code.is_empty() {
            let column = || self.header.name(code_col, CODE);
            match self.by_code.get(&half_width(code)).map(Vec::as_slice).unwrap_or_default() {
                [one] => *one,
                [] => return Err((column(), RefusalReason::UnknownIndicator { code: code.to_owned() })),
                many => {
                    return Err((column(), RefusalReason::AmbiguousCode { code: code.to_owned(), count: many.len() }))
                }
            }
        } else {
            return Err((self.header.name(id_col.or(code_col), ID), RefusalReason::MissingIndicator));
        };
        Ok(indicator)
    }

    /// Wide: 当初値 (+当初値年度), 目標値 (+目標年度), and each year's actual (+its 速報 marker).
    fn wide(&mut self, r: &Record, i: &Indicator, x: &Series) {
        let period = self.s.period;
        for (value_col, year_col, is_target) in
            [(CsvColumn::Baseline, CsvColumn::BaselineYear, false), (CsvColumn::Target, CsvColumn::TargetYear, true)]
        {
            let cell = self.cell(r, value_col, year_col, None);
            let read = if is_target { self.target_value(&cell) } else { self.value(&cell) };
            let Some((text, mark, _)) = read else { continue };
            self.calendar_year(r, x, year_col);
            let verdict = rules::when(r.cell(self.header.find(year_col))).and_then(|when| {
                if is_target {
                    rules::target(x, period, when, &text)
                } else {
                    rules::baseline(x, when, &text)
                }
            });
            let slot = if is_target { Slot::Target } else { Slot::Baseline };
            self.record(i, x, &cell, slot, verdict, mark);
        }
        let years: Vec<(usize, FiscalYear)> = (self.header.columns.iter().enumerate())
            .filter_map(|(k, c)| if let CsvColumn::Actual(y) = c { Some((k, *y)) } else { None })
            .collect();
        for (k, y) in years {
            let flag_index = self.header.find(CsvColumn::ActualFlag(y));
            let cell = Cell { flag_column: self.header.name(flag_index, ""), ..self.year_cell(r, k) };
            let Some(flag) = self.flag(&cell, r.cell(flag_index), flag_index.is_some()) else { continue };
            if let Some((text, mark, provisional)) = self.value(&cell) {
                let verdict = rules::actual(x, period, y, &text, flag.or(provisional.then_some(true)));
                self.record(i, x, &cell, Slot::Actual(y), verdict, mark);
            }
        }
        self.interims(r, i, x);
        self.series_words(r, i, x, RowSource::Series);
    }

    /// Wide: each year's interim target (a town's own table: 目標 under a year).
    fn interims(&mut self, r: &Record, i: &Indicator, x: &Series) {
        let years: Vec<(usize, FiscalYear)> = (self.header.columns.iter().enumerate())
            .filter_map(|(k, c)| if let CsvColumn::Interim(y) = c { Some((k, *y)) } else { None })
            .collect();
        for (k, y) in years {
            let cell = self.year_cell(r, k);
            if let Some((text, mark, _)) = self.value(&cell) {
                let verdict = rules::interim(x, self.s.period, y, &text);
                self.record(i, x, &cell, Slot::Interim(y), verdict, mark);
            }
        }
    }

    /// Long: 区分 says which value, 年度 its year, 値 the value, 速報値 the marker; 値の時点 and 出典
    /// on every row. A 修正前の目標 row is an earlier target (`words`).
    fn long(&mut self, r: &Record, i: &Indicator, x: &Series) {
        let kind_text = r.cell(self.header.find(CsvColumn::Kind));
        let is_actual = is_named(kind_text, &KIND_ACTUAL);
        self.series_words(r, i, x, if is_actual { RowSource::Actual } else { RowSource::Series });
        if is_named(kind_text, &KIND_REVISION) {
            return self.revision(r, i, x);
        }
        let cell = self.cell(r, CsvColumn::Value, CsvColumn::Year, Some(CsvColumn::Provisional));
        let flag_index = self.header.find(CsvColumn::Provisional);
        let Some(flag) = self.flag(&cell, r.cell(flag_index), flag_index.is_some()) else { return };
        let read = if is_named(kind_text, &KIND_TARGET) { self.target_value(&cell) } else { self.value(&cell) };
        let Some((text, mark, provisional)) = read else { return };
        let flag = flag.or(provisional.then_some(true));
        self.calendar_year(r, x, CsvColumn::Year);
        let year_text = r.cell(self.header.find(CsvColumn::Year));
        let yearly = |slot: fn(FiscalYear) -> Slot| rules::year(year_text).map(slot);
        let slot = if is_actual {
            yearly(Slot::Actual)
        } else if is_named(kind_text, &KIND_INTERIM) {
            yearly(Slot::Interim)
        } else if is_named(kind_text, &KIND_TARGET) {
            Ok(Slot::Target)
        } else if is_named(kind_text, &KIND_BASELINE) {
            Ok(Slot::Baseline)
        } else {
            let column = self.name(CsvColumn::Kind, KIND);
            return self.refuse(r.row, column, RefusalReason::UnknownKind { text: kind_text.to_owned() });
        };
        let slot = match slot {
            Ok(slot) => slot,
            Err(reason) => return self.refuse(r.row, cell.year_column.clone(), reason),
        };
        let period = self.s.period;
        let verdict = match slot {
            Slot::Actual(y) => rules::actual(x, period, y, &text, flag),
            Slot::Interim(y) => rules::interim(x, period, y, &text),
            Slot::Target => rules::when(year_text).and_then(|w| rules::target(x, period, w, &text)),
            Slot::Baseline => rules::when(year_text).and_then(|w| rules::baseline(x, w, &text)),
        };
        if self.record(i, x, &cell, slot, verdict, mark) {
            if let Slot::Actual(year) = slot {
                self.actual_source(r, i, x, year);
            }
        }
    }

    /// Notes a year cell written as a calendar year (「平成30年」) when the series' years are
    /// fiscal years and the row's 値の時点 does not say otherwise: it is read as that fiscal
    /// year, and the preview says so.
    fn calendar_year(&mut self, r: &Record, x: &Series, year: CsvColumn) {
        let index = self.header.find(year);
        let text = r.cell(index).trim();
        let folded = half_width(text);
        let calendar = folded.ends_with('年') && !folded.ends_with("年度") && rules::year(text).is_ok();
        if calendar && x.year_basis == YearBasis::Fiscal && self.text_cell(r, CsvColumn::YearBasis).is_empty() {
            let column = self.header.name(index, "");
            self.plan.noted.push(Noted {
                row: r.row,
                column,
                text: text.to_owned(),
                reading: CellReading::CalendarYear,
            });
        }
    }

    /// A wide table's cell under a year's column (that column names its year too), no marker.
    fn year_cell<'r>(&self, r: &'r Record, k: usize) -> Cell<'r> {
        let name = self.header.name(Some(k), "");
        Cell { row: r.row, text: r.cell(Some(k)), column: name.clone(), year_column: name, flag_column: String::new() }
    }

    fn cell<'r>(&self, r: &'r Record, value: CsvColumn, year: CsvColumn, flag: Option<CsvColumn>) -> Cell<'r> {
        let index = self.header.find(value);
        Cell {
            row: r.row,
            text: r.cell(index),
            column: self.header.name(index, ""),
            year_column: self.name(year, ""),
            flag_column: flag.map(|f| self.name(f, "")).unwrap_or_default(),
        }
    }

    /// The marker of a value: `Some(None)` when the file has no marker column; `None` (cell
    /// refused) when the marker is unreadable, or set without a value.
    fn flag(&mut self, cell: &Cell, text: &str, present: bool) -> Option<Option<bool>> {
        if !present {
            return Some(None);
        }
        match read_flag(text) {
            None => self.refuse(cell.row, cell.flag_column.clone(), RefusalReason::BadFlag { text: text.to_owned() }),
            Some(true) if cell.text.is_empty() => {
                self.refuse(cell.row, cell.flag_column.clone(), RefusalReason::ProvisionalWithoutValue)
            }
            Some(flag) => return Some(Some(flag)),
        }
        None
    }

    /// Counts a verdict: a refusal (in the column at fault), a duplicate, unchanged, a change.
    /// Returns whether the value is taken (unchanged or changed).
    fn record(
        &mut self,
        i: &Indicator,
        x: &Series,
        cell: &Cell,
        slot: Slot,
        verdict: CellRuling,
        mark: Option<String>,
    ) -> bool {
        let proposal = match verdict {
            Ok(p) => p,
            Err(reason) => {
                let column = match reason {
                    RefusalReason::BadYear { .. }
                    | RefusalReason::YearOutsidePeriod { .. }
                    | RefusalReason::YearDiffers { .. } => cell.year_column.clone(),
                    _ => cell.column.clone(),
                };
                self.refuse(cell.row, column, reason);
                return false;
            }
        };
        if let Some(first_row) = self.seen.get(&(x.id.clone(), slot)) {
            let reason = RefusalReason::Duplicate { first_row: *first_row };
            self.refuse(cell.row, cell.column.clone(), reason);
            return false;
        }
        self.seen.insert((x.id.clone(), slot), cell.row);
        match proposal {
            None => self.plan.unchanged += 1,
            Some(value) => self.plan.changes.push(CellChange {
                row: cell.row,
                column: cell.column.clone(),
                indicator: i.id.clone(),
                series: x.id.clone(),
                code: i.code.clone(),
                name: i.name.clone(),
                series_label: x.label.clone(),
                unit: i.unit.clone(),
                value,
                mark,
                basis: x.year_basis,
            }),
        }
        true
    }
}
