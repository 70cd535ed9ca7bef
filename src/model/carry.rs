//! Into the next period (次期へ引き継ぐ) and a plan period extended (計画期間の延長).
//!
//! A town's 2nd-period strategy carries many of the 1st period's KPIs. [`Strategy::next_period`]
//! makes the next strategy from this one: the same goals, measures and initiatives (fresh ids,
//! to be revised), the chosen indicators only, each linked to its predecessor. The link holds a
//! copy of the old series (baseline, target, actuals) — the old strategy may not be in the
//! browser that opens the new one — so that the new chart shows it as history. Each carried
//! series' baseline is proposed from its last actual (value and year); its target is left to be
//! set for the new period, and the actuals of years before it stay with the predecessor.
//! Nothing of the old period's running record comes along: evaluations, verdicts, budgets of
//! its years, the drafting schedule, workshops.
//!
//! The next strategy may align with another national frame (`NextPeriod::frame`; the form
//! proposes the newest, `frames::newest`): it then holds that frame's key, name and goals, and
//! its goals, which still say what the town's old goals said, are linked to no national goal
//! until the town chooses (re-alignment goal by goal is still to come). The old strategy keeps
//! its own frame.
//!
//! An extension (「計画期間を1年延長」) is one edit: the new last year and the reason, kept in
//! the strategy's record of period changes and printed with the period.

use super::{Actual, Baseline, FiscalYear, Id, PlanPeriod, Strategy, Target};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use std::collections::HashSet;

/// The previous period's indicator a carried one continues.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Predecessor {
    /// The previous strategy (which may not be stored here).
    pub strategy: Id,
    pub strategy_title: String,
    pub period: PlanPeriod,
    pub indicator: Id,
    /// Its series as they stood when carried, in the same order as the new indicator's.
    pub series: Vec<PastSeries>,
}

/// One old series, kept as history.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct PastSeries {
    #[serde(default)]
    pub label: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub baseline: Option<Baseline>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub target: Option<Target>,
    #[serde(default)]
    pub actuals: Vec<Actual>,
}

/// A change of the plan period, with its reason (「計画期間を1年延長」).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct PeriodChange {
    pub from: PlanPeriod,
    pub to: PlanPeriod,
    pub reason: String,
    /// When it was decided, YYYY-MM-DD (the day it was entered unless the user said).
    pub date: String,
}

/// What the next period's strategy is to be.
#[derive(Clone, Debug, PartialEq)]
pub struct NextPeriod {
    pub title: String,
    pub period: PlanPeriod,
    /// The indicators to carry (ids in this strategy).
    pub indicators: Vec<Id>,
    /// The national frame the next strategy aligns with; `None`, or this strategy's own frame:
    /// the national framework is carried as it is.
    pub frame: Option<&'static super::frames::Frame>,
}

/// A carried series' proposed baseline: the last actual, or the old baseline when it has none.
pub fn proposed_baseline(actuals: &[Actual], old: Option<&Baseline>) -> Option<Baseline> {
    match actuals.iter().filter(|a| a.value.is_finite()).max_by_key(|a| a.year) {
        Some(a) => Some(Baseline { value: a.value, year: Some(a.year) }),
        None => old.cloned(),
    }
}

/// The next period's title proposed from this one: 「第1期北本市…」→「第2期北本市…」 (digits
/// half- or full-width); a title without 「第N期」 gets 「（次期）」 after it.
pub fn next_title(title: &str) -> String {
    let title = title.trim();
    if let Some(start) = title.find('第') {
        let rest = &title[start + '第'.len_utf8()..];
        let digits: String = rest.chars().take_while(|c| crate::model::narrow(*c).is_ascii_digit()).collect();
        let after = &rest[digits.len()..];
        if !digits.is_empty() && after.starts_with('期') {
            if let Ok(n) = super::half_width(&digits).parse::<u32>() {
                return format!("{}第{}{}", &title[..start], n + 1, after);
            }
        }
    }
    format!("{title}（次期）")
}

/// The next period of the same length, starting the year after this one ends.
pub fn following(period: PlanPeriod) -> PlanPeriod {
    let len = period.len().max(1) as i32;
    PlanPeriod { first: FiscalYear(period.last.0 + 1), last: FiscalYear(period.last.0 + len) }
}

impl Strategy {
    /// The next period's strategy (see the module's text); `self` is not changed.
    pub fn next_period(&self, next: &NextPeriod) -> Strategy {
        let carried: HashSet<&Id> = next.indicators.iter().collect();
        let mut s = super::renew_ids(self);
        s.title = next.title.trim().to_owned();
        s.period = next.period;
        s.stage = super::DraftingStage::Policy;
        s.schedule.clear();
        s.workshops.clear();
        s.period_changes.clear();
        if let Some(frame) = next.frame.filter(|f| s.national_framework.key.as_deref() != Some(f.key)) {
            s.national_framework = frame.national_framework();
            for g in s.goals_mut() {
                g.national_goal = None;
            }
        }
        // `renew_ids` keeps the order: the n-th new indicator is the n-th old one.
        let mut kept = Vec::new();
        for (old, new) in self.indicators.iter().zip(s.indicators.iter()) {
            if !carried.contains(&old.id) {
                continue;
            }
            let mut ind = (**new).clone();
            ind.predecessor = Some(Predecessor {
                strategy: self.id.clone(),
                strategy_title: self.title.clone(),
                period: self.period,
                indicator: old.id.clone(),
                series: old
                    .series
                    .iter()
                    .map(|x| PastSeries {
                        label: x.label.clone(),
                        baseline: x.baseline.clone(),
                        target: x.target.clone(),
                        actuals: x.actuals.clone(),
                    })
                    .collect(),
            });
            ind.verdicts.clear();
            for series in &mut ind.series {
                series.baseline = proposed_baseline(&series.actuals, series.baseline.as_ref());
                series.target = None;
                // The earlier targets were the old period's (the predecessor keeps its target).
                series.target_history.clear();
                series.interim.retain(|v| next.period.contains(v.year));
                series.actuals.retain(|a| a.year >= next.period.first);
            }
            kept.push(std::sync::Arc::new(ind));
        }
        s.indicators = kept;
        let ids: HashSet<Id> = s.indicators.iter().map(|i| i.id.clone()).collect();
        for g in s.goals_mut() {
            g.targets.retain(|id| ids.contains(id));
            for m in g.measures_mut() {
                m.kpis.retain(|id| ids.contains(id));
                m.evaluations.clear();
                for i in m.initiatives_mut() {
                    i.kpis.retain(|id| ids.contains(id));
                    i.years.retain(|y| next.period.contains(y.fiscal_year));
                    // A grant whose period runs into the next plan goes on with the targets it
                    // set for those years; its reviews were of the old period's years.
                    let next_years = next.period;
                    let runs_on = i.grant.as_ref().is_some_and(|g| g.last_year.is_none_or(|l| l >= next_years.first));
                    if runs_on {
                        i.edit_grant(|g| {
                            g.targets.retain(|t| ids.contains(&t.indicator) && next_years.contains(t.year));
                            g.reviews.clear();
                        });
                    } else {
                        i.grant = None;
                    }
                }
            }
        }
        s
    }

    /// The previous period's strategy this one was carried from by 次期へ引き継ぐ: the one its
    /// carried indicators' predecessors name (the most named, the first on a tie); `None` when
    /// no indicator was carried.
    pub fn carried_from(&self) -> Option<&Id> {
        let mut named: Vec<(&Id, usize)> = Vec::new();
        for p in self.indicators.iter().filter_map(|i| i.predecessor.as_ref()) {
            match named.iter_mut().find(|(id, _)| *id == &p.strategy) {
                Some((_, n)) => *n += 1,
                None => named.push((&p.strategy, 1)),
            }
        }
        // `max_by_key` keeps the last of equals: reversed, the first.
        named.into_iter().rev().max_by_key(|(_, n)| *n).map(|(id, _)| id)
    }

    /// Extends (or shortens) the plan period to end in `last`, recording the change and its
    /// reason. No change when `last` is the current last year or before the first.
    pub fn change_period_end(&mut self, last: FiscalYear, reason: &str, date: &str) -> bool {
        if last == self.period.last || last < self.period.first {
            return false;
        }
        let to = PlanPeriod { first: self.period.first, last };
        self.period_changes.push(PeriodChange {
            from: self.period,
            to,
            reason: reason.trim().to_owned(),
            date: date.to_owned(),
        });
        self.period = to;
        true
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Goal, GoalKind, Indicator, Initiative, InitiativeYear, Measure, Series, Verdict};
    use std::sync::Arc;

    fn fy(y: i32) -> FiscalYear {
        FiscalYear(y)
    }

    /// A 1st-period strategy (2020–2024) with two indicators, one goal and one measure.
    fn first_period() -> Strategy {
        let mut s =
            Strategy::blank("第1期しるべ町総合戦略", "しるべ町", PlanPeriod { first: fy(2020), last: fy(2024) });
        let mut births = Indicator::new("1-1", "出生数", "人");
        let mut series = Series::new("");
        series.baseline = Some(Baseline { value: 120.0, year: Some(fy(2019)) });
        series.target = Some(Target::Value { value: 125.0, year: Some(fy(2024)) });
        series.revise_target(Target::Value { value: 130.0, year: Some(fy(2024)) }, fy(2021), None, "上方修正".into());
        series.set_actual(fy(2021), Some(118.0));
        series.set_actual(fy(2023), Some(112.0));
        series.set_actual(fy(2022), Some(115.0));
        births.series = vec![series];
        births.verdicts.push(Verdict { year: fy(2023), verdict: "未達成".into(), comment: String::new() });
        let visitors = Indicator::new("1-2", "観光入込客数", "人");
        let mut measure = Measure::new("1", "子育て支援");
        measure.kpis = vec![births.id.clone(), visitors.id.clone()];
        let mut initiative = Initiative::new("1", "出産祝い金");
        initiative.kpis = vec![births.id.clone()];
        initiative.years = vec![InitiativeYear { budget: Some(1200), ..InitiativeYear::new(fy(2024)) }];
        measure.initiatives.push(Arc::new(initiative));
        let mut goal = Goal::new(GoalKind::Basic, "1", "子どもを産み育てる");
        goal.targets = vec![births.id.clone()];
        goal.measures.push(Arc::new(measure));
        s.goals.push(Arc::new(goal));
        s.indicators = vec![Arc::new(births), Arc::new(visitors)];
        s
    }

    #[test]
    fn the_chosen_indicators_go_on_linked_with_a_baseline_from_the_last_actual() {
        let old = first_period();
        let births = old.indicators[0].id.clone();
        let next = old.next_period(&NextPeriod {
            title: " 第2期しるべ町総合戦略 ".into(),
            period: PlanPeriod { first: fy(2025), last: fy(2029) },
            indicators: vec![births.clone()],
            frame: None,
        });
        assert_eq!(next.title, "第2期しるべ町総合戦略");
        assert_ne!(next.id, old.id);
        assert_eq!(next.indicators.len(), 1);
        let carried = &next.indicators[0];
        assert_ne!(carried.id, births);
        assert_eq!(carried.name, "出生数");
        // Baseline proposed from the last actual (2023: 112), not the latest entered (2022).
        assert_eq!(carried.series[0].baseline, Some(Baseline { value: 112.0, year: Some(fy(2023)) }));
        assert_eq!(carried.series[0].target, None);
        assert!(carried.series[0].target_history.is_empty(), "the earlier targets were the old period's");
        assert!(carried.series[0].actuals.is_empty());
        assert!(carried.verdicts.is_empty());
        let p = carried.predecessor.as_ref().unwrap();
        assert_eq!((&p.strategy, &p.indicator, p.period), (&old.id, &births, old.period));
        assert_eq!(p.strategy_title, "第1期しるべ町総合戦略");
        assert_eq!(p.series[0].actuals.iter().map(|a| a.value).collect::<Vec<_>>(), [118.0, 115.0, 112.0]);
        assert_eq!(p.series[0].target, Some(Target::Value { value: 130.0, year: Some(fy(2024)) }));
        // The structure goes on, pointing at the carried indicator only; the old budgets stay.
        let goal = &next.goals[0];
        assert_eq!(goal.targets, std::slice::from_ref(&carried.id));
        let measure = &goal.measures[0];
        assert_eq!(measure.kpis, std::slice::from_ref(&carried.id));
        assert_eq!(measure.initiatives[0].kpis, std::slice::from_ref(&carried.id));
        assert!(measure.initiatives[0].years.is_empty());
        // The link and the history survive a file (serde both ways).
        let text = serde_json::to_string(&next).unwrap();
        assert_eq!(serde_json::from_str::<Strategy>(&text).unwrap(), next);
        let problems = crate::model::validate(&next);
        assert_eq!(crate::model::errors(&problems).count(), 0, "{problems:?}");
    }

    #[test]
    fn the_next_strategy_knows_the_one_it_was_carried_from() {
        let old = first_period();
        let all = old.indicators.iter().map(|i| i.id.clone()).collect();
        let next_of = |indicators| {
            old.next_period(&NextPeriod {
                title: "第2期".into(),
                period: following(old.period),
                indicators,
                frame: None,
            })
        };
        let next = next_of(all);
        assert_eq!(next.carried_from(), Some(&old.id));
        assert_eq!(old.carried_from(), None, "the first period was carried from nothing");
        // Nothing carried: no link is left to follow.
        assert_eq!(next_of(Vec::new()).carried_from(), None);
        // The period after names the one before it, not the first.
        let after = next.next_period(&NextPeriod {
            title: "第3期".into(),
            period: following(next.period),
            indicators: vec![next.indicators[0].id.clone()],
            frame: None,
        });
        assert_eq!(after.carried_from(), Some(&next.id));
    }

    #[test]
    fn an_indicator_without_actuals_keeps_its_baseline() {
        let old = first_period();
        let visitors = old.indicators[1].id.clone();
        let next = old.next_period(&NextPeriod {
            title: "第2期".into(),
            period: PlanPeriod { first: fy(2025), last: fy(2029) },
            indicators: vec![visitors],
            frame: None,
        });
        assert_eq!(next.indicators[0].series[0].baseline, None);
        assert!(next.goals[0].targets.is_empty());
        assert_eq!(next.goals[0].measures[0].kpis.len(), 1);
    }

    /// 北斗市's 第2期 strategy (its framework named without a key) carried onto the 2025 frame:
    /// the new strategy holds the frame's key and goals, its own goals unlinked; carried
    /// without a frame, the framework goes on as it was (fresh ids, links kept).
    #[test]
    fn the_next_strategy_aligns_with_the_frame_chosen() {
        use crate::model::frames;
        let old = crate::examples::by_key("hokuto").unwrap().load().unwrap();
        assert_eq!(old.national_framework.key, None);
        let next = |frame| {
            old.next_period(&NextPeriod {
                title: "第3期北斗市総合戦略".into(),
                period: PlanPeriod { first: fy(2025), last: fy(2029) },
                indicators: Vec::new(),
                frame,
            })
        };
        let moved = next(Some(frames::newest()));
        assert_eq!(moved.national_framework.frame(), Some(frames::newest()));
        let titles: Vec<&str> = moved.national_framework.goals.iter().map(|g| g.title.as_str()).collect();
        assert_eq!(titles, ["「強い経済」をつくる", "「豊かな生活環境」を実現する", "「選ばれる地方」になる"]);
        assert!(moved.goals.iter().all(|g| g.national_goal.is_none()));
        assert_eq!(
            moved.goals.iter().map(|g| &g.title).collect::<Vec<_>>(),
            old.goals.iter().map(|g| &g.title).collect::<Vec<_>>(),
            "the town's own goals go on"
        );
        assert_eq!(crate::model::errors(&crate::model::validate(&moved)).count(), 0);
        assert_eq!(old.national_framework.key, None, "the old strategy keeps its frame");

        let kept = next(None);
        assert_eq!(kept.national_framework.name, old.national_framework.name);
        assert_eq!(kept.national_framework.key, None);
        let linked = |s: &Strategy| s.goals.iter().filter(|g| g.national_goal.is_some()).count();
        assert_eq!(linked(&kept), linked(&old));
        assert!(linked(&old) > 0);
        assert_eq!(crate::model::errors(&crate::model::validate(&kept)).count(), 0);

        // Onto the frame it already has: nothing changes but the ids.
        let on_second = crate::model::template::from_second_period("第2期", "町", old.period);
        let again = on_second.next_period(&NextPeriod {
            title: "第3期".into(),
            period: PlanPeriod { first: fy(2025), last: fy(2029) },
            indicators: Vec::new(),
            frame: frames::by_key(frames::SECOND_PERIOD),
        });
        assert_eq!(linked(&again), 6);
    }

    #[test]
    fn the_next_title_and_period_are_proposed() {
        assert_eq!(
            next_title("第1期しるべ町まち・ひと・しごと創生総合戦略"),
            "第2期しるべ町まち・ひと・しごと創生総合戦略"
        );
        assert_eq!(next_title("北本市第２期総合戦略"), "北本市第3期総合戦略");
        assert_eq!(next_title("しるべ町総合戦略"), "しるべ町総合戦略（次期）");
        assert_eq!(next_title("第一期総合戦略"), "第一期総合戦略（次期）");
        let p = following(PlanPeriod { first: fy(2020), last: fy(2024) });
        assert_eq!((p.first, p.last), (fy(2025), fy(2029)));
    }

    #[test]
    fn an_extension_is_one_change_with_its_reason() {
        let mut s = first_period();
        assert!(s.change_period_end(fy(2025), "国の第2期総合戦略の期間に合わせるため", "2024-03-15"));
        assert_eq!(s.period, PlanPeriod { first: fy(2020), last: fy(2025) });
        assert_eq!(s.period_changes.len(), 1);
        assert_eq!(s.period_changes[0].from.last, fy(2024));
        assert_eq!(s.period_changes[0].reason, "国の第2期総合戦略の期間に合わせるため");
        assert!(!s.change_period_end(fy(2025), "同じ", "2024-03-16"));
        assert!(!s.change_period_end(fy(2019), "前", "2024-03-16"));
        assert_eq!(s.period_changes.len(), 1);
    }
}
