//! 「意見と市の考え方」 as .docx, read back from its bytes (the zip, then `word/document.xml`'s
//! texts): the title with the stage, each hearing's heading and figures, the table's rows with
//! gathered opinions in one row, the header row repeated, and no sender's name anywhere.

use super::opinions_document;
use super::tests::made;
use crate::format::opinions::tests::answered_comment;
use std::io::{Cursor, Read};

/// Every part of the .docx, as text.
fn parts(bytes: &[u8]) -> Vec<(String, String)> {
    let mut zip = zip::ZipArchive::new(Cursor::new(bytes)).expect("a zip");
    (0..zip.len())
        .map(|i| {
            let mut f = zip.by_index(i).unwrap();
            let mut text = String::new();
            let _ = f.read_to_string(&mut text);
            (f.name().unwrap().into_owned(), text)
        })
        .collect()
}

/// The texts of `word/document.xml`, one a paragraph, in order.
fn paragraphs(xml: &str) -> Vec<String> {
    xml.split("</w:p>")
        .map(|p| {
            let texts = p.split("<w:t").skip(1).filter(|t| t.starts_with('>') || t.starts_with(' '));
            texts
                .filter_map(|t| t.split_once('>').map(|(_, rest)| rest.split("</w:t>").next().unwrap_or("")))
                .collect::<String>()
        })
        .filter(|p| !p.is_empty())
        .collect()
}

#[test]
fn the_opinions_document_has_the_hearings_figures_and_table_and_no_sender() {
    let (mut s, _) = answered_comment();
    // The strategy has moved on to 案; the opinions were heard on the 素案.
    s.stage = crate::model::DraftingStage::Proposal;
    let bytes = opinions_document(&s, None, &made()).unwrap();
    let all = parts(&bytes);
    let xml = &all.iter().find(|(n, _)| n == "word/document.xml").expect("the body").1;
    let ps = paragraphs(xml);
    assert_eq!(ps[0], format!("{}（素案）に対する意見と市の考え方", s.title.trim()));
    let at = |t: &str| ps.iter().position(|p| p == t).unwrap_or_else(|| panic!("{t} in {ps:?}"));
    assert!(at("素案に対するパブリックコメント") < at("意見募集期間：令和8年12月1日～令和9年1月5日"));
    assert!(at("提出者数：3人") < at("意見件数：5件"));
    assert!(at("意見件数：5件") < at("番号"), "the figures come before the table");
    for header in ["該当箇所", "意見の要旨", "対応", "市の考え方"] {
        at(header);
    }
    // The gathered opinions are one row: their numbers together, each text a line of one cell.
    assert!(at("1、2") < at("・子育て支援を") && at("・保育所の増設") < at("素案に追記します。"));
    assert!(at("3") < at("駅前に駐輪場を") && at("参考とする") < at("参考にします。"));
    assert_eq!(xml.matches("<w:tblHeader />").count(), 1, "the header row repeats on each page");
    assert!(xml.contains(r#"<w:pStyle w:val="Heading1" />"#));
    for (name, text) in &all {
        for sender in ["山田", "佐藤", "鈴木"] {
            assert!(!text.contains(sender), "{sender} in {name}");
        }
    }
    let none = opinions_document(&crate::examples::by_key("hokuto").unwrap().load().unwrap(), None, &made()).unwrap();
    assert!(paragraphs(&parts(&none).into_iter().find(|(n, _)| n == "word/document.xml").unwrap().1)
        .contains(&"意見はまだありません。".to_owned()));
}
