//! The target kinds a number cannot say, in a CSV's 目標値 cell: written as towns
//! print them, without the unit (it has its own column), and read back from those words and
//! the usual variants (with the unit, full-width digits, ％, （）or ()), so an export reads back
//! as the same `Target`.
//!
//! | kind | written | also read |
//! |---|---|---|
//! | relative | 基準値から10%減少, 基準値から2.5%増加, 5ポイント上昇, 1.5ポイント低下, 現状維持 | 10%減少, 5ポイント増加 / 減少 |
//! | average | 令和3〜8年度の平均 1890 | 2021〜2026年度の平均 1,890人 |
//! | cumulative | 累計 4386（平成27〜31年度） | 平成27〜31年度の累計 4,386人, 5年間で30, 5年間の累計 30 |
//! | bound | 80以上, 10以下, 維持（90以上） | 80%以上, 維持(90%以上) |
//!
//! The relative or bound target's year is in the 目標年度 column as for a value target. 「5年間で」
//! is the plan's first five years (from its first year), as the form takes an empty span.

use super::cells::{number, year};
use crate::locale::YearStyle;
use crate::model::{half_width, parse_number, BoundSide, FiscalYear, PlanPeriod, RelativeChange, Target};

/// The words of a target only words can say; `None` for a value, direction or per-year one.
pub(super) fn written(t: &Target, style: YearStyle) -> Option<String> {
    Some(match t {
        Target::Relative { change, .. } => match *change {
            RelativeChange::Percent(p) if p < 0.0 => format!("基準値から{}%減少", number(-p)),
            RelativeChange::Percent(p) => format!("基準値から{}%増加", number(p)),
            RelativeChange::Points(d) if d < 0.0 => format!("{}ポイント低下", number(-d)),
            RelativeChange::Points(d) => format!("{}ポイント上昇", number(d)),
            RelativeChange::Hold => "現状維持".to_owned(),
        },
        Target::Average { value, from, to } => format!("{}の平均 {}", span(*from, *to, style), number(*value)),
        Target::Cumulative { value, from, to } => format!("累計 {}（{}）", number(*value), span(*from, *to, style)),
        Target::Bound { value, side, hold, .. } => {
            let bound = match side {
                BoundSide::AtLeast => format!("{}以上", number(*value)),
                BoundSide::AtMost => format!("{}以下", number(*value)),
            };
            if *hold {
                format!("維持（{bound}）")
            } else {
                bound
            }
        }
        Target::Value { .. } | Target::Direction | Target::PerYear { .. } => return None,
    })
}

/// 「令和3〜8年度」, 「2021〜2026年度」 (the CSV's own year style; one era written once).
fn span(from: FiscalYear, to: FiscalYear, style: YearStyle) -> String {
    match (style, from.era(), to.era()) {
        (YearStyle::Japanese, Some((a, _)), Some((b, _))) if a == b => {
            format!("{}〜{}", year(from, style).trim_end_matches("年度"), to.japanese().trim_start_matches(a.kanji()))
        }
        (YearStyle::Japanese, _, _) => format!("{}〜{}", year(from, style).trim_end_matches("年度"), year(to, style)),
        (YearStyle::Western, _, _) => format!("{}〜{}年度", from.western(), to.western()),
    }
}

/// A target written in words, or `None` when the text is not one (a number, an arrow, …).
/// `year` is the 目標年度 cell's year, for a relative or bound target.
pub(super) fn read(text: &str, year: Option<FiscalYear>, period: PlanPeriod) -> Option<Target> {
    let s = half_width(text).replace('％', "%").replace(['（', '('], "(").replace(['）', ')'], ")");
    if s == "現状維持" {
        return Some(Target::Relative { change: RelativeChange::Hold, year });
    }
    // Not read by calling itself: a cell of many nested 「維持(」 must not run deep.
    if let Some(inner) = s.strip_prefix("維持(").and_then(|r| r.strip_suffix(')')) {
        let (value, side) = bound(inner)?;
        return Some(Target::Bound { value, side, hold: true, year });
    }
    let relative = |body: &str, make: fn(f64) -> RelativeChange, sign: f64| {
        let v = leading_number(body)?;
        Some(Target::Relative { change: make(sign * v), year })
    };
    let body = s.strip_prefix("基準値から").unwrap_or(&s);
    for (suffix, make, sign) in [
        ("%減少", RelativeChange::Percent as fn(f64) -> RelativeChange, -1.0),
        ("%増加", RelativeChange::Percent, 1.0),
        ("ポイント上昇", RelativeChange::Points, 1.0),
        ("ポイント増加", RelativeChange::Points, 1.0),
        ("ポイント低下", RelativeChange::Points, -1.0),
        ("ポイント減少", RelativeChange::Points, -1.0),
    ] {
        if let Some(v) = body.strip_suffix(suffix) {
            return relative(v, make, sign);
        }
    }
    if s.ends_with("以上") || s.ends_with("以下") {
        let (value, side) = bound(&s)?;
        return Some(Target::Bound { value, side, hold: false, year });
    }
    // 「5年間の平均 1890」, 「5年間平均1890」: the plan's first years.
    if let Some((n, value)) = s.split_once("年間の平均").or_else(|| s.split_once("年間平均")) {
        let (from, to) = first_years(n, period)?;
        return Some(Target::Average { value: leading_number(value.trim_start())?, from, to });
    }
    if let Some((when, value)) = s.split_once("の平均") {
        let (from, to) = read_span(when)?;
        return Some(Target::Average { value: leading_number(value)?, from, to });
    }
    // 「累計 4386(平成27〜31年度)」
    if let Some(rest) = s.strip_prefix("累計") {
        let (value, when) = rest.split_once('(')?;
        let (from, to) = read_span(when.strip_suffix(')')?)?;
        return Some(Target::Cumulative { value: leading_number(value)?, from, to });
    }
    // 「平均 1890(令和3〜8年度)」
    if let Some(rest) = s.strip_prefix("平均") {
        let (value, when) = rest.split_once('(')?;
        let (from, to) = read_span(when.strip_suffix(')')?)?;
        return Some(Target::Average { value: leading_number(value)?, from, to });
    }
    // 「5年間で30」, 「5年間で累計15件」, 「5年間の累計 30」, 「5年間累計30」: the plan's first years.
    if let Some((n, value)) =
        s.split_once("年間で").or_else(|| s.split_once("年間の累計")).or_else(|| s.split_once("年間累計"))
    {
        let (from, to) = first_years(n, period)?;
        let value = value.trim_start();
        let value = value.strip_prefix("累計").unwrap_or(value).trim_start();
        return Some(Target::Cumulative { value: leading_number(value)?, from, to });
    }
    // 「平成27〜31年度の累計 4,386人」
    let (when, value) = s.split_once("の累計")?;
    let (from, to) = read_span(when)?;
    Some(Target::Cumulative { value: leading_number(value)?, from, to })
}

/// The plan's first `n` years (「5年間」), from its first year.
fn first_years(n: &str, period: PlanPeriod) -> Option<(FiscalYear, FiscalYear)> {
    let n: i32 = n.trim().parse().ok().filter(|n| (1..=50).contains(n))?;
    Some((period.first, FiscalYear(period.first.0 + n - 1)))
}

/// A per-year target's value as written in its cell: 「毎年380」, 「毎年度 2件」, 「380人/年」,
/// 「0/年」 → the number's text (「380」, 「2件」), for the cell reader; `None` for anything else.
pub(crate) fn per_year_text(text: &str) -> Option<String> {
    let s = half_width(text.trim());
    let s = s.trim();
    for prefix in ["毎年度", "毎年", "各年度"] {
        if let Some(rest) = s.strip_prefix(prefix) {
            let rest = rest.trim_start();
            return (!rest.is_empty()).then(|| rest.to_owned());
        }
    }
    let rest = s.strip_suffix("/年度").or_else(|| s.strip_suffix("/年"))?.trim_end();
    (!rest.is_empty()).then(|| rest.to_owned())
}

/// The number of a value written with its unit after it (「380人」, 「80%」), or alone.
pub(super) fn value_with_unit(text: &str) -> Option<f64> {
    let t = half_width(text.trim());
    if let Ok(v) = parse_number(&t) {
        return v.is_finite().then_some(v);
    }
    let digits = t.chars().take_while(|c| c.is_ascii_digit() || matches!(c, ',' | '.' | '-' | '−' | '+')).count();
    let unit = t.chars().skip(digits).collect::<String>();
    // A unit (人, %, 万円, t-CO2), not more words (「5年間で」).
    let words = unit.chars().any(|c| matches!(c, '年' | '間' | '累' | '計' | '平' | '均' | '以' | '毎' | '(' | ')'));
    (digits > 0 && unit.chars().count() <= 6 && !words).then(|| leading_number(&t)).flatten()
}

/// **The one target reader**: every target wording a town writes, as the table
/// import, the CSV import and the indicator form read it — an arrow or 増加/減少/維持 (a
/// direction only), 「毎年380」 / 「380人/年」 (per year), the words of [`read`] (累計 over a span or
/// 「5年間で」, 平均, 以上/以下, 基準値から…%減少, ポイント上昇, 現状維持), and a number (a value by
/// `year`). `None`: no target is written there (an empty cell, 「abc」).
pub fn read_target(text: &str, year: Option<FiscalYear>, period: PlanPeriod) -> Option<Target> {
    let t = text.trim();
    if t.is_empty() {
        return None;
    }
    if super::cells::is_direction_mark(t) {
        return Some(Target::Direction);
    }
    if let Some(v) = per_year_text(t) {
        return Some(Target::PerYear { value: value_with_unit(&v)? });
    }
    if let Some(words) = read(t, year, period) {
        return Some(words);
    }
    Some(Target::Value { value: value_with_unit(t)?, year })
}

/// 「80%以上」, 「10件以下」: the bound and its side.
fn bound(s: &str) -> Option<(f64, BoundSide)> {
    let (v, side) = match (s.strip_suffix("以上"), s.strip_suffix("以下")) {
        (Some(v), _) => (v, BoundSide::AtLeast),
        (None, Some(v)) => (v, BoundSide::AtMost),
        (None, None) => return None,
    };
    Some((leading_number(v)?, side))
}

/// 「令和3〜8年度」, 「平成27〜令和元年度」, 「2021〜2026年度」, 「R3~R8」: the right end takes the
/// left's era when it names none.
fn read_span(text: &str) -> Option<(FiscalYear, FiscalYear)> {
    let (a, b) = text.split_once(['〜', '~', '～', '-', '－', 'ー'])?;
    let from = FiscalYear::parse(a).ok()?;
    let to = FiscalYear::parse(b).ok().or_else(|| {
        let era: String = a.chars().take_while(|c| !c.is_ascii_digit() && *c != '元').collect();
        FiscalYear::parse(&format!("{era}{b}")).ok()
    })?;
    Some((from, to))
}

/// The number at the start of a text, before a unit: 「1,890人」 → 1890, 「80%」 → 80.
fn leading_number(text: &str) -> Option<f64> {
    let digits: String =
        text.chars().take_while(|c| c.is_ascii_digit() || matches!(c, ',' | '.' | '-' | '−' | '+')).collect();
    parse_number(&digits).ok().filter(|v| v.is_finite())
}

#[cfg(test)]
mod tests {
    use super::*;

    const P: PlanPeriod = PlanPeriod { first: FiscalYear(2022), last: FiscalYear(2026) };
    const FY: fn(i32) -> FiscalYear = FiscalYear;

    #[test]
    fn every_written_form_reads_back_as_its_target_in_both_year_styles() {
        let targets = [
            Target::Relative { change: RelativeChange::Percent(-10.0), year: Some(FY(2024)) },
            Target::Relative { change: RelativeChange::Percent(2.5), year: None },
            Target::Relative { change: RelativeChange::Points(5.0), year: None },
            Target::Relative { change: RelativeChange::Points(-1.5), year: Some(FY(2025)) },
            Target::Relative { change: RelativeChange::Hold, year: None },
            Target::Average { value: 1890.0, from: FY(2021), to: FY(2026) },
            Target::Cumulative { value: 4386.0, from: FY(2015), to: FY(2019) },
            Target::Cumulative { value: 4386.0, from: FY(2014), to: FY(2018) },
            Target::Bound { value: 80.0, side: BoundSide::AtLeast, hold: false, year: None },
            Target::Bound { value: 10.0, side: BoundSide::AtMost, hold: false, year: Some(FY(2025)) },
            Target::Bound { value: 90.0, side: BoundSide::AtLeast, hold: true, year: None },
        ];
        for style in [YearStyle::Japanese, YearStyle::Western] {
            for t in &targets {
                let text = written(t, style).unwrap();
                assert_eq!(read(&text, t.due_year().filter(|_| t.span().is_none()), P).as_ref(), Some(t), "{text}");
            }
        }
        let text = |t: &Target| written(t, YearStyle::Japanese).unwrap();
        assert_eq!(text(&targets[0]), "基準値から10%減少");
        assert_eq!(text(&targets[5]), "令和3〜8年度の平均 1890");
        assert_eq!(text(&targets[6]), "累計 4386（平成27〜令和元年度）");
        assert_eq!(text(&targets[7]), "累計 4386（平成26〜30年度）");
        assert_eq!(text(&targets[10]), "維持（90以上）");
        assert_eq!(written(&targets[5], YearStyle::Western).unwrap(), "2021〜2026年度の平均 1890");
        assert_eq!(written(&Target::Direction, YearStyle::Japanese), None);
    }

    #[test]
    fn the_forms_towns_print_read_as_targets() {
        let cumulative = |value, from, to| Some(Target::Cumulative { value, from: FY(from), to: FY(to) });
        assert_eq!(read("平成27〜31年度の累計 4,386人", None, P), cumulative(4386.0, 2015, 2019));
        assert_eq!(read("5年間で30", None, P), cumulative(30.0, 2022, 2026), "the plan's first five years");
        assert_eq!(read("５年間の累計 ３０人", None, P), cumulative(30.0, 2022, 2026));
        assert_eq!(
            read("令和3〜8年度の平均 1,890人", None, P),
            Some(Target::Average { value: 1890.0, from: FY(2021), to: FY(2026) })
        );
        assert_eq!(
            read("80％以上", None, P),
            Some(Target::Bound { value: 80.0, side: BoundSide::AtLeast, hold: false, year: None })
        );
        assert_eq!(
            read("維持(90%以上)", Some(FY(2025)), P),
            Some(Target::Bound { value: 90.0, side: BoundSide::AtLeast, hold: true, year: Some(FY(2025)) })
        );
        assert_eq!(
            read("基準値から10.0%減少", Some(FY(2024)), P),
            Some(Target::Relative { change: RelativeChange::Percent(-10.0), year: Some(FY(2024)) })
        );
        let nested = format!("{}80以上{}", "維持（".repeat(100_000), "）".repeat(100_000));
        assert_eq!(read(&nested, None, P), None, "nested brackets are not a bound, and do not run deep");
        for not_words in ["380", "↗", "", "累計", "令和3〜8年度の平均", "abc以上", "の累計 5", "維持（現状）"]
        {
            assert_eq!(read(not_words, None, P), None, "{not_words}");
        }
    }
}
