//! Reading back the cells that are words: 値の時点 and 出典 (both layouts), the verdicts file and
//! earlier targets (修正前の目標 rows) — each a change from what to what, nothing cleared by an
//! empty cell, a refusal naming the cell.

use super::super::{apply, indicators_long, indicators_wide, plan_import, verdicts, Layout, RefusalReason};
use super::super::{SourceOf, TextEdit};
use super::year_basis::sourced_town;
use super::{fy, series_of, town};
use crate::locale::YearStyle;
use crate::model::{Id, RelativeChange, Strategy, Target, TargetRevision, Verdict, YearBasis};

const STYLES: [YearStyle; 2] = [YearStyle::Japanese, YearStyle::Western];

/// Every series' basis and every source, as (indicator, series, basis, indicator source,
/// series source, actuals' own sources).
fn words(s: &Strategy) -> Vec<(String, String, YearBasis, String, String, Vec<String>)> {
    let mut out = Vec::new();
    for i in &s.indicators {
        for x in &i.series {
            let own = x.actuals.iter().map(|a| a.source.clone()).collect();
            out.push((i.id.to_string(), x.id.to_string(), x.year_basis, i.source.clone(), x.source.clone(), own));
        }
    }
    out
}

/// The strategy without bases and sources (what a CSV brings back).
fn plain(s: &Strategy) -> Strategy {
    let mut s = s.clone();
    for i in s.indicators_mut() {
        i.source.clear();
        for x in &mut i.series {
            x.year_basis = YearBasis::Fiscal;
            x.source.clear();
            for a in &mut x.actuals {
                a.source.clear();
            }
        }
    }
    s
}

#[test]
fn bases_and_sources_come_back_from_either_layout() {
    let original = sourced_town();
    for style in STYLES {
        // Long: everything, an actual's own source (人口動態統計 for 出生数 2022) too.
        let mut s = plain(&original);
        let plan = plan_import(&s, &indicators_long(&original, style)).unwrap();
        assert!(plan.changes.is_empty() && plan.refused.is_empty(), "{style:?}: {:?}", plan.refused.first());
        let births: Vec<&TextEdit> =
            plan.texts.iter().filter(|t| t.indicator.as_str() == "ind-births").map(|t| &t.edit).collect();
        assert_eq!(
            births,
            [
                &TextEdit::YearBasis { from: YearBasis::Fiscal, to: YearBasis::Calendar },
                &TextEdit::Source { of: SourceOf::Indicator, from: String::new(), to: "住民基本台帳".into() },
                &TextEdit::Source {
                    of: SourceOf::Actual(fy(2022)), from: String::new(), to: "人口動態統計".into()
                },
            ],
            "{style:?}"
        );
        assert_eq!(apply(&mut s, &plan), plan.texts.len());
        assert_eq!(words(&s), words(&original), "{style:?}");
        assert!(plan_import(&s, &indicators_long(&original, style)).unwrap().texts.is_empty(), "read twice");

        // Wide: the series' words (an actual's own source has no cell there).
        let mut s = plain(&original);
        let plan = plan_import(&s, &indicators_wide(&original, style)).unwrap();
        apply(&mut s, &plan);
        let mut expected = original.clone();
        expected.indicator_mut(&Id::from("ind-births")).unwrap().series[0].set_source(fy(2022), String::new());
        assert_eq!(words(&s), words(&expected), "{style:?}");
    }
}

#[test]
fn a_series_source_changed_on_every_row_stays_the_series_source() {
    let mut s = sourced_town();
    s.indicator_mut(&Id::from("ind-births")).unwrap().series[0].set_source(fy(2022), String::new());
    let text = indicators_long(&s, YearStyle::Western).replace("住民基本台帳", "人口動態統計");
    let plan = plan_import(&s, &text).unwrap();
    let edits: Vec<&TextEdit> = plan.texts.iter().map(|t| &t.edit).collect();
    assert_eq!(
        edits,
        [&TextEdit::Source {
            of: SourceOf::Indicator, from: "住民基本台帳".into(), to: "人口動態統計".into()
        }],
        "the actual's row says the series' new source: it gets no source of its own"
    );
    // 65歳健康寿命 has two series: 女性's own source changes, not the indicator's.
    let text = indicators_wide(&s, YearStyle::Western).replace("県の健康指標", "健康長寿サポート");
    let plan = plan_import(&s, &text).unwrap();
    assert_eq!(plan.texts.len(), 1);
    assert_eq!(plan.texts[0].series.as_ref().map(|(_, label)| label.as_str()), Some("女性"));
    assert_eq!(
        plan.texts[0].edit,
        TextEdit::Source {
            of: SourceOf::Series, from: "県の健康指標".into(), to: "健康長寿サポート".into()
        }
    );
}

#[test]
fn a_bad_or_conflicting_basis_is_refused_in_its_cell_and_the_values_still_count() {
    let s = town();
    let text = "指標ID,系列,当初値,値の時点\r\nind-births,,345,毎月\r\n";
    let plan = plan_import(&s, text).unwrap();
    assert_eq!(plan.changes.len(), 1, "the baseline is read");
    assert_eq!(plan.refused.len(), 1);
    assert_eq!((plan.refused[0].row, plan.refused[0].column.as_str()), (2, "値の時点"));
    assert_eq!(plan.refused[0].reason, RefusalReason::BadYearBasis { text: "毎月".into() });

    let text = "指標ID,年度,区分,値,値の時点\r\n\
                ind-births,,当初値,340,年\r\n\
                ind-births,2022,実績,352,年\r\n\
                ind-births,2023,実績,360,4月1日現在\r\n";
    let plan = plan_import(&s, text).unwrap();
    assert_eq!(plan.texts.len(), 1, "row 2 sets it; row 3 says the same");
    assert_eq!(plan.texts[0].edit, TextEdit::YearBasis { from: YearBasis::Fiscal, to: YearBasis::Calendar });
    assert_eq!(plan.refused.len(), 1);
    assert_eq!((plan.refused[0].row, &plan.refused[0].reason), (4, &RefusalReason::Conflicting { first_row: 2 }));
    assert_eq!(plan.changes.len(), 1, "row 4's value is still read");
    assert_eq!(plan.changes[0].basis, YearBasis::Calendar, "the value is shown by the basis the file gives");
}

/// The town with verdicts: 出生数 令和4年度 未達成 with a comment that starts with =, 社会増減数
/// 令和4年度 A.
fn judged_town() -> Strategy {
    let mut s = town();
    s.indicator_mut(&Id::from("ind-births")).unwrap().set_verdict(fy(2022), "未達成", "=出生数は県平均を下回る");
    s.indicator_mut(&Id::from("ind-migration")).unwrap().set_verdict(fy(2022), "A", "");
    s
}

#[test]
fn the_verdicts_file_reads_back_into_the_indicators() {
    let original = judged_town();
    for style in STYLES {
        let text = verdicts(&original, style);
        let again = plan_import(&original, &text).unwrap();
        assert_eq!(again.layout, Layout::Verdicts);
        assert!(again.texts.is_empty() && again.refused.is_empty() && again.ignored_columns.is_empty());

        let mut s = town();
        let plan = plan_import(&s, &text).unwrap();
        assert_eq!(plan.texts.len(), 2, "{style:?}");
        assert_eq!(
            plan.texts[0].edit,
            TextEdit::Verdict {
                from: None,
                to: Verdict {
                    year: fy(2022), verdict: "未達成".into(), comment: "=出生数は県平均を下回る".into()
                }
            },
            "the comment's neutralising quote is dropped"
        );
        assert_eq!(apply(&mut s, &plan), 2);
        for id in ["ind-births", "ind-migration"] {
            let verdicts = |s: &Strategy| s.indicator(&Id::from(id)).unwrap().verdicts.clone();
            assert_eq!(verdicts(&s), verdicts(&original), "{style:?}");
        }
    }
}

#[test]
fn an_empty_verdict_cell_keeps_the_verdict_and_other_years_need_the_period() {
    let s = judged_town();
    let text = "指標ID,年度,町の評価,委員会の意見など\r\n\
                ind-migration,令和4年度,,転出超過が縮小\r\n\
                ind-migration,令和4年度,B,\r\n\
                ind-births,2019,達成,\r\n\
                ind-births,令和5年度,,\r\n";
    let plan = plan_import(&s, text).unwrap();
    assert_eq!(plan.texts.len(), 1);
    assert_eq!(plan.texts[0].column, "委員会の意見など");
    assert_eq!(
        plan.texts[0].edit,
        TextEdit::Verdict {
            from: Some(Verdict { year: fy(2022), verdict: "A".into(), comment: String::new() }),
            to: Verdict { year: fy(2022), verdict: "A".into(), comment: "転出超過が縮小".into() },
        }
    );
    let reasons: Vec<(usize, &str, &RefusalReason)> =
        plan.refused.iter().map(|r| (r.row, r.column.as_str(), &r.reason)).collect();
    assert_eq!(
        reasons,
        [
            (3, "町の評価", &RefusalReason::Duplicate { first_row: 2 }),
            (4, "年度", &RefusalReason::YearOutsidePeriod { year: fy(2019) }),
        ]
    );
}

/// 出生数's target raised twice: 360 (by 令和7年度) in 令和4年度, then 基準値から5%増加 in 令和5年度,
/// before today's 380.
fn revised_town() -> Strategy {
    let mut s = town();
    let x = &mut s.indicator_mut(&Id::from("ind-births")).unwrap().series[0];
    x.target_history = vec![
        TargetRevision {
            target: Target::Value { value: 360.0, year: Some(fy(2025)) },
            year: fy(2022),
            date: Some("2022-06-15".into()),
            reason: "国の方針変更に伴い上方修正".into(),
        },
        TargetRevision {
            target: Target::Relative { change: RelativeChange::Percent(5.0), year: None },
            year: fy(2023),
            date: None,
            reason: String::new(),
        },
    ];
    s
}

fn history(s: &Strategy) -> Vec<TargetRevision> {
    series_of(s, "ind-births", "ser-births").target_history.clone()
}

#[test]
fn earlier_targets_come_back_from_the_long_layout() {
    let original = revised_town();
    for style in STYLES {
        let text = indicators_long(&original, style);
        let again = plan_import(&original, &text).unwrap();
        assert!(again.texts.is_empty() && again.refused.is_empty(), "{style:?}: {:?}", again.refused.first());
        let mut s = town();
        let plan = plan_import(&s, &text).unwrap();
        assert_eq!(plan.texts.len(), 2, "{style:?}");
        assert!(plan.texts.iter().all(|t| matches!(t.edit, TextEdit::Revision { from: None, .. })));
        apply(&mut s, &plan);
        assert_eq!(history(&s), history(&original), "{style:?}");
        assert_eq!(s.indicators, original.indicators, "{style:?}: nothing else changes");
    }
}

#[test]
fn a_revision_row_changes_its_reason_or_adds_one_in_year_order() {
    let mut s = revised_town();
    let head = "指標ID,年度,区分,値,修正年度,修正日,修正理由\r\n";
    let text = format!(
        "{head}ind-births,2025,修正前の目標,360,2022,,上方修正\r\n\
         ind-births,,修正前の目標,350,令和4年度,2022/4/1,当初計画\r\n"
    );
    let plan = plan_import(&s, &text).unwrap();
    assert!(plan.refused.is_empty(), "{:?}", plan.refused);
    let [reason, added] = &plan.texts[..] else { panic!("two changes: {:?}", plan.texts) };
    let TextEdit::Revision { from: Some(old), to } = &reason.edit else { panic!("{reason:?}") };
    assert_eq!((old.reason.as_str(), to.reason.as_str()), ("国の方針変更に伴い上方修正", "上方修正"));
    assert_eq!(to.date.as_deref(), Some("2022-06-15"), "an empty 修正日 keeps the date");
    assert_eq!(
        added.edit,
        TextEdit::Revision {
            from: None,
            to: TargetRevision {
                target: Target::Value { value: 350.0, year: None },
                year: fy(2022),
                date: Some("2022-04-01".into()),
                reason: "当初計画".into()
            }
        }
    );
    apply(&mut s, &plan);
    let years: Vec<(i32, String)> = history(&s).into_iter().map(|r| (r.year.0, r.reason)).collect();
    assert_eq!(years, [(2022, "上方修正".into()), (2022, "当初計画".into()), (2023, String::new())]);
}

#[test]
fn a_revision_row_without_its_year_or_with_no_real_date_is_refused() {
    let s = town();
    let text = "指標ID,年度,区分,値,修正年度,修正日\r\n\
                ind-births,,修正前の目標,360,,\r\n\
                ind-births,,修正前の目標,360,2022,2023-02-30\r\n\
                ind-births,,修正前の目標,三百,2022,\r\n\
                ind-births,,修正前の目標,350,2022,\r\n\
                ind-births,,修正前の目標,350,2022,\r\n";
    let plan = plan_import(&s, text).unwrap();
    let reasons: Vec<(usize, &str, &RefusalReason)> =
        plan.refused.iter().map(|r| (r.row, r.column.as_str(), &r.reason)).collect();
    assert_eq!(
        reasons,
        [
            (2, "修正年度", &RefusalReason::BadYear { text: String::new() }),
            (3, "修正日", &RefusalReason::BadDate { text: "2023-02-30".into() }),
            (4, "値", &RefusalReason::NotANumber { text: "三百".into() }),
            (6, "値", &RefusalReason::Duplicate { first_row: 5 }),
        ]
    );
    assert_eq!(plan.texts.len(), 1);
}
