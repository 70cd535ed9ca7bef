//! Japanese fiscal years (April–March), shown the Japanese way (令和6年度 = FY2024) or the
//! Western way, and parsed from what people actually type: "R1", "H30", "令和元年度", "2024",
//! full-width digits included.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use std::fmt;

/// A fiscal year, identified by the Western calendar year in which it starts (April).
/// FY2019 = 令和元年度 (by the convention municipal documents use).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, JsonSchema)]
#[serde(transparent)]
pub struct FiscalYear(pub i32);

/// The Japanese eras a fiscal year can be written in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Era {
    Showa,
    Heisei,
    Reiwa,
}

impl Era {
    /// Western year of the era's first year (元年).
    fn first_year(self) -> i32 {
        match self {
            Era::Showa => 1926,
            Era::Heisei => 1989,
            Era::Reiwa => 2019,
        }
    }
    pub fn kanji(self) -> &'static str {
        match self {
            Era::Showa => "昭和",
            Era::Heisei => "平成",
            Era::Reiwa => "令和",
        }
    }
    pub fn letter(self) -> char {
        match self {
            Era::Showa => 'S',
            Era::Heisei => 'H',
            Era::Reiwa => 'R',
        }
    }
    /// The last year number an era reached (H31 = 2019 is accepted; 令和 has no end yet).
    fn last_number(self) -> i32 {
        match self {
            Era::Showa => 64,
            Era::Heisei => 31,
            Era::Reiwa => i32::MAX,
        }
    }
}

/// Why a text is not a fiscal year.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum FiscalYearError {
    #[error("empty")]
    Empty,
    #[error("not a fiscal year: {0}")]
    Unrecognised(String),
    #[error("year out of range: {0}")]
    OutOfRange(String),
}

/// The earliest and latest fiscal years Shirube accepts anywhere.
pub const MIN_YEAR: i32 = 1926;
pub const MAX_YEAR: i32 = 2200;

impl FiscalYear {
    pub fn western(self) -> i32 {
        self.0
    }

    /// The fiscal year a calendar date falls in: April to March (2027-03-31 is FY2026).
    pub fn of_date(year: i32, month: u32) -> FiscalYear {
        FiscalYear(if month >= 4 { year } else { year - 1 })
    }

    /// The era and the year within it (1 = 元年). FY2019 is 令和元年度.
    pub fn era(self) -> Option<(Era, i32)> {
        let y = self.0;
        let era = if y >= 2019 {
            Era::Reiwa
        } else if y >= 1989 {
            Era::Heisei
        } else if y >= 1926 {
            Era::Showa
        } else {
            return None;
        };
        Some((era, y - era.first_year() + 1))
    }

    /// "令和6年度", "令和元年度", "平成30年度"; Western "2024年度" before 昭和.
    pub fn japanese(self) -> String {
        match self.era() {
            Some((era, 1)) => format!("{}元年度", era.kanji()),
            Some((era, n)) => format!("{}{}年度", era.kanji(), n),
            None => format!("{}年度", self.0),
        }
    }

    /// "R6", "R1", "H30" — the short form tables use.
    pub fn short(self) -> String {
        match self.era() {
            Some((era, n)) => format!("{}{}", era.letter(), n),
            None => self.0.to_string(),
        }
    }

    /// "FY2024".
    pub fn english(self) -> String {
        format!("FY{}", self.0)
    }

    pub fn next(self) -> FiscalYear {
        FiscalYear(self.0 + 1)
    }

    /// Parses "2024", "2024年度", "FY2024", "R6", "R6年度", "令和6年度", "令和元年度", "H30",
    /// "平成30年度", "S63"; full-width digits and letters and spaces are accepted.
    pub fn parse(text: &str) -> Result<FiscalYear, FiscalYearError> {
        let s = normalise(text);
        if s.is_empty() {
            return Err(FiscalYearError::Empty);
        }
        let unrecognised = || FiscalYearError::Unrecognised(text.trim().to_owned());
        let out_of_range = || FiscalYearError::OutOfRange(text.trim().to_owned());
        let body =
            s.strip_suffix("年度").or_else(|| s.strip_suffix('年')).or_else(|| s.strip_suffix('.')).unwrap_or(&s);
        let body = body.strip_prefix("FY").unwrap_or(body);
        let (era, number) = match split_era(body) {
            Some(parts) => parts,
            None => {
                if !body.chars().all(|c| c.is_ascii_digit()) || body.len() != 4 {
                    return Err(unrecognised());
                }
                let year: i32 = body.parse().map_err(|_| unrecognised())?;
                if !(MIN_YEAR..=MAX_YEAR).contains(&year) {
                    return Err(out_of_range());
                }
                return Ok(FiscalYear(year));
            }
        };
        let n: i32 = if number == "元" {
            1
        } else if !number.is_empty() && number.len() <= 3 && number.chars().all(|c| c.is_ascii_digit()) {
            number.parse().map_err(|_| unrecognised())?
        } else {
            return Err(unrecognised());
        };
        if n < 1 || n > era.last_number() {
            return Err(out_of_range());
        }
        let year = era.first_year() + n - 1;
        if year > MAX_YEAR {
            return Err(out_of_range());
        }
        Ok(FiscalYear(year))
    }
}

impl fmt::Display for FiscalYear {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.japanese())
    }
}

/// Full-width ASCII to half-width, spaces removed, letters upper-cased ("０１２３６０" → "012360").
pub fn normalise(text: &str) -> String {
    text.chars()
        .filter_map(|c| {
            let c = super::narrow(c);
            if c.is_whitespace() {
                None
            } else {
                Some(c.to_ascii_uppercase())
            }
        })
        .collect()
}

fn split_era(s: &str) -> Option<(Era, &str)> {
    const PREFIXES: [(&str, Era); 6] = [
        ("令和", Era::Reiwa),
        ("平成", Era::Heisei),
        ("昭和", Era::Showa),
        ("R", Era::Reiwa),
        ("H", Era::Heisei),
        ("S", Era::Showa),
    ];
    PREFIXES.iter().find_map(|(p, era)| s.strip_prefix(p).map(|rest| (*era, rest)))
}

#[cfg(test)]
mod tests {

    #[test]
    fn a_date_falls_in_the_fiscal_year_that_starts_in_april() {
        assert_eq!(FiscalYear::of_date(2026, 4), FiscalYear(2026));
        assert_eq!(FiscalYear::of_date(2026, 12), FiscalYear(2026));
        assert_eq!(FiscalYear::of_date(2027, 3), FiscalYear(2026));
        assert_eq!(FiscalYear::of_date(2027, 1), FiscalYear(2026));
    }

    use super::*;

    #[test]
    fn parses_what_people_type() {
        let cases: &[(&str, i32)] = &[
            ("2024", 2024),
            ("2024年度", 2024),
            ("FY2024", 2024),
            ("R1", 2019),
            ("R6", 2024),
            ("r6", 2024),
            ("R6.", 2024),
            ("R6年度", 2024),
            ("令和元年度", 2019),
            ("令和元年", 2019),
            ("令和6年度", 2024),
            ("令和 2 年度", 2020),
            ("令和２年度", 2020),
            ("Ｒ７", 2025),
            ("H30", 2018),
            ("平成30年度", 2018),
            ("H31", 2019),
            ("平成元年度", 1989),
            ("S63", 1988),
            ("２０２５", 2025),
        ];
        for (text, year) in cases {
            assert_eq!(FiscalYear::parse(text), Ok(FiscalYear(*year)), "{text}");
        }
    }

    #[test]
    fn refuses_what_is_not_a_year() {
        for text in ["", "  ", "abc", "R", "令和", "H32", "R0", "24", "20245", "令和六年度", "1800", "R1.5"] {
            assert!(FiscalYear::parse(text).is_err(), "{text:?} should be refused");
        }
        assert_eq!(FiscalYear::parse(" "), Err(FiscalYearError::Empty));
        assert!(matches!(FiscalYear::parse("H32"), Err(FiscalYearError::OutOfRange(_))));
    }

    #[test]
    fn displays_japanese_short_and_western() {
        let cases: &[(i32, &str, &str, &str)] = &[
            (2019, "令和元年度", "R1", "FY2019"),
            (2024, "令和6年度", "R6", "FY2024"),
            (2018, "平成30年度", "H30", "FY2018"),
            (1989, "平成元年度", "H1", "FY1989"),
            (1988, "昭和63年度", "S63", "FY1988"),
        ];
        for (year, jp, short, en) in cases {
            let fy = FiscalYear(*year);
            assert_eq!(fy.japanese(), *jp);
            assert_eq!(fy.short(), *short);
            assert_eq!(fy.english(), *en);
        }
    }

    #[test]
    fn display_and_parse_round_trip() {
        for year in MIN_YEAR..=2100 {
            let fy = FiscalYear(year);
            assert_eq!(FiscalYear::parse(&fy.japanese()), Ok(fy));
            assert_eq!(FiscalYear::parse(&fy.short()), Ok(fy));
            assert_eq!(FiscalYear::parse(&fy.english()), Ok(fy));
        }
    }
}
