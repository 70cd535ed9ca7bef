//! The side-by-side table: every number of the hand-made towns worked out by hand (see the
//! fixtures' comments), and the examples against their own per-strategy functions.

use super::{examples, region, HOKUTO, KIKONAI, NANAE};
use crate::model::region::{side_by_side, sort_rows, Column, SortOrder, TownRow};
use crate::model::{FiscalYear, Status, StatusMix, Strategy};

fn mix(achieved: usize, on_track: usize, behind: usize, no_data: usize) -> StatusMix {
    StatusMix { achieved, on_track, behind, no_data }
}

#[test]
fn each_town_by_its_own_numbers_for_the_year() {
    let (region, strategies) = region();
    let towns = region.towns(&strategies);
    let table = side_by_side(&towns, FiscalYear(2023));
    let row = |code: &str| table.rows.iter().find(|r| r.municipality.code.as_deref() == Some(code)).unwrap();
    // (counts: goals, measures, initiatives, indicators), mix, with an actual, 予算額, 決算額
    type Expected = ((usize, usize, usize, usize), StatusMix, usize, Option<i64>, Option<i64>);
    let cases: [(&str, Expected); 3] = [
        (NANAE, ((2, 2, 3, 5), mix(2, 1, 1, 1), 3, Some(3500), Some(3150))),
        (HOKUTO, ((1, 1, 2, 5), mix(1, 0, 1, 3), 2, Some(3700), Some(2500))),
        (KIKONAI, ((1, 1, 1, 3), mix(0, 0, 2, 1), 2, None, None)),
    ];
    for (code, (counts, mix, with_actual, budget, settled)) in cases {
        let r = row(code);
        let c = r.counts;
        assert_eq!((c.goals, c.measures, c.initiatives, c.indicators), counts, "{code}");
        assert_eq!(r.mix, mix, "{code}");
        assert_eq!(r.with_actual, with_actual, "{code}");
        assert_eq!((r.budget, r.settled), (budget, settled), "{code}");
    }
    assert_eq!(row(NANAE).actual_share(), Some(0.6));
    assert_eq!(row(KIKONAI).actual_share(), Some(2.0 / 3.0));
    let names: Vec<&str> = table.rows.iter().map(|r| r.municipality.name.as_str()).collect();
    assert_eq!(names, ["七飯町", "北斗市", "木古内町"], "the region's order");

    let t = &table.totals;
    assert_eq!(t.towns, 3);
    assert_eq!((t.counts.goals, t.counts.measures, t.counts.initiatives, t.counts.indicators), (4, 4, 6, 13));
    assert_eq!(t.mix, mix(3, 1, 4, 5));
    assert_eq!(t.with_actual, 7);
    assert_eq!((t.budget, t.settled), (Some(7200), Some(5650)));
    assert_eq!(t.actual_share(), Some(7.0 / 13.0));
}

#[test]
fn another_year_moves_the_status_and_the_money() {
    let (region, strategies) = region();
    let towns = region.towns(&strategies);
    let table = side_by_side(&towns, FiscalYear(2024));
    let hokuto = &table.rows[1];
    // 社会増減数 has its first actual in 2024 (20 % of the way, 75 % due): behind.
    assert_eq!(hokuto.mix, mix(1, 0, 2, 2));
    assert_eq!(hokuto.with_actual, 1);
    assert_eq!((hokuto.budget, hokuto.settled), (None, None));
    assert_eq!((table.rows[0].budget, table.rows[0].settled), (Some(1200), None));
    assert_eq!((table.totals.budget, table.totals.settled), (Some(1200), None));
    // Before any actual, everything is no data.
    let early = side_by_side(&towns, FiscalYear(2020));
    assert_eq!(early.totals.mix, mix(0, 0, 0, 13));
    assert_eq!(early.totals.actual_share(), Some(0.0));
}

/// A row by the per-strategy functions the town's own pages use.
fn by_the_town(s: &Strategy, year: FiscalYear) -> (crate::model::Counts, StatusMix, Option<i64>, Option<i64>) {
    let mut mix = StatusMix::default();
    for ind in &s.indicators {
        mix.add(s.progress(ind).status);
    }
    let totals = s.strategy_totals(year);
    (s.counts(), mix, totals.budget, totals.settled)
}

#[test]
fn after_the_last_actual_a_row_is_what_the_town_itself_shows() {
    let (_, mut all) = region();
    all.extend(examples());
    let towns: Vec<&Strategy> = all.iter().collect();
    for year in [2023, 2024, 2100].map(FiscalYear) {
        let table = side_by_side(&towns, year);
        for (s, r) in towns.iter().zip(&table.rows) {
            let (counts, mix, budget, settled) = by_the_town(s, year);
            assert_eq!((r.counts, r.budget, r.settled), (counts, budget, settled), "{} {year:?}", s.title);
            if year.0 == 2100 {
                assert_eq!(r.mix, mix, "{}", s.title);
            }
        }
    }
    // 北斗市 (example): 35 initiatives settled in 2023 (431,295 千円) and budgeted in 2024
    // (489,010 千円), summed from the file with a script; 北本市 has no initiatives.
    let hokuto = all.iter().find(|s| s.municipality.name == "北斗市" && s.indicators.is_empty()).unwrap();
    let kitamoto = all.iter().find(|s| s.municipality.name == "北本市").unwrap();
    let pair = [kitamoto, hokuto];
    let t23 = side_by_side(&pair, FiscalYear(2023));
    assert_eq!((t23.rows[1].budget, t23.rows[1].settled), (None, Some(431_295)));
    assert_eq!((t23.totals.budget, t23.totals.settled), (None, Some(431_295)));
    let t24 = side_by_side(&pair, FiscalYear(2024));
    assert_eq!((t24.totals.budget, t24.totals.settled), (Some(489_010), None));
    let k = &t23.rows[0];
    assert_eq!((k.counts.goals, k.counts.measures, k.counts.indicators), (6, 0, 15));
    assert_eq!(k.mix, mix(0, 0, 0, 15), "北本市 has no actuals yet");
    assert_eq!(t23.rows[1].actual_share(), None, "北斗市's example has no indicators");
    assert_eq!(t23.totals.counts.indicators, 15);
}

#[test]
fn an_indicator_is_assessed_in_its_latest_year_up_to_the_chosen_one() {
    let (_, strategies) = region();
    let nanae = &strategies[0];
    let birth = &nanae.indicators[0];
    let as_of = |y| super::super::rollup::status_as_of(nanae, birth, FiscalYear(y));
    assert_eq!(as_of(2020), Status::NoData);
    assert_eq!(as_of(2022), Status::Behind, "2021's actual: 25 % of the way, 40 % due");
    assert_eq!(as_of(2023), Status::Behind);
    assert_eq!(as_of(2030), nanae.progress(birth).status);
}

fn order(rows: &[TownRow]) -> Vec<&str> {
    rows.iter().map(|r| r.municipality.name.as_str()).collect()
}

#[test]
fn rows_sort_by_any_column_missing_values_last() {
    let (region, strategies) = region();
    let towns = region.towns(&strategies);
    let mut rows = side_by_side(&towns, FiscalYear(2023)).rows;
    let cases: [(Column, SortOrder, [&str; 3]); 10] = [
        (Column::Budget, SortOrder::Descending, ["北斗市", "七飯町", "木古内町"]),
        (Column::Budget, SortOrder::Ascending, ["七飯町", "北斗市", "木古内町"]),
        // Ties in 団体コード order: 北斗市 012360 before 七飯町 013374.
        (Column::Behind, SortOrder::Descending, ["木古内町", "北斗市", "七飯町"]),
        (Column::Municipality, SortOrder::Ascending, ["北斗市", "木古内町", "七飯町"]),
        (Column::Municipality, SortOrder::Descending, ["七飯町", "木古内町", "北斗市"]),
        (Column::ActualShare, SortOrder::Ascending, ["北斗市", "七飯町", "木古内町"]),
        (Column::Period, SortOrder::Descending, ["北斗市", "木古内町", "七飯町"]),
        (Column::Indicators, SortOrder::Ascending, ["木古内町", "北斗市", "七飯町"]),
        (Column::Settled, SortOrder::Ascending, ["北斗市", "七飯町", "木古内町"]),
        (Column::NoData, SortOrder::Descending, ["北斗市", "木古内町", "七飯町"]),
    ];
    for (column, order_by, expected) in cases {
        sort_rows(&mut rows, column, order_by);
        assert_eq!(order(&rows), expected, "{column:?} {order_by:?}");
    }
    for column in Column::ALL {
        sort_rows(&mut rows, column, SortOrder::Ascending);
        assert_eq!(rows.len(), 3);
    }
}
