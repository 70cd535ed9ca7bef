//! The intake on the made-up census table and assumption sheet (架空, the format's fixtures):
//! read, previewed, taken in one edit each; the birth-rate path as typed; the title's year.

use super::*;
use crate::format::population::grid_from_csv;
use crate::format::table::{from_tsv, Cell};
use crate::model::population::{project_scenarios, Scenario, TargetPopulation};
use crate::model::{FiscalYear, PlanPeriod, Strategy};

const CENSUS: &str = include_str!("../../format/population/fixtures/census_kasou.csv");
const RATES: &str = include_str!("../../format/population/fixtures/assumptions_kasou.tsv");

fn names() -> [String; 4] {
    ["社人研推計準拠", "出生率上昇", "社会移動均衡", "将来展望"].map(String::from)
}

fn strategy() -> Strategy {
    Strategy::blank("総合戦略", "架空町", PlanPeriod { first: FiscalYear(2025), last: FiscalYear(2029) })
}

#[test]
fn the_census_table_reads_with_the_year_its_title_names_and_is_taken_with_four_scenarios() {
    let grid = Grid { name: "国勢調査".into(), ..grid_from_csv(CENSUS) };
    let r = read_base(&[grid], PopulationSource::Census, 2025).unwrap();
    assert_eq!((r.base.year, r.year_found), (2020, true));
    assert_eq!(r.base.male.iter().sum::<u32>() + r.unknown_age[0], 5550);
    let mut s = strategy();
    take_base(&mut s, r.base, names());
    let v = s.population.as_deref().unwrap();
    assert_eq!(v.scenarios.len(), 4);
    assert_eq!(v.chosen_scenario().unwrap().name, "将来展望");
    assert_eq!(v.scenarios[2].scenario, Scenario::MigrationBalanced { from: 2030 });
    // A second base keeps the scenarios the town set.
    let again = read_base(&[grid_from_csv(CENSUS)], PopulationSource::Census, 2025).unwrap();
    let ids: Vec<_> = v.scenarios.iter().map(|n| n.id.clone()).collect();
    take_base(&mut s, again.base, names());
    assert_eq!(s.population.as_deref().unwrap().scenarios.iter().map(|n| n.id.clone()).collect::<Vec<_>>(), ids);
}

#[test]
fn the_first_sheet_that_reads_is_taken_and_a_damaged_one_names_its_cell() {
    let cover = Grid { name: "表紙".into(), rows: vec![vec![Cell::Text("目次".into())]], merges: Vec::new() };
    let mut damaged = Grid { name: "国勢調査".into(), ..grid_from_csv(CENSUS) };
    damaged.rows[5][3] = Cell::Text("X".into());
    let problems = read_base(&[cover.clone(), damaged], PopulationSource::Census, 2020).unwrap_err();
    assert_eq!(problems, vec![CensusProblem::Masked { address: "国勢調査!D6".into() }]);
    let good = Grid { name: "2".into(), ..grid_from_csv(CENSUS) };
    assert_eq!(read_base(&[cover, good], PopulationSource::Census, 2020).unwrap().sheet, "2");
}

#[test]
fn pasted_assumptions_are_found_by_the_town_code_and_all_four_scenarios_project() {
    let grid = pasted_grid(RATES);
    let a = read_rates(&[grid], Some("019992"), AssumptionSource::Pasted).unwrap();
    assert_eq!(a.periods.len(), 2);
    let unknown = read_rates(&[from_tsv(RATES)], Some("012345"), AssumptionSource::Pasted).unwrap_err();
    assert_eq!(unknown, vec![AssumptionProblem::TownNotFound { code: "012345".into() }]);
    let mut s = strategy();
    take_base(&mut s, read_base(&[grid_from_csv(CENSUS)], PopulationSource::Census, 2020).unwrap().base, names());
    take_assumptions(&mut s, a);
    // Without the base birth rate the birth-rate paths cannot be drawn; with it all four are.
    let v = s.population.clone().unwrap();
    assert_eq!(project_scenarios(&v).unwrap().drawn().len(), 2);
    set_base_birth_rate(&mut s, Some(1.45));
    let v = s.population.clone().unwrap();
    let p = project_scenarios(&v).unwrap();
    assert_eq!(p.drawn().len(), 4);
    assert_eq!(p.drawn()[0].1.years.last(), Some(&2070));
    set_target(&mut s, Some(TargetPopulation { year: 2070, population: 8000 }));
    let chosen = s.population.as_deref().unwrap().scenarios[1].id.clone();
    choose(&mut s, Some(chosen.clone()));
    assert!(remove_scenario(&mut s, &chosen));
    assert_eq!(s.population.as_deref().unwrap().chosen, None);
}

#[test]
fn a_birth_rate_path_is_read_as_towns_type_it_and_written_back_the_same() {
    let path = read_path("２０４０年　１．８、2050年：2.07", 2020).unwrap();
    assert_eq!(write_path(&path), "2040年 1.8、2050年 2.07");
    assert_eq!(read_path("", 2020).unwrap(), vec![]);
    assert_eq!(read_path("2050 2.07, 2040→1.8", 2020).unwrap(), path);
    assert_eq!(read_path("2020年 1.8", 2020), Err(PathError::YearOutside { year: 2020, base_year: 2020 }));
    assert_eq!(read_path("2040年 0", 2020), Err(PathError::RateOutside(0.0)));
    assert_eq!(read_path("そのうち 1.8", 2020), Err(PathError::Unreadable("そのうち 1.8".into())));
}

#[test]
fn the_title_names_the_year_in_either_calendar() {
    let title = |t: &str| Grid { name: String::new(), rows: vec![vec![Cell::Text(t.into())]], merges: Vec::new() };
    assert_eq!(title_year(&title("令和2年国勢調査")), Some(2020));
    assert_eq!(title_year(&title("平成27年国勢調査")), Some(2015));
    assert_eq!(title_year(&title("住民基本台帳 2024年1月1日現在")), Some(2024));
    assert_eq!(title_year(&title("令和元年")), Some(2019));
    assert_eq!(title_year(&title("表 12345年")), None);
}
