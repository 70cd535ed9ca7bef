//! The document's look: A4, a Japanese font Word has on Windows as the document's default, the
//! styles Word's navigation pane and table of contents read (Title, Heading1–3), and the tables'
//! cells, and the page's number in the footer. docx-rs 0.4.22 writes neither a row's `w:tblHeader` nor a font table beyond Times,
//! Symbol and Arial, and stores its parts uncompressed; [`finish`] adds both and deflates them.

use super::issue::Properties;
use super::text::clean;
use docx_rs::{
    AlignmentType, Docx, LineSpacing, PageMargin, Paragraph, Run, RunFonts, Shading, ShdType, Style, StyleType,
    TableCell, TableRow, WidthType,
};

/// The Japanese font: 游明朝 (Windows 8.1 and later), with ＭＳ 明朝 (every Windows) as its
/// alternative in the font table, for a Word that lacks it.
pub const MINCHO: &str = "游明朝";
/// The headings' font, and its alternative.
pub const GOTHIC: &str = "游ゴシック";

/// The text's width on an A4 page with 25 mm margins, in twentieths of a point.
pub const TEXT_WIDTH: usize = 11906 - 2 * MARGIN as usize;
const MARGIN: i32 = 1417;

/// A4 with 25 mm margins, 10.5 pt 游明朝, the styles.
pub fn page(docx: Docx) -> Docx {
    let fonts = RunFonts::new().ascii(MINCHO).hi_ansi(MINCHO).east_asia(MINCHO).cs(MINCHO);
    let gothic = RunFonts::new().ascii(GOTHIC).hi_ansi(GOTHIC).east_asia(GOTHIC).cs(GOTHIC);
    let heading = |id: &str, name: &str, level: usize, size: usize| {
        Style::new(id, StyleType::Paragraph)
            .name(name)
            .based_on("Normal")
            .next("Normal")
            .q_format(true)
            .outline_lvl(level)
            .fonts(gothic.clone())
            .bold()
            .size(size)
            .line_spacing(LineSpacing::new().before(240).after(120))
    };
    docx.page_size(11906, 16838)
        .footer(super::issue::footer())
        .page_margin(PageMargin::new().top(MARGIN).bottom(MARGIN).left(MARGIN).right(MARGIN))
        .default_fonts(fonts)
        .default_size(21)
        .add_style(Style::new("Normal", StyleType::Paragraph).name("Normal").q_format(true))
        .add_style(
            Style::new("Title", StyleType::Paragraph)
                .name("Title")
                .based_on("Normal")
                .next("Normal")
                .q_format(true)
                .fonts(gothic.clone())
                .bold()
                .size(32)
                .align(AlignmentType::Center)
                .line_spacing(LineSpacing::new().after(360)),
        )
        .add_style(heading("Heading1", "heading 1", 0, 28))
        .add_style(heading("Heading2", "heading 2", 1, 24))
        .add_style(heading("Heading3", "heading 3", 2, 22))
        .add_style(
            Style::new("ListParagraph", StyleType::Paragraph)
                .name("List Paragraph")
                .based_on("Normal")
                .q_format(true)
                .indent(Some(420), None, None, None),
        )
        .add_style(
            Style::new("TOCHeading", StyleType::Paragraph)
                .name("TOC Heading")
                .based_on("Normal")
                .next("Normal")
                .q_format(true)
                .fonts(gothic.clone())
                .bold()
                .size(24)
                .line_spacing(LineSpacing::new().before(240).after(120)),
        )
        .add_style(
            Style::new("TableCaption", StyleType::Paragraph)
                .name("Table Caption")
                .based_on("Normal")
                .next("Normal")
                .bold()
                .line_spacing(LineSpacing::new().before(120).after(60)),
        )
}

/// A table's header row: shaded, bold, kept whole and repeated on each page (`w:tblHeader`,
/// added by [`finish`] to the rows that cannot split — only header rows are made so).
pub fn header_row(titles: &[&str], widths: &[usize]) -> TableRow {
    let cells = titles
        .iter()
        .zip(widths)
        .map(|(t, w)| {
            TableCell::new()
                .width(*w, WidthType::Dxa)
                .shading(Shading::new().shd_type(ShdType::Clear).color("auto").fill("D9D9D9"))
                .add_paragraph(Paragraph::new().align(AlignmentType::Center).add_run(Run::new().add_text(*t).bold()))
        })
        .collect();
    TableRow::new(cells).cant_split()
}

/// A body cell of `width` holding `lines` of text, one paragraph each, left-aligned.
pub fn text_cell(lines: &[String], width: usize) -> TableCell {
    cell(lines, width, AlignmentType::Left)
}

/// A body cell of `width` holding `lines` of numbers, one paragraph each, right-aligned.
pub fn number_cell(lines: &[String], width: usize) -> TableCell {
    cell(lines, width, AlignmentType::Right)
}

fn cell(lines: &[String], width: usize, align: AlignmentType) -> TableCell {
    let mut cell = TableCell::new().width(width, WidthType::Dxa);
    for line in lines {
        cell = cell.add_paragraph(Paragraph::new().align(align).add_run(Run::new().add_text(clean(line))));
    }
    if lines.is_empty() {
        cell = cell.add_paragraph(Paragraph::new());
    }
    cell
}

/// The font table Word reads to find a font it lacks: the Japanese fonts with their alternatives
/// (charset 80, Shift_JIS), beside the Latin ones docx-rs names.
const FONT_TABLE: &str = concat!(
    r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"#,
    r#"<w:fonts xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" "#,
    r#"xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">"#,
    r#"<w:font w:name="游明朝"><w:altName w:val="ＭＳ 明朝"/><w:panose1 w:val="02020400000000000000"/>"#,
    r#"<w:charset w:val="80"/><w:family w:val="roman"/><w:pitch w:val="variable"/></w:font>"#,
    r#"<w:font w:name="ＭＳ 明朝"><w:altName w:val="MS Mincho"/><w:panose1 w:val="02020609040205080304"/>"#,
    r#"<w:charset w:val="80"/><w:family w:val="roman"/><w:pitch w:val="fixed"/></w:font>"#,
    r#"<w:font w:name="游ゴシック"><w:altName w:val="ＭＳ ゴシック"/><w:panose1 w:val="020B0400000000000000"/>"#,
    r#"<w:charset w:val="80"/><w:family w:val="swiss"/><w:pitch w:val="variable"/></w:font>"#,
    r#"<w:font w:name="ＭＳ ゴシック"><w:altName w:val="MS Gothic"/><w:panose1 w:val="020B0609070205080204"/>"#,
    r#"<w:charset w:val="80"/><w:family w:val="modern"/><w:pitch w:val="fixed"/></w:font>"#,
    r#"<w:font w:name="Times New Roman"><w:charset w:val="00"/><w:family w:val="roman"/><w:pitch w:val="variable"/></w:font>"#,
    r#"<w:font w:name="Symbol"><w:charset w:val="02"/><w:family w:val="roman"/><w:pitch w:val="variable"/></w:font>"#,
    r#"<w:font w:name="Arial"><w:charset w:val="00"/><w:family w:val="swiss"/><w:pitch w:val="variable"/></w:font>"#,
    r#"</w:fonts>"#
);

/// The .docx's bytes: the parts docx-rs built, with the header rows marked to repeat, the font
/// table above and the file's properties, zipped.
pub fn finish(docx: Docx, properties: &Properties) -> Result<Vec<u8>, String> {
    finish_with(docx, properties, <[u8]>::to_vec)
}

/// [`finish`], with the document's XML edited by `edit` first (the figures drawn in).
pub fn finish_with(
    docx: Docx,
    properties: &Properties,
    edit: impl FnOnce(&[u8]) -> Vec<u8>,
) -> Result<Vec<u8>, String> {
    let mut parts = docx.build();
    parts.document = edit(&repeat_header_rows(&parts.document));
    parts.font_table = FONT_TABLE.as_bytes().to_vec();
    parts.doc_props.core = super::issue::core_xml(properties);
    let mut stored = std::io::Cursor::new(Vec::new());
    parts.pack(&mut stored).map_err(|e| e.to_string())?;
    deflated(stored.get_ref()).map_err(|e| e.to_string())
}

/// The zip again with every part deflated: docx-rs stores its parts uncompressed, which makes a
/// large strategy's document tens of times its deflated size.
fn deflated(stored: &[u8]) -> zip::result::ZipResult<Vec<u8>> {
    use std::io::{Read, Write};
    let mut from = zip::ZipArchive::new(std::io::Cursor::new(stored))?;
    let mut to = zip::ZipWriter::new(std::io::Cursor::new(Vec::with_capacity(stored.len() / 4)));
    let options = zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Deflated);
    let mut buffer = Vec::new();
    for i in 0..from.len() {
        let mut file = from.by_index(i)?;
        if file.is_dir() {
            continue;
        }
        buffer.clear();
        file.read_to_end(&mut buffer)?;
        let name = file.name()?.into_owned();
        to.start_file(name, options)?;
        to.write_all(&buffer)?;
    }
    Ok(to.finish()?.into_inner())
}

/// `w:tblHeader` beside every `w:cantSplit` (only header rows are made unsplittable).
fn repeat_header_rows(document: &[u8]) -> Vec<u8> {
    const KEPT: &[u8] = b"<w:cantSplit />";
    const REPEATED: &[u8] = b"<w:cantSplit /><w:tblHeader />";
    let mut out = Vec::with_capacity(document.len() + 1024);
    let mut rest = document;
    while let Some(at) = rest.windows(KEPT.len()).position(|w| w == KEPT) {
        out.extend_from_slice(&rest[..at]);
        out.extend_from_slice(REPEATED);
        rest = &rest[at + KEPT.len()..];
    }
    out.extend_from_slice(rest);
    out
}
