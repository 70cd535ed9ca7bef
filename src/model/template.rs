//! Starting points for a new strategy: blank, or the national 2nd-period framework
//! (第2期「まち・ひと・しごと創生総合戦略」: 4 basic goals + 2 cross-cutting goals).

use super::{DraftingStage, Goal, GoalKind, Id, NationalFramework, NationalGoal, PlanPeriod, Strategy};

/// The national 2nd-period goals, as seed 000 lists them.
const SECOND_PERIOD: [(GoalKind, &str, &str); 6] = [
    (GoalKind::Basic, "1", "稼ぐ地域をつくるとともに、安心して働けるようにする"),
    (GoalKind::Basic, "2", "地方とのつながりを築き、地方への新しいひとの流れをつくる"),
    (GoalKind::Basic, "3", "結婚・出産・子育ての希望をかなえる"),
    (GoalKind::Basic, "4", "ひとが集う、安心して暮らすことができる魅力的な地域をつくる"),
    (GoalKind::CrossCutting, "1", "多様な人材の活躍を推進する"),
    (GoalKind::CrossCutting, "2", "新しい時代の流れを力にする"),
];

pub const SECOND_PERIOD_NAME: &str = "第2期「まち・ひと・しごと創生総合戦略」";

/// The national 2nd-period framework with fresh ids.
pub fn second_period_framework() -> NationalFramework {
    NationalFramework {
        name: SECOND_PERIOD_NAME.to_owned(),
        goals: SECOND_PERIOD
            .iter()
            .map(|(kind, number, title)| NationalGoal {
                id: Id::new("ng"),
                kind: *kind,
                number: (*number).to_owned(),
                title: (*title).to_owned(),
            })
            .collect(),
    }
}

/// A strategy laid out on the national 2nd-period framework: one goal per national goal,
/// titled like it and linked to it, ready to be reworded for the town.
pub fn from_second_period(title: &str, municipality: &str, period: PlanPeriod) -> Strategy {
    let mut s = Strategy::blank(title, municipality, period);
    s.stage = DraftingStage::Policy;
    s.national_framework = second_period_framework();
    s.goals = s
        .national_framework
        .goals
        .iter()
        .map(|ng| Goal { national_goal: Some(ng.id.clone()), ..Goal::new(ng.kind, &ng.number, &ng.title) }.into())
        .collect();
    s
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{validate, FiscalYear};

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
        assert_eq!(validate(&s), vec![]);
    }
}
