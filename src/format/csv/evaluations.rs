//! Evaluation export: one row per measure and evaluated fiscal year (施策評価).

use super::cells::*;
use crate::locale::YearStyle;
use crate::model::{Evaluation, Strategy};

const HEADER: [&str; 12] = [
    "目標区分",
    "目標番号",
    "施策番号",
    "施策名",
    YEAR,
    "評価",
    "成果",
    "課題",
    "改善点及び方向性",
    "次年度実施計画",
    "補足",
    "評価者",
];

/// Columns: 目標区分, 目標番号, 施策番号, 施策名, 年度, 評価, 成果, 課題, 改善点及び方向性,
/// 次年度実施計画, 補足, 評価者 (内部評価 / 外部評価). Measures without evaluations have no row.
pub fn evaluations(s: &Strategy, years: YearStyle) -> String {
    let mut sheet = Sheet::new();
    sheet.row(HEADER);
    for (g, m) in s.measures() {
        let mut list: Vec<&Evaluation> = m.evaluations.iter().collect();
        crate::sorting::by_key(&mut list, |e| e.fiscal_year);
        for e in list {
            sheet.row([
                g.kind.japanese().to_owned(),
                text(&g.number),
                text(&m.number),
                text(&m.title),
                year(e.fiscal_year, years),
                text(e.rating.as_deref().unwrap_or_default()),
                text(&e.outcomes),
                text(&e.issues),
                text(&e.improvements),
                text(&e.next_plan),
                text(&e.notes),
                e.evaluator.japanese().to_owned(),
            ]);
        }
    }
    sheet.finish()
}
