//! The documents read back as a town circulates them: a PAGE field in the footer of every page,
//! the date and issuer line under the title, the table of contents only when asked for, and the
//! file's properties naming the title, the town and the time it was made.

use super::tests::{blocks, made, part, town, Block};
use super::*;

#[test]
fn the_strategys_document_has_page_numbers_a_date_line_and_its_properties() {
    let bytes = strategy_document(&town(), YearStyle::Japanese, &made(), Contents::Left).unwrap();
    let b = blocks(&part(&bytes, "word/document.xml"));
    assert_eq!(b[0], Block::Para("Title".into(), "第3期しるべ町まち・ひと・しごと創生総合戦略（素案）".into()));
    assert_eq!(b[1], Block::Para(String::new(), "令和8年12月　しるべ町".into()), "{:?}", &b[..3]);
    let rels = part(&bytes, "word/_rels/document.xml.rels");
    let footer = rels.split("Target=\"").find_map(|t| t.split('"').next().filter(|t| t.starts_with("footer"))).unwrap();
    let footer = part(&bytes, &format!("word/{footer}"));
    assert!(footer.contains("<w:instrText>PAGE</w:instrText>"), "{footer}");
    let document = part(&bytes, "word/document.xml");
    assert!(document.contains("<w:footerReference"), "the section names its footer");
    assert!(!document.contains("TOC \\o"), "no table of contents unless asked for");
    let core = part(&bytes, "docProps/core.xml");
    for want in [
        "<dc:title>第3期しるべ町まち・ひと・しごと創生総合戦略（素案）</dc:title>",
        "<dc:creator>しるべ町</dc:creator>",
        "<cp:lastModifiedBy>しるべ町</cp:lastModifiedBy>",
        r#"<dcterms:created xsi:type="dcterms:W3CDTF">2026-12-10T00:12:00Z</dcterms:created>"#,
    ] {
        assert!(core.contains(want), "{want} in {core}");
    }
    assert!(!core.contains("1970") && !core.contains("unknown"), "{core}");
    let western = strategy_document(&town(), YearStyle::Western, &made(), Contents::Listed).unwrap();
    let b = blocks(&part(&western, "word/document.xml"));
    assert_eq!(b[1], Block::Para(String::new(), "2026年12月　しるべ町".into()));
    assert!(b.contains(&Block::Para("TOCHeading".into(), "目次".into())), "{:?}", &b[..4]);
    let document = part(&western, "word/document.xml");
    assert!(document.contains("TOC \\o &quot;1-2&quot;") || document.contains("TOC \\o \"1-2\""), "a TOC field");
}

#[test]
fn every_document_has_page_numbers_and_names_its_town_and_time() {
    let s = town();
    let other = Issued { town: "北本市 & <市>".into(), at: "not a time".into() };
    let documents = [
        opinions_document(&s, None, &made()).unwrap(),
        opinions_document(&s, None, &other).unwrap(),
        old_new_document(&s.title, "素案", "骨子案", &Default::default(), YearStyle::Japanese, &made()).unwrap(),
    ];
    for bytes in &documents {
        let core = part(bytes, "docProps/core.xml");
        assert!(!core.contains("1970") && !core.contains("unknown"), "{core}");
        assert!(
            core.contains("<dc:creator>しるべ町</dc:creator>")
                || core.contains("<dc:creator>北本市 &amp; &lt;市&gt;</dc:creator>"),
            "{core}"
        );
        let rels = part(bytes, "word/_rels/document.xml.rels");
        assert!(rels.contains("footer"), "{rels}");
    }
    assert!(!part(&documents[1], "docProps/core.xml").contains("dcterms:created"), "no made-up time");
}

/// The date line's month is Japan's: made at 20:00 UTC on 30 November is 05:00 on 1 December in
/// Japan, and a town dates that document December.
#[test]
fn the_date_line_gives_the_month_in_japan() {
    use crate::locale::YearStyle;
    let made = |at: &str| super::Issued { town: "北本市".into(), at: at.into() };
    let line = |at: &str, style| super::issue_line(&made(at), style);
    assert_eq!(line("2026-11-30T20:00:00.000Z", YearStyle::Japanese), "令和8年12月　北本市");
    assert_eq!(line("2026-11-30T20:00:00Z", YearStyle::Western), "2026年12月　北本市");
    assert_eq!(line("2026-11-30T14:59:59Z", YearStyle::Western), "2026年11月　北本市");
    assert_eq!(line("not a time", YearStyle::Western), "北本市");
}
