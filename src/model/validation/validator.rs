//! What the checks of validation share: the strategy they look at, the index of its ids, and
//! the problems found so far.

use super::problem::{Problem, ProblemKind};
use super::structure::Lookup;
use crate::model::Strategy;

/// The problems found so far, and what the checks look at: the strategy and the index of its ids.
pub(super) struct Validator<'a> {
    pub(super) s: &'a Strategy,
    pub(super) problems: Vec<Problem>,
    pub(super) defs: &'a dyn Lookup,
}

impl Validator<'_> {
    pub(super) fn push(&mut self, path: impl Into<String>, kind: ProblemKind) {
        self.problems.push(Problem { path: path.into(), kind });
    }
}
