//! The contributor documents stay maps: ARCHITECTURE.md and CONTRIBUTING.md are at most 250 lines
//! each, every path they write in backticks exists, and every link into them from the repository's
//! documents lands on a file and a heading that exist. A module's doc (`//!`) names only what
//! the code still has: a renamed item cannot leave a stale name behind.

mod common;

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::{Path, PathBuf};

const MAPS: [&str; 2] = ["ARCHITECTURE.md", "CONTRIBUTING.md"];
const MAX_LINES: usize = 250;
/// The documents whose links are checked (the maps, and those that link into them).
const LINKING: [&str; 5] = ["ARCHITECTURE.md", "CONTRIBUTING.md", "README.md", "docs/DEPLOY.md", "docs/perf.md"];
/// What a build or a run makes: named by the documents, absent from a fresh checkout.
const MADE: [&str; 5] = ["dist/", "target/", "node_modules/", "test-results/", "fuzz/artifacts/"];

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn read(doc: &str) -> String {
    fs::read_to_string(root().join(doc)).unwrap_or_else(|e| panic!("{doc}: {e}"))
}

/// Every file's name in the repository (outside what git ignores or a build makes), for a bare
/// name such as `SHIRUBE.md`.
fn names(dir: &Path, out: &mut BTreeSet<String>) {
    for entry in fs::read_dir(dir).unwrap().flatten() {
        let name = entry.file_name().to_string_lossy().into_owned();
        if name.starts_with('.')
            || ["target", "node_modules", "dist", "test-results", "corpus"].contains(&name.as_str())
        {
            continue;
        }
        if entry.path().is_dir() {
            names(&entry.path(), out);
        } else {
            out.insert(name);
        }
    }
}

/// The words written in backticks: inline code spans, and the lines of fenced blocks (without a
/// shell comment).
fn code_words(text: &str) -> Vec<(usize, String)> {
    let mut words = Vec::new();
    let mut fenced = false;
    for (n, line) in text.lines().enumerate() {
        if line.trim_start().starts_with("```") {
            fenced = !fenced;
            continue;
        }
        let spans: Vec<&str> = if fenced {
            vec![line.split(" # ").next().unwrap_or("")]
        } else {
            line.split('`').skip(1).step_by(2).collect()
        };
        for span in spans {
            words.extend(span.split_whitespace().map(|w| (n + 1, w.to_string())));
        }
    }
    words
}

/// A word that names a file or folder of the repository: only path characters, a '/' or a known
/// extension, relative (not a route, a URL, a home folder or a placeholder such as `<name>`).
fn looks_like_path(word: &str) -> bool {
    let word = word.trim_end_matches([',', ';', ')']);
    let path_chars = word.chars().all(|c| c.is_ascii_alphanumeric() || "_.-/".contains(c));
    let named = word.contains('/') || [".rs", ".md", ".sh", ".mjs", ".ts"].iter().any(|e| word.ends_with(e));
    path_chars && named && !word.starts_with('/') && !word.starts_with('.') && word.len() > 3
}

/// The folders a section's heading names (`### \`src/ui/\``): a path in that section may be
/// written relative to one of them.
fn heading_folders(line: &str) -> Vec<String> {
    line.split('`').skip(1).step_by(2).filter(|w| w.ends_with('/')).map(String::from).collect()
}

fn exists(word: &str, bases: &[String], all_names: &BTreeSet<String>) -> bool {
    let word = word.trim_end_matches([',', ';', ')']);
    if MADE.iter().any(|m| word.starts_with(m)) {
        return true;
    }
    if !word.contains('/') {
        return all_names.contains(word);
    }
    ["", "src/"]
        .iter()
        .map(|b| b.to_string())
        .chain(bases.iter().cloned())
        .any(|base| root().join(base).join(word).exists())
}

#[test]
fn the_maps_are_at_most_250_lines() {
    for doc in MAPS {
        let lines = read(doc).lines().count();
        assert!(lines <= MAX_LINES, "{doc} has {lines} lines, over {MAX_LINES}: a map, not a diary");
    }
}

#[test]
fn every_path_the_maps_name_exists() {
    let mut all_names = BTreeSet::new();
    names(&root(), &mut all_names);
    let mut missing = Vec::new();
    for doc in MAPS {
        let text = read(doc);
        let mut bases = Vec::new();
        let headings: Vec<(usize, Vec<String>)> = text
            .lines()
            .enumerate()
            .filter(|(_, l)| l.starts_with('#'))
            .map(|(n, l)| (n + 1, heading_folders(l)))
            .collect();
        for (line, word) in code_words(&text) {
            if let Some((_, folders)) = headings.iter().rev().find(|(n, _)| *n <= line) {
                bases.clone_from(folders);
            }
            if looks_like_path(&word) && !exists(&word, &bases, &all_names) {
                missing.push(format!("{doc}:{line}: `{word}`"));
            }
        }
    }
    assert!(missing.is_empty(), "paths that do not exist:\n{}", missing.join("\n"));
}

/// GitHub's anchor of a heading: lower case, spaces as '-', punctuation other than '-' and '_'
/// dropped.
fn anchor(heading: &str) -> String {
    heading
        .trim_start_matches('#')
        .trim()
        .chars()
        .filter_map(|c| match c {
            ' ' => Some('-'),
            '-' | '_' => Some(c),
            c if c.is_alphanumeric() => Some(c.to_lowercase().next().unwrap()),
            _ => None,
        })
        .collect()
}

#[test]
fn every_link_between_the_documents_lands() {
    let mut broken = Vec::new();
    for doc in LINKING {
        let text = read(doc);
        let dir = Path::new(doc).parent().unwrap_or(Path::new(""));
        for (n, line) in text.lines().enumerate() {
            for target in line.split("](").skip(1).filter_map(|rest| rest.split(')').next()) {
                if target.contains("://") || target.starts_with("mailto:") {
                    continue;
                }
                let (file, fragment) = target.split_once('#').unwrap_or((target, ""));
                let path = if file.is_empty() { PathBuf::from(doc) } else { dir.join(file) };
                let full = root().join(&path);
                if !full.exists() {
                    broken.push(format!("{doc}:{}: {target} (no such file)", n + 1));
                } else if !fragment.is_empty() && full.extension().is_some_and(|e| e == "md") {
                    let headings: BTreeSet<String> =
                        fs::read_to_string(&full).unwrap().lines().filter(|l| l.starts_with('#')).map(anchor).collect();
                    if !headings.contains(fragment) {
                        broken.push(format!("{doc}:{}: {target} (no such heading)", n + 1));
                    }
                }
            }
        }
    }
    assert!(broken.is_empty(), "links that do not land:\n{}", broken.join("\n"));
}

/// Crates outside this one that module docs name by path.
const OUTSIDE: &[&str] = &[
    "std",
    "core",
    "alloc",
    "leptos",
    "web_sys",
    "js_sys",
    "wasm_bindgen",
    "wasm_bindgen_futures",
    "serde",
    "serde_json",
    "docx_rs",
    "rust_xlsxwriter",
    "calamine",
    "zip",
    "maud",
    "charming",
    "proptest",
    "thiserror",
    "indexed_db_futures",
    "xxhash_rust",
    "qrcode",
    "encoding_rs",
    "csv",
    "pulldown_cmark",
    "send_wrapper",
    "chrono",
    "uuid",
    "base64",
];

/// Code with its comments and the insides of its strings blanked, so only code's words remain.
fn code_only(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    let mut in_string = false;
    while let Some(c) = chars.next() {
        if in_string {
            match c {
                '\\' => {
                    chars.next();
                }
                '"' => in_string = false,
                '\n' => out.push('\n'),
                _ => {}
            }
            continue;
        }
        match c {
            '/' if chars.peek() == Some(&'/') => {
                for c in chars.by_ref() {
                    if c == '\n' {
                        out.push('\n');
                        break;
                    }
                }
            }
            '"' => in_string = true,
            _ => out.push(c),
        }
    }
    out
}

fn words(code: &str) -> BTreeSet<String> {
    code.split(|c: char| !(c.is_alphanumeric() || c == '_')).filter(|w| !w.is_empty()).map(str::to_owned).collect()
}

/// The crate's modules by path (`history::nodes`, `ui::kit`), each with the words of its file's code.
fn modules() -> BTreeMap<String, BTreeSet<String>> {
    common::rust_files("src")
        .iter()
        .map(|p| {
            let name = common::name(p);
            let rest = name.strip_prefix("src/").unwrap_or(&name).strip_suffix(".rs").unwrap_or(&name);
            let mut parts: Vec<&str> = rest.split('/').collect();
            if matches!(parts.last(), Some(&"mod" | &"lib")) {
                parts.pop();
            }
            (parts.join("::"), words(&code_only(&fs::read_to_string(p).unwrap())))
        })
        .collect()
}

/// The names in a module doc's code spans written as Rust paths (`history::nodes`,
/// `Store::folder_base`, `crate::format::graph`) that the code does not have: a path from one of
/// the crate's modules must name a module, then something its file's code names; any other path
/// must be words of the crate's code.
fn stale_names(doc: &str, modules: &BTreeMap<String, BTreeSet<String>>, all_words: &BTreeSet<String>) -> Vec<String> {
    let mut stale = Vec::new();
    for span in doc.split('`').skip(1).step_by(2) {
        let span = span.trim_end_matches("()").trim_end_matches('!');
        let span = span.strip_prefix("crate::").unwrap_or(span);
        let segments: Vec<&str> = span.split("::").collect();
        let is_path = segments.len() > 1
            && segments.iter().all(|s| {
                s.chars().next().is_some_and(|c| c.is_alphabetic() || c == '_')
                    && s.chars().all(|c| c.is_alphanumeric() || c == '_')
            });
        if !is_path || OUTSIDE.contains(&segments[0]) || ["super", "self", "Self"].contains(&segments[0]) {
            continue;
        }
        let mut module = String::new();
        let mut rest = &segments[..];
        while let Some((first, after)) = rest.split_first() {
            let longer = if module.is_empty() { first.to_string() } else { format!("{module}::{first}") };
            if !modules.contains_key(&longer) {
                break;
            }
            module = longer;
            rest = after;
        }
        let found = match (rest.split_first(), modules.get(&module).filter(|_| !module.is_empty())) {
            (None, _) => true,
            (Some((name, after)), Some(own)) => own.contains(*name) && after.iter().all(|w| all_words.contains(*w)),
            (Some(_), None) => rest.iter().all(|w| all_words.contains(*w)),
        };
        if !found {
            stale.push(span.to_owned());
        }
    }
    stale
}

#[test]
fn module_docs_name_only_what_the_code_has() {
    let modules = modules();
    let all_words: BTreeSet<String> = modules.values().flatten().cloned().collect();
    let mut stale = Vec::new();
    for path in common::rust_files("src") {
        let text = fs::read_to_string(&path).unwrap();
        let doc: String =
            text.lines().filter_map(|l| l.trim_start().strip_prefix("//!")).collect::<Vec<_>>().join("\n");
        for name in stale_names(&doc, &modules, &all_words) {
            stale.push(format!("{}: `{name}`", common::name(&path)));
        }
    }
    assert!(stale.is_empty(), "module docs name what the code no longer has:\n{}", stale.join("\n"));
}

#[test]
fn a_stale_name_in_a_module_doc_fails() {
    let modules = BTreeMap::from([
        ("history".to_owned(), BTreeSet::from(["nodes".to_owned(), "Graph".to_owned()])),
        ("history::nodes".to_owned(), BTreeSet::from(["Nodes".to_owned()])),
        ("storage".to_owned(), BTreeSet::from(["Store".to_owned()])),
    ]);
    let all: BTreeSet<String> = modules.values().flatten().cloned().chain(["member_file".to_owned()]).collect();
    let doc = "Its graph (`history::Graph`, `history::nodes::Nodes`, `Store::member_file()`), not \
               `history::compact`, `Store::folder_base`, nor `crate::history::nodes::Gone`; `leptos::view!` \
               and `#/s/<id>/folder` are no names of ours.";
    assert_eq!(
        stale_names(doc, &modules, &all),
        ["history::compact", "Store::folder_base", "history::nodes::Gone"],
        "a stale name in a module doc is found, a present one is not"
    );
}
