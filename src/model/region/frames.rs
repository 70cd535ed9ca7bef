//! Towns grouped by the national frame they are on: a bureau in 2026 holds towns on
//! 第2期, デジタル田園都市国家構想 and the 2025 frame at once, and the towns × 国の基本目標 table is
//! one table per frame — that frame's goals as columns, the towns on it as rows.
//!
//! Which frame a town is on ([`town_frame`]): the one its framework names by key; for a
//! framework without a key this build knows (files made before frames had keys, a newer
//! build's frame), the built-in frame whose goals it holds (the most titles the same, width,
//! case, spaces and punctuation aside — so 北斗市's 「つくとともに」 slip still finds 第2期), else
//! the one whose name it has; else its own name; else none (「国の枠組み未設定」).

use super::coverage::{counted, national_goal_matrix, NationalGoalColumn, NationalGoalKey, NationalGoalMatrix};
use super::normalise::key;
use crate::model::frames::{Frame, FRAMES};
use crate::model::{NationalFramework, Strategy};

/// The frame a town is on, as the regional view groups it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum TownFrame {
    /// A built-in frame (`model::frames`).
    Frame(&'static Frame),
    /// A framework this build does not know, by the name it holds (as written by the first town).
    Named(String),
    /// No frame named and no national goals that point at one.
    Unset,
}

/// One group of the table: its frame and its towns × that frame's goals.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FrameGroup {
    pub frame: TownFrame,
    /// `matrix.towns` are the group's towns, in the region's order.
    pub matrix: NationalGoalMatrix,
}

/// How many of a framework's national goals are goals of `frame` (same kind, same title).
fn shared_goals(framework: &NationalFramework, frame: &Frame) -> usize {
    (framework.goals.iter())
        .filter(|n| frame.goals.iter().any(|g| g.kind == n.kind && key(g.title) == key(&n.title)))
        .count()
}

/// Which frame a town is on (see the module).
pub fn town_frame(s: &Strategy) -> TownFrame {
    let framework = &s.national_framework;
    if let Some(frame) = framework.frame() {
        return TownFrame::Frame(frame);
    }
    let name = key(&framework.name);
    let named = |f: &Frame| !name.is_empty() && key(f.name) == name;
    // The most goals shared; of those as many, the frame it names, then the newest.
    let score = |f: &Frame| (shared_goals(framework, f), named(f));
    let best = (FRAMES.iter().filter(|f| shared_goals(framework, f) > 0)).fold(None::<&Frame>, |best, f| match best {
        Some(b) if score(b) >= score(f) => Some(b),
        _ => Some(f),
    });
    if let Some(frame) = best {
        return TownFrame::Frame(frame);
    }
    if let Some(frame) = FRAMES.iter().find(|f| named(f)) {
        return TownFrame::Frame(frame);
    }
    match framework.name.trim() {
        "" => TownFrame::Unset,
        name => TownFrame::Named(name.to_owned()),
    }
}

/// The towns × national goals of a built-in frame: every goal of the frame a column, in its
/// order, worded as the frame words it; a town's goal counted under the national goal of the
/// same kind and number.
fn frame_matrix(frame: &'static Frame, towns: &[&Strategy]) -> NationalGoalMatrix {
    let column_key =
        |kind, number: &str| NationalGoalKey { framework: frame.key.to_owned(), kind, number: key(number) };
    let columns: Vec<NationalGoalColumn> = (frame.goals.iter())
        .map(|g| NationalGoalColumn {
            key: column_key(g.kind, g.number),
            number: g.number.to_owned(),
            title: g.title.to_owned(),
        })
        .collect();
    counted(towns, columns, |s, g, columns| {
        let national = g.national_goal.as_ref().and_then(|id| s.national_framework.goals.iter().find(|n| &n.id == id));
        national.map(|n| column_key(n.kind, &n.number)).and_then(|k| columns.iter().position(|c| c.key == k))
    })
}

/// The towns grouped by frame, each group with its table: the built-in frames newest first,
/// then frameworks this build does not know (by name, in the order towns first name them), then
/// the towns with none. Only groups with towns; the towns of a group in the region's order.
pub fn national_goals_by_frame(towns: &[&Strategy]) -> Vec<FrameGroup> {
    let frames: Vec<TownFrame> = towns.iter().map(|s| town_frame(s)).collect();
    let mut order: Vec<TownFrame> = Vec::new();
    for f in &FRAMES {
        if frames.contains(&TownFrame::Frame(f)) {
            order.push(TownFrame::Frame(f));
        }
    }
    // Unknown frameworks are one group per name as `key` folds it, headed as the first town writes it.
    let mut named: Vec<(String, TownFrame)> = Vec::new();
    for f in &frames {
        if let TownFrame::Named(name) = f {
            if !named.iter().any(|(k, _)| *k == key(name)) {
                named.push((key(name), f.clone()));
            }
        }
    }
    order.extend(named.iter().map(|(_, f)| f.clone()));
    if frames.contains(&TownFrame::Unset) {
        order.push(TownFrame::Unset);
    }
    let same = |a: &TownFrame, b: &TownFrame| match (a, b) {
        (TownFrame::Named(x), TownFrame::Named(y)) => key(x) == key(y),
        _ => a == b,
    };
    order
        .into_iter()
        .map(|group| {
            let members: Vec<&Strategy> =
                towns.iter().zip(&frames).filter(|(_, f)| same(f, &group)).map(|(s, _)| *s).collect();
            let matrix = match &group {
                TownFrame::Frame(frame) => frame_matrix(frame, &members),
                _ => national_goal_matrix(&members),
            };
            FrameGroup { frame: group, matrix }
        })
        .collect()
}
