//! 広域連携: the partner field's checks, the partnerships across a region (confirmed,
//! unconfirmed, outside the region), and the grants list.

use super::{by_code, by_name, region, HOKUTO, KIKONAI};
use crate::model::region::{
    grants, partner_problems, partnerships, GrantFilter, PartnershipStatus, Party, ProgrammeFilter,
};
use crate::model::{validate, FiscalYear, Partner, ProblemKind, Strategy};

fn town(name: &str) -> Party {
    Party::Town { strategy: crate::model::Id::from(""), municipality: name.into() }
}

/// A party with the strategy id blanked, to compare by name.
fn named(p: &Party) -> Party {
    match p {
        Party::Town { municipality, .. } => town(municipality),
        outside => outside.clone(),
    }
}

/// (first, second, initiatives of the first side, of the second, status)
type Described = (Party, Party, Vec<String>, Vec<String>, PartnershipStatus);

fn described(towns: &[&Strategy]) -> Vec<Described> {
    let title = |path: &crate::model::region::ItemPath| {
        let s = towns.iter().find(|s| s.id == path.strategy).unwrap();
        s.initiative(path.initiative.as_ref().unwrap()).unwrap().title.clone()
    };
    partnerships(towns)
        .iter()
        .map(|p| {
            (
                named(&p.first),
                named(&p.second),
                p.first_side.iter().map(title).collect(),
                p.second_side.iter().map(title).collect(),
                p.status,
            )
        })
        .collect()
}

#[test]
fn partnerships_named_by_both_sides_are_confirmed() {
    let (region, strategies) = region();
    let towns = region.towns(&strategies);
    use PartnershipStatus::*;
    let s = |v: &[&str]| v.iter().map(|t| (*t).to_owned()).collect::<Vec<_>>();
    assert_eq!(
        described(&towns),
        [
            // 七飯町 names 北斗市 by code, 北斗市 names 七飯町 by name.
            (town("七飯町"), town("北斗市"), s(&["移住体験住宅の運営"]), s(&["広域観光周遊ルートの造成"]), Confirmed),
            (town("七飯町"), Party::Outside(by_name("函館市")), s(&["子育て応援給付金"]), s(&[]), OutsideRegion),
            // 北斗市 names 木古内町; 木古内町 does not name it back.
            (town("北斗市"), town("木古内町"), s(&["観光ＤＸ推進事業"]), s(&[]), Unconfirmed),
            // 木古内町 names 七飯町, which does not name it back: the first side is empty.
            (town("七飯町"), town("木古内町"), s(&[]), s(&["子育て世帯移住支援金"]), Unconfirmed),
        ]
    );
}

#[test]
fn a_partner_is_found_by_code_else_by_name_and_a_town_naming_itself_is_ignored() {
    let (region, mut strategies) = region();
    // 木古内町 names 北斗市 back by a full-width code, and itself.
    let kikonai = &mut strategies[2];
    let id = kikonai.goals[0].measures[0].initiatives[0].id.clone();
    let i = kikonai.initiative_mut(&id).unwrap();
    i.partners.push(by_code("０１２３６０"));
    i.partners.push(by_code(KIKONAI));
    // A wrong code with the right name: the name decides.
    i.partners.push(Partner { code: Some("999999".into()), name: "七飯町".into() });
    let towns = region.towns(&strategies);
    let found = described(&towns);
    assert_eq!(found.len(), 4);
    assert_eq!((named(&found[2].1), found[2].4), (town("木古内町"), PartnershipStatus::Confirmed));
    assert_eq!(found[3].3.len(), 1, "one initiative, listed once though it names 七飯町 twice");
}

#[test]
fn partner_codes_are_checked_with_the_initiative() {
    let (_, mut strategies) = region();
    let s = &mut strategies[0];
    let id = s.goals[0].measures[0].initiatives[1].id.clone();
    let i = s.initiative_mut(&id).unwrap();
    i.partners = vec![by_code(HOKUTO), by_code("12345"), by_code("012361"), Partner::default(), by_name("森町")];
    let got = partner_problems("goals[0].measures[0].initiatives[1]", s.initiative(&id).unwrap());
    let at = |k: usize, field: &str| format!("goals[0].measures[0].initiatives[1].partners[{k}].{field}");
    let expected = vec![
        (at(1, "code"), ProblemKind::MunicipalityCodeInvalid { code: "12345".into() }),
        (at(2, "code"), ProblemKind::MunicipalityCodeInvalid { code: "012361".into() }),
        (at(3, "name"), ProblemKind::EmptyTitle),
    ];
    assert_eq!(got.iter().map(|p| (p.path.clone(), p.kind.clone())).collect::<Vec<_>>(), expected);
    // Validation finds the same, as warnings: the strategy stays usable.
    let all = validate(s);
    let partners: Vec<_> =
        all.iter().filter(|p| p.path.contains(".partners[")).map(|p| (p.path.clone(), p.kind.clone())).collect();
    assert_eq!(partners, expected);
    assert!(crate::model::errors(&all).next().is_none());
}

#[test]
fn grants_per_town_and_year() {
    let (region, strategies) = region();
    let towns = region.towns(&strategies);
    type Row = (String, String, Option<i32>, Option<i64>, Option<i64>);
    let rows = |filter: GrantFilter| -> Vec<Row> {
        grants(&towns, &filter)
            .into_iter()
            .map(|r| (r.municipality, r.title, r.year.map(|y| y.0), r.budget, r.settled))
            .collect()
    };
    let row = |m: &str, t: &str, y: Option<i32>, b: Option<i64>, s: Option<i64>| (m.to_owned(), t.to_owned(), y, b, s);
    assert_eq!(
        rows(GrantFilter::default()),
        [
            row("七飯町", "移住体験住宅の運営", Some(2023), Some(1000), Some(900)),
            row("七飯町", "移住体験住宅の運営", Some(2024), Some(1200), None),
            row("七飯町", "子育て応援給付金", Some(2023), Some(2000), Some(1800)),
            row("北斗市", "広域観光周遊ルートの造成", Some(2023), Some(3000), Some(2500)),
            // No year recorded: listed when no year is asked for.
            row("木古内町", "子育て世帯移住支援金", None, None, None),
        ]
    );
    let in_2023 = rows(GrantFilter { year: Some(FiscalYear(2023)), town: None, programme: None });
    assert_eq!(in_2023.len(), 3);
    assert_eq!(in_2023.iter().map(|r| r.3.unwrap()).sum::<i64>(), 6000);
    let kikonai = GrantFilter { year: None, town: Some(strategies[2].id.clone()), programme: None };
    assert_eq!(rows(kikonai.clone()), [row("木古内町", "子育て世帯移住支援金", None, None, None)]);
    assert!(rows(GrantFilter { year: Some(FiscalYear(2023)), ..kikonai }).is_empty());
}

/// Grant projects by programme across towns: 七飯町's 移住体験住宅 on the 推進交付金,
/// 北斗市's 周遊ルート on デジタル田園 (its タイプ named), a programme in 木古内町's own words.
#[test]
fn grant_projects_are_listed_by_programme_across_towns() {
    use crate::model::{DigitalType, GrantProgramme};
    let (region, mut strategies) = region();
    let mut name = |town: usize, title: &str, p: GrantProgramme, t: Option<DigitalType>| {
        let s = &mut strategies[town];
        let id = s.initiatives().find(|(_, i)| i.title == title).unwrap().1.id.clone();
        let i = s.initiative_mut(&id).unwrap();
        i.edit_grant(|g| {
            g.programme = Some(p);
            g.digital_type = t;
        });
        i.edit_year(FiscalYear(2023), |y| y.grant = Some(500));
    };
    name(0, "移住体験住宅の運営", GrantProgramme::Promotion, None);
    name(1, "広域観光周遊ルートの造成", GrantProgramme::DigitalGardenCity, Some(DigitalType::Implementation));
    name(2, "子育て世帯移住支援金", GrantProgramme::Other("北海道の交付金".into()), None);
    let towns = region.towns(&strategies);
    let by = |p: Option<ProgrammeFilter>| -> Vec<(String, String, Option<String>, Option<i64>)> {
        grants(&towns, &GrantFilter { year: None, town: None, programme: p })
            .into_iter()
            .map(|r| (r.municipality, r.title, r.programme, r.grant))
            .collect()
    };
    let promotion = by(Some(ProgrammeFilter::Is(GrantProgramme::Promotion)));
    assert_eq!(promotion.len(), 2, "2023 and 2024 of 移住体験住宅");
    assert_eq!(
        promotion[0],
        ("七飯町".into(), "移住体験住宅の運営".into(), Some("地方創生推進交付金".into()), Some(500))
    );
    let digital = by(Some(ProgrammeFilter::Is(GrantProgramme::DigitalGardenCity)));
    assert_eq!(digital[0].2.as_deref(), Some("デジタル田園都市国家構想交付金（デジタル実装タイプ）"));
    let own = by(Some(ProgrammeFilter::Is(GrantProgramme::Other(String::new()))));
    assert_eq!(own.iter().map(|r| r.2.as_deref().unwrap()).collect::<Vec<_>>(), ["北海道の交付金"]);
    let unnamed = by(Some(ProgrammeFilter::Unnamed));
    assert_eq!(unnamed.iter().map(|r| r.1.as_str()).collect::<Vec<_>>(), ["子育て応援給付金"]);
}

#[test]
fn the_hokuto_example_lists_its_subsidised_projects() {
    let strategies = super::examples();
    let towns: Vec<&Strategy> = strategies.iter().collect();
    let all = grants(&towns, &GrantFilter { year: Some(FiscalYear(2023)), town: None, programme: None });
    let titles: Vec<&str> = all.iter().map(|r| r.title.as_str()).collect();
    assert_eq!(titles, ["人権擁護活動", "人材育成事業の実施", "ワイン振興対策事業"]);
    assert_eq!(all.iter().map(|r| r.settled.unwrap_or(0)).sum::<i64>(), 126 + 1145 + 221_309);
    assert!(partnerships(&towns).is_empty(), "the examples name no partners");
}

/// Two machines' work meets in the three-way merge: partners named on one side and a title
/// changed on the other both come through; partners changed differently on both sides are a
/// conflict on the field, never a silent pick.
#[test]
fn partners_go_through_the_merge() {
    use crate::model::merge::merge;
    let (_, strategies) = region();
    let base = strategies[1].clone();
    let id = base.goals[0].measures[0].initiatives[1].id.clone();
    let (mut ours, mut theirs) = (base.clone(), base.clone());
    ours.initiative_mut(&id).unwrap().partners.push(by_name("七飯町"));
    theirs.initiative_mut(&id).unwrap().title = "観光ＤＸ推進事業（拡充）".into();
    let merged = merge(&base, &ours, &theirs);
    assert!(merged.conflicts.is_empty());
    let result = merged.strategy();
    let i = result.initiative(&id).unwrap();
    assert_eq!((i.partners.len(), i.title.as_str()), (2, "観光ＤＸ推進事業（拡充）"));

    theirs.initiative_mut(&id).unwrap().partners = vec![by_name("函館市")];
    assert_eq!(merge(&base, &ours, &theirs).conflicts.len(), 1);
}
