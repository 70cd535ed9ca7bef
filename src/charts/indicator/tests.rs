//! Tests of the indicator chart: hand-made indicators for every kind of target, and every
//! indicator of the 北本市 example.

use super::*;
use crate::charts::testing::*;
use crate::model::{Actual, BoundSide, PlanPeriod, RelativeChange, YearValue};

fn strategy() -> Strategy {
    Strategy::blank("戦略", "町", PlanPeriod { first: FiscalYear(2022), last: FiscalYear(2025) })
}

fn actual(year: i32, value: f64, provisional: bool) -> Actual {
    Actual { year: FiscalYear(year), value, provisional, comment: String::new(), source: String::new() }
}

/// 出生数 (北本市 7-2): 340人 → 380人 by the plan's end; 令和4年度 345, 令和5年度 352 (速報値).
fn births() -> Indicator {
    let mut ind = Indicator::new("7-2", "出生数", "人");
    let s = &mut ind.series[0];
    s.baseline = Some(Baseline { value: 340.0, year: None });
    s.target = Some(Target::Value { value: 380.0, year: None });
    s.actuals = vec![actual(2022, 345.0, false), actual(2023, 352.0, true)];
    s.interim = vec![YearValue { year: FiscalYear(2024), value: 360.0 }];
    ind
}

#[test]
fn actuals_have_gaps_and_provisional_points_look_different() {
    let f = chart(&strategy(), &births(), JA);
    let o = f.option();
    // Baseline without a year: the year before the plan (令和3年度) starts the axis.
    assert_eq!(strings(&o["xAxis"]["data"]), ["R3", "R4", "R5", "R6", "R7"]);
    assert_eq!(o["yAxis"]["name"], "人");
    let actuals = series(&o, "実績");
    assert_eq!(actuals["type"], "line");
    assert_eq!(actuals["connectNulls"], false);
    assert_eq!(actuals["showAllSymbol"], true, "a lone actual between gaps stays visible");
    assert!(series(&o, "目標").get("showAllSymbol").is_none());
    assert_eq!(values(actuals), [None, Some(345.0), Some(352.0), None, None]);
    assert_eq!(actuals["data"][1]["name"], "令和4年度");
    assert_eq!(actuals["data"][2]["name"], "令和5年度 (速報値)");
    let (final_, provisional) = (&actuals["data"][1], &actuals["data"][2]);
    assert!(final_.get("itemStyle").is_none());
    assert_eq!(provisional["itemStyle"]["borderType"], "dashed");
    assert_eq!(provisional["itemStyle"]["color"], "#ffffff");
    assert_eq!(actuals["itemStyle"]["color"], "#0072B2");
    assert_eq!(f.table.rows[0], ["出生数", "実績", "—", "345", "352 (速報値)", "—", "—"]);
    assert_eq!(f.table.columns[2..], ["令和3年度", "令和4年度", "令和5年度", "令和6年度", "令和7年度"]);
}

#[test]
fn a_value_target_is_a_dashed_path_with_a_pin_and_interim_diamonds() {
    let f = chart(&strategy(), &births(), JA);
    let o = f.option();
    let target = series(&o, "目標");
    assert_eq!(target["lineStyle"]["type"], "dashed");
    assert_eq!(target["connectNulls"], true);
    // From the baseline (令和3年度) to the target (令和7年度, the plan's last year).
    assert_eq!(values(target), [Some(340.0), None, None, None, Some(380.0)]);
    let pin = &target["markPoint"]["data"][0];
    assert_eq!((pin["xAxis"].as_f64(), pin["yAxis"].as_f64()), (Some(4.0), Some(380.0)));
    let interim = series(&o, "中間目標");
    assert_eq!(interim["type"], "scatter");
    assert_eq!(interim["symbol"], "diamond");
    assert_eq!(values(interim), [None, None, None, Some(360.0), None]);
    assert_eq!(legend(&o), ["実績", "目標", "中間目標"]);
    assert_eq!(
        f.table.rows[1],
        ["出生数", "目標: 380人 (年度不明: 令和7年度とみなす)", "340 (基準値)", "—", "—", "—", "380 (目標)"]
    );
    assert_eq!(f.table.rows[2], ["出生数", "中間目標", "—", "—", "—", "360", "—"]);
    assert_numbers_in_table(&f, Some(2));
    assert_accessible(&f);
}

#[test]
fn the_summary_says_latest_target_progress_and_status() {
    let f = chart(&strategy(), &births(), JA);
    assert_eq!(f.name, "出生数の推移");
    // (352 − 340) / (380 − 340) = 30 %; the path expects 50 % in 令和5年度: behind.
    assert_eq!(f.summary, "出生数: 令和5年度 352人 (速報値), 目標 380人 (年度不明: 令和7年度とみなす), 進捗 30%, 遅れ");
    let en = chart(&strategy(), &births(), EN);
    assert_eq!(en.name, "出生数 over time");
    assert_eq!(
        en.summary,
        "出生数: FY2023 352人 (provisional), target 380人 (year unknown: taken as FY2025), progress 30%, Behind"
    );
    assert_eq!(legend(&en.option()), ["Actual", "Target", "Interim target"]);
    assert_eq!(en.table.rows[0][..3], ["出生数", "Actual", "—"]);
}

#[test]
fn western_style_puts_years_on_the_axis() {
    let o = chart(&strategy(), &births(), JA_WESTERN).option();
    assert_eq!(strings(&o["xAxis"]["data"]), ["2021", "2022", "2023", "2024", "2025"]);
    assert_eq!(series(&o, "実績")["data"][1]["name"], "2022年度");
}

/// 65歳健康寿命 (北本市 2-2): 男性 18.43年 (R1) → 19.00年, 女性 20.72年 (R1) → 21.50年.
fn health() -> Indicator {
    let mut ind = Indicator::new("2-2", "65歳健康寿命", "年");
    let mut men = Series::new("男性");
    men.baseline = Some(Baseline { value: 18.43, year: Some(FiscalYear(2019)) });
    men.target = Some(Target::Value { value: 19.0, year: Some(FiscalYear(2025)) });
    men.actuals = vec![actual(2020, 18.6, false), actual(2022, 18.8, false)];
    let mut women = Series::new("女性");
    women.baseline = Some(Baseline { value: 20.72, year: Some(FiscalYear(2019)) });
    women.target = Some(Target::Value { value: 21.5, year: Some(FiscalYear(2025)) });
    women.actuals = vec![actual(2022, 20.8, false)];
    ind.series = vec![men, women];
    ind
}

#[test]
fn a_breakdown_draws_one_line_per_series_in_its_own_colour() {
    let f = chart(&strategy(), &health(), JA);
    let o = f.option();
    assert_eq!(strings(&o["xAxis"]["data"]), ["R1", "R2", "R3", "R4", "R5", "R6", "R7"]);
    assert_eq!(legend(&o), ["男性", "男性 目標", "女性", "女性 目標"]);
    assert_eq!(values(series(&o, "男性")), [None, Some(18.6), None, Some(18.8), None, None, None]);
    assert_eq!(values(series(&o, "女性")), [None, None, None, Some(20.8), None, None, None]);
    assert_eq!(values(series(&o, "女性 目標")), [Some(20.72), None, None, None, None, None, Some(21.5)]);
    assert_eq!(series(&o, "男性")["itemStyle"]["color"], "#0072B2");
    assert_eq!(series(&o, "女性")["itemStyle"]["color"], "#D55E00");
    assert_eq!(series(&o, "女性 目標")["lineStyle"]["color"], "#D55E00");
    // 男性: (18.8 − 18.43) / 0.57 = 65 %, path 3/6 = 50 %: on track; 女性: 10 %: behind.
    assert_eq!(
        f.summary,
        "65歳健康寿命: 男性 令和4年度 18.8年, 目標 19年 (令和7年度), 進捗 65%, 順調 / 女性 令和4年度 20.8年, 目標 21.5年 (令和7年度), 進捗 10%, 遅れ"
    );
    assert_numbers_in_table(&f, Some(2));
    assert_eq!(f.table.rows.len(), 4);
}

#[test]
fn a_direction_target_is_a_band_above_the_baseline() {
    let mut ind = Indicator::new("6-3", "ふるさと納税寄附件数", "件");
    ind.series[0].baseline = Some(Baseline { value: 3908.0, year: Some(FiscalYear(2020)) });
    ind.series[0].target = Some(Target::Direction);
    ind.series[0].actuals = vec![actual(2022, 5120.0, false)];
    let f = chart(&strategy(), &ind, JA);
    let o = f.option();
    assert_eq!(strings(&o["xAxis"]["data"]), ["R2", "R3", "R4", "R5", "R6", "R7"]);
    let target = series(&o, "目標");
    assert_eq!(values(target), [Some(3908.0), None, None, None, None, None]);
    let area = &target["markArea"]["data"][0];
    assert_eq!(area[0]["xAxis"], "R2");
    assert_eq!(area[0]["yAxis"].as_str().and_then(|v| v.parse::<f64>().ok()), Some(3908.0));
    assert_eq!(area[1]["xAxis"], "R7");
    assert!(area[1].get("yAxis").is_none(), "open to the top of the grid");
    assert!(area[0]["name"].as_str().unwrap().starts_with('↗'));
    assert_eq!(f.summary, "ふるさと納税寄附件数: 令和4年度 5,120件, 目標 ↗ 増加, 達成");
    assert_eq!(f.table.rows[1][1], "目標: ↗ 増加");
    assert_numbers_in_table(&f, Some(2));
}

#[test]
fn a_decrease_band_lies_below_the_baseline() {
    let mut ind = Indicator::new("x", "交通事故件数", "件");
    ind.direction = DesiredDirection::Decrease;
    ind.series[0].baseline = Some(Baseline { value: 120.0, year: Some(FiscalYear(2021)) });
    ind.series[0].target = Some(Target::Direction);
    let o = chart(&strategy(), &ind, JA).option();
    let area = &series(&o, "目標")["markArea"]["data"][0];
    assert!(area[0].get("yAxis").is_none(), "open to the bottom of the grid");
    assert_eq!(area[1]["yAxis"], "120");
    assert!(area[0]["name"].as_str().unwrap().starts_with('↘'));
}

#[test]
fn a_per_year_target_is_a_flat_line_in_every_year() {
    let mut ind = Indicator::new("4-6", "災害による負傷者数", "人");
    ind.direction = DesiredDirection::Decrease;
    ind.series[0].baseline = Some(Baseline { value: 0.0, year: None });
    ind.series[0].target = Some(Target::PerYear { value: 0.0 });
    ind.series[0].actuals = vec![actual(2022, 0.0, false), actual(2023, 2.0, false)];
    let f = chart(&strategy(), &ind, JA);
    let o = f.option();
    assert_eq!(values(series(&o, "実績")), [None, Some(0.0), Some(2.0), None, None], "0 is a value, not a gap");
    assert_eq!(values(series(&o, "目標")), [Some(0.0); 5]);
    assert_eq!(series(&o, "目標")["showSymbol"], false);
    assert_eq!(f.summary, "災害による負傷者数: 令和5年度 2人, 目標 0人/年, 遅れ");
    assert_numbers_in_table(&f, Some(2));
}

#[test]
fn nothing_recorded_still_draws_an_axis_and_says_so() {
    let ind = Indicator::new("1", "指標", "");
    let f = chart(&strategy(), &ind, JA);
    let o = f.option();
    assert_eq!(strings(&o["xAxis"]["data"]), ["R4", "R5", "R6", "R7"]);
    assert!(o["yAxis"].get("name").is_none());
    assert_eq!(values(series(&o, "実績")), [None; 4]);
    assert_eq!(f.summary, "指標: 実績なし, 目標なし, データなし");
    assert_eq!(all_series(&o).len(), 1);
}

#[test]
fn user_text_arrives_as_plain_text() {
    let mut ind = births();
    ind.name = XSS.into();
    ind.unit = XSS.into();
    ind.series[0].label = XSS.into();
    ind.series.push(Series { label: XSS.into(), ..ind.series[0].clone() });
    let f = chart(&strategy(), &ind, EN);
    let o = f.option();
    assert_eq!(o["yAxis"]["name"], XSS);
    assert_eq!(series(&o, XSS)["name"], XSS);
    assert!(legend(&o).contains(&format!("{XSS}: target")));
    assert!(f.summary.starts_with(&format!("{XSS}: {XSS} FY2023")));
    assert_eq!(o["tooltip"]["renderMode"], "richText");
    assert!(o["tooltip"].get("formatter").is_none(), "no formatter template holds user text");
    assert!(o["series"].as_array().unwrap().iter().all(|s| s.get("label").and_then(|l| l.get("formatter")).is_none()));
}

/// Every indicator of the 北本市 example: no actuals yet, so every actual is a gap; each
/// target is drawn the way it is set (value → pin, ↗ → band, per-year → flat line).
#[test]
fn kitamoto_indicators() {
    let s = example("kitamoto");
    assert!(!s.indicators.is_empty());
    for ind in &s.indicators {
        let f = chart(&s, ind, JA);
        let o = f.option();
        let first_label = strings(&o["xAxis"]["data"])[0].clone();
        assert!(first_label.starts_with('R') || first_label.starts_with('H'), "{first_label}");
        assert_numbers_in_table(&f, Some(2));
        assert_accessible(&f);
        assert!(f.summary.starts_with(&format!("{}: ", ind.name)), "{}", f.summary);
        for (k, series_) in ind.series.iter().enumerate() {
            let o_series = &all_series(&o)
                .iter()
                .filter(|x| x["type"] == "line" && x["connectNulls"] == false)
                .collect::<Vec<_>>()[k];
            assert!(values(o_series).iter().all(Option::is_none), "{}: no actuals in the example", ind.name);
            let target_name =
                if ind.series.len() > 1 { format!("{} 目標", series_.label) } else { "目標".to_owned() };
            let target = all_series(&o).iter().find(|x| x["name"] == target_name.as_str());
            match &series_.target {
                Some(Target::Value { value, .. }) => {
                    let pin = &target.expect("value target drawn")["markPoint"]["data"][0];
                    assert_eq!(pin["yAxis"].as_f64(), Some(*value), "{}", ind.name);
                    // Without a target year, the pin sits on the plan's last year (令和7年度).
                    let x = pin["xAxis"].as_f64().unwrap() as usize;
                    assert_eq!(strings(&o["xAxis"]["data"])[x], "R7");
                }
                Some(Target::Direction) if series_.baseline.is_some() => {
                    assert!(target.unwrap()["markArea"].is_object())
                }
                Some(Target::PerYear { value }) => assert!(values(target.unwrap()).iter().all(|v| *v == Some(*value))),
                _ => {}
            }
        }
    }
    let births = s.indicators.iter().find(|i| i.name.contains("出生数")).unwrap();
    let f = chart(&s, births, JA);
    assert_eq!(f.summary, format!("{}: 実績なし, 目標 380人 (年度不明: 令和7年度とみなす), データなし", births.name));
    let ghg = s.indicators.iter().find(|i| i.name.contains("温室効果ガス")).unwrap();
    let o = chart(&s, ghg, JA).option();
    assert_eq!(values(series(&o, "目標")).iter().flatten().copied().collect::<Vec<_>>(), [272_000.0, 246_500.0]);
}

#[test]
fn a_broken_indicator_or_period_draws_without_panicking() {
    let mut s = strategy();
    s.period = PlanPeriod { first: FiscalYear(2025), last: FiscalYear(2022) };
    let mut ind = births();
    ind.series[0].target = Some(Target::Direction);
    let o = chart(&s, &ind, JA).option();
    // The baseline's assumed year is 2024 (before the "first" year); actuals from 2022.
    assert_eq!(strings(&o["xAxis"]["data"]), ["R4", "R5", "R6", "R7"]);
    ind.series.clear();
    let f = chart(&s, &ind, JA);
    assert_eq!(f.summary, "出生数: 系列なし");
}

/// 「基準値から10%減少（令和6年度）」 from 1,800人 in 令和3年度: drawn as a path to 1,620人.
#[test]
fn a_relative_target_is_drawn_at_the_value_it_comes_to() {
    let mut ind = Indicator::new("2-1", "転出者数", "人");
    ind.direction = DesiredDirection::Decrease;
    let s = &mut ind.series[0];
    s.baseline = Some(Baseline { value: 1800.0, year: Some(FiscalYear(2021)) });
    s.target = Some(Target::Relative { change: RelativeChange::Percent(-10.0), year: Some(FiscalYear(2024)) });
    s.actuals = vec![actual(2023, 1710.0, false)];
    let f = chart(&strategy(), &ind, JA);
    let o = f.option();
    let target = series(&o, "目標");
    assert_eq!(values(target), [Some(1800.0), None, None, Some(1620.0), None]);
    assert_eq!(target["markPoint"]["data"][0]["value"], 1620.0);
    // 90 of 180 by 令和5年度, 2 of 3 years due (66.7 %): behind.
    assert_eq!(f.summary, "転出者数: 令和5年度 1,710人, 目標 基準値から10%減少（令和6年度） → 1,620人, 進捗 50%, 遅れ");
    // Without a baseline nothing is drawn, and the summary says why.
    ind.series[0].baseline = None;
    let f = chart(&strategy(), &ind, JA);
    assert!(all_series(&f.option()).iter().all(|x| x["name"] != "目標"));
    assert!(f.summary.contains("基準値から10%減少（令和6年度）（基準値がなく算出できません）"), "{}", f.summary);
}

/// 「80%以上」: a flat line at 80 and a band above it; achieved whatever the baseline.
#[test]
fn a_bound_is_a_line_with_its_side_shaded() {
    let mut ind = Indicator::new("5-2", "満足度", "%");
    let s = &mut ind.series[0];
    s.baseline = Some(Baseline { value: 85.0, year: Some(FiscalYear(2021)) });
    s.target = Some(Target::Bound { value: 80.0, side: BoundSide::AtLeast, hold: false, year: None });
    s.actuals = vec![actual(2023, 81.2, false)];
    let f = chart(&strategy(), &ind, JA);
    let o = f.option();
    let target = series(&o, "目標");
    assert_eq!(values(target), [Some(80.0); 5]);
    let area = &target["markArea"]["data"][0];
    assert_eq!(area[0]["name"], "目標の範囲（以上）");
    assert_eq!(area[0]["yAxis"], "80");
    assert!(area[1].get("yAxis").is_none(), "open to the top");
    assert_eq!(f.summary, "満足度: 令和5年度 81.2%, 目標 80%以上, 達成");
    // 「10件以下」: the band lies below.
    ind.series[0].target = Some(Target::Bound { value: 10.0, side: BoundSide::AtMost, hold: false, year: None });
    let o = chart(&strategy(), &ind, JA).option();
    let area = &series(&o, "目標")["markArea"]["data"][0];
    assert!(area[0].get("yAxis").is_none() && area[1]["yAxis"] == "10");
}

/// 「4年間で40人」 over 令和4〜7年度: the path to the total by the share of years passed, the
/// running sum beside it; half way with half the total: on track.
#[test]
fn a_cumulative_target_draws_the_running_sum_against_the_path_to_the_total() {
    let mut ind = Indicator::new("3-4", "新規就農者数", "人");
    let s = &mut ind.series[0];
    s.target = Some(Target::Cumulative { value: 40.0, from: FiscalYear(2022), to: FiscalYear(2025) });
    s.actuals = vec![actual(2022, 8.0, false), actual(2023, 12.0, false)];
    let f = chart(&strategy(), &ind, JA);
    let o = f.option();
    assert_eq!(values(series(&o, "目標")), [Some(10.0), Some(20.0), Some(30.0), Some(40.0)]);
    assert_eq!(values(series(&o, "累計")), [Some(8.0), Some(20.0), None, None]);
    assert_eq!(legend(&o), ["実績", "目標", "累計"]);
    assert_eq!(f.summary, "新規就農者数: 令和5年度 12人, 目標 累計 40人（令和4〜7年度）, 累計 20人, 進捗 50%, 順調");
    assert_eq!(f.table.rows[2], ["新規就農者数", "累計", "8", "20", "—", "—"]);
}

/// The same KPI with its actuals printed as running totals (8, 20): drawn as written, with each
/// year's derived value (20 − 8 = 12) as its own dotted line and table row; never summed again.
#[test]
fn running_totals_are_drawn_as_written_with_the_derived_yearly_values() {
    let mut ind = Indicator::new("3-4", "新規就農者数", "人");
    let s = &mut ind.series[0];
    s.target = Some(Target::Cumulative { value: 40.0, from: FiscalYear(2022), to: FiscalYear(2025) });
    s.running_totals = true;
    s.actuals = vec![actual(2022, 8.0, false), actual(2023, 20.0, false)];
    let f = chart(&strategy(), &ind, JA);
    let o = f.option();
    assert_eq!(legend(&o), ["実績（累計）", "目標", "単年度（差分）"]);
    assert_eq!(values(series(&o, "実績（累計）")), [Some(8.0), Some(20.0), None, None]);
    assert_eq!(values(series(&o, "単年度（差分）")), [None, Some(12.0), None, None]);
    assert_eq!(
        f.summary,
        "新規就農者数: 令和5年度 20人, 目標 累計 40人（令和4〜7年度）, 累計、うち単年度 12人, 進捗 50%, 順調"
    );
    assert_eq!(f.table.rows[2], ["新規就農者数", "単年度（差分）", "—", "12", "—", "—"]);
    let en = chart(&strategy(), &ind, EN);
    assert_eq!(legend(&en.option()), ["Actual (running total)", "Target", "Yearly (derived)"]);
}

/// 「令和4〜7年度の平均 1,890人」: a flat line over the span; the mean said in the summary.
#[test]
fn an_average_target_is_a_line_over_its_span_and_the_mean_is_said() {
    let mut ind = Indicator::new("1-1", "観光入込客数", "人");
    let s = &mut ind.series[0];
    s.target = Some(Target::Average { value: 1890.0, from: FiscalYear(2022), to: FiscalYear(2025) });
    s.actuals = vec![actual(2022, 1850.0, false), actual(2023, 1950.0, false)];
    let f = chart(&strategy(), &ind, JA);
    assert_eq!(values(series(&f.option(), "目標")), [Some(1890.0); 4]);
    assert_eq!(f.summary, "観光入込客数: 令和5年度 1,950人, 目標 令和4〜7年度の平均 1,890人, 平均 1,900人, 順調");
    let en = chart(&strategy(), &ind, EN);
    assert!(en.summary.contains("average 1,890人 over FY2022–FY2025, average 1,900人"), "{}", en.summary);
}

/// A calendar-year series (出生数 as 人口動態統計 counts it) stays in the fiscal-year columns;
/// its tooltips write 「令和4年」, its table row and summary say 「年（暦年）の値」. An as-of
/// series writes its date.
#[test]
fn a_series_of_another_year_basis_says_so_in_tooltips_table_and_summary() {
    let mut ind = births();
    ind.series[0].year_basis = crate::model::YearBasis::Calendar;
    let f = chart(&strategy(), &ind, JA);
    let o = f.option();
    assert_eq!(strings(&o["xAxis"]["data"]), ["R3", "R4", "R5", "R6", "R7"], "the axis stays fiscal");
    let actuals = series(&o, "実績");
    assert_eq!(actuals["data"][1]["name"], "令和4年");
    assert_eq!(actuals["data"][2]["name"], "令和5年 (速報値)");
    assert_eq!(f.table.columns[3], "令和4年度", "the table's columns stay fiscal");
    assert!(f.table.rows.iter().any(|r| r[1] == "実績（年（暦年）の値）"));
    assert!(f.summary.ends_with("(年（暦年）の値)"), "{}", f.summary);

    ind.series[0].year_basis = crate::model::YearBasis::AsOf { month: 10, day: 1 };
    let o = chart(&strategy(), &ind, JA).option();
    assert_eq!(series(&o, "実績")["data"][1]["name"], "令和4年10月1日現在");
    let en = chart(&strategy(), &ind, EN);
    assert!(en.summary.ends_with("(Values as of 1 Oct each year)"), "{}", en.summary);
}

/// A calendar-year series writes every year of its values in its own words: the target's and
/// the interim target's tooltips, the target in the table row, the summary's latest actual and
/// target (「令和5年 352人」, 「380人 (令和7年)」, never 「令和5年度」).
#[test]
fn a_calendar_year_series_writes_its_targets_and_summary_in_years() {
    let mut ind = births();
    ind.series[0].year_basis = crate::model::YearBasis::Calendar;
    ind.series[0].target = Some(Target::Value { value: 380.0, year: Some(FiscalYear(2025)) });
    let f = chart(&strategy(), &ind, JA);
    let o = f.option();
    assert_eq!(series(&o, "目標")["data"][4]["name"], "令和7年 (目標)");
    assert_eq!(series(&o, "目標")["data"][0]["name"], "令和3年 (基準値)");
    assert_eq!(series(&o, "中間目標")["data"][3]["name"], "令和6年 (中間目標)");
    assert_eq!(f.table.rows[1][1], "目標: 380人 (令和7年)");
    assert!(f.summary.starts_with("出生数: 令和5年 352人 (速報値), 目標 380人 (令和7年), "), "{}", f.summary);
    assert!(!f.summary.contains("年度"), "{}", f.summary);
    // The fiscal series of the same indicator keeps its fiscal years.
    let f = chart(&strategy(), &births(), JA);
    assert!(f.summary.starts_with("出生数: 令和5年度 352人 (速報値)"), "{}", f.summary);
    assert_eq!(series(&f.option(), "中間目標")["data"][3]["name"], "令和6年度 (中間目標)");
}
