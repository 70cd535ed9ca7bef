//! The review after 次期へ引き継ぐ on 北本市's 第2期: the carried texts that still name the 第2期
//! (its title, 「第2期」, 「令和4年度から7年度まで」) are listed, each with its place; a KPI without
//! a 目標値 is a gap of a draft, and nothing is once the strategy is adopted.

use super::*;
use crate::model::{DraftingStage, NextPeriod};

fn third_period() -> Strategy {
    let s = crate::examples::by_key("kitamoto").unwrap().load().unwrap();
    let next = NextPeriod {
        title: crate::model::next_title(&s.title),
        period: crate::model::following(s.period),
        indicators: s.indicators.iter().map(|i| i.id.clone()).collect(),
        frame: None,
    };
    s.next_period(&next)
}

#[test]
fn the_carried_texts_naming_the_previous_period_are_listed_with_their_places() {
    let s = third_period();
    let previous = s.previous_period().expect("carried from the 第2期");
    assert_eq!(previous.title, "第2期北本市まち・ひと・しごと創生総合戦略");
    let named: Vec<(String, CarriedText, PeriodMention)> = s
        .texts_naming(&previous)
        .into_iter()
        .map(|g| match g.kind {
            GapKind::NamesPreviousPeriod { field, named, .. } => (g.path, field, named),
            other => panic!("{other:?}"),
        })
        .collect();
    assert!(
        named.contains(&("sections[0]".into(), CarriedText::Body, PeriodMention::Title(previous.title.clone()))),
        "{named:?}"
    );
    assert!(
        named.contains(&("sections[1]".into(), CarriedText::Body, PeriodMention::Year(FiscalYear(2022)))),
        "{named:?}"
    );
    assert!(named.iter().all(|(_, _, n)| !matches!(n, PeriodMention::Year(y) if !previous.period.contains(*y))));
    let gaps = s.draft_gaps();
    let excerpts: Vec<&str> = gaps
        .iter()
        .filter_map(|g| match &g.kind {
            GapKind::NamesPreviousPeriod { excerpt, .. } => Some(excerpt.as_str()),
            _ => None,
        })
        .collect();
    assert!(excerpts.contains(&"令和4年度から7年度までの4年間"), "{excerpts:?}");
    // A text rewritten for the new period is no longer listed.
    let mut revised = s.clone();
    revised.sections[1].body = "令和8年度から12年度までの5年間".into();
    assert!(!revised.texts_naming(&previous).iter().any(|g| g.path == "sections[1]"));
}

#[test]
fn a_draft_lacks_its_kpis_targets_and_an_adopted_strategy_lacks_nothing() {
    let mut s = third_period();
    let no_target = s.draft_gaps().iter().filter(|g| matches!(g.kind, GapKind::NoTarget { .. })).count();
    let series: usize = s.indicators.iter().map(|i| i.series.len()).sum();
    assert_eq!(no_target, series, "every carried series waits for its new target");
    s.stage = DraftingStage::Adopted;
    assert!(s.draft_gaps().is_empty());
}

#[test]
fn years_are_read_in_either_style_and_ranges_without_their_era() {
    let cases = [
        ("令和4年度から7年度までの4年間", vec![2022, 2025]),
        ("令和４〜７年度", vec![2022, 2025]),
        ("平成30年度と令和元年度", vec![2018, 2019]),
        ("2022年度の実績（R4）", vec![2022, 2022]),
        ("4年間の取組", vec![]),
    ];
    for (text, want) in cases {
        assert_eq!(years(text), want.into_iter().map(FiscalYear).collect::<Vec<_>>(), "{text}");
    }
    assert_eq!(ordinal("第２期北本市まち・ひと・しごと創生総合戦略").as_deref(), Some("第2期"));
}
