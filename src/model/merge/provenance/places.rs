//! Where a value sits, as a hash the same in every version and build, and its value's hash.

use super::Values;
use crate::model::merge::flat::{Flat, Item, Key};
use serde_json::Value;

/// The places of one item, by what of it they are.
pub(super) struct Places(String);

impl Places {
    pub(super) fn of(key: &Key) -> Places {
        let mut text = String::new();
        key_text(key, &mut text);
        Places(text)
    }

    /// `""`: its presence; `f<name>`: a field; `p`: where it sits; `o<i>`: a list's order.
    pub(super) fn at(&self, what: &str) -> u64 {
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

pub(super) fn value_hash(v: &Value) -> u64 {
    short(hash(&serde_json::to_vec(v).unwrap_or_default()))
}

pub(super) fn parent_hash(item: &Item) -> u64 {
    let mut parent = String::new();
    if let Some(p) = &item.parent {
        key_text(p, &mut parent);
    }
    short(hash(format!("{parent}\u{1}{}", item.slot).as_bytes()))
}

pub(super) fn order_hash(children: &[Key]) -> u64 {
    let mut order = String::new();
    for c in children {
        key_text(c, &mut order);
        order.push('\u{2}');
    }
    short(hash(order.as_bytes()))
}

/// Every value of a version with its place (see [`Places::at`]).
pub(super) fn values(flat: &Flat) -> Values {
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
