//! The vision's charts by their option JSON and tables: the scenarios' lines and the target's
//! point, the three groups stacked with shares and 高齢化率, the pyramid's two sides.

use super::*;
use crate::charts::testing::{series, values, EN, JA};
use crate::model::population::{project, AssumptionSource, Assumptions, OpenAge, PeriodRates, Scenario};
use crate::model::UnknownFields;

/// 架空: 100 men and 100 women in every group of 85+; survival 0.9, no migration, 子ども女性比
/// 0.2, 性比 100; base 2060, so two steps.
fn projection(scenario: &Scenario) -> Projection {
    let base = Population { open: OpenAge::From85, male: vec![100.0; 18], female: vec![100.0; 18] };
    let rates = PeriodRates {
        start: 2060,
        survival_male: vec![0.9; 17],
        survival_female: vec![0.9; 17],
        migration_male: vec![0.0; 17],
        migration_female: vec![0.0; 17],
        child_woman_ratio: 0.2,
        sex_ratio: 100.0,
    };
    let a = Assumptions { source: AssumptionSource::Pasted, periods: vec![rates], unknown: UnknownFields::new() };
    project(&base, 2060, &a, scenario, Some(1.5)).unwrap()
}

#[test]
fn the_totals_draw_a_line_per_scenario_and_mark_the_target() {
    let ipss = projection(&Scenario::Ipss);
    let balanced = projection(&Scenario::MigrationBalanced { from: 2060 });
    let scenarios = vec![("社人研推計準拠".to_owned(), &ipss), ("社会移動均衡".to_owned(), &balanced)];
    let target = TargetPopulation { year: 2070, population: 3000 };
    let f = totals(&scenarios, Some(target), false, JA);
    let option = f.option();
    // 2060: 3,600. 2065: men 5–9 … 85+ = 16 × 90 + (100 + 100) × 0.9 = 1,620 each sex; women 15–49
    // = 7 × 90 = 630, births 126: 3,366. 2070: 3,142.8 (see the three groups' test): 3,143.
    assert_eq!(values(series(&option, "社人研推計準拠")), [Some(3600.0), Some(3366.0), Some(3143.0)]);
    assert_eq!(values(series(&option, "目標人口")), vec![None, None, Some(3000.0)]);
    assert_eq!(f.table.columns, ["シナリオ", "2060年", "2065年", "2070年"]);
    assert_eq!(f.table.rows[0][..3], ["社人研推計準拠", "3,600", "3,366"]);
    assert_eq!(f.table.rows[2], ["目標人口", "", "", "3,000"]);
    assert!(f.summary.starts_with("2070年の総人口は社人研推計準拠 "), "{}", f.summary);
    assert!(f.summary.ends_with("目標は2070年に3,000人"), "{}", f.summary);
    let derived = totals(&scenarios, None, true, EN);
    assert!(derived.summary.ends_with("(the assumptions are not the 社人研's: derived from two censuses)"));
}

#[test]
fn the_three_groups_stack_by_year_with_their_shares_and_the_ageing_rate() {
    let p = projection(&Scenario::Ipss);
    let f = age_groups("社人研推計準拠", &p, false, JA);
    let option = f.option();
    // 2060: 0–14 = 600, 15–64 = 2,000, 65+ = 1,000 (of 3,600): 16.7 %, 55.6 %, 27.8 %.
    assert_eq!(values(series(&option, "年少人口（0～14歳）"))[0], Some(600.0));
    assert_eq!(values(series(&option, "老年人口（65歳以上）"))[0], Some(1000.0));
    assert!(option["series"].as_array().unwrap().iter().all(|s| s["stack"] == "age"));
    assert_eq!(f.table.rows[1][1], "16.7%");
    // 2065: 65+ per sex = 4 × 90 + (100 + 100) × 0.9 = 540, 1,080 of 3,366 = 32.1 %. 2070: per
    // sex 0–4 56.7 (women 15–49 7 × 81 = 567 × 0.2 / 2), 5–9 56.7, 10–84 15 × 81, 85+ (90 + 180) ×
    // 0.9 = 243: 1,571.4; 65+ = 4 × 81 + 243 = 567: 1,134 of 3,142.8 = 36.1 %.
    assert_eq!(f.table.rows[6], ["高齢化率", "27.8%", "32.1%", "36.1%"]);
    assert!(f.summary.starts_with("社人研推計準拠: 高齢化率は2060年の27.8%から2070年に"), "{}", f.summary);
}

#[test]
fn the_pyramid_puts_men_left_and_women_right_and_its_table_oldest_first() {
    let p = projection(&Scenario::Ipss);
    let f = pyramid(&p.populations[0], 2060, EN);
    let option = f.option();
    assert_eq!(values(series(&option, "Men"))[0], Some(100.0));
    assert_eq!(values(series(&option, "Women"))[17], Some(100.0));
    assert_eq!(option["yAxis"][0]["data"][17], "85+");
    // The men's axis is inverted, not negative: its labels are counts, and both end alike.
    assert_eq!(option["xAxis"][0]["inverse"], true);
    assert_eq!((option["xAxis"][0]["min"].as_f64(), option["xAxis"][0]["max"].as_f64()), (Some(0.0), Some(100.0)));
    assert_eq!(option["xAxis"][1]["max"], option["xAxis"][0]["max"]);
    assert_eq!(
        (option["xAxis"][0]["axisLabel"]["hideOverlap"].as_bool(), option["xAxis"][1]["inverse"].as_bool()),
        (Some(true), None)
    );
    assert_eq!(
        (option["xAxis"][0]["interval"].as_f64(), option["xAxis"][1]["axisLabel"]["showMinLabel"].as_bool()),
        (Some(50.0), Some(false))
    );
    let unit = (option["xAxis"][1]["name"].as_str(), option["xAxis"][1]["nameLocation"].as_str());
    assert_eq!(unit, (Some("persons"), Some("middle")), "the unit under the labels, not cut off at the end");
    assert_eq!(
        (option["series"][0]["xAxisIndex"].as_f64(), option["series"][1]["xAxisIndex"].as_f64()),
        (Some(0.0), Some(1.0))
    );
    let all = values(series(&option, "Men")).into_iter().chain(values(series(&option, "Women")));
    assert!(all.flatten().all(|v| v >= 0.0), "no bar is negative");
    assert_eq!(f.table.rows[0], ["85+", "100", "100"]);
    assert_eq!(f.name, "Population pyramid (2060)");
}

#[test]
fn an_axis_ends_at_a_round_figure() {
    assert_eq!(
        [axis_end(100.0), axis_end(101.0), axis_end(212.0), axis_end(2600.0), axis_end(0.0)],
        [100.0, 200.0, 250.0, 5000.0, 1.0]
    );
}
