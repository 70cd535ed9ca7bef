//! How the workbook's sheets look and print: the cell formats (headers, text, numbers in a unit's
//! format, 千円), column widths from the width of Japanese text, row heights for wrapped text,
//! and the A4 landscape page with its repeated header rows.

use rust_xlsxwriter::{Color, Format, FormatAlign, FormatBorder, Worksheet, XlsxError};
use std::borrow::Cow;
use std::cell::RefCell;
use std::collections::HashMap;

/// A4 in Excel's paper sizes.
const A4: u8 = 9;
/// The narrowest and widest a column is made (Excel's character units).
const MIN_WIDTH: f64 = 6.0;
const MAX_WIDTH: f64 = 40.0;
/// Excel's default row height in points, and a wrapped line's.
const LINE_HEIGHT: f64 = 15.0;

/// The formats every sheet shares, made once per workbook.
pub struct Looks {
    pub header: Format,
    pub title: Format,
    pub section: Format,
    pub label: Format,
    pub text: Format,
    pub wrapped: Format,
    pub centred: Format,
    pub money: Format,
    pub money_total: Format,
    pub total_label: Format,
    pub percent: Format,
    /// A rate with one decimal (達成率 101.9%).
    pub rate: Format,
    /// A number format per unit and number of decimals (「#,##0.0"人"」), made when first needed.
    numbers: RefCell<HashMap<(String, usize), Format>>,
}

fn bordered() -> Format {
    Format::new().set_border(FormatBorder::Thin).set_border_color(Color::RGB(0x80_80_80))
}

impl Looks {
    pub fn new() -> Looks {
        let header = bordered()
            .set_bold()
            .set_text_wrap()
            .set_align(FormatAlign::Center)
            .set_align(FormatAlign::VerticalCenter)
            .set_background_color(Color::RGB(0xE8_EE_F4));
        Looks {
            header,
            title: Format::new().set_bold().set_font_size(14),
            section: bordered().set_bold().set_background_color(Color::RGB(0xF2_F2_F2)),
            label: bordered()
                .set_bold()
                .set_text_wrap()
                .set_align(FormatAlign::Top)
                .set_background_color(Color::RGB(0xF7_F7_F7)),
            text: bordered().set_align(FormatAlign::Top),
            wrapped: bordered().set_text_wrap().set_align(FormatAlign::Top),
            centred: bordered().set_align(FormatAlign::Center).set_align(FormatAlign::Top),
            money: bordered().set_num_format("#,##0").set_align(FormatAlign::Top),
            money_total: bordered().set_bold().set_num_format("#,##0"),
            total_label: bordered().set_bold().set_align(FormatAlign::Center),
            percent: bordered().set_num_format("0%").set_align(FormatAlign::Top),
            rate: bordered().set_num_format("0.0%").set_align(FormatAlign::Top),
            numbers: RefCell::new(HashMap::new()),
        }
    }

    /// The format of a number of `unit` shown with `decimals` places: 「1,234人」, 「12.3%」 (the
    /// unit in quotes, so 「%」 does not multiply by 100 and the cell stays the number).
    pub fn number(&self, unit: &str, decimals: usize) -> Format {
        let key = (unit.to_owned(), decimals);
        self.numbers
            .borrow_mut()
            .entry(key)
            .or_insert_with(|| {
                let places = if decimals == 0 { String::new() } else { format!(".{}", "0".repeat(decimals)) };
                let unit: String = unit.chars().filter(|c| !matches!(c, '"' | '\\')).collect();
                let suffix = if unit.trim().is_empty() { String::new() } else { format!("\"{}\"", unit.trim()) };
                bordered().set_num_format(format!("#,##0{places}{suffix}")).set_align(FormatAlign::Top)
            })
            .clone()
    }
}

/// The most characters Excel holds in a cell.
const CELL_CHARS: usize = 32_767;
/// What ends a text cut to fit a cell.
const CUT: &str = "…（Excel の1つのセルに入らないため、以下を省略しました）";

/// A user's text as a cell can hold it: past Excel's 32,767 characters it is cut, and says so
/// (the whole text is in the strategy and its JSON file).
pub fn cell(text: &str) -> Cow<'_, str> {
    if text.chars().count() <= CELL_CHARS {
        return Cow::Borrowed(text);
    }
    let keep = CELL_CHARS - CUT.chars().count();
    Cow::Owned(text.chars().take(keep).chain(CUT.chars()).collect())
}

/// The decimal places a number needs as written (its shortest form), at most four.
pub fn decimals(v: f64) -> usize {
    let text = format!("{v}");
    text.split_once('.').map_or(0, |(_, d)| d.len().min(4))
}

/// How wide a text shows, in Excel's character units: a full-width character (kana, kanji,
/// full-width forms) takes two.
pub fn text_width(text: &str) -> f64 {
    let line_width = |line: &str| -> f64 {
        line.chars().map(|c| if c.is_ascii() || ('\u{FF61}'..='\u{FF9F}').contains(&c) { 1.0 } else { 2.0 }).sum()
    };
    text.lines().map(line_width).fold(0.0, f64::max)
}

/// The width of a column whose widest text is `widest` wide, within the limits, with a little room.
pub fn fit(widest: f64) -> f64 {
    (widest + 2.0).clamp(MIN_WIDTH, MAX_WIDTH)
}

/// The height a row needs for a text wrapped in a column (or merged columns) `width` wide.
pub fn wrapped_height(text: &str, width: f64) -> f64 {
    let room = (width - 1.0).max(1.0);
    let lines: f64 = text.lines().map(|l| (text_width(l) / room).ceil().max(1.0)).sum::<f64>().max(1.0);
    lines * LINE_HEIGHT + 3.0
}

/// A4 landscape, one page wide, the header rows `repeat` printed on every page, the sheet's
/// name and the strategy at the top and the page number at the bottom.
pub fn print_setup(ws: &mut Worksheet, heading: &str, repeat: Option<(u32, u32)>) -> Result<(), XlsxError> {
    ws.set_paper_size(A4);
    ws.set_landscape();
    ws.set_print_fit_to_pages(1, 0);
    ws.set_margins(0.5, 0.5, 0.7, 0.6, 0.3, 0.3);
    // 「&」 starts a code in a header: written twice it is one.
    let heading: String = heading.chars().take(120).collect::<String>().replace('&', "&&");
    ws.set_header(format!("&L{heading}"));
    ws.set_footer("&C&P / &N");
    if let Some((first, last)) = repeat {
        ws.set_repeat_rows(first, last)?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn japanese_text_is_twice_as_wide_and_numbers_keep_their_places() {
        assert_eq!(text_width("指標名"), 6.0);
        assert_eq!(text_width("KPI 5-1"), 7.0);
        assert_eq!(text_width("ｶﾅ"), 2.0, "half-width kana are narrow");
        assert_eq!(text_width("一行目\nもっと長い二行目"), 16.0, "the widest line");
        assert_eq!(fit(text_width("a")), MIN_WIDTH);
        assert_eq!(fit(text_width(&"あ".repeat(60))), MAX_WIDTH);
        assert_eq!((decimals(1234.0), decimals(18.43), decimals(0.1 + 0.2)), (0, 2, 4));
        assert_eq!(wrapped_height("あ", 20.0), LINE_HEIGHT + 3.0);
        let long = "字".repeat(40_000);
        assert_eq!((cell(&long).chars().count(), cell("短い")), (CELL_CHARS, Cow::Borrowed("短い")));
        assert!(cell(&long).ends_with("以下を省略しました）"));
        assert_eq!(wrapped_height(&"あ".repeat(19), 20.0), 2.0 * LINE_HEIGHT + 3.0, "38 units, 19 a line");
    }
}
