//! The places of a strategy where an id is defined, numbered in document order: the walk of
//! validation visits them, and the index of ids (`structure`) points at them.

use crate::model::{Goal, Id, Initiative, Measure, Strategy};
use std::iter::once;

/// Where an id is defined.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Place {
    Strategy,
    Section(usize),
    NationalGoal(usize),
    Schedule(usize),
    Department(usize),
    Indicator(usize),
    Series(usize, usize),
    Goal(usize),
    Measure(usize, usize),
    Initiative(usize, usize, usize),
    Workshop(usize),
    Note(usize, usize),
    Round(usize),
    Answer(usize, usize),
    Hearing(usize),
    Opinion(usize),
}

impl std::fmt::Display for Place {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match *self {
            Place::Strategy => Ok(()),
            Place::Section(i) => write!(f, "sections[{i}]"),
            Place::NationalGoal(i) => write!(f, "national_framework.goals[{i}]"),
            Place::Schedule(i) => write!(f, "schedule[{i}]"),
            Place::Department(i) => write!(f, "departments[{i}]"),
            Place::Indicator(i) => write!(f, "indicators[{i}]"),
            Place::Series(i, s) => write!(f, "indicators[{i}].series[{s}]"),
            Place::Goal(g) => write!(f, "goals[{g}]"),
            Place::Measure(g, m) => write!(f, "goals[{g}].measures[{m}]"),
            Place::Initiative(g, m, i) => write!(f, "goals[{g}].measures[{m}].initiatives[{i}]"),
            Place::Workshop(w) => write!(f, "workshops[{w}]"),
            Place::Note(w, n) => write!(f, "workshops[{w}].notes[{n}]"),
            Place::Round(r) => write!(f, "rounds[{r}]"),
            Place::Answer(r, a) => write!(f, "rounds[{r}].answers[{a}]"),
            Place::Hearing(h) => write!(f, "hearings[{h}]"),
            Place::Opinion(o) => write!(f, "opinions[{o}]"),
        }
    }
}

/// The ids defined before the indicators, with their places: the strategy's, its sections',
/// its national goals', its schedule's and its sections' (担当課).
pub(super) fn head(s: &Strategy) -> impl Iterator<Item = (Place, &Id)> {
    std::iter::once((Place::Strategy, &s.id))
        .chain(s.sections.iter().enumerate().map(|(i, x)| (Place::Section(i), &x.id)))
        .chain(s.national_framework.goals.iter().enumerate().map(|(i, x)| (Place::NationalGoal(i), &x.id)))
        .chain(s.schedule.iter().enumerate().map(|(i, x)| (Place::Schedule(i), &x.id)))
        .chain(s.departments.iter().enumerate().map(|(i, x)| (Place::Department(i), &x.id)))
}

/// A goal, a measure or an initiative: what refers to indicators.
#[derive(Clone, Copy)]
pub(super) enum Entity<'a> {
    Goal(&'a Goal),
    Measure(&'a Measure),
    Initiative(&'a Initiative),
}

impl<'a> Entity<'a> {
    pub(super) fn id(self) -> &'a Id {
        match self {
            Entity::Goal(g) => &g.id,
            Entity::Measure(m) => &m.id,
            Entity::Initiative(i) => &i.id,
        }
    }

    /// The indicators it refers to: a goal's 数値目標, a measure's or an initiative's KPIs.
    pub(super) fn indicator_refs(self) -> &'a [Id] {
        match self {
            Entity::Goal(g) => &g.targets,
            Entity::Measure(m) => &m.kpis,
            Entity::Initiative(i) => &i.kpis,
        }
    }
}

/// Every goal, measure and initiative with its place, in document order (each goal, then its
/// measures, each followed by its initiatives).
pub(super) fn entities(s: &Strategy) -> impl Iterator<Item = (Place, Entity<'_>)> {
    s.goals.iter().enumerate().flat_map(|(gi, g)| {
        once((Place::Goal(gi), Entity::Goal(g))).chain(g.measures.iter().enumerate().flat_map(move |(mi, m)| {
            once((Place::Measure(gi, mi), Entity::Measure(m))).chain(
                m.initiatives
                    .iter()
                    .enumerate()
                    .map(move |(ii, i)| (Place::Initiative(gi, mi, ii), Entity::Initiative(i))),
            )
        }))
    })
}

/// The goal, measure or initiative at `place`, if that is one.
pub(super) fn entity_at(s: &Strategy, place: Place) -> Option<Entity<'_>> {
    let goal = |g: usize| s.goals.get(g);
    let measure = |g: usize, m: usize| goal(g).and_then(|g| g.measures.get(m));
    match place {
        Place::Goal(g) => goal(g).map(|g| Entity::Goal(g)),
        Place::Measure(g, m) => measure(g, m).map(|m| Entity::Measure(m)),
        Place::Initiative(g, m, i) => measure(g, m).and_then(|m| m.initiatives.get(i)).map(|i| Entity::Initiative(i)),
        _ => None,
    }
}
