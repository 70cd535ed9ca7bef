//! The document read back from its bytes by a reader of its own (the zip, then `word/document.xml`
//! scanned tag by tag, not docx-rs's reader): the headings in order, every goal, measure and KPI
//! once, the tables' values, the header rows marked to repeat, the styles and the font.

use super::*;
use crate::model::{Baseline, DraftingStage, FiscalYear, Goal, Id, Indicator, Initiative, Measure, PlanPeriod, Target};
use std::io::{Cursor, Read};
use std::sync::Arc;

/// Made by the made-up town on 10 December 2026.
pub(super) fn made() -> Issued {
    Issued { town: "しるべ町".into(), at: "2026-12-10T00:12:00.000Z".into() }
}

/// A paragraph (its style and text) or a table (its rows of cells' text, lines joined by "\n",
/// and how many rows repeat as headers) of the document's body, in order.
#[derive(Debug, PartialEq)]
pub(super) enum Block {
    Para(String, String),
    Table(Vec<Vec<String>>, usize),
}

pub(super) fn part(bytes: &[u8], name: &str) -> String {
    let mut zip = zip::ZipArchive::new(Cursor::new(bytes)).expect("a zip");
    let mut out = String::new();
    zip.by_name(name).unwrap_or_else(|_| panic!("{name} in the .docx")).read_to_string(&mut out).unwrap();
    out
}

fn unescape(t: &str) -> String {
    t.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&apos;", "'").replace("&amp;", "&")
}

/// The attribute `w:val` of a tag's text.
fn val(tag: &str) -> String {
    tag.split("w:val=\"").nth(1).and_then(|r| r.split('"').next()).unwrap_or_default().to_owned()
}

/// The body's blocks, read tag by tag.
pub(super) fn blocks(xml: &str) -> Vec<Block> {
    let mut out = Vec::new();
    let (mut style, mut text) = (String::new(), String::new());
    let (mut depth, mut rows, mut row, mut cell, mut headers) = (0, Vec::new(), Vec::new(), Vec::<String>::new(), 0);
    let mut rest = xml;
    // A drawing (the 施策体系図) is read by `read_back`, not as the body's blocks.
    let mut drawing = false;
    while let Some(at) = rest.find('<') {
        let end = rest[at..].find('>').expect("a closed tag") + at;
        let tag = &rest[at + 1..end];
        let name = tag.split([' ', '/']).next().unwrap_or_default();
        let after = &rest[end + 1..];
        match (name, tag.starts_with('/')) {
            ("mc:AlternateContent", false) => drawing = true,
            ("", true) if tag == "/mc:AlternateContent" => drawing = false,
            _ if drawing => {}
            ("w:tbl", false) => depth += 1,
            ("", true) if tag == "/w:tbl" => {
                depth -= 1;
                out.push(Block::Table(std::mem::take(&mut rows), std::mem::take(&mut headers)));
            }
            ("w:tblHeader", _) => headers += 1,
            ("", true) if tag == "/w:tr" => rows.push(std::mem::take(&mut row)),
            ("", true) if tag == "/w:tc" => row.push(std::mem::take(&mut cell).join("\n")),
            ("w:pStyle", _) => style = val(tag),
            ("w:t", false) if !tag.ends_with('/') => {
                let close = after.find("</w:t>").expect("a text's end");
                text.push_str(&unescape(&after[..close]));
            }
            ("", true) if tag == "/w:p" => {
                let (s, t) = (std::mem::take(&mut style), std::mem::take(&mut text));
                if depth > 0 {
                    cell.push(t);
                } else {
                    out.push(Block::Para(s, t));
                }
            }
            _ => {}
        }
        rest = after;
    }
    out
}

pub(super) fn headings(b: &[Block]) -> Vec<(String, String)> {
    b.iter()
        .filter_map(|b| match b {
            Block::Para(s, t) if s.starts_with("Heading") || s == "Title" => Some((s.clone(), t.clone())),
            _ => None,
        })
        .collect()
}

fn indicator(code: &str, name: &str, unit: &str, baseline: (f64, i32), target: Target) -> Indicator {
    let mut ind = Indicator::new(code, name, unit);
    ind.series[0].baseline = Some(Baseline { value: baseline.0, year: Some(FiscalYear(baseline.1)) });
    ind.series[0].target = Some(target);
    ind
}

/// A town's 素案 with two goals: the first with a 数値目標 and two measures (one with a KPI and
/// two initiatives), the second with one measure and none.
pub(super) fn town() -> Strategy {
    let mut s = Strategy::blank(
        "第3期しるべ町まち・ひと・しごと創生総合戦略",
        "しるべ町",
        PlanPeriod { first: FiscalYear(2025), last: FiscalYear(2029) },
    );
    s.stage = DraftingStage::Draft;
    s.sections = vec![
        crate::model::NarrativeSection {
            id: Id::new("section"),
            heading: "策定趣旨".into(),
            body: "人口減少に向き合う。\n\n第3期を策定する。".into(),
        },
        crate::model::NarrativeSection {
            id: Id::new("section"),
            heading: "基本方針".into(),
            body: "SDGs の理念に基づく。".into(),
        },
    ];
    let goal_target =
        indicator("1", "転入者数", "人", (1234.0, 2023), Target::Value { value: 1500.0, year: Some(FiscalYear(2029)) });
    let kpi = indicator(
        "1-1",
        "企業立地件数",
        "件",
        (3.0, 2023),
        Target::Cumulative { value: 10.0, from: FiscalYear(2025), to: FiscalYear(2029) },
    );
    let kpi2 = indicator("2-1", "移住相談件数", "件", (40.0, 2024), Target::PerYear { value: 50.0 });
    let mut g1 = Goal::new(crate::model::GoalKind::Basic, "1", "稼ぐ地域をつくる");
    g1.subtitle = "安定した雇用を創出する".into();
    g1.direction = "企業誘致を進める。".into();
    g1.targets = vec![goal_target.id.clone()];
    let mut m1 = Measure::new("1", "企業立地の促進");
    m1.summary = "立地環境を活かした企業誘致を進めます。".into();
    m1.kpis = vec![kpi.id.clone()];
    m1.initiatives =
        vec![Arc::new(Initiative::new("(1)", "企業誘致活動")), Arc::new(Initiative::new("(2)", "用地の確保"))];
    g1.measures = vec![Arc::new(m1), Arc::new(Measure::new("2", "観光振興"))];
    let mut g2 = Goal::new(crate::model::GoalKind::Basic, "2", "人の流れをつくる");
    let mut m3 = Measure::new("1", "移住の促進");
    m3.kpis = vec![kpi2.id.clone()];
    g2.measures = vec![Arc::new(m3)];
    s.goals = vec![Arc::new(g1), Arc::new(g2)];
    s.indicators = vec![Arc::new(goal_target), Arc::new(kpi), Arc::new(kpi2)];
    s
}

#[test]
fn the_title_carries_the_stage_until_adopted() {
    let mut s = town();
    assert_eq!(title(&s), "第3期しるべ町まち・ひと・しごと創生総合戦略（素案）");
    s.stage = DraftingStage::Adopted;
    assert_eq!(title(&s), "第3期しるべ町まち・ひと・しごと創生総合戦略");
}

#[test]
fn the_headings_come_in_seed_000s_order_as_word_headings() {
    let bytes = strategy_document(&town(), YearStyle::Japanese, &made(), Contents::Left).unwrap();
    let b = blocks(&part(&bytes, "word/document.xml"));
    let want = [
        ("Title", "第3期しるべ町まち・ひと・しごと創生総合戦略（素案）"),
        ("Heading1", "第1　基本的な考え方"),
        ("Heading2", "1　策定趣旨"),
        ("Heading2", "2　計画期間"),
        ("Heading2", "3　基本方針"),
        ("Heading1", "第2　基本目標ごとの施策"),
        ("Heading2", "施策体系図"),
        ("Heading2", "基本目標1　稼ぐ地域をつくる"),
        ("Heading3", "1　企業立地の促進"),
        ("Heading3", "2　観光振興"),
        ("Heading2", "基本目標2　人の流れをつくる"),
        ("Heading3", "1　移住の促進"),
    ];
    let want: Vec<(String, String)> = want.iter().map(|(a, b)| (a.to_string(), b.to_string())).collect();
    assert_eq!(headings(&b), want);
    let paras: Vec<&str> =
        b.iter().filter_map(|b| if let Block::Para(_, t) = b { Some(t.as_str()) } else { None }).collect();
    for line in [
        "人口減少に向き合う。",
        "第3期を策定する。",
        "令和7年度から令和11年度までの5年間",
        "～安定した雇用を創出する～",
        "企業誘致を進める。",
        "立地環境を活かした企業誘致を進めます。",
        "(1)　企業誘致活動",
        "(2)　用地の確保",
    ] {
        assert_eq!(paras.iter().filter(|p| **p == line).count(), 1, "{line} once in {paras:?}");
    }
    // The styles Word's navigation pane reads are defined, and the headings are outline levels.
    let styles = part(&bytes, "word/styles.xml");
    for id in ["Heading1", "Heading2", "Heading3", "Title", "ListParagraph"] {
        assert!(styles.contains(&format!("w:styleId=\"{id}\"")), "{id} defined");
    }
    assert!(styles.contains("<w:outlineLvl w:val=\"0\""), "heading 1 is an outline level");
    assert!(styles.contains("w:eastAsia=\"游明朝\""), "the document's default east-Asian font");
    assert!(part(&bytes, "word/fontTable.xml").contains("ＭＳ 明朝"), "the font's alternative");
}

#[test]
fn the_tables_hold_the_values_with_their_header_rows_repeated() {
    let bytes = strategy_document(&town(), YearStyle::Japanese, &made(), Contents::Left).unwrap();
    let tables: Vec<(Vec<Vec<String>>, usize)> = blocks(&part(&bytes, "word/document.xml"))
        .into_iter()
        .filter_map(|b| if let Block::Table(rows, h) = b { Some((rows, h)) } else { None })
        .collect();
    // Goal 1's 数値目標, measure 1-1's KPIs, measure 2-1's KPIs (the 体系図 is drawn).
    assert_eq!(tables.len(), 3);
    assert!(tables.iter().all(|(_, h)| *h == 1), "each table's header row repeats");
    let head = ["指標", "基準値", "目標値", "目標年度"].map(String::from).to_vec();
    assert_eq!(
        tables[0].0,
        vec![head.clone(), ["転入者数", "1,234人\n（令和5年度）", "1,500人", "令和11年度"].map(String::from).to_vec()]
    );
    assert_eq!(
        tables[1].0[1],
        ["企業立地件数", "3件\n（令和5年度）", "累計 10件（令和7〜11年度）", "令和11年度"].map(String::from).to_vec()
    );
    assert_eq!(tables[2].0[1], ["移住相談件数", "40件\n（令和6年度）", "50件/年", "毎年度"].map(String::from).to_vec());
    // Western years when asked.
    let western = blocks(&part(
        &strategy_document(&town(), YearStyle::Western, &made(), Contents::Left).unwrap(),
        "word/document.xml",
    ));
    assert!(western.iter().any(
        |b| matches!(b, Block::Table(rows, _) if rows.get(1).is_some_and(|r| r.get(3).is_some_and(|c| c == "2029年度")))
    ));
}

#[test]
fn every_goal_measure_and_kpi_of_each_example_is_in_the_document_once() {
    for key in ["kitamoto", "hokuto", "made-up"] {
        let s = crate::examples::by_key(key).unwrap().load().unwrap();
        let bytes = strategy_document(&s, YearStyle::Japanese, &made(), Contents::Left).unwrap();
        let b = blocks(&part(&bytes, "word/document.xml"));
        let h = headings(&b);
        for g in &s.goals {
            let goal = super::outline::goal_heading(g);
            assert_eq!(h.iter().filter(|(st, t)| st == "Heading2" && *t == goal).count(), 1, "{key}: {goal}");
        }
        let measures = s.goals.iter().map(|g| g.measures.len()).sum::<usize>();
        assert_eq!(h.iter().filter(|(st, _)| st == "Heading3").count(), measures, "{key}: one Heading 3 per measure");
        // Each indicator's row, once per goal or measure that names it.
        let rows: Vec<String> = b
            .iter()
            .filter_map(|b| if let Block::Table(rows, _) = b { Some(rows) } else { None })
            .flat_map(|rows| rows.iter().skip(1).map(|r| r[0].clone()))
            .collect();
        let uses = s.goals.iter().map(|g| g.targets.len() + g.measures.iter().map(|m| m.kpis.len()).sum::<usize>());
        assert!(uses.sum::<usize>() > 0 || key == "hokuto", "{key} has indicators");
        assert_eq!(rows.len(), rows_wanted(&s), "{key}: a row per series of each use");
        for ind in &s.indicators {
            let named = s.goals.iter().filter(|g| g.targets.contains(&ind.id)).count()
                + s.goals.iter().flat_map(|g| &g.measures).filter(|m| m.kpis.contains(&ind.id)).count();
            let shown = rows.iter().filter(|r| r.starts_with(ind.name.trim())).count();
            assert!(shown >= named * ind.series.len().max(1), "{key}: {} shown {shown}, named {named}", ind.name);
        }
    }
}

/// How many rows the indicator tables hold: one per series of each goal's 数値目標 and each
/// measure's KPI.
pub(super) fn rows_wanted(s: &Strategy) -> usize {
    let series = |id: &Id| s.indicator(id).map_or(0, |i| i.series.len());
    s.goals
        .iter()
        .map(|g| g.targets.iter().chain(g.measures.iter().flat_map(|m| &m.kpis)).map(series).sum::<usize>())
        .sum()
}

#[test]
fn markup_and_control_characters_in_a_title_leave_the_xml_well_formed() {
    let mut s = town();
    Arc::make_mut(&mut Arc::make_mut(&mut s.goals[0]).measures[0]).title =
        "<b>企業&立地</b>\u{000B}\"'の促進\u{0001}".into();
    let bytes = strategy_document(&s, YearStyle::Japanese, &made(), Contents::Left).unwrap();
    let xml = part(&bytes, "word/document.xml");
    assert!(!xml.chars().any(|c| c.is_control() && !"\t\n\r".contains(c)), "no control character in the XML");
    assert!(!xml.contains("<b>"), "markup escaped");
    let h = headings(&blocks(&xml));
    assert!(h.iter().any(|(_, t)| t == "1　<b>企業&立地</b>\"'の促進"), "{h:?}");
}

#[test]
fn the_large_strategy_is_written_with_a_heading_per_measure() {
    let s = crate::bench::generate::generate(crate::bench::generate::Size::named("large").unwrap(), 7);
    let started = std::time::Instant::now();
    let bytes = strategy_document(&s, YearStyle::Japanese, &made(), Contents::Left).unwrap();
    println!("large: {} bytes in {:?} (debug build)", bytes.len(), started.elapsed());
    let b = blocks(&part(&bytes, "word/document.xml"));
    let measures = s.goals.iter().map(|g| g.measures.len()).sum::<usize>();
    assert_eq!(headings(&b).iter().filter(|(st, _)| st == "Heading3").count(), measures);
    let mut zip = zip::ZipArchive::new(Cursor::new(&bytes[..])).unwrap();
    assert_eq!(zip.by_name("word/document.xml").unwrap().compression(), zip::CompressionMethod::Deflated);
}

/// Every example writes a document; with `WRITE_DOCUMENTS=1` they are kept in `target/documents`
/// to look at (`scripts/look-at-documents.sh`), with a 新旧対照表 (`read_back`).
#[test]
fn every_example_writes_a_document_that_reads_back() {
    let keep = std::env::var_os("WRITE_DOCUMENTS").is_some();
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("target/documents");
    for key in ["kitamoto", "hokuto", "made-up"] {
        let s = crate::examples::by_key(key).unwrap().load().unwrap();
        let bytes = strategy_document(&s, YearStyle::Japanese, &made(), Contents::Left).unwrap();
        assert!(bytes.starts_with(b"PK"), "{key}: a .docx is a zip");
        if keep {
            std::fs::create_dir_all(&dir).unwrap();
            std::fs::write(dir.join(format!("{key}.docx")), bytes).unwrap();
        }
    }
}
