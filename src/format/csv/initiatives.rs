//! Initiative export: one row per initiative and fiscal year, with budget and settled cost
//! (千円) and direction, under each measure; re-listed initiatives (再掲) are marked.

use super::cells::*;
use crate::locale::YearStyle;
use crate::model::{Goal, Initiative, InitiativeYear, Measure, Strategy};

const HEADER: [&str; 15] = [
    "目標区分",
    "目標番号",
    "施策番号",
    "施策名",
    "事業番号",
    "事業名",
    "再掲",
    "新規",
    "事業区分",
    YEAR,
    "予算額（千円）",
    "決算額（千円）",
    "方向性",
    "実施計画",
    "事業実績",
];

/// Columns: 目標区分, 目標番号, 施策番号, 施策名, 事業番号, 事業名, 再掲 (○), 新規 (○), 事業区分,
/// 年度, 予算額（千円）, 決算額（千円）, 方向性, 実施計画, 事業実績. An initiative with no year
/// recorded still gets one row (empty year). A re-listed initiative appears under each measure
/// that lists it, for the years it is listed for, marked ○ in 再掲: filter those rows out before
/// summing a goal, as Shirube's own totals count it once. 担当課 last, when the strategy lists
/// sections: the initiative's own, else its measure's (a re-listed one's owning measure's).
pub fn initiatives(s: &Strategy, years: YearStyle) -> String {
    let mut sheet = Sheet::new();
    let sections = !s.departments.is_empty();
    sheet.row(HEADER.iter().copied().chain(sections.then_some(DEPARTMENT)));
    let department = |i: &Initiative| {
        sections.then(|| {
            let owner = s.initiative_department(&i.id);
            text(owner.and_then(|o| s.department_name(o.department)).unwrap_or_default())
        })
    };
    for g in &s.goals {
        for m in &g.measures {
            for i in &m.initiatives {
                rows(&mut sheet, (g, m, i, false), department(i), &|_| true, years);
            }
            for r in &m.relisted {
                if let Some(i) = s.initiative(&r.initiative) {
                    rows(&mut sheet, (g, m, i, true), department(i), &|y| r.covers(y.fiscal_year), years);
                }
            }
        }
    }
    sheet.finish()
}

/// The rows of initiative `i` under measure `m` (re-listed there or not); `department`: the
/// 担当課 cell, when the file has the column.
fn rows(
    sheet: &mut Sheet,
    (g, m, i, relisted): (&Goal, &Measure, &Initiative, bool),
    department: Option<String>,
    listed: &dyn Fn(&InitiativeYear) -> bool,
    style: YearStyle,
) {
    let head = [
        g.kind.japanese().to_owned(),
        text(&g.number),
        text(&m.number),
        text(&m.title),
        text(&i.number),
        text(&i.title),
        flag(relisted).to_owned(),
        flag(i.is_new).to_owned(),
        i.kind.map(|k| k.japanese()).unwrap_or_default().to_owned(),
    ];
    let mut list: Vec<&InitiativeYear> = i.years.iter().filter(|y| listed(y)).collect();
    crate::sorting::by_key(&mut list, |y| y.fiscal_year);
    if list.is_empty() {
        sheet.row(head.iter().cloned().chain(std::iter::repeat_n(String::new(), 6)).chain(department.clone()));
    }
    for y in list {
        let money = |v: Option<i64>| v.map(|v| v.to_string()).unwrap_or_default();
        let tail = [
            year(y.fiscal_year, style),
            money(y.budget),
            money(y.settled),
            y.direction.map(|d| d.japanese()).unwrap_or_default().to_owned(),
            text(&y.plan),
            text(&y.result),
        ];
        sheet.row(head.iter().cloned().chain(tail).chain(department.clone()));
    }
}
