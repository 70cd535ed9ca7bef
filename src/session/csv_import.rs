//! The CSV import's flow without the page (`ui::output::csv_import` shows it): a file's text
//! planned against the open strategy as a preview, what 「この内容で取り込む」 does with that
//! preview — apply the plan the user saw, or, when the strategy changed meanwhile (another
//! tab), plan again and show the new plan instead —, and how much of the preview's long tables
//! is shown. The flow from a picked file to its preview is the one every import shares
//! (`flow`: a late read never replaces a newer file's preview); what the import did last is an
//! [`CsvOutcome`]. Nothing here changes a strategy: the UI applies the plan as one undo step.

use super::flow::Flow;
use crate::format::csv::{self, CsvError, CsvPlan};
use crate::format::ImportError;
use crate::model::Strategy;
use std::collections::HashMap;
use std::sync::Arc;

/// Reading a CSV file → its preview (`flow::Flow`).
pub type CsvFlow = Flow<Arc<CsvPreview>>;

/// Why a file was not read.
#[derive(Clone, Debug, PartialEq)]
pub enum Failure {
    Csv(CsvError),
    /// Refused before reading (too large).
    File(ImportError),
    /// What the browser said when reading failed.
    Browser(String),
}

/// What the CSV import did last, shown once no file is being read or previewed.
#[derive(Clone, Debug, PartialEq)]
pub enum CsvOutcome {
    Failed {
        file: String,
        failure: Failure,
    },
    /// Applied as one undo step: `count` changes, `texts` of them words; `revision` is the
    /// strategy's right after it, so the step is known to be the last one while the revision
    /// has not moved.
    Applied {
        file: String,
        count: usize,
        texts: usize,
        revision: u64,
    },
    Undone {
        file: String,
    },
    Cancelled {
        file: String,
    },
}

/// Rows of each of the preview's tables shown before 「すべて表示」: a file of thousands of
/// values would otherwise draw thousands of rows at once.
pub const FIRST_ROWS: usize = 200;

/// A file read and planned, waiting for the user's choice.
#[derive(Clone, Debug, PartialEq)]
pub struct CsvPreview {
    pub file: String,
    /// The decoded text, planned again when applied.
    pub text: String,
    pub plan: CsvPlan,
    /// The header's column names → the letters Excel shows them under ("値" → "H").
    pub letters: HashMap<String, String>,
    /// The strategy changed since the first preview, and this is the plan made again.
    pub replanned: bool,
}

/// What confirming a preview does, against the strategy as it is at that moment.
#[derive(Clone, Debug, PartialEq)]
pub enum CsvConfirmation {
    /// The plan the user saw is still the plan: apply it.
    Apply,
    /// The strategy changed since (another tab): this new plan is to be shown, not applied.
    Replanned(Box<CsvPreview>),
    /// The text cannot be planned any more.
    Failed(CsvError),
}

/// How many rows of each table the preview shows, and how many it leaves out.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct RowsShown {
    pub changes: usize,
    /// Word changes (値の時点, 出典, verdicts, earlier targets).
    pub texts: usize,
    pub refused: usize,
    pub noted: usize,
    /// Rows of the four tables not shown.
    pub hidden: usize,
}

impl CsvPreview {
    /// Plans a file's decoded text against the open strategy (nothing changes).
    pub fn plan(file: String, text: String, s: &Strategy) -> Result<CsvPreview, CsvError> {
        let plan = csv::plan_import(s, &text)?;
        Ok(CsvPreview { letters: csv::column_letters(&text), file, text, plan, replanned: false })
    }

    /// What 「この内容で取り込む」 does when the strategy is `now`: the plan is made again, and
    /// applied only when it is the one the user saw.
    pub fn confirm(&self, now: &Strategy) -> CsvConfirmation {
        match csv::plan_import(now, &self.text) {
            Ok(plan) if plan == self.plan => CsvConfirmation::Apply,
            Ok(plan) => CsvConfirmation::Replanned(Box::new(CsvPreview { plan, replanned: true, ..self.clone() })),
            Err(error) => CsvConfirmation::Failed(error),
        }
    }

    /// The rows shown: every row (`all`), or the first [`FIRST_ROWS`] of each table.
    pub fn shown(&self, all: bool) -> RowsShown {
        let plan = &self.plan;
        let shown = |n: usize| if all { n } else { n.min(FIRST_ROWS) };
        let (changes, refused, noted) = (shown(plan.changes.len()), shown(plan.refused.len()), shown(plan.noted.len()));
        let texts = shown(plan.texts.len());
        let hidden = (plan.changes.len() - changes)
            + (plan.texts.len() - texts)
            + (plan.refused.len() - refused)
            + (plan.noted.len() - noted);
        RowsShown { changes, texts, refused, noted, hidden }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::format::csv::{CellReading, CsvRefusal, Noted, RefusalReason};
    use crate::locale::YearStyle;
    use crate::model::{Actual, FiscalYear};

    /// An example town and its indicators exported long, with one actual given a new value in
    /// the file: (the strategy, the file's text).
    fn town_and_file() -> (Strategy, String) {
        let s = crate::examples::EXAMPLES[0].load().unwrap();
        let mut edited = s.clone();
        let (id, sid) = edited
            .indicators
            .iter()
            .find_map(|i| i.series.first().map(|x| (i.id.clone(), x.id.clone())))
            .expect("an indicator with a series");
        let series = edited.indicator_mut(&id).unwrap().series.iter_mut().find(|x| x.id == sid).unwrap();
        let year = FiscalYear(s.period.first.0);
        series.actuals.retain(|a| a.year != year);
        series.actuals.push(Actual::new(year, 123_456.0));
        (s, csv::indicators_long(&edited, YearStyle::Western))
    }

    #[test]
    fn a_file_is_planned_with_its_column_letters() {
        let (s, text) = town_and_file();
        let p = CsvPreview::plan("実績.csv".to_owned(), text.clone(), &s).unwrap();
        assert_eq!(p.plan, csv::plan_import(&s, &text).unwrap());
        assert_eq!(p.plan.changes.len(), 1);
        assert_eq!(p.plan.changes[0].value.to, 123_456.0);
        assert_eq!(p.letters.get("指標ID").map(String::as_str), Some("A"));
        assert_eq!((p.file.as_str(), p.text == text, p.replanned), ("実績.csv", true, false));
        assert!(matches!(
            CsvPreview::plan("x.csv".to_owned(), "a,b\r\n1,2\r\n".to_owned(), &s),
            Err(CsvError::UnknownLayout { .. })
        ));
    }

    #[test]
    fn the_plan_seen_is_applied_and_a_changed_strategy_is_planned_again() {
        let (s, text) = town_and_file();
        let p = CsvPreview::plan("実績.csv".to_owned(), text, &s).unwrap();
        assert_eq!(p.confirm(&s), CsvConfirmation::Apply);

        // Another tab applied the same file meanwhile: nothing is left to change, and the user
        // sees that before anything is applied.
        let mut now = s.clone();
        assert_eq!(csv::apply(&mut now, &p.plan), 1);
        let CsvConfirmation::Replanned(again) = p.confirm(&now) else { panic!("planned again") };
        assert!(again.replanned);
        assert!(again.plan.changes.is_empty());
        assert_eq!(again.plan.unchanged, p.plan.unchanged + 1);
        assert_eq!((&again.file, &again.text, &again.letters), (&p.file, &p.text, &p.letters));
        assert_eq!(again.confirm(&now), CsvConfirmation::Apply);
    }

    #[test]
    fn a_file_picked_while_another_is_read_wins_over_the_late_one() {
        let (s, text) = town_and_file();
        let mut flow = CsvFlow::default();
        let slow = flow.start("大きな表.csv");
        let quick = flow.start("実績.csv");
        let quick_preview = Arc::new(CsvPreview::plan("実績.csv".to_owned(), text.clone(), &s).unwrap());
        assert!(flow.ready(quick, quick_preview.clone()));
        let late = Arc::new(CsvPreview::plan("大きな表.csv".to_owned(), text, &s).unwrap());
        assert!(!flow.ready(slow, late), "the first file's plan arrives late and is dropped");
        assert_eq!(flow.ready_preview().map(|p| p.file.as_str()), Some("実績.csv"));
    }

    #[test]
    fn long_tables_show_their_first_rows_until_all_are_asked_for() {
        let (s, text) = town_and_file();
        let mut p = CsvPreview::plan("実績.csv".to_owned(), text, &s).unwrap();
        assert_eq!(p.shown(false), RowsShown { changes: 1, texts: 0, refused: 0, noted: 0, hidden: 0 });
        p.plan.changes = vec![p.plan.changes[0].clone(); FIRST_ROWS + 5];
        let refusal = CsvRefusal { row: 2, column: "値".to_owned(), reason: RefusalReason::ProvisionalWithoutValue };
        p.plan.refused = vec![refusal; FIRST_ROWS];
        let noted = Noted { row: 3, column: "値".to_owned(), text: "－".to_owned(), reading: CellReading::NoValue };
        p.plan.noted = vec![noted; FIRST_ROWS + 1];
        assert_eq!(
            p.shown(false),
            RowsShown { changes: FIRST_ROWS, texts: 0, refused: FIRST_ROWS, noted: FIRST_ROWS, hidden: 6 }
        );
        assert_eq!(
            p.shown(true),
            RowsShown { changes: FIRST_ROWS + 5, texts: 0, refused: FIRST_ROWS, noted: FIRST_ROWS + 1, hidden: 0 }
        );
    }
}
