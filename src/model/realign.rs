//! Re-alignment: moving a strategy from the national frame it aligns with to another.
//! `propose` proposes, goal by goal, the new frame's goal that fits — from the words of the
//! town's goal and of the national goal it was linked to —, the user corrects each choice, and
//! `Strategy::realign` applies it: the new frame's goals (fresh ids) replace the old, each goal
//! links to its chosen one or to none, and the old framework with every goal's old link is kept
//! in the strategy as a `FrameworkChange` (a record that travels with the file, as a period
//! change does). Not for the words shown (`locale::frame`) or the screen (`ui::edit::realign`).
//!
//! The words are matched by themes, not by a dictionary of Japanese: each theme is a handful of
//! stems the national documents and towns' goals use (「経済」「産業」「雇用」「稼ぐ」 …). A goal is
//! proposed the national goal sharing the most themes with it; none shared, none proposed — the
//! screen then says the goal has no counterpart.

use super::frames::Frame;
use super::{Goal, GoalKind, Id, NationalFramework, Strategy};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// What a goal is about, as the words say it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Theme {
    /// Work and a strong economy: 仕事, 雇用, 産業, 稼ぐ, 経済.
    Economy,
    /// People coming, returning, linked (移住, 関係人口); a region people choose.
    PeopleFlow,
    /// Daily life and its surroundings: 暮らし, 生活環境, 住み続け, a safe, attractive place.
    Living,
    /// Marriage, birth and raising children.
    Children,
    /// Digital technology and the new era's tools.
    Digital,
    /// People's talents and their part in the town (人材, 活躍).
    Talent,
    /// Working across municipalities (広域, 連携).
    Cooperation,
}

/// Each theme's stems. Chosen from the frames' goals and the two examples' goals: a stem names
/// its theme in every goal it appears in (「環境」 alone does not: 教育環境 is not a 生活環境; nor
/// 「安心」: 第2期's first goal is 「安心して働けるようにする」).
const STEMS: [(Theme, &[&str]); 7] = [
    (
        Theme::Economy,
        &["経済", "産業", "雇用", "仕事", "しごと", "稼ぐ", "稼げる", "働", "企業", "付加価値", "イノベーション"],
    ),
    (
        Theme::PeopleFlow,
        &[
            "人の流れ",
            "ひとの流れ",
            "人を呼び",
            "呼び込",
            "呼び戻",
            "移住",
            "定住",
            "関係人口",
            "つながり",
            "選ばれる",
            "地方分散",
            "交流",
        ],
    ),
    (Theme::Living, &["暮らし", "暮らせ", "暮らす", "くらし", "生活", "住み続け", "魅力的な地域"]),
    (Theme::Children, &["結婚", "出産", "子育て", "子供", "子ども", "生み", "育て"]),
    (Theme::Digital, &["デジタル", "ＤＸ", "DX", "新しい時代", "新技術", "AI"]),
    (Theme::Talent, &["人材", "活躍"]),
    (Theme::Cooperation, &["広域", "連携"]),
];

fn themes(text: &str) -> Vec<Theme> {
    STEMS.iter().filter(|(_, stems)| stems.iter().any(|w| text.contains(w))).map(|(t, _)| *t).collect()
}

/// A proposed or corrected re-alignment: the frame to move to and, for each of the strategy's
/// goals in order, the index of its new national goal in `frame.goals` (`None`: no counterpart).
#[derive(Clone, Debug, PartialEq)]
pub struct Realignment {
    pub frame: &'static Frame,
    pub choices: Vec<(Id, Option<usize>)>,
}

impl Realignment {
    /// The strategy's goals (ids) that are to have no national goal.
    pub fn without_counterpart(&self) -> impl Iterator<Item = &Id> {
        self.choices.iter().filter(|(_, c)| c.is_none()).map(|(id, _)| id)
    }

    /// The new frame's goals (indices) no goal of the strategy is to link to.
    pub fn unused_national_goals(&self) -> Vec<usize> {
        (0..self.frame.goals.len()).filter(|i| !self.choices.iter().any(|(_, c)| *c == Some(*i))).collect()
    }

    /// Corrects one goal's choice (an index outside the frame's goals means none).
    pub fn choose(&mut self, goal: &Id, national: Option<usize>) {
        let national = national.filter(|i| *i < self.frame.goals.len());
        if let Some(c) = self.choices.iter_mut().find(|(id, _)| id == goal) {
            c.1 = national;
        }
    }
}

/// The national goal of `frame` that fits `goal` best by the words, if any: the one sharing the
/// most themes with the goal's title (each counted twice) and the title of the national goal it
/// links to now; a tie goes to the goal of the same kind, then to the first.
pub fn propose_goal(goal: &Goal, linked_title: Option<&str>, frame: &Frame) -> Option<usize> {
    let own = themes(&goal.title);
    let linked = linked_title.map(themes).unwrap_or_default();
    let weight = |t: &Theme| 2 * usize::from(own.contains(t)) + usize::from(linked.contains(t));
    frame
        .goals
        .iter()
        .enumerate()
        .map(|(i, g)| {
            let score: usize = themes(g.title).iter().map(weight).sum();
            (i, score, g.kind == goal.kind)
        })
        .filter(|(_, score, _)| *score > 0)
        // max_by_key keeps the last of equals: iterate in reverse so the first wins a tie.
        .rev()
        .max_by_key(|(_, score, same_kind)| (*score, *same_kind))
        .map(|(i, _, _)| i)
}

/// Proposes, goal by goal, the national goal of `frame` that fits each of the strategy's goals.
pub fn propose(s: &Strategy, frame: &'static Frame) -> Realignment {
    let choices = s
        .goals
        .iter()
        .map(|g| {
            let linked = g
                .national_goal
                .as_ref()
                .and_then(|id| s.national_framework.goals.iter().find(|n| &n.id == id))
                .map(|n| n.title.as_str());
            (g.id.clone(), propose_goal(g, linked, frame))
        })
        .collect();
    Realignment { frame, choices }
}

/// A re-alignment done: the framework the strategy left (its key, name and goals as they were)
/// and each goal's link to it then, with the day. Kept in `Strategy::framework_changes`, oldest
/// first, so the strategy itself says which frame it followed before and how its goals were
/// linked; the version history keeps the whole earlier version as well.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct FrameworkChange {
    /// The day it was done, YYYY-MM-DD.
    pub date: String,
    /// The framework as it was.
    pub from: NationalFramework,
    /// The key of the frame it moved to (the name is in the strategy's framework).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub to_key: Option<String>,
    /// Each goal's link then, in the strategy's order at the time.
    #[serde(default)]
    pub links: Vec<EarlierLink>,
}

/// One goal's link before a re-alignment, in words as they were then (a goal renamed or removed
/// later still reads as it did).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct EarlierLink {
    /// The goal's id (it stays the same through a re-alignment).
    pub goal: Id,
    pub kind: GoalKind,
    pub number: String,
    pub title: String,
    /// The national goal it linked to (an id in `FrameworkChange::from`), if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub national_goal: Option<Id>,
}

impl Strategy {
    /// Moves the strategy onto `r.frame` with the chosen links, keeping the old framework and
    /// links as a `FrameworkChange` dated `date`. A goal `r` does not name links to none.
    pub fn realign(&mut self, r: &Realignment, date: &str) {
        let old = std::mem::replace(&mut self.national_framework, r.frame.national_framework());
        let links = self
            .goals
            .iter()
            .map(|g| EarlierLink {
                goal: g.id.clone(),
                kind: g.kind,
                number: g.number.clone(),
                title: g.title.clone(),
                national_goal: g.national_goal.clone(),
            })
            .collect();
        self.framework_changes.push(FrameworkChange {
            date: date.to_owned(),
            from: old,
            to_key: Some(r.frame.key.to_owned()),
            links,
        });
        let new_ids: Vec<Id> = self.national_framework.goals.iter().map(|n| n.id.clone()).collect();
        for goal in &mut self.goals {
            let chosen = r.choices.iter().find(|(id, _)| id == &goal.id).and_then(|(_, c)| *c);
            let link = chosen.and_then(|i| new_ids.get(i).cloned());
            if goal.national_goal != link {
                std::sync::Arc::make_mut(goal).national_goal = link;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::frames::{by_key, REGIONAL_2025, SECOND_PERIOD};

    fn example(key: &str) -> Strategy {
        crate::examples::by_key(key).unwrap().load().unwrap()
    }

    /// Each goal's number and title with the title of the proposed national goal (or None).
    fn proposed(s: &Strategy, frame: &'static Frame) -> Vec<(String, Option<&'static str>)> {
        let r = propose(s, frame);
        s.goals
            .iter()
            .zip(&r.choices)
            .map(|(g, (id, c))| {
                assert_eq!(&g.id, id);
                (format!("{} {}", g.number, g.title), c.map(|i| frame.goals[i].title))
            })
            .collect()
    }

    fn owned(rows: &[(&str, Option<&'static str>)]) -> Vec<(String, Option<&'static str>)> {
        rows.iter().map(|(g, n)| ((*g).to_owned(), *n)).collect()
    }

    const ECONOMY: Option<&str> = Some("「強い経済」をつくる");
    const LIVING: Option<&str> = Some("「豊かな生活環境」を実現する");
    const CHOSEN: Option<&str> = Some("「選ばれる地方」になる");

    // Worked out by reading the goals: industry and jobs are the economy; bringing people in,
    // back and linked is being a region people choose; the living environment one keeps living
    // in is the rich living environment. The 2025 frame's three goals say nothing of marriage,
    // birth and children, of people's talents or of the new era's tools: those have no
    // counterpart by the words (a town may still put 子育て under 生活環境 by hand).
    #[test]
    fn hokuto_second_period_goals_onto_the_2025_frame() {
        let frame = by_key(REGIONAL_2025).unwrap();
        assert_eq!(
            proposed(&example("hokuto"), frame),
            owned(&[
                ("1 北海道新幹線を活かした産業の振興と雇用の場をつくる", ECONOMY),
                ("2 北斗市らしさを活かして人を呼び込み・呼び戻す", CHOSEN),
                ("3 子供を生み、育てたいという希望をかなえる", None),
                ("4 住み続けたいという暮らしの環境をつくり守る", LIVING),
            ])
        );
    }

    #[test]
    fn kitamoto_second_period_goals_onto_the_2025_frame() {
        let frame = by_key(REGIONAL_2025).unwrap();
        let s = example("kitamoto");
        assert_eq!(
            proposed(&s, frame),
            owned(&[
                ("1 稼ぐ産業と安定した雇用を創出する", ECONOMY),
                ("2 新しい人の流れとつながりをつくる", CHOSEN),
                ("3 若い世代の出産・子育ての希望をかなえる", None),
                ("4 ひとが集う、安心して暮らすことができる魅力的な地域をつくる", LIVING),
                ("1 多様な人材の活躍を推進する", None),
                ("2 新しい時代の流れを力にする", None),
            ])
        );
        let r = propose(&s, frame);
        assert_eq!(r.without_counterpart().count(), 3);
        assert!(r.unused_national_goals().is_empty(), "each of the three national goals is used");
    }

    /// Back onto the 2nd period's frame, every goal of 北本市 finds the goal it had.
    #[test]
    fn the_words_find_the_second_periods_own_goals_again() {
        let s = example("kitamoto");
        let frame = by_key(SECOND_PERIOD).unwrap();
        let r = propose(&s, frame);
        let had: Vec<Option<usize>> = s
            .goals
            .iter()
            .map(|g| s.national_framework.goals.iter().position(|n| Some(&n.id) == g.national_goal.as_ref()))
            .collect();
        let found: Vec<Option<usize>> = r.choices.iter().map(|(_, c)| *c).collect();
        assert_eq!(found, had);
    }

    #[test]
    fn realigning_keeps_the_old_framework_and_links_and_links_the_chosen_goals() {
        let old = example("hokuto");
        let frame = by_key(REGIONAL_2025).unwrap();
        let mut r = propose(&old, frame);
        let third = old.goals[2].id.clone();
        r.choose(&third, Some(1)); // 子育て under 「豊かな生活環境」, by hand
        assert_eq!(r.without_counterpart().count(), 0);
        assert_eq!(r.unused_national_goals(), Vec::<usize>::new());
        let mut s = old.clone();
        s.realign(&r, "2026-11-24");

        assert_eq!(s.national_framework.frame(), Some(frame));
        let linked: Vec<Option<&str>> = s
            .goals
            .iter()
            .map(|g| {
                let n = s.national_framework.goals.iter().find(|n| Some(&n.id) == g.national_goal.as_ref());
                n.map(|n| n.title.as_str())
            })
            .collect();
        assert_eq!(linked, [ECONOMY, CHOSEN, LIVING, LIVING]);

        assert_eq!(s.framework_changes.len(), 1);
        let change = &s.framework_changes[0];
        assert_eq!(change.date, "2026-11-24");
        assert_eq!(change.from, old.national_framework, "the old framework as it was, ids and all");
        assert_eq!(change.to_key.as_deref(), Some(REGIONAL_2025));
        let links: Vec<(&Id, Option<&Id>)> = change.links.iter().map(|l| (&l.goal, l.national_goal.as_ref())).collect();
        let before: Vec<(&Id, Option<&Id>)> = old.goals.iter().map(|g| (&g.id, g.national_goal.as_ref())).collect();
        assert_eq!(links, before);
        assert_eq!(change.links[0].title, old.goals[0].title);
        assert!(crate::model::validate(&s).iter().all(|p| old_problems(&old).contains(&p.kind)), "no new problem");
        // Everything else is as it was: goals' measures, indicators, the rest.
        assert_eq!(s.indicators, old.indicators);
        assert!(s.goals.iter().zip(&old.goals).all(|(a, b)| a.measures == b.measures && a.title == b.title));

        // Choosing none, or an index outside the frame, leaves the goal unlinked.
        let mut r = propose(&old, frame);
        r.choose(&old.goals[0].id, Some(99));
        let mut t = old.clone();
        t.realign(&r, "2026-11-24");
        assert_eq!(t.goals[0].national_goal, None);
    }

    fn old_problems(s: &Strategy) -> Vec<crate::model::ProblemKind> {
        crate::model::validate(s).into_iter().map(|p| p.kind).collect()
    }

    /// The record survives the file's round trip, and a strategy without one writes none.
    #[test]
    fn a_framework_change_is_written_only_when_there_is_one() {
        let old = example("kitamoto");
        let json = serde_json::to_value(&old).unwrap();
        assert!(json.get("framework_changes").is_none());
        let mut s = old.clone();
        s.realign(&propose(&old, by_key(REGIONAL_2025).unwrap()), "2026-11-24");
        let back: Strategy = serde_json::from_value(serde_json::to_value(&s).unwrap()).unwrap();
        assert_eq!(back, s);
    }

    /// A re-alignment done on another computer comes in whole through the three-way merge: the
    /// new frame, the goals' links and the record, with no conflict when this side did not touch
    /// the frame.
    #[test]
    fn a_realignment_from_the_other_computer_merges_in_whole() {
        let base = example("kitamoto");
        let mut theirs = base.clone();
        theirs.realign(&propose(&base, by_key(REGIONAL_2025).unwrap()), "2026-11-24");
        let mut ours = base.clone();
        ours.title = "第2期北本市まち・ひと・しごと創生総合戦略（改訂版）".into();
        let m = crate::model::merge::merge(&base, &ours, &theirs);
        assert!(m.conflicts.is_empty(), "{:?}", m.conflicts);
        let merged = m.resolve(&[]).unwrap();
        assert_eq!(merged.title, ours.title);
        assert_eq!(merged.national_framework, theirs.national_framework);
        assert_eq!(merged.framework_changes, theirs.framework_changes);
        let links = |s: &Strategy| s.goals.iter().map(|g| g.national_goal.clone()).collect::<Vec<_>>();
        assert_eq!(links(&merged), links(&theirs));
    }

    /// A duplicate renews the record's ids with everything else: its links name the copy's goals,
    /// and the earlier national goals they link to are the record's own (renewed) ones.
    #[test]
    fn a_duplicate_renews_the_records_ids_and_keeps_its_links() {
        let old = example("hokuto");
        let mut s = old.clone();
        s.realign(&propose(&old, by_key(REGIONAL_2025).unwrap()), "2026-11-24");
        let d = s.duplicate();
        let (c, dc) = (&s.framework_changes[0], &d.framework_changes[0]);
        let goals: Vec<&Id> = d.goals.iter().map(|g| &g.id).collect();
        assert_eq!(dc.links.iter().map(|l| &l.goal).collect::<Vec<_>>(), goals);
        assert!(c.from.goals.iter().zip(&dc.from.goals).all(|(a, b)| a.id != b.id && a.title == b.title));
        for (l, dl) in c.links.iter().zip(&dc.links) {
            let pos = |change: &FrameworkChange, id: &Option<Id>| {
                change.from.goals.iter().position(|n| Some(&n.id) == id.as_ref())
            };
            assert_eq!(pos(c, &l.national_goal), pos(dc, &dl.national_goal));
            assert!(pos(dc, &dl.national_goal).is_some());
        }
    }
}
