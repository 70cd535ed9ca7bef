//! 「意見と市の考え方」 as a Word document (.docx), in the shape towns publish a パブリックコメント's
//! result: the strategy's title with the stage heard, then for each hearing (Heading 1, 「素案に対する
//! パブリックコメント」) its 意見募集期間, 提出者数 and 意見件数, and the table 番号 | 該当箇所 |
//! 意見の要旨 | 対応 | 市の考え方, opinions gathered into one answer in one row, its header row
//! repeated on every page. Written from `format::opinions::answer_sheets`, which holds no sender.

use super::issue::{Issued, Properties};
use super::look::{self, TEXT_WIDTH};
use super::text;
use super::DocxError;
use crate::format::opinions::{answer_sheets, AnswerSheet};
use crate::model::{Id, Strategy};
use docx_rs::{Docx, Table, TableRow, WidthType};

/// The document's title: the strategy's, with the stage its opinions were heard on when they
/// were all heard on one (「…総合戦略（素案）に対する意見と市の考え方」), whatever stage it is at now.
fn subject(s: &Strategy, sheets: &[AnswerSheet]) -> String {
    let title = s.title.trim();
    match sheets.first().map(|x| x.stage).filter(|first| sheets.iter().all(|x| x.stage == *first)) {
        Some(stage) => format!("{title}（{}）に対する意見と市の考え方", stage.japanese()),
        None => format!("{title}に対する意見と市の考え方"),
    }
}

/// The opinions of a hearing (every hearing's with opinions when `None`) as the bytes of a .docx,
/// made by `made`.
pub fn opinions_document(s: &Strategy, hearing: Option<&Id>, made: &Issued) -> Result<Vec<u8>, DocxError> {
    let sheets = answer_sheets(s, hearing);
    let title = subject(s, &sheets);
    let mut docx = look::page(Docx::new()).add_paragraph(text::styled("Title", &title));
    if sheets.is_empty() {
        docx = docx.add_paragraph(text::styled("Normal", "意見はまだありません。"));
    }
    for sheet in &sheets {
        docx = docx.add_paragraph(text::styled("Heading1", &sheet.heading()));
        for line in sheet.figures() {
            docx = docx.add_paragraph(text::styled("Normal", &line));
        }
        docx = docx.add_table(table(sheet));
    }
    look::finish(docx, &Properties { title: &title, made }).map_err(DocxError)
}

/// 番号 8 %, 該当箇所 17 %, 意見の要旨 33 %, 対応 11 %, 市の考え方 the rest.
fn table(sheet: &AnswerSheet) -> Table {
    let w = |p: usize| TEXT_WIDTH * p / 100;
    let widths = [w(8), w(17), w(33), w(11), TEXT_WIDTH - w(8) - w(17) - w(33) - w(11)];
    let mut rows = vec![look::header_row(&["番号", "該当箇所", "意見の要旨", "対応", "市の考え方"], &widths)];
    for r in &sheet.rows {
        let lines = |t: &str| t.lines().map(str::to_owned).collect::<Vec<_>>();
        rows.push(TableRow::new(vec![
            look::text_cell(std::slice::from_ref(&r.number), widths[0]),
            look::text_cell(&lines(&r.place), widths[1]),
            look::text_cell(&lines(&r.opinion_text()), widths[2]),
            look::text_cell(&r.response_lines(), widths[3]),
            look::text_cell(&lines(&r.answer), widths[4]),
        ]));
    }
    Table::new(rows).set_grid(widths.to_vec()).width(TEXT_WIDTH, WidthType::Dxa)
}
