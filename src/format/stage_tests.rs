//! Evaluations by stage and sections in the file format. A file from before them —
//! one evaluation per year, `evaluator: internal | external`, no sections — reads with the
//! internal one as the 一次評価 and the external one as the 外部評価, and writes back byte for
//! byte (its fingerprint, the name of its content in a shared folder, does not change). A file
//! with all three stages, who and when, and sections survives export → import whole; a stage
//! twice in a year, a stage this build does not know and a dangling section are refused with
//! their path. The format version stays 1: the stage keeps its key and its old values, and
//! every new field is an added optional one.

use super::{export, fingerprint, import, ImportError, CURRENT_VERSION};
use crate::model::{Evaluation, EvaluationStage, FiscalYear, ProblemKind};
use serde_json::{json, Value};

const AT: &str = "2026-11-25T00:00:00Z";

/// A file as Shirube wrote it before stages and sections: a measure evaluated in 2023 by the
/// town (internal) and in 2024 by the committee (external).
fn before_stages() -> Value {
    let evaluation = |year: i32, rating: &str, evaluator: &str| {
        json!({"fiscal_year": year, "rating": rating, "outcomes": "・加入実績5件", "issues": "担い手不足",
               "improvements": "ＳＮＳで発信する", "next_plan": "", "notes": "", "evaluator": evaluator})
    };
    json!({
        "format": "shirube-strategy", "version": 1, "exported_at": AT, "generator": "Shirube 0.1.0",
        "strategy": {
            "id": "strategy-1", "title": "第2期北斗市総合戦略", "municipality": {"name": "北斗市"},
            "period": {"first": 2020, "last": 2024}, "stage": "adopted", "sections": [],
            "national_framework": {"name": "", "goals": []}, "schedule": [],
            "rating_rule": {"tiers": [{"label": "A", "min_percent": 100.0}, {"label": "B", "min_percent": 80.0}],
                            "below": "C", "no_data": "D"},
            "goals": [{"id": "goal-4", "kind": "basic", "number": "4", "title": "市民参加による協働のまちづくり",
                "measures": [{"id": "measure-1", "number": "1", "title": "町内会等への加入促進",
                    "evaluations": [evaluation(2023, "C", "internal"), evaluation(2024, "B", "external")]}]}],
            "indicators": []
        }
    })
}

#[test]
fn a_file_from_before_stages_reads_internal_as_the_first_stage_and_writes_back_the_same() {
    let file = before_stages();
    let read = import(&file.to_string()).unwrap();
    assert_eq!(read.migrated_from, Some(1), "format 1: its graph's form alone migrated");
    let m = read.strategy.measures().next().unwrap().1;
    let first = m.evaluation(FiscalYear(2023), EvaluationStage::First).expect("internal is the 一次評価");
    assert_eq!(first.rating.as_deref(), Some("C"));
    let external = m.evaluation(FiscalYear(2024), EvaluationStage::External).expect("external is the 外部評価");
    assert_eq!(external.rating.as_deref(), Some("B"));
    assert!(m.evaluation(FiscalYear(2023), EvaluationStage::Second).is_none());
    assert!(read.strategy.departments.is_empty());

    let written: Value = serde_json::from_str(&export(&read.strategy, AT)).unwrap();
    let (old, new) = (&file["strategy"]["goals"][0]["measures"][0], &written["strategy"]["goals"][0]["measures"][0]);
    assert_eq!(new["evaluations"], old["evaluations"], "written as it came: same keys, same values");
    assert!(new.get("department").is_none() && written["strategy"].get("departments").is_none());
    // The content's name is the hash of the strategy as written: the same before and after.
    let reread = import(&written.to_string()).unwrap();
    assert_eq!(fingerprint(&reread.strategy), fingerprint(&read.strategy));
    // As the build before stages wrote it (its fields in its order).
    let before = concat!(
        r#"{"fiscal_year":2023,"rating":"C","outcomes":"・加入実績5件","issues":"担い手不足","#,
        r#""improvements":"ＳＮＳで発信する","next_plan":"","notes":"","evaluator":"internal"}"#
    );
    assert_eq!(serde_json::to_string(&m.evaluations[0]).unwrap(), before, "the same bytes");
    assert_eq!(CURRENT_VERSION, 2, "the strategy's layout is that of format 1");
}

#[test]
fn three_stages_with_who_and_when_and_sections_survive_export_and_import() {
    let mut s = import(&before_stages().to_string()).unwrap().strategy;
    let planning = s.add_department("企画課");
    let community = s.add_department("市民課");
    let id = s.goals[0].measures[0].id.clone();
    let m = s.measure_mut(&id).unwrap();
    m.department = Some(community.clone());
    let year = FiscalYear(2023);
    m.edit_evaluation(year, EvaluationStage::Second, |e| {
        e.rating = Some("B".into());
        e.by = "推進本部".into();
        e.date = Some("2024-07-10".into());
    });
    m.edit_evaluation(year, EvaluationStage::External, |e| e.outcomes = "発信の工夫を評価する".into());
    m.edit_evaluation(year, EvaluationStage::First, |e| e.by = "市民課".into());
    let stages: Vec<(i32, EvaluationStage)> = m.evaluations.iter().map(|e| (e.fiscal_year.0, e.stage)).collect();
    use EvaluationStage::*;
    assert_eq!(stages, [(2023, First), (2023, Second), (2023, External), (2024, External)], "year, then stage");
    assert_eq!(m.rating(year), Some("B"), "the last stage that rates it: 二次 (外部 gave an opinion only)");
    let text = export(&s, AT);
    assert!(text.contains("\"evaluator\": \"second\"") && text.contains("\"by\": \"推進本部\""));
    let back = import(&text).unwrap().strategy;
    assert_eq!(back, s);
    assert_eq!(back.department_name(&planning), Some("企画課"));
}

fn refused_at(file: &Value) -> Vec<(String, ProblemKind)> {
    match import(&file.to_string()) {
        Err(ImportError::Invalid { problems }) => problems.into_iter().map(|p| (p.path, p.kind)).collect(),
        other => panic!("not refused as invalid: {other:?}"),
    }
}

#[test]
fn a_stage_twice_in_a_year_an_unknown_stage_and_a_dangling_section_are_refused_with_their_path() {
    let mut twice = before_stages();
    let evaluations = &mut twice["strategy"]["goals"][0]["measures"][0]["evaluations"];
    evaluations[1]["fiscal_year"] = json!(2023);
    evaluations[1]["evaluator"] = json!("internal");
    let place = "strategy.goals[0].measures[0].evaluations[1].fiscal_year".to_owned();
    assert_eq!(refused_at(&twice), [(place, ProblemKind::DuplicateYear { year: FiscalYear(2023) })]);
    // The same year at two stages is no repetition.
    evaluations_of(&mut twice)[1]["evaluator"] = json!("second");
    assert!(import(&twice.to_string()).is_ok());

    let mut unknown = before_stages();
    evaluations_of(&mut unknown)[0]["evaluator"] = json!("third");
    match import(&unknown.to_string()) {
        Err(ImportError::Shape { path, .. }) => {
            assert_eq!(path, "strategy.goals[0].measures[0].evaluations[0].evaluator")
        }
        other => panic!("{other:?}"),
    }

    let mut dangling = before_stages();
    dangling["strategy"]["departments"] = json!([{"id": "dept-1", "name": "企画課"}]);
    dangling["strategy"]["goals"][0]["measures"][0]["department"] = json!("dept-9");
    let place = "strategy.goals[0].measures[0].department".to_owned();
    assert_eq!(refused_at(&dangling), [(place, ProblemKind::UnknownDepartment { id: "dept-9".into() })]);
    dangling["strategy"]["goals"][0]["measures"][0]["department"] = json!("dept-1");
    assert!(import(&dangling.to_string()).is_ok());
}

fn evaluations_of(file: &mut Value) -> &mut Value {
    &mut file["strategy"]["goals"][0]["measures"][0]["evaluations"]
}

/// A bad date is a warning with its place: the evaluation is kept as written.
#[test]
fn an_evaluation_date_that_is_no_day_is_a_warning() {
    let mut file = before_stages();
    evaluations_of(&mut file)[0]["date"] = json!("2024-02-30");
    let read = import(&file.to_string()).unwrap();
    let problem = read.problems.iter().find(|p| p.path.ends_with("evaluations[0].date")).expect("a warning");
    assert_eq!(problem.kind, ProblemKind::BadEvaluationDate { date: "2024-02-30".into() });
    let e: &Evaluation = &read.strategy.goals[0].measures[0].evaluations[0];
    assert_eq!(e.date.as_deref(), Some("2024-02-30"));
}
