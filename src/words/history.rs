//! A file's version history in words: a list of it longer than its limit (Shirube never writes
//! one: the file was changed by another tool, or is damaged), or a graph that cannot be read.

use crate::format::VersionList;
use crate::locale::Language;

/// 「lineage.graph: 版の履歴が上限の 4,096 件を超えています…」, naming the list and its limit.
pub(super) fn too_many(path: &str, list: VersionList, limit: usize, lang: Language) -> String {
    let n = grouped(limit);
    let list = match (list, lang) {
        (VersionList::Graph, Language::Ja) => format!("版の履歴（版のつながり）が上限の {n} 件を超えています"),
        (VersionList::Graph, Language::En) => format!("the version history holds more than {n} versions, its limit"),
        (VersionList::Parents, Language::Ja) => format!("一つの版の元になった版が上限の {n} つを超えています"),
        (VersionList::Parents, Language::En) => format!("a version has more than {n} parents, the limit"),
        (VersionList::Versions, Language::Ja) => format!("以前の版の一覧が上限の {n} 件を超えています"),
        (VersionList::Versions, Language::En) => format!("the list of earlier versions holds more than {n}, its limit"),
    };
    match lang {
        Language::Ja => format!(
            "{path}: {list}。Shirube はこのようなファイルを書かないため、別のツールで書き換えられたか、壊れています"
        ),
        Language::En => {
            format!("{path}: {list}. Shirube never writes such a file: it was changed by another tool, or is damaged")
        }
    }
}

/// 「lineage.graph: 版の履歴（版のつながり）を読み取れません…」: a version graph's compact string
/// that is cut short or changed (`detail`: where, in English).
pub(super) fn damaged(path: &str, detail: &str, lang: Language) -> String {
    match lang {
        Language::Ja => format!(
            "{path}: 版の履歴（版のつながり）を読み取れません。途中で切れているか、別のツールで書き換えられています"
        ),
        Language::En => format!(
            "{path}: the version history cannot be read ({detail}): it was cut short or changed by another tool"
        ),
    }
}

/// 「head: 版の ID 'xyz' は 32 桁の16進数ではありません…」: a version's id of another form.
pub(super) fn not_a_version_id(path: &str, found: &str, lang: Language) -> String {
    match lang {
        Language::Ja => format!(
            "{path}: 版の ID '{found}' は 32 桁の16進数（0–9, a–f）ではありません。Shirube はこのような ID を書かないため、別のツールで書き換えられたか、壊れています"
        ),
        Language::En => format!(
            "{path}: the version id '{found}' is not 32 hexadecimal digits (0–9, a–f). Shirube never writes such an id: the file was changed by another tool, or is damaged"
        ),
    }
}

/// A count with thousands separators: 4,096.
fn grouped(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// Another strategy as a 新旧対照表's 改正前: 「前期：第2期…」 for the previous period's.
pub fn compared_strategy(other: &crate::session::compare_with::Other, lang: Language) -> String {
    match (other.previous, lang) {
        (true, Language::Ja) => format!("前期：{}", other.title.trim()),
        (true, Language::En) => format!("Previous period: {}", other.title.trim()),
        (false, Language::Ja) => format!("別の戦略：{}", other.title.trim()),
        (false, Language::En) => format!("Another strategy: {}", other.title.trim()),
    }
}

/// How many rows a 新旧対照表 has: 「変更 12 箇所」.
pub fn old_new_count(rows: usize, lang: Language) -> String {
    match lang {
        Language::Ja => format!("変更 {rows} 箇所"),
        Language::En => format!("{rows} changes"),
    }
}

/// Why no 新旧対照表 between two strategies: nothing in common.
pub fn old_new_refusal(r: crate::model::compare::Refusal, lang: Language) -> &'static str {
    match (r, lang) {
        (crate::model::compare::Refusal::Unrelated, Language::Ja) => {
            "この二つは別の戦略です。同じ項目も、次期へ引き継いだ指標もないため、新旧対照表は作れません（すべてを変更として並べることはしません）。"
        }
        (crate::model::compare::Refusal::Unrelated, Language::En) => {
            "These are two different strategies: no item in common and no indicator carried from one to the other, so there is no 新旧対照表 to make (listing everything as changed would say nothing)."
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::format::{open, ImportError, MAX_FILE_BYTES};
    use crate::words::import_error;

    #[test]
    fn a_graph_over_its_limit_is_refused_naming_the_limit_not_the_id_rule() {
        // A strategy file whose graph holds one version more than its limit: as this build
        // writes it (one compact string), and as format 1 did (a list of nodes).
        let s = crate::model::merge::edits::town();
        let text = crate::format::export(&s, "2026-12-01T09:00:00Z");
        let mut file: serde_json::Value = serde_json::from_str(&text).unwrap();
        let max = crate::history::MAX_GRAPH;
        let node =
            |i: usize| crate::history::Node { id: crate::model::VersionId::from_bits(i as u128), parents: vec![] };
        let list: Vec<_> = (0..=max).map(node).collect();
        let compact = crate::history::Nodes::from(list.clone()).compact();
        let mut refusals = Vec::new();
        for (version, graph) in [(2, serde_json::json!(compact)), (1, serde_json::json!(list))] {
            file["version"] = serde_json::json!(version);
            file["lineage"] = serde_json::json!({ "head": format!("{:032x}", 0), "graph": graph });
            let text = serde_json::to_string(&file).unwrap();
            assert!((text.len() as u64) < MAX_FILE_BYTES);
            let Err(refused) = open(text.as_bytes()) else { panic!("format {version}: not refused") };
            refusals.push(refused);
        }
        let refused = refusals[0].clone();
        assert_eq!(refusals[1], refused, "format 1's list is refused as format 2's string");
        assert_eq!(
            refused,
            ImportError::TooManyVersions { path: "lineage.graph".into(), list: VersionList::Graph, limit: max }
        );
        let [ja] = import_error(&refused, Language::Ja).try_into().unwrap();
        assert_eq!(
            ja,
            "lineage.graph: 版の履歴（版のつながり）が上限の 4,096 件を超えています。Shirube はこのようなファイルを書かないため、別のツールで書き換えられたか、壊れています"
        );
        assert!(!ja.contains("ID"), "not the id rule's words: {ja}");
        let [en] = import_error(&refused, Language::En).try_into().unwrap();
        assert!(en.contains("more than 4,096 versions"), "{en}");
    }

    #[test]
    fn counts_are_grouped_by_thousands() {
        assert_eq!([grouped(2), grouped(200), grouped(4096), grouped(1_234_567)], ["2", "200", "4,096", "1,234,567"]);
    }
}
