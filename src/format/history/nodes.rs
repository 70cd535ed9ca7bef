//! A graph's nodes as a file or storage carries them ([`Nodes`]): keyed by their ids' numbers,
//! written as one compact string (`compact`); a year's graph is 4,096 nodes in every member's
//! file.

use super::compact::{self, Damaged};
use super::ids::{id_text, key_of, Key};
use super::{Graph, Node};
use rustc_hash::FxHashMap as HashMap;
use serde::{Deserialize, Serialize};
use std::sync::Arc;

/// Nodes in order (a file's: the nearest to its head first), each an id with its parents,
/// written as one compact string (`compact`). Shared, not copied, when cloned: a file's graph
/// goes with its version.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(into = "String", try_from = "String")]
pub struct Nodes(Arc<Inner>);

#[derive(Clone, Debug, Default, PartialEq, Eq)]
struct Inner {
    ids: Vec<Key>,
    /// Where each node's parents end in `parents` (they start where the node before's end).
    ends: Vec<u32>,
    parents: Vec<Key>,
    /// The text of each key that is not an id's 32 digits (see `ids::key_of`).
    non_hex: HashMap<Key, String>,
}

impl Inner {
    fn key(&mut self, id: &str) -> Key {
        let (k, non_hex) = key_of(id);
        if non_hex {
            self.non_hex.entry(k).or_insert_with(|| id.to_owned());
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
    pub(super) fn keyed(&self) -> impl Iterator<Item = (Key, &[Key])> + Clone + '_ {
        let inner = &*self.0;
        let mut start = 0;
        inner.ids.iter().zip(&inner.ends).map(move |(k, end)| {
            let ps = &inner.parents[start..*end as usize];
            start = *end as usize;
            (*k, ps)
        })
    }

    /// The text of key `k` when it is not an id's digits.
    pub(super) fn non_hex(&self, k: Key) -> Option<&String> {
        self.0.non_hex.get(&k)
    }

    fn name(&self, k: Key) -> String {
        self.non_hex(k).cloned().unwrap_or_else(|| id_text(k))
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
        let non_hex = |k: &Key| self.non_hex(*k).is_some();
        for (i, (k, ps)) in self.keyed().enumerate() {
            if non_hex(&k) {
                return Some(Unsafe::Id { at: format!("[{i}].id"), id: self.name(k) });
            }
            if ps.len() > max_parents {
                return Some(Unsafe::TooMany { at: format!("[{i}].parents"), limit: max_parents });
            }
            if let Some((j, p)) = ps.iter().enumerate().find(|(_, p)| non_hex(p)) {
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
                if let Some(text) = graph.non_hex.get(key) {
                    inner.non_hex.entry(*key).or_insert_with(|| text.clone());
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

impl From<Nodes> for String {
    fn from(nodes: Nodes) -> String {
        nodes.compact()
    }
}

impl TryFrom<String> for Nodes {
    type Error = Damaged;

    fn try_from(text: String) -> Result<Nodes, Damaged> {
        Nodes::from_compact(&text)
    }
}

impl Nodes {
    /// The compact string (`compact`): what a file of format 2 carries as `lineage.graph`.
    pub fn compact(&self) -> String {
        compact::encode(self.keyed())
    }

    /// The nodes a compact string holds (every id 32 hexadecimal digits).
    pub fn from_compact(text: &str) -> Result<Nodes, Damaged> {
        let compact::Keyed { ids, ends, parents } = compact::decode(text)?;
        Ok(Nodes(Arc::new(Inner { ids, ends, parents, non_hex: HashMap::default() })))
    }

    /// Storage's graph record: the compact string as JSON; a graph with an id that is not 32
    /// digits (a history named before XXH3 fingerprints) as the list of nodes, which keeps its
    /// text.
    pub fn stored_text(&self) -> String {
        let text = match self.0.non_hex.is_empty() {
            true => serde_json::to_string(self),
            false => serde_json::to_string(&self.iter().collect::<Vec<Node>>()),
        };
        // Strings and lists of strings always serialise.
        text.unwrap_or_default()
    }

    /// A graph record as [`Nodes::stored_text`] writes it, or as a list of nodes (every record
    /// written before the compact form); `None` when it is neither.
    pub fn from_stored(text: &str) -> Option<Nodes> {
        match serde_json::from_str::<Nodes>(text) {
            Ok(nodes) => Some(nodes),
            Err(_) => serde_json::from_str::<Vec<Node>>(text).ok().map(Nodes::from),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn node(id: &str, parents: &[&str]) -> Node {
        Node { id: id.into(), parents: parents.iter().map(|p| p.to_string()).collect() }
    }

    #[test]
    fn nodes_read_and_write_as_one_compact_string_and_storage_reads_the_list_too() {
        let (a, b, c) = ("a".repeat(32), "0123456789abcdef".repeat(2), "c".repeat(32));
        let list = vec![node(&a, &[&b, &c]), node(&b, &[]), node(&c, &[&"d".repeat(32)])];
        let nodes = Nodes::from(list.clone());
        let text = serde_json::to_string(&nodes).unwrap();
        assert!(text.starts_with('"') && text.len() < serde_json::to_string(&list).unwrap().len() / 2, "{text}");
        let back: Nodes = serde_json::from_str(&text).unwrap();
        assert_eq!((back.iter().collect::<Vec<_>>(), &back), (list.clone(), &nodes));
        // Storage writes the same string, and reads a record written as a list before it.
        assert_eq!(nodes.stored_text(), text);
        assert_eq!(Nodes::from_stored(&serde_json::to_string(&list).unwrap()), Some(nodes.clone()));
        // A history named before ids were 32 digits is kept as a list, its ids as they are.
        let legacy = vec![node(&"e".repeat(64), &[&a]), node(&a, &[])];
        let stored = Nodes::from(legacy.clone()).stored_text();
        assert_eq!(Nodes::from_stored(&stored).map(|n| n.iter().collect::<Vec<_>>()), Some(legacy));
        for bad in ["[1]", "{}", "\"#\"", "3", "[{\"parents\":[]}]"] {
            assert_eq!(Nodes::from_stored(bad), None, "{bad}");
        }
        assert!(serde_json::from_str::<Nodes>("\"AAAA\"").unwrap_err().to_string().contains("ends inside"));
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
