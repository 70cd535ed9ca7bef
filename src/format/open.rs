//! Opening a file the user picked or dropped: its bytes, whatever Shirube file it is. Every
//! check runs before anything is stored: size, empty, UTF-8 (a BOM is fine), not another kind
//! of file (CSV, spreadsheet, PDF), JSON, then the file's own steps — a strategy file is read
//! and refused if it breaks the model's rules; a backup of everything is read entry by entry.

use super::everything::{read_everything, Everything, BACKUP_FORMAT_NAME};
use super::import::{parse, read_current, read_value, refuse_invalid, text_of, ImportError, Imported};
use serde_json::Value;

/// A file read and checked, not yet stored (one at a time: the size of the variants does not
/// matter).
#[derive(Clone, Debug, PartialEq)]
#[allow(clippy::large_enum_variant)] // reason: one value at a time; fires on 64-bit only, not on wasm32
pub enum Opened {
    /// One strategy (`shirube-strategy`), valid; warnings may come with it.
    Strategy(Imported),
    /// A backup of everything (`shirube-backup`).
    Everything(Everything),
}

/// Reads a file's bytes. Never panics; an error says what is wrong and where.
pub fn open(bytes: &[u8]) -> Result<Opened, ImportError> {
    let text = text_of(bytes)?;
    if let Some(read) = read_current(text) {
        return refuse_invalid(read).map(Opened::Strategy);
    }
    let value = parse(text)?;
    if value.get("format").and_then(Value::as_str) == Some(BACKUP_FORMAT_NAME) {
        return read_everything(value).map(Opened::Everything);
    }
    refuse_invalid(read_value(value)?).map(Opened::Strategy)
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
}
