//! Towns grouped by national frame: the examples (on 第2期 without a key), 北斗市 re-aligned to
//! the 2025 frame beside 北本市, and towns whose framework names a frame in other ways.

use super::examples;
use crate::model::frames::{by_key, newest, DIGITAL_GARDEN_CITY, FIRST_PERIOD, REGIONAL_2025, SECOND_PERIOD};
use crate::model::realign::propose;
use crate::model::region::{national_goals_by_frame, town_frame, NationalGoalCell, TownFrame};
use crate::model::{FiscalYear, GoalKind, NationalFramework, NationalGoal, PlanPeriod, Strategy};

fn frame(key: &str) -> TownFrame {
    TownFrame::Frame(by_key(key).unwrap())
}

fn town(name: &str) -> Strategy {
    Strategy::blank("総合戦略", name, PlanPeriod { first: FiscalYear(2025), last: FiscalYear(2029) })
}

#[test]
fn the_examples_without_a_key_are_on_the_second_period_by_their_goals() {
    let strategies = examples();
    let towns: Vec<&Strategy> = strategies.iter().collect();
    assert!(towns.iter().all(|s| s.national_framework.key.is_none()));
    let groups = national_goals_by_frame(&towns);
    assert_eq!(groups.len(), 1);
    let g = &groups[0];
    assert_eq!(g.frame, frame(SECOND_PERIOD));
    assert_eq!(g.matrix.towns, [towns[0].id.clone(), towns[1].id.clone()]);
    // The frame's own six goals, in its wording (北斗市's slip 「つくとともに」 is not a column).
    let titles: Vec<&str> = g.matrix.columns.iter().map(|c| c.title.as_str()).collect();
    assert_eq!(titles[0], "稼ぐ地域をつくるとともに、安心して働けるようにする");
    assert_eq!(titles.len(), 6);
    let goals = |t: usize| g.matrix.cells[t].iter().map(|c| c.goals).collect::<Vec<_>>();
    assert_eq!(goals(0), [1, 1, 1, 1, 1, 1], "北本市");
    assert_eq!(goals(1), [1, 1, 1, 1, 0, 0], "北斗市");
    assert_eq!(g.matrix.cells[1].iter().map(|c| c.measures).sum::<usize>(), 30);
    assert_eq!(g.matrix.unassigned, [0, 0]);
}

/// 北斗市 re-aligned to the 2025 frame as proposed, 北本市 still on 第2期: two groups, the newer
/// frame first, each with its own goals as columns and its one town.
#[test]
fn towns_on_two_frames_are_two_groups_newest_first() {
    let mut strategies = examples();
    let proposal = propose(&strategies[1], newest());
    strategies[1].realign(&proposal, "2026-11-24");
    let towns: Vec<&Strategy> = strategies.iter().collect();
    let groups = national_goals_by_frame(&towns);
    let frames: Vec<&TownFrame> = groups.iter().map(|g| &g.frame).collect();
    assert_eq!(frames, [&frame(REGIONAL_2025), &frame(SECOND_PERIOD)]);
    let (new, old) = (&groups[0].matrix, &groups[1].matrix);
    assert_eq!(
        (new.towns.as_slice(), old.towns.as_slice()),
        ([towns[1].id.clone()].as_slice(), [towns[0].id.clone()].as_slice())
    );
    let titles: Vec<&str> = new.columns.iter().map(|c| c.title.as_str()).collect();
    assert_eq!(titles, ["「強い経済」をつくる", "「豊かな生活環境」を実現する", "「選ばれる地方」になる"]);
    assert!(new.columns.iter().all(|c| c.key.kind == GoalKind::Basic));
    // Each of 北斗市's four goals is linked as proposed, or counted as having none.
    let linked: usize = new.cells[0].iter().map(|c| c.goals).sum();
    let proposed = proposal.choices.iter().filter(|(_, c)| c.is_some()).count();
    assert_eq!((linked, new.unassigned[0]), (proposed, 4 - proposed));
    assert_eq!(new.cells[0].iter().map(|c| c.measures).sum::<usize>() > 0, proposed > 0);
    assert_eq!(old.columns.len(), 6);
    assert_eq!(old.cells[0], [NationalGoalCell { goals: 1, measures: old.cells[0][0].measures }; 6].to_vec());
}

#[test]
fn a_framework_names_its_frame_by_key_goals_or_name_else_its_own_name_or_none() {
    // By key.
    let mut keyed = town("鍵町");
    keyed.national_framework = by_key(DIGITAL_GARDEN_CITY).unwrap().national_framework();
    assert_eq!(town_frame(&keyed), frame(DIGITAL_GARDEN_CITY));
    // By goals, whatever the name says: デジタル田園都市's goals under a name of the town's own.
    let mut by_goals = keyed.clone();
    by_goals.national_framework.key = None;
    by_goals.national_framework.name = "デジ田総合戦略（町の略称）".into();
    assert_eq!(town_frame(&by_goals), frame(DIGITAL_GARDEN_CITY));
    // By name alone, written with other spaces and width.
    let mut by_name = town("名前町");
    by_name.national_framework =
        NationalFramework {
            key: None, name: " 第１期「まち・ひと・しごと創生総合戦略」".into(), goals: Vec::new()
        };
    assert_eq!(town_frame(&by_name), frame(FIRST_PERIOD));
    // A key this build does not know, with goals of no built-in frame: its own name.
    let mut newer = town("未来町");
    newer.national_framework = NationalFramework {
        key: Some("chihou-sousei-senryaku-2030".into()),
        name: "次の総合戦略".into(),
        goals: vec![NationalGoal {
            id: crate::model::Id::new("ng"),
            kind: GoalKind::Basic,
            number: "1".into(),
            title: "未来をつくる".into(),
        }],
    };
    assert_eq!(town_frame(&newer), TownFrame::Named("次の総合戦略".into()));
    // A goal two frames share (結婚・出産・子育ての希望をかなえる, 第2期 and デジタル田園都市): the frame
    // the framework names, and without a name the newer.
    let shared = NationalGoal {
        id: crate::model::Id::new("ng"),
        kind: GoalKind::Basic,
        number: "3".into(),
        title: "結婚・出産・子育ての希望をかなえる".into(),
    };
    let mut tie = town("同点町");
    tie.national_framework = NationalFramework { key: None, name: String::new(), goals: vec![shared] };
    assert_eq!(town_frame(&tie), frame(DIGITAL_GARDEN_CITY));
    tie.national_framework.name = "第2期「まち・ひと・しごと創生総合戦略」".into();
    assert_eq!(town_frame(&tie), frame(SECOND_PERIOD));
    let blank = town("白紙町");
    assert_eq!(town_frame(&blank), TownFrame::Unset);

    // Grouped: built-in frames newest first, then the unknown one with its own goals, then none.
    let towns = [&blank, &newer, &by_name, &keyed, &by_goals];
    let groups = national_goals_by_frame(&towns);
    let frames: Vec<&TownFrame> = groups.iter().map(|g| &g.frame).collect();
    assert_eq!(
        frames,
        [
            &frame(DIGITAL_GARDEN_CITY),
            &frame(FIRST_PERIOD),
            &TownFrame::Named("次の総合戦略".into()),
            &TownFrame::Unset
        ]
    );
    assert_eq!(groups[0].matrix.towns, [keyed.id.clone(), by_goals.id.clone()], "the region's order within a group");
    assert_eq!(groups[0].matrix.columns.len(), 7, "4 取組方針 + 3 基礎条件整備");
    assert_eq!(groups[1].matrix.columns.len(), 4, "第1期's goals, though the town holds none");
    assert_eq!(groups[2].matrix.columns.iter().map(|c| c.title.as_str()).collect::<Vec<_>>(), ["未来をつくる"]);
    assert!(groups[3].matrix.columns.is_empty());
}
