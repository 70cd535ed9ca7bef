//! National frames in the file format: a file made before frames had keys reads and
//! writes exactly as before — its framework keeps its name and goals, word for word (北斗市's
//! typo included), and names no frame; a frame's key survives export → import, and a key this
//! build does not know is kept. The format version stays 1: the key is an added optional field
//! (ARCHITECTURE.md, "an added optional field does not" need a version bump).

use super::{export, import, CURRENT_VERSION};
use crate::model::{frames, template, FiscalYear, PlanPeriod};
use serde_json::Value;

const AT: &str = "2026-11-24T00:00:00Z";

#[test]
fn a_file_from_before_frames_keeps_its_framework_and_names_no_frame() {
    for example in crate::examples::EXAMPLES {
        let raw: Value = serde_json::from_str(example.file).unwrap();
        assert_eq!(raw["version"], CURRENT_VERSION, "{}: the shipped examples are current files", example.key);
        let held = &raw["strategy"]["national_framework"];
        assert!(held.get("key").is_none(), "{}: made before frames had keys", example.key);

        let read = import(example.file).unwrap();
        assert_eq!(read.migrated_from, None, "{}: nothing to migrate", example.key);
        let framework = &read.strategy.national_framework;
        assert_eq!((framework.key.as_deref(), framework.frame()), (None, None), "{}: no frame inferred", example.key);
        assert_eq!(framework.name, held["name"].as_str().unwrap());
        let titles: Vec<&str> = framework.goals.iter().map(|g| g.title.as_str()).collect();
        let held_titles: Vec<&str> =
            held["goals"].as_array().unwrap().iter().map(|g| g["title"].as_str().unwrap()).collect();
        assert_eq!(titles, held_titles, "{}: the goals word for word", example.key);

        let written: Value = serde_json::from_str(&export(&read.strategy, AT)).unwrap();
        assert_eq!(&written["strategy"]["national_framework"], held, "{}: written back as it was", example.key);
    }
    assert!(crate::examples::by_key("hokuto").unwrap().file.contains("稼ぐ地域をつくとともに"));
}

#[test]
fn a_frames_key_survives_export_and_import() {
    let period = PlanPeriod { first: FiscalYear(2025), last: FiscalYear(2029) };
    for frame in &frames::FRAMES {
        let s = template::from_frame(frame, "第3期しるべ町総合戦略", "しるべ町", period);
        let text = export(&s, AT);
        assert!(text.contains(&format!("\"key\": \"{}\"", frame.key)));
        let back = import(&text).unwrap();
        assert_eq!(back.strategy, s);
        assert_eq!(back.strategy.national_framework.frame(), Some(frame));
        assert_eq!(CURRENT_VERSION, 2, "the strategy's layout is that of format 1");
    }
}

#[test]
fn a_key_this_build_does_not_know_is_kept_as_it_is() {
    let mut s = template::from_frame(
        frames::newest(),
        "戦略",
        "町",
        PlanPeriod { first: FiscalYear(2030), last: FiscalYear(2034) },
    );
    s.national_framework.key = Some("a-frame-of-2030".into());
    let back = import(&export(&s, AT)).unwrap();
    assert_eq!(back.problems, vec![]);
    assert_eq!(back.strategy.national_framework.key.as_deref(), Some("a-frame-of-2030"));
    assert_eq!(back.strategy.national_framework.frame(), None);
}

/// A re-aligned strategy (`model::realign`) keeps its record of the framework it left through
/// export → import; a file without one writes no `framework_changes`, and an older build (which
/// does not know the field) keeps it as an unknown field, written back as it came.
#[test]
fn a_framework_change_survives_export_and_import_and_older_files_write_none() {
    use crate::model::realign::propose;
    let old = import(crate::examples::by_key("hokuto").unwrap().file).unwrap().strategy;
    assert!(!export(&old, AT).contains("framework_changes"));
    let mut s = old.clone();
    s.realign(&propose(&old, frames::newest()), "2026-11-24");
    let text = export(&s, AT);
    let back = import(&text).unwrap();
    assert_eq!(back.migrated_from, None);
    assert_eq!(back.strategy, s);
    assert_eq!(back.strategy.framework_changes[0].from, old.national_framework);

    // As a build before re-alignment reads it: the field lands among the unknown fields.
    let mut raw: Value = serde_json::from_str(&text).unwrap();
    let change = raw["strategy"]["framework_changes"].take();
    let mut older = back.strategy.clone();
    older.framework_changes.clear();
    older.unknown.insert("framework_changes".into(), change.clone());
    let written: Value = serde_json::from_str(&export(&older, AT)).unwrap();
    assert_eq!(written["strategy"]["framework_changes"], change);
}
