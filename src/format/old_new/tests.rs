use super::*;
use crate::model::compare::compare;
use crate::model::{
    Baseline, FiscalYear, Goal, GoalKind, Id, Indicator, Measure, NarrativeSection, PlanPeriod, Series, Strategy,
    Target,
};
use std::sync::Arc;

fn strategy() -> Strategy {
    let mut s = Strategy::blank(
        "第3期しるべ町総合戦略",
        "しるべ町",
        PlanPeriod { first: FiscalYear(2025), last: FiscalYear(2029) },
    );
    s.sections = vec![NarrativeSection {
        id: Id::new("section"),
        heading: "策定趣旨".into(),
        body: "子育て世代の転入を促進する。".into(),
    }];
    let mut births = Indicator::new("1-1", "出生数", "人");
    let mut series = Series::new("");
    series.baseline = Some(Baseline { value: 120.0, year: Some(FiscalYear(2023)) });
    series.target = Some(Target::Value { value: 130.0, year: Some(FiscalYear(2029)) });
    births.series = vec![series];
    let mut m = Measure::new("2-1", "子育て支援");
    m.kpis = vec![births.id.clone()];
    let mut g = Goal::new(GoalKind::Basic, "2", "子どもを産み育てる");
    g.measures.push(Arc::new(m));
    s.goals.push(Arc::new(g));
    s.indicators = vec![Arc::new(births)];
    s
}

/// The old strategy and a revision: the section's text changed mid-sentence, the KPI's target
/// raised, a measure added whose title starts like a formula, the goal's 基本的方向 filled in.
fn revised() -> (Strategy, Strategy) {
    let old = strategy();
    let mut new = old.clone();
    new.sections[0].body = "子育て世代の定住を促進する。".into();
    Arc::make_mut(&mut new.indicators[0]).series[0].target =
        Some(Target::Value { value: 140.0, year: Some(FiscalYear(2029)) });
    let g = Arc::make_mut(&mut new.goals[0]);
    g.direction = "安心して産み育てられるまち".into();
    g.measures.push(Arc::new(Measure::new("2-2", "=HYPERLINK(\"x\")")));
    (old, new)
}

#[test]
fn places_read_as_towns_write_them() {
    let (old, new) = revised();
    let t = compare(&old, &new).unwrap();
    let l = lines(&t, YearStyle::Japanese);
    let places: Vec<&str> = l.iter().map(|l| l.place.as_str()).collect();
    assert_eq!(
        places,
        vec![
            "「策定趣旨」：本文",
            "基本目標 2：基本的方向",
            "基本目標 2 ＞ 施策 2-1 ＞ 指標「出生数」：目標値",
            "基本目標 2 ＞ 施策 2-2：番号",
            "基本目標 2 ＞ 施策 2-2：名称",
        ]
    );
    let notes: Vec<&str> = l.iter().map(|l| l.note.as_str()).collect();
    assert_eq!(notes, vec!["変更", "追加", "変更", "新設", "新設"]);
}

#[test]
fn the_csv_has_a_bom_the_columns_the_changes_in_brackets_and_formulas_neutralised() {
    let (old, new) = revised();
    let csv = csv(&compare(&old, &new).unwrap(), YearStyle::Japanese);
    assert!(csv.starts_with("\u{feff}箇所,改正後,改正前,備考\r\n"), "{csv}");
    assert!(
        csv.contains("「策定趣旨」：本文,子育て世代の【定住】を促進する。,子育て世代の【転入】を促進する。,変更\r\n"),
        "{csv}"
    );
    assert!(csv.contains("目標値,【140】人（令和11年度）,【130】人（令和11年度）,変更"), "{csv}");
    assert!(csv.contains(",（新設）,新設"), "{csv}");
    // 【 comes first, so the formula cannot start the cell; a bare one would be quoted.
    assert!(csv.contains("\"【=HYPERLINK(\"\"x\"\")】\""), "{csv}");
    assert_eq!(cell("=1+1"), "'=1+1");
}

#[test]
fn a_removed_item_says_so_in_the_new_column() {
    let (old, new) = revised();
    let t = compare(&new, &old).unwrap();
    let l = lines(&t, YearStyle::Japanese);
    let removed = l.iter().find(|l| l.place.ends_with("施策 2-2：名称")).unwrap();
    assert_eq!(removed.note, "削除");
    assert_eq!(text::plain(&removed.new, "【", "】"), "（削除）");
    // The emptied 基本的方向: 削除 with an empty new column.
    let cleared = l.iter().find(|l| l.place.ends_with("基本的方向")).unwrap();
    assert!(cleared.new.is_empty());
    assert_eq!(cleared.note, "削除");
}

#[test]
fn the_print_underlines_changes_in_bold_and_escapes_every_text() {
    let (old, mut new) = revised();
    new.sections[0].heading = "<script>alert(1)</script>".into();
    let page = html_page("第3期しるべ町総合戦略", "案", "素案", &compare(&old, &new).unwrap(), YearStyle::Japanese);
    assert!(page.contains("子育て世代の<u><strong>定住</strong></u>を促進する。"), "{page}");
    assert!(page.contains("<u><strong>転入</strong></u>"));
    assert!(!page.contains("<script>"));
    assert!(page.contains("&lt;script&gt;"));
    assert!(page.contains("<thead>"), "the header repeats on each printed page");
}
