//! The regional view: a prefecture's regional bureau (振興局) reads many towns'
//! strategies side by side. A [`Region`] names its member strategies by id and keeps what the
//! bureau decides — the indicator names it matches towns on, and the matches it made by hand;
//! everything else is computed from the towns' strategies, each by its own rules:
//!
//! - `rollup`: one row per town for a fiscal year (counts, KPI status mix, share of indicators
//!   with an actual, 予算額 and 決算額) and the region's totals, sortable by any column;
//! - `matching`: which indicators of different towns mean the same thing, and a matched
//!   indicator's actuals and targets per town and fiscal year;
//! - `search`: the theme search over goals, measures and initiatives (取組事例), on an index
//!   built once per region;
//! - `coverage`: towns × SDGs and towns × national goals;
//! - `frames`: the towns grouped by the national frame they are on, a national-goal table each;
//! - `partnership`: 広域連携 named in initiatives, confirmed or not by the other side;
//! - `grants`: initiatives marked 補助事業, per town and year, with their grant programme;
//! - `years`: the fiscal years the table offers and the one it opens on;
//! - `visions`: the towns' population visions side by side and the 管内 total by scenario;
//! - `normalise`: the width, case, space and punctuation folding that matching and search share.
//!
//! Pure functions over `&[&Strategy]` in the region's order ([`Region::towns`]); nothing here
//! is stored or drawn. The region file is `format::region`; its CSVs are in `format::csv`.

mod coverage;
mod frames;
mod grants;
mod matching;
mod normalise;
mod partnership;
mod rollup;
mod search;
#[cfg(test)]
pub(crate) mod tests;
mod visions;
mod years;

pub use visions::{region_totals, town_visions, RegionTotal, ScenarioKind, TownVision};

pub use coverage::{
    national_goal_matrix, sdg_matrix, NationalGoalCell, NationalGoalColumn, NationalGoalKey, NationalGoalMatrix,
    SdgMatrix,
};
pub use frames::{national_goals_by_frame, town_frame, FrameGroup, TownFrame};
pub use grants::{grants, GrantFilter, GrantRow, ProgrammeFilter};
pub use matching::{
    match_indicators, IndicatorRef, IndicatorTable, MatchedBy, MatchedIndicator, Matching, SeriesRow, TableCell,
};
pub use normalise::{fold, key};
pub use partnership::{partner_problems, partnerships, Partnership, PartnershipStatus, Party};
pub use rollup::{side_by_side, sort_rows, Column, RegionTotals, SideBySide, SortOrder, TownRow};
pub use search::{first_hits, Hit, Label, SearchShown, ThemeIndex, ThemeQuery, TownHits};
pub use years::{latest_actual_year, opening_year, plan_years};

use super::{Goal, Id, Initiative, Measure, Strategy, UnknownFields};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// A regional bureau's set of towns, e.g. 「渡島総合振興局管内」.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Region {
    pub id: Id,
    /// e.g. 渡島総合振興局管内
    pub name: String,
    /// The member strategies, by id, in the bureau's order (one strategy per town, usually).
    #[serde(default)]
    pub members: Vec<Id>,
    /// Indicator names the bureau matches towns on (合計特殊出生率, 社会増減数 …): an indicator
    /// whose name contains one (width, case, spaces and punctuation aside) is matched under it.
    /// A file without the field gets the default list; an empty list stays empty.
    #[serde(default = "default_indicator_codes")]
    pub indicator_codes: Vec<String>,
    /// Matches made by hand; they win over the automatic ones.
    #[serde(default)]
    pub matches: Vec<IndicatorMatch>,
    /// Fields this version does not know, kept as they came (`model::unknown`).
    #[serde(flatten, default)]
    pub unknown: UnknownFields,
}

/// One town's indicator put under a matched key by hand, or (`key: None`) kept out of every
/// match — for an indicator whose name happens to contain a code but means something else.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct IndicatorMatch {
    pub strategy: Id,
    pub indicator: Id,
    /// The matched key as the bureau typed it (a code of its list, or another matched
    /// indicator's name), compared with width, case, spaces and punctuation aside.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub key: Option<String>,
}

/// The indicator names a new region matches on: the common population, migration and
/// tourism figures of the seeds and of most towns' KPI tables.
pub const DEFAULT_INDICATOR_CODES: [&str; 10] = [
    "合計特殊出生率",
    "出生数",
    "社会増減数",
    "転入者数",
    "転出者数",
    "移住者数",
    "観光入込客数",
    "宿泊者数",
    "ふるさと納税寄附件数",
    "新規就農者数",
];

fn default_indicator_codes() -> Vec<String> {
    DEFAULT_INDICATOR_CODES.iter().map(|c| (*c).to_owned()).collect()
}

impl Region {
    /// The first id that breaks the id rule (`model::is_safe_id`), with its path from the
    /// region (`id`, `members[2]`, `matches[0].indicator`): such a region can be neither stored
    /// nor opened, and a member or match under such an id names no storable strategy.
    pub fn first_unsafe_id(&self) -> Option<(String, Id)> {
        let at = |path: String, id: &Id| (!id.is_safe()).then(|| (path, id.clone()));
        at("id".into(), &self.id)
            .or_else(|| self.members.iter().enumerate().find_map(|(i, id)| at(format!("members[{i}]"), id)))
            .or_else(|| {
                self.matches.iter().enumerate().find_map(|(i, m)| {
                    at(format!("matches[{i}].strategy"), &m.strategy)
                        .or_else(|| at(format!("matches[{i}].indicator"), &m.indicator))
                })
            })
    }

    /// An empty region with a fresh id and the default indicator codes.
    pub fn new(name: &str) -> Region {
        Region {
            id: Id::new("region"),
            name: name.to_owned(),
            members: Vec::new(),
            indicator_codes: default_indicator_codes(),
            matches: Vec::new(),
            unknown: UnknownFields::new(),
        }
    }

    /// The member strategies found among `strategies`, in the region's order; a member that
    /// is not there (not loaded, removed) is left out, and so is a strategy that is no member.
    pub fn towns<'a>(&self, strategies: impl IntoIterator<Item = &'a Strategy>) -> Vec<&'a Strategy> {
        let found: Vec<&Strategy> = strategies.into_iter().collect();
        self.members.iter().filter_map(|id| found.iter().find(|s| &s.id == id).copied()).collect()
    }

    /// Puts an indicator under a key by hand (`None`: keeps it out of every match), replacing
    /// an earlier hand-made match of the same indicator.
    pub fn set_match(&mut self, strategy: &Id, indicator: &Id, key: Option<String>) {
        self.matches.retain(|m| !(&m.strategy == strategy && &m.indicator == indicator));
        self.matches.push(IndicatorMatch { strategy: strategy.clone(), indicator: indicator.clone(), key });
    }

    /// Forgets the hand-made match of an indicator: the automatic rules decide again.
    pub fn clear_match(&mut self, strategy: &Id, indicator: &Id) {
        self.matches.retain(|m| !(&m.strategy == strategy && &m.indicator == indicator));
    }
}

/// Where an item of a town's strategy is, to open it: the strategy and the goal, measure and
/// initiative ids on the way (a goal has neither of the last two; a measure no initiative).
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct ItemPath {
    pub strategy: Id,
    pub goal: Id,
    pub measure: Option<Id>,
    pub initiative: Option<Id>,
}

/// What an [`ItemPath`] leads to.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum ItemPathKind {
    Goal,
    Measure,
    Initiative,
}

impl ItemPath {
    pub fn kind(&self) -> ItemPathKind {
        match (&self.measure, &self.initiative) {
            (_, Some(_)) => ItemPathKind::Initiative,
            (Some(_), None) => ItemPathKind::Measure,
            (None, None) => ItemPathKind::Goal,
        }
    }

    /// The path to an initiative of `s`.
    fn to_initiative(s: &Strategy, g: &Goal, m: &Measure, i: &Initiative) -> ItemPath {
        ItemPath {
            strategy: s.id.clone(),
            goal: g.id.clone(),
            measure: Some(m.id.clone()),
            initiative: Some(i.id.clone()),
        }
    }
}

/// Every initiative of a strategy with its goal and measure (owned ones only: a re-listing is
/// the same initiative).
fn initiatives_in(s: &Strategy) -> impl Iterator<Item = (&Goal, &Measure, &Initiative)> {
    s.goals
        .iter()
        .flat_map(|g| g.measures.iter().flat_map(move |m| m.initiatives.iter().map(move |i| (&**g, &**m, &**i))))
}
