//! The table of one indicator's yearly values over the plan period, as towns' evaluation tables
//! print it under the indicator's row (北本市's 数値目標, 北斗市's sheets): the baseline with its
//! year, then one column per fiscal year with a 目標 row (interim targets in their years, the final
//! target in its year, a per-year target or a bound in every year) and a 実績 row per series.
//!
//! Pure: the printed report (`ui::output::print`) only lays the cells out. The numbers carry no unit (the
//! table's heading names it once, 「単位：万円」), so that a column stays narrow on A4 paper.
//!
//! The columns are the plan period's years, widened to a target's year, an interim target's or a
//! span's when one lies outside it; an actual outside them is not a year of the plan and is left
//! to the chart. A target without a year is due in the plan's last year (as everywhere).

use super::Words;
use crate::locale::{self, tr, Language};
use crate::model::{BoundSide, DesiredDirection, FiscalYear, Indicator, Series, Strategy, Target};

/// The widest run of years filled without a gap; beyond it only the years named are columns.
const MAX_SPAN: i32 = 20;

/// What one indicator's yearly table shows.
#[derive(Clone, Debug, PartialEq)]
pub struct YearTable {
    /// The fiscal years of the columns, in order.
    pub years: Vec<FiscalYear>,
    /// The years' headings: 令和4年度 / 2022年度 / FY2022.
    pub headings: Vec<String>,
    /// 「単位：万円」, or nothing for a unitless indicator.
    pub unit: Option<String>,
    pub series: Vec<YearSeries>,
}

/// One series' rows: its label (empty for a single series), its baseline cell and its rows.
#[derive(Clone, Debug, PartialEq)]
pub struct YearSeries {
    pub label: String,
    /// 「431.5（平成30年度）」, 「431.5」 without a year, 「—」 without a baseline.
    pub baseline: String,
    pub rows: Vec<YearRow>,
}

/// A row of one kind, a cell per year ("" where that year has nothing).
#[derive(Clone, Debug, PartialEq)]
pub struct YearRow {
    pub kind: RowKind,
    /// 「目標」, 「実績」, 「実績（暦年）」, 「累計」.
    pub head: String,
    pub cells: Vec<String>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RowKind {
    Target,
    Actual,
    /// A cumulative target's running sum of the actuals.
    RunningTotal,
    /// Each year's own value derived from actuals printed as running totals (単年度（差分）).
    DerivedYearly,
}

impl RowKind {
    pub fn as_str(self) -> &'static str {
        match self {
            RowKind::Target => "target",
            RowKind::Actual => "actual",
            RowKind::RunningTotal => "running-total",
            RowKind::DerivedYearly => "derived-yearly",
        }
    }
}

/// The yearly table of `ind` (see the module).
pub fn table(s: &Strategy, ind: &Indicator, w: Words) -> YearTable {
    let years = columns(s, ind);
    let headings = years.iter().map(|y| locale::year(*y, w.lang, w.years)).collect();
    let unit = (!ind.unit.trim().is_empty()).then(|| match w.lang {
        Language::Ja => format!("単位：{}", ind.unit),
        Language::En => format!("Unit: {}", ind.unit),
    });
    let series = ind.series.iter().map(|se| series_rows(s, ind, se, &years, w)).collect();
    YearTable { years, headings, unit, series }
}

/// The plan's years widened to every year a target names (due year, interim, span), with no gap.
fn columns(s: &Strategy, ind: &Indicator) -> Vec<FiscalYear> {
    let due = |se: &Series| se.target.as_ref().map(|t| t.due_year().unwrap_or(s.period.assumed_target_year()));
    let named = ind.series.iter().flat_map(|se| {
        let span = se.target.as_ref().and_then(Target::span);
        (se.interim.iter().map(|i| i.year))
            .chain(due(se))
            .chain(span.into_iter().flat_map(|(from, to)| (from.0..=to.0).map(FiscalYear)))
    });
    let named = s.period.with(named);
    match (named.first(), named.last()) {
        // A year typed wrong (2204 for 2024) must not make a table of centuries: only the years named.
        (Some(first), Some(last)) if last.0 - first.0 < MAX_SPAN => (first.0..=last.0).map(FiscalYear).collect(),
        _ => named,
    }
}

fn series_rows(s: &Strategy, ind: &Indicator, se: &Series, years: &[FiscalYear], w: Words) -> YearSeries {
    let lang = w.lang;
    let baseline = se.baseline.as_ref().filter(|b| b.value.is_finite()).map_or_else(
        || "—".to_owned(),
        |b| match b.year {
            Some(y) => {
                let when = locale::value_year(se.year_basis, y, lang, w.years);
                match lang {
                    Language::Ja => format!("{}（{when}）", locale::number(b.value)),
                    Language::En => format!("{} ({when})", locale::number(b.value)),
                }
            }
            None => locale::number(b.value),
        },
    );
    let mut rows = Vec::new();
    if let Some(t) = &se.target {
        rows.push(YearRow {
            kind: RowKind::Target,
            head: tr(lang, "目標", "Target").to_owned(),
            cells: years.iter().map(|y| target_cell(s, ind, se, t, *y, lang)).collect(),
        });
    } else if !se.interim.is_empty() {
        rows.push(YearRow {
            kind: RowKind::Target,
            head: tr(lang, "目標", "Target").to_owned(),
            cells: years.iter().map(|y| interim(se, *y).unwrap_or_default()).collect(),
        });
    }
    let actual = match se.running_totals {
        true => tr(lang, "実績（累計）", "Actual (running total)"),
        false => tr(lang, "実績", "Actual"),
    };
    let actual_head = match locale::year_basis_note(se.year_basis, lang) {
        Some(note) => format!("{actual}（{note}）"),
        None => actual.to_owned(),
    };
    let provisional = tr(lang, "（速報）", " (prov.)");
    rows.push(YearRow {
        kind: RowKind::Actual,
        head: actual_head,
        cells: years
            .iter()
            .map(|y| match se.actual(*y).filter(|a| a.value.is_finite()) {
                Some(a) if a.provisional => format!("{}{provisional}", locale::number(a.value)),
                Some(a) => locale::number(a.value),
                None => "—".to_owned(),
            })
            .collect(),
    });
    if se.running_totals {
        rows.push(YearRow {
            kind: RowKind::DerivedYearly,
            head: tr(lang, "単年度（差分）", "Yearly (derived)").to_owned(),
            cells: years.iter().map(|y| se.yearly(*y).map(locale::number).unwrap_or_default()).collect(),
        });
    } else if let Some(Target::Cumulative { from, to, .. }) = se.target {
        if let Some(latest) = se.actuals_within(from, to).map(|a| a.year).max() {
            rows.push(YearRow {
                kind: RowKind::RunningTotal,
                head: tr(lang, "累計", "Running total").to_owned(),
                cells: years
                    .iter()
                    .map(|y| match (from..=latest).contains(y) {
                        true => locale::number(se.actuals_within(from, *y).map(|a| a.value).sum()),
                        false => String::new(),
                    })
                    .collect(),
            });
        }
    }
    YearSeries { label: se.label.clone(), baseline, rows }
}

/// An interim target's value in `year`, if one is set.
fn interim(se: &Series, year: FiscalYear) -> Option<String> {
    se.interim.iter().find(|i| i.year == year && i.value.is_finite()).map(|i| locale::number(i.value))
}

/// The target row's cell of `year`: the final target in its year (a relative one at the value it
/// comes to), an interim target in its own, a per-year value or a bound in every year, the
/// direction's arrow in every year, a span's 平均 / 累計 in its last year.
fn target_cell(s: &Strategy, ind: &Indicator, se: &Series, t: &Target, year: FiscalYear, lang: Language) -> String {
    let due = t.due_year().unwrap_or(s.period.assumed_target_year());
    let final_or_interim = |text: Option<String>| match year == due {
        true => text.unwrap_or_default(),
        false => interim(se, year).unwrap_or_default(),
    };
    match *t {
        Target::Value { value, .. } => final_or_interim(value.is_finite().then(|| locale::number(value))),
        Target::Relative { .. } => final_or_interim(se.target_value().filter(|v| v.is_finite()).map(locale::number)),
        Target::PerYear { value } => locale::number(value),
        Target::Bound { value, side, .. } => match (side, lang) {
            (BoundSide::AtLeast, Language::Ja) => format!("{}以上", locale::number(value)),
            (BoundSide::AtMost, Language::Ja) => format!("{}以下", locale::number(value)),
            (BoundSide::AtLeast, Language::En) => format!("≥ {}", locale::number(value)),
            (BoundSide::AtMost, Language::En) => format!("≤ {}", locale::number(value)),
        },
        Target::Direction => interim(se, year).unwrap_or_else(|| {
            match ind.direction {
                DesiredDirection::Increase => "↗",
                DesiredDirection::Decrease => "↘",
                DesiredDirection::Maintain => "→",
            }
            .to_owned()
        }),
        Target::Average { value, .. } => {
            final_or_interim(Some(format!("{} {}", tr(lang, "平均", "avg."), locale::number(value))))
        }
        Target::Cumulative { value, .. } => {
            final_or_interim(Some(format!("{} {}", tr(lang, "累計", "total"), locale::number(value))))
        }
    }
}

#[cfg(test)]
mod tests;
