//! What one value cell does to a series: the rules for actuals, interim targets, baselines and
//! targets — unchanged, a change from what to what, or a refusal with its reason.

use super::cells::{is_direction_mark, is_every_year, EVERY_YEAR};
use super::{CellKind, RefusalReason, ValueChange};
use crate::model::{parse_number, Baseline, FiscalYear, PlanPeriod, Series, Target, YearBasis};

/// The year cell of a baseline or target.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum When {
    /// Empty: keep the year there is.
    Unspecified,
    Year(FiscalYear),
    /// 毎年: a per-year target.
    EveryYear,
}

pub(super) fn when(text: &str) -> Result<When, RefusalReason> {
    if text.is_empty() {
        Ok(When::Unspecified)
    } else if is_every_year(text) {
        Ok(When::EveryYear)
    } else {
        year(text).map(When::Year)
    }
}

/// A year cell as the CSV reads it (「平成30年」, 「R7」, 「令和5年4月1日現在」), or `None`.
pub(crate) fn read_target_year(text: &str) -> Option<FiscalYear> {
    year(text).ok()
}

/// A year cell: whatever `FiscalYear::parse` reads, and a year written with its date or month
/// as a series' basis writes it (「令和5年4月1日現在」, 「令和5年3月末」, 「平成28年6月 調査結果」).
pub(super) fn year(text: &str) -> Result<FiscalYear, RefusalReason> {
    (FiscalYear::parse(text).or_else(|_| YearBasis::Calendar.read_year(text)))
        .map_err(|_| RefusalReason::BadYear { text: text.to_owned() })
}

fn value(text: &str) -> Result<f64, RefusalReason> {
    parse_number(text).map_err(|_| RefusalReason::NotANumber { text: text.to_owned() })
}

/// `Ok(None)`: the cell holds what the strategy holds.
pub(super) type CellRuling = Result<Option<ValueChange>, RefusalReason>;

fn propose(kind: CellKind, year: Option<FiscalYear>, from: Option<f64>, to: f64) -> CellRuling {
    Ok(Some(ValueChange { kind, year, from, to, from_provisional: false, to_provisional: false, written: None })
        .filter(|p| p.from != Some(p.to)))
}

/// An actual: the year must be in the plan period unless the series has an actual that year.
/// `flag` is the provisional marker when the file has that column.
pub(super) fn actual(x: &Series, period: PlanPeriod, year: FiscalYear, text: &str, flag: Option<bool>) -> CellRuling {
    let current = x.actual(year);
    if current.is_none() && !period.contains(year) {
        return Err(RefusalReason::YearOutsidePeriod { year });
    }
    let to = value(text)?;
    let from_provisional = current.is_some_and(|a| a.provisional);
    let p = ValueChange {
        kind: CellKind::Actual,
        year: Some(year),
        from: current.map(|a| a.value),
        to,
        from_provisional,
        to_provisional: flag.unwrap_or(from_provisional),
        written: None,
    };
    Ok(Some(p).filter(|p| p.from != Some(p.to) || p.from_provisional != p.to_provisional))
}

/// An interim target (中間目標): in the plan period unless the series has one that year.
pub(super) fn interim(x: &Series, period: PlanPeriod, year: FiscalYear, text: &str) -> CellRuling {
    let current = x.interim.iter().find(|v| v.year == year);
    if current.is_none() && !period.contains(year) {
        return Err(RefusalReason::YearOutsidePeriod { year });
    }
    propose(CellKind::Interim, Some(year), current.map(|v| v.value), value(text)?)
}

/// A baseline (当初値): its year identifies it; a new baseline takes the year given.
pub(super) fn baseline(x: &Series, when: When, text: &str) -> CellRuling {
    let to = value(text)?;
    match (&x.baseline, when) {
        (_, When::EveryYear) => Err(RefusalReason::BadYear { text: EVERY_YEAR.to_owned() }),
        (Some(Baseline { value, year }), When::Unspecified) => propose(CellKind::Baseline, *year, Some(*value), to),
        (Some(Baseline { value, year }), When::Year(y)) if *year == Some(y) => {
            propose(CellKind::Baseline, *year, Some(*value), to)
        }
        (Some(Baseline { year, .. }), When::Year(y)) => Err(RefusalReason::YearDiffers { year: y, expected: *year }),
        (None, When::Unspecified) => propose(CellKind::Baseline, None, None, to),
        (None, When::Year(y)) => propose(CellKind::Baseline, Some(y), None, to),
    }
}

/// A target (目標値). An arrow matches a direction-only target (and sets one where there is no
/// target); 「毎年380」 or 「380/年」 is a per-year target's value; a number gives a missing or
/// direction-only target a value (per year with 毎年), or changes a value or per-year target
/// of the same kind. A value target's year (empty = the plan's last year) identifies it.
pub(super) fn target(x: &Series, period: PlanPeriod, when: When, text: &str) -> CellRuling {
    if is_direction_mark(text) {
        return match x.target {
            Some(Target::Direction) => Ok(None),
            // A series with no target takes the direction (as a town's table does).
            None => written(x, Target::Direction),
            _ => Err(RefusalReason::TargetKindDiffers),
        };
    }
    let written_year = match when {
        When::Year(y) => Some(y),
        When::Unspecified | When::EveryYear => None,
    };
    // 「毎年380」, 「380/年」: a per-year target's value, as with 毎年 in the year column.
    if let Some(v) = super::target_words::per_year_text(text).filter(|_| !matches!(when, When::Year(_))) {
        let number = super::target_words::value_with_unit(&v).map_or(v, |n| n.to_string());
        return target(x, period, When::EveryYear, &number);
    }
    if let Some(t) = super::target_words::read(text, written_year, period) {
        return written(x, t);
    }
    let to = value(text)?;
    match (&x.target, when) {
        (Some(Target::Value { value, year }), When::Unspecified) => propose(CellKind::Target, *year, Some(*value), to),
        (Some(Target::Value { value, year }), When::Year(y)) if year.unwrap_or(period.last) == y => {
            propose(CellKind::Target, *year, Some(*value), to)
        }
        (Some(Target::Value { year, .. }), When::Year(y)) => {
            Err(RefusalReason::YearDiffers { year: y, expected: *year })
        }
        (Some(Target::PerYear { value }), When::Unspecified | When::EveryYear) => {
            propose(CellKind::TargetPerYear, None, Some(*value), to)
        }
        (Some(Target::Value { .. }), When::EveryYear) | (Some(Target::PerYear { .. }), When::Year(_)) => {
            Err(RefusalReason::TargetKindDiffers)
        }
        (None | Some(Target::Direction), When::Unspecified) => propose(CellKind::Target, None, None, to),
        (None | Some(Target::Direction), When::Year(y)) if period.contains(y) => {
            propose(CellKind::Target, Some(y), None, to)
        }
        (None | Some(Target::Direction), When::Year(y)) => Err(RefusalReason::YearOutsidePeriod { year: y }),
        (None | Some(Target::Direction), When::EveryYear) => propose(CellKind::TargetPerYear, None, None, to),
        // A number for a target set in words: the kind differs (words set such a target).
        (
            Some(Target::Relative { .. } | Target::Average { .. } | Target::Cumulative { .. } | Target::Bound { .. }),
            _,
        ) => Err(RefusalReason::TargetKindDiffers),
    }
}

/// A target written in words: unchanged when it is the series' target, else the whole target
/// replaced (whatever kind it had: the words say the kind).
fn written(x: &Series, t: Target) -> CellRuling {
    if x.target.as_ref() == Some(&t) {
        return Ok(None);
    }
    let comes_to = Series { target: Some(t.clone()), ..x.clone() }.target_value();
    Ok(Some(ValueChange {
        kind: CellKind::TargetWritten,
        year: t.due_year(),
        from: x.target_value(),
        to: comes_to.unwrap_or(0.0),
        from_provisional: false,
        to_provisional: false,
        written: Some(t),
    }))
}
