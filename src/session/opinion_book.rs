//! A hearing's filled-in workbook (意見記入用のブック) read back, without the page
//! (`ui::drafting::opinion_book` shows it): the file picked is opened by the reader's part and
//! read under a ticket (`flow`: a second pick while the first is read is not overwritten by
//! whichever finishes last), planned against the open strategy as a preview — refused whole, or
//! what it adds, what it answers or changes, and the rows it cannot take, each with its cell —,
//! then taken in or cancelled. Nothing here stores: the UI applies it as one undo step. The rules
//! are `format::opinions::book`'s.

use super::flow::Flow;
use crate::format::opinions::book::{apply, read_book, Reading, Refused};
use crate::format::table::{Grid, WorkbookError};
use crate::model::{Id, Strategy};
use std::sync::Arc;

/// Reading the picked workbook → its preview (`flow::Flow`).
pub type OpinionBookFlow = Flow<Arc<OpinionBookPreview>>;

/// What the flow did last, shown once nothing is read or previewed.
#[derive(Clone, Debug, PartialEq)]
pub enum OpinionBookOutcome {
    /// Taken in as one undo step: `added` opinions added, `edited` answered or changed.
    Taken { added: usize, edited: usize },
    /// The workbook could not be opened (the reader's part did not load); nothing changed.
    Unread,
}

/// The picked workbook read against the hearing, waiting for the user's choice.
#[derive(Clone, Debug, PartialEq)]
pub struct OpinionBookPreview {
    pub hearing: Id,
    /// The file's name.
    pub file: String,
    pub reading: Result<Reading, Refused>,
}

impl OpinionBookPreview {
    /// The opened workbook `file` read against the hearing `hearing` of `s`; `None` when the
    /// hearing is gone.
    pub fn plan(
        s: &Strategy,
        hearing: &Id,
        file: &str,
        opened: Result<Vec<Grid>, WorkbookError>,
    ) -> Option<OpinionBookPreview> {
        s.hearing(hearing)?;
        let reading = read_book(opened, s, hearing);
        Some(OpinionBookPreview { hearing: hearing.clone(), file: file.to_owned(), reading })
    }

    /// Whether 「取り込む」 does anything: an opinion is added or changed.
    pub fn can_take(&self) -> bool {
        self.reading.as_ref().is_ok_and(|r| !r.added.is_empty() || !r.edited.is_empty())
    }

    /// Takes the workbook in, into `s` as it is now (an opinion deleted meanwhile is skipped).
    /// A refused workbook changes nothing.
    pub fn take(&self, s: &mut Strategy) -> OpinionBookOutcome {
        let (added, edited) = match &self.reading {
            Ok(r) => apply(s, &self.hearing, r),
            Err(_) => (0, 0),
        };
        OpinionBookOutcome::Taken { added, edited }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::format::opinions::book::{opinion_book, write_book, Refused, HEADER_ROW, RESPONSE, TEXT};
    use crate::format::table::{read_workbook, Cell};
    use crate::model::{DraftingStage, Hearing, HearingBody, Opinion, Response};

    /// 北本市 at 素案 with a パブリックコメント (one opinion) and a 議会: (the strategy, both hearings).
    fn kitamoto() -> (Strategy, Id, Id) {
        let mut s = crate::examples::by_key("kitamoto").unwrap().load().unwrap();
        s.stage = DraftingStage::Draft;
        let public = s.add_hearing(Hearing::new(DraftingStage::Draft, HearingBody::PublicComment, ""));
        let assembly = s.add_hearing(Hearing::new(DraftingStage::Draft, HearingBody::Assembly, "12月議会"));
        s.add_opinion(Opinion::new(&public, "図書館の開館時間を延ばしてほしい")).unwrap();
        (s, public, assembly)
    }

    /// The hearing's workbook as written, opened as the reader's part opens it, with its first
    /// opinion answered 「原案のとおり」 and `new` typed as a new opinion below it.
    fn filled(s: &Strategy, hearing: &Id, new: &str) -> Result<Vec<Grid>, WorkbookError> {
        let bytes = write_book(&opinion_book(s, hearing).unwrap()).unwrap();
        let mut grids = read_workbook(&bytes)?;
        let g = grids.iter_mut().find(|g| g.name == "意見").unwrap();
        for (r, c, text) in [(HEADER_ROW + 1, RESPONSE, "原案のとおり"), (HEADER_ROW + 2, TEXT, new)] {
            g.rows.resize(g.rows.len().max(r + 1), Vec::new());
            let row = &mut g.rows[r];
            row.resize(row.len().max(c + 1), Cell::Empty);
            row[c] = Cell::Text(text.into());
        }
        Ok(grids)
    }

    #[test]
    fn a_filled_workbook_is_previewed_then_taken_in_and_a_refused_one_changes_nothing() {
        let (mut s, public, assembly) = kitamoto();
        let mut flow = OpinionBookFlow::default();
        let ticket = flow.start("意見.xlsx");
        let p = OpinionBookPreview::plan(&s, &public, "意見.xlsx", filled(&s, &public, "駐輪場を増やして")).unwrap();
        assert!(flow.ready(ticket, Arc::new(p)));
        let p = flow.ready_preview().unwrap().clone();
        let r = p.reading.as_ref().unwrap();
        assert_eq!((r.added.len(), r.edited.len(), r.bad.len()), (1, 1, 0));
        assert!(p.can_take());
        assert_eq!(s.opinions_of(&public).count(), 1, "the preview changes nothing");

        assert_eq!(p.take(&mut s), OpinionBookOutcome::Taken { added: 1, edited: 1 });
        flow.cancel();
        let now: Vec<&Opinion> = s.opinions_of(&public).collect();
        assert_eq!(
            (now.len(), now[0].response, now[1].text.as_str()),
            (2, Some(Response::AsDrafted), "駐輪場を増やして")
        );

        // The パブリックコメント's workbook read at the 議会: refused whole, nothing to take.
        let before = s.clone();
        let wrong = OpinionBookPreview::plan(&s, &assembly, "意見.xlsx", filled(&s, &public, "x")).unwrap();
        assert_eq!(wrong.reading, Err(Refused::OtherHearing(Some(public.clone()))));
        assert!(!wrong.can_take());
        assert_eq!(wrong.take(&mut s), OpinionBookOutcome::Taken { added: 0, edited: 0 });
        assert_eq!(s, before);
        assert!(OpinionBookPreview::plan(&s, &Id::from("hearing-gone"), "x.xlsx", Ok(Vec::new())).is_none());
    }

    #[test]
    fn a_second_pick_while_the_first_is_read_is_not_overwritten_by_the_first_finishing_last() {
        let (s, public, _) = kitamoto();
        let said = ["", "一回目", "二回目"];
        let flow = crate::session::round_trip::tests::second_pick_wins(|n| {
            let file = format!("{}.xlsx", said[n]);
            OpinionBookPreview::plan(&s, &public, &file, filled(&s, &public, &format!("{}の意見", said[n])))
        });
        let shown = flow.ready_preview().unwrap();
        assert_eq!(shown.file, "二回目.xlsx");
        assert_eq!(shown.reading.as_ref().unwrap().added[0].text, "二回目の意見");
    }
}
