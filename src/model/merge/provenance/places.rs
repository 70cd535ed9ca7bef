//! Where a value sits, as a hash the same in every version and build, and its value's hash.

use super::Values;
use crate::model::merge::flat::{Flat, Item, Key};
use serde_json::Value;
use std::cell::RefCell;
use std::io::Write as _;

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

thread_local! {
    /// The bytes a hash is made of, written anew each time: no allocation per value.
    static SCRATCH: RefCell<Vec<u8>> = const { RefCell::new(Vec::new()) };
}

/// The hash of what `write` puts in an empty buffer.
fn hashed(write: impl FnOnce(&mut Vec<u8>)) -> u64 {
    SCRATCH.with_borrow_mut(|b| {
        b.clear();
        write(b);
        hash(b)
    })
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

/// The hash of a value's JSON text.
pub(super) fn value_hash(v: &Value) -> u64 {
    short(hashed(|b| {
        if serde_json::to_writer(&mut *b, v).is_err() {
            b.clear();
        }
    }))
}

pub(super) fn parent_hash(item: &Item) -> u64 {
    let mut text = String::new();
    if let Some(p) = &item.parent {
        key_text(p, &mut text);
    }
    short(hashed(|b| {
        b.extend_from_slice(text.as_bytes());
        let _ = write!(b, "\u{1}{}", item.slot);
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

/// Every value of a version with its place (see [`Places::at`]).
pub(super) fn values(flat: &Flat) -> Values {
    let mut values = Vec::with_capacity(flat.items.len() * 8);
    for (key, item) in &flat.items {
        let here = Places::of(key);
        values.push((here.at(""), (1, true)));
        for (name, value) in &item.fields {
            values.push((here.field(name), (value_hash(value), false)));
        }
        values.push((here.at("p"), (parent_hash(item), false)));
        for (i, list) in item.children.iter().enumerate() {
            values.push((here.order(i), (order_hash(list), false)));
        }
    }
    Values::of(values)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::merge::flat::Flat;

    /// A place's hash is the hash of its text, whichever way it is written: files of other
    /// builds name places by it.
    #[test]
    fn a_place_is_the_hash_of_its_text() {
        let flat = Flat::of(&crate::model::merge::edits::town());
        let (key, item) = flat.items.iter().find(|(_, i)| !i.fields.is_empty() && !i.children.is_empty()).unwrap();
        let (here, mut text) = (Places::of(key), String::new());
        key_text(key, &mut text);
        let (name, value) = item.fields.iter().next().unwrap();
        assert_eq!(here.field(name), hash(format!("{text}\u{1}f{name}").as_bytes()));
        assert_eq!(here.order(0), hash(format!("{text}\u{1}o0").as_bytes()));
        assert_eq!(here.at("p"), hash(format!("{text}\u{1}p").as_bytes()));
        assert_eq!(value_hash(value), short(hash(&serde_json::to_vec(value).unwrap())));
    }
}
