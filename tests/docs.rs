//! The contributor documents stay maps: ARCHITECTURE.md and CONTRIBUTING.md are at most 250 lines
//! each, every path they write in backticks exists, and every link into them from the repository's
//! documents lands on a file and a heading that exist.

use std::collections::BTreeSet;
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
