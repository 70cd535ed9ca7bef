//! Looking at a file before reading it as a strategy: its size, its bytes (empty, UTF-8, not a
//! CSV, a spreadsheet or a PDF), its JSON (with the kind and place of a syntax error), and the
//! envelope every Shirube file shares (`format`, `version`).

use super::error::truncate;
use super::{EnvelopeProblem, ImportError, JsonProblem, OtherKind};
use crate::format::envelope::FORMAT_NAME;
use serde_json::Value;

/// Files larger than this are refused before they are read: this keeps the tab responsive
/// (reading 64 MiB takes about a second and several times its size in memory). A file the
/// browser's storage cannot hold (Chromium keeps 5 Mi UTF-16 units per site: a strategy of
/// roughly 10 MB as exported) is below it: it is read and opened, and saving it fails with
/// the storage's own error, so that it can still be looked at, edited and exported.
pub const MAX_FILE_BYTES: u64 = 64 * 1024 * 1024;

/// Refuses a file by its size alone, before reading it (the browser gives `File.size`).
pub fn check_size(bytes: u64) -> Result<(), ImportError> {
    check_size_within(bytes, MAX_FILE_BYTES)
}

/// [`check_size`] against a lower limit of a kind of file (a KPI table's CSV).
pub fn check_size_within(bytes: u64, limit: u64) -> Result<(), ImportError> {
    if bytes > limit {
        return Err(ImportError::TooLarge { bytes, limit });
    }
    Ok(())
}

/// A file's bytes as text: not too large, not empty, UTF-8 (BOMs in front are dropped), and not
/// recognisably a CSV, spreadsheet or PDF. Invalid UTF-8 is an error, never replaced.
pub fn text_of(bytes: &[u8]) -> Result<&str, ImportError> {
    check_size(bytes.len() as u64)?;
    // Every BOM in front (a file saved twice by a tool that adds one each time is still JSON).
    let mut bytes = bytes;
    while let Some(rest) = bytes.strip_prefix(b"\xEF\xBB\xBF") {
        bytes = rest;
    }
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

/// Checks the envelope and returns the file's version.
pub(super) fn check_envelope(value: &Value, current: u64) -> Result<u64, ImportError> {
    let version = check_header(value, FORMAT_NAME, current)?;
    match value.get("strategy") {
        Some(Value::Object(_)) => Ok(version),
        Some(_) => Err(ImportError::NotAnEnvelope { path: "strategy".into(), problem: EnvelopeProblem::NotAnObject }),
        None => Err(ImportError::NotAnEnvelope { path: "strategy".into(), problem: EnvelopeProblem::Missing }),
    }
}

/// The part every Shirube file shares: an object with this `format` name and a `version` from
/// 1 to `current` (a newer one is refused). Returns the version.
pub(in crate::format) fn check_header(value: &Value, format: &str, current: u64) -> Result<u64, ImportError> {
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
