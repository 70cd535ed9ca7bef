//! The file format's versions: files of format 1 written by the build before format 2 (kept in
//! `tests/files/v1/`, with what that build read them as) read as they did and are written again
//! as format 2 that reads the same; a newer format is refused; a damaged graph is refused
//! naming `lineage.graph`; the fuzzer's format 2 seed holds the graph as this build writes it.

use super::{export_with_lineage, fingerprint, import, ImportError, ShapeProblem, CURRENT_VERSION};
use crate::history::{Node, Nodes};
use crate::locale::Language;
use crate::words::import_error;
use serde_json::{json, Value};

fn read(path: &str) -> String {
    let at = format!("{}/tests/files/{path}", env!("CARGO_MANIFEST_DIR"));
    std::fs::read_to_string(&at).unwrap_or_else(|e| panic!("{at}: {e}"))
}

#[test]
fn files_of_format_1_read_as_the_build_that_wrote_them_read_them() {
    let expected: Value = serde_json::from_str(&read("v1/expected.json")).unwrap();
    for name in ["graph.json", "member.json", "versions.json"] {
        let text = read(&format!("v1/{name}"));
        assert_eq!(serde_json::from_str::<Value>(&text).unwrap()["version"], 1, "{name}");
        let file = import(&text).unwrap();
        assert_eq!(file.migrated_from, Some(1), "{name}");
        let lineage = file.lineage.clone().unwrap();
        let version = lineage.version(fingerprint(&file.strategy));
        let base = lineage.checked_base(&file.strategy).unwrap().map(|(id, _)| id);
        let graph: Vec<Node> = version.graph.iter().collect();
        let read_as = json!({"id": version.id, "parents": version.parents, "graph": graph, "base": base});
        assert_eq!(read_as, expected[name], "{name}: as format 1's build read it");
        // Written again by this build: format 2, its graph one string, read back the same.
        let again = export_with_lineage(&file.strategy, "2026-11-28T10:00:00Z", &lineage);
        let written: Value = serde_json::from_str(&again).unwrap();
        assert_eq!(written["version"], CURRENT_VERSION);
        assert!(lineage.graph.is_empty() || written["lineage"]["graph"].is_string(), "{name}");
        let back = import(&again).unwrap();
        let back_lineage = back.lineage.unwrap();
        assert_eq!(back.migrated_from, None);
        assert_eq!(back_lineage.version(fingerprint(&back.strategy)), version, "{name}");
        assert_eq!(back_lineage.checked_base(&back.strategy).unwrap().map(|(id, _)| id), base);
    }
    // Storage's graph record as format 1's build wrote it: a list, read as it was.
    let record = read("v1/graph-record.json");
    let nodes = Nodes::from_stored(&record).unwrap();
    assert_eq!(json!(nodes.iter().collect::<Vec<_>>()), expected["graph.json"]["graph"]);
    let compact = nodes.stored_text();
    assert!(compact.len() < record.len() / 2, "{} bytes, was {}", compact.len(), record.len());
    assert_eq!(Nodes::from_stored(&compact), Some(nodes));
}

#[test]
fn a_file_of_a_newer_format_is_refused_saying_it_needs_a_newer_shirube() {
    let corpus = read("bad/future-version.json");
    let mut file: Value = serde_json::from_str(&read("v1/member.json")).unwrap();
    file["version"] = json!(CURRENT_VERSION + 1);
    for (text, version) in [(corpus, 3), (file.to_string(), CURRENT_VERSION + 1)] {
        let refused = import(&text).unwrap_err();
        assert_eq!(refused, ImportError::NewerVersion { version });
        let [ja] = import_error(&refused, Language::Ja).try_into().unwrap();
        assert!(ja.contains("新しいバージョンの Shirube で作成されています"), "{ja}");
    }
}

#[test]
fn a_damaged_graph_is_refused_naming_lineage_graph() {
    let mut file: Value = serde_json::from_str(&read("v1/member.json")).unwrap();
    file["version"] = json!(CURRENT_VERSION);
    let good = Nodes::from(serde_json::from_value::<Vec<Node>>(file["lineage"]["graph"].clone()).unwrap()).compact();
    let cut = good[..good.len() / 2].to_owned();
    for damaged in [cut.as_str(), "版のつながり", "AAAA"] {
        file["lineage"]["graph"] = json!(damaged);
        let refused = import(&file.to_string()).unwrap_err();
        let ImportError::Shape { path, problem: ShapeProblem::DamagedGraph { detail } } = &refused else {
            panic!("{damaged}: {refused:?}")
        };
        assert_eq!(path, "lineage.graph");
        assert!(detail.starts_with("the version graph"), "{detail}");
        let [ja] = import_error(&refused, Language::Ja).try_into().unwrap();
        assert!(ja.starts_with("lineage.graph: 版の履歴（版のつながり）を読み取れません"), "{ja}");
        let [en] = import_error(&refused, Language::En).try_into().unwrap();
        assert!(en.contains(detail.as_str()), "{en}");
    }
    file["lineage"]["graph"] = json!(good);
    assert!(import(&file.to_string()).is_ok(), "whole, it reads");
}

/// No build wrote a version id other than 32 lowercase hexadecimal digits: one is refused where
/// it stands, saying so, in a file of either format.
#[test]
fn a_version_id_that_is_not_32_hex_digits_is_refused_where_it_stands() {
    let v1: Value = serde_json::from_str(&read("v1/member.json")).unwrap();
    let mut current = v1.clone();
    current["version"] = json!(CURRENT_VERSION);
    let nodes: Vec<Node> = serde_json::from_value(v1["lineage"]["graph"].clone()).unwrap();
    current["lineage"]["graph"] = json!(Nodes::from(nodes).compact());
    let sha = "e".repeat(64);
    let cases: [(&Value, &str, Value, &str); 5] = [
        (&current, "/head", json!("<script>"), "head"),
        (&current, "/lineage/base_id", json!(sha), "lineage.base_id"),
        (&current, "/lineage/versions", json!(["A".repeat(32)]), "lineage.versions[0]"),
        (&v1, "/lineage/graph/1/id", json!("abc"), "lineage.graph[1].id"),
        (&v1, "/lineage/graph/0/parents/0", json!(sha), "lineage.graph[0].parents[0]"),
    ];
    for (file, at, bad, path) in cases {
        let mut file = file.clone();
        let (parent, key) = at.rsplit_once('/').unwrap();
        match file.pointer_mut(parent).unwrap_or_else(|| panic!("{at}")) {
            Value::Array(list) => list[key.parse::<usize>().unwrap()] = bad.clone(),
            place => place[key] = bad.clone(),
        }
        let refused = import(&file.to_string()).unwrap_err();
        let ImportError::Shape { path: got, problem: ShapeProblem::NotVersionId { found } } = &refused else {
            panic!("{at}: {refused:?}")
        };
        let text = bad.as_str().or(bad[0].as_str()).unwrap();
        assert_eq!((got.as_str(), found.chars().next()), (path, text.chars().next()));
        let [ja] = import_error(&refused, Language::Ja).try_into().unwrap();
        assert!(ja.starts_with(&format!("{path}: 版の ID '")) && ja.contains("32 桁の16進数"), "{ja}");
        let [en] = import_error(&refused, Language::En).try_into().unwrap();
        assert!(en.contains("is not 32 hexadecimal digits"), "{en}");
    }
    assert!(import(&current.to_string()).is_ok() && import(&v1.to_string()).is_ok(), "as written, they read");
}

#[test]
fn the_fuzzers_seed_of_format_2_is_format_1s_member_file_with_the_graph_this_build_writes() {
    let at = concat!(env!("CARGO_MANIFEST_DIR"), "/fuzz/seeds/strategy_file/member-format-2.json");
    let seed = std::fs::read_to_string(at).unwrap();
    let v1: Value = serde_json::from_str(&read("v1/member.json")).unwrap();
    let nodes: Vec<Node> = serde_json::from_value(v1["lineage"]["graph"].clone()).unwrap();
    let written: Value = serde_json::from_str(&seed).unwrap();
    assert_eq!(written["lineage"]["graph"], json!(Nodes::from(nodes).compact()));
    let file = import(&seed).unwrap();
    assert_eq!(file.migrated_from, None);
    assert_eq!(file.lineage.unwrap().graph.len(), 5);
}
