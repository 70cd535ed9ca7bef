//! Binding editor fields to the open strategy: a field reads a `Memo` of one value (so only
//! that input updates when the strategy changes) and writes through `AppState::edit` (one undo
//! step, autosaved).

use crate::model::{Goal, Id, Indicator, Initiative, Measure, Strategy};
use crate::ui::state::{use_app, AppState};
use leptos::prelude::*;

/// A value read from the open strategy (the type's default when nothing is open).
pub fn read<T>(get: impl Fn(&Strategy) -> T + Send + Sync + 'static) -> Memo<T>
where
    T: PartialEq + Clone + Default + Send + Sync + 'static,
{
    let state = use_app();
    Memo::new(move |_| state.open.with(|o| o.as_ref().map(&get)).unwrap_or_default())
}

/// A value of the goal with this id.
pub fn goal<T>(id: &Id, get: impl Fn(&Goal) -> T + Send + Sync + 'static) -> Memo<T>
where
    T: PartialEq + Clone + Default + Send + Sync + 'static,
{
    let id = id.clone();
    read(move |s| s.goals.iter().find(|g| g.id == id).map(|g| get(g)).unwrap_or_default())
}

pub fn measure<T>(id: &Id, get: impl Fn(&Measure) -> T + Send + Sync + 'static) -> Memo<T>
where
    T: PartialEq + Clone + Default + Send + Sync + 'static,
{
    let id = id.clone();
    read(move |s| s.measures().find(|(_, m)| m.id == id).map(|(_, m)| get(m)).unwrap_or_default())
}

pub fn initiative<T>(id: &Id, get: impl Fn(&Initiative) -> T + Send + Sync + 'static) -> Memo<T>
where
    T: PartialEq + Clone + Default + Send + Sync + 'static,
{
    let id = id.clone();
    read(move |s| s.initiative(&id).map(&get).unwrap_or_default())
}

pub fn indicator<T>(id: &Id, get: impl Fn(&Indicator) -> T + Send + Sync + 'static) -> Memo<T>
where
    T: PartialEq + Clone + Default + Send + Sync + 'static,
{
    let id = id.clone();
    read(move |s| s.indicator(&id).map(&get).unwrap_or_default())
}

/// A callback that changes the strategy with a value.
pub fn write<T: 'static>(f: impl Fn(&mut Strategy, T) + Send + Sync + 'static) -> Callback<T> {
    let state = use_app();
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
pub fn label(state: AppState, ja: &'static str, en: &'static str) -> Signal<String> {
    Signal::derive(move || state.tr(ja, en).to_owned())
}
