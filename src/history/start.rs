//! Where a merge of another version into the current one starts, from how the two stand
//! ([`Relation`]): the one place that reads a relation for a merge, whichever path merges (the
//! shared folder, 統合する, a conflict decided), and what storing its result makes ([`StoredAs`]).

use super::{Relation, VersionId};

/// What merging another version starts with.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum MergeStart {
    /// The same version: nothing to merge.
    InStep,
    /// A version the current one descends from: it has nothing the current one lacks.
    Behind,
    /// It descends from the current version: taken as it is.
    Take,
    /// Each has what the other lacks: merged from the base `history::base_for_merge` makes of
    /// `nearest` (their nearest common versions, as [`Relation::Diverged`] gives them; empty
    /// when the graph knows none). `bases`: where to look first — `nearest`, or with none, the
    /// versions of theirs this browser keeps.
    Merge { nearest: Vec<VersionId>, bases: Vec<VersionId> },
}

impl MergeStart {
    /// The start of a merge with a version standing as `relation` against the current one;
    /// `kept`: the versions of theirs this browser keeps, asked only when the graph knows no
    /// version both descend from.
    pub fn of(relation: Relation, kept: impl FnOnce() -> Vec<VersionId>) -> MergeStart {
        match relation {
            Relation::InStep => MergeStart::InStep,
            Relation::Behind => MergeStart::Behind,
            Relation::FastForward => MergeStart::Take,
            Relation::Diverged { bases } if bases.is_empty() => MergeStart::Merge { nearest: bases, bases: kept() },
            Relation::Diverged { bases } => MergeStart::Merge { nearest: bases.clone(), bases },
        }
    }
}

/// What storing a merge's result makes ([`MergeStart::stored_as`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum StoredAs {
    /// Nothing: theirs held nothing the current version lacks, and the result is the current
    /// version (a merge version would part this head from the others' for nothing).
    Nothing,
    /// Their version taken as it is: the result is theirs, which descends from the current one.
    Taken,
    /// A merge version, on both.
    Merge,
}

impl MergeStart {
    /// What storing the result of a merge that started so makes; `is_ours`, `is_theirs`: whether
    /// the result is the current version's content, or theirs (asked only where it decides).
    pub fn stored_as(&self, is_ours: impl FnOnce() -> bool, is_theirs: impl FnOnce() -> bool) -> StoredAs {
        match self {
            MergeStart::InStep | MergeStart::Behind => match is_ours() {
                true => StoredAs::Nothing,
                false => StoredAs::Merge,
            },
            MergeStart::Take => match is_theirs() {
                true => StoredAs::Taken,
                false => StoredAs::Merge,
            },
            MergeStart::Merge { .. } => StoredAs::Merge,
        }
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;

    fn v(n: u128) -> VersionId {
        VersionId::from_bits(n)
    }

    #[test]
    fn every_stand_starts_its_own_way_and_the_kept_versions_are_asked_only_with_no_common_one() {
        let never = || -> Vec<VersionId> { panic!("not asked") };
        assert_eq!(MergeStart::of(Relation::InStep, never), MergeStart::InStep);
        assert_eq!(MergeStart::of(Relation::Behind, never), MergeStart::Behind);
        assert_eq!(MergeStart::of(Relation::FastForward, never), MergeStart::Take);
        let diverged = Relation::Diverged { bases: vec![v(1)] };
        assert_eq!(MergeStart::of(diverged, never), MergeStart::Merge { nearest: vec![v(1)], bases: vec![v(1)] });
        let criss_cross = Relation::Diverged { bases: vec![v(1), v(2)] };
        assert_eq!(
            MergeStart::of(criss_cross, never),
            MergeStart::Merge { nearest: vec![v(1), v(2)], bases: vec![v(1), v(2)] }
        );
        let beyond = Relation::Diverged { bases: vec![] };
        assert_eq!(MergeStart::of(beyond, || vec![v(9)]), MergeStart::Merge { nearest: vec![], bases: vec![v(9)] });
    }

    #[test]
    fn a_result_is_stored_as_nothing_a_take_or_a_merge_by_where_the_two_stood() {
        let merge = MergeStart::Merge { nearest: vec![v(1)], bases: vec![v(1)] };
        let (yes, no) = (|| true, || false);
        assert_eq!(MergeStart::InStep.stored_as(yes, no), StoredAs::Nothing);
        assert_eq!(MergeStart::Behind.stored_as(yes, no), StoredAs::Nothing);
        assert_eq!(MergeStart::Behind.stored_as(no, no), StoredAs::Merge, "ours changed by the merge");
        assert_eq!(MergeStart::Take.stored_as(no, yes), StoredAs::Taken);
        assert_eq!(MergeStart::Take.stored_as(no, no), StoredAs::Merge, "theirs changed by a decision");
        assert_eq!(merge.stored_as(yes, yes), StoredAs::Merge, "a diverged pair always makes a merge");
    }
}
