//! The words a town's KPI table puts in its header cells, and what each says: a column's role
//! (指標名, 基準値, 目標値, 備考 …), a year (令和4年度, R4, H30年度, 2022年), a value kind under or
//! beside a year (実績 / 目標), or a year and kind in one cell (「令和4年度実績」). Also the
//! cells that end a table's body (※ footnotes, 出典, 計). Matching is on whole cells after
//! folding full-width forms and removing spaces, so a title such as 「数値目標一覧」 is no header.

use super::column::{ColumnRole, HeaderYear};
use super::{Cell, Grid};
use crate::model::{half_width, FiscalYear, YearBasis};

/// Which value of a year a header word names.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum YearValueKind {
    Actual,
    Target,
}

/// What one header cell says.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Word {
    /// A column's role by its name (指標名, 基準値 …); [`ColumnRole::Ignore`] for words a table
    /// shows that are not read (達成状況, 評価, 達成率). Never a year's role: years are read apart.
    Named(ColumnRole),
    /// 年度 or 年: the year of the value beside it (基準値 or 目標値).
    YearOfNeighbour,
    Year(HeaderYear, Option<YearValueKind>),
    Kind(YearValueKind),
    /// Anything else (blank included).
    Other,
}

const NAMED: [(&str, ColumnRole); 83] = [
    ("指標ID", ColumnRole::Id),
    ("基本目標", ColumnRole::Goal),
    ("基本目標名", ColumnRole::Goal),
    ("目標区分", ColumnRole::Goal),
    ("基本目標・横断的な目標", ColumnRole::Goal),
    ("政策分野", ColumnRole::Goal),
    ("施策", ColumnRole::Measure),
    ("施策名", ColumnRole::Measure),
    ("主要施策", ColumnRole::Measure),
    ("具体的な施策", ColumnRole::Measure),
    ("施策の方向", ColumnRole::Measure),
    ("基本的方向", ColumnRole::Measure),
    ("講ずべき施策", ColumnRole::Measure),
    ("指標番号", ColumnRole::Code),
    ("番号", ColumnRole::Code),
    ("NO", ColumnRole::Code),
    ("NO.", ColumnRole::Code),
    ("№", ColumnRole::Code),
    ("指標NO", ColumnRole::Code),
    ("指標NO.", ColumnRole::Code),
    ("KPI番号", ColumnRole::Code),
    ("通し番号", ColumnRole::Code),
    ("コード", ColumnRole::Code),
    ("指標名", ColumnRole::Name),
    ("指標", ColumnRole::Name),
    ("KPI", ColumnRole::Name),
    ("KPI名", ColumnRole::Name),
    ("数値目標", ColumnRole::Name),
    ("数値目標名", ColumnRole::Name),
    ("項目", ColumnRole::Name),
    ("指標項目", ColumnRole::Name),
    ("評価指標", ColumnRole::Name),
    ("成果指標", ColumnRole::Name),
    ("重要業績評価指標", ColumnRole::Name),
    ("重要業績評価指標(KPI)", ColumnRole::Name),
    ("目標指標", ColumnRole::Name),
    ("指標の名称", ColumnRole::Name),
    ("単位", ColumnRole::Unit),
    ("系列", ColumnRole::Series),
    ("内訳", ColumnRole::Series),
    ("区分", ColumnRole::Series),
    ("性別", ColumnRole::Series),
    ("男女別", ColumnRole::Series),
    ("基準値", ColumnRole::Baseline),
    ("現状値", ColumnRole::Baseline),
    ("当初値", ColumnRole::Baseline),
    ("基準", ColumnRole::Baseline),
    ("現状", ColumnRole::Baseline),
    ("策定時", ColumnRole::Baseline),
    ("策定時の値", ColumnRole::Baseline),
    ("計画策定時", ColumnRole::Baseline),
    ("基準年度", ColumnRole::BaselineYear),
    ("基準年", ColumnRole::BaselineYear),
    ("基準値年度", ColumnRole::BaselineYear),
    ("基準値の年度", ColumnRole::BaselineYear),
    ("当初値年度", ColumnRole::BaselineYear),
    ("現状値年度", ColumnRole::BaselineYear),
    ("目標値", ColumnRole::Target),
    ("目標", ColumnRole::Target),
    ("最終目標", ColumnRole::Target),
    ("最終目標値", ColumnRole::Target),
    ("目標年度", ColumnRole::TargetYear),
    ("目標年", ColumnRole::TargetYear),
    ("目標値年度", ColumnRole::TargetYear),
    ("目標時期", ColumnRole::TargetYear),
    ("出典", ColumnRole::Source),
    ("資料", ColumnRole::Source),
    ("出典資料", ColumnRole::Source),
    ("データ出典", ColumnRole::Source),
    ("把握方法", ColumnRole::Source),
    ("担当課", ColumnRole::Department),
    ("所管課", ColumnRole::Department),
    ("担当部署", ColumnRole::Department),
    ("所管部署", ColumnRole::Department),
    ("担当部局", ColumnRole::Department),
    ("備考", ColumnRole::Notes),
    ("注記", ColumnRole::Notes),
    ("摘要", ColumnRole::Notes),
    ("補足", ColumnRole::Notes),
    ("達成状況", ColumnRole::Ignore),
    ("評価", ColumnRole::Ignore),
    ("達成率", ColumnRole::Ignore),
    ("進捗率", ColumnRole::Ignore),
];

/// The kind words, with 見込 read as an actual a town has not closed yet.
/// 累計 under or beside a year is that year's actual, a running total (`import::running_header`).
const KINDS: [(&str, YearValueKind); 11] = [
    ("実績", YearValueKind::Actual),
    ("実績値", YearValueKind::Actual),
    ("累計", YearValueKind::Actual),
    ("累計値", YearValueKind::Actual),
    ("累計実績", YearValueKind::Actual),
    ("実績累計", YearValueKind::Actual),
    ("実績(累計)", YearValueKind::Actual),
    ("見込", YearValueKind::Actual),
    ("目標", YearValueKind::Target),
    ("目標値", YearValueKind::Target),
    ("中間目標", YearValueKind::Target),
];

/// A cell's text as a table shows it: a Number as its shortest decimal text, a percentage as
/// the number shown (with its % sign), a date as YYYY-MM-DD.
pub fn cell_text(cell: &Cell) -> String {
    match cell {
        Cell::Empty => String::new(),
        Cell::Text(t) => t.trim().to_owned(),
        Cell::Number(v) => format!("{v}"),
        Cell::Percent { shown } => format!("{shown}%"),
        Cell::Date { year, month, day } => format!("{year:04}-{month:02}-{day:02}"),
        Cell::Bool(b) => if *b { "TRUE" } else { "FALSE" }.to_owned(),
        Cell::Error(e) => e.trim().to_owned(),
    }
}

/// A header cell folded for matching: full-width forms half-width, spaces and line breaks
/// removed, letters upper-cased, full-width brackets as ASCII ones.
pub(super) fn fold(text: &str) -> String {
    half_width(text).replace(['（', '〔'], "(").replace(['）', '〕'], ")")
}

/// A header cell without a bracketed remark at its end: 「基準値(H30)」 → 「基準値」, 「指標名(単位)」.
fn without_remark(folded: &str) -> &str {
    match folded.strip_suffix(')').and_then(|b| b.rfind('(').map(|at| &folded[..at])) {
        Some(head) if !head.is_empty() => head,
        _ => folded,
    }
}

/// The words that name the year of the value beside them: [`Word::YearOfNeighbour`].
const OF_NEIGHBOUR: [&str; 3] = ["年度", "年", "時点"];

fn named(folded: &str) -> Option<Word> {
    let find = |t: &str| {
        let role = NAMED.iter().find(|(w, _)| half_width(w) == t).map(|(_, role)| Word::Named(*role));
        role.or_else(|| OF_NEIGHBOUR.iter().any(|w| half_width(w) == t).then_some(Word::YearOfNeighbour))
    };
    find(folded).or_else(|| find(without_remark(folded)))
}

/// A year as a header writes it; `None` for anything else. A year number alone is read only in
/// the years Shirube knows (1926–2200).
pub(super) fn year(folded: &str) -> Option<HeaderYear> {
    let calendar = folded.ends_with('年') && !folded.ends_with("年度");
    // A year with its month or day: 「令和5年3月末」, 「平成28年6月調査結果」, 「R5.4.1現在」 is not.
    let dated = || folded.contains('月').then(|| YearBasis::Calendar.read_year(folded).ok()).flatten();
    FiscalYear::parse(folded).ok().or_else(dated).map(|year| HeaderYear { year, calendar })
}

/// The as-of point a year header writes after its year: 「令和5年3月末」 → 3月末, 「平成28年6月」
/// → 6月現在, 「令和5年4月1日現在」 → 4月1日現在; `None` for a year alone.
pub(super) fn header_as_of(folded: &str) -> Option<YearBasis> {
    let (_, after) = folded.split_once('年')?;
    let after = ["調査結果", "調査"].iter().find_map(|w| after.strip_suffix(w)).unwrap_or(after);
    YearBasis::parse(after).filter(|b| b.is_as_of())
}

fn kind(folded: &str) -> Option<YearValueKind> {
    KINDS.iter().find(|(w, _)| *w == folded).map(|(_, k)| *k)
}

/// What a header cell says.
pub(super) fn word(cell: &Cell) -> Word {
    let text = match cell {
        Cell::Number(v) if v.fract() == 0.0 && (1926.0..=2200.0).contains(v) => format!("{v}"),
        Cell::Text(t) => t.clone(),
        _ => return Word::Other,
    };
    let folded = fold(&text);
    if let Some(k) = kind(&folded) {
        return Word::Kind(k);
    }
    if let Some(w) = named(&folded) {
        return w;
    }
    if let Some(y) = year(&folded) {
        return Word::Year(y, None);
    }
    // 「令和4年度実績」, 「R4目標」, 「2022年度(実績)」: a year and a kind in one cell.
    let bare = without_remark(&folded);
    let inside = folded.get(bare.len()..).unwrap_or_default().trim_matches(['(', ')']);
    for (w, k) in KINDS {
        let year_part = bare.strip_suffix(w).or_else(|| (inside == w).then_some(bare));
        if let Some(y) = year_part.and_then(year) {
            return Word::Year(y, Some(k));
        }
    }
    // 「令和4年度(見込)」 and other remarks after a year: still that year's actual.
    match year(bare) {
        Some(y) => Word::Year(y, None),
        None => Word::Other,
    }
}

/// Whether a row is a footnote (※…, 注…, （注）…, 出典…) or a total (計, 合計, 総計): either
/// ends a table's body. Read at the row's first cell that holds something.
pub(super) fn ends_body(grid: &Grid, row: usize) -> bool {
    let Some(first) = (0..grid.width()).map(|c| grid.cell(row, c)).find(|c| !c.is_empty()) else {
        return true;
    };
    let folded = fold(&cell_text(first));
    const STARTS: [&str; 6] = ["※", "*", "注", "(注", "出典", "資料:"];
    const TOTALS: [&str; 4] = ["計", "合計", "総計", "小計"];
    STARTS.iter().any(|s| folded.starts_with(s)) || TOTALS.contains(&folded.as_str())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(t: &str) -> Cell {
        Cell::Text(t.into())
    }

    #[test]
    fn header_words_as_towns_write_them() {
        let fy = |y, calendar| HeaderYear { year: FiscalYear(y), calendar };
        for (cell, expected) in [
            (text("指標名"), Word::Named(ColumnRole::Name)),
            (text("ＫＰＩ"), Word::Named(ColumnRole::Name)),
            (text("基準値（H30）"), Word::Named(ColumnRole::Baseline)),
            (text("No."), Word::Named(ColumnRole::Code)),
            (text("目 標 値"), Word::Kind(YearValueKind::Target)),
            (text("実績"), Word::Kind(YearValueKind::Actual)),
            (text("目標"), Word::Kind(YearValueKind::Target)),
            (text("令和4年度"), Word::Year(fy(2022, false), None)),
            (text("R4"), Word::Year(fy(2022, false), None)),
            (text("H30年度"), Word::Year(fy(2018, false), None)),
            (text("平成30年度"), Word::Year(fy(2018, false), None)),
            (text("2022年"), Word::Year(fy(2022, true), None)),
            (Cell::Number(2022.0), Word::Year(fy(2022, false), None)),
            (text("令和4年度実績"), Word::Year(fy(2022, false), Some(YearValueKind::Actual))),
            (text("2023年度（目標）"), Word::Year(fy(2023, false), Some(YearValueKind::Target))),
            (text("令和5年度(見込)"), Word::Year(fy(2023, false), Some(YearValueKind::Actual))),
            (text("令和5年3月末"), Word::Year(fy(2023, false), None)),
            (text("平成28年6月 調査結果"), Word::Year(fy(2016, false), None)),
            (text("累計"), Word::Kind(YearValueKind::Actual)),
            (text("実績（累計）"), Word::Kind(YearValueKind::Actual)),
            (text("平成28年度（累計）"), Word::Year(fy(2016, false), Some(YearValueKind::Actual))),
            (text("H28年度累計"), Word::Year(fy(2016, false), Some(YearValueKind::Actual))),
            (text("第2期北斗市総合戦略 数値目標一覧"), Word::Other),
            (Cell::Number(12.0), Word::Other),
        ] {
            assert_eq!(word(&cell), expected, "{cell:?}");
        }
    }

    #[test]
    fn cells_read_as_a_table_shows_them() {
        assert_eq!(cell_text(&Cell::Number(1234.5)), "1234.5");
        assert_eq!(cell_text(&Cell::Number(-40.0)), "-40");
        assert_eq!(cell_text(&Cell::Percent { shown: 12.3 }), "12.3%");
        assert_eq!(cell_text(&Cell::Date { year: 2022, month: 4, day: 1 }), "2022-04-01");
        assert_eq!(cell_text(&text(" ２，４０８※ ")), "２，４０８※");
    }
}
