//! What the form of one indicator series holds beyond the stored series, and how it resolves
//! into the model: a baseline year typed before its value, the kind of target picked before its
//! value is typed, and the last target value and year typed (so switching the kind back and
//! forth keeps them). Missing is not zero: a value or per-year target without a value is no
//! target, a baseline without a value is no baseline — the draft keeps what was typed meanwhile.

use crate::model::{Baseline, BoundSide, FiscalYear, PlanPeriod, RelativeChange, Target};

/// The kind of target a series has, as the form offers it.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum TargetKind {
    /// 数値目標: a value by a year.
    Value,
    /// 方向のみ ↗
    Direction,
    /// 毎年の目標 (/年)
    PerYear,
    /// 基準値からの増減: 「基準値から10%減少」, 「5ポイント上昇」, 「現状維持」.
    Relative,
    /// 期間の平均: 「令和3〜8年度の平均 1,890人」.
    Average,
    /// 期間の累計: 「平成27〜31年度の累計 4,386人」.
    Cumulative,
    /// 以上・以下: 「80%以上」, 「10件以下」.
    Bound,
    /// なし
    #[default]
    None,
}

impl TargetKind {
    pub const ALL: [TargetKind; 8] = [
        TargetKind::Value,
        TargetKind::Direction,
        TargetKind::PerYear,
        TargetKind::Relative,
        TargetKind::Average,
        TargetKind::Cumulative,
        TargetKind::Bound,
        TargetKind::None,
    ];

    pub fn of(target: Option<&Target>) -> TargetKind {
        match target {
            Some(Target::Value { .. }) => TargetKind::Value,
            Some(Target::Direction) => TargetKind::Direction,
            Some(Target::PerYear { .. }) => TargetKind::PerYear,
            Some(Target::Relative { .. }) => TargetKind::Relative,
            Some(Target::Average { .. }) => TargetKind::Average,
            Some(Target::Cumulative { .. }) => TargetKind::Cumulative,
            Some(Target::Bound { .. }) => TargetKind::Bound,
            None => TargetKind::None,
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            TargetKind::Value => "value",
            TargetKind::Direction => "direction",
            TargetKind::PerYear => "per_year",
            TargetKind::Relative => "relative",
            TargetKind::Average => "average",
            TargetKind::Cumulative => "cumulative",
            TargetKind::Bound => "bound",
            TargetKind::None => "none",
        }
    }

    pub fn parse(s: &str) -> TargetKind {
        TargetKind::ALL.into_iter().find(|k| k.as_str() == s).unwrap_or_default()
    }

    /// Whether the kind needs a value before it is a target (a relative change needs its size,
    /// unless it is 現状維持).
    pub fn needs_value(self) -> bool {
        matches!(
            self,
            TargetKind::Value | TargetKind::PerYear | TargetKind::Average | TargetKind::Cumulative | TargetKind::Bound
        )
    }

    /// Whether the kind takes a year it is due (a span has its own two).
    pub fn has_year(self) -> bool {
        matches!(self, TargetKind::Value | TargetKind::Relative | TargetKind::Bound)
    }

    /// Whether the kind runs over a span of years.
    pub fn has_span(self) -> bool {
        matches!(self, TargetKind::Average | TargetKind::Cumulative)
    }
}

/// A kind picked for a series with no target yet, with the undo/redo depths just after picking:
/// an undo since then makes the stored series speak again.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct PickedKind {
    pub kind: TargetKind,
    pub depths: (usize, usize),
}

/// The kind the form shows: the stored target's, else the kind picked — unless an undo went back
/// past the moment it was picked (`depths_now`: the undo/redo depths now).
pub fn shown_kind(target: Option<&Target>, picked: Option<PickedKind>, depths_now: (usize, usize)) -> TargetKind {
    match (target, picked) {
        (Some(t), _) => TargetKind::of(Some(t)),
        (None, Some(p)) if depths_now.0 >= p.depths.0 && depths_now.1 <= p.depths.1 => p.kind,
        _ => TargetKind::None,
    }
}

/// How a relative target changes the baseline, as the form offers it.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum ChangeBy {
    /// ％ (of the baseline)
    #[default]
    Percent,
    /// ポイント
    Points,
    /// 現状維持
    Hold,
}

impl ChangeBy {
    pub const ALL: [ChangeBy; 3] = [ChangeBy::Percent, ChangeBy::Points, ChangeBy::Hold];

    pub fn as_str(self) -> &'static str {
        match self {
            ChangeBy::Percent => "percent",
            ChangeBy::Points => "points",
            ChangeBy::Hold => "hold",
        }
    }

    pub fn parse(s: &str) -> ChangeBy {
        ChangeBy::ALL.into_iter().find(|k| k.as_str() == s).unwrap_or_default()
    }
}

/// What the target fields last held, kept while the kind changes: the value and year, a
/// relative change (how, and its size as typed: positive, with `decrease` saying which way),
/// a span, a bound's side and whether it is written 「維持（…）」.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct TargetDraft {
    pub value: Option<f64>,
    pub year: Option<FiscalYear>,
    pub change_by: ChangeBy,
    pub change: Option<f64>,
    pub decrease: bool,
    pub from: Option<FiscalYear>,
    pub to: Option<FiscalYear>,
    pub side: Option<BoundSide>,
    pub hold: bool,
}

impl TargetDraft {
    /// The draft of a stored target.
    pub fn of(target: Option<&Target>) -> TargetDraft {
        let mut d = TargetDraft::default();
        d.remember(target);
        d
    }

    /// Keeps what a stored target holds (before its kind is changed).
    pub fn remember(&mut self, target: Option<&Target>) {
        match target {
            Some(Target::Value { value, year }) => (self.value, self.year) = (Some(*value), *year),
            Some(Target::PerYear { value }) => self.value = Some(*value),
            Some(Target::Relative { change, year }) => {
                self.year = *year;
                match *change {
                    RelativeChange::Percent(v) => self.set_change(ChangeBy::Percent, v),
                    RelativeChange::Points(v) => self.set_change(ChangeBy::Points, v),
                    RelativeChange::Hold => self.change_by = ChangeBy::Hold,
                }
            }
            Some(Target::Average { value, from, to } | Target::Cumulative { value, from, to }) => {
                (self.value, self.from, self.to) = (Some(*value), Some(*from), Some(*to))
            }
            Some(Target::Bound { value, side, hold, year }) => {
                (self.value, self.side, self.hold, self.year) = (Some(*value), Some(*side), *hold, *year)
            }
            Some(Target::Direction) | None => {}
        }
    }

    /// A target typed in words where the form asks for a number (「5年間で累計15」, 「80%以上」,
    /// 「基準値から10%減少」, 「毎年2」, 「↗」): the kind they say and the draft of that target, read
    /// by the one reader the CSV and the table import use (`format::csv::read_target`). `year`
    /// is the form's target year. `None`: not a target's words.
    pub fn read_words(text: &str, year: Option<FiscalYear>, period: PlanPeriod) -> Option<(TargetKind, TargetDraft)> {
        let t = crate::format::csv::read_target(text, year, period)?;
        Some((TargetKind::of(Some(&t)), TargetDraft::of(Some(&t))))
    }

    fn set_change(&mut self, by: ChangeBy, signed: f64) {
        (self.change_by, self.change, self.decrease) = (by, Some(signed.abs()), signed < 0.0);
    }

    /// The target of a kind, made from what the draft holds (`None`: no target). A span not
    /// typed is the plan period (「5年間で」 in a plan of five years); a bound's side not chosen
    /// follows the indicator's desired direction (`decrease`: 以下, else 以上).
    pub fn target(&self, kind: TargetKind, period: PlanPeriod, decrease: bool) -> Option<Target> {
        let (from, to) = (self.from.unwrap_or(period.first), self.to.unwrap_or(period.last));
        match kind {
            TargetKind::None => None,
            TargetKind::Direction => Some(Target::Direction),
            TargetKind::Value => self.value.map(|value| Target::Value { value, year: self.year }),
            TargetKind::PerYear => self.value.map(|value| Target::PerYear { value }),
            TargetKind::Relative => {
                let signed = |v: f64| if self.decrease { -v.abs() } else { v.abs() };
                let change = match self.change_by {
                    ChangeBy::Hold => Some(RelativeChange::Hold),
                    ChangeBy::Percent => self.change.map(|v| RelativeChange::Percent(signed(v))),
                    ChangeBy::Points => self.change.map(|v| RelativeChange::Points(signed(v))),
                };
                change.map(|change| Target::Relative { change, year: self.year })
            }
            TargetKind::Average => self.value.map(|value| Target::Average { value, from, to }),
            TargetKind::Cumulative => self.value.map(|value| Target::Cumulative { value, from, to }),
            TargetKind::Bound => {
                let default = if decrease { BoundSide::AtMost } else { BoundSide::AtLeast };
                let side = self.side.unwrap_or(default);
                self.value.map(|value| Target::Bound { value, side, hold: self.hold, year: self.year })
            }
        }
    }
}

/// The baseline year typed while there is no baseline value: stored with the value once typed.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct BaselineDraft {
    pub year: Option<FiscalYear>,
}

impl BaselineDraft {
    /// The year the form shows: the stored baseline's, else the one typed.
    pub fn year(&self, stored: Option<&Baseline>) -> Option<FiscalYear> {
        match stored {
            Some(b) => b.year,
            None => self.year,
        }
    }

    /// A value was typed (or cleared): the baseline to store. Clearing it keeps its year here.
    pub fn value_typed(&mut self, stored: Option<&Baseline>, value: Option<f64>) -> Option<Baseline> {
        match value {
            Some(value) => Some(Baseline { value, year: stored.map_or(self.year, |b| b.year) }),
            None => {
                self.year = stored.and_then(|b| b.year);
                None
            }
        }
    }

    /// A year was typed: the baseline to store, when there is one (`None`: nothing to store —
    /// the year waits here for a value).
    pub fn year_typed(&mut self, stored: Option<&Baseline>, year: Option<FiscalYear>) -> Option<Baseline> {
        self.year = year;
        stored.map(|b| Baseline { value: b.value, year })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const R7: Option<FiscalYear> = Some(FiscalYear(2025));
    /// 北本市's plan period, 令和4〜7年度.
    const P: PlanPeriod = PlanPeriod { first: FiscalYear(2022), last: FiscalYear(2025) };

    #[test]
    fn switching_the_kind_keeps_the_value_and_year_typed() {
        let mut d = TargetDraft { value: Some(380.0), year: R7, ..TargetDraft::default() };
        let value = d.target(TargetKind::Value, P, false);
        assert_eq!(value, Some(Target::Value { value: 380.0, year: R7 }));
        // ↗ for a while, then back: the value and year come back.
        d.remember(value.as_ref());
        assert_eq!(d.target(TargetKind::Direction, P, false), Some(Target::Direction));
        d.remember(Some(&Target::Direction));
        assert_eq!(d.target(TargetKind::Value, P, false), value);
        assert_eq!(d.target(TargetKind::PerYear, P, false), Some(Target::PerYear { value: 380.0 }));
        assert_eq!(d.target(TargetKind::None, P, false), None);
    }

    #[test]
    fn a_kind_that_needs_a_value_is_no_target_until_one_is_typed() {
        let d = TargetDraft::default();
        assert_eq!(d.target(TargetKind::Value, P, false), None, "missing is not zero");
        assert_eq!(d.target(TargetKind::PerYear, P, false), None);
        assert!(TargetKind::Value.needs_value() && !TargetKind::Direction.needs_value());
        let per_year = TargetDraft::of(Some(&Target::PerYear { value: 0.0 }));
        assert_eq!(
            per_year.target(TargetKind::PerYear, P, false),
            Some(Target::PerYear { value: 0.0 }),
            "0人/年 is a value"
        );
    }

    #[test]
    fn a_relative_target_resolves_from_how_which_way_and_how_much() {
        // 「基準値から10.0%減少（令和6年度）」: percent, down, 10, 令和6年度.
        let mut d =
            TargetDraft { change: Some(10.0), decrease: true, year: Some(FiscalYear(2024)), ..Default::default() };
        let ten_down = Target::Relative { change: RelativeChange::Percent(-10.0), year: Some(FiscalYear(2024)) };
        assert_eq!(d.target(TargetKind::Relative, P, false), Some(ten_down.clone()));
        // 「5ポイント上昇」: points, up, 5.
        d = TargetDraft { change_by: ChangeBy::Points, change: Some(5.0), ..Default::default() };
        assert_eq!(
            d.target(TargetKind::Relative, P, false),
            Some(Target::Relative { change: RelativeChange::Points(5.0), year: None })
        );
        // 「現状維持」 needs no size; a percent without one is no target yet.
        d.change_by = ChangeBy::Hold;
        assert_eq!(
            d.target(TargetKind::Relative, P, false),
            Some(Target::Relative { change: RelativeChange::Hold, year: None })
        );
        assert_eq!(TargetDraft::default().target(TargetKind::Relative, P, false), None, "missing is not zero");
        // A stored one comes back into the draft as typed: a positive size and which way.
        let back = TargetDraft::of(Some(&ten_down));
        assert_eq!((back.change_by, back.change, back.decrease), (ChangeBy::Percent, Some(10.0), true));
        assert_eq!(back.target(TargetKind::Relative, P, false), Some(ten_down));
        assert_eq!(ChangeBy::parse("points"), ChangeBy::Points);
    }

    #[test]
    fn a_span_target_takes_the_plan_period_until_a_span_is_typed() {
        // 「4年間で新規就農者40人」: no span typed → the plan period 令和4〜7年度.
        let mut d = TargetDraft { value: Some(40.0), ..Default::default() };
        let plan = Target::Cumulative { value: 40.0, from: FiscalYear(2022), to: FiscalYear(2025) };
        assert_eq!(d.target(TargetKind::Cumulative, P, false), Some(plan));
        // 「令和3〜8年度の平均 1,890人」.
        d = TargetDraft { value: Some(1890.0), from: Some(FiscalYear(2021)), to: Some(FiscalYear(2026)), ..d };
        let average = Target::Average { value: 1890.0, from: FiscalYear(2021), to: FiscalYear(2026) };
        assert_eq!(d.target(TargetKind::Average, P, false), Some(average.clone()));
        // Switching between the two keeps the span and the value.
        d.remember(Some(&average));
        assert_eq!(
            d.target(TargetKind::Cumulative, P, false),
            Some(Target::Cumulative { value: 1890.0, from: FiscalYear(2021), to: FiscalYear(2026) })
        );
        assert_eq!(TargetDraft::default().target(TargetKind::Average, P, false), None, "no value, no target");
        assert!(TargetKind::Average.has_span() && !TargetKind::Average.has_year() && TargetKind::Bound.has_year());
    }

    #[test]
    fn a_bound_takes_its_side_from_the_direction_until_one_is_chosen() {
        let d = TargetDraft { value: Some(80.0), ..Default::default() };
        let at_least = Target::Bound { value: 80.0, side: BoundSide::AtLeast, hold: false, year: None };
        assert_eq!(d.target(TargetKind::Bound, P, false), Some(at_least));
        // A decrease indicator: 「10件以下」.
        let d = TargetDraft { value: Some(10.0), ..Default::default() };
        let at_most = Target::Bound { value: 10.0, side: BoundSide::AtMost, hold: false, year: None };
        assert_eq!(d.target(TargetKind::Bound, P, true), Some(at_most));
        // 「維持（90%以上）」 chosen explicitly, with a year: kept through a switch to a value.
        let mut d = TargetDraft {
            value: Some(90.0),
            side: Some(BoundSide::AtLeast),
            hold: true,
            year: Some(FiscalYear(2025)),
            ..Default::default()
        };
        let keep = Target::Bound { value: 90.0, side: BoundSide::AtLeast, hold: true, year: Some(FiscalYear(2025)) };
        assert_eq!(d.target(TargetKind::Bound, P, true), Some(keep.clone()), "the side chosen wins");
        assert_eq!(
            d.target(TargetKind::Value, P, true),
            Some(Target::Value { value: 90.0, year: Some(FiscalYear(2025)) })
        );
        d.remember(Some(&Target::Value { value: 90.0, year: Some(FiscalYear(2025)) }));
        assert_eq!(d.target(TargetKind::Bound, P, true), Some(keep));
        // With a change size too, every kind resolves to a target of its own kind.
        d.change = Some(3.0);
        for kind in TargetKind::ALL {
            assert_eq!(TargetKind::parse(kind.as_str()), kind);
            assert_eq!(TargetKind::of(d.target(kind, P, false).as_ref()), kind, "{kind:?}");
        }
    }

    #[test]
    fn a_picked_kind_shows_until_an_undo_goes_back_past_it() {
        let picked = Some(PickedKind { kind: TargetKind::Value, depths: (3, 0) });
        assert_eq!(shown_kind(None, picked, (3, 0)), TargetKind::Value);
        assert_eq!(shown_kind(None, picked, (5, 0)), TargetKind::Value, "later edits keep it");
        assert_eq!(shown_kind(None, picked, (2, 1)), TargetKind::None, "undone past the pick");
        let stored = Target::Direction;
        assert_eq!(shown_kind(Some(&stored), picked, (3, 0)), TargetKind::Direction, "the stored target wins");
        assert_eq!(shown_kind(None, None, (0, 0)), TargetKind::None);
    }

    #[test]
    fn a_baseline_year_typed_first_is_stored_with_the_value_and_kept_when_the_value_is_cleared() {
        let mut d = BaselineDraft::default();
        assert_eq!(d.year_typed(None, Some(FiscalYear(2018))), None, "no value yet: nothing stored");
        assert_eq!(d.year(None), Some(FiscalYear(2018)));
        let b = d.value_typed(None, Some(340.0)).unwrap();
        assert_eq!(b, Baseline { value: 340.0, year: Some(FiscalYear(2018)) });
        assert_eq!(
            d.year_typed(Some(&b), Some(FiscalYear(2019))),
            Some(Baseline { value: 340.0, year: Some(FiscalYear(2019)) })
        );
        let moved = Baseline { value: 340.0, year: Some(FiscalYear(2019)) };
        assert_eq!(d.value_typed(Some(&moved), None), None, "cleared");
        assert_eq!(d.year(None), Some(FiscalYear(2019)), "the year stays typed for the next value");
        assert_eq!(TargetKind::parse("per_year"), TargetKind::PerYear);
        assert_eq!(TargetKind::parse("?"), TargetKind::None);
    }
}
