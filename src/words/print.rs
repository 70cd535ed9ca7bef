//! The printed reports' headings and notes: the evaluation sheets, the grants' review, the
//! targets' report. Fiscal years arrive written (`locale::year`), in the reader's style.

use crate::locale::{tr, Language};

/// The head of an actuals column: 「令和6年度の実績」, or the latest when no year is chosen.
pub fn actual_head(year: Option<&str>, lang: Language) -> String {
    match (year, lang) {
        (Some(y), Language::Ja) => format!("{y}の実績"),
        (Some(y), Language::En) => format!("Actual {y}"),
        (None, _) => tr(lang, "最新の実績", "Latest actual").to_owned(),
    }
}

/// The grants' review of `year`.
pub fn grants_heading(year: &str, lang: Language) -> String {
    match lang {
        Language::Ja => format!("{year} 交付金事業の効果検証"),
        Language::En => format!("Review of grant projects, {year}"),
    }
}

/// The evaluation sheets of `year`.
pub fn sheets_heading(year: &str, lang: Language) -> String {
    match lang {
        Language::Ja => format!("{year} 施策評価シート"),
        Language::En => format!("Evaluation sheets, {year}"),
    }
}

/// A sheet whose measure has no evaluation for `year` yet.
pub fn not_evaluated(year: &str, lang: Language) -> String {
    match lang {
        Language::Ja => format!("{year}の評価はまだありません。"),
        Language::En => format!("Not evaluated for {year} yet."),
    }
}

/// A sheet's projects of `year`.
pub fn projects_of(year: &str, lang: Language) -> String {
    match lang {
        Language::Ja => format!("{year} 事業実績"),
        Language::En => format!("Projects of {year}"),
    }
}

/// A sheet's KPIs of `year`.
pub fn kpis_of(year: &str, lang: Language) -> String {
    match lang {
        Language::Ja => format!("KPI（{year}）"),
        Language::En => format!("KPIs ({year})"),
    }
}

/// A sheet's plan for `year`.
pub fn plan_for(year: &str, lang: Language) -> String {
    match lang {
        Language::Ja => format!("{year} 実施計画"),
        Language::En => format!("Plan for {year}"),
    }
}

/// What the targets' report measures by: the actuals of `year`, or each indicator's latest.
pub fn measured_by(year: Option<&str>, lang: Language) -> String {
    match (year, lang) {
        (Some(y), Language::Ja) => format!("{y}の実績による"),
        (Some(y), Language::En) => format!("actuals of {y}"),
        (None, _) => tr(lang, "各指標の最新の実績による", "each indicator's latest actual").to_owned(),
    }
}

/// The goals the targets' report leaves out, by name.
pub fn goals_without_targets(names: &[String], lang: Language) -> String {
    match lang {
        Language::Ja => format!("数値目標・KPI のない目標（この報告には載せていません）：{}", names.join("、")),
        Language::En => format!("Goals without numerical targets or KPIs (not in this report): {}", names.join("; ")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn without_a_year_the_latest_actual_is_named() {
        assert_eq!(actual_head(Some("令和6年度"), Language::Ja), "令和6年度の実績");
        assert_eq!(actual_head(None, Language::En), "Latest actual");
        assert_eq!(measured_by(None, Language::Ja), "各指標の最新の実績による");
        let names = ["基本目標1 しごと".to_owned(), "基本目標2 ひと".to_owned()];
        assert_eq!(
            goals_without_targets(&names, Language::Ja),
            "数値目標・KPI のない目標（この報告には載せていません）：基本目標1 しごと、基本目標2 ひと"
        );
    }
}
