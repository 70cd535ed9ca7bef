//! The base a merge starts from, made exact by both sides' marks ([`exact_table`]), on the
//! merge's own typed tables: items held alike by both sides are taken as they are, and only the
//! values of items the two hold differently are read, field by field.

use super::places::{field_values, order_hash, parent_hash, value_hash, Places};
use super::{Provenance, Seen};
use crate::model::merge::findings::{Concurrent, PARENT, PRESENCE};
use crate::model::merge::key::Key;
use crate::model::merge::typed::build_strategy;
use crate::model::merge::typed::table::{TableItem, TypedTable};
use crate::model::Strategy;
use rustc_hash::FxHashMap as HashMap;
use serde_json::Value;
use std::sync::Arc;

type Items = HashMap<Key, Arc<TableItem>>;

/// Whose value the base of a merge of ours (marks `o`) and theirs (marks `t`) takes at one
/// place where they differ (`ov`, `tv`: the values' hashes, 0 when not there).
fn seen(place: u64, ov: u64, o: &Provenance, tv: u64, t: &Provenance) -> Seen {
    match (o.current(place, ov), t.current(place, tv)) {
        (Ok(Some(od)), Ok(Some(td))) if o.has_seen(&td) && !t.has_seen(&od) => Seen::ByOurs,
        (Ok(Some(od)), Ok(Some(td))) if t.has_seen(&od) && !o.has_seen(&td) => Seen::ByTheirs,
        // Changed after it was marked, against a mark the changing side had seen.
        (Err(()), Ok(Some(td))) if o.has_seen(&td) => Seen::ByOurs,
        (Ok(Some(od)), Err(())) if t.has_seen(&od) => Seen::ByTheirs,
        _ => Seen::Unknown,
    }
}

/// Whether both sides set the value at `place` with neither having seen the other's setting
/// (a value changed since it was marked is a setting nobody else has seen).
fn concurrent(place: u64, ov: u64, o: &Provenance, tv: u64, t: &Provenance) -> bool {
    match (o.current(place, ov), t.current(place, tv)) {
        (Ok(Some(od)), Ok(Some(td))) => !o.has_seen(&td) && !t.has_seen(&od),
        (Err(()), Ok(Some(td))) => !o.has_seen(&td),
        (Ok(Some(od)), Err(())) => !t.has_seen(&od),
        (Err(()), Err(())) => true,
        _ => false,
    }
}

/// The table of the common version a merge of `ours` (marked `o`) and `theirs` (marked `t`)
/// starts from: `approx` (the table of the nearest common version at hand, maybe older than
/// where they met), with every value one side had seen the other's event for as the seen side
/// held it — so the merge takes the later value with no card, whatever `approx` holds. Where
/// neither saw the other's, or a mark is unknown, `approx` stays. Without marks on either
/// side: `approx`. With it, the values both sides set with neither having seen the other's
/// ([`Concurrent`]: a card each, whatever `approx` holds — one side may have set the value back
/// to it), and the values a side edited in an item the other removed after ([`Concurrent`] too:
/// the removal is then a card), and the references a side kept against the other's removal of
/// them, as they were removed ([`Concurrent`] too: they go with the remover's later removal of
/// what they refer to).
///
/// The three tables are the merge's own, of whatever it has set aside unread (what all three
/// hold alike, which no mark can change). Only the items the two sides hold differently are
/// read; most merges find `approx` exact already, and it is given back as it is. Where the
/// marks change it, the base is built from its items and read as a table again.
pub(in crate::model::merge) fn exact_table(
    approx: TypedTable,
    (ours, o): (&TypedTable, &Provenance),
    (theirs, t): (&TypedTable, &Provenance),
) -> (TypedTable, Concurrent) {
    if o.is_empty() || t.is_empty() {
        return (approx, Concurrent::default());
    }
    let mut exact = Exact { o, t, both_set: Concurrent::default(), items: approx.items.clone(), changed: false };
    let base = exact.of(&approx, ours, theirs);
    (base.map_or(approx, |b| TypedTable::of(&b)), exact.both_set)
}

/// The base being made exact.
struct Exact<'a> {
    o: &'a Provenance,
    t: &'a Provenance,
    both_set: Concurrent,
    items: Items,
    /// Whether `items` differ from the base at hand's.
    changed: bool,
}

impl Exact<'_> {
    /// The base when the marks changed it (`None`: the one at hand is exact, or what they
    /// make does not build — a bug: the one at hand is used, as before).
    fn of(&mut self, tb: &TypedTable, to: &TypedTable, tt: &TypedTable) -> Option<Strategy> {
        let (o, t) = (self.o, self.t);
        let keys = to.order.iter().chain(tt.order.iter().filter(|k| !to.items.contains_key(*k)));
        for key in keys {
            let (io, it) = (to.items.get(key), tt.items.get(key));
            // Held alike by both (most of a strategy): the base holds it so, as the marks would say.
            if let (Some(a), Some(b)) = (io, it) {
                if Arc::ptr_eq(a, b) || alike(a, b) {
                    if !self.items.get(key).is_some_and(|i| Arc::ptr_eq(i, a) || alike(i, a)) {
                        self.put(key, a.clone());
                    }
                    continue;
                }
            }
            let here = Places::of(key);
            // An item both hold that the base at hand lacks: put in only if every value they
            // hold differently is decided by the marks (else the merge sees two additions, and
            // a card for each value they added differently).
            let mut put_in = false;
            match (io, it) {
                (Some(_), Some(_)) => {
                    if !self.items.contains_key(key) {
                        self.take(key, io);
                        put_in = true;
                    }
                }
                // One side removed it: the removal wins with no card only when it came after all
                // the other holds of the item; the item wins when its keeper had seen the removal
                // (kept by a decision, or added again).
                (Some(kept), None) => match removal_covers(key, kept, o, t) {
                    true => self.take(key, io),
                    false if seen(here.at(""), 1, o, 0, t) == Seen::ByOurs => {
                        self.kept_against_removal(key, kept, (o, to), (t, tt));
                        self.take(key, it)
                    }
                    false => self.edited_since_removal(key, kept, o, t),
                },
                (None, Some(kept)) => match removal_covers(key, kept, t, o) {
                    true => self.take(key, it),
                    false if seen(here.at(""), 0, o, 1, t) == Seen::ByTheirs => {
                        self.kept_against_removal(key, kept, (t, tt), (o, to));
                        self.take(key, io)
                    }
                    false => self.edited_since_removal(key, kept, t, o),
                },
                (None, None) => {}
            }
            let (Some(io), Some(it), Some(ib)) = (io, it, self.items.get(key).cloned()) else { continue };
            let (item, undecided) = self.decided(key, &here, TableItem::clone(&ib), (io, it));
            match put_in && undecided {
                true => self.take(key, None),
                false if alike(&ib, &item) => {}
                false => self.put(key, Arc::new(item)),
            };
        }
        // Most merges find the base at hand exact already: it is given back as it is.
        if !self.changed {
            return None;
        }
        // Its items in the order at hand, then those the sides added, ours first.
        let mut order: Vec<&Key> = tb.order.iter().filter(|k| self.items.contains_key(*k)).collect();
        let mut added = rustc_hash::FxHashSet::default();
        for key in to.order.iter().chain(&tt.order) {
            if !tb.items.contains_key(key) && self.items.contains_key(key) && added.insert(key) {
                order.push(key);
            }
        }
        let children = regrouped(&self.items, &order);
        build_strategy(&self.items, &children)
    }

    /// The base holds `key` as `item` holds it (not at all: `None`).
    fn take(&mut self, key: &Key, item: Option<&Arc<TableItem>>) {
        match item {
            Some(i) => self.put(key, i.clone()),
            None => self.changed |= self.items.remove(key).is_some(),
        };
    }

    /// The base holds `key` as `item`.
    fn put(&mut self, key: &Key, item: Arc<TableItem>) {
        let before = self.items.insert(key.clone(), item);
        self.changed |= !before.is_some_and(|b| Arc::ptr_eq(&b, &self.items[key]));
    }

    /// The base's `item` (of `key`, at `here`) with every value the two sides (`io`, `it`) hold
    /// differently set as the marks decide, and whether any stayed undecided.
    fn decided(
        &mut self,
        key: &Key,
        here: &Places,
        mut item: TableItem,
        (io, it): (&TableItem, &TableItem),
    ) -> (TableItem, bool) {
        let (o, t) = (self.o, self.t);
        let mut undecided = false;
        let (jo, jt) = (io.node.json(), it.node.json());
        let mut names: Vec<&String> = jo.keys().chain(jt.keys()).collect();
        names.sort();
        names.dedup();
        for name in names {
            let (vo, vt) = (jo.get(name), jt.get(name));
            let (place, ov, tv) = (here.field(name), vo.map_or(0, value_hash), vt.map_or(0, value_hash));
            let from = match vo == vt {
                true => Some(io),
                false => match seen(place, ov, o, tv, t) {
                    Seen::ByOurs => Some(it),
                    Seen::ByTheirs => Some(io),
                    Seen::Unknown => {
                        if concurrent(place, ov, o, tv, t) {
                            self.both_set.values.insert((key.clone(), Box::from(name.as_str())));
                        }
                        undecided = true;
                        None
                    }
                },
            };
            // The field as that side holds it (absent where it holds none).
            if let Some(from) = from {
                item = item.copied(&*from.node, name);
            }
        }
        let (po, pt) = (parent_hash(io), parent_hash(it));
        let parent_from = match po == pt {
            true => Some(io),
            false => match seen(here.at("p"), po, o, pt, t) {
                Seen::ByOurs => Some(it),
                Seen::ByTheirs => Some(io),
                Seen::Unknown => {
                    if concurrent(here.at("p"), po, o, pt, t) {
                        self.both_set.values.insert((key.clone(), Box::from(PARENT)));
                    }
                    undecided = true;
                    None
                }
            },
        };
        if let Some(from) = parent_from {
            item.parent = from.parent.clone();
            item.slot = from.slot;
        }
        for i in 0..item.children.len() {
            let (co, ct) = (io.children.get(i), it.children.get(i));
            let (ho, ht) = (co.map_or(0, |c| order_hash(c)), ct.map_or(0, |c| order_hash(c)));
            let from = match ho == ht {
                true => co,
                false => match seen(here.order(i), ho, o, ht, t) {
                    Seen::ByOurs => ct,
                    Seen::ByTheirs => co,
                    Seen::Unknown => {
                        undecided = true;
                        None
                    }
                },
            };
            if let Some(list) = from {
                item.children[i] = list.clone();
            }
        }
        (item, undecided)
    }

    /// An item the keeper holds after having seen the remover's removal of it (the base holds
    /// it as the remover does: not at all). When it is a reference to what the remover has
    /// removed since, and the keeper kept it as it was removed — every value but its presence
    /// one the remover had seen, or unknown: kept by a decision on a card, not added again,
    /// which marks its values as the keeper's new event — it is named
    /// [`Concurrent::restored`]: not a new reference, it goes with that removal.
    fn kept_against_removal(
        &mut self,
        key: &Key,
        kept: &TableItem,
        (keeper, kt): (&Provenance, &TypedTable),
        (remover, rt): (&Provenance, &TypedTable),
    ) {
        let Some(target) = kept.shape.refers().then(|| kept.node.target("")).flatten().map(Key::id) else { return };
        if rt.has(&target) || !kt.has(&target) {
            return;
        }
        let here = Places::of(key);
        if !matches!(keeper.current(here.at(""), 1), Ok(Some(_))) {
            return;
        }
        let mut places = vec![(here.at("p"), parent_hash(kept))];
        field_values(kept, &mut |name, hash| places.push((here.field(name), hash)));
        places.extend(kept.children.iter().enumerate().map(|(i, list)| (here.order(i), order_hash(list))));
        // Unknown is as it was when the remover removed it (the remover held it then: its
        // removal is marked), unlike in `removal_covers`: what is asked here is only whether
        // the reference is new to the remover, not whether a value of it may be lost.
        let as_removed = places.into_iter().all(|(place, value)| match keeper.current(place, value) {
            Ok(Some(d)) => remover.has_seen(&d),
            Ok(None) => true,
            Err(()) => false,
        });
        if as_removed {
            self.both_set.restored.insert(key.clone());
        }
    }

    /// An item one side removed while the other edited it, neither having seen the other's (the
    /// removal marked and unseen by the keeper): the base holds the item where the keeper holds
    /// it, with every value the remover had seen as the keeper holds it, and every value the
    /// remover had not seen (or changed since marked) named [`Concurrent`], so that the merge
    /// sees a removal of something edited — a card — even when the base at hand never held the
    /// item or holds the keeper's value. So is its presence, when the keeper kept it by an event
    /// the remover had not seen ([`PRESENCE`]).
    fn edited_since_removal(&mut self, key: &Key, kept: &TableItem, keeper: &Provenance, remover: &Provenance) {
        let here = Places::of(key);
        if !matches!(remover.current(here.at(""), 0), Ok(Some(d)) if !keeper.has_seen(&d)) {
            return;
        }
        // Kept by an event the remover had not seen (a decision on a card, against another
        // removal): both set whether it is there, neither having seen the other's — a card, as
        // for a value, not a keep lost silently. Not for a reference: it is there as its owner
        // and its target are (kept with its owner, dropped with its target), each judged itself.
        if !kept.shape.refers() && matches!(keeper.current(here.at(""), 1), Ok(Some(d)) if !remover.has_seen(&d)) {
            self.both_set.values.insert((key.clone(), Box::from(PRESENCE)));
        }
        let mut item = self.items.get(key).map_or_else(|| TableItem::clone(kept), |b| TableItem::clone(b));
        item.parent = kept.parent.clone();
        item.slot = kept.slot;
        let (jk, jb) = (kept.node.json(), item.node.json());
        for (name, v) in &jk {
            // Seen by the remover: as the keeper holds it. Not seen (or changed since marked):
            // an edit the removal did not see. Unknown: as the base at hand holds it.
            match keeper.current(here.field(name), value_hash(v)) {
                Ok(Some(d)) if remover.has_seen(&d) => item = item.copied(&*kept.node, name),
                Ok(Some(_)) | Err(()) => {
                    if differs_visibly(v) && jb.get(name) == Some(v) {
                        self.both_set.values.insert((key.clone(), Box::from(name.as_str())));
                    }
                }
                Ok(None) => {}
            }
        }
        self.put(key, Arc::new(item));
    }
}

/// Whether two versions of an item hold the same values, place and lists.
fn alike(a: &TableItem, b: &TableItem) -> bool {
    a.parent == b.parent && a.slot == b.slot && a.children == b.children && a.node.same_all(&*b.node)
}

/// Whether one side's removal of an item came after everything the other side (`kept`, marked
/// `keeper`) holds of it: the removal is marked (`remover`) and the keeper has not seen it, and
/// the remover had seen every marked value of the kept item (its presence, fields, place and
/// lists' order, every one of them marked). Then the base holds the item as kept, and the
/// merge removes it with no card.
fn removal_covers(key: &Key, kept: &TableItem, keeper: &Provenance, remover: &Provenance) -> bool {
    let here = Places::of(key);
    if !matches!(remover.current(here.at(""), 0), Ok(Some(d)) if !keeper.has_seen(&d)) {
        return false;
    }
    let mut places = vec![(here.at(""), 1), (here.at("p"), parent_hash(kept))];
    field_values(kept, &mut |name, hash| places.push((here.field(name), hash)));
    places.extend(kept.children.iter().enumerate().map(|(i, list)| (here.order(i), order_hash(list))));
    // Every value of the kept item marked, and seen by the remover: a value with no mark may have
    // been changed by anyone, by another program too (a file carries only marks that name
    // their event), and is never taken for one the remover saw.
    places.into_iter().all(|(place, value)| match keeper.current(place, value) {
        Ok(Some(d)) => remover.has_seen(&d),
        Ok(None) | Err(()) => false,
    })
}

/// Whether a value has an obvious other value of its kind, so that an edit of it can be told
/// from the base's (an object, a null or an empty list has none: such an edit stays unseen,
/// as it did when the base was made of JSON).
fn differs_visibly(v: &Value) -> bool {
    match v {
        Value::String(_) | Value::Bool(_) => true,
        Value::Number(n) => n.as_i64().is_some() || n.as_f64().is_some(),
        Value::Array(a) => !a.is_empty(),
        _ => false,
    }
}

/// Each item's children as its lists give them, without those that are not there or sit
/// elsewhere now, and with those that sit there and no list names, in document order.
fn regrouped(items: &Items, order: &[&Key]) -> HashMap<Key, Vec<Vec<Key>>> {
    let mut children: HashMap<Key, Vec<Vec<Key>>> = HashMap::default();
    for (key, item) in items {
        let lists = item
            .children
            .iter()
            .enumerate()
            .map(|(i, list)| {
                let mut seen = rustc_hash::FxHashSet::default();
                list.iter()
                    .filter(|c| items.get(*c).is_some_and(|ci| ci.parent.as_ref() == Some(key) && ci.slot == i))
                    .filter(|c| seen.insert((*c).clone()))
                    .cloned()
                    .collect::<Vec<Key>>()
            })
            .collect();
        children.insert(key.clone(), lists);
    }
    for &key in order {
        let Some(item) = items.get(key) else { continue };
        let Some(parent) = item.parent.as_ref() else { continue };
        if let Some(lists) = children.get_mut(parent) {
            if let Some(list) = lists.get_mut(item.slot) {
                if !list.contains(key) {
                    list.push(key.clone());
                }
            }
        }
    }
    children
}
