//! The one walk over a strategy that validation follows, in document order: the strategy's own
//! values, the indicators, the ids of goals, measures and initiatives (their duplicates), then
//! their values, the indicators nobody refers to, the workshops. `validate` walks the whole
//! strategy; `validate_entity` walks the same steps at the places of one id only, so the two
//! cannot disagree on what they find or in what order. The places it visits are numbered in
//! `places`, for both the walk and the index (`structure`).

use super::places::{entities, entity_at, IdPlace, Referrer};
use super::problem::Problem;
use super::validator::Validator;
use crate::model::{Indicator, Strategy};

/// What a walk visits: the whole strategy, or only the places one id is defined at (an
/// indicator, goal, measure or initiative; the strategy's own values and the workshops are
/// then left out).
#[derive(Clone, Copy)]
pub(super) enum Scope<'p> {
    Whole,
    Places(&'p [IdPlace]),
}

impl<'p> Scope<'p> {
    fn indicators<'s>(self, s: &'s Strategy) -> Box<dyn Iterator<Item = (usize, &'s Indicator)> + 's>
    where
        'p: 's,
    {
        match self {
            Scope::Whole => Box::new(s.indicators.iter().map(|ind| &**ind).enumerate()),
            Scope::Places(places) => Box::new(places.iter().filter_map(|p| match *p {
                IdPlace::Indicator(i) => s.indicators.get(i).map(|ind| (i, &**ind)),
                _ => None,
            })),
        }
    }

    fn entities<'s>(self, s: &'s Strategy) -> Box<dyn Iterator<Item = (IdPlace, Referrer<'s>)> + 's>
    where
        'p: 's,
    {
        match self {
            Scope::Whole => Box::new(entities(s)),
            Scope::Places(places) => Box::new(places.iter().filter_map(|&p| entity_at(s, p).map(|e| (p, e)))),
        }
    }
}

impl Validator<'_> {
    /// Every check in `scope`, in document order.
    pub(super) fn walk(mut self, scope: Scope<'_>) -> Vec<Problem> {
        let s = self.s;
        let whole = matches!(scope, Scope::Whole);
        if whole {
            self.strategy();
        }
        for (i, ind) in scope.indicators(s) {
            self.indicator(i, ind);
        }
        // The duplicates among goals, measures and initiatives first, then their values.
        for (place, entity) in scope.entities(s) {
            self.define(entity.id(), place);
        }
        for (place, entity) in scope.entities(s) {
            match entity {
                Referrer::Goal(g) => self.goal(place, g),
                Referrer::Measure(m) => self.measure(place, m),
                Referrer::Initiative(i) => self.initiative(place, i),
            }
        }
        for (i, ind) in scope.indicators(s) {
            self.unused(i, ind);
        }
        if whole {
            self.workshops();
            self.rounds();
            self.hearings();
            self.population();
        }
        self.problems
    }
}
