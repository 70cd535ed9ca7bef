//! The open data read as a program would: every column named as a number holds only numbers,
//! for every example strategy the app ships, and the plan's wording of a target (in the pages
//! and in 「目標（計画の表記）」) has its year in full-width brackets, as a baseline's.

use super::tests::{kitamoto, read_csv};
use super::*;
use crate::model::Strategy;
use std::collections::BTreeMap;

const MADE_AT: &str = "2026-11-25T10:00:00Z";

/// Every example (北本市, 北斗市, the made-up town with every target kind), and 北本市 with
/// actuals, a provisional one and budgets, so that every table has rows.
fn strategies() -> Vec<(String, Strategy)> {
    let examples = crate::examples::EXAMPLES.iter().map(|e| (e.key.to_owned(), e.load().unwrap()));
    examples.chain([("kitamoto with actuals".to_owned(), kitamoto())]).collect()
}

/// The CSV `name` of the folder as rows of cells, the header's BOM dropped.
fn table(f: &PublishedSite, name: &str) -> Vec<Vec<String>> {
    let mut rows = read_csv(&f.file(&format!("data/{name}")).unwrap().bytes);
    rows[0][0] = rows[0][0].trim_start_matches('\u{feff}').to_owned();
    rows
}

#[test]
fn every_numeric_column_of_every_csv_holds_only_numbers_for_every_example() {
    let mut checked = BTreeMap::<&str, usize>::new();
    for (key, s) in strategies() {
        let f = published_site(&s, MADE_AT);
        for (name, _, _) in open_data::DESCRIPTIONS {
            let rows = table(&f, name);
            for (c, column) in rows[0].iter().enumerate().filter(|(_, c)| open_data::NUMERIC.contains(&c.as_str())) {
                for (r, row) in rows.iter().enumerate().skip(1).filter(|(_, row)| !row[c].is_empty()) {
                    let cell = &row[c];
                    let n = cell.parse::<f64>();
                    assert!(n.is_ok_and(f64::is_finite), "{key}: {name} row {r} {column}: {cell:?} is not a number");
                    *checked.entry(open_data::NUMERIC.iter().find(|n| *n == column).unwrap()).or_default() += 1;
                }
            }
        }
    }
    // Each numeric column had numbers to check in some example.
    for column in open_data::NUMERIC {
        assert!(checked.get(column).is_some_and(|n| *n > 0), "no cell of {column} was checked: {checked:?}");
    }
}

#[test]
fn every_column_named_as_a_number_is_listed_as_numeric_and_nothing_else_is() {
    let named_as_number = |c: &str| c.ends_with('値') || c.contains("（千円）") || c.contains("（西暦）");
    let columns: Vec<&str> = open_data::DESCRIPTIONS.iter().flat_map(|(_, _, cs)| cs.iter().map(|(c, _)| *c)).collect();
    for c in &columns {
        assert_eq!(open_data::NUMERIC.contains(c), named_as_number(c), "{c}");
    }
    assert!(
        columns.contains(&"目標（計画の表記）") && !columns.contains(&"目標"),
        "the wording says it is the wording"
    );
}

#[test]
fn the_data_page_says_which_columns_are_numbers_and_that_the_csvs_begin_with_a_bom() {
    let f = published_site(&kitamoto(), MADE_AT);
    let page = String::from_utf8(f.file("data.html").unwrap().bytes.clone()).unwrap();
    assert!(page.contains("UTF-8") && page.contains("BOM（EF BB BF の3バイト）"));
    assert!(page.contains("<tr><th scope=\"row\">目標値</th><td>数値</td>"));
    assert!(page.contains("<tr><th scope=\"row\">目標（計画の表記）</th><td>文字</td>"));
    for (name, _, _) in open_data::DESCRIPTIONS {
        assert!(f.file(&format!("data/{name}")).unwrap().bytes.starts_with(b"\xEF\xBB\xBF"), "{name}");
    }
}

#[test]
fn targets_are_written_with_full_width_brackets_like_baselines_in_the_csv_and_the_pages() {
    for (key, s) in strategies() {
        let f = published_site(&s, MADE_AT);
        let rows = table(&f, "indicators.csv");
        let wording = rows[0].iter().position(|c| c == "目標（計画の表記）").unwrap();
        for row in &rows[1..] {
            assert!(!row[wording].contains('('), "{key}: {:?}", row[wording]);
        }
        for i in &crate::model::public_copy(&s).indicators {
            let page = String::from_utf8(f.file(&page::kpi_path(&i.id)).unwrap().bytes.clone()).unwrap();
            for dt in ["<dt>基準値</dt><dd>", "<dt>目標</dt><dd>"] {
                for (at, _) in page.match_indices(dt) {
                    let dd = &page[at + dt.len()..];
                    let dd = &dd[..dd.find("</dd>").unwrap()];
                    assert!(!dd.contains('('), "{key} {}: {dd}", i.name);
                }
            }
        }
    }
    // The made-up town's 1-1 is 「380人 (令和7年度)」 in the app, 「380人（令和7年度）」 here.
    let s = crate::examples::by_key("made-up").unwrap().load().unwrap();
    let f = published_site(&s, MADE_AT);
    let rows = table(&f, "indicators.csv");
    let code = rows[0].iter().position(|c| c == "指標番号").unwrap();
    let wording = rows[0].iter().position(|c| c == "目標（計画の表記）").unwrap();
    let row = rows.iter().find(|r| r[code] == "1-1").unwrap();
    assert_eq!(row[wording], "380人（令和7年度）");
    let id = &s.indicators.iter().find(|i| i.code == "1-1").unwrap().id;
    let page = String::from_utf8(f.file(&page::kpi_path(id)).unwrap().bytes.clone()).unwrap();
    assert!(page.contains("<dt>目標</dt><dd>380人（令和7年度）</dd>"), "the KPI page writes it so too");
}
