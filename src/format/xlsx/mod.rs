//! The committee's workbook: one .xlsx with a sheet per table the CSVs offer — the
//! numerical targets and KPIs (`kpis`: the CSV's wide layout with its numbers as numbers in the
//! unit's format, the years as 令和N年度 headers, and progress, status and the town's verdict
//! beside them), the measures' evaluation sheets in seed 002's layout (`sheets`) and the
//! budget and settled cost in 千円 with totals (`budget`), and, when some initiative names a
//! grant, the 交付金事業の効果検証 of the year the printed report opens on (`grants`) — each with frozen headers, columns as
//! wide as their Japanese text, and A4 landscape print settings (`look`), so it prints from Excel
//! as it is.
//!
//! Decisions:
//! - **Text stays text.** Every word is written as a string cell and no formula is ever
//!   written, so 「5-1」 stays 「5-1」 and 「=SUM(A1)」 is shown as typed; totals are values
//!   computed by the model (`Strategy::measure_totals`), as the printed sheets show them.
//! - **It comes back in as it is.** The KPI sheet is the CSV's wide layout (`csv::wide_table`)
//!   under a two-row header, so the table import (`format::table`) proposes every column right
//!   (指標ID finds each indicator) and bringing the workbook in changes nothing.
//! - Headers are Japanese, as the CSVs' are (the import reads them); years follow the user's
//!   year style.

mod budget;
mod grants;
mod kpis;
mod look;
mod sheets;
#[cfg(test)]
mod tests;

use crate::locale::YearStyle;
use crate::model::Strategy;
use rust_xlsxwriter::{DocProperties, Workbook};

/// Why the workbook could not be written (the writer's own error, as text).
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("the workbook could not be written: {0}")]
pub struct WriteError(pub String);

impl From<rust_xlsxwriter::XlsxError> for WriteError {
    fn from(e: rust_xlsxwriter::XlsxError) -> Self {
        WriteError(e.to_string())
    }
}

/// The committee's workbook of a strategy, as the bytes of an .xlsx file. The evaluation sheets
/// are of the year the printed sheets start on (`evaluation_sheet::default_sheet_year`), the
/// grant projects' 効果検証 of the year the printed report opens on
/// (`Strategy::default_grant_year`).
pub fn committee_workbook(s: &Strategy, style: YearStyle) -> Result<Vec<u8>, WriteError> {
    let mut book = Workbook::new();
    let title =
        [s.municipality.name.trim(), s.title.trim()].iter().filter(|t| !t.is_empty()).copied().collect::<Vec<_>>();
    book.set_properties(&DocProperties::new().set_title(title.join(" ")).set_author("しるべ (Shirube)"));
    let looks = look::Looks::new();
    kpis::write(book.add_worksheet(), s, style, &looks)?;
    sheets::write(book.add_worksheet(), s, style, &looks)?;
    budget::write(book.add_worksheet(), s, style, &looks)?;
    if grants::has_grants(s) {
        grants::write(book.add_worksheet(), s, style, &looks)?;
    }
    Ok(book.save_to_buffer()?)
}
