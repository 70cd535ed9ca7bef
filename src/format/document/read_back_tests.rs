//! The .docx files read back by a reader that is not their writer: the zip by `zip`, then
//! `word/document.xml` parsed by quick-xml into the body's paragraphs (style and text), its tables
//! (cells' text and how many header rows repeat), its drawings (the 施策体系図's groups: their
//! alternative text, their boxes' texts and their lines) and the runs that are underlined and bold.

use super::tests::made;
use super::*;
use crate::format::measure_tree;
use crate::model::compare::compare;
use crate::model::{Baseline, FiscalYear, Goal, GoalKind, Indicator, Initiative, Measure, NextPeriod, PlanPeriod};
use crate::model::{DraftingStage, Id, Series, Target};
use quick_xml::events::Event;
use std::io::{Cursor, Read};
use std::sync::Arc;

#[derive(Debug, Default)]
struct Drawing {
    title: String,
    description: String,
    boxes: Vec<String>,
    lines: usize,
}

#[derive(Debug, Default)]
struct Body {
    paragraphs: Vec<(String, String)>,
    tables: Vec<(Vec<Vec<String>>, usize)>,
    drawings: Vec<Drawing>,
    /// The texts of the runs underlined (single) and bold, in order.
    marked: Vec<String>,
    landscape: bool,
}

fn part(bytes: &[u8], name: &str) -> String {
    let mut zip = zip::ZipArchive::new(Cursor::new(bytes)).expect("a zip");
    let mut out = String::new();
    zip.by_name(name).unwrap_or_else(|_| panic!("{name} in the .docx")).read_to_string(&mut out).unwrap();
    out
}

fn attr(e: &quick_xml::events::BytesStart, name: &str) -> Option<String> {
    e.try_get_attribute(name)
        .ok()
        .flatten()
        .map(|a| a.normalized_value(quick_xml::XmlVersion::Implicit1_0).expect("an attribute's value").into_owned())
}

/// The document's body as it reads.
fn read(bytes: &[u8]) -> Body {
    let xml = part(bytes, "word/document.xml");
    let mut reader = quick_xml::Reader::from_str(&xml);
    let mut out = Body::default();
    let (mut style, mut text) = (String::new(), String::new());
    let (mut rows, mut row, mut cell, mut headers) = (Vec::new(), Vec::new(), Vec::<String>::new(), 0);
    let (mut tables, mut in_text, mut in_box, mut in_fallback) = (0, false, false, false);
    let (mut underline, mut bold, mut run) = (false, false, String::new());
    let mut drawing: Option<Drawing> = None;
    loop {
        let event = reader.read_event().expect("well-formed XML");
        let (start, name) = match &event {
            Event::Start(e) | Event::Empty(e) => (Some(e.clone()), e.name().as_ref().to_owned()),
            Event::End(e) => (None, e.name().as_ref().to_owned()),
            Event::Eof => break,
            _ => (None, String::new()),
        };
        let opening = matches!(event, Event::Start(_) | Event::Empty(_));
        match (&event, name.as_str()) {
            (Event::Text(t), _) if in_text && !in_fallback => {
                let t: &str = t;
                text.push_str(t);
                run.push_str(t);
            }
            (Event::GeneralRef(r), _) if in_text && !in_fallback => {
                let c = match &**r {
                    "amp" => "&",
                    "lt" => "<",
                    "gt" => ">",
                    "quot" => "\"",
                    "apos" => "'",
                    other => panic!("an unexpected entity {other}"),
                };
                text.push_str(c);
                run.push_str(c);
            }
            (_, "mc:Fallback") => in_fallback = opening,
            (_, "w:t") => in_text = matches!(event, Event::Start(_)),
            (_, "wp:docPr") if opening => {
                let e = start.as_ref().unwrap();
                drawing = Some(Drawing {
                    title: attr(e, "title").unwrap_or_default(),
                    description: attr(e, "descr").unwrap_or_default(),
                    ..Drawing::default()
                });
            }
            (Event::End(_), "w:drawing") => out.drawings.push(drawing.take().expect("a drawing's docPr")),
            (_, "a:prstGeom") if opening && attr(start.as_ref().unwrap(), "prst").as_deref() == Some("line") => {
                drawing.as_mut().expect("a line in a drawing").lines += 1;
            }
            (_, "w:txbxContent") => {
                in_box = opening;
                if opening {
                    drawing.as_mut().expect("a box in a drawing").boxes.push(String::new());
                }
            }
            (_, "w:tbl") if opening => tables += 1,
            (Event::End(_), "w:tbl") => {
                tables -= 1;
                out.tables.push((std::mem::take(&mut rows), std::mem::take(&mut headers)));
            }
            (_, "w:tblHeader") => headers += 1,
            (Event::End(_), "w:tr") => rows.push(std::mem::take(&mut row)),
            (Event::End(_), "w:tc") => row.push(std::mem::take(&mut cell).join("\n")),
            (_, "w:pStyle") if opening => style = attr(start.as_ref().unwrap(), "w:val").unwrap_or_default(),
            (_, "w:u") if opening => underline = attr(start.as_ref().unwrap(), "w:val").as_deref() == Some("single"),
            (_, "w:b") if opening => bold = true,
            (_, "w:pgSz") if opening => {
                out.landscape |= attr(start.as_ref().unwrap(), "w:orient").as_deref() == Some("landscape")
            }
            (Event::Start(_), "w:r") => (underline, bold, run) = (false, false, String::new()),
            (Event::End(_), "w:r") if underline && bold && !in_box => out.marked.push(std::mem::take(&mut run)),
            (Event::End(_), "w:p") => {
                let (s, t) = (std::mem::take(&mut style), std::mem::take(&mut text));
                if in_box {
                    drawing.as_mut().unwrap().boxes.last_mut().unwrap().push_str(&t);
                } else if tables > 0 {
                    cell.push(t);
                } else {
                    out.paragraphs.push((s, t));
                }
            }
            _ => {}
        }
    }
    out
}

/// A town with two goals: three measures, three initiatives.
fn town() -> Strategy {
    let p = PlanPeriod { first: FiscalYear(2025), last: FiscalYear(2029) };
    let mut s = Strategy::blank("第3期しるべ町総合戦略", "しるべ町", p);
    s.stage = DraftingStage::Draft;
    let mut births = Indicator::new("1-1", "出生数", "人");
    let mut series = Series::new("");
    series.baseline = Some(Baseline { value: 120.0, year: Some(FiscalYear(2023)) });
    series.target = Some(Target::Value { value: 130.0, year: Some(FiscalYear(2029)) });
    births.series = vec![series];
    let mut g1 = Goal::new(GoalKind::Basic, "1", "しごとをつくる");
    let mut m1 = Measure::new("1-1", "企業立地の促進");
    m1.initiatives =
        vec![Arc::new(Initiative::new("(1)", "企業誘致活動")), Arc::new(Initiative::new("(2)", "用地の確保"))];
    g1.measures = vec![Arc::new(m1), Arc::new(Measure::new("1-2", "観光振興"))];
    let mut g2 = Goal::new(GoalKind::Basic, "2", "子どもを産み育てる");
    let mut m3 = Measure::new("2-1", "子育て支援");
    m3.kpis = vec![births.id.clone()];
    m3.initiatives = vec![Arc::new(Initiative::new("(1)", "保育料の軽減"))];
    g2.measures = vec![Arc::new(m3)];
    s.goals = vec![Arc::new(g1), Arc::new(g2)];
    s.indicators = vec![Arc::new(births)];
    s
}

#[test]
fn the_document_reads_back_with_its_headings_tables_and_the_drawn_tree() {
    let s = town();
    let doc = read(&strategy_document(&s, YearStyle::Japanese, &made(), Contents::Left).unwrap());
    let headings: Vec<&str> =
        doc.paragraphs.iter().filter(|(st, _)| st.starts_with("Heading")).map(|(_, t)| t.as_str()).collect();
    let tree_at = headings.iter().position(|h| *h == "施策体系図").unwrap();
    assert_eq!(
        &headings[tree_at + 1..],
        [
            "基本目標1　しごとをつくる",
            "1-1　企業立地の促進",
            "1-2　観光振興",
            "基本目標2　子どもを産み育てる",
            "2-1　子育て支援"
        ]
    );
    // One table (2-1's KPIs), its header row repeating.
    assert_eq!(doc.tables.len(), 1);
    assert_eq!(doc.tables[0].1, 1);
    assert_eq!(doc.tables[0].0[1][0], "出生数");
    // The tree drawn: a group per goal, a box per goal, measure and initiative, joined by lines.
    assert_eq!(doc.drawings.len(), 2);
    assert_eq!(
        doc.drawings[0].boxes,
        ["基本目標1　しごとをつくる", "1-1　企業立地の促進", "(1)　企業誘致活動", "(2)　用地の確保", "1-2　観光振興"]
    );
    assert_eq!(doc.drawings[0].lines, 8);
    assert_eq!(doc.drawings[1].boxes, ["基本目標2　子どもを産み育てる", "2-1　子育て支援", "(1)　保育料の軽減"]);
    assert_eq!(doc.drawings[1].lines, 4);
    assert_eq!(doc.drawings[0].title, "施策体系図：基本目標1　しごとをつくる");
    assert!(doc.drawings[1].description.contains("2-1　子育て支援（(1)　保育料の軽減）"), "{:?}", doc.drawings[1]);
    // The drawings' text is not in the body's paragraphs: no duplicate of a measure.
    assert_eq!(doc.paragraphs.iter().filter(|(_, t)| t.contains("企業立地の促進")).count(), 1);
    assert!(!doc.landscape);
}

#[test]
fn a_long_goal_is_drawn_over_several_figures_and_every_example_reads_back() {
    let mut s = town();
    Arc::make_mut(&mut Arc::make_mut(&mut s.goals[0]).measures[1]).initiatives =
        (0..50).map(|i| Arc::new(Initiative::new(&format!("({i})"), "事業"))).collect();
    let doc = read(&strategy_document(&s, YearStyle::Japanese, &made(), Contents::Left).unwrap());
    assert_eq!(doc.drawings.len(), measure_tree::figures(&s).len());
    assert_eq!(doc.drawings.len(), 3);
    for key in ["kitamoto", "hokuto", "made-up"] {
        let s = crate::examples::by_key(key).unwrap().load().unwrap();
        let doc = read(&strategy_document(&s, YearStyle::Japanese, &made(), Contents::Left).unwrap());
        let boxes: usize = doc.drawings.iter().map(|d| d.boxes.len()).sum();
        let items: usize =
            s.goals.iter().map(|g| 1 + g.measures.iter().map(|m| 1 + m.initiatives.len()).sum::<usize>()).sum();
        assert!(boxes >= items, "{key}: {boxes} boxes for {items} items");
    }
}

/// The old and a revision: a sentence changed in the middle, a KPI's target raised, a measure
/// added and one removed.
fn revised() -> (Strategy, Strategy) {
    let mut old = town();
    old.sections = vec![crate::model::NarrativeSection {
        id: Id::new("section"),
        heading: "策定趣旨".into(),
        body: "本町は、豊かな自然と歴史に恵まれたまちであり、子育て世代の転入を促進する。".into(),
    }];
    let mut new = old.clone();
    new.sections[0].body = "本町は、豊かな自然と歴史に恵まれたまちであり、子育て世代の定住を促進する。".into();
    Arc::make_mut(&mut new.indicators[0]).series[0].target =
        Some(Target::Value { value: 140.0, year: Some(FiscalYear(2029)) });
    let g = Arc::make_mut(&mut new.goals[0]);
    g.measures.remove(1);
    g.measures.push(Arc::new(Measure::new("1-3", "スマート農業の推進")));
    (old, new)
}

#[test]
fn the_old_new_table_reads_back_landscape_with_its_changes_underlined_in_both_columns() {
    let (old, new) = revised();
    let t = compare(&old, &new).unwrap();
    let bytes = old_new_document("第3期しるべ町総合戦略", "案", "素案", &t, YearStyle::Japanese, &made()).unwrap();
    if std::env::var_os("WRITE_DOCUMENTS").is_some() {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("target/documents");
        std::fs::create_dir_all(&dir).unwrap();
        std::fs::write(dir.join("old-new.docx"), &bytes).unwrap();
    }
    let doc = read(&bytes);
    assert!(doc.landscape);
    assert_eq!(doc.paragraphs[0], ("Title".to_owned(), "第3期しるべ町総合戦略　新旧対照表".to_owned()));
    assert_eq!(doc.tables.len(), 1);
    let (rows, headers) = &doc.tables[0];
    assert_eq!(*headers, 1, "the header row repeats on every page");
    assert_eq!(rows[0], ["箇所", "改正後", "改正前", "備考"]);
    let find =
        |place: &str| rows.iter().find(|r| r[0].starts_with(place)).unwrap_or_else(|| panic!("{place} in {rows:?}"));
    let section = find("「策定趣旨」：本文");
    assert_eq!(section[1], "（略）子育て世代の定住を促進する。");
    assert_eq!(section[2], "（略）子育て世代の転入を促進する。");
    assert_eq!(section[3], "変更");
    assert_eq!(find("基本目標 1 ＞ 施策 1-3：名称")[3], "新設");
    assert_eq!(find("基本目標 1 ＞ 施策 1-2：名称")[1], "（削除）");
    assert_eq!(find("基本目標 1 ＞ 施策 1-2：名称")[3], "削除");
    let target = find("基本目標 2 ＞ 施策 2-1 ＞ 指標「出生数」：目標値");
    assert_eq!(target[3], "変更");
    // Underlined and bold: the changed words of both columns, the new item's text, the removed one's.
    assert_eq!(doc.marked, ["定住", "転入", "1-2", "観光振興", "1-3", "スマート農業の推進", "140", "130"]);
    // No unchanged item is listed.
    assert!(!rows.iter().any(|r| r[0].contains("施策 1-1")), "{rows:?}");
}

#[test]
fn across_two_periods_a_carried_kpi_is_matched_through_its_origin_in_the_word_file() {
    let old = town();
    let births = old.indicators[0].id.clone();
    let mut new = old.next_period(&NextPeriod {
        title: "第4期しるべ町総合戦略".into(),
        period: PlanPeriod { first: FiscalYear(2030), last: FiscalYear(2034) },
        indicators: vec![births],
        frame: None,
    });
    Arc::make_mut(&mut new.indicators[0]).series[0].target =
        Some(Target::Value { value: 150.0, year: Some(FiscalYear(2034)) });
    let t = compare(&old, &new).unwrap();
    assert!(t.across_periods);
    let doc = read(&old_new_document(&new.title, "第4期", "第3期", &t, YearStyle::Japanese, &made()).unwrap());
    let rows = &doc.tables[0].0;
    let target = rows.iter().find(|r| r[0].ends_with("指標「出生数」：目標値")).expect("the carried KPI's target");
    assert_eq!(target[3], "変更", "{rows:?}");
    assert!(
        !rows.iter().any(|r| r[0].contains("出生数") && r[3] != "変更"),
        "the KPI neither new nor removed: {rows:?}"
    );
}

#[test]
fn an_unrelated_strategy_is_refused_with_words_that_say_so() {
    let (a, b) = (town(), town());
    let refusal = compare(&a, &b).unwrap_err();
    let ja = crate::words::old_new_refusal(refusal, crate::locale::Language::Ja);
    let en = crate::words::old_new_refusal(refusal, crate::locale::Language::En);
    assert!(ja.contains("別の戦略"), "{ja}");
    assert!(en.to_lowercase().contains("different strateg") || en.to_lowercase().contains("unrelated"), "{en}");
}
