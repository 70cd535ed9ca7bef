//! One table of target wordings, each read the same by the three places a town's
//! target is typed: a town's own table (`format::table`), the CSV import (`format::csv`) and
//! the indicator form (`series_draft::TargetDraft::read_words`). All three read through
//! `format::csv::read_target`.

use super::series_draft::TargetDraft;
use crate::format::csv::{apply, plan_import};
use crate::format::table::{apply_table, find_table, from_tsv, plan_table, propose_roles, Placement};
use crate::model::{BoundSide, FiscalYear, RelativeChange, Strategy, Target};

const FY: fn(i32) -> FiscalYear = FiscalYear;

fn kitamoto() -> Strategy {
    crate::examples::EXAMPLES[0].load().unwrap()
}

/// Every wording, with the target year written beside it (R7 or none) and what it means in
/// 北本市's plan (令和4〜7年度).
fn wordings() -> Vec<(&'static str, &'static str, Target)> {
    let r7 = Some(FY(2025));
    vec![
        ("438.3", "R7", Target::Value { value: 438.3, year: r7 }),
        ("5年間で累計15", "", Target::Cumulative { value: 15.0, from: FY(2022), to: FY(2026) }),
        ("５年間で累計３００", "", Target::Cumulative { value: 300.0, from: FY(2022), to: FY(2026) }),
        ("5年間で30", "", Target::Cumulative { value: 30.0, from: FY(2022), to: FY(2026) }),
        ("累計 4386（平成27〜31年度）", "", Target::Cumulative { value: 4386.0, from: FY(2015), to: FY(2019) }),
        ("令和4〜7年度の累計 60", "", Target::Cumulative { value: 60.0, from: FY(2022), to: FY(2025) }),
        ("令和3〜8年度の平均 1,890", "", Target::Average { value: 1890.0, from: FY(2021), to: FY(2026) }),
        ("4年間の平均 120", "", Target::Average { value: 120.0, from: FY(2022), to: FY(2025) }),
        ("80以上", "R7", Target::Bound { value: 80.0, side: BoundSide::AtLeast, hold: false, year: r7 }),
        ("10以下", "", Target::Bound { value: 10.0, side: BoundSide::AtMost, hold: false, year: None }),
        ("維持（90以上）", "", Target::Bound { value: 90.0, side: BoundSide::AtLeast, hold: true, year: None }),
        ("基準値から10%減少", "R7", Target::Relative { change: RelativeChange::Percent(-10.0), year: r7 }),
        ("5ポイント上昇", "R7", Target::Relative { change: RelativeChange::Points(5.0), year: r7 }),
        ("現状維持", "", Target::Relative { change: RelativeChange::Hold, year: None }),
        ("毎年2", "", Target::PerYear { value: 2.0 }),
        ("0/年", "", Target::PerYear { value: 0.0 }),
        ("↗", "", Target::Direction),
    ]
}

/// An indicator of 北本市 with no target: 5-1 with its target taken away.
fn without_target() -> (Strategy, crate::model::Id) {
    let mut s = kitamoto();
    let id = s.indicators.iter().find(|i| i.code == "5-1").unwrap().id.clone();
    s.indicator_mut(&id).unwrap().series[0].target = None;
    (s, id)
}

fn through_csv(text: &str, year: &str) -> Option<Target> {
    let (mut s, id) = without_target();
    let csv = format!("指標ID,目標値,目標年度\r\n{},\"{text}\",{year}\r\n", id.as_str());
    let plan = plan_import(&s, &csv).unwrap();
    assert!(plan.refused.is_empty(), "CSV {text}: {:?}", plan.refused);
    apply(&mut s, &plan);
    s.indicator(&id).unwrap().series[0].target.clone()
}

fn through_table(text: &str, year: &str) -> Option<Target> {
    let s0 = kitamoto();
    let grid = from_tsv(&format!("指標名\t単位\t基準値\t目標値\t目標年度\n新しい指標\t件\t10\t{text}\t{year}\n"));
    let shape = find_table(&grid).unwrap();
    let roles = propose_roles(&grid, &shape).roles;
    let plan = plan_table(&s0, &grid, &shape, &roles, Placement::Strategy);
    assert!(plan.values.refused.is_empty(), "table {text}: {:?}", plan.values.refused);
    let mut s = s0.clone();
    apply_table(&mut s, &plan);
    let id = &plan.new_indicators.first().expect("a new indicator").indicator.id;
    s.indicator(id).unwrap().series[0].target.clone()
}

fn through_form(text: &str, year: &str) -> Option<Target> {
    let s = kitamoto();
    let year = (!year.is_empty()).then(|| FiscalYear::parse(year).unwrap());
    let (kind, draft) = TargetDraft::read_words(text, year, s.period)?;
    draft.target(kind, s.period, false)
}

#[test]
fn every_wording_is_read_the_same_by_the_table_the_csv_and_the_form() {
    for (text, year, expected) in wordings() {
        assert_eq!(through_csv(text, year).as_ref(), Some(&expected), "CSV: {text}");
        assert_eq!(through_table(text, year).as_ref(), Some(&expected), "table: {text}");
        assert_eq!(through_form(text, year).as_ref(), Some(&expected), "form: {text}");
    }
}

#[test]
fn words_that_are_no_target_are_read_by_none_of_them() {
    let s = kitamoto();
    for text in ["abc", "5年間で", "累計", "以上"] {
        assert_eq!(TargetDraft::read_words(text, None, s.period), None, "{text}");
        let (s, id) = without_target();
        let csv = format!("指標ID,目標値\r\n{},{text}\r\n", id.as_str());
        let plan = plan_import(&s, &csv).unwrap();
        assert_eq!(plan.refused.len(), 1, "CSV refuses {text}");
    }
}
