//! Where a merge of another version into the current one starts, from how the two stand
//! ([`Relation`]): the one place that reads a relation for a merge, whichever path merges (the
//! shared folder, 統合する, a conflict decided).

use super::{Relation, VersionId};

/// What merging another version starts with.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Start {
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

impl Start {
    /// The start of a merge with a version standing as `relation` against the current one;
    /// `kept`: the versions of theirs this browser keeps, asked only when the graph knows no
    /// version both descend from.
    pub fn of(relation: Relation, kept: impl FnOnce() -> Vec<VersionId>) -> Start {
        match relation {
            Relation::InStep => Start::InStep,
            Relation::Behind => Start::Behind,
            Relation::FastForward => Start::Take,
            Relation::Diverged { bases } if bases.is_empty() => Start::Merge { nearest: bases, bases: kept() },
            Relation::Diverged { bases } => Start::Merge { nearest: bases.clone(), bases },
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
        assert_eq!(Start::of(Relation::InStep, never), Start::InStep);
        assert_eq!(Start::of(Relation::Behind, never), Start::Behind);
        assert_eq!(Start::of(Relation::FastForward, never), Start::Take);
        let diverged = Relation::Diverged { bases: vec![v(1)] };
        assert_eq!(Start::of(diverged, never), Start::Merge { nearest: vec![v(1)], bases: vec![v(1)] });
        let criss_cross = Relation::Diverged { bases: vec![v(1), v(2)] };
        assert_eq!(Start::of(criss_cross, never), Start::Merge { nearest: vec![v(1), v(2)], bases: vec![v(1), v(2)] });
        let beyond = Relation::Diverged { bases: vec![] };
        assert_eq!(Start::of(beyond, || vec![v(9)]), Start::Merge { nearest: vec![], bases: vec![v(9)] });
    }
}
