//! Words for a national frame (`model::frames`): its cabinet decision and period (「令和7年12月23日
//! 閣議決定・令和7年度〜令和11年度（5年間）」), how many goals it sets (「基本目標4つ＋横断的な目標2つ」),
//! the line the overview and the printed reports give a strategy's national framework, the short
//! heading the workshop and the regional view give it (「地方創生に関する総合戦略（令和7〜11年度）」); a
//! re-alignment kept as a record (`model::realign::FrameworkChange`) and each goal's earlier link.

use super::value_year::{era_of_date, era_year};
use super::{period, Language, YearStyle};
use crate::model::frames::{by_key, Frame};
use crate::model::realign::{EarlierLink, FrameworkChange};
use crate::model::{FiscalYear, GoalKind, NationalFramework, NationalGoal};

const MONTHS: [&str; 12] = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/// The day of the cabinet decision: 「令和7年12月23日閣議決定」 / 「2025年12月23日閣議決定」 /
/// 「Cabinet decision of 23 Dec 2025」.
pub fn frame_decided(frame: &Frame, lang: Language, style: YearStyle) -> String {
    let mut parts = frame.decided.splitn(3, '-').map(|p| p.parse::<i32>().unwrap_or(0));
    let (y, m, d) = (parts.next().unwrap_or(0), parts.next().unwrap_or(0), parts.next().unwrap_or(0));
    match (lang, style) {
        (Language::Ja, YearStyle::Japanese) => match era_of_date(y, m as u8, d as u8) {
            Some((era, n)) => format!("{}{m}月{d}日閣議決定", era_year(era, n)),
            None => format!("{y}年{m}月{d}日閣議決定"),
        },
        (Language::Ja, YearStyle::Western) => format!("{y}年{m}月{d}日閣議決定"),
        (Language::En, _) => {
            let month = MONTHS.get((m as usize).wrapping_sub(1)).copied().unwrap_or("?");
            format!("Cabinet decision of {d} {month} {y}")
        }
    }
}

/// The decision and the period: 「令和7年12月23日閣議決定・令和7年度〜令和11年度（5年間）」; a frame
/// without a span of years gives the decision only.
pub fn frame_summary(frame: &Frame, lang: Language, style: YearStyle) -> String {
    let decided = frame_decided(frame, lang, style);
    match (frame.period(), lang) {
        (Some(p), Language::Ja) => format!("{decided}・{}", period(p, lang, style)),
        (Some(p), Language::En) => format!("{decided}; {}", period(p, lang, style)),
        (None, _) => decided,
    }
}

/// What goals it sets: 「基本目標4つ＋横断的な目標2つ」, 「取組方針4つ＋デジタル実装の基礎条件整備3つ」,
/// 「目標3つ」 / "4 basic goals + 2 cross-cutting goals or foundations".
pub fn frame_goal_counts(frame: &Frame, lang: Language) -> String {
    let (basic, cross) = frame.counts();
    match (lang, frame.cross_heading) {
        (Language::Ja, Some(heading)) if cross > 0 => format!("{}{basic}つ＋{heading}{cross}つ", frame.basic_heading),
        (Language::Ja, _) => format!("{}{basic}つ", frame.basic_heading),
        (Language::En, _) if cross > 0 => format!("{basic} basic goals + {cross} cross-cutting goals or foundations"),
        (Language::En, _) => format!("{basic} goals"),
    }
}

/// A strategy's national framework in one line: a built-in frame by its name with its decision
/// and period (「地方創生に関する総合戦略（令和7年12月23日閣議決定・令和7年度〜令和11年度（5年間））」);
/// a framework without a known key (a file made before frames had keys, a newer build's frame)
/// by the name it holds. `None` when it names nothing.
pub fn framework_line(framework: &NationalFramework, lang: Language, style: YearStyle) -> Option<String> {
    let name = framework.name.trim();
    match framework.frame() {
        Some(frame) => {
            let shown = if name.is_empty() { frame.name } else { name };
            Some(match lang {
                Language::Ja => format!("{shown}（{}）", frame_summary(frame, lang, style)),
                Language::En => format!("{shown} ({})", frame_summary(frame, lang, style)),
            })
        }
        None => (!name.is_empty()).then(|| name.to_owned()),
    }
}

/// A frame's fiscal years in short: 「令和2〜6年度」, 「平成27年度〜令和元年度」 across eras,
/// 「2020〜2024年度」 / "FY2020–2024".
fn short_years(first: FiscalYear, last: FiscalYear, lang: Language, style: YearStyle) -> String {
    match (lang, style, first.era(), last.era()) {
        (Language::En, ..) => format!("FY{}–{}", first.western(), last.western()),
        (Language::Ja, YearStyle::Japanese, Some((a, n)), Some((b, _))) if a == b => {
            let first = if n == 1 { "元".to_owned() } else { n.to_string() };
            format!("{}{first}〜{}", a.kanji(), last.japanese().trim_start_matches(a.kanji()))
        }
        (Language::Ja, YearStyle::Japanese, ..) => format!("{}〜{}", first.japanese(), last.japanese()),
        (Language::Ja, YearStyle::Western, ..) => format!("{}〜{}年度", first.western(), last.western()),
    }
}

/// A frame as a heading, short: its name and years, 「第2期「まち・ひと・しごと創生総合戦略」（令和2〜6年度）」
/// (the English name in English); a frame without a span of years with its decision,
/// 「地方創生2.0基本構想（令和7年6月13日閣議決定）」.
pub fn frame_heading(frame: &Frame, lang: Language, style: YearStyle) -> String {
    let when = match frame.period() {
        Some(p) => short_years(p.first, p.last, lang, style),
        None => frame_decided(frame, lang, style),
    };
    match lang {
        Language::Ja => format!("{}（{when}）", frame.name),
        Language::En => format!("{} ({when})", frame.english),
    }
}

/// A strategy's framework in short, as the workshop and the regional view name it: a built-in
/// frame by [`frame_heading`], another by the name it holds; `None` when it names nothing.
pub fn framework_short(framework: &NationalFramework, lang: Language, style: YearStyle) -> Option<String> {
    match framework.frame() {
        Some(frame) => Some(frame_heading(frame, lang, style)),
        None => Some(framework.name.trim().to_owned()).filter(|n| !n.is_empty()),
    }
}

/// The national goal a town's goal corresponds to, in its frame's terms: 「国の基本目標 1: 稼ぐ地域を…」,
/// 「国の取組方針 2: 人の流れをつくる」, 「国の目標 1: 「強い経済」をつくる」 / "National basic goal 1: …".
pub fn national_goal(framework: &NationalFramework, goal: &NationalGoal, lang: Language) -> String {
    let frame = framework.frame();
    let heading = match (lang, goal.kind, frame) {
        (Language::Ja, GoalKind::Basic, Some(f)) => f.basic_heading,
        (Language::Ja, GoalKind::CrossCutting, Some(Frame { cross_heading: Some(h), .. })) => h,
        (Language::Ja, kind, _) => kind.japanese(),
        (Language::En, GoalKind::Basic, _) => "basic goal",
        (Language::En, GoalKind::CrossCutting, _) => "cross-cutting goal",
    };
    match lang {
        Language::Ja => format!("国の{heading} {}: {}", goal.number, goal.title),
        Language::En => format!("National {heading} {}: {}", goal.number, goal.title),
    }
}

/// A frame's or framework's name in the user's language (the English name of a built-in frame).
fn framework_name(framework: &NationalFramework, lang: Language) -> String {
    match (framework.frame(), lang) {
        (Some(f), Language::En) => f.english.to_owned(),
        (Some(f), Language::Ja) if framework.name.trim().is_empty() => f.name.to_owned(),
        _ if framework.name.trim().is_empty() => match lang {
            Language::Ja => "（国の総合戦略の指定なし）".to_owned(),
            Language::En => "(no national strategy named)".to_owned(),
        },
        _ => framework.name.trim().to_owned(),
    }
}

/// A re-alignment kept in the strategy: 「2026-11-24 国の総合戦略を 第2期「まち・ひと・しごと創生総合戦略」
/// から 地方創生に関する総合戦略 に合わせ直しました」.
pub fn framework_change(change: &FrameworkChange, lang: Language) -> String {
    let from = framework_name(&change.from, lang);
    let to = change.to_key.as_deref().and_then(by_key);
    match lang {
        Language::Ja => {
            let to = to.map_or("別の枠組み", |f| f.name);
            format!("{} 国の総合戦略を {from} から {to} に合わせ直しました", change.date)
        }
        Language::En => {
            let to = to.map_or("another frame", |f| f.english);
            format!("{}: re-aligned from {from} to {to}", change.date)
        }
    }
}

/// One goal's link before a re-alignment: 「基本目標 1 北海道新幹線を… → 国の基本目標 1: 稼ぐ地域を…」, or
/// 「… → 対応する国の目標なし」.
pub fn earlier_link(change: &FrameworkChange, link: &EarlierLink, lang: Language) -> String {
    let kind = match lang {
        Language::Ja => link.kind.japanese(),
        Language::En if link.kind == GoalKind::Basic => "Basic goal",
        Language::En => "Cross-cutting goal",
    };
    let national = link.national_goal.as_ref().and_then(|id| change.from.goals.iter().find(|n| &n.id == id));
    let to = match (national, lang) {
        (Some(n), _) => national_goal(&change.from, n, lang),
        (None, Language::Ja) => "対応する国の目標なし".to_owned(),
        (None, Language::En) => "no national goal".to_owned(),
    };
    match lang {
        Language::Ja => format!("{kind} {} {} → {to}", link.number, link.title),
        Language::En => format!("{kind} {} {} → {to}", link.number, link.title),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::frames::{by_key, newest, DIGITAL_GARDEN_CITY, FIRST_PERIOD, REGIONAL_2_0_VISION, SECOND_PERIOD};
    use Language::{En, Ja};
    use YearStyle::{Japanese, Western};

    #[test]
    fn a_frame_is_said_with_its_decision_period_and_goals() {
        let f = newest();
        assert_eq!(frame_summary(f, Ja, Japanese), "令和7年12月23日閣議決定・令和7年度〜令和11年度（5年間）");
        assert_eq!(frame_decided(f, Ja, Western), "2025年12月23日閣議決定");
        assert_eq!(frame_decided(f, En, Japanese), "Cabinet decision of 23 Dec 2025");
        assert_eq!(frame_goal_counts(f, Ja), "目標3つ");
        assert_eq!(frame_goal_counts(f, En), "3 goals");
        let second = by_key(SECOND_PERIOD).unwrap();
        assert_eq!(frame_goal_counts(second, Ja), "基本目標4つ＋横断的な目標2つ");
        let digital = by_key(DIGITAL_GARDEN_CITY).unwrap();
        assert_eq!(frame_goal_counts(digital, Ja), "取組方針4つ＋デジタル実装の基礎条件整備3つ");
        assert_eq!(frame_summary(by_key(REGIONAL_2_0_VISION).unwrap(), Ja, Japanese), "令和7年6月13日閣議決定");
        assert_eq!(frame_decided(by_key(FIRST_PERIOD).unwrap(), Ja, Japanese), "平成26年12月27日閣議決定");
    }

    #[test]
    fn a_frame_is_headed_by_its_name_and_short_years() {
        let second = by_key(SECOND_PERIOD).unwrap();
        assert_eq!(frame_heading(second, Ja, Japanese), "第2期「まち・ひと・しごと創生総合戦略」（令和2〜6年度）");
        assert_eq!(frame_heading(newest(), Ja, Japanese), "地方創生に関する総合戦略（令和7〜11年度）");
        assert_eq!(frame_heading(newest(), Ja, Western), "地方創生に関する総合戦略（2025〜2029年度）");
        assert_eq!(
            frame_heading(newest(), En, Japanese),
            "Comprehensive Strategy on Regional Revitalisation (Regional Revitalisation 2.0) (FY2025–2029)"
        );
        let first = by_key(FIRST_PERIOD).unwrap();
        assert_eq!(
            frame_heading(first, Ja, Japanese),
            "第1期「まち・ひと・しごと創生総合戦略」（平成27年度〜令和元年度）"
        );
        let vision = by_key(REGIONAL_2_0_VISION).unwrap();
        assert_eq!(frame_heading(vision, Ja, Japanese), "地方創生2.0基本構想（令和7年6月13日閣議決定）");
        assert_eq!(short_years(FiscalYear(2019), FiscalYear(2023), Ja, Japanese), "令和元〜5年度");
        // A framework: its frame, or its own name, or nothing.
        let mut own = NationalFramework { key: None, name: " 県の総合戦略 ".into(), goals: Vec::new() };
        assert_eq!(framework_short(&own, Ja, Japanese).as_deref(), Some("県の総合戦略"));
        own.key = Some(SECOND_PERIOD.into());
        assert_eq!(framework_short(&own, En, Western).as_deref(), Some(frame_heading(second, En, Western).as_str()));
        assert_eq!(framework_short(&NationalFramework::default(), Ja, Japanese), None);
    }

    #[test]
    fn a_framework_is_said_by_its_frame_or_the_name_it_holds() {
        let line = framework_line(&newest().national_framework(), Ja, Japanese);
        assert_eq!(
            line.as_deref(),
            Some("地方創生に関する総合戦略（令和7年12月23日閣議決定・令和7年度〜令和11年度（5年間））")
        );
        let older = NationalFramework {
            name: "第2期「まち・ひと・しごと創生総合戦略」".into(), ..Default::default()
        };
        assert_eq!(framework_line(&older, Ja, Japanese).as_deref(), Some("第2期「まち・ひと・しごと創生総合戦略」"));
        assert_eq!(framework_line(&NationalFramework::default(), Ja, Japanese), None);
    }

    #[test]
    fn a_national_goal_is_said_in_its_frames_terms() {
        let digital = by_key(DIGITAL_GARDEN_CITY).unwrap().national_framework();
        assert_eq!(national_goal(&digital, &digital.goals[1], Ja), "国の取組方針 2: 人の流れをつくる");
        assert_eq!(
            national_goal(&digital, &digital.goals[4], Ja),
            "国のデジタル実装の基礎条件整備 1: ハード・ソフトのデジタル基盤整備"
        );
        let newest = newest().national_framework();
        assert_eq!(national_goal(&newest, &newest.goals[0], Ja), "国の目標 1: 「強い経済」をつくる");
        assert_eq!(national_goal(&newest, &newest.goals[0], En), "National basic goal 1: 「強い経済」をつくる");
        let older = NationalFramework { key: None, ..by_key(SECOND_PERIOD).unwrap().national_framework() };
        assert_eq!(national_goal(&older, &older.goals[4], Ja), "国の横断的な目標 1: 多様な人材の活躍を推進する");
    }

    #[test]
    fn a_realignment_is_said_with_the_frames_and_each_goals_earlier_link() {
        use crate::model::realign::propose;
        let old = crate::examples::by_key("hokuto").unwrap().load().unwrap();
        let mut s = old.clone();
        s.realign(&propose(&old, newest()), "2026-11-24");
        let change = &s.framework_changes[0];
        assert_eq!(
            framework_change(change, Ja),
            "2026-11-24 国の総合戦略を 第2期「まち・ひと・しごと創生総合戦略」 から 地方創生に関する総合戦略 に合わせ直しました"
        );
        assert_eq!(
            framework_change(change, En),
            "2026-11-24: re-aligned from 第2期「まち・ひと・しごと創生総合戦略」 to Comprehensive Strategy on Regional Revitalisation (Regional Revitalisation 2.0)"
        );
        assert_eq!(
            earlier_link(change, &change.links[0], Ja),
            "基本目標 1 北海道新幹線を活かした産業の振興と雇用の場をつくる → 国の基本目標 1: 稼ぐ地域をつくとともに、安心して働けるようにする"
        );
        let mut unlinked = change.links[0].clone();
        unlinked.national_goal = None;
        assert!(earlier_link(change, &unlinked, Ja).ends_with("→ 対応する国の目標なし"));
        assert!(earlier_link(change, &unlinked, En).starts_with("Basic goal 1 "));
    }
}
