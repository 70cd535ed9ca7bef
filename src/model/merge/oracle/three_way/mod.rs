//! The merge proper, on the three flat versions: removals first (each removed subtree is
//! removed, or one conflict when the other side edited, extended or newly refers to it:
//! `removal`), then every item both sides have, value by value (`values`); then, per choice,
//! the final items in order (`apply`).

mod apply;
mod removal;
mod values;

use crate::model::merge::flat::{Flat, Item, Key};
use crate::model::merge::{Change, ChangeKind, Conflict, Entity, Field, Side};
use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};
use serde_json::Value;
use std::sync::Arc;

/// One step of applying a choice.
#[derive(Clone, Debug)]
enum Op {
    Put(Key, Arc<Item>),
    Remove(Key),
    Field(Key, String, Option<Value>),
    Parent(Key, Option<Key>),
}

/// What [`plan`] found: the three versions, every item decided without the user, and per
/// conflict what each choice does.
#[derive(Clone, Debug)]
pub(in crate::model::merge) struct Plan {
    base: Flat,
    ours: Flat,
    theirs: Flat,
    decided: HashMap<Key, Arc<Item>>,
    /// Per conflict: [this computer's version, the file's].
    patches: Vec<[Vec<Op>; 2]>,
}

pub(in crate::model::merge) struct Outcome {
    pub taken: Vec<Change>,
    pub kept: Vec<Change>,
    pub conflicts: Vec<Conflict>,
}

pub(in crate::model::merge) fn plan(base: Flat, ours: Flat, theirs: Flat) -> (Plan, Outcome) {
    let mut m = Merger::new(&base, &ours, &theirs);
    m.removals(Side::Ours);
    m.removals(Side::Theirs);
    m.rest();
    let Merger { decided, taken, kept, mut conflicts, .. } = m;
    crate::sorting::by_key(&mut conflicts, |(at, _, _)| *at);
    let (conflicts, patches) = conflicts.into_iter().map(|(_, c, p)| (c, p)).unzip();
    (Plan { base, ours, theirs, decided, patches }, Outcome { taken, kept, conflicts })
}

struct Merger<'a> {
    base: &'a Flat,
    ours: &'a Flat,
    theirs: &'a Flat,
    /// Every key of the three versions: the common version's order, then additions.
    union: Vec<Key>,
    position: HashMap<Key, usize>,
    decided: HashMap<Key, Arc<Item>>,
    taken: Vec<Change>,
    kept: Vec<Change>,
    conflicts: Vec<(usize, Conflict, [Vec<Op>; 2])>,
    /// Items whose existence a removal decides.
    grouped: HashSet<Key>,
    /// Items moved into what the other side removed: their parent is that removal's choice.
    moved_in: HashSet<Key>,
}

/// The entity an item is or belongs to, and which of its values `name` is (`None`: the item
/// itself).
pub(in crate::model::merge) fn at(flat: &Flat, key: &Key, name: Option<&str>) -> (Entity, Field) {
    let (entity, field) = flat.place(key);
    let field = match (field, name) {
        (field, None) => field,
        (Field::Entry { list, key, .. }, Some(n)) => Field::Entry { list, key, field: Some(n.to_owned()) },
        (_, Some(n)) => Field::Value(n.to_owned()),
    };
    (entity, field)
}

/// What a side did to one value of an item (`name`), or to the item itself.
fn change(flat: &Flat, key: &Key, name: Option<&str>, kind: ChangeKind) -> Change {
    let (entity, field) = at(flat, key, name);
    Change { entity, field, kind }
}

/// A side moved the item under another parent.
fn moved(flat: &Flat, key: &Key) -> Change {
    Change { entity: flat.place(key).0, field: Field::Parent, kind: ChangeKind::Changed }
}

impl<'a> Merger<'a> {
    fn new(base: &'a Flat, ours: &'a Flat, theirs: &'a Flat) -> Merger<'a> {
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
        }
    }

    fn side(&self, side: Side) -> &'a Flat {
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
