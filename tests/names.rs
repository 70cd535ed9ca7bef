//! One name per meaning: a public type name (`pub`, `pub(crate)`, `pub(super)` struct, enum, type
//! or trait) defined in two or more files of product code makes a reader wonder whether the two
//! are one thing (STYLE.md 13). No name is: a second definition fails the test, naming its files.

#![cfg(not(target_arch = "wasm32"))]

mod common;

use common::name;
use std::collections::{BTreeMap, BTreeSet};
use std::fs;

/// A module of tests only: `tests.rs`, `…_tests.rs`, `tests_….rs`, `testing.rs`, a `proptests`
/// file, or under a `tests/` folder.
fn is_tests(name: &str) -> bool {
    let file = name.rsplit('/').next().unwrap_or(name);
    name.contains("/tests/")
        || name.contains("/proptests/")
        || file.ends_with("tests.rs")
        || file.starts_with("tests_")
        || file == "testing.rs"
}

/// The type names a file's product code defines as public (an inline `#[cfg(test)] mod … {`
/// ends its product code).
fn public_types(text: &str) -> BTreeSet<String> {
    let mut out = BTreeSet::new();
    let mut lines = text.lines().peekable();
    while let Some(line) = lines.next() {
        let l = line.trim_start();
        if l.starts_with("#[cfg(test)]") || l.starts_with("#[cfg(all(test") {
            if lines.peek().is_some_and(|next| next.contains("mod ") && next.trim_end().ends_with('{')) {
                break;
            }
            continue;
        }
        let Some(rest) = l.strip_prefix("pub") else { continue };
        let rest = match rest.strip_prefix('(') {
            Some(r) => r.split_once(')').map_or("", |(_, r)| r),
            None => rest,
        };
        let mut words = rest.split_whitespace();
        if !matches!(words.next(), Some("struct" | "enum" | "type" | "trait")) {
            continue;
        }
        let Some(word) = words.next() else { continue };
        let ident: String = word.chars().take_while(|c| c.is_alphanumeric() || *c == '_').collect();
        if ident.starts_with(|c: char| c.is_ascii_uppercase()) {
            out.insert(ident);
        }
    }
    out
}

/// Each public type name defined in two or more product files, with those files.
fn doubles() -> BTreeMap<String, Vec<String>> {
    let mut by_name: BTreeMap<String, Vec<String>> = BTreeMap::new();
    for path in common::rust_files("src") {
        let file = name(&path);
        if is_tests(&file) {
            continue;
        }
        for ty in public_types(&fs::read_to_string(&path).unwrap()) {
            by_name.entry(ty).or_default().push(file.clone());
        }
    }
    by_name.retain(|_, files| files.len() > 1);
    by_name
}

#[test]
fn a_public_type_name_means_one_thing() {
    let found = doubles();
    assert!(found.is_empty(), "public type names defined in two or more files (rename one to what it is): {found:#?}");
}

#[test]
fn the_check_sees_what_it_looks_for() {
    let text = "pub struct Row {}\npub(crate) enum Kind { A }\npub(super) type Verdict = u8;\npub trait Shape {}\nstruct Hidden;\npub fn Component() {}\n#[cfg(test)]\nmod tests;\n#[cfg(test)]\nfn helper() {\n}\npub struct After;\n#[cfg(test)]\nmod more {\n    pub struct InTests;\n}";
    let found: Vec<String> = public_types(text).into_iter().collect();
    assert_eq!(found, ["After", "Kind", "Row", "Shape", "Verdict"]);
    assert!(is_tests("src/format/csv/tests/mod.rs") && is_tests("src/model/merge/tests.rs"));
    assert!(!is_tests("src/model/round/items.rs"));
}
