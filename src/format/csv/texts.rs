//! The CSV cells that are words, not values: what a series' years mean (値の時点), where its
//! numbers come from (出典), the town's verdict of a year (町の評価, 委員会の意見など) and a target
//! as it was before a revision (区分 修正前の目標) — each judged against the strategy like a value
//! cell (unchanged, a change from what to what, or a refusal) and written by [`apply`].
//!
//! As for values, an empty cell means "no change": an import never clears a source, a verdict
//! or a comment, and never removes an earlier target.

use super::RefusalReason;
use crate::model::{FiscalYear, Id, Indicator, Series, Strategy, Target, TargetRevision, Verdict, YearBasis};

/// Words the import would write.
#[derive(Clone, Debug, PartialEq)]
pub struct TextChange {
    /// The row Excel shows (the header is row 1).
    pub row: usize,
    /// The header of the cell's column.
    pub column: String,
    pub indicator: Id,
    pub code: String,
    pub name: String,
    /// The indicator's unit, to show an earlier target.
    pub unit: String,
    /// The series written to and its label; `None` for the indicator's own words (a verdict, or
    /// the source of an indicator with one series).
    pub series: Option<(Id, String)>,
    pub edit: TextEdit,
    /// What the series' years mean once the file is applied (for an actual's source).
    pub basis: YearBasis,
}

/// What a text change writes, from what to what.
#[derive(Clone, Debug, PartialEq)]
pub enum TextEdit {
    YearBasis {
        from: YearBasis,
        to: YearBasis,
    },
    /// 実績の種類: whether the series' actuals are running totals (累計値).
    RunningTotals {
        to: bool,
    },
    Source {
        of: SourceOf,
        from: String,
        to: String,
    },
    /// The town's verdict of a year, with the committee's comment.
    Verdict {
        from: Option<Verdict>,
        to: Verdict,
    },
    /// 担当課: the section that answers for the indicator, by name (`from`: the one it has now,
    /// its own or taken from its measure, empty for none); a name the list does not hold adds
    /// that section.
    Department {
        from: String,
        to: String,
    },
    /// An earlier target: new to the history, or (`from`) one whose date or reason changes.
    Revision {
        from: Option<TargetRevision>,
        to: TargetRevision,
    },
}

/// Whose source a [`TextEdit::Source`] is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SourceOf {
    Indicator,
    Series,
    /// One actual's own source (the year of the value).
    Actual(FiscalYear),
}

/// `Ok(None)`: the cell says what the strategy says.
pub(super) type Judged = Result<Option<TextEdit>, RefusalReason>;

/// 値の時点: 年度, 年, 「4月1日現在」 (empty: no change).
pub(super) fn year_basis(x: &Series, text: &str) -> Judged {
    let to = YearBasis::parse(text).ok_or_else(|| RefusalReason::BadYearBasis { text: text.to_owned() })?;
    Ok((to != x.year_basis).then_some(TextEdit::YearBasis { from: x.year_basis, to }))
}

/// 実績の種類: 単年度 or 累計 (empty: no change; the caller does not pass one).
pub(super) fn running_totals(x: &Series, text: &str) -> Judged {
    let to =
        super::cells::read_actual_kind(text).ok_or_else(|| RefusalReason::BadActualKind { text: text.to_owned() })?;
    Ok((to != x.running_totals).then_some(TextEdit::RunningTotals { to }))
}

/// 担当課 of a row, as the export writes it (the section that answers for the indicator, its
/// own or its measure's): unchanged when it names that one.
pub(super) fn department(s: &Strategy, i: &Indicator, text: &str) -> Option<TextEdit> {
    let now = s.indicator_department(i).and_then(|o| s.department_name(o.department)).unwrap_or_default();
    let to = text.trim();
    (to != now.trim()).then(|| TextEdit::Department { from: now.to_owned(), to: to.to_owned() })
}

/// 出典 of a row, as the export writes it (the series' own, else the indicator's): unchanged
/// when it says that; else the indicator's when it has one series without a source of its own,
/// the series' otherwise.
pub(super) fn series_source(i: &Indicator, x: &Series, text: &str) -> Option<TextEdit> {
    if text == x.source_or(&i.source) {
        return None;
    }
    let of_indicator = i.series.len() == 1 && x.source.trim().is_empty();
    let (of, from) = if of_indicator { (SourceOf::Indicator, &i.source) } else { (SourceOf::Series, &x.source) };
    Some(TextEdit::Source { of, from: from.clone(), to: text.to_owned() })
}

/// 出典 of an actual's row: its own source, unless it says the series' (`series_source`, as this
/// file leaves it).
pub(super) fn actual_source(x: &Series, year: FiscalYear, series_source: &str, text: &str) -> Option<TextEdit> {
    let own = x.actual(year).map_or("", |a| a.source.as_str());
    let shown = if own.trim().is_empty() { series_source } else { own };
    (text != shown).then(|| TextEdit::Source { of: SourceOf::Actual(year), from: own.to_owned(), to: text.to_owned() })
}

/// A verdict row: the year must be in the plan period unless the indicator has a verdict that
/// year; an empty 町の評価 or comment keeps what is there.
pub(super) fn verdict(s: &Strategy, i: &Indicator, year: FiscalYear, verdict: &str, comment: &str) -> Judged {
    let from = i.verdict(year).cloned();
    if from.is_none() && !s.period.contains(year) {
        return Err(RefusalReason::YearOutsidePeriod { year });
    }
    let keep =
        |new: &str, old: Option<&str>| if new.is_empty() { old.unwrap_or("").to_owned() } else { new.to_owned() };
    let to = Verdict {
        year,
        verdict: keep(verdict, from.as_ref().map(|v| v.verdict.as_str())),
        comment: keep(comment, from.as_ref().map(|v| v.comment.as_str())),
    };
    Ok((from.as_ref() != Some(&to)).then_some(TextEdit::Verdict { from, to }))
}

/// An earlier target: the same target revised in the same year is the same revision (its date
/// and reason may change; an empty cell keeps them); anything else is added to the history.
pub(super) fn revision(x: &Series, revised: TargetRevision) -> Option<TextEdit> {
    let same = x.target_history.iter().find(|r| r.year == revised.year && r.target == revised.target);
    let Some(old) = same else { return Some(TextEdit::Revision { from: None, to: revised }) };
    let to = TargetRevision {
        date: revised.date.or_else(|| old.date.clone()),
        reason: if revised.reason.is_empty() { old.reason.clone() } else { revised.reason },
        ..revised
    };
    (&to != old).then(|| TextEdit::Revision { from: Some(old.clone()), to })
}

/// 修正日: a real day written YYYY-MM-DD (or with / or . between, as Excel may save it), kept
/// as YYYY-MM-DD; empty: no date.
pub(super) fn revision_date(text: &str) -> Result<Option<String>, RefusalReason> {
    let t = crate::model::half_width(text.trim());
    if t.is_empty() {
        return Ok(None);
    }
    let bad = || RefusalReason::BadDate { text: text.to_owned() };
    let parts: Vec<&str> = t.split(['-', '/', '.']).collect();
    let [y, m, d] = parts[..] else { return Err(bad()) };
    let (Ok(y), Ok(m), Ok(d)) = (y.parse::<u16>(), m.parse::<u8>(), d.parse::<u8>()) else { return Err(bad()) };
    let day = format!("{y:04}-{m:02}-{d:02}");
    if crate::model::is_revision_date(&day) {
        Ok(Some(day))
    } else {
        Err(bad())
    }
}

/// Writes the text changes (after the values: an actual's source needs its actual); returns
/// how many were written. A change whose indicator, series or actual is gone is skipped.
pub(super) fn apply(s: &mut Strategy, changes: &[TextChange]) -> usize {
    let mut written = 0;
    for c in changes {
        if let TextEdit::Department { to, .. } = &c.edit {
            if s.indicator(&c.indicator).is_some() {
                let id = match s.departments.iter().find(|d| d.name.trim() == to.trim()) {
                    Some(d) => d.id.clone(),
                    None => s.add_department(to.trim()),
                };
                s.indicator_mut(&c.indicator).into_iter().for_each(|i| i.department = Some(id.clone()));
                written += 1;
            }
            continue;
        }
        let Some(i) = s.indicator_mut(&c.indicator) else { continue };
        let series = match &c.series {
            Some((id, _)) => match i.series.iter().position(|x| x.id == *id) {
                Some(k) => Some(k),
                None => continue,
            },
            None => None,
        };
        let done = match (&c.edit, series) {
            (TextEdit::YearBasis { to, .. }, Some(k)) => {
                i.series[k].year_basis = *to;
                true
            }
            (TextEdit::RunningTotals { to }, Some(k)) => {
                i.series[k].running_totals = *to;
                true
            }
            (TextEdit::Source { of: SourceOf::Indicator, to, .. }, _) => {
                i.source = to.clone();
                true
            }
            (TextEdit::Source { of: SourceOf::Series, to, .. }, Some(k)) => {
                i.series[k].source = to.clone();
                true
            }
            (TextEdit::Source { of: SourceOf::Actual(year), to, .. }, Some(k)) => {
                let had = i.series[k].actual(*year).is_some();
                i.series[k].set_source(*year, to.clone());
                had
            }
            (TextEdit::Verdict { to, .. }, _) => {
                i.set_verdict(to.year, &to.verdict, &to.comment);
                true
            }
            (TextEdit::Revision { from, to }, Some(k)) => {
                add_revision(&mut i.series[k], from.as_ref(), to.clone());
                true
            }
            (TextEdit::Department { .. }, _) | (_, None) => false,
        };
        written += usize::from(done);
    }
    written
}

/// Puts a revision into the history, replacing `from` when it is there, else after the
/// revisions of its year and before later ones (the history is oldest first).
fn add_revision(x: &mut Series, from: Option<&TargetRevision>, to: TargetRevision) {
    if let Some(k) = from.and_then(|old| x.target_history.iter().position(|r| r == old)) {
        x.target_history[k] = to;
        return;
    }
    let at = x.target_history.iter().position(|r| r.year > to.year).unwrap_or(x.target_history.len());
    x.target_history.insert(at, to);
}

/// The target a 修正前の目標 row gives: written as a 目標 row's 値 and 年度 are (a number and its
/// year, 毎年, an arrow, or words).
pub(super) fn earlier_target(
    text: &str,
    when: super::rules::When,
    period: crate::model::PlanPeriod,
) -> Result<Target, RefusalReason> {
    use super::rules::When;
    if super::cells::is_direction_mark(text) {
        return Ok(Target::Direction);
    }
    let year = match when {
        When::Year(y) => Some(y),
        When::Unspecified | When::EveryYear => None,
    };
    if let Some(t) = super::target_words::read(text, year, period) {
        return Ok(t);
    }
    let value = crate::model::parse_number(text).map_err(|_| RefusalReason::NotANumber { text: text.to_owned() })?;
    Ok(match when {
        When::EveryYear => Target::PerYear { value },
        _ => Target::Value { value, year },
    })
}
