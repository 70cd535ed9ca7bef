//! The chapter 人口の将来展望 read back from the .docx: its headings, the base in a sentence, the
//! totals by scenario and the 将来展望's three groups as tables; a KPI whose target is the
//! vision's says so; assumptions derived from censuses are said not to be the 社人研's.

use super::tests::{blocks, made, part, Block};
use super::*;
use crate::model::population::{derive_from_censuses, take_target, BasePopulation, Demographic, VisionTarget};
use crate::model::{FiscalYear, Indicator, PlanPeriod};
use std::sync::Arc;

use crate::format::population::testing::vision;

fn document(s: &Strategy) -> Vec<Block> {
    let bytes = strategy_document(s, YearStyle::Japanese, &made(), Contents::Left).unwrap();
    blocks(&part(&bytes, "word/document.xml"))
}

fn paragraphs(doc: &[Block]) -> Vec<&str> {
    doc.iter().filter_map(|b| if let Block::Para(_, t) = b { Some(t.as_str()) } else { None }).collect()
}

#[test]
fn the_chapter_reads_back_with_the_base_the_scenarios_and_the_outlook() {
    let mut s = Strategy::blank("総合戦略", "架空町", PlanPeriod { first: FiscalYear(2025), last: FiscalYear(2029) });
    s.population = Some(Arc::new(vision()));
    let ind = Indicator::new("1-1", "総人口", "人");
    let (iid, sid) = (ind.id.clone(), ind.series[0].id.clone());
    s.indicators.push(Arc::new(ind));
    s.goals.push(Arc::new(crate::model::Goal::new(crate::model::GoalKind::Basic, "1", "人口減少に歯止めをかける")));
    Arc::make_mut(&mut s.goals[0]).targets.push(iid.clone());
    let value = take_target(&mut s, &iid, &sid, VisionTarget { figure: Demographic::TotalPopulation, year: 2030 });
    assert!(value.is_some());
    let doc = document(&s);
    let texts = paragraphs(&doc);
    let at = texts.iter().position(|t| *t == "第3　人口の将来展望").expect("the chapter");
    assert_eq!(texts[at + 1], "1　人口の現状");
    assert!(texts[at + 2].starts_with("2020年の人口は11,450人（男5,538人、女5,912人"), "{}", texts[at + 2]);
    assert!(texts.iter().any(|t| t.contains("社人研）の令和5年推計の仮定値")));
    assert!(texts
        .iter()
        .any(|t| t
            .starts_with("本町の将来展望は「将来展望」とする。合計特殊出生率が2040年に1.8、2050年に2.07まで上昇し")));
    assert!(texts.contains(&"2070年に人口8,000人を目指す。"));
    let tables: Vec<&Vec<Vec<String>>> =
        doc.iter().filter_map(|b| if let Block::Table(r, _) = b { Some(r) } else { None }).collect();
    // The goal's 数値目標 (its target said to be the vision's), the totals, the three groups.
    assert!(tables[0][1][2].ends_with("（人口ビジョンの将来展望による）"), "{:?}", tables[0]);
    let totals = tables[1];
    assert_eq!(totals[0], ["シナリオ", "2020年", "2030年", "2040年", "2050年", "2060年", "2070年"]);
    assert_eq!(
        totals.iter().skip(1).map(|r| r[0].as_str()).collect::<Vec<_>>(),
        ["社人研推計準拠", "出生率上昇", "社会移動均衡", "将来展望"]
    );
    assert_eq!(totals[1][1], "11,450人");
    assert_eq!(tables[2][4][0], "高齢化率");
}

#[test]
fn assumptions_derived_from_censuses_are_said_not_to_be_the_ipss_in_the_chapter() {
    let mut v = vision();
    let later = v.base.clone().unwrap();
    let earlier = BasePopulation { year: 2015, ..later.clone() };
    v.assumptions = Some(derive_from_censuses(&earlier, &later).unwrap());
    let mut s = Strategy::blank("総合戦略", "架空町", PlanPeriod { first: FiscalYear(2025), last: FiscalYear(2029) });
    s.population = Some(Arc::new(v));
    let texts = paragraphs(&document(&s)).join("\n");
    assert!(
        texts.contains("推計の仮定値は社人研のものではなく、2015年と2020年の国勢調査から算出した変化率"),
        "{texts}"
    );
}
