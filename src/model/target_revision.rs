//! Targets revised mid-plan (「目標値を上方修正（令和4年度）」): a series keeps each earlier target
//! as it was, with the fiscal year (and, when known, the date) it was changed and the reason.
//!
//! The history is a record only: progress and status are always computed against the current
//! target (`model::achievement` never reads it). The chart, the printed report and the overview
//! show the earlier targets beside the current one.

use super::{DesiredDirection, FiscalYear, Series, Target};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// An earlier target of a series: the target as it was until it was revised.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct TargetRevision {
    /// The target before the revision, any kind.
    pub target: Target,
    /// The fiscal year the target was changed in (「令和4年度に上方修正」).
    pub year: FiscalYear,
    /// The day it was decided, YYYY-MM-DD, when the document gives one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<String>,
    /// Why: 「上方修正」「国の方針変更に伴い」…
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub reason: String,
}

impl TargetRevision {
    /// The fiscal year its date falls in (April–March), when the date is a real YYYY-MM-DD.
    pub fn date_fiscal_year(&self) -> Option<FiscalYear> {
        let date = self.date.as_deref()?.trim();
        if !super::schedule::is_calendar_date(date) {
            return None;
        }
        let (y, m) = (date.get(..4)?.parse().ok()?, date.get(5..7)?.parse().ok()?);
        Some(FiscalYear::of_date(y, m))
    }
}

/// Which way a revision moved the target, judged by the indicator's desired direction.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RevisionWay {
    /// 上方修正: the new target asks for more (higher for an increase, lower for a decrease).
    Up,
    /// 下方修正: the new target asks for less.
    Down,
    /// 修正: the kinds cannot be compared as values, or the values are equal.
    Changed,
}

impl Series {
    /// Replaces the target, keeping the current one in the history as revised in `year`
    /// (with `date` and `reason`). Nothing is kept when there was no target, and nothing changes
    /// when the new target is the current one. Returns whether an earlier target was recorded.
    pub fn revise_target(&mut self, new: Target, year: FiscalYear, date: Option<String>, reason: String) -> bool {
        match self.target.replace(new.clone()) {
            Some(old) if old != new => {
                self.target_history.push(TargetRevision { target: old, year, date, reason });
                true
            }
            _ => false,
        }
    }

    /// Records a revision after the fact: the target has already been changed to the new one
    /// (the editor writes its fields one by one), and `before` is what it was. The same as
    /// `revise_target(new, …)` from `before`; nothing is recorded when they are the same.
    pub fn record_revision(&mut self, before: Target, year: FiscalYear, date: Option<String>, reason: String) -> bool {
        let Some(new) = self.target.clone() else { return false };
        self.target = Some(before);
        self.revise_target(new, year, date, reason)
    }

    /// Removes an earlier target from the history (the current target stays).
    pub fn remove_revision(&mut self, index: usize) {
        if index < self.target_history.len() {
            self.target_history.remove(index);
        }
    }

    /// The target each revision replaced it with: the next earlier target, or the current one
    /// for the latest revision.
    pub fn revised_to(&self, index: usize) -> Option<&Target> {
        match self.target_history.get(index + 1) {
            Some(next) => Some(&next.target),
            None if index < self.target_history.len() => self.target.as_ref(),
            None => None,
        }
    }

    /// The first target the series had (当初の目標), when it was revised since.
    pub fn original_target(&self) -> Option<&Target> {
        self.target_history.first().map(|r| &r.target)
    }

    /// The value a target (current or earlier) comes to for this series: see `target_value`.
    pub fn value_of(&self, target: &Target) -> Option<f64> {
        match target {
            Target::Value { value, .. }
            | Target::PerYear { value }
            | Target::Average { value, .. }
            | Target::Cumulative { value, .. }
            | Target::Bound { value, .. } => Some(*value),
            Target::Relative { change, .. } => {
                let b = self.baseline.as_ref().map(|b| b.value).filter(|v| v.is_finite())?;
                Some(change.from_baseline(b))
            }
            Target::Direction => None,
        }
    }

    /// Which way the revision at `index` moved the target.
    pub fn revision_way(&self, index: usize, direction: DesiredDirection) -> RevisionWay {
        let (Some(old), Some(new)) = (self.target_history.get(index), self.revised_to(index)) else {
            return RevisionWay::Changed;
        };
        let (Some(a), Some(b)) = (self.value_of(&old.target), self.value_of(new)) else {
            return RevisionWay::Changed;
        };
        // A bound says itself which side is better; otherwise the indicator's direction does
        // (維持 keeps at least the target, so higher asks for more).
        let lower_is_more = match new {
            Target::Bound { side, .. } => *side == super::BoundSide::AtMost,
            _ => direction == DesiredDirection::Decrease,
        };
        if !(a.is_finite() && b.is_finite()) || a == b {
            RevisionWay::Changed
        } else if (b > a) != lower_is_more {
            RevisionWay::Up
        } else {
            RevisionWay::Down
        }
    }
}

/// Whether a typed date is usable for a revision: empty (no date) or a real YYYY-MM-DD.
pub fn is_revision_date(typed: &str) -> bool {
    let d = typed.trim();
    d.is_empty() || super::schedule::is_calendar_date(d)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{assess, Baseline, BoundSide, Context, PlanPeriod, RatingRule, RelativeChange, Status};

    fn population() -> Series {
        let mut s = Series::new("");
        s.baseline = Some(Baseline { value: 1200.0, year: Some(FiscalYear(2020)) });
        s.target = Some(Target::Value { value: 1500.0, year: Some(FiscalYear(2025)) });
        s
    }

    #[test]
    fn a_revision_keeps_the_old_target_with_its_year_date_and_reason() {
        let mut s = population();
        let new = Target::Value { value: 1800.0, year: Some(FiscalYear(2025)) };
        assert!(s.revise_target(new.clone(), FiscalYear(2022), Some("2022-06-01".into()), "上方修正".into()));
        assert_eq!(s.target.as_ref(), Some(&new));
        assert_eq!(
            s.target_history,
            [TargetRevision {
                target: Target::Value { value: 1500.0, year: Some(FiscalYear(2025)) },
                year: FiscalYear(2022),
                date: Some("2022-06-01".into()),
                reason: "上方修正".into(),
            }]
        );
        assert_eq!(s.revised_to(0), Some(&new));
        assert_eq!(s.original_target().and_then(|t| s.value_of(t)), Some(1500.0));
        assert_eq!(s.revision_way(0, DesiredDirection::Increase), RevisionWay::Up);
        assert_eq!(s.revision_way(0, DesiredDirection::Decrease), RevisionWay::Down);
    }

    #[test]
    fn no_history_without_a_target_or_without_a_change() {
        let mut s = Series::new("");
        assert!(!s.revise_target(Target::Direction, FiscalYear(2022), None, "x".into()));
        assert_eq!(s.target, Some(Target::Direction));
        assert!(!s.revise_target(Target::Direction, FiscalYear(2023), None, "x".into()));
        assert!(s.target_history.is_empty());
        assert_eq!(s.revision_way(0, DesiredDirection::Increase), RevisionWay::Changed);
        assert_eq!(s.revised_to(0), None);
    }

    #[test]
    fn a_revision_recorded_after_the_fields_changed_is_the_same_as_one_made_at_once() {
        let before = population();
        let mut edited = before.clone();
        edited.target = Some(Target::Value { value: 1800.0, year: Some(FiscalYear(2025)) });
        assert!(edited.record_revision(before.target.clone().unwrap(), FiscalYear(2022), None, "上方修正".into()));
        let mut at_once = before.clone();
        at_once.revise_target(edited.target.clone().unwrap(), FiscalYear(2022), None, "上方修正".into());
        assert_eq!(edited, at_once);
        let mut unchanged = before.clone();
        assert!(!unchanged.record_revision(before.target.clone().unwrap(), FiscalYear(2022), None, String::new()));
        assert_eq!(unchanged, before);
        assert!(is_revision_date("") && is_revision_date(" 2022-06-01 "));
        assert!(!is_revision_date("2022-02-30") && !is_revision_date("R4.6.1"));
    }

    #[test]
    fn a_revision_date_falls_in_the_fiscal_year_of_its_month() {
        let dated = |d: &str| TargetRevision {
            target: Target::Direction,
            year: FiscalYear(2022),
            date: Some(d.into()),
            reason: String::new(),
        };
        assert_eq!(dated("2022-04-01").date_fiscal_year(), Some(FiscalYear(2022)));
        assert_eq!(dated("2023-03-31").date_fiscal_year(), Some(FiscalYear(2022)), "March is the year before's");
        assert_eq!(dated("2023-04-01").date_fiscal_year(), Some(FiscalYear(2023)));
        assert_eq!(dated("2023-02-30").date_fiscal_year(), None);
        assert_eq!(TargetRevision { date: None, ..dated("") }.date_fiscal_year(), None);
    }

    #[test]
    fn several_revisions_chain_and_each_can_be_removed() {
        let mut s = population();
        s.revise_target(Target::Value { value: 1800.0, year: None }, FiscalYear(2022), None, "上方修正".into());
        s.revise_target(Target::Value { value: 1700.0, year: None }, FiscalYear(2024), None, "下方修正".into());
        assert_eq!(s.target_history.len(), 2);
        assert_eq!(s.revised_to(0).and_then(|t| s.value_of(t)), Some(1800.0));
        assert_eq!(s.revised_to(1).and_then(|t| s.value_of(t)), Some(1700.0));
        assert_eq!(s.revision_way(1, DesiredDirection::Increase), RevisionWay::Down);
        s.remove_revision(0);
        s.remove_revision(5);
        assert_eq!(s.target_history.len(), 1);
        assert_eq!(s.original_target().and_then(|t| s.value_of(t)), Some(1800.0));
    }

    #[test]
    fn the_way_follows_a_bound_and_relative_values_and_says_changed_for_a_direction() {
        let mut s = population();
        s.target = Some(Target::Bound { value: 10.0, side: BoundSide::AtMost, hold: false, year: None });
        s.revise_target(
            Target::Bound { value: 8.0, side: BoundSide::AtMost, hold: false, year: None },
            FiscalYear(2022),
            None,
            String::new(),
        );
        assert_eq!(s.revision_way(0, DesiredDirection::Increase), RevisionWay::Up, "以下 and lower asks for more");
        let mut s = population();
        // 1,200 × 1.3 = 1,560 after 1,500: higher.
        s.revise_target(
            Target::Relative { change: RelativeChange::Percent(30.0), year: None },
            FiscalYear(2022),
            None,
            String::new(),
        );
        assert_eq!(s.revision_way(0, DesiredDirection::Increase), RevisionWay::Up);
        s.revise_target(Target::Direction, FiscalYear(2023), None, String::new());
        assert_eq!(s.revision_way(1, DesiredDirection::Increase), RevisionWay::Changed);
    }

    /// Baseline 1,200人 (令和2年度), target 1,500人 (令和7年度), plan 令和3〜7年度; 令和5年度 1,450人.
    /// Against 1,500: (1,450 − 1,200) / (1,500 − 1,200) = 250 / 300 = 83.3 %, the path expects
    /// (2023 − 2020) / (2025 − 2020) = 60 %: on track. Revised to 1,800 in 令和4年度:
    /// 250 / 600 = 41.7 % < 60 %: behind — the status follows the current target only.
    #[test]
    fn status_is_computed_against_the_current_target_after_a_revision() {
        let rule = RatingRule::default();
        let cx = Context {
            direction: DesiredDirection::Increase,
            period: PlanPeriod { first: FiscalYear(2021), last: FiscalYear(2025) },
            rule: &rule,
        };
        let mut s = population();
        s.set_actual(FiscalYear(2023), Some(1450.0));
        let before = assess(&s, cx);
        assert_eq!(before.status, Status::OnTrack);
        assert!((before.progress.unwrap() - 250.0 / 300.0).abs() < 1e-9);
        assert!((before.expected.unwrap() - 0.6).abs() < 1e-9);
        s.revise_target(
            Target::Value { value: 1800.0, year: Some(FiscalYear(2025)) },
            FiscalYear(2022),
            None,
            "上方修正".into(),
        );
        let after = assess(&s, cx);
        assert_eq!(after.status, Status::Behind);
        assert!((after.progress.unwrap() - 250.0 / 600.0).abs() < 1e-9);
        // Without the history the same figures come out: it is never read by the maths.
        let mut bare = s.clone();
        bare.target_history.clear();
        assert_eq!(assess(&bare, cx), after);
    }
}
