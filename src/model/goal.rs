//! Goals: basic goals (基本目標) and cross-cutting goals (横断的な目標), with their direction,
//! national counterpart, SDG tags, numerical targets (references to indicators) and measures.

use super::{Id, Measure, Sdg};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use std::sync::Arc;

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Goal {
    pub id: Id,
    #[serde(default)]
    pub kind: GoalKind,
    /// Display number: "1", "2" …
    #[serde(default)]
    pub number: String,
    pub title: String,
    /// The ～…～ line under the title.
    #[serde(default)]
    pub subtitle: String,
    /// 方向性
    #[serde(default)]
    pub direction: String,
    /// The national goal it corresponds to (an id in the strategy's national framework).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub national_goal: Option<Id>,
    #[serde(default)]
    pub sdgs: Vec<Sdg>,
    /// 数値目標: indicators, by id.
    #[serde(default)]
    pub targets: Vec<Id>,
    #[serde(default)]
    pub measures: Vec<Arc<Measure>>,
    /// Fields this version does not know, kept as they came (`model::unknown`).
    #[serde(flatten, default)]
    pub unknown: super::UnknownFields,
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum GoalKind {
    /// 基本目標
    #[default]
    Basic,
    /// 横断的な目標
    CrossCutting,
}

impl GoalKind {
    pub fn japanese(self) -> &'static str {
        match self {
            GoalKind::Basic => "基本目標",
            GoalKind::CrossCutting => "横断的な目標",
        }
    }
}

impl Goal {
    pub fn measures_mut(&mut self) -> impl Iterator<Item = &mut Measure> {
        self.measures.iter_mut().map(Arc::make_mut)
    }

    pub fn new(kind: GoalKind, number: &str, title: &str) -> Goal {
        Goal {
            id: Id::new("goal"),
            kind,
            number: number.to_owned(),
            title: title.to_owned(),
            subtitle: String::new(),
            direction: String::new(),
            national_goal: None,
            sdgs: Vec::new(),
            targets: Vec::new(),
            measures: Vec::new(),
            unknown: Default::default(),
        }
    }
}
