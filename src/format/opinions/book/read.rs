//! A filled-in hearing's workbook read back against the strategy: its identity and header
//! checked, its rows matched by id (never by position), what it adds and what it changes listed,
//! the rows it cannot take listed with their cells — and, once the user takes it in, applied.

use super::*;
use crate::format::opinions::{item_named, read_response, take_in, PastePlan, PastedOpinion};
use crate::format::table::{cell_text, Cell, Grid, WorkbookError};
use crate::model::hearing::TownAnswer;
use crate::model::{half_width, Id, Response, Strategy};

/// What a workbook would do, nothing applied yet.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Reading {
    /// New opinions, from rows without an id (`row` is the sheet's row, from 1).
    pub added: Vec<PastedOpinion>,
    /// Opinions answered or edited.
    pub edited: Vec<Edited>,
    /// Rows not taken, each with its cell.
    pub bad: Vec<BadRow>,
    /// Rows of recorded opinions that change nothing.
    pub unchanged: usize,
}

/// An opinion's values as the workbook holds them.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Fields {
    pub number: String,
    pub text: String,
    pub summary: String,
    pub place: String,
    pub sender: String,
    pub response: Option<Response>,
    pub answer: String,
}

/// A recorded opinion the workbook changes: its values before and after.
#[derive(Clone, Debug, PartialEq)]
pub struct Edited {
    /// The sheet's row, from 1.
    pub row: usize,
    pub id: Id,
    pub before: Fields,
    pub after: Fields,
}

impl Edited {
    /// The columns whose values change, in the sheet's order (indices into [`COLUMNS`]).
    pub fn columns(&self) -> Vec<usize> {
        let (a, b) = (&self.before, &self.after);
        [
            (NUMBER, a.number != b.number),
            (TEXT, a.text != b.text),
            (SUMMARY, a.summary != b.summary),
            (PLACE, a.place != b.place),
            (SENDER, a.sender != b.sender),
            (RESPONSE, a.response != b.response),
            (ANSWER, a.answer != b.answer),
        ]
        .into_iter()
        .filter_map(|(c, changed)| changed.then_some(c))
        .collect()
    }
}

/// A row that is not taken.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BadRow {
    /// 「意見!G7」
    pub cell: String,
    pub problem: BookProblem,
}

/// Why a row is not taken. Data only: the words are `words::opinion_book`'s.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum BookProblem {
    /// A new row with cells but no 意見.
    NoText,
    /// A 対応 of no known word.
    UnknownResponse(String),
    /// An id of no opinion of the strategy (deleted meanwhile, or the id was changed).
    UnknownId(String),
    /// An id of an opinion of another hearing.
    OtherHearing(String),
    /// The same opinion's second row.
    Duplicate(String),
    /// A new row the hearing already holds (the same 番号, 意見 and 提出者): the workbook was read
    /// in before.
    AlreadyRecorded,
}

/// Why a workbook was refused whole. Data only: the words are `words::opinion_book`'s.
#[derive(Clone, Debug, PartialEq)]
pub enum Refused {
    /// Not a workbook that can be read (and why).
    Unreadable(WorkbookError),
    /// A sheet of the layout is missing (renamed or deleted).
    SheetMissing(&'static str),
    /// The 情報 sheet does not hold the identity rows: not a hearing's workbook.
    NotAnOpinionBook,
    /// A workbook of another strategy.
    OtherStrategy,
    /// A workbook of another hearing: of this strategy (its id), or of none it has.
    OtherHearing(Option<Id>),
    /// A header cell is not the layout's: a column moved, added or deleted.
    ColumnMoved { cell: String, expected: &'static str, found: String },
}

/// A workbook's sheets (or why it could not be opened) read against the hearing `hearing`.
pub fn read_book(opened: Result<Vec<Grid>, WorkbookError>, s: &Strategy, hearing: &Id) -> Result<Reading, Refused> {
    let grids = opened.map_err(Refused::Unreadable)?;
    let sheet = |name: &'static str| grids.iter().find(|g| g.name == name).ok_or(Refused::SheetMissing(name));
    let (opinions, about) = (sheet(SHEET_OPINIONS)?, sheet(SHEET_ABOUT)?);
    let identity =
        |label: &str| (0..about.rows.len()).find(|r| text(about.cell(*r, 0)) == label).map(|r| text(about.cell(r, 1)));
    let (Some(strategy), Some(book_hearing), Some(FORMAT)) =
        (identity(LABEL_STRATEGY), identity(LABEL_HEARING), identity(LABEL_FORMAT).as_deref())
    else {
        return Err(Refused::NotAnOpinionBook);
    };
    if strategy != s.id.as_str() {
        return Err(Refused::OtherStrategy);
    }
    if book_hearing != hearing.as_str() {
        return Err(Refused::OtherHearing(s.hearing(&Id(book_hearing)).map(|h| h.id.clone())));
    }
    check_header(opinions)?;
    Ok(rows(opinions, s, hearing))
}

/// The header row is the layout's, cell by cell, with nothing after it.
fn check_header(g: &Grid) -> Result<(), Refused> {
    for c in 0..g.rows.get(HEADER_ROW).map_or(0, Vec::len).max(COLUMNS.len()) {
        let expected = COLUMNS.get(c).copied().unwrap_or("");
        let found = text(g.cell(HEADER_ROW, c));
        if found != expected {
            return Err(Refused::ColumnMoved { cell: address(c, HEADER_ROW), expected, found });
        }
    }
    Ok(())
}

fn rows(g: &Grid, s: &Strategy, hearing: &Id) -> Reading {
    let mut out = Reading::default();
    let mut seen: Vec<Id> = Vec::new();
    for r in HEADER_ROW + 1..g.rows.len() {
        if (0..COLUMNS.len()).all(|c| g.cell(r, c).is_empty()) {
            continue;
        }
        let bad = |c: usize, problem: BookProblem| BadRow { cell: address(c, r), problem };
        let said = text(g.cell(r, RESPONSE));
        let response = match said.is_empty() {
            true => None,
            false => match read_response(&said) {
                Some(x) => Some(x),
                None => {
                    out.bad.push(bad(RESPONSE, BookProblem::UnknownResponse(said)));
                    continue;
                }
            },
        };
        let cell = |c: usize| text(g.cell(r, c));
        let id = cell(ID);
        if id.is_empty() {
            if cell(TEXT).is_empty() {
                out.bad.push(bad(TEXT, BookProblem::NoText));
                continue;
            }
            let (number, text, sender) = (half_width(&cell(NUMBER)), cell(TEXT), cell(SENDER));
            if s.opinions_of(hearing).any(|o| o.number == number && o.text == text && o.sender == sender) {
                out.bad.push(bad(TEXT, BookProblem::AlreadyRecorded));
                continue;
            }
            let place = cell(PLACE);
            out.added.push(PastedOpinion {
                row: r + 1,
                number,
                about: item_named(s, &place),
                place,
                text,
                summary: cell(SUMMARY),
                sender,
                answer: cell(ANSWER),
                response,
            });
            continue;
        }
        let Some(o) = s.opinion(&Id(id.clone())) else {
            out.bad.push(bad(ID, BookProblem::UnknownId(id)));
            continue;
        };
        if &o.hearing != hearing {
            out.bad.push(bad(ID, BookProblem::OtherHearing(id)));
            continue;
        }
        if seen.contains(&o.id) {
            out.bad.push(bad(ID, BookProblem::Duplicate(id)));
            continue;
        }
        seen.push(o.id.clone());
        let a = s.answer_of(o);
        let before = Fields {
            number: o.number.clone(),
            text: o.text.clone(),
            summary: o.summary.clone(),
            place: o.place.clone(),
            sender: o.sender.clone(),
            response: a.response,
            answer: a.answer,
        };
        // An empty cell leaves the value as it is.
        let or = |c: usize, was: &str| Some(cell(c)).filter(|t| !t.is_empty()).unwrap_or_else(|| was.to_owned());
        let after = Fields {
            number: half_width(&or(NUMBER, &before.number)),
            text: or(TEXT, &before.text),
            summary: or(SUMMARY, &before.summary),
            place: or(PLACE, &before.place),
            sender: or(SENDER, &before.sender),
            response: response.or(before.response),
            answer: or(ANSWER, &before.answer),
        };
        if after == before {
            out.unchanged += 1;
        } else {
            out.edited.push(Edited { row: r + 1, id: o.id.clone(), before, after });
        }
    }
    out
}

/// Takes a reading in at the hearing `hearing` of `s` as it is now: the new opinions added last,
/// in the sheet's order, and the edited ones written (an opinion deleted meanwhile is skipped;
/// an answer is written to every opinion gathered with it, as the page does). Returns how many
/// were added and how many edited.
pub fn apply(s: &mut Strategy, hearing: &Id, r: &Reading) -> (usize, usize) {
    let plan = PastePlan { header: true, opinions: r.added.clone(), ..Default::default() };
    let added = take_in(s, hearing, &plan).len();
    let mut edited = 0;
    for e in &r.edited {
        let (b, a) = (&e.before, &e.after);
        // A 該当箇所 rewritten names its item anew, as a pasted one does.
        let about = (b.place != a.place).then(|| item_named(s, &a.place));
        let Some(o) = s.opinion_mut(&e.id) else { continue };
        o.number = a.number.clone();
        o.text = a.text.clone();
        o.summary = a.summary.clone();
        o.sender = a.sender.clone();
        o.place = a.place.clone();
        if let Some(about) = about {
            o.about = about;
        }
        if (b.response, &b.answer) != (a.response, &a.answer) {
            let change = s.opinion(&e.id).map(|o| s.answer_of(o).change).unwrap_or_default();
            s.answer_opinion(&e.id, &TownAnswer { answer: a.answer.clone(), response: a.response, change });
        }
        edited += 1;
    }
    (added, edited)
}

/// A cell as text, trimmed (a number as its shortest decimal text).
fn text(cell: &Cell) -> String {
    cell_text(cell)
}
