//! Where a problem is, in the user's terms: the path validation gives (`goals[2].measures[0]
//! .title`, from the strategy or from a file's root) walked through the strategy to the items on
//! it — 基本目標 3 ＞ 施策 3-1 「…」 — so that no message shows a JSON path.

use super::{GoalKind, Strategy};

/// One item on the way to a problem.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PathItem {
    pub kind: PathItemKind,
    /// Its number or code as the strategy writes it ("1", "1-2", "KPI 3"); may be empty.
    pub number: String,
    /// Its name (title); empty when not entered yet.
    pub name: String,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PathItemKind {
    Goal(GoalKind),
    Measure,
    Initiative,
    Indicator,
}

/// The items on `path` (outermost first), as far as they exist in `strategy`; empty for a path
/// about the strategy itself.
pub fn items_on_path(strategy: &Strategy, path: &str) -> Vec<PathItem> {
    let mut out = Vec::new();
    let mut goal = None;
    let mut measure = None;
    for segment in path.split('.') {
        let Some((name, index)) = indexed(segment) else { continue };
        match name {
            "goals" => {
                let Some(g) = strategy.goals.get(index) else { break };
                out.push(PathItem {
                    kind: PathItemKind::Goal(g.kind),
                    number: g.number.clone(),
                    name: g.title.clone(),
                });
                goal = Some(g);
            }
            "measures" => {
                let Some(m) = goal.and_then(|g| g.measures.get(index)) else { break };
                out.push(PathItem { kind: PathItemKind::Measure, number: m.number.clone(), name: m.title.clone() });
                measure = Some(m);
            }
            "initiatives" => {
                let Some(i) = measure.and_then(|m| m.initiatives.get(index)) else { break };
                out.push(PathItem { kind: PathItemKind::Initiative, number: i.number.clone(), name: i.title.clone() });
            }
            "indicators" if out.is_empty() => {
                let Some(i) = strategy.indicators.get(index) else { break };
                out.push(PathItem { kind: PathItemKind::Indicator, number: i.code.clone(), name: i.name.clone() });
            }
            // A field's list (kpis, series, actuals …): the place ends at the item above it.
            _ => break,
        }
    }
    out
}

/// `name[index]` → (name, index).
fn indexed(segment: &str) -> Option<(&str, usize)> {
    let (name, rest) = segment.split_once('[')?;
    Some((name, rest.strip_suffix(']')?.parse().ok()?))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::examples::EXAMPLES;

    #[test]
    fn a_path_becomes_the_items_on_it() {
        let s = EXAMPLES.iter().find(|e| e.path.contains("hokuto")).unwrap().load().unwrap();
        let goal = &s.goals[1];
        let measure = &goal.measures[0];
        let placed = items_on_path(&s, "strategy.goals[1].measures[0].kpis[1]");
        assert_eq!(placed.len(), 2);
        assert_eq!(
            placed[0],
            PathItem { kind: PathItemKind::Goal(goal.kind), number: goal.number.clone(), name: goal.title.clone() }
        );
        assert_eq!((placed[1].kind, placed[1].name.as_str()), (PathItemKind::Measure, measure.title.as_str()));
        let (g, m) = (0..s.goals.len())
            .flat_map(|g| (0..s.goals[g].measures.len()).map(move |m| (g, m)))
            .find(|&(g, m)| !s.goals[g].measures[m].initiatives.is_empty())
            .expect("an initiative in the example");
        let initiative = &s.goals[g].measures[m].initiatives[0];
        let deep = items_on_path(&s, &format!("goals[{g}].measures[{m}].initiatives[0].title"));
        assert_eq!(deep.len(), 3);
        assert_eq!((deep[2].kind, deep[2].name.as_str()), (PathItemKind::Initiative, initiative.title.as_str()));
        let k = EXAMPLES.iter().find(|e| e.path.contains("kitamoto")).unwrap().load().unwrap();
        let indicator = items_on_path(&k, "indicators[0].series[0].actuals[2]");
        let first = &k.indicators[0];
        assert_eq!(
            indicator,
            [PathItem { kind: PathItemKind::Indicator, number: first.code.clone(), name: first.name.clone() }]
        );
        // About the strategy itself, or past what exists: no item, or those that exist.
        assert!(items_on_path(&s, "period").is_empty());
        assert_eq!(items_on_path(&s, "goals[1].measures[999].title").len(), 1);
        assert!(items_on_path(&s, "goals[x]").is_empty());
    }
}
