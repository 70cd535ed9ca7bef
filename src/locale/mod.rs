//! Locale's core: the user's language and fiscal-year style and the small pure formatters of the
//! model's own data — years, periods, numbers, statuses, targets, a national frame (`frame`), a
//! grant (`grant`), the town's verdict beside the figures (`verdict`), targets revised mid-plan
//! (`revision`), a value's year by its basis (`value_year`), sources as numbered footnotes
//! (`sources`) — shared by `format`'s CSV and workbook, the charts and the UI. It reads only
//! `model`; the sentences about the other layers' data (refused files, storage, notices, merge
//! cards) are in `crate::words`, just under `ui`. Japanese first with English available; pure
//! Rust, tested natively; no browser code here.

mod date;
mod frame;
mod grant;
mod revision;
mod schedule;
mod sources;
mod value_year;
mod verdict;

pub use date::{date, era_month, stage_version_label};
pub use frame::{
    earlier_link, frame_decided, frame_goal_counts, frame_heading, frame_summary, framework_change, framework_line,
    framework_short, national_goal,
};
pub use grant::*;
pub use revision::*;
pub use schedule::{schedule_when, stage};
pub use sources::{footnote_mark, Footnotes, SourceMark};
pub use value_year::{value_span, value_year, year_basis, year_basis_note, year_column};
pub use verdict::*;

use crate::model::{
    Assessment, BoundSide, DesiredDirection, FiscalYear, PlanPeriod, RatingRule, RelativeChange, Series, Status,
    Strategy, Target,
};
use serde::{Deserialize, Serialize};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum Language {
    #[default]
    Ja,
    En,
}

/// 令和6年度 or 2024年度.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum YearStyle {
    #[default]
    Japanese,
    Western,
}

/// Picks the text of the current language.
pub fn tr(lang: Language, ja: &'static str, en: &'static str) -> &'static str {
    match lang {
        Language::Ja => ja,
        Language::En => en,
    }
}

/// 令和6年度 / 2024年度 / FY2024 (R6), by language and the user's year style.
pub fn year(fy: FiscalYear, lang: Language, style: YearStyle) -> String {
    match (lang, style) {
        (Language::Ja, YearStyle::Japanese) => fy.japanese(),
        (Language::Ja, YearStyle::Western) => format!("{}年度", fy.western()),
        (Language::En, YearStyle::Japanese) => format!("{} ({})", fy.english(), fy.short()),
        (Language::En, YearStyle::Western) => fy.english(),
    }
}

/// 令和4年度〜令和7年度 (4年間)
pub fn period(p: PlanPeriod, lang: Language, style: YearStyle) -> String {
    let (a, b) = (year(p.first, lang, style), year(p.last, lang, style));
    match lang {
        Language::Ja => format!("{a}〜{b}（{}年間）", p.len()),
        Language::En => format!("{a} – {b} ({} years)", p.len()),
    }
}

/// A change of the plan period: 「2024-03-15: 計画期間を 令和2年度〜令和6年度（5年間） から
/// 令和2年度〜令和7年度（6年間） に変更（理由）」.
pub fn period_change(c: &crate::model::PeriodChange, lang: Language, style: YearStyle) -> String {
    let (from, to) = (period(c.from, lang, style), period(c.to, lang, style));
    match lang {
        Language::Ja => format!("{}: 計画期間を {from} から {to} に変更（{}）", c.date, c.reason),
        Language::En => format!("{}: plan period changed from {from} to {to} ({})", c.date, c.reason),
    }
}

/// A baseline with its year when known: 「112人（令和5年度）」.
pub fn baseline(b: &crate::model::Baseline, unit: &str, lang: Language, style: YearStyle) -> String {
    match b.year {
        Some(y) => format!("{}（{}）", quantity(b.value, unit), year(y, lang, style)),
        None => quantity(b.value, unit),
    }
}

/// 3,908 / 18.43 / -40: thousands separators, no trailing zeros, no exponent.
pub fn number(v: f64) -> String {
    if !v.is_finite() {
        return "—".into();
    }
    let text = format!("{v}");
    let (sign, body) = text.strip_prefix('-').map_or(("", text.as_str()), |b| ("-", b));
    let (int, frac) = body.split_once('.').map_or((body, None), |(i, f)| (i, Some(f)));
    let mut grouped = String::new();
    for (i, c) in int.chars().enumerate() {
        if i > 0 && (int.len() - i) % 3 == 0 {
            grouped.push(',');
        }
        grouped.push(c);
    }
    match frac {
        Some(f) => format!("{sign}{grouped}.{f}"),
        None => format!("{sign}{grouped}"),
    }
}

/// "380人", "34.2%"
/// Beyond this share of the way to the target, a progress figure is said to be far above it.
const FAR_ABOVE: f64 = 2.0;

/// A progress figure as towns print it: the percentage, and where it is far outside 0–100 %
/// (an indicator moving away from its target, or far beyond it) a few words saying so instead
/// of leaving "−1,233%" to be read alone: 「−1,233%（基準値を下回る）」, 「250%（目標を大きく上回る）」.
/// "Below" and "above" follow the desired direction (a decrease target moving away is above
/// its baseline). Nothing draws a progress bar from it: the chart shows the values themselves.
pub fn progress(p: f64, direction: DesiredDirection, lang: Language) -> String {
    let figure = format!("{}%", number((p * 100.0).round())).replacen('-', "−", 1);
    let words = match (p < 0.0, p > FAR_ABOVE, direction) {
        (true, _, DesiredDirection::Increase) => Some(tr(lang, "基準値を下回る", "below the baseline")),
        (true, _, DesiredDirection::Decrease) => Some(tr(lang, "基準値を上回る", "above the baseline")),
        (true, _, DesiredDirection::Maintain) => Some(tr(lang, "基準値から離れる", "away from the baseline")),
        (_, true, DesiredDirection::Increase) => Some(tr(lang, "目標を大きく上回る", "far above the target")),
        (_, true, DesiredDirection::Decrease) => Some(tr(lang, "目標を大きく下回る", "far below the target")),
        _ => None,
    };
    match (words, lang) {
        (None, _) => figure,
        (Some(w), Language::Ja) => format!("{figure}（{w}）"),
        (Some(w), Language::En) => format!("{figure} ({w})"),
    }
}

pub fn quantity(v: f64, unit: &str) -> String {
    format!("{}{unit}", number(v))
}

/// A target the way towns print it: 「380人 (令和7年度)」, 「↗ 増加」, 「0人/年」,
/// 「基準値から10%減少（令和6年度）」, 「5ポイント上昇」, 「現状維持」, 「令和3〜8年度の平均 1,890人」,
/// 「累計 4,386人（平成27〜31年度）」, 「80%以上」, 「維持（90%以上）」. A relative target's value
/// needs the baseline: `series_target` adds it.
pub fn target(t: &Target, unit: &str, lang: Language, style: YearStyle) -> String {
    target_in(t, unit, crate::model::YearBasis::Fiscal, lang, style)
}

/// A target of a series whose values' years are of `basis`: its years are the values' years,
/// 「380人 (令和7年)」 for a calendar-year series, 「令和3年〜令和8年の平均 1,890人」.
pub fn target_in(t: &Target, unit: &str, basis: crate::model::YearBasis, lang: Language, style: YearStyle) -> String {
    let year_of = |y: FiscalYear| value_year(basis, y, lang, style);
    let span = |from: FiscalYear, to: FiscalYear| value_span(basis, from, to, lang, style);
    let with_year = |text: String, y: Option<FiscalYear>| match (y, lang) {
        (None, _) => text,
        (Some(y), Language::Ja) => format!("{text}（{}）", year_of(y)),
        (Some(y), Language::En) => format!("{text} ({})", year_of(y)),
    };
    match t {
        Target::Value { value, year: Some(y) } => format!("{} ({})", quantity(*value, unit), year_of(*y)),
        Target::Value { value, year: None } => quantity(*value, unit),
        Target::Direction => tr(lang, "↗ 増加", "↗ increase").into(),
        Target::PerYear { value } => format!("{}{}", quantity(*value, unit), tr(lang, "/年", "/year")),
        Target::Relative { change, year } => with_year(relative_change(*change, lang), *year),
        Target::Average { value, from, to } => match lang {
            Language::Ja => format!("{}の平均 {}", span(*from, *to), quantity(*value, unit)),
            Language::En => format!("average {} over {}", quantity(*value, unit), span(*from, *to)),
        },
        Target::Cumulative { value, from, to } => match lang {
            Language::Ja => format!("累計 {}（{}）", quantity(*value, unit), span(*from, *to)),
            Language::En => format!("total {} over {}", quantity(*value, unit), span(*from, *to)),
        },
        Target::Bound { value, side, hold, year } => {
            let bound = match (lang, side) {
                (Language::Ja, BoundSide::AtLeast) => format!("{}以上", quantity(*value, unit)),
                (Language::Ja, BoundSide::AtMost) => format!("{}以下", quantity(*value, unit)),
                (Language::En, BoundSide::AtLeast) => format!("at least {}", quantity(*value, unit)),
                (Language::En, BoundSide::AtMost) => format!("at most {}", quantity(*value, unit)),
            };
            let bound = match (hold, lang) {
                (false, _) => bound,
                (true, Language::Ja) => format!("維持（{bound}）"),
                (true, Language::En) => format!("maintain ({bound})"),
            };
            with_year(bound, *year)
        }
    }
}

/// 「基準値から10%減少」, 「5ポイント上昇」, 「現状維持」 (points carry no unit: a rate's points).
fn relative_change(change: RelativeChange, lang: Language) -> String {
    let size = |v: f64| number(v.abs());
    match (change, lang) {
        (RelativeChange::Percent(p), Language::Ja) if p < 0.0 => format!("基準値から{}%減少", size(p)),
        (RelativeChange::Percent(p), Language::Ja) => format!("基準値から{}%増加", size(p)),
        (RelativeChange::Percent(p), Language::En) if p < 0.0 => format!("{}% below the baseline", size(p)),
        (RelativeChange::Percent(p), Language::En) => format!("{}% above the baseline", size(p)),
        (RelativeChange::Points(d), Language::Ja) if d < 0.0 => format!("{}ポイント低下", size(d)),
        (RelativeChange::Points(d), Language::Ja) => format!("{}ポイント上昇", size(d)),
        (RelativeChange::Points(d), Language::En) if d < 0.0 => format!("down {} points", size(d)),
        (RelativeChange::Points(d), Language::En) => format!("up {} points", size(d)),
        (RelativeChange::Hold, _) => tr(lang, "現状維持", "hold the baseline").to_owned(),
    }
}

/// A target as the public pages and the open data print it, in Japanese: as [`target_in`], with
/// a value's year in full-width brackets as a baseline's is (「380人（令和7年度）」 beside
/// 「352人（令和5年度）」), where the app's own pages write 「380人 (令和7年度)」.
pub fn target_printed(t: &Target, unit: &str, basis: crate::model::YearBasis, style: YearStyle) -> String {
    match t {
        Target::Value { value, year: Some(y) } => {
            format!("{}（{}）", quantity(*value, unit), value_year(basis, *y, Language::Ja, style))
        }
        _ => target_in(t, unit, basis, Language::Ja, style),
    }
}

/// A series' target as written, and for a relative one the value it comes to beside it:
/// 「基準値から10%減少（令和6年度） → 1,620人」, or 「（基準値がなく算出できません）」.
pub fn series_target(series: &Series, unit: &str, lang: Language, style: YearStyle) -> Option<String> {
    let t = series.target.as_ref()?;
    let written = target_in(t, unit, series.year_basis, lang, style);
    Some(match (t, series.target_value()) {
        (Target::Relative { .. }, Some(v)) => format!("{written} → {}", quantity(v, unit)),
        (Target::Relative { .. }, None) => match lang {
            Language::Ja => format!("{written}（基準値がなく算出できません）"),
            Language::En => format!("{written} (no baseline: cannot be worked out)"),
        },
        _ => written,
    })
}

/// What a span target compares, said with its name: 「累計 20人」 (the running sum of the span's
/// actuals), 「平均 1,900人」 (their mean, to two decimals at most); `None` for other targets.
pub fn measured(series: &Series, a: &Assessment, unit: &str, lang: Language) -> Option<String> {
    // Actuals printed as running totals say so, with the year's derived value as towns print
    // it: 「515（累計、うち単年度 255人）」.
    if series.running_totals {
        let yearly = a.actual.and(a.year).and_then(|y| series.yearly(y)).map(|v| (v * 100.0).round() / 100.0);
        return Some(match (yearly, lang) {
            (Some(v), Language::Ja) => format!("累計、うち単年度 {}", quantity(v, unit)),
            (Some(v), Language::En) => format!("running total; this year {}", quantity(v, unit)),
            (None, _) => tr(lang, "累計", "running total").to_owned(),
        });
    }
    let m = a.measured?;
    let m = (m * 100.0).round() / 100.0;
    match series.target.as_ref()? {
        Target::Average { .. } => Some(format!("{} {}", tr(lang, "平均", "average"), quantity(m, unit))),
        Target::Cumulative { .. } => Some(format!("{} {}", tr(lang, "累計", "running total"), quantity(m, unit))),
        _ => None,
    }
}

/// A span of fiscal years: 「令和3〜8年度」 (one era), 「平成27〜令和元年度」, 「2021〜2026年度」,
/// "FY2021–FY2026".
pub fn span(from: FiscalYear, to: FiscalYear, lang: Language, style: YearStyle) -> String {
    match (lang, style, from.era(), to.era()) {
        (Language::Ja, YearStyle::Japanese, Some((a, _)), Some((b, n))) if a == b => {
            let last = if n == 1 { "元".to_owned() } else { n.to_string() };
            format!("{}〜{last}年度", from.japanese().trim_end_matches("年度"))
        }
        (Language::Ja, YearStyle::Japanese, _, _) => {
            format!("{}〜{}", from.japanese().trim_end_matches("年度"), to.japanese())
        }
        (Language::Ja, YearStyle::Western, _, _) => format!("{}〜{}年度", from.western(), to.western()),
        (Language::En, _, _, _) => format!("{}–{}", year(from, lang, style), year(to, lang, style)),
    }
}

pub fn status(s: Status, lang: Language) -> &'static str {
    match s {
        Status::Achieved => tr(lang, "達成", "Achieved"),
        Status::OnTrack => tr(lang, "順調", "On track"),
        Status::Behind => tr(lang, "遅れ", "Behind"),
        Status::NoData => tr(lang, "データなし", "No data"),
    }
}

/// An assessment's rating label, or 「—」 when there is nothing to rate.
pub fn rating(a: &Assessment) -> &str {
    a.rating.as_deref().unwrap_or("—")
}

/// The strategy's rating rule in one sentence, shown where computed ratings are.
pub fn rating_rule(rule: &RatingRule, lang: Language) -> String {
    let tiers = rule
        .tiers
        .iter()
        .map(|t| match lang {
            Language::Ja => format!("{} {}%以上", t.label, number(t.min_percent)),
            Language::En => format!("{} ≥ {}%", t.label, number(t.min_percent)),
        })
        .chain([match lang {
            Language::Ja => format!("{} それ未満", rule.below),
            Language::En => format!("{} below", rule.below),
        }]);
    match lang {
        Language::Ja => format!(
            "評価は、その年度までに達成すべき分（基準値から目標値までの直線、または中間目標）に対する実績の割合で付けます（{}、実績がなければ「—」）。",
            tiers.collect::<Vec<_>>().join("・")
        ),
        Language::En => format!(
            "Ratings compare the actual with what was due by that year (the straight path from baseline to target, or the interim target): {}; no actual, “—”.",
            tiers.collect::<Vec<_>>().join(", ")
        ),
    }
}

/// Under a table of targets: which years the progress takes as assumed where the town's table
/// gives none (`Strategy::assumes_years`); `None` when every year is given.
pub fn assumed_years(s: &Strategy, lang: Language, style: YearStyle) -> Option<String> {
    let (baseline, target) = s.assumes_years();
    let (b, t) =
        (year(s.period.assumed_baseline_year(), lang, style), year(s.period.assumed_target_year(), lang, style));
    let parts: Vec<String> = match lang {
        Language::Ja => [
            baseline.then(|| format!("年度の記載がない当初値は{b}（計画の前年度）")),
            target.then(|| format!("年度の記載がない目標値は{t}（計画の最終年度）")),
        ]
        .into_iter()
        .flatten()
        .collect(),
        Language::En => [
            baseline.then(|| format!("a baseline without a year as {b} (the year before the plan)")),
            target.then(|| format!("a target without a year as due in {t} (the plan's last year)")),
        ]
        .into_iter()
        .flatten()
        .collect(),
    };
    if parts.is_empty() {
        return None;
    }
    Some(match lang {
        Language::Ja => format!("※ {}のものとして、進み具合を計算しています。", parts.join("、")),
        Language::En => format!("* Progress takes {}.", parts.join(", and ")),
    })
}

/// User text put into a sentence, isolated for direction when it holds an explicit direction
/// control (U+202A–U+202E, U+2066–U+2069): wrapped in FSI … PDI (U+2068, U+2069), which ends
/// whatever override it leaves open (an unclosed U+202E would reverse the words after it, in a
/// chart's summary or title too). Other text is returned as it is.
pub fn isolated(text: &str) -> std::borrow::Cow<'_, str> {
    if text.chars().any(|c| matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')) {
        format!("\u{2068}{text}\u{2069}").into()
    } else {
        text.into()
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn direction_controls_are_isolated_and_other_text_is_not() {
        assert_eq!(super::isolated("転入者数"), "転入者数");
        assert_eq!(super::isolated("\u{202E}転入"), "\u{2068}\u{202E}転入\u{2069}");
        assert_eq!(super::isolated("a\u{2067}b"), "\u{2068}a\u{2067}b\u{2069}");
    }

    use super::*;

    /// Each target kind the way towns print it, in both languages and both year styles.
    #[test]
    fn targets_read_as_towns_print_them() {
        use crate::model::{Baseline, BoundSide::*, RelativeChange::*};
        let (ja, en, jp, west) = (Language::Ja, Language::En, YearStyle::Japanese, YearStyle::Western);
        let fy = FiscalYear;
        let relative = Target::Relative { change: Percent(-10.0), year: Some(fy(2024)) };
        assert_eq!(target(&relative, "人", ja, jp), "基準値から10%減少（令和6年度）");
        assert_eq!(target(&relative, "人", ja, west), "基準値から10%減少（2024年度）");
        assert_eq!(target(&relative, "人", en, west), "10% below the baseline (FY2024)");
        let up = Target::Relative { change: Percent(2.5), year: None };
        assert_eq!(target(&up, "人", ja, jp), "基準値から2.5%増加");
        let points = Target::Relative { change: Points(5.0), year: None };
        assert_eq!(target(&points, "%", ja, jp), "5ポイント上昇");
        assert_eq!(target(&points, "%", en, jp), "up 5 points");
        let down = Target::Relative { change: Points(-1.5), year: None };
        assert_eq!(target(&down, "%", ja, jp), "1.5ポイント低下");
        let hold = Target::Relative { change: Hold, year: None };
        assert_eq!(target(&hold, "%", ja, jp), "現状維持");
        let average = Target::Average { value: 1890.0, from: fy(2021), to: fy(2026) };
        assert_eq!(target(&average, "人", ja, jp), "令和3〜8年度の平均 1,890人");
        assert_eq!(target(&average, "人", ja, west), "2021〜2026年度の平均 1,890人");
        assert_eq!(target(&average, "人", en, west), "average 1,890人 over FY2021–FY2026");
        // The 1st period's 「平成27〜31年度」: FY2019 is 令和元年度 by the app's convention.
        let total = Target::Cumulative { value: 4386.0, from: fy(2015), to: fy(2019) };
        assert_eq!(target(&total, "人", ja, jp), "累計 4,386人（平成27〜令和元年度）");
        let total = Target::Cumulative { value: 4386.0, from: fy(2014), to: fy(2018) };
        assert_eq!(target(&total, "人", ja, jp), "累計 4,386人（平成26〜30年度）");
        let across = Target::Cumulative { value: 30.0, from: fy(2017), to: fy(2021) };
        assert_eq!(target(&across, "人", ja, jp), "累計 30人（平成29〜令和3年度）", "two eras: both named");
        let at_least = Target::Bound { value: 80.0, side: AtLeast, hold: false, year: None };
        assert_eq!(target(&at_least, "%", ja, jp), "80%以上");
        assert_eq!(target(&at_least, "%", en, jp), "at least 80%");
        let at_most = Target::Bound { value: 10.0, side: AtMost, hold: false, year: Some(fy(2025)) };
        assert_eq!(target(&at_most, "件", ja, jp), "10件以下（令和7年度）");
        let keep = Target::Bound { value: 90.0, side: AtLeast, hold: true, year: None };
        assert_eq!(target(&keep, "%", ja, jp), "維持（90%以上）");
        assert_eq!(target(&keep, "%", en, jp), "maintain (at least 90%)");

        // A relative target with the value it comes to beside it, or why there is none.
        let mut s = Series::new("");
        s.target = Some(Target::Relative { change: Percent(-10.0), year: Some(fy(2024)) });
        assert_eq!(
            series_target(&s, "人", ja, jp).unwrap(),
            "基準値から10%減少（令和6年度）（基準値がなく算出できません）"
        );
        s.baseline = Some(Baseline { value: 1800.0, year: Some(fy(2021)) });
        assert_eq!(series_target(&s, "人", ja, jp).unwrap(), "基準値から10%減少（令和6年度） → 1,620人");
        assert_eq!(series_target(&s, "人", en, west).unwrap(), "10% below the baseline (FY2024) → 1,620人");
        s.target = Some(at_least);
        assert_eq!(series_target(&s, "%", ja, jp).unwrap(), "80%以上", "no derived value beside a bound");
        s.target = None;
        assert_eq!(series_target(&s, "%", ja, jp), None);
    }

    /// 北本市's kind of table: 出生数 340 → 380 (increase), 転出超過 a decrease target; actuals
    /// that moved away from the target, and one far beyond it.
    #[test]
    fn progress_far_outside_0_to_100_percent_says_which_way() {
        use DesiredDirection::*;
        // 出生数 340 → 380, actual 300: (300 − 340) / (380 − 340) = −100 %.
        assert_eq!(progress((300.0 - 340.0) / (380.0 - 340.0), Increase, Language::Ja), "−100%（基準値を下回る）");
        // A decrease target 500 → 450, actual 1,116.5: (1116.5 − 500) / (450 − 500) = −1,233 %.
        assert_eq!(progress((1116.5 - 500.0) / (450.0 - 500.0), Decrease, Language::Ja), "−1,233%（基準値を上回る）");
        assert_eq!(progress(-0.5, Decrease, Language::En), "−50% (above the baseline)");
        assert_eq!(progress(2.5, Increase, Language::Ja), "250%（目標を大きく上回る）");
        assert_eq!(progress(2.5, Decrease, Language::En), "250% (far below the target)");
        assert_eq!(progress(0.3, Increase, Language::Ja), "30%", "inside the range: the figure alone");
        assert_eq!(progress(1.8, Increase, Language::Ja), "180%");
        assert_eq!(progress(-0.2, Maintain, Language::Ja), "−20%（基準値から離れる）");
    }

    #[test]
    fn the_years_assumed_are_said_under_the_table_only_when_some_are() {
        let kitamoto = crate::examples::EXAMPLES[0].load().unwrap();
        assert_eq!(
            assumed_years(&kitamoto, Language::Ja, YearStyle::Japanese).as_deref(),
            Some("※ 年度の記載がない当初値は令和3年度（計画の前年度）、年度の記載がない目標値は令和7年度（計画の最終年度）のものとして、進み具合を計算しています。")
        );
        assert_eq!(
            assumed_years(&kitamoto, Language::En, YearStyle::Western).as_deref(),
            Some("* Progress takes a baseline without a year as FY2021 (the year before the plan), and a target without a year as due in FY2025 (the plan's last year).")
        );
        let hokuto = crate::examples::EXAMPLES[1].load().unwrap();
        assert_eq!(assumed_years(&hokuto, Language::Ja, YearStyle::Japanese), None);
    }

    #[test]
    fn the_rating_rule_is_said_in_one_sentence_from_the_towns_own_rule() {
        let abcd = crate::model::RatingPreset::Abcd.rule();
        assert_eq!(
            rating_rule(&abcd, Language::Ja),
            "評価は、その年度までに達成すべき分（基準値から目標値までの直線、または中間目標）に対する実績の割合で付けます（A 100%以上・B 80%以上・C それ未満、実績がなければ「—」）。"
        );
        let mut marks = crate::model::RatingPreset::Marks.rule();
        marks.tiers[1].min_percent = 75.5;
        let en = rating_rule(&marks, Language::En);
        assert!(en.contains("◎ ≥ 100%, ○ ≥ 75.5%, △ ≥ 50%, × below; no actual, “—”."), "{en}");
    }

    #[test]
    fn numbers_read_like_the_documents() {
        for (v, s) in [
            (3908.0, "3,908"),
            (272000.0, "272,000"),
            (18.43, "18.43"),
            (-40.0, "-40"),
            (0.0, "0"),
            (1234567.5, "1,234,567.5"),
        ] {
            assert_eq!(number(v), s);
        }
    }
}
