//! The achievement maths of the target kinds real towns print beyond a value, a direction and a
//! per-year value: relative to the baseline, an average or a total over a span of
//! years, and a bound. Each test works its figures out in its comments.

use super::*;
use crate::model::{Actual, Baseline, BoundSide, RatingPreset, RelativeChange};

/// 北本市 (seed 001): plan period 令和4年度から7年度まで (2022–2025).
const KITAMOTO: PlanPeriod = PlanPeriod { first: FiscalYear(2022), last: FiscalYear(2025) };

fn series(baseline: Option<(f64, i32)>, target: Target, actuals: &[(i32, f64)]) -> Series {
    Series {
        baseline: baseline.map(|(value, y)| Baseline { value, year: Some(FiscalYear(y)) }),
        target: Some(target),
        actuals: actuals.iter().map(|&(y, v)| Actual::new(FiscalYear(y), v)).collect(),
        ..Series::new("")
    }
}

fn assess_as(s: &Series, direction: DesiredDirection, year: Option<i32>) -> Assessment {
    let rule = RatingPreset::Abcd.rule();
    let cx = Context { direction, period: KITAMOTO, rule: &rule };
    match year {
        Some(y) => assess_in(s, cx, FiscalYear(y)),
        None => assess(s, cx),
    }
}

fn close(a: Option<f64>, b: f64) -> bool {
    a.is_some_and(|a| (a - b).abs() < 1e-9)
}

const FY: fn(i32) -> FiscalYear = FiscalYear;

#[test]
fn a_relative_percent_target_is_assessed_on_the_value_it_comes_to() {
    // 「基準値から10.0%減少（令和7年度）」 from 1,800人 (令和3年度): 1,800 × 0.9 = 1,620人.
    let t = Target::Relative { change: RelativeChange::Percent(-10.0), year: Some(FY(2025)) };
    let s = series(Some((1800.0, 2021)), t, &[(2023, 1710.0)]);
    assert_eq!(s.target_value(), Some(1620.0));
    // 令和5年度 1,710人: 90 of the 180 to go = 50 %; 2 of 4 years from 2021 to 2025 = 50 % due.
    let a = assess_as(&s, DesiredDirection::Decrease, None);
    assert!(close(a.progress, 0.5) && close(a.expected, 0.5), "{a:?}");
    assert_eq!((a.status, a.rating.as_deref()), (Status::OnTrack, Some("A")));
    // 1,750人 instead: 50 ÷ 180 = 27.8 %, behind.
    let behind = series(Some((1800.0, 2021)), s.target.clone().unwrap(), &[(2023, 1750.0)]);
    let a = assess_as(&behind, DesiredDirection::Decrease, None);
    assert!(close(a.progress, 50.0 / 180.0));
    assert_eq!(a.status, Status::Behind);
}

#[test]
fn a_relative_points_target_adds_points_to_the_baseline() {
    // 「5ポイント上昇」: 特定健診受診率 34.2% (令和3年度) → 39.2%, due in the plan's last year.
    let t = Target::Relative { change: RelativeChange::Points(5.0), year: None };
    let s = series(Some((34.2, 2021)), t, &[(2025, 39.5)]);
    assert!(close(s.target_value(), 39.2));
    let a = assess_as(&s, DesiredDirection::Increase, None);
    assert_eq!(a.status, Status::Achieved);
    // (39.5 − 34.2) ÷ 5 = 106 %.
    assert!(close(a.progress, 5.3 / 5.0));
}

#[test]
fn hold_the_baseline_is_met_when_the_actual_does_not_fall_below_it() {
    // 「現状維持」 of 72.5 %: 72.5 → achieved, 72.4 → behind.
    let t = Target::Relative { change: RelativeChange::Hold, year: None };
    let s = series(Some((72.5, 2021)), t.clone(), &[(2023, 72.5)]);
    assert_eq!(s.target_value(), Some(72.5));
    assert_eq!(assess_as(&s, DesiredDirection::Increase, None).status, Status::Achieved);
    let s = series(Some((72.5, 2021)), t, &[(2023, 72.4)]);
    assert_eq!(assess_as(&s, DesiredDirection::Increase, None).status, Status::Behind);
}

#[test]
fn a_relative_target_without_a_baseline_has_no_value_and_no_status() {
    let s = series(None, Target::Relative { change: RelativeChange::Percent(-10.0), year: None }, &[(2023, 1.0)]);
    assert_eq!(s.target_value(), None);
    let a = assess_as(&s, DesiredDirection::Decrease, None);
    assert_eq!((a.status, a.progress, a.rating), (Status::NoData, None, None));
}

#[test]
fn an_average_compares_the_mean_of_the_years_with_actuals() {
    // 「令和4〜7年度の平均 1,890人」: 令和4年度 1,850, 令和5年度 1,950 (令和6年度 not yet).
    let t = Target::Average { value: 1890.0, from: FY(2022), to: FY(2025) };
    let s = series(None, t.clone(), &[(2021, 100.0), (2022, 1850.0), (2023, 1950.0)]);
    // Mean of 2022–2023 = 1,900 ≥ 1,890: on track (the span runs until 令和7年度); the 2021
    // actual is outside the span and not counted.
    let a = assess_as(&s, DesiredDirection::Increase, None);
    assert_eq!(a.measured, Some(1900.0));
    assert_eq!(a.actual, Some(1950.0), "the year's own actual stays the actual");
    assert_eq!(a.status, Status::OnTrack);
    // In 令和5年度 alone: the mean is 1,850 < 1,890, behind.
    let a = assess_as(&s, DesiredDirection::Increase, Some(2022));
    assert_eq!((a.measured, a.status), (Some(1850.0), Status::Behind));
    // Over the whole span 1,850, 1,950, 1,880, 1,900: mean 1,895 → achieved.
    let done = series(None, t, &[(2022, 1850.0), (2023, 1950.0), (2024, 1880.0), (2025, 1900.0)]);
    let a = assess_as(&done, DesiredDirection::Increase, None);
    assert_eq!((a.measured, a.status, a.rating.as_deref()), (Some(1895.0), Status::Achieved, Some("A")));
    // With a baseline of 1,790: progress (1,895 − 1,790) ÷ (1,890 − 1,790) = 105 %.
    let mut with_base = done.clone();
    with_base.baseline = Some(Baseline { value: 1790.0, year: Some(FY(2021)) });
    assert!(close(assess_as(&with_base, DesiredDirection::Increase, None).progress, 1.05));
}

#[test]
fn a_cumulative_total_half_way_through_its_span_is_on_track_at_half_the_total() {
    // 「4年間で新規就農者40人」 over the plan 令和4〜7年度: after 令和5年度 (2 of 4 years, 50 %
    // of the span) 8 + 12 = 20人 = 50 % of the total: on track.
    let t = Target::Cumulative { value: 40.0, from: FY(2022), to: FY(2025) };
    let s = series(Some((5.0, 2021)), t.clone(), &[(2022, 8.0), (2023, 12.0)]);
    let a = assess_as(&s, DesiredDirection::Increase, None);
    assert_eq!(a.measured, Some(20.0));
    assert!(close(a.progress, 0.5) && close(a.expected, 0.5), "{a:?}");
    assert_eq!((a.status, a.rating.as_deref()), (Status::OnTrack, Some("A")));
    // 8 + 11 = 19人 = 47.5 % < 50 %: behind; rated on 47.5 ÷ 50 = 95 % of what was due (B).
    let s = series(None, t.clone(), &[(2022, 8.0), (2023, 11.0)]);
    let a = assess_as(&s, DesiredDirection::Increase, None);
    assert_eq!((a.status, a.rating.as_deref()), (Status::Behind, Some("B")));
    assert!(close(a.attainment, 0.95));
    // The whole span: 8 + 12 + 10 + 11 = 41 ≥ 40: achieved.
    let s = series(None, t, &[(2022, 8.0), (2023, 12.0), (2024, 10.0), (2025, 11.0)]);
    let a = assess_as(&s, DesiredDirection::Increase, None);
    assert_eq!((a.measured, a.status), (Some(41.0), Status::Achieved));
}

#[test]
fn a_cumulative_total_of_an_earlier_period_counts_only_its_span() {
    // 「平成27〜31年度の累計 4,386人」: in 平成29年度 (3 of 5 years = 60 %) 900 + 850 + 950 =
    // 2,700人 = 61.6 % of 4,386: on track. A 令和2年度 actual is outside the span.
    let t = Target::Cumulative { value: 4386.0, from: FY(2015), to: FY(2019) };
    let s = series(None, t, &[(2015, 900.0), (2016, 850.0), (2017, 950.0), (2020, 5000.0)]);
    let a = assess_as(&s, DesiredDirection::Increase, Some(2017));
    assert_eq!(a.measured, Some(2700.0));
    assert!(close(a.expected, 0.6));
    assert_eq!(a.status, Status::OnTrack);
    // Assessed in 令和2年度: the span is over with 2,700 of 4,386, behind (2020's 5,000 not counted).
    let a = assess_as(&s, DesiredDirection::Increase, None);
    assert_eq!((a.measured, a.expected, a.status), (Some(2700.0), Some(1.0), Status::Behind));
}

#[test]
fn a_bound_is_met_when_it_holds_in_the_year_whatever_the_baseline() {
    // 「80%以上」: 令和5年度 81.2 % → achieved (even though the baseline 85 % was higher).
    let at_least = Target::Bound { value: 80.0, side: BoundSide::AtLeast, hold: false, year: None };
    let s = series(Some((85.0, 2021)), at_least.clone(), &[(2023, 81.2)]);
    let a = assess_as(&s, DesiredDirection::Increase, None);
    assert_eq!((a.status, a.rating.as_deref(), a.progress), (Status::Achieved, Some("A"), None));
    // 79.9 % → behind.
    let s = series(Some((85.0, 2021)), at_least, &[(2023, 79.9)]);
    assert_eq!(assess_as(&s, DesiredDirection::Increase, None).status, Status::Behind);
    // 「10件以下」, whatever the indicator's direction says: 10 → met, 11 → not.
    let at_most = Target::Bound { value: 10.0, side: BoundSide::AtMost, hold: false, year: None };
    let s = series(None, at_most.clone(), &[(2023, 10.0), (2024, 11.0)]);
    assert_eq!(assess_as(&s, DesiredDirection::Increase, Some(2023)).status, Status::Achieved);
    assert_eq!(assess_as(&s, DesiredDirection::Increase, Some(2024)).status, Status::Behind);
}

/// 出雲市's 平成28年度 evaluation prints 「515（累計、うちH28年度255人）」: actuals held as
/// running totals. Plan 平成27〜31年度 (2015–2019) — KITAMOTO's period only frames the path.
#[test]
fn a_cumulative_target_reads_running_totals_directly() {
    // 「平成27〜31年度の累計 1,200人」: running totals 260 (H27), 515 (H28).
    let t = Target::Cumulative { value: 1200.0, from: FY(2015), to: FY(2019) };
    let mut s = series(None, t, &[(2015, 260.0), (2016, 515.0)]);
    s.running_totals = true;
    // The yearly values are derived: H28 = 515 − 260 = 255; H27 has no year before it.
    assert_eq!(s.yearly(FY(2016)), Some(255.0));
    assert_eq!(s.yearly(FY(2015)), None);
    // In H28 (2 of 5 years = 40 % due) the total is 515 itself, not 260 + 515 = 775:
    // 515 ÷ 1,200 = 42.9 % ≥ 40 %: on track, attainment 42.9 ÷ 40 = 107 % (A).
    let a = assess_as(&s, DesiredDirection::Increase, None);
    assert_eq!(a.measured, Some(515.0));
    assert_eq!(a.actual, Some(515.0));
    assert!(close(a.progress, 515.0 / 1200.0) && close(a.expected, 0.4), "{a:?}");
    assert!(close(a.attainment, 515.0 / 1200.0 / 0.4));
    assert_eq!((a.status, a.rating.as_deref()), (Status::OnTrack, Some("A")));
    // The same figures read as yearly values would sum to 775 = 64.6 %: the flag decides.
    s.running_totals = false;
    assert_eq!(assess_as(&s, DesiredDirection::Increase, None).measured, Some(775.0));
    // Running totals reaching 1,210 in H31 (2019): achieved, progress 1,210 ÷ 1,200.
    let t = Target::Cumulative { value: 1200.0, from: FY(2015), to: FY(2019) };
    let mut done = series(None, t, &[(2015, 260.0), (2016, 515.0), (2017, 760.0), (2019, 1210.0)]);
    done.running_totals = true;
    let a = assess_as(&done, DesiredDirection::Increase, None);
    assert_eq!((a.measured, a.status), (Some(1210.0), Status::Achieved));
    assert!(close(a.progress, 1210.0 / 1200.0));
    // H30 (2018) missing: no yearly value for it nor for H31 (a gap is not bridged).
    assert_eq!((done.yearly(FY(2018)), done.yearly(FY(2019))), (None, None));
    assert_eq!(done.yearly(FY(2017)), Some(245.0));
    // Assessed in 令和2年度 after the span: the span's last printed total, 1,210.
    done.set_actual(FY(2020), Some(1500.0));
    let a = assess_as(&done, DesiredDirection::Increase, Some(2020));
    assert_eq!((a.measured, a.status), (Some(1210.0), Status::Achieved));
}

#[test]
fn per_year_and_average_targets_use_the_derived_yearly_values_of_running_totals() {
    // 「毎年250人」 with running totals 260, 515, 760: the years are 255 (H28) and 245 (H29).
    let mut s = series(None, Target::PerYear { value: 250.0 }, &[(2015, 260.0), (2016, 515.0), (2017, 760.0)]);
    s.running_totals = true;
    let a = assess_as(&s, DesiredDirection::Increase, Some(2016));
    assert_eq!((a.actual, a.measured, a.status), (Some(515.0), Some(255.0), Status::Achieved));
    assert_eq!(assess_as(&s, DesiredDirection::Increase, Some(2017)).status, Status::Behind);
    // H27 has no year before it: no yearly value, no status.
    assert_eq!(assess_as(&s, DesiredDirection::Increase, Some(2015)).status, Status::NoData);
    // 「平成27〜29年度の平均 250人」: the derived years 255 and 245 average 250 → achieved in H29.
    s.target = Some(Target::Average { value: 250.0, from: FY(2015), to: FY(2017) });
    let a = assess_as(&s, DesiredDirection::Increase, Some(2017));
    assert_eq!((a.measured, a.status), (Some(250.0), Status::Achieved));
    // A value target compares the running total itself: 「累計 1,000人（令和7年度）」 from 0.
    s.target = Some(Target::Value { value: 1000.0, year: Some(FY(2019)) });
    s.baseline = Some(Baseline { value: 0.0, year: Some(FY(2014)) });
    let a = assess_as(&s, DesiredDirection::Increase, Some(2017));
    assert!(close(a.progress, 0.76), "{a:?}");
}
