//! A series' year basis (年度 / 年 / 「4月1日現在」) and the sources of a series and of a value
//! in the file format: new optional fields, written only when they say something, so every
//! file written before them reads and writes as it did (no version bump, no migration).

use super::{export, import};
use crate::model::{FiscalYear, Series, YearBasis};
use serde_json::json;

#[test]
fn the_examples_read_and_write_as_before() {
    for key in ["kitamoto", "hokuto"] {
        let text = crate::examples::by_key(key).unwrap().file;
        assert!(!text.contains("year_basis"), "{key}");
        let s = import(text).unwrap().strategy;
        assert!(s.indicators.iter().flat_map(|i| &i.series).all(|x| x.year_basis.is_fiscal() && x.source.is_empty()));
        let written = export(&s, "2026-01-01T00:00:00Z");
        // No series and no value gains a key: the file is written exactly as before the fields.
        let back: serde_json::Value = serde_json::from_str(&written).unwrap();
        for x in back["strategy"]["indicators"].as_array().unwrap().iter().flat_map(|i| i["series"].as_array().unwrap())
        {
            assert!(x.get("year_basis").is_none() && x.get("source").is_none(), "{key}");
            assert!(x["actuals"].as_array().unwrap().iter().all(|a| a.get("source").is_none()), "{key}");
        }
        assert_eq!(export(&import(&written).unwrap().strategy, "2026-01-01T00:00:00Z"), written, "{key}");
    }
}

#[test]
fn basis_and_sources_have_their_json_shape_and_round_trip() {
    let mut x = Series::new("");
    x.year_basis = YearBasis::AsOf { month: 4, day: 1 };
    x.source = "住民基本台帳".into();
    x.set_actual(FiscalYear(2023), Some(46_123.0));
    x.set_source(FiscalYear(2023), "住民基本台帳（速報）".into());
    let v = serde_json::to_value(&x).unwrap();
    assert_eq!(v["year_basis"], json!({"as_of": {"month": 4, "day": 1}}));
    assert_eq!(v["source"], json!("住民基本台帳"));
    assert_eq!(v["actuals"][0]["source"], json!("住民基本台帳（速報）"));
    assert_eq!(serde_json::from_value::<Series>(v).unwrap(), x);

    x.year_basis = YearBasis::Calendar;
    x.source.clear();
    x.set_source(FiscalYear(2023), String::new());
    let v = serde_json::to_value(&x).unwrap();
    assert_eq!(v["year_basis"], json!("calendar"));
    assert!(v.get("source").is_none() && v["actuals"][0].get("source").is_none(), "empty sources are not written");
    x.year_basis = YearBasis::Fiscal;
    assert!(serde_json::to_value(&x).unwrap().get("year_basis").is_none(), "a fiscal year is not written");
}

#[test]
fn a_basis_is_read_as_tables_write_it() {
    let cases = [
        ("", Some(YearBasis::Fiscal)),
        ("年度", Some(YearBasis::Fiscal)),
        ("年", Some(YearBasis::Calendar)),
        ("暦年", Some(YearBasis::Calendar)),
        ("年（暦年）", Some(YearBasis::Calendar)),
        ("4月1日現在", Some(YearBasis::AsOf { month: 4, day: 1 })),
        ("１０月１日時点", Some(YearBasis::AsOf { month: 10, day: 1 })),
        ("3月31日", Some(YearBasis::AsOf { month: 3, day: 31 })),
        ("3月末", Some(YearBasis::AsOfMonth { month: 3, end: true })),
        ("３月末現在", Some(YearBasis::AsOfMonth { month: 3, end: true })),
        ("3月末日時点", Some(YearBasis::AsOfMonth { month: 3, end: true })),
        ("6月現在", Some(YearBasis::AsOfMonth { month: 6, end: false })),
        ("6月", Some(YearBasis::AsOfMonth { month: 6, end: false })),
        ("10月時点", Some(YearBasis::AsOfMonth { month: 10, end: false })),
        ("13月1日現在", None),
        ("13月末", None),
        ("0月", None),
        ("月末", None),
        ("上期", None),
    ];
    for (text, basis) in cases {
        assert_eq!(YearBasis::parse(text), basis, "{text}");
        if let Some(b) = basis {
            assert_eq!(YearBasis::parse(&b.written()), Some(b), "{text} written back");
        }
    }
}

#[test]
fn a_month_basis_has_its_json_shape_and_round_trips() {
    let mut x = Series::new("");
    x.year_basis = YearBasis::AsOfMonth { month: 3, end: true };
    let v = serde_json::to_value(&x).unwrap();
    assert_eq!(v["year_basis"], json!({"as_of_month": {"month": 3, "end": true}}));
    assert_eq!(serde_json::from_value::<Series>(v).unwrap(), x);
    // A 「3月末」 written back is read as the same basis, and shown as written.
    assert_eq!(YearBasis::AsOfMonth { month: 3, end: true }.written(), "3月末");
    assert_eq!(YearBasis::AsOfMonth { month: 6, end: false }.written(), "6月現在");
}

/// Running totals (累計値) are a new optional field of a series, written only when set: a file
/// from before it holds yearly values and reads with that meaning; one that says so round-trips.
#[test]
fn running_totals_are_written_only_when_set_and_older_files_mean_yearly_values() {
    for key in ["kitamoto", "hokuto"] {
        let text = crate::examples::by_key(key).unwrap().file;
        assert!(!text.contains("running_totals"), "{key}");
        let s = import(text).unwrap().strategy;
        assert!(s.indicators.iter().flat_map(|i| &i.series).all(|x| !x.running_totals), "{key}");
        assert!(!export(&s, "2026-01-01T00:00:00Z").contains("running_totals"), "{key}");
    }
    // A series as an older file holds it: no key, yearly values.
    let old = json!({"id": "series-1", "actuals": [{"year": 2016, "value": 515.0}]});
    let x: Series = serde_json::from_value(old).unwrap();
    assert!(!x.running_totals);
    assert_eq!(x.yearly(FiscalYear(2016)), Some(515.0), "an older file's actual is the year's own value");
    let mut x = x;
    x.running_totals = true;
    let v = serde_json::to_value(&x).unwrap();
    assert_eq!(v["running_totals"], json!(true));
    assert_eq!(serde_json::from_value::<Series>(v).unwrap(), x);
    x.running_totals = false;
    assert!(serde_json::to_value(&x).unwrap().get("running_totals").is_none());

    // Through the whole file: a strategy with a running-total series survives export → import.
    let mut s = import(crate::examples::by_key("kitamoto").unwrap().file).unwrap().strategy;
    std::sync::Arc::make_mut(&mut s.indicators[0]).series[0].running_totals = true;
    let back = import(&export(&s, "2026-01-01T00:00:00Z")).unwrap();
    assert_eq!(back.migrated_from, None);
    assert!(back.strategy.indicators[0].series[0].running_totals);
    assert_eq!(back.strategy, s);
}
