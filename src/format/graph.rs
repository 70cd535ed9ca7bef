//! A graph's nodes as one compact string: how a file of format 2 (`lineage.graph`) and storage's
//! graph record carry them. The string is base64 (the standard alphabet, padded) of, for each
//! node in order (the nearest to the head first):
//!
//! - its id's 16 bytes: the 128 bits its 32 hexadecimal digits spell, the first digit's first;
//! - its number of parents, a varint (LEB128);
//! - each parent, a varint: its position relative to the node's, zigzag-encoded (2: the next
//!   node, 1: the one before, 4: two after, …), or 0 followed by the parent's 16 bytes when no
//!   other node of the list is that parent (it lies beyond the graph's bound).
//!
//! Why this form: ids are random, so their bytes do not shrink, but a parent is mostly the next
//! node (a save made on the version before it) and a merge's other parent a near one, so a
//! parent takes one byte where the list of JSON objects repeated its 35 characters. A year's
//! graph (4,096 nodes, one in four a merge) is about 18 bytes a node: ~100 KB as base64 instead
//! of ~400 KB as a list. Base64 rather than hexadecimal: a third over the bytes, not double; a
//! JSON string, so that the file's reader is serde's own for a string.
//!
//! [`Nodes`] (`history`) is written and read as that string, in a file and in storage's record.

use crate::history::{Node, Nodes};
use crate::model::VersionId as Key;
use base64::Engine as _;
use rustc_hash::FxHashMap as HashMap;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

const BASE64: base64::engine::GeneralPurpose = base64::engine::general_purpose::STANDARD;

/// A graph's nodes as keys: each node's id, where its parents end in `parents` (they start where
/// the node before's end), and the parents.
#[derive(Debug, Default, PartialEq, Eq)]
struct Keyed {
    pub ids: Vec<Key>,
    pub ends: Vec<u32>,
    pub parents: Vec<Key>,
}

/// Why a compact graph cannot be read: each names where, in English, and begins "the version
/// graph" (the file's refusal, `ShapeProblem::DamagedGraph`, is known by it).
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum Damaged {
    #[error("the version graph is not base64 text")]
    NotBase64,
    #[error("the version graph ends inside its version {node}")]
    CutShort { node: usize },
    #[error("the version graph's version {node} names a parent at a place the graph does not have")]
    Outside { node: usize },
}

/// `nodes` (each a key with its parents' keys) as the compact string.
fn encode<'a>(nodes: impl Iterator<Item = (Key, &'a [Key])> + Clone) -> String {
    let mut first: HashMap<Key, usize> = HashMap::default();
    for (i, (k, _)) in nodes.clone().enumerate() {
        first.entry(k).or_insert(i);
    }
    let mut bytes = Vec::with_capacity(first.len() * 19);
    for (i, (k, ps)) in nodes.enumerate() {
        bytes.extend_from_slice(&k.bits().to_be_bytes());
        varint(&mut bytes, ps.len() as u64);
        for p in ps {
            match first.get(p).filter(|at| **at != i) {
                Some(at) => varint(&mut bytes, zigzag(*at as i64 - i as i64)),
                None => {
                    bytes.push(0);
                    bytes.extend_from_slice(&p.bits().to_be_bytes());
                }
            }
        }
    }
    BASE64.encode(bytes)
}

/// The nodes a compact string holds.
fn decode(text: &str) -> Result<Keyed, Damaged> {
    let bytes = BASE64.decode(text).map_err(|_| Damaged::NotBase64)?;
    /// A parent as written: a place relative to its node's, or its key.
    enum Parent {
        At(i64),
        Key(Key),
    }
    let mut read = Reader { bytes: &bytes, at: 0 };
    let (mut ids, mut ends, mut written) = (Vec::new(), Vec::new(), Vec::new());
    while !read.done() {
        let node = ids.len();
        let cut = Damaged::CutShort { node };
        ids.push(read.key().ok_or(cut.clone())?);
        let count = read.varint().ok_or(cut.clone())?;
        for _ in 0..count {
            written.push(match read.varint().ok_or(cut.clone())? {
                0 => Parent::Key(read.key().ok_or(cut.clone())?),
                v => Parent::At(unzigzag(v)),
            });
        }
        ends.push(u32::try_from(written.len()).map_err(|_| cut)?);
    }
    let mut parents = Vec::with_capacity(written.len());
    let mut start = 0;
    for (node, end) in ends.iter().enumerate() {
        for p in &written[start..*end as usize] {
            parents.push(match p {
                Parent::Key(k) => *k,
                Parent::At(d) => {
                    let at = usize::try_from(node as i64 + d).ok().and_then(|at| ids.get(at));
                    *at.ok_or(Damaged::Outside { node })?
                }
            });
        }
        start = *end as usize;
    }
    Ok(Keyed { ids, ends, parents })
}

fn zigzag(d: i64) -> u64 {
    ((d << 1) ^ (d >> 63)) as u64
}

fn unzigzag(v: u64) -> i64 {
    (v >> 1) as i64 ^ -((v & 1) as i64)
}

fn varint(out: &mut Vec<u8>, mut v: u64) {
    while v >= 0x80 {
        out.push(v as u8 | 0x80);
        v >>= 7;
    }
    out.push(v as u8);
}

/// Bytes read from the front.
struct Reader<'a> {
    bytes: &'a [u8],
    at: usize,
}

impl Reader<'_> {
    fn done(&self) -> bool {
        self.at >= self.bytes.len()
    }

    fn key(&mut self) -> Option<Key> {
        let b: [u8; 16] = self.bytes.get(self.at..self.at + 16)?.try_into().ok()?;
        self.at += 16;
        Some(Key::from_bits(u128::from_be_bytes(b)))
    }

    /// A varint of at most 10 bytes whose value fits 64 bits.
    fn varint(&mut self) -> Option<u64> {
        let mut v = 0u64;
        for shift in (0..64).step_by(7) {
            let b = *self.bytes.get(self.at)?;
            self.at += 1;
            let bits = u64::from(b & 0x7f);
            if shift == 63 && bits > 1 {
                return None;
            }
            v |= bits << shift;
            if b < 0x80 {
                return Some(v);
            }
        }
        None
    }
}

impl Serialize for Nodes {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.compact())
    }
}

impl<'de> Deserialize<'de> for Nodes {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Nodes, D::Error> {
        let text = std::borrow::Cow::<str>::deserialize(d)?;
        Nodes::from_compact(&text).map_err(serde::de::Error::custom)
    }
}

impl Nodes {
    /// The compact string: what a file of format 2 carries as `lineage.graph`.
    pub fn compact(&self) -> String {
        encode(self.keyed())
    }

    /// The nodes a compact string holds.
    pub fn from_compact(text: &str) -> Result<Nodes, Damaged> {
        let Keyed { ids, ends, parents } = decode(text)?;
        Ok(Nodes::from_parts(ids, ends, parents))
    }

    /// Storage's graph record: the compact string as JSON.
    pub fn stored_text(&self) -> String {
        // A string always serialises.
        serde_json::to_string(self).unwrap_or_default()
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

    #[test]
    fn numbers_read_back_as_written() {
        for v in [0, 1, 127, 128, 300, 16_383, 16_384, u64::from(u32::MAX), u64::MAX] {
            let mut out = Vec::new();
            varint(&mut out, v);
            assert_eq!(Reader { bytes: &out, at: 0 }.varint(), Some(v), "{v}");
        }
        for d in [1, -1, 2, -2, 4095, -4095, i64::MAX, i64::MIN] {
            assert_eq!(unzigzag(zigzag(d)), d);
            assert_ne!(zigzag(d), 0, "0 is kept for a parent written whole");
        }
        assert_eq!((zigzag(1), zigzag(-1)), (2, 1));
        // Eleven bytes, or ten whose last overflows 64 bits.
        assert_eq!(Reader { bytes: &[0xff; 11], at: 0 }.varint(), None);
        assert_eq!(
            Reader { bytes: &[0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x02], at: 0 }.varint(),
            None
        );
    }

    #[test]
    fn keys_and_parents_read_back_with_parents_near_far_and_outside() {
        let [a, b, c, outside] = [1u128 << 100 | 7, u128::MAX, 0, 42].map(Key::from_bits);
        // a's parents: b (next), outside; b's: a (before, a cycle a file may forge); c: itself.
        let nodes: Vec<(Key, Vec<Key>)> = vec![(a, vec![b, outside]), (b, vec![a]), (c, vec![c]), (a, vec![])];
        let text = encode(nodes.iter().map(|(k, ps)| (*k, ps.as_slice())));
        let read = decode(&text).unwrap();
        assert_eq!(read.ids, [a, b, c, a]);
        assert_eq!(read.ends, [2, 3, 4, 4]);
        assert_eq!(read.parents, [b, outside, a, c]);
        // 16 + 1 + 1 + (1 + 16), 16 + 1 + 1, 16 + 1 + (1 + 16), 16 + 1 bytes.
        assert_eq!(BASE64.decode(&text).unwrap().len(), 35 + 18 + 34 + 17);
        assert_eq!(decode("").unwrap(), Keyed::default());
    }

    #[test]
    fn a_damaged_string_says_where() {
        let one = encode([(Key::from_bits(5), &[Key::from_bits(6)][..])].into_iter());
        let mut bytes = BASE64.decode(&one).unwrap();
        assert_eq!(decode("not base64!"), Err(Damaged::NotBase64));
        bytes.pop();
        assert_eq!(decode(&BASE64.encode(&bytes)), Err(Damaged::CutShort { node: 0 }));
        let mut far = 7u128.to_be_bytes().to_vec();
        far.extend([1, zigzag(3) as u8]);
        assert_eq!(decode(&BASE64.encode(&far)), Err(Damaged::Outside { node: 0 }));
        // A count of parents no string holds ends as cut short, not as an allocation.
        let mut huge = 7u128.to_be_bytes().to_vec();
        huge.extend([0xff, 0xff, 0xff, 0xff, 0x0f]);
        assert_eq!(decode(&BASE64.encode(&huge)), Err(Damaged::CutShort { node: 0 }));
    }

    #[test]
    fn nodes_read_and_write_as_one_compact_string_and_storage_reads_the_list_too() {
        let node = |id: Key, parents: &[Key]| Node { id, parents: parents.to_vec() };
        let [a, b, c, d] = ["a", "0123456789abcdef", "c", "d"].map(|s| s.repeat(32 / s.len()).parse().unwrap());
        let list = vec![node(a, &[b, c]), node(b, &[]), node(c, &[d])];
        let nodes = Nodes::from(list.clone());
        let text = serde_json::to_string(&nodes).unwrap();
        assert!(text.starts_with('"') && text.len() < serde_json::to_string(&list).unwrap().len() / 2, "{text}");
        let back: Nodes = serde_json::from_str(&text).unwrap();
        assert_eq!((back.iter().collect::<Vec<_>>(), &back), (list.clone(), &nodes));
        // Storage writes the same string, and reads a record written as a list before it.
        assert_eq!(nodes.stored_text(), text);
        assert_eq!(Nodes::from_stored(&serde_json::to_string(&list).unwrap()), Some(nodes.clone()));
        // A list naming a version by anything but 32 digits is no record.
        let legacy = format!("[{{\"id\":\"{}\",\"parents\":[\"{a}\"]}}]", "e".repeat(64));
        let bad_texts = ["[1]", "{}", "\"#\"", "3", "[{\"parents\":[]}]", legacy.as_str()];
        for bad in bad_texts {
            assert_eq!(Nodes::from_stored(bad), None, "{bad}");
        }
        assert!(serde_json::from_str::<Nodes>("\"AAAA\"").unwrap_err().to_string().contains("ends inside"));
    }
}
