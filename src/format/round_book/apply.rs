//! What the user took in, applied: each [`AnswerChange`] written into the strategy where the editor
//! writes the same field (a KPI breakdown's actual, an initiative's year, a measure's 一次評価);
//! values the planning section confirmed stay as confirmed unless the person takes the
//! workbooks' values ([`take_in`]).

use super::{AnswerChange, AnswerField, AnswerValue, ReturnedBook};
use crate::model::round::{confirmed_changes, ConfirmedChange, ItemKind, OnConfirmed};
use crate::model::{EvaluationStage, FiscalYear, ProjectDirection, Strategy};

/// The changes of every workbook that was not refused, in the files' order.
pub fn changes_of(readings: &[ReturnedBook]) -> Vec<AnswerChange> {
    readings.iter().filter_map(|r| r.outcome.as_ref().ok()).flat_map(|a| a.changes.iter().cloned()).collect()
}

/// What `changes` would change of values the planning section confirmed in `s` (the preview's
/// card).
pub fn confirmed_by(s: &Strategy, year: FiscalYear, changes: &[AnswerChange]) -> Vec<ConfirmedChange> {
    let mut after = s.clone();
    apply(&mut after, year, changes);
    confirmed_changes(s, &after, "")
}

/// Takes the changes in: [`apply`], then the confirmed values they change settled as `on` says:
/// put back, or kept and confirmed again in the name it gives at `at`. Judged against `s` as it
/// is now, whatever the preview showed.
pub fn take_in(s: &mut Strategy, year: FiscalYear, changes: &[AnswerChange], on: &OnConfirmed, at: &str) {
    let before = s.clone();
    apply(s, year, changes);
    let held = confirmed_changes(&before, s, "");
    on.settle(s, &before, &held, at);
}

/// How many of `changes` [`take_in`] makes: all of them when `on` takes the confirmed values,
/// else those outside the items in `held` ([`confirmed_by`]), whose values are put back. What
/// the preview says will change, and the notice says did.
pub fn taking(changes: &[AnswerChange], held: &[ConfirmedChange], on: &OnConfirmed) -> usize {
    let kept = |c: &AnswerChange| {
        let kind = match c.field {
            AnswerField::Actual(_) => Some(ItemKind::Actual),
            AnswerField::Cause => Some(ItemKind::Cause),
            AnswerField::Settled | AnswerField::Result => Some(ItemKind::Result),
            AnswerField::Budget | AnswerField::Direction => Some(ItemKind::NextBudget),
            AnswerField::Rating => Some(ItemKind::FirstEvaluation),
            // A 確認 keeps the 一次評価's rating, not its 改善点 (`model::round::keep_confirmed`).
            AnswerField::Improvements => None,
        };
        kind.is_some_and(|k| held.iter().any(|h| h.kind == k && h.subject == c.subject))
    };
    match on {
        OnConfirmed::Take(_) => changes.len(),
        OnConfirmed::Keep => changes.iter().filter(|c| !kept(c)).count(),
    }
}

/// Writes the changes into `s`; `year` is the round's fiscal year (a budget and a direction are
/// of the year after). A change whose subject is gone meanwhile is skipped.
pub fn apply(s: &mut Strategy, year: FiscalYear, changes: &[AnswerChange]) {
    let next = FiscalYear(year.0 + 1);
    for c in changes {
        let number = match &c.new {
            AnswerValue::Number(n) => Some(*n),
            _ => None,
        };
        let text = match &c.new {
            AnswerValue::Text(t) => t.clone(),
            _ => String::new(),
        };
        match &c.field {
            AnswerField::Actual(series) => {
                if let Some(x) = s.indicator_mut(&c.subject).and_then(|i| i.series.iter_mut().find(|x| &x.id == series))
                {
                    x.set_actual(year, number);
                }
            }
            AnswerField::Cause => {
                if let Some(i) = s.indicator_mut(&c.subject) {
                    i.set_analysis(year, &text);
                }
            }
            AnswerField::Settled | AnswerField::Result | AnswerField::Budget | AnswerField::Direction => {
                let Some(i) = s.initiative_mut(&c.subject) else { continue };
                let money = number.map(|n| n as i64);
                match c.field {
                    AnswerField::Settled => i.edit_year(year, |y| y.settled = money),
                    AnswerField::Result => i.edit_year(year, |y| y.result = text),
                    AnswerField::Budget => i.edit_year(next, |y| y.budget = money),
                    _ => i.edit_year(next, |y| y.direction = ProjectDirection::from_japanese(&text)),
                }
            }
            AnswerField::Rating | AnswerField::Improvements => {
                let Some(m) = s.measure_mut(&c.subject) else { continue };
                let first = EvaluationStage::First;
                if c.field == AnswerField::Rating {
                    m.edit_evaluation(year, first, |e| e.rating = Some(text).filter(|t| !t.is_empty()));
                } else {
                    m.edit_evaluation(year, first, |e| e.improvements = text);
                }
            }
        }
    }
}
