//! Evaluation export: one row per measure, evaluated fiscal year and stage (施策評価: 一次評価,
//! 二次評価, 外部評価), with the measure's section (担当課).

use super::cells::*;
use crate::locale::YearStyle;
use crate::model::{Evaluation, Strategy};

const HEADER: [&str; 15] = [
    "目標区分",
    "目標番号",
    "施策番号",
    "施策名",
    DEPARTMENT,
    YEAR,
    "評価の段階",
    "評価",
    "成果",
    "課題",
    "改善点及び方向性",
    "次年度実施計画",
    "補足",
    "評価者",
    "評価日",
];

/// Columns: 目標区分, 目標番号, 施策番号, 施策名, 担当課, 年度, 評価の段階 (一次評価 / 二次評価 /
/// 外部評価), 評価, 成果, 課題, 改善点及び方向性, 次年度実施計画, 補足, 評価者, 評価日. Rows by
/// year, then stage. Measures without evaluations have no row.
pub fn evaluations(s: &Strategy, years: YearStyle) -> String {
    let mut sheet = Sheet::new();
    sheet.row(HEADER);
    for (g, m) in s.measures() {
        let department = m.department.as_ref().and_then(|d| s.department_name(d)).unwrap_or_default();
        let mut list: Vec<&Evaluation> = m.evaluations.iter().collect();
        crate::sorting::by_key(&mut list, |e| (e.fiscal_year, e.stage));
        for e in list {
            sheet.row([
                g.kind.japanese().to_owned(),
                text(&g.number),
                text(&m.number),
                text(&m.title),
                text(department),
                year(e.fiscal_year, years),
                e.stage.japanese().to_owned(),
                text(e.rating.as_deref().unwrap_or_default()),
                text(&e.outcomes),
                text(&e.issues),
                text(&e.improvements),
                text(&e.next_plan),
                text(&e.notes),
                text(&e.by),
                text(e.date.as_deref().unwrap_or_default()),
            ]);
        }
    }
    sheet.finish()
}
