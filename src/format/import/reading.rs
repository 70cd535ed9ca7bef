//! Reading a strategy file: the chain — envelope → migrate → deserialise with the failing
//! path → validate — and, before it, the quick path for the common case (a current file read
//! straight from its text), which steps aside for anything else so that errors are always the
//! chain's. Also storage's quiet reader, which needs neither paths nor messages.

use super::error::classify;
use super::sniff::{check_envelope, parse};
use super::ImportError;
use crate::format::envelope::{CURRENT_VERSION, FORMAT_NAME};
use crate::format::header::{Headed, Header};
use crate::format::migrations::{migrate, Migration, MIGRATIONS};
use crate::format::{Author, Lineage};
use crate::model::{errors, validate, Problem, ProblemKind, Strategy, VersionId};
use serde_json::Value;

/// A strategy read from a file, with what the user should know about it.
#[derive(Clone, Debug, PartialEq)]
pub struct Imported {
    pub strategy: Strategy,
    /// Validation problems (paths from the file's root, `strategy.…`): only warnings when it
    /// comes from [`import`]; errors too when it comes from `read`.
    pub problems: Vec<Problem>,
    /// The version the file was written in, when older than this build's (it was migrated).
    pub migrated_from: Option<u64>,
    pub exported_at: String,
    pub generator: String,
    /// Which shared versions the file's strategy descends from (`None`: the file does not say).
    pub lineage: Option<Lineage>,
    /// Who wrote it, in a shared folder (`None`: the file does not say).
    pub author: Option<Author>,
}

impl Imported {
    /// Where each value of the file's strategy was last set, when the file says
    /// (`model::merge::provenance`).
    pub fn marks(&self) -> Option<crate::model::merge::provenance::Provenance> {
        self.lineage.as_ref().and_then(|l| l.provenance.clone()).filter(|p| !p.is_empty())
    }
}

/// Reads a file's text: every step, and a strategy that breaks the model's rules is refused.
pub fn import(text: &str) -> Result<Imported, ImportError> {
    refuse_invalid(read(text)?)
}

/// The last step: a strategy that breaks the model's rules is refused, with every error.
pub(in crate::format) fn refuse_invalid(read: Imported) -> Result<Imported, ImportError> {
    refuse_unsafe_ids(&read)?;
    if errors(&read.problems).next().is_some() {
        return Err(ImportError::Invalid { problems: errors(&read.problems).cloned().collect() });
    }
    Ok(read)
}

/// The first id of `read` that breaks the id rule refuses it, even where a file keeps work in
/// progress that breaks other rules (a backup's entries): such an id can be neither stored nor
/// opened.
pub(in crate::format) fn refuse_unsafe_ids(read: &Imported) -> Result<(), ImportError> {
    if let Some(refused) = read.lineage.as_ref().and_then(Lineage::refusal) {
        return Err(refused);
    }
    match read.problems.iter().find_map(|p| match &p.kind {
        ProblemKind::UnsafeId { id } => Some((p.path.clone(), id.clone())),
        _ => None,
    }) {
        Some((path, id)) => Err(ImportError::UnsafeId { path, id }),
        None => Ok(()),
    }
}

/// Every step but the last refusal: a well-formed strategy comes back with all its problems,
/// errors included, as storage's [`read_quietly`] reads autosaved work in progress (a reversed
/// period while typing is the user's work, not garbage).
pub(crate) fn read(text: &str) -> Result<Imported, ImportError> {
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
pub(in crate::format) fn read_current(text: &str) -> Option<Imported> {
    read_current_of(text, CURRENT_VERSION)
}

fn read_current_of(text: &str, current: u64) -> Option<Imported> {
    use serde::Deserialize;
    /// The file in one pass over its text, after its header; any doubt (a header of another
    /// kind or version, a field of another type, a duplicate key) is an error here, and the full
    /// path decides.
    #[derive(Deserialize)]
    struct CurrentFile {
        strategy: Strategy,
        #[serde(default)]
        lineage: Option<Lineage>,
        #[serde(default)]
        author: Option<Author>,
    }
    let text = text.strip_prefix('\u{FEFF}').unwrap_or(text);
    let mut de = serde_json::Deserializer::from_str(text);
    let Headed { header, body: file } = Headed::<CurrentFile>::deserialize(&mut de).ok()?;
    de.end().ok()?;
    if header.format != FORMAT_NAME || header.version != current {
        return None;
    }
    let problems = validate(&file.strategy).into_iter().map(|p| Problem { path: rooted(&p.path), ..p }).collect();
    Some(Imported {
        strategy: file.strategy,
        problems,
        migrated_from: None,
        exported_at: header.exported_at.to_owned(),
        generator: header.generator.to_owned(),
        lineage: with_head(file.lineage, header.head),
        author: file.author,
    })
}

/// The file's lineage with the version id its envelope gives at its top.
fn with_head(lineage: Option<Lineage>, head: Option<VersionId>) -> Option<Lineage> {
    match (lineage, head) {
        (Some(l), head) => Some(Lineage { head, ..l }),
        (None, Some(head)) => Some(Lineage { head: Some(head), ..Lineage::default() }),
        (None, None) => None,
    }
}

/// What storage reads back: the strategy [`read`] finds, without saying where a text is wrong
/// (storage keeps unreadable text aside whole). An older version is migrated as a JSON value and
/// then read from text the quick way, so this never needs the path-tracking deserialiser: that
/// stays in the part of the wasm that opens files (`ui::state::open_file`), out of the first
/// download.
pub(crate) fn read_quietly(text: &str) -> Option<Imported> {
    read_quietly_with(text, MIGRATIONS, CURRENT_VERSION)
}

/// The `format` a JSON text names at its top (`shirube-backup`, another program's), if it names
/// one: what a text [`read_quietly`] could not read is, in a word.
pub(crate) fn format_name(text: &str) -> Option<String> {
    #[derive(serde::Deserialize)]
    struct Head {
        format: String,
    }
    serde_json::from_str::<Head>(text.strip_prefix('\u{FEFF}').unwrap_or(text)).ok().map(|h| h.format)
}

/// [`read_quietly`] with a given list of migrations and current version (for tests).
pub(super) fn read_quietly_with(text: &str, migrations: &[Migration], current: u64) -> Option<Imported> {
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
pub(in crate::format) fn read_value(value: Value) -> Result<Imported, ImportError> {
    read_value_with(value, MIGRATIONS, CURRENT_VERSION)
}

/// [`read_value`] with a given list of migrations and current version (tests try migrations
/// that this build does not have yet).
pub(super) fn read_value_with(
    mut value: Value,
    migrations: &[Migration],
    current: u64,
) -> Result<Imported, ImportError> {
    let version = check_envelope(&value, current)?;
    let header = Header::of(&value);
    let (exported_at, generator) = (header.exported_at.to_owned(), header.generator.to_owned());
    migrate(&mut value, version, migrations, current)?;
    let head = match value.get_mut("head").map(Value::take) {
        None | Some(Value::Null) => None,
        Some(raw) => Some(
            serde_json::from_value::<VersionId>(raw)
                .map_err(|e| ImportError::Shape { path: "head".into(), problem: classify(&e.to_string()) })?,
        ),
    };
    let lineage = match value.get_mut("lineage").map(Value::take) {
        None | Some(Value::Null) => None,
        Some(raw) => Some(serde_path_to_error::deserialize(raw).map_err(|e| {
            let path = e.path().to_string();
            let path = if path == "." { "lineage".to_owned() } else { format!("lineage.{path}") };
            ImportError::Shape { path, problem: classify(&e.into_inner().to_string()) }
        })?),
    };
    let author = match value.get_mut("author").map(Value::take) {
        None | Some(Value::Null) => None,
        Some(raw) => Some(serde_path_to_error::deserialize(raw).map_err(|e| {
            let path = e.path().to_string();
            let path = if path == "." { "author".to_owned() } else { format!("author.{path}") };
            ImportError::Shape { path, problem: classify(&e.into_inner().to_string()) }
        })?),
    };
    let raw = value.get_mut("strategy").map(Value::take).unwrap_or(Value::Null);
    let strategy = Strategy::from_value(raw).map_err(|e| {
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
        lineage: with_head(lineage, head),
        author,
    })
}

fn rooted(path: &str) -> String {
    if path.is_empty() {
        "strategy".to_owned()
    } else {
        format!("strategy.{path}")
    }
}
