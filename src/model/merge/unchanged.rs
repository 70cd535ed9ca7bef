//! What the merge can leave alone: the measures, initiatives and indicators that all three
//! versions hold identically. Most of a large strategy is their yearly rows (budgets, actuals)
//! and the initiatives under measures nobody touched; the merge works on stand-ins without
//! them and puts the entities back whole afterwards.
//!
//! A measure stands in without its initiatives and evaluations only where nothing the merge
//! looks at leads into them: no re-listing (再掲) in any version names one of its initiatives
//! (the merge would take the re-listing for one of something gone), and whatever its initiatives
//! refer to — indicators (KPIs), sections (担当課) — all three versions hold alike (a conflict
//! about an indicator is shown where it is used first, and a removal checks what refers to it).

use crate::model::{Id, Indicator, Initiative, Measure, Strategy};
use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};
use std::sync::Arc;

/// Each unchanged entity by id: whole, and its stand-in (made once, shared by the three
/// versions).
#[derive(Clone, Debug, Default)]
pub(super) struct Unchanged {
    measures: HashMap<String, (Arc<Measure>, Arc<Measure>)>,
    initiatives: HashMap<String, (Arc<Initiative>, Arc<Initiative>)>,
    indicators: HashMap<String, (Arc<Indicator>, Arc<Indicator>)>,
}

fn measures(s: &Strategy) -> impl Iterator<Item = &Arc<Measure>> {
    s.goals.iter().flat_map(|g| g.measures.iter())
}

fn by_id<'a, T: 'a>(all: impl Iterator<Item = &'a Arc<T>>, id: impl Fn(&T) -> &Id) -> HashMap<&'a str, &'a Arc<T>> {
    all.map(|x| (id(x).as_str(), x)).collect()
}

/// The initiatives of the measures that do not stand in.
fn outside<'a, V>(s: &'a Strategy, measures: &'a HashMap<String, V>) -> impl Iterator<Item = &'a Arc<Initiative>> {
    self::measures(s).filter(|m| !measures.contains_key(m.id.as_str())).flat_map(|m| m.initiatives.iter())
}

fn same<T: PartialEq>(a: &Arc<T>, b: &Arc<T>) -> bool {
    Arc::ptr_eq(a, b) || **a == **b
}

/// The entities of `base` that `ours` and `theirs` hold identically, by id.
fn alike<'a, T: PartialEq + 'a>(
    base: impl Iterator<Item = &'a Arc<T>>,
    [ours, theirs]: [&HashMap<&str, &Arc<T>>; 2],
    id: impl Fn(&T) -> &Id,
) -> Vec<&'a Arc<T>> {
    base.filter(|b| {
        let id = id(b).as_str();
        ours.get(id).is_some_and(|o| same(o, b)) && theirs.get(id).is_some_and(|t| same(t, b))
    })
    .collect()
}

impl Unchanged {
    pub fn of(base: &Strategy, ours: &Strategy, theirs: &Strategy) -> Unchanged {
        let all = [base, ours, theirs];
        let (on, tn) = (by_id(ours.indicators.iter(), |i| &i.id), by_id(theirs.indicators.iter(), |i| &i.id));
        let indicators: HashMap<String, _> = alike(base.indicators.iter(), [&on, &tn], |i| &i.id)
            .into_iter()
            .map(|b| (b.id.0.clone(), (b.clone(), Arc::new(Indicator { series: Vec::new(), ..(**b).clone() }))))
            .collect();
        let relisted: HashSet<&str> =
            all.iter().flat_map(|s| measures(s)).flat_map(|m| &m.relisted).map(|r| r.initiative.as_str()).collect();
        let departments = |id: &Id| all.iter().all(|s| s.departments.iter().any(|d| d.id == *id));
        let quiet = |i: &Initiative| {
            !relisted.contains(i.id.as_str())
                && i.kpis.iter().all(|k| indicators.contains_key(k.as_str()))
                && i.department.as_ref().is_none_or(departments)
        };
        let (om, tm) = (by_id(measures(ours), |m| &m.id), by_id(measures(theirs), |m| &m.id));
        let measures: HashMap<String, _> = alike(measures(base), [&om, &tm], |m| &m.id)
            .into_iter()
            .filter(|m| m.initiatives.iter().all(|i| quiet(i)))
            .map(|b| {
                let stand_in = Measure { initiatives: Vec::new(), evaluations: Vec::new(), ..(**b).clone() };
                (b.id.0.clone(), (b.clone(), Arc::new(stand_in)))
            })
            .collect();
        let (oi, ti) = [ours, theirs].map(|s| by_id(outside(s, &measures), |i| &i.id)).into();
        let initiatives = alike(outside(base, &measures), [&oi, &ti], |i| &i.id)
            .into_iter()
            .map(|b| (b.id.0.clone(), (b.clone(), Arc::new(Initiative { years: Vec::new(), ..(**b).clone() }))))
            .collect();
        Unchanged { measures, initiatives, indicators }
    }

    /// `s` with each unchanged entity replaced by a stand-in without its yearly rows (an
    /// indicator without its series, an initiative without its years, a measure without its
    /// initiatives and evaluations). The stand-ins are the same in all three versions, so the
    /// merge changes nothing in them.
    pub fn stand_ins(&self, s: &Strategy) -> Strategy {
        let mut s = s.clone();
        self.replace(&mut s, false);
        s
    }

    /// The entities back in place of their stand-ins.
    pub fn put_back(&self, s: &mut Strategy) {
        self.replace(s, true);
    }

    /// Each unchanged measure, initiative and indicator of `s` replaced by the whole one
    /// (`whole`) or its stand-in.
    fn replace(&self, s: &mut Strategy, whole: bool) {
        fn pick<T>(pair: &(Arc<T>, Arc<T>), whole: bool) -> Arc<T> {
            if whole {
                pair.0.clone()
            } else {
                pair.1.clone()
            }
        }
        for g in &mut s.goals {
            if !g.measures.iter().any(|m| {
                self.measures.contains_key(m.id.as_str())
                    || m.initiatives.iter().any(|i| self.initiatives.contains_key(i.id.as_str()))
            }) {
                continue;
            }
            for m in &mut Arc::make_mut(g).measures {
                if let Some(pair) = self.measures.get(m.id.as_str()) {
                    *m = pick(pair, whole);
                    continue;
                }
                if !m.initiatives.iter().any(|i| self.initiatives.contains_key(i.id.as_str())) {
                    continue;
                }
                for i in &mut Arc::make_mut(m).initiatives {
                    if let Some(pair) = self.initiatives.get(i.id.as_str()) {
                        *i = pick(pair, whole);
                    }
                }
            }
        }
        for i in &mut s.indicators {
            if let Some(pair) = self.indicators.get(i.id.as_str()) {
                *i = pick(pair, whole);
            }
        }
    }
}
