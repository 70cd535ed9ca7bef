//! The year of a series' value as the town's table writes it, by the series' year basis:
//! 令和5年度 (a fiscal year), 令和5年 / 2023年 (a calendar year), 令和5年4月1日現在 (a date in the
//! value's year) — and the note a chart or table gives when its fiscal-year columns hold values
//! of another basis. `locale::year` stays the words for fiscal years.

use super::{year, Language, YearStyle};
use crate::model::{FiscalYear, YearBasis};

const MONTHS: [&str; 12] = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/// The era of a calendar date: 令和 from 2019-05-01, 平成 from 1989-01-08, 昭和 from 1926-12-25.
pub(super) fn era_of_date(y: i32, month: u8, day: u8) -> Option<(&'static str, i32)> {
    let d = (y, month, day);
    [("令和", (2019, 5, 1)), ("平成", (1989, 1, 8)), ("昭和", (1926, 12, 25))]
        .into_iter()
        .find(|(_, start)| d >= *start)
        .map(|(era, start)| (era, y - start.0 + 1))
}

pub(super) fn era_year(era: &str, n: i32) -> String {
    if n == 1 {
        format!("{era}元年")
    } else {
        format!("{era}{n}年")
    }
}

/// The year of a value of a series with this basis: 令和5年度 / 2023年 / 令和5年4月1日現在, and
/// FY2023 (R5) / CY2023 / as of 1 Apr 2023 in English.
pub fn value_year(basis: YearBasis, fy: FiscalYear, lang: Language, style: YearStyle) -> String {
    let y = fy.western();
    match (basis, lang, style) {
        (YearBasis::Fiscal, ..) => year(fy, lang, style),
        // A calendar year takes the era it ends in (2019年 is 令和元年), as documents write it.
        (YearBasis::Calendar, Language::Ja, YearStyle::Japanese) => match era_of_date(y, 12, 31) {
            Some((era, n)) => era_year(era, n),
            None => format!("{y}年"),
        },
        (YearBasis::Calendar, Language::Ja, YearStyle::Western) => format!("{y}年"),
        (YearBasis::Calendar, Language::En, YearStyle::Japanese) => match era_of_date(y, 12, 31) {
            Some((era, n)) => format!("CY{y} ({}{n})", era_letter(era)),
            None => format!("CY{y}"),
        },
        (YearBasis::Calendar, Language::En, YearStyle::Western) => format!("CY{y}"),
        (YearBasis::AsOf { month, day }, Language::Ja, YearStyle::Japanese) => match era_of_date(y, month, day) {
            Some((era, n)) => format!("{}{month}月{day}日現在", era_year(era, n)),
            None => format!("{y}年{month}月{day}日現在"),
        },
        (YearBasis::AsOf { month, day }, Language::Ja, YearStyle::Western) => format!("{y}年{month}月{day}日現在"),
        (YearBasis::AsOf { month, day }, Language::En, _) => format!("as of {day} {} {y}", month_name(month)),
        // A month alone, as written: 「令和5年3月末」, 「平成28年6月現在」 (the era of its first day).
        (YearBasis::AsOfMonth { month, end }, Language::Ja, style) => {
            let era = era_of_date(y, month, 1).filter(|_| style == YearStyle::Japanese);
            let y = era.map(|(era, n)| era_year(era, n)).unwrap_or(format!("{y}年"));
            format!("{y}{month}月{}", if end { "末" } else { "現在" })
        }
        (YearBasis::AsOfMonth { month, end: true }, Language::En, _) => format!("end of {} {y}", month_name(month)),
        (YearBasis::AsOfMonth { month, end: false }, Language::En, _) => format!("as of {} {y}", month_name(month)),
    }
}

fn month_name(month: u8) -> &'static str {
    MONTHS.get(usize::from(month).wrapping_sub(1)).copied().unwrap_or("?")
}

fn era_letter(era: &str) -> char {
    match era {
        "令和" => 'R',
        "平成" => 'H',
        _ => 'S',
    }
}

/// A span of values' years: 「令和3〜8年度」 for fiscal years (`span`), 「令和3年〜令和8年」,
/// 「2021年〜2026年」 and 「CY2021–CY2026」 for another basis.
pub fn value_span(basis: YearBasis, from: FiscalYear, to: FiscalYear, lang: Language, style: YearStyle) -> String {
    if basis.is_fiscal() {
        return super::span(from, to, lang, style);
    }
    let (a, b) = (value_year(basis, from, lang, style), value_year(basis, to, lang, style));
    match lang {
        Language::Ja => format!("{a}〜{b}"),
        Language::En => format!("{a}–{b}"),
    }
}

/// The heading of a column of values' years: 年度 / 年 / 時点 (a date's), Fiscal year / Year / As of.
pub fn year_column(basis: YearBasis, lang: Language) -> &'static str {
    match (basis, lang) {
        (YearBasis::Fiscal, Language::Ja) => "年度",
        (YearBasis::Calendar, Language::Ja) => "年",
        (YearBasis::AsOf { .. } | YearBasis::AsOfMonth { .. }, Language::Ja) => "時点",
        (YearBasis::Fiscal, Language::En) => "Fiscal year",
        (YearBasis::Calendar, Language::En) => "Year",
        (YearBasis::AsOf { .. } | YearBasis::AsOfMonth { .. }, Language::En) => "As of",
    }
}

/// The basis in a few words, for a select and a CSV cell: 年度 / 年（暦年） / 4月1日現在.
pub fn year_basis(basis: YearBasis, lang: Language) -> String {
    match (basis, lang) {
        (YearBasis::Fiscal, Language::Ja) => "年度".to_owned(),
        (YearBasis::Calendar, Language::Ja) => "年（暦年）".to_owned(),
        (YearBasis::AsOf { month, day }, Language::Ja) => format!("{month}月{day}日現在"),
        (YearBasis::Fiscal, Language::En) => "fiscal year".to_owned(),
        (YearBasis::Calendar, Language::En) => "calendar year".to_owned(),
        (b @ YearBasis::AsOfMonth { .. }, Language::Ja) => b.written(),
        (YearBasis::AsOf { month, day }, Language::En) => format!("as of {day} {}", month_name(month)),
        (YearBasis::AsOfMonth { month, end: true }, Language::En) => format!("end of {}", month_name(month)),
        (YearBasis::AsOfMonth { month, end: false }, Language::En) => format!("as of {}", month_name(month)),
    }
}

/// The note under a chart or table whose fiscal-year columns hold values of another basis:
/// 「年（暦年）の値」, 「各年4月1日現在の値」; none for fiscal years.
pub fn year_basis_note(basis: YearBasis, lang: Language) -> Option<String> {
    match (basis, lang) {
        (YearBasis::Fiscal, _) => None,
        (YearBasis::Calendar, Language::Ja) => Some("年（暦年）の値".to_owned()),
        (YearBasis::AsOf { month, day }, Language::Ja) => Some(format!("各年{month}月{day}日現在の値")),
        (b @ YearBasis::AsOfMonth { .. }, Language::Ja) => Some(format!("各年{}の値", b.written())),
        (YearBasis::Calendar, Language::En) => Some("Values by calendar year".to_owned()),
        (b @ (YearBasis::AsOf { .. } | YearBasis::AsOfMonth { .. }), Language::En) => {
            Some(format!("Values {} each year", year_basis(b, lang)))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use Language::*;
    use YearStyle::*;

    #[test]
    fn a_value_year_is_written_per_basis() {
        let fy = FiscalYear(2023);
        let april = YearBasis::AsOf { month: 4, day: 1 };
        let cases = [
            (YearBasis::Fiscal, Ja, Japanese, "令和5年度"),
            (YearBasis::Fiscal, Ja, Western, "2023年度"),
            (YearBasis::Fiscal, En, Western, "FY2023"),
            (YearBasis::Calendar, Ja, Japanese, "令和5年"),
            (YearBasis::Calendar, Ja, Western, "2023年"),
            (YearBasis::Calendar, En, Japanese, "CY2023 (R5)"),
            (YearBasis::Calendar, En, Western, "CY2023"),
            (april, Ja, Japanese, "令和5年4月1日現在"),
            (april, Ja, Western, "2023年4月1日現在"),
            (april, En, Japanese, "as of 1 Apr 2023"),
        ];
        for (basis, lang, style, words) in cases {
            assert_eq!(value_year(basis, fy, lang, style), words, "{basis:?} {lang:?} {style:?}");
        }
    }

    #[test]
    fn the_era_changes_on_its_day() {
        let y2019 = FiscalYear(2019);
        // 2019年4月1日 is still 平成31年; 2019年10月1日 is 令和元年; the calendar year 2019 is 令和元年.
        assert_eq!(value_year(YearBasis::AsOf { month: 4, day: 1 }, y2019, Ja, Japanese), "平成31年4月1日現在");
        assert_eq!(value_year(YearBasis::AsOf { month: 10, day: 1 }, y2019, Ja, Japanese), "令和元年10月1日現在");
        assert_eq!(value_year(YearBasis::Calendar, y2019, Ja, Japanese), "令和元年");
        assert_eq!(value_year(YearBasis::Calendar, FiscalYear(1989), Ja, Japanese), "平成元年");
    }

    #[test]
    fn spans_and_targets_take_the_values_years() {
        let (a, b) = (FiscalYear(2021), FiscalYear(2026));
        assert_eq!(value_span(YearBasis::Fiscal, a, b, Ja, Japanese), "令和3〜8年度");
        assert_eq!(value_span(YearBasis::Calendar, a, b, Ja, Japanese), "令和3年〜令和8年");
        assert_eq!(value_span(YearBasis::Calendar, a, b, Ja, Western), "2021年〜2026年");
        assert_eq!(value_span(YearBasis::Calendar, a, b, En, Western), "CY2021–CY2026");
        let by_2025 = crate::model::Target::Value { value: 380.0, year: Some(FiscalYear(2025)) };
        assert_eq!(super::super::target_in(&by_2025, "人", YearBasis::Calendar, Ja, Japanese), "380人 (令和7年)");
        assert_eq!(super::super::target(&by_2025, "人", Ja, Japanese), "380人 (令和7年度)");
        let average = crate::model::Target::Average { value: 1890.0, from: a, to: b };
        assert_eq!(
            super::super::target_in(&average, "人", YearBasis::Calendar, Ja, Japanese),
            "令和3年〜令和8年の平均 1,890人"
        );
        assert_eq!(year_column(YearBasis::Calendar, Ja), "年");
        assert_eq!(year_column(YearBasis::AsOf { month: 4, day: 1 }, Ja), "時点");
    }

    #[test]
    fn notes_say_the_basis_of_fiscal_columns() {
        assert_eq!(year_basis_note(YearBasis::Fiscal, Ja), None);
        assert_eq!(year_basis_note(YearBasis::Calendar, Ja).unwrap(), "年（暦年）の値");
        assert_eq!(year_basis_note(YearBasis::AsOf { month: 10, day: 1 }, Ja).unwrap(), "各年10月1日現在の値");
        assert_eq!(year_basis_note(YearBasis::Calendar, En).unwrap(), "Values by calendar year");
        assert_eq!(year_basis_note(YearBasis::AsOf { month: 4, day: 1 }, En).unwrap(), "Values as of 1 Apr each year");
    }

    #[test]
    fn a_month_without_a_day_is_shown_as_written() {
        let end = YearBasis::AsOfMonth { month: 3, end: true };
        let june = YearBasis::AsOfMonth { month: 6, end: false };
        assert_eq!(value_year(end, FiscalYear(2023), Ja, Japanese), "令和5年3月末");
        assert_eq!(value_year(june, FiscalYear(2016), Ja, Japanese), "平成28年6月現在");
        assert_eq!(value_year(end, FiscalYear(2019), Ja, Japanese), "平成31年3月末", "before 令和 began");
        assert_eq!(value_year(june, FiscalYear(2019), Ja, Japanese), "令和元年6月現在");
        assert_eq!(value_year(end, FiscalYear(2023), Ja, Western), "2023年3月末");
        assert_eq!(value_year(end, FiscalYear(2023), En, Western), "end of Mar 2023");
        assert_eq!(value_year(june, FiscalYear(2016), En, Japanese), "as of Jun 2016");
        assert_eq!((year_basis(end, Ja), year_basis(june, Ja)), ("3月末".to_owned(), "6月現在".to_owned()));
        assert_eq!(year_basis(end, En), "end of Mar");
        assert_eq!(year_column(june, Ja), "時点");
        assert_eq!(year_basis_note(end, Ja).unwrap(), "各年3月末の値");
        assert_eq!(year_basis_note(june, En).unwrap(), "Values as of Jun each year");
        assert_eq!(year_basis(YearBasis::Calendar, Ja), "年（暦年）");
    }
}
