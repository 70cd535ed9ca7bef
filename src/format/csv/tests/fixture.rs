//! A file as Japanese Excel saves it (Shift_JIS, no BOM, CRLF, a quoted cell with a comma and a
//! line break, every way of writing a year and a number), decoded and planned.

use super::super::{apply, decode, plan_import, CellKind as K, Layout, RefusalReason as R};
use super::{changes, fy, refusals, series_of, town};

const EXCEL_SJIS_LONG: &[u8] = include_bytes!("../fixtures/excel-sjis-long.csv");

#[test]
fn shift_jis_file_from_excel_is_decoded_and_planned() {
    assert!(String::from_utf8(EXCEL_SJIS_LONG.to_vec()).is_err(), "the fixture is Shift_JIS, not UTF-8");
    assert!(!EXCEL_SJIS_LONG.starts_with(b"\xEF\xBB\xBF"));
    let text = decode(EXCEL_SJIS_LONG, &super::sjis).unwrap();
    assert!(text.starts_with("指標ID,指標番号,指標名,系列,単位,年度,区分,値,速報値\r\n"));
    assert!(text.contains("\"65歳健康寿命\n（男性, 女性）\""));

    let s = town();
    let plan = plan_import(&s, &text).unwrap();
    assert_eq!(plan.layout, Layout::Long);
    assert_eq!(plan.rows, 14, "15 rows under the header, one of them blank");
    let got: Vec<_> = (changes(&plan).into_iter())
        .map(|(row, _, series, kind, year, from, to, _, to_provisional)| {
            (row, series, kind, year, from, to, to_provisional)
        })
        .collect();
    assert_eq!(
        got,
        [
            (2, "ser-male", K::Actual, Some(2024), None, 18.2, true),
            (4, "ser-births", K::Actual, Some(2024), None, 1234.0, false),
            (5, "ser-births", K::Actual, Some(2022), Some(352.0), 123.0, false),
            (6, "ser-migration", K::Actual, Some(2024), None, -12.0, false),
            (14, "ser-births", K::Target, None, Some(380.0), 400.0, false),
            (16, "ser-part-b", K::TargetPerYear, None, Some(2.0), 3.0, false),
        ]
    );
    assert_eq!(plan.unchanged, 1, "row 3: 女性 当初値 20 (令和元年度)");
    assert_eq!(
        refusals(&plan),
        [
            (7, "年度", R::YearOutsidePeriod { year: fy(2018) }),
            (8, "指標番号", R::AmbiguousCode { code: "3-1".into(), count: 2 }),
            (9, "指標ID", R::UnknownIndicatorId { id: "ind-nope".into() }),
            (10, "指標番号", R::UnknownIndicator { code: "8-8".into() }),
            (11, "値", R::NotANumber { text: "たくさん".into() }),
            (12, "年度", R::BadYear { text: "令和五年度".into() }),
            (13, "系列", R::UnknownSeries { label: "子ども".into() }),
        ]
    );

    let mut after = s.clone();
    assert_eq!(apply(&mut after, &plan), 6);
    let births = series_of(&after, "ind-births", "ser-births");
    assert_eq!(births.actual(fy(2024)).map(|a| a.value), Some(1234.0));
    assert_eq!(births.actual(fy(2022)).map(|a| a.value), Some(123.0));
    let male = series_of(&after, "ind-health", "ser-male").actual(fy(2024)).cloned().unwrap();
    assert_eq!((male.value, male.provisional), (18.2, true));
}
