//! Hearings and opinions: added on a stage, answered, gathered into one answer, counted.

use super::*;
use crate::model::{FiscalYear, GoalKind, PlanPeriod, Strategy};

fn strategy() -> (Strategy, Id) {
    let mut s =
        Strategy::blank("第3期戦略", "木更津市", PlanPeriod { first: FiscalYear(2025), last: FiscalYear(2029) });
    s.stage = DraftingStage::Draft;
    let goal = s.add_goal(GoalKind::Basic);
    (s, goal)
}

fn opinion(s: &mut Strategy, hearing: &Id, text: &str, sender: &str) -> Id {
    let mut o = Opinion::new(hearing, text);
    o.sender = sender.into();
    s.add_opinion(o).unwrap()
}

#[test]
fn opinions_belong_to_the_stage_of_their_hearing() {
    let (mut s, _) = strategy();
    let council = s.add_hearing(Hearing::new(DraftingStage::Outline, HearingBody::DraftingMeeting, "2019-08-20"));
    let comment = s.add_hearing(Hearing::new(DraftingStage::Draft, HearingBody::PublicComment, " R2.1 上旬 "));
    let a = opinion(&mut s, &council, "骨子案への意見", "");
    let b = opinion(&mut s, &comment, "素案への意見", "");
    s.stage = DraftingStage::Proposal;
    assert_eq!(s.stage_of(s.opinion(&a).unwrap()), Some(DraftingStage::Outline));
    assert_eq!(s.stage_of(s.opinion(&b).unwrap()), Some(DraftingStage::Draft), "the strategy's stage moved on");
    assert_eq!(s.hearings_on(DraftingStage::Draft).map(|h| &h.id).collect::<Vec<_>>(), vec![&comment]);
    assert_eq!(s.hearing(&comment).unwrap().when, "R2.1 上旬");
    assert_eq!(s.add_opinion(Opinion::new(&Id::new("hearing"), "どこにもない")), None, "an unknown hearing");
    assert_eq!(s.add_opinion(Opinion::new(&comment, "  ")), None, "a blank text");
    assert!(s.remove_hearing(&council));
    assert!(s.opinion(&a).is_none() && s.opinion(&b).is_some(), "a hearing goes with its opinions only");
}

#[test]
fn an_answer_and_a_gathered_answer() {
    let (mut s, _) = strategy();
    let h = s.add_hearing(Hearing::new(DraftingStage::Draft, HearingBody::PublicComment, ""));
    let ids: Vec<Id> =
        ["子育て支援を", "保育所を増やして", "駅前の整備を"].iter().map(|t| opinion(&mut s, &h, t, "")).collect();
    let answer = TownAnswer {
        answer: " 素案に追記しました。 ".into(),
        response: Some(Response::Revise),
        change: Some(ChangeLink::Described("施策1-1に追記".into())),
    };
    assert!(s.answer_opinion(&ids[1], &answer));
    assert_eq!(s.opinion(&ids[1]).unwrap().answer, "素案に追記しました。");
    // Gathering takes the first answer there is to every member.
    let group = s.gather(&ids[..2]).unwrap();
    let first = s.opinion(&ids[0]).unwrap();
    assert_eq!((first.group.as_ref(), first.response), (Some(&group), Some(Response::Revise)));
    assert_eq!(s.gathered_with(first).len(), 2);
    // Answering one member answers the group; a 対応 other than 修正 drops the change.
    let as_drafted = TownAnswer {
        answer: "原案のとおりとします。".into(),
        response: Some(Response::AsDrafted),
        change: answer.change,
    };
    s.answer_opinion(&ids[0], &as_drafted);
    let second = s.opinion(&ids[1]).unwrap();
    assert_eq!((second.response, second.change.as_ref()), (Some(Response::AsDrafted), None));
    assert_eq!(s.answer_of(second).answer, "原案のとおりとします。");
    assert_eq!(s.opinion(&ids[2]).unwrap().response, None, "outside the group: untouched");
    // One opinion is no group; taking one out of a pair ends it.
    assert_eq!(s.gather(&ids[2..]), None);
    assert!(s.ungather(&ids[0]));
    assert!(s.opinions.iter().all(|o| o.group.is_none()));
    assert_eq!(s.opinion(&ids[0]).unwrap().answer, "原案のとおりとします。", "the answer stays");
}

#[test]
fn gathering_into_a_group_takes_the_group_whole() {
    let (mut s, _) = strategy();
    let h = s.add_hearing(Hearing::new(DraftingStage::Draft, HearingBody::Roundtable, ""));
    let ids: Vec<Id> = (1..=4).map(|i| opinion(&mut s, &h, &format!("意見{i}"), "")).collect();
    let g1 = s.gather(&ids[..2]).unwrap();
    let g2 = s.gather(&[ids[1].clone(), ids[2].clone()]).unwrap();
    assert_ne!(g1, g2);
    assert_eq!(s.opinions.iter().filter(|o| o.group.as_ref() == Some(&g2)).count(), 3);
    assert_eq!(s.opinion(&ids[3]).unwrap().group, None);
}

#[test]
fn counts_of_a_hearing() {
    let (mut s, _) = strategy();
    let h = s.add_hearing(Hearing::new(DraftingStage::Draft, HearingBody::PublicComment, ""));
    for (text, sender) in [("a", "山田"), ("b", "山田 "), ("c", "佐藤"), ("d", "鈴木")] {
        opinion(&mut s, &h, text, sender);
    }
    let ids: Vec<Id> = s.opinions.iter().map(|o| o.id.clone()).collect();
    let reply = |r| TownAnswer { answer: "x".into(), response: Some(r), change: None };
    s.answer_opinion(&ids[0], &reply(Response::Revise));
    s.answer_opinion(&ids[1], &reply(Response::AsDrafted));
    s.answer_opinion(&ids[2], &reply(Response::AsDrafted));
    let c = s.hearing_counts(&h);
    assert_eq!((c.opinions, c.submitters, c.by_response, c.unanswered), (4, Some(3), [1, 2, 0, 0], 1));
    // An opinion without its sender: the senders cannot be counted …
    opinion(&mut s, &h, "e", "");
    assert_eq!(s.hearing_counts(&h).submitters, None);
    // … and a recorded 提出者数 is taken as it is.
    s.hearing_mut(&h).unwrap().submitters = Some(14);
    assert_eq!(s.hearing_counts(&h).submitters, Some(14));
    let empty = s.add_hearing(Hearing::new(DraftingStage::Draft, HearingBody::Assembly, ""));
    assert_eq!(s.hearing_counts(&empty), HearingCounts { submitters: Some(0), ..Default::default() });
}

#[test]
fn the_json_of_a_hearing_and_an_opinion() {
    let mut h = Hearing::new(DraftingStage::Draft, HearingBody::Other("市民説明会".into()), "2019-12-05");
    h.id = Id::from("hearing-1");
    h.period = Some(CommentPeriod { from: "2020-01-06".into(), to: "2020-02-05".into() });
    h.submitters = Some(14);
    assert_eq!(
        serde_json::to_value(&h).unwrap(),
        serde_json::json!({"id": "hearing-1", "stage": "draft", "body": {"other": "市民説明会"}, "when": "2019-12-05",
            "period": {"from": "2020-01-06", "to": "2020-02-05"}, "submitters": 14})
    );
    let mut o = Opinion::new(&h.id, "=1+1");
    o.id = Id::from("opinion-1");
    assert_eq!(
        serde_json::to_value(&o).unwrap(),
        serde_json::json!({"id": "opinion-1", "hearing": "hearing-1", "text": "=1+1"})
    );
    o.about = OpinionAbout::Measure(Id::from("measure-1"));
    o.response = Some(Response::AsDrafted);
    o.change = Some(ChangeLink::Version("v-1".into()));
    let json = serde_json::to_value(&o).unwrap();
    assert_eq!(json["about"], serde_json::json!({"measure": "measure-1"}));
    assert_eq!(
        (json["response"].as_str(), &json["change"]),
        (Some("as_drafted"), &serde_json::json!({"version": "v-1"}))
    );
    assert_eq!(serde_json::from_value::<Opinion>(json).unwrap(), o);
    assert_eq!(HearingBody::from_key("public_comment", ""), Some(HearingBody::PublicComment));
    assert_eq!(HearingBody::from_key("other", " 説明会 "), Some(HearingBody::Other("説明会".into())));
    assert_eq!(Response::from_key("reference"), Some(Response::Reference));
}

#[test]
fn dangling_hearings_and_items_are_warnings_at_their_paths() {
    use crate::model::{validate, ProblemKind, Severity};
    let (mut s, goal) = strategy();
    let h = s.add_hearing(Hearing::new(DraftingStage::Draft, HearingBody::PublicComment, ""));
    let mut o = Opinion::new(&h, "目標について");
    o.about = OpinionAbout::Goal(goal.clone());
    s.add_opinion(o).unwrap();
    assert!(validate(&s).iter().all(|p| !p.path.starts_with("opinions") && !p.path.starts_with("hearings")));
    let mut o = Opinion::new(&h, "節について");
    o.about = OpinionAbout::Section(Id::from("section-gone"));
    s.add_opinion(o).unwrap();
    s.hearing_mut(&h).unwrap().period = Some(CommentPeriod { from: "2020-02-05".into(), to: "2020-01-06".into() });
    s.opinions_mut()[0].hearing = Id::from("hearing-gone");
    assert!(s.remove_goal(&goal));
    let problems: Vec<(String, ProblemKind)> = validate(&s)
        .into_iter()
        .filter(|p| p.path.starts_with("opinions") || p.path.starts_with("hearings"))
        .map(|p| (p.path, p.kind))
        .collect();
    assert_eq!(
        problems,
        vec![
            ("hearings[0].period".to_string(), ProblemKind::BadCommentPeriod),
            ("opinions[0].hearing".into(), ProblemKind::UnknownHearing { id: Id::from("hearing-gone") }),
            ("opinions[0].about".into(), ProblemKind::UnknownOpinionItem { id: goal }),
            ("opinions[1].about".into(), ProblemKind::UnknownOpinionItem { id: Id::from("section-gone") }),
        ]
    );
    assert!(problems.iter().all(|(_, k)| k.severity() == Severity::Warning), "the opinions are kept");
}

#[test]
fn a_duplicate_renews_hearings_opinions_and_groups_and_keeps_their_links() {
    let (mut s, goal) = strategy();
    let h = s.add_hearing(Hearing::new(DraftingStage::Draft, HearingBody::Roundtable, ""));
    let mut o = Opinion::new(&h, "a");
    o.about = OpinionAbout::Goal(goal);
    let a = s.add_opinion(o).unwrap();
    let b = s.add_opinion(Opinion::new(&h, "b")).unwrap();
    let group = s.gather(&[a, b]).unwrap();
    let d = s.duplicate();
    assert_ne!(d.hearings[0].id, h);
    assert!(d.opinions.iter().all(|o| o.hearing == d.hearings[0].id));
    assert_eq!(d.opinions[0].about, OpinionAbout::Goal(d.goals[0].id.clone()));
    let g = d.opinions[0].group.clone().unwrap();
    assert_ne!(g, group);
    assert_eq!(d.opinions[1].group.as_ref(), Some(&g));
    assert!(crate::model::validate(&d).iter().all(|p| !p.path.starts_with("opinions")));
}

#[test]
fn senders_never_reach_the_public_copy() {
    let (mut s, _) = strategy();
    let h = s.add_hearing(Hearing::new(DraftingStage::Draft, HearingBody::PublicComment, ""));
    opinion(&mut s, &h, "公園を", "木更津 太郎");
    opinion(&mut s, &h, "広場を", "君津 花子");
    let public = crate::model::public_copy(&s);
    // The opinions go out (「意見と市の考え方」), their senders do not: only how many there were.
    assert_eq!(public.opinions.iter().map(|o| o.text.as_str()).collect::<Vec<_>>(), vec!["公園を", "広場を"]);
    assert!(public.opinions.iter().all(|o| o.sender.is_empty()));
    assert_eq!(public.hearings[0].submitters, Some(2), "提出者数, counted before the names are left out");
    let json = serde_json::to_string(&public).unwrap();
    assert!(!json.contains("木更津 太郎"));
    assert_eq!(s.opinions[0].sender, "木更津 太郎", "the strategy itself keeps them");
}
