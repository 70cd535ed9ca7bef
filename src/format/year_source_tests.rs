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
        ("13月1日現在", None),
        ("上期", None),
    ];
    for (text, basis) in cases {
        assert_eq!(YearBasis::parse(text), basis, "{text}");
        if let Some(b) = basis {
            assert_eq!(YearBasis::parse(&b.written()), Some(b), "{text} written back");
        }
    }
}
