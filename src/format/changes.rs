//! What replacing a stored strategy with a file's version would change: goals, measures,
//! initiatives and indicators matched by id, counted as added, removed or changed, plus whether
//! the strategy's own settings (title, period, sections, rating rule …) differ. The import
//! preview shows these counts before anything is written.

use crate::model::{Counts, Goal, Measure, Strategy};
use std::collections::{HashMap, HashSet};
use std::hash::Hash;

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Changes {
    /// In the file, not in the stored version.
    pub added: Counts,
    /// In the stored version, not in the file.
    pub removed: Counts,
    /// In both, with different content. A goal counts as changed when its own fields differ
    /// (not its measures, which are counted themselves); a measure likewise without its
    /// initiatives.
    pub changed: Counts,
    /// The strategy's own fields differ (title, municipality, period, stage, sections, national
    /// framework, schedule, rating rule).
    pub settings: bool,
    /// Anything differs at all (also a new order of the same goals, which no count shows).
    pub any: bool,
}

impl Changes {
    /// The two versions are identical.
    pub fn is_empty(&self) -> bool {
        !self.any
    }
}

/// What replacing `old` (stored) by `new` (the file's) changes.
pub fn count_changes(old: &Strategy, new: &Strategy) -> Changes {
    let mut c = Changes { any: old != new, ..Changes::default() };
    if !c.any {
        return c;
    }
    let own_goal = |g: &Goal| Goal { measures: Vec::new(), ..g.clone() };
    let own_measure = |m: &Measure| Measure { initiatives: Vec::new(), ..m.clone() };
    let goals = |s: &Strategy| s.goals.iter().map(|g| (g.id.clone(), own_goal(g))).collect::<Vec<_>>();
    let measures = |s: &Strategy| s.measures().map(|(_, m)| (m.id.clone(), own_measure(m))).collect::<Vec<_>>();
    let initiatives = |s: &Strategy| s.initiatives().map(|(_, i)| (i.id.clone(), i.clone())).collect::<Vec<_>>();
    let indicators = |s: &Strategy| s.indicators.iter().map(|i| (i.id.clone(), i.clone())).collect::<Vec<_>>();
    (c.added.goals, c.removed.goals, c.changed.goals) = diff(goals(old), goals(new));
    (c.added.measures, c.removed.measures, c.changed.measures) = diff(measures(old), measures(new));
    (c.added.initiatives, c.removed.initiatives, c.changed.initiatives) = diff(initiatives(old), initiatives(new));
    (c.added.indicators, c.removed.indicators, c.changed.indicators) = diff(indicators(old), indicators(new));
    let settings =
        |s: &Strategy| Strategy { goals: Vec::new(), indicators: Vec::new(), workshops: Vec::new(), ..s.clone() };
    c.settings = settings(old) != settings(new);
    c
}

/// (added, removed, changed) between two lists keyed by id. Should an id appear twice in one
/// list (a broken file), the first one counts.
fn diff<K: Eq + Hash, V: PartialEq>(old: Vec<(K, V)>, new: Vec<(K, V)>) -> (usize, usize, usize) {
    let mut before: HashMap<K, V> = HashMap::with_capacity(old.len());
    for (k, v) in old {
        before.entry(k).or_insert(v);
    }
    let (mut added, mut changed) = (0, 0);
    let mut seen = 0;
    let mut met: HashSet<&K> = HashSet::with_capacity(new.len());
    for (k, v) in &new {
        if !met.insert(k) {
            continue;
        }
        match before.get(k) {
            None => added += 1,
            Some(old) => {
                seen += 1;
                if old != v {
                    changed += 1;
                }
            }
        }
    }
    (added, before.len() - seen, changed)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{template, FiscalYear, Indicator, Initiative, PlanPeriod};

    fn sample() -> Strategy {
        let mut s =
            template::from_second_period("戦略", "町", PlanPeriod { first: FiscalYear(2020), last: FiscalYear(2024) });
        let mut m = Measure::new("1", "施策");
        m.initiatives.push(Initiative::new("1", "事業").into());
        m.initiatives.push(Initiative::new("2", "事業2").into());
        s.goals_mut().next().unwrap().measures.push(m.into());
        s.indicators.push(Indicator::new("1-1", "指標", "%").into());
        s
    }

    #[test]
    fn identical_versions_change_nothing() {
        let s = sample();
        let c = count_changes(&s, &s.clone());
        assert!(c.is_empty());
        assert_eq!(c, Changes::default());
    }

    #[test]
    fn counts_added_removed_and_changed_by_id() {
        let old = sample();
        let mut new = old.clone();
        // A goal's own title changes (its measures do not make it "changed").
        new.goals_mut().nth(1).unwrap().title = "新しい題".into();
        // One measure is added under goal 3, one initiative removed, one changed.
        new.goals_mut().nth(2).unwrap().measures.push(Measure::new("9", "追加").into());
        let m = new.goals_mut().next().unwrap().measures_mut().next().unwrap();
        m.initiatives.remove(1);
        std::sync::Arc::make_mut(&mut m.initiatives[0]).title = "変更".into();
        // One indicator removed, two added.
        new.indicators.clear();
        new.indicators.push(Indicator::new("2-1", "新1", "人").into());
        new.indicators.push(Indicator::new("2-2", "新2", "人").into());
        let c = count_changes(&old, &new);
        assert_eq!(c.added, Counts { goals: 0, measures: 1, initiatives: 0, indicators: 2 });
        assert_eq!(c.removed, Counts { goals: 0, measures: 0, initiatives: 1, indicators: 1 });
        assert_eq!(c.changed, Counts { goals: 1, measures: 0, initiatives: 1, indicators: 0 });
        assert!(!c.settings);
        assert!(!c.is_empty());
    }

    #[test]
    fn settings_and_order_alone_are_changes_too() {
        let old = sample();
        let mut new = old.clone();
        new.title = "改題".into();
        let c = count_changes(&old, &new);
        assert!(c.settings && c.any);
        assert_eq!((c.added, c.removed, c.changed), (Counts::default(), Counts::default(), Counts::default()));

        let mut reordered = old.clone();
        reordered.goals.swap(0, 1);
        let c = count_changes(&old, &reordered);
        assert!(!c.settings && !c.is_empty());
    }
}
