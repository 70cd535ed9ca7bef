//! What a table's age label and count cell say: 「0～4歳」, 「85歳以上」, 「12歳」, 「総数」,
//! 「年齢不詳」; 「1,234」, 「-」 (none), 「X」 (withheld).

use crate::format::table::Cell;
use crate::model::half_width;

/// An age label as a census or 住民基本台帳 table writes it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AgeLabel {
    Total,
    Unknown,
    /// 「0～4歳」: both ends included.
    Range(u16, u16),
    /// 「85歳以上」.
    Open(u16),
    /// 「12歳」.
    Single(u16),
}

/// The label's meaning, or `None` (a title, a 「（再掲）」 subtotal, anything else).
pub fn age_label(text: &str) -> Option<AgeLabel> {
    let s: String = half_width(text).chars().filter(|c| !matches!(c, '歳' | '才')).collect();
    if s.contains("再掲") {
        return None;
    }
    if matches!(s.as_str(), "総数" | "総計" | "合計" | "計" | "男女計" | "総人口") {
        return Some(AgeLabel::Total);
    }
    if s.contains("不詳") {
        return Some(AgeLabel::Unknown);
    }
    let number = |t: &str| t.parse::<u16>().ok().filter(|n| *n <= 130);
    if let Some(low) = s.strip_suffix("以上").or_else(|| s.strip_suffix('+')) {
        return number(low).map(AgeLabel::Open);
    }
    for dash in ['~', '〜', '-', '－', '―', '‐', '−'] {
        if let Some((a, b)) = s.split_once(dash) {
            return match (number(a), b.is_empty()) {
                (Some(a), true) => Some(AgeLabel::Open(a)),
                (Some(a), false) => number(b).filter(|b| *b >= a).map(|b| AgeLabel::Range(a, b)),
                _ => None,
            };
        }
    }
    number(&s).map(AgeLabel::Single)
}

/// What a count cell holds.
#[derive(Clone, Debug, PartialEq)]
pub(super) enum Count {
    Persons(u32),
    /// 「X」: withheld (秘匿).
    Masked,
    Empty,
    Unreadable(String),
}

pub(super) fn count(cell: &Cell) -> Count {
    match cell {
        Cell::Empty => Count::Empty,
        Cell::Number(n) => whole(*n).map_or_else(|| Count::Unreadable(crate::locale::number(*n)), Count::Persons),
        Cell::Text(t) => {
            let s = half_width(t);
            if s.is_empty() {
                Count::Empty
            } else if s.chars().all(|c| matches!(c, '-' | '－' | '―' | '‐' | 'ー' | '—' | '−')) {
                Count::Persons(0)
            } else if s == "X" || s == "×" {
                Count::Masked
            } else {
                crate::model::parse_number(&s)
                    .ok()
                    .and_then(whole)
                    .map_or(Count::Unreadable(t.trim().into()), Count::Persons)
            }
        }
        Cell::Percent { shown } => Count::Unreadable(format!("{}%", crate::locale::number(*shown))),
        Cell::Date { year, month, day } => Count::Unreadable(format!("{year}-{month}-{day}")),
        Cell::Bool(b) => Count::Unreadable(b.to_string()),
        Cell::Error(e) => Count::Unreadable(e.clone()),
    }
}

/// A count of persons: whole, not negative, within u32.
fn whole(n: f64) -> Option<u32> {
    (n.fract() == 0.0 && (0.0..=f64::from(u32::MAX)).contains(&n)).then_some(n as u32)
}

/// The text of a cell, for header words.
pub(super) fn text(cell: &Cell) -> String {
    match cell {
        Cell::Text(t) => half_width(t),
        Cell::Number(n) => crate::locale::number(*n),
        _ => String::new(),
    }
}
