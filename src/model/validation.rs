//! Validation: every problem of a strategy at once, each with where it is (a JSON-style path
//! such as `goals[2].measures[0].kpis[1]`) and what it is. Errors make a strategy unusable
//! (an import refuses it); warnings are shown and never block anything.
//!
//! The words are the UI's business: a problem is data (`ProblemKind`), turned into Japanese or
//! English text only by `ui::i18n`.

use super::{FiscalYear, Id, Money, Series, Strategy, Target};
use super::fiscal_year::{MAX_YEAR, MIN_YEAR};
// Fx hashing: validation hashes every id of the strategy after each edit, and SipHash (the
// standard one, made to resist flooding by untrusted keys) was a fifth of it in the profile.
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
    DuplicateId { id: Id, first: String },
    UnknownIndicator { id: Id },
    UnknownMeasure { id: Id },
    UnknownInitiative { id: Id },
    UnknownNationalGoal { id: Id },
    /// The plan period ends before it starts.
    PeriodReversed { first: FiscalYear, last: FiscalYear },
    /// A fiscal year Shirube cannot represent (before 1926 or after 2200).
    YearOutOfRange { year: FiscalYear },
    /// The same fiscal year twice in a list that holds one entry per year.
    DuplicateYear { year: FiscalYear },
    NegativeMoney { value: Money },
    NotFinite,
    InvalidSdg { number: u8 },
    IndicatorWithoutSeries,
    EmptyRatingLabel,
    BadScheduleDate,
    // — warnings —
    YearOutsidePeriod { year: FiscalYear },
    BaselineMissing,
    IndicatorUnused,
    UnknownRatingLabel { label: String },
    MunicipalityCodeInvalid { code: String },
    EmptyTitle,
    RelistedOwnInitiative { id: Id },
    RatingThresholdsNotDescending,
    /// A workshop note about a goal or measure that is no longer in the strategy (the note is
    /// kept; it is shown without a place).
    UnknownNoteTarget { id: Id },
    /// A workshop's date is not a calendar date "2025-07-12".
    BadWorkshopDate,
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
            | BadWorkshopDate => Severity::Warning,
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
    Validator::new(s, None).run()
}

/// The problems of the indicators, goals, measures and initiatives that `wanted` picks by id:
/// exactly those [`validate`] finds at their places (their own values, a duplicate of their id,
/// their references, an indicator nobody refers to), in the same order; what other places have
/// may be missing. The editor asks this for the selected entity after every edit, so its cost
/// must not grow with the strategy more than it has to: nothing is hashed, the picked entities'
/// ids and references are looked up by a plain scan, and the other entities' values are not
/// checked.
pub fn validate_where(s: &Strategy, wanted: &dyn Fn(&Id) -> bool) -> Vec<Problem> {
    Validator::new(s, Some(wanted)).run()
}

/// Only the errors (what makes an import refuse a file).
pub fn errors(problems: &[Problem]) -> impl Iterator<Item = &Problem> {
    problems.iter().filter(|p| p.severity() == Severity::Error)
}

struct Validator<'a> {
    s: &'a Strategy,
    problems: Vec<Problem>,
    /// Whose problems to find (see [`validate_where`]); `None`: everyone's.
    only: Option<&'a dyn Fn(&Id) -> bool>,
    /// Checking everyone: where each id was defined first, as indices (a path is only written
    /// out for a duplicate).
    seen: HashMap<&'a Id, Place>,
    /// Checking a few: every definition in order, searched for the picked entities' ids only.
    defined: Vec<(&'a Id, Place)>,
    /// Checking everyone: the ids references point to, hashed (built once the ids are defined).
    /// Checking a few, it stays `None` and the few references are looked up by a scan.
    index: Option<Index<'a>>,
}

struct Index<'a> {
    indicators: HashSet<&'a Id>,
    measures: HashSet<&'a Id>,
    goals: HashSet<&'a Id>,
    national: HashSet<&'a Id>,
    /// Initiative → the measure it belongs to.
    initiatives: HashMap<&'a Id, &'a Id>,
}

impl<'a> Index<'a> {
    fn of(s: &'a Strategy) -> Index<'a> {
        let mut initiatives = HashMap::default();
        for (_, m) in s.measures() {
            for init in &m.initiatives {
                initiatives.insert(&init.id, &m.id);
            }
        }
        Index {
            indicators: s.indicators.iter().map(|i| &i.id).collect(),
            measures: s.measures().map(|(_, m)| &m.id).collect(),
            goals: s.goals.iter().map(|g| &g.id).collect(),
            national: s.national_framework.goals.iter().map(|g| &g.id).collect(),
            initiatives,
        }
    }
}

/// Where an id is defined.
#[derive(Clone, Copy)]
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
    fn new(s: &'a Strategy, only: Option<&'a dyn Fn(&Id) -> bool>) -> Validator<'a> {
        Validator { s, problems: Vec::new(), only, seen: HashMap::default(), defined: Vec::new(), index: None }
    }

    fn push(&mut self, path: impl Into<String>, kind: ProblemKind) {
        self.problems.push(Problem { path: path.into(), kind });
    }

    /// Whether this entity's problems are wanted.
    fn wanted(&self, id: &Id) -> bool {
        self.only.is_none_or(|f| f(id))
    }

    /// An id defined at `place`; `own` says whether the place belongs to a wanted entity (only
    /// then is a duplicate looked for when checking a few).
    fn define(&mut self, id: &'a Id, place: Place, own: bool) {
        let first = if self.only.is_none() {
            match self.seen.entry(id) {
                std::collections::hash_map::Entry::Occupied(e) => Some(*e.get()),
                std::collections::hash_map::Entry::Vacant(e) => {
                    e.insert(place);
                    None
                }
            }
        } else {
            let first = if own { self.defined.iter().find(|(d, _)| *d == id).map(|(_, p)| *p) } else { None };
            self.defined.push((id, place));
            first
        };
        if let Some(first) = first {
            self.push(format!("{place}.id"), ProblemKind::DuplicateId { id: id.clone(), first: first.to_string() });
        }
    }

    fn is_indicator(&self, id: &Id) -> bool {
        match &self.index {
            Some(ix) => ix.indicators.contains(id),
            None => self.s.indicators.iter().any(|i| &i.id == id),
        }
    }

    fn is_measure(&self, id: &Id) -> bool {
        match &self.index {
            Some(ix) => ix.measures.contains(id),
            None => self.s.measures().any(|(_, m)| &m.id == id),
        }
    }

    fn is_national_goal(&self, id: &Id) -> bool {
        match &self.index {
            Some(ix) => ix.national.contains(id),
            None => self.s.national_framework.goals.iter().any(|g| &g.id == id),
        }
    }

    /// The measure an initiative belongs to (the last one, if its id is not unique).
    fn initiative_owner(&self, id: &Id) -> Option<&'a Id> {
        match &self.index {
            Some(ix) => ix.initiatives.get(id).copied(),
            None => self.s.measures().flat_map(|(_, m)| m.initiatives.iter().map(move |i| (&i.id, &m.id))).filter(|(i, _)| *i == id).last().map(|(_, m)| m),
        }
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
        self.define(&s.id, Place::Strategy, false);
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
            self.define(&x.id, Place::Section(i), false);
        }
        for (i, x) in s.national_framework.goals.iter().enumerate() {
            self.define(&x.id, Place::NationalGoal(i), false);
        }
        for (i, x) in s.schedule.iter().enumerate() {
            let path = format!("schedule[{i}]");
            self.define(&x.id, Place::Schedule(i), false);
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
        // Definitions of goals, measures and initiatives first, so references can be checked.
        for (gi, g) in s.goals.iter().enumerate() {
            let own = self.wanted(&g.id);
            self.define(&g.id, Place::Goal(gi), own);
            for (mi, m) in g.measures.iter().enumerate() {
                let own = self.wanted(&m.id);
                self.define(&m.id, Place::Measure(gi, mi), own);
                for (ii, init) in m.initiatives.iter().enumerate() {
                    let own = self.wanted(&init.id);
                    self.define(&init.id, Place::Initiative(gi, mi, ii), own);
                }
            }
        }
        if self.only.is_none() {
            self.index = Some(Index::of(s));
        }
        let mut used: HashSet<&Id> = HashSet::default();
        for (gi, g) in s.goals.iter().enumerate() {
            let gp = Place::Goal(gi);
            let goal_wanted = self.wanted(&g.id);
            if goal_wanted {
                self.title(|| format!("{gp}.title"), &g.title);
                if let Some(n) = &g.national_goal {
                    if !self.is_national_goal(n) {
                        self.push(format!("{gp}.national_goal"), ProblemKind::UnknownNationalGoal { id: n.clone() });
                    }
                }
                self.sdgs(gp, &g.sdgs);
            }
            // References are followed for every entity: an unused indicator needs all of them.
            self.references(gp, goal_wanted, "targets", &g.targets, &mut used);
            for (mi, m) in g.measures.iter().enumerate() {
                let mp = Place::Measure(gi, mi);
                let measure_wanted = self.wanted(&m.id);
                if measure_wanted {
                    self.title(|| format!("{mp}.title"), &m.title);
                    self.sdgs(mp, &m.sdgs);
                }
                self.references(mp, measure_wanted, "kpis", &m.kpis, &mut used);
                if measure_wanted {
                    self.measure(mp, m);
                }
                for (ii, init) in m.initiatives.iter().enumerate() {
                    let ip = Place::Initiative(gi, mi, ii);
                    let initiative_wanted = self.wanted(&init.id);
                    if initiative_wanted {
                        self.title(|| format!("{ip}.title"), &init.title);
                    }
                    self.references(ip, initiative_wanted, "kpis", &init.kpis, &mut used);
                    if initiative_wanted {
                        self.initiative(ip, init);
                    }
                }
            }
        }
        for (i, ind) in s.indicators.iter().enumerate() {
            if self.wanted(&ind.id) && !used.contains(&ind.id) {
                self.push(format!("indicators[{i}]"), ProblemKind::IndicatorUnused);
            }
        }
        // Workshops come last in document order: their ids cannot make a picked entity's id a
        // duplicate, and their problems are at their own places.
        if self.only.is_none() {
            self.workshops();
        }
        self.problems
    }

    fn workshops(&mut self) {
        let s = self.s;
        for (wi, w) in s.workshops.iter().enumerate() {
            let wp = format!("workshops[{wi}]");
            self.define(&w.id, Place::Workshop(wi), true);
            if !super::schedule::is_calendar_date(&w.date) {
                self.push(format!("{wp}.date"), ProblemKind::BadWorkshopDate);
            }
            for (ni, n) in w.notes.iter().enumerate() {
                self.define(&n.id, Place::Note(wi, ni), true);
                let known = match (&n.target, &self.index) {
                    (super::NoteTarget::Goal(id), Some(ix)) => ix.goals.contains(id),
                    (super::NoteTarget::Goal(id), None) => s.goals.iter().any(|g| &g.id == id),
                    (super::NoteTarget::Measure(id), _) => self.is_measure(id),
                };
                if !known {
                    self.push(format!("{wp}.notes[{ni}].target"), ProblemKind::UnknownNoteTarget { id: n.target.id().clone() });
                }
            }
        }
    }

    /// References to indicators at `at`. `own`: the place belongs to a wanted entity, so an
    /// unknown one is a problem to report; elsewhere a reference only matters when it makes a
    /// wanted indicator used.
    fn references(&mut self, at: Place, own: bool, field: &str, refs: &'a [Id], used: &mut HashSet<&'a Id>) {
        for (i, r) in refs.iter().enumerate() {
            if !own && !self.wanted(r) {
                continue;
            }
            if self.is_indicator(r) {
                used.insert(r);
            } else if own {
                self.push(format!("{at}.{field}[{i}]"), ProblemKind::UnknownIndicator { id: r.clone() });
            }
        }
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

    /// A measure's related measures, re-listed initiatives and evaluations.
    fn measure(&mut self, mp: Place, m: &super::Measure) {
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
                    self.push(format!("{mp}.evaluations[{ei}].rating"), ProblemKind::UnknownRatingLabel { label: label.clone() });
                }
            }
        }
    }

    /// An initiative's years: each once, in range, amounts not negative.
    fn initiative(&mut self, ip: Place, init: &super::Initiative) {
        self.unique_years(|| format!("{ip}.years"), "fiscal_year", init.years.iter().map(|y| y.fiscal_year));
        for (yi, y) in init.years.iter().enumerate() {
            self.year(|| format!("{ip}.years[{yi}].fiscal_year"), y.fiscal_year, false);
            self.money(|| format!("{ip}.years[{yi}].budget"), y.budget);
            self.money(|| format!("{ip}.years[{yi}].settled"), y.settled);
        }
    }

    fn indicator(&mut self, i: usize, ind: &'a super::Indicator) {
        let ip = Place::Indicator(i);
        let own = self.wanted(&ind.id);
        self.define(&ind.id, ip, own);
        if !own {
            for (si, series) in ind.series.iter().enumerate() {
                self.define(&series.id, Place::Series(i, si), false);
            }
            return;
        }
        self.title(|| format!("{ip}.name"), &ind.name);
        if ind.series.is_empty() {
            self.push(format!("{ip}.series"), ProblemKind::IndicatorWithoutSeries);
        }
        for (si, series) in ind.series.iter().enumerate() {
            let sp = Place::Series(i, si);
            self.define(&series.id, sp, true);
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
                if let Some(y) = year {
                    self.year(|| format!("{sp}.target.year"), *y, true);
                }
                if series.baseline.is_none() {
                    self.push(format!("{sp}.baseline"), ProblemKind::BaselineMissing);
                }
            }
            Some(Target::PerYear { value }) => self.number(|| format!("{sp}.target.value"), *value),
            Some(Target::Direction) if series.baseline.is_none() => self.push(format!("{sp}.baseline"), ProblemKind::BaselineMissing),
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
        init.years.push(InitiativeYear { fiscal_year: FiscalYear(2023), budget: Some(300), settled: Some(280), direction: Some(ProjectDirection::Maintain), plan: String::new(), result: String::new() });
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
    fn every_problem_at_once_with_its_place() {
        let mut s = valid();
        let ind_id = s.indicators[0].id.clone();
        s.period = PlanPeriod { first: FiscalYear(2025), last: FiscalYear(2022) };
        first_measure(&mut s).kpis.push(Id::from("ind-9f2c"));
        let init = std::sync::Arc::make_mut(&mut first_measure(&mut s).initiatives[0]);
        init.years[0].budget = Some(-5);
        init.id = ind_id.clone();
        let series = &mut s.indicator_mut(&ind_id).unwrap().series[0];
        series.actuals.push(Actual { year: FiscalYear(2023), value: f64::NAN, provisional: false, comment: String::new() });
        series.target = Some(Target::Value { value: 380.0, year: Some(FiscalYear(2030)) });
        s.goals_mut().next().unwrap().sdgs.push(Sdg(18));
        let got = kinds(&s);
        let expected = vec![
            ("period".to_string(), ProblemKind::PeriodReversed { first: FiscalYear(2025), last: FiscalYear(2022) }),
            ("indicators[0].series[0].target.year".into(), ProblemKind::YearOutsidePeriod { year: FiscalYear(2030) }),
            ("indicators[0].series[0].actuals[0].value".into(), ProblemKind::NotFinite),
            ("goals[0].measures[0].initiatives[0].id".into(), ProblemKind::DuplicateId { id: ind_id, first: "indicators[0]".into() }),
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
        m.relisted.push(Relisting { initiative: Id::from("initiative-gone"), years: vec![FiscalYear(2023), FiscalYear(2023)] });
        let eval = Evaluation { fiscal_year: FiscalYear(2023), rating: Some("Z".into()), outcomes: String::new(), issues: String::new(), improvements: String::new(), next_plan: String::new(), notes: String::new(), evaluator: Evaluator::Internal };
        m.evaluations = vec![eval.clone(), eval];
        s.goals_mut().next().unwrap().national_goal = Some(Id::from("ng-x"));
        s.indicators.push(Indicator { series: Vec::new(), ..Indicator::new("9-9", "未使用", "件") }.into());
        s.municipality.code = Some("112331".into());
        let got = kinds(&s);
        assert!(got.contains(&("goals[0].measures[0].related[0]".into(), ProblemKind::UnknownMeasure { id: Id::from("measure-gone") })));
        assert!(got.contains(&("goals[0].measures[0].relisted[1].years[1]".into(), ProblemKind::DuplicateYear { year: FiscalYear(2023) })));
        assert!(got.contains(&("goals[0].measures[0].relisted[0].initiative".into(), ProblemKind::RelistedOwnInitiative { id: init_id })));
        assert!(got.contains(&("goals[0].measures[0].relisted[1].initiative".into(), ProblemKind::UnknownInitiative { id: Id::from("initiative-gone") })));
        assert!(got.contains(&("goals[0].measures[0].evaluations[1].fiscal_year".into(), ProblemKind::DuplicateYear { year: FiscalYear(2023) })));
        assert!(got.contains(&("goals[0].measures[0].evaluations[0].rating".into(), ProblemKind::UnknownRatingLabel { label: "Z".into() })));
        assert!(got.contains(&("goals[0].national_goal".into(), ProblemKind::UnknownNationalGoal { id: Id::from("ng-x") })));
        assert!(got.contains(&("indicators[1].series".into(), ProblemKind::IndicatorWithoutSeries)));
        assert!(got.contains(&("indicators[1]".into(), ProblemKind::IndicatorUnused)));
        assert!(got.contains(&("municipality.code".into(), ProblemKind::MunicipalityCodeInvalid { code: "112331".into() })));
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
        assert_eq!(found, vec![
            ("workshops[0].date".to_string(), ProblemKind::BadWorkshopDate),
            ("workshops[0].notes[1].target".into(), ProblemKind::UnknownNoteTarget { id: measure.clone() }),
            ("workshops[0].notes[2].target".into(), ProblemKind::UnknownNoteTarget { id: measure }),
        ]);
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
}
