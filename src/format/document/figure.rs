//! The 施策体系図 in the .docx as Word's own shapes: one group (`wpg:wgp`) per figure of
//! [`measure_tree`](crate::format::measure_tree), each box a rectangle with a text box, each line a
//! line shape, inline in its paragraph. Word shapes rather than a picture: the text stays text (Word
//! lays it out in the town's font, a reader can select and edit it, the figure prints sharp on any
//! printer), and no rasteriser or font has to travel with the app. The group sits in
//! `mc:AlternateContent` as Word writes it, with the figure's description as the fallback text,
//! and the drawing's alternative text (`wp:docPr`'s `descr`) says the whole tree in words.
//!
//! docx-rs 0.4.22 writes pictures and floating text boxes only, so the document holds a marked run
//! per figure ([`placeholder`]) and [`put_in`] puts the drawing in its place.

use crate::format::measure_tree::{TreeColumn, TreeFigure, WIDTH};
use docx_rs::{Paragraph, Run};
use std::fmt::Write;

/// EMUs per point.
const EMU: f64 = 12700.0;

/// The text of the run that stands for figure `n` until [`put_in`]: private-use
/// characters, which no strategy's text reaching a document holds next to this word.
pub fn marker(n: usize) -> String {
    format!("\u{E000}shirube-figure-{n}\u{E001}")
}

/// The paragraph that holds figure `n`.
pub fn placeholder(n: usize) -> Paragraph {
    Paragraph::new().add_run(Run::new().add_text(marker(n)))
}

fn emu(pt: f64) -> i64 {
    (pt * EMU).round() as i64
}

/// `text` escaped for XML, without the characters XML 1.0 cannot hold.
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in super::text::clean(text).chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            c => out.push(c),
        }
    }
    out
}

/// The run content that replaces figure `n`'s marker: its drawing, inline.
pub fn drawing(n: usize, f: &TreeFigure) -> String {
    let (w, h) = (emu(WIDTH + 2.0), emu(f.height + 2.0));
    let mut shapes = String::new();
    let mut id = 1;
    for s in &f.segments {
        let (x, y) = (s.x1.min(s.x2) + 1.0, s.y1.min(s.y2) + 1.0);
        let (cx, cy) = ((s.x2 - s.x1).abs(), (s.y2 - s.y1).abs());
        let _ = write!(
            shapes,
            r#"<wps:wsp><wps:cNvPr id="{id}" name="線 {id}"/><wps:cNvCnPr/><wps:spPr><a:xfrm><a:off x="{}" y="{}"/><a:ext cx="{}" cy="{}"/></a:xfrm><a:prstGeom prst="line"><a:avLst/></a:prstGeom><a:ln w="9525"><a:solidFill><a:srgbClr val="000000"/></a:solidFill></a:ln></wps:spPr><wps:bodyPr/></wps:wsp>"#,
            emu(x),
            emu(y),
            emu(cx),
            emu(cy)
        );
        id += 1;
    }
    for node in &f.nodes {
        let (fill, line, dash) = match node.level {
            TreeColumn::Goal => ("E6E6E6", 25400, ""),
            TreeColumn::Measure => ("FFFFFF", 12700, ""),
            TreeColumn::Initiative => ("FFFFFF", 9525, r#"<a:prstDash val="dash"/>"#),
        };
        let mut paragraphs = String::new();
        for l in &node.lines {
            let _ = write!(
                paragraphs,
                r#"<w:p><w:pPr><w:spacing w:before="0" w:after="0" w:line="{}" w:lineRule="exact"/></w:pPr><w:r><w:rPr><w:rFonts w:ascii="{g}" w:eastAsia="{g}" w:hAnsi="{g}"/><w:sz w:val="{}"/></w:rPr><w:t xml:space="preserve">{}</w:t></w:r></w:p>"#,
                (crate::format::measure_tree::LINE * 20.0).round() as i64,
                (crate::format::measure_tree::FONT * 2.0) as i64,
                escape(l),
                g = super::look::GOTHIC,
            );
        }
        let _ = write!(
            shapes,
            r#"<wps:wsp><wps:cNvPr id="{id}" name="{kind} {id}"/><wps:cNvSpPr/><wps:spPr><a:xfrm><a:off x="{}" y="{}"/><a:ext cx="{}" cy="{}"/></a:xfrm><a:prstGeom prst="rect"><a:avLst/></a:prstGeom><a:solidFill><a:srgbClr val="{fill}"/></a:solidFill><a:ln w="{line}"><a:solidFill><a:srgbClr val="000000"/></a:solidFill>{dash}</a:ln></wps:spPr><wps:txbx><w:txbxContent>{paragraphs}</w:txbxContent></wps:txbx><wps:bodyPr rot="0" vert="horz" wrap="square" lIns="19050" tIns="38100" rIns="19050" bIns="38100" anchor="t" anchorCtr="0"><a:noAutofit/></wps:bodyPr></wps:wsp>"#,
            emu(node.x + 1.0),
            emu(node.y + 1.0),
            emu(node.width),
            emu(node.height),
            kind = match node.level {
                TreeColumn::Goal => "基本目標",
                TreeColumn::Measure => "施策",
                TreeColumn::Initiative => "事業",
            },
        );
        id += 1;
    }
    format!(
        concat!(
            r#"<mc:AlternateContent><mc:Choice Requires="wpg"><w:drawing>"#,
            r#"<wp:inline distT="0" distB="0" distL="0" distR="0"><wp:extent cx="{w}" cy="{h}"/>"#,
            r#"<wp:effectExtent l="0" t="0" r="0" b="0"/><wp:docPr id="{doc_id}" name="施策体系図 {n}" title="{title}" descr="{descr}"/>"#,
            r#"<wp:cNvGraphicFramePr/><a:graphic xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main">"#,
            r#"<a:graphicData uri="http://schemas.microsoft.com/office/word/2010/wordprocessingGroup"><wpg:wgp>"#,
            r#"<wpg:cNvGrpSpPr/><wpg:grpSpPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="{w}" cy="{h}"/>"#,
            r#"<a:chOff x="0" y="0"/><a:chExt cx="{w}" cy="{h}"/></a:xfrm></wpg:grpSpPr>{shapes}</wpg:wgp>"#,
            r#"</a:graphicData></a:graphic></wp:inline></w:drawing></mc:Choice>"#,
            r#"<mc:Fallback><w:t xml:space="preserve">{descr}</w:t></mc:Fallback></mc:AlternateContent>"#,
        ),
        w = w,
        h = h,
        doc_id = 1000 + n,
        n = n + 1,
        title = escape(&f.title),
        descr = escape(&f.description),
        shapes = shapes,
    )
}

/// The document's XML with each figure's marked text (`<w:t …>marker</w:t>`) replaced by its
/// drawing; a marker not found (none is lost: every figure has its paragraph) leaves the XML as it is.
pub fn put_in(document: &[u8], drawings: &[String]) -> Vec<u8> {
    if drawings.is_empty() {
        return document.to_vec();
    }
    let mut xml = String::from_utf8_lossy(document).into_owned();
    for (n, d) in drawings.iter().enumerate() {
        let marked = marker(n);
        let Some(at) = xml.find(&marked) else { continue };
        let (Some(start), Some(end)) = (xml[..at].rfind("<w:t"), xml[at..].find("</w:t>")) else { continue };
        xml.replace_range(start..at + end + "</w:t>".len(), d);
    }
    xml.into_bytes()
}
