//! The strategy as the document itself, for the drafting round: a Word file (.docx, written by
//! docx-rs) in the shape towns publish theirs (seed 000, 北斗市's 骨子案):
//!
//! - the title with the stage in brackets (「第3期〇〇町まち・ひと・しごと創生総合戦略（素案）」; none once
//!   策定済), in Word's Title style;
//! - 第1 基本的な考え方 (Heading 1): the narrative sections in order, each a numbered Heading 2
//!   (「1　策定趣旨」); 計画期間 after the first unless a section already speaks of the period;
//!   the national strategy it follows and that strategy's goals;
//! - 第2 基本目標ごとの施策 (Heading 1): the 施策体系図 first — the tree 基本目標 → 施策 → 事業
//!   drawn as Word shapes, a figure per goal ([`figure`]) — then each goal (Heading 2,
//!   「基本目標1　…」) with its ～subtitle～, its direction and its 数値目標 table (指標, 基準値,
//!   目標値, 目標年度); each measure (Heading 3) with its 基本的方向 (the summary), its KPI table
//!   and its initiatives as a list (List Paragraph, 「(1)　…」);
//! - 第3 人口の将来展望 (Heading 1), when the strategy has a population vision to project: the
//!   base, the projection's assumptions, the totals by scenario and the 将来展望's three age groups
//!   as tables (`format::population::chapter`); a KPI whose target is the vision's says so.
//!
//! Every table's header row repeats across pages; the text is 游明朝 (ＭＳ 明朝 where Word lacks
//! it), the headings 游ゴシック. Years and values are written by `locale`, as the prints write
//! them. The content is walked once, into the document's [`outline`], which the Word writer
//! (`word`) and the A4 print page (`ui::output::print::document`) both read. Pure Rust, tested
//! natively by reading the file back (`tests`). Every document carries its page numbers, and its
//! properties name the town and the time it was made ([`issue`]); the strategy's has the date and
//! issuer line under its title and, when asked, a table of contents. 「意見と市の考え方」 is a
//! document of the same look
//! (`opinions`).

mod figure;
mod issue;
#[cfg(all(test, not(target_arch = "wasm32")))]
mod issue_tests;
mod look;
mod old_new;
mod opinions;
#[cfg(all(test, not(target_arch = "wasm32")))]
mod opinions_tests;
pub mod outline;
#[cfg(all(test, not(target_arch = "wasm32")))]
mod outline_tests;
#[cfg(all(test, not(target_arch = "wasm32")))]
mod population_tests;
#[cfg(all(test, not(target_arch = "wasm32")))]
mod read_back_tests;
#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests;
mod text;
mod word;

pub use issue::{issue_line, Contents, Issued};
pub use opinions::opinions_document;

use crate::locale::YearStyle;
use crate::model::Strategy;
use docx_rs::Docx;
pub use old_new::old_new_document;
use outline::title;

/// Why a Word document could not be written (the writer's own error, as text).
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("the document could not be written: {0}")]
pub struct DocxError(pub String);

/// The strategy as the bytes of a .docx file, fiscal years in this style: under its title the
/// date and issuer line, then the table of contents when it is asked for.
pub fn strategy_document(
    s: &Strategy,
    style: YearStyle,
    made: &Issued,
    contents: Contents,
) -> Result<Vec<u8>, DocxError> {
    let figures = crate::format::measure_tree::figures(s);
    let blocks = outline::outline(s, style);
    let (head, body) = blocks.split_at(usize::from(matches!(blocks.first(), Some(outline::Block::Title(_)))));
    let mut docx = word::write(look::page(Docx::new()), head, 0).add_paragraph(issue::issue_paragraph(made, style));
    if contents == Contents::Listed {
        docx = docx.add_table_of_contents(issue::contents());
    }
    let docx = word::write(docx, body, figures.len());
    let drawings: Vec<String> = figures.iter().enumerate().map(|(n, f)| figure::drawing(n, f)).collect();
    let properties = issue::Properties { title: &title(s), made };
    look::finish_with(docx, &properties, |xml| figure::put_in(xml, &drawings)).map_err(DocxError)
}
