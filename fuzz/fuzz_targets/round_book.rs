//! The returned workbooks' reader, against 北本市 with a round open, as 「回答を読み込む」 reads:
//! - any bytes as a section's .xlsx or a .zip of them (the container's checks);
//! - a section's real workbook with its cells edited as the bytes say (which cell, and what goes
//!   in it: a number, a text such as an id, a key, a rating or a direction, or nothing), so that
//!   the reader's own checks — ids, keys, locked columns, values — are reached past the zip's
//!   checksums, which almost every mutation of a whole file fails.
//!
//! Reading never panics; what a workbook read changes leaves the strategy valid (no problem it did
//! not have before).
#![no_main]

use libfuzzer_sys::fuzz_target;
use shirube::format::round_book::{apply, changes_of, read_answers, read_grids, section_books, write_book, AnswerChange};
use shirube::format::table::{read_workbook, Cell, Grid};
use shirube::model::round::{Ask, Round};
use shirube::model::{validate, Id, Strategy};
use std::sync::OnceLock;

/// The round's id is the seeds' (fuzz/seeds/round_book/, written by the test
/// `format::round_book::tests::the_fuzzers_seeds_are_kitamotos_section_workbooks`).
const FUZZ_ROUND: &str = "round-0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f";

struct Town {
    s: Strategy,
    round: Id,
    problems: usize,
    /// The first section's workbook as read: the grids the edits start from.
    grids: Vec<Grid>,
    /// Texts an edit may write: the strategy's ids, the workbook's own texts, and words.
    texts: Vec<String>,
}

fn town() -> &'static Town {
    static TOWN: OnceLock<Town> = OnceLock::new();
    TOWN.get_or_init(|| {
        let mut s = shirube::examples::by_key("kitamoto").unwrap().load().unwrap();
        let mut r = Round::new(shirube::model::FiscalYear(2024), &Ask::ALL, "企画 花子", "2025-04-10");
        r.id = Id::from(FUZZ_ROUND);
        let round = s.open_round(r).unwrap();
        let problems = validate(&s).len();
        let r = s.round(&round).unwrap();
        let book = write_book(&section_books(&s, r)[0]).unwrap();
        let grids = read_workbook(&book).unwrap();
        let mut texts: Vec<String> = grids
            .iter()
            .flat_map(|g| g.rows.iter().flatten())
            .filter_map(|c| match c {
                Cell::Text(t) => Some(t.clone()),
                _ => None,
            })
            .collect();
        texts.extend(["A", "B", "C", "D", "拡充", "維持", "廃止", "－", "１２３", "=1+1", ""].map(String::from));
        texts.sort();
        texts.dedup();
        Town { s, round, problems, grids, texts }
    })
}

/// `changes` taken into a copy of the strategy: no problem it did not have.
fn still_valid(t: &Town, changes: &[AnswerChange]) {
    if changes.is_empty() {
        return;
    }
    let r = t.s.round(&t.round).unwrap();
    let mut after = t.s.clone();
    apply(&mut after, r.fiscal_year, changes);
    let problems = validate(&after);
    assert!(problems.len() <= t.problems, "taking a workbook in made the strategy invalid: {problems:?}");
}

fuzz_target!(|bytes: &[u8]| {
    let t = town();
    let r = t.s.round(&t.round).unwrap();
    // The bytes as a file.
    for name in ["answer.xlsx", "answers.zip"] {
        let readings = read_answers(vec![(name.to_owned(), bytes.to_vec())], &t.s, r);
        still_valid(t, &changes_of(&readings));
    }
    // The bytes as edits of a real workbook's cells, five bytes an edit.
    let mut grids = t.grids.clone();
    for e in bytes.chunks_exact(5) {
        let g = &mut grids[usize::from(e[0]) % t.grids.len()];
        let row = usize::from(e[1]) % (g.rows.len() + 1);
        if row == g.rows.len() {
            g.rows.push(Vec::new());
        }
        let cells = &mut g.rows[row];
        let col = usize::from(e[2]) % (cells.len() + 2);
        if col >= cells.len() {
            cells.resize(col + 1, Cell::Empty);
        }
        let v = u16::from_le_bytes([e[3], e[4]]);
        cells[col] = match v % 4 {
            0 => Cell::Empty,
            1 => Cell::Number(f64::from(v / 4) - 100.0),
            2 => Cell::Number(f64::from(v) / 7.0),
            _ => Cell::Text(t.texts[usize::from(v / 4) % t.texts.len()].clone()),
        };
    }
    if let Ok(answered) = read_grids(&grids, &t.s, r) {
        still_valid(t, &answered.changes);
    }
});
