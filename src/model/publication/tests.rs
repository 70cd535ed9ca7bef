//! The public copy: what is hidden and what is internal is gone, and what is left is whole.

use super::*;
use crate::model::{validate, Measure, Severity};

/// 北本市's goals and indicators, with measures added: goal 1's measure has a KPI and an
/// initiative with a KPI of its own; goal 2's measure re-lists that initiative and shares a KPI.
fn kitamoto() -> Strategy {
    let mut s = crate::examples::by_key("kitamoto").unwrap().load().unwrap();
    let (a, b) = (s.indicators[0].id.clone(), s.indicators[1].id.clone());
    let mut initiative = crate::model::Initiative::new("1", "空き家バンク");
    initiative.kpis.push(b);
    let x = initiative.id.clone();
    let mut first = Measure::new("1-1", "移住の促進");
    first.kpis.push(a.clone());
    first.initiatives.push(Arc::new(initiative));
    let mut second = Measure::new("2-1", "子育ての支援");
    second.kpis.push(a);
    second.relisted.push(crate::model::Relisting::all_years(x));
    s.goal_mut(&s.goals[0].id.clone()).unwrap().measures.push(Arc::new(first));
    s.goal_mut(&s.goals[1].id.clone()).unwrap().measures.push(Arc::new(second));
    s
}

#[test]
fn a_hidden_goal_takes_its_measures_initiatives_and_own_indicators_along() {
    let mut s = kitamoto();
    let goal = s.goals[0].clone();
    s.publication_mut().set_hidden(&goal.id, true);
    let out = public_copy(&s);
    assert!(out.goals.iter().all(|g| g.id != goal.id));
    let measures: Vec<&Id> = goal.measures.iter().map(|m| &m.id).collect();
    assert!(out.measures().all(|(_, m)| !measures.contains(&&m.id)));
    // An indicator of the hidden goal goes out only when a published item still refers to it.
    for id in goal.targets.iter().chain(goal.measures.iter().flat_map(|m| m.kpis.iter())) {
        let used_elsewhere = s.goals[1..].iter().any(|g| {
            g.targets.contains(id)
                || g.measures.iter().any(|m| m.kpis.contains(id) || m.initiatives.iter().any(|i| i.kpis.contains(id)))
        });
        assert_eq!(out.indicator(id).is_some(), used_elsewhere, "{id:?}");
    }
    assert!(validate(&out).iter().all(|p| p.severity() != Severity::Error), "{:?}", validate(&out));
}

#[test]
fn a_hidden_indicator_leaves_every_list_that_named_it() {
    let mut s = kitamoto();
    let id = s.goals[0].measures[0].kpis[0].clone();
    s.publication_mut().set_hidden(&id, true);
    let out = public_copy(&s);
    assert!(out.indicator(&id).is_none());
    assert!(out.goals.iter().all(|g| !g.targets.contains(&id)));
    assert!(out.measures().all(|(_, m)| !m.kpis.contains(&id) && m.initiatives.iter().all(|i| !i.kpis.contains(&id))));
    assert!(validate(&out).iter().all(|p| p.severity() != Severity::Error));
}

#[test]
fn a_hidden_measure_takes_its_initiatives_and_their_relistings_elsewhere() {
    let mut s = kitamoto();
    let (owner, relisted) = s
        .measures()
        .find_map(|(_, m)| m.relisted.first().map(|r| (r.initiative.clone(), m.id.clone())))
        .map(|(i, by)| (s.initiatives().find(|(_, x)| x.id == i).unwrap().0.id.clone(), (i, by)))
        .expect("the example re-lists an initiative");
    s.publication_mut().set_hidden(&owner, true);
    let out = public_copy(&s);
    let (initiative, by) = relisted;
    assert!(out.initiative(&initiative).is_none());
    if let Some((_, m)) = out.measures().find(|(_, m)| m.id == by) {
        assert!(m.relisted.iter().all(|r| r.initiative != initiative));
    }
    assert!(validate(&out).iter().all(|p| p.severity() != Severity::Error));
}

#[test]
fn internal_notes_are_emptied_and_published_text_is_kept() {
    let mut s = kitamoto();
    let m = s.goals[0].measures[0].id.clone();
    let mut e = crate::model::Evaluation::new(s.period.first);
    e.outcomes = "成果の文".into();
    e.notes = "内部の補足".into();
    s.measure_mut(&m).unwrap().evaluations.push(e);
    let i = s.indicators[0].id.clone();
    s.indicator_mut(&i).unwrap().notes = "内部の備考".into();
    s.workshops.push(crate::model::WorkshopSession::new("第1回ワークショップ", "2024-06-01"));
    let out = public_copy(&s);
    let ev = out
        .measures()
        .find(|(_, x)| x.id == m)
        .unwrap()
        .1
        .evaluation(s.period.first, crate::model::EvaluationStage::First)
        .unwrap();
    assert_eq!((ev.outcomes.as_str(), ev.notes.as_str()), ("成果の文", ""));
    assert!(out.indicators.iter().all(|i| i.notes.is_empty()));
    assert!(out.workshops.is_empty() && out.schedule.is_empty());
    let json = serde_json::to_string(&out).unwrap();
    assert!(!json.contains("内部の") && !json.contains("第1回ワークショップ"));
}

#[test]
fn the_settings_read_and_write_only_when_there_are_some() {
    let mut s = kitamoto();
    assert!(!serde_json::to_string(&s).unwrap().contains("\"publication\""));
    let (g0, g1) = (s.goals[0].id.clone(), s.goals[1].id.clone());
    s.publication_mut().set_highlight(&g0, "  子育て世帯の転入が増えた ");
    s.publication_mut().set_hidden(&g1, true);
    s.publication_mut().set_hidden(&g1, true);
    assert_eq!(s.publication.hidden.len(), 1);
    let back: Strategy = serde_json::from_str(&serde_json::to_string(&s).unwrap()).unwrap();
    assert_eq!(back.publication, s.publication);
    assert_eq!(back.publication.highlight(&g0), "子育て世帯の転入が増えた");
    s.publication_mut().set_highlight(&g0, " ");
    s.publication_mut().set_hidden(&g1, false);
    assert!(s.publication.is_empty());
}

#[test]
fn two_members_hiding_and_writing_different_goals_merge_without_a_conflict() {
    let base = kitamoto();
    let (g0, g1) = (base.goals[0].id.clone(), base.goals[1].id.clone());
    let mut ours = base.clone();
    ours.publication_mut().set_hidden(&g0, true);
    ours.publication_mut().set_highlight(&g0, "転入超過が続いた");
    ours.publication_mut().licence = "CC BY 4.0".into();
    let mut theirs = base.clone();
    theirs.publication_mut().set_hidden(&g1, true);
    theirs.publication_mut().set_highlight(&g1, "出生数が増えた");
    let m = crate::model::merge::merge(&base, &ours, &theirs);
    assert!(m.conflicts.is_empty(), "{:?}", m.conflicts);
    let merged = m.strategy().publication;
    assert!(merged.is_hidden(&g0) && merged.is_hidden(&g1));
    assert_eq!((merged.highlight(&g0), merged.highlight(&g1)), ("転入超過が続いた", "出生数が増えた"));
    assert_eq!(merged.licence, "CC BY 4.0");
}
