//! Measures (施策 / 主要施策) under a goal: summary, 重点施策 flag, SDG tags, related measures,
//! KPIs, initiatives (own and re-listed), and its evaluations: per fiscal year, one per stage.
//!
//! **Evaluations by stage**. A town evaluates a measure in three stages, each kept
//! apart with who wrote it and when: the owning section's own (一次評価), the planning section's
//! or an internal body's (二次評価: a 副町長 hearing, a 推進本部), and the external committee's
//! opinion (外部評価意見, 産官学金労言). An [`Evaluation`] is one stage of one year; a measure holds
//! at most one per year and stage.
//!
//! Files written before stages held one evaluation per year with `evaluator: internal` or
//! `external`. They read unchanged: `internal` is the 一次評価 and `external` the 外部評価. Why
//! 一次: the sheets those evaluations were typed from are the sections' own — seed 002 is
//! 北斗市's 事務事業評価, each sheet written by the section that runs the measure (its results,
//! 決算額, 成果・課題, its rating, 改善点 and next year's plan) before any internal review, and
//! the issue's round asks the sections for exactly that. The stage is still written under the
//! name `evaluator`, `internal` for 一次, so that a file's evaluations are written byte for
//! byte as before: a strategy's fingerprint (`format::lineage`) is the hash of its JSON, and a
//! renamed value would make every older file's `base` in a shared folder fail its check. The
//! 二次評価 is the new value `second`: a build older than stages refuses a file holding one (an
//! unknown variant, with its path), and one holding two stages of a year (a repeated year).

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

    /// The evaluation of `year` at `stage`.
    pub fn evaluation(&self, year: FiscalYear, stage: EvaluationStage) -> Option<&Evaluation> {
        self.evaluations.iter().find(|e| e.fiscal_year == year && e.stage == stage)
    }

    /// The evaluations of `year`, in the order of the stages (一次, 二次, 外部).
    pub fn evaluations_of(&self, year: FiscalYear) -> impl Iterator<Item = &Evaluation> {
        EvaluationStage::ALL.into_iter().filter_map(move |stage| self.evaluation(year, stage))
    }

    /// Whether any stage evaluated it in `year`.
    pub fn is_evaluated(&self, year: FiscalYear) -> bool {
        self.evaluations.iter().any(|e| e.fiscal_year == year)
    }

    /// The measure's rating of `year`: the last stage's that gives one (外部評価, else 二次評価,
    /// else 一次評価), as a later stage reviews the earlier ones.
    pub fn rating(&self, year: FiscalYear) -> Option<&str> {
        EvaluationStage::ALL.into_iter().rev().find_map(|stage| self.evaluation(year, stage)?.rating.as_deref())
    }

    /// Writes into the evaluation of `year` at `stage`, made when missing and kept in order of
    /// year and stage.
    pub fn edit_evaluation(&mut self, year: FiscalYear, stage: EvaluationStage, edit: impl FnOnce(&mut Evaluation)) {
        let at = match self.evaluations.iter().position(|e| e.fiscal_year == year && e.stage == stage) {
            Some(at) => at,
            None => {
                let after = |e: &Evaluation| (e.fiscal_year, e.stage) > (year, stage);
                let at = self.evaluations.iter().position(after).unwrap_or(self.evaluations.len());
                self.evaluations.insert(at, Evaluation::at(year, stage));
                at
            }
        };
        edit(&mut self.evaluations[at]);
    }

    /// Removes the evaluation of `year` at `stage`; false when there was none.
    pub fn remove_evaluation(&mut self, year: FiscalYear, stage: EvaluationStage) -> bool {
        let before = self.evaluations.len();
        self.evaluations.retain(|e| !(e.fiscal_year == year && e.stage == stage));
        self.evaluations.len() != before
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

/// 施策評価 of one fiscal year at one stage (see the module doc).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Evaluation {
    pub fiscal_year: FiscalYear,
    /// A label of the strategy's rating rule ("A", "B", "◎" …); none until rated.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rating: Option<String>,
    /// 成果 (外部評価: the committee's opinion, 意見)
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
    /// 一次 / 二次 / 外部評価, written as `evaluator` (the module doc says why).
    #[serde(default, rename = "evaluator")]
    pub stage: EvaluationStage,
    /// Who wrote it: a section, 推進本部, the committee (評価者), as the town names them.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub by: String,
    /// When it was written or decided, YYYY-MM-DD.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<String>,
}

impl Evaluation {
    /// The 一次評価 of a year before anything is written: unrated, no text.
    pub fn new(fiscal_year: FiscalYear) -> Evaluation {
        Evaluation::at(fiscal_year, EvaluationStage::First)
    }

    /// The evaluation of a year at a stage before anything is written.
    pub fn at(fiscal_year: FiscalYear, stage: EvaluationStage) -> Evaluation {
        Evaluation {
            fiscal_year,
            rating: None,
            outcomes: String::new(),
            issues: String::new(),
            improvements: String::new(),
            next_plan: String::new(),
            notes: String::new(),
            stage,
            by: String::new(),
            date: None,
        }
    }
}

/// The stage of an evaluation, in the order a year's round makes them.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, JsonSchema)]
pub enum EvaluationStage {
    /// 一次評価: the owning section's own. Written `internal`, as files before stages wrote
    /// every town's own evaluation.
    #[default]
    #[serde(rename = "internal")]
    First,
    /// 二次評価: the planning section's or an internal body's (推進本部, 副町長ヒアリング).
    #[serde(rename = "second")]
    Second,
    /// 外部評価: the external committee's opinion (有識者会議・外部委員).
    #[serde(rename = "external")]
    External,
}

impl EvaluationStage {
    pub const ALL: [EvaluationStage; 3] = [EvaluationStage::First, EvaluationStage::Second, EvaluationStage::External];

    pub fn japanese(self) -> &'static str {
        match self {
            EvaluationStage::First => "一次評価",
            EvaluationStage::Second => "二次評価",
            EvaluationStage::External => "外部評価",
        }
    }

    pub fn english(self) -> &'static str {
        match self {
            EvaluationStage::First => "First (section)",
            EvaluationStage::Second => "Second (internal)",
            EvaluationStage::External => "External",
        }
    }

    /// Its value in a file (`internal`, `second`, `external`).
    pub fn as_str(self) -> &'static str {
        match self {
            EvaluationStage::First => "internal",
            EvaluationStage::Second => "second",
            EvaluationStage::External => "external",
        }
    }

    /// The stage a cell names: its Japanese or English words or its value in a file
    /// (「内部評価」, the words before stages, is the 一次評価).
    pub fn from_words(words: &str) -> Option<EvaluationStage> {
        let w = words.trim();
        EvaluationStage::ALL
            .into_iter()
            .find(|s| [s.japanese(), s.english(), s.as_str()].iter().any(|x| x.eq_ignore_ascii_case(w)))
            .or(match w {
                "一次" | "内部評価" | "自己評価" => Some(EvaluationStage::First),
                "二次" => Some(EvaluationStage::Second),
                "外部" | "外部評価意見" | "有識者意見" => Some(EvaluationStage::External),
                _ => None,
            })
    }
}

/// Budget and settled-cost totals (計) of one fiscal year, computed, never typed. `None` when
/// no initiative has an amount that year (missing is not zero).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct YearTotals {
    pub budget: Option<Money>,
    pub settled: Option<Money>,
}
