//! Returned workbooks read back: each one's identity and structure checked, its rows matched by
//! id and field (never by position), its answers read as the editor reads them, and what they
//! would change listed — nothing is applied here.

use super::rows::{rows, BookRow};
use super::*;
use crate::format::table::{read_workbook, Cell, Grid, WorkbookError, MAX_FILE_BYTES};
use crate::model::round::Round;
use crate::model::{ProjectDirection, Strategy};
use std::collections::HashMap;
use std::io::Read;

/// One returned file's reading.
#[derive(Clone, Debug, PartialEq)]
pub struct ReturnedBook {
    /// The file's name (a zip's member: 「zip の名前/ブックの名前」).
    pub file: String,
    pub outcome: Result<Answered, BookRefusal>,
}

/// What a workbook answers.
#[derive(Clone, Debug, PartialEq)]
pub struct Answered {
    pub department: Id,
    /// Each value that differs from the strategy's.
    pub changes: Vec<AnswerChange>,
    /// Values typed into locked columns, not taken.
    pub ignored: Vec<Ignored>,
    /// Answers that could not be read, not taken.
    pub bad: Vec<BadCell>,
}

/// A value typed into a locked column (its protection was removed).
#[derive(Clone, Debug, PartialEq)]
pub struct Ignored {
    /// 「回答!G5」
    pub cell: String,
    /// The column's header.
    pub column: &'static str,
    pub typed: String,
}

/// An answer that could not be read.
#[derive(Clone, Debug, PartialEq)]
pub struct BadCell {
    pub cell: String,
    pub subject: Id,
    pub field: AnswerField,
    pub problem: BadValue,
}

/// Why an answer could not be read. Data only: the words are `words::round_book`'s.
#[derive(Clone, Debug, PartialEq)]
pub enum BadValue {
    NotANumber(String),
    /// An amount in 千円 must be whole.
    NotWhole(String),
    /// Not a rating of the town's scale (the scale's labels).
    NotARating(String, Vec<String>),
    NotADirection(String),
    /// A date, a truth value or an error where a text or number was asked.
    Unexpected(String),
}

/// Why a workbook was refused whole. Data only: the words are `words::round_book`'s.
#[derive(Clone, Debug, PartialEq)]
pub enum BookRefusal {
    /// Not a workbook that can be read (and why).
    Unreadable(WorkbookError),
    /// A zip's member larger than a workbook may be.
    TooLarge(usize),
    /// A sheet of the layout is missing (renamed or deleted).
    SheetMissing(&'static str),
    /// The 依頼 sheet does not hold the identity rows: not a round's workbook.
    NotARoundBook,
    /// A workbook of another strategy.
    OtherStrategy,
    /// A workbook of another round (of this strategy: its fiscal year).
    OtherRound(Option<crate::model::FiscalYear>),
    /// The section named is not in the strategy's list.
    UnknownSection(String),
    /// A header cell is not the layout's: a column moved, added or deleted.
    ColumnMoved { cell: String, expected: &'static str, found: String },
    /// Fewer rows than written: rows were deleted (the ones the strategy asks and the
    /// workbook lacks, by subject and field).
    RowsMissing { expected: usize, found: usize, missing: Vec<(Id, AnswerField)> },
    /// A row with content and no id.
    IdMissing { cell: String },
    /// An id (and field) that is no item of the round.
    UnknownId { cell: String, id: String },
    /// An item of another section.
    OtherSection { cell: String, id: String },
    /// The same item twice.
    Duplicate { cell: String, id: String },
    /// The same section's workbook came twice in one reading (the other file's name).
    SectionTwice(String),
}

/// The files picked, as workbooks: a zip holding workbooks gives each of its .xlsx files
/// (as 「zip/名前」); anything else is given as it is (the reader says what it is not).
pub fn unpack(name: &str, bytes: Vec<u8>) -> Vec<(String, Result<Vec<u8>, BookRefusal>)> {
    let zip =
        bytes.starts_with(b"PK\x03\x04").then(|| zip::ZipArchive::new(std::io::Cursor::new(&bytes[..])).ok()).flatten();
    let Some(mut zip) = zip.filter(|z| z.index_for_name("xl/workbook.xml").is_none()) else {
        return vec![(name.to_owned(), Ok(bytes))];
    };
    let mut out = Vec::new();
    for i in 0..zip.len() {
        let Ok(member) = zip.by_index(i) else { continue };
        let Ok(inner) = member.name().map(|n| n.to_string()) else { continue };
        if member.is_dir() || !inner.to_lowercase().ends_with(".xlsx") || inner.contains("__MACOSX") {
            continue;
        }
        let label = format!("{name}/{inner}");
        if member.size() > MAX_FILE_BYTES as u64 {
            out.push((label, Err(BookRefusal::TooLarge(member.size() as usize))));
            continue;
        }
        let mut held = Vec::new();
        let read = member.take(MAX_FILE_BYTES as u64 + 1).read_to_end(&mut held);
        out.push((label, read.map(|_| held).map_err(|_| BookRefusal::Unreadable(WorkbookError::NotAWorkbook))));
    }
    if out.is_empty() {
        out.push((name.to_owned(), Err(BookRefusal::Unreadable(WorkbookError::NotAWorkbook))));
    }
    out
}

/// A picked file opened: its name and its sheets, or why it is no workbook.
pub type OpenedBook = (String, Result<Vec<Grid>, BookRefusal>);

/// Every file picked (or each workbook of a zip) read into sheets: the reader's wasm part's
/// share, which needs none of the model's code ([`read_opened`] is the rest).
pub fn open_files(files: Vec<(String, Vec<u8>)>) -> Vec<OpenedBook> {
    let read = |b: Vec<u8>| read_workbook(&b).map_err(BookRefusal::Unreadable);
    files.into_iter().flat_map(|(n, b)| unpack(&n, b)).map(|(file, bytes)| (file, bytes.and_then(read))).collect()
}

/// The opened files read against the round: each refused or answered on its own, a section's
/// second workbook refused.
pub fn read_opened(opened: Vec<OpenedBook>, s: &Strategy, round: &Round) -> Vec<ReturnedBook> {
    let mut out: Vec<ReturnedBook> = Vec::new();
    let mut seen: HashMap<Id, String> = HashMap::new();
    for (file, grids) in opened {
        let mut outcome = grids.and_then(|g| read_grids(&g, s, round));
        if let Ok(a) = &outcome {
            if let Some(other) = seen.get(&a.department) {
                outcome = Err(BookRefusal::SectionTwice(other.clone()));
            } else {
                seen.insert(a.department.clone(), file.clone());
            }
        }
        out.push(ReturnedBook { file, outcome });
    }
    out
}

/// Every file read against the round ([`open_files`], then [`read_opened`]).
pub fn read_answers(files: Vec<(String, Vec<u8>)>, s: &Strategy, round: &Round) -> Vec<ReturnedBook> {
    read_opened(open_files(files), s, round)
}

/// A workbook's sheets read against the round.
pub fn read_grids(grids: &[Grid], s: &Strategy, round: &Round) -> Result<Answered, BookRefusal> {
    let sheet = |name: &'static str| grids.iter().find(|g| g.name == name).ok_or(BookRefusal::SheetMissing(name));
    let (request, answers) = (sheet(SHEET_REQUEST)?, sheet(SHEET_ANSWERS)?);
    let identity = |label: &str| {
        (0..request.rows.len()).find(|r| text(request.cell(*r, 0)) == label).map(|r| text(request.cell(r, 1)))
    };
    let (Some(strategy), Some(round_id), Some(section), Some(count), Some(FORMAT)) = (
        identity(LABEL_STRATEGY),
        identity(LABEL_ROUND),
        identity(LABEL_SECTION),
        identity(LABEL_ROWS).and_then(|n| n.parse::<usize>().ok()),
        identity(LABEL_FORMAT).as_deref(),
    ) else {
        return Err(BookRefusal::NotARoundBook);
    };
    if strategy != s.id.as_str() {
        return Err(BookRefusal::OtherStrategy);
    }
    if round_id != round.id.as_str() {
        return Err(BookRefusal::OtherRound(
            s.rounds.iter().find(|r| r.id.as_str() == round_id).map(|r| r.fiscal_year),
        ));
    }
    let department = Id(section.clone());
    if s.department(&department).is_none() {
        return Err(BookRefusal::UnknownSection(section));
    }
    check_header(answers)?;
    let expected = rows(s, round, &department);
    let found = match_rows(answers, s, round, &department, &expected)?;
    if found.len() < count {
        let missing = expected
            .iter()
            .filter(|e| !found.iter().any(|(_, f)| f.subject == e.subject && f.field == e.field))
            .map(|e| (e.subject.clone(), e.field.clone()))
            .collect();
        return Err(BookRefusal::RowsMissing { expected: count, found: found.len(), missing });
    }
    Ok(answers_of(answers, s, &department, &found))
}

/// The header row is the layout's, cell by cell, with nothing after it.
fn check_header(g: &Grid) -> Result<(), BookRefusal> {
    for c in 0..g.width().max(COLUMNS.len()) {
        let expected = COLUMNS.get(c).copied().unwrap_or("");
        let found = text(g.cell(0, c));
        if found != expected {
            return Err(BookRefusal::ColumnMoved { cell: address(c, 0), expected, found });
        }
    }
    Ok(())
}

/// Each row with content, by its id and field: (its row in the sheet, the row it answers).
fn match_rows<'a>(
    g: &Grid,
    s: &Strategy,
    round: &Round,
    department: &Id,
    expected: &'a [BookRow],
) -> Result<Vec<(usize, &'a BookRow)>, BookRefusal> {
    let mut found: Vec<(usize, &BookRow)> = Vec::new();
    for r in 1..g.rows.len() {
        if (0..g.width()).all(|c| g.cell(r, c).is_empty()) {
            continue;
        }
        let (id, key) = (text(g.cell(r, ID)), text(g.cell(r, KEY)));
        if id.is_empty() {
            return Err(BookRefusal::IdMissing { cell: address(ID, r) });
        }
        let Some(row) = expected.iter().find(|e| e.subject.as_str() == id && e.field.key() == key) else {
            let elsewhere = crate::model::round::items(s, round)
                .iter()
                .any(|i| i.subject.id().as_str() == id && i.department != Some(department));
            let cell = address(ID, r);
            return Err(if elsewhere {
                BookRefusal::OtherSection { cell, id }
            } else {
                BookRefusal::UnknownId { cell, id }
            });
        };
        if found.iter().any(|(_, f)| std::ptr::eq(*f, row)) {
            return Err(BookRefusal::Duplicate { cell: address(ID, r), id });
        }
        found.push((r, row));
    }
    Ok(found)
}

/// The answers of the rows matched, and what was typed where it is not taken.
fn answers_of(g: &Grid, s: &Strategy, department: &Id, found: &[(usize, &BookRow)]) -> Answered {
    let mut out =
        Answered { department: department.clone(), changes: Vec::new(), ignored: Vec::new(), bad: Vec::new() };
    for (r, row) in found {
        let r = *r;
        for c in (KEY + 1..COLUMNS.len()).filter(|c| *c != ANSWER) {
            let typed = text(g.cell(r, c));
            if typed != row.cells[c].trim() {
                out.ignored.push(Ignored { cell: address(c, r), column: COLUMNS[c], typed });
            }
        }
        match answer(g.cell(r, ANSWER), &row.field, s) {
            Ok(None) => {}
            Ok(Some(new)) if new == row.value => {}
            Ok(Some(new)) => out.changes.push(AnswerChange {
                department: department.clone(),
                subject: row.subject.clone(),
                field: row.field.clone(),
                old: row.value.clone(),
                new,
            }),
            Err(problem) => out.bad.push(BadCell {
                cell: address(ANSWER, r),
                subject: row.subject.clone(),
                field: row.field.clone(),
                problem,
            }),
        }
    }
    out
}

/// An answer cell read as the editor reads its field; `None`: left empty (never erases).
fn answer(cell: &Cell, field: &AnswerField, s: &Strategy) -> Result<Option<AnswerValue>, BadValue> {
    if cell.is_empty() {
        return Ok(None);
    }
    let typed = text(cell);
    match (field, cell) {
        (_, Cell::Date { .. } | Cell::Bool(_) | Cell::Error(_)) => Err(BadValue::Unexpected(typed)),
        (AnswerField::Actual(_) | AnswerField::Settled | AnswerField::Budget, _) => {
            let n = match cell {
                Cell::Number(n) => *n,
                Cell::Percent { shown } => *shown,
                _ => match crate::format::csv::read_typed_value(&typed) {
                    Ok(v) if v.value.is_some() => v.value.unwrap_or_default(),
                    Ok(v) if v.no_value.is_some() => return Ok(None),
                    _ => return Err(BadValue::NotANumber(typed)),
                },
            };
            if !n.is_finite() {
                return Err(BadValue::NotANumber(typed));
            }
            if matches!(field, AnswerField::Settled | AnswerField::Budget) && n.fract() != 0.0 {
                return Err(BadValue::NotWhole(typed));
            }
            Ok(Some(AnswerValue::Number(n)))
        }
        (AnswerField::Rating, _) => {
            let labels = s.rating_rule.labels();
            match labels.iter().find(|l| **l == typed) {
                Some(l) => Ok(Some(AnswerValue::Text((*l).to_owned()))),
                None => Err(BadValue::NotARating(typed, labels.into_iter().map(str::to_owned).collect())),
            }
        }
        (AnswerField::Direction, _) => match ProjectDirection::from_japanese(&typed) {
            Some(d) => Ok(Some(AnswerValue::Text(d.japanese().to_owned()))),
            None => Err(BadValue::NotADirection(typed)),
        },
        _ => Ok(Some(AnswerValue::Text(typed))),
    }
}

/// A cell as text, trimmed (a number as Rust writes it: 1234.5).
fn text(cell: &Cell) -> String {
    match cell {
        Cell::Empty => String::new(),
        Cell::Text(t) => t.trim().to_owned(),
        Cell::Number(n) => format!("{n}"),
        Cell::Percent { shown } => format!("{shown}%"),
        Cell::Date { year, month, day } => format!("{year}-{month:02}-{day:02}"),
        Cell::Bool(b) => b.to_string().to_uppercase(),
        Cell::Error(e) => e.clone(),
    }
}

/// 「回答!J5」: a cell of the 回答 sheet as Excel names it.
fn address(col: usize, row: usize) -> String {
    crate::format::table::address(SHEET_ANSWERS, col, row)
}
