//! Where an item of a version's table is (`Key`), hashed once when it is made: a merge of a large
//! strategy looks keys up millions of times, and hashing their texts each time would be a large
//! share of a reading of the shared folder in the browser.

use rustc_hash::FxHasher;
use std::cmp::Ordering;
use std::hash::{Hash, Hasher};
use std::sync::Arc;

/// Where an item is, the same in every version: the strategy, an entity by id, or an entry of
/// an owner's list by its key (a fiscal year, the id it refers to, the value itself). Cheap to
/// copy. Ordered as the tuple (variant, id) or (variant, owner, list, key) would be.
#[derive(Clone, Debug)]
pub(in crate::model::merge) enum Key {
    Root,
    Id(Arc<KeyId>),
    Entry(Arc<Entry>),
}

/// An entity's id, with its hash.
#[derive(Debug)]
pub(in crate::model::merge) struct KeyId {
    hash: u64,
    pub id: Box<str>,
}

/// An entry of an owner's list, with its hash.
#[derive(Debug)]
pub(in crate::model::merge) struct Entry {
    hash: u64,
    pub owner: Key,
    pub list: &'static str,
    pub key: Box<str>,
}

impl Key {
    pub fn id(id: &str) -> Key {
        let mut h = FxHasher::default();
        h.write_u8(1);
        h.write(id.as_bytes());
        Key::Id(Arc::new(KeyId { hash: h.finish(), id: id.into() }))
    }

    pub fn entry(owner: &Key, list: &'static str, key: String) -> Key {
        let mut h = FxHasher::default();
        h.write_u8(2);
        h.write_u64(owner.hashed());
        h.write(list.as_bytes());
        h.write_u8(0xff);
        h.write(key.as_bytes());
        Key::Entry(Arc::new(Entry { hash: h.finish(), owner: owner.clone(), list, key: key.into_boxed_str() }))
    }

    /// This key, or (when `taken`: an invalid strategy repeats an id or a year) the first of
    /// "key#1", "key#2", … that is not.
    pub fn free_in(self, taken: impl Fn(&Key) -> bool) -> Key {
        if !taken(&self) {
            return self;
        }
        (1..)
            .map(|n| match &self {
                Key::Root => Key::Root,
                Key::Id(named) => Key::id(&format!("{}#{n}", named.id)),
                Key::Entry(e) => Key::entry(&e.owner, e.list, format!("{}#{n}", e.key)),
            })
            .find(|k| !taken(k))
            .unwrap_or(self)
    }

    fn hashed(&self) -> u64 {
        match self {
            Key::Root => 0,
            Key::Id(n) => n.hash,
            Key::Entry(e) => e.hash,
        }
    }

    fn variant(&self) -> u8 {
        match self {
            Key::Root => 0,
            Key::Id(_) => 1,
            Key::Entry(_) => 2,
        }
    }
}

impl Hash for Key {
    fn hash<H: Hasher>(&self, state: &mut H) {
        state.write_u64(self.hashed());
    }
}

impl PartialEq for Key {
    fn eq(&self, other: &Key) -> bool {
        match (self, other) {
            (Key::Root, Key::Root) => true,
            (Key::Id(a), Key::Id(b)) => Arc::ptr_eq(a, b) || (a.hash == b.hash && a.id == b.id),
            (Key::Entry(a), Key::Entry(b)) => {
                Arc::ptr_eq(a, b) || (a.hash == b.hash && a.list == b.list && a.key == b.key && a.owner == b.owner)
            }
            _ => false,
        }
    }
}

impl Eq for Key {}

impl Ord for Key {
    fn cmp(&self, other: &Key) -> Ordering {
        match (self, other) {
            (Key::Id(a), Key::Id(b)) => a.id.cmp(&b.id),
            (Key::Entry(a), Key::Entry(b)) => {
                a.owner.cmp(&b.owner).then_with(|| a.list.cmp(b.list)).then_with(|| a.key.cmp(&b.key))
            }
            _ => self.variant().cmp(&other.variant()),
        }
    }
}

impl PartialOrd for Key {
    fn partial_cmp(&self, other: &Key) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Keys made apart are equal, hash alike and order as their parts do; keys that differ in
    /// any part are not equal.
    #[test]
    fn keys_made_apart_match_and_order_by_their_parts() {
        let hash = |k: &Key| {
            let mut h = FxHasher::default();
            k.hash(&mut h);
            h.finish()
        };
        let (a, a2, b) = (Key::id("goal-1"), Key::id("goal-1"), Key::id("goal-2"));
        assert_eq!(a, a2);
        assert_eq!(hash(&a), hash(&a2));
        assert_ne!(a, b);
        assert!(a < b && Key::Root < a);
        let row = |owner: &Key, year: &str| Key::entry(owner, "actuals", year.to_owned());
        assert_eq!(row(&a, "2024"), row(&a2, "2024"));
        assert_eq!(hash(&row(&a, "2024")), hash(&row(&a2, "2024")));
        assert_ne!(row(&a, "2024"), row(&b, "2024"), "another owner");
        assert_ne!(row(&a, "2024"), Key::entry(&a, "interim", "2024".into()), "another list");
        assert_ne!(row(&a, "2024"), row(&a, "2025"), "another key");
        assert!(row(&a, "2024") < row(&a, "2025") && row(&a, "2025") < row(&b, "2024"));
        assert!(Key::entry(&a, "actuals", "9".into()) < Key::entry(&a, "interim", "1".into()));
        assert!(b < row(&a, "2024"), "an id before an entry");
    }
}
