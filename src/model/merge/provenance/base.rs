//! The base a merge starts from, made exact by both sides' marks ([`exact_base`]).

use super::places::{order_hash, parent_hash, value_hash, Places};
use super::{Flattened, Flattens, Provenance, Seen};
use crate::model::merge::flat::{to_value, Children, Flat, Item, Key};
use crate::model::merge::{Concurrent, PARENT};
use crate::model::Strategy;
use rustc_hash::FxHashMap as HashMap;
use serde_json::Value;

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

/// The common version a merge of `ours` (marked `o`) and `theirs` (marked `t`) starts from:
/// `approx` (the nearest common version at hand, maybe older than where they met), with every
/// value one side had seen the other's event for as the seen side held it — so the merge takes
/// the later value with no card, whatever `approx` holds. Where neither saw the other's, or a
/// mark is unknown, `approx` stays. Without marks on either side: `approx`. With it, the values
/// both sides set with neither having seen the other's ([`Concurrent`]: a card each, whatever
/// `approx` holds — one side may have set the value back to it).
pub fn exact_base(
    approx: &Strategy,
    (ours, o): (&impl Flattens, &Provenance),
    (theirs, t): (&impl Flattens, &Provenance),
) -> (Strategy, Concurrent) {
    if o.is_empty() || t.is_empty() {
        return (approx.clone(), Concurrent::default());
    }
    exact_base_of(approx, (&ours.flattened(), o), (&theirs.flattened(), t))
}

fn exact_base_of(
    approx: &Strategy,
    (ours, o): (&Flattened, &Provenance),
    (theirs, t): (&Flattened, &Provenance),
) -> (Strategy, Concurrent) {
    let mut both_set = Concurrent::default();
    let (fb, fo, ft) = (Flat::of(approx), &ours.flat, &theirs.flat);
    let mut items = fb.items.clone();
    let mut order: Vec<Key> = fb.order.clone();
    let mut added = rustc_hash::FxHashSet::default();
    for key in fo.order.iter().chain(&ft.order) {
        if !items.contains_key(key) && added.insert(key) {
            order.push(key.clone());
        }
    }
    let mut keys: Vec<&Key> = fo.order.iter().collect();
    keys.extend(ft.order.iter().filter(|k| !fo.items.contains_key(*k)));
    for key in keys {
        let (io, it) = (fo.items.get(key), ft.items.get(key));
        // Held alike by both (most of a strategy): the base holds it so, as the marks would say.
        if let (Some(a), Some(b)) = (io, it) {
            if std::sync::Arc::ptr_eq(a, b) || alike(a, b) {
                items.insert(key.clone(), a.clone());
                continue;
            }
        }
        let here = Places::of(key);
        let take = |item: Option<&std::sync::Arc<Item>>, items: &mut HashMap<Key, std::sync::Arc<Item>>| match item {
            Some(i) => {
                items.insert(key.clone(), i.clone());
            }
            None => {
                items.remove(key);
            }
        };
        // An item both hold that the base at hand lacks: put in only if every value they
        // hold differently is decided by the marks (else the merge sees two additions, and
        // a card for each value they added differently).
        let mut put_in = false;
        match (io, it) {
            (Some(_), Some(_)) => {
                if !items.contains_key(key) {
                    take(io, &mut items);
                    put_in = true;
                }
            }
            // One side removed it: the removal wins with no card only when it came after all
            // the other holds of the item; the item wins when its keeper had seen the removal
            // (kept by a decision, or added again).
            (Some(kept), None) => match removal_covers(key, kept, o, t) {
                true => take(io, &mut items),
                false if seen(here.at(""), 1, o, 0, t) == Seen::ByOurs => take(it, &mut items),
                false => edited_since_removal(key, kept, o, t, &mut items),
            },
            (None, Some(kept)) => match removal_covers(key, kept, t, o) {
                true => take(it, &mut items),
                false if seen(here.at(""), 0, o, 1, t) == Seen::ByTheirs => take(io, &mut items),
                false => edited_since_removal(key, kept, t, o, &mut items),
            },
            (None, None) => {}
        }
        let (Some(io), Some(it), Some(ib)) = (io, it, items.get(key)) else { continue };
        let mut item = Item::clone(ib);
        let mut undecided = false;
        let mut names: Vec<&String> = io.fields.keys().chain(it.fields.keys()).collect();
        names.sort();
        names.dedup();
        for name in names {
            let (vo, vt) = (io.fields.get(name), it.fields.get(name));
            let (place, ov, tv) = (here.field(name), vo.map_or(0, value_hash), vt.map_or(0, value_hash));
            let chosen = match vo == vt {
                true => Some(vo),
                false => match seen(place, ov, o, tv, t) {
                    Seen::ByOurs => Some(vt),
                    Seen::ByTheirs => Some(vo),
                    Seen::Unknown => {
                        if concurrent(place, ov, o, tv, t) {
                            both_set.0.insert((key.clone(), Box::from(name.as_str())));
                        }
                        undecided = true;
                        None
                    }
                },
            };
            match chosen {
                Some(Some(v)) => {
                    item.fields.insert(name.clone(), v.clone());
                }
                Some(None) => {
                    item.fields.remove(name);
                }
                None => {}
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
                        both_set.0.insert((key.clone(), Box::from(PARENT)));
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
        match put_in && undecided {
            true => {
                items.remove(key);
            }
            false => {
                items.insert(key.clone(), std::sync::Arc::new(item));
            }
        }
    }
    let children = regrouped(&items, &order);
    match serde_json::from_value::<Strategy>(to_value(&items, &children, &Key::Root)) {
        Ok(base) => (base, both_set),
        // A base that does not read back (a bug): the one at hand, as before.
        Err(_) => (approx.clone(), both_set),
    }
}

/// Whether two versions of an item hold the same values, place and lists.
fn alike(a: &Item, b: &Item) -> bool {
    a.parent == b.parent && a.slot == b.slot && a.fields == b.fields && a.children == b.children
}

/// Whether one side's removal of an item came after everything the other side (`kept`, marked
/// `keeper`) holds of it: the removal is marked (`remover`) and the keeper has not seen it, and
/// the remover had seen every marked value of the kept item (its presence, fields, place and
/// lists' order, every one of them marked). Then the
/// base holds the item as kept, and the merge removes it with no card.
fn removal_covers(key: &Key, kept: &Item, keeper: &Provenance, remover: &Provenance) -> bool {
    let here = Places::of(key);
    let removal = match remover.current(here.at(""), 0) {
        Ok(Some(d)) if !keeper.has_seen(&d) => d,
        _ => return false,
    };
    let _ = removal;
    let mut places = vec![(here.at(""), 1), (here.at("p"), parent_hash(kept))];
    places.extend(kept.fields.iter().map(|(name, v)| (here.field(name), value_hash(v))));
    places.extend(kept.children.iter().enumerate().map(|(i, list)| (here.order(i), order_hash(list))));
    // Every value of the kept item marked, and seen by the remover: a value with no mark may have
    // been changed by anyone, by another program too (a file carries only marks that name
    // their event), and is never taken for one the remover saw.
    places.into_iter().all(|(place, value)| match keeper.current(place, value) {
        Ok(Some(d)) => remover.has_seen(&d),
        Ok(None) | Err(()) => false,
    })
}

/// An item one side removed while the other edited it, neither having seen the other's (the
/// removal marked and unseen by the keeper): the base holds the item with every value the
/// remover had not seen set apart from the keeper's, so that the merge sees a removal of
/// something edited — a card — even when the base at hand never held the item.
fn edited_since_removal(
    key: &Key,
    kept: &Item,
    keeper: &Provenance,
    remover: &Provenance,
    items: &mut HashMap<Key, std::sync::Arc<Item>>,
) {
    let here = Places::of(key);
    if !matches!(remover.current(here.at(""), 0), Ok(Some(d)) if !keeper.has_seen(&d)) {
        return;
    }
    let mut item = items.get(key).map_or_else(|| Item::clone(kept), |b| Item::clone(b));
    item.parent = kept.parent.clone();
    item.slot = kept.slot;
    for (name, v) in &kept.fields {
        // Seen by the remover: as the keeper holds it. Not seen (or changed since marked): set
        // apart from the keeper's. Unknown: as the base at hand holds it.
        match keeper.current(here.field(name), value_hash(v)) {
            Ok(Some(d)) if remover.has_seen(&d) => {
                item.fields.insert(name.clone(), v.clone());
            }
            Ok(Some(_)) | Err(()) => {
                if let (Some(other), true) = (differing(v), item.fields.get(name) == Some(v)) {
                    item.fields.insert(name.clone(), other);
                }
            }
            Ok(None) => {}
        }
    }
    items.insert(key.clone(), std::sync::Arc::new(item));
}

/// A value of the same kind as `v` and not equal to it, when there is an obvious one.
fn differing(v: &Value) -> Option<Value> {
    match v {
        Value::String(s) if s.is_empty() => Some(Value::String("\u{2014}".into())),
        Value::String(_) => Some(Value::String(String::new())),
        Value::Bool(b) => Some(Value::Bool(!b)),
        Value::Number(n) => match n.as_i64() {
            Some(i) => Some(Value::from(i.wrapping_add(1))),
            None => n.as_f64().map(|f| Value::from(f + 1.0)),
        },
        Value::Array(a) if !a.is_empty() => Some(Value::Array(Vec::new())),
        _ => None,
    }
}

/// Each item's children as its lists give them, without those that are not there or sit
/// elsewhere now, and with those that sit there and no list names, in document order.
fn regrouped(items: &HashMap<Key, std::sync::Arc<Item>>, order: &[Key]) -> Children {
    let mut children: Children = HashMap::default();
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
    for key in order {
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
