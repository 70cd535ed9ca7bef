//! The CSV reader: any bytes (UTF-8 with or without BOM, or Shift_JIS) as a KPI table for the
//! 北本市 example (its 15 KPIs). Reading must never panic; a plan applies every change it lists (values
//! and words); and the applied strategy's own table, read back, changes nothing.
#![no_main]

use libfuzzer_sys::fuzz_target;
use shirube::examples::EXAMPLES;
use shirube::format::csv::{apply, decode, indicators_wide, plan_import};
use shirube::model::Strategy;
use shirube::locale::YearStyle;
use std::sync::OnceLock;

fn kitamoto() -> &'static Strategy {
    static S: OnceLock<Strategy> = OnceLock::new();
    S.get_or_init(|| {
        let s = EXAMPLES.iter().find(|e| e.key == "kitamoto").unwrap().load().unwrap();
        let own = plan_import(&s, &indicators_wide(&s, YearStyle::Western)).unwrap();
        assert!(own.changes.is_empty(), "the example's own table changes it");
        s
    })
}

fn shift_jis(bytes: &[u8]) -> Option<String> {
    let (text, _, had_errors) = encoding_rs::SHIFT_JIS.decode(bytes);
    (!had_errors).then(|| text.into_owned())
}

fuzz_target!(|bytes: &[u8]| {
    let Ok(text) = decode(bytes, &shift_jis) else { return };
    let Ok(plan) = plan_import(kitamoto(), &text) else { return };
    let listed = plan.changes.len() + plan.texts.len();
    if listed == 0 {
        return; // nothing written: the example's own table reads back unchanged (checked once, below)
    }
    let mut s = kitamoto().clone();
    // The values, then the words (値の時点, 出典, verdicts …): `apply` counts both.
    assert_eq!(apply(&mut s, &plan), listed, "a change of the plan was not written");
    let table = indicators_wide(&s, YearStyle::Western);
    let again = plan_import(&s, &table).expect("the app's own table reads");
    assert!(again.changes.is_empty(), "the applied strategy's own table changes {:?}", again.changes);
    assert!(again.texts.is_empty(), "the applied strategy's own table changes words {:?}", again.texts);
});
