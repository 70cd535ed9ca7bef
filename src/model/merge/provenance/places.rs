//! Where a value sits, as a hash the same in every version and build, and its value's hash.

use super::runs::Values;
use crate::model::merge::key::Key;
use crate::model::merge::typed::table::{TableItem, TypedTable};
use crate::model::merge::typed::written::{text_hash, Hashing};
use rustc_hash::FxHashMap as HashMap;
use serde_json::Value;
use std::io::Write as _;
use std::sync::Arc;
use xxhash_rust::xxh3::Xxh3;

/// The places of one item, by what of it they are.
pub(super) struct Places(String);

impl Places {
    pub(super) fn of(key: &Key) -> Places {
        let mut text = String::new();
        key_text(key, &mut text);
        Places(text)
    }

    /// `""`: its presence; `p`: where it sits (fields and lists: [`Places::field`],
    /// [`Places::order`]).
    pub(super) fn at(&self, what: &str) -> u64 {
        hashed(|b| {
            b.extend_from_slice(self.0.as_bytes());
            b.extend_from_slice("\u{1}".as_bytes());
            b.extend_from_slice(what.as_bytes());
        })
    }

    /// The field `name` (its place's text: `f<name>`).
    pub(super) fn field(&self, name: &str) -> u64 {
        hashed(|b| {
            b.extend_from_slice(self.0.as_bytes());
            b.extend_from_slice("\u{1}f".as_bytes());
            b.extend_from_slice(name.as_bytes());
        })
    }

    /// The order of the item's `i`th list (`o<i>`).
    pub(super) fn order(&self, i: usize) -> u64 {
        hashed(|b| {
            b.extend_from_slice(self.0.as_bytes());
            b.extend_from_slice("\u{1}o".as_bytes());
            let _ = write!(b, "{i}");
        })
    }
}

/// The hash of what `write` writes, streamed into the hasher as it is written.
fn hashed(write: impl FnOnce(&mut Hashing)) -> u64 {
    let mut h = Hashing(Xxh3::new());
    write(&mut h);
    h.0.digest().max(1)
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

/// The hash of a value's JSON text (a value that cannot be written: of nothing).
pub(super) fn value_hash(v: &Value) -> u64 {
    short(text_hash(v).max(1))
}

/// Each field of an item with its value's hash as a mark holds it, read from the model's own
/// type (the same as [`value_hash`] of the field's JSON value).
pub(super) fn field_values(item: &TableItem, out: &mut dyn FnMut(&str, u64)) {
    item.node.hash_values(&mut |name, h| out(name, short(h.max(1))));
}

pub(super) fn parent_hash(item: &TableItem) -> u64 {
    hash_parent(item.parent.as_ref(), item.slot)
}

/// The hash of where an item sits: its parent, and which of the parent's lists.
fn hash_parent(parent: Option<&Key>, slot: usize) -> u64 {
    let mut text = String::new();
    if let Some(p) = parent {
        key_text(p, &mut text);
    }
    short(hashed(|b| {
        b.extend_from_slice(text.as_bytes());
        let _ = write!(b, "\u{1}{slot}");
    }))
}

pub(super) fn order_hash(children: &[Key]) -> u64 {
    let mut text = String::new();
    for c in children {
        key_text(c, &mut text);
        text.push('\u{2}');
    }
    short(hash(text.as_bytes()))
}

/// Every value of a version with its place (see [`Places::at`]), read from the model's own
/// types: each item's fields as the file writes them, hashed one by one. An item the same as in
/// a version read before (`like`: its table and each item's values) takes that one's values,
/// unread: a file read beside this browser's version mostly repeats it.
pub(super) fn values_of(table: &TypedTable, like: &[(&TypedTable, &ItemValues)]) -> (Values, ItemValues) {
    let mut values = Vec::with_capacity(table.items.len() * 8);
    let mut at = HashMap::with_capacity_and_hasher(table.items.len(), Default::default());
    for (key, item) in &table.items {
        let start = values.len();
        let known = like.iter().find_map(|(t, v)| t.items.get(key).filter(|i| same(i, item)).and_then(|i| v.of(i)));
        match known {
            Some(known) => values.extend_from_slice(known),
            None => item_values(key, item, &mut values),
        }
        at.insert(Arc::as_ptr(item), (start as u32, values.len() as u32));
    }
    let items = ItemValues { values: values.clone(), at };
    (Values::of(values), items)
}

/// An item's values read: its presence, its fields, where it sits, its lists' order.
fn item_values(key: &Key, item: &TableItem, values: &mut Vec<(u64, (u64, bool))>) {
    let here = Places::of(key);
    values.push((here.at(""), (1, true)));
    field_values(item, &mut |name, hash| values.push((here.field(name), (hash, false))));
    values.push((here.at("p"), (hash_parent(item.parent.as_ref(), item.slot), false)));
    for (i, list) in item.children.iter().enumerate() {
        values.push((here.order(i), (order_hash(list), false)));
    }
}

/// Whether two items hold the same values: of the same shape (one static table per shape),
/// place, lists and fields.
fn same(a: &TableItem, b: &TableItem) -> bool {
    std::ptr::eq(a.shape, b.shape)
        && a.slot == b.slot
        && a.parent == b.parent
        && a.children == b.children
        && a.node.same_all(&*b.node)
}

/// Each item's values, in the order read (what [`values_of`] gives a later version), by the
/// item of the table they were read of (kept beside it: `Tabled`).
#[derive(Clone, Debug, Default)]
pub(super) struct ItemValues {
    values: Vec<(u64, (u64, bool))>,
    at: HashMap<*const TableItem, (u32, u32)>,
}

impl ItemValues {
    fn of(&self, item: &Arc<TableItem>) -> Option<&[(u64, (u64, bool))]> {
        self.at.get(&Arc::as_ptr(item)).map(|&(a, b)| &self.values[a as usize..b as usize])
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Each value is hashed as a file written of it holds it (files written by earlier builds
    /// name values by those hashes): every field of every goal, measure, indicator and series
    /// of the examples, read from the JSON text that export writes, not through the merge's view.
    #[test]
    fn a_value_is_the_hash_of_its_json_text_in_a_file_written_of_it() {
        let lists = ["sdgs", "targets", "measures", "related", "related_external", "kpis", "initiatives"];
        let lists =
            [&lists[..], &["relisted", "evaluations", "years", "series", "analyses", "interim", "actuals"]].concat();
        for example in crate::examples::EXAMPLES {
            let strategy = example.load().unwrap();
            let (values, _) = values_of(&TypedTable::of(&strategy), &[]);
            let file: Value = serde_json::from_str(&crate::format::export(&strategy, "2026-11-29T00:00:00Z")).unwrap();
            let mut checked = 0;
            let mut check = |entity: &Value| {
                let Value::Object(fields) = entity else { return };
                let here = Places::of(&Key::id(fields["id"].as_str().unwrap()));
                for (name, value) in fields.iter().filter(|(n, _)| !lists.contains(&n.as_str())) {
                    let text = serde_json::to_vec(value).unwrap();
                    assert_eq!(values.get(here.field(name)), Some(&(short(hash(&text)), false)), "{name}");
                    checked += 1;
                }
            };
            let strategy = &file["strategy"];
            for goal in strategy["goals"].as_array().unwrap() {
                check(goal);
                goal["measures"].as_array().into_iter().flatten().for_each(&mut check);
            }
            for indicator in strategy["indicators"].as_array().unwrap() {
                check(indicator);
                indicator["series"].as_array().into_iter().flatten().for_each(&mut check);
            }
            assert!(checked > 100, "{}: {checked} values", example.key);
        }
    }

    /// A version read beside others takes the values of the items it repeats, and has the
    /// values it has read alone: edited in a hundred places, with items added and removed.
    #[test]
    fn a_version_read_beside_others_has_the_values_it_has_read_alone() {
        use crate::bench::generate::{edited_pair, generate, Size};
        for seed in 1..4 {
            let base = generate(Size::TOWN, seed);
            let (ours, mut theirs) = edited_pair(&base, 100, 10, seed);
            theirs.indicators.pop();
            theirs.goals.rotate_left(1);
            let (base_table, ours_table, theirs_table) =
                (TypedTable::of(&base), TypedTable::of(&ours), TypedTable::of(&theirs));
            let (_, base_items) = values_of(&base_table, &[]);
            let (_, ours_items) = values_of(&ours_table, &[]);
            let alone = values_of(&theirs_table, &[]).0;
            let beside = values_of(&theirs_table, &[(&ours_table, &ours_items), (&base_table, &base_items)]).0;
            assert_eq!(beside, alone, "seed {seed}");
            // Beside a version it repeats nothing of (another strategy): read alone.
            let other = generate(Size::TOWN, seed + 10);
            let (other_table, (_, other_items)) = {
                let t = TypedTable::of(&other);
                let v = values_of(&t, &[]);
                (t, v)
            };
            assert_eq!(values_of(&theirs_table, &[(&other_table, &other_items)]).0, alone);
        }
    }

    /// A place's hash is the hash of its text, whichever way it is written: files of other
    /// builds name places by it.
    #[test]
    fn a_place_is_the_hash_of_its_text() {
        let table = TypedTable::of(&crate::model::merge::edits::town());
        let (key, item) =
            table.items.iter().find(|(_, i)| !i.node.json().is_empty() && !i.children.is_empty()).unwrap();
        let (here, mut text) = (Places::of(key), String::new());
        key_text(key, &mut text);
        let fields = item.node.json();
        let (name, value) = fields.iter().next().unwrap();
        assert_eq!(here.field(name), hash(format!("{text}\u{1}f{name}").as_bytes()));
        assert_eq!(here.order(0), hash(format!("{text}\u{1}o0").as_bytes()));
        assert_eq!(here.at("p"), hash(format!("{text}\u{1}p").as_bytes()));
        assert_eq!(value_hash(value), short(hash(&serde_json::to_vec(value).unwrap())));
    }
}
