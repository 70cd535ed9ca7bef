//! The list against the types: the JSON Schema the types generate names every field of every
//! type (every variant's too, and fields added later), so the list and the schema must agree
//! both ways; and against the guide's sentence of what an evaluation publishes.

use super::*;
use std::collections::{BTreeMap, BTreeSet};

/// A type's fields as the schema has them: each field's schema and whether it is required (in
/// the type, or in one of its variants).
type Fields = BTreeMap<String, (Value, bool)>;

/// The types of a strategy whose JSON is an object, by their schema names, with their fields.
fn schema_types() -> BTreeMap<String, Fields> {
    let root = serde_json::to_value(schemars::schema_for!(crate::model::Strategy)).unwrap();
    let mut defs: BTreeMap<String, Value> =
        root["$defs"].as_object().unwrap().iter().map(|(k, v)| (k.clone(), v.clone())).collect();
    defs.insert(ROOT.to_owned(), root);
    defs.into_iter().map(|(name, def)| (name, fields_of(&def))).filter(|(_, fields)| !fields.is_empty()).collect()
}

fn fields_of(def: &Value) -> Fields {
    let mut out = Fields::new();
    let variants = ["oneOf", "anyOf"].into_iter().flat_map(|k| def[k].as_array().cloned().unwrap_or_default());
    for part in std::iter::once(def.clone()).chain(variants) {
        let required: Vec<&str> =
            part["required"].as_array().map(|r| r.iter().filter_map(Value::as_str).collect()).unwrap_or_default();
        for (name, schema) in part["properties"].as_object().into_iter().flatten() {
            let entry = out.entry(name.clone()).or_insert((schema.clone(), false));
            entry.1 |= required.contains(&name.as_str());
        }
    }
    out
}

/// The names of the types a field's schema refers to, at any depth (its items, an `Option`'s).
fn refs(schema: &Value, out: &mut BTreeSet<String>) {
    match schema {
        Value::Object(map) => {
            for (k, v) in map {
                match (k.as_str(), v.as_str()) {
                    ("$ref", Some(r)) => {
                        out.insert(r.rsplit('/').next().unwrap().to_owned());
                    }
                    _ => refs(v, out),
                }
            }
        }
        Value::Array(items) => items.iter().for_each(|v| refs(v, out)),
        _ => {}
    }
}

#[test]
fn every_field_of_the_strategys_types_has_one_place_in_the_list_and_the_list_names_no_other() {
    let types = schema_types();
    let mut missing = Vec::new();
    for (name, fields) in &types {
        let listed: BTreeSet<&str> =
            type_named(name).map(|t| t.fields.iter().map(|f| f.name).collect()).unwrap_or_default();
        for field in fields.keys().filter(|f| !listed.contains(f.as_str())) {
            missing.push(format!("{name}.{field}"));
        }
    }
    assert!(
        missing.is_empty(),
        "fields of the model with no place in model::publication::fields::FIELDS (mark each Published or Internal): {missing:?}"
    );
    for t in FIELDS {
        let fields = types.get(t.name).unwrap_or_else(|| panic!("the list names {}, which a strategy has not", t.name));
        let mut seen = BTreeSet::new();
        for f in t.fields {
            assert!(seen.insert(f.name), "{}.{} is listed twice", t.name, f.name);
            assert!(fields.contains_key(f.name), "the list names {}.{}, which the type has not", t.name, f.name);
        }
    }
    assert_eq!(FIELDS.iter().filter(|t| t.name == ROOT).count(), 1);
}

#[test]
fn a_published_field_names_the_listed_type_it_holds_and_an_internal_one_none() {
    let types = schema_types();
    for t in FIELDS {
        for f in t.fields {
            let mut held = BTreeSet::new();
            refs(&types[t.name][f.name].0, &mut held);
            held.retain(|r| types.contains_key(r));
            assert!(held.len() <= 1, "{}.{} holds {held:?}", t.name, f.name);
            let expected = match f.shown {
                Visibility::Published => held.into_iter().next(),
                Visibility::Internal => None,
            };
            assert_eq!(f.holds.map(str::to_owned), expected, "{}.{}", t.name, f.name);
        }
    }
}

/// The types the walk from the root reaches through published fields.
fn reached() -> BTreeSet<&'static str> {
    let mut reached = BTreeSet::from([ROOT]);
    let mut next = vec![ROOT];
    while let Some(name) = next.pop() {
        for held in type_named(name).unwrap().fields.iter().filter_map(|f| f.holds) {
            if reached.insert(held) {
                next.push(held);
            }
        }
    }
    reached
}

#[test]
fn a_required_field_goes_out_and_a_type_only_internal_fields_hold_publishes_nothing() {
    // The public copy is read back as a strategy: a required field taken out would refuse it.
    let types = schema_types();
    let reached = reached();
    for t in FIELDS {
        for f in t.fields {
            if reached.contains(t.name) {
                let required = types[t.name][f.name].1;
                assert!(
                    !required || f.shown == Visibility::Published,
                    "{}.{} is required: it must go out",
                    t.name,
                    f.name
                );
            } else {
                assert_eq!(
                    f.shown,
                    Visibility::Internal,
                    "{}.{}: {} is only under internal fields",
                    t.name,
                    f.name,
                    t.name
                );
            }
        }
    }
}

#[test]
fn the_walk_keeps_published_fields_and_drops_internal_and_unknown_ones_at_every_depth() {
    let mut value = serde_json::json!({
        "id": "strategy-1",
        "title": "計画",
        "later_field": "?",
        "rounds": [{"id": "round-1", "opened_by": "田中"}],
        "goals": [{"id": "goal-1", "title": "目標", "extra": 1, "measures": [{
            "id": "measure-1",
            "title": "施策",
            "evaluations": [{"fiscal_year": 2024, "outcomes": "成果", "improvements": "改善点", "by": "企画課"}]
        }]}]
    });
    keep_published(&mut value, ROOT);
    assert_eq!(
        value,
        serde_json::json!({
            "id": "strategy-1",
            "title": "計画",
            "goals": [{"id": "goal-1", "title": "目標", "measures": [{
                "id": "measure-1",
                "title": "施策",
                "evaluations": [{"fiscal_year": 2024, "outcomes": "成果"}]
            }]}]
        })
    );
    assert!(is_published("Evaluation", "issues") && !is_published("Evaluation", "improvements"));
    assert!(!is_published("Evaluation", "later_field") && !is_published("Nothing", "id"));
}

/// Every key of `value`, the JSON of a `ty`, has a place in the list, through the published fields.
fn assert_listed(value: &Value, ty: &str, path: &str) {
    match value {
        Value::Array(items) => {
            items.iter().enumerate().for_each(|(n, v)| assert_listed(v, ty, &format!("{path}[{n}]")))
        }
        Value::Object(map) => {
            let Some(t) = type_named(ty) else { return };
            for (key, inner) in map {
                let f = t.fields.iter().find(|f| f.name == key);
                let f = f.unwrap_or_else(|| panic!("{path}.{key}: {ty}.{key} has no place in the list"));
                if let Some(held) = f.holds {
                    assert_listed(inner, held, &format!("{path}.{key}"));
                }
            }
        }
        _ => {}
    }
}

#[test]
fn what_the_examples_and_a_generated_town_write_has_a_place_in_the_list() {
    // Beside the schema: what the types really write (a field the schema might not show).
    let mut strategies: Vec<crate::model::Strategy> =
        crate::examples::EXAMPLES.iter().map(|e| e.load().unwrap()).collect();
    strategies.push(crate::bench::generate::generate(crate::bench::generate::Size::TOWN, 7));
    for s in &strategies {
        assert_listed(&serde_json::to_value(s).unwrap(), ROOT, &s.title);
    }
}

/// What the guide calls each of an evaluation's fields but its year and stage (which say which
/// evaluation it is): in the list of what goes out, and in the list of what does not.
const EVALUATION_WORDS: &[(&str, &str, &str)] = &[
    ("outcomes", "「成果」", "成果"),
    ("issues", "「課題」", "課題"),
    ("rating", "評価の記号", "評価"),
    ("improvements", "「改善点」", "改善点"),
    ("next_plan", "「次年度実施計画」", "次年度実施計画"),
    ("notes", "「補足」", "補足"),
    ("by", "評価者", "評価者"),
    ("date", "評価日", "評価日"),
];

#[test]
fn the_guides_sentence_of_what_an_evaluation_publishes_is_the_lists() {
    let evaluation = type_named("Evaluation").unwrap();
    for f in evaluation.fields.iter().filter(|f| !["fiscal_year", "evaluator"].contains(&f.name)) {
        assert!(EVALUATION_WORDS.iter().any(|(name, ..)| *name == f.name), "no words for Evaluation.{}", f.name);
    }
    let (out, kept): (Vec<_>, Vec<_>) =
        EVALUATION_WORDS.iter().partition(|(name, ..)| is_published("Evaluation", name));
    let out: Vec<&str> = out.iter().map(|(_, quoted, _)| *quoted).collect();
    let (last, rest) = out.split_last().unwrap();
    let listed = if rest.is_empty() { (*last).to_owned() } else { format!("{}と{last}", rest.concat()) };
    let kept: Vec<&str> = kept.iter().map(|(.., plain)| *plain).collect();
    let sentence = if kept.is_empty() {
        format!("評価は{listed}だけを載せます。")
    } else {
        format!("評価は{listed}だけを載せます（{}は載せません）。", kept.join("・"))
    };
    let guide = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/docs/GUIDE.ja.md")).unwrap();
    let guide: String = guide.lines().map(str::trim).collect();
    assert!(
        guide.contains(&sentence),
        "docs/GUIDE.ja.md must say what the list publishes of an evaluation: {sentence}"
    );
}
