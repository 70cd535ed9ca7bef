//! Validation's tests: every problem at once with its place, references, duplicates, workshop
//! notes, municipality codes, and a kept `Structure` checking one entity as `validate` does.

use super::*;
use crate::model::*;
use std::sync::Arc;

fn period() -> PlanPeriod {
    PlanPeriod { first: FiscalYear(2022), last: FiscalYear(2025) }
}

/// A small strategy with one goal, one measure, one initiative and one indicator, all valid.
fn valid() -> Strategy {
    let mut s = Strategy::blank("第2期総合戦略", "北本市", period());
    let mut ind = Indicator::new("7-2", "出生数", "人");
    ind.series[0].baseline = Some(Baseline { value: 340.0, year: Some(FiscalYear(2021)) });
    ind.series[0].target = Some(Target::Value { value: 380.0, year: Some(FiscalYear(2025)) });
    let mut g = Goal::new(GoalKind::Basic, "3", "若い世代の出産・子育ての希望をかなえる");
    g.targets.push(ind.id.clone());
    let mut m = Measure::new("1", "子育て支援");
    m.kpis.push(ind.id.clone());
    let mut init = Initiative::new("1", "子育て相談");
    init.years.push(InitiativeYear {
        direction: Some(ProjectDirection::Maintain),
        ..InitiativeYear::with_amounts(FiscalYear(2023), Some(300), Some(280))
    });
    m.initiatives.push(init.into());
    g.measures.push(m.into());
    s.goals.push(g.into());
    s.indicators.push(ind.into());
    s
}

fn first_measure(s: &mut Strategy) -> &mut Measure {
    let id = s.goals[0].measures[0].id.clone();
    s.measure_mut(&id).unwrap()
}

fn kinds(s: &Strategy) -> Vec<(String, ProblemKind)> {
    validate(s).into_iter().map(|p| (p.path, p.kind)).collect()
}

#[test]
fn a_valid_strategy_has_no_problem() {
    assert_eq!(kinds(&valid()), vec![]);
}

#[test]
fn years_printed_without_a_year_are_said_with_what_the_progress_assumes() {
    // 北本市's table: 「出生数 340人 → 380人」, neither with a year.
    let mut s = valid();
    let series = &mut std::sync::Arc::make_mut(&mut s.indicators[0]).series[0];
    series.baseline = Some(Baseline { value: 340.0, year: None });
    series.target = Some(Target::Value { value: 380.0, year: None });
    assert_eq!(
        kinds(&s),
        vec![
            (
                "indicators[0].series[0].target.year".to_string(),
                ProblemKind::TargetYearUnknown { assumed: FiscalYear(2025), basis: YearBasis::Fiscal }
            ),
            (
                "indicators[0].series[0].baseline.year".to_string(),
                ProblemKind::BaselineYearUnknown { assumed: FiscalYear(2021), basis: YearBasis::Fiscal }
            ),
        ]
    );
    assert!(kinds(&s).iter().all(|(_, k)| k.severity() == Severity::Warning));
    // A direction (↗) or a yearly target needs no year: nothing to say.
    let series = &mut std::sync::Arc::make_mut(&mut s.indicators[0]).series[0];
    series.target = Some(Target::Direction);
    assert_eq!(kinds(&s), vec![]);
}

#[test]
fn every_problem_at_once_with_its_place() {
    let mut s = valid();
    let ind_id = s.indicators[0].id.clone();
    s.period = PlanPeriod { first: FiscalYear(2025), last: FiscalYear(2022) };
    first_measure(&mut s).kpis.push(Id::from("ind-9f2c"));
    let init = std::sync::Arc::make_mut(&mut first_measure(&mut s).initiatives[0]);
    init.years[0].budget = Some(-5);
    init.id = ind_id.clone();
    let series = &mut s.indicator_mut(&ind_id).unwrap().series[0];
    series.actuals.push(Actual::new(FiscalYear(2023), f64::NAN));
    series.target = Some(Target::Value { value: 380.0, year: Some(FiscalYear(2030)) });
    s.goals_mut().next().unwrap().sdgs.push(Sdg(18));
    let got = kinds(&s);
    let expected = vec![
        ("period".to_string(), ProblemKind::PeriodReversed { first: FiscalYear(2025), last: FiscalYear(2022) }),
        ("indicators[0].series[0].target.year".into(), ProblemKind::YearOutsidePeriod { year: FiscalYear(2030) }),
        ("indicators[0].series[0].actuals[0].value".into(), ProblemKind::NotFinite),
        (
            "goals[0].measures[0].initiatives[0].id".into(),
            ProblemKind::DuplicateId { id: ind_id, first: "indicators[0]".into() },
        ),
        ("goals[0].sdgs[0]".into(), ProblemKind::InvalidSdg { number: 18 }),
        ("goals[0].measures[0].kpis[1]".into(), ProblemKind::UnknownIndicator { id: Id::from("ind-9f2c") }),
        ("goals[0].measures[0].initiatives[0].years[0].budget".into(), ProblemKind::NegativeMoney { value: -5 }),
    ];
    assert_eq!(got, expected);
    assert_eq!(errors(&validate(&s)).count(), 6);
}

#[test]
fn references_and_duplicates_per_year() {
    let mut s = valid();
    let init_id = s.goals[0].measures[0].initiatives[0].id.clone();
    let m = first_measure(&mut s);
    m.related.push(Id::from("measure-gone"));
    m.relisted.push(Relisting::all_years(init_id.clone()));
    m.relisted
        .push(Relisting { initiative: Id::from("initiative-gone"), years: vec![FiscalYear(2023), FiscalYear(2023)] });
    let eval = Evaluation { rating: Some("Z".into()), ..Evaluation::new(FiscalYear(2023)) };
    m.evaluations = vec![eval.clone(), eval];
    s.goals_mut().next().unwrap().national_goal = Some(Id::from("ng-x"));
    s.indicators.push(Indicator { series: Vec::new(), ..Indicator::new("9-9", "未使用", "件") }.into());
    s.municipality.code = Some("112331".into());
    let got = kinds(&s);
    assert!(got.contains(&(
        "goals[0].measures[0].related[0]".into(),
        ProblemKind::UnknownMeasure { id: Id::from("measure-gone") }
    )));
    assert!(got.contains(&(
        "goals[0].measures[0].relisted[1].years[1]".into(),
        ProblemKind::DuplicateYear { year: FiscalYear(2023) }
    )));
    assert!(got.contains(&(
        "goals[0].measures[0].relisted[0].initiative".into(),
        ProblemKind::RelistedOwnInitiative { id: init_id }
    )));
    assert!(got.contains(&(
        "goals[0].measures[0].relisted[1].initiative".into(),
        ProblemKind::UnknownInitiative { id: Id::from("initiative-gone") }
    )));
    assert!(got.contains(&(
        "goals[0].measures[0].evaluations[1].fiscal_year".into(),
        ProblemKind::DuplicateYear { year: FiscalYear(2023) }
    )));
    assert!(got.contains(&(
        "goals[0].measures[0].evaluations[0].rating".into(),
        ProblemKind::UnknownRatingLabel { label: "Z".into() }
    )));
    assert!(got.contains(&("goals[0].national_goal".into(), ProblemKind::UnknownNationalGoal { id: Id::from("ng-x") })));
    assert!(got.contains(&("indicators[1].series".into(), ProblemKind::IndicatorWithoutSeries)));
    assert!(got.contains(&("indicators[1]".into(), ProblemKind::IndicatorUnused)));
    assert!(got.contains(&("municipality.code".into(), ProblemKind::MunicipalityCodeInvalid { code: "112331".into() })));
}

#[test]
fn workshop_notes_without_their_target_are_warnings() {
    let mut s = valid();
    let goal = s.goals[0].id.clone();
    let measure = s.goals[0].measures[0].id.clone();
    let w = s.start_workshop("第1回 住民ワークショップ", "2025-07-12");
    s.add_note(&w, NoteTarget::Goal(goal.clone()), "a").unwrap();
    s.add_note(&w, NoteTarget::Measure(measure.clone()), "b").unwrap();
    assert_eq!(kinds(&s), vec![]);
    // A measure id given as a goal is not a goal.
    s.add_note(&w, NoteTarget::Goal(measure.clone()), "c").unwrap();
    s.remove_measure(&measure);
    s.workshops[0].date = "2025-13-01".into();
    let got = validate(&s);
    let found: Vec<(String, ProblemKind)> = got.iter().map(|p| (p.path.clone(), p.kind.clone())).collect();
    assert_eq!(
        found,
        vec![
            ("workshops[0].date".to_string(), ProblemKind::BadWorkshopDate),
            ("workshops[0].notes[1].target".into(), ProblemKind::UnknownNoteTarget { id: measure.clone() }),
            ("workshops[0].notes[2].target".into(), ProblemKind::UnknownNoteTarget { id: measure }),
        ]
    );
    assert_eq!(errors(&got).count(), 0, "only warnings");
    // A note id that repeats another id is an error like any duplicate.
    s.workshops[0].notes[0].id = goal;
    assert_eq!(errors(&validate(&s)).count(), 1);
}

#[test]
fn municipality_codes_have_a_check_digit() {
    for code in ["112331", "1123", "abcdef", "１１２３３０"] {
        assert!(!is_municipality_code(code), "{code}");
    }
    for code in ["112330", "012360", "122068"] {
        // 北本市, 北斗市, 木更津市
        assert!(is_municipality_code(code), "{code}");
    }
}

/// Checking one entity with a structure made before edits that kept every id and reference
/// finds the problems those edits made, as a new structure does.
#[test]
fn a_kept_structure_fits_after_edits_of_values_and_still_finds_their_problems() {
    let s = valid();
    let structure = Structure::of(&s);
    assert!(structure.fits(&s));
    let mut t = s.clone();
    let ind = Arc::make_mut(&mut t.indicators[0]);
    ind.name = String::new();
    ind.series[0].actuals.push(Actual::new(FiscalYear(2023), f64::NAN));
    Arc::make_mut(&mut t.goals[0]).sdgs.push(Sdg(18));
    first_measure(&mut t).title = " ".into();
    let init = Arc::make_mut(&mut first_measure(&mut t).initiatives[0]);
    init.years[0].budget = Some(-1);
    assert!(structure.fits(&t), "values and titles changed, no id or reference");
    let ids = [
        t.indicators[0].id.clone(),
        t.goals[0].id.clone(),
        t.goals[0].measures[0].id.clone(),
        t.goals[0].measures[0].initiatives[0].id.clone(),
    ];
    for id in &ids {
        let kept = validate_entity(&t, &structure, id);
        assert!(!kept.is_empty(), "{id}: the edit made a problem");
        assert_eq!(kept, validate_entity(&t, &Structure::of(&t), id), "{id}");
    }
    let all: Vec<_> = ids.iter().flat_map(|id| validate_entity(&t, &structure, id)).collect();
    assert_eq!(all, validate(&t), "every problem of this strategy is on one of its four entities");
}

/// Any change of where an id is, or of which indicators are referred to, makes the kept
/// structure stale.
#[test]
fn a_structure_does_not_fit_once_an_id_or_a_reference_changed() {
    let s = valid();
    let structure = Structure::of(&s);
    type Change = (&'static str, fn(&mut Strategy));
    let changes: [Change; 12] = [
        ("strategy id", |s| s.id = Id::from("other")),
        ("a section added", |s| {
            s.sections
                .push(NarrativeSection { id: Id::from("sec"), heading: "策定趣旨".into(), body: String::new() })
        }),
        ("indicator id", |s| Arc::make_mut(&mut s.indicators[0]).id = Id::from("ind-x")),
        ("series id", |s| Arc::make_mut(&mut s.indicators[0]).series[0].id = Id::from("ser-x")),
        ("a series added", |s| {
            let ind = Arc::make_mut(&mut s.indicators[0]);
            let series = ind.series[0].clone();
            ind.series.push(series);
        }),
        ("an indicator added", |s| s.indicators.push(Indicator::new("7-3", "転入者数", "人").into())),
        ("goal id", |s| Arc::make_mut(&mut s.goals[0]).id = Id::from("goal-x")),
        ("goal targets", |s| Arc::make_mut(&mut s.goals[0]).targets.clear()),
        ("measure kpis", |s| first_measure(s).kpis.push(Id::from("ind-y"))),
        ("initiative kpis", |s| Arc::make_mut(&mut first_measure(s).initiatives[0]).kpis.push(Id::from("ind-z"))),
        ("an initiative added", |s| first_measure(s).initiatives.push(Initiative::new("2", "相談窓口").into())),
        ("goals reordered", |s| {
            s.goals.push(Goal::new(GoalKind::Basic, "4", "まちの魅力").into());
            s.goals.swap(0, 1);
        }),
    ];
    for (what, change) in changes {
        let mut t = s.clone();
        change(&mut t);
        assert!(!structure.fits(&t), "{what}");
    }
}

#[test]
fn a_relative_target_without_a_baseline_is_said_and_a_reversed_span_refused() {
    let mut s = valid();
    let series = &mut Arc::make_mut(&mut s.indicators[0]).series[0];
    series.baseline = None;
    series.target = Some(Target::Relative { change: RelativeChange::Percent(-10.0), year: Some(FiscalYear(2025)) });
    assert_eq!(
        kinds(&s),
        vec![("indicators[0].series[0].baseline".to_string(), ProblemKind::RelativeTargetWithoutBaseline)]
    );
    assert!(kinds(&s).iter().all(|(_, k)| k.severity() == Severity::Warning));
    // With a baseline it is a path like a value target's: nothing to say.
    let series = &mut Arc::make_mut(&mut s.indicators[0]).series[0];
    series.baseline = Some(Baseline { value: 1800.0, year: Some(FiscalYear(2021)) });
    assert_eq!(kinds(&s), vec![]);
    let series = &mut Arc::make_mut(&mut s.indicators[0]).series[0];
    series.target = Some(Target::Cumulative { value: 40.0, from: FiscalYear(2025), to: FiscalYear(2022) });
    let problems = kinds(&s);
    assert_eq!(
        problems,
        vec![(
            "indicators[0].series[0].target".to_string(),
            ProblemKind::SpanReversed { from: FiscalYear(2025), to: FiscalYear(2022) }
        )]
    );
    assert_eq!(problems[0].1.severity(), Severity::Error);
    // Spans and bounds need no baseline.
    let series = &mut Arc::make_mut(&mut s.indicators[0]).series[0];
    series.baseline = None;
    series.target = Some(Target::Average { value: 1890.0, from: FiscalYear(2022), to: FiscalYear(2025) });
    assert_eq!(kinds(&s), vec![]);
    let series = &mut Arc::make_mut(&mut s.indicators[0]).series[0];
    series.target = Some(Target::Bound { value: 80.0, side: BoundSide::AtLeast, hold: true, year: None });
    assert_eq!(kinds(&s), vec![]);
}

/// A long list of years (a hostile file's 200,000 values outside any plan) is checked as a set
/// past its first years: a repeat found however far apart, each year listed once.
#[test]
fn a_repeated_year_is_found_in_a_long_list_too() {
    let mut s = Strategy::blank("町", "町", period());
    let mut series = Series::new("");
    series.actuals = (0..20_000).map(|i| Actual::new(FiscalYear(1926 + i % 275), 1.0)).collect();
    s.indicators.push(Indicator { series: vec![series], ..Indicator::new("1-1", "人口", "人") }.into());
    let repeats = kinds(&s).into_iter().filter(|(_, k)| matches!(k, ProblemKind::DuplicateYear { .. })).count();
    assert_eq!(repeats, 20_000 - 275);
}

/// A section (担当課) named by a measure, an initiative or a KPI must be in the list, as any
/// other reference; the list's own ids are ids like the others.
#[test]
fn a_dangling_section_is_reported_where_it_is_named() {
    let mut s = valid();
    let planning = s.add_department("企画課");
    let gone = Id::from("dept-gone");
    first_measure(&mut s).department = Some(planning.clone());
    assert!(validate(&s).is_empty(), "{:?}", validate(&s));
    first_measure(&mut s).initiatives_mut().next().unwrap().department = Some(gone.clone());
    let id = s.indicators[0].id.clone();
    s.indicator_mut(&id).unwrap().department = Some(gone.clone());
    s.departments.push(Department { name: " ".into(), ..Department::new("") });
    let dup = Department { id: planning.clone(), ..Department::new("子育て支援課") };
    s.departments.push(dup);
    let found = kinds(&s);
    let unknown = ProblemKind::UnknownDepartment { id: gone.clone() };
    assert!(found.contains(&("indicators[0].department".into(), unknown.clone())), "{found:?}");
    assert!(found.contains(&("goals[0].measures[0].initiatives[0].department".into(), unknown)), "{found:?}");
    assert!(found.contains(&("departments[1].name".into(), ProblemKind::EmptyTitle)), "{found:?}");
    assert!(found.iter().any(|(p, k)| p == "departments[2].id" && matches!(k, ProblemKind::DuplicateId { .. })));
    assert_eq!(errors(&validate(&s)).count(), 3, "two dangling references and the duplicate");
}
