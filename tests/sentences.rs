//! Sentences are built in `words`, not in `ui`: a component shows what a `words` function says,
//! and the function, taking the language and the values, is tested natively. This test reads
//! `src/ui/` as text and fails on a sentence built inline: a `Language::Ja` or `Language::En`
//! arm (or an `== Language::Ja` branch) whose value is a `format!`. Labels without values stay
//! inline as `tr(lang, ja, en)`. What breaks the rule today is listed below by file with its
//! count, and the list may only shrink.

#![cfg(not(target_arch = "wasm32"))]

use std::collections::BTreeMap;
mod common;

use common::{name, rust_files};
use std::fs;

/// The `ui` files that build sentences inline today, with how many arms (`Language::Ja` and
/// `Language::En` each count): none, and none may come.
const KNOWN_INLINE: &[(&str, usize)] = &[];

/// `text` with its comments dropped, its string literals emptied and its whitespace folded to
/// single spaces, so that a sentence's words or a comment never look like code.
fn folded_code(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '/' if chars.peek() == Some(&'/') => {
                for c in chars.by_ref() {
                    if c == '\n' {
                        break;
                    }
                }
                out.push(' ');
            }
            '"' => {
                out.push('"');
                while let Some(c) = chars.next() {
                    match c {
                        '\\' => {
                            chars.next();
                        }
                        '"' => break,
                        _ => {}
                    }
                }
                out.push('"');
            }
            c if c.is_whitespace() => {
                if !out.ends_with(' ') {
                    out.push(' ');
                }
            }
            c => out.push(c),
        }
    }
    out
}

/// How many sentences `text` builds inline: arms `Language::Ja => format!(…)` (also with a
/// guard, `=> { format!(…) }`, or in a tuple pattern `(_, Language::En) =>`), and branches
/// `if lang == Language::Ja { format!(…) }`.
fn inline_sentences(text: &str) -> usize {
    let code = folded_code(text);
    let mut found = 0;
    for language in ["Language::Ja", "Language::En"] {
        for (at, _) in code.match_indices(language) {
            let rest = code[at + language.len()..].trim_start_matches(')').trim_start();
            let after_arm = if let Some(guarded) = rest.strip_prefix("if ") {
                guarded.find("=>").map(|p| &guarded[p + 2..])
            } else {
                rest.strip_prefix("=>")
            };
            let body = after_arm.or_else(|| code[..at].trim_end().ends_with("==").then_some(rest));
            let Some(body) = body else { continue };
            let body = body.trim_start().trim_start_matches('{').trim_start();
            if body.starts_with("format!") {
                found += 1;
            }
        }
    }
    found
}

#[test]
fn the_ui_builds_no_sentence_inline() {
    let found: BTreeMap<String, usize> = rust_files("src/ui")
        .iter()
        .map(|p| (name(p), inline_sentences(&fs::read_to_string(p).unwrap())))
        .filter(|(_, n)| *n > 0)
        .collect();
    let known: BTreeMap<String, usize> = KNOWN_INLINE.iter().map(|(f, n)| (f.to_string(), *n)).collect();
    let mut wrong = Vec::new();
    for (file, n) in &found {
        match known.get(file) {
            None => wrong.push(format!("{file}: {n} sentences built inline (move them to a `words` function)")),
            Some(was) if n > was => wrong.push(format!("{file}: {n} sentences built inline, up from {was}")),
            Some(was) if n < was => wrong.push(format!("{file}: now {n}: lower it in KNOWN_INLINE (was {was})")),
            Some(_) => {}
        }
    }
    for (file, was) in &known {
        if !found.contains_key(file) {
            wrong.push(format!("{file}: builds no sentence inline now (was {was}): take it off KNOWN_INLINE"));
        }
    }
    assert!(wrong.is_empty(), "sentences built in ui/ (tests/sentences.rs):\n{}", wrong.join("\n"));
}

#[test]
fn every_way_of_building_a_sentence_inline_is_seen() {
    let arm = "match lang {\n    Language::Ja => format!(\"{n} 件\"),\n    Language::En => format!(\"{n} items\"),\n}";
    assert_eq!(inline_sentences(arm), 2);
    let block = "match lang {\n    Language::Ja => {\n        format!(\"{n} 件\")\n    }\n    crate::locale::Language::En => \"items\".into(),\n}";
    assert_eq!(inline_sentences(block), 1, "a block arm counts; a plain string does not");
    let guarded = "match lang { Language::Ja if n > 1 => format!(\"{n}\"), _ => String::new() }";
    assert_eq!(inline_sentences(guarded), 1);
    let tuple = "match (plain, lang) { (false, Language::Ja) => format!(\"（{unit}）\"), _ => x }";
    assert_eq!(inline_sentences(tuple), 1);
    let branch = "if lang == Language::Ja { format!(\"{a}年\") } else { format!(\"{a}\") }";
    assert_eq!(inline_sentences(branch), 1);
    let called =
        "let t = words::import::counts(c, lang); // Language::Ja => format!(…)\nlet s = \"Language::Ja => format!\";";
    assert_eq!(inline_sentences(called), 0, "a call, a comment and a string build nothing");
    let label = "match lang { Language::Ja => s.japanese(), Language::En => s.english() }";
    assert_eq!(inline_sentences(label), 0);
}
