//! The outline both the Word document and the print page are made from: its headings in seed
//! 000's order, every goal, measure and KPI once, and the Word document holding exactly its
//! headings and tables (so that the print, which renders the same blocks, says the same).

use super::outline::{outline, Block, Heading};
use super::tests::made;
use super::tests::{blocks, headings, part, town, Block as Read};
use super::*;

fn heads(b: &[Block]) -> Vec<(Heading, &str)> {
    b.iter().filter_map(|b| if let Block::Heading(h, t) = b { Some((*h, t.as_str())) } else { None }).collect()
}

#[test]
fn the_outline_has_seed_000s_headings_in_order_with_the_tree_before_the_goals() {
    let o = outline(&town(), YearStyle::Japanese);
    assert_eq!(o[0], Block::Title("第3期しるべ町まち・ひと・しごと創生総合戦略（素案）".into()));
    assert_eq!(
        heads(&o),
        vec![
            (Heading::Part, "第1　基本的な考え方"),
            (Heading::Section, "1　策定趣旨"),
            (Heading::Section, "2　計画期間"),
            (Heading::Section, "3　基本方針"),
            (Heading::Part, "第2　基本目標ごとの施策"),
            (Heading::Section, "施策体系図"),
            (Heading::Goal, "基本目標1　稼ぐ地域をつくる"),
            (Heading::Measure, "1　企業立地の促進"),
            (Heading::Measure, "2　観光振興"),
            (Heading::Goal, "基本目標2　人の流れをつくる"),
            (Heading::Measure, "1　移住の促進"),
        ]
    );
    let tree = o.iter().position(|b| *b == Block::Tree).expect("the 施策体系図");
    let first_goal = o.iter().position(|b| matches!(b, Block::Heading(Heading::Goal, _))).unwrap();
    assert!(tree < first_goal);
    assert_eq!(o.iter().filter(|b| **b == Block::Tree).count(), 1);
    let tables: Vec<&Vec<[String; 4]>> =
        o.iter().filter_map(|b| if let Block::Indicators(r) = b { Some(r) } else { None }).collect();
    assert_eq!(tables.len(), 3, "goal 1's 数値目標, two measures' KPIs");
    assert_eq!(tables[0][0], ["転入者数", "1,234人\n（令和5年度）", "1,500人", "令和11年度"].map(String::from));
}

#[test]
fn every_goal_measure_and_kpi_of_each_example_is_in_the_outline_once() {
    for key in ["kitamoto", "hokuto", "made-up"] {
        let s = crate::examples::by_key(key).unwrap().load().unwrap();
        let o = outline(&s, YearStyle::Japanese);
        let h = heads(&o);
        for g in &s.goals {
            let goal = super::outline::goal_heading(g);
            assert_eq!(h.iter().filter(|(k, t)| *k == Heading::Goal && *t == goal).count(), 1, "{key}: {goal}");
        }
        let measures = s.goals.iter().map(|g| g.measures.len()).sum::<usize>();
        assert_eq!(h.iter().filter(|(k, _)| *k == Heading::Measure).count(), measures, "{key}");
        let rows = o.iter().filter_map(|b| if let Block::Indicators(r) = b { Some(r.len()) } else { None });
        assert_eq!(rows.sum::<usize>(), super::tests::rows_wanted(&s), "{key}: a row per series of each use");
    }
}

/// The Word document is the outline written out: the same headings in the same order, the same
/// tables' rows, the same paragraphs.
#[test]
fn the_word_document_says_exactly_what_the_outline_says() {
    for key in ["kitamoto", "hokuto", "made-up"] {
        let s = crate::examples::by_key(key).unwrap().load().unwrap();
        let o = outline(&s, YearStyle::Japanese);
        let read = blocks(&part(
            &strategy_document(&s, YearStyle::Japanese, &made(), Contents::Left).unwrap(),
            "word/document.xml",
        ));
        let word_heads: Vec<String> = headings(&read).into_iter().map(|(_, t)| t).collect();
        let mut outline_heads: Vec<String> = vec![super::title(&s)];
        outline_heads.extend(heads(&o).into_iter().map(|(_, t)| t.to_owned()));
        assert_eq!(word_heads, outline_heads, "{key}");
        let word_tables: Vec<Vec<Vec<String>>> =
            read.iter().filter_map(|b| if let Read::Table(r, _) = b { Some(r[1..].to_vec()) } else { None }).collect();
        let outline_tables: Vec<Vec<Vec<String>>> = o
            .iter()
            .filter_map(
                |b| if let Block::Indicators(r) = b { Some(r.iter().map(|r| r.to_vec()).collect()) } else { None },
            )
            .collect();
        assert_eq!(word_tables, outline_tables, "{key}");
        let texts = o.iter().filter(|b| matches!(b, Block::Text(_) | Block::Caption(_) | Block::Item(_))).count();
        let paras = read
            .iter()
            .filter(|b| matches!(b, Read::Para(s, t) if !s.starts_with("Heading") && s != "Title" && !t.is_empty()))
            .count();
        assert_eq!(paras, texts + 1, "{key}: a paragraph per text block, and the date line");
    }
}
