//! A day as people read it in the app: 令和7年4月25日, by the year style the app shows years in
//! (`YearStyle`), instead of the ISO text it is stored as.

use super::{Language, YearStyle};

/// A day, YYYY-MM-DD: 令和7年4月25日 (or 2025年4月25日 in the Western style; 令和元年 from
/// 1 May 2019, 平成 from 8 January 1989), 25 Apr 2025 in English. Text that is not such a day is
/// given back as it is.
pub fn date(iso: &str, lang: Language, style: YearStyle) -> String {
    let part = |r: std::ops::Range<usize>| iso.get(r).and_then(|p| p.parse::<u32>().ok());
    let (Some(y), Some(m), Some(d)) = (part(0..4), part(5..7), part(8..10)) else { return iso.to_owned() };
    if iso.len() != 10 || !(1..=12).contains(&m) || !(1..=31).contains(&d) {
        return iso.to_owned();
    }
    const MONTHS: [&str; 12] = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
    let era = match (y, m, d) {
        (y, m, _) if (y, m) >= (2019, 5) => Some(("令和", y - 2018)),
        (y, m, d) if (y, m, d) >= (1989, 1, 8) => Some(("平成", y - 1988)),
        _ => None,
    };
    match (lang, style, era) {
        (Language::Ja, YearStyle::Japanese, Some((name, 1))) => format!("{name}元年{m}月{d}日"),
        (Language::Ja, YearStyle::Japanese, Some((name, n))) => format!("{name}{n}年{m}月{d}日"),
        (Language::Ja, _, _) => format!("{y}年{m}月{d}日"),
        (Language::En, _, _) => format!("{d} {} {y}", MONTHS[m as usize - 1]),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_day_reads_in_the_years_style_and_other_text_stays() {
        let ja = |iso, style| date(iso, Language::Ja, style);
        assert_eq!(ja("2025-04-25", YearStyle::Japanese), "令和7年4月25日");
        assert_eq!(ja("2019-05-01", YearStyle::Japanese), "令和元年5月1日");
        assert_eq!(ja("2019-04-30", YearStyle::Japanese), "平成31年4月30日");
        assert_eq!(ja("1989-01-07", YearStyle::Japanese), "1989年1月7日");
        assert_eq!(ja("2025-04-25", YearStyle::Western), "2025年4月25日");
        assert_eq!(date("2025-04-25", Language::En, YearStyle::Japanese), "25 Apr 2025");
        assert_eq!(ja("来週", YearStyle::Japanese), "来週");
        assert_eq!(ja("2025-13-01", YearStyle::Japanese), "2025-13-01");
    }
}
