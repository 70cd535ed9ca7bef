#![cfg(not(target_arch = "wasm32"))]
//! The corpus of bad files (`tests/files/bad/`, made by `tests/files/make-bad.mjs`): every file
//! goes through the import exactly as the browser gives it (its bytes, `format::open`), must be
//! refused without a panic, and must say — in Japanese, as the UI shows it — what the manifest
//! `expected.json` expects. The files marked valid must import. The same corpus runs through
//! the real file input in Chromium in `tests/e2e/import.spec.ts`.

use shirube::format::{check_size, open, open_region, ImportError, Opened, MAX_FILE_BYTES};
use shirube::locale::Language;
use shirube::words::{csv_error, import_error};
use std::collections::BTreeSet;
use std::path::PathBuf;

fn dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/files/bad")
}

fn manifest() -> serde_json::Map<String, serde_json::Value> {
    let text = std::fs::read_to_string(dir().join("expected.json")).expect("tests/files/bad/expected.json");
    serde_json::from_str(&text).expect("expected.json is JSON")
}

/// Opens bytes the way the UI does, and fails the test (with the file's name) on a panic.
fn open_safely(name: &str, bytes: &[u8]) -> Result<Opened, ImportError> {
    std::panic::catch_unwind(|| open(bytes)).unwrap_or_else(|_| panic!("{name}: the import panicked"))
}

/// As the start page's file input does: a region file goes on to be opened as a region.
fn open_as_the_page_does(name: &str, bytes: &[u8]) -> Result<(), ImportError> {
    match open_safely(name, bytes) {
        Ok(Opened::Region) => open_region(bytes).map(|_| ()),
        Ok(_) => Ok(()),
        Err(e) => Err(e),
    }
}

/// The first of serde's and the JSON parser's English phrases in `text`, which no Japanese
/// message may show.
fn serde_english(text: &str) -> Option<&'static str> {
    const PHRASES: [&str; 14] = [
        "invalid type",
        "invalid value",
        "invalid length",
        "expected",
        "missing field",
        "unknown variant",
        "unknown field",
        "trailing",
        "EOF",
        "a string",
        "integer",
        "sequence",
        "at line",
        "column",
    ];
    PHRASES.into_iter().find(|p| text.contains(p))
}

#[test]
fn the_parsers_english_is_found_where_it_is() {
    assert_eq!(serde_english("invalid type: integer `3`, expected a string at line 1 column 9"), Some("invalid type"));
    assert_eq!(serde_english("タイトルが文字列ではありません（$.strategy.title）"), None);
}

/// A CSV through the files page's import, into the corpus's valid strategy (`bom-valid.json`).
fn csv_refusal(bytes: &[u8]) -> Option<String> {
    let Ok(Opened::Strategy(s)) = open(&std::fs::read(dir().join("bom-valid.json")).unwrap()) else { panic!() };
    let text = match shirube::format::csv::decode(bytes, &|_| None) {
        Ok(text) => text,
        Err(e) => return Some(csv_error(&e, Language::Ja)),
    };
    shirube::format::csv::plan_import(&s.strategy, &text).err().map(|e| csv_error(&e, Language::Ja))
}

#[test]
fn the_manifest_lists_every_file_and_nothing_else() {
    let on_disk: BTreeSet<String> = std::fs::read_dir(dir())
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .filter(|n| n != "expected.json")
        .collect();
    let listed: BTreeSet<String> = manifest().keys().filter(|k| !k.starts_with("(generated)")).cloned().collect();
    assert_eq!(on_disk, listed);
    let bad = manifest().values().filter(|v| v.get("valid").is_none()).count();
    assert!(bad >= 25, "at least 25 bad files, found {bad}");
}

#[test]
fn every_bad_file_is_refused_with_its_message() {
    let mut failures = Vec::new();
    for (name, expected) in manifest() {
        if name.starts_with("(generated)") {
            continue;
        }
        let bytes = std::fs::read(dir().join(&name)).unwrap();
        if let Some(fragments) = expected.get("csv_expect").and_then(|e| e.as_array()) {
            let said = csv_refusal(&bytes);
            for fragment in fragments {
                let fragment = fragment.as_str().unwrap();
                if !said.as_deref().is_some_and(|s| s.contains(fragment)) {
                    failures.push(format!("{name} (CSV import): expected {fragment:?} in\n    {said:?}"));
                }
            }
        }
        let result = open_as_the_page_does(&name, &bytes);
        if expected.get("valid").is_some() {
            if let Err(e) = result {
                failures.push(format!("{name}: should import, but: {:?}", import_error(&e, Language::Ja)));
            }
            continue;
        }
        let Err(error) = result else {
            failures.push(format!("{name}: was accepted"));
            continue;
        };
        let ja = import_error(&error, Language::Ja).join("\n");
        for fragment in expected["expect"].as_array().unwrap() {
            let fragment = fragment.as_str().unwrap();
            if !ja.contains(fragment) {
                failures.push(format!("{name}: expected {fragment:?} in\n    {ja}"));
            }
        }
        // Words, not internals: no serde or JSON-parser English in the Japanese message (the
        // file's own name aside: trailing-comma.json).
        if let Some(english) = serde_english(&ja.replace(&name, "")) {
            failures.push(format!("{name}: the parser's English {english:?} in\n    {ja}"));
        }
        // Every error has English words too, and never an empty message.
        let en = import_error(&error, Language::En);
        assert!(!en.is_empty() && en.iter().all(|l| !l.trim().is_empty()), "{name}: {en:?}");
        assert!(!ja.trim().is_empty(), "{name}");
    }
    assert!(
        failures.is_empty(),
        "{} corpus files did not give what expected.json says:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

/// 80 MB: refused by its size, before anything is read or parsed (the UI checks `File.size`
/// with `check_size`; `open` checks the bytes' length the same way).
#[test]
fn a_file_over_the_limit_is_refused_by_its_size() {
    let expected = manifest()["(generated) 80 MB"]["expect"][0].as_str().unwrap().to_owned();
    let size = 80 * 1024 * 1024;
    let error = check_size(size).unwrap_err();
    assert_eq!(error, ImportError::TooLarge { bytes: size, limit: MAX_FILE_BYTES });
    assert!(import_error(&error, Language::Ja)[0].contains(&expected), "{:?}", import_error(&error, Language::Ja));
    // The same from the bytes themselves: a JSON array of 80 MB of zeros.
    let mut big = Vec::with_capacity(size as usize);
    big.push(b'[');
    while big.len() < size as usize - 2 {
        big.extend_from_slice(b"0,");
    }
    big.extend_from_slice(b"0]");
    let started = std::time::Instant::now();
    assert_eq!(
        open_safely("80 MB", &big),
        Err(ImportError::TooLarge { bytes: big.len() as u64, limit: MAX_FILE_BYTES })
    );
    assert!(started.elapsed().as_millis() < 50, "refused without reading it");
    // Just under the limit is read (and refused for what it is, not for its size): an array
    // padded with spaces, which costs little to read.
    big.clear();
    big.push(b'[');
    big.resize(MAX_FILE_BYTES as usize - 2, b' ');
    big.extend_from_slice(b"0]");
    assert_eq!(big.len() as u64, MAX_FILE_BYTES);
    assert!(
        matches!(open_safely("just under the limit", &big), Err(ImportError::NotAnEnvelope { .. })),
        "{:?}",
        open_safely("just under", &big)
    );
}

/// The valid file with markup in every text field keeps every character as it was.
#[test]
fn markup_in_text_is_kept_as_text() {
    let bytes = std::fs::read(dir().join("xss-everywhere.json")).unwrap();
    let Ok(Opened::Strategy(imported)) = open(&bytes) else { panic!("xss-everywhere.json must import") };
    let s = imported.strategy;
    assert!(s.title.contains("<img src=x onerror="), "{}", s.title);
    assert!(s.municipality.name.contains("<script>"), "{}", s.municipality.name);
    // Every text of the file is in the strategy, character for character.
    fn texts(v: &serde_json::Value, out: &mut BTreeSet<String>) {
        match v {
            serde_json::Value::String(s) => {
                out.insert(s.clone());
            }
            serde_json::Value::Array(a) => a.iter().for_each(|v| texts(v, out)),
            serde_json::Value::Object(o) => o.values().for_each(|v| texts(v, out)),
            _ => {}
        }
    }
    let file: serde_json::Value = serde_json::from_slice(&bytes).unwrap();
    let (mut in_file, mut imported) = (BTreeSet::new(), BTreeSet::new());
    texts(&file["strategy"], &mut in_file);
    texts(&serde_json::to_value(&s).unwrap(), &mut imported);
    assert!(in_file.iter().filter(|t| t.contains("__xss")).count() >= 40, "payloads in many fields");
    assert_eq!(in_file.difference(&imported).collect::<Vec<_>>(), Vec::<&String>::new());
}
