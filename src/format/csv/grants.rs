//! 「交付金事業の効果検証」 of a fiscal year as a table: one row per grant project and KPI (a
//! project without KPIs gets one row), the project's columns repeated on each of its rows so
//! that Excel's filter keeps a row whole. The cells come from `Strategy::grant_report`;
//! [`grant_table`] gives them as plain text (for the CSV here and for a workbook's sheet), and
//! [`grants`] writes the CSV.
//!
//! 達成率 is rounded to one decimal (96.0); a KPI that should fall is reached at or under its
//! target, and its rate is target ÷ actual. The actual is the indicator's own of that year.

use super::cells::*;
use crate::locale::YearStyle;
use crate::model::{FiscalYear, Grant, Strategy, ACHIEVED, NOT_ACHIEVED};

/// The columns, in order.
pub const GRANT_HEADER: [&str; 21] = [
    YEAR,
    "交付金",
    "地域再生計画",
    "交付対象期間",
    "事業番号",
    "事業名",
    "予算額（千円）",
    "交付金額（千円）",
    CODE,
    "KPI",
    UNIT,
    "目標値",
    "実績値",
    "達成率（%）",
    "達成状況",
    "事業効果",
    "外部有識者の意見",
    "今後の方針",
    "今後の方針の理由",
    "事業ID",
    ID,
];

/// Where the numbers are (by [`GRANT_HEADER`]'s index): 予算額 and 交付金額 in 千円, 目標値 and
/// 実績値 in the KPI's unit (its column [`GRANT_UNIT`]), and 達成率 in %.
pub const GRANT_MONEY: [usize; 2] = [6, 7];
pub const GRANT_VALUES: [usize; 2] = [11, 12];
pub const GRANT_UNIT: usize = 10;
pub const GRANT_RATE: usize = 13;
/// 事業ID and 指標ID, the last two columns.
pub const GRANT_IDS: [usize; 2] = [19, 20];

/// Which columns hold numbers (written as they are, never neutralised).
const NUMBER_COLUMNS: [usize; 5] = [GRANT_MONEY[0], GRANT_MONEY[1], GRANT_VALUES[0], GRANT_VALUES[1], GRANT_RATE];

/// The report's cells: the header and one row per project and KPI, as plain text.
#[derive(Clone, Debug, PartialEq)]
pub struct GrantTable {
    pub header: [&'static str; 21],
    pub rows: Vec<Vec<String>>,
}

/// 「令和5〜7年度」, 「令和5年度〜」, or nothing.
fn period(g: &Grant, style: YearStyle) -> String {
    match (g.first_year, g.last_year) {
        (Some(f), Some(l)) if f == l => year(f, style),
        (Some(f), Some(l)) => match style {
            YearStyle::Japanese => {
                let first = f.japanese();
                let first = first.strip_suffix("年度").unwrap_or(&first).to_owned();
                let last = l.japanese();
                // 「令和5〜7年度」 within one era, else both years whole.
                match (first.get(..6), last.get(..6)) {
                    (Some(a), Some(b)) if a == b => format!("{first}〜{}", &last[6..]),
                    _ => format!("{}〜{last}", f.japanese()),
                }
            }
            YearStyle::Western => format!("{}〜{}", f.western(), l.western()),
        },
        (Some(f), None) => format!("{}〜", year(f, style)),
        (None, Some(l)) => format!("〜{}", year(l, style)),
        (None, None) => String::new(),
    }
}

fn opt_number(v: Option<f64>) -> String {
    v.map(number).unwrap_or_default()
}

/// The table of `year` (see the module).
pub fn grant_table(s: &Strategy, year_of: FiscalYear, style: YearStyle) -> GrantTable {
    let mut rows = Vec::new();
    for p in s.grant_report(year_of) {
        let g = p.grant;
        let review = p.review;
        let head = [
            year(year_of, style),
            g.programme_name().unwrap_or_default(),
            g.regional_plan.clone(),
            period(g, style),
            p.initiative.number.clone(),
            p.initiative.title.clone(),
            p.budget.map(|v| v.to_string()).unwrap_or_default(),
            p.amount.map(|v| v.to_string()).unwrap_or_default(),
        ];
        let tail = [
            review.and_then(|r| r.effect).map(|e| e.japanese().to_owned()).unwrap_or_default(),
            review.map(|r| r.experts.clone()).unwrap_or_default(),
            review.and_then(|r| r.policy).map(|p| p.japanese().to_owned()).unwrap_or_default(),
            review.map(|r| r.reason.clone()).unwrap_or_default(),
            p.initiative.id.as_str().to_owned(),
        ];
        if p.kpis.is_empty() {
            let mut row: Vec<String> = head.to_vec();
            row.extend(std::iter::repeat_n(String::new(), 7));
            row.extend(tail.iter().cloned());
            row.push(String::new());
            rows.push(row);
        }
        for k in &p.kpis {
            let mut row: Vec<String> = head.to_vec();
            row.extend([
                k.indicator.code.clone(),
                k.indicator.name.clone(),
                k.indicator.unit.clone(),
                opt_number(k.target),
                opt_number(k.actual),
                k.achievement.map(crate::locale::grant_rate).unwrap_or_default(),
                k.achieved.map(|a| if a { ACHIEVED } else { NOT_ACHIEVED }).unwrap_or_default().to_owned(),
            ]);
            row.extend(tail.iter().cloned());
            row.push(k.indicator.id.as_str().to_owned());
            rows.push(row);
        }
    }
    GrantTable { header: GRANT_HEADER, rows }
}

/// The CSV of [`grant_table`]: text cells neutralised, numbers as they are.
pub fn grants(s: &Strategy, year: FiscalYear, style: YearStyle) -> String {
    let table = grant_table(s, year, style);
    let mut sheet = Sheet::new();
    sheet.row(table.header);
    for row in table.rows {
        sheet.row(row.iter().enumerate().map(|(k, c)| if NUMBER_COLUMNS.contains(&k) { c.clone() } else { text(c) }));
    }
    sheet.finish()
}

#[cfg(test)]
mod tests {
    use super::super::tests::cells;
    use super::*;
    use crate::model::{GrantEffect, Id};

    fn made_up() -> Strategy {
        crate::examples::by_key("made-up").unwrap().load().unwrap()
    }

    /// The made-up example's grant project in 令和5年度, worked by hand: 転入者数 372 of 365 =
    /// 101.9 % (reached); 観光入込客数 1,920 of 2,000 = 96.0 % (not reached); 空き家の相談待ち件数
    /// should fall: 9 against 10, 10 ÷ 9 = 111.1 % (reached). 予算額 12,000, 交付金額 5,750 千円.
    #[test]
    fn the_made_up_examples_report_is_as_worked_by_hand() {
        let t = grant_table(&made_up(), FiscalYear(2023), YearStyle::Japanese);
        assert_eq!(t.rows.len(), 3);
        let head = [
            "令和5年度",
            "デジタル田園都市国家構想交付金（地方創生推進タイプ）",
            "しるべ町おためし移住推進計画（架空の例）",
            "令和5〜7年度",
            "1",
            "おためし移住推進事業（架空の例）",
            "12000",
            "5750",
        ];
        let kpis = [
            ["1-1", "転入者数", "人", "365", "372", "101.9", "達成"],
            ["1-7", "観光入込客数", "人", "2000", "1920", "96.0", "未達成"],
            ["1-10", "空き家の相談待ち件数", "件", "10", "9", "111.1", "達成"],
        ];
        for (row, kpi) in t.rows.iter().zip(kpis) {
            assert_eq!(row[..8], head);
            assert_eq!(row[8..15], kpi);
            assert_eq!(row[15], "地方創生に相当程度効果があった");
            assert!(row[16].starts_with("おためし住宅の利用は多いが"));
            assert_eq!(
                (row[17].as_str(), row[18].as_str()),
                ("事業内容の見直し（改善）", "相談会を観光イベントの日に合わせて開く。")
            );
            assert_eq!(row[19], "initiative-3b8f2a6c1d4e4f0a9b7c5e2d1a8f6b30");
        }
        // 令和6年度: targets set, no actual yet, no review.
        let next = grant_table(&made_up(), FiscalYear(2024), YearStyle::Western);
        assert_eq!(
            next.rows[0][..4],
            [
                "2024",
                "デジタル田園都市国家構想交付金（地方創生推進タイプ）",
                "しるべ町おためし移住推進計画（架空の例）",
                "2023〜2025"
            ]
        );
        assert_eq!(next.rows[0][11..19], ["375", "", "", "", "", "", "", ""]);
        assert!(grant_table(&made_up(), FiscalYear(2022), YearStyle::Japanese).rows.is_empty());
    }

    #[test]
    fn the_csv_has_the_header_neutralised_text_and_plain_numbers() {
        let mut s = made_up();
        let id = Id::from("initiative-3b8f2a6c1d4e4f0a9b7c5e2d1a8f6b30");
        let i =
            std::sync::Arc::make_mut(&mut s.goals[0]).measures_mut().next().unwrap().initiatives_mut().next().unwrap();
        assert_eq!(i.id, id);
        i.edit_grant(|g| {
            g.edit_review(FiscalYear(2023), |r| {
                r.experts = "=HYPERLINK(\"x\")".into();
                r.effect = Some(GrantEffect::VeryEffective);
            })
        });
        let rows = cells(&grants(&s, FiscalYear(2023), YearStyle::Japanese));
        assert_eq!(rows[0], GRANT_HEADER);
        assert_eq!(rows.len(), 4);
        assert_eq!(rows[1][15], "地方創生に非常に効果的であった");
        assert_eq!(rows[1][16], "'=HYPERLINK(\"x\")", "a formula is never run");
        assert_eq!((rows[1][6].as_str(), rows[2][12].as_str(), rows[3][13].as_str()), ("12000", "1920", "111.1"));
    }

    #[test]
    fn a_project_without_kpis_has_one_row_and_the_period_is_written_as_towns_do() {
        let mut g = Grant { first_year: Some(FiscalYear(2018)), last_year: Some(FiscalYear(2020)), ..Grant::default() };
        assert_eq!(period(&g, YearStyle::Japanese), "平成30年度〜令和2年度");
        g.first_year = Some(FiscalYear(2020));
        assert_eq!(period(&g, YearStyle::Japanese), "令和2年度");
        g.last_year = None;
        assert_eq!(period(&g, YearStyle::Japanese), "令和2年度〜");

        let mut s = made_up();
        let i =
            std::sync::Arc::make_mut(&mut s.goals[0]).measures_mut().next().unwrap().initiatives_mut().next().unwrap();
        i.kpis.clear();
        let t = grant_table(&s, FiscalYear(2023), YearStyle::Japanese);
        assert_eq!(t.rows.len(), 1);
        assert_eq!(t.rows[0].len(), GRANT_HEADER.len());
        assert_eq!(t.rows[0][8..15], ["", "", "", "", "", "", ""]);
        assert_eq!(t.rows[0][15], "地方創生に相当程度効果があった");
    }
}
