//! What the merge can leave alone: the initiatives and indicators that all three versions hold
//! identically. Most of a large strategy is their yearly rows (budgets, actuals); the merge works
//! on stand-ins without those rows and puts the entities back whole afterwards.

use crate::model::{Indicator, Initiative, Strategy};
use rustc_hash::FxHashMap as HashMap;
use std::sync::Arc;

/// Each unchanged entity by id: whole, and its stand-in (made once, shared by the three
/// versions).
#[derive(Clone, Debug, Default)]
pub(super) struct Unchanged {
    initiatives: HashMap<String, (Arc<Initiative>, Arc<Initiative>)>,
    indicators: HashMap<String, (Arc<Indicator>, Arc<Indicator>)>,
}

fn initiatives(s: &Strategy) -> impl Iterator<Item = &Arc<Initiative>> {
    s.goals.iter().flat_map(|g| g.measures.iter()).flat_map(|m| m.initiatives.iter())
}

fn indicators(s: &Strategy) -> HashMap<&str, &Arc<Indicator>> {
    s.indicators.iter().map(|i| (i.id.as_str(), i)).collect()
}

fn same<T: PartialEq>(a: &Arc<T>, b: &Arc<T>) -> bool {
    Arc::ptr_eq(a, b) || **a == **b
}

impl Unchanged {
    pub fn of(base: &Strategy, ours: &Strategy, theirs: &Strategy) -> Unchanged {
        let index = |s| initiatives(s).map(|i| (i.id.as_str(), i)).collect::<HashMap<&str, _>>();
        let (oi, ti) = (index(ours), index(theirs));
        let initiatives = initiatives(base)
            .filter(|b| {
                oi.get(b.id.as_str()).is_some_and(|o| same(o, b)) && ti.get(b.id.as_str()).is_some_and(|t| same(t, b))
            })
            .map(|b| (b.id.0.clone(), (b.clone(), Arc::new(Initiative { years: Vec::new(), ..(**b).clone() }))))
            .collect();
        let (on, tn) = (indicators(ours), indicators(theirs));
        let indicators = base
            .indicators
            .iter()
            .filter(|b| {
                on.get(b.id.as_str()).is_some_and(|o| same(o, b)) && tn.get(b.id.as_str()).is_some_and(|t| same(t, b))
            })
            .map(|b| (b.id.0.clone(), (b.clone(), Arc::new(Indicator { series: Vec::new(), ..(**b).clone() }))))
            .collect();
        Unchanged { initiatives, indicators }
    }

    /// `s` with each unchanged entity replaced by a stand-in without its yearly rows (an
    /// indicator without its series, an initiative without its years). The stand-ins are the
    /// same in all three versions, so the merge changes nothing in them.
    pub fn stand_ins(&self, s: &Strategy) -> Strategy {
        let mut s = s.clone();
        self.replace(&mut s, |(_, stand_in)| stand_in, |(_, stand_in)| stand_in);
        s
    }

    /// The entities back in place of their stand-ins.
    pub fn put_back(&self, s: &mut Strategy) {
        self.replace(s, |(whole, _)| whole, |(whole, _)| whole);
    }

    /// Each unchanged initiative and indicator of `s` replaced by the one `initiative` and
    /// `indicator` pick of the pair (whole, stand-in).
    fn replace(
        &self,
        s: &mut Strategy,
        initiative: impl Fn(&(Arc<Initiative>, Arc<Initiative>)) -> &Arc<Initiative>,
        indicator: impl Fn(&(Arc<Indicator>, Arc<Indicator>)) -> &Arc<Indicator>,
    ) {
        for g in &mut s.goals {
            if !g
                .measures
                .iter()
                .flat_map(|m| m.initiatives.iter())
                .any(|i| self.initiatives.contains_key(i.id.as_str()))
            {
                continue;
            }
            for m in &mut Arc::make_mut(g).measures {
                for i in &mut Arc::make_mut(m).initiatives {
                    if let Some(pair) = self.initiatives.get(i.id.as_str()) {
                        *i = initiative(pair).clone();
                    }
                }
            }
        }
        for i in &mut s.indicators {
            if let Some(pair) = self.indicators.get(i.id.as_str()) {
                *i = indicator(pair).clone();
            }
        }
    }
}
