//! The hearing's workbook made as plain data ([`opinion_book`], from the strategy) and written
//! ([`write_book`], in the writer's part).

use super::*;
use crate::format::xlsx::WriteError;
use crate::locale::{stage, Language};
use crate::model::{Id, Response, Strategy};
use rust_xlsxwriter::{
    Color, DataValidation, Format, FormatAlign, FormatBorder, ProtectionOptions, Workbook, Worksheet,
};

/// What a hearing's workbook holds, as plain data.
#[derive(Clone, Debug, PartialEq)]
pub struct OpinionBook {
    /// The file's name: 「意見記入用_素案_パブリックコメント.xlsx」.
    pub file: String,
    /// The 意見 sheet's title line.
    pub title: String,
    /// The 情報 sheet's lines (label, text).
    pub about: Vec<(&'static str, String)>,
    /// The identity rows (label, value).
    pub identity: Vec<(&'static str, String)>,
    /// The opinions recorded, in the hearing's order: the cells of [`COLUMNS`], the id first.
    pub rows: Vec<[String; COLUMNS.len()]>,
}

/// The workbook of the hearing `hearing`; `None` when there is no such hearing.
pub fn opinion_book(s: &Strategy, hearing: &Id) -> Option<OpinionBook> {
    let h = s.hearing(hearing)?;
    let stage = stage(h.stage, Language::Ja);
    let body = h.body.japanese().trim();
    let heard = match h.when.trim() {
        "" => format!("{stage} · {body}"),
        when => format!("{stage} · {body}（{when}）"),
    };
    let rows = s
        .opinions_of(hearing)
        .map(|o| {
            let a = s.answer_of(o);
            [
                o.id.as_str().to_owned(),
                o.number.clone(),
                o.text.clone(),
                o.summary.clone(),
                o.place.clone(),
                o.sender.clone(),
                a.response.map(|r| r.japanese().to_owned()).unwrap_or_default(),
                a.answer,
            ]
        })
        .collect();
    Some(OpinionBook {
        file: format!("意見記入用_{}_{}.xlsx", stage, crate::format::round_book::file_safe(body)),
        title: format!("意見記入用のブック — {} {}", s.municipality.name.trim(), heard),
        about: vec![
            ("自治体", s.municipality.name.clone()),
            ("戦略", s.title.clone()),
            ("意見聴取", heard),
            ("記入のしかた", INSTRUCTIONS.to_owned()),
        ],
        identity: vec![
            (LABEL_STRATEGY, s.id.as_str().to_owned()),
            (LABEL_HEARING, hearing.as_str().to_owned()),
            (LABEL_FORMAT, FORMAT.to_owned()),
        ],
        rows,
    })
}

const INSTRUCTIONS: &str = "1行に1件の意見を記入します。記録済みの意見の行では、対応と市の考え方を記入できます（内容の訂正もできます）。空欄にしても消えません。新しい意見は空いている行に記入してください。見出し・シート名は変えないでください。提出者は公開されません。";

/// A hearing's workbook written.
pub fn write_book(b: &OpinionBook) -> Result<Vec<u8>, WriteError> {
    let mut book = Workbook::new();
    let header = Format::new().set_bold().set_background_color(Color::RGB(0xE8_EE_F4)).set_border(FormatBorder::Thin);
    let wrap = Format::new().set_text_wrap().set_align(FormatAlign::Top);
    opinion_sheet(book.add_worksheet(), b, &header, &wrap)?;
    about_sheet(book.add_worksheet(), b, &header, &wrap)?;
    Ok(book.save_to_buffer()?)
}

fn opinion_sheet(ws: &mut Worksheet, b: &OpinionBook, header: &Format, wrap: &Format) -> Result<(), WriteError> {
    ws.set_name(SHEET_OPINIONS)?;
    let open = crate::format::round_book::fill_in_cell();
    // Column A holds the ids, hidden: the title and the instructions start in B.
    ws.write_string_with_format(0, 1, &b.title, &Format::new().set_bold())?;
    ws.merge_range(1, 1, 1, ANSWER as u16, INSTRUCTIONS, wrap)?;
    ws.set_row_height(1, 48)?;
    let top = HEADER_ROW as u32;
    for (c, h) in COLUMNS.iter().enumerate() {
        ws.write_string_with_format(top, c as u16, *h, header)?;
    }
    let widths = [12.0, 8.0, 48.0, 32.0, 16.0, 16.0, 14.0, 48.0];
    for (c, w) in widths.iter().enumerate() {
        ws.set_column_width(c as u16, *w)?;
    }
    ws.set_column_hidden(ID as u16)?;
    let last = top + (b.rows.len() + BLANK_ROWS) as u32;
    for r in top + 1..=last {
        let cells = b.rows.get((r - top - 1) as usize);
        if let Some(id) = cells.map(|c| &c[ID]) {
            ws.write_string(r, ID as u16, id)?;
        }
        for c in NUMBER..COLUMNS.len() {
            match cells.map(|x| x[c].as_str()).filter(|t| !t.is_empty()) {
                Some(t) => ws.write_string_with_format(r, c as u16, t, &open)?,
                None => ws.write_blank(r, c as u16, &open)?,
            };
        }
    }
    let words: Vec<&str> = Response::ALL.iter().map(|r| r.japanese()).collect();
    let list = DataValidation::new().allow_list_strings(&words)?;
    ws.add_data_validation(top + 1, RESPONSE as u16, last, RESPONSE as u16, &list)?;
    ws.set_freeze_panes(top + 1, 0)?;
    ws.protect_with_options(&protection());
    Ok(())
}

/// What the sheets allow while protected: selecting, widening columns and rows, and inserting
/// rows for more opinions.
fn protection() -> ProtectionOptions {
    ProtectionOptions { format_columns: true, format_rows: true, insert_rows: true, ..ProtectionOptions::default() }
}

fn about_sheet(ws: &mut Worksheet, b: &OpinionBook, header: &Format, wrap: &Format) -> Result<(), WriteError> {
    let title = "意見記入用のブック（しるべ）";
    crate::format::round_book::identity_sheet(ws, SHEET_ABOUT, title, &b.about, &b.identity, header, wrap)
}
