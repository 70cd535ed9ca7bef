//! Native tests of CSV export and import, on a hand-made town (male/female series, a
//! provisional actual, duplicate codes, every kind of target) and the bundled examples.

mod decode;
mod departments;
mod export;
mod fixture;
mod import;
mod layout;
mod region;
mod round_trip;
mod running_totals;
mod words;
mod year_basis;

use super::{CellKind, CsvPlan, RefusalReason};
use crate::model::{Actual, Baseline, FiscalYear, Id, Indicator, PlanPeriod, Series, Strategy, Target, YearValue};
use std::sync::Arc;

/// Strict Shift_JIS natively: encoding_rs (a dev-dependency); the app uses the browser's
/// TextDecoder, which follows the same standard.
fn sjis(bytes: &[u8]) -> Option<String> {
    encoding_rs::SHIFT_JIS.decode_without_bom_handling_and_without_replacement(bytes).map(|t| t.into_owned())
}

/// A change as (row, column, series, kind, year, from, to, from ○, to ○).
pub(super) type Change<'a> = (usize, &'a str, &'a str, CellKind, Option<i32>, Option<f64>, f64, bool, bool);

pub(super) fn changes(plan: &CsvPlan) -> Vec<Change<'_>> {
    (plan.changes.iter())
        .map(|c| {
            (
                c.row,
                c.column.as_str(),
                c.series.as_str(),
                c.value.kind,
                c.value.year.map(|y| y.0),
                c.value.from,
                c.value.to,
                c.value.from_provisional,
                c.value.to_provisional,
            )
        })
        .collect()
}

pub(super) fn refusals(plan: &CsvPlan) -> Vec<(usize, &str, RefusalReason)> {
    plan.refused.iter().map(|r| (r.row, r.column.as_str(), r.reason.clone())).collect()
}

/// A file as the exporters write it: a BOM, then each line ended by CRLF.
pub(super) fn file(lines: &[&str]) -> String {
    let mut out = String::from("\u{feff}");
    for line in lines {
        out.push_str(line);
        out.push_str("\r\n");
    }
    out
}

pub(super) fn fy(y: i32) -> FiscalYear {
    FiscalYear(y)
}

fn series(id: &str, label: &str, baseline: (f64, Option<i32>), target: Option<Target>) -> Series {
    let mut x = Series::new(label);
    x.id = Id::from(id);
    x.baseline = Some(Baseline { value: baseline.0, year: baseline.1.map(FiscalYear) });
    x.target = target;
    x
}

fn actual(year: i32, value: f64, provisional: bool) -> Actual {
    Actual { year: FiscalYear(year), value, provisional, comment: String::new(), source: String::new() }
}

fn indicator(id: &str, code: &str, name: &str, unit: &str, series: Vec<Series>) -> Arc<Indicator> {
    let mut i = Indicator::new(code, name, unit);
    i.id = Id::from(id);
    i.series = series;
    Arc::new(i)
}

fn value_target(value: f64, year: Option<i32>) -> Option<Target> {
    Some(Target::Value { value, year: year.map(FiscalYear) })
}

/// A town, 令和4〜7年度 (2022–2025), with fixed ids:
/// - 1-1 65歳健康寿命 (年): 男性 17.5 (R1) → 18.5, interim R5 17.8, actuals R4 17.9, R5 18 (速報);
///   女性 20 (R1) → 21, actual R4 20.4
/// - 7-2 出生数 (人): 340 → 380, actual R4 352
/// - 2-1 社会増減数 (人): -40 (R2) → 0 by R7, actuals R3 -55 (before the period), R4 -40
/// - 6-3 ふるさと納税寄附件数 (件): 3908 → ↗
/// - 3-1 市民参画手続きに参画した人数 (人): 1741 → ↗; 3-1 協働により実施した事業の件数 (件): 1 → 2/年
pub(super) fn town() -> Strategy {
    let period = PlanPeriod { first: fy(2022), last: fy(2025) };
    let mut s = Strategy::blank("第2期テスト町総合戦略", "テスト町", period);
    let mut male = series("ser-male", "男性", (17.5, Some(2019)), value_target(18.5, None));
    male.interim = vec![YearValue { year: fy(2023), value: 17.8 }];
    male.actuals = vec![actual(2022, 17.9, false), actual(2023, 18.0, true)];
    let mut female = series("ser-female", "女性", (20.0, Some(2019)), value_target(21.0, None));
    female.actuals = vec![actual(2022, 20.4, false)];
    let mut births = series("ser-births", "", (340.0, None), value_target(380.0, None));
    births.actuals = vec![actual(2022, 352.0, false)];
    let mut migration = series("ser-migration", "", (-40.0, Some(2020)), value_target(0.0, Some(2025)));
    migration.actuals = vec![actual(2021, -55.0, false), actual(2022, -40.0, false)];
    s.indicators = vec![
        indicator("ind-health", "1-1", "65歳健康寿命", "年", vec![male, female]),
        indicator("ind-births", "7-2", "出生数", "人", vec![births]),
        indicator("ind-migration", "2-1", "社会増減数", "人", vec![migration]),
        indicator(
            "ind-furusato",
            "6-3",
            "ふるさと納税寄附件数",
            "件",
            vec![series("ser-furusato", "", (3908.0, None), Some(Target::Direction))],
        ),
        indicator(
            "ind-part-a",
            "3-1",
            "市民参画手続きに参画した人数",
            "人",
            vec![series("ser-part-a", "", (1741.0, None), Some(Target::Direction))],
        ),
        indicator(
            "ind-part-b",
            "3-1",
            "協働により実施した事業の件数",
            "件",
            vec![series("ser-part-b", "", (1.0, None), Some(Target::PerYear { value: 2.0 }))],
        ),
    ];
    s
}

/// The cells of a CSV text, read back with the csv crate (BOM dropped).
pub(super) fn cells(text: &str) -> Vec<Vec<String>> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut r = ::csv::ReaderBuilder::new().has_headers(false).flexible(true).from_reader(text.as_bytes());
    r.records().map(|x| x.unwrap().iter().map(str::to_owned).collect()).collect()
}

/// A series of a strategy by its id.
pub(super) fn series_of<'a>(s: &'a Strategy, indicator: &str, series: &str) -> &'a Series {
    let i = s.indicator(&Id::from(indicator)).unwrap();
    i.series.iter().find(|x| x.id.as_str() == series).unwrap()
}
