//! The merge proper, on the three flat versions: removals first (each removed subtree is
//! removed, or one conflict when the other side edited, extended or newly refers to it), then
//! every item both sides have, value by value; then, per choice, the final items in order.

use super::flat::{to_value, Children, Flat, Item, Key, Ref};
use super::order::order;
use super::shape::KeyBy;
use super::{Change, ChangeKind, Conflict, ConflictKind, Entity, Field, Kind, Side, Version};
use crate::model::Strategy;
use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};
use serde_json::Value;
use std::collections::BTreeSet;
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
pub(super) struct Plan {
    base: Flat,
    ours: Flat,
    theirs: Flat,
    decided: HashMap<Key, Arc<Item>>,
    /// Per conflict: [this computer's version, the file's].
    patches: Vec<[Vec<Op>; 2]>,
}

pub(super) struct Outcome {
    pub taken: Vec<Change>,
    pub kept: Vec<Change>,
    pub conflicts: Vec<Conflict>,
}

pub(super) fn plan(base: Flat, ours: Flat, theirs: Flat) -> (Plan, Outcome) {
    let mut m = Merger::new(&base, &ours, &theirs);
    m.removals(Side::Ours);
    m.removals(Side::Theirs);
    m.rest();
    let Merger { decided, taken, kept, mut conflicts, .. } = m;
    conflicts.sort_by_key(|(at, _, _)| *at);
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

/// How the three versions of one value compare.
enum Pick<'v, V> {
    /// Both sides have the same (changed or not).
    Agree,
    /// Only this side changed it, to this.
    One(Side, Option<&'v V>),
    /// Both changed it, differently.
    Differ,
}

fn pick<'v, V: PartialEq>(base: Option<&'v V>, ours: Option<&'v V>, theirs: Option<&'v V>) -> Pick<'v, V> {
    if ours == theirs {
        Pick::Agree
    } else if ours == base {
        Pick::One(Side::Theirs, theirs)
    } else if theirs == base {
        Pick::One(Side::Ours, ours)
    } else {
        Pick::Differ
    }
}

/// The entity an item is or belongs to, and which of its values `name` is (`None`: the item
/// itself).
pub(super) fn at(flat: &Flat, key: &Key, name: Option<&str>) -> (Entity, Field) {
    let (entity, field) = flat.place(key);
    let field = match (field, name) {
        (field, None) => field,
        (Field::Entry { list, key, .. }, Some(n)) => Field::Entry { list, key, field: Some(n.to_owned()) },
        (_, Some(n)) => Field::Value(n.to_owned()),
    };
    (entity, field)
}

fn change(flat: &Flat, key: &Key, name: Option<&str>, kind: ChangeKind) -> Change {
    let (entity, field) = at(flat, key, name);
    Change { entity, field, kind }
}

fn moved(flat: &Flat, key: &Key) -> Change {
    Change { entity: flat.place(key).0, field: Field::Parent, kind: ChangeKind::Changed }
}

/// What a side changed in an item since the common version.
fn diff(flat: &Flat, key: &Key, base: &Item, item: &Item) -> Vec<Change> {
    let mut out = Vec::new();
    if base.parent != item.parent {
        out.push(moved(flat, key));
    }
    if base.fields != item.fields {
        let names: BTreeSet<&String> = base.fields.keys().chain(item.fields.keys()).collect();
        for name in names.into_iter().filter(|n| base.fields.get(*n) != item.fields.get(*n)) {
            out.push(change(flat, key, Some(name), ChangeKind::Changed));
        }
    }
    out
}

fn version(value: Option<&Value>) -> Version {
    value.map_or(Version::Absent, |v| Version::Value(v.clone()))
}

fn parent_version(parent: Option<&Key>) -> Version {
    match parent {
        Some(Key::Id(id)) => Version::Value(Value::String(id.to_string())),
        _ => Version::Absent,
    }
}

/// A version's list `slot` of `parent` (empty when it has no such parent).
fn side_list<'f>(flat: &'f Flat, parent: &Key, slot: usize) -> &'f [Key] {
    flat.items.get(parent).and_then(|i| i.children.get(slot)).map_or(&[], Vec::as_slice)
}

/// The fiscal year of a yearly row, from its key.
fn year(key: &Key) -> Option<i64> {
    match key {
        Key::Entry(e) => e.2.parse().ok(),
        _ => None,
    }
}

/// The entity an entry refers to (a KPI's indicator).
fn target(flat: &Flat, key: &Key) -> Option<Key> {
    let item = flat.items.get(key)?;
    let value = item.fields.get(item.shape.key_field().filter(|_| item.shape.refers())?)?;
    value.as_str().map(Key::id)
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

    /// What `remover` removed and the other side still has: each topmost such item with what
    /// is under it on the other side, and what refers to it there.
    fn removals(&mut self, remover: Side) {
        let (x, y) = (self.side(remover), self.side(remover.other()));
        for k in &y.order {
            if self.grouped.contains(k) || x.has(k) || !self.base.has(k) {
                continue;
            }
            // A reference to something removed goes with it.
            if target(y, k).is_some_and(|t| self.base.has(&t) && !x.has(&t) && y.has(&t)) {
                continue;
            }
            self.removal(remover, k);
        }
    }

    fn removal(&mut self, remover: Side, root: &Key) {
        let keeper = remover.other();
        let (b, x, y) = (self.base, self.side(remover), self.side(keeper));
        let (mut members, mut moved_in, mut fields) = (Vec::new(), Vec::new(), Vec::new());
        let (mut edits, mut edited, mut refers) = (Vec::new(), false, false);
        // What the keeper did to an item removed with the root (or added under it).
        let edit = |key: &Key, edits: &mut Vec<Change>| match b.items.get(key) {
            None => {
                if y.items[key].parent.as_ref().is_none_or(|p| b.has(p)) {
                    edits.push(change(y, key, None, ChangeKind::Added));
                }
                true
            }
            Some(base) => {
                let d = diff(y, key, base, &y.items[key]);
                let changed = !d.is_empty();
                edits.extend(d);
                changed
            }
        };
        let mut stack = vec![root.clone()];
        self.grouped.insert(root.clone());
        while let Some(m) = stack.pop() {
            edited |= edit(&m, &mut edits);
            for r in y.refs.get(&m).into_iter().flatten() {
                match r {
                    Ref::Entry(e) if !x.has(e) && self.grouped.insert(e.clone()) => {
                        if b.has(e) {
                            edited |= edit(e, &mut edits);
                        } else {
                            refers = true;
                            edit(e, &mut edits);
                        }
                        members.push(e.clone());
                    }
                    Ref::Field(h, f) if x.has(h) => {
                        let now = y.items[h].fields.get(*f);
                        if now != b.items.get(h).and_then(|i| i.fields.get(*f)) {
                            refers = true;
                            edits.push(change(y, h, Some(f), ChangeKind::Changed));
                            fields.push((h.clone(), *f));
                        }
                    }
                    _ => {}
                }
            }
            for c in y.items[&m].children.iter().flatten().rev() {
                if self.grouped.contains(c) {
                    continue;
                }
                if x.has(c) {
                    // Moved out by the remover, or moved in by the keeper.
                    if y.items[c].parent != b.items.get(c).and_then(|i| i.parent.clone()) {
                        edited = true;
                        edits.push(moved(y, c));
                        moved_in.push(c.clone());
                    }
                    continue;
                }
                self.grouped.insert(c.clone());
                stack.push(c.clone());
            }
            members.push(m);
        }
        if !edited && !refers {
            self.record(remover, change(b, root, None, ChangeKind::Removed));
            return;
        }
        let removing = members
            .iter()
            .map(|m| Op::Remove(m.clone()))
            .chain(moved_in.iter().map(|c| Op::Parent(c.clone(), x.items[c].parent.clone())))
            .chain(fields.iter().map(|(h, f)| Op::Field(h.clone(), f.to_string(), x.items[h].fields.get(*f).cloned())))
            .collect();
        let keeping = members
            .iter()
            .map(|m| Op::Put(m.clone(), Arc::clone(&y.items[m])))
            .chain(moved_in.iter().map(|c| Op::Parent(c.clone(), y.items[c].parent.clone())))
            .chain(fields.iter().map(|(h, f)| Op::Field(h.clone(), f.to_string(), y.items[h].fields.get(*f).cloned())))
            .collect();
        self.moved_in.extend(moved_in);
        let (entity, field) = y.place(root);
        let kind = if edited {
            ConflictKind::RemovedEdited { removed_by: remover }
        } else {
            ConflictKind::Dangling { removed_by: remover }
        };
        let (removed, kept) = (Version::Absent, Version::Edited(edits));
        let (ours, theirs, ours_ops, theirs_ops) = match remover {
            Side::Ours => (removed, kept, removing, keeping),
            Side::Theirs => (kept, removed, keeping, removing),
        };
        let conflict = Conflict { kind, entity, path: y.path(root), field, base: Version::Present, ours, theirs };
        self.conflict(root, conflict, ours_ops, theirs_ops);
    }

    /// Every item not decided by a removal: on both sides, merged value by value; on one side
    /// only, added.
    fn rest(&mut self) {
        for k in std::mem::take(&mut self.union) {
            if self.grouped.contains(&k) {
                continue;
            }
            let (b, o, t) = (self.base.items.get(&k), self.ours.items.get(&k), self.theirs.items.get(&k));
            match (o, t) {
                (Some(o), Some(t)) => self.both(&k, b, o, t),
                (Some(item), None) | (None, Some(item)) if b.is_none() => {
                    let side = if o.is_some() { Side::Ours } else { Side::Theirs };
                    if item.parent.as_ref().is_none_or(|p| self.base.has(p)) {
                        self.record(side, change(self.side(side), &k, None, ChangeKind::Added));
                    }
                    self.decided.insert(k, Arc::clone(item));
                }
                // Removed on both sides.
                _ => {}
            }
        }
    }

    fn both(&mut self, k: &Key, b: Option<&Arc<Item>>, o: &Arc<Item>, t: &Arc<Item>) {
        if o.fields == t.fields && o.parent == t.parent {
            self.decided.insert(k.clone(), Arc::clone(o));
            return;
        }
        let mut item = Item::clone(o);
        let theirs = self.theirs;
        let path = || theirs.path(k);
        if !self.moved_in.contains(k) {
            match pick(b.map(|b| &b.parent), Some(&o.parent), Some(&t.parent)) {
                Pick::Agree => {}
                Pick::One(side, parent) => {
                    item.parent = parent.cloned().flatten();
                    self.record(side, moved(self.side(side), k));
                }
                Pick::Differ => {
                    let conflict = Conflict {
                        kind: ConflictKind::BothChanged,
                        entity: self.theirs.place(k).0,
                        path: path(),
                        field: Field::Parent,
                        base: parent_version(b.and_then(|b| b.parent.as_ref())),
                        ours: parent_version(o.parent.as_ref()),
                        theirs: parent_version(t.parent.as_ref()),
                    };
                    let ops = |i: &Item| vec![Op::Parent(k.clone(), i.parent.clone())];
                    self.conflict(k, conflict, ops(o), ops(t));
                }
            }
        }
        if o.fields != t.fields {
            let names: BTreeSet<&String> =
                o.fields.keys().chain(t.fields.keys()).chain(b.into_iter().flat_map(|b| b.fields.keys())).collect();
            for name in names {
                let bv = b.and_then(|b| b.fields.get(name));
                let (ov, tv) = (o.fields.get(name), t.fields.get(name));
                match pick(bv, ov, tv) {
                    Pick::Agree => {}
                    Pick::One(side, value) => {
                        match value {
                            Some(v) => item.fields.insert(name.clone(), v.clone()),
                            None => item.fields.remove(name),
                        };
                        self.record(side, change(self.side(side), k, Some(name), ChangeKind::Changed));
                    }
                    Pick::Differ if o.shape.sums.contains(&name.as_str()) => {
                        let n = |v: Option<&Value>| v.and_then(Value::as_i64).unwrap_or(0);
                        let sum = (n(ov) + n(tv) - n(bv)).clamp(0, i64::from(u32::MAX));
                        item.fields.insert(name.clone(), Value::from(sum));
                        for side in [Side::Ours, Side::Theirs] {
                            self.record(side, change(self.side(side), k, Some(name), ChangeKind::Changed));
                        }
                    }
                    Pick::Differ => {
                        let (entity, field) = at(self.theirs, k, Some(name));
                        let conflict = Conflict {
                            kind: ConflictKind::BothChanged,
                            entity,
                            path: path(),
                            field,
                            base: version(bv),
                            ours: version(ov),
                            theirs: version(tv),
                        };
                        let op = |v: Option<&Value>| vec![Op::Field(k.clone(), name.clone(), v.cloned())];
                        self.conflict(k, conflict, op(ov), op(tv));
                    }
                }
            }
        }
        self.decided.insert(k.clone(), Arc::new(item));
    }
}

impl Plan {
    /// The strategy with these choices (one per conflict, in order).
    pub fn apply(&self, choices: &[Side]) -> Result<Strategy, serde_json::Error> {
        let mut items = self.decided.clone();
        for (patch, choice) in self.patches.iter().zip(choices) {
            for op in &patch[usize::from(*choice == Side::Theirs)] {
                match op {
                    Op::Put(k, item) => {
                        items.insert(k.clone(), item.clone());
                    }
                    Op::Remove(k) => {
                        items.remove(k);
                    }
                    Op::Field(k, name, value) => {
                        if let Some(item) = items.get_mut(k).map(Arc::make_mut) {
                            match value {
                                Some(v) => item.fields.insert(name.clone(), v.clone()),
                                None => item.fields.remove(name),
                            };
                        }
                    }
                    Op::Parent(k, parent) => {
                        if let Some(item) = items.get_mut(k).map(Arc::make_mut) {
                            item.parent = parent.clone();
                        }
                    }
                }
            }
        }
        self.repair(&mut items);
        let children = self.arrange(&items);
        serde_json::from_value(to_value(&items, &children, &Key::Root))
    }

    /// What only choices that cross each other can leave (an item whose parent one choice
    /// kept and another removed): nothing under what is gone, no reference to what is gone,
    /// no indicator without a series.
    fn repair(&self, items: &mut HashMap<Key, Arc<Item>>) {
        loop {
            let orphans: Vec<Key> = items
                .iter()
                .filter(|(_, i)| i.parent.as_ref().is_some_and(|p| !items.contains_key(p)))
                .map(|(k, _)| k.clone())
                .collect();
            if orphans.is_empty() {
                break;
            }
            for k in orphans {
                items.remove(&k);
            }
        }
        let gone = |items: &HashMap<Key, Arc<Item>>, v: Option<&Value>| {
            v.and_then(Value::as_str).is_some_and(|id| !items.contains_key(&Key::id(id)))
        };
        let dangling: Vec<Key> = items
            .iter()
            .filter(|(_, i)| i.shape.refers() && gone(items, i.shape.key_field().and_then(|f| i.fields.get(f))))
            .map(|(k, _)| k.clone())
            .collect();
        for k in dangling {
            items.remove(&k);
        }
        let cleared: Vec<(Key, &str)> = items
            .iter()
            .flat_map(|(k, i)| {
                i.shape.ref_fields.iter().filter(|f| gone(items, i.fields.get(**f))).map(|f| (k.clone(), *f))
            })
            .collect();
        for (k, f) in cleared {
            if let Some(item) = items.get_mut(&k) {
                Arc::make_mut(item).fields.remove(f);
            }
        }
        let with_series: HashSet<Key> =
            items.values().filter(|i| i.shape.kind == Some(Kind::Series)).filter_map(|i| i.parent.clone()).collect();
        let bare: Vec<Key> = items
            .iter()
            .filter(|(k, i)| i.shape.kind == Some(Kind::Indicator) && !with_series.contains(*k))
            .map(|(k, _)| k.clone())
            .collect();
        for k in bare {
            let Some(flat) = [&self.ours, &self.theirs, &self.base]
                .into_iter()
                .find(|f| f.items.get(&k).is_some_and(|i| i.children.iter().any(|c| !c.is_empty())))
            else {
                continue;
            };
            let mut stack: Vec<Key> = flat.items[&k].children.concat();
            while let Some(c) = stack.pop() {
                let item = Arc::clone(&flat.items[&c]);
                stack.extend(item.children.concat());
                items.entry(c).or_insert(item);
            }
        }
    }

    /// Every list in its merged order.
    fn arrange(&self, items: &HashMap<Key, Arc<Item>>) -> Children {
        let mut lists: HashMap<(Key, usize), Vec<Key>> = HashMap::default();
        for (k, item) in items {
            if let Some(p) = &item.parent {
                lists.entry((p.clone(), item.slot)).or_default().push(k.clone());
            }
        }
        let mut children = Children::default();
        for ((parent, slot), members) in lists {
            let Some(item) = items.get(&parent) else { continue };
            let sides = [&self.base, &self.ours, &self.theirs].map(|f| side_list(f, &parent, slot));
            let mut ordered = order(&members, sides[0], sides[1], sides[2]);
            // Yearly rows kept by year on every side stay so.
            if matches!(item.shape.lists[slot].1.key, KeyBy::Year(_)) && sides.iter().all(|l| l.is_sorted_by_key(year))
            {
                ordered.sort_by_key(year);
            }
            children.entry(parent).or_insert_with(|| vec![Vec::new(); item.shape.lists.len()])[slot] = ordered;
        }
        children
    }
}
