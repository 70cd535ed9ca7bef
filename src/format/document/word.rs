//! The outline's blocks as Word paragraphs and tables: headings in Word's heading styles, the
//! indicator tables with their header row (repeated on each page by `look::finish`), the
//! 施策体系図 as a placeholder paragraph per figure (drawn in by `figure::put_in`).

use super::look::{self, TEXT_WIDTH};
use super::outline::{Block, Heading, INDICATOR_COLUMNS};
use super::text;
use docx_rs::{Docx, Table, TableRow, WidthType};

/// `blocks` added to `docx`; the tree takes `figures` paragraphs.
pub fn write(mut docx: Docx, blocks: &[Block], figures: usize) -> Docx {
    for block in blocks {
        docx = match block {
            Block::Title(t) => docx.add_paragraph(text::styled("Title", t)),
            Block::Heading(level, t) => {
                let style = match level {
                    Heading::Part => "Heading1",
                    Heading::Section | Heading::Goal => "Heading2",
                    Heading::Measure => "Heading3",
                };
                docx.add_paragraph(text::styled(style, t))
            }
            Block::Text(t) => docx.add_paragraph(text::styled("Normal", t)),
            Block::Caption(t) => docx.add_paragraph(text::styled("TableCaption", t)),
            Block::Item(t) => docx.add_paragraph(text::styled("ListParagraph", t)),
            Block::Indicators(rows) => docx.add_table(indicators(rows)),
            Block::Tree => (0..figures).fold(docx, |d, n| d.add_paragraph(super::figure::placeholder(n))),
            Block::Table { columns, rows } => docx.add_table(text_table(columns, rows)),
        };
    }
    docx
}

/// A table of indicators (数値目標 or KPI): 指標 | 基準値 | 目標値 | 目標年度.
fn indicators(rows: &[[String; 4]]) -> Table {
    // 35 %, 23 %, 23 %, 19 %: a baseline's year (「（平成30年度）」) fits on its line.
    let widths =
        [TEXT_WIDTH * 35 / 100, TEXT_WIDTH * 23 / 100, TEXT_WIDTH * 23 / 100, TEXT_WIDTH - TEXT_WIDTH * 81 / 100];
    let mut out = vec![look::header_row(&INDICATOR_COLUMNS, &widths)];
    for [name, baseline, target, year] in rows {
        out.push(TableRow::new(vec![
            look::text_cell(std::slice::from_ref(name), widths[0]),
            look::number_cell(&baseline.lines().map(str::to_owned).collect::<Vec<_>>(), widths[1]),
            look::number_cell(std::slice::from_ref(target), widths[2]),
            look::text_cell(std::slice::from_ref(year), widths[3]),
        ]));
    }
    Table::new(out).set_grid(widths.to_vec()).width(TEXT_WIDTH, WidthType::Dxa)
}

/// A table of text cells: the first column a third of the width, the rest shared.
fn text_table(columns: &[String], rows: &[Vec<String>]) -> Table {
    let n = columns.len().max(1);
    let first = if n == 1 { TEXT_WIDTH } else { TEXT_WIDTH * 30 / 100 };
    let rest = if n == 1 { 0 } else { (TEXT_WIDTH - first) / (n - 1) };
    let widths: Vec<usize> = (0..n).map(|i| if i == 0 { first } else { rest }).collect();
    let heads: Vec<&str> = columns.iter().map(String::as_str).collect();
    let mut out = vec![look::header_row(&heads, &widths)];
    for row in rows {
        out.push(TableRow::new(
            (0..n)
                .map(|i| {
                    let cell = vec![row.get(i).cloned().unwrap_or_default()];
                    if i == 0 {
                        look::text_cell(&cell, widths[i])
                    } else {
                        look::number_cell(&cell, widths[i])
                    }
                })
                .collect(),
        ));
    }
    Table::new(out).set_grid(widths).width(TEXT_WIDTH, WidthType::Dxa)
}
