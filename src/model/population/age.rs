//! Sexes, 5-year age groups with their open group (85+ or 90+), a population by sex × group, and
//! the three age groups (年少 0–14, 生産年齢 15–64, 老年 65+) with their shares and 高齢化率.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// The projection's step in years.
pub const STEP: u16 = 5;
/// The last year projected.
pub const HORIZON: u16 = 2070;

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Sex {
    Male,
    Female,
}

impl Sex {
    pub const BOTH: [Sex; 2] = [Sex::Male, Sex::Female];
}

/// Where the open age group starts: 85 and over (18 groups) or 90 and over (19 groups, the
/// 社人研's 令和5年推計 and the census's 5-year table).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
pub enum OpenAge {
    #[serde(rename = "85")]
    From85,
    #[default]
    #[serde(rename = "90")]
    From90,
}

impl OpenAge {
    /// How many groups: 0–4 … and the open group.
    pub fn groups(self) -> usize {
        match self {
            OpenAge::From85 => 18,
            OpenAge::From90 => 19,
        }
    }

    /// The age the open group starts at.
    pub fn start(self) -> u16 {
        match self {
            OpenAge::From85 => 85,
            OpenAge::From90 => 90,
        }
    }

    /// The group's lowest age and its highest (`None` for the open group).
    pub fn band(self, group: usize) -> AgeBand {
        let low = (group as u16) * STEP;
        AgeBand { low, high: (group + 1 < self.groups()).then_some(low + STEP - 1) }
    }
}

/// A group's ages, as a table's row names them: 0–4 is `{0, Some(4)}`, 90+ is `{90, None}`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct AgeBand {
    pub low: u16,
    pub high: Option<u16>,
}

/// A population by sex × 5-year group, unrounded.
#[derive(Clone, Debug, PartialEq)]
pub struct Population {
    pub open: OpenAge,
    pub male: Vec<f64>,
    pub female: Vec<f64>,
}

/// The first group of women counted for births (15–19) and the first past it (50–54).
const WOMEN_FROM: usize = 3;
const WOMEN_TO: usize = 10;
/// The first group of 生産年齢 (15–19) and of 老年 (65–69).
const WORKING_FROM: usize = 3;
const OLD_FROM: usize = 13;

impl Population {
    /// A population of zeros.
    pub fn empty(open: OpenAge) -> Population {
        Population { open, male: vec![0.0; open.groups()], female: vec![0.0; open.groups()] }
    }

    pub fn of(&self, sex: Sex) -> &[f64] {
        match sex {
            Sex::Male => &self.male,
            Sex::Female => &self.female,
        }
    }

    pub fn of_mut(&mut self, sex: Sex) -> &mut Vec<f64> {
        match sex {
            Sex::Male => &mut self.male,
            Sex::Female => &mut self.female,
        }
    }

    pub fn total(&self) -> f64 {
        self.male.iter().chain(&self.female).sum()
    }

    /// Women 15–49, the mothers of the 子ども女性比.
    pub fn women_15_49(&self) -> f64 {
        self.female[WOMEN_FROM..WOMEN_TO].iter().sum()
    }

    /// Both sexes of one group.
    pub fn group(&self, group: usize) -> f64 {
        self.male[group] + self.female[group]
    }

    pub fn three_groups(&self) -> ThreeGroups {
        let sum = |from: usize, to: usize| (from..to).map(|g| self.group(g)).sum::<f64>();
        let n = self.open.groups();
        ThreeGroups { young: sum(0, WORKING_FROM), working: sum(WORKING_FROM, OLD_FROM), old: sum(OLD_FROM, n) }
    }
}

/// 年少人口 (0–14), 生産年齢人口 (15–64) and 老年人口 (65+), unrounded.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct ThreeGroups {
    pub young: f64,
    pub working: f64,
    pub old: f64,
}

impl ThreeGroups {
    pub fn total(self) -> f64 {
        self.young + self.working + self.old
    }

    /// The shares in per cent to 0.1 % (young, working, old); 高齢化率 is the last.
    pub fn shares(self) -> Option<[f64; 3]> {
        let t = self.total();
        Some([super::share(self.young, t)?, super::share(self.working, t)?, super::share(self.old, t)?])
    }

    /// 高齢化率: 65+ over the total, per cent to 0.1 %.
    pub fn ageing_rate(self) -> Option<f64> {
        super::share(self.old, self.total())
    }
}
