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
mod data;
mod items;
#[cfg(test)]
mod tests;

pub use confirmed::{
    any_confirmed, changed_since_confirmed, confirmed_changes, keep_confirmed, reconfirm, snapshot, value_of,
    ConfirmedChange, OnConfirmed,
};
pub use data::{Analysis, Answer, AnswerStanding, Ask, ConfirmedValue, ItemKind, Round, RoundRefusal, Step, Via};
pub use items::{copied_texts, items, tallies, Copied, Item, Subject, Tally, TextField};

use super::{FiscalYear, Id, Indicator, Strategy};
use std::sync::Arc;

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
