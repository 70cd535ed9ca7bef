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

/// A month in the Japanese era, from an ISO day or time (its first seven characters): 令和8年11月
/// (令和元年5月); Western years before 平成. `None` when it does not start with a month.
pub fn era_month(iso: &str) -> Option<String> {
    let part = |r: std::ops::Range<usize>| iso.get(r).and_then(|p| p.parse::<u32>().ok());
    let (Some(y), Some(m)) = (part(0..4), part(5..7)) else { return None };
    if iso.get(4..5) != Some("-") || !(1..=12).contains(&m) {
        return None;
    }
    Some(match (y, m) {
        (2019, 5..) => format!("令和元年{m}月"),
        (y, _) if (y, m) >= (2019, 5) => format!("令和{}年{m}月", y - 2018),
        (1989, _) => format!("平成元年{m}月"),
        (y, _) if (1990..=2019).contains(&y) => format!("平成{}年{m}月", y - 1988),
        (y, _) => format!("{y}年{m}月"),
    })
}

/// The name a draft is kept under when the strategy moves on from its stage: 「素案（令和8年11月）」,
/// the month when it moved on. Always Japanese: it is the version's name, as the town calls it.
pub fn stage_version_label(stage: crate::model::DraftingStage, now: &str) -> String {
    match era_month(now) {
        Some(month) => format!("{}（{month}）", stage.japanese()),
        None => stage.japanese().to_owned(),
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

    #[test]
    fn a_stage_version_is_named_by_its_stage_and_the_month_in_reiwa() {
        use crate::model::DraftingStage;
        assert_eq!(stage_version_label(DraftingStage::Draft, "2026-11-28T11:22:39Z"), "素案（令和8年11月）");
        assert_eq!(stage_version_label(DraftingStage::Outline, "2019-05-07T00:00:00Z"), "骨子案（令和元年5月）");
        assert_eq!(stage_version_label(DraftingStage::Proposal, "2019-04-30"), "案（平成31年4月）");
        assert_eq!(stage_version_label(DraftingStage::Policy, "1980-01-01"), "策定方針（1980年1月）");
        assert_eq!(stage_version_label(DraftingStage::Draft, "いつか"), "素案");
        assert_eq!(era_month("2026-13-01"), None);
    }
}
