//! Towns × SDGs and towns × national goals.

use super::{examples, region, FLOW};
use crate::model::region::{national_goal_matrix, sdg_matrix, NationalGoalCell};
use crate::model::{GoalKind, Sdg};

#[test]
fn measures_per_sdg_per_town() {
    let (region, strategies) = region();
    let towns = region.towns(&strategies);
    let m = sdg_matrix(&towns);
    let tagged = |t: usize| -> Vec<(u8, usize)> {
        m.counts[t].iter().enumerate().filter(|(_, n)| **n > 0).map(|(i, n)| (i as u8 + 1, *n)).collect()
    };
    assert_eq!(
        tagged(0),
        [(3, 1), (4, 1), (8, 1), (11, 1)],
        "七飯町: 1-1 (8, 11), 1-2 (3, 4); the goal's 11 is not a measure's"
    );
    assert_eq!(tagged(1), [(8, 1), (17, 1)]);
    assert_eq!(tagged(2), [(3, 1)]);
    assert_eq!((m.total(Sdg(3)), m.total(Sdg(8)), m.total(Sdg(12))), (2, 2, 0));
    assert_eq!(m.total(Sdg(0)), 0);
    assert_eq!(m.towns, region.members);
}

#[test]
fn goals_per_national_goal_per_town() {
    let (region, strategies) = region();
    let towns = region.towns(&strategies);
    let m = national_goal_matrix(&towns);
    assert_eq!(m.columns.len(), 1);
    assert_eq!((m.columns[0].key.kind, m.columns[0].title.as_str()), (GoalKind::Basic, FLOW));
    let cells: Vec<NationalGoalCell> = m.cells.iter().map(|row| row[0]).collect();
    assert_eq!(
        cells,
        [
            NationalGoalCell { goals: 1, measures: 2 },
            NationalGoalCell { goals: 1, measures: 1 },
            NationalGoalCell { goals: 0, measures: 0 }
        ]
    );
    assert_eq!(m.unassigned, [1, 0, 1], "七飯町's cross-cutting goal and 木古内町's goal name none");
}

#[test]
fn the_examples_share_the_second_period_goals_despite_a_typo() {
    let strategies = examples();
    let towns: Vec<_> = strategies.iter().collect();
    let m = national_goal_matrix(&towns);
    // 4 basic and 2 cross-cutting goals of 第2期, though 北斗市 wrote 「つくとともに」.
    assert_eq!(m.columns.len(), 6);
    let kinds: Vec<GoalKind> = m.columns.iter().map(|c| c.key.kind).collect();
    assert_eq!(kinds[..4], [GoalKind::Basic; 4]);
    assert_eq!(kinds[4..], [GoalKind::CrossCutting; 2]);
    let goals = |t: usize| m.cells[t].iter().map(|c| c.goals).collect::<Vec<_>>();
    assert_eq!(goals(0), [1, 1, 1, 1, 1, 1], "北本市: one goal per national goal");
    assert_eq!(goals(1), [1, 1, 1, 1, 0, 0], "北斗市: four basic goals");
    assert_eq!(m.cells[1].iter().map(|c| c.measures).sum::<usize>(), 30);
    assert_eq!(m.unassigned, [0, 0]);
    // Neither example tags measures with SDGs.
    assert_eq!(sdg_matrix(&towns).counts, [[0; 17]; 2]);
}
