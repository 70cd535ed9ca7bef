//! The "back up everything" file: every strategy of a browser and every backup it keeps, in one
//! file, which "restore everything" reads back.
//!
//! ```json
//! {
//!   "format": "shirube-backup",
//!   "version": 1,
//!   "exported_at": "2026-11-21T05:00:00.000Z",
//!   "generator": "Shirube 0.1.0",
//!   "strategies": [ <a shirube-strategy file>, … ],
//!   "backups": [ { "taken_at": "…", "reason": "deleted", "file": <a shirube-strategy file> }, … ],
//!   "regions": [ { "id": "region-…", "name": "渡島総合振興局管内", "members": […], … }, … ]
//! }
//! ```
//!
//! Each entry is a complete strategy file (`shirube-strategy`, with its own version, migrated on
//! its own); a stored strategy's `exported_at` is when it was last saved. `reason` is why the
//! backup was taken: `deleted`, `replaced` or `manual` (an unknown word is kept as `manual`).
//! `regions` (optional; a file written before regions existed has none) are the regional
//! bureau's regions (`model::region::Region`, as in the region file), whose towns are among the
//! strategies; a region that cannot be read refuses the file, as an entry does.
//! The file is written without indentation: browser storage holds about 10 MB, and the file
//! must fit under the import's size limit ([`super::MAX_FILE_BYTES`]) when read back.
//!
//! Unlike a single strategy file, an entry that only breaks the model's rules (work in
//! progress, as autosave keeps it) is read, not refused: a backup gives back what there was.
//! Its problems come back with it for the preview to show. The JSON Schema is
//! `public/shirube-backup.v1.schema.json`.

use super::entries::{first_of_its_id, in_entry, refuse_unsafe_region, take_array, take_optional_array, Saved};
use super::envelope::{envelope, Envelope, EnvelopeRef};
use super::header::Header;
use super::import::{check_header, read_value, refuse_unsafe_ids, ImportError, Imported};
use crate::model::region::Region;
use crate::model::Strategy;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use serde_json::Value;
use std::collections::HashMap;

pub const BACKUP_FORMAT_NAME: &str = "shirube-backup";
/// The version of the backup file this build writes.
pub const BACKUP_VERSION: u64 = 1;

/// A "back up everything" file (the type documents the layout and gives the JSON Schema; the
/// file is written and read without building it).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[schemars(
    title = "Shirube backup of everything",
    description = "Every strategy and every backup kept by one browser, exported by Shirube"
)]
pub struct BackupFile {
    /// Always "shirube-backup".
    pub format: String,
    /// The version of this outer file (each entry carries its own strategy-file version).
    pub version: u64,
    /// When the file was written (ISO 8601).
    pub exported_at: String,
    /// What wrote it, e.g. "Shirube 0.1.0".
    pub generator: String,
    /// Every stored strategy, each a complete strategy file; its `exported_at` is when it was
    /// last saved.
    pub strategies: Vec<Envelope>,
    /// Earlier versions kept before a delete or a replacement.
    #[serde(default)]
    pub backups: Vec<BackupEntry>,
    /// The regional bureau's regions (their towns are among `strategies`).
    #[serde(default)]
    pub regions: Vec<Region>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct BackupEntry {
    /// When the backup was taken (ISO 8601).
    pub taken_at: String,
    /// Why: "deleted", "replaced" or "manual".
    #[serde(default)]
    pub reason: String,
    pub file: Envelope,
}

/// A backup to write.
pub struct BackupToWrite<'a> {
    pub strategy: &'a Strategy,
    pub taken_at: &'a str,
    pub reason: &'a str,
}

/// What a backup file holds, read and checked.
#[derive(Clone, Debug, PartialEq)]
pub struct Everything {
    pub exported_at: String,
    pub generator: String,
    /// Every strategy, with its problems (errors included) and its entry's `exported_at`
    /// (when it was last saved).
    pub strategies: Vec<Imported>,
    pub backups: Vec<KeptBackup>,
    pub regions: Vec<Region>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct KeptBackup {
    pub imported: Imported,
    pub taken_at: String,
    pub reason: String,
}

#[derive(Serialize)]
struct FileRef<'a> {
    #[serde(flatten)]
    header: Header<'a>,
    strategies: Vec<EnvelopeRef<'a>>,
    backups: Vec<BackupRef<'a>>,
    regions: &'a [Region],
}

#[derive(Serialize)]
struct BackupRef<'a> {
    taken_at: &'a str,
    reason: &'a str,
    file: EnvelopeRef<'a>,
}

/// The backup file's text (compact).
pub fn export_everything(
    strategies: &[Saved<'_>],
    backups: &[BackupToWrite<'_>],
    regions: &[Region],
    exported_at: &str,
) -> String {
    let file = FileRef {
        header: Header::new(BACKUP_FORMAT_NAME, BACKUP_VERSION, exported_at),
        strategies: strategies.iter().map(|s| envelope(s.strategy, s.saved_at)).collect(),
        backups: backups
            .iter()
            .map(|b| BackupRef { taken_at: b.taken_at, reason: b.reason, file: envelope(b.strategy, b.taken_at) })
            .collect(),
        regions,
    };
    serde_json::to_string(&file).unwrap_or_default()
}

/// Reads a parsed backup file: the header, then every entry through the strategy file's own
/// steps (envelope → migrate → deserialize → validate, errors kept). An entry that cannot be
/// read refuses the whole file, with its place (`strategies[3]` …) in the error.
pub fn read_everything(mut value: Value) -> Result<Everything, ImportError> {
    check_header(&value, BACKUP_FORMAT_NAME, BACKUP_VERSION)?;
    let header = Header::of(&value);
    let (exported_at, generator) = (header.exported_at.to_owned(), header.generator.to_owned());
    let strategies = take_array(&mut value, "strategies")?;
    let backups = take_optional_array(&mut value, "backups")?;
    let regions = take_optional_array(&mut value, "regions")?;

    let mut read = Vec::with_capacity(strategies.len());
    let mut first: HashMap<crate::model::Id, usize> = HashMap::new();
    for (i, entry) in strategies.into_iter().enumerate() {
        let path = format!("strategies[{i}]");
        let imported = read_value(entry).map_err(|e| in_entry(&path, e))?;
        refuse_unsafe_ids(&imported).map_err(|e| in_entry(&path, e))?;
        first_of_its_id(&mut first, i, &imported).map_err(|e| in_entry(&path, e))?;
        read.push(imported);
    }

    let mut kept = Vec::with_capacity(backups.len());
    for (i, entry) in backups.into_iter().enumerate() {
        let path = format!("backups[{i}]");
        #[derive(Deserialize)]
        struct Entry {
            taken_at: String,
            #[serde(default)]
            reason: String,
            file: Value,
        }
        let entry: Entry = serde_path_to_error::deserialize(entry).map_err(|e| {
            let at = e.path().to_string();
            let problem = super::import::classify(&e.into_inner().to_string());
            ImportError::Shape { path: if at == "." { path.clone() } else { format!("{path}.{at}") }, problem }
        })?;
        let imported = read_value(entry.file).map_err(|e| in_entry(&format!("{path}.file"), e))?;
        refuse_unsafe_ids(&imported).map_err(|e| in_entry(&format!("{path}.file"), e))?;
        kept.push(KeptBackup { imported, taken_at: entry.taken_at, reason: entry.reason });
    }
    let regions = regions
        .into_iter()
        .enumerate()
        .map(|(i, entry)| {
            serde_path_to_error::deserialize::<_, Region>(entry).map_err(|e| {
                let path = match e.path().to_string() {
                    at if at == "." => format!("regions[{i}]"),
                    at => format!("regions[{i}].{at}"),
                };
                ImportError::Shape { path, problem: super::import::classify(&e.into_inner().to_string()) }
            })
        })
        .collect::<Result<Vec<Region>, ImportError>>()?;
    for (i, region) in regions.iter().enumerate() {
        refuse_unsafe_region(&format!("regions[{i}]"), region)?;
    }
    Ok(Everything { exported_at, generator, strategies: read, backups: kept, regions })
}

/// The JSON Schema of the backup file, as shipped in `public/`.
pub fn backup_json_schema() -> String {
    let schema = schemars::schema_for!(BackupFile);
    serde_json::to_string_pretty(&schema).expect("a schema always serialises") + "\n"
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::format::{export, parse, EnvelopeProblem, ShapeProblem, GENERATOR};
    use crate::model::ProblemKind;
    use crate::model::{template, FiscalYear, PlanPeriod};
    use serde_json::json;

    fn strategy(title: &str) -> Strategy {
        template::from_second_period(title, "しるべ町", PlanPeriod { first: FiscalYear(2020), last: FiscalYear(2024) })
    }

    #[test]
    fn round_trips_strategies_backups_and_regions() {
        let (a, b) = (strategy("A"), strategy("B"));
        let mut region = Region::new("渡島総合振興局管内");
        region.members.push(a.id.clone());
        let mut wip = strategy("作業中");
        wip.period = PlanPeriod { first: FiscalYear(2030), last: FiscalYear(2020) };
        let text = export_everything(
            &[
                Saved { strategy: &a, saved_at: "2026-01-01T00:00:00Z" },
                Saved { strategy: &wip, saved_at: "2026-01-02T00:00:00Z" },
            ],
            &[BackupToWrite { strategy: &b, taken_at: "2026-01-03T00:00:00Z", reason: "deleted" }],
            std::slice::from_ref(&region),
            "2026-01-04T00:00:00Z",
        );
        assert!(!text.contains("\n  "), "compact");
        let all = read_everything(parse(&text).unwrap()).unwrap();
        assert_eq!(all.exported_at, "2026-01-04T00:00:00Z");
        assert_eq!(all.generator, GENERATOR);
        assert_eq!(all.strategies.len(), 2);
        assert_eq!(all.strategies[0].strategy, a);
        assert_eq!(all.strategies[0].exported_at, "2026-01-01T00:00:00Z");
        // Work in progress that breaks a rule is read, with its problems.
        assert_eq!(all.strategies[1].strategy, wip);
        assert!(crate::model::errors(&all.strategies[1].problems).next().is_some());
        assert_eq!(all.backups.len(), 1);
        assert_eq!(all.backups[0].imported.strategy, b);
        assert_eq!(
            (all.backups[0].taken_at.as_str(), all.backups[0].reason.as_str()),
            ("2026-01-03T00:00:00Z", "deleted")
        );
        assert_eq!(all.regions, [region]);
        // The file satisfies its own type.
        let typed: BackupFile = serde_json::from_str(&text).unwrap();
        assert_eq!(typed.strategies.len(), 2);
    }

    #[test]
    fn errors_name_the_entry() {
        let a = strategy("A");
        let good = serde_json::from_str::<Value>(&export(&a, "t")).unwrap();
        let file = |strategies: Value, backups: Value| json!({"format": "shirube-backup", "version": 1, "exported_at": "t", "generator": "g", "strategies": strategies, "backups": backups});
        let read = |v: Value| read_everything(v).map(|_| ());
        let entry = |path: &str, error| Err(ImportError::InEntry { path: path.into(), error: Box::new(error) });

        assert_eq!(
            read(json!({"format": "shirube-backup", "version": 2, "strategies": []})),
            Err(ImportError::NewerVersion { version: 2 })
        );
        assert_eq!(
            read(json!({"format": "shirube-backup", "version": 1})),
            Err(ImportError::NotAnEnvelope { path: "strategies".into(), problem: EnvelopeProblem::Missing })
        );
        assert_eq!(
            read(json!({"format": "shirube-backup", "version": 1, "strategies": {}})),
            Err(ImportError::NotAnEnvelope { path: "strategies".into(), problem: EnvelopeProblem::NotAnArray })
        );
        assert_eq!(read(file(json!([]), json!([]))), Ok(()));
        let mut with_regions = file(json!([]), json!([]));
        with_regions["regions"] = json!([{"id": "region-1", "name": "管内"}, {"id": "region-2", "members": [3]}]);
        assert_eq!(
            read(with_regions.clone()),
            Err(ImportError::Shape {
                path: "regions[1].members[0]".into(),
                problem: ShapeProblem::InvalidType { found: "integer `3`".into(), expected: "a string".into() }
            })
        );
        with_regions["regions"] = json!({});
        assert_eq!(
            read(with_regions),
            Err(ImportError::NotAnEnvelope { path: "regions".into(), problem: EnvelopeProblem::NotAnArray })
        );

        let mut newer = good.clone();
        newer["version"] = json!(7);
        assert_eq!(
            read(file(json!([good.clone(), newer]), json!([]))),
            entry("strategies[1]", ImportError::NewerVersion { version: 7 })
        );

        let mut wrong = good.clone();
        wrong["strategy"]["title"] = json!(5);
        assert_eq!(
            read(file(json!([wrong]), json!([]))),
            entry(
                "strategies[0]",
                ImportError::Shape {
                    path: "strategy.title".into(),
                    problem: ShapeProblem::InvalidType { found: "integer `5`".into(), expected: "a string".into() }
                }
            )
        );

        match read(file(json!([good.clone(), good.clone()]), json!([]))) {
            Err(ImportError::InEntry { path, error }) => {
                assert_eq!(path, "strategies[1]");
                assert!(
                    matches!(*error, ImportError::Invalid { ref problems } if problems[0].kind == ProblemKind::DuplicateId { id: a.id.clone(), first: "strategies[0]".into() })
                );
            }
            other => panic!("{other:?}"),
        }

        assert_eq!(
            read(file(json!([]), json!([{"reason": "deleted", "file": good.clone()}]))),
            Err(ImportError::Shape {
                path: "backups[0]".into(),
                problem: ShapeProblem::MissingField { field: "taken_at".into() }
            })
        );
        assert_eq!(
            read(file(json!([]), json!([{"taken_at": "t", "file": {"format": "x"}}]))),
            entry(
                "backups[0].file",
                ImportError::NotAnEnvelope {
                    path: "format".into(),
                    problem: EnvelopeProblem::WrongFormat { found: "x".into() }
                }
            )
        );
    }

    /// The schema shipped in `public/` must be the one the Rust types produce
    /// (`UPDATE_SCHEMA=1 cargo test` rewrites it).
    #[test]
    fn shipped_backup_schema_matches_the_types() {
        let path = concat!(env!("CARGO_MANIFEST_DIR"), "/public/shirube-backup.v1.schema.json");
        let generated = backup_json_schema();
        if std::env::var_os("UPDATE_SCHEMA").is_some() {
            std::fs::write(path, &generated).unwrap();
        }
        let shipped = std::fs::read_to_string(path).unwrap_or_default();
        assert!(
            shipped == generated,
            "public/shirube-backup.v1.schema.json is out of date: run `UPDATE_SCHEMA=1 cargo test` and commit it"
        );
    }
}
