//! Property test: any valid strategy, exported and imported again, is identical.

use crate::format::{export, import};
use crate::model::*;
use proptest::prelude::*;
use proptest::strategy::Strategy as Gen;

fn text() -> impl Gen<Value = String> {
    prop_oneof![
        Just(String::new()),
        "[a-zA-Z0-9 ]{1,12}",
        "[ぁ-んァ-ン一-龥]{1,10}",
        any::<String>(),
        Just("<img src=x onerror=alert(1)>\"\\\u{0}\n\t".to_string()),
    ]
}

fn title() -> impl Gen<Value = String> {
    "[ぁ-んァ-ン一-龥a-z]{1,10}"
}

fn finite() -> impl Gen<Value = f64> {
    prop_oneof![any::<i32>().prop_map(f64::from), -1e12f64..1e12, any::<f64>().prop_filter("finite", |v| v.is_finite())]
}

fn year() -> impl Gen<Value = FiscalYear> {
    (2015i32..2035).prop_map(FiscalYear)
}

fn money() -> impl Gen<Value = Option<Money>> {
    proptest::option::of(0i64..10_000_000_000)
}

/// Fields a newer version or another tool wrote (names no Shirube field has: `x_…`).
fn unknown() -> impl Gen<Value = UnknownFields> {
    let value = prop_oneof![
        text().prop_map(serde_json::Value::from),
        any::<i32>().prop_map(serde_json::Value::from),
        proptest::collection::vec(any::<bool>(), 0..3).prop_map(serde_json::Value::from),
    ];
    proptest::collection::btree_map("x_[a-z]{1,6}", value, 0..3)
}

fn series() -> impl Gen<Value = Series> {
    let target = prop_oneof![
        (finite(), proptest::option::of(Just(FiscalYear(2025))))
            .prop_map(|(value, year)| Target::Value { value, year }),
        Just(Target::Direction),
        finite().prop_map(|value| Target::PerYear { value }),
        // The kinds towns print: relative to the baseline, over a span, a bound.
        (
            prop_oneof![
                finite().prop_map(RelativeChange::Percent),
                finite().prop_map(RelativeChange::Points),
                Just(RelativeChange::Hold)
            ],
            proptest::option::of(year())
        )
            .prop_map(|(change, year)| Target::Relative { change, year }),
        (finite(), year(), 0i32..6, any::<bool>()).prop_map(|(value, from, n, average)| {
            let to = FiscalYear(from.0 + n);
            if average {
                Target::Average { value, from, to }
            } else {
                Target::Cumulative { value, from, to }
            }
        }),
        (finite(), any::<bool>(), any::<bool>(), proptest::option::of(year())).prop_map(|(value, up, hold, year)| {
            Target::Bound { value, side: if up { BoundSide::AtLeast } else { BoundSide::AtMost }, hold, year }
        }),
    ];
    (
        text(),
        finite(),
        proptest::option::of(year()),
        proptest::option::of(target),
        proptest::collection::btree_map(year(), (finite(), any::<bool>(), text()), 0..5),
    )
        .prop_map(|(label, b, by, target, actuals)| Series {
            baseline: Some(Baseline { value: b, year: by }),
            target,
            actuals: actuals
                .into_iter()
                .map(|(year, (value, provisional, comment))| Actual {
                    year,
                    value,
                    provisional,
                    comment,
                    source: String::new(),
                })
                .collect(),
            interim: vec![YearValue { year: FiscalYear(2023), value: b }],
            ..Series::new(&label)
        })
}

fn indicator() -> impl Gen<Value = Indicator> {
    let verdicts = proptest::collection::vec((year(), text(), text()), 0..3);
    (text(), title(), text(), proptest::collection::vec(series(), 1..3), any::<bool>(), verdicts, unknown()).prop_map(
        |(code, name, unit, series, output, verdicts, unknown)| Indicator {
            series,
            verdicts: verdicts.into_iter().map(|(year, verdict, comment)| Verdict { year, verdict, comment }).collect(),
            unknown,
            kind: if output { IndicatorKind::Output } else { IndicatorKind::Outcome },
            ..Indicator::new(&code, &name, &unit)
        },
    )
}

fn initiative() -> impl Gen<Value = Initiative> {
    (
        title(),
        text(),
        any::<bool>(),
        proptest::collection::btree_map(year(), (money(), money(), proptest::option::of(0usize..8), text()), 0..4),
        proptest::collection::vec((proptest::option::of("[0-9０-９]{4,7}"), text()), 0..3),
    )
        .prop_map(|(title, description, is_new, years, partners)| Initiative {
            description,
            is_new,
            kind: Some(if is_new { InitiativeKind::Subsidised } else { InitiativeKind::Standalone }),
            years: years
                .into_iter()
                .map(|(fiscal_year, (budget, settled, d, plan))| InitiativeYear {
                    fiscal_year,
                    budget,
                    settled,
                    grant: None,
                    direction: d.map(|d| ProjectDirection::ALL[d]),
                    plan,
                    result: String::new(),
                })
                .collect(),
            partners: partners.into_iter().map(|(code, name)| Partner { code, name }).collect(),
            ..Initiative::new("1", &title)
        })
}

fn measure() -> impl Gen<Value = Measure> {
    (
        title(),
        text(),
        any::<bool>(),
        proptest::collection::vec(initiative(), 0..3),
        proptest::collection::btree_set((year(), 0usize..3), 0..4),
        proptest::collection::vec(1u8..=17, 0..3),
        unknown(),
    )
        .prop_map(|(title, summary, priority, initiatives, eval_years, sdgs, unknown)| Measure {
            unknown,
            summary,
            priority,
            initiatives: initiatives.into_iter().map(Into::into).collect(),
            sdgs: sdgs.into_iter().map(Sdg).collect(),
            evaluations: eval_years
                .into_iter()
                .map(|(fiscal_year, stage)| Evaluation {
                    rating: Some("B".into()),
                    outcomes: "成果".into(),
                    by: if stage == 1 { "推進本部".into() } else { String::new() },
                    date: (stage == 2).then(|| "2024-08-30".into()),
                    ..Evaluation::at(fiscal_year, EvaluationStage::ALL[stage])
                })
                .collect(),
            ..Measure::new("1", &title)
        })
}

pub(super) fn strategy() -> impl Gen<Value = crate::model::Strategy> {
    (
        title(),
        text(),
        proptest::collection::vec(indicator(), 0..4),
        proptest::collection::vec(proptest::collection::vec(measure(), 0..3), 0..4),
        any::<u64>(),
    )
        .prop_map(|(title, section, indicators, goals, pick)| {
            let mut s = template::from_second_period(
                &title,
                "北本市",
                PlanPeriod { first: FiscalYear(2020), last: FiscalYear(2026) },
            );
            s.sections.push(NarrativeSection { id: Id::new("section"), heading: "策定趣旨".into(), body: section });
            s.schedule.push(ScheduleItem {
                id: Id::new("schedule"),
                when: ScheduleWhen::Period { fiscal_year: FiscalYear(2019), month: 8, part: Some(MonthPart::Early) },
                body: "政策調整会議".into(),
                agenda: "策定方針".into(),
                stage: Some(DraftingStage::Policy),
            });
            s.goals.truncate(goals.len());
            for (g, measures) in s.goals_mut().zip(goals) {
                g.measures = measures.into_iter().map(Into::into).collect();
            }
            // References: indicators to goals and measures, one re-listing, one related measure.
            let measure_ids: Vec<Id> = s.measures().map(|(_, m)| m.id.clone()).collect();
            let initiative_ids: Vec<(Id, Id)> = s.initiatives().map(|(m, i)| (m.id.clone(), i.id.clone())).collect();
            for (k, ind) in indicators.iter().enumerate() {
                if let Some(g) = s.goals_mut().nth(k % 4) {
                    g.targets.push(ind.id.clone());
                }
            }
            let first_owner = initiative_ids.first().map(|x| &x.0);
            if let (Some((_, init)), Some(other)) =
                (initiative_ids.first(), measure_ids.iter().find(|m| Some(*m) != first_owner))
            {
                let years = if pick % 2 == 0 { vec![] } else { vec![FiscalYear(2024)] };
                s.measure_mut(other).unwrap().relisted.push(Relisting { initiative: init.clone(), years });
            }
            if measure_ids.len() >= 2 {
                let a = (pick as usize) % measure_ids.len();
                let b = (a + 1) % measure_ids.len();
                s.measure_mut(&measure_ids[a]).unwrap().related.push(measure_ids[b].clone());
            }
            s.indicators = indicators.into_iter().map(Into::into).collect();
            s
        })
        .prop_filter("valid", |s| errors(&validate(s)).next().is_none())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 128, ..ProptestConfig::default() })]
    #[test]
    fn export_then_import_is_identical(s in strategy()) {
        let text = export(&s, "2026-11-21T00:00:00Z");
        let back = import(&text).map_err(|e| TestCaseError::fail(format!("{e:?}")))?;
        prop_assert_eq!(&back.strategy, &s);
        // Written again after edits, only the changed parts: the same bytes as writing it all.
        let mut rewriter = crate::format::Rewriter::new();
        prop_assert_eq!(rewriter.write(&s, "t"), crate::format::export_compact(&s, "t"));
        let mut edited = s.clone();
        if let Some(i) = edited.indicators.first_mut() {
            std::sync::Arc::make_mut(i).unit.push('人');
        }
        edited.goals.reverse();
        prop_assert_eq!(rewriter.write(&edited, "u"), crate::format::export_compact(&edited, "u"));
    }
}
