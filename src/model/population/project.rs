//! The cohort-component projection (コーホート要因法) from the base year to 2070 in 5-year
//! steps, under one scenario. The formulas are in `model::population`'s doc.

use super::scenario::PeriodMigration;
use super::{Assumptions, PeriodRates, Population, Scenario, Sex, HORIZON, STEP};

/// The population at the base year and every 5 years to 2070, unrounded.
#[derive(Clone, Debug, PartialEq)]
pub struct Projection {
    pub years: Vec<u16>,
    pub populations: Vec<Population>,
}

impl Projection {
    pub fn at(&self, year: u16) -> Option<&Population> {
        self.years.iter().position(|&y| y == year).map(|i| &self.populations[i])
    }

    /// The total by year.
    pub fn totals(&self) -> impl Iterator<Item = (u16, f64)> + '_ {
        self.years.iter().copied().zip(self.populations.iter().map(Population::total))
    }
}

/// Why a projection cannot be made.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ProjectionError {
    /// The base population's groups do not match its open group.
    BaseGroups,
    /// No rates for the period starting in this year (the assumptions start later).
    NoRates(u16),
    /// The period's rates do not have one value per group reached.
    RateCount(u16),
    /// A birth-rate path needs the base 合計特殊出生率 (above 0).
    NoBaseBirthRate,
}

/// The projection of `base` (at `base_year`) under `scenario`.
pub fn project(
    base: &Population,
    base_year: u16,
    assumptions: &Assumptions,
    scenario: &Scenario,
    base_birth_rate: Option<f64>,
) -> Result<Projection, ProjectionError> {
    let n = base.open.groups();
    if base.male.len() != n || base.female.len() != n {
        return Err(ProjectionError::BaseGroups);
    }
    let base_rate = match (scenario.path(), base_birth_rate) {
        (None, _) => 1.0,
        (Some(_), Some(r)) if r > 0.0 && r.is_finite() => r,
        (Some(_), _) => return Err(ProjectionError::NoBaseBirthRate),
    };
    let mut years = vec![base_year];
    let mut populations = vec![base.clone()];
    let mut year = base_year;
    while year.checked_add(STEP).is_some_and(|next| next <= HORIZON) {
        let rates = assumptions.for_period(year).ok_or(ProjectionError::NoRates(year))?;
        if [Sex::Male, Sex::Female]
            .iter()
            .any(|&s| rates.survival(s).len() != n - 1 || rates.migration(s).len() != n - 1)
        {
            return Err(ProjectionError::RateCount(rates.start));
        }
        let factor = scenario.birth_factor(base_year, base_rate, year + STEP);
        let next = step(populations.last().expect("the base is there"), rates, factor, scenario.migration(year));
        year += STEP;
        years.push(year);
        populations.push(next);
    }
    Ok(Projection { years, populations })
}

/// Who reaches group `g` (≥ 1) of `sex` in the period: the group below, and for the open group
/// the open group too.
fn reaching(p: &Population, sex: Sex, g: usize) -> f64 {
    let v = p.of(sex);
    if g + 1 == v.len() {
        v[g - 1] + v[g]
    } else {
        v[g - 1]
    }
}

/// One period: ageing with survival and migration, then births from the women at its end.
fn step(p: &Population, rates: &PeriodRates, birth_factor: f64, migration: PeriodMigration) -> Population {
    let n = p.open.groups();
    let mut next = Population::empty(p.open);
    let spread = match migration {
        PeriodMigration::Total(total) => Some(spread(p, rates, total)),
        _ => None,
    };
    for (si, sex) in Sex::BOTH.into_iter().enumerate() {
        for g in 1..n {
            let from = reaching(p, sex, g);
            let survival = rates.survival(sex)[g - 1];
            let value = match (migration, &spread) {
                (PeriodMigration::Rates, _) => from * (survival + rates.migration(sex)[g - 1]),
                (PeriodMigration::Total(_), Some(added)) => from * survival + added[si][g - 1],
                _ => from * survival,
            };
            next.of_mut(sex)[g] = value.max(0.0);
        }
    }
    let births = (next.women_15_49() * rates.child_woman_ratio * birth_factor).max(0.0);
    let ratio = rates.sex_ratio.max(0.0);
    next.male[0] = births * ratio / (100.0 + ratio);
    next.female[0] = births * 100.0 / (100.0 + ratio);
    next
}

/// The period's `total` net migrants by sex × group reached, in proportion to the net migrants
/// the assumptions give each (`|M| × P`), or to the population when they give none.
fn spread(p: &Population, rates: &PeriodRates, total: f64) -> [Vec<f64>; 2] {
    let n = p.open.groups();
    let weigh = |by_rate: bool| {
        Sex::BOTH.map(|sex| {
            (1..n)
                .map(|g| {
                    let from = reaching(p, sex, g);
                    if by_rate {
                        from * rates.migration(sex)[g - 1].abs()
                    } else {
                        from
                    }
                })
                .collect::<Vec<f64>>()
        })
    };
    let sum = |w: &[Vec<f64>; 2]| w.iter().flatten().sum::<f64>();
    let mut weights = weigh(true);
    if sum(&weights) <= 0.0 {
        weights = weigh(false);
    }
    let whole = sum(&weights);
    if whole <= 0.0 || !whole.is_finite() {
        return Sex::BOTH.map(|_| vec![0.0; n - 1]);
    }
    weights.map(|w| w.into_iter().map(|v| total * v / whole).collect())
}

/// What moved in one period of a projection, per year: the net migrants (of the groups aged
/// 5 and over: the 0–4 group's migration is inside the 子ども女性比) and the births, taken as the
/// 0–4 group at the period's end, as the method counts them (the survivors of the period's
/// births; the 社人研's municipal tables give no other figure).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct PeriodFlows {
    /// The period's first year.
    pub start: u16,
    pub net_migrants_a_year: f64,
    pub births_a_year: f64,
}

/// The flows of every period of `p`, projected under `scenario` from `assumptions`.
pub fn flows(p: &Projection, assumptions: &Assumptions, scenario: &Scenario) -> Vec<PeriodFlows> {
    let step = f64::from(STEP);
    p.years
        .windows(2)
        .zip(p.populations.windows(2))
        .filter_map(|(years, pops)| {
            let rates = assumptions.for_period(years[0])?;
            let n = pops[0].open.groups();
            if Sex::BOTH.iter().any(|&s| rates.migration(s).len() != n - 1) {
                return None;
            }
            let migrants = match scenario.migration(years[0]) {
                PeriodMigration::Balanced => 0.0,
                PeriodMigration::Total(total) => total,
                PeriodMigration::Rates => Sex::BOTH
                    .iter()
                    .flat_map(|&sex| (1..n).map(move |g| (sex, g)))
                    .map(|(sex, g)| reaching(&pops[0], sex, g) * rates.migration(sex)[g - 1])
                    .sum(),
            };
            Some(PeriodFlows {
                start: years[0],
                net_migrants_a_year: migrants / step,
                births_a_year: pops[1].group(0) / step,
            })
        })
        .collect()
}
