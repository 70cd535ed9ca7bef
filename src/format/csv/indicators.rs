//! Indicator export in two layouts: wide (one row per series, a column per fiscal year) and
//! long (one row per value). Both carry the indicator's id, which import matches first.

use super::cells::*;
use crate::locale::YearStyle;
use crate::model::{FiscalYear, Indicator, Series, Strategy, Target};
use std::collections::BTreeSet;

const WIDE: [&str; 9] = [ID, CODE, NAME, SERIES, UNIT, BASELINE, BASELINE_YEAR, TARGET, TARGET_YEAR];
const LONG: [&str; 14] = [
    ID,
    CODE,
    NAME,
    SERIES,
    UNIT,
    YEAR,
    KIND,
    VALUE,
    PROVISIONAL,
    YEAR_BASIS,
    SOURCE,
    REVISED_IN,
    REVISION_DATE,
    REVISION_REASON,
];

/// The year columns of the wide layout: every year of the plan period, and any other year
/// some series has an actual for.
fn wide_years(s: &Strategy) -> Vec<FiscalYear> {
    let mut years: BTreeSet<FiscalYear> = s.period.years().collect();
    let actual_years = s.indicators.iter().flat_map(|i| &i.series).flat_map(|x| &x.actuals).map(|a| a.year);
    years.extend(actual_years);
    years.into_iter().collect()
}

/// A baseline's or target's year as the series writes its years (「令和3年」 for a calendar
/// year, as the editor and the report show it); empty when it has none.
fn basis_year(x: &Series, y: Option<FiscalYear>, style: YearStyle) -> String {
    y.map(|y| value_year(y, x.year_basis, style)).unwrap_or_default()
}

fn identity(i: &Indicator, x: &Series) -> Vec<String> {
    vec![text(i.id.as_str()), text(&i.code), text(&i.name), text(&x.label), text(&i.unit)]
}

/// 目標値 and 目標年度 cells: a number and its year (empty: the plan's last year), an arrow
/// for a direction-only target, a number and 毎年 for a per-year one, the words of a relative,
/// span or bound target (with a relative or bound one's year).
fn target_cells(i: &Indicator, x: &Series, target: Option<&Target>, style: YearStyle) -> [String; 2] {
    let [value, year] = target_words(i, x, target, style);
    [value.csv(), year.csv()]
}

fn target_words(i: &Indicator, x: &Series, target: Option<&Target>, style: YearStyle) -> [WideCell; 2] {
    let words = |w: String| WideCell::Words(w);
    match target {
        None => [words(String::new()), words(String::new())],
        Some(Target::Value { value, year }) => [WideCell::Number(*value), words(basis_year(x, *year, style))],
        Some(Target::Direction) => [words(direction_mark(i.direction).to_owned()), words(String::new())],
        Some(Target::PerYear { value }) => [WideCell::Number(*value), words(EVERY_YEAR.to_owned())],
        // Words for the kinds a number cannot say (`target_words`); the year column as for a value.
        Some(t) => [
            words(super::target_words::written(t, style).unwrap_or_default()),
            words(basis_year(x, t.due_year().filter(|_| t.span().is_none()), style)),
        ],
    }
}

/// A cell of the wide layout as the file holds it: words (not yet neutralised), or a number.
#[derive(Clone, Debug, PartialEq)]
pub(crate) enum WideCell {
    Words(String),
    Number(f64),
}

impl WideCell {
    /// As a CSV cell: words neutralised against formulas, a number as its shortest text.
    fn csv(&self) -> String {
        match self {
            WideCell::Words(w) => text(w),
            WideCell::Number(v) => number(*v),
        }
    }
}

/// One row of the wide layout: a series of an indicator, with its cells in the header's order.
pub(crate) struct WideRow<'a> {
    pub indicator: &'a Indicator,
    pub series: &'a Series,
    pub cells: Vec<WideCell>,
}

/// The wide layout before it is written: what the CSV file and the committee's workbook
/// (`format::xlsx`) both hold, so that either comes back in through its import unchanged.
pub(crate) struct WideTable<'a> {
    pub header: Vec<String>,
    /// The year columns, in order (each an actual's column, then its 速報 marker's).
    pub years: Vec<FiscalYear>,
    pub rows: Vec<WideRow<'a>>,
}

/// The first columns of the wide layout, before the years: 指標ID … 目標年度.
pub(crate) const WIDE_FIRST: usize = WIDE.len();

/// Wide layout: 指標ID, 指標番号, 指標名, 系列, 単位, 当初値, 当初値年度, 目標値, 目標年度, then
/// for each year its actual ("令和4年度" or "2022") and its provisional marker ("令和4年度 速報"),
/// then 値の時点 and 出典 (the series' own, else the indicator's), 実績の種類 when some series
/// holds running totals (`has_running_totals`), and 担当課 (the indicator's section, its own or
/// its measure's) when the strategy lists sections. The year columns stay fiscal years, shared by
/// every series; 値の時点 says what a row's years mean.
pub(crate) fn wide_table(s: &Strategy, years: YearStyle) -> WideTable<'_> {
    let columns = wide_years(s);
    let mut header: Vec<String> = WIDE.iter().map(|h| h.to_string()).collect();
    for y in &columns {
        header.push(year(*y, years));
        header.push(format!("{} {PROVISIONAL_SUFFIX}", year(*y, years)));
    }
    header.extend([YEAR_BASIS.to_owned(), SOURCE.to_owned()]);
    let kinds = has_running_totals(s);
    if kinds {
        header.push(ACTUAL_KIND.to_owned());
    }
    let sections = !s.departments.is_empty();
    if sections {
        header.push(DEPARTMENT.to_owned());
    }
    let words = |w: &str| WideCell::Words(w.to_owned());
    let mut rows = Vec::new();
    for i in &s.indicators {
        for x in &i.series {
            let mut cells: Vec<WideCell> =
                [i.id.as_str(), i.code.as_str(), i.name.as_str(), x.label.as_str(), i.unit.as_str()].map(words).into();
            match &x.baseline {
                Some(b) => cells.extend([WideCell::Number(b.value), WideCell::Words(basis_year(x, b.year, years))]),
                None => cells.extend([words(""), words("")]),
            }
            cells.extend(target_words(i, x, x.target.as_ref(), years));
            for y in &columns {
                match x.actual(*y) {
                    Some(a) => cells.extend([WideCell::Number(a.value), words(flag(a.provisional))]),
                    None => cells.extend([words(""), words("")]),
                }
            }
            cells.extend([WideCell::Words(x.year_basis.written()), words(x.source_or(&i.source))]);
            if kinds {
                cells.push(words(actual_kind(x.running_totals)));
            }
            if sections {
                cells.push(words(department_of(s, i)));
            }
            rows.push(WideRow { indicator: i, series: x, cells });
        }
    }
    WideTable { header, years: columns, rows }
}

/// The wide layout as a CSV file (see [`wide_table`]).
pub fn indicators_wide(s: &Strategy, years: YearStyle) -> String {
    let table = wide_table(s, years);
    let mut sheet = Sheet::new();
    sheet.row(&table.header);
    for row in &table.rows {
        sheet.row(row.cells.iter().map(WideCell::csv));
    }
    sheet.finish()
}

/// The name of the section that answers for an indicator (its own, else its measure's); empty
/// for none.
fn department_of<'a>(s: &'a Strategy, i: &'a Indicator) -> &'a str {
    s.indicator_department(i).and_then(|o| s.department_name(o.department)).unwrap_or_default()
}

/// Whether some series holds running totals: only then is 実績の種類 written (last, after the
/// other columns), so a strategy without any exports as it did before the column.
fn has_running_totals(s: &Strategy) -> bool {
    s.indicators.iter().flat_map(|i| &i.series).any(|x| x.running_totals)
}

/// Long layout: 指標ID, 指標番号, 指標名, 系列, 単位, 年度, 区分, 値, 速報値, 値の時点, 出典, 修正年度,
/// 修正日, 修正理由 — one row per value: 当初値, 目標, each earlier target (修正前の目標, its 値 and
/// 年度 as a 目標 row's, with when and why it was revised), 中間目標 (by year), 実績 (by year, ○
/// when provisional; its year as the series' basis writes it, 「2023年」 for a calendar year).
/// 出典 is the series' source, or an actual's own. 実績の種類 when some series holds running
/// totals (`has_running_totals`), 担当課 last when the strategy lists sections.
pub fn indicators_long(s: &Strategy, years: YearStyle) -> String {
    let mut sheet = Sheet::new();
    let kinds = has_running_totals(s);
    let sections = !s.departments.is_empty();
    let mut header: Vec<String> = LONG.iter().map(|h| h.to_string()).collect();
    if kinds {
        header.push(ACTUAL_KIND.to_owned());
    }
    if sections {
        header.push(DEPARTMENT.to_owned());
    }
    sheet.row(header);
    for i in &s.indicators {
        for x in &i.series {
            let basis = x.year_basis.written();
            let kind_cell = kinds.then(|| actual_kind(x.running_totals).to_owned());
            let department_cell = sections.then(|| text(department_of(s, i)));
            let mut put = |mut cells: Vec<String>| {
                cells.extend(kind_cell.clone());
                cells.extend(department_cell.clone());
                sheet.row(cells);
            };
            let series_source = x.source_or(&i.source);
            let sourced = |when: String, kind: &str, value: String, provisional: bool, source: &str| {
                let mut row = identity(i, x);
                row.extend([when, kind.to_owned(), value, flag(provisional).to_owned(), basis.clone(), text(source)]);
                row.extend([String::new(), String::new(), String::new()]);
                row
            };
            let row = |when, kind, value, provisional| sourced(when, kind, value, provisional, series_source);
            if let Some(b) = &x.baseline {
                put(row(basis_year(x, b.year, years), KIND_BASELINE[0], number(b.value), false));
            }
            if x.target.is_some() {
                let [value, when] = target_cells(i, x, x.target.as_ref(), years);
                put(row(when, KIND_TARGET[0], value, false));
            }
            for r in &x.target_history {
                let [value, when] = target_cells(i, x, Some(&r.target), years);
                let mut cells = row(when, KIND_REVISION[0], value, false);
                cells.truncate(LONG.len() - 3);
                cells.extend([year(r.year, years), r.date.clone().unwrap_or_default(), text(&r.reason)]);
                put(cells);
            }
            for v in &x.interim {
                put(row(year(v.year, years), KIND_INTERIM[0], number(v.value), false));
            }
            for a in &x.actuals {
                let source = if a.source.trim().is_empty() { series_source } else { &a.source };
                let when = value_year(a.year, x.year_basis, years);
                put(sourced(when, KIND_ACTUAL[0], number(a.value), a.provisional, source));
            }
        }
    }
    sheet.finish()
}
