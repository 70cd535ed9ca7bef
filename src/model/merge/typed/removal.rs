//! What one side removed and the other still has: removed with everything under it and what
//! refers to it, unless the other side edited it, added something under it or newly refers to
//! it — then one conflict on the removed entity as a whole, whose two answers remove or keep
//! all of it together.

use super::table::{Ref, TableItem, TypedTable};
use super::{change, moved, names, Merger, Op, Unknown};
use crate::model::merge::findings::{Change, ChangeKind, Conflict, ConflictKind, Side, Version, PRESENCE};
use crate::model::merge::key::Key;
use std::sync::Arc;

/// What a side changed in an item since the common version: a value the common version holds
/// unknown (`unknown`: one the marks say this side edited after the other's removal) counts.
fn diff(table: &TypedTable, key: &Key, (base, item): (&TableItem, &TableItem), unknown: &Unknown) -> Vec<Change> {
    let mut out = Vec::new();
    if base.parent != item.parent {
        out.push(moved(table, key));
    }
    let held = |n: &str| unknown.holds(key, n);
    if !base.node.same_all(&*item.node) || names(&[base, item]).into_iter().any(held) {
        for name in names(&[base, item]).into_iter().filter(|n| !base.node.same(&*item.node, n) || held(n)) {
            out.push(change(table, key, Some(name), ChangeKind::Changed));
        }
    }
    out
}

/// The entity an entry refers to (a KPI's indicator).
fn target(table: &TypedTable, key: &Key) -> Option<Key> {
    let item = table.items.get(key)?;
    item.shape.refers().then(|| item.node.target("").map(Key::id)).flatten()
}

impl Merger<'_> {
    /// What `remover` removed and the other side still has: each topmost such item with what
    /// is under it on the other side, and what refers to it there.
    pub(super) fn removals(&mut self, remover: Side) {
        let (x, y) = (self.side(remover), self.side(remover.other()));
        for k in &y.order {
            // With no common version known, what only one side holds is as if the other had
            // removed it: one conflict for it and everything under it.
            let known = |k: &Key| self.base.has(k) || self.unknown.everywhere();
            if self.grouped.contains(k) || x.has(k) || !known(k) {
                continue;
            }
            // A reference to something removed goes with it.
            if target(y, k).is_some_and(|t| known(&t) && !x.has(&t) && y.has(&t)) {
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
                let d = diff(y, key, (base, &y.items[key]), &self.unknown);
                // Kept by the keeper unseen by the remover: an edit too, though nothing differs.
                let changed = !d.is_empty() || self.unknown.holds(key, PRESENCE);
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
                        } else if !self.unknown.restored(e) {
                            refers = true;
                            edit(e, &mut edits);
                        }
                        // Else kept against the remover's earlier removal of it, and not new to
                        // the remover: it goes with this removal, as it would have gone with
                        // the first one in one merge.
                        members.push(e.clone());
                    }
                    Ref::Field(h, f) if x.has(h) => {
                        let now = &y.items[h].node;
                        if !b.items.get(h).is_some_and(|i| now.same(&*i.node, f)) {
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
            .chain(fields.iter().map(|(h, f)| Op::Field(h.clone(), f.to_string(), Arc::clone(&x.items[h].node))))
            .collect();
        let keeping = members
            .iter()
            .map(|m| Op::Put(m.clone(), Arc::clone(&y.items[m])))
            .chain(moved_in.iter().map(|c| Op::Parent(c.clone(), y.items[c].parent.clone())))
            .chain(fields.iter().map(|(h, f)| Op::Field(h.clone(), f.to_string(), Arc::clone(&y.items[h].node))))
            .collect();
        self.moved_in.extend(moved_in);
        let (entity, field) = y.place(root);
        let kind = if edited {
            ConflictKind::RemovedEdited { removed_by: remover }
        } else {
            ConflictKind::Dangling { removed_by: remover }
        };
        let kept = match self.unknown.everywhere() {
            true => Version::Present,
            false => Version::Edited(edits),
        };
        let removed = Version::Absent;
        let (ours, theirs, ours_ops, theirs_ops) = match remover {
            Side::Ours => (removed, kept, removing, keeping),
            Side::Theirs => (kept, removed, keeping, removing),
        };
        let base = self.unknown.version(root, PRESENCE, || Version::Present);
        let conflict = Conflict { kind, entity, path: y.path(root), field, base, ours, theirs };
        self.conflict(root, conflict, ours_ops, theirs_ops);
    }
}
