//! The 新旧対照表 ([`crate::model::compare`]) as a Word document, as towns hand it to their
//! council: A4 landscape, the title and the two versions' names, then one table — 箇所 | 改正後
//! | 改正前 | 備考 — whose header row repeats on every page. Changed words are underlined and bold
//! in both columns (a single underline survives a black-and-white copy, a colour would not),
//! unchanged passages inside a changed item are （略）, and the rows are
//! [`crate::format::old_new::lines`], as the CSV and the print have them.

use super::look;
use super::text::{self, clean};
use super::DocxError;
use crate::format::old_new;
use crate::locale::YearStyle;
use crate::model::compare::{Comparison, Piece};
use docx_rs::{
    AlignmentType, BreakType, Docx, PageMargin, PageOrientationType, Paragraph, Run, TableCell, TableRow, WidthType,
};

/// A4 landscape, with 15 mm margins.
const PAGE: (u32, u32) = (16838, 11906);
const MARGIN: i32 = 850;
const TEXT_WIDTH: usize = PAGE.0 as usize - 2 * MARGIN as usize;

/// One column's pieces as runs: the changes bold and underlined, lines broken where the text
/// breaks them.
fn runs(mut p: Paragraph, pieces: &[Piece]) -> Paragraph {
    for piece in pieces {
        let (text, changed) = match piece {
            Piece::Same(t) => (t.as_str(), false),
            Piece::Changed(t) => (t.as_str(), true),
            Piece::Omitted => ("（略）", false),
        };
        for (k, line) in text.split('\n').enumerate() {
            let mut run = Run::new();
            if k > 0 {
                run = run.add_break(BreakType::TextWrapping);
            }
            run = run.add_text(clean(line));
            if changed {
                run = run.bold().underline("single");
            }
            p = p.add_run(run);
        }
    }
    p
}

fn cell(width: usize, p: Paragraph) -> TableCell {
    TableCell::new().width(width, WidthType::Dxa).add_paragraph(p)
}

/// The 新旧対照表 from `old_name` to `new_name` of the strategy `title`, as the bytes of a .docx
/// made by `made`.
pub fn old_new_document(
    title: &str,
    new_name: &str,
    old_name: &str,
    table: &Comparison,
    style: YearStyle,
    made: &super::Issued,
) -> Result<Vec<u8>, DocxError> {
    let heading = format!("{}　新旧対照表", title.trim());
    let widths = [TEXT_WIDTH * 18 / 100, TEXT_WIDTH * 37 / 100, TEXT_WIDTH * 37 / 100];
    let widths = [widths[0], widths[1], widths[2], TEXT_WIDTH - widths.iter().sum::<usize>()];
    let mut rows = vec![look::header_row(&["箇所", "改正後", "改正前", "備考"], &widths)];
    for l in old_new::lines(table, style) {
        rows.push(TableRow::new(vec![
            cell(widths[0], Paragraph::new().add_run(Run::new().add_text(clean(&l.place)))),
            cell(widths[1], runs(Paragraph::new(), &l.new)),
            cell(widths[2], runs(Paragraph::new(), &l.old)),
            cell(
                widths[3],
                Paragraph::new().align(AlignmentType::Center).add_run(Run::new().add_text(l.note.as_str())),
            ),
        ]));
    }
    let docx = look::page(Docx::new())
        .page_size(PAGE.0, PAGE.1)
        .page_orient(PageOrientationType::Landscape)
        .page_margin(PageMargin::new().top(MARGIN).bottom(MARGIN).left(MARGIN).right(MARGIN))
        .add_paragraph(text::styled("Title", &heading))
        .add_paragraph(text::styled(
            "Normal",
            &format!("改正後：{}　改正前：{}　（変更箇所は下線・太字）", new_name.trim(), old_name.trim()),
        ))
        .add_table(docx_rs::Table::new(rows).set_grid(widths.to_vec()).width(TEXT_WIDTH, WidthType::Dxa));
    look::finish(docx, &super::issue::Properties { title: &heading, made }).map_err(DocxError)
}
