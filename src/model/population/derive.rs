//! Assumptions for a town without the 社人研's: cohort change ratios (コーホート変化率) from two
//! censuses five years apart. Each ratio is the whole change (deaths and migration together),
//! kept as 生残率 with 純移動率 0; the 子ども女性比 and 0～4歳性比 are the later census's. The
//! result is marked `AssumptionSource::DerivedFromCensuses`.

use super::{AssumptionSource, Assumptions, BasePopulation, PeriodRates, Sex, STEP};
use crate::model::UnknownFields;

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum DeriveError {
    /// The later census is not five years after the earlier.
    NotFiveYears { earlier: u16, later: u16 },
    /// The two tables close their ages differently (85+ and 90+), or a table is short.
    Groups,
    /// The later census has no women 15–49 or no girls 0–4: no ratio can be made.
    NoChildren,
}

/// One period's rates from `earlier` and `later`, held for every later period.
pub fn derive_from_censuses(earlier: &BasePopulation, later: &BasePopulation) -> Result<Assumptions, DeriveError> {
    if later.year != earlier.year + STEP {
        return Err(DeriveError::NotFiveYears { earlier: earlier.year, later: later.year });
    }
    let (Some(a), Some(b)) = (earlier.population(), later.population()) else { return Err(DeriveError::Groups) };
    if a.open != b.open {
        return Err(DeriveError::Groups);
    }
    let n = a.open.groups();
    let ratios = |sex: Sex| {
        (1..n)
            .map(|g| {
                let from = if g + 1 == n { a.of(sex)[g - 1] + a.of(sex)[g] } else { a.of(sex)[g - 1] };
                // Nobody to follow: the group is taken as unchanged.
                if from > 0.0 {
                    b.of(sex)[g] / from
                } else {
                    1.0
                }
            })
            .collect::<Vec<f64>>()
    };
    let women = b.women_15_49();
    if women <= 0.0 || b.female[0] <= 0.0 {
        return Err(DeriveError::NoChildren);
    }
    let period = PeriodRates {
        start: later.year,
        survival_male: ratios(Sex::Male),
        survival_female: ratios(Sex::Female),
        migration_male: vec![0.0; n - 1],
        migration_female: vec![0.0; n - 1],
        child_woman_ratio: b.group(0) / women,
        sex_ratio: b.male[0] / b.female[0] * 100.0,
    };
    Ok(Assumptions {
        source: AssumptionSource::DerivedFromCensuses { earlier: earlier.year, later: later.year },
        periods: vec![period],
        unknown: UnknownFields::new(),
    })
}
