//! One merge of an arriving version into the current one, run alike by every path that merges
//! (a shared folder's reading, a conflict decided, 統合する with a colleague's file): where the
//! two stand ([`MergeStart`]) → the base, from the versions at hand ([`AtHand`], fed by the
//! caller: nothing here reads storage or a file) → the marks the merge reads to make it exact
//! ([`MergeRun::marks`]). What each path does with the result (a line in the folder's panel, a
//! card, the import preview) stays its own.

use super::base::{base_for_merge, AtHand, MergeBase};
use super::marks::Sides;
use super::{FileVersion, MergeStart, Place};
use crate::model::merge::SideMarks;
use crate::model::Strategy;

/// A merge of `theirs` into the current version (at `place`), from where the two stand.
pub struct MergeRun<'a> {
    place: &'a Place,
    theirs: &'a FileVersion,
    pub start: MergeStart,
}

impl<'a> MergeRun<'a> {
    /// The run of a merge that starts as `start` (`MergeStart::of` the two heads' relation).
    pub fn new(place: &'a Place, theirs: &'a FileVersion, start: MergeStart) -> MergeRun<'a> {
        MergeRun { place, theirs, start }
    }

    /// The version the three-way merge of `ours` (the current version's content) and
    /// `theirs_content` starts from, on every stand:
    /// - in step, or theirs taken as it is: ours, exact (the merge is theirs);
    /// - behind (theirs is an older version of ours: a file merged before): theirs, exact (from
    ///   ours, every change since would be taken back, unseen);
    /// - diverged: the one nearest version, found at once among what is at hand, exact; when it
    ///   is not at hand, or after a criss-cross, the versions slower to reach are brought in
    ///   ([`AtHand::widen`]) and the base is made by the one rule (`base_for_merge`). With no
    ///   version in common known, the first of theirs this browser keeps.
    ///
    /// `None`: no base is at hand (every difference is then a card).
    pub async fn base(
        &self,
        (ours, theirs_content): (&Strategy, &Strategy),
        at_hand: &mut impl AtHand,
    ) -> Option<MergeBase> {
        let exact = |strategy: &Strategy| Some(MergeBase { strategy: strategy.clone(), in_file: false, exact: true });
        let (nearest, bases) = match &self.start {
            MergeStart::InStep | MergeStart::Take => return exact(ours),
            MergeStart::Behind => return exact(theirs_content),
            MergeStart::Merge { nearest, bases } => (nearest, bases),
        };
        if nearest.len() <= 1 {
            let first = &bases[..bases.len().min(1)];
            if let Some((strategy, in_file)) = at_hand.find(first).await {
                return Some(MergeBase { strategy, in_file, exact: nearest.len() == 1 });
            }
        }
        at_hand.widen(bases).await;
        let older = self.place.older_bases(self.theirs, nearest, || bases.clone());
        base_for_merge(&self.place.with(self.theirs), nearest, older, at_hand).await
    }

    /// The marks the merge from `base` reads (`model::merge::merge_with`), to take a value with
    /// no card where a side had seen the other's setting, and to make a card of every value both
    /// set unseen: both sides' (`sides`), unless the base is exact already (the one nearest
    /// version itself), or a side carries no marks (written by an older build: merged from the
    /// base at hand).
    pub fn marks<'s>(base: &MergeBase, sides: Option<&'s Sides>) -> Option<SideMarks<'s>> {
        sides.filter(|_| !base.exact).map(Sides::marks)
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
#[path = "pipeline_tests.rs"]
mod tests;
