//! Opinions (意見聴取) in and out: cells pasted from Excel, one opinion a row, read into a plan
//! to preview before it is taken in ([`plan_paste`], [`take_in`]); and 「意見と市の考え方」 out:
//! one sheet a hearing ([`answer_sheets`]), which the CSV ([`answers_csv`]), the Word document
//! (`format::document::opinions`), the print and the public page are written from.
//!
//! The paste is read by the pasted-table reader (`table::from_tsv`). A first row of headings
//! (a known heading in it, or a row of words) is never an opinion; each heading is matched to
//! one role (`columns`: the headings towns use first, then the words they contain). Without a
//! heading row, the columns are 番号 | 該当箇所 | 意見 | 提出者 by place, or the opinion alone when
//! the paste has one column. While a column's role is unknown, two columns claim one role, the
//! roles are guessed by place, or a column headed as the sender's would be published, the plan
//! lists every column and reads nothing until the officer chooses ([`plan_chosen`]). A row that
//! cannot be an opinion (no text, a
//! 番号 that is no number — a line break Excel did not quote —, cells past the columns, a 対応
//! of no known word) is listed as broken with its row number; every other row is taken.
//! 該当箇所 is kept as written, and names its item where it plainly does (「基本目標1」, 「施策
//! 2-1」, a section's heading).
//!
//! Opinions also come in from a workbook made for the hearing and filled in with Excel
//! ([`book`]: 意見記入用のブック, read back by id).

mod answers;
pub mod book;
mod columns;
mod csv;
#[cfg(test)]
pub(crate) mod tests;

pub use answers::{answer_sheets, AnswerRow, AnswerSheet};
pub use columns::{heading_role, ColumnContent, PastedColumn, RoleFoundBy, ToChoose, HEADINGS};
pub use csv::{answers_csv, place_cell};

use super::table::{cell_text, from_tsv};
use crate::model::{half_width, Goal, GoalKind, Id, Opinion, OpinionAbout, Response, Strategy};
use columns::{by_position, is_heading_row};

/// One row to be taken in as an opinion.
#[derive(Clone, Debug, PartialEq)]
pub struct PastedOpinion {
    /// The row in the paste, from 1 (as Excel numbers it, the header counted).
    pub row: usize,
    pub number: String,
    /// 該当箇所 as written.
    pub place: String,
    /// The item 該当箇所 names, or the whole.
    pub about: OpinionAbout,
    pub text: String,
    pub summary: String,
    pub sender: String,
    pub answer: String,
    pub response: Option<Response>,
}

/// Why a row is not taken in.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum RowProblem {
    /// The row has cells but no opinion.
    NoText,
    /// Its 番号 is no number (often the rest of the opinion above, its line break not quoted).
    NotANumber { text: String },
    /// Cells past the last column (a tab inside an opinion, not quoted).
    ExtraCells { count: usize },
    /// A 対応 of no known word.
    UnknownResponse { text: String },
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BrokenRow {
    pub row: usize,
    pub problem: RowProblem,
}

/// What a paste would take in, and what it would not.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct PastePlan {
    /// Whether the first row was read as the header.
    pub header: bool,
    /// Every column with its role, as proposed or chosen.
    pub columns: Vec<PastedColumn>,
    /// What is left to choose; while anything is, no row is read and nothing is taken.
    pub to_choose: Vec<ToChoose>,
    pub opinions: Vec<PastedOpinion>,
    pub broken: Vec<BrokenRow>,
}

/// A 対応 as towns write it: 修正 / 修正する, 原案のとおり / 原案どおり, 参考 / 参考とする, その他.
pub fn read_response(text: &str) -> Option<Response> {
    let t: String = half_width(text).chars().filter(|c| !c.is_whitespace()).collect();
    if t.contains("原案") {
        Some(Response::AsDrafted)
    } else if t.contains("修正") || t.contains("反映") {
        Some(Response::Revise)
    } else if t.contains("参考") {
        Some(Response::Reference)
    } else if t.contains("その他") {
        Some(Response::Other)
    } else {
        None
    }
}

/// Whether the paste's first row is read as headings or as an opinion.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FirstRow {
    Headings,
    Data,
}

/// What the officer chose of a paste's reading: nothing (the proposal stands), whether its first
/// row is headings, and a role a column (`None`: as proposed).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Chosen {
    pub first_row: Option<FirstRow>,
    pub roles: Vec<Option<ColumnContent>>,
}

/// The plan for cells pasted as tab-separated text (the clipboard's `text/plain`), as proposed.
pub fn plan_paste(s: &Strategy, text: &str) -> PastePlan {
    plan_chosen(s, text, &Chosen::default())
}

/// The plan with the officer's choices: nothing is read while a column's role is still to be
/// chosen ([`PastePlan::to_choose`]).
pub fn plan_chosen(s: &Strategy, text: &str, chosen: &Chosen) -> PastePlan {
    let grid = from_tsv(text);
    let cells: Vec<Vec<String>> = grid.rows.iter().map(|r| r.iter().map(cell_text).collect()).collect();
    let first: &[String] = cells.first().map(Vec::as_slice).unwrap_or_default();
    let header = match chosen.first_row {
        Some(f) => f == FirstRow::Headings,
        None => {
            grid.width() > 1 && is_heading_row(first)
                || first.len() == 1 && heading_role(&first[0]).is_some_and(|(_, f)| f == RoleFoundBy::Heading)
        }
    };
    let mut columns = match header {
        true => columns::from_headings(first),
        false => by_position(grid.width()),
    };
    columns.resize_with(grid.width().max(columns.len()), || PastedColumn {
        heading: String::new(),
        role: None,
        found: RoleFoundBy::Unknown,
    });
    columns::choose(&mut columns, &chosen.roles);
    let to_choose = columns::to_choose(&columns);
    let mut plan = PastePlan { header, columns, to_choose, ..Default::default() };
    if !plan.to_choose.is_empty() {
        return plan;
    }
    let roles: Vec<Option<ColumnContent>> = plan.columns.iter().map(|c| c.role).collect();
    for (i, row) in cells.iter().enumerate().skip(usize::from(header)) {
        if row.iter().all(|c| c.is_empty()) {
            continue;
        }
        match read_row(s, &roles, row, i + 1) {
            Ok(o) => plan.opinions.push(o),
            Err(problem) => plan.broken.push(BrokenRow { row: i + 1, problem }),
        }
    }
    plan
}

fn read_row(
    s: &Strategy,
    columns: &[Option<ColumnContent>],
    row: &[String],
    number: usize,
) -> Result<PastedOpinion, RowProblem> {
    let extra = row.iter().skip(columns.len()).filter(|c| !c.is_empty()).count();
    if extra > 0 {
        return Err(RowProblem::ExtraCells { count: extra });
    }
    let cell = |want: ColumnContent| {
        columns.iter().position(|c| *c == Some(want)).and_then(|i| row.get(i)).cloned().unwrap_or_default()
    };
    let n = cell(ColumnContent::Number);
    if !n.is_empty() && (n.chars().count() > 12 || !half_width(&n).chars().any(|c| c.is_ascii_digit())) {
        return Err(RowProblem::NotANumber { text: n });
    }
    let text = cell(ColumnContent::Text);
    if text.is_empty() {
        return Err(RowProblem::NoText);
    }
    let said = cell(ColumnContent::Response);
    let response = match said.is_empty() {
        true => None,
        false => Some(read_response(&said).ok_or(RowProblem::UnknownResponse { text: said })?),
    };
    let place = cell(ColumnContent::Place);
    Ok(PastedOpinion {
        row: number,
        number: half_width(&n),
        about: item_named(s, &place),
        place,
        text,
        summary: cell(ColumnContent::Summary),
        sender: cell(ColumnContent::Sender),
        answer: cell(ColumnContent::Answer),
        response,
    })
}

/// The item a 該当箇所 plainly names: 「基本目標1」 a basic goal, 「施策2-1」 a measure, a section by
/// its heading; anything else (「p.12」, 「全体」) the whole.
pub fn item_named(s: &Strategy, place: &str) -> OpinionAbout {
    let p: String = half_width(place).chars().filter(|c| !c.is_whitespace()).collect();
    let after = |word: &str| {
        p.find(word).map(|i| {
            p[i + word.len()..].chars().take_while(|c| c.is_ascii_digit() || *c == '-' || *c == '.').collect::<String>()
        })
    };
    let goal = |n: &str, cross: bool| {
        let mut found =
            s.goals.iter().filter(move |g| half_width(&g.number) == n && (g.kind == GoalKind::CrossCutting) == cross);
        found.next().filter(|_| found.next().is_none()).map(|g| &**g)
    };
    let cross = p.contains("横断");
    if let Some(n) = after("施策").filter(|n| !n.is_empty()) {
        // 「施策2-1」 as the measure's own number, or as goal 2's measure 1; 「基本目標2 施策1」.
        let mut found = s.measures().filter(|(_, m)| half_width(&m.number) == n);
        let unique = found.next().filter(|_| found.next().is_none()).map(|(_, m)| m);
        fn under<'a>(g: Option<&'a Goal>, n: &str) -> Option<&'a crate::model::Measure> {
            g.and_then(|g| g.measures.iter().find(|m| half_width(&m.number) == n)).map(|m| &**m)
        }
        let split = n.split_once('-').and_then(|(g, m)| under(goal(g, cross), m));
        let named = after("目標").and_then(|g| under(goal(&g, cross), &n));
        if let Some(m) = unique.or(split).or(named) {
            return OpinionAbout::Measure(m.id.clone());
        }
    }
    if let Some(g) = after("目標").and_then(|n| goal(&n, cross)) {
        return OpinionAbout::Goal(g.id.clone());
    }
    let heading = |h: &str| half_width(h).chars().filter(|c| !c.is_whitespace()).collect::<String>();
    match s.sections.iter().find(|x| !p.is_empty() && heading(&x.heading) == p) {
        Some(x) => OpinionAbout::Section(x.id.clone()),
        None => OpinionAbout::Whole,
    }
}

/// Takes the plan's opinions in at a hearing, in order; returns their ids (none when the
/// hearing does not exist, or while a column's role is still to be chosen).
pub fn take_in(s: &mut Strategy, hearing: &Id, plan: &PastePlan) -> Vec<Id> {
    let mut ids = Vec::new();
    if !plan.to_choose.is_empty() {
        return ids;
    }
    for p in &plan.opinions {
        let mut o = Opinion::new(hearing, &p.text);
        o.number = p.number.clone();
        o.place = p.place.clone();
        o.about = p.about.clone();
        o.summary = p.summary.clone();
        o.sender = p.sender.clone();
        o.answer = p.answer.clone();
        o.response = p.response;
        ids.extend(s.add_opinion(o));
    }
    ids
}
