//! Round trips: an export read back against the same strategy changes nothing; read against
//! the strategy with its values cleared, it gives exactly the values back; empty cells never
//! delete.

use super::super::{apply, indicators_long, indicators_wide, plan_import, Layout};
use super::{fy, town};
use crate::examples::by_key;
use crate::locale::YearStyle;
use crate::model::{Series, Strategy, Target};

const STYLES: [YearStyle; 2] = [YearStyle::Japanese, YearStyle::Western];

/// 北本市 has no actuals yet: give every series two, one provisional, the way a town records
/// them (values not taken from anything the code under test computes).
fn kitamoto_with_actuals() -> Strategy {
    let mut s = by_key("kitamoto").unwrap().load().unwrap();
    for (k, i) in s.indicators_mut().enumerate() {
        for (n, x) in i.series.iter_mut().enumerate() {
            let base = 100.0 + 10.0 * k as f64 + n as f64 + 0.25;
            x.set_actual(fy(2022), Some(base));
            x.set_actual(fy(2023), Some(-base));
            x.set_provisional(fy(2023), true);
        }
    }
    s
}

fn examples() -> Vec<(&'static str, Strategy)> {
    vec![("town", town()), ("kitamoto", kitamoto_with_actuals()), ("hokuto", by_key("hokuto").unwrap().load().unwrap())]
}

fn export(s: &Strategy, layout: Layout, style: YearStyle) -> String {
    match layout {
        Layout::Wide => indicators_wide(s, style),
        Layout::Long => indicators_long(s, style),
        Layout::Verdicts => super::super::verdicts(s, style),
    }
}

/// The values a layout carries for a series: baseline, target (a direction-only one too),
/// actuals, and in the long layout interim targets.
fn carried(x: &Series, layout: Layout) -> usize {
    let interim = if layout == Layout::Long { x.interim.len() } else { 0 };
    usize::from(x.baseline.is_some()) + usize::from(x.target.is_some()) + x.actuals.len() + interim
}

#[test]
fn export_then_plan_on_the_same_strategy_changes_nothing() {
    for (name, s) in examples() {
        for layout in [Layout::Wide, Layout::Long] {
            for style in STYLES {
                let plan = plan_import(&s, &export(&s, layout, style)).unwrap();
                let what = format!("{name} {layout:?} {style:?}");
                assert_eq!(plan.layout, layout, "{what}");
                assert!(plan.changes.is_empty(), "{what}: {:?}", plan.changes.first());
                assert!(plan.refused.is_empty(), "{what}: {:?}", plan.refused.first());
                assert!(plan.ignored_columns.is_empty(), "{what}: {:?}", plan.ignored_columns);
                let values: usize = s.indicators.iter().flat_map(|i| &i.series).map(|x| carried(x, layout)).sum();
                assert_eq!(plan.unchanged, values, "{what}");
            }
        }
    }
    assert_eq!(town().indicators.iter().flat_map(|i| &i.series).map(|x| carried(x, Layout::Long)).sum::<usize>(), 21);
}

/// The strategy with every value the layout carries removed, but for what a CSV cannot create:
/// direction-only targets, and actuals outside the plan period (town's 令和3年度).
fn cleared(s: &Strategy, layout: Layout) -> Strategy {
    let mut s = s.clone();
    let period = s.period;
    for i in s.indicators_mut() {
        for x in &mut i.series {
            x.actuals.retain(|a| !period.contains(a.year));
            x.baseline = None;
            if x.target != Some(Target::Direction) {
                x.target = None;
            }
            if layout == Layout::Long {
                x.interim.clear();
            }
        }
    }
    s
}

#[test]
fn a_cleared_strategy_gets_exactly_the_values_back() {
    for (name, original) in examples() {
        for layout in [Layout::Wide, Layout::Long] {
            for style in STYLES {
                let what = format!("{name} {layout:?} {style:?}");
                let mut s = cleared(&original, layout);
                let plan = plan_import(&s, &export(&original, layout, style)).unwrap();
                assert!(plan.refused.is_empty(), "{what}: {:?}", plan.refused.first());
                let all = || original.indicators.iter().flat_map(|i| &i.series);
                let directions = all().filter(|x| x.target == Some(Target::Direction)).count();
                let outside = all().flat_map(|x| &x.actuals).filter(|a| !original.period.contains(a.year)).count();
                let values: usize = all().map(|x| carried(x, layout)).sum();
                assert_eq!(plan.changes.len(), values - directions - outside, "{what}");
                assert_eq!(plan.unchanged, directions + outside, "{what}");
                assert!(plan.changes.iter().all(|c| c.value.from.is_none()), "{what}: everything is new");
                assert_eq!(apply(&mut s, &plan), plan.changes.len());
                assert!(s == original, "{what}: the values came back");
            }
        }
    }
}

/// Actuals the file does not carry, and cells emptied in Excel, leave the strategy as it is.
#[test]
fn empty_cells_never_delete() {
    let mut s = town();
    let male = &mut s.indicator_mut(&"ind-health".into()).unwrap().series[0];
    male.set_actual(fy(2025), Some(18.4));
    let before = s.clone();
    let wide =
        indicators_wide(&town(), YearStyle::Japanese).replace(",17.5,令和元年度,18.5,,,,17.9,,18,○,", ",,,,,,,,,,,");
    assert!(wide.contains(",男性,年,,,,,,,,,,,"), "the male row was emptied");
    let plan = plan_import(&s, &wide).unwrap();
    assert_eq!((plan.changes.len(), plan.refused.len()), (0, 0));
    assert_eq!(plan.unchanged, 20 - 4, "the four emptied male cells are not counted");
    apply(&mut s, &plan);
    assert!(s == before);
    assert_eq!(s.indicators[0].series[0].actual(fy(2025)).map(|a| a.value), Some(18.4));
}

/// Excel saving an export as "CSV (コンマ区切り)" writes Shift_JIS without BOM: every character
/// Shirube writes survives (no "?"), and the file reads back unchanged.
#[test]
fn an_export_saved_as_shift_jis_reads_back_unchanged() {
    let s = kitamoto_with_actuals();
    for layout in [Layout::Wide, Layout::Long] {
        let text = export(&s, layout, YearStyle::Japanese);
        let (bytes, _, unmappable) = encoding_rs::SHIFT_JIS.encode(text.trim_start_matches('\u{feff}'));
        assert!(!unmappable, "{layout:?}: every character is in Shift_JIS");
        let plan = plan_import(&s, &super::super::decode(&bytes, &super::sjis).unwrap()).unwrap();
        assert_eq!((plan.changes.len(), plan.refused.len()), (0, 0), "{layout:?}");
    }
}

/// The target kinds only words can say: written in the 目標値 column, read back as
/// the same `Target` — unchanged against the same strategy, set again on a cleared one.
#[test]
fn targets_in_words_read_back_as_the_same_targets() {
    use crate::model::{Baseline, BoundSide, RelativeChange};
    let mut original = by_key("kitamoto").unwrap().load().unwrap();
    let targets = [
        Target::Relative { change: RelativeChange::Percent(-10.0), year: Some(fy(2024)) },
        Target::Relative { change: RelativeChange::Points(5.0), year: None },
        Target::Relative { change: RelativeChange::Hold, year: None },
        Target::Average { value: 1890.0, from: fy(2021), to: fy(2026) },
        Target::Cumulative { value: 4386.0, from: fy(2015), to: fy(2019) },
        Target::Bound { value: 80.0, side: BoundSide::AtLeast, hold: false, year: None },
        Target::Bound { value: 90.0, side: BoundSide::AtLeast, hold: true, year: Some(fy(2025)) },
        Target::Bound { value: 10.0, side: BoundSide::AtMost, hold: false, year: None },
    ];
    let ids: Vec<_> = original.indicators.iter().take(targets.len()).map(|i| i.id.clone()).collect();
    for (id, t) in ids.iter().zip(&targets) {
        let x = &mut original.indicator_mut(id).unwrap().series[0];
        x.target = Some(t.clone());
        x.baseline.get_or_insert(Baseline { value: 1800.0, year: Some(fy(2021)) });
    }
    for layout in [Layout::Wide, Layout::Long] {
        for style in STYLES {
            let what = format!("{layout:?} {style:?}");
            let text = export(&original, layout, style);
            if style == YearStyle::Japanese {
                for words in
                    ["基準値から10%減少", "5ポイント上昇", "現状維持", "令和3〜8年度の平均 1890", "維持（90以上）"]
                {
                    assert!(text.contains(words), "{what}: {words}");
                }
            }
            let plan = plan_import(&original, &text).unwrap();
            assert!(
                plan.changes.is_empty() && plan.refused.is_empty(),
                "{what}: {:?} {:?}",
                plan.changes.first(),
                plan.refused.first()
            );
            let mut s = original.clone();
            for id in &ids {
                s.indicator_mut(id).unwrap().series[0].target = None;
            }
            let plan = plan_import(&s, &text).unwrap();
            assert!(plan.refused.is_empty(), "{what}: {:?}", plan.refused.first());
            assert_eq!(plan.changes.len(), targets.len(), "{what}");
            assert!(plan.changes.iter().all(|c| c.value.kind == super::super::CellKind::TargetWritten));
            apply(&mut s, &plan);
            for (id, t) in ids.iter().zip(&targets) {
                assert_eq!(s.indicator(id).unwrap().series[0].target.as_ref(), Some(t), "{what}");
            }
        }
    }
}
