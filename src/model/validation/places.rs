//! The places of a strategy where an id is defined, numbered in document order: the walk of
//! validation visits them, and the index of ids (`structure`) points at them.

use crate::model::{Goal, Id, Initiative, Measure, Strategy};
use std::iter::once;

/// Where an id is defined.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum IdPlace {
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

impl std::fmt::Display for IdPlace {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match *self {
            IdPlace::Strategy => Ok(()),
            IdPlace::Section(i) => write!(f, "sections[{i}]"),
            IdPlace::NationalGoal(i) => write!(f, "national_framework.goals[{i}]"),
            IdPlace::Schedule(i) => write!(f, "schedule[{i}]"),
            IdPlace::Department(i) => write!(f, "departments[{i}]"),
            IdPlace::Indicator(i) => write!(f, "indicators[{i}]"),
            IdPlace::Series(i, s) => write!(f, "indicators[{i}].series[{s}]"),
            IdPlace::Goal(g) => write!(f, "goals[{g}]"),
            IdPlace::Measure(g, m) => write!(f, "goals[{g}].measures[{m}]"),
            IdPlace::Initiative(g, m, i) => write!(f, "goals[{g}].measures[{m}].initiatives[{i}]"),
            IdPlace::Workshop(w) => write!(f, "workshops[{w}]"),
            IdPlace::Note(w, n) => write!(f, "workshops[{w}].notes[{n}]"),
            IdPlace::Round(r) => write!(f, "rounds[{r}]"),
            IdPlace::Answer(r, a) => write!(f, "rounds[{r}].answers[{a}]"),
            IdPlace::Hearing(h) => write!(f, "hearings[{h}]"),
            IdPlace::Opinion(o) => write!(f, "opinions[{o}]"),
        }
    }
}

/// The ids defined before the indicators, with their places: the strategy's, its sections',
/// its national goals', its schedule's and its sections' (担当課).
pub(super) fn head(s: &Strategy) -> impl Iterator<Item = (IdPlace, &Id)> {
    std::iter::once((IdPlace::Strategy, &s.id))
        .chain(s.sections.iter().enumerate().map(|(i, x)| (IdPlace::Section(i), &x.id)))
        .chain(s.national_framework.goals.iter().enumerate().map(|(i, x)| (IdPlace::NationalGoal(i), &x.id)))
        .chain(s.schedule.iter().enumerate().map(|(i, x)| (IdPlace::Schedule(i), &x.id)))
        .chain(s.departments.iter().enumerate().map(|(i, x)| (IdPlace::Department(i), &x.id)))
}

/// A goal, a measure or an initiative: what refers to indicators.
#[derive(Clone, Copy)]
pub(super) enum Referrer<'a> {
    Goal(&'a Goal),
    Measure(&'a Measure),
    Initiative(&'a Initiative),
}

impl<'a> Referrer<'a> {
    pub(super) fn id(self) -> &'a Id {
        match self {
            Referrer::Goal(g) => &g.id,
            Referrer::Measure(m) => &m.id,
            Referrer::Initiative(i) => &i.id,
        }
    }

    /// The indicators it refers to: a goal's 数値目標, a measure's or an initiative's KPIs.
    pub(super) fn indicator_refs(self) -> &'a [Id] {
        match self {
            Referrer::Goal(g) => &g.targets,
            Referrer::Measure(m) => &m.kpis,
            Referrer::Initiative(i) => &i.kpis,
        }
    }
}

/// Every goal, measure and initiative with its place, in document order (each goal, then its
/// measures, each followed by its initiatives).
pub(super) fn entities(s: &Strategy) -> impl Iterator<Item = (IdPlace, Referrer<'_>)> {
    s.goals.iter().enumerate().flat_map(|(gi, g)| {
        once((IdPlace::Goal(gi), Referrer::Goal(g))).chain(g.measures.iter().enumerate().flat_map(move |(mi, m)| {
            once((IdPlace::Measure(gi, mi), Referrer::Measure(m))).chain(
                m.initiatives
                    .iter()
                    .enumerate()
                    .map(move |(ii, i)| (IdPlace::Initiative(gi, mi, ii), Referrer::Initiative(i))),
            )
        }))
    })
}

/// The goal, measure or initiative at `place`, if that is one.
pub(super) fn entity_at(s: &Strategy, place: IdPlace) -> Option<Referrer<'_>> {
    let goal = |g: usize| s.goals.get(g);
    let measure = |g: usize, m: usize| goal(g).and_then(|g| g.measures.get(m));
    match place {
        IdPlace::Goal(g) => goal(g).map(|g| Referrer::Goal(g)),
        IdPlace::Measure(g, m) => measure(g, m).map(|m| Referrer::Measure(m)),
        IdPlace::Initiative(g, m, i) => {
            measure(g, m).and_then(|m| m.initiatives.get(i)).map(|i| Referrer::Initiative(i))
        }
        _ => None,
    }
}
