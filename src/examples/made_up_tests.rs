//! The made-up example (しるべ町（架空）): it passes the real import with no validation errors,
//! says it is made up, holds one indicator of each target kind and one revised target, and its
//! figures come to the statuses worked out here.

use crate::model::{assess, BoundSide, Context, RelativeChange, Status, Strategy, Target};

fn made_up() -> Strategy {
    let text = super::by_key("made-up").unwrap().file;
    let imported = crate::format::import(text).unwrap_or_else(|e| panic!("made-up does not import: {e:?}"));
    let errors: Vec<_> = crate::model::errors(&imported.problems).collect();
    assert!(errors.is_empty(), "{errors:?}");
    imported.strategy
}

#[test]
fn the_made_up_example_says_so_and_imports_without_errors() {
    let s = made_up();
    assert!(s.title.contains("架空"), "{}", s.title);
    assert!(s.municipality.name.contains("架空"));
    assert!(s.sections[0].body.contains("made up"));
    assert!(crate::model::validate(&s).is_empty(), "{:?}", crate::model::validate(&s));
    // Written back it reads the same (what the e2e's export and import check in the page).
    let written = crate::format::export(&s, "2026-01-01T00:00:00Z");
    assert_eq!(crate::format::import(&written).unwrap().strategy, s);
}

#[test]
fn the_made_up_example_has_each_target_kind_and_a_revision() {
    let s = made_up();
    let targets: Vec<&Target> = s.indicators.iter().filter_map(|i| i.series[0].target.as_ref()).collect();
    let has = |f: &dyn Fn(&Target) -> bool| targets.iter().any(|t| f(t));
    assert!(has(&|t| matches!(t, Target::Value { .. })));
    assert!(has(&|t| matches!(t, Target::Direction)));
    assert!(has(&|t| matches!(t, Target::PerYear { .. })));
    assert!(has(&|t| matches!(t, Target::Relative { change: RelativeChange::Percent(_), .. })));
    assert!(has(&|t| matches!(t, Target::Relative { change: RelativeChange::Points(_), .. })));
    assert!(has(&|t| matches!(t, Target::Relative { change: RelativeChange::Hold, .. })));
    assert!(has(&|t| matches!(t, Target::Average { .. })));
    assert!(has(&|t| matches!(t, Target::Cumulative { .. })));
    assert!(has(&|t| matches!(t, Target::Bound { side: BoundSide::AtLeast, hold: false, .. })));
    assert!(has(&|t| matches!(t, Target::Bound { side: BoundSide::AtMost, .. })));
    assert!(has(&|t| matches!(t, Target::Bound { hold: true, .. })));
    let revised: Vec<_> = s.indicators.iter().filter(|i| !i.series[0].target_history.is_empty()).collect();
    assert_eq!(revised.len(), 1);
    assert_eq!(revised[0].code, "1-12");
}

/// Worked figures (plan 令和3〜7年度, latest actuals 令和5年度, the path expects
/// (2023 − 2020) / (2025 − 2020) = 60 % where the baseline is 令和2年度):
/// - 1-1 転入者数 340 → 380, 372: 32 / 40 = 80 % ≥ 60 %, on track.
/// - 1-8 新規就農者数 累計 30 over 令和3〜7年度: 5 + 7 + 6 = 18 of 30 = 60 %, three of five
///   years passed = 60 %: on track.
/// - 1-10 相談待ち 10件以下, 9件: the bound holds, achieved.
/// - 1-12 移住者数 1,200 → 1,800 (revised from 1,500), 1,560: 360 / 600 = 60 %, on track;
///   against the first target it would have been achieved (1,560 ≥ 1,500).
#[test]
fn the_made_up_figures_come_to_the_worked_statuses() {
    let s = made_up();
    let status = |code: &str| {
        let i = s.indicators.iter().find(|i| i.code == code).unwrap();
        let a = assess(&i.series[0], Context { direction: i.direction, period: s.period, rule: &s.rating_rule });
        (a.status, a.progress)
    };
    let near = |p: Option<f64>, v: f64| p.is_some_and(|p| (p - v).abs() < 1e-9);
    let (st, p) = status("1-1");
    assert!(st == Status::OnTrack && near(p, 0.8), "{st:?} {p:?}");
    assert_eq!(status("1-8").0, Status::OnTrack);
    assert_eq!(status("1-10").0, Status::Achieved);
    let (st, p) = status("1-12");
    assert!(st == Status::OnTrack && near(p, 0.6), "{st:?} {p:?}");
}

/// Each kind as the overview and the report write it (what `tests/e2e/made-up-pages.json` holds for the pages).
#[test]
fn the_made_up_targets_read_as_written() {
    use crate::locale::{revision_note, series_target, Language, YearStyle};
    let s = made_up();
    let written: Vec<(String, String)> = s
        .indicators
        .iter()
        .map(|i| {
            let x = &i.series[0];
            let target = series_target(x, &i.unit, Language::Ja, YearStyle::Japanese).unwrap();
            let note = revision_note(x, &i.unit, i.direction, Language::Ja, YearStyle::Japanese).unwrap_or_default();
            (i.code.clone(), format!("{target}{note}"))
        })
        .collect();
    let expected = [
        ("1-1", "380人 (令和7年度)"),
        ("1-2", "↗ 増加"),
        ("1-3", "0人/年"),
        ("1-4", "基準値から10%減少（令和7年度） → 4,500t"),
        ("1-5", "5ポイント上昇（令和7年度） → 37%"),
        ("1-6", "現状維持（令和7年度） → 8,200人"),
        ("1-7", "令和3〜7年度の平均 1,890人"),
        ("1-8", "累計 30人（令和3〜7年度）"),
        ("1-9", "80%以上（令和7年度）"),
        ("1-10", "10件以下"),
        ("1-11", "維持（90%以上）"),
        ("1-12", "1,800人 (令和7年度)（令和4年度に上方修正、当初 1,500人）"),
    ];
    let expected: Vec<(String, String)> = expected.iter().map(|(c, t)| (c.to_string(), t.to_string())).collect();
    assert_eq!(written, expected);
}
