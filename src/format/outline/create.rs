//! [`into_strategy`]: an outline's items created in a strategy through the model's own edits
//! (`Strategy::add_goal`, `add_measure`, `add_initiative`, which make the ids), either as a new
//! strategy's goals or under one existing goal, whose top-level items then become measures.

use super::clean::join;
use super::numbering::Style;
use super::{Level, Outline, OutlineLine};
use crate::model::{GoalKind, Id, Strategy};

/// What [`into_strategy`] created, for the preview.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Created {
    pub goals: usize,
    pub measures: usize,
    pub initiatives: usize,
    /// Items with nowhere to go: a measure before any goal, an initiative before any measure, or
    /// everything when `under` names no goal of the strategy.
    pub skipped: usize,
}

enum Last {
    Goal(Id),
    Measure(Id),
    Initiative(Id),
}

/// Creates the outline's items in `into`: goals (number, title, subtitle, the body as direction),
/// measures (number, title, body as summary, 重点施策) and initiatives (number, title, body as
/// description); a line of body level is added to the text of the item created before it.
/// With `under`, the outline's top level becomes measures of that goal.
pub fn into_strategy(outline: &Outline, into: &mut Strategy, under: Option<&Id>) -> Created {
    let mut created = Created::default();
    let items = || outline.lines.iter().filter(|l| l.level != Level::Heading && l.level != Level::Body);
    if let Some(goal) = under {
        if !into.goals.iter().any(|g| &g.id == goal) {
            created.skipped = items().count();
            return created;
        }
    }
    let top = items().filter_map(|l| l.level.depth()).min().unwrap_or(0);
    let shift = |level: Level| match (under, level.depth()) {
        (Some(_), Some(d)) => Level::from_depth((d + 1).saturating_sub(top)),
        _ => level,
    };
    let mut goal: Option<Id> = under.cloned();
    let mut measure: Option<Id> = None;
    let mut last: Option<Last> = None;
    for line in &outline.lines {
        match shift(line.level) {
            Level::Heading => {}
            Level::Goal => {
                let kind = match line.style {
                    Style::Goal(kind) => kind,
                    _ => GoalKind::Basic,
                };
                let id = into.add_goal(kind);
                if let Some(g) = into.goal_mut(&id) {
                    g.number = line.number.clone();
                    g.title = line.text.clone();
                    g.subtitle = line.subtitle.clone();
                    g.direction = line.body.clone();
                }
                created.goals += 1;
                goal = Some(id.clone());
                measure = None;
                last = Some(Last::Goal(id));
            }
            Level::Measure => {
                measure = goal.as_ref().and_then(|g| into.add_measure(g));
                match &measure {
                    Some(id) => {
                        if let Some(m) = into.measure_mut(id) {
                            m.number = line.number.clone();
                            m.title = line.text.clone();
                            m.summary = body_text(line);
                            m.priority = line.priority;
                        }
                        created.measures += 1;
                        last = Some(Last::Measure(id.clone()));
                    }
                    None => created.skipped += 1,
                }
            }
            Level::Initiative => match measure.as_ref().and_then(|m| into.add_initiative(m)) {
                Some(id) => {
                    if let Some(i) = into.initiative_mut(&id) {
                        i.number = line.number.clone();
                        i.title = line.text.clone();
                        i.description = body_text(line);
                    }
                    created.initiatives += 1;
                    last = Some(Last::Initiative(id));
                }
                None => created.skipped += 1,
            },
            Level::Body => {
                let text = whole_text(line);
                let target = match &last {
                    Some(Last::Goal(id)) => into.goal_mut(id).map(|g| &mut g.direction),
                    Some(Last::Measure(id)) => into.measure_mut(id).map(|m| &mut m.summary),
                    Some(Last::Initiative(id)) => into.initiative_mut(id).map(|i| &mut i.description),
                    None => None,
                };
                match target {
                    Some(t) => join(t, &text),
                    None => created.skipped += 1,
                }
            }
        }
    }
    created
}

/// The words a line adds to a text field: its body (after its subtitle).
fn body_text(line: &OutlineLine) -> String {
    text_after(String::new(), line)
}

/// The words a line of body level adds to a text field: its numbering and title, then its body.
fn whole_text(line: &OutlineLine) -> String {
    let head = [line.numbering.as_str(), line.text.as_str()]
        .iter()
        .filter(|s| !s.is_empty())
        .copied()
        .collect::<Vec<_>>()
        .join(" ");
    text_after(head, line)
}

fn text_after(mut text: String, line: &OutlineLine) -> String {
    if !line.subtitle.is_empty() {
        join(&mut text, &format!("～{}～", line.subtitle));
    }
    join(&mut text, &line.body);
    text
}
