//! The sheet 「交付金事業の効果検証」: the rows of the CSV and the printed report
//! (`csv::grant_table`) for the year the report opens on (`Strategy::default_grant_year`) — a
//! row per grant project and KPI —, under one frozen header row. 予算額 and 交付金額 are numbers in
//! 千円, 目標値 and 実績値 numbers in the KPI's unit's format, 達成率 a percent cell; every other
//! cell is a string. 事業ID and 指標ID are hidden, as the KPI sheet's 指標ID is.
//!
//! One sheet, of one year, not one per year: the committee's workbook is the papers of one
//! meeting, whose evaluation sheets are of one year too (`sheets`), and the 効果検証 a town
//! publishes is of the year just reviewed; each row names its year (年度, the first column), and
//! the CSV writes any other year. The sheet is left out when no initiative names a grant.

use super::look::{cell as fitted, decimals, fit, print_setup, text_width, wrapped_height, Looks};
use crate::format::csv::{grant_table, GRANT_IDS, GRANT_MONEY, GRANT_RATE, GRANT_UNIT, GRANT_VALUES};
use crate::locale::{self, Language, YearStyle};
use crate::model::Strategy;
use rust_xlsxwriter::{Worksheet, XlsxError};

/// The sheet's name (the fourth, only when some initiative names a grant).
pub const SHEET_GRANTS: &str = "交付金事業の効果検証";

/// The columns whose words wrap, each with the widest it is made: 交付金, 地域再生計画, 事業名,
/// KPI, 事業効果, 外部有識者の意見, 今後の方針, 今後の方針の理由.
const WRAPPED: [(usize, f64); 8] =
    [(1, 22.0), (2, 20.0), (5, 22.0), (9, 18.0), (15, 16.0), (16, 30.0), (17, 14.0), (18, 24.0)];

/// Whether the strategy has a grant project (and so the workbook this sheet).
pub fn has_grants(s: &Strategy) -> bool {
    s.initiatives().any(|(_, i)| i.grant.is_some())
}

pub fn write(ws: &mut Worksheet, s: &Strategy, style: YearStyle, looks: &Looks) -> Result<(), XlsxError> {
    ws.set_name(SHEET_GRANTS)?;
    let year = s.default_grant_year();
    let table = grant_table(s, year, style);
    let mut widths: Vec<f64> = table.header.iter().map(|h| text_width(h)).collect();
    for (c, h) in table.header.iter().enumerate() {
        ws.write_string_with_format(0, c as u16, *h, &looks.header)?;
    }
    let cap = |c: usize| WRAPPED.iter().find(|(col, _)| *col == c).map(|(_, w)| *w);
    let mut wrapped_rows: Vec<(u32, Vec<(usize, String)>)> = Vec::new();
    for (n, r) in table.rows.iter().enumerate() {
        let row = 1 + n as u32;
        let unit = r[GRANT_UNIT].as_str();
        let values: Vec<Option<f64>> = GRANT_VALUES.iter().map(|c| r[*c].parse::<f64>().ok()).collect();
        let places = values.iter().flatten().map(|v| decimals(*v)).max().unwrap_or(0);
        let mut wrapped = Vec::new();
        for (c, text) in r.iter().enumerate() {
            let col = c as u16;
            let number = text.parse::<f64>().ok().filter(|v| v.is_finite());
            match number {
                Some(v) if GRANT_MONEY.contains(&c) => {
                    ws.write_number_with_format(row, col, v, &looks.money)?;
                    widths[c] = widths[c].max(text_width(&locale::number(v)) + 1.0);
                }
                Some(v) if GRANT_VALUES.contains(&c) => {
                    ws.write_number_with_format(row, col, v, &looks.number(unit, places))?;
                    widths[c] = widths[c].max(text_width(&format!("{}{unit}", locale::number(v))) + 1.0);
                }
                Some(v) if c == GRANT_RATE => {
                    ws.write_number_with_format(row, col, v / 100.0, &looks.rate)?;
                    widths[c] = widths[c].max(text_width(&format!("{text}%")) + 1.0);
                }
                _ => {
                    let format = if cap(c).is_some() { &looks.wrapped } else { &looks.text };
                    ws.write_string_with_format(row, col, fitted(text), format)?;
                    widths[c] = widths[c].max(text_width(text));
                    if cap(c).is_some() {
                        wrapped.push((c, text.clone()));
                    }
                }
            }
        }
        wrapped_rows.push((row, wrapped));
    }
    let widths: Vec<f64> = widths.iter().enumerate().map(|(c, w)| cap(c).map_or(fit(*w), |m| fit(*w).min(m))).collect();
    for (c, w) in widths.iter().enumerate() {
        ws.set_column_width(c as u16, *w)?;
    }
    let header = (table.header.iter().zip(&widths)).map(|(h, w)| wrapped_height(h, *w)).fold(0.0, f64::max);
    if header > 20.0 {
        ws.set_row_height(0, header)?;
    }
    for (row, wrapped) in wrapped_rows {
        let height = (wrapped.iter()).map(|(c, t)| wrapped_height(t, widths[*c])).fold(0.0, f64::max);
        if height > 20.0 {
            ws.set_row_height(row, height)?;
        }
    }
    for c in GRANT_IDS {
        ws.set_column_hidden(c as u16)?;
    }
    ws.set_freeze_panes(1, 0)?;
    let heading =
        format!("{} {} — {SHEET_GRANTS}（{}）", s.municipality.name, s.title, locale::year(year, Language::Ja, style));
    print_setup(ws, &heading, Some((0, 0)))?;
    Ok(())
}
