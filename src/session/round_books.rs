//! The returned workbooks' flow (照会用のブック read back) without the page (`ui::round::books`
//! shows it): the files picked are read under a ticket (`flow`: a late read never replaces a
//! newer pick), then planned against the open strategy as a preview — each workbook refused
//! whole or answered (what it changes, what was ignored, what could not be read), what it would
//! change of confirmed values, and the sections whose 提出 taking it in records —, then taken in
//! or cancelled. Taking in writes the values (confirmed ones kept unless the person takes them)
//! and records each answering section's 提出 as received in a workbook, by the person who took
//! it in (`model::round::Via::Workbook`); nothing here stores: the UI applies it as one undo
//! step. The bytes are read and the workbooks opened by the page (the workbook part); this is
//! the rest.

use super::flow::Flow;
use crate::format::round_book::{
    changes_of, confirmed_by, read_opened, take_in, taking, AnswerChange, OpenedBook, ReturnedBook,
};
use crate::model::round::{AnswerStanding, ConfirmedChange, OnConfirmed};
use crate::model::{FiscalYear, Id, Strategy};
use std::sync::Arc;

/// Reading the picked workbooks → their preview (`flow::Flow`).
pub type BooksFlow = Flow<Arc<BooksPreview>>;

/// What the flow did last, shown once nothing is read or previewed.
#[derive(Clone, Debug, PartialEq)]
pub enum BooksOutcome {
    /// Taken in as one undo step: `values` changed, `kept` confirmed values kept as they were,
    /// and the 提出 of these sections recorded.
    Taken { values: usize, kept: usize, submitted: Vec<Id> },
    /// The workbooks could not be opened (the reader's part did not load); nothing changed.
    Unread,
}

/// The picked workbooks read against the round, waiting for the user's choice.
#[derive(Clone, Debug, PartialEq)]
pub struct BooksPreview {
    pub round: Id,
    pub year: FiscalYear,
    /// Per file (a zip's workbooks each), refused or answered.
    pub readings: Vec<ReturnedBook>,
    /// What the answered workbooks change, in the files' order.
    pub changes: Vec<AnswerChange>,
    /// What they would change of values the planning section confirmed (the preview's card).
    pub confirmed: Vec<ConfirmedChange>,
    /// The sections whose 提出 taking in records: each answered workbook's section that has not
    /// submitted yet (or was sent back), in the files' order.
    pub submissions: Vec<Id>,
}

/// What the file names read are called while they are read: their names, joined.
pub fn reading_name(names: &[String]) -> String {
    names.join("、")
}

impl BooksPreview {
    /// The opened workbooks read against the round `round` of `s`; `None` when the round is gone.
    pub fn plan(s: &Strategy, round: &Id, opened: Vec<OpenedBook>) -> Option<BooksPreview> {
        let r = s.round(round)?;
        let readings = read_opened(opened, s, r);
        let changes = changes_of(&readings);
        let confirmed = confirmed_by(s, r.fiscal_year, &changes);
        let submissions = readings
            .iter()
            .filter_map(|x| x.outcome.as_ref().ok())
            .map(|a| a.department.clone())
            .filter(|d| matches!(r.standing(d), AnswerStanding::NotSubmitted | AnswerStanding::Returned))
            .collect();
        Some(BooksPreview { round: round.clone(), year: r.fiscal_year, readings, changes, confirmed, submissions })
    }

    /// How many values taking in changes, as `on` says of the confirmed ones: all, or those
    /// outside the confirmed items (whose values are kept).
    pub fn made(&self, on: &OnConfirmed) -> usize {
        taking(&self.changes, &self.confirmed, on)
    }

    /// Whether 「取り込む」 does anything: a value changes or a 提出 is recorded.
    pub fn can_take(&self) -> bool {
        !self.changes.is_empty() || !self.submissions.is_empty()
    }

    /// Takes the workbooks in, into `s` as it is now, by `by` at `at`: the values (confirmed ones
    /// kept, or taken and confirmed again in the name `on` gives), then each section's 提出 as
    /// received in a workbook (a section that submitted meanwhile, in another tab, is left as
    /// it is).
    pub fn take(&self, s: &mut Strategy, on: &OnConfirmed, by: &str, at: &str) -> BooksOutcome {
        let values = self.made(on);
        take_in(s, self.year, &self.changes, on, at);
        let submitted =
            self.submissions.iter().filter(|d| s.receive(&self.round, d, by, at).is_ok()).cloned().collect();
        BooksOutcome::Taken { values, kept: self.changes.len() - values, submitted }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::format::round_book::{open_files, rows, section_workbook, AnswerField, ANSWER, ID, KEY};
    use crate::format::table::{Cell, Grid};
    use crate::model::round::{tallies, Ask, Round, Step, Via};

    const R6: FiscalYear = FiscalYear(2024);
    /// After the round's deadline (2025-04-25).
    const TODAY: &str = "2025-05-07";

    /// 北本市 with a round of 令和6年度 due 2025-04-25, and the first two sections asked a KPI's
    /// actual: (the strategy, the round, the two sections).
    fn kitamoto() -> (Strategy, Id, [Id; 2]) {
        let mut s = crate::examples::by_key("kitamoto").unwrap().load().unwrap();
        let mut r = Round::new(R6, &Ask::ALL, "企画 花子", "2025-04-10");
        r.deadline = Some("2025-04-25".into());
        let round = s.open_round(r).unwrap();
        let r = s.round(&round).unwrap();
        let asked: Vec<Id> = tallies(&s, r, TODAY)
            .iter()
            .filter_map(|t| t.department.cloned())
            .filter(|d| rows(&s, r, d).iter().any(|x| matches!(x.field, AnswerField::Actual(_))))
            .collect();
        let sections = [asked[0].clone(), asked[1].clone()];
        (s, round, sections)
    }

    /// A section's workbook as written, with its first KPI actual answered `value`, opened as
    /// the workbook part opens it.
    fn answered(s: &Strategy, round: &Id, section: &Id, value: f64) -> Vec<OpenedBook> {
        let r = s.round(round).unwrap();
        let bytes = section_workbook(s, r, section).unwrap();
        let mut opened = open_files(vec![(format!("{}.xlsx", s.department_name(section).unwrap()), bytes)]);
        let row = rows(s, r, section).into_iter().find(|x| matches!(x.field, AnswerField::Actual(_))).unwrap();
        let grids: &mut Vec<Grid> = opened[0].1.as_mut().unwrap();
        let g = grids.iter_mut().find(|g| g.name == crate::format::round_book::SHEET_ANSWERS).unwrap();
        let at = (1..g.rows.len())
            .find(|i| {
                g.cell(*i, ID) == &Cell::Text(row.subject.0.clone())
                    && g.cell(*i, KEY) == &Cell::Text(row.field.key().to_owned())
            })
            .unwrap();
        let cells = &mut g.rows[at];
        cells.resize(cells.len().max(ANSWER + 1), Cell::Empty);
        cells[ANSWER] = Cell::Number(value);
        opened
    }

    fn standing(s: &Strategy, round: &Id, section: &Id) -> (AnswerStanding, bool) {
        let r = s.round(round).unwrap();
        let t = tallies(s, r, TODAY).into_iter().find(|t| t.department == Some(section)).unwrap();
        (t.standing, t.late)
    }

    #[test]
    fn returned_workbooks_are_read_previewed_and_taken_in_as_the_sections_submissions() {
        let (mut s, round, [a, b]) = kitamoto();
        assert_eq!(standing(&s, &round, &a), (AnswerStanding::NotSubmitted, true), "late before");
        let mut flow = BooksFlow::default();
        let ticket = flow.start(&reading_name(&["a.xlsx".into(), "b.xlsx".into()]));
        assert!(flow.wants(ticket));

        let mut opened = answered(&s, &round, &a, 1234.5);
        opened.extend(answered(&s, &round, &b, 678.0));
        // A third file that is no workbook: refused alone, no 提出 for it.
        opened.extend(open_files(vec![("memo.txt".into(), b"not a workbook".to_vec())]));
        let preview = BooksPreview::plan(&s, &round, opened).unwrap();
        assert!(flow.ready(ticket, Arc::new(preview)));
        let p = flow.ready_preview().unwrap().clone();
        assert_eq!(p.readings.len(), 3);
        assert!(p.readings[2].outcome.is_err());
        assert_eq!(p.changes.len(), 2);
        assert_eq!(p.submissions, [a.clone(), b.clone()]);
        assert!(p.confirmed.is_empty() && p.can_take());
        assert_eq!(standing(&s, &round, &a), (AnswerStanding::NotSubmitted, true), "nothing changed by the preview");

        let outcome = p.take(&mut s, &OnConfirmed::Keep, "企画 花子", "2025-05-07T01:00:00.000Z");
        flow.cancel();
        assert_eq!(outcome, BooksOutcome::Taken { values: 2, kept: 0, submitted: vec![a.clone(), b.clone()] });
        for d in [&a, &b] {
            assert_eq!(standing(&s, &round, d), (AnswerStanding::Submitted, false), "提出, not 未提出 nor late");
            let last = s.round(&round).unwrap().latest(d).unwrap();
            assert_eq!((last.step, last.via, last.by.as_str()), (Step::Submitted, Via::Workbook, "企画 花子"));
        }
        let changed = &p.changes[0];
        let AnswerField::Actual(series) = &changed.field else { panic!("an actual") };
        let ind = s.indicator(&changed.subject).unwrap();
        assert_eq!(ind.series.iter().find(|x| &x.id == series).unwrap().actual(R6).map(|x| x.value), Some(1234.5));

        // 確認 and 差し戻し then work as for an answer made in the app.
        s.confirm(&round, &a, "企画 花子", "2025-05-08T00:00:00.000Z").unwrap();
        s.send_back(&round, &b, "企画 花子", "2025-05-08T00:00:00.000Z", "決算額を確認してください").unwrap();
        assert_eq!(standing(&s, &round, &a).0, AnswerStanding::Confirmed);
        assert_eq!(standing(&s, &round, &b), (AnswerStanding::Returned, true));

        // The same workbooks again: the confirmed section is not submitted again; the one sent
        // back is; nothing changes of the values.
        let mut again = answered(&s, &round, &a, 1234.5);
        again.extend(answered(&s, &round, &b, 678.0));
        let p = BooksPreview::plan(&s, &round, again).unwrap();
        assert_eq!((p.changes.len(), p.submissions.clone()), (0, vec![b.clone()]));
        assert!(p.can_take());
        assert_eq!(
            p.take(&mut s, &OnConfirmed::Keep, "企画 花子", "2025-05-09T00:00:00.000Z"),
            BooksOutcome::Taken { values: 0, kept: 0, submitted: vec![b.clone()] }
        );
        assert_eq!(standing(&s, &round, &b), (AnswerStanding::Submitted, false));
        assert_eq!(standing(&s, &round, &a).0, AnswerStanding::Confirmed);
        assert!(BooksPreview::plan(&s, &Id::from("round-gone"), Vec::new()).is_none());
    }

    #[test]
    fn a_second_pick_during_a_read_wins_over_the_late_first() {
        let (s, round, sections) = kitamoto();
        // The first pick answers the first section, the second the second.
        let flow = crate::session::round_trip::tests::second_pick_wins(|n| {
            BooksPreview::plan(&s, &round, answered(&s, &round, &sections[n - 1], n as f64))
        });
        assert_eq!(flow.ready_preview().unwrap().submissions, [sections[1].clone()]);
    }
}
