//! Import plans on hand-written UTF-8 files: every rule of the long and wide layouts, with the
//! rows Excel shows, and applying a plan.

use super::super::{apply, plan_import, CellKind as K, CsvError, Layout, RefusalReason as R};
use super::{changes, fy, refusals, series_of, town, Change};
use crate::model::{FiscalYear, Target};
use std::sync::Arc;

fn csv(lines: &[&str]) -> String {
    lines.join("\r\n") + "\r\n"
}

#[test]
fn long_layout_changes_unchanged_and_refusals() {
    let text = csv(&[
        "指標ID,指標番号,指標名,系列,単位,年度,区分,値,速報値",
        "ind-health,,,男性,,R5,実績,18,",
        "ind-health,,,男性,,R6,実績,18.3,○",
        "ind-health,,,男性,,R6,実績,18.4,",
        "ind-health,,,男性,,R5,中間目標,17.9,",
        "ind-health,,,男性,,R8,中間目標,19,",
        "ind-health,,,女性,,令和元年度,当初値,20.1,",
        "ind-health,,,女性,,H30,当初値,20,",
        "ind-migration,,,,,2021,実績,-50,",
        "ind-migration,,,,,2020,実績,-60,",
        "ind-migration,,,,,R6,目標,1,",
        "ind-migration,,,,,R7,目標,5,",
        "ind-births,,,,,,目標,↗,",
        "ind-births,,,,,毎年,目標,400,",
        "ind-furusato,,,,,,目標,\"4,000\",",
        "ind-part-a,,,,,,目標,↗,",
        "ind-part-b,,,,,,目標,3,",
        "ind-births,,,,,R5,見込み,1,",
        "ind-births,,,,,R5,実績,1,済",
        "ind-births,,,,,R5,実績,,○",
        "ind-births,,,,,,実績,1,",
        ",,,,,R5,実績,1,",
        "ind-births,,,,,R5,実績,,",
        "ind-births,,,,,R4,実績,352,",
        "ind-births,,,,,Ｒ５,実績,３６０,",
    ]);
    let s = town();
    let plan = plan_import(&s, &text).unwrap();
    assert_eq!(plan.layout, Layout::Long);
    assert_eq!(plan.rows, 24);
    let expected: Vec<Change> = vec![
        (2, "値", "ser-male", K::Actual, Some(2023), Some(18.0), 18.0, true, false),
        (3, "値", "ser-male", K::Actual, Some(2024), None, 18.3, false, true),
        (5, "値", "ser-male", K::Interim, Some(2023), Some(17.8), 17.9, false, false),
        (7, "値", "ser-female", K::Baseline, Some(2019), Some(20.0), 20.1, false, false),
        (9, "値", "ser-migration", K::Actual, Some(2021), Some(-55.0), -50.0, false, false),
        (12, "値", "ser-migration", K::Target, Some(2025), Some(0.0), 5.0, false, false),
        (15, "値", "ser-furusato", K::Target, None, None, 4000.0, false, false),
        (17, "値", "ser-part-b", K::TargetPerYear, None, Some(2.0), 3.0, false, false),
        (25, "値", "ser-births", K::Actual, Some(2023), None, 360.0, false, false),
    ];
    assert_eq!(changes(&plan), expected);
    assert_eq!(plan.unchanged, 2, "row 16 (↗) and row 24 (352)");
    let expected_refusals = vec![
        (4, "値", R::Duplicate { first_row: 3 }),
        (6, "年度", R::YearOutsidePeriod { year: fy(2026) }),
        (8, "年度", R::YearDiffers { year: fy(2018), expected: Some(fy(2019)) }),
        (10, "年度", R::YearOutsidePeriod { year: fy(2020) }),
        (11, "年度", R::YearDiffers { year: fy(2024), expected: Some(fy(2025)) }),
        (13, "値", R::TargetKindDiffers),
        (14, "値", R::TargetKindDiffers),
        (18, "区分", R::UnknownKind { text: "見込み".into() }),
        (19, "速報値", R::BadFlag { text: "済".into() }),
        (20, "速報値", R::ProvisionalWithoutValue),
        (21, "年度", R::BadYear { text: String::new() }),
        (22, "指標ID", R::MissingIndicator),
    ];
    assert_eq!(refusals(&plan), expected_refusals);

    let mut after = s.clone();
    assert_eq!(apply(&mut after, &plan), 9);
    let male = series_of(&after, "ind-health", "ser-male");
    let actuals: Vec<(i32, f64, bool)> = male.actuals.iter().map(|a| (a.year.0, a.value, a.provisional)).collect();
    assert_eq!(actuals, [(2022, 17.9, false), (2023, 18.0, false), (2024, 18.3, true)]);
    assert_eq!(male.interim[0].value, 17.9);
    let female = series_of(&after, "ind-health", "ser-female").baseline.clone().unwrap();
    assert_eq!((female.value, female.year), (20.1, Some(fy(2019))));
    let migration = series_of(&after, "ind-migration", "ser-migration");
    assert_eq!(migration.actual(fy(2021)).map(|a| a.value), Some(-50.0));
    assert_eq!(migration.target, Some(Target::Value { value: 5.0, year: Some(fy(2025)) }));
    assert_eq!(
        series_of(&after, "ind-furusato", "ser-furusato").target,
        Some(Target::Value { value: 4000.0, year: None })
    );
    assert_eq!(series_of(&after, "ind-part-b", "ser-part-b").target, Some(Target::PerYear { value: 3.0 }));
    assert_eq!(series_of(&after, "ind-births", "ser-births").actual(fy(2023)).map(|a| a.value), Some(360.0));
    // Copy-on-write: the one indicator nothing changed in is still shared with the original.
    assert!(Arc::ptr_eq(&s.indicators[4], &after.indicators[4]));
    assert!(!Arc::ptr_eq(&s.indicators[0], &after.indicators[0]));
}

#[test]
fn wide_layout_reads_year_columns_markers_and_ignores_unknown_columns() {
    let text = csv(&[
        "指標ID,指標番号,系列,目標値,目標年度,2022,2022 速報,2023,備考,2024,2024 速報",
        "ind-health,,男性,,,17.9,,18.1,メモ,18.2,○",
        ",7-2,,390,,353,×,,,,",
        ",3-1,,,,1,,,,,",
        "ind-health,,,,,1,,,,,",
        "ind-migration,,,\"1,000\",2024,,,,,,",
        "ind-migration,,,,,abc,,,,,",
        "ind-health,,女性,,,,,,,20.9,確定",
    ]);
    let plan = plan_import(&town(), &text).unwrap();
    assert_eq!(plan.layout, Layout::Wide);
    assert_eq!(plan.ignored_columns, ["備考"]);
    let expected: Vec<Change> = vec![
        (2, "2023", "ser-male", K::Actual, Some(2023), Some(18.0), 18.1, true, true),
        (2, "2024", "ser-male", K::Actual, Some(2024), None, 18.2, false, true),
        (3, "目標値", "ser-births", K::Target, None, Some(380.0), 390.0, false, false),
        (3, "2022", "ser-births", K::Actual, Some(2022), Some(352.0), 353.0, false, false),
        (8, "2024", "ser-female", K::Actual, Some(2024), None, 20.9, false, false),
    ];
    assert_eq!(changes(&plan), expected);
    assert_eq!(plan.unchanged, 1, "17.9 in 2022");
    let expected_refusals = vec![
        (4, "指標番号", R::AmbiguousCode { code: "3-1".into(), count: 2 }),
        (5, "系列", R::UnknownSeries { label: String::new() }),
        (6, "目標年度", R::YearDiffers { year: fy(2024), expected: Some(fy(2025)) }),
        (7, "2022", R::NotANumber { text: "abc".into() }),
    ];
    assert_eq!(refusals(&plan), expected_refusals);
}

/// Cells as a town's own table writes them: 「－」「調査中」「(未公表)」 are no value —
/// noted, never refused, nothing written; 「353※」 keeps the number and the mark (an actual takes
/// it as its comment); 「18.3 (速報)」 is a provisional value; a negative number is still a number.
#[test]
fn no_value_marks_and_footnotes_are_read_not_refused() {
    use super::super::CellReading;
    let text = csv(&[
        "指標ID,指標番号,系列,2022,2023,2024",
        "ind-health,,男性,－,18.3 (速報),調査中",
        ",7-2,,353※,(未公表),…",
        "ind-migration,,,－45,-,×",
    ]);
    let plan = plan_import(&town(), &text).unwrap();
    assert_eq!(refusals(&plan), []);
    let expected: Vec<Change> = vec![
        (2, "2023", "ser-male", K::Actual, Some(2023), Some(18.0), 18.3, true, true),
        (3, "2022", "ser-births", K::Actual, Some(2022), Some(352.0), 353.0, false, false),
        (4, "2022", "ser-migration", K::Actual, Some(2022), Some(-40.0), -45.0, false, false),
    ];
    assert_eq!(changes(&plan), expected);
    let noted: Vec<(usize, &str, &str, CellReading)> =
        plan.noted.iter().map(|n| (n.row, n.column.as_str(), n.text.as_str(), n.reading.clone())).collect();
    assert_eq!(
        noted,
        [
            (2, "2022", "－", CellReading::NoValue),
            (2, "2023", "18.3 (速報)", CellReading::Provisional),
            (2, "2024", "調査中", CellReading::NoValue),
            (3, "2022", "353※", CellReading::Marked { mark: "※".into() }),
            (3, "2023", "(未公表)", CellReading::NoValue),
            (3, "2024", "…", CellReading::NoValue),
            (4, "2023", "-", CellReading::NoValue),
            (4, "2024", "×", CellReading::NoValue),
        ]
    );
    // Applied: the mark is the actual's comment; the no-value cells removed nothing.
    let mut s = town();
    let before = series_of(&s, "ind-health", "ser-male").actual(fy(2022)).cloned();
    apply(&mut s, &plan);
    assert_eq!(series_of(&s, "ind-births", "ser-births").actual(fy(2022)).map(|a| a.comment.as_str()), Some("※"));
    assert_eq!(series_of(&s, "ind-health", "ser-male").actual(fy(2022)).cloned(), before);
    assert!(series_of(&s, "ind-health", "ser-male").actual(fy(2023)).is_some_and(|a| a.provisional && a.value == 18.3));
}

/// 指標ID wins (a wrong code beside it does not matter, an unknown id is not matched by code);
/// without an id, a unique code matches, full-width too.
#[test]
fn indicators_are_matched_by_id_then_by_a_unique_code() {
    let text = csv(&[
        "指標ID,指標番号,系列,年度,区分,値",
        "ind-births,9-9,,R5,実績,1",
        ",７－２,,R6,実績,2",
        "ind-nope,7-2,,R5,実績,1",
        ",8-8,,R5,実績,1",
        ",3-1,,R5,実績,1",
        "ind-health,,子ども,R5,実績,1",
        "ind-health,1-1, 男性 ,R4,実績,17.9",
    ]);
    let plan = plan_import(&town(), &text).unwrap();
    let found: Vec<(usize, &str, Option<FiscalYear>)> =
        plan.changes.iter().map(|c| (c.row, c.series.as_str(), c.value.year)).collect();
    assert_eq!(found, [(2, "ser-births", Some(fy(2023))), (3, "ser-births", Some(fy(2024)))]);
    assert_eq!(plan.unchanged, 1);
    let expected_refusals = vec![
        (4, "指標ID", R::UnknownIndicatorId { id: "ind-nope".into() }),
        (5, "指標番号", R::UnknownIndicator { code: "8-8".into() }),
        (6, "指標番号", R::AmbiguousCode { code: "3-1".into(), count: 2 }),
        (7, "系列", R::UnknownSeries { label: "子ども".into() }),
    ];
    assert_eq!(refusals(&plan), expected_refusals);
}

/// A column named twice (the same year in two spellings too) refuses the file, naming both
/// columns; a descriptive column may repeat. Before, the second was listed as a column not read
/// under the very name of the one that was read.
#[test]
fn a_column_named_twice_refuses_the_file() {
    let text = csv(&["指標ID,2022,備考,2022", "ind-health,17.9,,18.0"]);
    assert_eq!(
        plan_import(&town(), &text).err(),
        Some(CsvError::DuplicateColumn { name: "2022".into(), first: 2, second: 4 })
    );
    let text = csv(&["指標ID,令和4年度,2022年度", "ind-health,17.9,18.0"]);
    assert_eq!(
        plan_import(&town(), &text).err(),
        Some(CsvError::DuplicateColumn { name: "2022年度".into(), first: 2, second: 3 })
    );
    let text = csv(&["指標ID,指標名,指標名,2022", "ind-health,a,b,17.9"]);
    assert!(plan_import(&town(), &text).is_ok());
}
