//! Measures (施策 / 主要施策) under a goal: summary, 重点施策 flag, SDG tags, related measures,
//! KPIs, initiatives (own and re-listed), and one evaluation per fiscal year.

use super::{FiscalYear, Id, Initiative, Money, Sdg};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use std::sync::Arc;

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Measure {
    pub id: Id,
    /// Display number: "1", "1-26" …
    #[serde(default)]
    pub number: String,
    pub title: String,
    /// 施策の概要 / 施策の基本的方向
    #[serde(default)]
    pub summary: String,
    /// 重点施策
    #[serde(default)]
    pub priority: bool,
    /// The section (担当課) that owns it, by id (`model::department`); absent when none is named.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub department: Option<Id>,
    #[serde(default)]
    pub sdgs: Vec<Sdg>,
    /// 関連施策 inside this strategy, by id.
    #[serde(default)]
    pub related: Vec<Id>,
    /// 関連施策 that live outside this strategy (e.g. "1-26" of the 総合計画), as written.
    #[serde(default)]
    pub related_external: Vec<String>,
    /// KPIs: indicators, by id.
    #[serde(default)]
    pub kpis: Vec<Id>,
    /// The initiatives this measure owns (具体的取組 / 事業).
    #[serde(default)]
    pub initiatives: Vec<Arc<Initiative>>,
    /// 【再掲】: initiatives owned by another measure, listed here too (the same initiative, by id).
    #[serde(default)]
    pub relisted: Vec<Relisting>,
    #[serde(default)]
    pub evaluations: Vec<Evaluation>,
    /// Fields this version does not know, kept as they came (`model::unknown`).
    #[serde(flatten, default)]
    pub unknown: super::UnknownFields,
}

impl Measure {
    pub fn new(number: &str, title: &str) -> Measure {
        Measure {
            id: Id::new("measure"),
            number: number.to_owned(),
            title: title.to_owned(),
            summary: String::new(),
            priority: false,
            department: None,
            sdgs: Vec::new(),
            related: Vec::new(),
            related_external: Vec::new(),
            kpis: Vec::new(),
            initiatives: Vec::new(),
            relisted: Vec::new(),
            evaluations: Vec::new(),
            unknown: Default::default(),
        }
    }

    pub fn initiatives_mut(&mut self) -> impl Iterator<Item = &mut Initiative> {
        self.initiatives.iter_mut().map(Arc::make_mut)
    }

    pub fn evaluation(&self, year: FiscalYear) -> Option<&Evaluation> {
        self.evaluations.iter().find(|e| e.fiscal_year == year)
    }
}

/// 【再掲】: an initiative of another measure shown under this one too — the same initiative,
/// edited in one place. A sheet may re-list it only for some years (e.g. only in its 3-year
/// plan, not in last year's results).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Relisting {
    pub initiative: Id,
    /// The fiscal years it is re-listed for; empty means every year.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub years: Vec<FiscalYear>,
}

impl Relisting {
    pub fn all_years(initiative: Id) -> Relisting {
        Relisting { initiative, years: Vec::new() }
    }
    pub fn covers(&self, year: FiscalYear) -> bool {
        self.years.is_empty() || self.years.contains(&year)
    }
}

/// 施策評価 for one fiscal year.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Evaluation {
    pub fiscal_year: FiscalYear,
    /// A label of the strategy's rating rule ("A", "B", "◎" …); none until rated.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rating: Option<String>,
    /// 成果
    #[serde(default)]
    pub outcomes: String,
    /// 課題
    #[serde(default)]
    pub issues: String,
    /// 事業の改善点及び方向性
    #[serde(default)]
    pub improvements: String,
    /// 次年度実施計画 施策の概要
    #[serde(default)]
    pub next_plan: String,
    /// 補足
    #[serde(default)]
    pub notes: String,
    #[serde(default)]
    pub evaluator: Evaluator,
}

impl Evaluation {
    /// The evaluation of a year before anything is written: unrated, internal, no text.
    pub fn new(fiscal_year: FiscalYear) -> Evaluation {
        Evaluation {
            fiscal_year,
            rating: None,
            outcomes: String::new(),
            issues: String::new(),
            improvements: String::new(),
            next_plan: String::new(),
            notes: String::new(),
            evaluator: Evaluator::Internal,
        }
    }
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Evaluator {
    /// 内部評価 (庁内)
    #[default]
    Internal,
    /// 外部評価 (有識者会議・外部委員)
    External,
}

impl Evaluator {
    pub fn japanese(self) -> &'static str {
        match self {
            Evaluator::Internal => "内部評価",
            Evaluator::External => "外部評価",
        }
    }
}

/// Budget and settled-cost totals (計) of one fiscal year, computed, never typed. `None` when
/// no initiative has an amount that year (missing is not zero).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct YearTotals {
    pub budget: Option<Money>,
    pub settled: Option<Money>,
}
