//! Structural edits of a strategy: add, remove and reorder goals, measures, initiatives,
//! indicators and sections, keeping references consistent (removing an indicator removes the
//! references to it; removing an initiative removes its re-listings), and renumbering.

use super::{Goal, GoalKind, Id, Indicator, Initiative, Measure, NarrativeSection, Strategy};
use std::sync::Arc;

/// Which way an item moves in its list: up is towards the first.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Direction {
    Up,
    Down,
}

/// Moves the item matching `is` one place `to`; false when it cannot move.
pub fn move_item<T>(list: &mut [T], is: impl Fn(&T) -> bool, to: Direction) -> bool {
    let Some(i) = list.iter().position(is) else { return false };
    let j = match to {
        Direction::Up => i.checked_sub(1),
        Direction::Down => Some(i + 1).filter(|j| *j < list.len()),
    };
    match j {
        Some(j) => {
            list.swap(i, j);
            true
        }
        None => false,
    }
}

impl Strategy {
    /// Adds a goal of a kind at the end of its kind, numbered after the last one.
    pub fn add_goal(&mut self, kind: GoalKind) -> Id {
        let n = self.goals.iter().filter(|g| g.kind == kind).count() + 1;
        let goal = Goal::new(kind, &n.to_string(), "");
        let id = goal.id.clone();
        let at = self
            .goals
            .iter()
            .rposition(|g| g.kind == kind)
            .map_or(if kind == GoalKind::Basic { 0 } else { self.goals.len() }, |i| i + 1);
        self.goals.insert(at, goal.into());
        id
    }

    pub fn remove_goal(&mut self, id: &Id) -> bool {
        let Some(goal) = self.goals.iter().find(|g| &g.id == id).cloned() else { return false };
        for m in &goal.measures {
            self.forget_measure(m);
        }
        self.goals.retain(|g| &g.id != id);
        true
    }

    pub fn move_goal(&mut self, id: &Id, to: Direction) -> bool {
        move_item(&mut self.goals, |g| &g.id == id, to)
    }

    pub fn add_measure(&mut self, goal: &Id) -> Option<Id> {
        let g = self.goal_mut(goal)?;
        let m = Measure::new(&(g.measures.len() + 1).to_string(), "");
        let id = m.id.clone();
        g.measures.push(m.into());
        Some(id)
    }

    pub fn remove_measure(&mut self, id: &Id) -> bool {
        let Some(measure) = self.measures().map(|(_, m)| m.clone()).find(|m| &m.id == id) else { return false };
        self.forget_measure(&measure);
        for g in self.goals_mut() {
            g.measures.retain(|m| &m.id != id);
        }
        true
    }

    /// Removes references to a measure and its initiatives from the rest of the strategy.
    fn forget_measure(&mut self, measure: &Measure) {
        let initiatives: Vec<Id> = measure.initiatives.iter().map(|i| i.id.clone()).collect();
        for g in self.goals_mut() {
            for m in g.measures.iter_mut() {
                let touches =
                    m.related.contains(&measure.id) || m.relisted.iter().any(|r| initiatives.contains(&r.initiative));
                if touches {
                    let m = Arc::make_mut(m);
                    m.related.retain(|r| r != &measure.id);
                    m.relisted.retain(|r| !initiatives.contains(&r.initiative));
                }
            }
        }
    }

    pub fn move_measure(&mut self, id: &Id, to: Direction) -> bool {
        let Some(goal) = self.measures().find(|(_, m)| &m.id == id).map(|(g, _)| g.id.clone()) else { return false };
        self.goal_mut(&goal).is_some_and(|g| move_item(&mut g.measures, |m| &m.id == id, to))
    }

    pub fn add_initiative(&mut self, measure: &Id) -> Option<Id> {
        let m = self.measure_mut(measure)?;
        let i = Initiative::new(&format!("({})", m.initiatives.len() + 1), "");
        let id = i.id.clone();
        m.initiatives.push(i.into());
        Some(id)
    }

    pub fn remove_initiative(&mut self, id: &Id) -> bool {
        let Some(owner) = self.initiatives().find(|(_, i)| &i.id == id).map(|(m, _)| m.id.clone()) else {
            return false;
        };
        for g in self.goals_mut() {
            for m in g.measures.iter_mut() {
                if m.relisted.iter().any(|r| &r.initiative == id) {
                    Arc::make_mut(m).relisted.retain(|r| &r.initiative != id);
                }
            }
        }
        self.measure_mut(&owner).is_some_and(|m| {
            m.initiatives.retain(|i| &i.id != id);
            true
        })
    }

    pub fn move_initiative(&mut self, id: &Id, to: Direction) -> bool {
        let Some(owner) = self.initiatives().find(|(_, i)| &i.id == id).map(|(m, _)| m.id.clone()) else {
            return false;
        };
        self.measure_mut(&owner).is_some_and(|m| move_item(&mut m.initiatives, |i| &i.id == id, to))
    }

    pub fn add_indicator(&mut self) -> Id {
        let ind = Indicator::new("", "", "");
        let id = ind.id.clone();
        self.indicators.push(ind.into());
        id
    }

    /// Adds an indicator and refers to it from a goal (数値目標), a measure or an initiative
    /// (KPI), whichever has the id `holder`.
    pub fn add_indicator_for(&mut self, holder: &Id) -> Id {
        let id = self.add_indicator();
        if let Some(g) = self.goal_mut(holder) {
            g.targets.push(id.clone());
        } else if let Some(m) = self.measure_mut(holder) {
            m.kpis.push(id.clone());
        } else if let Some(i) = self.initiative_mut(holder) {
            i.kpis.push(id.clone());
        }
        id
    }

    /// Removes an indicator and every reference to it (numerical targets, KPIs).
    pub fn remove_indicator(&mut self, id: &Id) -> bool {
        let before = self.indicators.len();
        self.indicators.retain(|i| &i.id != id);
        for g in self.goals.iter_mut() {
            let in_goal = g.targets.contains(id)
                || g.measures.iter().any(|m| m.kpis.contains(id) || m.initiatives.iter().any(|i| i.kpis.contains(id)));
            if !in_goal {
                continue;
            }
            let g = Arc::make_mut(g);
            g.targets.retain(|t| t != id);
            for m in g.measures_mut() {
                m.kpis.retain(|k| k != id);
                for i in m.initiatives_mut() {
                    i.kpis.retain(|k| k != id);
                    if let Some(g) = &mut i.grant {
                        g.targets.retain(|t| &t.indicator != id);
                    }
                }
            }
        }
        self.indicators.len() != before
    }

    pub fn move_indicator(&mut self, id: &Id, to: Direction) -> bool {
        move_item(&mut self.indicators, |i| &i.id == id, to)
    }

    pub fn add_section(&mut self) -> Id {
        let s = NarrativeSection { id: Id::new("section"), heading: String::new(), body: String::new() };
        let id = s.id.clone();
        self.sections.push(s);
        id
    }

    /// Display numbers in order: goals 1, 2 … per kind; measures 1, 2 … within their goal;
    /// initiatives (1), (2) … within their measure. Indicator codes are left alone (they come
    /// from the town's own plan numbering).
    pub fn renumber(&mut self) {
        let mut counters = [0usize; 2];
        for g in self.goals_mut() {
            let k = usize::from(g.kind == GoalKind::CrossCutting);
            counters[k] += 1;
            g.number = counters[k].to_string();
            for (mi, m) in g.measures_mut().enumerate() {
                m.number = (mi + 1).to_string();
                for (ii, i) in m.initiatives_mut().enumerate() {
                    i.number = format!("({})", ii + 1);
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{template, validate, FiscalYear, PlanPeriod, Relisting};

    fn strategy() -> Strategy {
        template::from_second_period("戦略", "町", PlanPeriod { first: FiscalYear(2020), last: FiscalYear(2024) })
    }

    #[test]
    fn goals_are_added_in_their_kind_and_moved() {
        let mut s = strategy();
        let basic = s.add_goal(GoalKind::Basic);
        assert_eq!(s.goals[4].id, basic, "after the 4 basic goals, before the cross-cutting ones");
        assert_eq!(s.goals[4].number, "5");
        let cross = s.add_goal(GoalKind::CrossCutting);
        assert_eq!(s.goals.last().unwrap().id, cross);
        assert!(s.move_goal(&basic, Direction::Up));
        assert_eq!(s.goals[3].id, basic);
        assert!(!s.move_goal(&s.goals[0].id.clone(), Direction::Up), "the first cannot go up");
        assert!(!s.move_goal(&cross, Direction::Down), "the last cannot go down");
    }

    #[test]
    fn removing_keeps_references_consistent() {
        let mut s = strategy();
        let g0 = s.goals[0].id.clone();
        let g1 = s.goals[1].id.clone();
        let m0 = s.add_measure(&g0).unwrap();
        let m1 = s.add_measure(&g1).unwrap();
        let init = s.add_initiative(&m0).unwrap();
        let ind = s.add_indicator();
        {
            let m = s.measure_mut(&m1).unwrap();
            m.related.push(m0.clone());
            m.relisted.push(Relisting::all_years(init.clone()));
            m.kpis.push(ind.clone());
        }
        s.goal_mut(&g0).unwrap().targets.push(ind.clone());
        s.initiative_mut(&init).unwrap().kpis.push(ind.clone());

        // An indicator made in place is referenced from whatever asked for it.
        let made = [s.add_indicator_for(&m1), s.add_indicator_for(&g0), s.add_indicator_for(&init)];
        assert_eq!(s.goals[1].measures[0].kpis.last(), Some(&made[0]));
        assert_eq!(s.goals[0].targets.last(), Some(&made[1]));
        assert_eq!(s.goals[0].measures[0].initiatives[0].kpis.last(), Some(&made[2]));
        for m in &made {
            assert!(s.remove_indicator(m));
        }
        let mut a = s.clone();
        assert!(a.remove_indicator(&ind));
        assert!(a.goals[0].targets.is_empty() && a.goals[1].measures[0].kpis.is_empty());
        assert!(a.goals[0].measures[0].initiatives[0].kpis.is_empty());

        let mut b = s.clone();
        assert!(b.remove_initiative(&init));
        assert!(b.goals[1].measures[0].relisted.is_empty());

        let mut c = s.clone();
        assert!(c.remove_goal(&g0));
        assert!(c.goals[0].measures[0].related.is_empty() && c.goals[0].measures[0].relisted.is_empty());
        for x in [&a, &b, &c] {
            assert!(crate::model::errors(&validate(x)).next().is_none(), "{:?}", validate(x));
        }
    }

    #[test]
    fn renumbering_follows_the_order() {
        let mut s = strategy();
        let g = s.goals[2].id.clone();
        let a = s.add_measure(&g).unwrap();
        let b = s.add_measure(&g).unwrap();
        s.add_initiative(&b);
        s.add_initiative(&b);
        s.move_measure(&b, Direction::Up);
        s.move_goal(&g, Direction::Up);
        s.renumber();
        let numbers: Vec<&str> = s.goals.iter().map(|g| g.number.as_str()).collect();
        assert_eq!(numbers, ["1", "2", "3", "4", "1", "2"]);
        assert_eq!(s.goals[1].measures[0].id, b);
        assert_eq!(s.goals[1].measures[0].number, "1");
        assert_eq!(s.goals[1].measures[1].id, a);
        assert_eq!(s.goals[1].measures[0].initiatives[1].number, "(2)");
    }

    #[test]
    fn move_item_at_the_edges() {
        let mut v = vec![1, 2, 3];
        assert!(move_item(&mut v, |x| *x == 3, Direction::Up));
        assert_eq!(v, [1, 3, 2]);
        assert!(!move_item(&mut v, |x| *x == 2, Direction::Down));
        assert!(!move_item(&mut v, |x| *x == 9, Direction::Down));
    }
}
