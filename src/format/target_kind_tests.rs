//! The target kinds towns print, in the file format: relative, average, cumulative and bound
//! targets are new variants of the `kind`-tagged `Target`, with no version bump and no
//! migration. A version 1 file written before them holds none of them and reads with exactly
//! the meaning it had (checked on the shipped examples, byte for byte); a file holding one
//! round-trips. An older build refuses such a file with the target's path (an unknown `kind`
//! is a value it cannot read, never dropped) — which it would also do after a version bump,
//! for every file; without the bump a file without the new kinds still opens there.

use super::{export, import, read_quietly};
use crate::model::{BoundSide, FiscalYear, RelativeChange, Strategy, Target};
use serde_json::json;

fn kitamoto() -> Strategy {
    crate::examples::by_key("kitamoto").unwrap().load().unwrap()
}

#[test]
fn the_examples_written_before_the_new_kinds_read_and_write_as_before() {
    for key in ["kitamoto", "hokuto"] {
        let text = crate::examples::by_key(key).unwrap().file;
        for kind in ["relative", "average", "cumulative", "bound"] {
            assert!(!text.contains(&format!("\"kind\": \"{kind}\"")), "{key} holds no {kind} target");
        }
        let s = import(text).unwrap().strategy;
        let written = export(&s, "2026-01-01T00:00:00Z");
        assert_eq!(export(&import(&written).unwrap().strategy, "2026-01-01T00:00:00Z"), written, "{key}");
        // Each target as the file's JSON says it, read alone, is the one imported: one of the
        // three kinds there were, with its value.
        let v: serde_json::Value = serde_json::from_str(text).unwrap();
        let in_file: Vec<Option<Target>> = v["strategy"]["indicators"]
            .as_array()
            .unwrap()
            .iter()
            .flat_map(|i| i["series"].as_array().unwrap().clone())
            .map(|x| x.get("target").map(|t| serde_json::from_value(t.clone()).unwrap()))
            .collect();
        let imported: Vec<Option<Target>> =
            s.indicators.iter().flat_map(|i| i.series.iter().map(|x| x.target.clone())).collect();
        assert_eq!(in_file, imported, "{key}");
        assert!(imported
            .iter()
            .flatten()
            .all(|t| matches!(t, Target::Value { .. } | Target::Direction | Target::PerYear { .. })));
    }
}

#[test]
fn each_new_kind_has_its_json_shape() {
    let shapes = [
        (
            Target::Relative { change: RelativeChange::Percent(-10.0), year: Some(FiscalYear(2024)) },
            json!({"kind": "relative", "change": {"percent": -10.0}, "year": 2024}),
        ),
        (
            Target::Relative { change: RelativeChange::Points(5.0), year: None },
            json!({"kind": "relative", "change": {"points": 5.0}}),
        ),
        (Target::Relative { change: RelativeChange::Hold, year: None }, json!({"kind": "relative", "change": "hold"})),
        (
            Target::Average { value: 1890.0, from: FiscalYear(2021), to: FiscalYear(2026) },
            json!({"kind": "average", "value": 1890.0, "from": 2021, "to": 2026}),
        ),
        (
            Target::Cumulative { value: 4386.0, from: FiscalYear(2015), to: FiscalYear(2019) },
            json!({"kind": "cumulative", "value": 4386.0, "from": 2015, "to": 2019}),
        ),
        (
            Target::Bound { value: 80.0, side: BoundSide::AtLeast, hold: false, year: None },
            json!({"kind": "bound", "value": 80.0, "side": "at_least"}),
        ),
        (
            Target::Bound { value: 90.0, side: BoundSide::AtLeast, hold: true, year: Some(FiscalYear(2025)) },
            json!({"kind": "bound", "value": 90.0, "side": "at_least", "hold": true, "year": 2025}),
        ),
        (
            Target::Bound { value: 10.0, side: BoundSide::AtMost, hold: false, year: None },
            json!({"kind": "bound", "value": 10.0, "side": "at_most"}),
        ),
    ];
    for (target, shape) in shapes {
        assert_eq!(serde_json::to_value(&target).unwrap(), shape);
        assert_eq!(serde_json::from_value::<Target>(shape).unwrap(), target);
    }
}

#[test]
fn a_file_with_every_new_kind_round_trips() {
    let mut s = kitamoto();
    let targets = [
        Target::Relative { change: RelativeChange::Percent(-10.0), year: Some(FiscalYear(2024)) },
        Target::Average { value: 1890.0, from: FiscalYear(2021), to: FiscalYear(2026) },
        Target::Cumulative { value: 30.0, from: FiscalYear(2022), to: FiscalYear(2025) },
        Target::Bound { value: 90.0, side: BoundSide::AtLeast, hold: true, year: None },
    ];
    for (k, t) in targets.iter().enumerate() {
        std::sync::Arc::make_mut(&mut s.indicators[k]).series[0].target = Some(t.clone());
    }
    let text = export(&s, "2026-01-01T00:00:00Z");
    let back = import(&text).unwrap().strategy;
    assert_eq!(back, s);
    assert_eq!(read_quietly(&text).unwrap().strategy, s, "storage reads it back the quick way too");
}

#[test]
fn an_unknown_target_kind_is_refused_with_its_path_not_dropped() {
    let text = crate::examples::by_key("kitamoto").unwrap().file;
    let mut v: serde_json::Value = serde_json::from_str(text).unwrap();
    v["strategy"]["indicators"][0]["series"][0]["target"] = json!({"kind": "someday", "value": 1.0});
    let err = import(&v.to_string()).unwrap_err();
    assert!(format!("{err:?}").contains("indicators[0].series[0].target"), "{err:?}");
}
