//! The file format: a versioned envelope around a strategy, its ordered migrations, and import
//! as a chain of small steps — parse JSON → check the envelope → migrate → deserialize →
//! validate — each with its own errors, which name the JSON path and what is wrong.
//!
//! [`open`] takes a file's bytes as the browser gives them (size, empty, UTF-8, not a CSV or a
//! spreadsheet, JSON) and reads either kind of Shirube file: one strategy, or a backup of
//! everything (`everything`). [`count_changes`] says what replacing a stored strategy would change.
//! [`Rewriter`] writes the open strategy's text again after an edit, only the changed parts.
//!
//! Architecture invariant: only this module knows the JSON layout of a file. Pure Rust; never
//! panics on any input.

mod author;
mod carried;
mod changes;
pub mod csv;
pub mod document;
mod entries;
mod envelope;
mod everything;
mod fingerprint;
#[cfg(test)]
mod frame_tests;
#[cfg(test)]
mod grant_tests;
mod graph;
mod header;
#[cfg(test)]
mod hearing_tests;
mod import;
pub mod line_break;
mod lineage;
pub mod measure_tree;
pub mod migrations;
pub mod old_new;
mod open;
pub mod opinions;
pub mod outline;
#[cfg(test)]
mod partner_tests;
mod peek;
pub mod population;
#[cfg(all(test, not(target_arch = "wasm32")))]
mod proptests;
pub mod publish;
pub mod qr;
mod region;
mod rewrite;
pub mod round_book;
#[cfg(test)]
mod round_tests;
#[cfg(test)]
mod stage_tests;
pub mod table;
#[cfg(test)]
mod target_kind_tests;
#[cfg(test)]
mod target_revision_tests;
#[cfg(test)]
mod version_tests;
#[cfg(test)]
mod workshop_tests;
pub mod xlsx;
#[cfg(test)]
mod year_source_tests;

pub use author::Author;
pub use carried::CarriedVersion;
pub use changes::{count_changes, Changes};
pub use entries::Saved;
pub use envelope::{
    export, export_compact, export_compact_around, export_compact_named, export_member_file, export_published,
    export_with_lineage, Envelope, CURRENT_VERSION, FORMAT_NAME,
};
pub use everything::{
    backup_json_schema, export_everything, read_everything, BackupEntry, BackupFile, BackupToWrite, Everything,
    KeptBackup, BACKUP_FORMAT_NAME, BACKUP_VERSION,
};
pub use fingerprint::fingerprint;
pub use header::GENERATOR;
#[cfg(all(test, not(target_arch = "wasm32")))]
pub(crate) use import::read;
pub use import::{
    check_size, check_size_within, import, parse, text_of, EnvelopeProblem, ImportError, Imported, JsonProblem,
    OtherKind, ShapeProblem, VersionList, MAX_FILE_BYTES,
};
pub(crate) use import::{format_name, read_quietly};
pub use lineage::{legacy_version, written_strategy, CarriedBase, Lineage, LineageError, MAX_ANCESTORS};
pub use open::{open, open_text, Opened};
pub use peek::{peek_top, FileTop, TOP_BYTES};
pub use region::{
    export_region, open_region, open_region_towns, read_region, region_json_schema, RegionFile, RegionRead,
    RegionTowns, REGION_FORMAT_NAME, REGION_VERSION,
};
pub use rewrite::Rewriter;

/// The JSON Schema of the current file format, as shipped in `public/`.
pub fn json_schema() -> String {
    let schema = schemars::schema_for!(Envelope);
    serde_json::to_string_pretty(&schema).expect("a schema always serialises") + "\n"
}

#[cfg(test)]
mod schema_tests {
    /// The schema shipped in `public/` must be the one the Rust types produce. Run with
    /// `UPDATE_SCHEMA=1 cargo test` after changing the types, and commit the file.
    #[test]
    fn shipped_schema_matches_the_types() {
        let path = concat!(env!("CARGO_MANIFEST_DIR"), "/public/shirube-strategy.v2.schema.json");
        let generated = super::json_schema();
        if std::env::var_os("UPDATE_SCHEMA").is_some() {
            std::fs::write(path, &generated).unwrap();
        }
        let shipped = std::fs::read_to_string(path).unwrap_or_default();
        assert!(
            shipped == generated,
            "public/shirube-strategy.v2.schema.json is out of date: run `UPDATE_SCHEMA=1 cargo test` and commit it"
        );
        let v: serde_json::Value = serde_json::from_str(&shipped).unwrap();
        let required = v["required"].as_array().unwrap();
        for field in ["format", "version", "exported_at", "generator", "strategy"] {
            assert!(required.iter().any(|r| r == field), "{field} must be required");
        }
    }
}
