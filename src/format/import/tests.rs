//! The import's tests: the bytes and JSON checks, every error with its place, the quick path
//! reading what the chain reads, migrations, and fields this version does not know.

use super::reading::{read_quietly_with, read_value_with};
use super::*;
use crate::format::{export, CURRENT_VERSION};
use crate::model::{FiscalYear, Id, PlanPeriod, Problem, ProblemKind, Strategy};
use serde_json::{json, Value};

/// The quick path finds exactly what the full path finds, on the examples and on generated
/// strategies, and steps aside for everything else.
#[test]
fn the_quick_path_reads_what_the_full_path_reads() {
    let full = |text: &str| read_value(parse(text).unwrap()).unwrap();
    let mut texts: Vec<String> = crate::examples::EXAMPLES.iter().map(|e| e.file.to_owned()).collect();
    #[cfg(not(target_arch = "wasm32"))]
    texts.push(export(
        &crate::bench::generate::generate(crate::bench::generate::Size::named("town").unwrap(), 7),
        "2026-01-01T00:00:00Z",
    ));
    texts.push(format!("\u{FEFF}{}", export(&sample(), "t")));
    for text in &texts {
        let quick = read_current(text).expect("a current file takes the quick path");
        assert_eq!(quick, full(text));
        assert_eq!(read(text).unwrap(), quick);
        assert_eq!(read_quietly(text), Some(quick));
    }
    let s = export(&sample(), "t");
    // A duplicate key: serde refuses it when typed, so the full path (last one wins) decides.
    let duplicate = s.replacen("\"title\": ", "\"title\": \"一つ目\",\n    \"title\": ", 1);
    assert!(read_current(&duplicate).is_none());
    assert_eq!(read(&duplicate).unwrap().strategy.title, sample().title);
    assert_eq!(read_quietly(&duplicate), read(&duplicate).ok());
    // Anything that is not a clean current file: none of it is read quickly.
    for other in [
        s.replacen(&format!("\"version\": {CURRENT_VERSION}"), &format!("\"version\": {}", CURRENT_VERSION + 1), 1),
        s.replacen("\"format\": \"shirube-strategy\"", "\"format\": \"other\"", 1),
        s.replacen("\"strategy\": {", "\"strategy\": [{", 1),
        s.chars().take(s.chars().count() / 2).collect(),
        "[]".to_owned(),
    ] {
        assert!(read_current(&other).is_none(), "{}", &other[..other.len().min(80)]);
        assert!(read(&other).is_err());
        assert!(read_quietly(&other).is_none());
    }
}

fn sample() -> Strategy {
    let mut s = crate::model::template::from_second_period(
        "第2期北斗市まち・ひと・しごと創生総合戦略",
        "北斗市",
        PlanPeriod { first: FiscalYear(2020), last: FiscalYear(2024) },
    );
    s.goals_mut().next().unwrap().measures.push(crate::model::Measure::new("1", "企業立地等による雇用創出").into());
    s
}

fn file(strategy: Value) -> Value {
    json!({"format": "shirube-strategy", "version": CURRENT_VERSION, "exported_at": "2026-11-21T00:00:00Z", "generator": "test", "strategy": strategy})
}

/// A file with fields this version does not know (a newer minor version's, another tool's),
/// on every kind of item: they come through both read paths, an edit, the export and the
/// autosave's rewriter unchanged, instead of being dropped.
#[test]
fn fields_this_version_does_not_know_survive_import_edit_and_export() {
    let mut s = sample();
    let measure = s.goals[0].measures[0].id.clone();
    s.measure_mut(&measure).unwrap().initiatives.push(crate::model::Initiative::new("(1)", "空き家バンク").into());
    s.indicators.push(crate::model::Indicator::new("1-1", "転入者数", "人").into());
    let mut v = serde_json::to_value(&s).unwrap();
    let unknown = [
        ("/x_future_setting", json!({"a": 1, "b": [true, null]})),
        ("/goals/0/x_owner", json!("企画課")),
        ("/goals/0/measures/0/x_budget_code", json!("0203")),
        ("/goals/0/measures/0/initiatives/0/x_partners", json!(["北斗市", "函館市"])),
        ("/indicators/0/x_source_url", json!("https://example.jp/stat")),
        ("/indicators/0/series/0/x_note", json!(1.5)),
    ];
    for (path, value) in &unknown {
        let (parent, key) = path.rsplit_once('/').unwrap();
        v.pointer_mut(parent).unwrap().as_object_mut().unwrap().insert(key.to_owned(), value.clone());
    }
    let text = file(v).to_string();
    let quick = read_current(&text).expect("the quick path reads it");
    let full = import(&text).unwrap();
    assert_eq!(quick, full);
    assert_eq!(read_quietly(&text).as_ref(), Some(&quick));
    assert_eq!(full.strategy.unknown_field_count(), 6);
    assert_eq!(full.strategy.goals[0].unknown["x_owner"], json!("企画課"));

    // An edit of the items that hold them, then the file written again.
    let mut edited = full.strategy;
    edited.goal_mut(&edited.goals[0].id.clone()).unwrap().title = "変えた目標".into();
    let indicator = edited.indicators[0].id.clone();
    edited.indicator_mut(&indicator).unwrap().name = "社会増減数".into();
    let written: Value = serde_json::from_str(&export(&edited, "t")).unwrap();
    for (path, value) in &unknown {
        assert_eq!(written["strategy"].pointer(path), Some(value), "{path}");
    }
    assert_eq!(written["strategy"]["goals"][0]["title"], "変えた目標");
    // The autosave writes the same bytes as a whole export, unknown fields included.
    let compact = crate::format::export_compact(&edited, "t");
    assert_eq!(crate::format::Rewriter::new().write(&edited, "t"), compact);
    // And a file without any writes none: no empty catch-all appears in it.
    assert!(!export(&sample(), "t").contains("unknown"));
}

#[test]
fn round_trips_and_reports_metadata() {
    let s = sample();
    let text = export(&s, "2026-11-21T09:00:00+09:00");
    let imported = import(&text).unwrap();
    assert_eq!(imported.strategy, s);
    assert_eq!(imported.exported_at, "2026-11-21T09:00:00+09:00");
    assert_eq!(imported.generator, crate::format::GENERATOR);
    assert_eq!(imported.migrated_from, None);
    // A BOM in front (as some editors save) is accepted.
    assert_eq!(import(&format!("\u{FEFF}{text}")).unwrap().strategy, s);
}

/// Each broken input, and the error it must give: (input, expected error).
#[test]
fn errors_say_what_and_where() {
    let good = serde_json::to_value(sample()).unwrap();
    let with = |f: &dyn Fn(&mut Value)| {
        let mut v = file(good.clone());
        f(&mut v);
        v.to_string()
    };
    let env = |path: &str, problem| Err(ImportError::NotAnEnvelope { path: path.into(), problem });
    let shape = |path: &str, problem| Err(ImportError::Shape { path: path.into(), problem });
    let cases: Vec<(String, Result<(), ImportError>)> = vec![
        ("[1, 2]".into(), env("", EnvelopeProblem::NotAnObject)),
        ("{}".into(), env("format", EnvelopeProblem::Missing)),
        (
            with(&|v| v["format"] = json!("excalidraw")),
            env("format", EnvelopeProblem::WrongFormat { found: "excalidraw".into() }),
        ),
        (with(&|v| v["version"] = json!("1")), env("version", EnvelopeProblem::BadVersion)),
        (with(&|v| v["version"] = json!(0)), env("version", EnvelopeProblem::BadVersion)),
        (
            with(&|v| {
                v.as_object_mut().unwrap().remove("version");
            }),
            env("version", EnvelopeProblem::Missing),
        ),
        (with(&|v| v["version"] = json!(3)), Err(ImportError::NewerVersion { version: 3 })),
        (with(&|v| v["strategy"] = json!("x")), env("strategy", EnvelopeProblem::NotAnObject)),
        (
            with(&|v| {
                v["strategy"]["goals"][2]["title"] = json!(5);
            }),
            shape(
                "strategy.goals[2].title",
                ShapeProblem::InvalidType { found: "integer `5`".into(), expected: "a string".into() },
            ),
        ),
        (
            with(&|v| {
                v["strategy"].as_object_mut().unwrap().remove("period");
            }),
            shape("strategy", ShapeProblem::MissingField { field: "period".into() }),
        ),
        (
            with(&|v| {
                v["strategy"]["stage"] = json!("finished");
            }),
            shape(
                "strategy.stage",
                ShapeProblem::UnknownVariant {
                    found: "finished".into(),
                    expected: "one of `policy`, `outline`, `draft`, `proposal`, `adopted`".into(),
                },
            ),
        ),
        (
            with(&|v| {
                v["strategy"]["goals"][0]["measures"][0]["kpis"] = json!(["ind-9f2c"]);
            }),
            Err(ImportError::Invalid {
                problems: vec![Problem {
                    path: "strategy.goals[0].measures[0].kpis[0]".into(),
                    kind: ProblemKind::UnknownIndicator { id: Id::from("ind-9f2c") },
                }],
            }),
        ),
    ];
    for (input, expected) in cases {
        let got = import(&input).map(|_| ());
        assert_eq!(got, expected, "input: {}", &input[..input.len().min(200)]);
    }
}

#[test]
fn not_json_says_where() {
    match import("{\n  \"format\": \"shirube-strategy\",\n  oops\n}") {
        Err(ImportError::NotJson { line: 3, column, problem: JsonProblem::Syntax, .. }) => assert!(column > 0),
        other => panic!("{other:?}"),
    }
    assert!(matches!(import(""), Err(ImportError::NotJson { .. })));
}

#[test]
fn deep_nesting_and_garbage_never_panic() {
    let deep = "[".repeat(100_000) + &"]".repeat(100_000);
    assert!(matches!(import(&deep), Err(ImportError::NotJson { .. })));
    let deep_obj = format!(
        "{{\"format\":\"shirube-strategy\",\"version\":1,\"strategy\":{}{}}}",
        "{\"a\":".repeat(5000),
        "}".repeat(5000)
    );
    assert!(import(&deep_obj).is_err());
    for garbage in [
        "\0",
        "null",
        "\"str\"",
        "1e999",
        "{\"format\":null}",
        "{\"format\":\"shirube-strategy\",\"version\":1e3}",
        "\u{FEFF}",
    ] {
        assert!(import(garbage).is_err(), "{garbage:?}");
    }
}

/// The checks on a file's bytes, before any JSON is parsed.
#[test]
fn bytes_are_checked_before_parsing() {
    assert_eq!(text_of(b""), Err(ImportError::Empty));
    assert_eq!(text_of(b" \n\t"), Err(ImportError::Empty));
    assert_eq!(text_of(b"\xEF\xBB\xBF"), Err(ImportError::Empty));
    assert_eq!(text_of(b"\xEF\xBB\xBF{}"), Ok("{}"));
    // Shift_JIS "北本市" is not UTF-8: never replaced by U+FFFD, refused with the place.
    assert_eq!(text_of(b"{\"t\": \"\x96\x6B\x96\x7B\x8E\x73\"}"), Err(ImportError::NotUtf8 { offset: 7 }));
    assert_eq!(text_of("番号,名前\n1,a".as_bytes()), Err(ImportError::OtherKind { kind: OtherKind::Csv }));
    assert_eq!(
        text_of("\u{FEFF}\"番号\",\"名前\"\r\n".as_bytes()),
        Err(ImportError::OtherKind { kind: OtherKind::Csv })
    );
    assert_eq!(text_of(b"id\ttitle\n"), Err(ImportError::OtherKind { kind: OtherKind::Csv }));
    assert_eq!(text_of(b"PK\x03\x04\x14\x00"), Err(ImportError::OtherKind { kind: OtherKind::Zip }));
    assert_eq!(text_of(b"%PDF-1.7\n"), Err(ImportError::OtherKind { kind: OtherKind::Pdf }));
    // JSON is never taken for a CSV, whatever its first line holds.
    for json in ["{\"a\": 1, \"b\": 2}", "[1, 2]", "\"a,b\"", "null\t", "  1e3  "] {
        assert_eq!(text_of(json.as_bytes()), Ok(json), "{json}");
    }
    assert_eq!(check_size(MAX_FILE_BYTES), Ok(()));
    assert_eq!(check_size(80 << 20), Err(ImportError::TooLarge { bytes: 80 << 20, limit: MAX_FILE_BYTES }));
    assert_eq!(
        text_of(&vec![b' '; MAX_FILE_BYTES as usize + 1]),
        Err(ImportError::TooLarge { bytes: MAX_FILE_BYTES + 1, limit: MAX_FILE_BYTES })
    );
}

#[test]
fn json_errors_say_what_kind() {
    let kind = |text: &str| match parse(text) {
        Err(ImportError::NotJson { problem, near, line, .. }) => (problem, near, line),
        other => panic!("{other:?}"),
    };
    assert_eq!(kind("{\"a\": [1, 2").0, JsonProblem::Truncated);
    assert_eq!(kind(&"[".repeat(200)).0, JsonProblem::TooDeep);
    assert_eq!(kind("{\"a\": 1e400}"), (JsonProblem::NumberOutOfRange, "{\"a\": 1e400}".into(), 1));
    assert_eq!(kind("{\n  \"value\": NaN,\n  \"b\": 1\n}"), (JsonProblem::Syntax, "\"value\": NaN,".into(), 2));
    // Deep, but within the limit, is fine.
    assert!(parse(&("[".repeat(100) + &"]".repeat(100))).is_ok());
}

/// A file in an older version is migrated and says so (a made-up migration 1 → 2 stands in).
#[test]
fn an_older_version_is_migrated_and_says_so() {
    fn rename(v: &mut Value) -> Result<(), ImportError> {
        let failed = |detail: &str| ImportError::Migration { from: 1, detail: detail.into() };
        let s = v.get_mut("strategy").and_then(Value::as_object_mut).ok_or_else(|| failed("no strategy"))?;
        let name = s.remove("name").ok_or_else(|| failed("no name"))?;
        s.insert("title".into(), name);
        Ok(())
    }
    let old_file = |strategy: Value| json!({"format": "shirube-strategy", "version": 1, "exported_at": "t", "generator": "test", "strategy": strategy});
    let migrations = [super::super::migrations::Migration { from: 1, title: "name → title", apply: rename }];
    /// The strategy as version 1 of this made-up history wrote it: `name`, not `title`.
    fn v_named(s: &Strategy) -> Value {
        let mut v = serde_json::to_value(s).unwrap();
        let title = v.as_object_mut().unwrap().remove("title").unwrap();
        v["name"] = title;
        v
    }
    let read = read_value_with(old_file(v_named(&sample())), &migrations, 2).unwrap();
    assert_eq!(read.migrated_from, Some(1));
    assert_eq!(read.strategy.title, sample().title);
    assert!(matches!(
        read_value_with(old_file(json!({})), &migrations, 2),
        Err(ImportError::Migration { from: 1, .. })
    ));
    // Storage's reader migrates the same way and finds the same strategy.
    let one = sample();
    let text = old_file(v_named(&one)).to_string();
    assert_eq!(
        read_quietly_with(&text, &migrations, 2),
        Some(read_value_with(old_file(v_named(&one)), &migrations, 2).unwrap())
    );
    assert_eq!(read_quietly_with(&old_file(json!({})).to_string(), &migrations, 2), None);
    // A file already in version 2 is read as it is, not migrated.
    let current = json!({"format": "shirube-strategy", "version": 2, "exported_at": "t", "generator": "g", "strategy": serde_json::to_value(&one).unwrap()});
    assert_eq!(
        read_quietly_with(&current.to_string(), &migrations, 2).map(|r| (r.strategy, r.migrated_from)),
        Some((one, None))
    );
}

#[test]
fn read_keeps_an_invalid_strategy_that_import_refuses() {
    let mut s = sample();
    s.period = PlanPeriod { first: FiscalYear(2025), last: FiscalYear(2020) };
    let text = export(&s, "t");
    assert!(matches!(import(&text), Err(ImportError::Invalid { .. })));
    let read = read(&text).unwrap();
    assert_eq!(read.strategy, s);
    assert!(read
        .problems
        .iter()
        .any(|p| p.kind == ProblemKind::PeriodReversed { first: FiscalYear(2025), last: FiscalYear(2020) }));
}

#[test]
fn warnings_come_back_with_the_strategy() {
    let mut s = sample();
    s.indicators.push(crate::model::Indicator::new("1-1", "未使用の指標", "%").into());
    let imported = import(&export(&s, "t")).unwrap();
    assert_eq!(imported.problems.len(), 1);
    assert_eq!(imported.problems[0].path, "strategy.indicators[0]");
    assert_eq!(imported.problems[0].kind, ProblemKind::IndicatorUnused);
}

/// The id rule at the door: a strategy file, a backup's entry and backup, a region file and a
/// backup's region with an id that breaks it are refused with the path of the first bad id.
#[test]
fn ids_that_break_the_rule_refuse_the_file_with_their_path() {
    use crate::format::{export_everything, open, open_region, Saved};
    let unsafe_at = |e: ImportError| match e {
        ImportError::UnsafeId { path, id } => format!("{path} {id}"),
        ImportError::InEntry { path, error } => match *error {
            ImportError::UnsafeId { path: inner, id } => format!("{path} {inner} {id}"),
            other => panic!("{other:?}"),
        },
        other => panic!("{other:?}"),
    };
    let mut s = sample();
    s.id = Id::from("strategy/../x");
    assert_eq!(unsafe_at(open(export(&s, "t").as_bytes()).err().unwrap()), "strategy.id strategy/../x");
    let mut s = sample();
    std::sync::Arc::make_mut(&mut s.goals[1]).id = Id::from("goal 2");
    assert_eq!(unsafe_at(open(export(&s, "t").as_bytes()).err().unwrap()), "strategy.goals[1].id goal 2");
    let mut s = sample();
    let mut indicator = crate::model::Indicator::new("1", "転入者数", "人");
    indicator.series[0].id = Id::from("");
    s.indicators.push(indicator.into());
    assert_eq!(unsafe_at(open(export(&s, "t").as_bytes()).err().unwrap()), "strategy.indicators[0].series[0].id ");

    // A backup of everything keeps work in progress that breaks rules, but not a bad id.
    let good = sample();
    let mut bad = sample();
    bad.id = Id::from("a/b");
    let all = export_everything(
        &[Saved { strategy: &good, saved_at: "t" }, Saved { strategy: &bad, saved_at: "t" }],
        &[],
        &[],
        "t",
    );
    assert_eq!(unsafe_at(open(all.as_bytes()).err().unwrap()), "strategies[1] strategy.id a/b");

    // Regions: the region's own id, a member, in a region file and in a backup.
    for (id, member, path) in [
        ("", None, "region.id "),
        ("../strategy/x", None, "region.id ../strategy/x"),
        ("region-1", Some("x/y"), "region.members[0] x/y"),
    ] {
        let mut region = crate::model::region::Region::new("管内");
        region.id = Id::from(id);
        region.members = member.map(Id::from).into_iter().collect();
        let file = crate::format::export_region(&region, &[], "t");
        assert_eq!(unsafe_at(open_region(file.as_bytes()).err().unwrap()), path);
        let all = export_everything(&[], &[], std::slice::from_ref(&region), "t");
        assert_eq!(unsafe_at(open(all.as_bytes()).err().unwrap()), path.replace("region.", "regions[0]."));
    }
}
