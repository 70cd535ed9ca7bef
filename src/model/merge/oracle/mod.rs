//! The merge as it was before it worked on the model's own types: on a flat view of the
//! strategy's JSON (`merge::flat`), with the inner parts no listed side changed set aside
//! (`merge::unchanged`, as the typed merge does). Kept only as the oracle the typed merge is checked against (its property test,
//! `typed_tests`, and the merge fuzz target); not part of the app.

mod places;
mod three_way;

#[cfg(test)]
pub(in crate::model::merge) use three_way::at;

use super::flat::Flat;
use super::unchanged;
use super::{Change, Conflict, Side};
use crate::model::Strategy;

/// What the oracle's merge found.
#[derive(Clone, Debug)]
pub struct OracleMerge {
    pub taken: Vec<Change>,
    pub kept: Vec<Change>,
    pub conflicts: Vec<Conflict>,
    plan: three_way::Plan,
    unchanged: unchanged::Unchanged,
}

/// The oracle's [`super::merge`].
pub fn merge(base: &Strategy, ours: &Strategy, theirs: &Strategy) -> OracleMerge {
    merge_with(base, ours, theirs, unchanged::Unchanged::of(base, ours, theirs))
}

/// The oracle's [`super::merge_listing`].
pub fn merge_listing(base: &Strategy, ours: &Strategy, theirs: &Strategy, listed: Side) -> OracleMerge {
    let unchanged = unchanged::Unchanged::listing(base, ours, theirs, Some(listed.other()));
    let mut m = merge_with(base, ours, theirs, unchanged);
    match listed {
        Side::Ours => m.taken.clear(),
        Side::Theirs => m.kept.clear(),
    }
    m
}

/// The oracle's merge with nothing set aside.
pub fn merge_whole(base: &Strategy, ours: &Strategy, theirs: &Strategy) -> OracleMerge {
    merge_with(base, ours, theirs, unchanged::Unchanged::default())
}

fn merge_with(base: &Strategy, ours: &Strategy, theirs: &Strategy, unchanged: unchanged::Unchanged) -> OracleMerge {
    let [b, o, t] = [base, ours, theirs].map(|s| Flat::of(&unchanged.stand_ins(s)));
    let (plan, outcome) = three_way::plan(b, o, t);
    OracleMerge { taken: outcome.taken, kept: outcome.kept, conflicts: outcome.conflicts, plan, unchanged }
}

impl OracleMerge {
    /// The merged strategy with one choice per conflict, unchecked; `None` when the merged data
    /// does not read back as a strategy.
    pub fn apply(&self, choices: &[Side]) -> Option<Strategy> {
        let mut s = self.plan.apply(choices).ok()?;
        self.unchanged.put_back(&mut s);
        Some(s)
    }
}
