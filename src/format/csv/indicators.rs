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
    match target {
        None => [String::new(), String::new()],
        Some(Target::Value { value, year }) => [number(*value), basis_year(x, *year, style)],
        Some(Target::Direction) => [direction_mark(i.direction).to_owned(), String::new()],
        Some(Target::PerYear { value }) => [number(*value), EVERY_YEAR.to_owned()],
        // Words for the kinds a number cannot say (`target_words`); the year column as for a value.
        Some(t) => [
            text(&super::target_words::written(t, style).unwrap_or_default()),
            basis_year(x, t.due_year().filter(|_| t.span().is_none()), style),
        ],
    }
}

/// Wide layout: 指標ID, 指標番号, 指標名, 系列, 単位, 当初値, 当初値年度, 目標値, 目標年度, then
/// for each year its actual ("令和4年度" or "2022") and its provisional marker ("令和4年度 速報"),
/// then 値の時点 and 出典 (the series' own, else the indicator's). The year columns stay fiscal
/// years, shared by every series; 値の時点 says what a row's years mean.
pub fn indicators_wide(s: &Strategy, years: YearStyle) -> String {
    let columns = wide_years(s);
    let mut sheet = Sheet::new();
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
    sheet.row(header);
    for i in &s.indicators {
        for x in &i.series {
            let mut row = identity(i, x);
            match &x.baseline {
                Some(b) => row.extend([number(b.value), basis_year(x, b.year, years)]),
                None => row.extend([String::new(), String::new()]),
            }
            row.extend(target_cells(i, x, x.target.as_ref(), years));
            for y in &columns {
                match x.actual(*y) {
                    Some(a) => row.extend([number(a.value), flag(a.provisional).to_owned()]),
                    None => row.extend([String::new(), String::new()]),
                }
            }
            row.extend([x.year_basis.written(), text(x.source_or(&i.source))]);
            if kinds {
                row.push(actual_kind(x.running_totals).to_owned());
            }
            sheet.row(row);
        }
    }
    sheet.finish()
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
/// 出典 is the series' source, or an actual's own. 実績の種類 last, when some series holds
/// running totals (`has_running_totals`).
pub fn indicators_long(s: &Strategy, years: YearStyle) -> String {
    let mut sheet = Sheet::new();
    let kinds = has_running_totals(s);
    let mut header: Vec<String> = LONG.iter().map(|h| h.to_string()).collect();
    if kinds {
        header.push(ACTUAL_KIND.to_owned());
    }
    sheet.row(header);
    for i in &s.indicators {
        for x in &i.series {
            let basis = x.year_basis.written();
            let kind_cell = kinds.then(|| actual_kind(x.running_totals).to_owned());
            let mut put = |mut cells: Vec<String>| {
                cells.extend(kind_cell.clone());
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
