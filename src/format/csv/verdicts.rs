//! The town's verdicts export: one row per indicator and year with a verdict (効果検証) or with
//! an actual in the plan period (its 町の評価 still empty), the figures of that year beside it
//! and whether the two differ — the worksheet a planning officer fills in for the committee and
//! checks before it meets. Read back by the import (the verdicts layout): 町の評価 and
//! 委員会の意見など set the verdict of a year; an empty row changes nothing.

use super::cells::*;
use crate::locale::{self, Language, YearStyle};
use crate::model::{Agreement, FiscalYear, Indicator, Strategy};
use std::collections::BTreeSet;

const HEADER: [&str; 8] = [ID, CODE, NAME, YEAR, VERDICT, COMPUTED, DIFFERS, VERDICT_COMMENT];

/// The years an indicator has a row for: each verdict's, and each year of the plan period in
/// which some series has an actual (a year to give a verdict for).
fn rows_of(s: &Strategy, i: &Indicator) -> BTreeSet<FiscalYear> {
    let actuals = i.series.iter().flat_map(|x| &x.actuals).map(|a| a.year).filter(|y| s.period.contains(*y));
    i.verdicts.iter().map(|v| v.year).chain(actuals).collect()
}

/// Columns: 指標ID, 指標番号, 指標名, 年度, 町の評価 (as written; empty where none is given yet),
/// 計算 (status and ratings of that year, empty without an actual), 計算と異なる (○),
/// 委員会の意見など.
pub fn verdicts(s: &Strategy, years: YearStyle) -> String {
    let mut sheet = Sheet::new();
    sheet.row(HEADER);
    for i in &s.indicators {
        for y in rows_of(s, i) {
            let figures = s.figures_in(i, y).map(|f| {
                let status = locale::status(f.status, Language::Ja);
                format!("{status} {}", f.ratings.join("・")).trim().to_owned()
            });
            let verdict = i.verdict(y);
            let differs = verdict.is_some_and(|v| matches!(s.agreement(i, v), Agreement::Differs { .. }));
            sheet.row([
                i.id.as_str().to_owned(),
                text(&i.code),
                text(&i.name),
                year(y, years),
                verdict.map(|v| text(&v.verdict)).unwrap_or_default(),
                figures.unwrap_or_default(),
                if differs { MARK.to_owned() } else { String::new() },
                verdict.map(|v| text(&v.comment)).unwrap_or_default(),
            ]);
        }
    }
    sheet.finish()
}

#[cfg(test)]
mod tests {
    use super::super::tests::{cells, town};
    use super::*;
    use crate::model::{FiscalYear, Id};

    #[test]
    fn one_row_per_verdict_or_year_with_an_actual_with_the_figures_and_the_difference() {
        let mut s = town();
        let mut set = |id: &str, year: i32, verdict: &str, comment: &str| {
            s.indicator_mut(&Id::from(id)).unwrap().set_verdict(FiscalYear(year), verdict, comment)
        };
        // 出生数: baseline 340 (year not given: 2021 assumed), target 380 in 2025, 352 in 2022 →
        // progress 12 / 40 = 30 % against 1 / 4 of the path due → on track, rated A (30 / 25 ≥ 100 %).
        set("ind-births", 2022, "未達成", "");
        // 社会増減数: −40 (2020) → 0 (2025), −40 in 2022 → progress 0 against 2 / 5 due → behind, C.
        set("ind-migration", 2022, "達成", "=転出超過が続く");
        // No actual in 2023: nothing to compare.
        set("ind-migration", 2023, "A", "");
        let rows = cells(&verdicts(&s, YearStyle::Japanese));
        assert_eq!(rows[0], HEADER);
        // 65歳健康寿命 has actuals in 令和4・5年度 and no verdict yet: rows to fill in. In 2022 男性
        // 17.5 (2019) → 18.5 (2025) at 17.9 and 女性 20 → 21 at 20.4 are each 40 % along against
        // 3 / 6 of the path due → behind, rated B (40 / 50 = 80 %).
        assert_eq!(rows[1], ["ind-health", "1-1", "65歳健康寿命", "令和4年度", "", "遅れ B・B", "", ""]);
        assert_eq!((rows[2][3].as_str(), rows[2][4].as_str()), ("令和5年度", ""));
        assert_eq!(rows[3], ["ind-births", "7-2", "出生数", "令和4年度", "未達成", "順調 A", "", ""]);
        // 社会増減数's 令和3年度 actual is before the plan: no row for it.
        assert_eq!(
            rows[4],
            ["ind-migration", "2-1", "社会増減数", "令和4年度", "達成", "遅れ C", "○", "'=転出超過が続く"]
        );
        assert_eq!(rows[5], ["ind-migration", "2-1", "社会増減数", "令和5年度", "A", "", "", ""]);
        assert_eq!(rows.len(), 6);
    }
}
