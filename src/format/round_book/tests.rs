//! The section workbook written, filled by another program's hands (the cells rewritten into a
//! new .xlsx) and read back by id; the tampered ones refused or listed.

use super::*;
use crate::format::table::{read_workbook, Cell, Grid};
use crate::model::round::{Ask, OnConfirmed, Round};
use crate::model::{FiscalYear, Strategy};

const R6: FiscalYear = FiscalYear(2024);

/// 北本市 with a round of 令和6年度 asking everything; the sections asked something.
fn kitamoto() -> (Strategy, Id, Vec<Id>) {
    let mut s = crate::examples::by_key("kitamoto").unwrap().load().unwrap();
    // It has no measures: one, with an initiative, is given to a section, so that one section
    // is asked every kind of value.
    let mut measure = crate::model::Measure::new("1", "シティプロモーションの推進");
    measure.department = Some(s.departments[1].id.clone());
    measure.initiatives.push(std::sync::Arc::new(crate::model::Initiative::new("(1)", "シティプロモーション事業")));
    s.goals_mut().next().unwrap().measures.push(std::sync::Arc::new(measure));
    let mut r = Round::new(R6, &Ask::ALL, "企画 花子", "2025-04-10");
    r.deadline = Some("2025-04-25".into());
    r.instructions = "4月25日までに記入してください。".into();
    let id = s.open_round(r).unwrap();
    let round = s.round(&id).unwrap();
    let sections: Vec<Id> = crate::model::round::tallies(&s, round, "")
        .iter()
        .filter(|t| t.asked > 0)
        .filter_map(|t| t.department.cloned())
        .collect();
    // The section asked every kind of value first.
    let full = |d: &Id| {
        let rows = super::rows(&s, round, d);
        let has = |f: fn(&AnswerField) -> bool| rows.iter().any(|r| f(&r.field));
        has(|f| matches!(f, AnswerField::Actual(_)))
            && has(|f| *f == AnswerField::Settled)
            && has(|f| *f == AnswerField::Rating)
    };
    let mut sections = sections;
    let first = sections.iter().position(full).expect("a section asked everything");
    sections.swap(0, first);
    (s, id, sections)
}

/// The workbook's cells written again as a new .xlsx by rust_xlsxwriter (numbers as numbers,
/// the rest as text, no protection), after `edit`: what a section's Excel saves.
pub(crate) fn refilled(bytes: &[u8], edit: impl FnOnce(&mut Vec<Grid>)) -> Vec<u8> {
    let mut grids = read_workbook(bytes).unwrap();
    edit(&mut grids);
    let mut book = rust_xlsxwriter::Workbook::new();
    for g in &grids {
        let ws = book.add_worksheet();
        ws.set_name(&g.name).unwrap();
        for (r, row) in g.rows.iter().enumerate() {
            for (c, cell) in row.iter().enumerate() {
                match cell {
                    Cell::Number(n) => ws.write_number(r as u32, c as u16, *n).map(|_| ()).unwrap(),
                    Cell::Text(t) => ws.write_string(r as u32, c as u16, t).map(|_| ()).unwrap(),
                    _ => {}
                }
            }
        }
    }
    book.save_to_buffer().unwrap()
}

/// The row (0-based) of a subject's field in the 回答 sheet.
fn row_of(g: &Grid, id: &Id, key: &str) -> usize {
    (1..g.rows.len())
        .find(|r| g.cell(*r, ID) == &Cell::Text(id.0.clone()) && g.cell(*r, KEY) == &Cell::Text(key.into()))
        .unwrap()
}

fn answers(grids: &mut [Grid]) -> &mut Grid {
    grids.iter_mut().find(|g| g.name == SHEET_ANSWERS).unwrap()
}

fn set(g: &mut Grid, r: usize, c: usize, cell: Cell) {
    if g.rows[r].len() <= c {
        g.rows[r].resize(c + 1, Cell::Empty);
    }
    g.rows[r][c] = cell;
}

fn read_one(s: &Strategy, round: &Id, bytes: Vec<u8>) -> Result<Answered, BookRefusal> {
    let round = s.round(round).unwrap();
    read_answers(vec![("book.xlsx".into(), bytes)], s, round).remove(0).outcome
}

#[test]
fn a_section_workbook_holds_its_rows_only_and_reads_back_by_id() {
    let (s, round_id, sections) = kitamoto();
    assert!(sections.len() >= 2, "北本市 has sections that are asked something");
    let round = s.round(&round_id).unwrap();
    let dept = &sections[0];
    let rows = rows(&s, round, dept);
    assert!(!rows.is_empty());
    let others = super::rows(&s, round, &sections[1]);
    assert!(others.iter().all(|o| !rows.iter().any(|r| r.subject == o.subject)), "no row of another section");
    let bytes = section_workbook(&s, round, dept).unwrap();
    assert!(read_one(&s, &round_id, bytes.clone()).unwrap().changes.is_empty(), "as written: nothing changes");

    // Rows reversed (matched by id, not position), then answers typed.
    let actual = rows.iter().find(|r| matches!(r.field, AnswerField::Actual(_))).expect("a KPI asked").clone();
    let settled = rows.iter().find(|r| r.field == AnswerField::Settled).expect("an initiative asked").clone();
    let rating = rows.iter().find(|r| r.field == AnswerField::Rating).expect("a measure asked").clone();
    let label = s.rating_rule.labels()[0].to_owned();
    let filled = refilled(&bytes, |grids| {
        let g = answers(grids);
        g.rows[1..].reverse();
        let (a, b, c) = (
            row_of(g, &actual.subject, actual.field.key()),
            row_of(g, &settled.subject, "settled"),
            row_of(g, &rating.subject, "rating"),
        );
        set(g, a, ANSWER, Cell::Number(12345.5));
        set(g, b, ANSWER, Cell::Text("2,400".into()));
        set(g, c, ANSWER, Cell::Text(label.clone()));
    });
    let got = read_one(&s, &round_id, filled).unwrap();
    assert!(got.bad.is_empty() && got.ignored.is_empty(), "{got:?}");
    let new = |id: &Id, f: &AnswerField| {
        got.changes.iter().find(|c| &c.subject == id && &c.field == f).map(|c| c.new.clone())
    };
    assert_eq!(new(&actual.subject, &actual.field), Some(AnswerValue::Number(12345.5)));
    assert_eq!(new(&settled.subject, &AnswerField::Settled), Some(AnswerValue::Number(2400.0)));
    if rating.value != AnswerValue::Text(label.clone()) {
        assert_eq!(new(&rating.subject, &AnswerField::Rating), Some(AnswerValue::Text(label.clone())));
    }
    assert!(got.changes.iter().all(|c| &c.department == dept));

    let mut after = s.clone();
    apply(&mut after, R6, &got.changes);
    let ind = after.indicator(&actual.subject).unwrap();
    let AnswerField::Actual(series) = &actual.field else { unreachable!() };
    let x = ind.series.iter().find(|x| &x.id == series).unwrap();
    assert_eq!(x.actual(R6).map(|a| a.value), Some(12345.5));
    assert_eq!(after.initiative(&settled.subject).unwrap().year(R6).unwrap().settled, Some(2400));
    let round = after.round(&round_id).unwrap();
    assert!(read_one(&after, &round_id, section_workbook(&after, round, dept).unwrap()).unwrap().changes.is_empty());
}

#[test]
fn every_section_gets_a_named_workbook_in_one_zip_and_the_zip_reads_back() {
    let (s, round_id, sections) = kitamoto();
    let round = s.round(&round_id).unwrap();
    let books: Vec<(String, Vec<u8>)> =
        section_books(&s, round).iter().map(|b| (b.file.clone(), write_book(b).unwrap())).collect();
    assert_eq!(books.len(), sections.len());
    let name = s.department(&sections[0]).unwrap().name.clone();
    assert!(
        books.iter().any(|(file, _)| file == &format!("照会_令和6年度_{name}.xlsx")),
        "{:?}",
        books.iter().map(|b| &b.0).collect::<Vec<_>>()
    );
    let zip = zip_of(&books, "2025-04-10T09:00:00Z").unwrap();
    let read = read_answers(vec![("照会.zip".into(), zip)], &s, round);
    assert_eq!(read.len(), books.len());
    assert!(read.iter().all(|r| r.outcome.as_ref().is_ok_and(|a| a.changes.is_empty())), "{read:?}");
    let again =
        read_answers(vec![("a.xlsx".into(), books[0].1.clone()), ("b.xlsx".into(), books[0].1.clone())], &s, round);
    assert_eq!(again[1].outcome, Err(BookRefusal::SectionTwice("a.xlsx".into())));
}

#[test]
fn a_tampered_workbook_is_refused_saying_where() {
    let (s, round_id, sections) = kitamoto();
    let round = s.round(&round_id).unwrap();
    let bytes = section_workbook(&s, round, &sections[0]).unwrap();
    let tampered = |edit: &dyn Fn(&mut Vec<Grid>)| read_one(&s, &round_id, refilled(&bytes, edit));

    let moved = tampered(&|grids| {
        for row in answers(grids).rows.iter_mut() {
            row.resize(COLUMNS.len(), Cell::Empty);
            row.swap(2, 3);
        }
    });
    assert_eq!(moved, Err(BookRefusal::ColumnMoved { cell: "回答!C1".into(), expected: "施策", found: "事業".into() }));

    let deleted = tampered(&|grids| {
        answers(grids).rows.remove(1);
    });
    assert!(
        matches!(&deleted, Err(BookRefusal::RowsMissing { found, expected, missing }) if found + 1 == *expected && missing.len() == 1),
        "{deleted:?}"
    );

    let changed = tampered(&|grids| set(answers(grids), 1, ID, Cell::Text("kpi-made-up".into())));
    assert_eq!(changed, Err(BookRefusal::UnknownId { cell: "回答!A2".into(), id: "kpi-made-up".into() }));

    let blank = tampered(&|grids| set(answers(grids), 1, ID, Cell::Empty));
    assert_eq!(blank, Err(BookRefusal::IdMissing { cell: "回答!A2".into() }));

    let renamed = tampered(&|grids| answers(grids).name = "Sheet1".into());
    assert_eq!(renamed, Err(BookRefusal::SheetMissing(SHEET_ANSWERS)));

    let other_round = tampered(&|grids| {
        let request = grids.iter_mut().find(|g| g.name == SHEET_REQUEST).unwrap();
        let r = (0..request.rows.len()).find(|r| request.cell(*r, 0) == &Cell::Text(LABEL_ROUND.into())).unwrap();
        set(request, r, 1, Cell::Text("round-other".into()));
    });
    assert_eq!(other_round, Err(BookRefusal::OtherRound(None)));

    let other_strategy = tampered(&|grids| {
        let request = grids.iter_mut().find(|g| g.name == SHEET_REQUEST).unwrap();
        let r = (0..request.rows.len()).find(|r| request.cell(*r, 0) == &Cell::Text(LABEL_STRATEGY.into())).unwrap();
        set(request, r, 1, Cell::Text("strategy-other".into()));
    });
    assert_eq!(other_strategy, Err(BookRefusal::OtherStrategy));

    // Another section's row pasted in.
    let theirs = rows(&s, round, &sections[1]).remove(0);
    let pasted = tampered(&|grids| {
        let g = answers(grids);
        set(g, 1, ID, Cell::Text(theirs.subject.0.clone()));
        set(g, 1, KEY, Cell::Text(theirs.field.key().into()));
    });
    assert!(matches!(pasted, Err(BookRefusal::OtherSection { .. })), "{pasted:?}");
}

#[test]
fn a_value_in_a_locked_column_is_ignored_and_a_bad_answer_listed_with_its_cell() {
    let (s, round_id, sections) = kitamoto();
    let round = s.round(&round_id).unwrap();
    let rows = rows(&s, round, &sections[0]);
    let bytes = section_workbook(&s, round, &sections[0]).unwrap();
    let actual = rows.iter().position(|r| matches!(r.field, AnswerField::Actual(_))).unwrap();
    let settled = rows.iter().position(|r| r.field == AnswerField::Settled).unwrap();
    let rating = rows.iter().position(|r| r.field == AnswerField::Rating).unwrap();
    let got = read_one(
        &s,
        &round_id,
        refilled(&bytes, |grids| {
            let g = answers(grids);
            set(g, actual + 1, 6, Cell::Number(999.0));
            set(g, actual + 1, ANSWER, Cell::Number(77.0));
            set(g, settled + 1, ANSWER, Cell::Text("たくさん".into()));
            set(g, rating + 1, ANSWER, Cell::Text("Z".into()));
        }),
    )
    .unwrap();
    assert_eq!(
        got.ignored,
        vec![Ignored { cell: format!("回答!G{}", actual + 2), column: "目標値", typed: "999".into() }]
    );
    assert_eq!(got.bad.len(), 2, "{:?}", got.bad);
    assert_eq!(got.bad[0].cell, format!("回答!J{}", settled + 2));
    assert_eq!(got.bad[0].problem, BadValue::NotANumber("たくさん".into()));
    assert!(matches!(&got.bad[1].problem, BadValue::NotARating(z, scale) if z == "Z" && !scale.is_empty()));
    assert_eq!(got.changes.len(), 1, "the good answer is still taken");
    assert_eq!(got.changes[0].new, AnswerValue::Number(77.0));
    let mut after = s.clone();
    apply(&mut after, R6, &got.changes);
    let target = |s: &Strategy| s.indicator(&rows[actual].subject).map(|i| format!("{:?}", i.series[0].target));
    assert_eq!(target(&after), target(&s), "the locked column's value is not taken");
}

#[test]
fn something_else_is_refused_not_panicked_on() {
    let (s, round_id, _) = kitamoto();
    let round = s.round(&round_id).unwrap();
    let committee = crate::format::xlsx::committee_workbook(&s, Default::default()).unwrap();
    let read = read_answers(vec![("委員会.xlsx".into(), committee), ("x.csv".into(), b"a,b".to_vec())], &s, round);
    assert_eq!(read[0].outcome, Err(BookRefusal::SheetMissing(SHEET_REQUEST)));
    assert!(matches!(read[1].outcome, Err(BookRefusal::Unreadable(_))));
}

#[test]
fn a_returned_workbook_does_not_change_a_confirmed_value_unless_the_person_takes_it() {
    use crate::model::round::RoundRefusal;
    let (mut s, round_id, sections) = kitamoto();
    let dept = sections[0].clone();
    let round = s.round(&round_id).unwrap();
    let actual = rows(&s, round, &dept).into_iter().find(|r| matches!(r.field, AnswerField::Actual(_))).unwrap();
    let book = |s: &Strategy, value: f64| {
        let bytes = section_workbook(s, s.round(&round_id).unwrap(), &dept).unwrap();
        let filled = refilled(&bytes, |grids| {
            let g = answers(grids);
            let r = row_of(g, &actual.subject, actual.field.key());
            set(g, r, ANSWER, Cell::Number(value));
        });
        read_one(s, &round_id, filled).unwrap().changes
    };
    let value_of = |s: &Strategy| {
        let AnswerField::Actual(series) = &actual.field else { unreachable!() };
        let x = s.indicator(&actual.subject).unwrap().series.iter().find(|x| &x.id == series).unwrap().clone();
        x.actual(R6).map(|a| a.value)
    };
    // The section answers 100 in its workbook, submits, and the planning section confirms.
    let first = book(&s, 100.0);
    assert!(confirmed_by(&s, R6, &first).is_empty(), "nothing is confirmed yet");
    take_in(&mut s, R6, &first, &OnConfirmed::Keep, "2025-04-10");
    assert_eq!(value_of(&s), Some(100.0));
    if let Err(RoundRefusal::CauseMissing(ids)) = s.submit(&round_id, &dept, "水産 太郎", "2025-04-20") {
        for id in ids {
            s.indicator_mut(&id).unwrap().set_analysis(R6, "雪の影響");
        }
        s.submit(&round_id, &dept, "水産 太郎", "2025-04-20").unwrap();
    }
    s.confirm(&round_id, &dept, "企画 花子", "2025-04-22").unwrap();

    // A workbook returned later with 120: listed as a change to a confirmed value.
    let later = book(&s, 120.0);
    let held = confirmed_by(&s, R6, &later);
    assert_eq!(held.len(), 1, "{held:?}");
    assert_eq!((held[0].subject.clone(), held[0].department.clone()), (actual.subject.clone(), dept.clone()));
    // What the preview and the notice count: nothing changes while the confirmed value is kept.
    let take = OnConfirmed::Take("企画 花子".into());
    assert_eq!((taking(&later, &held, &OnConfirmed::Keep), taking(&later, &held, &take)), (0, 1));
    let other = s.indicators.iter().find(|i| i.id != actual.subject).unwrap().id.clone();
    let two = [later.clone(), vec![AnswerChange { subject: other, ..later[0].clone() }]].concat();
    assert_eq!(
        (taking(&two, &held, &OnConfirmed::Keep), taking(&two, &held, &take)),
        (1, 2),
        "another KPI's value is taken"
    );
    // Taken in as it comes: the confirmed value stays.
    let mut kept = s.clone();
    take_in(&mut kept, R6, &later, &OnConfirmed::Keep, "2025-05-01");
    assert_eq!(value_of(&kept), Some(100.0));
    // Taken on purpose: the new value, confirmed again in the taker's name.
    let mut taken = s.clone();
    take_in(&mut taken, R6, &later, &OnConfirmed::Take("企画 花子".into()), "2025-05-01");
    assert_eq!(value_of(&taken), Some(120.0));
    let latest = taken.round(&round_id).unwrap().latest(&dept).unwrap();
    assert_eq!((latest.by.as_str(), latest.at.as_str()), ("企画 花子", "2025-05-01"));
    assert!(confirmed_by(&taken, R6, &later).is_empty(), "what was taken is what is confirmed now");
}

/// The round_book fuzzer's seeds (fuzz/seeds/round_book/): 北本市's section workbooks as written
/// for a round of 令和6年度 with the fuzzer's fixed id, one answered, and all of them in a zip.
/// `UPDATE_FUZZ_SEEDS=1 cargo test the_fuzzers_seeds` writes them; otherwise each seed must read
/// back as an answered workbook of that round, so the fuzzer starts past the reader's checks.
#[test]
fn the_fuzzers_seeds_are_kitamotos_section_workbooks() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("fuzz/seeds/round_book");
    let mut s = crate::examples::by_key("kitamoto").unwrap().load().unwrap();
    let mut r = Round::new(R6, &Ask::ALL, "企画 花子", "2025-04-10");
    r.id = Id::from("round-0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f");
    let id = s.open_round(r).unwrap();
    let round = s.round(&id).unwrap();
    if std::env::var_os("UPDATE_FUZZ_SEEDS").is_some() {
        std::fs::create_dir_all(&dir).unwrap();
        let books: Vec<(String, Vec<u8>)> =
            section_books(&s, round).iter().map(|b| (b.file.clone(), write_book(b).unwrap())).collect();
        let answered = refilled(&books[0].1, |grids| {
            let g = answers(grids);
            let last = g.rows.len() - 1;
            set(g, last, ANSWER, Cell::Number(123.0));
        });
        std::fs::write(dir.join("section.xlsx"), &books[0].1).unwrap();
        std::fs::write(dir.join("answered.xlsx"), answered).unwrap();
        std::fs::write(dir.join("all.zip"), zip_of(&books, "2025-04-10T09:00:00Z").unwrap()).unwrap();
    }
    let mut seeds: Vec<_> =
        std::fs::read_dir(&dir).expect("fuzz/seeds/round_book").map(|e| e.unwrap().path()).collect();
    seeds.sort();
    assert_eq!(seeds.len(), 3, "{seeds:?}");
    for path in seeds {
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        let read = read_answers(vec![(name.clone(), std::fs::read(&path).unwrap())], &s, round);
        assert!(!read.is_empty() && read.iter().all(|r| r.outcome.is_ok()), "{name}: {read:?}");
    }
}
