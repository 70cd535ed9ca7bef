//! What makes a Word file one to circulate: page numbers in the footer (a PAGE field), the date
//! and issuer line under the title (「令和8年12月　北本市」), an optional table of contents, and
//! the file's properties (title, the town as author, created and modified at the time it was
//! made, passed in: never docx-rs's 1970-01-01 and 「unknown」).

use super::text;
use crate::locale::{era_month, YearStyle};
use docx_rs::{AlignmentType, Footer, PageNum, Paragraph, Run, TableOfContents};

/// Whether the strategy's document opens with a table of contents.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Contents {
    Listed,
    Left,
}

/// When and by whom a document is issued (made).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Issued {
    /// The town, the file's author and the issuer under the title.
    pub town: String,
    /// The time it is made, ISO 8601 (「2026-12-10T00:12:00.000Z」).
    pub at: String,
}

/// The file's properties: its title, the town and the time it was made.
pub struct Properties<'a> {
    pub title: &'a str,
    pub made: &'a Issued,
}

/// The date and issuer line: the month made in the years' style, then the town
/// (「令和8年12月　北本市」, 「2026年12月　北本市」). The month is Japan's (UTC+9): a document made
/// on the morning of 1 December is December's, though its time is still November's in UTC.
pub fn issue_line(made: &Issued, style: YearStyle) -> String {
    const JAPAN: u64 = 9 * 3600;
    let at = crate::model::Timestamp::parse(&made.at)
        .and_then(|t| t.unix_seconds())
        .map_or_else(|| made.at.clone(), |s| crate::model::Timestamp::from_unix_seconds(s + JAPAN).to_string());
    let month = match style {
        YearStyle::Japanese => era_month(&at),
        YearStyle::Western => at.get(..7).and_then(|m| {
            let (y, mo) = m.split_once('-')?;
            Some(format!("{}年{}月", y.parse::<u32>().ok()?, mo.parse::<u32>().ok()?))
        }),
    };
    [month.unwrap_or_default(), made.town.trim().to_owned()]
        .iter()
        .filter(|p| !p.is_empty())
        .cloned()
        .collect::<Vec<_>>()
        .join("　")
}

/// The line as a paragraph, set to the right as towns set it.
pub fn issue_paragraph(made: &Issued, style: YearStyle) -> Paragraph {
    Paragraph::new().align(AlignmentType::Right).add_run(Run::new().add_text(text::clean(&issue_line(made, style))))
}

/// The footer: the page's number, centred.
pub fn footer() -> Footer {
    Footer::new().add_paragraph(Paragraph::new().align(AlignmentType::Center).add_page_num(PageNum::new()))
}

/// A table of contents of the headings 1–2 (第1…, 基本目標…), which Word fills in when the file
/// opens (the field is marked dirty).
pub fn contents() -> TableOfContents {
    TableOfContents::new()
        .heading_styles_range(1, 2)
        .alias("目次")
        .dirty()
        .add_before_paragraph(text::styled("TOCHeading", "目次"))
}

/// A time as W3CDTF to the second (「2026-12-10T00:12:00Z」), or none when `at` is no such time.
fn w3c(at: &str) -> Option<String> {
    let b = at.as_bytes();
    let shape = "dddd-dd-ddTdd:dd:dd";
    let fits = b.len() >= shape.len()
        && shape.bytes().zip(b).all(|(s, c)| if s == b'd' { c.is_ascii_digit() } else { s == *c });
    fits.then(|| format!("{}Z", &at[..shape.len()]))
}

fn escaped(text: &str) -> String {
    text::clean(text).replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;").replace('"', "&quot;")
}

/// `docProps/core.xml`: the title, the town as creator and last modifier, created and modified
/// at the time made (left out, never a made-up date, when that is no time).
pub fn core_xml(p: &Properties) -> Vec<u8> {
    let (title, town) = (escaped(p.title.trim()), escaped(p.made.town.trim()));
    let times = w3c(&p.made.at).map_or_else(String::new, |t| {
        format!(
            r#"<dcterms:created xsi:type="dcterms:W3CDTF">{t}</dcterms:created><dcterms:modified xsi:type="dcterms:W3CDTF">{t}</dcterms:modified>"#
        )
    });
    format!(
        concat!(
            r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"#,
            r#"<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" "#,
            r#"xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" "#,
            r#"xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">"#,
            "<dc:title>{title}</dc:title><dc:creator>{town}</dc:creator><cp:lastModifiedBy>{town}</cp:lastModifiedBy>",
            "{times}<cp:revision>1</cp:revision><dc:language>ja-JP</dc:language></cp:coreProperties>"
        ),
        title = title,
        town = town,
        times = times
    )
    .into_bytes()
}
