//! Targets revised mid-plan in the file format: a series' `target_history` is a new optional
//! field, left out when empty, so a file without revisions reads and writes exactly as before
//! (checked on the shipped examples, byte for byte) and a file with revisions round-trips.

use super::{export, import};
use crate::model::{FiscalYear, Target, TargetRevision};
use serde_json::json;

const AT: &str = "2026-01-01T00:00:00Z";

#[test]
fn the_examples_without_revisions_re_export_byte_for_byte() {
    for key in ["kitamoto", "hokuto"] {
        let text = crate::examples::by_key(key).unwrap().file;
        assert!(!text.contains("target_history"), "{key} holds no revision");
        let s = import(text).unwrap().strategy;
        assert!(s.indicators.iter().flat_map(|i| &i.series).all(|x| x.target_history.is_empty()));
        let written = export(&s, AT);
        assert!(!written.contains("target_history"), "{key}: an empty history is not written");
        assert_eq!(export(&import(&written).unwrap().strategy, AT), written, "{key}");
    }
}

#[test]
fn a_revision_has_its_json_shape_and_round_trips() {
    let revision = TargetRevision {
        target: Target::Value { value: 1500.0, year: Some(FiscalYear(2025)) },
        year: FiscalYear(2022),
        date: Some("2022-06-01".into()),
        reason: "上方修正".into(),
    };
    assert_eq!(
        serde_json::to_value(&revision).unwrap(),
        json!({"target": {"kind": "value", "value": 1500.0, "year": 2025}, "year": 2022, "date": "2022-06-01", "reason": "上方修正"})
    );
    let bare = TargetRevision { date: None, reason: String::new(), ..revision.clone() };
    assert_eq!(
        serde_json::to_value(&bare).unwrap(),
        json!({"target": {"kind": "value", "value": 1500.0, "year": 2025}, "year": 2022})
    );

    let mut s = crate::examples::by_key("kitamoto").unwrap().load().unwrap();
    let series = &mut std::sync::Arc::make_mut(&mut s.indicators[0]).series[0];
    let old = series.target.clone();
    series.revise_target(
        Target::Value { value: 999.0, year: None },
        FiscalYear(2023),
        None,
        "国の方針変更に伴い".into(),
    );
    let written = export(&s, AT);
    assert!(written.contains("\"target_history\""));
    let back = import(&written).unwrap();
    assert_eq!(crate::model::errors(&back.problems).count(), 0);
    assert_eq!(back.strategy, s);
    assert_eq!(back.strategy.indicators[0].series[0].target_history[0].target, old.unwrap());
    assert_eq!(export(&back.strategy, AT), written);
}
