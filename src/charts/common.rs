//! Pieces the chart builders share: fiscal-year labels, data points (with gaps), colours,
//! labels of goals and measures, axes and table cells.

use super::Words;
use crate::locale::{self, tr, Language, YearStyle};
use crate::model::{FiscalYear, Goal, GoalKind, Measure};
use charming::component::Axis;
use charming::datatype::{CompositeValue, DataPoint, DataPointItem, NumericValue};
use charming::element::{AxisType, ItemStyle, NameLocation, Tooltip, Trigger};

/// Series colours (Okabe–Ito, then two of Tol's), distinguishable with colour-vision deficiencies.
pub const PALETTE: [&str; 8] = ["#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#882255", "#44AA99"];

/// The colour of the n-th series, cycling through [`PALETTE`].
pub fn colour(n: usize) -> &'static str {
    PALETTE[n % PALETTE.len()]
}

/// Grey for "nothing here" (no data, not rated).
/// "No data" / "not rated": 3.4:1 on white, enough for a graphic (WCAG 1.4.11; #9E9E9E was 2.7:1).
pub const GREY: &str = "#8A8A8A";

/// The short label on a year axis: "R6" in the Japanese style, "2024" in the Western one.
pub fn axis_year(fy: FiscalYear, w: Words) -> String {
    match w.years {
        YearStyle::Japanese => fy.short(),
        YearStyle::Western => fy.western().to_string(),
    }
}

/// The full year for tooltips and tables: 令和6年度 / 2024年度 / FY2024 (R6) / FY2024.
pub fn long_year(fy: FiscalYear, w: Words) -> String {
    locale::year(fy, w.lang, w.years)
}

/// Every fiscal year from `first` to `last`, both included.
pub fn years(first: FiscalYear, last: FiscalYear) -> Vec<FiscalYear> {
    (first.0..=last.0).map(FiscalYear).collect()
}

/// A data point: `null` (a gap, never 0) when there is no value, else `{value, name}`, the name
/// being what the tooltip shows (the full fiscal year, a goal's whole title) as plain text.
pub fn point<V: Into<NumericValue>>(value: Option<V>, name: &str) -> DataPoint {
    match value {
        None => DataPoint::Value(CompositeValue::OptionalNumber(None)),
        Some(v) => DataPointItem::new(CompositeValue::Number(v.into())).name(name).into(),
    }
}

/// Like [`point`], with its own item style.
pub fn styled_point<V: Into<NumericValue>>(value: Option<V>, name: &str, style: ItemStyle) -> DataPoint {
    match value {
        None => point(None::<f64>, name),
        Some(v) => DataPointItem::new(CompositeValue::Number(v.into())).name(name).item_style(style).into(),
    }
}

/// A table cell: the number as the documents write it, or "—" when there is none.
pub fn cell(value: Option<f64>) -> String {
    value.filter(|v| v.is_finite()).map_or_else(|| "—".to_owned(), locale::number)
}

/// Tooltips on the item under the pointer (its name and value; rich text, see `Figure::option`).
pub fn item_tooltip() -> Tooltip {
    Tooltip::new().trigger(Trigger::Item)
}

pub fn category_axis(labels: Vec<String>) -> Axis {
    Axis::new().type_(AxisType::Category).data(labels)
}

/// A value axis named by its unit (no name when the unit is empty).
pub fn value_axis(unit: &str) -> Axis {
    let axis = Axis::new().type_(AxisType::Value);
    if unit.is_empty() {
        axis
    } else {
        axis.name(unit)
    }
}

/// The value axis under horizontal bars: counts, named below its middle.
pub fn count_axis(name: &str) -> Axis {
    Axis::new().type_(AxisType::Value).name(name).name_location(NameLocation::Middle).name_gap(28).min_interval(1)
}

/// "基本目標1" / "横断的な目標2" / "Basic goal 1" / "Cross-cutting goal 2".
pub fn goal_short(goal: &Goal, lang: Language) -> String {
    let kind = match goal.kind {
        GoalKind::Basic => tr(lang, "基本目標", "Basic goal"),
        GoalKind::CrossCutting => tr(lang, "横断的な目標", "Cross-cutting goal"),
    };
    let number = goal.number.trim();
    match (lang, number.is_empty()) {
        (_, true) => kind.to_owned(),
        (Language::Ja, false) => format!("{kind}{number}"),
        (Language::En, false) => format!("{kind} {number}"),
    }
}

/// "基本目標1 稼ぐ産業と…" / "Basic goal 1: …": a goal's number and whole title, as plain text.
pub fn goal_label(goal: &Goal, lang: Language) -> String {
    let short = goal_short(goal, lang);
    if goal.title.trim().is_empty() {
        return short;
    }
    match lang {
        Language::Ja => format!("{short} {}", goal.title),
        Language::En => format!("{short}: {}", goal.title),
    }
}

/// "1 町内会等への加入促進": a measure's number and title.
pub fn measure_label(measure: &Measure) -> String {
    numbered(&measure.number, &measure.title)
}

/// A display number and a title, the number left out when empty.
pub fn numbered(number: &str, title: &str) -> String {
    match number.trim() {
        "" => title.to_owned(),
        n => format!("{n} {title}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Goal;

    fn words(lang: Language, years: YearStyle) -> Words {
        Words { lang, years }
    }

    #[test]
    fn years_read_short_on_axes_and_long_elsewhere() {
        let fy = FiscalYear(2024);
        assert_eq!(axis_year(fy, words(Language::Ja, YearStyle::Japanese)), "R6");
        assert_eq!(axis_year(fy, words(Language::En, YearStyle::Japanese)), "R6");
        assert_eq!(axis_year(fy, words(Language::Ja, YearStyle::Western)), "2024");
        assert_eq!(long_year(fy, words(Language::Ja, YearStyle::Japanese)), "令和6年度");
        assert_eq!(long_year(fy, words(Language::En, YearStyle::Western)), "FY2024");
    }

    #[test]
    fn missing_values_are_null_points_not_zero() {
        assert_eq!(serde_json::to_value(point(None::<f64>, "令和6年度")).unwrap(), serde_json::Value::Null);
        assert_eq!(
            serde_json::to_value(point(Some(0.0), "令和6年度")).unwrap(),
            serde_json::json!({"value": 0.0, "name": "令和6年度"})
        );
        assert_eq!(cell(None), "—");
        assert_eq!(cell(Some(f64::NAN)), "—");
        assert_eq!(cell(Some(272_000.0)), "272,000");
    }

    #[test]
    fn goals_are_labelled_by_kind_and_number() {
        let basic = Goal::new(GoalKind::Basic, "1", "稼ぐ産業");
        let cross = Goal::new(GoalKind::CrossCutting, "2", "新しい時代");
        assert_eq!(goal_label(&basic, Language::Ja), "基本目標1 稼ぐ産業");
        assert_eq!(goal_label(&cross, Language::En), "Cross-cutting goal 2: 新しい時代");
        assert_eq!(goal_short(&Goal::new(GoalKind::Basic, " ", "x"), Language::Ja), "基本目標");
        assert_eq!(goal_label(&Goal::new(GoalKind::Basic, "3", ""), Language::Ja), "基本目標3");
        assert_eq!(numbered("", "取組"), "取組");
    }
}
