//! 反映: a 修正 linked to a version, found in the history or missing, kept through edits and a
//! merge, and named in the 新旧対照表's 備考 only between the versions around it.

use super::*;
use crate::model::compare::compare;
use crate::model::hearing::{ChangeLink, Hearing, HearingBody, OpinionAbout, TownAnswer};
use crate::model::merge::{merge, Side};
use crate::model::{DraftingStage, FiscalYear, Goal, GoalKind, Measure, PlanPeriod, VersionId};
use std::sync::Arc;

const T0: &str = "2026-11-18T01:00:00.000Z";
const T1: &str = "2026-11-20T02:00:00.000Z";
const T2: &str = "2026-11-21T03:00:00.000Z";

/// One goal with two measures (1-1, 1-2), a パブリックコメント and three opinions: about 1-2,
/// about 1-1 and about the whole.
fn town() -> (Strategy, Id, Vec<Id>) {
    let mut s = Strategy::blank("第3期戦略", "北本市", PlanPeriod { first: FiscalYear(2025), last: FiscalYear(2029) });
    s.stage = DraftingStage::Draft;
    let mut g = Goal::new(GoalKind::Basic, "1", "しごとをつくる");
    g.measures = vec![Arc::new(Measure::new("1-1", "創業支援")), Arc::new(Measure::new("1-2", "移住定住の促進"))];
    s.goals.push(Arc::new(g));
    let h = s.add_hearing(Hearing::new(DraftingStage::Draft, HearingBody::PublicComment, "2026-11-01"));
    let (m1, m2) = (measure(&s, 0), measure(&s, 1));
    let mut ids = Vec::new();
    for (text, about) in [
        ("空き家バンクを", OpinionAbout::Measure(m2)),
        ("創業塾を", OpinionAbout::Measure(m1)),
        ("全体に", OpinionAbout::Whole),
    ] {
        let mut o = Opinion::new(&h, text);
        o.about = about;
        ids.push(s.add_opinion(o).unwrap());
    }
    (s, h, ids)
}

fn measure(s: &Strategy, i: usize) -> Id {
    s.goals[0].measures[i].id.clone()
}

fn set_summary(s: &mut Strategy, i: usize, text: &str) {
    let g = Arc::make_mut(&mut s.goals[0]);
    Arc::make_mut(&mut g.measures[i]).summary = text.into();
}

fn revise(s: &mut Strategy, id: &Id, words: &str) {
    let answer = TownAnswer {
        answer: "素案に追記します。".into(),
        response: Some(Response::Revise),
        change: Some(ChangeLink::Described(words.into())),
    };
    assert!(s.answer_opinion(id, &answer));
}

fn link(at: &str) -> VersionLink {
    VersionLink { saved_at: at.into(), id: None }
}

#[test]
fn a_link_is_kept_through_edits_and_cleared_by_another_response() {
    let (mut s, _, ids) = town();
    assert!(!s.link_version(&ids[0], Some(link(T1))), "only a 修正 has a change");
    revise(&mut s, &ids[0], "施策1-2に空き家バンクを追記");
    assert!(s.link_version(&ids[0], Some(link(T1))));
    // Editing the answer's words keeps the link and the words.
    let mut a = s.answer_of(s.opinion(&ids[0]).unwrap());
    a.answer = "素案の施策1-2に追記しました。".into();
    s.answer_opinion(&ids[0], &a);
    let o = s.opinion(&ids[0]).unwrap();
    assert_eq!(
        (o.version.clone(), o.change.clone()),
        (Some(link(T1)), Some(ChangeLink::Described("施策1-2に空き家バンクを追記".into())))
    );
    // Gathered with another: the group shares it.
    s.gather(&[ids[0].clone(), ids[1].clone()]).unwrap();
    assert_eq!(s.opinion(&ids[1]).unwrap().version, Some(link(T1)));
    // Answered 原案のとおり: no change, so no link.
    a.response = Some(Response::AsDrafted);
    s.answer_opinion(&ids[0], &a);
    assert!(s.opinions.iter().all(|o| o.version.is_none()));
}

#[test]
fn a_link_made_on_one_machine_survives_a_merge_with_another_s_edit() {
    let (mut base, _, ids) = town();
    revise(&mut base, &ids[0], "追記");
    let (mut ours, mut theirs) = (base.clone(), base.clone());
    ours.link_version(&ids[0], Some(link(T1)));
    set_summary(&mut theirs, 0, "創業塾を開く。");
    for (a, b) in [(&ours, &theirs), (&theirs, &ours)] {
        let m = merge(&base, a, b);
        assert!(m.conflicts.is_empty(), "{:?}", m.conflicts);
        let s = m.resolve_all(Side::Ours).unwrap();
        assert_eq!(s.opinion(&ids[0]).unwrap().version, Some(link(T1)));
        assert_eq!(s.goals[0].measures[0].summary, "創業塾を開く。");
    }
}

#[test]
fn a_link_is_found_by_id_then_by_time_and_a_missing_one_is_said_so() {
    let kept = [
        KeptVersion { seq: 4, saved_at: T2, id: None },
        KeptVersion { seq: 2, saved_at: T0, id: None },
        KeptVersion { seq: 3, saved_at: T1, id: Some(VersionId::from_bits(0xabc)) },
    ];
    assert_eq!(find(&link(T1), &kept, None), Found::Kept { seq: 3, before: Some(2) });
    assert_eq!(
        find(&VersionLink { saved_at: "elsewhere".into(), id: Some(VersionId::from_bits(0xabc)) }, &kept, None),
        Found::Kept { seq: 3, before: Some(2) }
    );
    assert_eq!(find(&link(T0), &kept, None), Found::Kept { seq: 2, before: None });
    assert_eq!(Found::Kept { seq: 3, before: Some(2) }.old_new(), Some((2, Some(3))));
    assert_eq!(Found::Kept { seq: 2, before: None }.old_new(), None);
    let now = "2026-11-22T00:00:00.000Z";
    let current = KeptVersion { seq: u64::MAX, saved_at: now, id: None };
    assert_eq!(find(&link(now), &kept, Some(current)), Found::Current { before: Some(4) });
    assert_eq!(find(&link(now), &kept, Some(current)).old_new(), Some((4, None)));
    // Thinned, or made in another browser.
    assert_eq!(find(&link("2026-11-19T00:00:00.000Z"), &kept, Some(current)), Found::Missing);
    assert_eq!(find(&link(T1), &[], None), Found::Missing);
}

#[test]
fn the_old_new_table_names_the_opinion_only_between_the_two_compared_and_on_its_item() {
    let (mut s, _, ids) = town();
    let v0 = s.clone();
    set_summary(&mut s, 1, "空き家バンクを設ける。");
    set_summary(&mut s, 0, "創業塾を開く。");
    let v1 = s.clone();
    revise(&mut s, &ids[0], "施策1-2に空き家バンクを追記");
    s.link_version(&ids[0], Some(link(T1)));
    revise(&mut s, &ids[2], "全体");
    s.link_version(&ids[2], Some(link(T1)));
    let notes = |old: &str, new: Option<&str>| {
        let mut t = compare(&v0, &v1).unwrap();
        mark(&mut t, &s, (End::at(old), new.map(End::at)), &NoGraph);
        t.rows.iter().map(|r| (r.items[0].clone(), r.opinions.clone())).collect::<Vec<_>>()
    };
    let (m1, m2) = (measure(&s, 0), measure(&s, 1));
    // T0 → T1 and T0 → now hold the change; 1-1's row is not the opinion's item; the whole names no row.
    for new in [Some(T1), None] {
        assert_eq!(notes(T0, new), vec![(m1.clone(), vec![]), (m2.clone(), vec!["1".to_owned()])]);
    }
    // T1 → T2 starts with it, and before T1 ends before it.
    assert!(notes(T1, Some(T2)).iter().all(|(_, o)| o.is_empty()));
    assert!(notes("2026-11-01T00:00:00.000Z", Some(T0)).iter().all(|(_, o)| o.is_empty()));
    let mut t = compare(&v0, &v1).unwrap();
    mark(&mut t, &s, (End::at(T0), None), &NoGraph);
    let lines = crate::format::old_new::lines(&t, crate::locale::YearStyle::Japanese);
    assert_eq!(lines.iter().map(|l| l.note.as_str()).collect::<Vec<_>>(), ["追加", "追加（意見 No.1 による修正）"]);
    assert!(crate::format::old_new::csv(&t, crate::locale::YearStyle::Japanese).contains("意見 No.1 による修正"));
    assert!(item_changed(&v0, &v1, &m2) && !item_changed(&v1, &s, &m2));
}

/// A line of versions 1 → 2 → 3 (the current version made on 3): each reaches those before it.
struct Line;

impl Descent for Line {
    fn reaches(&self, from: Option<VersionId>, id: VersionId) -> Option<bool> {
        let (from, id) = (from.map_or(4, |f| f.bits()), id.bits());
        (1..=4).contains(&from).then_some(id <= from).filter(|_| (1..=3).contains(&id))
    }
}

/// Between two versions is asked of the graph when the link and both ends are named in it:
/// a version taken from a computer whose clock was behind lies where the history puts it.
#[test]
fn between_two_versions_is_asked_of_the_graph_and_of_the_times_only_where_it_cannot_say() {
    let v = VersionId::from_bits;
    // Version 2 came from a computer whose clock said T0, before version 1's T1.
    let taken = VersionLink { saved_at: T0.into(), id: Some(v(2)) };
    let (one, three) = (End { saved_at: T1, id: Some(v(1)) }, End { saved_at: T2, id: Some(v(3)) });
    assert!(between(&taken, one, Some(three), &Line), "1 → 3 holds 2");
    assert!(between(&taken, one, None, &Line), "1 → now holds 2");
    assert!(!between(&taken, three, None, &Line), "3 → now: 3 is made on 2");
    assert!(!between(&taken, one, Some(End { saved_at: T2, id: Some(v(1)) }), &Line), "1 → 1");
    // By the times alone, T0 is before 1's T1: not between.
    assert!(!between(&taken, one, Some(three), &NoGraph));
    // An end without an id, or a link beyond the graph: the times decide.
    assert!(!between(&taken, End::at(T1), Some(three), &Line));
    let beyond = VersionLink { saved_at: T2.into(), id: Some(v(9)) };
    assert!(between(&beyond, one, None, &Line));
    assert!(!between(&beyond, three, None, &Line));
}

#[test]
fn the_versions_offered_are_those_since_the_hearing_newest_first_changed_ones_first() {
    let (s, h, _) = town();
    let mut hearing = s.hearing(&h).unwrap().clone();
    let kept = [
        KeptVersion { seq: 1, saved_at: "2026-10-30T00:00:00.000Z", id: None },
        KeptVersion { seq: 2, saved_at: T0, id: None },
        KeptVersion { seq: 3, saved_at: T1, id: None },
        KeptVersion { seq: 4, saved_at: T2, id: None },
    ];
    let seqs = |v: Vec<KeptVersion<'_>>| v.iter().map(|k| k.seq).collect::<Vec<_>>();
    assert_eq!(seqs(since_hearing(&kept, &hearing, 10)), [4, 3, 2]);
    assert_eq!(seqs(since_hearing(&kept, &hearing, 2)), [4, 3]);
    hearing.when = "12月議会".into();
    assert_eq!(seqs(since_hearing(&kept, &hearing, 10)), [4, 3, 2, 1], "no day: every version");
    hearing.period = Some(crate::model::hearing::CommentPeriod { from: "2026-11-19".into(), to: "2026-12-01".into() });
    assert_eq!(seqs(since_hearing(&kept, &hearing, 10)), [4, 3]);
    assert_eq!(
        changed_first(vec![(4, false), (3, true), (2, false), (1, true)]),
        [(3, true), (1, true), (4, false), (2, false)]
    );
}

#[test]
fn an_older_file_without_links_reads_and_a_link_round_trips() {
    let (mut s, _, ids) = town();
    revise(&mut s, &ids[0], "追記");
    let old = serde_json::to_value(&s).unwrap();
    assert!(old["opinions"][0].get("version").is_none(), "no link, no key");
    let back: Strategy = serde_json::from_value(old).unwrap();
    assert_eq!(back.opinion(&ids[0]).unwrap().version, None);
    s.link_version(&ids[0], Some(VersionLink { saved_at: T1.into(), id: Some(VersionId::from_bits(0xabc)) }));
    let text = serde_json::to_string(&s).unwrap();
    assert!(
        text.contains(r#""version":{"saved_at":"2026-11-20T02:00:00.000Z","id":"00000000000000000000000000000abc"}"#),
        "{text}"
    );
    let back: Strategy = serde_json::from_str(&text).unwrap();
    assert_eq!(back.opinion(&ids[0]).unwrap().version, s.opinion(&ids[0]).unwrap().version);
}
