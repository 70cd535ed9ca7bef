//! Validation: every problem of a strategy at once, each with where it is (a JSON-style path
//! such as `goals[2].measures[0].kpis[1]`) and what it is. Errors make a strategy unusable
//! (an import refuses it); warnings are shown and never block anything.
//!
//! The words are the UI's business: a problem is data (`ProblemKind`, in `problem`), turned
//! into Japanese or English text only by `locale`. `rules` holds the checks (`dates` those of
//! when a series' revisions and as-of values are), `walk` the one order both [`validate`] and
//! [`validate_entity`] visit the strategy in, and `structure` the index of ids they look up —
//! kept by the editor as a [`Structure`] between edits.

#[cfg(test)]
mod date_tests;
mod dates;
mod places;
mod problem;
mod rules;
mod structure;
#[cfg(test)]
mod tests;
mod validator;
mod walk;

pub use problem::{errors, Problem, ProblemKind, Severity};
pub use rules::is_municipality_code;
pub use structure::Structure;

use crate::model::{Id, Strategy};
use structure::{Defs, Extent, Lookup};
use validator::Validator;
use walk::Scope;

/// Every problem of the strategy, errors and warnings, in document order.
pub fn validate(s: &Strategy) -> Vec<Problem> {
    let defs = Defs::of(s, Extent::Whole, |id| id);
    Validator { s, problems: Vec::new(), defs: &defs }.walk(Scope::Whole)
}

/// The problems of the goal, measure, initiative or indicator whose id is `id` (of each, if the
/// id is not unique): exactly those [`validate`] finds at its places — its own values, a
/// duplicate of its id, its references, an indicator nobody refers to — in the same order, as
/// both take the same walk (`walk`).
/// The editor asks this for the selected entity after every edit, so what it needs to know of
/// the rest of the strategy comes from `structure` (made once, see [`Structure`]): nothing else
/// is walked, and the cost does not grow with the strategy. `structure` must fit `s`.
pub fn validate_entity(s: &Strategy, structure: &Structure, id: &Id) -> Vec<Problem> {
    debug_assert!(structure.fits(s), "validate_entity with a structure of another strategy");
    let places = structure.defs.places(id);
    Validator { s, problems: Vec::new(), defs: &structure.defs }.walk(Scope::Places(places))
}
