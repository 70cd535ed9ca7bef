//! The sheet 「数値目標・KPI」: the CSV's wide layout (`csv::wide_table`) under a two-row header —
//! each year over its 実績 and 速報 columns —, numbers as numbers in the unit's format, and beside
//! the years what Shirube computes for each series (the year assessed, 進捗, 達成状況, 評価) and
//! the town's verdict of that year. The 指標ID column is hidden (it finds each indicator when the
//! workbook comes back in).

use super::look::{cell as fitted, decimals, fit, print_setup, text_width, wrapped_height, Looks};
use crate::format::csv::cells::workbook_text;
use crate::format::csv::{wide_table, WideCell, WIDE_FIRST};
use crate::locale::{self, Language, YearStyle};
use crate::model::{assess, Strategy};
use rust_xlsxwriter::{Worksheet, XlsxError};

/// The sheet's name (the first).
pub const SHEET_KPIS: &str = "数値目標・KPI";

/// What Shirube computes, after the years.
const COMPUTED: [&str; 5] = ["進捗の年度", "進捗", "達成状況", "評価", "町の評価"];
/// Under each year: its actual and its provisional marker.
const UNDER_YEAR: [&str; 2] = ["実績", "速報"];
/// The columns whose words wrap: 指標名 and 出典 (the last).
const NAME: usize = 2;

pub fn write(ws: &mut Worksheet, s: &Strategy, style: YearStyle, looks: &Looks) -> Result<(), XlsxError> {
    ws.set_name(SHEET_KPIS)?;
    let table = wide_table(s, style);
    let years = table.years.len();
    let after_years = WIDE_FIRST + 2 * years;
    // The wide layout's columns, with the computed ones put in before 値の時点 and 出典.
    let column_of = |k: usize| if k < after_years { k } else { k + COMPUTED.len() };
    let computed_at = after_years;
    let width = table.header.len() + COMPUTED.len();

    // The header: two rows; a year over its two columns, every other header down both.
    let mut headers: Vec<String> = vec![String::new(); width];
    for (k, h) in table.header.iter().enumerate() {
        let c = column_of(k) as u16;
        let in_years = (WIDE_FIRST..after_years).contains(&k);
        if !in_years {
            ws.merge_range(0, c, 1, c, h, &looks.header)?;
            headers[column_of(k)] = h.clone();
        } else if (k - WIDE_FIRST).is_multiple_of(2) {
            ws.merge_range(0, c, 0, c + 1, h, &looks.header)?;
            for (j, under) in UNDER_YEAR.iter().enumerate() {
                ws.write_string_with_format(1, c + j as u16, *under, &looks.header)?;
                headers[column_of(k) + j] = format!("{h} {under}");
            }
        }
    }
    for (j, h) in COMPUTED.iter().enumerate() {
        let c = (computed_at + j) as u16;
        ws.merge_range(0, c, 1, c, h, &looks.header)?;
        headers[computed_at + j] = (*h).to_owned();
    }

    // The body: a row per series.
    let mut widths: Vec<f64> = headers.iter().map(|h| text_width(h.split(' ').next().unwrap_or(h))).collect();
    let last = width - 1;
    let mut row_texts: Vec<(u32, Vec<(usize, String)>)> = Vec::new();
    for (n, r) in table.rows.iter().enumerate() {
        let row = 2 + n as u32;
        let places = (r.cells.iter())
            .filter_map(|c| if let WideCell::Number(v) = c { Some(decimals(*v)) } else { None })
            .max()
            .unwrap_or(0);
        let number = looks.number(&r.indicator.unit, places);
        let mut wrapped = Vec::new();
        for (k, cell) in r.cells.iter().enumerate() {
            let c = column_of(k);
            match cell {
                WideCell::Number(v) => {
                    ws.write_number_with_format(row, c as u16, *v, &number)?;
                    let shown = format!("{v}{}", r.indicator.unit);
                    widths[c] = widths[c].max(text_width(&shown) + 1.0);
                }
                WideCell::Words(w) => {
                    let wraps = c == NAME || c == last;
                    let format = if wraps { &looks.wrapped } else { &looks.text };
                    ws.write_string_with_format(row, c as u16, fitted(&workbook_text(w)), format)?;
                    widths[c] = widths[c].max(text_width(w));
                    if wraps {
                        wrapped.push((c, w.clone()));
                    }
                }
            }
        }
        let a = assess(r.series, s.context_of(r.indicator));
        let year = a.year.map(|y| locale::year(y, Language::Ja, style)).unwrap_or_default();
        let verdict = a.year.and_then(|y| r.indicator.verdict(y)).map(|v| v.verdict.clone()).unwrap_or_default();
        let words = [
            (0, year),
            (2, locale::status(a.status, Language::Ja).to_owned()),
            (3, a.rating.clone().unwrap_or_default()),
            (4, verdict),
        ];
        for (j, w) in words {
            let c = computed_at + j;
            ws.write_string_with_format(row, c as u16, fitted(&w), &looks.centred)?;
            widths[c] = widths[c].max(text_width(&w));
        }
        match a.progress.filter(|p| p.is_finite()) {
            Some(p) => ws.write_number_with_format(row, (computed_at + 1) as u16, p, &looks.percent)?,
            None => ws.write_string_with_format(row, (computed_at + 1) as u16, "", &looks.centred)?,
        };
        row_texts.push((row, wrapped));
    }

    for (c, w) in widths.iter().enumerate() {
        ws.set_column_width(c as u16, fit(*w))?;
    }
    for (row, wrapped) in row_texts {
        let height = (wrapped.iter()).map(|(c, t)| wrapped_height(t, fit(widths[*c]))).fold(0.0, f64::max);
        if height > 20.0 {
            ws.set_row_height(row, height)?;
        }
    }
    ws.set_column_hidden(0)?;
    ws.set_freeze_panes(2, 3)?;
    let heading = format!("{} {} — {SHEET_KPIS}", s.municipality.name, s.title);
    print_setup(ws, &heading, Some((0, 1)))?;
    Ok(())
}
