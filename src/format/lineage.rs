//! Where a file's strategy comes from, so that two machines' work can be merged.
//!
//! A content is named by its fingerprint: the XXH3-128 hash of the strategy's JSON as this build
//! writes it (the same strategy reads back the same, so both machines compute the same name
//! without agreeing on anything). A version is named by its history (`history`): its content's
//! fingerprint and its parents. A file says its version's id (`head`, at the top of the file,
//! so that a quiet poll reads no further), carries the graph of the versions it descends from
//! (`graph`: one compact string, `format::graph`; format 1's list is migrated on reading,
//! [`graph_as_compact`]) and, whole, the nearest one a reader may lack (`base`, named by
//! `base_id`).
//!
//! Files written before ids existed list fingerprints instead (`versions`, newest first): they
//! read as a linear history whose ids are those fingerprints.

use super::carried::CarriedVersion;
use super::fingerprint::{fingerprint, text_fingerprint};
use super::{ImportError, VersionList};
use crate::history::{legacy_chain, version_id, FileVersion, Node, Nodes, TooMany, MAX_GRAPH, MAX_PARENTS};
use crate::model::merge::provenance::Provenance;
use crate::model::{Strategy, VersionId};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use std::cell::OnceCell;

/// At most this many fingerprints are read from an older file's list (older builds wrote at most
/// this many).
pub const MAX_ANCESTORS: usize = 200;

/// The `lineage` of a strategy file.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Lineage {
    /// Files written before version ids: fingerprints (see [`fingerprint`]) of versions this
    /// strategy descends from that were shared with another machine, newest first.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub versions: Vec<VersionId>,
    /// A version the file's descends from, whole: a browser that does not have it can still
    /// merge. Named by `base_id` (in an older file, by `versions[0]`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(with = "Option<Strategy>")]
    pub base: Option<CarriedVersion>,
    /// The id of `base`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub base_id: Option<VersionId>,
    /// The versions the file's version descends from (itself included), nearest first, as one
    /// string: base64 of, for each version, its id's 16 bytes, its number of parents, and each
    /// parent's place relative to its own (zigzag), or 0 then the parent's 16 bytes when the
    /// list does not hold it; numbers are LEB128 varints. Format 1 wrote a list of
    /// `{"id", "parents"}`.
    // Shared with the file's `FileVersion`, not copied: a year's graph is 4,096 nodes.
    #[serde(default, skip_serializing_if = "Nodes::is_empty")]
    #[schemars(with = "String")]
    pub graph: Nodes,
    /// Where each value of the file's version was last set, as its writer marked it
    /// (`model::merge::provenance`): a merge with it needs no content it may not have.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub provenance: Option<Provenance>,
    /// The file's version's id: written at the top of the envelope (`head`), not here.
    #[serde(skip)]
    pub head: Option<VersionId>,
}

/// The strategy's JSON exactly as file `text` holds it, and that text's hash: the file's
/// [`fingerprint`] when a build that writes the strategy as this one does wrote the file compact
/// (the file's version id, made from that hash, then proves it). `None` when the text holds no
/// strategy. A scan of the text up to the strategy's end, without building anything (what
/// follows it, the carried base, is not read).
pub fn written_strategy(text: &str) -> Option<(&str, VersionId)> {
    use serde::de::{Deserializer as _, IgnoredAny, MapAccess, Visitor};
    use serde_json::value::RawValue;
    use std::borrow::Cow;
    /// Takes the top-level object's `strategy` and stops there.
    struct StrategyField<'a, 'o>(&'o mut Option<&'a RawValue>);
    impl<'a> Visitor<'a> for StrategyField<'a, '_> {
        type Value = ();
        fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
            f.write_str("a file")
        }
        fn visit_map<M: MapAccess<'a>>(self, mut map: M) -> Result<(), M::Error> {
            while let Some(key) = map.next_key::<Cow<'a, str>>()? {
                if key == "strategy" {
                    *self.0 = Some(map.next_value()?);
                    return Ok(());
                }
                map.next_value::<IgnoredAny>()?;
            }
            Ok(())
        }
    }
    let text = text.strip_prefix('\u{FEFF}').unwrap_or(text);
    let mut found = None;
    // Stopping before the object's end, the reading ends in an error: the value is what counts.
    let _ = serde_json::Deserializer::from_str(text).deserialize_map(StrategyField(&mut found));
    let raw = found?.get();
    Some((raw, text_fingerprint(raw)))
}

/// Why the ancestor a file names cannot be used.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum LineageError {
    /// The carried `base` is not the version the file says it is (`versions[0]`).
    #[error("the file's base version is not the version it names")]
    BaseMismatch,
    /// The carried `base` is another strategy's (another id).
    #[error("the file's base version is another strategy's")]
    OtherStrategy,
}

impl Lineage {
    /// The carried base with its id, checked: of the same strategy as `strategy`, and named by
    /// its content and the parents the graph gives (in an older file: its fingerprint is
    /// `versions[0]`). `Ok(None)` when the file carries none.
    pub fn checked_base(&self, strategy: &Strategy) -> Result<Option<(VersionId, Strategy)>, LineageError> {
        let Some(carried) = &self.base else { return Ok(None) };
        let base = carried.strategy().ok_or(LineageError::BaseMismatch)?;
        if base.id != strategy.id {
            return Err(LineageError::OtherStrategy);
        }
        let names = |fp: VersionId| match self.base_id {
            Some(id) => {
                let parents = self.graph.parents_of(id).unwrap_or_default();
                (version_id(fp, &parents) == id || id == fp).then_some(id)
            }
            None => (self.versions.first() == Some(&fp)).then_some(fp),
        };
        // The text as written names it when a build like this one wrote it; else its content
        // written out again.
        let id = carried.written_fingerprint().and_then(names).or_else(|| names(fingerprint(&base)));
        id.map(|id| Some((id, base))).ok_or(LineageError::BaseMismatch)
    }

    /// The base the file carries, to be checked and parsed only if a merge needs it.
    pub fn carried<'a>(&'a self, strategy: &'a Strategy) -> Option<CarriedBase<'a>> {
        self.base.as_ref()?;
        Some(CarriedBase { lineage: self, strategy, checked: OnceCell::new() })
    }

    /// The file's version: its id checked against its content (`fp`, the fingerprint of the
    /// file's strategy) and the parents its graph gives. A file whose content is not the version
    /// its id names (edited after it was written, by hand or by another program) is a version
    /// made on that one, as an edit is. An older file's version is named by its fingerprint and
    /// descends from its list.
    pub fn version(&self, fp: VersionId) -> FileVersion {
        let Some(head) = self.head else { return legacy_version(fp, &self.versions) };
        let held = self.graph.parents_of(head);
        let parents = held.clone().unwrap_or_default();
        let mut graph = self.graph.clone();
        if held.is_none() {
            graph = graph.with_first(&Node { id: head, parents: parents.clone() });
        }
        // An id is its content's and parents' hash; a version named before ids is named by its
        // content alone.
        if version_id(fp, &parents) == head || head == fp {
            return FileVersion { id: head, parents, graph };
        }
        let made_on = vec![head];
        let id = version_id(fp, &made_on);
        let graph = graph.with_first(&Node { id, parents: made_on.clone() });
        FileVersion { id, parents: made_on, graph }
    }

    /// A list longer than its limit: the file's refusal, checked at the door. (An id that is
    /// not 32 digits is refused as it is read, [`VersionId`]'s own reading.)
    pub fn refusal(&self) -> Option<ImportError> {
        if self.versions.len() > MAX_ANCESTORS {
            let (path, list) = ("lineage.versions".into(), VersionList::Versions);
            return Some(ImportError::TooManyVersions { path, list, limit: MAX_ANCESTORS });
        }
        graph_refusal(&self.graph)
    }
}

/// What first breaks the rules of a file's graph (too many nodes or parents), with its path
/// under `lineage.graph`.
pub(super) fn graph_refusal(graph: &Nodes) -> Option<ImportError> {
    let TooMany { at, limit } = graph.first_unsafe(MAX_GRAPH, MAX_PARENTS)?;
    let list = if at.is_empty() { VersionList::Graph } else { VersionList::Parents };
    Some(ImportError::TooManyVersions { path: format!("lineage.graph{at}"), list, limit })
}

/// Migration from format 1: `lineage.graph`, a list of `{id, parents}`, as the compact string
/// format 2 writes. A list that breaks the graph's rules is refused as format 2's reading would
/// (its path and reason); what is not a list is left for the reading to refuse.
pub(super) fn graph_as_compact(file: &mut serde_json::Value) -> Result<(), ImportError> {
    let Some(graph) = file.get_mut("lineage").and_then(|l| l.get_mut("graph")).filter(|g| g.is_array()) else {
        return Ok(());
    };
    let nodes: Vec<Node> = serde_path_to_error::deserialize(graph.take()).map_err(|e| {
        let path = e.path().to_string();
        let path = if path == "." { "lineage.graph".to_owned() } else { format!("lineage.graph{path}") };
        ImportError::Shape { path, problem: super::import::classify(&e.into_inner().to_string()) }
    })?;
    let nodes = Nodes::from(nodes);
    if let Some(refused) = graph_refusal(&nodes) {
        return Err(refused);
    }
    *graph = serde_json::Value::String(nodes.compact());
    Ok(())
}

/// A file without version ids: its strategy named by its fingerprint `fp`, descending from its
/// list of fingerprints (`versions`, newest first; the first may be `fp` itself).
pub fn legacy_version(fp: VersionId, versions: &[VersionId]) -> FileVersion {
    let rest = match versions.first() {
        Some(first) if *first == fp => &versions[1..],
        _ => versions,
    };
    let parents: Vec<VersionId> = rest.first().copied().into_iter().collect();
    let first = Node { id: fp, parents: parents.clone() };
    let graph = std::iter::once(first).chain(legacy_chain(rest)).collect();
    FileVersion { id: fp, parents, graph }
}

/// A file's carried base, checked when first asked for ([`Lineage::carried`]).
pub struct CarriedBase<'a> {
    lineage: &'a Lineage,
    strategy: &'a Strategy,
    checked: OnceCell<Result<Option<(VersionId, Strategy)>, LineageError>>,
}

impl CarriedBase<'_> {
    /// The id the file gives it, unchecked (in an older file, `versions[0]`).
    pub fn claims(&self) -> Option<VersionId> {
        self.lineage.base_id.or(self.lineage.versions.first().copied())
    }

    /// The base, when the file says it is version `id` and it is (checked the first time).
    pub fn get(&self, id: VersionId) -> Option<Strategy> {
        if self.claims() != Some(id) {
            return None;
        }
        match self.checked.get_or_init(|| self.lineage.checked_base(self.strategy)) {
            Ok(Some((checked, base))) if *checked == id => Some(base.clone()),
            _ => None,
        }
    }

    /// The base, when the file says it is version `id` and it was checked already (nothing is
    /// read now).
    pub fn checked(&self, id: VersionId) -> Option<Strategy> {
        match self.checked.get() {
            Some(Ok(Some((checked, base)))) if *checked == id => Some(base.clone()),
            _ => None,
        }
    }

    /// Why it failed its check, when it was checked and failed.
    pub fn mismatch(&self) -> Option<LineageError> {
        self.checked.get().and_then(|c| c.clone().err())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_same_strategy_has_the_same_fingerprint_after_a_trip_through_a_file() {
        let s = crate::examples::by_key("hokuto").unwrap().load().unwrap();
        let fp = fingerprint(&s);
        let back = crate::format::import(&crate::format::export(&s, "2026-11-23T00:00:00Z")).unwrap().strategy;
        assert_eq!(fingerprint(&back), fp);
        let mut edited = s.clone();
        edited.title.push('改');
        assert_ne!(fingerprint(&edited), fp);
    }

    #[test]
    fn the_compact_text_and_the_fingerprint_made_in_one_pass_are_those_made_apart() {
        for example in crate::examples::EXAMPLES {
            let s = example.load().unwrap();
            let (text, fp) = crate::format::export_compact_named(&s, "2026-11-26T00:00:00Z");
            assert_eq!(text, crate::format::export_compact(&s, "2026-11-26T00:00:00Z"), "{}", example.key);
            assert_eq!(fp, fingerprint(&s), "{}", example.key);
        }
    }

    #[test]
    fn the_strategy_as_a_file_writes_it_hashes_to_its_fingerprint_when_compact() {
        let s = crate::examples::by_key("hokuto").unwrap().load().unwrap();
        let lineage = Lineage { base: Some(s.clone().into()), ..Lineage::default() };
        let author = crate::format::Author { id: "m1".into(), name: "田中".into(), role: None };
        let compact = crate::format::export_member_file(&s, "t", &lineage, &author);
        let (text, fp) = written_strategy(&compact).unwrap();
        assert_eq!(fp, fingerprint(&s));
        assert_eq!(serde_json::from_str::<Strategy>(text).unwrap(), s);
        // Indented: the same strategy, another text, so not its fingerprint (the full check
        // then names it).
        let pretty = crate::format::export(&s, "t");
        let (text, fp) = written_strategy(&pretty).unwrap();
        assert_eq!(serde_json::from_str::<Strategy>(text).unwrap(), s);
        assert_ne!(fp, fingerprint(&s));
        assert_eq!(written_strategy(&format!("\u{FEFF}{compact}")).map(|(_, fp)| fp), Some(fingerprint(&s)));
        assert_eq!(written_strategy("{\"format\":\"x\"}"), None);
        assert_eq!(written_strategy("not json"), None);
        assert_eq!(written_strategy("{\"strategy\":"), None, "cut short");
    }

    #[test]
    fn a_files_version_is_checked_against_its_content_and_an_older_file_reads_as_a_line() {
        let s = crate::examples::by_key("hokuto").unwrap().load().unwrap();
        let fp = fingerprint(&s);
        let [p, q] = ["1", "2"].map(|d| d.repeat(32).parse::<VersionId>().unwrap());
        let id = version_id(fp, &[p]);
        let graph = vec![Node { id, parents: vec![p] }, Node { id: p, parents: vec![] }];
        let file = Lineage { head: Some(id), graph: graph.clone().into(), ..Lineage::default() };
        assert_eq!(file.version(fp), FileVersion { id, parents: vec![p], graph: graph.into() });
        // Edited after it was written: a version made on the one it names.
        let edited = file.version(q);
        assert_eq!((edited.parents.as_slice(), edited.graph.len()), (&[id][..], 3));
        assert_eq!(edited.id, version_id(q, &[id]));
        // Older files: the list is a line, the fingerprint the id.
        let older = Lineage { versions: vec![p, q], ..Lineage::default() };
        let v = older.version(fp);
        assert_eq!((v.id, v.parents.as_slice()), (fp, &[p][..]));
        assert_eq!(v.graph.iter().map(|n| n.parents.len()).collect::<Vec<_>>(), [1, 1, 0]);
        let shared_as_is = Lineage { versions: vec![fp, q], ..Lineage::default() };
        assert_eq!(shared_as_is.version(fp).parents, [q]);
    }

    #[test]
    fn lists_over_their_limits_are_refused_at_the_door() {
        let ok: VersionId = "a".repeat(32).parse().unwrap();
        let node = |parents: &[VersionId]| Node { id: ok, parents: parents.to_vec() };
        let path = |l: Lineage| match l.refusal() {
            Some(ImportError::TooManyVersions { path, list, limit }) => format!("{list:?} {limit} {path}"),
            other => format!("{other:?}"),
        };
        assert_eq!(Lineage { head: Some(ok), ..Lineage::default() }.refusal(), None);
        let three = Lineage { graph: vec![node(&[ok, ok, ok])].into(), ..Lineage::default() };
        assert_eq!(path(three), "Parents 2 lineage.graph[0].parents");
        let many = Lineage { graph: vec![node(&[]); MAX_GRAPH + 1].into(), ..Lineage::default() };
        assert_eq!(path(many), format!("Graph {MAX_GRAPH} lineage.graph"));
        let at_limit = Lineage { graph: vec![node(&[]); MAX_GRAPH].into(), ..Lineage::default() };
        assert_eq!(at_limit.refusal(), None);
        let versions = Lineage { versions: vec![ok; MAX_ANCESTORS + 1], ..Lineage::default() };
        assert_eq!(path(versions), format!("Versions {MAX_ANCESTORS} lineage.versions"));
    }
}
