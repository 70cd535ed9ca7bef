//! Validation: every problem of a strategy at once, each with where it is (a JSON-style path
//! such as `goals[2].measures[0].kpis[1]`) and what it is. Errors make a strategy unusable
//! (an import refuses it); warnings are shown and never block anything.
//!
//! The words are the UI's business: a problem is data (`ProblemKind`), turned into Japanese or
//! English text only by `ui::i18n`.

use super::fiscal_year::{MAX_YEAR, MIN_YEAR};
use super::{FiscalYear, Goal, Id, Indicator, Initiative, Measure, Money, Series, Strategy, Target};
use std::borrow::Borrow;
use std::collections::hash_map::Entry;
use std::hash::Hash;
use std::sync::Arc;
// Fx hashing: validation hashes every id of the strategy, and SipHash (the standard one, made
// to resist flooding by untrusted keys) was a fifth of it in the profile.
use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Severity {
    Error,
    Warning,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Problem {
    /// Where, from the strategy's root: `goals[2].measures[0].kpis[1]`.
    pub path: String,
    pub kind: ProblemKind,
}

/// What is wrong. Each kind has one severity.
#[derive(Clone, Debug, PartialEq)]
pub enum ProblemKind {
    /// The same id is defined twice; `first` is where it was seen first.
    DuplicateId {
        id: Id,
        first: String,
    },
    UnknownIndicator {
        id: Id,
    },
    UnknownMeasure {
        id: Id,
    },
    UnknownInitiative {
        id: Id,
    },
    UnknownNationalGoal {
        id: Id,
    },
    /// The plan period ends before it starts.
    PeriodReversed {
        first: FiscalYear,
        last: FiscalYear,
    },
    /// A fiscal year Shirube cannot represent (before 1926 or after 2200).
    YearOutOfRange {
        year: FiscalYear,
    },
    /// The same fiscal year twice in a list that holds one entry per year.
    DuplicateYear {
        year: FiscalYear,
    },
    NegativeMoney {
        value: Money,
    },
    NotFinite,
    InvalidSdg {
        number: u8,
    },
    IndicatorWithoutSeries,
    EmptyRatingLabel,
    BadScheduleDate,
    // — warnings —
    YearOutsidePeriod {
        year: FiscalYear,
    },
    BaselineMissing,
    IndicatorUnused,
    UnknownRatingLabel {
        label: String,
    },
    MunicipalityCodeInvalid {
        code: String,
    },
    EmptyTitle,
    RelistedOwnInitiative {
        id: Id,
    },
    RatingThresholdsNotDescending,
    /// A workshop note about a goal or measure that is no longer in the strategy (the note is
    /// kept; it is shown without a place).
    UnknownNoteTarget {
        id: Id,
    },
    /// A workshop's date is not a calendar date "2025-07-12".
    BadWorkshopDate,
    /// A baseline printed without its year (北本市's table: 「3,908件」): progress and the path
    /// take it as `assumed`, the year before the plan.
    BaselineYearUnknown {
        assumed: FiscalYear,
    },
    /// A value target without its year: progress and the path take it as due in `assumed`, the
    /// plan's last year.
    TargetYearUnknown {
        assumed: FiscalYear,
    },
}

impl ProblemKind {
    pub fn severity(&self) -> Severity {
        use ProblemKind::*;
        match self {
            YearOutsidePeriod { .. }
            | BaselineMissing
            | IndicatorUnused
            | UnknownRatingLabel { .. }
            | MunicipalityCodeInvalid { .. }
            | EmptyTitle
            | RelistedOwnInitiative { .. }
            | RatingThresholdsNotDescending
            | UnknownNoteTarget { .. }
            | BadWorkshopDate
            | BaselineYearUnknown { .. }
            | TargetYearUnknown { .. } => Severity::Warning,
            _ => Severity::Error,
        }
    }
}

impl Problem {
    pub fn severity(&self) -> Severity {
        self.kind.severity()
    }
}

/// Every problem of the strategy, errors and warnings, in document order.
pub fn validate(s: &Strategy) -> Vec<Problem> {
    let defs = Defs::of(s, true, |id| id);
    Validator { s, problems: Vec::new(), defs: &defs }.run()
}

/// The problems of the goal, measure, initiative or indicator whose id is `id` (of each, if the
/// id is not unique): exactly those [`validate`] finds at its places — its own values, a
/// duplicate of its id, its references, an indicator nobody refers to — in the same order.
/// The editor asks this for the selected entity after every edit, so what it needs to know of
/// the rest of the strategy comes from `structure` (made once, see [`Structure`]): nothing else
/// is walked, and the cost does not grow with the strategy. `structure` must fit `s`.
pub fn validate_entity(s: &Strategy, structure: &Structure, id: &Id) -> Vec<Problem> {
    debug_assert!(structure.fits(s), "validate_entity with a structure of another strategy");
    Validator { s, problems: Vec::new(), defs: &structure.defs }.run_entity(id)
}

/// What checking one entity needs to know of the whole strategy: where every id is defined
/// (workshops left out: they come last and have no references to check) and which ids goals,
/// measures and initiatives refer to. Making it walks and hashes every id; it stays true while
/// no id or reference changes — after an edit of a value or a title it still [fits](Self::fits).
pub struct Structure {
    defs: Defs<Id>,
    /// What it was made from: the ids before the indicators with their places, and the goals'
    /// and indicators' `Arc`s (compared by pointer first).
    head: Vec<(Place, Id)>,
    goals: Vec<Arc<Goal>>,
    indicators: Vec<Arc<Indicator>>,
}

impl Structure {
    pub fn of(s: &Strategy) -> Structure {
        Structure {
            defs: Defs::of(s, false, Id::clone),
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

/// The ids defined before the indicators, with their places: the strategy's, its sections',
/// its national goals' and its schedule's.
fn head(s: &Strategy) -> impl Iterator<Item = (Place, &Id)> {
    std::iter::once((Place::Strategy, &s.id))
        .chain(s.sections.iter().enumerate().map(|(i, x)| (Place::Section(i), &x.id)))
        .chain(s.national_framework.goals.iter().enumerate().map(|(i, x)| (Place::NationalGoal(i), &x.id)))
        .chain(s.schedule.iter().enumerate().map(|(i, x)| (Place::Schedule(i), &x.id)))
}

/// Where each id is defined, in document order, and the ids goals, measures and initiatives
/// refer to as indicators. `K` is the id borrowed for one validation, or owned by a kept
/// [`Structure`].
struct Defs<K> {
    places: HashMap<K, Places>,
    referred: HashSet<K>,
    /// Whether some id is defined twice (most strategies: no, and no place need be looked up).
    duplicates: bool,
}

/// The places of one id: almost always one (no allocation then).
enum Places {
    One(Place),
    Many(Vec<Place>),
}

impl<K: Borrow<Id> + Hash + Eq> Defs<K> {
    /// `workshops`: with the workshops' and their notes' ids.
    fn of<'a>(s: &'a Strategy, workshops: bool, key: impl Fn(&'a Id) -> K) -> Defs<K> {
        let mut places: HashMap<K, Places> = HashMap::default();
        let mut duplicates = false;
        let mut define = |id: &'a Id, place: Place| match places.entry(key(id)) {
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
            define(&ind.id, Place::Indicator(i));
            for (si, series) in ind.series.iter().enumerate() {
                define(&series.id, Place::Series(i, si));
            }
        }
        let mut refs: Vec<&'a Id> = Vec::new();
        for (gi, g) in s.goals.iter().enumerate() {
            define(&g.id, Place::Goal(gi));
            refs.extend(&g.targets);
            for (mi, m) in g.measures.iter().enumerate() {
                define(&m.id, Place::Measure(gi, mi));
                refs.extend(&m.kpis);
                for (ii, init) in m.initiatives.iter().enumerate() {
                    define(&init.id, Place::Initiative(gi, mi, ii));
                    refs.extend(&init.kpis);
                }
            }
        }
        if workshops {
            for (wi, w) in s.workshops.iter().enumerate() {
                define(&w.id, Place::Workshop(wi));
                for (ni, n) in w.notes.iter().enumerate() {
                    define(&n.id, Place::Note(wi, ni));
                }
            }
        }
        let referred = refs.into_iter().map(key).collect();
        Defs { places, referred, duplicates }
    }
}

/// What the validator asks of [`Defs`], whichever way it holds its ids.
trait Lookup {
    /// Every place `id` is defined, in document order.
    fn places(&self, id: &Id) -> &[Place];
    /// Whether a goal, measure or initiative refers to `id` as an indicator.
    fn referred(&self, id: &Id) -> bool;
    /// Whether some id is defined more than once.
    fn duplicates(&self) -> bool;
}

impl<K: Borrow<Id> + Hash + Eq> Lookup for Defs<K> {
    fn places(&self, id: &Id) -> &[Place] {
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

/// Only the errors (what makes an import refuse a file).
pub fn errors(problems: &[Problem]) -> impl Iterator<Item = &Problem> {
    problems.iter().filter(|p| p.severity() == Severity::Error)
}

struct Validator<'a> {
    s: &'a Strategy,
    problems: Vec<Problem>,
    defs: &'a dyn Lookup,
}

/// Where an id is defined.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Place {
    Strategy,
    Section(usize),
    NationalGoal(usize),
    Schedule(usize),
    Indicator(usize),
    Series(usize, usize),
    Goal(usize),
    Measure(usize, usize),
    Initiative(usize, usize, usize),
    Workshop(usize),
    Note(usize, usize),
}

impl std::fmt::Display for Place {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match *self {
            Place::Strategy => Ok(()),
            Place::Section(i) => write!(f, "sections[{i}]"),
            Place::NationalGoal(i) => write!(f, "national_framework.goals[{i}]"),
            Place::Schedule(i) => write!(f, "schedule[{i}]"),
            Place::Indicator(i) => write!(f, "indicators[{i}]"),
            Place::Series(i, s) => write!(f, "indicators[{i}].series[{s}]"),
            Place::Goal(g) => write!(f, "goals[{g}]"),
            Place::Measure(g, m) => write!(f, "goals[{g}].measures[{m}]"),
            Place::Initiative(g, m, i) => write!(f, "goals[{g}].measures[{m}].initiatives[{i}]"),
            Place::Workshop(w) => write!(f, "workshops[{w}]"),
            Place::Note(w, n) => write!(f, "workshops[{w}].notes[{n}]"),
        }
    }
}

impl<'a> Validator<'a> {
    fn push(&mut self, path: impl Into<String>, kind: ProblemKind) {
        self.problems.push(Problem { path: path.into(), kind });
    }

    /// An id defined at `place`: a duplicate unless this is where it is defined first.
    fn define(&mut self, id: &Id, place: Place) {
        if !self.defs.duplicates() {
            return;
        }
        if let Some(&first) = self.defs.places(id).first().filter(|first| **first != place) {
            self.push(format!("{place}.id"), ProblemKind::DuplicateId { id: id.clone(), first: first.to_string() });
        }
    }

    fn is_defined_as(&self, id: &Id, kind: fn(&Place) -> bool) -> bool {
        self.defs.places(id).iter().any(kind)
    }

    fn is_indicator(&self, id: &Id) -> bool {
        self.is_defined_as(id, |p| matches!(p, Place::Indicator(_)))
    }

    fn is_measure(&self, id: &Id) -> bool {
        self.is_defined_as(id, |p| matches!(p, Place::Measure(..)))
    }

    /// The measure an initiative belongs to (the last one, if its id is not unique).
    fn initiative_owner(&self, id: &Id) -> Option<&'a Id> {
        let s = self.s;
        self.defs.places(id).iter().rev().find_map(|p| match *p {
            Place::Initiative(g, m, _) => s.goals.get(g).and_then(|g| g.measures.get(m)).map(|m| &m.id),
            _ => None,
        })
    }

    // Paths are made only when there is a problem to report (`path` closures): validation runs
    // after every edit, over tens of thousands of values.
    fn title(&mut self, path: impl FnOnce() -> String, title: &str) {
        if title.trim().is_empty() {
            self.push(path(), ProblemKind::EmptyTitle);
        }
    }

    fn year(&mut self, path: impl FnOnce() -> String, year: FiscalYear, in_period: bool) {
        if !(MIN_YEAR..=MAX_YEAR).contains(&year.0) {
            self.push(path(), ProblemKind::YearOutOfRange { year });
        } else if in_period && !self.s.period.contains(year) {
            self.push(path(), ProblemKind::YearOutsidePeriod { year });
        }
    }

    fn number(&mut self, path: impl FnOnce() -> String, value: f64) {
        if !value.is_finite() {
            self.push(path(), ProblemKind::NotFinite);
        }
    }

    fn money(&mut self, path: impl FnOnce() -> String, value: Option<Money>) {
        if let Some(value) = value.filter(|v| *v < 0) {
            self.push(path(), ProblemKind::NegativeMoney { value });
        }
    }

    fn sdgs(&mut self, at: Place, sdgs: &[super::Sdg]) {
        for (i, sdg) in sdgs.iter().enumerate() {
            if !sdg.is_valid() {
                self.push(format!("{at}.sdgs[{i}]"), ProblemKind::InvalidSdg { number: sdg.0 });
            }
        }
    }

    fn unique_years<I: IntoIterator<Item = FiscalYear>>(&mut self, path: impl Fn() -> String, field: &str, years: I) {
        // A plain list: these are a few years each, thousands of times per validation.
        let mut seen: Vec<FiscalYear> = Vec::new();
        for (i, year) in years.into_iter().enumerate() {
            if seen.contains(&year) {
                let path = path();
                let at = if field.is_empty() { format!("{path}[{i}]") } else { format!("{path}[{i}].{field}") };
                self.push(at, ProblemKind::DuplicateYear { year });
            } else {
                seen.push(year);
            }
        }
    }

    fn run(mut self) -> Vec<Problem> {
        let s = self.s;
        self.define(&s.id, Place::Strategy);
        self.title(|| "title".into(), &s.title);
        let p = s.period;
        self.year(|| "period.first".into(), p.first, false);
        self.year(|| "period.last".into(), p.last, false);
        if p.first > p.last {
            self.push("period", ProblemKind::PeriodReversed { first: p.first, last: p.last });
        }
        if let Some(code) = &s.municipality.code {
            if !is_municipality_code(code) {
                self.push("municipality.code", ProblemKind::MunicipalityCodeInvalid { code: code.clone() });
            }
        }
        self.rating_rule();
        for (i, x) in s.sections.iter().enumerate() {
            self.define(&x.id, Place::Section(i));
        }
        for (i, x) in s.national_framework.goals.iter().enumerate() {
            self.define(&x.id, Place::NationalGoal(i));
        }
        for (i, x) in s.schedule.iter().enumerate() {
            let path = format!("schedule[{i}]");
            self.define(&x.id, Place::Schedule(i));
            if !x.when.is_well_formed() {
                self.push(format!("{path}.when"), ProblemKind::BadScheduleDate);
            }
            if let super::ScheduleWhen::Period { fiscal_year, .. } = &x.when {
                self.year(|| format!("{path}.when.fiscal_year"), *fiscal_year, false);
            }
        }
        for (i, ind) in s.indicators.iter().enumerate() {
            self.indicator(i, ind);
        }
        // The duplicates among goals, measures and initiatives first, then their values.
        for (gi, g) in s.goals.iter().enumerate() {
            self.define(&g.id, Place::Goal(gi));
            for (mi, m) in g.measures.iter().enumerate() {
                self.define(&m.id, Place::Measure(gi, mi));
                for (ii, init) in m.initiatives.iter().enumerate() {
                    self.define(&init.id, Place::Initiative(gi, mi, ii));
                }
            }
        }
        for (gi, g) in s.goals.iter().enumerate() {
            self.goal(Place::Goal(gi), g);
            for (mi, m) in g.measures.iter().enumerate() {
                self.measure(Place::Measure(gi, mi), m);
                for (ii, init) in m.initiatives.iter().enumerate() {
                    self.initiative(Place::Initiative(gi, mi, ii), init);
                }
            }
        }
        for (i, ind) in s.indicators.iter().enumerate() {
            self.unused(i, ind);
        }
        self.workshops();
        self.problems
    }

    /// [`run`](Self::run)'s steps at the places `id` is defined as an indicator, goal, measure
    /// or initiative, in the same order.
    fn run_entity(mut self, id: &Id) -> Vec<Problem> {
        let s = self.s;
        let places = self.defs.places(id).to_vec();
        let indicators = || {
            places.iter().filter_map(|p| match *p {
                Place::Indicator(i) => s.indicators.get(i).map(|ind| (i, ind)),
                _ => None,
            })
        };
        for (i, ind) in indicators() {
            self.indicator(i, ind);
        }
        for &place in &places {
            if matches!(place, Place::Goal(_) | Place::Measure(..) | Place::Initiative(..)) {
                self.define(id, place);
            }
        }
        for &place in &places {
            let goal = |g: usize| s.goals.get(g);
            let measure = |g: usize, m: usize| goal(g).and_then(|g| g.measures.get(m));
            match place {
                Place::Goal(g) => goal(g).into_iter().for_each(|x| self.goal(place, x)),
                Place::Measure(g, m) => measure(g, m).into_iter().for_each(|x| self.measure(place, x)),
                Place::Initiative(g, m, i) => {
                    measure(g, m).and_then(|m| m.initiatives.get(i)).into_iter().for_each(|x| self.initiative(place, x))
                }
                _ => {}
            }
        }
        for (i, ind) in indicators() {
            self.unused(i, ind);
        }
        self.problems
    }

    fn workshops(&mut self) {
        let s = self.s;
        for (wi, w) in s.workshops.iter().enumerate() {
            let wp = format!("workshops[{wi}]");
            self.define(&w.id, Place::Workshop(wi));
            if !super::schedule::is_calendar_date(&w.date) {
                self.push(format!("{wp}.date"), ProblemKind::BadWorkshopDate);
            }
            for (ni, n) in w.notes.iter().enumerate() {
                self.define(&n.id, Place::Note(wi, ni));
                let known = match &n.target {
                    super::NoteTarget::Goal(id) => self.is_defined_as(id, |p| matches!(p, Place::Goal(_))),
                    super::NoteTarget::Measure(id) => self.is_measure(id),
                };
                if !known {
                    self.push(
                        format!("{wp}.notes[{ni}].target"),
                        ProblemKind::UnknownNoteTarget { id: n.target.id().clone() },
                    );
                }
            }
        }
    }

    /// References to indicators at `at`: each must lead to one.
    fn references(&mut self, at: Place, field: &str, refs: &[Id]) {
        for (i, r) in refs.iter().enumerate() {
            if !self.is_indicator(r) {
                self.push(format!("{at}.{field}[{i}]"), ProblemKind::UnknownIndicator { id: r.clone() });
            }
        }
    }

    /// An indicator no goal, measure or initiative refers to.
    fn unused(&mut self, i: usize, ind: &Indicator) {
        if !self.defs.referred(&ind.id) {
            self.push(format!("indicators[{i}]"), ProblemKind::IndicatorUnused);
        }
    }

    fn goal(&mut self, gp: Place, g: &Goal) {
        self.title(|| format!("{gp}.title"), &g.title);
        if let Some(n) = &g.national_goal {
            if !self.is_defined_as(n, |p| matches!(p, Place::NationalGoal(_))) {
                self.push(format!("{gp}.national_goal"), ProblemKind::UnknownNationalGoal { id: n.clone() });
            }
        }
        self.sdgs(gp, &g.sdgs);
        self.references(gp, "targets", &g.targets);
    }

    fn rating_rule(&mut self) {
        let rule = &self.s.rating_rule;
        let labels = rule.tiers.iter().map(|t| &t.label).chain([&rule.below, &rule.no_data]);
        if labels.into_iter().any(|l| l.trim().is_empty()) {
            self.push("rating_rule", ProblemKind::EmptyRatingLabel);
        }
        for (i, t) in rule.tiers.iter().enumerate() {
            self.number(|| format!("rating_rule.tiers[{i}].min_percent"), t.min_percent);
        }
        if rule.tiers.windows(2).any(|w| w[0].min_percent <= w[1].min_percent) {
            self.push("rating_rule.tiers", ProblemKind::RatingThresholdsNotDescending);
        }
    }

    fn measure(&mut self, mp: Place, m: &Measure) {
        self.title(|| format!("{mp}.title"), &m.title);
        self.sdgs(mp, &m.sdgs);
        self.references(mp, "kpis", &m.kpis);
        for (i, r) in m.related.iter().enumerate() {
            if !self.is_measure(r) {
                self.push(format!("{mp}.related[{i}]"), ProblemKind::UnknownMeasure { id: r.clone() });
            }
        }
        for (i, r) in m.relisted.iter().enumerate() {
            let path = || format!("{mp}.relisted[{i}].initiative");
            let id = || r.initiative.clone();
            match self.initiative_owner(&r.initiative) {
                None => self.push(path(), ProblemKind::UnknownInitiative { id: id() }),
                Some(owner) if owner == &m.id => self.push(path(), ProblemKind::RelistedOwnInitiative { id: id() }),
                Some(_) => {}
            }
            self.unique_years(|| format!("{mp}.relisted[{i}].years"), "", r.years.iter().copied());
        }
        self.unique_years(|| format!("{mp}.evaluations"), "fiscal_year", m.evaluations.iter().map(|e| e.fiscal_year));
        for (ei, e) in m.evaluations.iter().enumerate() {
            self.year(|| format!("{mp}.evaluations[{ei}].fiscal_year"), e.fiscal_year, false);
            if let Some(label) = &e.rating {
                if !self.s.rating_rule.is_label(label) {
                    self.push(
                        format!("{mp}.evaluations[{ei}].rating"),
                        ProblemKind::UnknownRatingLabel { label: label.clone() },
                    );
                }
            }
        }
    }

    /// An initiative's title, KPIs and years: each year once, in range, amounts not negative.
    fn initiative(&mut self, ip: Place, init: &Initiative) {
        self.title(|| format!("{ip}.title"), &init.title);
        self.references(ip, "kpis", &init.kpis);
        self.unique_years(|| format!("{ip}.years"), "fiscal_year", init.years.iter().map(|y| y.fiscal_year));
        for (yi, y) in init.years.iter().enumerate() {
            self.year(|| format!("{ip}.years[{yi}].fiscal_year"), y.fiscal_year, false);
            self.money(|| format!("{ip}.years[{yi}].budget"), y.budget);
            self.money(|| format!("{ip}.years[{yi}].settled"), y.settled);
        }
        self.problems.extend(super::region::partner_problems(&ip.to_string(), init));
    }

    fn indicator(&mut self, i: usize, ind: &Indicator) {
        let ip = Place::Indicator(i);
        self.define(&ind.id, ip);
        self.title(|| format!("{ip}.name"), &ind.name);
        if ind.series.is_empty() {
            self.push(format!("{ip}.series"), ProblemKind::IndicatorWithoutSeries);
        }
        for (si, series) in ind.series.iter().enumerate() {
            let sp = Place::Series(i, si);
            self.define(&series.id, sp);
            self.series(sp, series);
        }
    }

    fn series(&mut self, sp: Place, series: &Series) {
        if let Some(b) = &series.baseline {
            self.number(|| format!("{sp}.baseline.value"), b.value);
            if let Some(y) = b.year {
                self.year(|| format!("{sp}.baseline.year"), y, false);
            }
        }
        match &series.target {
            Some(Target::Value { value, year }) => {
                self.number(|| format!("{sp}.target.value"), *value);
                match year {
                    Some(y) => self.year(|| format!("{sp}.target.year"), *y, true),
                    // What the computation assumes is said (`model::achievement` takes the same).
                    None => self.push(
                        format!("{sp}.target.year"),
                        ProblemKind::TargetYearUnknown { assumed: self.s.period.assumed_target_year() },
                    ),
                }
                match &series.baseline {
                    None => self.push(format!("{sp}.baseline"), ProblemKind::BaselineMissing),
                    Some(b) if b.year.is_none() => self.push(
                        format!("{sp}.baseline.year"),
                        ProblemKind::BaselineYearUnknown { assumed: self.s.period.assumed_baseline_year() },
                    ),
                    Some(_) => {}
                }
            }
            Some(Target::PerYear { value }) => self.number(|| format!("{sp}.target.value"), *value),
            Some(Target::Direction) if series.baseline.is_none() => {
                self.push(format!("{sp}.baseline"), ProblemKind::BaselineMissing)
            }
            Some(Target::Direction) | None => {}
        }
        self.unique_years(|| format!("{sp}.interim"), "year", series.interim.iter().map(|v| v.year));
        for (k, v) in series.interim.iter().enumerate() {
            self.year(|| format!("{sp}.interim[{k}].year"), v.year, true);
            self.number(|| format!("{sp}.interim[{k}].value"), v.value);
        }
        self.unique_years(|| format!("{sp}.actuals"), "year", series.actuals.iter().map(|a| a.year));
        for (k, a) in series.actuals.iter().enumerate() {
            self.year(|| format!("{sp}.actuals[{k}].year"), a.year, false);
            self.number(|| format!("{sp}.actuals[{k}].value"), a.value);
        }
    }
}

/// 全国地方公共団体コード: 6 digits whose last is the check digit of the first five
/// (weights 6,5,4,3,2; 11 − sum mod 11, last digit of that).
pub fn is_municipality_code(code: &str) -> bool {
    let digits: Vec<u32> = code.chars().filter_map(|c| c.to_digit(10)).collect();
    if digits.len() != 6 || code.chars().count() != 6 {
        return false;
    }
    let sum: u32 = digits[..5].iter().zip([6, 5, 4, 3, 2]).map(|(d, w)| d * w).sum();
    let check = match sum % 11 {
        0 => 1, // (11 - 0) % 10
        r => (11 - r) % 10,
    };
    digits[5] == check
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::*;

    fn period() -> PlanPeriod {
        PlanPeriod { first: FiscalYear(2022), last: FiscalYear(2025) }
    }

    /// A small strategy with one goal, one measure, one initiative and one indicator, all valid.
    fn valid() -> Strategy {
        let mut s = Strategy::blank("第2期総合戦略", "北本市", period());
        let mut ind = Indicator::new("7-2", "出生数", "人");
        ind.series[0].baseline = Some(Baseline { value: 340.0, year: Some(FiscalYear(2021)) });
        ind.series[0].target = Some(Target::Value { value: 380.0, year: Some(FiscalYear(2025)) });
        let mut g = Goal::new(GoalKind::Basic, "3", "若い世代の出産・子育ての希望をかなえる");
        g.targets.push(ind.id.clone());
        let mut m = Measure::new("1", "子育て支援");
        m.kpis.push(ind.id.clone());
        let mut init = Initiative::new("1", "子育て相談");
        init.years.push(InitiativeYear {
            fiscal_year: FiscalYear(2023),
            budget: Some(300),
            settled: Some(280),
            direction: Some(ProjectDirection::Maintain),
            plan: String::new(),
            result: String::new(),
        });
        m.initiatives.push(init.into());
        g.measures.push(m.into());
        s.goals.push(g.into());
        s.indicators.push(ind.into());
        s
    }

    fn first_measure(s: &mut Strategy) -> &mut Measure {
        let id = s.goals[0].measures[0].id.clone();
        s.measure_mut(&id).unwrap()
    }

    fn kinds(s: &Strategy) -> Vec<(String, ProblemKind)> {
        validate(s).into_iter().map(|p| (p.path, p.kind)).collect()
    }

    #[test]
    fn a_valid_strategy_has_no_problem() {
        assert_eq!(kinds(&valid()), vec![]);
    }

    #[test]
    fn years_printed_without_a_year_are_said_with_what_the_progress_assumes() {
        // 北本市's table: 「出生数 340人 → 380人」, neither with a year.
        let mut s = valid();
        let series = &mut std::sync::Arc::make_mut(&mut s.indicators[0]).series[0];
        series.baseline = Some(Baseline { value: 340.0, year: None });
        series.target = Some(Target::Value { value: 380.0, year: None });
        assert_eq!(
            kinds(&s),
            vec![
                (
                    "indicators[0].series[0].target.year".to_string(),
                    ProblemKind::TargetYearUnknown { assumed: FiscalYear(2025) }
                ),
                (
                    "indicators[0].series[0].baseline.year".to_string(),
                    ProblemKind::BaselineYearUnknown { assumed: FiscalYear(2021) }
                ),
            ]
        );
        assert!(kinds(&s).iter().all(|(_, k)| k.severity() == Severity::Warning));
        // A direction (↗) or a yearly target needs no year: nothing to say.
        let series = &mut std::sync::Arc::make_mut(&mut s.indicators[0]).series[0];
        series.target = Some(Target::Direction);
        assert_eq!(kinds(&s), vec![]);
    }

    #[test]
    fn every_problem_at_once_with_its_place() {
        let mut s = valid();
        let ind_id = s.indicators[0].id.clone();
        s.period = PlanPeriod { first: FiscalYear(2025), last: FiscalYear(2022) };
        first_measure(&mut s).kpis.push(Id::from("ind-9f2c"));
        let init = std::sync::Arc::make_mut(&mut first_measure(&mut s).initiatives[0]);
        init.years[0].budget = Some(-5);
        init.id = ind_id.clone();
        let series = &mut s.indicator_mut(&ind_id).unwrap().series[0];
        series.actuals.push(Actual {
            year: FiscalYear(2023),
            value: f64::NAN,
            provisional: false,
            comment: String::new(),
        });
        series.target = Some(Target::Value { value: 380.0, year: Some(FiscalYear(2030)) });
        s.goals_mut().next().unwrap().sdgs.push(Sdg(18));
        let got = kinds(&s);
        let expected = vec![
            ("period".to_string(), ProblemKind::PeriodReversed { first: FiscalYear(2025), last: FiscalYear(2022) }),
            ("indicators[0].series[0].target.year".into(), ProblemKind::YearOutsidePeriod { year: FiscalYear(2030) }),
            ("indicators[0].series[0].actuals[0].value".into(), ProblemKind::NotFinite),
            (
                "goals[0].measures[0].initiatives[0].id".into(),
                ProblemKind::DuplicateId { id: ind_id, first: "indicators[0]".into() },
            ),
            ("goals[0].sdgs[0]".into(), ProblemKind::InvalidSdg { number: 18 }),
            ("goals[0].measures[0].kpis[1]".into(), ProblemKind::UnknownIndicator { id: Id::from("ind-9f2c") }),
            ("goals[0].measures[0].initiatives[0].years[0].budget".into(), ProblemKind::NegativeMoney { value: -5 }),
        ];
        assert_eq!(got, expected);
        assert_eq!(errors(&validate(&s)).count(), 6);
    }

    #[test]
    fn references_and_duplicates_per_year() {
        let mut s = valid();
        let init_id = s.goals[0].measures[0].initiatives[0].id.clone();
        let m = first_measure(&mut s);
        m.related.push(Id::from("measure-gone"));
        m.relisted.push(Relisting::all_years(init_id.clone()));
        m.relisted.push(Relisting {
            initiative: Id::from("initiative-gone"),
            years: vec![FiscalYear(2023), FiscalYear(2023)],
        });
        let eval = Evaluation {
            fiscal_year: FiscalYear(2023),
            rating: Some("Z".into()),
            outcomes: String::new(),
            issues: String::new(),
            improvements: String::new(),
            next_plan: String::new(),
            notes: String::new(),
            evaluator: Evaluator::Internal,
        };
        m.evaluations = vec![eval.clone(), eval];
        s.goals_mut().next().unwrap().national_goal = Some(Id::from("ng-x"));
        s.indicators.push(Indicator { series: Vec::new(), ..Indicator::new("9-9", "未使用", "件") }.into());
        s.municipality.code = Some("112331".into());
        let got = kinds(&s);
        assert!(got.contains(&(
            "goals[0].measures[0].related[0]".into(),
            ProblemKind::UnknownMeasure { id: Id::from("measure-gone") }
        )));
        assert!(got.contains(&(
            "goals[0].measures[0].relisted[1].years[1]".into(),
            ProblemKind::DuplicateYear { year: FiscalYear(2023) }
        )));
        assert!(got.contains(&(
            "goals[0].measures[0].relisted[0].initiative".into(),
            ProblemKind::RelistedOwnInitiative { id: init_id }
        )));
        assert!(got.contains(&(
            "goals[0].measures[0].relisted[1].initiative".into(),
            ProblemKind::UnknownInitiative { id: Id::from("initiative-gone") }
        )));
        assert!(got.contains(&(
            "goals[0].measures[0].evaluations[1].fiscal_year".into(),
            ProblemKind::DuplicateYear { year: FiscalYear(2023) }
        )));
        assert!(got.contains(&(
            "goals[0].measures[0].evaluations[0].rating".into(),
            ProblemKind::UnknownRatingLabel { label: "Z".into() }
        )));
        assert!(
            got.contains(&("goals[0].national_goal".into(), ProblemKind::UnknownNationalGoal { id: Id::from("ng-x") }))
        );
        assert!(got.contains(&("indicators[1].series".into(), ProblemKind::IndicatorWithoutSeries)));
        assert!(got.contains(&("indicators[1]".into(), ProblemKind::IndicatorUnused)));
        assert!(
            got.contains(&("municipality.code".into(), ProblemKind::MunicipalityCodeInvalid { code: "112331".into() }))
        );
    }

    #[test]
    fn workshop_notes_without_their_target_are_warnings() {
        let mut s = valid();
        let goal = s.goals[0].id.clone();
        let measure = s.goals[0].measures[0].id.clone();
        let w = s.start_workshop("第1回 住民ワークショップ", "2025-07-12");
        s.add_note(&w, NoteTarget::Goal(goal.clone()), "a").unwrap();
        s.add_note(&w, NoteTarget::Measure(measure.clone()), "b").unwrap();
        assert_eq!(kinds(&s), vec![]);
        // A measure id given as a goal is not a goal.
        s.add_note(&w, NoteTarget::Goal(measure.clone()), "c").unwrap();
        s.remove_measure(&measure);
        s.workshops[0].date = "2025-13-01".into();
        let got = validate(&s);
        let found: Vec<(String, ProblemKind)> = got.iter().map(|p| (p.path.clone(), p.kind.clone())).collect();
        assert_eq!(
            found,
            vec![
                ("workshops[0].date".to_string(), ProblemKind::BadWorkshopDate),
                ("workshops[0].notes[1].target".into(), ProblemKind::UnknownNoteTarget { id: measure.clone() }),
                ("workshops[0].notes[2].target".into(), ProblemKind::UnknownNoteTarget { id: measure }),
            ]
        );
        assert_eq!(errors(&got).count(), 0, "only warnings");
        // A note id that repeats another id is an error like any duplicate.
        s.workshops[0].notes[0].id = goal;
        assert_eq!(errors(&validate(&s)).count(), 1);
    }

    #[test]
    fn municipality_codes_have_a_check_digit() {
        for code in ["112331", "1123", "abcdef", "１１２３３０"] {
            assert!(!is_municipality_code(code), "{code}");
        }
        for code in ["112330", "012360", "122068"] {
            // 北本市, 北斗市, 木更津市
            assert!(is_municipality_code(code), "{code}");
        }
    }

    /// Checking one entity with a structure made before edits that kept every id and reference
    /// finds the problems those edits made, as a new structure does.
    #[test]
    fn a_kept_structure_fits_after_edits_of_values_and_still_finds_their_problems() {
        let s = valid();
        let structure = Structure::of(&s);
        assert!(structure.fits(&s));
        let mut t = s.clone();
        let ind = Arc::make_mut(&mut t.indicators[0]);
        ind.name = String::new();
        ind.series[0].actuals.push(Actual {
            year: FiscalYear(2023),
            value: f64::NAN,
            provisional: false,
            comment: String::new(),
        });
        Arc::make_mut(&mut t.goals[0]).sdgs.push(Sdg(18));
        first_measure(&mut t).title = " ".into();
        let init = Arc::make_mut(&mut first_measure(&mut t).initiatives[0]);
        init.years[0].budget = Some(-1);
        assert!(structure.fits(&t), "values and titles changed, no id or reference");
        let ids = [
            t.indicators[0].id.clone(),
            t.goals[0].id.clone(),
            t.goals[0].measures[0].id.clone(),
            t.goals[0].measures[0].initiatives[0].id.clone(),
        ];
        for id in &ids {
            let kept = validate_entity(&t, &structure, id);
            assert!(!kept.is_empty(), "{id}: the edit made a problem");
            assert_eq!(kept, validate_entity(&t, &Structure::of(&t), id), "{id}");
        }
        let all: Vec<_> = ids.iter().flat_map(|id| validate_entity(&t, &structure, id)).collect();
        assert_eq!(all, validate(&t), "every problem of this strategy is on one of its four entities");
    }

    /// Any change of where an id is, or of which indicators are referred to, makes the kept
    /// structure stale.
    #[test]
    fn a_structure_does_not_fit_once_an_id_or_a_reference_changed() {
        let s = valid();
        let structure = Structure::of(&s);
        type Change = (&'static str, fn(&mut Strategy));
        let changes: [Change; 12] = [
            ("strategy id", |s| s.id = Id::from("other")),
            ("a section added", |s| {
                s.sections.push(NarrativeSection {
                    id: Id::from("sec"),
                    heading: "策定趣旨".into(),
                    body: String::new(),
                })
            }),
            ("indicator id", |s| Arc::make_mut(&mut s.indicators[0]).id = Id::from("ind-x")),
            ("series id", |s| Arc::make_mut(&mut s.indicators[0]).series[0].id = Id::from("ser-x")),
            ("a series added", |s| {
                let ind = Arc::make_mut(&mut s.indicators[0]);
                let series = ind.series[0].clone();
                ind.series.push(series);
            }),
            ("an indicator added", |s| s.indicators.push(Indicator::new("7-3", "転入者数", "人").into())),
            ("goal id", |s| Arc::make_mut(&mut s.goals[0]).id = Id::from("goal-x")),
            ("goal targets", |s| Arc::make_mut(&mut s.goals[0]).targets.clear()),
            ("measure kpis", |s| first_measure(s).kpis.push(Id::from("ind-y"))),
            ("initiative kpis", |s| Arc::make_mut(&mut first_measure(s).initiatives[0]).kpis.push(Id::from("ind-z"))),
            ("an initiative added", |s| first_measure(s).initiatives.push(Initiative::new("2", "相談窓口").into())),
            ("goals reordered", |s| {
                s.goals.push(Goal::new(GoalKind::Basic, "4", "まちの魅力").into());
                s.goals.swap(0, 1);
            }),
        ];
        for (what, change) in changes {
            let mut t = s.clone();
            change(&mut t);
            assert!(!structure.fits(&t), "{what}");
        }
    }
}
