//! The year's round (照会): the planning section asks every section (担当課) for a fiscal year's
//! figures and its own evaluation, each section answers (提出), the planning section confirms
//! (確認) or sends back (差し戻し). Not the figures themselves: those are the strategy's (`items`
//! says which are asked of whom and whether they are filled, as pure functions of it).
//!
//! **What is stored.** A [`Round`] per fiscal year (the year asked about, a deadline, the
//! instructions, what is asked) and its [`Answer`]s: events, each one section's 提出, 確認 or
//! 差し戻し with who and when, never edited or removed. A section's standing is its latest
//! event (by time, then id: the same whatever order a merge left them in). Two members'
//! events merge as a union: each is an entity with an id of its own (`merge::shape`), so
//! nothing one member did is lost and there is nothing to conflict over.
//!
//! **Who answers.** An item belongs to the section that owns it (`model::department`); an
//! item no section owns is the planning section's, which answers it without submitting it to
//! itself.

mod confirmed;
#[cfg(test)]
mod confirmed_tests;
mod items;
#[cfg(test)]
mod tests;

pub use confirmed::{
    any_confirmed, changed_since_confirmed, confirmed_changes, keep_confirmed, reconfirm, snapshot, value_of,
    Confirmed, ConfirmedChange, OnConfirmed,
};
pub use items::{copied_texts, items, tallies, Copied, Item, ItemKind, Subject, Tally, TextField};

use super::{FiscalYear, Id, Indicator, Strategy};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use std::sync::Arc;

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
    pub unknown: super::UnknownFields,
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
    pub values: Vec<Confirmed>,
    /// Fields this version does not know, kept as they came (`model::unknown`).
    #[serde(flatten, default)]
    pub unknown: super::UnknownFields,
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

impl Indicator {
    /// The 要因分析 of a year, when one is written.
    pub fn analysis(&self, year: FiscalYear) -> Option<&str> {
        self.analyses.iter().find(|a| a.year == year).map(|a| a.text.as_str()).filter(|t| !t.trim().is_empty())
    }

    /// Writes (or with an empty text, removes) the 要因分析 of a year; kept in year order.
    pub fn set_analysis(&mut self, year: FiscalYear, text: &str) {
        self.analyses.retain(|a| a.year != year);
        if !text.trim().is_empty() {
            self.analyses.push(Analysis { year, text: text.to_owned() });
        }
        crate::sorting::by_key(&mut self.analyses, |a| a.year);
    }
}

/// Whether a strategy has no rounds (its file then has no `rounds`).
pub fn is_empty(rounds: &Arc<Vec<Round>>) -> bool {
    rounds.is_empty()
}

impl Round {
    /// A round of `fiscal_year` asking `asks`, opened by `by` on `today` (YYYY-MM-DD).
    pub fn new(fiscal_year: FiscalYear, asks: &[Ask], by: &str, today: &str) -> Round {
        let mut asks = asks.to_vec();
        crate::sorting::by_key(&mut asks, |a| *a);
        asks.dedup();
        Round {
            id: Id::new("round"),
            fiscal_year,
            deadline: None,
            instructions: String::new(),
            asks,
            opened_by: by.trim().to_owned(),
            opened: Some(today.to_owned()).filter(|t| !t.is_empty()),
            answers: Vec::new(),
            unknown: Default::default(),
        }
    }

    pub fn asks(&self, ask: Ask) -> bool {
        self.asks.contains(&ask)
    }

    /// A section's latest event: the latest `at`, then the greatest id (the same in every
    /// member's copy, whatever order a merge left the events in).
    pub fn latest(&self, department: &Id) -> Option<&Answer> {
        self.answers.iter().filter(|a| &a.department == department).max_by(|a, b| (&a.at, &a.id).cmp(&(&b.at, &b.id)))
    }

    /// Where a section's answer stands.
    pub fn standing(&self, department: &Id) -> AnswerStanding {
        match self.latest(department).map(|a| a.step) {
            None => AnswerStanding::NotSubmitted,
            Some(Step::Submitted) => AnswerStanding::Submitted,
            Some(Step::Confirmed) => AnswerStanding::Confirmed,
            Some(Step::Returned) => AnswerStanding::Returned,
        }
    }

    /// Whether a section is late on `today` (YYYY-MM-DD): past the deadline and not submitted
    /// (or sent back and not submitted again).
    pub fn is_late(&self, department: &Id, today: &str) -> bool {
        let past = self.deadline.as_deref().is_some_and(|d| !d.is_empty() && today > d);
        past && matches!(self.standing(department), AnswerStanding::NotSubmitted | AnswerStanding::Returned)
    }
}

impl Strategy {
    pub fn round(&self, id: &Id) -> Option<&Round> {
        self.rounds.iter().find(|r| &r.id == id)
    }

    pub fn round_mut(&mut self, id: &Id) -> Option<&mut Round> {
        self.rounds_mut().iter_mut().find(|r| &r.id == id)
    }

    /// The rounds, for changing (copied only when shared with an undo step).
    pub fn rounds_mut(&mut self) -> &mut Vec<Round> {
        Arc::make_mut(&mut self.rounds)
    }

    /// The round of the latest fiscal year (the one every page shows first); of two for one
    /// year (two members opened one at once), the first.
    pub fn latest_round(&self) -> Option<&Round> {
        let last = self.rounds.iter().map(|r| r.fiscal_year).max()?;
        self.rounds.iter().find(|r| r.fiscal_year == last)
    }

    /// Opens a round (one per fiscal year), kept in year order; its id.
    pub fn open_round(&mut self, round: Round) -> Result<Id, RoundRefusal> {
        if self.rounds.iter().any(|r| r.fiscal_year == round.fiscal_year) {
            return Err(RoundRefusal::AlreadyOpen(round.fiscal_year));
        }
        let id = round.id.clone();
        let at = self.rounds.iter().position(|r| r.fiscal_year > round.fiscal_year).unwrap_or(self.rounds.len());
        self.rounds_mut().insert(at, round);
        Ok(id)
    }

    /// Removes a round with its answers (the figures it asked for stay); false when none.
    pub fn remove_round(&mut self, id: &Id) -> bool {
        let before = self.rounds.len();
        self.rounds_mut().retain(|r| &r.id != id);
        before != self.rounds.len()
    }

    /// 提出: a section says its items are answered. Refused while a KPI of it misses its path
    /// without a 要因分析, and once its answer is confirmed or already submitted.
    pub fn submit(&mut self, round: &Id, department: &Id, by: &str, at: &str) -> Result<(), RoundRefusal> {
        let r = self.answerable(round, department)?;
        let standing = r.standing(department);
        if matches!(standing, AnswerStanding::Submitted | AnswerStanding::Confirmed) {
            return Err(RoundRefusal::NotNow(standing));
        }
        let missing = items::causes_missing(self, r, department);
        if !missing.is_empty() {
            return Err(RoundRefusal::CauseMissing(missing));
        }
        self.record(round, department, Step::Submitted, by, at, "");
        Ok(())
    }

    /// 提出 received in a section's returned workbook, taken in by `by` at `at`: recorded as the
    /// section's 提出 (`Via::Workbook`), which the planning section then confirms or sends back
    /// as one made in the app. Refused once the answer is submitted or confirmed; not held back
    /// for a missing 要因分析 (the section is not at hand to write it: the planning section sends
    /// the answer back instead).
    pub fn receive(&mut self, round: &Id, department: &Id, by: &str, at: &str) -> Result<(), RoundRefusal> {
        let standing = self.answerable(round, department)?.standing(department);
        if matches!(standing, AnswerStanding::Submitted | AnswerStanding::Confirmed) {
            return Err(RoundRefusal::NotNow(standing));
        }
        self.record(round, department, Step::Submitted, by, at, "");
        if let Some(a) = self.round_mut(round).and_then(|r| r.answers.last_mut()) {
            a.via = Via::Workbook;
        }
        Ok(())
    }

    /// 確認: the planning section accepts a submitted answer.
    pub fn confirm(&mut self, round: &Id, department: &Id, by: &str, at: &str) -> Result<(), RoundRefusal> {
        match self.answerable(round, department)?.standing(department) {
            AnswerStanding::Submitted => {
                self.record(round, department, Step::Confirmed, by, at, "");
                Ok(())
            }
            other => Err(RoundRefusal::NotNow(other)),
        }
    }

    /// 差し戻し: the planning section sends a submitted or confirmed answer back, saying why.
    pub fn send_back(
        &mut self,
        round: &Id,
        department: &Id,
        by: &str,
        at: &str,
        comment: &str,
    ) -> Result<(), RoundRefusal> {
        match self.answerable(round, department)?.standing(department) {
            AnswerStanding::Submitted | AnswerStanding::Confirmed => {
                self.record(round, department, Step::Returned, by, at, comment.trim());
                Ok(())
            }
            other => Err(RoundRefusal::NotNow(other)),
        }
    }

    fn answerable(&self, round: &Id, department: &Id) -> Result<&Round, RoundRefusal> {
        let r = self.round(round).ok_or(RoundRefusal::NoRound)?;
        if self.department(department).is_none() {
            return Err(RoundRefusal::UnknownDepartment);
        }
        Ok(r)
    }

    fn record(&mut self, round: &Id, department: &Id, step: Step, by: &str, at: &str, comment: &str) {
        let values = match (step, self.round(round)) {
            (Step::Confirmed, Some(r)) => snapshot(self, r, department),
            _ => Vec::new(),
        };
        if let Some(r) = self.round_mut(round) {
            r.answers.push(Answer {
                id: Id::new("answer"),
                department: department.clone(),
                step,
                by: by.trim().to_owned(),
                via: Via::App,
                at: at.to_owned(),
                comment: comment.to_owned(),
                values,
                unknown: Default::default(),
            });
        }
    }
}
