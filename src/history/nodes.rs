//! A graph's nodes as a file or storage carries them ([`Nodes`]), in order: a year's graph is
//! 4,096 nodes in every member's file (written as one compact string by `format::graph`).

use super::{Graph, Node};
use crate::model::VersionId;
use std::sync::Arc;

/// Nodes in order (a file's: the nearest to its head first), each an id with its parents.
/// Shared, not copied, when cloned: a file's graph goes with its version.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Nodes(Arc<Inner>);

#[derive(Clone, Debug, Default, PartialEq, Eq)]
struct Inner {
    ids: Vec<VersionId>,
    /// Where each node's parents end in `parents` (they start where the node before's end).
    ends: Vec<u32>,
    parents: Vec<VersionId>,
}

impl Inner {
    fn push(&mut self, id: VersionId) {
        self.ids.push(id);
        self.ends.push(u32::try_from(self.parents.len()).unwrap_or(u32::MAX));
    }
}

/// A list longer than its limit ([`Nodes::first_unsafe`]): the nodes (`at` empty), or one
/// node's parents (`at` its place under the graph).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TooMany {
    pub at: String,
    pub limit: usize,
}

impl Nodes {
    pub fn len(&self) -> usize {
        self.0.ids.len()
    }

    pub fn is_empty(&self) -> bool {
        self.0.ids.is_empty()
    }

    /// The nodes whose ids are `ids`, each with the parents in `parents` that end at its place in
    /// `ends` (they start where the node before's end): as the compact string is read.
    pub fn from_parts(ids: Vec<VersionId>, ends: Vec<u32>, parents: Vec<VersionId>) -> Nodes {
        Nodes(Arc::new(Inner { ids, ends, parents }))
    }

    /// Each node's id and its parents' ids, in order.
    pub fn keyed(&self) -> impl Iterator<Item = (VersionId, &[VersionId])> + Clone + '_ {
        let inner = &*self.0;
        let mut start = 0;
        inner.ids.iter().zip(&inner.ends).map(move |(k, end)| {
            let ps = &inner.parents[start..*end as usize];
            start = *end as usize;
            (*k, ps)
        })
    }

    /// Each node, in order.
    pub fn iter(&self) -> impl Iterator<Item = Node> + '_ {
        self.keyed().map(|(id, ps)| Node { id, parents: ps.to_vec() })
    }

    /// The parents of the first node named `id`, if there is one.
    pub fn parents_of(&self, id: VersionId) -> Option<Vec<VersionId>> {
        self.keyed().find(|(n, _)| *n == id).map(|(_, ps)| ps.to_vec())
    }

    /// Whether a node is named `id`.
    pub fn contains(&self, id: VersionId) -> bool {
        self.0.ids.contains(&id)
    }

    /// Whether a node after the first is named `id`: a version the first descends from, when
    /// the first is a head.
    pub fn below_first(&self, id: VersionId) -> bool {
        self.0.ids.iter().skip(1).any(|n| *n == id)
    }

    /// These nodes with `node` first (the rest shared when no one else holds them).
    pub fn with_first(mut self, node: &Node) -> Nodes {
        let inner = Arc::make_mut(&mut self.0);
        let n = u32::try_from(node.parents.len()).unwrap_or(u32::MAX);
        inner.ids.insert(0, node.id);
        inner.ends.iter_mut().for_each(|e| *e = e.saturating_add(n));
        inner.ends.insert(0, n);
        inner.parents.splice(0..0, node.parents.iter().copied());
        self
    }

    /// What first breaks the graph's rules: more than `max_nodes` nodes or `max_parents`
    /// parents of one node (its path under the graph, `[i].parents`). Every id is one: it was
    /// read as one.
    pub fn first_unsafe(&self, max_nodes: usize, max_parents: usize) -> Option<TooMany> {
        if self.len() > max_nodes {
            return Some(TooMany { at: String::new(), limit: max_nodes });
        }
        let (i, _) = self.keyed().enumerate().find(|(_, (_, ps))| ps.len() > max_parents)?;
        Some(TooMany { at: format!("[{i}].parents"), limit: max_parents })
    }

    /// The nodes of `graph` whose ids are `ids`, in that order (each one it holds).
    pub(super) fn of_keys(graph: &Graph, ids: impl IntoIterator<Item = VersionId>) -> Nodes {
        let mut inner = Inner::default();
        for k in ids {
            let Some(ps) = graph.parents.get(&k) else { continue };
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
            inner.parents.extend_from_slice(&n.parents);
            inner.push(n.id);
        }
        Nodes(Arc::new(inner))
    }
}

impl From<Vec<Node>> for Nodes {
    fn from(nodes: Vec<Node>) -> Nodes {
        nodes.into_iter().collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn node(id: VersionId, parents: &[VersionId]) -> Node {
        Node { id, parents: parents.to_vec() }
    }

    #[test]
    fn a_node_put_first_keeps_the_others_and_their_parents() {
        let [a, b, new, none] = ["a", "b", "new", "none"].map(VersionId::named);
        let nodes = Nodes::from(vec![node(a, &[b]), node(b, &[])]);
        let shared = nodes.clone();
        let first = nodes.with_first(&node(new, &[a, b]));
        assert_eq!(first.iter().collect::<Vec<_>>(), [node(new, &[a, b]), node(a, &[b]), node(b, &[])]);
        assert_eq!(shared.len(), 2, "the shared nodes are left as they were");
        assert_eq!(first.parents_of(a), Some(vec![b]));
        assert!(first.below_first(b) && !first.below_first(new) && first.contains(new));
        assert_eq!(first.parents_of(none), None);
    }
}
