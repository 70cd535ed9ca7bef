//! What can go wrong in an import, as data: [`ImportError`] and the kinds it sorts problems
//! into (of the JSON, of the envelope, of a value's shape), for `locale` to put into words.
//! Also the sorting of serde's messages into those kinds, and the cutting of a file's text to
//! a length that fits in a message.

use crate::model::Problem;

#[derive(Clone, Debug, PartialEq, thiserror::Error)]
pub enum ImportError {
    /// The file is larger than [`MAX_FILE_BYTES`](super::MAX_FILE_BYTES): refused before it is read.
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
    /// An id that breaks the id rule (`model::is_safe_id`): the file is refused with the path of
    /// the first one (from the file's root, e.g. `strategy.goals[0].id`, `region.members[2]`),
    /// not renewed — see the rule's reasons there.
    #[error("{path}: unsafe id {id:?}")]
    UnsafeId { path: String, id: crate::model::Id },
    /// A list of the file's version history longer than its limit (`path`: the list): Shirube
    /// never writes one, so the file was changed by another tool or is damaged.
    #[error("{path}: more than {limit} entries")]
    TooManyVersions { path: String, list: VersionList, limit: usize },
    /// The strategy breaks the model's rules (every error, paths from the file's root).
    #[error("{} problems", problems.len())]
    Invalid { problems: Vec<Problem> },
    /// One entry of a file that holds several (a backup of everything) could not be read:
    /// `path` is the entry's place in the file, e.g. `strategies[3]`; the error's own paths
    /// start inside the entry.
    #[error("{path}: {error}")]
    InEntry { path: String, error: Box<ImportError> },
}

/// Which list of a file's version history is over its limit ([`ImportError::TooManyVersions`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum VersionList {
    /// The graph of version ids (`lineage.graph`).
    Graph,
    /// One version's parents in the graph.
    Parents,
    /// An older file's list of the versions it descends from (`lineage.versions`).
    Versions,
}

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
    MissingField {
        field: String,
    },
    InvalidType {
        found: String,
        expected: String,
    },
    UnknownVariant {
        found: String,
        expected: String,
    },
    /// The right type, but a value it cannot hold (`-3` where 0–255 belongs, serde's
    /// "invalid value").
    InvalidValue {
        found: String,
        expected: String,
    },
    /// A version graph (`lineage.graph`) whose compact string cannot be read
    /// (`format::graph::Damaged`, its English words in `detail`).
    DamagedGraph {
        detail: String,
    },
    /// A version's id (`head`, `lineage.base_id`, `lineage.versions[i]`, a node of format 1's
    /// `lineage.graph`) that is not 32 lowercase hexadecimal digits (`model::NotVersionId`):
    /// Shirube never wrote another.
    NotVersionId {
        found: String,
    },
    /// serde's words for anything else; shown in English only (the Japanese message names the
    /// place and says the value cannot be read).
    Other {
        detail: String,
    },
}

/// Sorts serde's English message into a kind; what is not recognised keeps the message.
pub(in crate::format) fn classify(message: &str) -> ShapeProblem {
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
    if let (Some(found), Some(expected)) = (
        between(message, "invalid value: ", ", expected "),
        message.split_once(", expected ").map(|(_, e)| e.to_owned()),
    ) {
        return ShapeProblem::InvalidValue { found: truncate(&found), expected: strip_position(&expected) };
    }
    if let (Some(found), Some(expected)) =
        (between(message, "unknown variant `", "`"), message.split_once("expected ").map(|(_, e)| e.to_owned()))
    {
        return ShapeProblem::UnknownVariant { found: truncate(&found), expected: strip_position(&expected) };
    }
    if let Some(found) = message.strip_prefix("not a version id (32 lowercase hexadecimal digits): ") {
        let found = strip_position(found);
        let found = found.strip_prefix('"').and_then(|f| f.strip_suffix('"')).unwrap_or(&found);
        return ShapeProblem::NotVersionId { found: truncate(found) };
    }
    if message.starts_with("the version graph") {
        return ShapeProblem::DamagedGraph { detail: strip_position(message) };
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
