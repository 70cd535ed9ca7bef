//! Ordered migrations of the raw JSON, from every older format version to the current one.
//! Each is a pure transform of the file's `serde_json::Value`, applied in order on import.
//!
//! Version 2 writes `lineage.graph` as one compact string where version 1 wrote a list of
//! nodes. A change to the file layout bumps `CURRENT_VERSION` and adds a migration from the
//! version before here; the order check below (run by the tests) refuses a gap, a duplicate or
//! a wrong order.

use super::ImportError;
use serde_json::Value;

pub struct Migration {
    /// The version this migration reads; it produces `from + 1`.
    pub from: u64,
    pub title: &'static str,
    /// The change; its refusal is the file's (a migration that cannot be made is
    /// `ImportError::Migration`).
    pub apply: fn(&mut Value) -> Result<(), ImportError>,
}

/// Every migration, oldest first.
pub const MIGRATIONS: &[Migration] = &[Migration {
    from: 1,
    title: "lineage.graph: a list of versions → one compact string",
    apply: super::lineage::graph_as_compact,
}];

/// The list must hold one migration per version from 1 up to `current − 1`, in order.
pub fn check_order(migrations: &[Migration], current: u64) -> Result<(), String> {
    let expected: Vec<u64> = (1..current).collect();
    let found: Vec<u64> = migrations.iter().map(|m| m.from).collect();
    if found == expected {
        Ok(())
    } else {
        Err(format!("migrations must go from versions {expected:?} in order, found {found:?}"))
    }
}

/// Applies every migration from `version` on, and sets the file's version to `current`.
/// Returns the titles of the migrations applied.
pub fn migrate(
    value: &mut Value,
    version: u64,
    migrations: &[Migration],
    current: u64,
) -> Result<Vec<&'static str>, ImportError> {
    let mut applied = Vec::new();
    for m in migrations.iter().filter(|m| m.from >= version) {
        (m.apply)(value)?;
        applied.push(m.title);
    }
    if let Some(obj) = value.as_object_mut() {
        obj.insert("version".into(), Value::from(current));
    }
    Ok(applied)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::format::CURRENT_VERSION;
    use serde_json::json;

    #[test]
    fn shipped_migrations_are_in_order() {
        check_order(MIGRATIONS, CURRENT_VERSION).unwrap();
    }

    fn failed(detail: &str) -> ImportError {
        ImportError::Migration { from: 1, detail: detail.into() }
    }

    fn rename_title(v: &mut Value) -> Result<(), ImportError> {
        let s = v.get_mut("strategy").and_then(Value::as_object_mut).ok_or_else(|| failed("no strategy"))?;
        let name = s.remove("name").ok_or_else(|| failed("no name"))?;
        s.insert("title".into(), name);
        Ok(())
    }
    fn add_stage(v: &mut Value) -> Result<(), ImportError> {
        v["strategy"]["stage"] = json!("draft");
        Ok(())
    }

    const V3: &[Migration] = &[
        Migration { from: 1, title: "name → title", apply: rename_title },
        Migration { from: 2, title: "stage added", apply: add_stage },
    ];

    #[test]
    fn order_check_refuses_gaps_duplicates_and_swaps() {
        check_order(V3, 3).unwrap();
        let swapped = [
            Migration { from: 2, title: "b", apply: add_stage },
            Migration { from: 1, title: "a", apply: rename_title },
        ];
        assert!(check_order(&swapped, 3).is_err());
        assert!(check_order(&V3[..1], 3).is_err());
        assert!(check_order(V3, 2).is_err());
        assert!(check_order(&[], 1).is_ok());
    }

    #[test]
    fn migrations_apply_in_order_from_the_file_version() {
        let mut v = json!({"version": 1, "strategy": {"name": "戦略"}});
        let applied = migrate(&mut v, 1, V3, 3).unwrap();
        assert_eq!(applied, ["name → title", "stage added"]);
        assert_eq!(v, json!({"version": 3, "strategy": {"title": "戦略", "stage": "draft"}}));

        let mut v2 = json!({"version": 2, "strategy": {"title": "戦略"}});
        assert_eq!(migrate(&mut v2, 2, V3, 3).unwrap(), ["stage added"]);

        let mut broken = json!({"version": 1, "strategy": {}});
        assert!(matches!(migrate(&mut broken, 1, V3, 3), Err(ImportError::Migration { from: 1, .. })));
    }
}
