//! Which version a three-way merge starts from: one rule for every path that merges (the shared
//! folder, a folder read by hand, 統合する). Contents come from the caller (`find`), which
//! alone knows what is at hand (its history, the versions it keeps, the file's carried one).

use super::{Graph, VersionId};
use crate::model::merge::{merge, Side};
use crate::model::Strategy;

/// The base to merge a diverged pair from. `nearest`: their nearest common versions, as
/// `Relation::Diverged` gives them; `older`: the versions to fall back on when no better base
/// can be made (the common ones nearest first, or with none known the versions of theirs this
/// browser keeps); `graph`: both sides' nodes. `find(ids)`: the content of the first of `ids`
/// whose content is at hand, and whether it came from the file.
///
/// One nearest version: it, or the first of `older` at hand. After a criss-cross (two or more
/// nearest, each side having merged the other's), their merge: a virtual base, as both sides
/// make it ([`virtual_base`]); merging from either one alone shows the other side's changes
/// since it as conflicts.
pub async fn base_for_merge(
    graph: &Graph,
    nearest: &[VersionId],
    older: Vec<VersionId>,
    find: impl AsyncFn(Vec<VersionId>) -> Option<(Strategy, bool)>,
) -> Option<MergeBase> {
    let base = |(strategy, in_file), exact| MergeBase { strategy, in_file, exact };
    match nearest.len() {
        1 => {
            if let Some(found) = find(nearest.to_vec()).await {
                return Some(base(found, true));
            }
        }
        2.. => {
            if let Some(found) = virtual_base(graph, nearest, &find).await {
                return Some(base(found, false));
            }
        }
        0 => {}
    }
    find(older).await.map(|found| base(found, false))
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
pub async fn virtual_base(
    graph: &Graph,
    nearest: &[VersionId],
    find: &impl AsyncFn(Vec<VersionId>) -> Option<(Strategy, bool)>,
) -> Option<(Strategy, bool)> {
    let mut sorted = nearest.to_vec();
    sorted.sort();
    let (first, rest) = sorted.split_first()?;
    let (mut acc, mut in_file) = find(vec![*first]).await?;
    for other in rest {
        let (next, next_in_file) = find(vec![*other]).await?;
        let meet = graph.common_ancestors(std::slice::from_ref(first), std::slice::from_ref(other));
        let (below, below_in_file) = find(meet).await?;
        acc = merge(&below, &acc, &next).resolve_all(Side::Ours).ok()?;
        in_file |= next_in_file || below_in_file;
    }
    Some((acc, in_file))
}
