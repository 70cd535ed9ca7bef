//! Hearings and opinions through a merge: two lists of entities matched by id, as every other.

use super::edits::town;
use super::*;
use crate::model::hearing::TownAnswer;
use crate::model::*;

fn with_hearing() -> (Strategy, Id, Id) {
    let mut base = town();
    let h = base.add_hearing(Hearing::new(DraftingStage::Draft, HearingBody::PublicComment, "2020-01-06"));
    let o = base.add_opinion(Opinion::new(&h, "子育て支援の充実を")).unwrap();
    (base, h, o)
}

fn reply(text: &str, r: Response) -> TownAnswer {
    TownAnswer { answer: text.into(), response: Some(r), change: None }
}

#[test]
fn opinions_added_and_answered_on_two_machines_are_all_kept() {
    let (base, h, o) = with_hearing();
    let (mut ours, mut theirs) = (base.clone(), base.clone());
    let mine = ours.add_opinion(Opinion::new(&h, "駅前の整備を")).unwrap();
    theirs.answer_opinion(&o, &reply("素案に反映します。", Response::Revise));
    let council = theirs.add_hearing(Hearing::new(DraftingStage::Draft, HearingBody::Assembly, "12月議会"));
    let yours = theirs.add_opinion(Opinion::new(&council, "財源の説明を")).unwrap();
    for (a, b) in [(&ours, &theirs), (&theirs, &ours)] {
        let m = merge(&base, a, b);
        assert!(m.conflicts.is_empty(), "{:?}", m.conflicts);
        let s = m.resolve_all(Side::Ours).unwrap();
        assert_eq!(s.hearings.len(), 2);
        assert_eq!(s.opinions.iter().map(|o| &o.id).collect::<Vec<_>>().len(), 3);
        assert!(s.opinion(&mine).is_some() && s.opinion(&yours).is_some());
        assert_eq!(s.opinion(&o).unwrap().response, Some(Response::Revise));
    }
}

#[test]
fn an_opinion_answered_differently_on_both_sides_is_one_conflict() {
    let (base, _, o) = with_hearing();
    let (mut ours, mut theirs) = (base.clone(), base.clone());
    ours.answer_opinion(&o, &reply("原案のとおりとします。", Response::AsDrafted));
    theirs.answer_opinion(&o, &reply("参考とします。", Response::Reference));
    let m = merge(&base, &ours, &theirs);
    assert!(!m.conflicts.is_empty());
    assert!(m.conflicts.iter().all(|c| c.entity == Entity { kind: Kind::Opinion, id: o.clone() }), "{:?}", m.conflicts);
    let s = m.resolve_all(Side::Theirs).unwrap();
    assert_eq!(s.opinion(&o).unwrap().response, Some(Response::Reference));
}

/// As for any entity that names another (a measure's 担当課): an opinion added on one side to a
/// hearing the other removed is kept, and validation points at its hearing; nothing heard is lost.
#[test]
fn an_opinion_added_to_a_hearing_the_other_side_removed_is_kept_and_pointed_out() {
    let (base, h, o) = with_hearing();
    let (mut ours, mut theirs) = (base.clone(), base.clone());
    assert!(ours.remove_hearing(&h));
    let added = theirs.add_opinion(Opinion::new(&h, "もう一件")).unwrap();
    let m = merge(&base, &ours, &theirs);
    assert!(m.conflicts.is_empty(), "{:?}", m.conflicts);
    let s = m.resolve_all(Side::Ours).unwrap();
    assert!(s.hearing(&h).is_none() && s.opinion(&o).is_none(), "the removal is taken");
    assert_eq!(s.opinions.iter().map(|o| &o.id).collect::<Vec<_>>(), vec![&added]);
    let problems = validate(&s);
    assert!(problems.iter().any(|p| p.path == "opinions[0].hearing"), "{problems:?}");
}
