//! The planner's cells that are words: a series' 値の時点 and 出典, an indicator's 担当課 (wide: its row; long: every
//! row, the first one counting and a different one later refused), an actual's own 出典 (long;
//! decided once the whole file is read, against the series' source as the file leaves it), a
//! 修正前の目標 row (an earlier target) and a row of the verdicts file.

use super::super::cells::*;
use super::super::read::{CsvColumn, Record};
use super::super::rules;
use super::super::texts::{self, Judged, TextChange, TextEdit};
use super::super::RefusalReason;
use super::seen_words::{ActualSource, RowSource, SeriesWord};
use super::Planner;
use crate::model::{half_width, FiscalYear, Id, Indicator, Series, TargetRevision, YearBasis};
use std::collections::HashMap;

impl Planner<'_> {
    pub(super) fn text_cell(&self, r: &Record, c: CsvColumn) -> String {
        read_text(r.cell(self.header.find(c))).to_owned()
    }

    fn push_text(&mut self, row: usize, column: String, i: &Indicator, x: Option<&Series>, edit: TextEdit) {
        self.plan.texts.push(TextChange {
            row,
            column,
            indicator: i.id.clone(),
            code: i.code.clone(),
            name: i.name.clone(),
            unit: i.unit.clone(),
            series: x.map(|x| (x.id.clone(), x.label.clone())),
            edit,
            basis: x.map(|x| x.year_basis).unwrap_or_default(),
        });
    }

    /// Counts a judged word cell of a series (or of the indicator, `x` none) in `column`.
    fn judged(&mut self, row: usize, column: String, i: &Indicator, x: Option<&Series>, judged: Judged) {
        match judged {
            Ok(Some(edit)) => self.push_text(row, column, i, x, edit),
            Ok(None) => {}
            Err(reason) => self.refuse(row, column, reason),
        }
    }

    /// Whether this row's word is the first for the series (else it was judged already, or,
    /// saying something else, is refused here).
    fn first_word(&mut self, x: &Series, word: SeriesWord, row: usize, column: &str, text: &str) -> bool {
        match self.words.first.get(&(x.id.clone(), word)) {
            None => {
                self.words.first.insert((x.id.clone(), word), (row, text.to_owned()));
                true
            }
            Some((_, said)) if half_width(said) == half_width(text) => false,
            Some((first_row, _)) => {
                let reason = RefusalReason::Conflicting { first_row: *first_row };
                self.refuse(row, column.to_owned(), reason);
                false
            }
        }
    }

    /// 値の時点, and 出典 when the row gives the series' source (not an actual's row).
    pub(super) fn series_words(&mut self, r: &Record, i: &Indicator, x: &Series, source: RowSource) {
        let basis = self.text_cell(r, CsvColumn::YearBasis);
        let column = self.name(CsvColumn::YearBasis, YEAR_BASIS);
        if !basis.is_empty() && self.first_word(x, SeriesWord::Basis, r.row, &column, &basis) {
            self.judged(r.row, column, i, Some(x), texts::year_basis(x, &basis));
        }
        let kind = self.text_cell(r, CsvColumn::ActualKind);
        let column = self.name(CsvColumn::ActualKind, ACTUAL_KIND);
        if !kind.is_empty() && self.first_word(x, SeriesWord::ActualKind, r.row, &column, &kind) {
            self.judged(r.row, column, i, Some(x), texts::running_totals(x, &kind));
        }
        // 担当課 is the indicator's: its first series' word, whichever row gives it.
        let department = self.text_cell(r, CsvColumn::Department);
        let column = self.name(CsvColumn::Department, DEPARTMENT);
        let first = i.series.first().unwrap_or(x);
        if !department.trim().is_empty() && self.first_word(first, SeriesWord::Department, r.row, &column, &department)
        {
            if let Some(edit) = texts::department(self.s, i, &department) {
                self.push_text(r.row, column, i, None, edit);
            }
        }
        let text = self.text_cell(r, CsvColumn::Source);
        let column = self.name(CsvColumn::Source, SOURCE);
        if source == RowSource::Series
            && !text.is_empty()
            && self.first_word(x, SeriesWord::Source, r.row, &column, &text)
        {
            if let Some(edit) = texts::series_source(i, x, &text) {
                self.push_text(r.row, column, i, Some(x), edit);
            }
        }
    }

    /// Each change of a series whose 値の時点 the file changes says the new one.
    pub(super) fn bases_after(&mut self) {
        let changed: HashMap<Id, YearBasis> = (self.plan.texts.iter())
            .filter_map(|t| match (&t.series, &t.edit) {
                (Some((id, _)), TextEdit::YearBasis { to, .. }) => Some((id.clone(), *to)),
                _ => None,
            })
            .collect();
        for c in &mut self.plan.changes {
            if let Some(basis) = changed.get(&c.series) {
                c.basis = *basis;
            }
        }
        for t in &mut self.plan.texts {
            if let Some(basis) = t.series.as_ref().and_then(|(id, _)| changed.get(id)) {
                t.basis = *basis;
            }
        }
    }

    /// An actual's row 出典, decided when the file is read (`actual_sources`).
    pub(super) fn actual_source(&mut self, r: &Record, i: &Indicator, x: &Series, year: FiscalYear) {
        let text = self.text_cell(r, CsvColumn::Source);
        if !text.is_empty() {
            let column = self.name(CsvColumn::Source, SOURCE);
            let (indicator, series) = (i.id.clone(), x.id.clone());
            self.words.actual_sources.push(ActualSource { row: r.row, column, indicator, series, year, text });
        }
    }

    /// Each actual's 出典 that is not the series' source (as the file leaves it) becomes the
    /// actual's own.
    pub(super) fn actual_sources(&mut self) {
        for a in std::mem::take(&mut self.words.actual_sources) {
            let Some(i) = self.by_id.get(a.indicator.as_str()).copied() else { continue };
            let Some(x) = i.series.iter().find(|x| x.id == a.series) else { continue };
            let series_source = match self.words.first.get(&(x.id.clone(), SeriesWord::Source)) {
                Some((_, said)) => said.as_str(),
                None => x.source_or(&i.source),
            };
            if let Some(edit) = texts::actual_source(x, a.year, series_source, &a.text) {
                self.push_text(a.row, a.column, i, Some(x), edit);
            }
        }
    }

    /// A 修正前の目標 row: 値 and 年度 as a 目標 row writes them, 修正年度 (needed), 修正日, 修正理由.
    pub(super) fn revision(&mut self, r: &Record, i: &Indicator, x: &Series) {
        let value_column = self.name(CsvColumn::Value, VALUE);
        let text = self.text_cell(r, CsvColumn::Value);
        if text.is_empty() {
            return;
        }
        let read = || -> Result<TargetRevision, (CsvColumn, &str, RefusalReason)> {
            let year_text = self.text_cell(r, CsvColumn::Year);
            let when = rules::when(&year_text).map_err(|e| (CsvColumn::Year, YEAR, e))?;
            let target = texts::earlier_target(&text, when, self.s.period).map_err(|e| (CsvColumn::Value, VALUE, e))?;
            let year = rules::year(&self.text_cell(r, CsvColumn::RevisedIn))
                .map_err(|e| (CsvColumn::RevisedIn, REVISED_IN, e))?;
            let date = texts::revision_date(&self.text_cell(r, CsvColumn::RevisionDate))
                .map_err(|e| (CsvColumn::RevisionDate, REVISION_DATE, e))?;
            Ok(TargetRevision { target, year, date, reason: self.text_cell(r, CsvColumn::RevisionReason) })
        };
        let revised = match read() {
            Ok(revised) => revised,
            Err((column, standard, reason)) => return self.refuse(r.row, self.name(column, standard), reason),
        };
        let earlier = self.plan.texts.iter().find(|t| match &t.edit {
            TextEdit::Revision { to, .. } => {
                t.series.as_ref().is_some_and(|(id, _)| *id == x.id)
                    && to.year == revised.year
                    && to.target == revised.target
            }
            _ => false,
        });
        if let Some(first) = earlier {
            let reason = RefusalReason::Duplicate { first_row: first.row };
            return self.refuse(r.row, value_column, reason);
        }
        if let Some(edit) = texts::revision(x, revised) {
            self.push_text(r.row, value_column, i, Some(x), edit);
        }
    }

    /// A row of the verdicts file: 年度, 町の評価, 委員会の意見など.
    pub(super) fn verdict(&mut self, r: &Record, i: &Indicator) {
        let (verdict, comment) = (self.text_cell(r, CsvColumn::Verdict), self.text_cell(r, CsvColumn::VerdictComment));
        if verdict.is_empty() && comment.is_empty() {
            return;
        }
        let year_column = self.name(CsvColumn::Year, YEAR);
        let year = match rules::year(&self.text_cell(r, CsvColumn::Year)) {
            Ok(year) => year,
            Err(reason) => return self.refuse(r.row, year_column, reason),
        };
        if let Some(first_row) = self.words.verdicts.get(&(i.id.clone(), year)) {
            let reason = RefusalReason::Duplicate { first_row: *first_row };
            return self.refuse(r.row, self.name(CsvColumn::Verdict, VERDICT), reason);
        }
        self.words.verdicts.insert((i.id.clone(), year), r.row);
        let column = if verdict.is_empty() { CsvColumn::VerdictComment } else { CsvColumn::Verdict };
        match texts::verdict(self.s, i, year, &verdict, &comment) {
            Err(reason) => self.refuse(r.row, year_column, reason),
            judged => self.judged(r.row, self.name(column, VERDICT), i, None, judged),
        }
    }
}
