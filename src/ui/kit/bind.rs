//! Binding editor fields to the open strategy: a field reads a `Memo` of one value (so only
//! that input updates when the strategy changes) and writes through `Edits::edit` (one undo
//! step, autosaved).

use crate::model::{Goal, Id, Indicator, Initiative, Measure, Strategy};
use crate::ui::speech::Speaks;
use crate::ui::state::use_edits;
use leptos::prelude::*;
use std::sync::Arc;

/// A value read from the open strategy (the type's default when nothing is open).
pub fn read<T>(get: impl Fn(&Strategy) -> T + Send + Sync + 'static) -> Memo<T>
where
    T: PartialEq + Clone + Default + Send + Sync + 'static,
{
    let state = use_edits();
    Memo::new(move |_| state.open.with(|o| o.as_ref().map(&get)).unwrap_or_default())
}

/// The open strategy's goals, compared by identity: an edit outside them (an indicator's
/// values) leaves every goal's `Arc` as it was, and what is made from this is not made again.
pub fn goals() -> Memo<Option<Vec<Arc<Goal>>>> {
    by_identity(|s| &s.goals)
}

/// The open strategy's indicators, compared by identity (see [`goals`]).
pub fn indicators() -> Memo<Option<Vec<Arc<Indicator>>>> {
    by_identity(|s| &s.indicators)
}

fn by_identity<T: Send + Sync + 'static>(list: fn(&Strategy) -> &Vec<Arc<T>>) -> Memo<Option<Vec<Arc<T>>>> {
    let state = use_edits();
    Memo::new_with_compare(
        move |_| state.open.with(|o| o.as_ref().map(|s| list(s).clone())),
        |old, new| !matches!((old, new), (Some(Some(a)), Some(Some(b))) if a.len() == b.len() && a.iter().zip(b).all(|(x, y)| Arc::ptr_eq(x, y))),
    )
}

/// A value of the goal with this id.
pub fn goal<T>(id: &Id, get: impl Fn(&Goal) -> T + Send + Sync + 'static) -> Memo<T>
where
    T: PartialEq + Clone + Default + Send + Sync + 'static,
{
    let (id, seen) = (id.clone(), LastSeen::default());
    read(move |s| seen.goal(s, &id).map(&get).unwrap_or_default())
}

pub fn measure<T>(id: &Id, get: impl Fn(&Measure) -> T + Send + Sync + 'static) -> Memo<T>
where
    T: PartialEq + Clone + Default + Send + Sync + 'static,
{
    let (id, seen) = (id.clone(), LastSeen::default());
    read(move |s| seen.measure(s, &id).map(&get).unwrap_or_default())
}

pub fn initiative<T>(id: &Id, get: impl Fn(&Initiative) -> T + Send + Sync + 'static) -> Memo<T>
where
    T: PartialEq + Clone + Default + Send + Sync + 'static,
{
    let (id, seen) = (id.clone(), LastSeen::default());
    read(move |s| seen.initiative(s, &id).map(&get).unwrap_or_default())
}

pub fn indicator<T>(id: &Id, get: impl Fn(&Indicator) -> T + Send + Sync + 'static) -> Memo<T>
where
    T: PartialEq + Clone + Default + Send + Sync + 'static,
{
    let (id, seen) = (id.clone(), LastSeen::default());
    read(move |s| seen.indicator(s, &id).map(&get).unwrap_or_default())
}

/// Where a field's entity was found the last time (its indices): the next lookup looks there
/// first. Every field of a form reads its entity again after each edit, and an edit rarely moves
/// one; without this, each field would scan a large strategy after every edit. (Ids are unique:
/// a strategy with a duplicate id is refused on import and never made by editing.)
#[derive(Default)]
pub struct LastSeen(std::sync::Mutex<[usize; 3]>);

impl LastSeen {
    fn get(&self) -> [usize; 3] {
        self.0.lock().map(|at| *at).unwrap_or_default()
    }

    fn set(&self, at: [usize; 3]) {
        if let Ok(mut last) = self.0.lock() {
            *last = at;
        }
    }

    /// An entity of a flat list (goals, indicators).
    fn in_list<'s, T>(&self, list: &'s [Arc<T>], id: &Id, id_of: fn(&T) -> &Id) -> Option<&'s T> {
        let [k, ..] = self.get();
        if let Some(x) = list.get(k).filter(|x| id_of(x) == id) {
            return Some(x);
        }
        let k = list.iter().position(|x| id_of(x) == id)?;
        self.set([k, 0, 0]);
        Some(&list[k])
    }

    fn goal<'s>(&self, s: &'s Strategy, id: &Id) -> Option<&'s Goal> {
        self.in_list(&s.goals, id, |g| &g.id)
    }

    fn measure<'s>(&self, s: &'s Strategy, id: &Id) -> Option<&'s Measure> {
        let [g, m, _] = self.get();
        if let Some(x) = s.goals.get(g).and_then(|x| x.measures.get(m)).filter(|x| &x.id == id) {
            return Some(x);
        }
        let (g, m) = s
            .goals
            .iter()
            .enumerate()
            .find_map(|(g, x)| x.measures.iter().position(|x| &x.id == id).map(|m| (g, m)))?;
        self.set([g, m, 0]);
        Some(&s.goals[g].measures[m])
    }

    fn initiative<'s>(&self, s: &'s Strategy, id: &Id) -> Option<&'s Initiative> {
        let [g, m, i] = self.get();
        if let Some(x) =
            s.goals.get(g).and_then(|x| x.measures.get(m)).and_then(|x| x.initiatives.get(i)).filter(|x| &x.id == id)
        {
            return Some(x);
        }
        let at = s.goals.iter().enumerate().find_map(|(g, x)| {
            x.measures
                .iter()
                .enumerate()
                .find_map(|(m, x)| x.initiatives.iter().position(|x| &x.id == id).map(|i| [g, m, i]))
        })?;
        self.set(at);
        let [g, m, i] = at;
        Some(&s.goals[g].measures[m].initiatives[i])
    }

    pub fn indicator<'s>(&self, s: &'s Strategy, id: &Id) -> Option<&'s Indicator> {
        self.in_list(&s.indicators, id, |i| &i.id)
    }
}

/// A callback that changes the strategy with a value.
pub fn write<T: 'static>(f: impl Fn(&mut Strategy, T) + Send + Sync + 'static) -> Callback<T> {
    let state = use_edits();
    Callback::new(move |v: T| state.edit(|s| f(s, v)))
}

/// Writes into the goal with this id.
pub fn write_goal<T: 'static>(id: &Id, f: impl Fn(&mut Goal, T) + Send + Sync + 'static) -> Callback<T> {
    let id = id.clone();
    write(move |s, v| {
        if let Some(g) = s.goal_mut(&id) {
            f(g, v)
        }
    })
}

pub fn write_measure<T: 'static>(id: &Id, f: impl Fn(&mut Measure, T) + Send + Sync + 'static) -> Callback<T> {
    let id = id.clone();
    write(move |s, v| {
        if let Some(m) = s.measure_mut(&id) {
            f(m, v)
        }
    })
}

pub fn write_initiative<T: 'static>(id: &Id, f: impl Fn(&mut Initiative, T) + Send + Sync + 'static) -> Callback<T> {
    let id = id.clone();
    write(move |s, v| {
        if let Some(i) = s.initiative_mut(&id) {
            f(i, v)
        }
    })
}

pub fn write_indicator<T: 'static>(id: &Id, f: impl Fn(&mut Indicator, T) + Send + Sync + 'static) -> Callback<T> {
    let id = id.clone();
    write(move |s, v| {
        if let Some(i) = s.indicator_mut(&id) {
            f(i, v)
        }
    })
}

/// A label in the current language.
pub fn label(state: impl Speaks, ja: &'static str, en: &'static str) -> Signal<String> {
    Signal::derive(move || state.tr(ja, en).to_owned())
}
