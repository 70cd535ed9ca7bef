//! The drafting round's words: a stage's name, and when a schedule item falls, in the user's
//! language and year style (「令和元年度 8月上旬」, 「2019年8月5日」).

use super::{year, Language, YearStyle};
use crate::model::{DraftingStage, ScheduleWhen};

/// 「骨子案」, "Outline draft".
pub fn stage(stage: DraftingStage, lang: Language) -> &'static str {
    match lang {
        Language::Ja => stage.japanese(),
        Language::En => match stage {
            DraftingStage::Policy => "Drafting policy",
            DraftingStage::Outline => "Outline draft",
            DraftingStage::Draft => "First draft",
            DraftingStage::Proposal => "Proposal",
            DraftingStage::Adopted => "Adopted",
        },
    }
}

/// When a schedule item falls: its date, or its fiscal year, month and part of the month.
pub fn schedule_when(when: &ScheduleWhen, lang: Language, style: YearStyle) -> String {
    match when {
        // A day in the years' style, as a period's year is: 令和8年12月10日 beside 令和8年度 12月中旬.
        ScheduleWhen::Date { date } => match lang {
            Language::Ja => super::date(date, lang, style),
            Language::En => date.clone(),
        },
        ScheduleWhen::Period { fiscal_year, month, part } => {
            let fy = year(*fiscal_year, lang, style);
            match (lang, part) {
                (Language::Ja, Some(p)) => format!("{fy} {month}月{}", p.japanese()),
                (Language::Ja, None) => format!("{fy} {month}月"),
                (Language::En, Some(p)) => {
                    let third = match p {
                        crate::model::MonthPart::Early => "early",
                        crate::model::MonthPart::Middle => "mid",
                        crate::model::MonthPart::Late => "late",
                    };
                    format!("{fy}, {third} month {month}")
                }
                (Language::En, None) => format!("{fy}, month {month}"),
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{FiscalYear, MonthPart};

    #[test]
    fn a_period_reads_as_the_seed_writes_it() {
        // 木更津市's schedule (seed 004): 「R1. 8 上旬」.
        let when = ScheduleWhen::Period { fiscal_year: FiscalYear(2019), month: 8, part: Some(MonthPart::Early) };
        assert_eq!(schedule_when(&when, Language::Ja, YearStyle::Japanese), "令和元年度 8月上旬");
        assert_eq!(schedule_when(&when, Language::Ja, YearStyle::Western), "2019年度 8月上旬");
        assert!(schedule_when(&when, Language::En, YearStyle::Western).contains("early month 8"));
        let month_only = ScheduleWhen::Period { fiscal_year: FiscalYear(2019), month: 2, part: None };
        assert_eq!(schedule_when(&month_only, Language::Ja, YearStyle::Japanese), "令和元年度 2月");
    }

    #[test]
    fn a_date_reads_in_japanese_and_a_broken_one_as_typed() {
        let date = ScheduleWhen::Date { date: "2019-08-05".into() };
        assert_eq!(schedule_when(&date, Language::Ja, YearStyle::Japanese), "令和元年8月5日", "as a period's year is");
        assert_eq!(schedule_when(&date, Language::Ja, YearStyle::Western), "2019年8月5日");
        assert_eq!(schedule_when(&date, Language::En, YearStyle::Japanese), "2019-08-05");
        let broken = ScheduleWhen::Date { date: "8月ごろ".into() };
        assert_eq!(schedule_when(&broken, Language::Ja, YearStyle::Japanese), "8月ごろ");
    }

    #[test]
    fn every_stage_has_words_in_both_languages() {
        for s in DraftingStage::ALL {
            assert!(!stage(s, Language::Ja).is_empty() && stage(s, Language::En).is_ascii());
        }
    }
}
