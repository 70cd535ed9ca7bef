//! A round as the strategy file keeps it: what the planning section asked of a fiscal year, the
//! sections' answers as events (提出, 確認, 差し戻し), and the standing an answer reaches.

use crate::model::{FiscalYear, Id};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// One year's round (照会): what the planning section asked, and what was answered.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Round {
    pub id: Id,
    /// The fiscal year asked about: its KPI actuals, its initiatives' results and 決算額, its
    /// 一次評価; next year's 予算額 and direction are of the year after.
    pub fiscal_year: FiscalYear,
    /// 提出期限, YYYY-MM-DD; absent: none set.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub deadline: Option<String>,
    /// 依頼文: the planning section's instructions, as written.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub instructions: String,
    /// What is asked (`Ask`), each once.
    #[serde(default)]
    pub asks: Vec<Ask>,
    /// Who opened the round (a name, as the person gave it).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub opened_by: String,
    /// When it was opened, YYYY-MM-DD.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub opened: Option<String>,
    /// The sections' 提出 and the planning section's 確認 and 差し戻し, in the order they were
    /// recorded here (a merge may interleave two members' events).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub answers: Vec<Answer>,
    /// Fields this version does not know, kept as they came (`model::unknown`).
    #[serde(flatten, default)]
    pub unknown: crate::model::UnknownFields,
}

/// What a round asks of the sections.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Ask {
    /// Each KPI's actual of the year (and, where it misses its path, the 要因分析).
    KpiActuals,
    /// Each initiative's 事業実績 and 決算額 of the year.
    InitiativeResults,
    /// Each initiative's 予算額 and 方向性 of the year after.
    NextBudgets,
    /// Each measure's 一次評価 of the year (its rating).
    FirstEvaluations,
}

impl Ask {
    pub const ALL: [Ask; 4] = [Ask::KpiActuals, Ask::InitiativeResults, Ask::NextBudgets, Ask::FirstEvaluations];
}

/// One event of a section's answer.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Answer {
    pub id: Id,
    /// The section (担当課) it is about, by id.
    pub department: Id,
    pub step: Step,
    /// Who did it (a name, as the person gave it); of a 提出 received in a workbook, who took
    /// the workbook in.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub by: String,
    /// How a 提出 reached the planning section: made in the app (absent, as in every older
    /// file) or in the section's returned workbook.
    #[serde(default, skip_serializing_if = "Via::is_app")]
    pub via: Via,
    /// When, an ISO 8601 timestamp (UTC).
    pub at: String,
    /// 差し戻し: what to correct; otherwise a note.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub comment: String,
    /// 確認: the values it covers, as they stood (`confirmed`: a later change to them is shown,
    /// never taken silently). Absent in other steps, and in a 確認 of an older file (it then
    /// covers the values as they stand).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub values: Vec<ConfirmedValue>,
    /// Fields this version does not know, kept as they came (`model::unknown`).
    #[serde(flatten, default)]
    pub unknown: crate::model::UnknownFields,
}

/// What an answer event does.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Step {
    /// 提出済: the section says its items are answered.
    Submitted,
    /// 確認済: the planning section accepted them.
    Confirmed,
    /// 差し戻し: the planning section sent them back, with a comment.
    Returned,
}

/// How a 提出 was made.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Via {
    /// In the app, by the section (`Answer::by`: who submitted).
    #[default]
    App,
    /// In the section's returned workbook (照会用のブック), taken in by the planning section
    /// (`Answer::by`: who took it in).
    Workbook,
}

impl Via {
    pub fn is_app(&self) -> bool {
        *self == Via::App
    }
}

/// Where a section's answer stands: its latest event, or none.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum AnswerStanding {
    /// 未提出
    NotSubmitted,
    /// 提出済
    Submitted,
    /// 確認済
    Confirmed,
    /// 差し戻し
    Returned,
}

/// Why an answer event was not recorded.
#[derive(Clone, Debug, PartialEq)]
pub enum RoundRefusal {
    /// No round with that id.
    NoRound,
    /// The strategy's list holds no such section.
    UnknownDepartment,
    /// A round for that fiscal year is already open.
    AlreadyOpen(FiscalYear),
    /// These KPIs of the section miss their path and have no 要因分析 yet (by id).
    CauseMissing(Vec<Id>),
    /// The step does not follow from where the answer stands (a 確認 of what was not
    /// submitted, a 提出 of what is confirmed).
    NotNow(AnswerStanding),
}

/// 要因分析 of a KPI in a fiscal year: why the actual is where it is, as its section wrote it
/// (kept on the indicator, `Indicator::analyses`). A round asks for one where the actual misses
/// its path.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Analysis {
    pub year: FiscalYear,
    pub text: String,
}

/// One item's value as it stood when its section's answer was confirmed.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct ConfirmedValue {
    pub kind: ItemKind,
    /// The KPI, initiative or measure it is about, by id.
    pub subject: Id,
    /// The value as text ([`value_of`]): what is compared, and what the card shows.
    pub value: String,
}

/// What an item asks for.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum ItemKind {
    /// A KPI's actual of the year (every breakdown's).
    Actual,
    /// A KPI's 要因分析: asked where the actual misses its path.
    Cause,
    /// An initiative's 事業実績 and 決算額 of the year.
    Result,
    /// An initiative's 予算額 and 方向性 of the year after.
    NextBudget,
    /// A measure's 一次評価 (its rating) of the year.
    FirstEvaluation,
}
