//! Starting points for a new strategy: blank, or laid out on a national frame (`frames`): one
//! goal per national goal, titled like it and linked to it, ready to be reworded for the town.

use super::frames::{self, Frame};
use super::{DraftingStage, Goal, PlanPeriod, Strategy};

/// A strategy laid out on a national frame: its key, name and goals kept as the strategy's
/// national framework, and one town goal per national goal, titled like it and linked to it.
pub fn from_frame(frame: &Frame, title: &str, municipality: &str, period: PlanPeriod) -> Strategy {
    let mut s = Strategy::blank(title, municipality, period);
    s.stage = DraftingStage::Policy;
    s.national_framework = frame.national_framework();
    s.goals = s
        .national_framework
        .goals
        .iter()
        .map(|ng| Goal { national_goal: Some(ng.id.clone()), ..Goal::new(ng.kind, &ng.number, &ng.title) }.into())
        .collect();
    s
}

/// A strategy on the national 2nd-period frame (第2期「まち・ひと・しごと創生総合戦略」: 4 basic
/// goals + 2 cross-cutting goals), the starting point many tests use.
pub fn from_second_period(title: &str, municipality: &str, period: PlanPeriod) -> Strategy {
    from_frame(second_period(), title, municipality, period)
}

fn second_period() -> &'static Frame {
    frames::FRAMES.iter().find(|f| f.key == frames::SECOND_PERIOD).unwrap_or(frames::newest())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{validate, FiscalYear, GoalKind};

    #[test]
    fn second_period_template_has_four_basic_and_two_cross_cutting_goals() {
        let s = from_second_period(
            "第2期総合戦略",
            "北斗市",
            PlanPeriod { first: FiscalYear(2020), last: FiscalYear(2024) },
        );
        let basic = s.goals.iter().filter(|g| g.kind == GoalKind::Basic).count();
        let cross = s.goals.iter().filter(|g| g.kind == GoalKind::CrossCutting).count();
        assert_eq!((basic, cross), (4, 2));
        assert!(s.goals.iter().all(|g| g.national_goal.is_some()));
        assert_eq!(s.national_framework.key.as_deref(), Some("machi-hito-shigoto-2"));
        assert_eq!(validate(&s), vec![]);
    }

    /// Every frame makes a valid strategy whose goals are the frame's, in order, each linked to
    /// its national goal.
    #[test]
    fn every_frame_lays_out_a_valid_strategy() {
        let period = PlanPeriod { first: FiscalYear(2025), last: FiscalYear(2029) };
        for frame in &frames::FRAMES {
            let s = from_frame(frame, "第3期総合戦略", "しるべ町", period);
            assert_eq!(validate(&s), vec![], "{}", frame.name);
            assert_eq!(s.national_framework.frame(), Some(frame));
            let titles: Vec<&str> = s.goals.iter().map(|g| g.title.as_str()).collect();
            assert_eq!(titles, frame.goals.iter().map(|g| g.title).collect::<Vec<_>>());
            for (g, ng) in s.goals.iter().zip(&s.national_framework.goals) {
                assert_eq!(g.national_goal.as_ref(), Some(&ng.id));
                assert_eq!((g.kind, &g.number), (ng.kind, &ng.number));
            }
        }
    }
}
