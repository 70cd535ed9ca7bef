//! Import, one step at a time: parse → envelope → migrate → deserialize → validate.
//! Every step returns data describing what went wrong and where; none panics.

use super::envelope::{CURRENT_VERSION, FORMAT_NAME};
use super::migrations::{migrate, MIGRATIONS};
use crate::model::{errors, validate, Problem, Strategy};
use serde_json::Value;

/// A strategy read from a file, with what the user should know about it.
#[derive(Clone, Debug, PartialEq)]
pub struct Imported {
    pub strategy: Strategy,
    /// Validation problems (paths from the file's root, `strategy.…`): only warnings when it
    /// comes from [`import`]; errors too when it comes from [`read`].
    pub problems: Vec<Problem>,
    /// The version the file was written in, when older than this build's (it was migrated).
    pub migrated_from: Option<u64>,
    pub exported_at: String,
    pub generator: String,
}

#[derive(Clone, Debug, PartialEq, thiserror::Error)]
pub enum ImportError {
    /// Not JSON at all (or nested deeper than the parser allows).
    #[error("not JSON at line {line}, column {column}: {detail}")]
    NotJson { line: usize, column: usize, detail: String },
    /// JSON, but not a Shirube file.
    #[error("{path}: {problem:?}")]
    NotAnEnvelope { path: String, problem: EnvelopeProblem },
    /// Written by a newer Shirube; this build cannot read it.
    #[error("written by a newer version ({version})")]
    NewerVersion { version: u64 },
    /// A migration from an older version failed.
    #[error("migration from version {from} failed: {detail}")]
    Migration { from: u64, detail: String },
    /// A value has the wrong shape (path from the file's root).
    #[error("{path}: {problem:?}")]
    Shape { path: String, problem: ShapeProblem },
    /// The strategy breaks the model's rules (every error, paths from the file's root).
    #[error("{} problems", problems.len())]
    Invalid { problems: Vec<Problem> },
}

#[derive(Clone, Debug, PartialEq)]
pub enum EnvelopeProblem {
    NotAnObject,
    Missing,
    WrongFormat { found: String },
    BadVersion,
}

/// What serde said, sorted into kinds the UI can put into words.
#[derive(Clone, Debug, PartialEq)]
pub enum ShapeProblem {
    MissingField { field: String },
    InvalidType { found: String, expected: String },
    UnknownVariant { found: String, expected: String },
    Other { detail: String },
}

/// Reads a file's text: every step, and a strategy that breaks the model's rules is refused.
pub fn import(text: &str) -> Result<Imported, ImportError> {
    refuse_invalid(read(text)?)
}

/// Reads an already parsed JSON value (e.g. one entry of a backup-everything file).
pub fn import_value(value: Value) -> Result<Imported, ImportError> {
    refuse_invalid(read_value(value)?)
}

fn refuse_invalid(read: Imported) -> Result<Imported, ImportError> {
    if errors(&read.problems).next().is_some() {
        return Err(ImportError::Invalid { problems: errors(&read.problems).cloned().collect() });
    }
    Ok(read)
}

/// Every step but the last refusal: a well-formed strategy comes back with all its problems,
/// errors included. Storage reads autosaved work in progress this way (a reversed period
/// while typing is the user's work, not garbage).
pub fn read(text: &str) -> Result<Imported, ImportError> {
    let text = text.strip_prefix('\u{FEFF}').unwrap_or(text);
    let value: Value = serde_json::from_str(text).map_err(|e| ImportError::NotJson {
        line: e.line(),
        column: e.column(),
        detail: e.to_string(),
    })?;
    read_value(value)
}

fn read_value(mut value: Value) -> Result<Imported, ImportError> {
    let version = check_envelope(&value)?;
    let text_field = |v: &Value, k: &str| v.get(k).and_then(Value::as_str).unwrap_or_default().to_owned();
    let exported_at = text_field(&value, "exported_at");
    let generator = text_field(&value, "generator");
    migrate(&mut value, version, MIGRATIONS, CURRENT_VERSION)?;
    let raw = value.get_mut("strategy").map(Value::take).unwrap_or(Value::Null);
    let strategy: Strategy = serde_path_to_error::deserialize(raw).map_err(|e| {
        let path = e.path().to_string();
        let path = if path == "." { "strategy".to_owned() } else { format!("strategy.{path}") };
        ImportError::Shape { path, problem: classify(&e.into_inner().to_string()) }
    })?;
    let problems: Vec<Problem> = validate(&strategy)
        .into_iter()
        .map(|p| Problem { path: rooted(&p.path), ..p })
        .collect();
    Ok(Imported {
        strategy,
        problems,
        migrated_from: (version < CURRENT_VERSION).then_some(version),
        exported_at,
        generator,
    })
}

fn rooted(path: &str) -> String {
    if path.is_empty() { "strategy".to_owned() } else { format!("strategy.{path}") }
}

/// Checks the envelope and returns the file's version.
fn check_envelope(value: &Value) -> Result<u64, ImportError> {
    let not = |path: &str, problem| ImportError::NotAnEnvelope { path: path.to_owned(), problem };
    let obj = value.as_object().ok_or_else(|| not("", EnvelopeProblem::NotAnObject))?;
    match obj.get("format") {
        None => return Err(not("format", EnvelopeProblem::Missing)),
        Some(Value::String(f)) if f == FORMAT_NAME => {}
        Some(other) => {
            let found = other.as_str().map_or_else(|| other.to_string(), str::to_owned);
            return Err(not("format", EnvelopeProblem::WrongFormat { found: truncate(&found) }));
        }
    }
    let version = match obj.get("version") {
        None => return Err(not("version", EnvelopeProblem::Missing)),
        Some(v) => v.as_u64().filter(|v| *v >= 1).ok_or_else(|| not("version", EnvelopeProblem::BadVersion))?,
    };
    if version > CURRENT_VERSION {
        return Err(ImportError::NewerVersion { version });
    }
    match obj.get("strategy") {
        Some(Value::Object(_)) => Ok(version),
        Some(_) => Err(not("strategy", EnvelopeProblem::NotAnObject)),
        None => Err(not("strategy", EnvelopeProblem::Missing)),
    }
}

/// Sorts serde's English message into a kind; what is not recognised keeps the message.
fn classify(message: &str) -> ShapeProblem {
    let between = |s: &str, start: &str, end: &str| -> Option<String> {
        let rest = s.split_once(start)?.1;
        Some(rest.split_once(end).map_or(rest, |(a, _)| a).to_owned())
    };
    if let Some(field) = message.strip_prefix("missing field `").and_then(|r| r.split('`').next()) {
        return ShapeProblem::MissingField { field: field.to_owned() };
    }
    if let (Some(found), Some(expected)) =
        (between(message, "invalid type: ", ", expected "), message.split_once(", expected ").map(|(_, e)| e.to_owned()))
    {
        return ShapeProblem::InvalidType { found: truncate(&found), expected: strip_position(&expected) };
    }
    if let (Some(found), Some(expected)) =
        (between(message, "unknown variant `", "`"), message.split_once("expected ").map(|(_, e)| e.to_owned()))
    {
        return ShapeProblem::UnknownVariant { found: truncate(&found), expected: strip_position(&expected) };
    }
    ShapeProblem::Other { detail: truncate(message) }
}

fn strip_position(s: &str) -> String {
    s.split(" at line ").next().unwrap_or(s).to_owned()
}

/// Text from a file, cut to a length that fits in a message.
fn truncate(s: &str) -> String {
    const MAX: usize = 80;
    if s.chars().count() <= MAX { s.to_owned() } else { s.chars().take(MAX).collect::<String>() + "…" }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::format::export;
    use crate::model::{FiscalYear, Id, PlanPeriod, ProblemKind, Strategy};
    use serde_json::json;

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
        json!({"format": "shirube-strategy", "version": 1, "exported_at": "2026-11-21T00:00:00Z", "generator": "test", "strategy": strategy})
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
            (with(&|v| v["format"] = json!("excalidraw")), env("format", EnvelopeProblem::WrongFormat { found: "excalidraw".into() })),
            (with(&|v| v["version"] = json!("1")), env("version", EnvelopeProblem::BadVersion)),
            (with(&|v| v["version"] = json!(0)), env("version", EnvelopeProblem::BadVersion)),
            (with(&|v| { v.as_object_mut().unwrap().remove("version"); }), env("version", EnvelopeProblem::Missing)),
            (with(&|v| v["version"] = json!(3)), Err(ImportError::NewerVersion { version: 3 })),
            (with(&|v| v["strategy"] = json!("x")), env("strategy", EnvelopeProblem::NotAnObject)),
            (with(&|v| { v["strategy"]["goals"][2]["title"] = json!(5); }),
                shape("strategy.goals[2].title", ShapeProblem::InvalidType { found: "integer `5`".into(), expected: "a string".into() })),
            (with(&|v| { v["strategy"].as_object_mut().unwrap().remove("period"); }),
                shape("strategy", ShapeProblem::MissingField { field: "period".into() })),
            (with(&|v| { v["strategy"]["stage"] = json!("finished"); }),
                shape("strategy.stage", ShapeProblem::UnknownVariant { found: "finished".into(), expected: "one of `policy`, `outline`, `draft`, `proposal`, `adopted`".into() })),
            (with(&|v| { v["strategy"]["goals"][0]["measures"][0]["kpis"] = json!(["ind-9f2c"]); }),
                Err(ImportError::Invalid { problems: vec![Problem { path: "strategy.goals[0].measures[0].kpis[0]".into(), kind: ProblemKind::UnknownIndicator { id: Id::from("ind-9f2c") } }] })),
        ];
        for (input, expected) in cases {
            let got = import(&input).map(|_| ());
            assert_eq!(got, expected, "input: {}", &input[..input.len().min(200)]);
        }
    }

    #[test]
    fn not_json_says_where() {
        match import("{\n  \"format\": \"shirube-strategy\",\n  oops\n}") {
            Err(ImportError::NotJson { line: 3, column, .. }) => assert!(column > 0),
            other => panic!("{other:?}"),
        }
        assert!(matches!(import(""), Err(ImportError::NotJson { .. })));
    }

    #[test]
    fn deep_nesting_and_garbage_never_panic() {
        let deep = "[".repeat(100_000) + &"]".repeat(100_000);
        assert!(matches!(import(&deep), Err(ImportError::NotJson { .. })));
        let deep_obj = format!("{{\"format\":\"shirube-strategy\",\"version\":1,\"strategy\":{}{}}}", "{\"a\":".repeat(5000), "}".repeat(5000));
        assert!(import(&deep_obj).is_err());
        for garbage in ["\0", "null", "\"str\"", "1e999", "{\"format\":null}", "{\"format\":\"shirube-strategy\",\"version\":1e3}", "\u{FEFF}"] {
            assert!(import(garbage).is_err(), "{garbage:?}");
        }
    }

    #[test]
    fn read_keeps_an_invalid_strategy_that_import_refuses() {
        let mut s = sample();
        s.period = PlanPeriod { first: FiscalYear(2025), last: FiscalYear(2020) };
        let text = export(&s, "t");
        assert!(matches!(import(&text), Err(ImportError::Invalid { .. })));
        let read = read(&text).unwrap();
        assert_eq!(read.strategy, s);
        assert!(read.problems.iter().any(|p| p.kind == ProblemKind::PeriodReversed { first: FiscalYear(2025), last: FiscalYear(2020) }));
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
}
