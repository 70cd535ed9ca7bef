//! The town's own verdict on an indicator (効果検証): for a fiscal year, what the committee wrote —
//! 達成 / 未達成, a label of the town's rating rule (A, B, ◎ …) or words (概ね順調) — with its
//! comment, kept beside what Shirube computes, and where the two differ.
//!
//! The official verdict is the town's record: it is stored as written and never recomputed. A
//! difference is listed when the two can be compared and disagree:
//! - 達成 / 未達成 against the computed status (achieved or not);
//! - a label of the strategy's rating rule against the computed rating of every series that
//!   has one that year (a breakdown agrees only when every series has that label);
//! - anything else (概ね順調, 順調, 一部達成 …) is shown beside the figures but not compared.
//!
//! A verdict for a year without actuals is compared with nothing: Shirube has no figure then.

use super::{assess_in, FiscalYear, Indicator, Status, Strategy};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// 「達成」: the verdict every town writes for a target reached.
pub const ACHIEVED: &str = "達成";
/// 「未達成」.
pub const NOT_ACHIEVED: &str = "未達成";

/// What the town's evaluation (効果検証) says of an indicator in a fiscal year.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Verdict {
    pub year: FiscalYear,
    /// As written: 「達成」「未達成」「A」「概ね順調」…
    pub verdict: String,
    /// The committee's comment (委員会の意見) or the town's reason.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub comment: String,
}

/// How a verdict compares with what Shirube computes for the same year.
#[derive(Clone, Debug, PartialEq)]
pub enum Agreement {
    /// The verdict and the figures say the same.
    Agrees,
    /// They disagree: `computed` is what the figures give (a status word's meaning or the
    /// series' ratings, in series order).
    Differs { computed: Computed },
    /// The verdict is in words Shirube cannot compare (概ね順調 …), or there is no actual.
    NotComparable,
}

/// What the figures give, for a difference.
#[derive(Clone, Debug, PartialEq)]
pub enum Computed {
    /// The indicator's combined status in that year.
    Status(Status),
    /// Each rated series' label in that year.
    Ratings(Vec<String>),
}

/// An indicator's figures in one year (`Strategy::figures_in`).
#[derive(Clone, Debug, PartialEq)]
pub struct Figures {
    pub status: Status,
    /// The rated series' labels, in series order.
    pub ratings: Vec<String>,
}

/// One indicator and year where the town's verdict and the figures disagree.
#[derive(Clone, Debug, PartialEq)]
pub struct VerdictDifference<'a> {
    pub indicator: &'a Indicator,
    pub verdict: &'a Verdict,
    pub computed: Computed,
}

impl Indicator {
    /// The town's verdict of a year, if one is recorded.
    pub fn verdict(&self, year: FiscalYear) -> Option<&Verdict> {
        self.verdicts.iter().find(|v| v.year == year)
    }

    /// Records (or with an empty verdict and comment, removes) the verdict of a year; verdicts
    /// stay sorted by year.
    pub fn set_verdict(&mut self, year: FiscalYear, verdict: &str, comment: &str) {
        let (verdict, comment) = (verdict.trim(), comment.trim());
        self.verdicts.retain(|v| v.year != year);
        if !verdict.is_empty() || !comment.is_empty() {
            self.verdicts.push(Verdict { year, verdict: verdict.to_owned(), comment: comment.to_owned() });
        }
        crate::sorting::by_key(&mut self.verdicts, |v| v.year);
    }
}

impl Strategy {
    /// What the figures give for an indicator in a fiscal year: its combined status and each
    /// rated series' label; `None` when no series has an actual that year.
    pub fn figures_in(&self, indicator: &Indicator, year: FiscalYear) -> Option<Figures> {
        let cx = self.context_of(indicator);
        let assessed: Vec<_> = indicator.series.iter().map(|s| assess_in(s, cx, year)).collect();
        if assessed.iter().all(|a| a.status == Status::NoData) {
            return None;
        }
        let status = super::combined(assessed.iter().map(|a| a.status));
        Some(Figures { status, ratings: assessed.into_iter().filter_map(|a| a.rating).collect() })
    }

    /// How the town's verdict compares with the figures of that year.
    pub fn agreement(&self, indicator: &Indicator, verdict: &Verdict) -> Agreement {
        let Some(Figures { status, ratings }) = self.figures_in(indicator, verdict.year) else {
            return Agreement::NotComparable;
        };
        let word = verdict.verdict.trim();
        let achieved = match word {
            ACHIEVED | "達成済" | "達成済み" | "○達成" => Some(true),
            NOT_ACHIEVED | "未達" => Some(false),
            _ => None,
        };
        if let Some(achieved) = achieved {
            return if achieved == (status == Status::Achieved) {
                Agreement::Agrees
            } else {
                Agreement::Differs { computed: Computed::Status(status) }
            };
        }
        if self.rating_rule.is_label(word) {
            if ratings.is_empty() {
                return Agreement::NotComparable;
            }
            return if ratings.iter().all(|r| r == word) {
                Agreement::Agrees
            } else {
                Agreement::Differs { computed: Computed::Ratings(ratings) }
            };
        }
        Agreement::NotComparable
    }

    /// Every recorded verdict that disagrees with the figures, in indicator order then year.
    pub fn verdict_differences(&self) -> Vec<VerdictDifference<'_>> {
        let mut out = Vec::new();
        for indicator in &self.indicators {
            for verdict in &indicator.verdicts {
                if let Agreement::Differs { computed } = self.agreement(indicator, verdict) {
                    out.push(VerdictDifference { indicator, verdict, computed });
                }
            }
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Baseline, PlanPeriod, RatingPreset, Series, Target};

    /// 転入者数: baseline 1,000 (2019), target 1,500 (2024) over a plan 2020–2024; actual 1,250 in
    /// 2022 = progress 50 %, the path expects 3/5 = 60 % by 2022 → behind, rated B (ABCD rule:
    /// attainment 50 / 60 = 83 % ≥ 80 %). Actual 1,520 in 2024 → achieved, A.
    fn strategy() -> Strategy {
        let mut s = Strategy::blank("戦略", "テスト町", PlanPeriod { first: FiscalYear(2020), last: FiscalYear(2024) });
        s.rating_rule = RatingPreset::Abcd.rule();
        let mut i = Indicator::new("1-1", "転入者数", "人");
        let mut series = Series::new("");
        series.baseline = Some(Baseline { value: 1000.0, year: Some(FiscalYear(2019)) });
        series.target = Some(Target::Value { value: 1500.0, year: Some(FiscalYear(2024)) });
        series.set_actual(FiscalYear(2022), Some(1250.0));
        series.set_actual(FiscalYear(2024), Some(1520.0));
        i.series = vec![series];
        s.indicators.push(std::sync::Arc::new(i));
        s
    }

    fn first(s: &mut Strategy) -> &mut Indicator {
        s.indicators_mut().next().unwrap()
    }

    fn agreement(s: &Strategy, year: i32, word: &str) -> Agreement {
        let v = Verdict { year: FiscalYear(year), verdict: word.into(), comment: String::new() };
        s.agreement(&s.indicators[0], &v)
    }

    #[test]
    fn achieved_and_not_compare_with_the_status() {
        let s = strategy();
        assert_eq!(agreement(&s, 2024, "達成"), Agreement::Agrees);
        assert_eq!(agreement(&s, 2022, "未達成"), Agreement::Agrees);
        assert_eq!(agreement(&s, 2022, "達成"), Agreement::Differs { computed: Computed::Status(Status::Behind) });
        assert_eq!(agreement(&s, 2024, "未達成"), Agreement::Differs { computed: Computed::Status(Status::Achieved) });
    }

    #[test]
    fn a_label_of_the_rule_compares_with_the_rating() {
        let s = strategy();
        // 2022: attainment 0.5 / 0.6 = 83 % → B.
        assert_eq!(agreement(&s, 2022, "B"), Agreement::Agrees);
        assert_eq!(agreement(&s, 2022, "A"), Agreement::Differs { computed: Computed::Ratings(vec!["B".into()]) });
        assert_eq!(agreement(&s, 2024, "A"), Agreement::Agrees);
    }

    #[test]
    fn words_and_years_without_actuals_are_not_compared() {
        let s = strategy();
        assert_eq!(agreement(&s, 2022, "概ね順調"), Agreement::NotComparable);
        assert_eq!(agreement(&s, 2023, "達成"), Agreement::NotComparable);
    }

    #[test]
    fn differences_list_each_disagreeing_year() {
        let mut s = strategy();
        first(&mut s).set_verdict(FiscalYear(2024), "達成", "");
        first(&mut s).set_verdict(FiscalYear(2022), " 達成 ", "委員会: 転入は順調");
        first(&mut s).set_verdict(FiscalYear(2023), "概ね順調", "");
        let found = s.verdict_differences();
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].verdict.year, FiscalYear(2022));
        assert_eq!(found[0].verdict.verdict, "達成");
        assert_eq!(found[0].verdict.comment, "委員会: 転入は順調");
        assert_eq!(found[0].computed, Computed::Status(Status::Behind));
        // Verdicts kept in year order; an emptied one removed.
        let years: Vec<i32> = s.indicators[0].verdicts.iter().map(|v| v.year.0).collect();
        assert_eq!(years, [2022, 2023, 2024]);
        first(&mut s).set_verdict(FiscalYear(2023), "", " ");
        assert_eq!(s.indicators[0].verdicts.len(), 2);
    }

    #[test]
    fn a_breakdown_agrees_only_when_every_series_has_the_label() {
        let mut s = strategy();
        let mut women = s.indicators[0].series[0].clone();
        women.label = "女性".into();
        women.set_actual(FiscalYear(2024), Some(1400.0)); // 80 % → B
        first(&mut s).series.push(women);
        assert_eq!(
            agreement(&s, 2024, "A"),
            Agreement::Differs { computed: Computed::Ratings(vec!["A".into(), "B".into()]) }
        );
        assert_eq!(agreement(&s, 2024, "達成"), Agreement::Differs { computed: Computed::Status(Status::Behind) });
    }
}
