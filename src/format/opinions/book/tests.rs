//! The hearing's workbook written, filled in by another program's hands (its cells written again
//! into a new .xlsx) and read back by id: opinions answered and added, rows that cannot be taken
//! listed with their cells, workbooks of another hearing or strategy or with a column moved
//! refused whole, and nothing changed before [`apply`].

use super::*;
use crate::format::table::{read_workbook, Cell, Grid};
use crate::model::{DraftingStage, GoalKind, Hearing, HearingBody, Id, Opinion, OpinionAbout, Response, Strategy};

/// 北斗市 at 素案 with a パブリックコメント heard (two opinions, the second with a sender) and a
/// 懇談会 (one opinion): (the strategy, the パブリックコメント, the 懇談会).
fn town() -> (Strategy, Id, Id) {
    let mut s = crate::examples::by_key("hokuto").unwrap().load().unwrap();
    s.stage = DraftingStage::Draft;
    let public = s.add_hearing(Hearing::new(DraftingStage::Draft, HearingBody::PublicComment, "2020-01-06"));
    let round = s.add_hearing(Hearing::new(DraftingStage::Draft, HearingBody::Roundtable, ""));
    let mut first = Opinion::new(&public, "子育て支援の充実を");
    first.number = "1".into();
    s.add_opinion(first).unwrap();
    let mut second = Opinion::new(&public, "公共交通を便利に");
    second.number = "2".into();
    second.sender = "山田 太郎".into();
    s.add_opinion(second).unwrap();
    s.add_opinion(Opinion::new(&round, "産業振興について")).unwrap();
    (s, public, round)
}

fn written(s: &Strategy, hearing: &Id) -> Vec<u8> {
    write_book(&opinion_book(s, hearing).unwrap()).unwrap()
}

// `refilled`: the workbook's cells written again as a new .xlsx, after an edit: what a town's
// Excel saves (as the round's workbook tests do it).
use crate::format::round_book::tests::refilled;

fn sheet(grids: &mut [Grid]) -> &mut Grid {
    grids.iter_mut().find(|g| g.name == SHEET_OPINIONS).unwrap()
}

fn set(g: &mut Grid, r: usize, c: usize, text: &str) {
    while g.rows.len() <= r {
        g.rows.push(Vec::new());
    }
    if g.rows[r].len() <= c {
        g.rows[r].resize(c + 1, Cell::Empty);
    }
    g.rows[r][c] = Cell::Text(text.to_owned());
}

fn read(bytes: &[u8], s: &Strategy, hearing: &Id) -> Result<Reading, Refused> {
    read_book(read_workbook(bytes), s, hearing)
}

#[test]
fn the_workbook_holds_the_recorded_opinions_by_id_and_empty_rows_and_reads_back_unchanged() {
    let (s, public, _) = town();
    let book = opinion_book(&s, &public).unwrap();
    assert_eq!(book.file, "意見記入用_素案_パブリックコメント.xlsx");
    let grids = read_workbook(&write_book(&book).unwrap()).unwrap();
    let g = grids.iter().find(|g| g.name == SHEET_OPINIONS).unwrap();
    let header: Vec<String> =
        (0..COLUMNS.len()).map(|c| crate::format::table::cell_text(g.cell(HEADER_ROW, c))).collect();
    assert_eq!(header, COLUMNS);
    let ids: Vec<&Opinion> = s.opinions_of(&public).collect();
    assert_eq!(g.cell(HEADER_ROW + 1, ID), &Cell::Text(ids[0].id.0.clone()));
    assert_eq!(g.cell(HEADER_ROW + 2, TEXT), &Cell::Text("公共交通を便利に".into()));
    assert_eq!(g.cell(HEADER_ROW + 2, SENDER), &Cell::Text("山田 太郎".into()));
    assert!(g.cell(HEADER_ROW + 3, ID).is_empty(), "then rows for new opinions");
    let about = grids.iter().find(|g| g.name == SHEET_ABOUT).unwrap();
    assert!(about.rows.iter().any(|r| r.first() == Some(&Cell::Text(LABEL_HEARING.into()))));

    let r = read(&write_book(&book).unwrap(), &s, &public).unwrap();
    assert_eq!(r, Reading { unchanged: 2, ..Reading::default() });
}

#[test]
fn a_workbook_filled_by_another_program_answers_and_adds_by_id_and_lists_the_rows_it_cannot_take() {
    let (mut s, public, round) = town();
    let (goal, measure) = {
        let g = s.goals.iter().find(|g| g.kind == GoalKind::Basic && !g.measures.is_empty()).unwrap();
        (g.number.clone(), g.measures[0].clone())
    };
    let other = s.opinions_of(&round).next().unwrap().id.clone();
    let first = HEADER_ROW + 1;
    let bytes = refilled(&written(&s, &public), |grids| {
        let g = sheet(grids);
        // The first opinion answered; the second's 要旨 written; its sender left as it was.
        set(g, first, RESPONSE, "修正する");
        set(g, first, ANSWER, "ご意見を踏まえ、施策に追記します。");
        set(g, first + 1, SUMMARY, "公共交通");
        // New ones: one naming its measure; one with a sender and no opinion; one with a 対応 of
        // no known word; one with an id of another hearing; one with an id of nothing.
        set(g, first + 2, NUMBER, "３");
        set(g, first + 2, TEXT, "保育所を増やしてほしい。");
        set(g, first + 2, PLACE, &format!("施策{goal}-{}", measure.number));
        set(g, first + 2, SENDER, "佐藤");
        set(g, first + 3, SENDER, "鈴木");
        set(g, first + 4, TEXT, "財源は");
        set(g, first + 4, RESPONSE, "検討中");
        set(g, first + 5, ID, other.as_str());
        set(g, first + 5, ANSWER, "別の会議の意見");
        set(g, first + 6, ID, "opinion-gone");
        set(g, first + 6, TEXT, "消された意見");
        set(g, first + 7, TEXT, "駅前の駐輪場を");
        set(g, first + 7, RESPONSE, "参考");
    });
    let before = s.clone();
    let r = read(&bytes, &s, &public).unwrap();
    assert_eq!(s, before, "reading changes nothing");
    let bad: Vec<(&str, &BookProblem)> = r.bad.iter().map(|b| (b.cell.as_str(), &b.problem)).collect();
    assert_eq!(
        bad,
        vec![
            ("意見!C7", &BookProblem::NoText),
            ("意見!G8", &BookProblem::UnknownResponse("検討中".into())),
            ("意見!A9", &BookProblem::OtherHearing(other.0.clone())),
            ("意見!A10", &BookProblem::UnknownId("opinion-gone".into())),
        ]
    );
    assert_eq!(
        r.added.iter().map(|a| (a.row, a.text.as_str())).collect::<Vec<_>>(),
        [(6, "保育所を増やしてほしい。"), (11, "駅前の駐輪場を")]
    );
    assert_eq!(r.added[0].about, OpinionAbout::Measure(measure.id.clone()));
    assert_eq!((r.added[0].number.as_str(), r.added[1].response), ("3", Some(Response::Reference)));
    assert_eq!(r.edited.len(), 2);
    assert_eq!(r.edited[0].columns(), [RESPONSE, ANSWER]);
    assert_eq!(r.edited[1].columns(), [SUMMARY]);
    assert_eq!(r.edited[1].after.sender, "山田 太郎", "an empty cell does not erase");

    let problems = crate::model::validate(&s).len();
    assert_eq!(apply(&mut s, &public, &r), (2, 2));
    assert_eq!(crate::model::validate(&s).len(), problems, "taken in, the strategy is as valid as before");
    let now: Vec<&Opinion> = s.opinions_of(&public).collect();
    assert_eq!(now.len(), 4);
    assert_eq!(
        (now[0].response, now[0].answer.as_str()),
        (Some(Response::Revise), "ご意見を踏まえ、施策に追記します。")
    );
    assert_eq!((now[1].summary.as_str(), now[1].shown()), ("公共交通", "公共交通"));
    assert_eq!((now[2].sender.as_str(), now[3].text.as_str()), ("佐藤", "駅前の駐輪場を"));
    assert_eq!(s.opinion(&other), before.opinion(&other), "another hearing's opinion untouched");

    // The same workbook again: what it added is not added twice (its rows have no ids, but the
    // hearing holds the same 番号, 意見 and 提出者), what it answered changes nothing more.
    let again = read(&bytes, &s, &public).unwrap();
    assert_eq!((again.added.len(), again.edited.len(), again.unchanged), (0, 0, 2));
    let twice: Vec<&str> =
        again.bad.iter().filter(|b| b.problem == BookProblem::AlreadyRecorded).map(|b| b.cell.as_str()).collect();
    assert_eq!(twice, ["意見!C6", "意見!C11"]);
}

#[test]
fn an_answer_in_the_workbook_answers_every_opinion_gathered_with_it() {
    let (mut s, public, _) = town();
    let ids: Vec<Id> = s.opinions_of(&public).map(|o| o.id.clone()).collect();
    s.gather(&ids).unwrap();
    let bytes = refilled(&written(&s, &public), |grids| {
        set(sheet(grids), HEADER_ROW + 2, RESPONSE, "原案のとおり");
    });
    let r = read(&bytes, &s, &public).unwrap();
    assert_eq!(apply(&mut s, &public, &r), (0, 1));
    assert!(s.opinions_of(&public).all(|o| o.response == Some(Response::AsDrafted)));
}

#[test]
fn a_wrong_file_another_hearing_or_strategy_and_a_moved_column_are_refused_whole() {
    let (s, public, round) = town();
    let bytes = written(&s, &public);
    assert!(matches!(read_book(read_workbook(b"not a workbook"), &s, &public), Err(Refused::Unreadable(_))));
    assert_eq!(read(&bytes, &s, &round), Err(Refused::OtherHearing(Some(public.clone()))));
    let mut gone = s.clone();
    gone.remove_hearing(&public);
    let new = gone.add_hearing(Hearing::new(DraftingStage::Draft, HearingBody::Assembly, ""));
    assert_eq!(read(&bytes, &gone, &new), Err(Refused::OtherHearing(None)));
    let mut another = s.clone();
    another.id = Id::new("strategy");
    assert_eq!(read(&bytes, &another, &public), Err(Refused::OtherStrategy));

    let moved = refilled(&bytes, |grids| {
        let g = sheet(grids);
        for row in g.rows.iter_mut().skip(HEADER_ROW) {
            row.resize(COLUMNS.len(), Cell::Empty);
            row.swap(SUMMARY, PLACE);
        }
    });
    assert_eq!(
        read(&moved, &s, &public),
        Err(Refused::ColumnMoved { cell: "意見!D3".into(), expected: "要旨", found: "該当箇所".into() })
    );
    let renamed = refilled(&bytes, |grids| sheet(grids).name = "Sheet1".into());
    assert_eq!(read(&renamed, &s, &public), Err(Refused::SheetMissing(SHEET_OPINIONS)));
    let stripped = refilled(&bytes, |grids| grids.iter_mut().find(|g| g.name == SHEET_ABOUT).unwrap().rows.clear());
    assert_eq!(read(&stripped, &s, &public), Err(Refused::NotAnOpinionBook));
}
