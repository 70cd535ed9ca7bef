//! Sentences about the town's own verdict (効果検証) beside Shirube's figures: the verdict as
//! written, and a difference said the way a planning officer would check it.

use super::{status, tr, year, Language, YearStyle};
use crate::model::{Computed, Verdict, VerdictDifference};

/// 「町の評価: 達成」 / "Town's verdict: 達成" — the verdict as written, never translated (it is
/// the town's record).
pub fn verdict_line(v: &Verdict, lang: Language) -> String {
    match lang {
        Language::Ja => format!("町の評価: {}", v.verdict),
        Language::En => format!("Town's verdict: {}", v.verdict),
    }
}

/// One line of the differences list: 「1-1 転入者数 令和4年度: 町の評価「達成」、計算では 遅れ」.
pub fn difference(d: &VerdictDifference<'_>, lang: Language, style: YearStyle) -> String {
    let name = match d.indicator.code.trim() {
        "" => d.indicator.name.clone(),
        code => format!("{code} {}", d.indicator.name),
    };
    let fy = year(d.verdict.year, lang, style);
    let what = computed(&d.computed, lang);
    match lang {
        Language::Ja => format!("{name} {fy}: 町の評価「{}」、計算では {what}", d.verdict.verdict),
        Language::En => format!("{name} {fy}: the town's verdict is “{}”, the figures give {what}", d.verdict.verdict),
    }
}

/// What the figures give: a status word (「遅れ」), or the series' labels joined (「A・B」).
pub fn computed(c: &Computed, lang: Language) -> String {
    match c {
        Computed::Status(s) => status(*s, lang).to_owned(),
        Computed::Ratings(r) => r.join(tr(lang, "・", ", ")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{FiscalYear, Indicator, Status};

    #[test]
    fn a_difference_names_the_indicator_the_year_and_both_sides() {
        let indicator = Indicator::new("1-1", "転入者数", "人");
        let verdict = Verdict { year: FiscalYear(2022), verdict: "達成".into(), comment: String::new() };
        let d =
            VerdictDifference { indicator: &indicator, verdict: &verdict, computed: Computed::Status(Status::Behind) };
        assert_eq!(
            difference(&d, Language::Ja, YearStyle::Japanese),
            "1-1 転入者数 令和4年度: 町の評価「達成」、計算では 遅れ"
        );
        assert_eq!(
            difference(&d, Language::En, YearStyle::Western),
            "1-1 転入者数 FY2022: the town's verdict is “達成”, the figures give Behind"
        );
        let ratings = Computed::Ratings(vec!["A".into(), "B".into()]);
        assert_eq!(computed(&ratings, Language::Ja), "A・B");
        assert_eq!(verdict_line(&verdict, Language::Ja), "町の評価: 達成");
    }
}
