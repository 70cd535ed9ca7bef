//! The returned workbooks' reader: any bytes as a section's workbook (an .xlsx, or a .zip of
//! them), read back against 北本市 with a round open, as 「回答を読み込む」 reads them. Reading must
//! never panic; a workbook taken in changes only what the strategy holds and leaves it valid:
//! no problem the strategy did not have before.
#![no_main]

use libfuzzer_sys::fuzz_target;
use shirube::format::round_book::{apply, changes_of, read_answers};
use shirube::model::round::{Ask, Round};
use shirube::model::{validate, Id, Strategy};
use std::sync::OnceLock;

const FUZZ_ROUND: &str = "round-0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f";

/// 北本市 with a round of 令和6年度 open, and the problems it has before anything is taken in.
fn town() -> &'static (Strategy, Id, usize) {
    static TOWN: OnceLock<(Strategy, Id, usize)> = OnceLock::new();
    TOWN.get_or_init(|| {
        let mut s = shirube::examples::by_key("kitamoto").unwrap().load().unwrap();
        // The round's id is the seeds' (fuzz/seeds/round_book/, written by the test
        // `format::round_book::tests::the_fuzzers_seeds_are_kitamotos_section_workbooks`).
        let mut r = Round::new(shirube::model::FiscalYear(2024), &Ask::ALL, "企画 花子", "2025-04-10");
        r.id = Id::from(FUZZ_ROUND);
        let round = s.open_round(r).unwrap();
        let before = validate(&s).len();
        (s, round, before)
    })
}

fuzz_target!(|bytes: &[u8]| {
    let (s, round, before) = town();
    let r = s.round(round).unwrap();
    for name in ["answer.xlsx", "answers.zip"] {
        let readings = read_answers(vec![(name.to_owned(), bytes.to_vec())], s, r);
        let changes = changes_of(&readings);
        if changes.is_empty() {
            continue;
        }
        let mut after = s.clone();
        apply(&mut after, r.fiscal_year, &changes);
        let problems = validate(&after);
        assert!(problems.len() <= *before, "taking a workbook in made the strategy invalid: {problems:?}");
    }
});
