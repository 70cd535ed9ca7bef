//! The town's verdicts export: one row per indicator and year with a verdict (効果検証), the
//! figures of that year beside it and whether the two differ — the table a planning officer
//! checks before the committee meets. Read back by the import (the verdicts layout): 町の評価
//! and 委員会の意見など set the verdict of a year.

use super::cells::*;
use crate::locale::{self, Language, YearStyle};
use crate::model::{Agreement, Strategy};

const HEADER: [&str; 8] = [ID, CODE, NAME, YEAR, VERDICT, COMPUTED, DIFFERS, VERDICT_COMMENT];

/// Columns: 指標ID, 指標番号, 指標名, 年度, 町の評価 (as written), 計算 (status and ratings of
/// that year, empty without an actual), 計算と異なる (○), 委員会の意見など.
pub fn verdicts(s: &Strategy, years: YearStyle) -> String {
    let mut sheet = Sheet::new();
    sheet.row(HEADER);
    for i in &s.indicators {
        for v in &i.verdicts {
            let figures = s.figures_in(i, v.year).map(|f| {
                let status = locale::status(f.status, Language::Ja);
                format!("{status} {}", f.ratings.join("・")).trim().to_owned()
            });
            let differs = matches!(s.agreement(i, v), Agreement::Differs { .. });
            sheet.row([
                i.id.as_str().to_owned(),
                text(&i.code),
                text(&i.name),
                year(v.year, years),
                text(&v.verdict),
                figures.unwrap_or_default(),
                if differs { MARK.to_owned() } else { String::new() },
                text(&v.comment),
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
    fn one_row_per_verdict_with_the_figures_and_the_difference() {
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
        assert_eq!(rows[1], ["ind-births", "7-2", "出生数", "令和4年度", "未達成", "順調 A", "", ""]);
        assert_eq!(
            rows[2],
            ["ind-migration", "2-1", "社会増減数", "令和4年度", "達成", "遅れ C", "○", "'=転出超過が続く"]
        );
        assert_eq!(rows[3], ["ind-migration", "2-1", "社会増減数", "令和5年度", "A", "", "", ""]);
        assert_eq!(rows.len(), 4);
    }
}
