//! The public pages reflow at 320 CSS px (WCAG 1.4.10, JIS X 8341-3 AA), read from the
//! stylesheet's rules: any text may break anywhere, nothing puts it back, no grid track is held
//! open by its longest word, and only numbers and statuses stay on one line. The pages' width
//! in a browser is the e2e's check (`tests/e2e/publish.spec.ts`); this one fails at `cargo test`.

use super::page::STYLE;
use super::*;

/// The stylesheet's rules as (selector, declarations), the rules inside `@media` included, with
/// comments removed; selectors and declarations with their whitespace squeezed.
fn rules(css: &str) -> Vec<(String, String)> {
    let mut text = String::new();
    let mut rest = css;
    while let Some(at) = rest.find("/*") {
        text.push_str(&rest[..at]);
        rest = rest[at..].find("*/").map_or("", |end| &rest[at + end + 2..]);
    }
    text.push_str(rest);
    let squeeze = |s: &str| s.split_whitespace().collect::<Vec<_>>().join(" ");
    let mut out = Vec::new();
    let mut rest = text.as_str();
    while let Some(open) = rest.find('{') {
        let close = rest.find('}').expect("every rule is closed");
        if close < open {
            rest = &rest[close + 1..]; // the end of an @media block
            continue;
        }
        let inner = rest[open + 1..].find('{').map(|n| open + 1 + n);
        if inner.is_some_and(|inner| inner < close) {
            rest = &rest[open + 1..]; // an @media block: its rules come next
            continue;
        }
        out.push((squeeze(&rest[..open]), squeeze(&rest[open + 1..close])));
        rest = &rest[close + 1..];
    }
    out
}

/// The value of `property` in a rule's declarations, if it sets it.
fn value<'a>(declarations: &'a str, property: &str) -> Option<&'a str> {
    declarations.split(';').find_map(|d| {
        let (name, value) = d.split_once(':')?;
        (name.trim() == property).then(|| value.trim())
    })
}

#[test]
fn the_stylesheet_is_read_rule_by_rule_inside_media_blocks_too() {
    let read = rules("/* a { b: c } */ p { x: 1; }\n@media (max-width: 3rem) { dl { y: 2 } }\nq{z:3}");
    let pairs: Vec<(&str, &str)> = read.iter().map(|(s, d)| (s.as_str(), d.as_str())).collect();
    assert_eq!(pairs, vec![("p", "x: 1;"), ("dl", "y: 2"), ("q", "z:3")]);
    assert_eq!(value("x: 1; grid-template-columns: minmax(0, 1fr)", "grid-template-columns"), Some("minmax(0, 1fr)"));
}

#[test]
fn every_text_of_the_pages_may_break_anywhere_and_nothing_puts_it_back() {
    let rules = rules(STYLE);
    let body = rules.iter().find(|(s, _)| s == "body").map(|(_, d)| d.as_str()).expect("a body rule");
    // Inherited by every element: dd, td, th, caption, headings, list items, links.
    assert_eq!(value(body, "overflow-wrap"), Some("anywhere"), "body {{ {body} }}");
    for (selector, declarations) in rules.iter().filter(|(s, _)| s != "body") {
        for property in ["overflow-wrap", "word-wrap", "word-break"] {
            assert_eq!(value(declarations, property), None, "{selector} sets {property} again");
        }
    }
}

#[test]
fn only_numbers_and_statuses_stay_on_one_line() {
    // .value holds a number (its note, 「（速報値）」, wraps); .status a symbol and a word. Neither
    // holds a strategy's own text, which may be any length.
    for (selector, declarations) in rules(STYLE) {
        if value(&declarations, "white-space") == Some("nowrap") {
            assert!([".value", ".status"].contains(&selector.as_str()), "{selector} keeps its text on one line");
        }
    }
}

#[test]
fn no_grid_track_is_held_open_by_its_longest_word() {
    // A bare `1fr` or `max-content` has the longest word as its minimum: a 90-character address
    // in 出典 made the KPI pages 850 px wide.
    let mut grids = 0;
    for (selector, declarations) in rules(STYLE) {
        let Some(columns) = value(&declarations, "grid-template-columns") else { continue };
        grids += 1;
        let mut tracks = columns.replace(", ", ",");
        while let Some(at) = tracks.find("minmax(0,") {
            let end = at + tracks[at..].find(')').unwrap() + 1;
            tracks.replace_range(at..end, "");
        }
        assert_eq!(tracks.trim(), "", "{selector}: grid-template-columns: {columns}");
    }
    assert!(grids >= 2, "dl.facts is a grid, and one column on a phone");
}

#[test]
fn a_kpi_page_prints_a_long_address_title_and_unit_in_the_cells_the_stylesheet_wraps() {
    let mut s = crate::examples::by_key("kitamoto").unwrap().load().unwrap();
    let url =
        "https://www.example.lg.jp/soshiki/kikaku/toukei/jinkou/documents/R06_juuminkihondaichou_jinkou_setai.xlsx";
    assert!(url.len() >= 90);
    let unit = "人（住民基本台帳に基づく各年度末時点の外国人住民を含む総人口）";
    let i = s.indicators_mut().next().unwrap();
    (i.source, i.unit) = (url.into(), unit.into());
    let id = i.id.clone();
    let f = published_site(&s, "2026-11-25T10:00:00Z");
    let page = String::from_utf8(f.file(&page::kpi_path(&id)).unwrap().bytes.clone()).unwrap();
    assert!(page.contains(&format!("<dt>出典</dt><dd>{url}</dd>")), "the address is a dd of dl.facts");
    assert!(page.contains(&format!("<dt>単位</dt><dd>{unit}</dd>")));
    assert!(
        page.contains(&format!("の年度別の値（単位：{unit}）</caption>")),
        "the unit is the table's, in its caption"
    );
}
