//! The editor's and the strategy pages' sentences: what a typed value could not be, what a
//! frame lays out, the counts of a strategy, a KPI's line on the dashboard.

use crate::locale::{self, Language, YearStyle};
use crate::model::frames::Frame;
use crate::model::Counts;

/// A typed amount that is no whole number of 千円 (the stored value is unchanged).
pub fn not_an_amount(typed: &str, lang: Language) -> String {
    match lang {
        Language::Ja => {
            format!("「{typed}」は金額（千円、整数）として読めません。保存されている値は変わっていません。")
        }
        Language::En => format!("'{typed}' is not an amount (whole thousands of yen). The stored value is unchanged."),
    }
}

/// A typed number that is none (the stored value is unchanged).
pub fn not_a_number(typed: &str, lang: Language) -> String {
    match lang {
        Language::Ja => format!("「{typed}」は数値として読めません。保存されている値は変わっていません。"),
        Language::En => format!("'{typed}' is not a number. The stored value is unchanged."),
    }
}

/// A typed fiscal year that is none (the stored value is unchanged).
pub fn not_a_fiscal_year(typed: &str, lang: Language) -> String {
    match lang {
        Language::Ja => {
            format!("「{typed}」は年度として読めません（例: R6、2025）。保存されている値は変わっていません。")
        }
        Language::En => format!("'{typed}' is not a fiscal year (e.g. R6, 2025). The stored value is unchanged."),
    }
}

/// A unit after a label: 「（人）」 / " (people)"; nothing without a unit.
pub fn unit_suffix(unit: &str, lang: Language) -> String {
    match (unit.is_empty(), lang) {
        (true, _) => String::new(),
        (false, Language::Ja) => format!("（{unit}）"),
        (false, Language::En) => format!(" ({unit})"),
    }
}

/// How an actual's year is shown, by an example.
pub fn year_shown_as(example: &str, lang: Language) -> String {
    match lang {
        Language::Ja => format!("実績の年は「{example}」のように表示します。"),
        Language::En => format!("An actual's year is shown as “{example}”."),
    }
}

/// The verdicts' lead, with the town's own labels among the examples.
pub fn verdicts_lead(labels: &str, lang: Language) -> String {
    match lang {
        Language::Ja => format!(
            "年度ごとの公式の評価を、書かれたとおりに入れます（達成 / 未達成 / {labels} / 概ね順調 など）。計算と比べられる評価が異なるときは印が付き、報告書にも載ります。"
        ),
        Language::En => format!(
            "The official verdict of each year, as written (達成 / 未達成 / {labels} / 概ね順調 …). Where a comparable verdict differs from the figures it is marked, here and in the report."
        ),
    }
}

/// A running total's year beside its yearly value, derived.
pub fn running_total_with_yearly(yearly: f64, lang: Language) -> String {
    let yearly = locale::number(yearly);
    match lang {
        Language::Ja => format!("累計（うち単年度 {yearly}・差分）"),
        Language::En => format!("running total (this year {yearly}, derived)"),
    }
}

/// Keeping the strategy's own national strategy (`current`, possibly none).
pub fn keep_frame(current: &str, lang: Language) -> String {
    match lang {
        Language::Ja if current.is_empty() => "この戦略のまま（国の総合戦略の指定なし）".to_owned(),
        Language::Ja => format!("この戦略のまま: {current}"),
        Language::En if current.is_empty() => "As this strategy (no national strategy named)".to_owned(),
        Language::En => format!("As this strategy: {current}"),
    }
}

/// The strategy's frame: a known one with its decision and period, or the key of one unknown.
pub fn frame_line(frame: Result<&Frame, &str>, lang: Language, style: YearStyle) -> String {
    match (frame, lang) {
        (Ok(f), Language::Ja) => format!("枠組み: {}（{}）", f.name, locale::frame_summary(f, lang, style)),
        (Ok(f), Language::En) => format!("Frame: {} ({})", f.english, locale::frame_summary(f, lang, style)),
        (Err(key), Language::Ja) => format!("枠組み: このしるべが知らない枠組み（{key}）"),
        (Err(key), Language::En) => format!("Frame: one this Shirube does not know ({key})"),
    }
}

/// A frame to start from: its decision and period, and the goals it lays out.
pub fn frame_about(frame: &Frame, lang: Language, style: YearStyle) -> String {
    let (summary, goals) = (locale::frame_summary(frame, lang, style), locale::frame_goal_counts(frame, lang));
    match lang {
        Language::Ja => format!("{summary}・{goals}"),
        Language::En => format!("{}: {summary}; {goals}", frame.english),
    }
}

/// The overview's counts: 「目標 2 ・施策 5 ・事業 12 ・指標 20」.
pub fn strategy_counts(c: Counts, lang: Language) -> String {
    match lang {
        Language::Ja => {
            format!("目標 {} ・施策 {} ・事業 {} ・指標 {}", c.goals, c.measures, c.initiatives, c.indicators)
        }
        Language::En => format!(
            "{} goals · {} measures · {} initiatives · {} indicators",
            c.goals, c.measures, c.initiatives, c.indicators
        ),
    }
}

/// The accessible name of an edit link: which item it opens.
pub fn edit_item(which: &str, lang: Language) -> String {
    match lang {
        Language::Ja => format!("編集する: {which}"),
        Language::En => format!("Edit: {which}"),
    }
}

/// The dashboard's count of targets and KPIs.
pub fn kpi_count(count: usize, lang: Language) -> String {
    match lang {
        Language::Ja => format!("（{count} 件）"),
        Language::En => format!("({count})"),
    }
}

/// A KPI's line on the dashboard: its series' label, latest actual and target, written.
pub fn kpi_line(label: &str, actual: &str, target: &str, lang: Language) -> String {
    let label = if label.is_empty() { String::new() } else { format!("{label}: ") };
    match lang {
        Language::Ja => format!("{label}実績 {actual} ／ 目標 {target}"),
        Language::En => format!("{label}actual {actual} / target {target}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_unit_is_added_only_when_there_is_one() {
        assert_eq!(unit_suffix("人", Language::Ja), "（人）");
        assert_eq!(unit_suffix("people", Language::En), " (people)");
        assert_eq!(unit_suffix("", Language::Ja), "");
    }

    #[test]
    fn a_running_totals_yearly_value_is_written_with_separators() {
        assert_eq!(running_total_with_yearly(1234.0, Language::Ja), "累計（うち単年度 1,234・差分）");
        assert_eq!(kpi_line("", "10", "20", Language::En), "actual 10 / target 20");
        assert_eq!(kpi_line("男性", "10", "20", Language::Ja), "男性: 実績 10 ／ 目標 20");
    }

    #[test]
    fn a_strategy_without_a_national_strategy_says_so() {
        assert_eq!(keep_frame("", Language::Ja), "この戦略のまま（国の総合戦略の指定なし）");
        assert_eq!(keep_frame("第2期", Language::En), "As this strategy: 第2期");
        let unknown = frame_line(Err("2040"), Language::Ja, YearStyle::default());
        assert_eq!(unknown, "枠組み: このしるべが知らない枠組み（2040）");
    }
}
