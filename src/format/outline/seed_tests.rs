//! The seeds pasted: 北斗市's 骨子案 (seed 000, its goals section) gives the bundled 北斗市
//! example's goals and measures; its evaluation sheets (seed 002, the four sheets of 基本計画32)
//! give the example's measures of that plan with their 重点施策 and projects. The excerpts are
//! committed under `fixtures/` (public municipal documents), so the tests run on a fresh clone.

use super::*;
use crate::examples::by_key;
use crate::model::{Goal, GoalKind, Measure, Strategy};

const GOALS_000: &str = include_str!("fixtures/hokuto_goals_000.txt");
const SHEETS_002: &str = include_str!("fixtures/hokuto_sheets_002.txt");

fn hokuto() -> Strategy {
    by_key("hokuto").and_then(|e| e.load().ok()).expect("the 北斗市 example loads")
}

fn blank(example: &Strategy) -> Strategy {
    Strategy::blank("北斗市", "北斗市", example.period)
}

/// The example's measures transcribed from seed 000 (those from seed 002's sheets start their
/// summary with the sheet's 【基本計画…】).
fn from_000(goal: &Goal) -> Vec<&Measure> {
    goal.measures.iter().map(|m| &**m).filter(|m| !m.summary.starts_with("【基本計画")).collect()
}

#[test]
fn seed_000_gives_the_examples_goals_and_measures() {
    let example = hokuto();
    let outline = parse_outline(GOALS_000);
    let mut s = blank(&example);
    let created = into_strategy(&outline, &mut s, None);
    assert_eq!(s.goals.len(), example.goals.len());
    assert_eq!(created.goals, 4);
    assert_eq!(created.skipped, 0);
    for (got, want) in s.goals.iter().zip(&example.goals) {
        assert_eq!((got.kind, &got.number, &got.title), (want.kind, &want.number, &want.title));
        assert_eq!(got.subtitle, want.subtitle, "goal {}", want.number);
        let want_measures = from_000(want);
        assert_eq!(got.measures.len(), want_measures.len(), "measures of goal {}", want.number);
        for (m, w) in got.measures.iter().zip(want_measures) {
            assert_eq!((&m.number, &m.title), (&w.number, &w.title));
            assert_eq!(m.summary, w.summary, "the summary of {}", w.title);
            let titles = |m: &Measure| m.initiatives.iter().map(|i| i.title.clone()).collect::<Vec<_>>();
            assert_eq!(titles(m), titles(w), "the initiatives of {}", w.title);
        }
    }
    assert_eq!(created.measures, s.measures().count());
    let want_initiatives: usize = example.goals.iter().flat_map(|g| from_000(g)).map(|m| m.initiatives.len()).sum();
    assert_eq!(created.initiatives, want_initiatives);
    // The chapter above the goals and each [具体的取組] are headings; nothing was dropped.
    assert_eq!(outline.lines.iter().filter(|l| l.level == Level::Heading).count(), 1 + 13);
    assert_eq!(outline.dropped, []);
}

#[test]
fn seed_002_sheets_give_the_measures_with_their_priority_and_projects() {
    let example = hokuto();
    let want: Vec<&Measure> = example
        .goals
        .iter()
        .flat_map(|g| g.measures.iter().map(|m| &**m))
        .filter(|m| m.summary.starts_with("【基本計画32"))
        .collect();
    assert_eq!(want.len(), 4, "the example holds the four sheets of 基本計画32");
    let outline = parse_outline(SHEETS_002);
    let mut s = blank(&example);
    let goal = s.add_goal(GoalKind::Basic);
    let created = into_strategy(&outline, &mut s, Some(&goal));
    assert_eq!((created.goals, created.measures), (0, 4));
    let got = &s.goals.first().expect("the goal").measures;
    for (m, w) in got.iter().zip(&want) {
        assert_eq!((&m.number, &m.title, m.priority), (&w.number, &w.title, w.priority));
        let sorted = |m: &Measure| {
            let mut t: Vec<String> = m.initiatives.iter().map(|i| i.title.clone()).collect();
            t.sort();
            t
        };
        assert_eq!(sorted(m), sorted(w), "the projects of {}", w.title);
    }
    assert!(got.iter().filter(|m| m.priority).count() == 1, "主要施策 ４ is the one 【重点施策】");
    // The running header of every sheet is dropped, with its reason (and so are the sheet's
    // repeated column labels, 予算額 方向性 方向性 …).
    let headers = |start: &str| {
        outline.dropped.iter().filter(|d| d.reason == DropReason::RunningHeader && d.text.starts_with(start)).count()
    };
    assert_eq!((headers("基本目標 ４"), headers("基本計画 ３２")), (4, 4));
    assert!(outline.dropped.iter().any(|d| d.reason == DropReason::Amount && d.text == "3,674"));
    // Words run into an amount ("7,680実施事業数に…") are the next cell's: kept as text.
    assert!(outline.dropped.iter().any(|d| d.reason == DropReason::Amount && d.text == "7,680"));
    assert!(outline.lines.iter().any(|l| l.body.starts_with("実施事業数に違いはあるが")));
}

/// Pasted under an existing goal, seed 000's goals become measures and its measures initiatives.
#[test]
fn under_a_goal_the_top_level_becomes_measures() {
    let example = hokuto();
    let mut s = blank(&example);
    let goal = s.add_goal(GoalKind::Basic);
    let created = into_strategy(&parse_outline(GOALS_000), &mut s, Some(&goal));
    assert_eq!((created.goals, created.measures, created.initiatives), (0, 4, 13));
    let measures = &s.goals.first().expect("the goal").measures;
    assert_eq!(measures.first().map(|m| m.title.as_str()), Some("北海道新幹線を活かした産業の振興と雇用の場をつくる"));
    // Their initiatives' own (1)… lines become the initiative's description.
    let first = measures.first().and_then(|m| m.initiatives.first()).expect("an initiative");
    assert!(first.description.contains("(1) 企業立地の促進"), "{}", first.description);
}
