//! Sentences about targets revised mid-plan: one revision in full (the editor's list, the
//! chart's summary), the short note beside the current target in tables (the printed report,
//! the overview), and the label of an earlier target on the chart.

use super::{quantity, target_in, tr, year, Language, YearStyle};
use crate::model::{DesiredDirection, FiscalYear, RevisionWay, Series, Target};

/// 「上方修正」 / 「下方修正」 / 「修正」.
pub fn revision_way(way: RevisionWay, lang: Language) -> &'static str {
    match way {
        RevisionWay::Up => tr(lang, "上方修正", "revised up"),
        RevisionWay::Down => tr(lang, "下方修正", "revised down"),
        RevisionWay::Changed => tr(lang, "修正", "revised"),
    }
}

/// A target said briefly for a revision: the value it comes to for a value target
/// (「1,500人」), the target as written otherwise (「↗ 増加」, 「累計 30人（令和3〜7年度）」).
fn brief(series: &Series, t: &Target, unit: &str, lang: Language, style: YearStyle) -> String {
    match (t, series.value_of(t)) {
        (Target::Value { .. }, Some(v)) => quantity(v, unit),
        _ => target_in(t, unit, series.year_basis, lang, style),
    }
}

/// The old and the new target: values when both come to one (「1,500人 → 1,800人」), else as written.
fn from_to(series: &Series, index: usize, unit: &str, lang: Language, style: YearStyle) -> Option<String> {
    let old = &series.target_history.get(index)?.target;
    let new = series.revised_to(index)?;
    Some(match (series.value_of(old), series.value_of(new)) {
        (Some(a), Some(b)) if a.is_finite() && b.is_finite() => {
            format!("{} → {}", quantity(a, unit), quantity(b, unit))
        }
        _ => {
            let written = |t: &Target| target_in(t, unit, series.year_basis, lang, style);
            format!("{} → {}", written(old), written(new))
        }
    })
}

/// One revision in full: 「令和4年度に上方修正（1,500人 → 1,800人）: 人口減少の鈍化を受け」, with
/// the date when known (「令和4年度（2022-06-01）に…」); `None` for an index past the history.
pub fn revision(
    series: &Series,
    index: usize,
    unit: &str,
    direction: DesiredDirection,
    lang: Language,
    style: YearStyle,
) -> Option<String> {
    let r = series.target_history.get(index)?;
    let way = revision_way(series.revision_way(index, direction), lang);
    let fy = year(r.year, lang, style);
    let change = from_to(series, index, unit, lang, style)?;
    let reason = r.reason.trim();
    Some(match lang {
        Language::Ja => {
            let when = r.date.as_deref().map_or(fy.clone(), |d| format!("{fy}（{d}）"));
            let text = format!("{when}に{way}（{change}）");
            if reason.is_empty() {
                text
            } else {
                format!("{text}: {reason}")
            }
        }
        Language::En => {
            let when = r.date.as_deref().map_or(fy.clone(), |d| format!("{fy}, {d}"));
            let text = format!("{} in {when} ({change})", capitalised(way));
            if reason.is_empty() {
                text
            } else {
                format!("{text}: {reason}")
            }
        }
    })
}

fn capitalised(s: &str) -> String {
    let mut c = s.chars();
    c.next().map(|f| f.to_uppercase().chain(c).collect()).unwrap_or_default()
}

/// The note beside the current target in a table: the latest revision and the first target,
/// 「（令和4年度に上方修正、当初 1,500人）」; `None` when the target was never revised.
pub fn revision_note(
    series: &Series,
    unit: &str,
    direction: DesiredDirection,
    lang: Language,
    style: YearStyle,
) -> Option<String> {
    let latest = series.target_history.len().checked_sub(1)?;
    let r = &series.target_history[latest];
    let way = revision_way(series.revision_way(latest, direction), lang);
    let first = brief(series, series.original_target()?, unit, lang, style);
    let fy = year(r.year, lang, style);
    Some(match lang {
        Language::Ja => format!("（{fy}に{way}、当初 {first}）"),
        Language::En => format!("({way} in {fy}, originally {first})"),
    })
}

/// The label of an earlier target on the chart: 「当初の目標」 for the first, 「修正前の目標
/// （令和3年度まで）」 for a later one (in force until the year before it was revised).
pub fn earlier_target_label(series: &Series, index: usize, lang: Language, style: YearStyle) -> String {
    let until = series.target_history.get(index).map(|r| FiscalYear(r.year.0 - 1));
    match (index, until, lang) {
        (0, _, _) | (_, None, _) => tr(lang, "当初の目標", "Original target").to_owned(),
        (_, Some(y), Language::Ja) => format!("修正前の目標（{}まで）", year(y, lang, style)),
        (_, Some(y), Language::En) => format!("Earlier target (until {})", year(y, lang, style)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Baseline, BoundSide};

    fn revised() -> Series {
        let mut s = Series::new("");
        s.baseline = Some(Baseline { value: 1200.0, year: Some(FiscalYear(2020)) });
        s.target = Some(Target::Value { value: 1500.0, year: Some(FiscalYear(2025)) });
        s.revise_target(
            Target::Value { value: 1800.0, year: Some(FiscalYear(2025)) },
            FiscalYear(2022),
            None,
            "転入の増加を受け".into(),
        );
        s
    }

    const JA: (Language, YearStyle) = (Language::Ja, YearStyle::Japanese);

    #[test]
    fn a_revision_says_year_way_values_and_reason() {
        let s = revised();
        let (l, y) = JA;
        assert_eq!(
            revision(&s, 0, "人", DesiredDirection::Increase, l, y).unwrap(),
            "令和4年度に上方修正（1,500人 → 1,800人）: 転入の増加を受け"
        );
        assert_eq!(
            revision(&s, 0, "人", DesiredDirection::Decrease, l, y).unwrap(),
            "令和4年度に下方修正（1,500人 → 1,800人）: 転入の増加を受け",
            "for a decrease a higher target asks for less"
        );
        assert_eq!(
            revision(&s, 0, "人", DesiredDirection::Increase, Language::En, YearStyle::Western).unwrap(),
            "Revised up in FY2022 (1,500人 → 1,800人): 転入の増加を受け"
        );
        assert_eq!(revision(&s, 1, "人", DesiredDirection::Increase, l, y), None);
        assert_eq!(
            revision_note(&s, "人", DesiredDirection::Increase, l, y).unwrap(),
            "（令和4年度に上方修正、当初 1,500人）"
        );
        assert_eq!(
            revision_note(&s, "人", DesiredDirection::Increase, Language::En, YearStyle::Western).unwrap(),
            "(revised up in FY2022, originally 1,500人)"
        );
        assert_eq!(revision_note(&Series::new(""), "人", DesiredDirection::Increase, l, y), None);
    }

    #[test]
    fn a_change_of_kind_is_said_as_written_and_just_修正() {
        let mut s = revised();
        s.target_history[0].date = Some("2022-06-01".into());
        s.revise_target(
            Target::Bound { value: 1700.0, side: BoundSide::AtLeast, hold: true, year: None },
            FiscalYear(2024),
            None,
            String::new(),
        );
        let (l, y) = JA;
        assert_eq!(
            revision(&s, 0, "人", DesiredDirection::Increase, l, y).unwrap(),
            "令和4年度（2022-06-01）に上方修正（1,500人 → 1,800人）: 転入の増加を受け"
        );
        assert_eq!(
            revision(&s, 1, "人", DesiredDirection::Increase, l, y).unwrap(),
            "令和6年度に下方修正（1,800人 → 1,700人）"
        );
        s.revise_target(Target::Direction, FiscalYear(2025), None, "数値目標を廃止".into());
        assert_eq!(
            revision(&s, 2, "人", DesiredDirection::Increase, l, y).unwrap(),
            "令和7年度に修正（維持（1,700人以上） → ↗ 増加）: 数値目標を廃止"
        );
        assert_eq!(
            revision_note(&s, "人", DesiredDirection::Increase, l, y).unwrap(),
            "（令和7年度に修正、当初 1,500人）"
        );
        assert_eq!(earlier_target_label(&s, 0, l, y), "当初の目標");
        assert_eq!(earlier_target_label(&s, 1, l, y), "修正前の目標（令和5年度まで）");
        assert_eq!(earlier_target_label(&s, 2, Language::En, YearStyle::Western), "Earlier target (until FY2024)");
    }

    /// A calendar-year series: the targets' years are its values' years (令和3年〜令和7年), the
    /// year the target was revised in stays the town's fiscal year (令和5年度).
    #[test]
    fn a_calendar_year_series_writes_its_targets_years_and_keeps_the_fiscal_revision_year() {
        let mut s = Series::new("");
        s.year_basis = crate::model::YearBasis::Calendar;
        s.target = Some(Target::Cumulative { value: 30.0, from: FiscalYear(2021), to: FiscalYear(2025) });
        s.revise_target(Target::Direction, FiscalYear(2023), None, String::new());
        let (l, y) = JA;
        assert_eq!(
            revision(&s, 0, "人", DesiredDirection::Increase, l, y).unwrap(),
            "令和5年度に修正（累計 30人（令和3年〜令和7年） → ↗ 増加）"
        );
        s.year_basis = crate::model::YearBasis::Fiscal;
        assert_eq!(
            revision(&s, 0, "人", DesiredDirection::Increase, l, y).unwrap(),
            "令和5年度に修正（累計 30人（令和3〜7年度） → ↗ 増加）"
        );
    }
}
