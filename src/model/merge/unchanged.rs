//! What the merge can leave alone: the initiatives and indicators that all three versions hold
//! identically. Most of a large strategy is their yearly rows (budgets, actuals); the merge works
//! on stand-ins without those rows and puts the entities back whole afterwards.

use crate::model::{Indicator, Initiative, Strategy};
use rustc_hash::FxHashMap as HashMap;
use std::sync::Arc;

#[derive(Clone, Debug, Default)]
pub(super) struct Unchanged {
    initiatives: HashMap<String, Arc<Initiative>>,
    indicators: HashMap<String, Arc<Indicator>>,
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
            .map(|b| (b.id.0.clone(), b.clone()))
            .collect();
        let (on, tn) = (indicators(ours), indicators(theirs));
        let indicators = base
            .indicators
            .iter()
            .filter(|b| {
                on.get(b.id.as_str()).is_some_and(|o| same(o, b)) && tn.get(b.id.as_str()).is_some_and(|t| same(t, b))
            })
            .map(|b| (b.id.0.clone(), b.clone()))
            .collect();
        Unchanged { initiatives, indicators }
    }

    /// `s` with each unchanged entity replaced by a stand-in without its yearly rows (an
    /// indicator without its series, an initiative without its years). The stand-ins are the
    /// same in all three versions, so the merge changes nothing in them.
    pub fn stand_ins(&self, s: &Strategy) -> Strategy {
        let mut s = s.clone();
        self.replace(
            &mut s,
            |i, _| Arc::new(Initiative { years: Vec::new(), ..(**i).clone() }),
            |i, _| Arc::new(Indicator { series: Vec::new(), ..(**i).clone() }),
        );
        s
    }

    /// The entities back in place of their stand-ins.
    pub fn put_back(&self, s: &mut Strategy) {
        self.replace(s, |_, whole| whole.clone(), |_, whole| whole.clone());
    }

    /// Each unchanged initiative and indicator of `s` replaced by what `initiative` and
    /// `indicator` make of it (and of the entity as all three versions hold it).
    fn replace(
        &self,
        s: &mut Strategy,
        initiative: impl Fn(&Arc<Initiative>, &Arc<Initiative>) -> Arc<Initiative>,
        indicator: impl Fn(&Arc<Indicator>, &Arc<Indicator>) -> Arc<Indicator>,
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
                    if let Some(whole) = self.initiatives.get(i.id.as_str()) {
                        *i = initiative(i, whole);
                    }
                }
            }
        }
        for i in &mut s.indicators {
            if let Some(whole) = self.indicators.get(i.id.as_str()) {
                *i = indicator(i, whole);
            }
        }
    }
}
