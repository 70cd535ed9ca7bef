//! Import, one step at a time: parse → envelope → migrate → deserialize → validate.
//! Every step returns data describing what went wrong and where; none panics.

use super::envelope::{CURRENT_VERSION, FORMAT_NAME};
use super::migrations::{migrate, MIGRATIONS};
use crate::model::{errors, validate, Problem, Strategy};
use serde_json::Value;

/// A strategy read from a file, with what the user should know about it.
#[derive(Clone, Debug, PartialEq)]
pub struct Imported {
    pub strategy: Strategy,
    /// Validation problems (paths from the file's root, `strategy.…`): only warnings when it
    /// comes from [`import`]; errors too when it comes from [`read`].
    pub problems: Vec<Problem>,
    /// The version the file was written in, when older than this build's (it was migrated).
    pub migrated_from: Option<u64>,
    pub exported_at: String,
    pub generator: String,
    /// Which shared versions the file's strategy descends from (`None`: the file does not say).
    pub lineage: Option<super::Lineage>,
}

#[derive(Clone, Debug, PartialEq, thiserror::Error)]
pub enum ImportError {
    /// The file is larger than [`MAX_FILE_BYTES`]: refused before it is read.
    #[error("the file is {bytes} bytes; the limit is {limit}")]
    TooLarge { bytes: u64, limit: u64 },
    /// The file holds nothing (or only white space).
    #[error("the file is empty")]
    Empty,
    /// Not UTF-8 text: `offset` is the first byte that is not (e.g. a Shift_JIS file).
    #[error("not UTF-8 text (byte {offset})")]
    NotUtf8 { offset: usize },
    /// Recognisably another kind of file (a CSV, a spreadsheet, a PDF …).
    #[error("not JSON: looks like a {kind:?} file")]
    OtherKind { kind: OtherKind },
    /// Not JSON at all, or nested deeper than the parser allows (`problem` says which).
    #[error("not JSON at line {line}, column {column}: {detail}")]
    /// `near` is the text around the place (a few characters, for the message).
    NotJson { line: usize, column: usize, problem: JsonProblem, near: String, detail: String },
    /// JSON, but not a Shirube file.
    #[error("{path}: {problem:?}")]
    NotAnEnvelope { path: String, problem: EnvelopeProblem },
    /// Written by a newer Shirube; this build cannot read it.
    #[error("written by a newer version ({version})")]
    NewerVersion { version: u64 },
    /// A migration from an older version failed.
    #[error("migration from version {from} failed: {detail}")]
    Migration { from: u64, detail: String },
    /// A value has the wrong shape (path from the file's root).
    #[error("{path}: {problem:?}")]
    Shape { path: String, problem: ShapeProblem },
    /// The strategy breaks the model's rules (every error, paths from the file's root).
    #[error("{} problems", problems.len())]
    Invalid { problems: Vec<Problem> },
    /// One entry of a file that holds several (a backup of everything) could not be read:
    /// `path` is the entry's place in the file, e.g. `strategies[3]`; the error's own paths
    /// start inside the entry.
    #[error("{path}: {error}")]
    InEntry { path: String, error: Box<ImportError> },
}

/// Files larger than this are refused before they are read: this keeps the tab responsive
/// (reading 64 MiB takes about a second and several times its size in memory). A file the
/// browser's storage cannot hold (Chromium keeps 5 Mi UTF-16 units per site: a strategy of
/// roughly 10 MB as exported) is below it: it is read and opened, and saving it fails with
/// the storage's own error, so that it can still be looked at, edited and exported.
pub const MAX_FILE_BYTES: u64 = 64 * 1024 * 1024;

/// What kind of JSON error it is, for a message that says more than "not JSON".
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum JsonProblem {
    /// The text ends in the middle of a value (a file cut short).
    Truncated,
    /// Nested deeper than the parser's limit (128 levels).
    TooDeep,
    /// A number too large for a 64-bit float (1e400).
    NumberOutOfRange,
    /// Anything else: a character that cannot be there (NaN, a comment, a stray comma …).
    Syntax,
}

/// What the file looks like instead of JSON.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum OtherKind {
    Csv,
    /// A ZIP container: .xlsx, .docx, .ods, a zipped folder.
    Zip,
    /// An old binary Office file (.xls, .doc).
    OfficeBinary,
    Pdf,
}

#[derive(Clone, Debug, PartialEq)]
pub enum EnvelopeProblem {
    NotAnObject,
    NotAnArray,
    Missing,
    WrongFormat { found: String },
    BadVersion,
}

/// What serde said, sorted into kinds the UI can put into words.
#[derive(Clone, Debug, PartialEq)]
pub enum ShapeProblem {
    MissingField { field: String },
    InvalidType { found: String, expected: String },
    UnknownVariant { found: String, expected: String },
    Other { detail: String },
}

/// Reads a file's text: every step, and a strategy that breaks the model's rules is refused.
pub fn import(text: &str) -> Result<Imported, ImportError> {
    refuse_invalid(read(text)?)
}

/// Refuses a file by its size alone, before reading it (the browser gives `File.size`).
pub fn check_size(bytes: u64) -> Result<(), ImportError> {
    if bytes > MAX_FILE_BYTES {
        return Err(ImportError::TooLarge { bytes, limit: MAX_FILE_BYTES });
    }
    Ok(())
}

/// A file's bytes as text: not too large, not empty, UTF-8 (a BOM is dropped), and not
/// recognisably a CSV, spreadsheet or PDF. Invalid UTF-8 is an error, never replaced.
pub fn text_of(bytes: &[u8]) -> Result<&str, ImportError> {
    check_size(bytes.len() as u64)?;
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Err(ImportError::Empty);
    }
    if let Some(kind) = binary_kind(bytes) {
        return Err(ImportError::OtherKind { kind });
    }
    let text = std::str::from_utf8(bytes).map_err(|e| ImportError::NotUtf8 { offset: e.valid_up_to() })?;
    if looks_like_csv(text) {
        return Err(ImportError::OtherKind { kind: OtherKind::Csv });
    }
    Ok(text)
}

/// Reads a JSON value from text, with an error that says what kind of problem and where.
pub fn parse(text: &str) -> Result<Value, ImportError> {
    let text = text.strip_prefix('\u{FEFF}').unwrap_or(text);
    serde_json::from_str(text).map_err(|e| {
        let detail = e.to_string();
        let problem = if e.is_eof() {
            JsonProblem::Truncated
        } else if detail.starts_with("recursion limit exceeded") {
            JsonProblem::TooDeep
        } else if detail.starts_with("number out of range") {
            JsonProblem::NumberOutOfRange
        } else {
            JsonProblem::Syntax
        };
        ImportError::NotJson {
            line: e.line(),
            column: e.column(),
            problem,
            near: near(text, e.line(), e.column()),
            detail,
        }
    })
}

/// A few characters of `text` around line `line`, column `column` (both from 1; the column
/// counts bytes, as serde_json does), on one line.
fn near(text: &str, line: usize, column: usize) -> String {
    const BEFORE: usize = 16;
    const AFTER: usize = 8;
    let Some(l) = text.split('\n').nth(line.saturating_sub(1)) else { return String::new() };
    let at = l.floor_char_boundary(column.saturating_sub(1).min(l.len()));
    let start = l[..at].char_indices().rev().nth(BEFORE - 1).map_or(0, |(i, _)| i);
    let before = &l[start..at];
    let after: String = l[at..].chars().take(AFTER).collect();
    format!("{before}{after}").trim().chars().map(|c| if c.is_control() { ' ' } else { c }).collect()
}

/// Well-known signatures of binary files people pick by mistake.
fn binary_kind(bytes: &[u8]) -> Option<OtherKind> {
    if bytes.starts_with(b"PK\x03\x04") || bytes.starts_with(b"PK\x05\x06") {
        Some(OtherKind::Zip)
    } else if bytes.starts_with(&[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]) {
        Some(OtherKind::OfficeBinary)
    } else if bytes.starts_with(b"%PDF-") {
        Some(OtherKind::Pdf)
    } else {
        None
    }
}

/// A cheap look at the first line: JSON starts with `{` or `[` (or is one scalar, which has no
/// separator in it); a CSV starts with a cell and has a comma, tab or semicolon before its
/// first line ends.
fn looks_like_csv(text: &str) -> bool {
    let start = text.trim_start();
    if start.starts_with(['{', '[']) {
        return false;
    }
    let line = start.lines().next().unwrap_or_default();
    let line = line[..line.floor_char_boundary(4096)].trim();
    if line.starts_with('"') {
        // A quoted first cell: `"番号","名前"` (a JSON string is never followed by a comma).
        return ["\",", "\"\t", "\";"].iter().any(|sep| line.contains(sep));
    }
    line.contains([',', '\t', ';'])
}

/// Reads an already parsed JSON value (e.g. one entry of a backup-everything file).
pub fn import_value(value: Value) -> Result<Imported, ImportError> {
    refuse_invalid(read_value(value)?)
}

pub(super) fn refuse_invalid(read: Imported) -> Result<Imported, ImportError> {
    if errors(&read.problems).next().is_some() {
        return Err(ImportError::Invalid { problems: errors(&read.problems).cloned().collect() });
    }
    Ok(read)
}

/// Every step but the last refusal: a well-formed strategy comes back with all its problems,
/// errors included. Storage reads autosaved work in progress this way (a reversed period
/// while typing is the user's work, not garbage).
pub fn read(text: &str) -> Result<Imported, ImportError> {
    if let Some(read) = read_current(text) {
        return Ok(read);
    }
    read_value(parse(text)?)
}

/// The common case, quickly: a strategy file of the current version whose strategy reads
/// cleanly is deserialised straight from its text, without the intermediate JSON value that
/// costs about twice the typed parse (`bench profile-import`). Anything else — an older version
/// to migrate, a backup of everything, any error at all — is `None`, and the caller takes the
/// full path, which finds the same strategy or says exactly what is wrong and where.
pub(super) fn read_current(text: &str) -> Option<Imported> {
    read_current_of(text, CURRENT_VERSION)
}

fn read_current_of(text: &str, current: u64) -> Option<Imported> {
    use serde::Deserialize;
    /// The file in one pass over its text; any doubt (a header of another kind or version, a
    /// field of another type, a duplicate key) is an error here, and the full path decides.
    #[derive(Deserialize)]
    struct CurrentFile<'a> {
        #[serde(borrow)]
        format: std::borrow::Cow<'a, str>,
        version: u64,
        #[serde(default)]
        exported_at: String,
        #[serde(default)]
        generator: String,
        strategy: Strategy,
        #[serde(default)]
        lineage: Option<super::Lineage>,
    }
    let text = text.strip_prefix('\u{FEFF}').unwrap_or(text);
    let mut de = serde_json::Deserializer::from_str(text);
    let file = CurrentFile::deserialize(&mut de).ok()?;
    de.end().ok()?;
    if file.format != FORMAT_NAME || file.version != current {
        return None;
    }
    let problems = validate(&file.strategy).into_iter().map(|p| Problem { path: rooted(&p.path), ..p }).collect();
    Some(Imported {
        strategy: file.strategy,
        problems,
        migrated_from: None,
        exported_at: file.exported_at,
        generator: file.generator,
        lineage: file.lineage,
    })
}

/// What storage reads back: the strategy [`read`] finds, without saying where a text is wrong
/// (storage keeps unreadable text aside whole). An older version is migrated as a JSON value and
/// then read from text the quick way, so this never needs the path-tracking deserialiser: that
/// stays in the part of the wasm that opens files (`ui::state::open_file`), out of the first
/// download.
pub fn read_quietly(text: &str) -> Option<Imported> {
    read_quietly_with(text, MIGRATIONS, CURRENT_VERSION)
}

/// [`read_quietly`] with a given list of migrations and current version (for tests).
pub(super) fn read_quietly_with(
    text: &str,
    migrations: &[super::migrations::Migration],
    current: u64,
) -> Option<Imported> {
    if let Some(read) = read_current_of(text, current) {
        return Some(read);
    }
    let mut value = parse(text).ok()?;
    let version = check_envelope(&value, current).ok()?;
    migrate(&mut value, version, migrations, current).ok()?;
    // The value now has the current version: written out and read back, it takes the quick path.
    let read = read_current_of(&value.to_string(), current)?;
    Some(Imported { migrated_from: (version < current).then_some(version), ..read })
}

/// [`read`] for an already parsed value.
pub fn read_value(value: Value) -> Result<Imported, ImportError> {
    read_value_with(value, MIGRATIONS, CURRENT_VERSION)
}

/// [`read_value`] with a given list of migrations and current version (tests try migrations
/// that this build does not have yet).
pub(super) fn read_value_with(
    mut value: Value,
    migrations: &[super::migrations::Migration],
    current: u64,
) -> Result<Imported, ImportError> {
    let version = check_envelope(&value, current)?;
    let text_field = |v: &Value, k: &str| v.get(k).and_then(Value::as_str).unwrap_or_default().to_owned();
    let exported_at = text_field(&value, "exported_at");
    let generator = text_field(&value, "generator");
    migrate(&mut value, version, migrations, current)?;
    let lineage = match value.get_mut("lineage").map(Value::take) {
        None | Some(Value::Null) => None,
        Some(raw) => Some(serde_path_to_error::deserialize(raw).map_err(|e| {
            let path = e.path().to_string();
            let path = if path == "." { "lineage".to_owned() } else { format!("lineage.{path}") };
            ImportError::Shape { path, problem: classify(&e.into_inner().to_string()) }
        })?),
    };
    let raw = value.get_mut("strategy").map(Value::take).unwrap_or(Value::Null);
    let strategy: Strategy = serde_path_to_error::deserialize(raw).map_err(|e| {
        let path = e.path().to_string();
        let path = if path == "." { "strategy".to_owned() } else { format!("strategy.{path}") };
        ImportError::Shape { path, problem: classify(&e.into_inner().to_string()) }
    })?;
    let problems: Vec<Problem> =
        validate(&strategy).into_iter().map(|p| Problem { path: rooted(&p.path), ..p }).collect();
    Ok(Imported {
        strategy,
        problems,
        migrated_from: (version < current).then_some(version),
        exported_at,
        generator,
        lineage,
    })
}

fn rooted(path: &str) -> String {
    if path.is_empty() {
        "strategy".to_owned()
    } else {
        format!("strategy.{path}")
    }
}

/// Checks the envelope and returns the file's version.
fn check_envelope(value: &Value, current: u64) -> Result<u64, ImportError> {
    let version = check_header(value, FORMAT_NAME, current)?;
    match value.get("strategy") {
        Some(Value::Object(_)) => Ok(version),
        Some(_) => Err(ImportError::NotAnEnvelope { path: "strategy".into(), problem: EnvelopeProblem::NotAnObject }),
        None => Err(ImportError::NotAnEnvelope { path: "strategy".into(), problem: EnvelopeProblem::Missing }),
    }
}

/// The part every Shirube file shares: an object with this `format` name and a `version` from
/// 1 to `current` (a newer one is refused). Returns the version.
pub(super) fn check_header(value: &Value, format: &str, current: u64) -> Result<u64, ImportError> {
    let not = |path: &str, problem| ImportError::NotAnEnvelope { path: path.to_owned(), problem };
    let obj = value.as_object().ok_or_else(|| not("", EnvelopeProblem::NotAnObject))?;
    match obj.get("format") {
        None => return Err(not("format", EnvelopeProblem::Missing)),
        Some(Value::String(f)) if f == format => {}
        Some(other) => {
            let found = other.as_str().map_or_else(|| other.to_string(), str::to_owned);
            return Err(not("format", EnvelopeProblem::WrongFormat { found: truncate(&found) }));
        }
    }
    let version = match obj.get("version") {
        None => return Err(not("version", EnvelopeProblem::Missing)),
        Some(v) => v.as_u64().filter(|v| *v >= 1).ok_or_else(|| not("version", EnvelopeProblem::BadVersion))?,
    };
    if version > current {
        return Err(ImportError::NewerVersion { version });
    }
    Ok(version)
}

/// Sorts serde's English message into a kind; what is not recognised keeps the message.
pub(super) fn classify(message: &str) -> ShapeProblem {
    let between = |s: &str, start: &str, end: &str| -> Option<String> {
        let rest = s.split_once(start)?.1;
        Some(rest.split_once(end).map_or(rest, |(a, _)| a).to_owned())
    };
    if let Some(field) = message.strip_prefix("missing field `").and_then(|r| r.split('`').next()) {
        return ShapeProblem::MissingField { field: field.to_owned() };
    }
    if let (Some(found), Some(expected)) = (
        between(message, "invalid type: ", ", expected "),
        message.split_once(", expected ").map(|(_, e)| e.to_owned()),
    ) {
        return ShapeProblem::InvalidType { found: truncate(&found), expected: strip_position(&expected) };
    }
    if let (Some(found), Some(expected)) =
        (between(message, "unknown variant `", "`"), message.split_once("expected ").map(|(_, e)| e.to_owned()))
    {
        return ShapeProblem::UnknownVariant { found: truncate(&found), expected: strip_position(&expected) };
    }
    ShapeProblem::Other { detail: truncate(message) }
}

fn strip_position(s: &str) -> String {
    s.split(" at line ").next().unwrap_or(s).to_owned()
}

/// Text from a file, cut to a length that fits in a message.
pub(super) fn truncate(s: &str) -> String {
    const MAX: usize = 80;
    if s.chars().count() <= MAX {
        s.to_owned()
    } else {
        s.chars().take(MAX).collect::<String>() + "…"
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::format::export;
    use crate::model::{FiscalYear, Id, PlanPeriod, ProblemKind, Strategy};
    use serde_json::json;

    /// The quick path finds exactly what the full path finds, on the examples and on generated
    /// strategies, and steps aside for everything else.
    #[test]
    fn the_quick_path_reads_what_the_full_path_reads() {
        let full = |text: &str| read_value(parse(text).unwrap()).unwrap();
        let mut texts: Vec<String> = crate::examples::EXAMPLES.iter().map(|e| e.file.to_owned()).collect();
        #[cfg(not(target_arch = "wasm32"))]
        texts.push(export(
            &crate::bench::generate::generate(crate::bench::generate::Size::named("town").unwrap(), 7),
            "2026-01-01T00:00:00Z",
        ));
        texts.push(format!("\u{FEFF}{}", export(&sample(), "t")));
        for text in &texts {
            let quick = read_current(text).expect("a current file takes the quick path");
            assert_eq!(quick, full(text));
            assert_eq!(read(text).unwrap(), quick);
            assert_eq!(read_quietly(text), Some(quick));
        }
        let s = export(&sample(), "t");
        // A duplicate key: serde refuses it when typed, so the full path (last one wins) decides.
        let duplicate = s.replacen("\"title\": ", "\"title\": \"一つ目\",\n    \"title\": ", 1);
        assert!(read_current(&duplicate).is_none());
        assert_eq!(read(&duplicate).unwrap().strategy.title, sample().title);
        assert_eq!(read_quietly(&duplicate), read(&duplicate).ok());
        // Anything that is not a clean current file: none of it is read quickly.
        for other in [
            s.replacen("\"version\": 1", "\"version\": 2", 1),
            s.replacen("\"format\": \"shirube-strategy\"", "\"format\": \"other\"", 1),
            s.replacen("\"strategy\": {", "\"strategy\": [{", 1),
            s.chars().take(s.chars().count() / 2).collect(),
            "[]".to_owned(),
        ] {
            assert!(read_current(&other).is_none(), "{}", &other[..other.len().min(80)]);
            assert!(read(&other).is_err());
            assert!(read_quietly(&other).is_none());
        }
    }

    fn sample() -> Strategy {
        let mut s = crate::model::template::from_second_period(
            "第2期北斗市まち・ひと・しごと創生総合戦略",
            "北斗市",
            PlanPeriod { first: FiscalYear(2020), last: FiscalYear(2024) },
        );
        s.goals_mut().next().unwrap().measures.push(crate::model::Measure::new("1", "企業立地等による雇用創出").into());
        s
    }

    fn file(strategy: Value) -> Value {
        json!({"format": "shirube-strategy", "version": 1, "exported_at": "2026-11-21T00:00:00Z", "generator": "test", "strategy": strategy})
    }

    /// A file with fields this version does not know (a newer minor version's, another tool's),
    /// on every kind of item: they come through both read paths, an edit, the export and the
    /// autosave's rewriter unchanged, instead of being dropped.
    #[test]
    fn fields_this_version_does_not_know_survive_import_edit_and_export() {
        let mut s = sample();
        let measure = s.goals[0].measures[0].id.clone();
        s.measure_mut(&measure).unwrap().initiatives.push(crate::model::Initiative::new("(1)", "空き家バンク").into());
        s.indicators.push(crate::model::Indicator::new("1-1", "転入者数", "人").into());
        let mut v = serde_json::to_value(&s).unwrap();
        let unknown = [
            ("/x_future_setting", json!({"a": 1, "b": [true, null]})),
            ("/goals/0/x_owner", json!("企画課")),
            ("/goals/0/measures/0/x_budget_code", json!("0203")),
            ("/goals/0/measures/0/initiatives/0/x_partners", json!(["北斗市", "函館市"])),
            ("/indicators/0/x_source_url", json!("https://example.jp/stat")),
            ("/indicators/0/series/0/x_note", json!(1.5)),
        ];
        for (path, value) in &unknown {
            let (parent, key) = path.rsplit_once('/').unwrap();
            v.pointer_mut(parent).unwrap().as_object_mut().unwrap().insert(key.to_owned(), value.clone());
        }
        let text = file(v).to_string();
        let quick = read_current(&text).expect("the quick path reads it");
        let full = import(&text).unwrap();
        assert_eq!(quick, full);
        assert_eq!(read_quietly(&text).as_ref(), Some(&quick));
        assert_eq!(full.strategy.unknown_field_count(), 6);
        assert_eq!(full.strategy.goals[0].unknown["x_owner"], json!("企画課"));

        // An edit of the items that hold them, then the file written again.
        let mut edited = full.strategy;
        edited.goal_mut(&edited.goals[0].id.clone()).unwrap().title = "変えた目標".into();
        let indicator = edited.indicators[0].id.clone();
        edited.indicator_mut(&indicator).unwrap().name = "社会増減数".into();
        let written: Value = serde_json::from_str(&export(&edited, "t")).unwrap();
        for (path, value) in &unknown {
            assert_eq!(written["strategy"].pointer(path), Some(value), "{path}");
        }
        assert_eq!(written["strategy"]["goals"][0]["title"], "変えた目標");
        // The autosave writes the same bytes as a whole export, unknown fields included.
        let compact = crate::format::export_compact(&edited, "t");
        assert_eq!(crate::format::Rewriter::new().write(&edited, "t"), compact);
        // And a file without any writes none: no empty catch-all appears in it.
        assert!(!export(&sample(), "t").contains("unknown"));
    }

    #[test]
    fn round_trips_and_reports_metadata() {
        let s = sample();
        let text = export(&s, "2026-11-21T09:00:00+09:00");
        let imported = import(&text).unwrap();
        assert_eq!(imported.strategy, s);
        assert_eq!(imported.exported_at, "2026-11-21T09:00:00+09:00");
        assert_eq!(imported.generator, crate::format::GENERATOR);
        assert_eq!(imported.migrated_from, None);
        // A BOM in front (as some editors save) is accepted.
        assert_eq!(import(&format!("\u{FEFF}{text}")).unwrap().strategy, s);
    }

    /// Each broken input, and the error it must give: (input, expected error).
    #[test]
    fn errors_say_what_and_where() {
        let good = serde_json::to_value(sample()).unwrap();
        let with = |f: &dyn Fn(&mut Value)| {
            let mut v = file(good.clone());
            f(&mut v);
            v.to_string()
        };
        let env = |path: &str, problem| Err(ImportError::NotAnEnvelope { path: path.into(), problem });
        let shape = |path: &str, problem| Err(ImportError::Shape { path: path.into(), problem });
        let cases: Vec<(String, Result<(), ImportError>)> = vec![
            ("[1, 2]".into(), env("", EnvelopeProblem::NotAnObject)),
            ("{}".into(), env("format", EnvelopeProblem::Missing)),
            (
                with(&|v| v["format"] = json!("excalidraw")),
                env("format", EnvelopeProblem::WrongFormat { found: "excalidraw".into() }),
            ),
            (with(&|v| v["version"] = json!("1")), env("version", EnvelopeProblem::BadVersion)),
            (with(&|v| v["version"] = json!(0)), env("version", EnvelopeProblem::BadVersion)),
            (
                with(&|v| {
                    v.as_object_mut().unwrap().remove("version");
                }),
                env("version", EnvelopeProblem::Missing),
            ),
            (with(&|v| v["version"] = json!(3)), Err(ImportError::NewerVersion { version: 3 })),
            (with(&|v| v["strategy"] = json!("x")), env("strategy", EnvelopeProblem::NotAnObject)),
            (
                with(&|v| {
                    v["strategy"]["goals"][2]["title"] = json!(5);
                }),
                shape(
                    "strategy.goals[2].title",
                    ShapeProblem::InvalidType { found: "integer `5`".into(), expected: "a string".into() },
                ),
            ),
            (
                with(&|v| {
                    v["strategy"].as_object_mut().unwrap().remove("period");
                }),
                shape("strategy", ShapeProblem::MissingField { field: "period".into() }),
            ),
            (
                with(&|v| {
                    v["strategy"]["stage"] = json!("finished");
                }),
                shape(
                    "strategy.stage",
                    ShapeProblem::UnknownVariant {
                        found: "finished".into(),
                        expected: "one of `policy`, `outline`, `draft`, `proposal`, `adopted`".into(),
                    },
                ),
            ),
            (
                with(&|v| {
                    v["strategy"]["goals"][0]["measures"][0]["kpis"] = json!(["ind-9f2c"]);
                }),
                Err(ImportError::Invalid {
                    problems: vec![Problem {
                        path: "strategy.goals[0].measures[0].kpis[0]".into(),
                        kind: ProblemKind::UnknownIndicator { id: Id::from("ind-9f2c") },
                    }],
                }),
            ),
        ];
        for (input, expected) in cases {
            let got = import(&input).map(|_| ());
            assert_eq!(got, expected, "input: {}", &input[..input.len().min(200)]);
        }
    }

    #[test]
    fn not_json_says_where() {
        match import("{\n  \"format\": \"shirube-strategy\",\n  oops\n}") {
            Err(ImportError::NotJson { line: 3, column, problem: JsonProblem::Syntax, .. }) => assert!(column > 0),
            other => panic!("{other:?}"),
        }
        assert!(matches!(import(""), Err(ImportError::NotJson { .. })));
    }

    #[test]
    fn deep_nesting_and_garbage_never_panic() {
        let deep = "[".repeat(100_000) + &"]".repeat(100_000);
        assert!(matches!(import(&deep), Err(ImportError::NotJson { .. })));
        let deep_obj = format!(
            "{{\"format\":\"shirube-strategy\",\"version\":1,\"strategy\":{}{}}}",
            "{\"a\":".repeat(5000),
            "}".repeat(5000)
        );
        assert!(import(&deep_obj).is_err());
        for garbage in [
            "\0",
            "null",
            "\"str\"",
            "1e999",
            "{\"format\":null}",
            "{\"format\":\"shirube-strategy\",\"version\":1e3}",
            "\u{FEFF}",
        ] {
            assert!(import(garbage).is_err(), "{garbage:?}");
        }
    }

    /// The checks on a file's bytes, before any JSON is parsed.
    #[test]
    fn bytes_are_checked_before_parsing() {
        assert_eq!(text_of(b""), Err(ImportError::Empty));
        assert_eq!(text_of(b" \n\t"), Err(ImportError::Empty));
        assert_eq!(text_of(b"\xEF\xBB\xBF"), Err(ImportError::Empty));
        assert_eq!(text_of(b"\xEF\xBB\xBF{}"), Ok("{}"));
        // Shift_JIS "北本市" is not UTF-8: never replaced by U+FFFD, refused with the place.
        assert_eq!(text_of(b"{\"t\": \"\x96\x6B\x96\x7B\x8E\x73\"}"), Err(ImportError::NotUtf8 { offset: 7 }));
        assert_eq!(text_of("番号,名前\n1,a".as_bytes()), Err(ImportError::OtherKind { kind: OtherKind::Csv }));
        assert_eq!(
            text_of("\u{FEFF}\"番号\",\"名前\"\r\n".as_bytes()),
            Err(ImportError::OtherKind { kind: OtherKind::Csv })
        );
        assert_eq!(text_of(b"id\ttitle\n"), Err(ImportError::OtherKind { kind: OtherKind::Csv }));
        assert_eq!(text_of(b"PK\x03\x04\x14\x00"), Err(ImportError::OtherKind { kind: OtherKind::Zip }));
        assert_eq!(text_of(b"%PDF-1.7\n"), Err(ImportError::OtherKind { kind: OtherKind::Pdf }));
        // JSON is never taken for a CSV, whatever its first line holds.
        for json in ["{\"a\": 1, \"b\": 2}", "[1, 2]", "\"a,b\"", "null\t", "  1e3  "] {
            assert_eq!(text_of(json.as_bytes()), Ok(json), "{json}");
        }
        assert_eq!(check_size(MAX_FILE_BYTES), Ok(()));
        assert_eq!(check_size(80 << 20), Err(ImportError::TooLarge { bytes: 80 << 20, limit: MAX_FILE_BYTES }));
        assert_eq!(
            text_of(&vec![b' '; MAX_FILE_BYTES as usize + 1]),
            Err(ImportError::TooLarge { bytes: MAX_FILE_BYTES + 1, limit: MAX_FILE_BYTES })
        );
    }

    #[test]
    fn json_errors_say_what_kind() {
        let kind = |text: &str| match parse(text) {
            Err(ImportError::NotJson { problem, near, line, .. }) => (problem, near, line),
            other => panic!("{other:?}"),
        };
        assert_eq!(kind("{\"a\": [1, 2").0, JsonProblem::Truncated);
        assert_eq!(kind(&"[".repeat(200)).0, JsonProblem::TooDeep);
        assert_eq!(kind("{\"a\": 1e400}"), (JsonProblem::NumberOutOfRange, "{\"a\": 1e400}".into(), 1));
        assert_eq!(kind("{\n  \"value\": NaN,\n  \"b\": 1\n}"), (JsonProblem::Syntax, "\"value\": NaN,".into(), 2));
        // Deep, but within the limit, is fine.
        assert!(parse(&("[".repeat(100) + &"]".repeat(100))).is_ok());
    }

    /// A file in an older version is migrated and says so (this build has no older version
    /// yet: a made-up migration 1 → 2 stands in).
    #[test]
    fn an_older_version_is_migrated_and_says_so() {
        fn rename(v: &mut Value) -> Result<(), String> {
            let s = v.get_mut("strategy").and_then(Value::as_object_mut).ok_or("no strategy")?;
            let name = s.remove("name").ok_or("no name")?;
            s.insert("title".into(), name);
            Ok(())
        }
        let migrations = [super::super::migrations::Migration { from: 1, title: "name → title", apply: rename }];
        /// The strategy as version 1 of this made-up history wrote it: `name`, not `title`.
        fn v_named(s: &Strategy) -> Value {
            let mut v = serde_json::to_value(s).unwrap();
            let title = v.as_object_mut().unwrap().remove("title").unwrap();
            v["name"] = title;
            v
        }
        let read = read_value_with(file(v_named(&sample())), &migrations, 2).unwrap();
        assert_eq!(read.migrated_from, Some(1));
        assert_eq!(read.strategy.title, sample().title);
        assert!(matches!(
            read_value_with(file(json!({})), &migrations, 2),
            Err(ImportError::Migration { from: 1, .. })
        ));
        // Storage's reader migrates the same way and finds the same strategy.
        let one = sample();
        let text = file(v_named(&one)).to_string();
        assert_eq!(
            read_quietly_with(&text, &migrations, 2),
            Some(read_value_with(file(v_named(&one)), &migrations, 2).unwrap())
        );
        assert_eq!(read_quietly_with(&file(json!({})).to_string(), &migrations, 2), None);
        // A file already in version 2 is read as it is, not migrated.
        let current = json!({"format": "shirube-strategy", "version": 2, "exported_at": "t", "generator": "g", "strategy": serde_json::to_value(&one).unwrap()});
        assert_eq!(
            read_quietly_with(&current.to_string(), &migrations, 2).map(|r| (r.strategy, r.migrated_from)),
            Some((one, None))
        );
    }

    #[test]
    fn read_keeps_an_invalid_strategy_that_import_refuses() {
        let mut s = sample();
        s.period = PlanPeriod { first: FiscalYear(2025), last: FiscalYear(2020) };
        let text = export(&s, "t");
        assert!(matches!(import(&text), Err(ImportError::Invalid { .. })));
        let read = read(&text).unwrap();
        assert_eq!(read.strategy, s);
        assert!(read
            .problems
            .iter()
            .any(|p| p.kind == ProblemKind::PeriodReversed { first: FiscalYear(2025), last: FiscalYear(2020) }));
    }

    #[test]
    fn warnings_come_back_with_the_strategy() {
        let mut s = sample();
        s.indicators.push(crate::model::Indicator::new("1-1", "未使用の指標", "%").into());
        let imported = import(&export(&s, "t")).unwrap();
        assert_eq!(imported.problems.len(), 1);
        assert_eq!(imported.problems[0].path, "strategy.indicators[0]");
        assert_eq!(imported.problems[0].kind, ProblemKind::IndicatorUnused);
    }
}
