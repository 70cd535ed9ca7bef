//! The layers of ARCHITECTURE.md, checked on the source as text: a module imports
//! only from the layers below it (`model` ← `history` ← `format` ← `storage` ← `session` ← `words` ← `ui`, with
//! `charts`, `locale`'s core, `examples` and `sorting` beside them); only `storage` names the browser's storage APIs;
//! only `ui/state` calls the store; components take their feature's context, not the whole app
//! state; no files import each other in a cycle of any length; no file passes 500 lines and no
//! function 150. What breaks a rule today is listed
//! below by name, each with why, and the list may only shrink: an entry that no longer breaks its
//! rule fails the test until it is taken off.

#![cfg(not(target_arch = "wasm32"))]

use std::collections::{BTreeMap, BTreeSet};
mod common;

use common::name;
use std::fs;
use std::path::PathBuf;

/// What each top-level module may import (`crate::<module>`), besides itself.
const MAY_IMPORT: &[(&str, &[&str])] = &[
    ("sorting", &[]),
    ("model", &["sorting"]),
    ("history", &["model", "sorting"]),
    ("locale", &["model", "sorting"]),
    ("format", &["model", "history", "locale", "sorting"]),
    ("examples", &["model", "format"]),
    ("charts", &["model", "locale", "sorting"]),
    ("storage", &["model", "history", "format", "locale", "sorting"]),
    ("session", &["model", "history", "format", "storage", "locale", "charts", "examples", "sorting"]),
    ("words", &["model", "history", "format", "storage", "session", "locale", "sorting"]),
    ("ui", &["model", "history", "format", "storage", "session", "locale", "words", "charts", "examples", "sorting"]),
    (
        "bench",
        &["model", "history", "format", "storage", "session", "locale", "words", "charts", "examples", "sorting"],
    ),
];

/// `ui` files outside `ui/state` that call the store today (none: the version
/// history, the table import's mappings and the region page read through `ui/state/reads`).
const KNOWN_STORE_CALLERS: &[&str] = &[];

/// The `ui` files that take the whole app state (`use_app()`, `AppState`): the app's wiring
/// (timers, listeners, routes) and its header (preferences, storage's state). Every component
/// takes the context of its feature instead (`use_library`, `use_edits`,
/// `use_importing`, `use_regions`, `use_notice_board`, `use_navigation`, `use_downloads`,
/// `use_speech`); `speech` names `AppState` to speak as the app does.
const WHOLE_STATE_TAKERS: &[&str] = &["src/ui/shell/app.rs", "src/ui/shell/header.rs", "src/ui/speech.rs"];

/// Pairs of modules of one layer that import each other today: none. (`storage/store` and
/// `storage/versions` did until the stored records' `to_json` had a file of its own; `ui/pages`
/// held the lazily loaded parts of the import preview, the notices and the region rows, which
/// called back into it; `speech` and `state` did until the features' contexts; `format`'s backup
/// and region files until what they share moved to `format::entries`.) The list may only shrink.
const KNOWN_CIRCLES: &[(&str, &str)] = &[];

/// Files over 500 lines today.
const KNOWN_LONG: &[&str] =
    &["src/model/indicator.rs", "src/bench/stats.rs", "src/model/merge/tests.rs", "src/model/grant/mod.rs"];

const MAX_LINES: usize = 500;

/// Functions over [`MAX_FN_LINES`] lines today: file, function, its length now. The
/// list may only shrink: a listed function that grows fails the test, and so does one that is
/// now within the limit (take it off). Split a long component into components that each own
/// one part of the form, sharing its signals.
const KNOWN_LONG_FNS: &[(&str, &str, usize)] = &[
    ("src/bench/stats.rs", "report", 203),
    ("src/bin/bench.rs", "main", 168),
    ("src/model/achievement/tests.rs", "cases", 391),
    ("src/ui/edit/indicator_form/mod.rs", "IndicatorEditor", 154),
    ("src/ui/edit/measure_form/mod.rs", "Initiatives", 151),
    ("src/ui/edit/realign.rs", "RealignForm", 174),
    ("src/ui/output/outline_import.rs", "OutlineImport", 161),
    ("src/ui/output/table_import/mod.rs", "TableImport", 183),
    ("src/ui/output/print/sheets.rs", "sheet_view", 165),
    ("src/ui/region/grants.rs", "Grants", 158),
    ("src/ui/strategy/list.rs", "StrategyList", 173),
    ("src/ui/workshop/notes_page.rs", "NotesPage", 190),
    ("src/words/notice.rs", "notice", 246),
    ("src/words/problems.rs", "problem_kind", 189),
];

/// A function fits in a head (STYLE.md 27: Leptos' `Todos` is about 90 lines).
const MAX_FN_LINES: usize = 150;

/// The browser's storage APIs, as code names them (not as words in a sentence).
const STORAGE_APIS: &[&str] = &[
    "local_storage()",
    "session_storage()",
    "web_sys::Storage",
    "indexed_db_futures",
    "IdbDatabase",
    "IdbFactory",
    "IdbObjectStore",
];

fn sources() -> Vec<PathBuf> {
    common::rust_files("src")
}

/// A module of tests only (declared under `#[cfg(test)]` by its parent): `tests.rs`,
/// `…_tests.rs`, `testing.rs`, or under a `tests/` folder.
fn is_tests(name: &str) -> bool {
    let file = name.rsplit('/').next().unwrap_or(name);
    name.contains("/tests/") || file.ends_with("tests.rs") || file == "testing.rs"
}

/// One form for a module with children (`foo/mod.rs`, never `foo.rs` beside `foo/`) and one for
/// a topic's tests (`foo_tests.rs`, never `tests_foo.rs`).
#[test]
fn modules_and_test_files_have_one_form_each() {
    let files: Vec<String> = sources().iter().map(|p| p.to_string_lossy().replace('\\', "/")).collect();
    let mut odd: Vec<&str> = files
        .iter()
        .filter(|f| {
            let file = f.rsplit('/').next().unwrap_or(f);
            let beside = f.strip_suffix(".rs").is_some_and(|dir| std::path::Path::new(dir).is_dir());
            file.starts_with("tests_") || (beside && file != "mod.rs")
        })
        .map(String::as_str)
        .collect();
    odd.sort_unstable();
    assert!(odd.is_empty(), "files of another form: {odd:?}");
}

/// The top-level module a file belongs to (`src/ui/shell/app.rs` → `ui`, `src/sorting.rs` → `sorting`).
fn layer(name: &str) -> Option<&str> {
    let rest = name.strip_prefix("src/")?;
    let first = rest.split('/').next()?;
    Some(first.strip_suffix(".rs").unwrap_or(first))
}

/// A file's code before its tests (`#[cfg(test)]` modules come last; one declared in a line of
/// its own, `#[cfg(test)] mod tests;`, is blanked where it stands and the code after it read),
/// each line without its `//` comment and with string literals emptied (a sentence may name
/// anything).
fn code(text: &str) -> Vec<String> {
    let is_test_cfg = |l: &str| {
        let l = l.trim_start();
        l.starts_with("#[cfg(test)]") || l.starts_with("#[cfg(all(test")
    };
    let lines: Vec<&str> = text.lines().collect();
    let mut out = Vec::new();
    let mut at = 0;
    while at < lines.len() {
        if is_test_cfg(lines[at]) {
            let declared = lines.get(at + 1).is_some_and(|next| {
                let next = next.trim();
                next.contains("mod ") && next.ends_with(';')
            });
            if !declared {
                break;
            }
            out.extend([String::new(), String::new()]);
            at += 2;
            continue;
        }
        out.push(without_strings_and_comments(lines[at]));
        at += 1;
    }
    out
}

fn without_strings_and_comments(line: &str) -> String {
    let mut out = String::new();
    let mut chars = line.chars().peekable();
    let mut in_string = false;
    while let Some(c) = chars.next() {
        match (in_string, c) {
            (false, '/') if chars.peek() == Some(&'/') => break,
            (false, '"') => {
                in_string = true;
                out.push('"');
            }
            (true, '\\') => {
                chars.next();
            }
            (true, '"') => {
                in_string = false;
                out.push('"');
            }
            (true, _) => {}
            (false, _) => out.push(c),
        }
    }
    out
}

/// The top-level modules a file's code names as `crate::<module>`.
fn imports(code: &[String]) -> BTreeSet<String> {
    let mut out = BTreeSet::new();
    for line in code {
        for (at, _) in line.match_indices("crate::") {
            let module: String = line[at + 7..].chars().take_while(|c| c.is_alphanumeric() || *c == '_').collect();
            if !module.is_empty() {
                out.insert(module);
            }
        }
    }
    out
}

#[test]
fn each_module_imports_only_from_the_layers_below_it() {
    let rules: BTreeMap<&str, &[&str]> = MAY_IMPORT.iter().copied().collect();
    let mut upward = Vec::new();
    for path in sources() {
        let name = name(&path);
        if is_tests(&name) {
            continue;
        }
        let Some(from) = layer(&name) else { continue };
        let Some(allowed) = rules.get(from) else { continue };
        for to in imports(&code(&fs::read_to_string(&path).unwrap())) {
            let layered = rules.contains_key(to.as_str());
            if !layered || to == from || allowed.contains(&to.as_str()) {
                continue;
            }
            upward.push(format!("{name}: {from} imports {to}"));
        }
    }
    assert!(upward.is_empty(), "imports from a layer above (ARCHITECTURE.md, layers):\n{}", upward.join("\n"));
}

#[test]
fn only_storage_names_the_browsers_storage() {
    let mut found = Vec::new();
    for path in sources() {
        let name = name(&path);
        if name.starts_with("src/storage/") || is_tests(&name) {
            continue;
        }
        for (n, line) in code(&fs::read_to_string(&path).unwrap()).iter().enumerate() {
            for api in STORAGE_APIS.iter().filter(|api| line.contains(*api)) {
                found.push(format!("{name}:{}: {api}", n + 1));
            }
        }
    }
    assert!(found.is_empty(), "the browser's storage outside storage/:\n{}", found.join("\n"));
}

/// The `ui` files outside `ui/state` whose code has a line that `matches`.
fn components_where(matches: impl Fn(&str) -> bool) -> BTreeSet<String> {
    sources()
        .into_iter()
        .map(|path| (name(&path), path))
        .filter(|(name, _)| name.starts_with("src/ui/") && !name.starts_with("src/ui/state/"))
        .filter(|(_, path)| code(&fs::read_to_string(path).unwrap()).iter().any(|l| matches(l)))
        .map(|(name, _)| name)
        .collect()
}

#[test]
fn only_the_app_state_calls_the_store() {
    let callers = components_where(|l| l.contains(".store()"));
    let known: BTreeSet<String> = KNOWN_STORE_CALLERS.iter().map(|s| s.to_string()).collect();
    let new: Vec<_> = callers.difference(&known).collect();
    let gone: Vec<_> = known.difference(&callers).collect();
    assert!(new.is_empty(), "ui files that call the store (go through ui/state): {new:?}");
    assert!(
        gone.is_empty(),
        "no longer call the store: take them off KNOWN_STORE_CALLERS in tests/layers.rs: {gone:?}"
    );
}

#[test]
fn components_take_their_features_context_not_the_whole_app_state() {
    let takers = components_where(|l| l.contains("use_app()") || l.contains("AppState"));
    let known: BTreeSet<String> = WHOLE_STATE_TAKERS.iter().map(|s| s.to_string()).collect();
    let new: Vec<_> = takers.difference(&known).collect();
    assert!(new.is_empty(), "components that take the whole AppState (take their feature's context): {new:?}");
    assert_eq!(takers, known, "the app's wiring takes it (else take it off WHOLE_STATE_TAKERS)");
}

/// The module a file belongs to, one level under its layer (`src/ui/region/list.rs` →
/// `ui/region`, `src/format/open.rs` → `format/open`); `None` for a layer's own file.
fn module(name: &str) -> Option<String> {
    let parts: Vec<&str> = name.strip_prefix("src/")?.split('/').collect();
    match parts.as_slice() {
        [layer, file] if *file != "mod.rs" => Some(format!("{layer}/{}", file.strip_suffix(".rs")?)),
        [layer, dir, ..] if parts.len() > 2 => Some(format!("{layer}/{dir}")),
        _ => None,
    }
}

/// The modules of its own layer a file's code names: `crate::<layer>::<module>`, and for a file
/// right under its layer, `super::<module>`.
fn sibling_imports(name: &str, code: &[String]) -> BTreeSet<String> {
    let (Some(layer), Some(own)) = (layer(name), module(name)) else { return BTreeSet::new() };
    let top_file = name.matches('/').count() == 2 || name.ends_with("/mod.rs") && name.matches('/').count() == 3;
    let mut out = BTreeSet::new();
    for line in code {
        let mut found = |prefix: &str| {
            for (at, _) in line.match_indices(prefix) {
                let m: String =
                    line[at + prefix.len()..].chars().take_while(|c| c.is_alphanumeric() || *c == '_').collect();
                if !m.is_empty() && m != "*" {
                    out.insert(format!("{layer}/{m}"));
                }
            }
        };
        found(&format!("crate::{layer}::"));
        if top_file {
            found("super::");
        }
    }
    out.remove(&own);
    out
}

#[test]
fn no_two_modules_of_a_layer_import_each_other() {
    let mut imports: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for path in sources() {
        let name = name(&path);
        if is_tests(&name) {
            continue;
        }
        let Some(own) = module(&name) else { continue };
        let code = code(&fs::read_to_string(&path).unwrap());
        imports.entry(own).or_default().extend(sibling_imports(&name, &code));
    }
    let mut circles = BTreeSet::new();
    for (a, theirs) in &imports {
        for b in theirs {
            if a < b && imports.get(b).is_some_and(|i| i.contains(a)) {
                circles.insert((a.clone(), b.clone()));
            }
        }
    }
    let known: BTreeSet<(String, String)> = KNOWN_CIRCLES.iter().map(|(a, b)| (a.to_string(), b.to_string())).collect();
    let new: Vec<_> = circles.difference(&known).collect();
    let gone: Vec<_> = known.difference(&circles).collect();
    assert!(new.is_empty(), "modules that import each other (move what both need into a third): {new:?}");
    assert!(gone.is_empty(), "no longer import each other: take them off KNOWN_CIRCLES in tests/layers.rs: {gone:?}");
}

/// The folders of `ui` that are the navigation's jobs (`session::route::Job`): one each.
const JOB_FOLDERS: &[&str] =
    &["overview", "edit", "charts", "vision", "drafting", "round", "folder", "history", "output", "workshop"];

/// The job folders (`ui/<job>`) a file's code names, other than its own: by `crate::ui::`, and
/// from a folder's `mod.rs` by `super::`.
fn other_jobs_named(name: &str, code: &[String]) -> BTreeSet<String> {
    let own = name.strip_prefix("src/ui/").and_then(|rest| rest.split('/').next()).unwrap_or("");
    let folder_root = name == format!("src/ui/{own}/mod.rs");
    let prefixes: &[&str] = if folder_root { &["crate::ui::", "super::"] } else { &["crate::ui::"] };
    let mut out = BTreeSet::new();
    for line in code {
        for prefix in prefixes {
            for (at, _) in line.match_indices(prefix) {
                let m: String =
                    line[at + prefix.len()..].chars().take_while(|c| c.is_alphanumeric() || *c == '_').collect();
                if JOB_FOLDERS.contains(&m.as_str()) && m != own {
                    out.insert(m);
                }
            }
        }
    }
    out
}

#[test]
fn no_job_reaches_into_another_jobs_folder() {
    let mut found = Vec::new();
    for path in sources() {
        let name = name(&path);
        let Some(job) = name.strip_prefix("src/ui/").and_then(|rest| rest.split('/').next()) else { continue };
        if !JOB_FOLDERS.contains(&job) || is_tests(&name) {
            continue;
        }
        for other in other_jobs_named(&name, &code(&fs::read_to_string(&path).unwrap())) {
            found.push(format!("{name} names ui/{other}"));
        }
    }
    assert!(
        found.is_empty(),
        "a job's file reaches into another job's folder (move what both use to ui/kit or session):\n{}",
        found.join("\n")
    );
    assert_eq!(JOB_FOLDERS.len(), shirube::session::route::Job::ALL.len(), "a folder per job of the navigation");
    for job in JOB_FOLDERS {
        assert!(std::path::Path::new("src/ui").join(job).join("mod.rs").exists(), "ui/{job}/mod.rs: a folder per job");
    }
    let sample = vec!["use crate::ui::round::x;".to_owned(), "crate::ui::drafting::y; crate::ui::kit::z".to_owned()];
    assert_eq!(
        other_jobs_named("src/ui/drafting/a.rs", &sample),
        BTreeSet::from(["round".to_owned()]),
        "the check sees a job named"
    );
}

#[test]
fn no_file_passes_500_lines() {
    let mut long = BTreeSet::new();
    for path in sources() {
        let lines = fs::read_to_string(&path).unwrap().lines().count();
        if lines > MAX_LINES {
            long.insert(format!("{} ({lines})", name(&path)));
        }
    }
    let names: BTreeSet<String> = long.iter().map(|l| l.split(' ').next().unwrap().to_owned()).collect();
    let known: BTreeSet<String> = KNOWN_LONG.iter().map(|s| s.to_string()).collect();
    let new: Vec<_> = long.iter().filter(|l| !known.contains(l.split(' ').next().unwrap())).collect();
    let gone: Vec<_> = known.difference(&names).collect();
    assert!(new.is_empty(), "files over {MAX_LINES} lines (split them by job): {new:?}");
    assert!(gone.is_empty(), "now within {MAX_LINES} lines: take them off KNOWN_LONG in tests/layers.rs: {gone:?}");
}

/// `text` with the insides of its comments, strings and character literals blanked (newlines
/// kept), so that braces and `fn` are counted only where they are code.
fn blanked(text: &str) -> String {
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len());
    let blank = |out: &mut String, c: char| out.push(if c == '\n' { '\n' } else { ' ' });
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        let next = chars.get(i + 1).copied();
        let ident_before = i > 0 && (chars[i - 1].is_alphanumeric() || chars[i - 1] == '_');
        if c == '/' && next == Some('/') {
            while i < chars.len() && chars[i] != '\n' {
                i += 1;
            }
            continue;
        } else if c == '/' && next == Some('*') {
            let mut depth = 0;
            while i < chars.len() {
                if chars[i] == '/' && chars.get(i + 1) == Some(&'*') {
                    depth += 1;
                    i += 1;
                } else if chars[i] == '*' && chars.get(i + 1) == Some(&'/') {
                    depth -= 1;
                    i += 2;
                    if depth == 0 {
                        break;
                    }
                    continue;
                }
                blank(&mut out, chars[i]);
                i += 1;
            }
            continue;
        } else if c == 'r' && !ident_before && matches!(next, Some('"' | '#')) {
            // A raw string: r"…", r#"…"#.
            let hashes = chars[i + 1..].iter().take_while(|c| **c == '#').count();
            if chars.get(i + 1 + hashes) != Some(&'"') {
                out.push(c);
                i += 1;
                continue;
            }
            out.push_str("r\"");
            i += 2 + hashes;
            let close: Vec<char> = std::iter::once('"').chain(std::iter::repeat_n('#', hashes)).collect();
            while i < chars.len() && !chars[i..].starts_with(&close) {
                blank(&mut out, chars[i]);
                i += 1;
            }
            out.push('"');
            i += close.len();
            continue;
        } else if c == '"' {
            out.push('"');
            i += 1;
            while i < chars.len() && chars[i] != '"' {
                if chars[i] == '\\' {
                    blank(&mut out, chars[i]);
                    i += 1;
                }
                if i < chars.len() {
                    blank(&mut out, chars[i]);
                }
                i += 1;
            }
            out.push('"');
        } else if c == '\'' {
            // A character literal ('{', '\'', '\u{7b}'), not a lifetime ('a).
            let end = if next == Some('\\') {
                chars[i + 3..].iter().position(|c| *c == '\'').map(|p| i + 3 + p)
            } else {
                (chars.get(i + 2) == Some(&'\'')).then_some(i + 2)
            };
            match end {
                Some(end) => {
                    out.push_str("' '");
                    i = end;
                }
                None => out.push(c),
            }
        } else {
            out.push(c);
        }
        i += 1;
    }
    out
}

/// Every function with a body in `text`: its name, and its lines from `fn` to its closing brace.
fn function_lengths(text: &str) -> Vec<(String, usize)> {
    let code = blanked(text);
    let bytes = code.as_bytes();
    let line_at = |at: usize| code[..at].matches('\n').count();
    let mut out = Vec::new();
    for (at, _) in code.match_indices("fn ") {
        let word_start = at == 0 || !(bytes[at - 1].is_ascii_alphanumeric() || bytes[at - 1] == b'_');
        let name: String = code[at + 3..].chars().take_while(|c| c.is_alphanumeric() || *c == '_').collect();
        if !word_start || name.is_empty() {
            continue;
        }
        // The body: the first `{` before any `;` (a declaration without a body has none).
        let Some(open) = code[at..].find(['{', ';']).map(|p| at + p).filter(|p| bytes[*p] == b'{') else {
            continue;
        };
        let mut depth = 0usize;
        let close = code[open..].char_indices().find_map(|(p, c)| {
            match c {
                '{' => depth += 1,
                '}' => depth -= 1,
                _ => {}
            }
            (depth == 0).then_some(open + p)
        });
        if let Some(close) = close {
            out.push((name, line_at(close) - line_at(at) + 1));
        }
    }
    out
}

#[test]
fn no_function_passes_150_lines() {
    let mut long: BTreeMap<(String, String), usize> = BTreeMap::new();
    let mut all = Vec::new();
    for path in sources() {
        let name = name(&path);
        for (f, lines) in function_lengths(&fs::read_to_string(&path).unwrap()) {
            all.push((lines, name.clone(), f.clone()));
            if lines > MAX_FN_LINES {
                long.insert((name.clone(), f), lines);
            }
        }
    }
    // `SHIRUBE_FN_LENGTHS=1 cargo test --test layers function -- --nocapture` lists the
    // functions over 100 lines, longest first.
    if std::env::var_os("SHIRUBE_FN_LENGTHS").is_some() {
        all.sort_by(|a, b| b.cmp(a));
        let over_100: Vec<_> = all.iter().filter(|(n, ..)| *n > 100).collect();
        println!("{} functions over 100 lines:", over_100.len());
        for (lines, file, f) in over_100 {
            println!("{lines:5} {file} {f}");
        }
    }
    let known: BTreeMap<(String, String), usize> =
        KNOWN_LONG_FNS.iter().map(|(file, f, n)| ((file.to_string(), f.to_string()), *n)).collect();
    let mut wrong = Vec::new();
    for ((file, f), lines) in &long {
        match known.get(&(file.clone(), f.clone())) {
            None => wrong.push(format!("{file} {f}: {lines} lines (split it by what each part owns)")),
            Some(was) if lines > was => wrong.push(format!("{file} {f}: grew from {was} to {lines} lines")),
            Some(was) if lines < was => {
                wrong.push(format!("{file} {f}: now {lines} lines: lower it in KNOWN_LONG_FNS (was {was})"))
            }
            Some(_) => {}
        }
    }
    for ((file, f), was) in &known {
        if !long.contains_key(&(file.clone(), f.clone())) {
            wrong.push(format!("{file} {f}: now within {MAX_FN_LINES} lines (was {was}): take it off KNOWN_LONG_FNS"));
        }
    }
    assert!(
        wrong.is_empty(),
        "functions over {MAX_FN_LINES} lines (tests/layers.rs, KNOWN_LONG_FNS):\n{}",
        wrong.join("\n")
    );
}

#[test]
fn the_checks_see_what_they_look_for() {
    // The readers above, on text made to break each rule: a check that sees nothing passes
    // anything.
    let sample = "use crate::ui::state;\nlet s = \"crate::storage in a sentence\"; // crate::session in a comment\nwindow.local_storage()\n#[cfg(test)]\nuse crate::format;";
    let code = code(sample);
    assert_eq!(imports(&code), BTreeSet::from(["ui".to_owned()]), "strings, comments and tests are not code");
    assert!(code.iter().any(|l| l.contains("local_storage()")));
    assert_eq!(layer("src/ui/region/mod.rs"), Some("ui"));
    assert_eq!(layer("src/sorting.rs"), Some("sorting"));
    assert!(
        is_tests("src/format/csv/tests/export.rs")
            && is_tests("src/format/frame_tests.rs")
            && is_tests("src/charts/testing.rs")
    );
    assert!(!is_tests("src/format/csv/mod.rs"));
    assert_eq!(module("src/ui/region/list.rs").as_deref(), Some("ui/region"));
    assert_eq!(module("src/format/open.rs").as_deref(), Some("format/open"));
    assert_eq!(module("src/format/mod.rs"), None);
    let circle = crate::code("use super::region::x;\nlet y = crate::format::open::open;");
    assert_eq!(
        sibling_imports("src/format/everything.rs", &circle),
        BTreeSet::from(["format/region".to_owned(), "format/open".to_owned()])
    );
    assert!(sources().len() > 100, "the sources are found");
    let fns = "fn a() {\n    let s = \"}\"; let c = '{'; let r = r#\"{\"#;\n    // }\n    fn b<'x>(y: &'x str) { }\n}\ntrait T { fn c(); }\nfn d() where X: Fn() {\n}";
    assert_eq!(
        function_lengths(fns),
        [("a".to_owned(), 5), ("b".to_owned(), 1), ("d".to_owned(), 2)],
        "braces in strings, characters and comments are not counted; lifetimes are no characters"
    );
}

/// Groups of files that import each other in a cycle today (each group's files, sorted): none.
/// The list may only shrink: break a cycle by moving what its files share into a file they
/// import (a folder's types in a leaf its children and its `mod.rs` import, as
/// `session/folder/sync.rs` and `model/merge/findings.rs` hold them).
const KNOWN_CYCLES: &[&[&str]] = &[];

/// A file's module path: `src/format/table/sheet.rs` → `format::table::sheet`, a `mod.rs` its
/// folder's, `src/lib.rs` the crate's (empty).
fn module_path(name: &str) -> Vec<String> {
    let rest = name.strip_prefix("src/").unwrap_or(name).strip_suffix(".rs").unwrap_or(name);
    let mut parts: Vec<String> = rest.split('/').map(str::to_owned).collect();
    if matches!(parts.last().map(String::as_str), Some("mod" | "lib" | "main")) {
        parts.pop();
    }
    parts
}

/// The file a module path names: the longest of its prefixes that is a file of `files`.
fn file_of(path: &[String], files: &BTreeMap<Vec<String>, String>) -> Option<String> {
    (1..=path.len()).rev().find_map(|n| files.get(&path[..n]).cloned())
}

/// The child modules a file declares (`mod actions;`, `pub(crate) mod fields;`), by name.
fn children(code: &[String]) -> Vec<String> {
    code.iter()
        .filter_map(|line| {
            let line = line.trim_start();
            let rest = line.strip_prefix("pub").map_or(line, |r| {
                let r = r.trim_start();
                r.strip_prefix('(').and_then(|r| r.split_once(')')).map_or(r, |(_, r)| r).trim_start()
            });
            let name = rest.strip_prefix("mod ")?.trim().strip_suffix(';')?;
            (!name.is_empty() && name.chars().all(|c| c.is_alphanumeric() || c == '_')).then(|| name.to_owned())
        })
        .collect()
}

/// A line that re-exports a name (`pub use …;`, `pub(crate) use …;`).
fn is_reexport(line: &str) -> bool {
    let line = line.trim_start();
    line.strip_prefix("pub").is_some_and(|r| {
        let r = r.trim_start();
        r.strip_prefix('(').and_then(|r| r.split_once(')')).map_or(r, |(_, r)| r).trim_start().starts_with("use ")
    })
}

/// The module paths a file's code names through `crate::`, `super::` and `self::`, and through
/// the bare name of a child module it declares (`actions::run` in `state/mod.rs`) (`{…}` groups
/// opened one level), resolved from the file's own module.
fn named_paths(own: &[String], code: &[String]) -> Vec<Vec<String>> {
    let text = code.join("\n");
    let ident = |s: &str| -> String { s.chars().take_while(|c| c.is_alphanumeric() || *c == '_').collect() };
    let mut out = Vec::new();
    // A parent's re-export of its child (`pub use goal::Goal;`) hands the name on, as a face
    // does: the crate's paths to it name the parent, and only a use in code is an import.
    let uses: String = code.iter().filter(|l| !is_reexport(l)).map(|l| format!("{l}\n")).collect();
    let mut prefixes = vec![
        ("crate::".to_owned(), Vec::new(), &text),
        // `super`: the module's parent (a `mod.rs`'s module is its folder).
        ("super::".to_owned(), own[..own.len().saturating_sub(1)].to_vec(), &text),
        ("self::".to_owned(), own.to_vec(), &text),
    ];
    for child in children(code) {
        let mut base = own.to_vec();
        base.push(child.clone());
        prefixes.push((format!("{child}::"), base, &uses));
    }
    for (prefix, base, text) in prefixes {
        let prefix = prefix.as_str();
        for (at, _) in text.match_indices(prefix) {
            // `crate::` inside a longer name (`my_crate::`), and the second `super::` of a chain, are
            // skipped.
            if text[..at].chars().last().is_some_and(|c| c.is_alphanumeric() || c == '_' || c == ':') {
                continue;
            }
            // A visibility (`pub(in crate::model::merge)`) names no item.
            if text[..at].ends_with("(in ") {
                continue;
            }
            let mut path = base.clone();
            let mut rest = &text[at + prefix.len()..];
            // `super::super::`: one module further up for each.
            if prefix == "super::" {
                while let Some(up) = rest.strip_prefix("super::") {
                    path.pop();
                    rest = up;
                }
            }
            loop {
                if let Some(group) = rest.strip_prefix('{') {
                    let inner = &group[..group.find('}').unwrap_or(group.len())];
                    for item in inner.split(',') {
                        let first = ident(item.trim());
                        if !first.is_empty() {
                            let mut p = path.clone();
                            p.push(first);
                            out.push(p);
                        }
                    }
                    break;
                }
                let seg = ident(rest);
                if seg.is_empty() {
                    out.push(path.clone());
                    break;
                }
                path.push(seg.clone());
                rest = &rest[seg.len()..];
                match rest.strip_prefix("::") {
                    Some(r) => rest = r,
                    None => {
                        out.push(path.clone());
                        break;
                    }
                }
            }
        }
    }
    out
}

/// The import graph's cycles of any length: its strongly connected components of more than one
/// file (Tarjan's algorithm), each sorted.
fn cycles(edges: &BTreeMap<String, BTreeSet<String>>) -> BTreeSet<Vec<String>> {
    struct Walk<'a> {
        edges: &'a BTreeMap<String, BTreeSet<String>>,
        index: BTreeMap<&'a str, usize>,
        low: BTreeMap<&'a str, usize>,
        stack: Vec<&'a str>,
        on_stack: BTreeSet<&'a str>,
        found: BTreeSet<Vec<String>>,
    }
    impl<'a> Walk<'a> {
        fn visit(&mut self, v: &'a str) {
            let n = self.index.len();
            self.index.insert(v, n);
            self.low.insert(v, n);
            self.stack.push(v);
            self.on_stack.insert(v);
            for w in self.edges.get(v).into_iter().flatten() {
                let w = w.as_str();
                if !self.index.contains_key(w) {
                    self.visit(w);
                    let lw = self.low[w];
                    let lv = self.low.get_mut(v).unwrap();
                    *lv = (*lv).min(lw);
                } else if self.on_stack.contains(w) {
                    let iw = self.index[w];
                    let lv = self.low.get_mut(v).unwrap();
                    *lv = (*lv).min(iw);
                }
            }
            if self.low[v] == self.index[v] {
                let mut group = Vec::new();
                loop {
                    let w = self.stack.pop().unwrap();
                    self.on_stack.remove(w);
                    group.push(w.to_owned());
                    if w == v {
                        break;
                    }
                }
                if group.len() > 1 {
                    group.sort();
                    self.found.insert(group);
                }
            }
        }
    }
    let mut walk = Walk {
        edges,
        index: BTreeMap::new(),
        low: BTreeMap::new(),
        stack: Vec::new(),
        on_stack: BTreeSet::new(),
        found: BTreeSet::new(),
    };
    for v in edges.keys() {
        if !walk.index.contains_key(v.as_str()) {
            walk.visit(v);
        }
    }
    walk.found
}

/// Each file's imports of other files of the crate, by `crate::`, `super::` and `self::` paths.
fn file_imports() -> BTreeMap<String, BTreeSet<String>> {
    let paths: Vec<(String, PathBuf)> =
        sources().into_iter().map(|p| (name(&p), p)).filter(|(n, _)| !is_tests(n) && n != "src/main.rs").collect();
    let files: BTreeMap<Vec<String>, String> = paths.iter().map(|(n, _)| (module_path(n), n.clone())).collect();
    let mut edges = BTreeMap::new();
    for (n, path) in &paths {
        let code = code(&fs::read_to_string(path).unwrap());
        let own = module_path(n);
        let to: BTreeSet<String> =
            named_paths(&own, &code).iter().filter_map(|p| file_of(p, &files)).filter(|f| f != n).collect();
        edges.insert(n.clone(), to);
    }
    edges
}

#[test]
fn no_files_import_each_other_in_a_cycle_of_any_length() {
    let found = cycles(&file_imports());
    let known: BTreeSet<Vec<String>> = KNOWN_CYCLES.iter().map(|c| c.iter().map(|s| s.to_string()).collect()).collect();
    let new: Vec<_> = found.difference(&known).collect();
    let gone: Vec<_> = known.difference(&found).collect();
    assert!(
        new.is_empty(),
        "files that import each other in a cycle (move what they share into a file they import): {new:#?}"
    );
    assert!(gone.is_empty(), "no longer a cycle: take it off KNOWN_CYCLES in tests/layers.rs: {gone:#?}");
}

#[test]
fn a_visibility_names_no_module() {
    let own = vec!["model".to_owned(), "merge".to_owned(), "key".to_owned()];
    let code = vec!["pub(in crate::model::merge) struct Key;".to_owned(), "use crate::model::Id;".to_owned()];
    assert_eq!(named_paths(&own, &code), vec![vec!["model".to_owned(), "Id".to_owned()]]);
}

#[test]
fn the_code_after_a_test_module_declared_in_a_line_of_its_own_is_read() {
    let text = "use crate::a;\n#[cfg(test)]\nmod tests;\nuse crate::b;\n#[cfg(test)]\nmod more {\n    use crate::c;\n}";
    let read = code(text);
    assert_eq!(read.len(), 4, "the lines keep their numbers, the test module's blanked: {read:?}");
    assert_eq!(read[3], "use crate::b;");
    assert_eq!(imports(&read), BTreeSet::from(["a".to_owned(), "b".to_owned()]));
}

#[test]
fn a_cycle_of_three_files_is_found() {
    let edge = |a: &str, b: &[&str]| (a.to_owned(), b.iter().map(|s| s.to_string()).collect::<BTreeSet<_>>());
    let three = BTreeMap::from([edge("a", &["b"]), edge("b", &["c"]), edge("c", &["a"]), edge("d", &["a"])]);
    assert_eq!(cycles(&three), BTreeSet::from([vec!["a".to_owned(), "b".to_owned(), "c".to_owned()]]));
    let none = BTreeMap::from([edge("a", &["b"]), edge("b", &["c"]), edge("c", &[])]);
    assert!(cycles(&none).is_empty());
    // Paths as code names them: `super::` from a file and from a `mod.rs`, a group, `crate::`.
    let own = module_path("src/format/table/sheet.rs");
    assert_eq!(own, ["format", "table", "sheet"]);
    let named = named_paths(&own, &["use super::{workbook::Book, layout};".into(), "crate::model::Id".into()]);
    assert!(named.contains(&vec!["format".into(), "table".into(), "workbook".into()]), "{named:?}");
    assert!(named.contains(&vec!["format".into(), "table".into(), "layout".into()]), "{named:?}");
    assert!(named.contains(&vec!["model".into(), "Id".into()]), "{named:?}");
    let up = named_paths(&own, &["use super::super::common::cell;".into()]);
    assert_eq!(up, [vec!["format".to_owned(), "common".to_owned(), "cell".to_owned()]], "a chain goes up once a link");
}

#[test]
fn a_parent_using_its_child_by_a_bare_path_is_seen_in_a_circle() {
    // `src/ui/state/mod.rs` declares `mod actions;` and names `actions::run`; `actions.rs` names
    // the parent back through `crate::`: a circle of two, seen only through the bare path.
    let files: BTreeMap<Vec<String>, String> = ["src/ui/state/mod.rs", "src/ui/state/actions.rs", "src/ui/other.rs"]
        .iter()
        .map(|n| (module_path(n), n.to_string()))
        .collect();
    let parent = ["pub(crate) mod actions;".to_owned(), "fn f() { actions::run(); }".to_owned()];
    let child = ["use crate::ui::state::AppState;".to_owned()];
    assert_eq!(children(&parent), ["actions"]);
    let edges_of = |name: &str, code: &[String]| -> BTreeSet<String> {
        named_paths(&module_path(name), code).iter().filter_map(|p| file_of(p, &files)).filter(|f| f != name).collect()
    };
    let edges = BTreeMap::from([
        ("src/ui/state/mod.rs".to_owned(), edges_of("src/ui/state/mod.rs", &parent)),
        ("src/ui/state/actions.rs".to_owned(), edges_of("src/ui/state/actions.rs", &child)),
    ]);
    assert_eq!(
        cycles(&edges),
        BTreeSet::from([vec!["src/ui/state/actions.rs".to_owned(), "src/ui/state/mod.rs".to_owned()]])
    );
    // A re-export of the child hands its name on: no import of the child.
    let face = ["mod actions;".to_owned(), "pub(crate) use actions::run;".to_owned()];
    assert!(edges_of("src/ui/state/mod.rs", &face).is_empty());
    // A name that only ends like a child (`my_actions::`, `x::actions::`) is not the child.
    let not_child = ["mod actions;".to_owned(), "my_actions::run(); x::actions::run();".to_owned()];
    assert!(edges_of("src/ui/state/mod.rs", &not_child).is_empty());
}

/// Calls in product code that pass a bare `true` or `false` to a function of the crate, by the
/// function's name (STYLE.md 14: an enum, or two functions). The list may only shrink.
/// `session::import::confirm(.., exists: bool, ..)`, from `session::region`'s replace: the
/// import is being reworked (issue 85).
const KNOWN_BOOL_ARGUMENTS: &[(&str, usize)] = &[];

/// A file's product code (before its `#[cfg(test)]` module; a test module declared in a line of
/// its own, `#[cfg(test)] mod tests;`, is left out where it stands), blanked.
fn product_code(text: &str) -> String {
    let mut out = String::new();
    let mut lines = text.lines().peekable();
    while let Some(line) = lines.next() {
        let l = line.trim_start();
        if l.starts_with("#[cfg(test)]") || l.starts_with("#[cfg(all(test") {
            let declared = lines.peek().is_some_and(|next| {
                let next = next.trim();
                next.contains("mod ") && next.ends_with(';')
            });
            if !declared {
                break;
            }
            lines.next();
            continue;
        }
        out.push_str(line);
        out.push('\n');
    }
    blanked(&out)
}

/// The files of test modules declared by their parents (`#[cfg(test)] mod target_wordings;`),
/// and the folders of such modules.
fn declared_tests(files: &[PathBuf]) -> BTreeSet<String> {
    let mut out = BTreeSet::new();
    for path in files {
        let n = name(path);
        let dir = if n.ends_with("/mod.rs") || n.ends_with("/lib.rs") {
            n.rsplit_once('/').map_or(String::new(), |(d, _)| d.to_owned())
        } else {
            n.strip_suffix(".rs").unwrap_or(&n).to_owned()
        };
        let text = fs::read_to_string(path).unwrap();
        let mut lines = text.lines().map(str::trim);
        while let Some(line) = lines.next() {
            if !(line.starts_with("#[cfg(test)]") || line.starts_with("#[cfg(all(test")) {
                continue;
            }
            let Some(next) = lines.next() else { break };
            let Some(m) = next.strip_prefix("mod ").or_else(|| next.strip_prefix("pub(crate) mod ")) else { continue };
            if let Some(m) = m.strip_suffix(';') {
                out.insert(format!("{dir}/{m}.rs"));
                out.insert(format!("{dir}/{m}/"));
            }
        }
    }
    out
}

fn ident_before(text: &str, end: usize) -> &str {
    let start = text[..end].rfind(|c: char| !(c.is_alphanumeric() || c == '_')).map_or(0, |p| p + 1);
    &text[start..end]
}

/// The functions of `code` with a `bool` parameter: a name, or `Type::new` for a constructor
/// (`RwSignal::new(false)` is a value, not a flag).
fn bool_taking_fns(code: &str) -> BTreeSet<String> {
    let mut out = BTreeSet::new();
    for (at, _) in code.match_indices("fn ") {
        if at > 0 && code[..at].ends_with(|c: char| c.is_alphanumeric() || c == '_') {
            continue;
        }
        let name =
            ident_before(code, at + 3 + code[at + 3..].find(|c: char| !(c.is_alphanumeric() || c == '_')).unwrap_or(0));
        let Some(open) = code[at..].find('(').map(|p| at + p) else { continue };
        let mut depth = 0usize;
        let close = code[open..]
            .char_indices()
            .find_map(|(p, c)| {
                match c {
                    '(' | '[' | '<' => depth += 1,
                    ')' | ']' | '>' => depth = depth.saturating_sub(1),
                    _ => {}
                }
                (depth == 0).then_some(open + p)
            })
            .unwrap_or(code.len());
        let params = &code[open..close];
        if !params.split([',', '(']).any(|p| p.rsplit(':').next().is_some_and(|t| t.trim() == "bool")) {
            continue;
        }
        if name == "new" {
            // The type of the `impl` block around it.
            if let Some(imp) = code[..at].rfind("impl") {
                let head = &code[imp..code[imp..].find('{').map_or(at, |p| imp + p)];
                let ty = head.split_whitespace().last().unwrap_or("");
                let ty: String = ty.chars().take_while(|c| c.is_alphanumeric() || *c == '_').collect();
                out.insert(format!("{ty}::new"));
            }
        } else {
            out.insert(name.to_owned());
        }
    }
    out
}

/// The callees a bare `true`/`false` argument is passed to in `code` (macros not counted), each
/// as `bool_taking_fns` names it.
fn bool_arguments(code: &str) -> Vec<String> {
    let b = code.as_bytes();
    let mut out = Vec::new();
    for word in ["true", "false"] {
        for (at, _) in code.match_indices(word) {
            let end = at + word.len();
            let before = code[..at].trim_end();
            let after = code[end..].trim_start();
            if !(before.ends_with('(') || before.ends_with(',')) || !(after.starts_with(',') || after.starts_with(')'))
            {
                continue;
            }
            if at > 0 && (b[at - 1].is_ascii_alphanumeric() || b[at - 1] == b'_') {
                continue;
            }
            // The call's opening parenthesis: the nearest unclosed one before the literal.
            let mut depth = 0usize;
            let mut open = None;
            for (i, c) in code[..at].char_indices().rev() {
                match c {
                    ')' | ']' | '}' => depth += 1,
                    '(' | '[' | '{' if depth == 0 => {
                        open = Some((i, c));
                        break;
                    }
                    '(' | '[' | '{' => depth -= 1,
                    _ => {}
                }
            }
            let Some((open, '(')) = open else { continue };
            let callee_end = code[..open].trim_end().len();
            let name = ident_before(code, callee_end);
            if name.is_empty() || code[..callee_end - name.len()].ends_with('!') {
                continue;
            }
            if name == "new" {
                let path = code[..callee_end - name.len()].strip_suffix("::").unwrap_or("");
                let ty: String = path.chars().rev().take_while(|c| c.is_alphanumeric() || *c == '_').collect();
                out.push(format!("{}::new", ty.chars().rev().collect::<String>()));
            } else {
                out.push(name.to_owned());
            }
        }
    }
    out
}

#[test]
fn no_bare_bool_is_passed_to_a_function_of_the_crate() {
    let all = sources();
    let tests = declared_tests(&all);
    let files: Vec<(String, String)> = all
        .into_iter()
        .map(|p| (name(&p), product_code(&fs::read_to_string(&p).unwrap())))
        .filter(|(n, _)| {
            !is_tests(n) && !tests.iter().any(|t| n == t || (t.ends_with('/') && n.starts_with(t.as_str())))
        })
        .collect();
    let flags: BTreeSet<String> = files.iter().flat_map(|(_, code)| bool_taking_fns(code)).collect();
    let mut found: BTreeMap<String, (usize, Vec<String>)> = BTreeMap::new();
    for (n, code) in &files {
        for callee in bool_arguments(code).into_iter().filter(|c| flags.contains(c)) {
            let entry = found.entry(callee).or_default();
            entry.0 += 1;
            entry.1.push(n.clone());
        }
    }
    let known: BTreeMap<String, usize> = KNOWN_BOOL_ARGUMENTS.iter().map(|(f, n)| (f.to_string(), *n)).collect();
    let mut wrong = Vec::new();
    for (f, (n, at)) in &found {
        match known.get(f) {
            Some(was) if n <= was => {}
            _ => wrong.push(format!("{f}: {n} calls with a bare bool ({})", at.join(", "))),
        }
    }
    for (f, was) in &known {
        let now = found.get(f).map_or(0, |(n, _)| *n);
        if now < *was {
            wrong.push(format!("{f}: {now} calls now (was {was}): lower it in KNOWN_BOOL_ARGUMENTS"));
        }
    }
    assert!(
        wrong.is_empty(),
        "bare true/false arguments (an enum, or two functions; STYLE.md 14):\n{}",
        wrong.join("\n")
    );
}

#[test]
fn a_bare_bool_argument_is_seen() {
    let code = product_code(
        "impl Editing { fn new(persistent: bool) -> Self { todo!() } }\nfn cell(text: (&[(u8, &str)], Vec<u8>), number: bool) {}\n#[cfg(test)]\nmod tests;\nfn f() { cell(\"a\", true); Editing::new(false); RwSignal::new(true); Some(true); format!(\"{}\", true); g(x, (true, 1)); }\n#[cfg(test)]\nfn t() { cell(\"b\", false); }",
    );
    assert_eq!(bool_taking_fns(&code), BTreeSet::from(["Editing::new".to_owned(), "cell".to_owned()]));
    let flags = bool_taking_fns(&code);
    let seen: Vec<String> = bool_arguments(&code).into_iter().filter(|c| flags.contains(c)).collect();
    assert_eq!(
        seen,
        ["cell", "Editing::new"],
        "a call's bool is seen; a constructor of another type, a value, a macro, a tuple and a test are not"
    );
}
