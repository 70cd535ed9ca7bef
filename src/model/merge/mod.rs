//! Three-way merge of two machines' work on one strategy: `base` is the version both
//! started from, `ours` this computer's (このパソコン), `theirs` the file's (ファイル).
//!
//! Entities (goals, measures, initiatives, indicators, series, sections, 担当課, …) are matched
//! by id, wherever they sit; yearly rows (actuals, interim targets, budgets and settled costs)
//! by owner × fiscal year, evaluations by owner × fiscal year × stage (一次, 二次, 外部),
//! references (KPIs, 数値目標, 関連施策, 再掲) by what they refer to; a 担当課 named is a value that
//! refers (`shape::ref_fields`). A value changed on one side only is taken; changed the same way
//! on both, taken once; changed differently, a [`Conflict`]. What one side added is kept. What
//! one side removed is removed, unless the other side edited it (or added something under it, or
//! newly refers to it): a conflict on the removed entity as a whole. A move to another parent is a change of the
//! `parent`; the order under one parent keeps both sides' moves where they do not cross, and
//! otherwise takes the file's order. Residents' votes add up both sides' increments.
//!
//! The work is done on the model's own types (`typed`): each version is a table of its items,
//! keyed as above, each holding the model's value; each type's view (`typed::view`) names its fields once
//! and compares, copies and shows them one by one (the lists, sums and references of each kind
//! are described in `shape`). The merged strategy is built back from the chosen items; only what
//! a conflict shows is written as JSON. Conflicts are data; `words::merge` words them (`edited`
//! sums up what a side did to an item the other removed, for its card). The marks of where values
//! were last set (`provenance`) read the same typed table, each value hashed as the file writes it.

pub mod edited;
#[cfg(any(test, not(target_arch = "wasm32")))]
#[doc(hidden)]
pub mod edits;
mod findings;
mod key;
mod order;
pub mod provenance;
mod shape;
mod typed;
mod unchanged;

#[cfg(test)]
mod hearing_tests;
#[cfg(all(test, not(target_arch = "wasm32")))]
mod proptests;
#[cfg(all(test, not(target_arch = "wasm32")))]
mod provenance_tests;
#[cfg(test)]
mod round_tests;
#[cfg(test)]
mod tests;
#[cfg(all(test, not(target_arch = "wasm32")))]
mod typed_tests;
#[cfg(test)]
mod unchanged_tests;
#[cfg(all(test, not(target_arch = "wasm32")))]
mod unrelated_tests;
#[cfg(test)]
mod vision_tests;

use super::{errors, validate, Problem, Strategy};
use typed::table::TypedTable;

pub use findings::{
    Change, ChangeKind, Concurrent, Conflict, ConflictKind, Crumb, Entity, EntryKey, Field, Kind, Side, Version,
};

/// The outcome of [`merge`]: what it would do, and the decisions left to the user.
#[derive(Clone, Debug)]
pub struct Merge {
    /// This computer's version, as it was merged.
    pub ours: Strategy,
    /// Changes taken from the file.
    pub taken: Vec<Change>,
    /// Changes kept from this computer.
    pub kept: Vec<Change>,
    /// In document order.
    pub conflicts: Vec<Conflict>,
    plan: typed::Plan,
    unchanged: unchanged::Unchanged,
}

#[derive(Clone, Debug, PartialEq, thiserror::Error)]
pub enum ResolveError {
    #[error("{choices} choices for {conflicts} conflicts")]
    Choices { conflicts: usize, choices: usize },
    /// The merged data does not read back as a strategy (a bug: nothing is applied).
    #[error("the merged strategy does not read back: {0}")]
    Unreadable(String),
    /// The merged strategy has validation errors (a bug: nothing is applied).
    #[error("the merged strategy has {} validation errors", .0.len())]
    Invalid(Vec<Problem>),
}

/// Merges this computer's version (`ours`) and the file's (`theirs`) of a strategy that both
/// started from `base`.
pub fn merge(base: &Strategy, ours: &Strategy, theirs: &Strategy) -> Merge {
    merge_with(base, None, ours, theirs)
}

/// [`merge`], from a common version that may be older than where the two met (`base`: the
/// nearest at hand), made exact by both sides' marks (`marks`: ours', theirs'; `None` or
/// empty: `base` as it is). Where a side had seen the other's setting of a value, the later one
/// is taken with no card; where both set a value with neither having seen the other's, it is a
/// card whatever `base` holds ([`Concurrent`]). Each value is read where the two sides hold it
/// differently, field by field on the merge's own table (`provenance::exact_table`).
pub fn merge_with(base: &Strategy, marks: Option<SideMarks<'_>>, ours: &Strategy, theirs: &Strategy) -> Merge {
    let unchanged = unchanged::Unchanged::listing(base, ours, theirs, None);
    let [b, o, t] = [base, ours, theirs].map(|s| TypedTable::of(&unchanged.stand_ins(s)));
    let (b, unknown) = exact(b, (&o, &t), marks);
    merge_tables([b, o, t], ours, unchanged, unknown)
}

/// Both sides' marks as a merge reads them: ours', theirs'.
pub type SideMarks<'a> = (&'a provenance::Provenance, &'a provenance::Provenance);

/// The base table `b` made exact by both sides' marks, and where its values are not known.
fn exact(
    b: TypedTable,
    (o, t): (&TypedTable, &TypedTable),
    marks: Option<SideMarks<'_>>,
) -> (TypedTable, typed::Unknown) {
    match marks {
        Some((om, tm)) => {
            let (b, concurrent) = provenance::exact_table(b, (o, om), (t, tm));
            (b, typed::Unknown::at(&concurrent))
        }
        None => (b, typed::Unknown::Nowhere),
    }
}

/// Merges two versions of a strategy whose common version is not known (a member's file from
/// beyond the history this browser holds): nothing is taken silently. Every value the two hold
/// differently, and everything only one of them holds, is a conflict whose common version is
/// [`Version::Unknown`]; what both hold alike is kept.
pub fn merge_unrelated(ours: &Strategy, theirs: &Strategy) -> Merge {
    let [o, t] = [ours, theirs].map(TypedTable::of);
    merge_tables([TypedTable::default(), o, t], ours, unchanged::Unchanged::default(), typed::Unknown::Everywhere)
}

/// The same merge, listing only `listed`'s changes ([`Merge::taken`] for the file's,
/// [`Merge::kept`] for this computer's; the other is empty). What only the other side changed
/// inside a measure, an initiative or an indicator is then set aside and given back as it is,
/// unread: a folder's reading merges each member's file into everything it took before, and
/// says only what the member did. The merged strategy and the conflicts are [`merge`]'s.
pub fn merge_listing(base: &Strategy, ours: &Strategy, theirs: &Strategy, listed: Side) -> Merge {
    begin_listing(base, ours, theirs, listed, None).finish()
}

/// [`merge_listing`] in two steps of about the same time, for a caller that gives the page's
/// thread back between them (a large strategy's merge is one long task otherwise): what is set
/// aside and the base's table first, then ours and theirs and the merge
/// ([`ListingBegun::finish`]). From a base made exact by both sides' `marks`, as
/// [`merge_with`] gives: what only the other side changed is then set aside only where all
/// three hold it alike (the marks may say the listed side set it back).
pub fn begin_listing<'a>(
    base: &Strategy,
    ours: &'a Strategy,
    theirs: &'a Strategy,
    listed: Side,
    marks: Option<SideMarks<'a>>,
) -> ListingBegun<'a> {
    let free = marks.is_none().then(|| listed.other());
    let unchanged = unchanged::Unchanged::listing(base, ours, theirs, free);
    let base = TypedTable::of(&unchanged.stand_ins(base));
    ListingBegun { ours, theirs, listed, unchanged, base, marks }
}

/// A merge [`begin_listing`] began.
pub struct ListingBegun<'a> {
    ours: &'a Strategy,
    theirs: &'a Strategy,
    listed: Side,
    unchanged: unchanged::Unchanged,
    base: TypedTable,
    marks: Option<SideMarks<'a>>,
}

impl ListingBegun<'_> {
    pub fn finish(self) -> Merge {
        let [o, t] = [self.ours, self.theirs].map(|s| TypedTable::of(&self.unchanged.stand_ins(s)));
        let (b, unknown) = exact(self.base, (&o, &t), self.marks);
        let mut m = merge_tables([b, o, t], self.ours, self.unchanged, unknown);
        match self.listed {
            Side::Ours => m.taken.clear(),
            Side::Theirs => m.kept.clear(),
        }
        m
    }
}

fn merge_tables(
    [b, o, t]: [TypedTable; 3],
    ours: &Strategy,
    unchanged: unchanged::Unchanged,
    unknown: typed::Unknown,
) -> Merge {
    let (plan, outcome) = typed::plan(b, o, t, unknown);
    Merge {
        ours: ours.clone(),
        taken: outcome.taken,
        kept: outcome.kept,
        conflicts: outcome.conflicts,
        plan,
        unchanged,
    }
}

/// [`merge`] with nothing set aside: every item read (what the set-aside is checked against).
#[cfg(all(test, not(target_arch = "wasm32")))]
fn merge_whole(base: &Strategy, ours: &Strategy, theirs: &Strategy) -> Merge {
    let [b, o, t] = [base, ours, theirs].map(TypedTable::of);
    merge_tables([b, o, t], ours, unchanged::Unchanged::default(), typed::Unknown::Nowhere)
}

fn apply(merge: &Merge, choices: &[Side]) -> Result<Strategy, typed::Unbuildable> {
    let mut s = merge.plan.apply(choices)?;
    merge.unchanged.put_back(&mut s);
    Ok(s)
}

/// The final strategy with one choice per conflict, in the order of [`Merge::conflicts`].
pub fn resolve(merge: &Merge, choices: &[Side]) -> Result<Strategy, ResolveError> {
    if choices.len() != merge.conflicts.len() {
        return Err(ResolveError::Choices { conflicts: merge.conflicts.len(), choices: choices.len() });
    }
    let s = apply(merge, choices).map_err(|e| ResolveError::Unreadable(e.0))?;
    let problems: Vec<Problem> = errors(&validate(&s)).cloned().collect();
    if problems.is_empty() {
        Ok(s)
    } else {
        Err(ResolveError::Invalid(problems))
    }
}

impl Merge {
    /// Every change that does not conflict applied; each conflict at this computer's version
    /// (the same as resolving every conflict with [`Side::Ours`], without the check). Made when
    /// asked: the preview needs only the changes and the conflicts.
    pub fn strategy(&self) -> Strategy {
        // Valid sides merge into a valid strategy; anything else keeps this computer's version.
        apply(self, &vec![Side::Ours; self.conflicts.len()]).unwrap_or_else(|_| self.ours.clone())
    }

    /// [`resolve`] with one choice per conflict.
    pub fn resolve(&self, choices: &[Side]) -> Result<Strategy, ResolveError> {
        resolve(self, choices)
    }

    /// Every conflict resolved the same way (すべてこのパソコンの内容 / すべてファイルの内容).
    pub fn resolve_all(&self, side: Side) -> Result<Strategy, ResolveError> {
        resolve(self, &vec![side; self.conflicts.len()])
    }
}
