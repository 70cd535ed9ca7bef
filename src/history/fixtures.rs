//! Two members' histories for the history's tests: versions named by words, a member's place
//! and file, and a criss-cross.

use super::{FileVersion, Graph, Node, Place, VersionId};

/// A version named by a word.
pub(crate) fn v(name: &str) -> VersionId {
    VersionId::named(name)
}

pub(crate) fn node(id: &str, parents: &[&str]) -> Node {
    Node { id: v(id), parents: parents.iter().map(|p| v(p)).collect() }
}

/// The file of a member whose head is `head`, carrying `nodes`.
pub(crate) fn file(head: &str, nodes: &[Node]) -> FileVersion {
    let parents = nodes.iter().find(|n| n.id == v(head)).map(|n| n.parents.clone()).unwrap_or_default();
    FileVersion { id: v(head), parents, graph: nodes.iter().cloned().collect() }
}

pub(crate) fn at(head: &str, nodes: &[Node]) -> Place {
    Place { id: Some(v(head)), parents: Vec::new(), graph: Graph::of(nodes.iter().cloned()) }
}

/// o ← a ← a2 (ours); o ← b (theirs); x and y each merged the other's first version (mx, my).
pub(crate) fn history() -> Vec<Node> {
    vec![
        node("o", &[]),
        node("a", &["o"]),
        node("a2", &["a"]),
        node("b", &["o"]),
        node("mx", &["a", "b"]),
        node("my", &["b", "a"]),
        node("mx2", &["mx"]),
        node("my2", &["my"]),
    ]
}
