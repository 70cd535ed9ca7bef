//! Export: the exact wide and long tables of the town, BOM and CRLF in every file, formula
//! neutralisation of text (never of numbers), and the initiative and evaluation tables.

use super::super::{evaluations, indicators_long, indicators_wide, initiatives};
use super::{cells, file, town};
use crate::examples::by_key;
use crate::locale::YearStyle;
use crate::model::{
    Evaluation, EvaluationStage, Goal, GoalKind, Initiative, InitiativeYear, Measure, PlanPeriod, ProjectDirection,
    Strategy,
};
use std::sync::Arc;

#[test]
fn wide_japanese_is_exactly_the_table() {
    // Five year columns: 令和3年度 (an actual before the period) and the plan's 令和4〜7年度,
    // then 値の時点 and 出典 (every series of the town is in fiscal years, none has a source).
    let expected = file(&[
        concat!(
            "指標ID,指標番号,指標名,系列,単位,当初値,当初値年度,目標値,目標年度,",
            "令和3年度,令和3年度 速報,令和4年度,令和4年度 速報,令和5年度,令和5年度 速報,",
            "令和6年度,令和6年度 速報,令和7年度,令和7年度 速報,値の時点,出典"
        ),
        "ind-health,1-1,65歳健康寿命,男性,年,17.5,令和元年度,18.5,,,,17.9,,18,○,,,,,年度,",
        "ind-health,1-1,65歳健康寿命,女性,年,20,令和元年度,21,,,,20.4,,,,,,,,年度,",
        "ind-births,7-2,出生数,,人,340,,380,,,,352,,,,,,,,年度,",
        "ind-migration,2-1,社会増減数,,人,-40,令和2年度,0,令和7年度,-55,,-40,,,,,,,,年度,",
        "ind-furusato,6-3,ふるさと納税寄附件数,,件,3908,,増加,,,,,,,,,,,,年度,",
        "ind-part-a,3-1,市民参画手続きに参画した人数,,人,1741,,増加,,,,,,,,,,,,年度,",
        "ind-part-b,3-1,協働により実施した事業の件数,,件,1,,2,毎年,,,,,,,,,,,年度,",
    ]);
    assert_eq!(indicators_wide(&town(), YearStyle::Japanese), expected);
}

#[test]
fn long_western_is_exactly_the_table() {
    // Every row ends with 値の時点 (年度) and 出典 (none in the town).
    let expected = file(&[
        "指標ID,指標番号,指標名,系列,単位,年度,区分,値,速報値,値の時点,出典,修正年度,修正日,修正理由",
        "ind-health,1-1,65歳健康寿命,男性,年,2019,当初値,17.5,,年度,,,,",
        "ind-health,1-1,65歳健康寿命,男性,年,,目標,18.5,,年度,,,,",
        "ind-health,1-1,65歳健康寿命,男性,年,2023,中間目標,17.8,,年度,,,,",
        "ind-health,1-1,65歳健康寿命,男性,年,2022,実績,17.9,,年度,,,,",
        "ind-health,1-1,65歳健康寿命,男性,年,2023,実績,18,○,年度,,,,",
        "ind-health,1-1,65歳健康寿命,女性,年,2019,当初値,20,,年度,,,,",
        "ind-health,1-1,65歳健康寿命,女性,年,,目標,21,,年度,,,,",
        "ind-health,1-1,65歳健康寿命,女性,年,2022,実績,20.4,,年度,,,,",
        "ind-births,7-2,出生数,,人,,当初値,340,,年度,,,,",
        "ind-births,7-2,出生数,,人,,目標,380,,年度,,,,",
        "ind-births,7-2,出生数,,人,2022,実績,352,,年度,,,,",
        "ind-migration,2-1,社会増減数,,人,2020,当初値,-40,,年度,,,,",
        "ind-migration,2-1,社会増減数,,人,2025,目標,0,,年度,,,,",
        "ind-migration,2-1,社会増減数,,人,2021,実績,-55,,年度,,,,",
        "ind-migration,2-1,社会増減数,,人,2022,実績,-40,,年度,,,,",
        "ind-furusato,6-3,ふるさと納税寄附件数,,件,,当初値,3908,,年度,,,,",
        "ind-furusato,6-3,ふるさと納税寄附件数,,件,,目標,増加,,年度,,,,",
        "ind-part-a,3-1,市民参画手続きに参画した人数,,人,,当初値,1741,,年度,,,,",
        "ind-part-a,3-1,市民参画手続きに参画した人数,,人,,目標,増加,,年度,,,,",
        "ind-part-b,3-1,協働により実施した事業の件数,,件,,当初値,1,,年度,,,,",
        "ind-part-b,3-1,協働により実施した事業の件数,,件,毎年,目標,2,,年度,,,,",
    ]);
    assert_eq!(indicators_long(&town(), YearStyle::Western), expected);
}

/// Every line break outside quoted cells is CRLF, and the file starts with a BOM.
fn assert_bom_crlf(text: &str, what: &str) {
    assert!(text.starts_with('\u{feff}'), "{what}: BOM");
    assert!(text.ends_with("\r\n"), "{what}: ends with CRLF");
    let (mut quoted, mut previous) = (false, '\0');
    for c in text.chars() {
        match c {
            '"' => quoted = !quoted,
            '\n' if !quoted => assert_eq!(previous, '\r', "{what}: bare LF"),
            _ => {}
        }
        previous = c;
    }
}

#[test]
fn every_file_is_utf8_with_bom_and_crlf() {
    let hokuto = by_key("hokuto").unwrap().load().unwrap();
    for style in [YearStyle::Japanese, YearStyle::Western] {
        assert_bom_crlf(&indicators_wide(&town(), style), "wide");
        assert_bom_crlf(&indicators_long(&town(), style), "long");
        assert_bom_crlf(&initiatives(&hokuto, style), "initiatives");
        assert_bom_crlf(&evaluations(&hokuto, style), "evaluations");
    }
    let lines = indicators_long(&town(), YearStyle::Japanese).matches("\r\n").count();
    assert_eq!(lines, 1 + 21, "a header and 21 values");
}

/// Every text comes back as it was written, in a CSV and in a workbook, even one that starts
/// with quotes before a formula's character (found by the workbook's round trip: `'+`).
#[test]
fn quoted_texts_come_back_as_written() {
    use super::super::cells::{read_text, text, workbook_text};
    for s in ["'+", "''=x", "'abc", "'", "+1", "=SUM(A1)", "a'+", "普通"] {
        assert_eq!(read_text(&text(s)), s, "CSV: {s}");
        assert_eq!(read_text(&workbook_text(s)), s, "workbook: {s}");
    }
    assert_eq!(text("'+"), "''+");
    assert_eq!(workbook_text("+1"), "+1", "a workbook's string cell is never a formula");
}

/// Text that Excel would run as a formula gets a leading quote; numbers, even negative ones,
/// stay numbers.
#[test]
fn text_cells_are_neutralised_numbers_are_not() {
    let mut s = town();
    let mut goal = Goal::new(GoalKind::Basic, "1", "目標");
    let mut measure = Measure::new("1", "=SUM(A1)");
    let titles = ["+1", "-cmd", "@x", "\tx", "\rx", "＝全角", "a=b", "1-1"];
    for (k, title) in titles.iter().enumerate() {
        let mut i = Initiative::new(&k.to_string(), title);
        i.years.push(InitiativeYear {
            fiscal_year: crate::model::FiscalYear(2022),
            budget: Some(-40),
            settled: Some(1_234),
            grant: None,
            direction: Some(ProjectDirection::Maintain),
            plan: "=cmd|' /C calc'!A0".into(),
            result: String::new(),
        });
        measure.initiatives.push(Arc::new(i));
    }
    measure.evaluations.push(Evaluation {
        fiscal_year: crate::model::FiscalYear(2022),
        rating: Some("A".into()),
        outcomes: "@SUM(1)".into(),
        issues: "-".into(),
        improvements: "+".into(),
        next_plan: "次年度".into(),
        stage: EvaluationStage::External,
        by: "=外部委員会".into(),
        ..Evaluation::new(crate::model::FiscalYear(2022))
    });
    goal.measures.push(Arc::new(measure));
    s.goals.push(Arc::new(goal));
    Arc::make_mut(&mut s.indicators[1]).name = "=HYPERLINK(\"http://x\")".into();

    let rows = cells(&initiatives(&s, YearStyle::Japanese));
    let titles_out: Vec<&str> = rows[1..].iter().map(|r| r[5].as_str()).collect();
    assert_eq!(titles_out, ["'+1", "'-cmd", "'@x", "'\tx", "'\rx", "'＝全角", "a=b", "1-1"]);
    assert!(rows[1..].iter().all(|r| r[3] == "'=SUM(A1)" && r[13] == "'=cmd|' /C calc'!A0"));
    assert!(rows[1..].iter().all(|r| r[10] == "-40" && r[11] == "1234" && r[12] == "維持"), "{:?}", rows[1]);

    let rows = cells(&evaluations(&s, YearStyle::Western));
    assert_eq!(
        rows[1],
        [
            "基本目標",
            "1",
            "1",
            "'=SUM(A1)",
            "",
            "2022",
            "外部評価",
            "A",
            "'@SUM(1)",
            "'-",
            "'+",
            "次年度",
            "",
            "'=外部委員会",
            ""
        ]
    );

    let rows = cells(&indicators_wide(&s, YearStyle::Japanese));
    let births = rows.iter().find(|r| r[0] == "ind-births").unwrap();
    assert_eq!(births[2], "'=HYPERLINK(\"http://x\")");
    let migration = rows.iter().find(|r| r[0] == "ind-migration").unwrap();
    assert_eq!((migration[5].as_str(), migration[9].as_str(), migration[11].as_str()), ("-40", "-55", "-40"));
}

/// 北斗市: the sums of a measure's rows are the seed's 計 (re-listed rows included, only for the
/// years they are listed); directions and the 再掲 marker come through.
#[test]
fn initiatives_carry_budgets_settled_directions_and_relistings() {
    let s = by_key("hokuto").unwrap().load().unwrap();
    let rows = cells(&initiatives(&s, YearStyle::Japanese));
    assert_eq!(rows[0][9..13], ["年度", "予算額（千円）", "決算額（千円）", "方向性"]);
    let sum = |title: &str, year: &str, column: usize| -> i64 {
        let of = rows.iter().filter(|r| r[3] == title && r[9] == year);
        of.map(|r| r[column].parse::<i64>().unwrap_or(0)).sum()
    };
    assert_eq!(sum("町内会等への加入促進", "令和5年度", 11), 300);
    assert_eq!(sum("町内会等への加入促進", "令和6年度", 10), 2_300);
    assert_eq!(sum("コミュニティ施設の適切な管理", "令和5年度", 11), 5_347);
    assert_eq!(sum("ほくとらしさの情報発信", "令和5年度", 11), 6_032);
    assert_eq!(sum("ほくとらしさの情報発信", "令和6年度", 10), 204_551);
    let relisted =
        |year: &str| rows.iter().filter(|r| r[3] == "ほくとらしさの情報発信" && r[6] == "○" && r[9] == year).count();
    assert_eq!((relisted("令和5年度"), relisted("令和6年度")), (0, 1), "re-listed for 2024 only");
    assert!(rows.iter().any(|r| r[12] == "拡充" || r[12] == "維持"), "directions are written");
    let western = cells(&initiatives(&s, YearStyle::Western));
    assert!(western[1..].iter().all(|r| r[9].is_empty() || r[9].parse::<i32>().is_ok()), "Western years are numbers");
}

#[test]
fn evaluations_one_row_per_measure_and_year() {
    let s = by_key("hokuto").unwrap().load().unwrap();
    let rows = cells(&evaluations(&s, YearStyle::Japanese));
    assert_eq!(
        rows[0].join(","),
        concat!(
            "目標区分,目標番号,施策番号,施策名,担当課,年度,",
            "評価の段階,評価,成果,課題,改善点及び方向性,次年度実施計画,補足,評価者,評価日"
        )
    );
    assert_eq!(rows.len(), 1 + 17, "the seeds rate 17 measures for 令和5年度");
    let membership = rows.iter().find(|r| r[3] == "町内会等への加入促進").unwrap();
    assert_eq!(
        (membership[5].as_str(), membership[6].as_str(), membership[7].as_str()),
        ("令和5年度", "一次評価", "C"),
        "the sheets' evaluation is the section's own"
    );
    assert_eq!(membership[4], "市民課", "its section");
    assert!(!membership[8].is_empty() && !membership[9].is_empty(), "outcomes and issues are there");
    let empty = Strategy::blank(
        "t",
        "m",
        PlanPeriod { first: crate::model::FiscalYear(2020), last: crate::model::FiscalYear(2024) },
    );
    assert_eq!(evaluations(&empty, YearStyle::Japanese).matches("\r\n").count(), 1, "a header only");
}

/// 担当課 is the last column of the initiatives' file when the strategy lists
/// sections: a project's own (ふるさと納税: 水産商工労働課) or its measure's; a re-listed row names
/// the section of the measure that owns the project.
#[test]
fn initiatives_name_their_section_last() {
    let s = by_key("hokuto").unwrap().load().unwrap();
    let rows = cells(&initiatives(&s, YearStyle::Japanese));
    assert_eq!(rows[0].last().map(String::as_str), Some("担当課"));
    let gift = rows.iter().find(|r| r[5].contains("ふるさと納税")).unwrap();
    assert_eq!(gift.last().map(String::as_str), Some("水産商工労働課"));
    let membership = rows.iter().find(|r| r[3] == "町内会等への加入促進").unwrap();
    assert_eq!(membership.last().map(String::as_str), Some("市民課"), "its measure's");
    for relisted in rows.iter().filter(|r| r[6] == "○") {
        let (_, i) = s.initiatives().find(|(_, i)| i.title == relisted[5]).unwrap();
        let owner = s.initiative_department(&i.id).and_then(|o| s.department_name(o.department)).unwrap();
        assert_eq!(relisted.last().map(String::as_str), Some(owner), "{}: the owning measure's", relisted[5]);
    }
    let mut plain = s.clone();
    plain.departments.clear();
    let measures: Vec<_> = plain.measures().map(|(_, m)| m.id.clone()).collect();
    for id in measures {
        let m = plain.measure_mut(&id).unwrap();
        m.department = None;
        m.initiatives_mut().for_each(|i| i.department = None);
    }
    assert_eq!(cells(&initiatives(&plain, YearStyle::Japanese))[0].len(), 15, "no sections: no column, as before");
}
