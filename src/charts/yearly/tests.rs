//! The yearly tables of 北本市's example (plan 令和4〜7年度, 2022–2025), with actuals and interim
//! targets added as a town would type them; every expected cell worked out by hand from the
//! seed's table (001) and those additions.

use super::*;
use crate::charts::testing::{example, EN, JA};
use crate::model::{Actual, YearValue};

fn kitamoto() -> Strategy {
    example("kitamoto")
}

/// The example's indicator of this name, to change before building its table.
fn named<'a>(s: &'a mut Strategy, name: &str) -> &'a mut Indicator {
    s.indicators_mut().find(|i| i.name == name).unwrap_or_else(|| panic!("no indicator {name}"))
}

fn of(s: &Strategy, name: &str) -> YearTable {
    let ind = s.indicators.iter().find(|i| i.name == name).expect(name);
    table(s, ind, JA)
}

fn cells(row: &YearRow) -> Vec<&str> {
    row.cells.iter().map(String::as_str).collect()
}

const PLAN: [&str; 4] = ["令和4年度", "令和5年度", "令和6年度", "令和7年度"];

#[test]
fn a_value_target_is_printed_in_the_plans_last_year_with_interim_targets_and_actuals() {
    // 5-1 就業者一人あたり市内純生産: 431.5万円 (H30) → 438.3万円, no year: due 令和7年度.
    let mut s = kitamoto();
    let ind = named(&mut s, "就業者一人あたり市内純生産");
    let se = &mut ind.series[0];
    se.interim.push(YearValue { year: FiscalYear(2023), value: 434.0 });
    se.actuals.push(Actual::new(FiscalYear(2022), 432.8));
    se.actuals.push(Actual { provisional: true, ..Actual::new(FiscalYear(2023), 435.1) });
    // Before the plan: the chart's, not a column of the plan's table.
    se.actuals.push(Actual::new(FiscalYear(2019), 431.9));
    let t = of(&s, "就業者一人あたり市内純生産");
    assert_eq!(t.years, (2022..=2025).map(FiscalYear).collect::<Vec<_>>());
    assert_eq!(t.headings, PLAN);
    assert_eq!(t.unit.as_deref(), Some("単位：万円"));
    assert_eq!(t.series.len(), 1);
    let se = &t.series[0];
    assert_eq!(se.label, "");
    assert_eq!(se.baseline, "431.5（平成30年度）");
    assert_eq!(
        se.rows.iter().map(|r| (r.kind, r.head.as_str())).collect::<Vec<_>>(),
        [(RowKind::Target, "目標"), (RowKind::Actual, "実績")]
    );
    assert_eq!(cells(&se.rows[0]), ["", "434", "", "438.3"]);
    assert_eq!(cells(&se.rows[1]), ["432.8", "435.1（速報）", "—", "—"]);
}

#[test]
fn a_breakdown_has_rows_per_series_each_with_its_baseline() {
    // 2-2 65歳健康寿命: 男性 18.43年 (R1) → 19.00年, 女性 20.72年 (R1) → 21.50年.
    let mut s = kitamoto();
    named(&mut s, "65歳健康寿命").series[1].actuals.push(Actual::new(FiscalYear(2024), 20.9));
    let t = of(&s, "65歳健康寿命");
    assert_eq!(t.unit.as_deref(), Some("単位：年"));
    let labels: Vec<&str> = t.series.iter().map(|s| s.label.as_str()).collect();
    assert_eq!(labels, ["男性", "女性"]);
    assert_eq!(t.series[0].baseline, "18.43（令和元年度）");
    assert_eq!(t.series[1].baseline, "20.72（令和元年度）");
    assert_eq!(cells(&t.series[0].rows[0]), ["", "", "", "19"]);
    assert_eq!(cells(&t.series[0].rows[1]), ["—", "—", "—", "—"]);
    assert_eq!(cells(&t.series[1].rows[0]), ["", "", "", "21.5"]);
    assert_eq!(cells(&t.series[1].rows[1]), ["—", "—", "20.9", "—"]);
}

#[test]
fn a_per_year_target_and_a_direction_are_in_every_year() {
    // 4-6 災害による負傷者数および死亡者数: 0人 → 0人/年; 6-3 ふるさと納税寄附件数: 3,908件 → ↗.
    let s = kitamoto();
    let t = of(&s, "災害による負傷者数および死亡者数");
    assert_eq!(t.series[0].baseline, "0");
    assert_eq!(cells(&t.series[0].rows[0]), ["0", "0", "0", "0"]);
    let t = of(&s, "ふるさと納税寄附件数");
    assert_eq!(t.series[0].baseline, "3,908");
    assert_eq!(cells(&t.series[0].rows[0]), ["↗", "↗", "↗", "↗"]);
}

#[test]
fn a_target_due_after_the_plan_adds_its_year() {
    // 7-2 出生数: 340人 → 380人, here due 令和9年度 (two years after the plan).
    let mut s = kitamoto();
    named(&mut s, "出生数").series[0].target = Some(Target::Value { value: 380.0, year: Some(FiscalYear(2027)) });
    let t = of(&s, "出生数");
    assert_eq!(t.headings, ["令和4年度", "令和5年度", "令和6年度", "令和7年度", "令和8年度", "令和9年度"]);
    assert_eq!(cells(&t.series[0].rows[0]), ["", "", "", "", "", "380"]);
}

#[test]
fn a_cumulative_target_has_its_total_in_the_last_year_and_a_running_total_row() {
    // 3-1 市民参画手続きに参画した人数, here 「累計 8,000人（令和4〜7年度）」 with two years typed.
    let mut s = kitamoto();
    let se = &mut named(&mut s, "市民参画手続きに参画した人数").series[0];
    se.target = Some(Target::Cumulative { value: 8000.0, from: FiscalYear(2022), to: FiscalYear(2025) });
    se.actuals.push(Actual::new(FiscalYear(2022), 1850.0));
    se.actuals.push(Actual::new(FiscalYear(2023), 2210.0));
    let t = of(&s, "市民参画手続きに参画した人数");
    let rows = &t.series[0].rows;
    assert_eq!(cells(&rows[0]), ["", "", "", "累計 8,000"]);
    assert_eq!(cells(&rows[1]), ["1,850", "2,210", "—", "—"]);
    assert_eq!((rows[2].kind, rows[2].head.as_str()), (RowKind::RunningTotal, "累計"));
    // 1,850; 1,850 + 2,210 = 4,060.
    assert_eq!(cells(&rows[2]), ["1,850", "4,060", "", ""]);
}

#[test]
fn running_totals_are_printed_as_written_with_each_years_derived_value_under_them() {
    // The same KPI printed as 出雲市 prints it: running totals 1,850 and 4,060 (令和4・5年度),
    // 令和6年度 missing, 令和7年度 8,100. The years: 令和5年度 4,060 − 1,850 = 2,210; 令和4年度
    // has no year before it and 令和7年度 none after the gap: blank, never summed again.
    let mut s = kitamoto();
    let se = &mut named(&mut s, "市民参画手続きに参画した人数").series[0];
    se.target = Some(Target::Cumulative { value: 8000.0, from: FiscalYear(2022), to: FiscalYear(2025) });
    se.running_totals = true;
    se.year_basis = crate::model::YearBasis::AsOfMonth { month: 3, end: true };
    for (y, v) in [(2022, 1850.0), (2023, 4060.0), (2025, 8100.0)] {
        se.actuals.push(Actual::new(FiscalYear(y), v));
    }
    let t = of(&s, "市民参画手続きに参画した人数");
    let rows = &t.series[0].rows;
    assert_eq!(rows[1].head, "実績（累計）（各年3月末の値）");
    assert_eq!(cells(&rows[1]), ["1,850", "4,060", "—", "8,100"]);
    assert_eq!((rows[2].kind, rows[2].head.as_str()), (RowKind::DerivedYearly, "単年度（差分）"));
    assert_eq!(cells(&rows[2]), ["", "2,210", "", ""]);
    assert_eq!(rows.len(), 3, "no running sum of running totals");
    let en = table(&s, s.indicators.iter().find(|i| i.name == "市民参画手続きに参画した人数").unwrap(), EN);
    assert_eq!(en.series[0].rows[2].head, "Yearly (derived)");
}

#[test]
fn in_english_with_western_years() {
    let s = kitamoto();
    let ind = s.indicators.iter().find(|i| i.name == "就業者一人あたり市内純生産").unwrap();
    let t = table(&s, ind, EN);
    assert_eq!(t.headings, ["FY2022", "FY2023", "FY2024", "FY2025"]);
    assert_eq!(t.unit.as_deref(), Some("Unit: 万円"));
    assert_eq!(t.series[0].baseline, "431.5 (FY2018)");
    assert_eq!(t.series[0].rows[0].head, "Target");
    assert_eq!(cells(&t.series[0].rows[0]), ["", "", "", "438.3"]);
}

/// In English with 令和 years beside the western ones (the page's default year style): the same
/// cells as in Japanese, the words and years in English.
#[test]
fn in_english_with_japanese_years_beside() {
    let mut s = kitamoto();
    let se = &mut named(&mut s, "就業者一人あたり市内純生産").series[0];
    se.interim.push(YearValue { year: FiscalYear(2023), value: 434.0 });
    se.actuals.push(Actual::new(FiscalYear(2022), 432.8));
    se.actuals.push(Actual { provisional: true, ..Actual::new(FiscalYear(2023), 435.1) });
    let ind = s.indicators.iter().find(|i| i.name == "就業者一人あたり市内純生産").unwrap();
    let words = Words { lang: crate::locale::Language::En, years: crate::locale::YearStyle::Japanese };
    let t = table(&s, ind, words);
    assert_eq!(t.headings, ["FY2022 (R4)", "FY2023 (R5)", "FY2024 (R6)", "FY2025 (R7)"]);
    assert_eq!(t.unit.as_deref(), Some("Unit: 万円"));
    let se = &t.series[0];
    assert_eq!(se.baseline, "431.5 (FY2018 (H30))");
    assert_eq!(se.rows.iter().map(|r| r.head.as_str()).collect::<Vec<_>>(), ["Target", "Actual"]);
    assert_eq!(cells(&se.rows[0]), ["", "434", "", "438.3"]);
    assert_eq!(cells(&se.rows[1]), ["432.8", "435.1 (prov.)", "—", "—"]);
}
