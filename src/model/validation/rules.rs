//! The rules: what is checked of the strategy's own values, each indicator and series, goal,
//! measure, initiative and workshop, and of the ids (each defined once, each reference leading
//! to what it names). `walk` decides where and in what order they run.

use super::places::IdPlace;
use super::problem::ProblemKind;
use super::validator::Validator;
use crate::model::{
    FiscalYear, Goal, Id, Indicator, Initiative, Measure, Money, RelativeChange, Sdg, Series, Target, MAX_YEAR,
    MIN_YEAR,
};

impl<'a> Validator<'a> {
    /// An id defined at `place`: a duplicate unless this is where it is defined first.
    pub(super) fn define(&mut self, id: &Id, place: IdPlace) {
        if !id.is_safe() {
            let path = if place == IdPlace::Strategy { "id".to_owned() } else { format!("{place}.id") };
            self.push(path, ProblemKind::UnsafeId { id: id.clone() });
        }
        if !self.defs.duplicates() {
            return;
        }
        if let Some(&first) = self.defs.places(id).first().filter(|first| **first != place) {
            self.push(format!("{place}.id"), ProblemKind::DuplicateId { id: id.clone(), first: first.to_string() });
        }
    }

    fn is_defined_as(&self, id: &Id, kind: fn(&IdPlace) -> bool) -> bool {
        self.defs.places(id).iter().any(kind)
    }

    fn is_indicator(&self, id: &Id) -> bool {
        self.is_defined_as(id, |p| matches!(p, IdPlace::Indicator(_)))
    }

    fn is_measure(&self, id: &Id) -> bool {
        self.is_defined_as(id, |p| matches!(p, IdPlace::Measure(..)))
    }

    /// The measure an initiative belongs to (the last one, if its id is not unique).
    fn initiative_owner(&self, id: &Id) -> Option<&'a Id> {
        let s = self.s;
        self.defs.places(id).iter().rev().find_map(|p| match *p {
            IdPlace::Initiative(g, m, _) => s.goals.get(g).and_then(|g| g.measures.get(m)).map(|m| &m.id),
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

    fn sdgs(&mut self, at: IdPlace, sdgs: &[Sdg]) {
        for (i, sdg) in sdgs.iter().enumerate() {
            if !sdg.is_valid() {
                self.push(format!("{at}.sdgs[{i}]"), ProblemKind::InvalidSdg { number: sdg.0 });
            }
        }
    }

    fn unique_years<I: IntoIterator<Item = FiscalYear>>(&mut self, path: impl Fn() -> String, field: &str, years: I) {
        // A plain list while it is short: these are a few years each, thousands of times per
        // validation; a set past that (a hostile file's hundreds of thousands of values would take seconds as a list).
        let mut seen: Vec<FiscalYear> = Vec::new();
        let mut many: std::collections::HashSet<FiscalYear> = std::collections::HashSet::new();
        for (i, year) in years.into_iter().enumerate() {
            let repeated = if seen.len() < 32 {
                seen.contains(&year)
            } else {
                if many.is_empty() {
                    many.extend(seen.iter().copied());
                }
                !many.insert(year)
            };
            if repeated {
                let path = path();
                let at = if field.is_empty() { format!("{path}[{i}]") } else { format!("{path}[{i}].{field}") };
                self.push(at, ProblemKind::DuplicateYear { year });
            } else if seen.len() < 32 {
                seen.push(year);
            }
        }
    }

    /// The strategy's own values, and the ids defined before the indicators.
    pub(super) fn strategy(&mut self) {
        let s = self.s;
        self.define(&s.id, IdPlace::Strategy);
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
            self.define(&x.id, IdPlace::Section(i));
        }
        for (i, x) in s.national_framework.goals.iter().enumerate() {
            self.define(&x.id, IdPlace::NationalGoal(i));
        }
        for (i, x) in s.departments.iter().enumerate() {
            self.define(&x.id, IdPlace::Department(i));
            self.title(|| format!("departments[{i}].name"), &x.name);
        }
        for (i, x) in s.schedule.iter().enumerate() {
            let path = format!("schedule[{i}]");
            self.define(&x.id, IdPlace::Schedule(i));
            if !x.when.is_well_formed() {
                self.push(format!("{path}.when"), ProblemKind::BadScheduleDate);
            }
            if let crate::model::ScheduleWhen::Period { fiscal_year, .. } = &x.when {
                self.year(|| format!("{path}.when.fiscal_year"), *fiscal_year, false);
            }
        }
    }

    pub(super) fn workshops(&mut self) {
        let s = self.s;
        for (wi, w) in s.workshops.iter().enumerate() {
            let wp = format!("workshops[{wi}]");
            self.define(&w.id, IdPlace::Workshop(wi));
            if !crate::model::schedule::is_calendar_date(&w.date) {
                self.push(format!("{wp}.date"), ProblemKind::BadWorkshopDate);
            }
            for (ni, n) in w.notes.iter().enumerate() {
                self.define(&n.id, IdPlace::Note(wi, ni));
                let known = match &n.target {
                    crate::model::NoteTarget::Goal(id) => self.is_defined_as(id, |p| matches!(p, IdPlace::Goal(_))),
                    crate::model::NoteTarget::Measure(id) => self.is_measure(id),
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

    /// The rounds (照会): one per fiscal year (a second is a warning: two members may open one at
    /// once, and a merge keeps both), real dates, answers of sections the list holds.
    pub(super) fn rounds(&mut self) {
        let s = self.s;
        for (ri, r) in s.rounds.iter().enumerate() {
            let rp = IdPlace::Round(ri);
            if s.rounds[..ri].iter().any(|x| x.fiscal_year == r.fiscal_year) {
                self.push(format!("{rp}.fiscal_year"), ProblemKind::DuplicateRound { year: r.fiscal_year });
            }
            self.define(&r.id, rp);
            self.year(|| format!("{rp}.fiscal_year"), r.fiscal_year, false);
            for (field, date) in [("deadline", &r.deadline), ("opened", &r.opened)] {
                if let Some(date) = date.as_ref().filter(|d| !crate::model::schedule::is_calendar_date(d)) {
                    self.push(format!("{rp}.{field}"), ProblemKind::BadRoundDate { date: date.clone() });
                }
            }
            for (ai, a) in r.answers.iter().enumerate() {
                let ap = IdPlace::Answer(ri, ai);
                self.define(&a.id, ap);
                self.department(ap, &Some(a.department.clone()));
            }
        }
    }

    /// The hearings (意見聴取) and opinions: real 意見募集期間, each opinion's hearing and item
    /// where they name them (a missing one is a warning: the opinion is kept).
    /// The 地方人口ビジョン (`model::population::check`).
    pub(super) fn population(&mut self) {
        let Some(v) = &self.s.population else { return };
        for (path, p) in crate::model::population::check(v) {
            self.push(path, ProblemKind::Population(p));
        }
    }

    pub(super) fn hearings(&mut self) {
        use crate::model::{schedule::is_calendar_date, OpinionAbout};
        let s = self.s;
        for (hi, h) in s.hearings.iter().enumerate() {
            self.define(&h.id, IdPlace::Hearing(hi));
            if let Some(p) = &h.period {
                if !is_calendar_date(&p.from) || !is_calendar_date(&p.to) || p.from > p.to {
                    self.push(format!("{}.period", IdPlace::Hearing(hi)), ProblemKind::BadCommentPeriod);
                }
            }
        }
        for (oi, o) in s.opinions.iter().enumerate() {
            let at = IdPlace::Opinion(oi);
            self.define(&o.id, at);
            if !self.is_defined_as(&o.hearing, |p| matches!(p, IdPlace::Hearing(_))) {
                self.push(format!("{at}.hearing"), ProblemKind::UnknownHearing { id: o.hearing.clone() });
            }
            let known = match &o.about {
                OpinionAbout::Whole => true,
                OpinionAbout::Goal(id) => self.is_defined_as(id, |p| matches!(p, IdPlace::Goal(_))),
                OpinionAbout::Measure(id) => self.is_measure(id),
                OpinionAbout::Indicator(id) => self.is_indicator(id),
                OpinionAbout::Section(id) => self.is_defined_as(id, |p| matches!(p, IdPlace::Section(_))),
            };
            if let Some(id) = o.about.id().filter(|_| !known) {
                self.push(format!("{at}.about"), ProblemKind::UnknownOpinionItem { id: id.clone() });
            }
        }
    }

    /// References to indicators at `at`: each must lead to one.
    fn references(&mut self, at: IdPlace, field: &str, refs: &[Id]) {
        for (i, r) in refs.iter().enumerate() {
            if !self.is_indicator(r) {
                self.push(format!("{at}.{field}[{i}]"), ProblemKind::UnknownIndicator { id: r.clone() });
            }
        }
    }

    /// The section (担当課) an item names at `at`, if any, must be in the strategy's list.
    fn department(&mut self, at: impl std::fmt::Display, department: &Option<Id>) {
        if let Some(id) = department {
            if !self.is_defined_as(id, |p| matches!(p, IdPlace::Department(_))) {
                self.push(format!("{at}.department"), ProblemKind::UnknownDepartment { id: id.clone() });
            }
        }
    }

    /// An indicator no goal, measure or initiative refers to.
    pub(super) fn unused(&mut self, i: usize, ind: &Indicator) {
        if !self.defs.referred(&ind.id) {
            self.push(format!("indicators[{i}]"), ProblemKind::IndicatorUnused);
        }
    }

    pub(super) fn goal(&mut self, gp: IdPlace, g: &Goal) {
        self.title(|| format!("{gp}.title"), &g.title);
        if let Some(n) = &g.national_goal {
            if !self.is_defined_as(n, |p| matches!(p, IdPlace::NationalGoal(_))) {
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

    pub(super) fn measure(&mut self, mp: IdPlace, m: &Measure) {
        self.title(|| format!("{mp}.title"), &m.title);
        self.sdgs(mp, &m.sdgs);
        self.department(mp, &m.department);
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
        for (ei, e) in m.evaluations.iter().enumerate() {
            // One per year and stage (一次, 二次, 外部): a repeated pair is a repeated year.
            if m.evaluations[..ei].iter().any(|x| (x.fiscal_year, x.stage) == (e.fiscal_year, e.stage)) {
                self.push(
                    format!("{mp}.evaluations[{ei}].fiscal_year"),
                    ProblemKind::DuplicateYear { year: e.fiscal_year },
                );
            }
            self.year(|| format!("{mp}.evaluations[{ei}].fiscal_year"), e.fiscal_year, false);
            if let Some(date) = e.date.as_ref().filter(|d| !crate::model::schedule::is_calendar_date(d)) {
                self.push(
                    format!("{mp}.evaluations[{ei}].date"),
                    ProblemKind::BadEvaluationDate { date: date.clone() },
                );
            }
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
    pub(super) fn initiative(&mut self, ip: IdPlace, init: &Initiative) {
        self.title(|| format!("{ip}.title"), &init.title);
        self.department(ip, &init.department);
        self.references(ip, "kpis", &init.kpis);
        self.unique_years(|| format!("{ip}.years"), "fiscal_year", init.years.iter().map(|y| y.fiscal_year));
        for (yi, y) in init.years.iter().enumerate() {
            self.year(|| format!("{ip}.years[{yi}].fiscal_year"), y.fiscal_year, false);
            self.money(|| format!("{ip}.years[{yi}].budget"), y.budget);
            self.money(|| format!("{ip}.years[{yi}].settled"), y.settled);
        }
        self.problems.extend(crate::model::region::partner_problems(&ip.to_string(), init));
    }

    pub(super) fn indicator(&mut self, i: usize, ind: &Indicator) {
        let ip = IdPlace::Indicator(i);
        self.define(&ind.id, ip);
        self.title(|| format!("{ip}.name"), &ind.name);
        self.department(ip, &ind.department);
        if ind.series.is_empty() {
            self.push(format!("{ip}.series"), ProblemKind::IndicatorWithoutSeries);
        }
        for (si, series) in ind.series.iter().enumerate() {
            let sp = IdPlace::Series(i, si);
            self.define(&series.id, sp);
            self.series(sp, series);
        }
        self.unique_years(|| format!("{ip}.analyses"), "year", ind.analyses.iter().map(|a| a.year));
    }

    /// The years a path from the baseline to a target needs (a value target, a relative one):
    /// the target's, else the assumed one, said; the baseline's, else the assumed one, said.
    fn path_years(&mut self, sp: IdPlace, series: &Series, year: Option<FiscalYear>) {
        match year {
            Some(y) => self.year(|| format!("{sp}.target.year"), y, true),
            // What the computation assumes is said (`model::achievement` takes the same).
            None => self.push(
                format!("{sp}.target.year"),
                ProblemKind::TargetYearUnknown {
                    assumed: self.s.period.assumed_target_year(),
                    basis: series.year_basis,
                },
            ),
        }
        if series.baseline.as_ref().is_some_and(|b| b.year.is_none()) {
            self.push(
                format!("{sp}.baseline.year"),
                ProblemKind::BaselineYearUnknown {
                    assumed: self.s.period.assumed_baseline_year(),
                    basis: series.year_basis,
                },
            );
        }
    }

    fn series(&mut self, sp: IdPlace, series: &Series) {
        if let Some(b) = &series.baseline {
            self.number(|| format!("{sp}.baseline.value"), b.value);
            if let Some(y) = b.year {
                self.year(|| format!("{sp}.baseline.year"), y, false);
            }
        }
        match &series.target {
            Some(Target::Value { value, year }) => {
                self.number(|| format!("{sp}.target.value"), *value);
                self.path_years(sp, series, *year);
                if series.baseline.is_none() {
                    self.push(format!("{sp}.baseline"), ProblemKind::BaselineMissing);
                }
            }
            Some(Target::Relative { change, year }) => {
                if let RelativeChange::Percent(v) | RelativeChange::Points(v) = change {
                    self.number(|| format!("{sp}.target.change"), *v);
                }
                match &series.baseline {
                    // Nothing to derive the value from: said, never guessed.
                    None => self.push(format!("{sp}.baseline"), ProblemKind::RelativeTargetWithoutBaseline),
                    Some(_) => self.path_years(sp, series, *year),
                }
            }
            Some(Target::Average { value, from, to }) | Some(Target::Cumulative { value, from, to }) => {
                self.number(|| format!("{sp}.target.value"), *value);
                self.year(|| format!("{sp}.target.from"), *from, true);
                self.year(|| format!("{sp}.target.to"), *to, true);
                if to < from {
                    self.push(format!("{sp}.target"), ProblemKind::SpanReversed { from: *from, to: *to });
                }
            }
            Some(Target::Bound { value, year, .. }) => {
                self.number(|| format!("{sp}.target.value"), *value);
                if let Some(y) = year {
                    self.year(|| format!("{sp}.target.year"), *y, true);
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
        self.series_dates(sp, series);
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
