//! Evaluation sheets (事務事業評価, seed 002) pasted as text: a PDF's table flattened into lines.
//! Their projects carry no numbering; a project is a row whose name is followed by a line holding
//! only its amount in 千円 (`町会連合会補助金` / `300`, `-` for none, or the amount run into the
//! next cell's words: `7,680実施事業数…`). And a sheet's title (`主要施策 ２ …`) may come after
//! the first rows of its page, below the page's running header: it is brought up to that header.

use super::numbering::Style;
use crate::model::parse_money;

/// A line that holds only an amount: `300`, `3,674`, `-`, or an amount run into words (`7,680実施…`).
pub fn is_amount(line: &str) -> bool {
    split_amount(line).is_some()
}

/// An amount line's amount and the words run into it: `("7,680", "実施事業数…")`, `("-", "・例年…")`.
pub fn split_amount(line: &str) -> Option<(&str, &str)> {
    let line = line.trim();
    let dash = line.strip_prefix(['-', '－']);
    let (amount, rest) = match dash {
        // "-・例年…": no amount, then the next cell's words (never "- 3 -", a page number).
        Some(rest) => line.split_at(line.len() - rest.len()),
        None => {
            let end = line
                .char_indices()
                .find(|(_, c)| !(crate::model::narrow(*c).is_ascii_digit() || matches!(c, ',' | '，')))
                .map_or(line.len(), |(i, _)| i);
            let (amount, rest) = line.split_at(end);
            if amount.is_empty() || parse_money(amount).is_err() {
                return None;
            }
            (amount, rest)
        }
    };
    // "13,872世帯×71円" is a figure in a sentence, not an amount cell.
    let words_ok = rest.chars().next().is_none_or(|c| !c.is_ascii() && !c.is_whitespace() && !UNITS.contains(c));
    words_ok.then_some((amount, rest))
}

/// What a figure in a sentence runs into: "13,872世帯", "500千円".
const UNITS: &str = "世人件円千万億名回か年月日%％個台戸ヶ箇×倍";

/// Could `line` be a project's name on a sheet: a short phrase, not a sentence, not a label.
pub fn could_be_name(line: &str) -> bool {
    let n = line.chars().count();
    (2..=40).contains(&n)
        && !line.ends_with('。')
        && !line.contains(['：', ':'])
        && !line.starts_with(['計', '・', '※'])
        && !is_amount(line)
        && line.chars().any(|c| !c.is_ascii_digit() && !c.is_whitespace())
}

/// Which lines are a row's name and which its amount: the name is followed by its amount, and the
/// amount is not a character of vertical text (a line of one character after it).
pub fn rows(lines: &[&str], could_name: impl Fn(usize) -> bool) -> Vec<SheetRow> {
    let mut out = vec![SheetRow::None; lines.len()];
    let mut i = 0;
    while i < lines.len() {
        let amount = lines.get(i + 1).is_some_and(|a| is_amount(a));
        let after_ok = lines.get(i + 2).is_none_or(|l| l.trim().chars().count() != 1);
        if amount && after_ok && could_name(i) {
            for (at, row) in [(i, SheetRow::Name), (i + 1, SheetRow::Amount)] {
                if let Some(slot) = out.get_mut(at) {
                    *slot = row;
                }
            }
            i += 2;
        } else {
            i += 1;
        }
    }
    out
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SheetRow {
    None,
    Name,
    Amount,
}

/// One classified line as `mod.rs` holds it while parsing, for [`bring_titles_up`].
pub trait OutlineEntry {
    /// The item's style, when the entry is an item.
    fn style(&self) -> Option<Style>;
    /// A repeated running header (a page's top).
    fn is_page_top(&self) -> bool;
}

/// Moves each `主要施策` title up to just below the last running header between it and the
/// previous title, when only rows and text lie between: they are that sheet's rows.
pub fn bring_titles_up<E: OutlineEntry>(entries: &mut Vec<E>) {
    let mut previous_title: Option<usize> = None;
    let mut i = 0;
    while i < entries.len() {
        if entries.get(i).and_then(OutlineEntry::style) == Some(Style::MainMeasure) {
            let from = previous_title.map_or(0, |p| p + 1);
            let header = (from..i).rev().find(|j| entries.get(*j).is_some_and(OutlineEntry::is_page_top));
            let only_rows = header.is_some_and(|h| {
                entries
                    .get(h + 1..i)
                    .is_some_and(|between| between.iter().all(|e| matches!(e.style(), None | Some(Style::SheetRow))))
            });
            match header {
                Some(h) if only_rows && h + 1 < i => {
                    let title = entries.remove(i);
                    entries.insert(h + 1, title);
                    previous_title = Some(h + 1);
                }
                _ => previous_title = Some(i),
            }
        }
        i += 1;
    }
}
