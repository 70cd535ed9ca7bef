//! SDG and national-goal coverage across towns: towns × the 17 SDGs (how many of each town's
//! measures are tagged with each, as its own dashboard counts them) and towns × the national
//! goals (国の基本目標) their goals correspond to.
//!
//! National goals are ids inside each strategy's own framework, so towns are compared by the
//! framework's name (as a [`key`]) and the goal's kind and number: two towns on the same
//! national strategy share its goals even when one copied a title with a slip (北斗市's
//! 「稼ぐ地域をつくとともに」); a town on another one (第1期, デジタル田園都市国家構想)
//! brings its own columns.

use super::normalise::key;
use crate::model::{Goal, GoalKind, Id, NationalGoal, Sdg, Strategy};

/// Towns × SDGs: `counts[t][n - 1]` measures of town `t` are tagged with SDG `n`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SdgMatrix {
    pub towns: Vec<Id>,
    pub counts: Vec<[usize; 17]>,
}

impl SdgMatrix {
    /// The region's count for one SDG (a measure of each town counted once per SDG).
    pub fn total(&self, sdg: Sdg) -> usize {
        let column = usize::from(sdg.0).wrapping_sub(1);
        self.counts.iter().map(|row| row.get(column).copied().unwrap_or(0)).sum()
    }
}

/// The measures of each town tagged with each SDG.
pub fn sdg_matrix(towns: &[&Strategy]) -> SdgMatrix {
    let counts = towns
        .iter()
        .map(|s| {
            let mut row = [0; 17];
            for (_, m) in s.measures() {
                for (n, cell) in row.iter_mut().enumerate() {
                    *cell += usize::from(m.sdgs.contains(&Sdg(n as u8 + 1)));
                }
            }
            row
        })
        .collect();
    SdgMatrix { towns: towns.iter().map(|s| s.id.clone()).collect(), counts }
}

/// A national goal as towns share it: its framework's name as a [`key`], its kind and number.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct NationalGoalKey {
    pub framework: String,
    pub kind: GoalKind,
    pub number: String,
}

impl NationalGoalKey {
    /// The key of one of `s`'s national goals.
    pub fn of(s: &Strategy, goal: &NationalGoal) -> NationalGoalKey {
        NationalGoalKey { framework: key(&s.national_framework.name), kind: goal.kind, number: key(&goal.number) }
    }

    /// The key of the national goal a goal of `s` corresponds to, if it names one that exists.
    pub fn of_goal(s: &Strategy, goal: &Goal) -> Option<NationalGoalKey> {
        let id = goal.national_goal.as_ref()?;
        s.national_framework.goals.iter().find(|n| &n.id == id).map(|n| NationalGoalKey::of(s, n))
    }
}

/// A column of the national-goal matrix: the goal as the first town that has it writes it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NationalGoalColumn {
    pub key: NationalGoalKey,
    pub number: String,
    pub title: String,
}

/// One cell: the town's goals that correspond to the national goal, and their measures.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct NationalGoalCell {
    pub goals: usize,
    pub measures: usize,
}

/// Towns × national goals.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NationalGoalMatrix {
    /// Basic goals first, then cross-cutting ones, each in the order towns first list them.
    pub columns: Vec<NationalGoalColumn>,
    pub towns: Vec<Id>,
    /// `cells[t][c]`: town `t`, column `c`.
    pub cells: Vec<Vec<NationalGoalCell>>,
    /// Per town, the goals that name no national goal.
    pub unassigned: Vec<usize>,
}

/// Which national goals each town's goals correspond to.
pub fn national_goal_matrix(towns: &[&Strategy]) -> NationalGoalMatrix {
    let mut columns: Vec<NationalGoalColumn> = Vec::new();
    for s in towns {
        for n in &s.national_framework.goals {
            let key = NationalGoalKey::of(s, n);
            if !columns.iter().any(|c| c.key == key) {
                columns.push(NationalGoalColumn { key, number: n.number.clone(), title: n.title.clone() });
            }
        }
    }
    // Stable: towns' order within each kind.
    crate::sorting::by_key(&mut columns, |c| c.key.kind != GoalKind::Basic);
    counted(towns, columns, |s, g, columns| {
        NationalGoalKey::of_goal(s, g).and_then(|key| columns.iter().position(|c| c.key == key))
    })
}

/// The matrix over `columns`: each town's goals counted (with their measures) under the column
/// `column_of` finds for them, or as unassigned.
pub(super) fn counted(
    towns: &[&Strategy],
    columns: Vec<NationalGoalColumn>,
    column_of: impl Fn(&Strategy, &Goal, &[NationalGoalColumn]) -> Option<usize>,
) -> NationalGoalMatrix {
    let mut cells = Vec::with_capacity(towns.len());
    let mut unassigned = Vec::with_capacity(towns.len());
    for s in towns {
        let mut row = vec![NationalGoalCell::default(); columns.len()];
        let mut none = 0;
        for g in &s.goals {
            match column_of(s, g, &columns) {
                Some(c) => {
                    row[c].goals += 1;
                    row[c].measures += g.measures.len();
                }
                None => none += 1,
            }
        }
        cells.push(row);
        unassigned.push(none);
    }
    NationalGoalMatrix { columns, towns: towns.iter().map(|s| s.id.clone()).collect(), cells, unassigned }
}
