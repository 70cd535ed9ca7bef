//! Every item no removal decided: one side's addition is kept; an item both sides have is
//! merged value by value — a value changed on one side is taken, changed the same way on both
//! taken once, changed differently a conflict (residents' votes add up instead) — and so is
//! its parent (a move).

use super::{at, change, moved, Merger, Op};
use crate::model::merge::flat::{Item, Key};
use crate::model::merge::{ChangeKind, Conflict, ConflictKind, Field, Side, Version};
use serde_json::Value;
use std::collections::BTreeSet;
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

fn version(value: Option<&Value>) -> Version {
    value.map_or(Version::Absent, |v| Version::Value(v.clone()))
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
