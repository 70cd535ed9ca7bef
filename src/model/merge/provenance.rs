//! Where each value of a strategy was last set, so that a merge needs no content it may not
//! have. A mark per value (each field of each entity and yearly row, where it sits, the order of
//! each list, whether it is there at all) names the event that set it: a member and a number
//! that only grows (a dot). A version also counts, per member, the events it has seen (its
//! clock). When two versions differ in a value, the side whose event the other has seen is
//! the older one: the other changed it since, and its value is taken with no card. Only when
//! neither has seen the other's event (or a side's mark is unknown) does the merge fall back to
//! the common version it has at hand, as before.
//!
//! A mark also holds a hash of its value: a value changed after it was marked (an edit not yet
//! marked, a file changed by another program) is a new event nobody has seen, never an old one.
//! So a mark can only make a merge more exact, never take a change away.
//!
//! Marks are made when a version leaves the browser or is merged ([`Provenance::stamp`],
//! [`Provenance::merged`]) and travel beside the strategy in files (`format::Lineage`), not in
//! its content: a version's id names its content alone.

use super::flat::{to_value, Children, Flat, Item, Key};
use crate::model::Strategy;
use rustc_hash::FxHashMap as HashMap;
use serde::{Deserialize, Serialize};
use serde_json::Value;

/// One event: a member's, by the number it gave it (growing with time: see [`Provenance::stamp`]).
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct Dot {
    pub member: String,
    pub counter: u64,
}

/// A value's mark: the hash of the value it was made for (0: not there, a removal), whether it
/// marks an item's presence (kept when the item goes, as its removal), and the event that set
/// it (`None`: unknown, marked before anyone counted).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Mark {
    value: u64,
    presence: bool,
    dot: Option<(u32, u64)>,
}

/// A version's marks and clock (see the module doc).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Provenance {
    /// The members whose events are counted; a dot names one by its place here.
    members: Vec<String>,
    /// Per member (as `members`), the highest event of theirs this version has seen.
    clock: Vec<u64>,
    /// By the hash of the value's place.
    marks: HashMap<u64, Mark>,
}

/// The values of a version by the hash of their place: each value's hash (never 0), and
/// whether the place is an item's presence.
type Values = HashMap<u64, (u64, bool)>;

/// Whose value a merge's base takes at one place where the two sides differ.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Seen {
    /// Ours has seen the event that set theirs: ours changed it since.
    ByOurs,
    /// Theirs has seen ours: theirs changed it since.
    ByTheirs,
    /// Neither has seen the other's, or a mark is unknown: the common version at hand decides.
    Unknown,
}

impl Provenance {
    pub fn is_empty(&self) -> bool {
        self.marks.is_empty()
    }

    /// How many values it marks (removals included).
    pub fn len(&self) -> usize {
        self.marks.len()
    }

    /// The highest of `member`'s events this version has seen.
    pub fn seen_of(&self, member: &str) -> u64 {
        self.members.iter().position(|m| m == member).map_or(0, |i| self.clock[i])
    }

    fn member_index(&mut self, member: &str) -> u32 {
        match self.members.iter().position(|m| m == member) {
            Some(i) => i as u32,
            None => {
                self.members.push(member.to_owned());
                self.clock.push(0);
                (self.members.len() - 1) as u32
            }
        }
    }

    fn dot(&self, mark: &Mark) -> Option<Dot> {
        let (m, counter) = mark.dot?;
        Some(Dot { member: self.members.get(m as usize)?.clone(), counter })
    }

    /// Whether this version has seen `dot`.
    fn has_seen(&self, dot: &Dot) -> bool {
        self.seen_of(&dot.member) >= dot.counter
    }

    /// A new event of `me`, numbered `at` (the time in milliseconds) or, should the clock have
    /// gone back, one above the last: a member's numbers only grow, so no two events share one.
    fn next_event(&mut self, me: &str, at: u64) -> (u32, u64) {
        let i = self.member_index(me);
        let counter = at.max(self.clock[i as usize] + 1);
        self.clock[i as usize] = counter;
        (i, counter)
    }

    fn mark(&mut self, value: u64, presence: bool, dot: Option<Dot>) -> Mark {
        Mark { value, presence, dot: dot.map(|d| (self.member_index(&d.member), d.counter)) }
    }

    /// The marks of `strategy` as `me` holds it now: what changed since these marks were made is
    /// marked as one new event of `me` (numbered `at` or above); the rest keeps its marks. With
    /// no marks yet, every value is marked unknown (nobody counted before).
    pub fn stamp(&self, strategy: &Strategy, me: &str, at: u64) -> Provenance {
        let values = values(&Flat::of(strategy));
        let mut next =
            Provenance { members: self.members.clone(), clock: self.clock.clone(), marks: HashMap::default() };
        let first = self.marks.is_empty();
        let mut event = None;
        for (place, (value, presence)) in &values {
            let mark = match self.marks.get(place) {
                Some(m) if m.value == *value => *m,
                _ if first => Mark { value: *value, presence: *presence, dot: None },
                _ => Mark {
                    value: *value,
                    presence: *presence,
                    dot: Some(*event.get_or_insert_with(|| next.next_event(me, at))),
                },
            };
            next.marks.insert(*place, mark);
        }
        for (place, mark) in &self.marks {
            if values.contains_key(place) || !mark.presence {
                // A value of an item that is gone: the item's removal says it.
                continue;
            }
            let removal = match mark.value {
                0 => *mark,
                _ => {
                    Mark { value: 0, presence: true, dot: Some(*event.get_or_insert_with(|| next.next_event(me, at))) }
                }
            };
            next.marks.insert(*place, removal);
        }
        next
    }

    /// The event that set a value as this version holds it (`value`: its hash, 0 when not
    /// there), when its mark was made for this value (`Ok(None)`: unknown, or no mark); a value
    /// changed since it was marked is a new event nobody else has seen (`Err`).
    fn current(&self, place: u64, value: u64) -> Result<Option<Dot>, ()> {
        match self.marks.get(&place) {
            Some(m) if m.value == value => Ok(self.dot(m)),
            Some(_) => Err(()),
            // Never marked (a file carries only the marks that name their event): unknown.
            None => Ok(None),
        }
    }

    /// The marks of `merged`, the merge of `ours` (marked `o`) and `theirs` (marked `t`) that
    /// `me` made: a value as one side held it keeps that side's mark when that side had seen
    /// the other's (the same value on both: the later mark, see [`later`]);
    /// anything else — a conflict decided, a value the common version at hand decided, votes
    /// added up — is a new event of `me`. The clock is both sides'.
    pub fn merged(
        merged: &Strategy,
        (ours, o): (&Strategy, &Provenance),
        (theirs, t): (&Strategy, &Provenance),
        me: &str,
        at: u64,
    ) -> Provenance {
        let (vm, vo, vt) = (values(&Flat::of(merged)), values(&Flat::of(ours)), values(&Flat::of(theirs)));
        let mut next = Provenance::default();
        for p in [o, t] {
            for (member, seen) in p.members.iter().zip(&p.clock) {
                let i = next.member_index(member) as usize;
                next.clock[i] = next.clock[i].max(*seen);
            }
        }
        let removals =
            |p: &Provenance| p.marks.iter().filter(|(_, m)| m.value == 0).map(|(place, _)| *place).collect::<Vec<_>>();
        let mut places: Vec<u64> =
            vm.keys().chain(vo.keys()).chain(vt.keys()).copied().chain(removals(o)).chain(removals(t)).collect();
        places.sort_unstable();
        places.dedup();
        let presence_of = |place: u64| {
            [&vm, &vo, &vt]
                .iter()
                .find_map(|v| v.get(&place).map(|(_, p)| *p))
                .or_else(|| [o, t].iter().find_map(|p| p.marks.get(&place).map(|m| m.presence)))
                .unwrap_or(false)
        };
        let mut event = None;
        for place in places {
            let value_in = |v: &Values| v.get(&place).map_or(0, |(h, _)| *h);
            let (value, ov, tv) = (value_in(&vm), value_in(&vo), value_in(&vt));
            let presence = presence_of(place);
            if value == 0 && !presence {
                continue;
            }
            let (od, td) = (o.current(place, ov), t.current(place, tv));
            let kept = match (value == ov, value == tv) {
                (true, true) => match (od, td) {
                    (Ok(a), Ok(b)) => Some(later(a, o, b, t)),
                    (Ok(a), Err(())) => Some(a),
                    (Err(()), Ok(b)) => Some(b),
                    (Err(()), Err(())) => None,
                },
                // Taken from one side: its mark, when it had seen what the other held.
                (true, false) => covering(od, t.current(place, tv), o),
                (false, true) => covering(td, o.current(place, ov), t),
                (false, false) => None,
            };
            let mark = match kept {
                Some(dot) => next.mark(value, presence, dot),
                None => Mark { value, presence, dot: Some(*event.get_or_insert_with(|| next.next_event(me, at))) },
            };
            next.marks.insert(place, mark);
        }
        next
    }
}

/// Of two marks of one value, the later: the one whose side had seen the other's (a value
/// decided again over another is a new event, as an edit is); of two neither saw, the greater
/// (the same whoever merges); a mark before anyone counted gives way to a known one.
fn later(a: Option<Dot>, o: &Provenance, b: Option<Dot>, t: &Provenance) -> Option<Dot> {
    match (a, b) {
        (Some(x), Some(y)) if o.has_seen(&y) && !t.has_seen(&x) => Some(x),
        (Some(x), Some(y)) if t.has_seen(&x) && !o.has_seen(&y) => Some(y),
        (Some(x), Some(y)) => Some(x.max(y)),
        (x, None) => x,
        (None, y) => y,
    }
}

/// The winner's mark of a value a merge took from it, when the winner (`win`, whose version is
/// marked `win_clock`) had seen the loser's event: then it still names the value's last event.
fn covering(
    win: Result<Option<Dot>, ()>,
    lose: Result<Option<Dot>, ()>,
    win_clock: &Provenance,
) -> Option<Option<Dot>> {
    match (win, lose) {
        (Ok(Some(w)), Ok(Some(l))) if win_clock.has_seen(&l) => Some(Some(w)),
        // The loser held nothing there that anyone counted: the winner's mark stands.
        (Ok(Some(w)), Ok(None)) => Some(Some(w)),
        _ => None,
    }
}

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

/// The common version a merge of `ours` (marked `o`) and `theirs` (marked `t`) starts from:
/// `approx` (the nearest common version at hand, maybe older than where they met), with every
/// value one side had seen the other's event for as the seen side held it — so the merge takes
/// the later value with no card, whatever `approx` holds. Where neither saw the other's, or a
/// mark is unknown, `approx` stays. Without marks on either side: `approx`.
pub fn exact_base(
    approx: &Strategy,
    (ours, o): (&Strategy, &Provenance),
    (theirs, t): (&Strategy, &Provenance),
) -> Strategy {
    if o.is_empty() || t.is_empty() {
        return approx.clone();
    }
    let (fb, fo, ft) = (Flat::of(approx), Flat::of(ours), Flat::of(theirs));
    let mut items = fb.items.clone();
    let mut order: Vec<Key> = fb.order.clone();
    for key in fo.order.iter().chain(&ft.order) {
        if !items.contains_key(key) && !order.contains(key) {
            order.push(key.clone());
        }
    }
    let mut keys: Vec<&Key> = fo.order.iter().collect();
    keys.extend(ft.order.iter().filter(|k| !fo.items.contains_key(*k)));
    for key in keys {
        let (io, it) = (fo.items.get(key), ft.items.get(key));
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
            let chosen = match vo == vt {
                true => Some(vo),
                false => {
                    match seen(here.at(&format!("f{name}")), vo.map_or(0, value_hash), o, vt.map_or(0, value_hash), t) {
                        Seen::ByOurs => Some(vt),
                        Seen::ByTheirs => Some(vo),
                        Seen::Unknown => {
                            undecided = true;
                            None
                        }
                    }
                }
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
                false => match seen(here.at(&format!("o{i}")), ho, o, ht, t) {
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
        Ok(base) => base,
        // A base that does not read back (a bug): the one at hand, as before.
        Err(_) => approx.clone(),
    }
}

/// Whether one side's removal of an item came after everything the other side (`kept`, marked
/// `keeper`) holds of it: the removal is marked (`remover`) and the keeper has not seen it, and
/// the remover had seen every marked value of the kept item (its presence, fields, place and
/// lists' order; a value marked before anyone counted is older than any removal). Then the
/// base holds the item as kept, and the merge removes it with no card.
fn removal_covers(key: &Key, kept: &Item, keeper: &Provenance, remover: &Provenance) -> bool {
    let here = Places::of(key);
    let removal = match remover.current(here.at(""), 0) {
        Ok(Some(d)) if !keeper.has_seen(&d) => d,
        _ => return false,
    };
    let _ = removal;
    let mut places = vec![(here.at(""), 1), (here.at("p"), parent_hash(kept))];
    places.extend(kept.fields.iter().map(|(name, v)| (here.at(&format!("f{name}")), value_hash(v))));
    places.extend(kept.children.iter().enumerate().map(|(i, list)| (here.at(&format!("o{i}")), order_hash(list))));
    places.into_iter().all(|(place, value)| match keeper.current(place, value) {
        Ok(Some(d)) => remover.has_seen(&d),
        Ok(None) => true,
        Err(()) => false,
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
        let unseen = match keeper.current(here.at(&format!("f{name}")), value_hash(v)) {
            Ok(Some(d)) => !remover.has_seen(&d),
            Ok(None) => false,
            Err(()) => true,
        };
        let apart = unseen.then(|| differing(v)).flatten();
        match (apart, item.fields.get(name) == Some(v)) {
            (Some(other), true) => {
                item.fields.insert(name.clone(), other);
            }
            (None, _) if !unseen => {
                item.fields.insert(name.clone(), v.clone());
            }
            _ => {}
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

/// The places of one item, by what of it they are.
struct Places(String);

impl Places {
    fn of(key: &Key) -> Places {
        let mut text = String::new();
        key_text(key, &mut text);
        Places(text)
    }

    /// `""`: its presence; `f<name>`: a field; `p`: where it sits; `o<i>`: a list's order.
    fn at(&self, what: &str) -> u64 {
        hash(format!("{}\u{1}{what}", self.0).as_bytes())
    }
}

/// A key's text, the same in every version and every build: what its places' hashes are made of.
fn key_text(key: &Key, out: &mut String) {
    match key {
        Key::Root => {}
        Key::Id(n) => {
            out.push('i');
            out.push_str(&n.id);
        }
        Key::Entry(e) => {
            out.push('e');
            key_text(&e.owner, out);
            out.push('\u{0}');
            out.push_str(e.list);
            out.push('\u{0}');
            out.push_str(&e.key);
        }
    }
}

fn hash(bytes: &[u8]) -> u64 {
    xxhash_rust::xxh3::xxh3_64(bytes).max(1)
}

/// A value's hash as a mark holds it: 32 bits (never 0), enough to tell a value changed since
/// it was marked from the one marked.
fn short(h: u64) -> u64 {
    (h & 0xffff_ffff).max(1)
}

fn value_hash(v: &Value) -> u64 {
    short(hash(&serde_json::to_vec(v).unwrap_or_default()))
}

fn parent_hash(item: &Item) -> u64 {
    let mut parent = String::new();
    if let Some(p) = &item.parent {
        key_text(p, &mut parent);
    }
    short(hash(format!("{parent}\u{1}{}", item.slot).as_bytes()))
}

fn order_hash(children: &[Key]) -> u64 {
    let mut order = String::new();
    for c in children {
        key_text(c, &mut order);
        order.push('\u{2}');
    }
    short(hash(order.as_bytes()))
}

/// Every value of a version with its place (see [`Places::at`]).
fn values(flat: &Flat) -> Values {
    let mut values = Values::default();
    for (key, item) in &flat.items {
        let here = Places::of(key);
        values.insert(here.at(""), (1, true));
        for (name, value) in &item.fields {
            values.insert(here.at(&format!("f{name}")), (value_hash(value), false));
        }
        values.insert(here.at("p"), (parent_hash(item), false));
        for (i, list) in item.children.iter().enumerate() {
            values.insert(here.at(&format!("o{i}")), (order_hash(list), false));
        }
    }
    values
}

impl Provenance {
    /// The marks a file carries: those that name their event (a value with no mark reads as
    /// unknown, as its mark did).
    pub fn for_file(&self) -> Provenance {
        let marks = self.marks.iter().filter(|(_, m)| m.dot.is_some()).map(|(p, m)| (*p, *m)).collect();
        Provenance { members: self.members.clone(), clock: self.clock.clone(), marks }
    }
}

/// At most this many members are counted in a file (a town's staff, with room to spare), and
/// this many marks (far above a town's strategy's values).
pub const MAX_MEMBERS: usize = 1_000;
pub const MAX_MARKS: usize = 1_000_000;

/// A provenance as written: the members, their clock, and the marks packed in one base64 text
/// (per mark: its place's 8 bytes, its value's 4, then a varint of the member's place + 1
/// (0: unknown) times two plus whether it marks a presence, and the event's number).
#[derive(Serialize, Deserialize, schemars::JsonSchema)]
struct Wire {
    members: Vec<String>,
    clock: Vec<u64>,
    marks: String,
}

fn put_varint(out: &mut Vec<u8>, mut v: u64) {
    while v >= 0x80 {
        out.push((v as u8) | 0x80);
        v >>= 7;
    }
    out.push(v as u8);
}

fn take_varint(bytes: &[u8], at: &mut usize) -> Option<u64> {
    let mut v = 0u64;
    for shift in (0..64).step_by(7) {
        let b = *bytes.get(*at)?;
        *at += 1;
        v |= u64::from(b & 0x7f) << shift;
        if b < 0x80 {
            return Some(v);
        }
    }
    None
}

impl Serialize for Provenance {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use base64::Engine as _;
        let mut places: Vec<(&u64, &Mark)> = self.marks.iter().collect();
        places.sort_unstable_by_key(|(p, _)| **p);
        let mut bytes = Vec::with_capacity(places.len() * 18);
        for (place, mark) in places {
            bytes.extend_from_slice(&place.to_le_bytes());
            bytes.extend_from_slice(&(mark.value as u32).to_le_bytes());
            let member = mark.dot.map_or(0, |(m, _)| u64::from(m) + 1);
            put_varint(&mut bytes, member * 2 + u64::from(mark.presence));
            if let Some((_, counter)) = mark.dot {
                put_varint(&mut bytes, counter);
            }
        }
        let marks = base64::engine::general_purpose::STANDARD_NO_PAD.encode(bytes);
        Wire { members: self.members.clone(), clock: self.clock.clone(), marks }.serialize(serializer)
    }
}

impl<'de> Deserialize<'de> for Provenance {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Provenance, D::Error> {
        use base64::Engine as _;
        use serde::de::Error;
        let wire = Wire::deserialize(deserializer)?;
        if wire.members.len() != wire.clock.len() || wire.members.len() > MAX_MEMBERS {
            return Err(D::Error::custom("provenance: members and clock do not match"));
        }
        let bytes = base64::engine::general_purpose::STANDARD_NO_PAD
            .decode(wire.marks.as_bytes())
            .map_err(|_| D::Error::custom("provenance: marks are not base64"))?;
        let mut marks = HashMap::default();
        let mut at = 0;
        while at < bytes.len() {
            let bad = || D::Error::custom("provenance: a mark is cut");
            let place = u64::from_le_bytes(bytes.get(at..at + 8).ok_or_else(bad)?.try_into().map_err(|_| bad())?);
            let value = u32::from_le_bytes(bytes.get(at + 8..at + 12).ok_or_else(bad)?.try_into().map_err(|_| bad())?);
            at += 12;
            let flags = take_varint(&bytes, &mut at).ok_or_else(bad)?;
            let member = flags / 2;
            let dot = match member {
                0 => None,
                m if (m as usize) <= wire.members.len() => {
                    Some(((m - 1) as u32, take_varint(&bytes, &mut at).ok_or_else(bad)?))
                }
                _ => return Err(D::Error::custom("provenance: a mark names no member")),
            };
            marks.insert(place, Mark { value: u64::from(value), presence: flags % 2 == 1, dot });
            if marks.len() > MAX_MARKS {
                return Err(D::Error::custom("provenance: too many marks"));
            }
        }
        Ok(Provenance { members: wire.members, clock: wire.clock, marks })
    }
}

impl schemars::JsonSchema for Provenance {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Provenance".into()
    }
    fn json_schema(generator: &mut schemars::SchemaGenerator) -> schemars::Schema {
        Wire::json_schema(generator)
    }
}
