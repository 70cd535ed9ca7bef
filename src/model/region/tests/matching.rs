//! Indicator matching: by the bureau's codes, by name after folding, by hand; and a matched
//! indicator's table.

use super::{examples, region};
use crate::model::region::{match_indicators, IndicatorRef, MatchedBy, Matching, Region, TableCell};
use crate::model::{FiscalYear, Strategy};

/// A group as (name, [(municipality, indicator name, rule)]).
type Described<'a> = (String, Vec<(&'a str, &'a str, MatchedBy)>);

fn groups<'a>(m: &Matching, towns: &'a [Strategy]) -> Vec<Described<'a>> {
    m.groups
        .iter()
        .map(|g| {
            (g.name.clone(), g.members.iter().map(|(r, by)| (name_of(r, towns).0, name_of(r, towns).1, *by)).collect())
        })
        .collect()
}

fn name_of<'a>(r: &IndicatorRef, towns: &'a [Strategy]) -> (&'a str, &'a str) {
    let s = towns.iter().find(|s| s.id == r.strategy).unwrap();
    (&s.municipality.name, &s.indicator(&r.indicator).unwrap().name)
}

fn unmatched<'a>(m: &Matching, towns: &'a [Strategy]) -> Vec<(&'a str, &'a str)> {
    m.unmatched.iter().map(|r| name_of(r, towns)).collect()
}

#[test]
fn by_code_then_by_name_the_rest_unmatched() {
    let (region, strategies) = region();
    let towns = region.towns(&strategies);
    let m = match_indicators(&region, &towns);
    use MatchedBy::*;
    assert_eq!(
        groups(&m, &strategies),
        [
            (
                "合計特殊出生率".to_owned(),
                vec![("七飯町", "合計特殊出生率", Code), ("北斗市", "合計特殊　出生率", Code)]
            ),
            ("社会増減数".to_owned(), vec![("七飯町", "社会増減数（人）", Code), ("北斗市", "社会増減数", Code)]),
            // A code stands with one town: the bureau asked for it.
            ("移住者数".to_owned(), vec![("木古内町", "KPI：移住者数", Code)]),
            ("観光入込客数".to_owned(), vec![("七飯町", "観光入込客数", Code)]),
            ("移住相談件数".to_owned(), vec![("七飯町", "移住相談件数", Name), ("木古内町", "移住相談件数", Name)]),
            (
                "ふるさと納税寄附額".to_owned(),
                vec![("北斗市", "ふるさと納税寄附額", Name), ("木古内町", "ふるさと納税 寄附額", Name)]
            ),
        ]
    );
    assert_eq!(
        unmatched(&m, &strategies),
        [("七飯町", "健康寿命"), ("北斗市", "観光客満足度"), ("北斗市", "観光客数（延べ）")]
    );
}

#[test]
fn matches_by_hand_win_and_are_kept_with_the_region() {
    let (mut region, strategies) = region();
    let (nanae, hokuto) = (&strategies[0], &strategies[1]);
    let visitors = hokuto.indicators.iter().find(|i| i.name == "観光客数（延べ）").unwrap();
    let satisfaction = hokuto.indicators.iter().find(|i| i.name == "観光客満足度").unwrap();
    region.set_match(&hokuto.id, &visitors.id, Some("観光入込客数".into()));
    region.set_match(&nanae.id, &nanae.indicators[1].id, None); // 社会増減数（人）: kept out
    region.set_match(&hokuto.id, &satisfaction.id, Some("満足度".into()));
    region.set_match(&hokuto.id, &satisfaction.id, Some("来訪者満足度".into())); // replaces the one before
    assert_eq!(region.matches.len(), 3);
    let text = serde_json::to_string(&region).unwrap();
    let region: Region = serde_json::from_str(&text).unwrap();
    let towns = region.towns(&strategies);
    let m = match_indicators(&region, &towns);
    let g = groups(&m, &strategies);
    let find = |name: &str| g.iter().find(|(n, _)| n == name).map(|(_, members)| members.clone());
    use MatchedBy::*;
    assert_eq!(find("観光入込客数").unwrap(), [("七飯町", "観光入込客数", Code), ("北斗市", "観光客数（延べ）", Hand)]);
    assert_eq!(find("社会増減数").unwrap(), [("北斗市", "社会増減数", Code)]);
    assert_eq!(find("来訪者満足度").unwrap(), [("北斗市", "観光客満足度", Hand)]);
    assert_eq!(unmatched(&m, &strategies), [("七飯町", "社会増減数（人）"), ("七飯町", "健康寿命")]);

    let mut cleared = region.clone();
    cleared.clear_match(&nanae.id, &nanae.indicators[1].id);
    let m = match_indicators(&cleared, &towns);
    assert_eq!(groups(&m, &strategies)[1].1.len(), 2, "the code decides again");
}

#[test]
fn the_bureau_edits_its_codes() {
    let (mut region, strategies) = region();
    region.indicator_codes = vec!["観光客".into(), "  ".into(), "観光客".into()];
    let towns = region.towns(&strategies);
    let m = match_indicators(&region, &towns);
    let g = groups(&m, &strategies);
    // Blank and repeated codes are ignored; the code is found inside longer names.
    assert_eq!(g[0].0, "観光客");
    assert_eq!(g[0].1.iter().map(|(_, n, _)| *n).collect::<Vec<_>>(), ["観光客満足度", "観光客数（延べ）"]);
    // No longer a code, but still the same name in two towns.
    let birth = g.iter().find(|(n, _)| n == "合計特殊出生率").unwrap();
    assert!(birth.1.iter().all(|(_, _, by)| *by == MatchedBy::Name));
    assert_eq!(birth.1.len(), 2);
    // A region file without the field gets the default list.
    let mut value = serde_json::to_value(&region).unwrap();
    value.as_object_mut().unwrap().remove("indicator_codes");
    let read: Region = serde_json::from_value(value).unwrap();
    assert_eq!(read.indicator_codes, Region::new("x").indicator_codes);
}

#[test]
fn the_two_examples_as_one_region() {
    let strategies = examples();
    let mut region = Region::new("北の二市");
    region.members = strategies.iter().map(|s| s.id.clone()).collect();
    let towns = region.towns(&strategies);
    let m = match_indicators(&region, &towns);
    // 北斗市's example has no indicators; of 北本市's 15, two carry a code of the default list.
    let g = groups(&m, &strategies);
    assert_eq!(
        g,
        [
            ("出生数".to_owned(), vec![("北本市", "出生数", MatchedBy::Code)]),
            ("ふるさと納税寄附件数".to_owned(), vec![("北本市", "ふるさと納税寄附件数", MatchedBy::Code)]),
        ]
    );
    assert_eq!(m.unmatched.len(), 13);
    assert!(unmatched(&m, &strategies).iter().all(|(town, _)| *town == "北本市"));
    // The same name in both towns matches by name: 北斗市 gets 北本市's first indicator.
    let mut both = strategies.clone();
    let copied = both[0].indicators[0].clone();
    both[1]
        .indicators
        .push(std::sync::Arc::new(crate::model::Indicator { id: crate::model::Id::new("ind"), ..(*copied).clone() }));
    let towns = region.towns(&both);
    let m = match_indicators(&region, &towns);
    let g = groups(&m, &both);
    assert_eq!(g[2].0, copied.name);
    assert_eq!(
        g[2].1.iter().map(|(t, _, by)| (*t, *by)).collect::<Vec<_>>(),
        [("北本市", MatchedBy::Name), ("北斗市", MatchedBy::Name)]
    );
}

#[test]
fn a_matched_indicator_tables_actuals_and_targets_by_year() {
    let (region, strategies) = region();
    let towns = region.towns(&strategies);
    let m = match_indicators(&region, &towns);
    let table = m.groups[0].table(&towns); // 合計特殊出生率
    let years: Vec<i32> = table.years.iter().map(|y| y.0).collect();
    // Baselines 2019 and 2021, actuals 2021 and 2023, targets 2024 and 2025.
    assert_eq!(years, [2019, 2021, 2023, 2024, 2025]);
    let cells = |row: usize| -> Vec<TableCell> { table.rows[row].cells.clone() };
    let actual = |v: f64| TableCell { actual: Some(v), provisional: false, target: None };
    let target = |v: f64| TableCell { actual: None, provisional: false, target: Some(v) };
    let none = TableCell::default();
    assert_eq!(table.rows[0].municipality, "七飯町");
    assert_eq!(cells(0), [none, actual(1.25), actual(1.3), target(1.4), none]);
    assert_eq!(table.rows[1].municipality, "北斗市");
    assert_eq!(cells(1), [none, none, actual(1.5), none, target(1.5)]);

    // A breakdown gives a row per series; interim and per-year targets fill their years.
    let mut strategies = strategies;
    let nanae = &mut strategies[0];
    let health = nanae.indicators[4].id.clone();
    let ind = nanae.indicator_mut(&health).unwrap();
    ind.series[0].set_interim(FiscalYear(2022), Some(18.5));
    ind.series[0].set_provisional(FiscalYear(2023), true);
    ind.series[1].target = Some(crate::model::Target::PerYear { value: 21.0 });
    ind.series[1].baseline = None;
    let mut region = region;
    region.set_match(&nanae.id.clone(), &health, Some("健康寿命".into()));
    let towns = region.towns(&strategies);
    let m = match_indicators(&region, &towns);
    let g = m.groups.iter().find(|g| g.name == "健康寿命").unwrap();
    let table = g.table(&towns);
    assert_eq!(table.years.iter().map(|y| y.0).collect::<Vec<_>>(), [2019, 2020, 2021, 2022, 2023, 2024]);
    assert_eq!(table.rows.iter().map(|r| r.series.as_str()).collect::<Vec<_>>(), ["男性", "女性"]);
    let men = &table.rows[0].cells;
    assert_eq!(men[3], TableCell { actual: None, provisional: false, target: Some(18.5) }, "2022: interim");
    assert_eq!(men[4], TableCell { actual: Some(19.5), provisional: true, target: None }, "2023: provisional");
    assert_eq!(men[5].target, Some(19.0), "2024: the final target");
    let women: Vec<Option<f64>> = table.rows[1].cells.iter().map(|c| c.target).collect();
    assert_eq!(women, [None, Some(21.0), Some(21.0), Some(21.0), Some(21.0), Some(21.0)], "every plan year");
}
