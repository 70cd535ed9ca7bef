//! The round's section workbooks for the benchmark: a generated strategy with 20 sections (each
//! measure owned by one in turn) and a round of the plan's second year asking everything, and
//! every section's workbook filled as a section would fill it (every answer cell typed), written
//! again as a new .xlsx by another writer than the app's: what the planning section reads back
//! at once.

use super::generate::{generate, Size};
use crate::format::round_book::{section_books, write_book, ANSWER, SHEET_ANSWERS};
use crate::format::table::{read_workbook, Cell};
use crate::model::round::{Ask, Round};
use crate::model::{Department, FiscalYear, Strategy};
use std::sync::Arc;

/// The sections of the benchmark's round.
pub const SECTIONS: usize = 20;

/// The strategy with its round, and each section's filled workbook (its file name, its bytes).
pub fn generate_round_books(size: Size, seed: u64) -> (Strategy, Vec<(String, Vec<u8>)>) {
    let mut s = generate(size, seed);
    s.departments = (1..=SECTIONS).map(|i| Department::new(&format!("課{i}"))).collect();
    let ids: Vec<_> = s.departments.iter().map(|d| d.id.clone()).collect();
    let mut k = 0;
    for g in s.goals_mut() {
        for m in g.measures.iter_mut() {
            Arc::make_mut(m).department = Some(ids[k % SECTIONS].clone());
            k += 1;
        }
    }
    let year = FiscalYear(s.period.first.0 + 1);
    s.open_round(Round::new(year, &Ask::ALL, "企画", "2025-04-10")).expect("one round");
    let round = s.rounds[0].clone();
    let filled = section_books(&s, &round)
        .iter()
        .map(|b| (b.file.clone(), filled(&write_book(b).expect("the workbook is written"))))
        .collect();
    (s, filled)
}

/// Writes the strategy with its round (`dir/round-books.json`) and each section's filled
/// workbook (`dir/round-books/`); says what reading them back costs natively (the browser's
/// figure is the budget's).
pub fn write_round_books(size: Size, seed: u64, dir: &str) -> Result<String, String> {
    let (s, books) = generate_round_books(size, seed);
    let folder = format!("{dir}/round-books");
    let _ = std::fs::remove_dir_all(&folder);
    std::fs::create_dir_all(&folder).map_err(|e| format!("{folder}: {e}"))?;
    let out = format!("{dir}/round-books.json");
    std::fs::write(&out, crate::format::export(&s, "2026-01-01T00:00:00Z")).map_err(|e| format!("{out}: {e}"))?;
    for (name, bytes) in &books {
        let out = format!("{folder}/{name}");
        std::fs::write(&out, bytes).map_err(|e| format!("{out}: {e}"))?;
    }
    let t = std::time::Instant::now();
    let read = crate::format::round_book::read_answers(books, &s, &s.rounds[0]);
    let changes = crate::format::round_book::changes_of(&read).len();
    let ms = t.elapsed().as_secs_f64() * 1e3;
    Ok(format!("round workbooks natively: {ms:.0} ms to read {} workbooks back, {changes} changes", read.len()))
}

/// A workbook with every answer cell typed (a number, or a text where one is asked), written
/// again cell by cell as a new .xlsx.
fn filled(bytes: &[u8]) -> Vec<u8> {
    let grids = read_workbook(bytes).expect("the app's workbook reads");
    let mut book = rust_xlsxwriter::Workbook::new();
    for g in &grids {
        let ws = book.add_worksheet();
        ws.set_name(&g.name).expect("a sheet name");
        for (r, row) in g.rows.iter().enumerate() {
            for (c, cell) in row.iter().enumerate() {
                let (r32, c16) = (r as u32, c as u16);
                let key = match g.cell(r, 1) {
                    Cell::Text(t) => t.as_str(),
                    _ => "",
                };
                let answer = g.name == SHEET_ANSWERS && c == ANSWER && r > 0;
                let written = match (answer, key, cell) {
                    (true, "cause" | "result" | "improvements", _) => ws.write_string(r32, c16, format!("回答 {r}")),
                    (true, "rating" | "direction", Cell::Text(t)) => ws.write_string(r32, c16, t),
                    (true, "rating" | "direction", _) => continue,
                    (true, _, _) => ws.write_number(r32, c16, (r * 10) as f64),
                    (false, _, Cell::Number(n)) => ws.write_number(r32, c16, *n),
                    (false, _, Cell::Text(t)) => ws.write_string(r32, c16, t),
                    _ => continue,
                };
                written.expect("a cell is written");
            }
        }
    }
    book.save_to_buffer().expect("the workbook is written")
}

#[cfg(test)]
mod tests {
    #[test]
    fn twenty_filled_workbooks_read_back_each_with_its_changes() {
        let (s, books) = super::generate_round_books(super::Size::TOWN, 1);
        assert_eq!(books.len(), super::SECTIONS);
        let read = crate::format::round_book::read_answers(books, &s, &s.rounds[0]);
        assert!(
            read.iter().all(|r| r.outcome.as_ref().is_ok_and(|a| !a.changes.is_empty() && a.bad.is_empty())),
            "{read:?}"
        );
    }
}
