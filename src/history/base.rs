//! Which version a three-way merge starts from: one rule for every path that merges (the shared
//! folder, a folder read by hand, 統合する). Contents come from the caller ([`AtHand`]), which
//! alone knows what is at hand (its history, the versions it keeps, the file's carried one).

use super::{Graph, VersionId};
use crate::model::merge::{merge, Side};
use crate::model::Strategy;

/// The versions a merge's base is found among, as the caller holds them: this module reads
/// nothing itself. A version's id names its content: any copy of it is the same.
#[allow(async_fn_in_trait)] // reason: run on the page's one thread (wasm), never sent to another
pub trait AtHand {
    /// The content of the first of `ids` whose content is at hand, and whether it came from the
    /// file (`None`: none is).
    async fn find(&mut self, ids: &[VersionId]) -> Option<(Strategy, bool)>;

    /// Brings in the versions slower to reach (read whole only when the nearest version is not
    /// at hand at once, or after a criss-cross): the versions last taken from each member, the
    /// own file. `bases`: the versions looked for first.
    async fn widen(&mut self, bases: &[VersionId]);
}

/// The base to merge a diverged pair from. `nearest`: their nearest common versions, as
/// `Relation::Diverged` gives them; `older`: the versions to fall back on when no better base
/// can be made (the common ones nearest first, or with none known the versions of theirs this
/// browser keeps); `graph`: both sides' nodes; `at_hand`: where contents are found.
///
/// One nearest version: it, or the first of `older` at hand. After a criss-cross (two or more
/// nearest, each side having merged the other's), their merge: a virtual base, as both sides
/// make it ([`virtual_base`]); merging from either one alone shows the other side's changes
/// since it as conflicts.
pub async fn base_for_merge(
    graph: &Graph,
    nearest: &[VersionId],
    older: Vec<VersionId>,
    at_hand: &mut impl AtHand,
) -> Option<MergeBase> {
    let base = |(strategy, in_file), exact| MergeBase { strategy, in_file, exact };
    match nearest.len() {
        1 => {
            if let Some(found) = at_hand.find(nearest).await {
                return Some(base(found, true));
            }
        }
        2.. => {
            if let Some(found) = virtual_base(graph, nearest, at_hand).await {
                return Some(base(found, false));
            }
        }
        0 => {}
    }
    at_hand.find(&older).await.map(|found| base(found, false))
}

/// The version a merge starts from ([`base_for_merge`]).
#[derive(Clone, Debug, PartialEq)]
pub struct MergeBase {
    pub strategy: Strategy,
    /// Whether any of it came from the file.
    pub in_file: bool,
    /// The one nearest version both descend from, as it is: the three-way merge from it is
    /// exact, and the marks of where values were last set have nothing to add. Not exact: a
    /// criss-cross's virtual base, or an older version when the nearest is not at hand.
    pub exact: bool,
}

/// The merge of a criss-cross's nearest versions, folded in id order (the same whoever
/// merges): each pair merged from where they meet (the first of their common versions at
/// hand), its conflicts to the first. `None` when one of them is not at hand.
pub async fn virtual_base(graph: &Graph, nearest: &[VersionId], at_hand: &mut impl AtHand) -> Option<(Strategy, bool)> {
    let mut sorted = nearest.to_vec();
    sorted.sort();
    let (first, rest) = sorted.split_first()?;
    let (mut acc, mut in_file) = at_hand.find(std::slice::from_ref(first)).await?;
    for other in rest {
        let (next, next_in_file) = at_hand.find(std::slice::from_ref(other)).await?;
        let meet = graph.common_ancestors(std::slice::from_ref(first), std::slice::from_ref(other));
        let (below, below_in_file) = at_hand.find(&meet).await?;
        acc = merge(&below, &acc, &next).resolve_all(Side::Ours).ok()?;
        in_file |= next_in_file || below_in_file;
    }
    Some((acc, in_file))
}

/// Versions at hand as a function of the ids asked (tests).
#[cfg(all(test, not(target_arch = "wasm32")))]
pub(crate) struct ContentsByName<F>(pub F);

#[cfg(all(test, not(target_arch = "wasm32")))]
impl<F: Fn(&[VersionId]) -> Option<(Strategy, bool)>> AtHand for ContentsByName<F> {
    async fn find(&mut self, ids: &[VersionId]) -> Option<(Strategy, bool)> {
        (self.0)(ids)
    }

    async fn widen(&mut self, _: &[VersionId]) {}
}
