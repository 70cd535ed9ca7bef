//! What the merge can set aside: the inner parts of a measure (its initiatives and
//! evaluations), of an initiative (its yearly rows) and of an indicator (its series) that every
//! side whose changes the merge lists holds as the common version does. Most of a strategy is
//! these parts; the merge works on stand-ins without them, and the merged entity gets them back
//! after: from the side whose changes it does not list when that side changed them (a folder's
//! reading merges each member's file into everything it took before, and lists only the
//! member's changes), otherwise the common version's.
//!
//! A measure's parts are set aside only where nothing the merge looks at leads into or out of
//! them: no re-listing (再掲) or 非公開 list in any version names one of its initiatives (the
//! merge would take it for one of something gone), no version holds one of them under another
//! measure (a move), and whatever they refer to — indicators (KPIs), sections (担当課) — all
//! three versions hold, an indicator changed by one side at most (a conflict about an indicator
//! is shown where it is used first; a removal checks what refers to it). An indicator's series
//! are set aside only where no version holds one of them under another indicator.

use crate::model::{Id, Indicator, Initiative, Measure, Strategy};
use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};
use std::sync::Arc;

/// An entity whose inner parts can be set aside.
trait Parts: PartialEq + Clone {
    fn id(&self) -> &Id;
    /// Whether its inner parts are those of `other`.
    fn same_parts(&self, other: &Self) -> bool;
    /// It without its inner parts.
    fn stand_in(&self) -> Self;
    /// Its inner parts replaced by `from`'s.
    fn graft(&mut self, from: &Self);
}

impl Parts for Measure {
    fn id(&self) -> &Id {
        &self.id
    }
    fn same_parts(&self, other: &Self) -> bool {
        self.initiatives == other.initiatives && self.evaluations == other.evaluations
    }
    fn stand_in(&self) -> Self {
        Measure { initiatives: Vec::new(), evaluations: Vec::new(), ..self.clone() }
    }
    fn graft(&mut self, from: &Self) {
        self.initiatives = from.initiatives.clone();
        self.evaluations = from.evaluations.clone();
    }
}

impl Parts for Initiative {
    fn id(&self) -> &Id {
        &self.id
    }
    fn same_parts(&self, other: &Self) -> bool {
        self.years == other.years
    }
    fn stand_in(&self) -> Self {
        Initiative { years: Vec::new(), ..self.clone() }
    }
    fn graft(&mut self, from: &Self) {
        self.years = from.years.clone();
    }
}

impl Parts for Indicator {
    fn id(&self) -> &Id {
        &self.id
    }
    fn same_parts(&self, other: &Self) -> bool {
        self.series == other.series
    }
    fn stand_in(&self) -> Self {
        Indicator { series: Vec::new(), ..self.clone() }
    }
    fn graft(&mut self, from: &Self) {
        self.series = from.series.clone();
    }
}

/// One entity's parts set aside.
#[derive(Clone, Debug)]
struct Aside<T> {
    /// The version whose inner parts the merged entity gets.
    source: Arc<T>,
    /// `source` without them: the stand-in of every version that holds the entity as `source`.
    stand_in: Arc<T>,
}

impl<T: Parts> Aside<T> {
    /// `x` (a version's entity) without its inner parts.
    fn stand_in_of(&self, x: &Arc<T>) -> Arc<T> {
        if same(x, &self.source) {
            self.stand_in.clone()
        } else {
            Arc::new(x.stand_in())
        }
    }

    /// The merged entity with its inner parts back: `source` itself when the merge left the
    /// stand-in as `source` has it (a repair may have changed even what all three hold alike:
    /// a re-listing of what a choice removed).
    fn put_back(&self, x: &mut Arc<T>) {
        if same(x, &self.stand_in) {
            *x = self.source.clone();
        } else {
            Arc::make_mut(x).graft(&self.source);
        }
    }
}

/// Each entity whose parts are set aside, by id.
#[derive(Clone, Debug, Default)]
pub(super) struct Unchanged {
    measures: HashMap<String, Aside<Measure>>,
    initiatives: HashMap<String, Aside<Initiative>>,
    indicators: HashMap<String, Aside<Indicator>>,
}

fn measures(s: &Strategy) -> impl Iterator<Item = &Arc<Measure>> {
    s.goals.iter().flat_map(|g| g.measures.iter())
}

fn by_id<'a, T: Parts + 'a>(all: impl Iterator<Item = &'a Arc<T>>) -> HashMap<&'a str, &'a Arc<T>> {
    all.map(|x| (x.id().as_str(), x)).collect()
}

/// The initiatives of the measures whose parts are not set aside.
fn outside<'a, V>(s: &'a Strategy, measures: &'a HashMap<String, V>) -> impl Iterator<Item = &'a Arc<Initiative>> {
    self::measures(s).filter(|m| !measures.contains_key(m.id.as_str())).flat_map(|m| m.initiatives.iter())
}

fn same<T: PartialEq>(a: &Arc<T>, b: &Arc<T>) -> bool {
    Arc::ptr_eq(a, b) || **a == **b
}

/// The three versions, and the side whose changes are not listed (`free`: 1 ours, 2 theirs).
struct Sides<'a> {
    all: [&'a Strategy; 3],
    free: Option<usize>,
}

impl<'a> Sides<'a> {
    /// Each entity of the common version that every version holds, and whose inner parts every
    /// listed side holds as the common version does, set aside with the inner parts the merge
    /// gives back (the free side's when it changed them) — where `fits(base's, those)` allows.
    fn aside<T: Parts + 'a>(
        &self,
        of: impl Fn(&'a Strategy) -> Vec<&'a Arc<T>>,
        fits: impl Fn(&Arc<T>, &Arc<T>) -> bool,
    ) -> HashMap<String, Aside<T>> {
        let [base, ours, theirs] = self.all;
        let index = [ours, theirs].map(|s| by_id(of(s).into_iter()));
        let mut set = HashMap::default();
        for b in of(base) {
            let id = b.id().as_str();
            let (Some(o), Some(t)) = (index[0].get(id), index[1].get(id)) else { continue };
            let versions = [b, *o, *t];
            if !(1..3).filter(|i| Some(*i) != self.free).all(|i| versions[i].same_parts(b)) {
                continue;
            }
            let source = match self.free {
                Some(f) if !versions[f].same_parts(b) => versions[f],
                _ => b,
            };
            if fits(b, source) {
                set.insert(id.to_owned(), Aside { source: source.clone(), stand_in: Arc::new(source.stand_in()) });
            }
        }
        set
    }

    /// Per version, the owner of each part by id (an initiative's measure, a series' indicator).
    fn owners(&self, parts: impl Fn(&'a Strategy) -> Vec<(&'a str, &'a str)>) -> [HashMap<&'a str, &'a str>; 3] {
        self.all.map(|s| parts(s).into_iter().collect())
    }

    /// Whether no version holds any of `ids` under another owner than `owner`.
    fn stay(owners: &[HashMap<&str, &str>; 3], owner: &Id, mut ids: impl Iterator<Item = &'a Id>) -> bool {
        ids.all(|id| owners.iter().all(|o| o.get(id.as_str()).is_none_or(|at| *at == owner.as_str())))
    }

    /// The indicators a set-aside initiative may use as a KPI: no side removed them, and at
    /// most one changed them (no conflict about them, whose card shows where they are used).
    fn settled_indicators(&self) -> HashSet<&'a str> {
        let [base, ours, theirs] = self.all;
        let [o, t] = [ours, theirs].map(|s| by_id(s.indicators.iter()));
        let settled = |b: &&Arc<Indicator>| match (o.get(b.id.as_str()), t.get(b.id.as_str())) {
            (Some(o), Some(t)) => same(o, b) || same(t, b),
            _ => false,
        };
        base.indicators.iter().filter(settled).map(|b| b.id.as_str()).collect()
    }

    /// The initiatives some version names outside their measure: re-listed (再掲) or 非公開.
    fn named_initiatives(&self) -> HashSet<&'a str> {
        let named = |s: &'a Strategy| {
            let relisted = measures(s).flat_map(|m| &m.relisted).map(|r| r.initiative.as_str());
            relisted.chain(s.publication.hidden.iter().map(Id::as_str))
        };
        self.all.into_iter().flat_map(named).collect()
    }
}

impl Unchanged {
    /// What a merge listing both sides' changes sets aside (the merge itself calls
    /// [`Unchanged::listing`]; the tests call this).
    #[cfg(test)]
    pub fn of(base: &Strategy, ours: &Strategy, theirs: &Strategy) -> Unchanged {
        Self::listing(base, ours, theirs, None)
    }

    /// What a merge sets aside when it lists only one side's changes (`free`: the other side,
    /// whose changes inside an entity may then be set aside and given back as they are).
    pub fn listing(
        base: &Strategy,
        ours: &Strategy,
        theirs: &Strategy,
        free: Option<super::findings::Side>,
    ) -> Unchanged {
        let free = free.map(|s| if s == super::findings::Side::Ours { 1 } else { 2 });
        let sides = Sides { all: [base, ours, theirs], free };
        let series_owners = sides.owners(|s| {
            s.indicators.iter().flat_map(|i| i.series.iter().map(move |x| (x.id.as_str(), i.id.as_str()))).collect()
        });
        let indicators = sides.aside(
            |s| s.indicators.iter().collect(),
            |b, source| Sides::stay(&series_owners, &b.id, b.series.iter().chain(&source.series).map(|x| &x.id)),
        );
        let (settled, named) = (sides.settled_indicators(), sides.named_initiatives());
        let departments = |id: &Id| sides.all.iter().all(|s| s.departments.iter().any(|d| d.id == *id));
        let quiet = |i: &Initiative| {
            !named.contains(i.id.as_str())
                && i.kpis.iter().all(|k| settled.contains(k.as_str()))
                && i.department.as_ref().is_none_or(departments)
        };
        let initiative_owners = sides.owners(|s| {
            measures(s).flat_map(|m| m.initiatives.iter().map(move |i| (i.id.as_str(), m.id.as_str()))).collect()
        });
        let measures = sides.aside(
            |s| measures(s).collect(),
            |b, source| {
                let parts = || b.initiatives.iter().chain(&source.initiatives);
                parts().all(|i| quiet(i)) && Sides::stay(&initiative_owners, &b.id, parts().map(|i| &i.id))
            },
        );
        let initiatives = sides.aside(|s| outside(s, &measures).collect(), |_, _| true);
        Unchanged { measures, initiatives, indicators }
    }

    /// `s` with the inner parts set aside: each such measure without its initiatives and
    /// evaluations, initiative without its years, indicator without its series.
    pub fn stand_ins(&self, s: &Strategy) -> Strategy {
        let mut s = s.clone();
        self.replace(
            &mut s,
            |aside, x| *x = aside.stand_in_of(x),
            |aside, x| *x = aside.stand_in_of(x),
            |aside, x| *x = aside.stand_in_of(x),
        );
        s
    }

    /// The inner parts back in the merged strategy.
    pub fn put_back(&self, s: &mut Strategy) {
        self.replace(s, Aside::put_back, Aside::put_back, Aside::put_back);
    }

    /// Each measure, initiative and indicator of `s` whose parts are set aside, changed by the
    /// functions given.
    fn replace(
        &self,
        s: &mut Strategy,
        measure: impl Fn(&Aside<Measure>, &mut Arc<Measure>),
        initiative: impl Fn(&Aside<Initiative>, &mut Arc<Initiative>),
        indicator: impl Fn(&Aside<Indicator>, &mut Arc<Indicator>),
    ) {
        for g in &mut s.goals {
            if !g.measures.iter().any(|m| {
                self.measures.contains_key(m.id.as_str())
                    || m.initiatives.iter().any(|i| self.initiatives.contains_key(i.id.as_str()))
            }) {
                continue;
            }
            for m in &mut Arc::make_mut(g).measures {
                if let Some(aside) = self.measures.get(m.id.as_str()) {
                    measure(aside, m);
                    continue;
                }
                if !m.initiatives.iter().any(|i| self.initiatives.contains_key(i.id.as_str())) {
                    continue;
                }
                for i in &mut Arc::make_mut(m).initiatives {
                    if let Some(aside) = self.initiatives.get(i.id.as_str()) {
                        initiative(aside, i);
                    }
                }
            }
        }
        for i in &mut s.indicators {
            if let Some(aside) = self.indicators.get(i.id.as_str()) {
                indicator(aside, i);
            }
        }
    }
}
