//! A graph's nodes as a file or storage carries them ([`Nodes`]), read straight to their ids'
//! numbers: a year's graph is 4,096 nodes in every member's file, and reading each id into a
//! `String` to key it afterwards cost more than the rest of its reading.

use super::ids::{id_text, key_of, written_id, Key};
use super::{Graph, Node};
use rustc_hash::FxHashMap as HashMap;
use serde::de::{DeserializeSeed, Deserializer, Error as _, IgnoredAny, MapAccess, SeqAccess, Visitor};
use serde::ser::{SerializeMap, SerializeSeq, Serializer};
use serde::{Deserialize, Serialize};
use std::fmt;
use std::sync::Arc;

/// Nodes in order (a file's: the nearest to its head first), each an id with its parents,
/// written as `[{"id": …, "parents": […]}, …]` (a [`Node`] each). Shared, not copied, when
/// cloned: a file's graph goes with its version.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Nodes(Arc<Inner>);

#[derive(Clone, Debug, Default, PartialEq, Eq)]
struct Inner {
    ids: Vec<Key>,
    /// Where each node's parents end in `parents` (they start where the node before's end).
    ends: Vec<u32>,
    parents: Vec<Key>,
    /// The text of each key that is not an id's 32 digits (see `ids::key_of`).
    odd: HashMap<Key, String>,
}

impl Inner {
    fn key(&mut self, id: &str) -> Key {
        let (k, odd) = key_of(id);
        if odd {
            self.odd.entry(k).or_insert_with(|| id.to_owned());
        }
        k
    }

    fn push(&mut self, id: Key) {
        self.ids.push(id);
        self.ends.push(u32::try_from(self.parents.len()).unwrap_or(u32::MAX));
    }
}

/// What breaks a graph's rules ([`Nodes::first_unsafe`]), its place under the graph (`at`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Unsafe {
    /// An id that is not one.
    Id { at: String, id: String },
    /// A list longer than its limit: the nodes (`at` empty), or one node's parents.
    TooMany { at: String, limit: usize },
}

impl Nodes {
    pub fn len(&self) -> usize {
        self.0.ids.len()
    }

    pub fn is_empty(&self) -> bool {
        self.0.ids.is_empty()
    }

    /// Each node's key and its parents' keys, in order.
    pub(super) fn keyed(&self) -> impl Iterator<Item = (Key, &[Key])> + '_ {
        let inner = &*self.0;
        let mut start = 0;
        inner.ids.iter().zip(&inner.ends).map(move |(k, end)| {
            let ps = &inner.parents[start..*end as usize];
            start = *end as usize;
            (*k, ps)
        })
    }

    /// The text of key `k` when it is not an id's digits.
    pub(super) fn odd(&self, k: Key) -> Option<&String> {
        self.0.odd.get(&k)
    }

    fn name(&self, k: Key) -> String {
        self.odd(k).cloned().unwrap_or_else(|| id_text(k))
    }

    /// Each node with its ids written out.
    pub fn iter(&self) -> impl Iterator<Item = Node> + '_ {
        self.keyed().map(|(k, ps)| self.node(k, ps))
    }

    /// Node `k` with parents `ps`, its ids written out.
    pub(super) fn node(&self, k: Key, ps: &[Key]) -> Node {
        Node { id: self.name(k), parents: ps.iter().map(|p| self.name(*p)).collect() }
    }

    /// The parents of the first node named `id`, if there is one.
    pub fn parents_of(&self, id: &str) -> Option<Vec<String>> {
        let k = key_of(id).0;
        self.keyed().find(|(n, _)| *n == k).map(|(_, ps)| ps.iter().map(|p| self.name(*p)).collect())
    }

    /// Whether a node is named `id`.
    pub fn contains(&self, id: &str) -> bool {
        let k = key_of(id).0;
        self.0.ids.contains(&k)
    }

    /// Whether a node after the first is named `id`: a version the first descends from, when
    /// the first is a head.
    pub fn below_first(&self, id: &str) -> bool {
        let k = key_of(id).0;
        self.0.ids.iter().skip(1).any(|n| *n == k)
    }

    /// These nodes with `node` first (the rest shared when no one else holds them).
    pub fn with_first(mut self, node: &Node) -> Nodes {
        let inner = Arc::make_mut(&mut self.0);
        let k = inner.key(&node.id);
        let ps: Vec<Key> = node.parents.iter().map(|p| inner.key(p)).collect();
        let n = u32::try_from(ps.len()).unwrap_or(u32::MAX);
        inner.ids.insert(0, k);
        inner.ends.iter_mut().for_each(|e| *e = e.saturating_add(n));
        inner.ends.insert(0, n);
        inner.parents.splice(0..0, ps);
        self
    }

    /// What first breaks the graph's rules: more than `max_nodes` nodes or `max_parents`
    /// parents of one node, or an id that is not one (its path under the graph, `[i].id` or
    /// `[i].parents[j]`, and its text).
    pub fn first_unsafe(&self, max_nodes: usize, max_parents: usize) -> Option<Unsafe> {
        if self.len() > max_nodes {
            return Some(Unsafe::TooMany { at: String::new(), limit: max_nodes });
        }
        let odd = |k: &Key| self.odd(*k).is_some();
        for (i, (k, ps)) in self.keyed().enumerate() {
            if odd(&k) {
                return Some(Unsafe::Id { at: format!("[{i}].id"), id: self.name(k) });
            }
            if ps.len() > max_parents {
                return Some(Unsafe::TooMany { at: format!("[{i}].parents"), limit: max_parents });
            }
            if let Some((j, p)) = ps.iter().enumerate().find(|(_, p)| odd(p)) {
                return Some(Unsafe::Id { at: format!("[{i}].parents[{j}]"), id: self.name(*p) });
            }
        }
        None
    }

    /// The nodes of `graph` whose keys are `keys`, in that order (each one it holds).
    pub(super) fn of_keys(graph: &Graph, keys: impl IntoIterator<Item = Key>) -> Nodes {
        let mut inner = Inner::default();
        for k in keys {
            let Some(ps) = graph.parents.get(&k) else { continue };
            for key in std::iter::once(&k).chain(ps) {
                if let Some(text) = graph.odd.get(key) {
                    inner.odd.entry(*key).or_insert_with(|| text.clone());
                }
            }
            inner.parents.extend_from_slice(ps);
            inner.push(k);
        }
        Nodes(Arc::new(inner))
    }
}

impl FromIterator<Node> for Nodes {
    fn from_iter<I: IntoIterator<Item = Node>>(nodes: I) -> Nodes {
        let mut inner = Inner::default();
        for n in nodes {
            let k = inner.key(&n.id);
            for p in &n.parents {
                let p = inner.key(p);
                inner.parents.push(p);
            }
            inner.push(k);
        }
        Nodes(Arc::new(inner))
    }
}

impl From<Vec<Node>> for Nodes {
    fn from(nodes: Vec<Node>) -> Nodes {
        nodes.into_iter().collect()
    }
}

/// A key written as its id.
struct Written<'a>(Key, &'a Nodes);

impl Serialize for Written<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self.1.odd(self.0) {
            Some(text) => s.serialize_str(text),
            // Digits only: a string as it is.
            None => s.serialize_str(std::str::from_utf8(&written_id(self.0)).unwrap_or_default()),
        }
    }
}

/// A node's parents, written as ids.
struct WrittenParents<'a>(&'a [Key], &'a Nodes);

impl Serialize for WrittenParents<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut seq = s.serialize_seq(Some(self.0.len()))?;
        for p in self.0 {
            seq.serialize_element(&Written(*p, self.1))?;
        }
        seq.end()
    }
}

/// A node written as [`Node`] is.
struct WrittenNode<'a>(Key, &'a [Key], &'a Nodes);

impl Serialize for WrittenNode<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut map = s.serialize_map(Some(1 + usize::from(!self.1.is_empty())))?;
        map.serialize_entry("id", &Written(self.0, self.2))?;
        if !self.1.is_empty() {
            map.serialize_entry("parents", &WrittenParents(self.1, self.2))?;
        }
        map.end()
    }
}

impl Serialize for Nodes {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut seq = s.serialize_seq(Some(self.len()))?;
        for (k, ps) in self.keyed() {
            seq.serialize_element(&WrittenNode(k, ps, self))?;
        }
        seq.end()
    }
}

impl<'de> Deserialize<'de> for Nodes {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Nodes, D::Error> {
        let mut inner = Inner::default();
        d.deserialize_seq(NodesIn(&mut inner))?;
        Ok(Nodes(Arc::new(inner)))
    }
}

/// Reads the list of nodes into `Inner`.
struct NodesIn<'i>(&'i mut Inner);

impl<'de> Visitor<'de> for NodesIn<'_> {
    type Value = ();

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a list of versions")
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<(), A::Error> {
        while seq.next_element_seed(NodeIn(&mut *self.0))?.is_some() {}
        Ok(())
    }
}

/// Reads one node (`{"id": …, "parents": […]}`) into `Inner`.
struct NodeIn<'i>(&'i mut Inner);

impl<'de> DeserializeSeed<'de> for NodeIn<'_> {
    type Value = ();

    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<(), D::Error> {
        d.deserialize_map(self)
    }
}

impl<'de> Visitor<'de> for NodeIn<'_> {
    type Value = ();

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a version: its id and its parents")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
        let mut id = None;
        while let Some(field) = map.next_key::<Field>()? {
            match field {
                Field::Id if id.is_some() => return Err(A::Error::duplicate_field("id")),
                Field::Id => id = Some(map.next_value_seed(IdIn(&mut *self.0))?),
                Field::Parents => map.next_value_seed(ParentsIn(&mut *self.0))?,
                Field::Other => drop(map.next_value::<IgnoredAny>()?),
            }
        }
        self.0.push(id.ok_or_else(|| A::Error::missing_field("id"))?);
        Ok(())
    }
}

/// A node's field, by name.
enum Field {
    Id,
    Parents,
    Other,
}

impl<'de> Deserialize<'de> for Field {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Field, D::Error> {
        struct Name;
        impl Visitor<'_> for Name {
            type Value = Field;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a field's name")
            }
            fn visit_str<E>(self, name: &str) -> Result<Field, E> {
                Ok(match name {
                    "id" => Field::Id,
                    "parents" => Field::Parents,
                    _ => Field::Other,
                })
            }
        }
        d.deserialize_identifier(Name)
    }
}

/// Reads an id to its key (keeping the text of one that is not 32 digits).
struct IdIn<'i>(&'i mut Inner);

impl<'de> DeserializeSeed<'de> for IdIn<'_> {
    type Value = Key;

    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<Key, D::Error> {
        d.deserialize_str(self)
    }
}

impl Visitor<'_> for IdIn<'_> {
    type Value = Key;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a version's id")
    }

    fn visit_str<E>(self, id: &str) -> Result<Key, E> {
        Ok(self.0.key(id))
    }
}

/// Reads a node's parents onto `Inner::parents`.
struct ParentsIn<'i>(&'i mut Inner);

impl<'de> DeserializeSeed<'de> for ParentsIn<'_> {
    type Value = ();

    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<(), D::Error> {
        d.deserialize_seq(self)
    }
}

impl<'de> Visitor<'de> for ParentsIn<'_> {
    type Value = ();

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a list of versions' ids")
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<(), A::Error> {
        while let Some(k) = seq.next_element_seed(IdIn(&mut *self.0))? {
            self.0.parents.push(k);
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn node(id: &str, parents: &[&str]) -> Node {
        Node { id: id.into(), parents: parents.iter().map(|p| p.to_string()).collect() }
    }

    #[test]
    fn nodes_read_and_write_as_a_list_of_nodes_does() {
        let (a, b, c) = ("a".repeat(32), "0123456789abcdef".repeat(2), "C".repeat(32));
        let list = vec![node(&a, &[&b, "x"]), node(&b, &[]), node("x", &[&c]), node(&c, &[])];
        let text = serde_json::to_string(&list).unwrap();
        let nodes: Nodes = serde_json::from_str(&text).unwrap();
        assert_eq!(nodes.iter().collect::<Vec<_>>(), list);
        assert_eq!(serde_json::to_string(&nodes).unwrap(), text);
        assert_eq!(nodes, Nodes::from(list.clone()));
        // Escapes, fields in another order, fields it does not know.
        let escaped = format!(r#"[{{"parents":["{b}"],"more":[1,{{}}],"\u0069d":"\u0061{}"}}]"#, &a[1..]);
        let read: Nodes = serde_json::from_str(&escaped).unwrap();
        assert_eq!(read.iter().collect::<Vec<_>>(), [node(&a, &[&b])]);
        for bad in [r#"[{"parents":[]}]"#, r#"[{"id":1}]"#, r#"[{"id":"a","id":"b"}]"#, r#"{"id":"a"}"#] {
            assert!(serde_json::from_str::<Nodes>(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn a_node_put_first_keeps_the_others_and_their_parents() {
        let (a, b) = ("a".repeat(32), "b".repeat(32));
        let nodes = Nodes::from(vec![node(&a, &[&b]), node(&b, &[])]);
        let shared = nodes.clone();
        let first = nodes.with_first(&node("new", &[&a, &b]));
        assert_eq!(first.iter().collect::<Vec<_>>(), [node("new", &[&a, &b]), node(&a, &[&b]), node(&b, &[])]);
        assert_eq!(shared.len(), 2, "the shared nodes are left as they were");
        assert_eq!(first.parents_of(&a), Some(vec![b.clone()]));
        assert!(first.below_first(&b) && !first.below_first("new") && first.contains("new"));
        assert_eq!(first.parents_of("none"), None);
    }
}
