//! The region file: a regional bureau's region (`model::region::Region`) and its towns'
//! strategies in one file, to move a whole region between machines.
//!
//! ```json
//! {
//!   "format": "shirube-region",
//!   "version": 1,
//!   "exported_at": "2026-11-21T05:00:00.000Z",
//!   "generator": "Shirube 0.1.0",
//!   "region": { "id": "region-…", "name": "渡島総合振興局管内", "members": […], … },
//!   "strategies": [ <a shirube-strategy file>, … ]
//! }
//! ```
//!
//! The same idea as the backup of everything (`everything`), and its pieces: each entry is a
//! complete strategy file, migrated and read on its own. Unlike the backup, one town's bad
//! file does not refuse the region: each entry's error is kept with its place
//! (`strategies[3]`), as an import of many towns' files at once lists each file's error, and
//! the good ones come in. Each town's file is imported as a single file would be — one that
//! breaks the model's rules is refused. Only a region that cannot be read refuses the file.
//! Written without indentation (179 towns: 18 MB); read from its text, each town's file from
//! its own slice of it, the way a single file is read.
//! Schema: `public/shirube-region.v1.schema.json`.

use super::entries::{first_of_its_id, in_entry, refuse_unsafe_region, take_array, Saved};
use super::envelope::{envelope, Envelope, EnvelopeRef};
use super::header::{Headed, Header};
use super::import::{
    check_header, classify, parse, read_current, read_value, refuse_invalid, text_of, ImportError, Imported,
};
use super::EnvelopeProblem;
use crate::model::region::Region;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use serde_json::value::RawValue;
use serde_json::Value;
use std::collections::HashMap;

pub const REGION_FORMAT_NAME: &str = "shirube-region";
/// The version of the region file this build writes.
pub const REGION_VERSION: u64 = 1;

/// A region file (the type documents the layout and gives the JSON Schema; the file is written
/// and read without building it).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[schemars(
    title = "Shirube region",
    description = "A regional bureau's region and its towns' strategies, exported by Shirube"
)]
pub struct RegionFile {
    /// Always "shirube-region".
    pub format: String,
    /// The version of this outer file (each entry carries its own strategy-file version).
    pub version: u64,
    /// When the file was written (ISO 8601).
    pub exported_at: String,
    /// What wrote it, e.g. "Shirube 0.1.0".
    pub generator: String,
    pub region: Region,
    /// The towns' strategies, each a complete strategy file.
    pub strategies: Vec<Envelope>,
}

#[derive(Serialize)]
struct FileRef<'a> {
    #[serde(flatten)]
    header: Header<'a>,
    region: &'a Region,
    strategies: Vec<EnvelopeRef<'a>>,
}

/// A region file read: the region, and each town's file read or refused, in the file's order.
#[derive(Clone, Debug, PartialEq)]
pub struct RegionRead {
    pub exported_at: String,
    pub generator: String,
    pub region: Region,
    /// Per entry: the strategy with its warnings, or why it was refused (an
    /// [`ImportError::InEntry`] naming the entry).
    pub towns: Vec<Result<Imported, ImportError>>,
}

/// The region file's text (compact): the region and its towns' strategies, each with when it
/// was last saved.
pub fn export_region(region: &Region, strategies: &[Saved<'_>], exported_at: &str) -> String {
    let file = FileRef {
        header: Header::new(REGION_FORMAT_NAME, REGION_VERSION, exported_at),
        region,
        strategies: strategies.iter().map(|s| envelope(s.strategy, s.saved_at)).collect(),
    };
    serde_json::to_string(&file).unwrap_or_default()
}

/// Reads a region file's bytes (size, UTF-8, JSON, then what [`read_region`] reads). A file of
/// this version is read straight from its text, each town's file from its own slice of it, so
/// that no JSON value of the whole file is built; anything that does not read cleanly that way
/// is read again by [`read_region`], whose errors say where.
pub fn open_region(bytes: &[u8]) -> Result<RegionRead, ImportError> {
    let towns = open_region_towns(bytes)?;
    let (exported_at, generator, region) = (towns.exported_at.clone(), towns.generator.clone(), towns.region.clone());
    Ok(RegionRead { exported_at, generator, region, towns: towns.collect() })
}

/// A region file read as far as its region; its towns' files are read one at a time, as the
/// iterator is advanced (each with its place, a duplicate id refused as in [`open_region`]).
/// Bringing in a large region file (179 towns: 18 MB) reads a town, stores it, reads the next:
/// the page is never held for the whole file, shows its progress and can stop.
pub struct RegionTowns<'a> {
    pub exported_at: String,
    pub generator: String,
    pub region: Region,
    entries: Entries<'a>,
    total: usize,
    at: usize,
    first: HashMap<crate::model::Id, usize>,
}

enum Entries<'a> {
    /// This version's towns as slices of the file's text, read when reached.
    Slices(std::vec::IntoIter<&'a RawValue>),
    /// Read already (an earlier version, or a file that did not read cleanly the quick way).
    Read(std::vec::IntoIter<Result<Imported, ImportError>>),
}

impl RegionTowns<'_> {
    /// How many towns the file holds.
    pub fn total(&self) -> usize {
        self.total
    }
}

impl Iterator for RegionTowns<'_> {
    type Item = Result<Imported, ImportError>;

    fn next(&mut self) -> Option<Self::Item> {
        let town = match &mut self.entries {
            Entries::Slices(slices) => {
                let raw = slices.next()?;
                let town = match read_current(raw.get()) {
                    Some(read) => refuse_invalid(read),
                    None => parse(raw.get()).and_then(read_value).and_then(refuse_invalid),
                };
                check_town(&mut self.first, self.at, town)
            }
            // Their places and duplicates said already.
            Entries::Read(read) => read.next()?,
        };
        self.at += 1;
        Some(town)
    }
}

/// Reads a region file's header and region ([`RegionTowns`]); `Err` when the file cannot be
/// read as a region file (nothing of it is read then).
pub fn open_region_towns(bytes: &[u8]) -> Result<RegionTowns<'_>, ImportError> {
    let text = text_of(bytes)?;
    let (exported_at, generator, region, entries) = match read_current_region(text) {
        Some(Headed { header, body }) => (
            header.exported_at.to_owned(),
            header.generator.to_owned(),
            body.region,
            Entries::Slices(body.strategies.into_iter()),
        ),
        None => {
            let read = read_region(parse(text)?)?;
            (read.exported_at, read.generator, read.region, Entries::Read(read.towns.into_iter()))
        }
    };
    let total = match &entries {
        Entries::Slices(s) => s.len(),
        Entries::Read(r) => r.len(),
    };
    Ok(RegionTowns { exported_at, generator, region, entries, total, at: 0, first: HashMap::new() })
}

/// A region file's fields after its header, read in one pass, its towns as slices of the text.
#[derive(Deserialize)]
struct CurrentRegion<'a> {
    region: Region,
    #[serde(borrow)]
    strategies: Vec<&'a RawValue>,
}

/// This version's region file in one pass; any doubt (another format or version, a region that
/// does not read) is `None`, and the full path ([`read_region`]) decides.
fn read_current_region(text: &str) -> Option<Headed<'_, CurrentRegion<'_>>> {
    let file: Headed<CurrentRegion> = serde_json::from_str(text.strip_prefix('\u{FEFF}').unwrap_or(text)).ok()?;
    let current = file.header.format == REGION_FORMAT_NAME && file.header.version == REGION_VERSION;
    (current && file.body.region.first_unsafe_id().is_none()).then_some(file)
}

/// Reads a parsed region file: the header and the region (an error here refuses the file),
/// then every entry through the strategy file's own steps, each entry's error kept with it.
/// A strategy whose id an earlier entry already has is refused as a duplicate.
pub fn read_region(mut value: Value) -> Result<RegionRead, ImportError> {
    check_header(&value, REGION_FORMAT_NAME, REGION_VERSION)?;
    let header = Header::of(&value);
    let (exported_at, generator) = (header.exported_at.to_owned(), header.generator.to_owned());
    let region = match value.get_mut("region").map(Value::take) {
        None => return Err(ImportError::NotAnEnvelope { path: "region".into(), problem: EnvelopeProblem::Missing }),
        Some(raw @ Value::Object(_)) => serde_path_to_error::deserialize::<_, Region>(raw).map_err(|e| {
            let path = e.path().to_string();
            let path = if path == "." { "region".to_owned() } else { format!("region.{path}") };
            ImportError::Shape { path, problem: classify(&e.into_inner().to_string()) }
        })?,
        Some(_) => {
            return Err(ImportError::NotAnEnvelope { path: "region".into(), problem: EnvelopeProblem::NotAnObject })
        }
    };
    refuse_unsafe_region("region", &region)?;
    let entries = take_array(&mut value, "strategies")?;
    // A current town's file the quick way (written out and read back costs less than the
    // path-tracking read of the value), else the full chain, which says what is wrong.
    let towns = entries.into_iter().map(|entry| match read_current(&entry.to_string()) {
        Some(read) => refuse_invalid(read),
        None => refuse_invalid(read_value(entry)?),
    });
    Ok(RegionRead { exported_at, generator, region, towns: checked(towns) })
}

/// Each town's result with its place (`strategies[3]`); a strategy whose id an earlier entry
/// has is refused as a duplicate.
fn checked(towns: impl Iterator<Item = Result<Imported, ImportError>>) -> Vec<Result<Imported, ImportError>> {
    let mut first = HashMap::new();
    towns.enumerate().map(|(i, town)| check_town(&mut first, i, town)).collect()
}

/// Town `i`'s result with its place; `first`: where each id was first met.
fn check_town(
    first: &mut HashMap<crate::model::Id, usize>,
    i: usize,
    town: Result<Imported, ImportError>,
) -> Result<Imported, ImportError> {
    let path = format!("strategies[{i}]");
    let imported = town.map_err(|e| in_entry(&path, e))?;
    first_of_its_id(first, i, &imported).map_err(|e| in_entry(&path, e))?;
    Ok(imported)
}

/// The JSON Schema of the region file, as shipped in `public/`.
pub fn region_json_schema() -> String {
    let schema = schemars::schema_for!(RegionFile);
    serde_json::to_string_pretty(&schema).expect("a schema always serialises") + "\n"
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::format::{export, ShapeProblem as Shape, GENERATOR};
    use crate::model::region::IndicatorMatch;
    use crate::model::{template, FiscalYear, PlanPeriod, ProblemKind, Strategy};
    use serde_json::json;

    fn strategy(town: &str) -> Strategy {
        template::from_second_period(
            &format!("{town}総合戦略"),
            town,
            PlanPeriod { first: FiscalYear(2025), last: FiscalYear(2029) },
        )
    }

    fn region_of(towns: &[&Strategy]) -> Region {
        let mut r = Region::new("渡島総合振興局管内");
        r.members = towns.iter().map(|s| s.id.clone()).collect();
        r.indicator_codes.push("観光客数".into());
        r.matches.push(IndicatorMatch {
            strategy: towns[0].id.clone(),
            indicator: crate::model::Id::from("ind-1"),
            key: Some("観光入込客数".into()),
        });
        r.unknown.insert("colour".into(), json!("#19486A"));
        r
    }

    #[test]
    fn round_trips_the_region_and_its_towns() {
        let (a, b) = (strategy("七飯町"), strategy("北斗市"));
        let region = region_of(&[&a, &b]);
        let saved = [Saved { strategy: &a, saved_at: "2026-01-01T00:00:00Z" }, Saved { strategy: &b, saved_at: "t2" }];
        let text = export_region(&region, &saved, "2026-01-04T00:00:00Z");
        assert!(!text.contains("\n  "), "compact");
        let read = open_region(text.as_bytes()).unwrap();
        assert_eq!((read.exported_at.as_str(), read.generator.as_str()), ("2026-01-04T00:00:00Z", GENERATOR));
        assert_eq!(read.region, region, "unknown fields of the region kept too");
        let towns: Vec<&Imported> = read.towns.iter().map(|t| t.as_ref().unwrap()).collect();
        assert_eq!((&towns[0].strategy, &towns[1].strategy), (&a, &b));
        assert_eq!(towns[0].exported_at, "2026-01-01T00:00:00Z");
        let typed: RegionFile = serde_json::from_str(&text).unwrap();
        assert_eq!(typed.strategies.len(), 2);
    }

    #[test]
    fn a_bad_town_is_listed_with_its_error_and_the_others_come_in() {
        let (a, b) = (strategy("七飯町"), strategy("北斗市"));
        let good = serde_json::from_str::<Value>(&export(&a, "t")).unwrap();
        let mut wrong = serde_json::from_str::<Value>(&export(&b, "t")).unwrap();
        wrong["strategy"]["title"] = json!(5);
        let mut reversed = strategy("木古内町");
        reversed.period = PlanPeriod { first: FiscalYear(2030), last: FiscalYear(2020) };
        let invalid = serde_json::from_str::<Value>(&export(&reversed, "t")).unwrap();
        let mut newer = good.clone();
        newer["version"] = json!(9);
        let region = region_of(&[&a, &b]);
        let file = json!({
            "format": "shirube-region", "version": 1, "exported_at": "t", "generator": "g",
            "region": serde_json::to_value(&region).unwrap(),
            "strategies": [good.clone(), wrong, invalid, newer, good, "text"],
        });
        let read = read_region(file.clone()).unwrap();
        // The quick path over the file's text finds exactly the same.
        assert_eq!(open_region(file.to_string().as_bytes()).unwrap(), read);
        let place = |t: &Result<Imported, ImportError>| match t {
            Ok(i) => format!("ok {}", i.strategy.municipality.name),
            Err(ImportError::InEntry { path, error }) => format!("{path}: {}", kind(error)),
            Err(other) => panic!("{other:?}"),
        };
        fn kind(e: &ImportError) -> &'static str {
            match e {
                ImportError::Shape { problem: Shape::InvalidType { .. }, .. } => "shape",
                ImportError::Invalid { problems } if matches!(problems[0].kind, ProblemKind::DuplicateId { .. }) => {
                    "duplicate"
                }
                ImportError::Invalid { .. } => "invalid",
                ImportError::NewerVersion { version: 9 } => "newer",
                ImportError::NotAnEnvelope { .. } => "not a strategy file",
                _ => "other",
            }
        }
        let got: Vec<String> = read.towns.iter().map(place).collect();
        assert_eq!(
            got,
            [
                "ok 七飯町",
                "strategies[1]: shape",
                "strategies[2]: invalid",
                "strategies[3]: newer",
                "strategies[4]: duplicate",
                "strategies[5]: not a strategy file"
            ]
        );
        match &read.towns[1] {
            Err(ImportError::InEntry { error, .. }) => {
                assert!(matches!(**error, ImportError::Shape { ref path, .. } if path == "strategy.title"))
            }
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn a_region_that_cannot_be_read_refuses_the_file() {
        let file = |region: Value| json!({"format": "shirube-region", "version": 1, "exported_at": "t", "generator": "g", "region": region, "strategies": []});
        // Both paths refuse alike.
        let read = |v: Value| {
            let quick = open_region(v.to_string().as_bytes()).map(|r| r.towns.len());
            let full = read_region(v).map(|r| r.towns.len());
            assert_eq!(quick, full);
            full
        };
        assert_eq!(read(file(json!({"id": "region-1", "name": "管内"}))), Ok(0));
        assert_eq!(
            read(file(json!({"id": "region-1"}))),
            Err(ImportError::Shape { path: "region".into(), problem: Shape::MissingField { field: "name".into() } })
        );
        assert!(matches!(
            read(file(json!({"id": "region-1", "name": "管内", "members": [3]}))),
            Err(ImportError::Shape { ref path, .. }) if path == "region.members[0]"
        ));
        assert_eq!(
            read(file(json!([]))),
            Err(ImportError::NotAnEnvelope { path: "region".into(), problem: EnvelopeProblem::NotAnObject })
        );
        assert_eq!(
            read(json!({"format": "shirube-region", "version": 1, "strategies": []})),
            Err(ImportError::NotAnEnvelope { path: "region".into(), problem: EnvelopeProblem::Missing })
        );
        assert_eq!(
            read(json!({"format": "shirube-region", "version": 2})),
            Err(ImportError::NewerVersion { version: 2 })
        );
        assert!(matches!(
            read(json!({"format": "shirube-backup", "version": 1})),
            Err(ImportError::NotAnEnvelope { problem: EnvelopeProblem::WrongFormat { .. }, .. })
        ));
        assert_eq!(
            read(json!({"format": "shirube-region", "version": 1, "region": {"id": "r", "name": "n"}})),
            Err(ImportError::NotAnEnvelope { path: "strategies".into(), problem: EnvelopeProblem::Missing })
        );
        assert_eq!(open_region(b""), Err(ImportError::Empty));
    }

    /// The schema shipped in `public/` must be the one the Rust types produce
    /// (`UPDATE_SCHEMA=1 cargo test` rewrites it).
    #[test]
    fn shipped_region_schema_matches_the_types() {
        let path = concat!(env!("CARGO_MANIFEST_DIR"), "/public/shirube-region.v1.schema.json");
        let generated = region_json_schema();
        if std::env::var_os("UPDATE_SCHEMA").is_some() {
            std::fs::write(path, &generated).unwrap();
        }
        let shipped = std::fs::read_to_string(path).unwrap_or_default();
        assert!(
            shipped == generated,
            "public/shirube-region.v1.schema.json is out of date: run `UPDATE_SCHEMA=1 cargo test` and commit it"
        );
    }
}
