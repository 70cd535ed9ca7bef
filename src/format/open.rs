//! Opening a file the user picked or dropped: its bytes, whatever Shirube file it is. Every
//! check runs before anything is stored: size, empty, UTF-8 (a BOM is fine), not another kind
//! of file (CSV, spreadsheet, PDF), JSON, then the file's own steps — a strategy file is read
//! and refused if it breaks the model's rules; a backup of everything is read entry by entry; a
//! region file is told by the format it names and left to `open_region_towns` (its towns are read
//! one at a time, where the file is taken).

use super::everything::{read_everything, Everything, BACKUP_FORMAT_NAME};
use super::import::{parse, read_current, read_value, refuse_invalid, text_of, ImportError, Imported};
use super::region::REGION_FORMAT_NAME;
use serde::Deserialize;
use serde_json::Value;
use std::borrow::Cow;

/// A file read and checked, not yet stored (one at a time: the size of the variants does not
/// matter).
#[derive(Clone, Debug, PartialEq)]
#[allow(clippy::large_enum_variant)] // reason: one value at a time; fires on 64-bit only, not on wasm32
pub enum Opened {
    /// One strategy (`shirube-strategy`), valid; warnings may come with it.
    Strategy(Imported),
    /// A backup of everything (`shirube-backup`).
    Everything(Everything),
    /// A region file (`shirube-region`): not read here. It is opened as a region
    /// (`open_region`, or `open_region_towns` a town at a time), never previewed as a strategy.
    Region,
}

/// Reads a file's bytes. Never panics; an error says what is wrong and where.
pub fn open(bytes: &[u8]) -> Result<Opened, ImportError> {
    open_text(text_of(bytes)?)
}

/// [`open`] of bytes already checked and read as text (`import::text_of`), for a caller that
/// needs the text too (the shared folder names a member's version by it): its UTF-8 is checked
/// once.
pub fn open_text(text: &str) -> Result<Opened, ImportError> {
    if let Some(read) = read_current(text) {
        return refuse_invalid(read).map(Opened::Strategy);
    }
    if format_named(text).as_deref() == Some(REGION_FORMAT_NAME) {
        return Ok(Opened::Region);
    }
    let value = parse(text)?;
    if value.get("format").and_then(Value::as_str) == Some(BACKUP_FORMAT_NAME) {
        return read_everything(value).map(Opened::Everything);
    }
    refuse_invalid(read_value(value)?).map(Opened::Strategy)
}

/// The format a JSON object names, read without building the rest (a region file of 179 towns is
/// 18 MB: it is read once, by the region's reader); `None` for anything else, which `parse` then
/// says what is wrong with.
fn format_named(text: &str) -> Option<Cow<'_, str>> {
    #[derive(Deserialize)]
    struct Head<'a> {
        #[serde(borrow, default)]
        format: Option<Cow<'a, str>>,
    }
    serde_json::from_str::<Head>(text).ok()?.format
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::format::{export, export_everything, Saved};
    use crate::model::{template, FiscalYear, PlanPeriod};

    #[test]
    fn opens_either_kind_of_file() {
        let s =
            template::from_second_period("戦略", "町", PlanPeriod { first: FiscalYear(2020), last: FiscalYear(2024) });
        let one = format!("\u{FEFF}{}", export(&s, "t"));
        assert!(matches!(open(one.as_bytes()), Ok(Opened::Strategy(i)) if i.strategy == s));
        let all = export_everything(&[Saved { strategy: &s, saved_at: "t" }], &[], &[], "t");
        assert!(matches!(open(all.as_bytes()), Ok(Opened::Everything(e)) if e.strategies[0].strategy == s));
        assert_eq!(open(b""), Err(ImportError::Empty));
        // A strategy file that breaks the rules is refused; in a backup it is kept.
        let mut wip = s.clone();
        wip.period = PlanPeriod { first: FiscalYear(2030), last: FiscalYear(2020) };
        assert!(matches!(open(export(&wip, "t").as_bytes()), Err(ImportError::Invalid { .. })));
        let all = export_everything(&[Saved { strategy: &wip, saved_at: "t" }], &[], &[], "t");
        assert!(matches!(open(all.as_bytes()), Ok(Opened::Everything(_))));
    }

    #[test]
    fn a_region_file_is_told_by_its_format_and_left_to_the_regions_reader() {
        let s =
            template::from_second_period("戦略", "町", PlanPeriod { first: FiscalYear(2020), last: FiscalYear(2024) });
        let mut region = crate::model::region::Region::new("管内");
        region.members.push(s.id.clone());
        let file = crate::format::export_region(&region, &[Saved { strategy: &s, saved_at: "t" }], "t");
        assert_eq!(open(file.as_bytes()), Ok(Opened::Region));
        // Told by the format it names, with a BOM too; another format or none is not a region.
        assert_eq!(open(format!("\u{FEFF}{file}").as_bytes()), Ok(Opened::Region));
        let other = file.replacen("shirube-region", "shirube-regio", 1);
        assert!(
            matches!(open(other.as_bytes()), Err(ImportError::NotAnEnvelope { .. })),
            "{:?}",
            open(other.as_bytes())
        );
        assert_eq!(format_named(r#"{"a":1}"#), None);
        assert_eq!(format_named("[1]"), None);
        assert_eq!(format_named(r#"{"format":"x\"y"}"#).as_deref(), Some("x\"y"));
    }
}
