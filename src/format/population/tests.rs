//! The readers on the made-up census table (e-Stat's layout), on 住民基本台帳 single ages, on
//! pasted assumptions, and on damaged tables: each problem named with its cell.

use super::*;
use crate::format::table::{from_tsv, Cell, Grid};
use crate::model::population::{AssumptionSource, OpenAge, Sex};

const CENSUS: &str = include_str!("fixtures/census_kasou.csv");

fn census() -> Grid {
    Grid { name: "国勢調査".into(), ..grid_from_csv(CENSUS) }
}

#[test]
fn the_census_table_as_downloaded_reads_into_groups_with_the_open_group_summed() {
    let r = read_census(&census()).unwrap();
    assert_eq!(r.open, OpenAge::From90);
    assert_eq!(r.male.len(), 19);
    assert_eq!((r.male[0], r.female[0]), (210, 200));
    assert_eq!((r.male[17], r.female[17]), (200, 300));
    // 90+ = 90–94 + 95–99 + 100歳以上: men 110 + 40 + 8, women 200 + 90 + 22.
    assert_eq!((r.male[18], r.female[18]), (158, 312));
    assert_eq!(r.unknown_age, [12, 8]);
}

fn damaged(row: usize, col: usize, cell: Cell) -> Grid {
    let mut g = census();
    g.rows[row][col] = cell;
    g
}

#[test]
fn a_withheld_an_empty_and_an_unreadable_cell_are_named_by_their_address() {
    // Row 6 of the sheet is 0～4歳; column D is 男, E is 女.
    let masked = read_census(&damaged(5, 3, Cell::Text("X".into()))).unwrap_err();
    assert_eq!(masked, vec![CensusProblem::Masked { address: "国勢調査!D6".into() }]);
    let empty = read_census(&damaged(5, 4, Cell::Empty)).unwrap_err();
    assert_eq!(empty, vec![CensusProblem::Empty { address: "国勢調査!E6".into() }]);
    let text = read_census(&damaged(5, 4, Cell::Text("約230".into()))).unwrap_err();
    assert_eq!(text, vec![CensusProblem::NotACount { address: "国勢調査!E6".into(), text: "約230".into() }]);
}

#[test]
fn a_dash_is_none_and_the_sums_are_checked_against_the_total_row_and_column() {
    // 95～99歳 men 40 → 「-」: 0, so the groups no longer sum to 総数 (5,550), and 男 + 女 ≠ 総数.
    let g = damaged(24, 3, Cell::Text("－".into()));
    let problems = read_census(&g).unwrap_err();
    assert_eq!(
        problems,
        vec![CensusProblem::SexesDiffer { address: "国勢調査!C25".into(), male: 0, female: 90, both: 130 }]
    );
    let mut g = g;
    g.rows[24][2] = Cell::Text("90".into());
    assert_eq!(
        read_census(&g).unwrap_err(),
        vec![CensusProblem::SumDiffers {
            sex: Sex::Male, groups: 5510, total: 5550, address: "国勢調査!D5".into()
        }]
    );
}

#[test]
fn a_missing_group_or_a_table_without_sexes_is_refused() {
    let mut g = census();
    g.rows.remove(8); // 15～19歳
    assert!(read_census(&g).unwrap_err().contains(&CensusProblem::MissingGroup { low: 15 }));
    let no_sexes = from_tsv("年齢\t総数\n0～4歳\t10\n");
    assert_eq!(read_census(&no_sexes).unwrap_err(), vec![CensusProblem::NoSexColumns]);
    let no_ages = from_tsv("区分\t男\t女\n世帯数\t1\t2\n");
    assert_eq!(read_census(&no_ages).unwrap_err(), vec![CensusProblem::NoAgeRows]);
}

#[test]
fn single_ages_of_the_resident_register_are_summed_into_groups_and_85_and_over_closes_them() {
    // 架空: every age 0–84 has 10 men and 11 women; 「85歳以上」 30 and 40.
    let mut text = String::from("年齢\t男\t女\t計\n");
    for a in 0..85 {
        text.push_str(&format!("{a}歳\t10\t11\t21\n"));
    }
    text.push_str("85歳以上\t30\t40\t70\n");
    let r = read_census(&from_tsv(&text)).unwrap();
    assert_eq!(r.open, OpenAge::From85);
    assert_eq!(r.male, [vec![50; 17], vec![30]].concat());
    assert_eq!(r.female[16], 55);
}

/// 架空 assumptions for one period of a town: 生残率 0.99, 純移動率 −0.01, by sex × group
/// reached; 子ども女性比 0.2; 性比 105.
fn assumptions_tsv(code: &str, open: u16) -> String {
    let mut t = String::from("団体コード\t市区町村\t項目\t男女\t年齢\t2020→2025\t2025→2030\n");
    let groups: Vec<String> =
        (1..open / 5).map(|g| format!("{}～{}歳", g * 5, g * 5 + 4)).chain([format!("{open}歳以上")]).collect();
    for (item, v) in [("生残率", "0.99"), ("純移動率", "-0.01")] {
        for sex in ["男", "女"] {
            for g in &groups {
                t.push_str(&format!("{code}\t架空町\t{item}\t{sex}\t{g}\t{v}\t{v}\n"));
            }
        }
    }
    t.push_str(&format!("{code}\t架空町\t子ども女性比\t\t\t0.2\t0.21\n{code}\t架空町\t0～4歳性比\t\t\t105\t105.2\n"));
    t
}

#[test]
fn the_town_is_found_by_its_code_among_others_and_every_rate_is_read() {
    let text = assumptions_tsv("01999", 90)
        + &assumptions_tsv("01998", 90).lines().skip(1).map(|l| l.replace("0.99", "0.5") + "\n").collect::<String>();
    let source = AssumptionSource::Ipss { vintage: "架空".into() };
    let a = read_assumptions(&from_tsv(&text), Some("019992"), source.clone()).unwrap();
    assert_eq!(a.periods.len(), 2);
    assert_eq!(a.periods[0].survival_male, vec![0.99; 18]);
    assert_eq!(a.periods[1].child_woman_ratio, 0.21);
    assert_eq!(a.periods[1].sex_ratio, 105.2);
    assert_eq!(
        read_assumptions(&from_tsv(&text), Some("019003"), source).unwrap_err(),
        vec![AssumptionProblem::TownNotFound { code: "019003".into() }]
    );
}

#[test]
fn a_missing_or_unreadable_rate_is_named() {
    let mut g = from_tsv(&assumptions_tsv("01999", 85));
    g.rows[3][5] = Cell::Text("—X".into());
    g.rows.remove(20);
    let problems = read_assumptions(&g, None, AssumptionSource::Pasted).unwrap_err();
    assert_eq!(problems[0], AssumptionProblem::NotANumber { address: "!F4".into(), text: "—X".into() });
    assert!(
        problems.contains(&AssumptionProblem::Missing {
            item: RateItem::Survival,
            sex: Some(Sex::Female),
            low: Some(15),
            start: 2020
        }),
        "{problems:?}"
    );
    assert_eq!(
        read_assumptions(&from_tsv("a\tb\n"), None, AssumptionSource::Pasted).unwrap_err(),
        vec![AssumptionProblem::NoHeader]
    );
}

#[test]
fn the_made_up_assumptions_read_with_survival_falling_with_age_and_the_open_group_low() {
    let tsv = include_str!("fixtures/assumptions_kasou.tsv");
    let a = read_assumptions(&from_tsv(tsv), Some("01999"), AssumptionSource::Pasted).unwrap();
    assert_eq!(a.periods.iter().map(|p| p.start).collect::<Vec<_>>(), [2020, 2025]);
    for p in &a.periods {
        for s in [&p.survival_male, &p.survival_female] {
            assert_eq!(s.len(), 18);
            // From 35–39 on, each group reached survives less than the one before; 90+ is low.
            assert!(s[6..].windows(2).all(|w| w[1] < w[0]), "{s:?}");
            assert!(s[17] < 0.7 && s[0] > 0.999, "{s:?}");
        }
        // Young people leave at 15–24, as in a rural town.
        assert!(p.migration_male[2] < 0.0 && p.migration_female[3] < -0.1);
    }
    // Women outlive men at every age.
    assert!(a.periods[0].survival_female.iter().zip(&a.periods[0].survival_male).all(|(f, m)| f >= m));
}
