//! Residents' workshops (住民ワークショップ): the sessions held with residents, and the ideas they
//! left on sticky notes (付箋) with dot votes, each attached to a goal or a measure.
//!
//! Workshop notes are kept with the strategy but apart from its own text: nothing here changes a
//! goal or a measure. A note whose goal or measure was removed is kept (residents' words are not
//! thrown away with a restructuring); validation reports it as a warning and lists and CSV show
//! it without a place.

use super::{Goal, Id, Measure, Strategy};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// One workshop held with residents, e.g. 第1回 住民ワークショップ on 2025-07-12.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct WorkshopSession {
    pub id: Id,
    /// e.g. 第1回 住民ワークショップ
    pub name: String,
    /// The day it was held, as an ISO date "2025-07-12".
    pub date: String,
    /// The ideas, in the order they were written down.
    #[serde(default)]
    pub notes: Vec<WorkshopNote>,
}

/// A sticky note: one resident's idea about a goal or a measure, and its dot votes.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct WorkshopNote {
    pub id: Id,
    pub target: NoteTarget,
    pub text: String,
    #[serde(default)]
    pub votes: u32,
}

/// What a note is about: a goal or a measure of the strategy, by id.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum NoteTarget {
    Goal(Id),
    Measure(Id),
}

impl NoteTarget {
    pub fn id(&self) -> &Id {
        match self {
            NoteTarget::Goal(id) | NoteTarget::Measure(id) => id,
        }
    }
}

/// Where a note's target sits in the strategy, its path from the top: its goal and, for a
/// measure, the measure.
/// `None` when the target no longer exists.
pub type TargetPath<'a> = Option<(&'a Goal, Option<&'a Measure>)>;

impl WorkshopSession {
    pub fn new(name: &str, date: &str) -> WorkshopSession {
        WorkshopSession {
            id: Id::new("workshop"),
            name: name.trim().to_owned(),
            date: date.to_owned(),
            notes: Vec::new(),
        }
    }

    /// The notes about one goal or measure, in the order they were written.
    pub fn notes_about<'a>(&'a self, target: &'a NoteTarget) -> impl Iterator<Item = &'a WorkshopNote> {
        self.notes.iter().filter(move |n| &n.target == target)
    }

    /// Votes of all notes.
    pub fn votes(&self) -> u32 {
        self.notes.iter().map(|n| n.votes).sum()
    }
}

impl Strategy {
    pub fn workshop(&self, id: &Id) -> Option<&WorkshopSession> {
        self.workshops.iter().find(|w| &w.id == id)
    }

    pub fn workshop_mut(&mut self, id: &Id) -> Option<&mut WorkshopSession> {
        self.workshops.iter_mut().find(|w| &w.id == id)
    }

    /// Starts a new session (added last) and returns its id.
    pub fn start_workshop(&mut self, name: &str, date: &str) -> Id {
        let session = WorkshopSession::new(name, date);
        let id = session.id.clone();
        self.workshops.push(session);
        id
    }

    /// Adds a note to a session; `None` when the text is blank or the session does not exist.
    pub fn add_note(&mut self, session: &Id, target: NoteTarget, text: &str) -> Option<Id> {
        let text = text.trim();
        if text.is_empty() {
            return None;
        }
        let session = self.workshop_mut(session)?;
        let note = WorkshopNote { id: Id::new("note"), target, text: text.to_owned(), votes: 0 };
        let id = note.id.clone();
        session.notes.push(note);
        Some(id)
    }

    fn note_mut(&mut self, note: &Id) -> Option<&mut WorkshopNote> {
        self.workshops.iter_mut().flat_map(|w| w.notes.iter_mut()).find(|n| &n.id == note)
    }

    /// One more dot for a note; false when there is no such note.
    pub fn vote(&mut self, note: &Id) -> bool {
        self.note_mut(note).map(|n| n.votes = n.votes.saturating_add(1)).is_some()
    }

    /// Removes every note of a session (the session itself stays) and returns them, so that
    /// they can be put back with [`Strategy::restore_notes`].
    pub fn clear_notes(&mut self, session: &Id) -> Vec<WorkshopNote> {
        self.workshop_mut(session).map(|w| std::mem::take(&mut w.notes)).unwrap_or_default()
    }

    /// Puts cleared notes back in front of any written since; false when the session is gone.
    pub fn restore_notes(&mut self, session: &Id, notes: Vec<WorkshopNote>) -> bool {
        let Some(w) = self.workshop_mut(session) else { return false };
        let later = std::mem::replace(&mut w.notes, notes);
        let back: std::collections::HashSet<Id> = w.notes.iter().map(|n| n.id.clone()).collect();
        w.notes.extend(later.into_iter().filter(|n| !back.contains(&n.id)));
        true
    }

    /// Where a note's target is: (goal, measure). `None` when it no longer exists.
    pub fn place_of(&self, target: &NoteTarget) -> TargetPath<'_> {
        match target {
            NoteTarget::Goal(id) => self.goals.iter().find(|g| &g.id == id).map(|g| (&**g, None)),
            NoteTarget::Measure(id) => self.measures().find(|(_, m)| &m.id == id).map(|(g, m)| (g, Some(m))),
        }
    }

    /// Every note of every session about a goal or one of its measures.
    pub fn notes_under_goal<'a>(
        &'a self,
        goal: &'a Goal,
    ) -> impl Iterator<Item = (&'a WorkshopSession, &'a WorkshopNote)> {
        self.workshops.iter().flat_map(move |w| {
            w.notes
                .iter()
                .filter(move |n| match &n.target {
                    NoteTarget::Goal(id) => id == &goal.id,
                    NoteTarget::Measure(id) => goal.measures.iter().any(|m| &m.id == id),
                })
                .map(move |n| (w, n))
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{FiscalYear, GoalKind, PlanPeriod};

    fn strategy() -> (Strategy, Id, Id) {
        let mut s = Strategy::blank("戦略", "北本市", PlanPeriod { first: FiscalYear(2022), last: FiscalYear(2025) });
        let goal = s.add_goal(GoalKind::Basic);
        let measure = s.add_measure(&goal).unwrap();
        (s, goal, measure)
    }

    #[test]
    fn notes_are_added_voted_and_cleared() {
        let (mut s, goal, measure) = strategy();
        let w = s.start_workshop(" 第1回 住民ワークショップ ", "2025-07-12");
        assert_eq!(s.workshop(&w).unwrap().name, "第1回 住民ワークショップ");
        assert_eq!(s.add_note(&w, NoteTarget::Goal(goal.clone()), "   "), None, "blank text adds nothing");
        assert_eq!(s.add_note(&Id::new("workshop"), NoteTarget::Goal(goal.clone()), "x"), None);
        let a = s.add_note(&w, NoteTarget::Goal(goal.clone()), " 駅前にベンチを ").unwrap();
        let b = s.add_note(&w, NoteTarget::Measure(measure.clone()), "子ども食堂").unwrap();
        assert!(a.as_str().starts_with("note-"));
        assert!(s.vote(&b) && s.vote(&b) && s.vote(&a));
        assert!(!s.vote(&Id::new("note")));
        let session = s.workshop(&w).unwrap();
        assert_eq!(
            session.notes.iter().map(|n| (n.text.as_str(), n.votes)).collect::<Vec<_>>(),
            vec![("駅前にベンチを", 1), ("子ども食堂", 2)]
        );
        assert_eq!(session.votes(), 3);
        assert_eq!(session.notes_about(&NoteTarget::Measure(measure.clone())).count(), 1);
        let g = s.goals[0].clone();
        assert_eq!(s.notes_under_goal(&g).count(), 2);

        let before = s.clone();
        let cleared = s.clear_notes(&w);
        assert_eq!(cleared.len(), 2);
        assert!(s.workshop(&w).unwrap().notes.is_empty(), "the session stays, empty");
        let c = s.add_note(&w, NoteTarget::Goal(goal), "あとから").unwrap();
        assert!(s.restore_notes(&w, cleared));
        let ids: Vec<&Id> = s.workshop(&w).unwrap().notes.iter().map(|n| &n.id).collect();
        assert_eq!(ids, vec![&a, &b, &c]);
        assert_eq!(s.workshop(&w).unwrap().notes[..2], before.workshop(&w).unwrap().notes[..]);
    }

    #[test]
    fn notes_outlive_their_goal_or_measure() {
        let (mut s, goal, measure) = strategy();
        let w = s.start_workshop("第1回", "2025-07-12");
        s.add_note(&w, NoteTarget::Measure(measure.clone()), "残る").unwrap();
        assert!(matches!(s.place_of(&NoteTarget::Measure(measure.clone())), Some((g, Some(_))) if g.id == goal));
        assert!(s.remove_measure(&measure));
        assert_eq!(s.workshop(&w).unwrap().notes.len(), 1, "removing a measure keeps its notes");
        assert!(s.place_of(&NoteTarget::Measure(measure)).is_none());
        assert!(s.remove_goal(&goal));
        assert!(s.place_of(&NoteTarget::Goal(goal)).is_none());
        assert_eq!(s.workshop(&w).unwrap().notes.len(), 1);
    }

    #[test]
    fn targets_serialise_as_tagged_ids() {
        let note = WorkshopNote {
            id: Id::from("note-1"),
            target: NoteTarget::Measure(Id::from("measure-1")),
            text: "=1+1".into(),
            votes: 2,
        };
        let json = serde_json::to_value(&note).unwrap();
        assert_eq!(
            json,
            serde_json::json!({"id": "note-1", "target": {"measure": "measure-1"}, "text": "=1+1", "votes": 2})
        );
        let back: WorkshopNote =
            serde_json::from_value(serde_json::json!({"id": "note-1", "target": {"goal": "goal-1"}, "text": "a"}))
                .unwrap();
        assert_eq!((back.target, back.votes), (NoteTarget::Goal(Id::from("goal-1")), 0));
    }
}
