//! The 地方人口ビジョン through a merge: its scenarios matched by id and its parts field by field,
//! as the rest of the strategy; a part changed on both sides is one card.

use super::edits::town;
use super::*;
use crate::model::population::{
    standard_scenarios, BasePopulation, PopulationVision, RatePoint, Scenario, TargetPopulation,
};
use crate::model::*;
use std::sync::Arc;

/// 北本市-sized made up (架空): 100 in every group, the four standard scenarios, the last chosen.
fn with_vision() -> Strategy {
    let mut s = town();
    let names = ["社人研推計準拠", "出生率上昇", "社会移動均衡", "将来展望"].map(String::from);
    let scenarios = standard_scenarios(2020, names);
    s.population = Some(Arc::new(PopulationVision {
        base: Some(BasePopulation::flat(2020, 100)),
        base_birth_rate: Some(1.4),
        chosen: Some(scenarios[3].id.clone()),
        scenarios,
        ..PopulationVision::default()
    }));
    s
}

fn vision(s: &mut Strategy) -> &mut PopulationVision {
    Arc::make_mut(s.population.as_mut().unwrap())
}

fn scenario(s: &Strategy, k: usize) -> &crate::model::population::NamedScenario {
    &s.population.as_ref().unwrap().scenarios[k]
}

#[test]
fn two_sides_editing_different_scenarios_and_parts_merge_without_a_card() {
    let base = with_vision();
    let (mut ours, mut theirs) = (base.clone(), base.clone());
    vision(&mut ours).scenarios[1].name = "出生率1.8・2.07".into();
    vision(&mut ours).target = Some(TargetPopulation { year: 2070, population: 3000 });
    if let Scenario::Vision { net_migrants_a_year, .. } = &mut vision(&mut theirs).scenarios[3].scenario {
        *net_migrants_a_year = 80.0;
    }
    vision(&mut theirs).base_birth_rate = Some(1.45);
    let added = crate::model::population::NamedScenario {
        id: Id::new("scenario"),
        name: "出生率2.07（2040年）".into(),
        scenario: Scenario::BirthRate { path: vec![RatePoint { year: 2040, rate: 2.07 }] },
    };
    vision(&mut theirs).scenarios.push(added.clone());
    for (a, b) in [(&ours, &theirs), (&theirs, &ours)] {
        let m = merge(&base, a, b);
        assert!(m.conflicts.is_empty(), "{:?}", m.conflicts);
        let s = m.resolve_all(Side::Ours).unwrap();
        let v = s.population.as_deref().unwrap();
        assert_eq!(v.scenarios.len(), 5);
        assert_eq!(v.scenarios[1].name, "出生率1.8・2.07");
        assert!(
            matches!(v.scenarios[3].scenario, Scenario::Vision { net_migrants_a_year, .. } if net_migrants_a_year == 80.0)
        );
        assert_eq!(v.scenarios[4], added);
        assert_eq!((v.base_birth_rate, v.target.map(|t| t.population)), (Some(1.45), Some(3000)));
        assert_eq!(v.chosen, base.population.as_ref().unwrap().chosen);
    }
}

#[test]
fn the_same_scenario_field_changed_on_both_sides_is_one_card() {
    let base = with_vision();
    let (mut ours, mut theirs) = (base.clone(), base.clone());
    vision(&mut ours).scenarios[2].name = "移動均衡（2030年から）".into();
    vision(&mut theirs).scenarios[2].name = "社会移動ゼロ".into();
    // A part of the vision elsewhere, changed on one side only, is taken with no card.
    vision(&mut theirs).notes = "審議会資料".into();
    let m = merge(&base, &ours, &theirs);
    assert_eq!(m.conflicts.len(), 1, "{:?}", m.conflicts);
    let c = &m.conflicts[0];
    assert_eq!(c.entity, Entity { kind: Kind::Scenario, id: scenario(&base, 2).id.clone() });
    assert_eq!(c.field, Field::Value("name".into()));
    assert_eq!(c.path.iter().map(|p| p.entity.kind).collect::<Vec<_>>(), [Kind::Vision, Kind::Scenario]);
    for (side, name) in [(Side::Ours, "移動均衡（2030年から）"), (Side::Theirs, "社会移動ゼロ")] {
        let s = m.resolve_all(side).unwrap();
        assert_eq!(scenario(&s, 2).name, name);
        assert_eq!(s.population.as_ref().unwrap().notes, "審議会資料");
    }
}

#[test]
fn the_base_population_changed_on_both_sides_is_one_card_of_the_vision() {
    let base = with_vision();
    let (mut ours, mut theirs) = (base.clone(), base.clone());
    vision(&mut ours).base.as_mut().unwrap().male[0] = 120;
    vision(&mut theirs).base.as_mut().unwrap().male[0] = 90;
    let m = merge(&base, &ours, &theirs);
    assert_eq!(m.conflicts.len(), 1, "{:?}", m.conflicts);
    assert_eq!(m.conflicts[0].entity, Entity { kind: Kind::Vision, id: Id::from("population") });
    assert_eq!(m.conflicts[0].field, Field::Value("base".into()));
    let s = m.resolve_all(Side::Theirs).unwrap();
    assert_eq!(s.population.as_ref().unwrap().base.as_ref().unwrap().male[0], 90);
}

#[test]
fn a_vision_made_on_one_side_is_taken_and_an_unknown_field_kept() {
    let base = town();
    let mut theirs = with_vision();
    theirs.id = base.id.clone();
    vision(&mut theirs).unknown.insert("from_a_newer_build".into(), serde_json::json!({"x": 1}));
    let mut ours = base.clone();
    ours.title = "総合戦略（改訂版）".into();
    let m = merge(&base, &ours, &theirs);
    assert!(m.conflicts.is_empty(), "{:?}", m.conflicts);
    let s = m.resolve_all(Side::Ours).unwrap();
    assert_eq!(s.population, theirs.population);
    assert_eq!(s.title, "総合戦略（改訂版）");
    // Removed on one side and not touched on the other: removed.
    let m = merge(&theirs, &theirs, &Strategy { population: None, ..theirs.clone() });
    assert!(m.conflicts.is_empty(), "{:?}", m.conflicts);
    assert_eq!(m.resolve_all(Side::Ours).unwrap().population, None);
}

#[test]
fn a_scenario_removed_while_the_other_side_chose_it_is_one_card() {
    let base = with_vision();
    let (mut ours, mut theirs) = (base.clone(), base.clone());
    let removed = scenario(&base, 1).id.clone();
    vision(&mut ours).scenarios.remove(1);
    vision(&mut theirs).chosen = Some(removed.clone());
    let m = merge(&base, &ours, &theirs);
    assert_eq!(m.conflicts.len(), 1, "{:?}", m.conflicts);
    assert_eq!(m.conflicts[0].entity, Entity { kind: Kind::Scenario, id: removed.clone() });
    let kept = m.resolve_all(Side::Theirs).unwrap();
    assert_eq!(kept.population.as_ref().unwrap().chosen, Some(removed.clone()));
    assert!(kept.population.as_ref().unwrap().scenarios.iter().any(|s| s.id == removed));
    let gone = m.resolve_all(Side::Ours).unwrap();
    assert!(gone.population.as_ref().unwrap().scenarios.iter().all(|s| s.id != removed));
    assert!(crate::model::errors(&validate(&gone)).next().is_none(), "{:?}", validate(&gone));
}
