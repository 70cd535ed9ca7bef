//! Test helpers for the chart builders: words, the bundled examples, and readers of the
//! produced option JSON (series by name, values with their gaps, table cells).

use super::{Figure, Words};
use crate::locale::{self, Language, YearStyle};
use crate::model::Strategy;
use serde_json::Value;

pub const XSS: &str = "<img src=x onerror=alert(1)>";
pub const JA: Words = Words { lang: Language::Ja, years: YearStyle::Japanese };
pub const JA_WESTERN: Words = Words { lang: Language::Ja, years: YearStyle::Western };
pub const EN: Words = Words { lang: Language::En, years: YearStyle::Western };

/// A bundled example strategy ("kitamoto", "hokuto"), through the real import.
pub fn example(key: &str) -> Strategy {
    crate::examples::by_key(key).expect(key).load().expect(key)
}

pub fn all_series(option: &Value) -> &Vec<Value> {
    option["series"].as_array().expect("series")
}

/// The series with this name; panics, listing the names, when there is none.
pub fn series<'a>(option: &'a Value, name: &str) -> &'a Value {
    let all = all_series(option);
    all.iter().find(|s| s["name"] == name).unwrap_or_else(|| {
        let names: Vec<&Value> = all.iter().map(|s| &s["name"]).collect();
        panic!("no series {name:?} among {names:?}")
    })
}

/// A series' values in order: `None` for a gap (`null`), the number of a plain or `{value}` item.
pub fn values(series: &Value) -> Vec<Option<f64>> {
    series["data"]
        .as_array()
        .expect("data")
        .iter()
        .map(|d| match d {
            Value::Null => None,
            Value::Object(item) => item["value"].as_f64(),
            v => Some(v.as_f64().expect("number")),
        })
        .collect()
}

pub fn strings(v: &Value) -> Vec<String> {
    v.as_array().expect("array").iter().map(|s| s.as_str().expect("string").to_owned()).collect()
}

/// The option's legend names.
pub fn legend(option: &Value) -> Vec<String> {
    option["legend"]["data"]
        .as_array()
        .expect("legend data")
        .iter()
        .map(|l| l["name"].as_str().expect("name").to_owned())
        .collect()
}

/// Whether a cell shows this number: exactly, or followed by a note ("352 (速報値)").
pub fn shows(cell: &str, value: f64) -> bool {
    let n = locale::number(value);
    cell == n || cell.starts_with(&format!("{n} "))
}

/// Every number any series draws appears in the figure's table, in the column of its category
/// when the table has one column per category after `lead` leading columns.
pub fn assert_numbers_in_table(figure: &Figure, lead: Option<usize>) {
    let option = figure.option();
    for s in all_series(&option) {
        if s["type"] == "sunburst" {
            continue;
        }
        for (i, v) in values(s).into_iter().enumerate() {
            let Some(v) = v else { continue };
            let found = figure.table.rows.iter().any(|row| match lead {
                Some(lead) => row.get(lead + i).is_some_and(|c| shows(c, v)),
                None => row.iter().any(|c| shows(c, v)),
            });
            assert!(found, "{} draws {v} at {i} but the table does not show it: {:?}", s["name"], figure.table);
        }
    }
}

/// The common promises: rich-text tooltips, ARIA with the summary, a name and a summary.
pub fn assert_accessible(figure: &Figure) {
    let option = figure.option();
    assert_eq!(option["tooltip"]["renderMode"], "richText");
    assert_eq!(option["aria"]["label"]["description"], format!("{}: {}", figure.name, figure.summary).as_str());
    assert!(!figure.name.is_empty() && !figure.summary.is_empty());
    assert!(!figure.summary.contains('\n'), "one sentence");
    for row in &figure.table.rows {
        assert_eq!(row.len(), figure.table.columns.len(), "every row fills every column");
    }
}
