//! Every item no removal decided: one side's addition is kept; an item both sides have is
//! merged value by value — a value changed on one side is taken, changed the same way on both
//! taken once, changed differently a conflict (residents' votes add up instead) — and so is
//! its parent (a move).

use super::table::TableItem;
use super::view::View;
use super::{at, change, moved, names, Merger, Op};
use crate::model::merge::findings::{ChangeKind, Conflict, ConflictKind, Field, Side, Version, PARENT};
use crate::model::merge::key::Key;
use serde_json::{Map, Value};
use std::sync::Arc;

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

fn version(value: Option<Value>) -> Version {
    value.map_or(Version::Absent, Version::Value)
}

fn parent_version(parent: Option<&Key>) -> Version {
    match parent {
        Some(Key::Id(named)) => Version::Value(Value::String(named.id.to_string())),
        _ => Version::Absent,
    }
}

impl Merger<'_> {
    /// Every item not decided by a removal: on both sides, merged value by value; on one side
    /// only, added.
    pub(super) fn rest(&mut self) {
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

    fn both(&mut self, k: &Key, b: Option<&Arc<TableItem>>, o: &Arc<TableItem>, t: &Arc<TableItem>) {
        let same = Arc::ptr_eq(&o.node, &t.node) || o.node.same_all(&*t.node);
        if same && o.parent == t.parent {
            self.decided.insert(k.clone(), Arc::clone(o));
            return;
        }
        let mut item = TableItem::clone(o);
        let theirs = self.theirs;
        let path = || theirs.path(k);
        if !self.moved_in.contains(k) {
            match self.unknown_or(k, PARENT, pick(b.map(|b| &b.parent), Some(&o.parent), Some(&t.parent))) {
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
                        base: self.unknown.version(k, PARENT, || parent_version(b.and_then(|b| b.parent.as_ref()))),
                        ours: parent_version(o.parent.as_ref()),
                        theirs: parent_version(t.parent.as_ref()),
                    };
                    let ops = |i: &TableItem| vec![Op::Parent(k.clone(), i.parent.clone())];
                    self.conflict(k, conflict, ops(o), ops(t));
                }
            }
        }
        if !same {
            let mut node: Option<Box<dyn View>> = None;
            let fields = match b {
                Some(b) => Fields::Typed(b, names(&[b, o, t])),
                None => Fields::json(o, t),
            };
            for name in fields.names() {
                match self.unknown_or(k, name, fields.pick(o, t, name)) {
                    Pick::Agree => {}
                    Pick::One(side, _) => {
                        let from = if side == Side::Ours { o } else { t };
                        node.get_or_insert_with(|| o.node.boxed()).copy(&*from.node, name);
                        self.record(side, change(self.side(side), k, Some(name), ChangeKind::Changed));
                    }
                    Pick::Differ if o.shape.sums.contains(&name) && !self.unknown.holds(k, name) => {
                        let n = |i: Option<&Arc<TableItem>>| i.and_then(|i| i.node.count(name)).unwrap_or(0);
                        let sum = n(Some(o)) + n(Some(t)) - n(b);
                        node.get_or_insert_with(|| o.node.boxed()).set_count(name, sum);
                        for side in [Side::Ours, Side::Theirs] {
                            self.record(side, change(self.side(side), k, Some(name), ChangeKind::Changed));
                        }
                    }
                    Pick::Differ => {
                        let (entity, field) = at(self.theirs, k, Some(name));
                        let value = |i: Option<&Arc<TableItem>>| version(i.and_then(|i| i.node.json().remove(name)));
                        let conflict = Conflict {
                            kind: ConflictKind::BothChanged,
                            entity,
                            path: path(),
                            field,
                            base: self.unknown.version(k, name, || value(b)),
                            ours: value(Some(o)),
                            theirs: value(Some(t)),
                        };
                        let op = |i: &TableItem| vec![Op::Field(k.clone(), name.to_owned(), Arc::clone(&i.node))];
                        self.conflict(k, conflict, op(o), op(t));
                    }
                }
            }
            if let Some(node) = node {
                item.node = Arc::from(node);
            }
        }
        self.decided.insert(k.clone(), Arc::new(item));
    }

    /// `p`, unless the common version of the value is not known: then two sides that differ
    /// are a conflict.
    fn unknown_or<'v, V>(&self, k: &Key, name: &str, p: Pick<'v, V>) -> Pick<'v, V> {
        match p {
            Pick::One(..) if self.unknown.holds(k, name) => Pick::Differ,
            p => p,
        }
    }
}

/// The fields of an item both sides have, and how to compare them: as their types compare when
/// the common version has the item; otherwise (both sides added it) as the file writes them, so
/// that a field one side leaves out (an empty text, no 担当課) is one it did not set.
enum Fields<'i> {
    Typed(&'i TableItem, Vec<&'i str>),
    Json(Map<String, Value>, Map<String, Value>, Vec<String>),
}

impl<'i> Fields<'i> {
    fn json(o: &TableItem, t: &TableItem) -> Fields<'i> {
        let (oj, tj) = (o.node.json(), t.node.json());
        let mut names: Vec<String> = oj.keys().chain(tj.keys()).cloned().collect();
        names.sort_unstable();
        names.dedup();
        Fields::Json(oj, tj, names)
    }

    fn names(&self) -> Vec<&str> {
        match self {
            Fields::Typed(_, names) => names.clone(),
            Fields::Json(_, _, names) => names.iter().map(String::as_str).collect(),
        }
    }

    fn pick(&self, o: &TableItem, t: &TableItem, name: &str) -> Pick<'_, ()> {
        let unit = |p: Pick<'_, Value>| match p {
            Pick::Agree => Pick::Agree,
            Pick::One(side, _) => Pick::One(side, None),
            Pick::Differ => Pick::Differ,
        };
        match self {
            Fields::Typed(b, _) => {
                if o.node.same(&*t.node, name) {
                    Pick::Agree
                } else if o.node.same(&*b.node, name) {
                    Pick::One(Side::Theirs, None)
                } else if t.node.same(&*b.node, name) {
                    Pick::One(Side::Ours, None)
                } else {
                    Pick::Differ
                }
            }
            Fields::Json(oj, tj, _) => unit(pick(None, oj.get(name), tj.get(name))),
        }
    }
}
