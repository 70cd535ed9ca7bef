//! The side-by-side table: one row per town for a chosen fiscal year, and the region's totals.
//!
//! Each town is measured by its own rules: the KPI status comes from `model::achievement` with
//! the town's period and rating rule, combined over an indicator's series as
//! `model::progress` does, and the money from the town's own totals (`Strategy::
//! strategy_totals`: each initiative once, re-listings not added twice).
//!
//! The status mix is the status *as of* the year: each series assessed in its latest year
//! with an actual up to and including the chosen one (a town that has not reported that year
//! yet shows what it last knew; the share of indicators with an actual that year says how
//! current it is). For a year at or after a town's latest actual it is exactly the mix its
//! own overview shows.

use super::super::{
    assess_in, combined, Counts, DraftingStage, FiscalYear, Id, Indicator, Money, Municipality, PlanPeriod, Status,
    StatusMix, Strategy,
};
use std::cmp::Ordering;

/// One town's row.
#[derive(Clone, Debug, PartialEq)]
pub struct TownRow {
    pub strategy: Id,
    pub municipality: Municipality,
    pub title: String,
    pub period: PlanPeriod,
    pub stage: DraftingStage,
    pub counts: Counts,
    /// Every indicator of the strategy once, by its status as of the year.
    pub mix: StatusMix,
    /// Indicators with an actual in the year itself (in any of their series).
    pub with_actual: usize,
    /// 予算額 and 決算額 of the year, 千円; `None` when no initiative has one (missing is not zero).
    pub budget: Option<Money>,
    pub settled: Option<Money>,
}

impl TownRow {
    /// The share of indicators with an actual for the year (0–1); `None` with no indicator.
    pub fn actual_share(&self) -> Option<f64> {
        actual_share(self.with_actual, &self.counts)
    }
}

/// `with_actual` of the indicators `counts` holds, 0–1; `None` with no indicator.
fn actual_share(with_actual: usize, counts: &Counts) -> Option<f64> {
    (counts.indicators > 0).then(|| with_actual as f64 / counts.indicators as f64)
}

/// The region's totals: sums over its towns.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct RegionTotals {
    pub towns: usize,
    pub counts: Counts,
    pub mix: StatusMix,
    pub with_actual: usize,
    pub budget: Option<Money>,
    pub settled: Option<Money>,
}

impl RegionTotals {
    /// The share of all the region's indicators with an actual for the year.
    pub fn actual_share(&self) -> Option<f64> {
        actual_share(self.with_actual, &self.counts)
    }
}

/// The table for a fiscal year, rows in the towns' order.
#[derive(Clone, Debug, PartialEq)]
pub struct SideBySide {
    pub year: FiscalYear,
    pub rows: Vec<TownRow>,
    pub totals: RegionTotals,
}

/// The side-by-side table of `towns` (in the region's order) for `year`.
pub fn side_by_side(towns: &[&Strategy], year: FiscalYear) -> SideBySide {
    let rows: Vec<TownRow> = towns.iter().map(|s| town_row(s, year)).collect();
    let mut totals = RegionTotals { towns: rows.len(), ..RegionTotals::default() };
    for r in &rows {
        let c = &mut totals.counts;
        c.goals += r.counts.goals;
        c.measures += r.counts.measures;
        c.initiatives += r.counts.initiatives;
        c.indicators += r.counts.indicators;
        let m = &mut totals.mix;
        m.achieved += r.mix.achieved;
        m.on_track += r.mix.on_track;
        m.behind += r.mix.behind;
        m.no_data += r.mix.no_data;
        totals.with_actual += r.with_actual;
        totals.budget = add(totals.budget, r.budget);
        totals.settled = add(totals.settled, r.settled);
    }
    SideBySide { year, rows, totals }
}

fn add(sum: Option<Money>, v: Option<Money>) -> Option<Money> {
    match (sum, v) {
        (s, None) => s,
        (s, Some(v)) => Some(s.unwrap_or(0) + v),
    }
}

fn town_row(s: &Strategy, year: FiscalYear) -> TownRow {
    let mut mix = StatusMix::default();
    let mut with_actual = 0;
    for ind in &s.indicators {
        mix.add(status_as_of(s, ind, year));
        with_actual += usize::from(ind.series.iter().any(|x| x.actual(year).is_some()));
    }
    let totals = s.strategy_totals(year);
    TownRow {
        strategy: s.id.clone(),
        municipality: s.municipality.clone(),
        title: s.title.clone(),
        period: s.period,
        stage: s.stage,
        counts: s.counts(),
        mix,
        with_actual,
        budget: totals.budget,
        settled: totals.settled,
    }
}

/// An indicator's status as of `year`: each series in its latest year with an actual up to
/// `year`, combined (the worst among series with data).
pub(super) fn status_as_of(s: &Strategy, ind: &Indicator, year: FiscalYear) -> Status {
    let cx = s.context_of(ind);
    combined(ind.series.iter().map(|series| match series.actuals.iter().map(|a| a.year).filter(|y| *y <= year).max() {
        Some(y) => assess_in(series, cx, y).status,
        None => Status::NoData,
    }))
}

/// A column of the side-by-side table, to sort by.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Column {
    /// By 団体コード (the official order), towns without one after, by name.
    Municipality,
    Period,
    Stage,
    Goals,
    Measures,
    Initiatives,
    Indicators,
    Achieved,
    OnTrack,
    Behind,
    NoData,
    ActualShare,
    Budget,
    Settled,
}

impl Column {
    pub const ALL: [Column; 14] = [
        Column::Municipality,
        Column::Period,
        Column::Stage,
        Column::Goals,
        Column::Measures,
        Column::Initiatives,
        Column::Indicators,
        Column::Achieved,
        Column::OnTrack,
        Column::Behind,
        Column::NoData,
        Column::ActualShare,
        Column::Budget,
        Column::Settled,
    ];
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum SortOrder {
    #[default]
    Ascending,
    Descending,
}

/// Sorts rows by a column. A missing value (no amount, no indicator to take a share of) goes
/// last in either order; ties are in 団体コード order.
pub fn sort_rows(rows: &mut [TownRow], column: Column, order: SortOrder) {
    let ordered = |o: Ordering| match order {
        SortOrder::Ascending => o,
        SortOrder::Descending => o.reverse(),
    };
    crate::sorting::by(rows, |a, b| {
        if column == Column::Municipality {
            return ordered(municipality_order(a, b));
        }
        let by = match (value(a, column), value(b, column)) {
            (Some(x), Some(y)) => ordered(x.0.total_cmp(&y.0).then(x.1.total_cmp(&y.1))),
            (Some(_), None) => Ordering::Less,
            (None, Some(_)) => Ordering::Greater,
            (None, None) => Ordering::Equal,
        };
        by.then_with(|| municipality_order(a, b))
    });
}

/// A cell as something ordered (a plan period by its first year, then its last); `None`
/// when missing.
fn value(r: &TownRow, column: Column) -> Option<(f64, f64)> {
    let n = |v: usize| Some((v as f64, 0.0));
    match column {
        // Sorted by `municipality_order` instead.
        Column::Municipality => None,
        Column::Period => Some((f64::from(r.period.first.0), f64::from(r.period.last.0))),
        Column::Stage => n(DraftingStage::ALL.iter().position(|s| *s == r.stage).unwrap_or(0)),
        Column::Goals => n(r.counts.goals),
        Column::Measures => n(r.counts.measures),
        Column::Initiatives => n(r.counts.initiatives),
        Column::Indicators => n(r.counts.indicators),
        Column::Achieved => n(r.mix.achieved),
        Column::OnTrack => n(r.mix.on_track),
        Column::Behind => n(r.mix.behind),
        Column::NoData => n(r.mix.no_data),
        Column::ActualShare => r.actual_share().map(|v| (v, 0.0)),
        Column::Budget => r.budget.map(|v| (v as f64, 0.0)),
        Column::Settled => r.settled.map(|v| (v as f64, 0.0)),
    }
}

/// 団体コード order, towns without a code after, then by name.
fn municipality_order(a: &TownRow, b: &TownRow) -> Ordering {
    fn code(r: &TownRow) -> (bool, Option<&str>) {
        (r.municipality.code.is_none(), r.municipality.code.as_deref())
    }
    code(a).cmp(&code(b)).then_with(|| a.municipality.name.cmp(&b.municipality.name))
}
