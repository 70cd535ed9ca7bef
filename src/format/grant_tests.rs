//! Grants in the file format: a file from before grants (北本市's and 北斗市's
//! examples) reads with no grant and writes back without a `grant` key anywhere; the made-up
//! example's grant project survives export → import whole. Grants needed no version of their
//! own: every grant field is an added optional one.

use super::{export, import, CURRENT_VERSION};
use crate::model::{GrantEffect, GrantPolicy, GrantProgramme};
use serde_json::Value;

const AT: &str = "2026-11-24T00:00:00Z";

fn initiatives(file: &Value) -> Vec<&Value> {
    file["strategy"]["goals"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|g| g["measures"].as_array().unwrap())
        .flat_map(|m| m["initiatives"].as_array().unwrap())
        .collect()
}

#[test]
fn a_file_from_before_grants_reads_and_writes_as_before() {
    for key in ["kitamoto", "hokuto"] {
        let example = crate::examples::by_key(key).unwrap();
        let raw: Value = serde_json::from_str(example.file).unwrap();
        let read = import(example.file).unwrap();
        assert_eq!(read.migrated_from, None);
        assert!(read
            .strategy
            .initiatives()
            .all(|(_, i)| i.grant.is_none() && i.years.iter().all(|y| y.grant.is_none())));
        let written: Value = serde_json::from_str(&export(&read.strategy, AT)).unwrap();
        assert_eq!(initiatives(&written), initiatives(&raw), "{key}: every initiative written as it came");
        assert!(!export(&read.strategy, AT).contains("\"grant\""));
    }
    assert_eq!(CURRENT_VERSION, 2, "the strategy's layout is that of format 1");
}

#[test]
fn the_made_up_grant_project_survives_export_and_import() {
    let s = crate::examples::by_key("made-up").unwrap().load().unwrap();
    let (_, i) = s.initiatives().find(|(_, i)| i.grant.is_some()).unwrap();
    let g = i.grant.as_ref().unwrap();
    assert_eq!(g.programme, Some(GrantProgramme::DigitalGardenCity));
    assert_eq!(g.targets.len(), 6);
    let review = g.review(crate::model::FiscalYear(2023)).unwrap();
    assert_eq!((review.effect, review.policy), (Some(GrantEffect::Considerable), Some(GrantPolicy::Improve)));
    assert_eq!(i.year(crate::model::FiscalYear(2023)).unwrap().grant, Some(5750));
    let back = import(&export(&s, AT)).unwrap().strategy;
    assert_eq!(back, s);
}
