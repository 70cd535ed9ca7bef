//! The merge proper, on the model's own types: each version as a table of typed items
//! (`table`, through each type's [`view::View`]); removals first (each removed subtree is
//! removed, or one conflict when the other side edited, extended or newly refers to it:
//! `removal`), then every item both sides have, field by field, each compared as its type
//! compares (`values`); then, per choice, the strategy built back from the chosen items in
//! order (`apply`). Nothing is turned into JSON but what a conflict shows.

mod apply;
pub(super) use apply::{build_strategy, Unbuildable};
mod removal;
mod strategy_view;
pub(super) mod table;
mod values;
pub(super) mod view;
mod views;
mod vision_view;
pub(in crate::model::merge) mod written;

use super::findings::{Change, ChangeKind, Concurrent, Conflict, Entity, Field, Side, Version};
use super::key::Key;
use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};
use std::sync::Arc;
use table::{TableItem, TypedTable};
use view::Viewed;

/// One step of applying a choice.
#[derive(Clone, Debug)]
enum Op {
    Put(Key, Arc<TableItem>),
    Remove(Key),
    /// A field set to that of this version's item.
    Field(Key, String, Viewed),
    Parent(Key, Option<Key>),
}

/// What [`plan`] found: the three versions, every item decided without the user, and per
/// conflict what each choice does.
#[derive(Clone, Debug)]
pub(super) struct Plan {
    base: TypedTable,
    ours: TypedTable,
    theirs: TypedTable,
    decided: HashMap<Key, Arc<TableItem>>,
    /// Per conflict: [this computer's version, the file's].
    patches: Vec<[Vec<Op>; 2]>,
}

pub(super) struct Decisions {
    pub taken: Vec<Change>,
    pub kept: Vec<Change>,
    pub conflicts: Vec<Conflict>,
}

/// Where the common version given is not known to be the one both sides started from: there,
/// two sides that differ are a conflict whatever the common version holds.
#[derive(Clone, Debug)]
pub(in crate::model::merge) enum Unknown {
    /// The common version is known everywhere.
    Nowhere,
    /// No common version is known (it is given empty).
    Everywhere,
    /// Where both sides set a value, neither having seen the other's setting (and the
    /// references kept against a removal: [`Concurrent::restored`]).
    At(Concurrent),
}

impl Unknown {
    pub(in crate::model::merge) fn at(concurrent: &Concurrent) -> Unknown {
        match concurrent.is_empty() {
            true => Unknown::Nowhere,
            false => Unknown::At(concurrent.clone()),
        }
    }

    fn everywhere(&self) -> bool {
        matches!(self, Unknown::Everywhere)
    }

    /// Whether the common version of this value (`name`) of item `key` is not known.
    fn holds(&self, key: &Key, name: &str) -> bool {
        match self {
            Unknown::Nowhere => false,
            Unknown::Everywhere => true,
            Unknown::At(concurrent) => concurrent.holds(key, name),
        }
    }

    /// Whether `key` is a reference one side kept against the other's removal of it.
    fn restored(&self, key: &Key) -> bool {
        matches!(self, Unknown::At(concurrent) if concurrent.restored(key))
    }

    /// The common version as a conflict shows it: `known` where it is known.
    fn version(&self, key: &Key, name: &str, known: impl FnOnce() -> Version) -> Version {
        if self.holds(key, name) {
            Version::Unknown
        } else {
            known()
        }
    }
}

pub(super) fn plan(base: TypedTable, ours: TypedTable, theirs: TypedTable, unknown: Unknown) -> (Plan, Decisions) {
    let mut m = Merger::new(&base, &ours, &theirs, unknown);
    m.removals(Side::Ours);
    m.removals(Side::Theirs);
    m.rest();
    let Merger { decided, taken, kept, mut conflicts, .. } = m;
    crate::sorting::by_key(&mut conflicts, |(at, _, _)| *at);
    let (conflicts, patches) = conflicts.into_iter().map(|(_, c, p)| (c, p)).unzip();
    (Plan { base, ours, theirs, decided, patches }, Decisions { taken, kept, conflicts })
}

struct Merger<'a> {
    base: &'a TypedTable,
    ours: &'a TypedTable,
    theirs: &'a TypedTable,
    /// Every key of the three versions: the common version's order, then additions.
    union: Vec<Key>,
    position: HashMap<Key, usize>,
    decided: HashMap<Key, Arc<TableItem>>,
    taken: Vec<Change>,
    kept: Vec<Change>,
    conflicts: Vec<(usize, Conflict, [Vec<Op>; 2])>,
    /// Items whose existence a removal decides.
    grouped: HashSet<Key>,
    /// Items moved into what the other side removed: their parent is that removal's choice.
    moved_in: HashSet<Key>,
    unknown: Unknown,
}

/// The entity an item is or belongs to, and which of its values `name` is (`None`: the item
/// itself).
pub(in crate::model::merge) fn at(flat: &TypedTable, key: &Key, name: Option<&str>) -> (Entity, Field) {
    let (entity, field) = flat.place(key);
    let field = match (field, name) {
        (field, None) => field,
        (Field::Entry { list, key, .. }, Some(n)) => Field::Entry { list, key, field: Some(n.to_owned()) },
        (_, Some(n)) => Field::Value(n.to_owned()),
    };
    (entity, field)
}

/// What a side did to one value of an item (`name`), or to the item itself.
fn change(flat: &TypedTable, key: &Key, name: Option<&str>, kind: ChangeKind) -> Change {
    let (entity, field) = at(flat, key, name);
    Change { entity, field, kind }
}

/// A side moved the item under another parent.
fn moved(flat: &TypedTable, key: &Key) -> Change {
    Change { entity: flat.place(key).0, field: Field::Parent, kind: ChangeKind::Changed }
}

impl<'a> Merger<'a> {
    fn new(base: &'a TypedTable, ours: &'a TypedTable, theirs: &'a TypedTable, unknown: Unknown) -> Merger<'a> {
        let mut position = HashMap::default();
        let mut union = Vec::new();
        for k in base.order.iter().chain(&ours.order).chain(&theirs.order) {
            if !position.contains_key(k) {
                position.insert(k.clone(), union.len());
                union.push(k.clone());
            }
        }
        Merger {
            base,
            ours,
            theirs,
            union,
            position,
            decided: HashMap::default(),
            taken: Vec::new(),
            kept: Vec::new(),
            conflicts: Vec::new(),
            grouped: HashSet::default(),
            moved_in: HashSet::default(),
            unknown,
        }
    }

    fn side(&self, side: Side) -> &'a TypedTable {
        match side {
            Side::Ours => self.ours,
            Side::Theirs => self.theirs,
        }
    }

    fn record(&mut self, side: Side, change: Change) {
        match side {
            Side::Ours => self.kept.push(change),
            Side::Theirs => self.taken.push(change),
        }
    }

    fn conflict(&mut self, key: &Key, conflict: Conflict, ours: Vec<Op>, theirs: Vec<Op>) {
        let at = self.position.get(key).copied().unwrap_or(usize::MAX);
        self.conflicts.push((at, conflict, [ours, theirs]));
    }
}

/// The names of the fields of these items (one type's), in order.
fn names<'i>(items: &[&'i TableItem]) -> Vec<&'i str> {
    let mut names: Vec<&str> = items.iter().flat_map(|i| i.node.names()).collect();
    names.sort_unstable();
    names.dedup();
    names
}
