//! The drafting schedule (策定スケジュール): dated or (fiscal year, month, 上旬/中旬/下旬) items, each a
//! meeting or step, its agenda, and the document stage it produces.

use super::{DraftingStage, FiscalYear, Id};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct ScheduleItem {
    pub id: Id,
    pub when: ScheduleWhen,
    /// 策定会議, 懇談会, 議会, パブリックコメント …
    pub body: String,
    /// 議題: ・策定方針説明 ・骨子案に対する意見聴取 …
    #[serde(default)]
    pub agenda: String,
    /// The document stage this step produces or works on.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub stage: Option<DraftingStage>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum ScheduleWhen {
    /// A calendar date, "2019-08-05".
    Date { date: String },
    /// A part of a month in a fiscal year: R1. 8 上旬. Month 1–12 (January–March belong to the
    /// fiscal year that started the previous April).
    Period {
        fiscal_year: FiscalYear,
        month: u8,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        part: Option<MonthPart>,
    },
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum MonthPart {
    /// 上旬
    Early,
    /// 中旬
    Middle,
    /// 下旬
    Late,
}

impl MonthPart {
    pub fn japanese(self) -> &'static str {
        match self {
            MonthPart::Early => "上旬",
            MonthPart::Middle => "中旬",
            MonthPart::Late => "下旬",
        }
    }
}

impl ScheduleWhen {
    /// The fiscal year a schedule item falls in, when it can be told.
    pub fn fiscal_year(&self) -> Option<FiscalYear> {
        match self {
            ScheduleWhen::Period { fiscal_year, .. } => Some(*fiscal_year),
            ScheduleWhen::Date { date } => {
                let (y, rest) = date.split_once('-')?;
                let m: u8 = rest.split('-').next()?.parse().ok()?;
                let y: i32 = y.parse().ok()?;
                Some(FiscalYear(if m <= 3 { y - 1 } else { y }))
            }
        }
    }

    /// True when a `Date` is a real YYYY-MM-DD calendar date and a `Period` has a month 1–12.
    pub fn is_well_formed(&self) -> bool {
        match self {
            ScheduleWhen::Period { month, .. } => (1..=12).contains(month),
            ScheduleWhen::Date { date } => is_calendar_date(date),
        }
    }
}

pub(super) fn is_calendar_date(s: &str) -> bool {
    let parts: Vec<&str> = s.split('-').collect();
    let [y, m, d] = parts.as_slice() else { return false };
    if y.len() != 4 || m.len() != 2 || d.len() != 2 {
        return false;
    }
    let (Ok(y), Ok(m), Ok(d)) = (y.parse::<i32>(), m.parse::<u32>(), d.parse::<u32>()) else {
        return false;
    };
    let leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    let days = match m {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if leap => 29,
        2 => 28,
        _ => return false,
    };
    (1..=days).contains(&d)
}

#[cfg(test)]
mod tests {
    use super::*;
    #[test]
    fn dates_fall_in_fiscal_years() {
        let date = |d: &str| ScheduleWhen::Date { date: d.into() };
        assert_eq!(date("2020-01-15").fiscal_year(), Some(FiscalYear(2019)));
        assert_eq!(date("2019-08-05").fiscal_year(), Some(FiscalYear(2019)));
        assert!(date("2024-02-29").is_well_formed());
        assert!(!date("2023-02-29").is_well_formed());
        assert!(!date("2023-13-01").is_well_formed());
        assert!(!date("R1.8").is_well_formed());
        let p = ScheduleWhen::Period { fiscal_year: FiscalYear(2019), month: 13, part: None };
        assert!(!p.is_well_formed());
    }
}
