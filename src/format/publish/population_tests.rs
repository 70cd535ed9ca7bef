//! The public page 「人口ビジョン」: written only with a vision to project, linked from the index,
//! no script, the totals drawn as SVG with a title and description beside its table, and
//! assumptions derived from censuses said not to be the 社人研's.

use super::*;
use crate::format::population::testing::vision;
use crate::model::population::{derive_from_censuses, take_target, BasePopulation, Demographic, VisionTarget};
use crate::model::{FiscalYear, PlanPeriod};
use std::sync::Arc;

fn page_of(site: &PublishedSite, path: &str) -> Option<String> {
    site.file(path).map(|f| String::from_utf8(f.bytes.clone()).unwrap())
}

#[test]
fn the_vision_page_is_svg_and_tables_without_script_linked_from_the_index() {
    let mut s = Strategy::blank("総合戦略", "架空町", PlanPeriod { first: FiscalYear(2025), last: FiscalYear(2029) });
    assert!(page_of(&published_site(&s, "2026-12-01T00:00:00Z"), population::PATH).is_none());
    s.population = Some(Arc::new(vision()));
    let site = published_site(&s, "2026-12-01T00:00:00Z");
    let page = page_of(&site, population::PATH).expect("a page of its own");
    assert!(page_of(&site, "index.html").unwrap().contains(r#"href="population.html""#));
    assert!(!page.contains("<script") && !page.contains(" on"), "no script");
    assert!(page.contains(r#"<title id="pop-title">総人口の将来推計</title>"#));
    assert_eq!(page.matches("<polyline").count(), 4, "a line per scenario");
    assert!(page.contains("<caption>総人口の将来推計</caption>"));
    assert!(page.contains("<th scope=\"row\">将来展望</th>"));
    assert!(page.contains("2070年に人口8,000人を目指す。"));
    // A KPI whose target is the outlook's says so on its page, with the way to the vision.
    let ind = crate::model::Indicator::new("1-1", "総人口", "人");
    let (iid, sid) = (ind.id.clone(), ind.series[0].id.clone());
    s.indicators.push(Arc::new(ind));
    let mut goal = crate::model::Goal::new(crate::model::GoalKind::Basic, "1", "人口減少に歯止めをかける");
    goal.targets.push(iid.clone());
    s.goals.push(Arc::new(goal));
    let link = VisionTarget { figure: Demographic::TotalPopulation, year: 2030 };
    assert!(take_target(&mut s, &iid, &sid, link).is_some());
    let site = published_site(&s, "2026-12-01T00:00:00Z");
    let kpi = page_of(&site, &page::kpi_path(&iid)).unwrap();
    assert!(kpi.contains(r#"<a href="../population.html">（人口ビジョンの将来展望による）</a>"#), "{kpi}");
    // The notes stay in.
    let mut v = vision();
    v.notes = "内部メモ：議会説明前".into();
    s.population = Some(Arc::new(v));
    assert!(!page_of(&published_site(&s, "2026-12-01T00:00:00Z"), population::PATH).unwrap().contains("内部メモ"));
}

#[test]
fn derived_assumptions_are_said_on_the_public_page() {
    let mut v = vision();
    let later = v.base.clone().unwrap();
    v.assumptions = Some(derive_from_censuses(&BasePopulation { year: 2015, ..later.clone() }, &later).unwrap());
    let mut s = Strategy::blank("総合戦略", "架空町", PlanPeriod { first: FiscalYear(2025), last: FiscalYear(2029) });
    s.population = Some(Arc::new(v));
    let page = page_of(&published_site(&s, "2026-12-01T00:00:00Z"), population::PATH).unwrap();
    assert!(page.contains(r#"<p class="note">推計の仮定値は社人研のものではなく"#), "{page}");
}
