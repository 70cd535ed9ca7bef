//! The sections' workbooks written: one .xlsx per section asked something (what no section owns
//! is the planning section's own, answered in the app), and the zip that offers them as one
//! download (a browser asks about, or blocks, many downloads at once).

use super::rows::{rows, BookRow};
use super::*;
use crate::format::xlsx::WriteError;
use crate::model::round::{tallies, Round};
use crate::model::{ProjectDirection, Strategy};
use rust_xlsxwriter::{
    Color, DataValidation, Format, FormatAlign, FormatBorder, ProtectionOptions, Workbook, Worksheet,
};
use std::io::Write;

/// What a section's workbook holds, as plain data: made from the strategy here, written by
/// [`write_books`] in the writer's wasm part (which then needs none of the model's code).
#[derive(Clone, Debug, PartialEq)]
pub struct SectionBook {
    /// The file's name: 「照会_令和6年度_産業観光課.xlsx」.
    pub file: String,
    /// The 依頼 sheet's lines (label, text).
    pub request: Vec<(&'static str, String)>,
    /// The identity rows (label, value).
    pub identity: Vec<(&'static str, String)>,
    pub rows: Vec<BookRow>,
    /// The town's rating scale (the 一次評価's drop-down).
    pub ratings: Vec<String>,
}

/// Every section's workbook, in the list's order (what no section owns is the planning
/// section's own, answered in the app).
pub fn section_books(s: &Strategy, round: &Round) -> Vec<SectionBook> {
    tallies(s, round, "")
        .iter()
        .filter(|t| t.asked > 0)
        .filter_map(|t| t.department)
        .map(|d| section_book(s, round, d))
        .collect()
}

/// One section's workbook, as data.
pub fn section_book(s: &Strategy, round: &Round, department: &Id) -> SectionBook {
    let rows = rows(s, round, department);
    let section = s.department(department).map(|d| d.name.clone()).unwrap_or_default();
    let request = vec![
        ("自治体", s.municipality.name.clone()),
        ("戦略", s.title.clone()),
        ("対象年度", round.fiscal_year.japanese()),
        ("提出期限", round.deadline.clone().unwrap_or_default()),
        ("担当課", section.clone()),
        ("依頼文", round.instructions.clone()),
        ("記入のしかた", "「回答」シートの「回答」列だけに記入し、このブックを企画課に返してください。行や列の追加・削除・移動、シート名の変更はしないでください。".to_owned()),
    ];
    let identity = vec![
        (LABEL_STRATEGY, s.id.as_str().to_owned()),
        (LABEL_ROUND, round.id.as_str().to_owned()),
        (LABEL_SECTION, department.as_str().to_owned()),
        (LABEL_ROWS, rows.len().to_string()),
        (LABEL_FORMAT, FORMAT.to_owned()),
    ];
    SectionBook {
        file: format!("照会_{}_{}.xlsx", round.fiscal_year.japanese(), file_safe(&section)),
        request,
        identity,
        rows,
        ratings: s.rating_rule.labels().into_iter().map(str::to_owned).collect(),
    }
}

/// One section's workbook, written.
pub fn section_workbook(s: &Strategy, round: &Round, department: &Id) -> Result<Vec<u8>, WriteError> {
    write_book(&section_book(s, round, department))
}

/// The workbooks written into one zip, each at its name, dated `made_at` (RFC 3339).
pub fn write_books(books: &[SectionBook], made_at: &str) -> Result<Vec<u8>, WriteError> {
    let written = books.iter().map(|b| Ok((b.file.clone(), write_book(b)?))).collect::<Result<Vec<_>, WriteError>>()?;
    zip_of(&written, made_at)
}

/// Written workbooks zipped, each at its name, dated `made_at` (RFC 3339).
pub fn zip_of(books: &[(String, Vec<u8>)], made_at: &str) -> Result<Vec<u8>, WriteError> {
    let mut out = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let options = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Stored)
        .last_modified_time(crate::format::publish::zip_time(made_at));
    let failed = |e: zip::result::ZipError| WriteError(e.to_string());
    for (name, bytes) in books {
        out.start_file(name.as_str(), options).map_err(failed)?;
        out.write_all(bytes).map_err(|e| WriteError(e.to_string()))?;
    }
    Ok(out.finish().map_err(failed)?.into_inner())
}

/// A section's name as a file name's part: what a file system refuses is replaced by 「_」.
pub(crate) fn file_safe(name: &str) -> String {
    let safe: String =
        name.trim().chars().map(|c| if "/\\:*?\"<>|".contains(c) || c.is_control() { '_' } else { c }).collect();
    if safe.is_empty() {
        "_".to_owned()
    } else {
        safe
    }
}

/// A section's workbook written.
pub fn write_book(b: &SectionBook) -> Result<Vec<u8>, WriteError> {
    let mut book = Workbook::new();
    let header = Format::new().set_bold().set_background_color(Color::RGB(0xE8_EE_F4)).set_border(FormatBorder::Thin);
    let wrap = Format::new().set_text_wrap().set_align(FormatAlign::Top);
    request_sheet(book.add_worksheet(), b, &header, &wrap)?;
    answer_sheet(book.add_worksheet(), b, &header, &wrap)?;
    Ok(book.save_to_buffer()?)
}

/// What the sheets allow while protected: selecting, and widening columns and rows.
fn protection() -> ProtectionOptions {
    ProtectionOptions { format_columns: true, format_rows: true, ..ProtectionOptions::default() }
}

fn request_sheet(ws: &mut Worksheet, b: &SectionBook, header: &Format, wrap: &Format) -> Result<(), WriteError> {
    let title = "照会用のブック（しるべ）";
    identity_sheet(ws, SHEET_REQUEST, title, &b.request, &b.identity, header, wrap)
}

/// A sheet of what a workbook is for (label, text) under its title, then the identity rows the
/// reader checks (label, value), locked: the round's 依頼 sheet and a hearing's 情報 sheet.
/// A cell the one who fills the workbook in writes in: unlocked on a protected sheet, pale
/// yellow, wrapped, top-aligned.
pub(crate) fn fill_in_cell() -> Format {
    Format::new()
        .set_unlocked()
        .set_text_wrap()
        .set_align(FormatAlign::Top)
        .set_background_color(Color::RGB(0xFF_FB_E6))
        .set_border(FormatBorder::Thin)
}

pub(crate) fn identity_sheet(
    ws: &mut Worksheet,
    name: &str,
    title: &str,
    lines: &[(&'static str, String)],
    identity: &[(&'static str, String)],
    header: &Format,
    wrap: &Format,
) -> Result<(), WriteError> {
    ws.set_name(name)?;
    ws.set_column_width(0, 16)?;
    ws.set_column_width(1, 80)?;
    ws.write_string_with_format(0, 0, title, header)?;
    for (at, (label, value)) in lines.iter().enumerate() {
        ws.write_string(at as u32 + 1, 0, *label)?;
        ws.write_string_with_format(at as u32 + 1, 1, value, wrap)?;
    }
    let first = lines.len() as u32 + 3;
    ws.write_string(first - 1, 0, "以下は読み込みに使います。変更しないでください。")?;
    for (at, (label, value)) in identity.iter().enumerate() {
        ws.write_string(first + at as u32, 0, *label)?;
        ws.write_string(first + at as u32, 1, value)?;
    }
    ws.protect_with_options(&protection());
    Ok(())
}

fn answer_sheet(ws: &mut Worksheet, b: &SectionBook, header: &Format, wrap: &Format) -> Result<(), WriteError> {
    ws.set_name(SHEET_ANSWERS)?;
    let open = fill_in_cell();
    let money = open.clone().set_num_format("#,##0");
    for (c, h) in COLUMNS.iter().enumerate() {
        ws.write_string_with_format(0, c as u16, *h, header)?;
    }
    let widths = [10.0, 10.0, 24.0, 24.0, 24.0, 10.0, 16.0, 8.0, 22.0, 36.0, 24.0];
    for (c, w) in widths.iter().enumerate() {
        ws.set_column_width(c as u16, *w)?;
    }
    let ratings = &b.ratings;
    let directions: Vec<&str> = ProjectDirection::ALL.iter().map(|d| d.japanese()).collect();
    for (at, row) in b.rows.iter().enumerate() {
        let r = at as u32 + 1;
        for (c, text) in row.cells.iter().enumerate().filter(|(c, _)| *c != ANSWER) {
            ws.write_string_with_format(r, c as u16, text, wrap)?;
        }
        let col = ANSWER as u16;
        let is_money = matches!(row.field, AnswerField::Settled | AnswerField::Budget);
        let format = if is_money { &money } else { &open };
        match &row.value {
            AnswerValue::Number(n) => ws.write_number_with_format(r, col, *n, format)?,
            AnswerValue::Text(t) => ws.write_string_with_format(r, col, t, format)?,
            AnswerValue::None => ws.write_blank(r, col, format)?,
        };
        let list: Option<&[_]> = match row.field {
            AnswerField::Rating => Some(ratings),
            _ => None,
        };
        if let Some(list) = list.filter(|l| !l.is_empty()) {
            ws.add_data_validation(r, col, r, col, &DataValidation::new().allow_list_strings(list)?)?;
        } else if row.field == AnswerField::Direction {
            ws.add_data_validation(r, col, r, col, &DataValidation::new().allow_list_strings(&directions)?)?;
        }
    }
    ws.set_freeze_panes(1, 0)?;
    ws.protect_with_options(&protection());
    Ok(())
}
