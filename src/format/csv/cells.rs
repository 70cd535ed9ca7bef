//! The cells both directions share: column names, the sheet writer (BOM, CRLF), formula
//! neutralisation, numbers, years, and the markers (○ 速報, 毎年, ↗) as written and as read.

use crate::locale::{Language, YearStyle};
use crate::model::{half_width, DesiredDirection, FiscalYear, YearBasis};

pub(super) const ID: &str = "指標ID";
pub(super) const CODE: &str = "指標番号";
pub(super) const NAME: &str = "指標名";
pub(super) const SERIES: &str = "系列";
pub(super) const UNIT: &str = "単位";
pub(super) const BASELINE: &str = "当初値";
pub(super) const BASELINE_YEAR: &str = "当初値年度";
pub(super) const TARGET: &str = "目標値";
pub(super) const TARGET_YEAR: &str = "目標年度";
pub(super) const YEAR: &str = "年度";
pub(super) const KIND: &str = "区分";
pub(super) const VALUE: &str = "値";
pub(super) const PROVISIONAL: &str = "速報値";
/// The series' year basis as written (年度 / 年 / 4月1日現在) and its source (`texts`).
pub(crate) const YEAR_BASIS: &str = "値の時点";
pub(super) const SOURCE: &str = "出典";
/// The section (担当課) that owns a row: its own, else its measure's (`model::department`).
pub(crate) const DEPARTMENT: &str = "担当課";
/// The other words a town's header gives the section column.
pub(super) const DEPARTMENT_WORDS: [&str; 5] = ["所管課", "担当部署", "所管部署", "担当部局", "担当課名"];
/// Whether a series' actuals are each year's own values or running totals (累計値): written
/// 「単年度」 / 「累計」, and only when some series of the strategy holds running totals.
pub(crate) const ACTUAL_KIND: &str = "実績の種類";
const RUNNING_WORDS: [&str; 4] = ["累計", "累計値", "累積", "累積値"];
const YEARLY_WORDS: [&str; 5] = ["単年度", "単年度値", "単年", "各年度", "年度ごと"];
/// The verdicts file (`verdicts`): the town's verdict and the committee's comment are read back;
/// what Shirube computes beside them is written for people only.
pub(super) const VERDICT: &str = "町の評価";
pub(super) const COMPUTED: &str = "計算";
pub(super) const DIFFERS: &str = "計算と異なる";
pub(super) const VERDICT_COMMENT: &str = "委員会の意見など";
/// A 修正前の目標 row of the long layout (an earlier target): when and why it was revised.
pub(super) const REVISED_IN: &str = "修正年度";
pub(super) const REVISION_DATE: &str = "修正日";
pub(super) const REVISION_REASON: &str = "修正理由";
/// After a year in the wide layout's marker column: "令和6年度 速報".
pub(super) const PROVISIONAL_SUFFIX: &str = "速報";

/// 区分 of the long layout, as written (first) and the other names read.
pub(super) const KIND_ACTUAL: [&str; 2] = ["実績", "実績値"];
pub(super) const KIND_TARGET: [&str; 2] = ["目標", "目標値"];
pub(super) const KIND_INTERIM: [&str; 2] = ["中間目標", "中間目標値"];
pub(super) const KIND_BASELINE: [&str; 3] = ["当初値", "基準値", "現状値"];
pub(super) const KIND_REVISION: [&str; 3] = ["修正前の目標", "修正前目標", "当初の目標"];

/// The year cell of a per-year target ("0人/年").
pub(super) const EVERY_YEAR: &str = "毎年";
const EVERY_YEAR_READ: [&str; 4] = ["毎年", "毎年度", "各年度", "/年"];
/// A true flag (○ 速報, ○ 新規, ○ 再掲) as written.
pub(super) const MARK: &str = "○";
const TRUE_MARKS: [&str; 12] = ["○", "◯", "〇", "●", "◎", "1", "TRUE", "YES", "Y", "速報", "速報値", "✓"];
const FALSE_MARKS: [&str; 10] = ["×", "✕", "0", "FALSE", "NO", "N", "確定", "確定値", "-", "ー"];
const DIRECTION_MARKS: [&str; 8] = ["↗", "↘", "→", "↑", "↓", "増加", "減少", "維持"];

/// 実績の種類 as written: 「累計」 for running totals, 「単年度」 for yearly values.
pub(super) fn actual_kind(running_totals: bool) -> &'static str {
    if running_totals {
        RUNNING_WORDS[0]
    } else {
        YEARLY_WORDS[0]
    }
}

/// Reads 実績の種類 (full-width letters too): `Some(true)` running totals, `Some(false)` yearly
/// values, `None` anything else. The caller treats an empty cell as no change.
pub(crate) fn read_actual_kind(text: &str) -> Option<bool> {
    let t = half_width(text.trim());
    if RUNNING_WORDS.iter().any(|w| half_width(w) == t) {
        Some(true)
    } else if YEARLY_WORDS.iter().any(|w| half_width(w) == t) {
        Some(false)
    } else {
        None
    }
}

/// Rows of a CSV file in memory: UTF-8 BOM first, CRLF after every row.
pub(crate) struct Sheet(::csv::Writer<Vec<u8>>);

impl Sheet {
    pub(crate) fn new() -> Sheet {
        let bom = "\u{feff}".as_bytes().to_vec();
        Sheet(::csv::WriterBuilder::new().terminator(::csv::Terminator::CRLF).from_writer(bom))
    }

    pub(crate) fn row<S: AsRef<str>>(&mut self, cells: impl IntoIterator<Item = S>) {
        let cells: Vec<S> = cells.into_iter().collect();
        self.0.write_record(cells.iter().map(|c| c.as_ref().as_bytes())).expect("writing to memory cannot fail");
    }

    pub(crate) fn finish(self) -> String {
        let bytes = self.0.into_inner().expect("writing to memory cannot fail");
        String::from_utf8(bytes).expect("every cell is UTF-8")
    }
}

/// The characters that make Excel read a text cell as a formula (OWASP), and their full-width
/// forms, which Japanese Excel may convert.
fn is_formula_start(c: char) -> bool {
    matches!(c, '=' | '+' | '-' | '@' | '\t' | '\r' | '＝' | '＋' | '－' | '＠')
}

/// Whether a text gets the neutralising quote: it starts with a formula's character, or with
/// quotes before one (`'+` is written `''+`, else reading would take its quote for ours).
fn needs_quote(s: &str) -> bool {
    s.trim_start_matches('\'').chars().next().is_some_and(is_formula_start)
}

/// A text cell, neutralised: "=SUM(A1)" → "'=SUM(A1)".
pub(crate) fn text(s: &str) -> String {
    if needs_quote(s) {
        format!("'{s}")
    } else {
        s.to_owned()
    }
}

/// A text cell of a workbook, where no string cell is a formula: quoted only where reading would
/// otherwise drop its own leading quote (`'+` → `''+`), so that it reads back as written.
pub(crate) fn workbook_text(s: &str) -> std::borrow::Cow<'_, str> {
    if s.starts_with('\'') && needs_quote(s) {
        format!("'{s}").into()
    } else {
        s.into()
    }
}

/// A text cell read back: the neutralising quote is dropped, and spaces around are trimmed.
pub(super) fn read_text(s: &str) -> &str {
    let s = s.trim();
    match s.strip_prefix('\'') {
        Some(rest) if needs_quote(rest) => rest.trim(),
        _ => s,
    }
}

/// A number cell: shortest text that reads back as the same number, never an exponent.
pub(crate) fn number(v: f64) -> String {
    format!("{v}")
}

pub(super) fn year(fy: FiscalYear, style: YearStyle) -> String {
    match style {
        YearStyle::Japanese => fy.japanese(),
        YearStyle::Western => fy.western().to_string(),
    }
}

/// The year of an actual in the long layout, by the series' basis: 「令和5年度」 / 「2023」 for a
/// fiscal year, 「令和5年」 / 「2023年」 for a calendar year or a date's year (the date itself is in
/// 値の時点), so 「2019年」 is never written as 「2019年度」. `FiscalYear::parse` reads each back.
pub(super) fn value_year(fy: FiscalYear, basis: YearBasis, style: YearStyle) -> String {
    match (basis, style) {
        (YearBasis::Fiscal, _) => year(fy, style),
        (_, YearStyle::Western) => format!("{}年", fy.western()),
        (_, YearStyle::Japanese) => crate::locale::value_year(YearBasis::Calendar, fy, Language::Ja, style),
    }
}

pub(super) fn flag(on: bool) -> &'static str {
    if on {
        MARK
    } else {
        ""
    }
}

/// A direction-only target (the seeds' ↗) as a word: the arrows ↗ ↘ are not in Shift_JIS, and
/// Excel saving as "CSV (コンマ区切り)" would turn them into "?". Arrows are read as well.
pub(super) fn direction_mark(d: DesiredDirection) -> &'static str {
    d.japanese()
}

fn is_one_of(text: &str, names: &[&str]) -> bool {
    let t = half_width(text);
    names.iter().any(|n| half_width(n) == t)
}

/// Reads a marker cell: `Some(true)` for ○ and its friends, `Some(false)` for an empty cell or
/// ×, `None` for anything else.
pub(super) fn read_flag(text: &str) -> Option<bool> {
    if text.trim().is_empty() || is_one_of(text, &FALSE_MARKS) {
        Some(false)
    } else if is_one_of(text, &TRUE_MARKS) {
        Some(true)
    } else {
        None
    }
}

pub(crate) fn is_direction_mark(text: &str) -> bool {
    is_one_of(text, &DIRECTION_MARKS)
}

pub(super) fn is_every_year(text: &str) -> bool {
    is_one_of(text, &EVERY_YEAR_READ)
}

pub(super) fn is_named(text: &str, names: &[&str]) -> bool {
    is_one_of(text, names)
}
