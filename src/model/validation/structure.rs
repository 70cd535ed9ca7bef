//! The index validation looks ids up in: where every id is defined and which indicators are
//! referred to (`Defs`), made for one `validate`, or kept as a [`Structure`] so that
//! `validate_entity` checks one entity without walking the rest of the strategy again.

use super::places::{entities, head, IdPlace};
use crate::model::{Goal, Id, Indicator, Strategy};
use std::borrow::Borrow;
use std::collections::hash_map::Entry;
use std::hash::Hash;
use std::sync::Arc;
// Fx hashing: validation hashes every id of the strategy, and SipHash (the standard one, made
// to resist flooding by untrusted keys) is a large share of it in a profile.
use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};

/// What checking one entity needs to know of the whole strategy: where every id is defined
/// (workshops left out: they come last and have no references to check) and which ids goals,
/// measures and initiatives refer to. Making it walks and hashes every id; it stays true while
/// no id or reference changes — after an edit of a value or a title it still [fits](Self::fits).
pub struct Structure {
    pub(super) defs: Defs<Id>,
    /// What it was made from: the ids before the indicators with their places, and the goals'
    /// and indicators' `Arc`s (compared by pointer first).
    head: Vec<(IdPlace, Id)>,
    goals: Vec<Arc<Goal>>,
    indicators: Vec<Arc<Indicator>>,
}

impl Structure {
    pub fn of(s: &Strategy) -> Structure {
        Structure {
            defs: Defs::of(s, Extent::Goals, Id::clone),
            head: head(s).map(|(p, id)| (p, id.clone())).collect(),
            goals: s.goals.clone(),
            indicators: s.indicators.clone(),
        }
    }

    /// Whether every id and every indicator reference of `s` is where it was in the strategy
    /// this was made of. A goal or indicator whose `Arc` is the same is not looked into; in one
    /// that changed (the one edited), only its ids and references are compared.
    pub fn fits(&self, s: &Strategy) -> bool {
        fn same_kpis<T>(a: &Arc<T>, b: &Arc<T>, id: fn(&T) -> &Id, kpis: fn(&T) -> &[Id]) -> bool {
            Arc::ptr_eq(a, b) || (id(a) == id(b) && kpis(a) == kpis(b))
        }
        let same_goal = |a: &Arc<Goal>, b: &Arc<Goal>| {
            Arc::ptr_eq(a, b)
                || (a.id == b.id
                    && a.targets == b.targets
                    && a.measures.len() == b.measures.len()
                    && a.measures.iter().zip(&b.measures).all(|(a, b)| {
                        same_kpis(a, b, |m| &m.id, |m| &m.kpis)
                            && a.initiatives.len() == b.initiatives.len()
                            && a.initiatives
                                .iter()
                                .zip(&b.initiatives)
                                .all(|(a, b)| same_kpis(a, b, |i| &i.id, |i| &i.kpis))
                    }))
        };
        let same_indicator = |a: &Arc<Indicator>, b: &Arc<Indicator>| {
            Arc::ptr_eq(a, b)
                || (a.id == b.id
                    && a.series.len() == b.series.len()
                    && a.series.iter().zip(&b.series).all(|(a, b)| a.id == b.id))
        };
        self.head.iter().map(|(p, id)| (*p, id)).eq(head(s))
            && self.goals.len() == s.goals.len()
            && self.goals.iter().zip(&s.goals).all(|(a, b)| same_goal(a, b))
            && self.indicators.len() == s.indicators.len()
            && self.indicators.iter().zip(&s.indicators).all(|(a, b)| same_indicator(a, b))
    }
}

/// Where each id is defined, in document order, and the ids goals, measures and initiatives
/// refer to as indicators. `K` is the id borrowed for one validation, or owned by a kept
/// [`Structure`].
pub(super) struct Defs<K> {
    places: HashMap<K, Places>,
    referred: HashSet<K>,
    /// Whether some id is defined twice (most strategies: no, and no place need be looked up).
    duplicates: bool,
}

/// The places of one id: almost always one (no allocation then).
enum Places {
    One(IdPlace),
    Many(Vec<IdPlace>),
}

impl<K: Borrow<Id> + Hash + Eq> Defs<K> {
    /// `Extent::Whole`: with the workshops' and their notes' ids, the rounds' and their answers',
    /// and the hearings' and opinions'.
    pub(super) fn of<'a>(s: &'a Strategy, extent: Extent, key: impl Fn(&'a Id) -> K) -> Defs<K> {
        let mut places: HashMap<K, Places> = HashMap::default();
        let mut duplicates = false;
        let mut define = |id: &'a Id, place: IdPlace| match places.entry(key(id)) {
            Entry::Vacant(e) => {
                e.insert(Places::One(place));
            }
            Entry::Occupied(mut e) => {
                duplicates = true;
                let e = e.get_mut();
                match e {
                    Places::One(first) => *e = Places::Many(vec![*first, place]),
                    Places::Many(all) => all.push(place),
                }
            }
        };
        for (place, id) in head(s) {
            define(id, place);
        }
        for (i, ind) in s.indicators.iter().enumerate() {
            define(&ind.id, IdPlace::Indicator(i));
            for (si, series) in ind.series.iter().enumerate() {
                define(&series.id, IdPlace::Series(i, si));
            }
        }
        let mut refs: Vec<&'a Id> = Vec::new();
        for (place, entity) in entities(s) {
            define(entity.id(), place);
            refs.extend(entity.indicator_refs());
        }
        if extent == Extent::Whole {
            for (wi, w) in s.workshops.iter().enumerate() {
                define(&w.id, IdPlace::Workshop(wi));
                for (ni, n) in w.notes.iter().enumerate() {
                    define(&n.id, IdPlace::Note(wi, ni));
                }
            }
            for (ri, r) in s.rounds.iter().enumerate() {
                define(&r.id, IdPlace::Round(ri));
                for (ai, a) in r.answers.iter().enumerate() {
                    define(&a.id, IdPlace::Answer(ri, ai));
                }
            }
            for (hi, h) in s.hearings.iter().enumerate() {
                define(&h.id, IdPlace::Hearing(hi));
            }
            for (oi, o) in s.opinions.iter().enumerate() {
                define(&o.id, IdPlace::Opinion(oi));
            }
        }
        let referred = refs.into_iter().map(key).collect();
        Defs { places, referred, duplicates }
    }
}

/// How much of a strategy [`Defs`] reads.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Extent {
    /// Every id, the workshops', rounds' and hearings' too.
    Whole,
    /// The ids of the goals' tree and the indicators (what an edit's structure compares).
    Goals,
}

/// What the validator asks of [`Defs`], whichever way it holds its ids.
pub(super) trait Lookup {
    /// Every place `id` is defined, in document order.
    fn places(&self, id: &Id) -> &[IdPlace];
    /// Whether a goal, measure or initiative refers to `id` as an indicator.
    fn referred(&self, id: &Id) -> bool;
    /// Whether some id is defined more than once.
    fn duplicates(&self) -> bool;
}

impl<K: Borrow<Id> + Hash + Eq> Lookup for Defs<K> {
    fn places(&self, id: &Id) -> &[IdPlace] {
        match self.places.get(id) {
            None => &[],
            Some(Places::One(place)) => std::slice::from_ref(place),
            Some(Places::Many(all)) => all,
        }
    }
    fn duplicates(&self) -> bool {
        self.duplicates
    }
    fn referred(&self, id: &Id) -> bool {
        self.referred.contains(id)
    }
}
