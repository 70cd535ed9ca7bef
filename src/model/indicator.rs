//! Indicators (数値目標・KPI), held once at strategy level, and their series: a single series or a
//! breakdown (男性/女性, 児童/生徒), each with baseline, target, interim targets and actuals.

use super::{FiscalYear, Id};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Indicator {
    pub id: Id,
    /// Display code, e.g. "5-1". Not unique: the 北本市 seed gives "3-1" to two indicators.
    #[serde(default)]
    pub code: String,
    pub name: String,
    /// "人", "%", "万円", "t-CO2" …
    #[serde(default)]
    pub unit: String,
    #[serde(default)]
    pub kind: IndicatorKind,
    #[serde(default)]
    pub direction: DesiredDirection,
    /// 出典
    #[serde(default)]
    pub source: String,
    #[serde(default)]
    pub notes: String,
    /// Its own section (担当課), by id; absent: its first measure's (`model::department`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub department: Option<Id>,
    /// At least one; several for a breakdown.
    pub series: Vec<Series>,
    /// The town's own verdict per fiscal year (効果検証), as written (`model::verdict`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub verdicts: Vec<super::Verdict>,
    /// 要因分析 per fiscal year: why the actual is where it is, as its section wrote it
    /// (`model::round`: a round asks for one where the actual misses its path).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub analyses: Vec<super::round::Analysis>,
    /// The previous period's indicator this one continues (`model::carry`), with its history.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub predecessor: Option<super::Predecessor>,
    /// Fields this version does not know, kept as they came (`model::unknown`).
    #[serde(flatten, default)]
    pub unknown: super::UnknownFields,
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum IndicatorKind {
    /// アウトカム指標
    #[default]
    Outcome,
    /// アウトプット指標
    Output,
}

impl IndicatorKind {
    /// Its value in a file (`outcome`, `output`).
    pub fn as_str(self) -> &'static str {
        match self {
            IndicatorKind::Outcome => "outcome",
            IndicatorKind::Output => "output",
        }
    }

    pub fn japanese(self) -> &'static str {
        match self {
            IndicatorKind::Outcome => "アウトカム",
            IndicatorKind::Output => "アウトプット",
        }
    }
}

/// Which way is better.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum DesiredDirection {
    /// 増加 ↗
    #[default]
    Increase,
    /// 減少 ↘
    Decrease,
    /// 維持 (keep at least the target)
    Maintain,
}

impl DesiredDirection {
    pub fn japanese(self) -> &'static str {
        match self {
            DesiredDirection::Increase => "増加",
            DesiredDirection::Decrease => "減少",
            DesiredDirection::Maintain => "維持",
        }
    }
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Series {
    pub id: Id,
    /// Empty for a single series; "男性", "児童" … for a breakdown.
    #[serde(default)]
    pub label: String,
    /// What the year of a value means (年度, 年, a date); fiscal years unless the table says.
    #[serde(default, skip_serializing_if = "YearBasis::is_fiscal")]
    pub year_basis: YearBasis,
    /// 出典 of this series when it differs from the indicator's (empty: the indicator's).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub source: String,
    /// The actuals are running totals (累計値), stored as printed: 「515（累計、うちH28年度255人）」
    /// holds 515. A year's own value is derived (`Series::yearly`); a total over a span reads the
    /// running total itself. Files before this field hold yearly values (`false`, not written).
    /// An older build keeps the field (a series keeps unknown fields), but reads the totals as
    /// yearly values.
    #[serde(default, skip_serializing_if = "is_false")]
    pub running_totals: bool,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub baseline: Option<Baseline>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub target: Option<Target>,
    /// The target is the population vision's 将来展望 figure (総人口, 合計特殊出生率, 社会増減数,
    /// 出生数) of a year (`model::population::targets`): set from it, and listed when the vision
    /// later gives another.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub from_vision: Option<super::population::VisionTarget>,
    /// Yearly interim targets (中間目標).
    #[serde(default)]
    pub interim: Vec<YearValue>,
    #[serde(default)]
    pub actuals: Vec<Actual>,
    /// Earlier targets, oldest first, each with when and why it was revised (`model::target_revision`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub target_history: Vec<super::TargetRevision>,
    /// Fields this version does not know, kept as they came (`model::unknown`).
    #[serde(flatten, default)]
    pub unknown: super::UnknownFields,
}

/// 当初値 (基準値): a value and, when the document gives one, its fiscal year.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Baseline {
    pub value: f64,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub year: Option<FiscalYear>,
}

/// 目標値.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Target {
    /// A value to reach by a year (the plan's last year when no year is given).
    Value {
        value: f64,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        year: Option<FiscalYear>,
    },
    /// Only a direction, the seeds' "↗": met when the actual moved the desired way.
    Direction,
    /// A value every year, e.g. "0人/年", "2件/年": met when the year's actual is on the right side.
    PerYear { value: f64 },
    /// A change from the baseline, stored as the table writes it: 「基準値から10.0%減少（令和6年度）」,
    /// 「5ポイント上昇」, 「現状維持」. The value it comes to is derived from the baseline
    /// (`Series::target_value`); without a baseline there is none, and the checks list says so.
    Relative {
        change: RelativeChange,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        year: Option<FiscalYear>,
    },
    /// The mean of the actuals of a span of fiscal years (both ends included) against `value`:
    /// 「令和3〜8年度の平均 1,890人」.
    Average { value: f64, from: FiscalYear, to: FiscalYear },
    /// The sum of the actuals of a span of fiscal years (both ends included) against a total:
    /// 「平成27〜31年度の累計 4,386人」. A table that gives only 「5年間で」 is read as the plan's
    /// first five years (the form and the CSV reader fill the span; a stored span is always
    /// explicit, so a later change of the plan period does not move it).
    Cumulative { value: f64, from: FiscalYear, to: FiscalYear },
    /// A bound the actual must keep, whatever the baseline: 「80%以上」, 「10件以下」, and with
    /// `hold` the 「維持（90%以上）」 form. `year`, when the table gives one, is only shown.
    Bound {
        value: f64,
        side: BoundSide,
        #[serde(default, skip_serializing_if = "is_false")]
        hold: bool,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        year: Option<FiscalYear>,
    },
}

fn is_false(b: &bool) -> bool {
    !*b
}

/// How a relative target moves from the baseline. Signed: −10.0 percent is 「10.0%減少」.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum RelativeChange {
    /// 「基準値から10.0%減少」: `{"percent": -10.0}`.
    Percent(f64),
    /// 「5ポイント上昇」 (a rate's points, or the unit's): `{"points": 5.0}`.
    Points(f64),
    /// 「現状維持」: the baseline itself.
    Hold,
}

impl RelativeChange {
    /// The value this change comes to from a baseline.
    pub fn from_baseline(self, baseline: f64) -> f64 {
        match self {
            RelativeChange::Percent(p) => baseline * (1.0 + p / 100.0),
            RelativeChange::Points(d) => baseline + d,
            RelativeChange::Hold => baseline,
        }
    }
}

/// Which side of a bound is met (the bound itself counts as met).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum BoundSide {
    /// 以上
    AtLeast,
    /// 以下
    AtMost,
}

impl BoundSide {
    pub fn holds(self, actual: f64, bound: f64) -> bool {
        const EPSILON: f64 = 1e-9;
        match self {
            BoundSide::AtLeast => actual >= bound - EPSILON,
            BoundSide::AtMost => actual <= bound + EPSILON,
        }
    }
}

impl Target {
    /// The fiscal year the target is due, as written: a value's, a relative one's or a bound's
    /// year, the last of a span; `None` when the table gives none or the target has no year.
    pub fn due_year(&self) -> Option<FiscalYear> {
        match self {
            Target::Value { year, .. } | Target::Relative { year, .. } | Target::Bound { year, .. } => *year,
            Target::Average { to, .. } | Target::Cumulative { to, .. } => Some(*to),
            Target::Direction | Target::PerYear { .. } => None,
        }
    }

    /// The span of a span target (average, cumulative), both ends included.
    pub fn span(&self) -> Option<(FiscalYear, FiscalYear)> {
        match self {
            Target::Average { from, to, .. } | Target::Cumulative { from, to, .. } => Some((*from, *to)),
            _ => None,
        }
    }

    /// The years the target speaks of in plan `period`: a value's or a relative one's due year
    /// (the plan's assumed target year when none is written), a bound's year, or every year of
    /// the plan for a bound without one and for a per-year target; each year of a span; none for
    /// a direction. A table of years shows a column for each.
    pub fn years(&self, period: super::PlanPeriod) -> Vec<FiscalYear> {
        match self {
            Target::Value { year, .. } | Target::Relative { year, .. } => {
                vec![year.unwrap_or(period.assumed_target_year())]
            }
            Target::PerYear { .. } | Target::Bound { year: None, .. } => period.years().collect(),
            Target::Bound { year: Some(y), .. } => vec![*y],
            Target::Average { from, to, .. } | Target::Cumulative { from, to, .. } => {
                (from.0..=to.0).map(FiscalYear).collect()
            }
            Target::Direction => Vec::new(),
        }
    }
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct YearValue {
    pub year: FiscalYear,
    pub value: f64,
}

/// 実績値 of a fiscal year.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Actual {
    pub year: FiscalYear,
    pub value: f64,
    /// 速報値 (provisional) rather than 確定値.
    #[serde(default)]
    pub provisional: bool,
    #[serde(default)]
    pub comment: String,
    /// 出典 of this value alone, when it differs from the series' (e.g. a survey's one year).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub source: String,
}

/// What the year of a series' values means, as the town's table writes it: 「令和5年度」 (a
/// fiscal year, April–March), 「2023年」 (a calendar year), 「令和5年4月1日現在」 (a date in
/// the value's year) or 「令和5年3月末」, 「平成28年6月現在」 (a month without a day). The values
/// stay in the fiscal-year columns of the stored year number; only the words change, so a
/// 「2019年」 value is never shown as 「2019年度」.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum YearBasis {
    /// 年度 — what every file before this field meant.
    #[default]
    Fiscal,
    /// 年（暦年）
    Calendar,
    /// 「4月1日現在」, 「10月1日時点」: the month and day, the year being the value's.
    AsOf { month: u8, day: u8 },
    /// A month without a day, the year being the value's: 「3月末」 (`end`, also 「3月末現在」) or
    /// 「6月現在」 (「6月」, 「6月時点」, 「平成28年6月 調査結果」). Added after `AsOf` without a version
    /// bump: a file without one reads as before; an older build refuses a file holding one
    /// with its path, as it does a newer target kind.
    AsOfMonth { month: u8, end: bool },
}

impl YearBasis {
    pub fn is_fiscal(&self) -> bool {
        *self == YearBasis::Fiscal
    }

    /// Reads 「年度」, 「年」/「暦年」, 「4月1日現在」/「10月1日時点」 (full-width digits too);
    /// an empty cell is a fiscal year; anything else is `None`.
    pub fn parse(text: &str) -> Option<YearBasis> {
        let t = super::half_width(text.trim());
        let t = t.trim();
        match t {
            "" | "年度" => return Some(YearBasis::Fiscal),
            "年" | "暦年" | "年(暦年)" => return Some(YearBasis::Calendar),
            _ => {}
        }
        let date = ["現在", "時点"].iter().find_map(|w| t.strip_suffix(w)).unwrap_or(t).trim();
        if let Some(basis) = YearBasis::parse_month(date) {
            return Some(basis);
        }
        let (month, day) = date.strip_suffix('日')?.split_once('月')?;
        let (month, day): (u8, u8) = (month.trim().parse().ok()?, day.trim().parse().ok()?);
        YearBasis::is_possible_day(month, day).then_some(YearBasis::AsOf { month, day })
    }

    /// 「3月末」, 「3月末日」, 「6月」 (現在/時点 already cut off): a month-only basis.
    fn parse_month(date: &str) -> Option<YearBasis> {
        let (month, end) = match date.strip_suffix("末日").or_else(|| date.strip_suffix('末')) {
            Some(m) => (m, true),
            None => (date, false),
        };
        let month: u8 = month.strip_suffix('月')?.trim().parse().ok()?;
        (1..=12).contains(&month).then_some(YearBasis::AsOfMonth { month, end })
    }

    /// Reads a value's year as a series of this basis writes it (`locale::value_year`):
    /// 「令和5年」, 「2023年」, 「CY2023 (R5)」, 「令和5年4月1日現在」, 「as of 1 Apr 2023」 — and
    /// whatever `FiscalYear::parse` reads (令和5年度, R5, 2023), the year number being the same.
    pub fn read_year(self, text: &str) -> Result<FiscalYear, super::FiscalYearError> {
        let plain = FiscalYear::parse(text);
        if plain.is_ok() || self.is_fiscal() {
            return plain;
        }
        // Spaces gone, letters upper-cased: 「AS OF 1 APR 2023」 is 「ASOF1APR2023」.
        let t = super::half_width(text);
        // The era beside a western year: 「CY2023(R5)」.
        let t = t.split(['(', '（']).next().unwrap_or_default();
        let t = t.strip_prefix("CY").unwrap_or(t);
        let t = match t.strip_prefix("ASOF") {
            Some(rest) => rest.get(rest.len().saturating_sub(4)..).unwrap_or_default(),
            None => t,
        };
        // 「令和5年4月1日現在」, 「令和5年3月末」, 「平成28年6月調査結果」: the year is what comes
        // before the month.
        let t = ["現在", "時点", "調査結果", "調査"].iter().find_map(|w| t.strip_suffix(w)).unwrap_or(t);
        let t = match (t.ends_with('日') || t.ends_with('月') || t.ends_with("月末"), t.find('年')) {
            (true, Some(at)) => &t[..at + '年'.len_utf8()],
            _ => t,
        };
        FiscalYear::parse(t).or(plain)
    }

    /// Whether a month and day exist in some year: 2月29日 does (a leap year's), 2月30日 and
    /// 4月31日 never do.
    pub fn is_possible_day(month: u8, day: u8) -> bool {
        let days = match month {
            1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
            4 | 6 | 9 | 11 => 30,
            2 => 29,
            _ => return false,
        };
        (1..=days).contains(&day)
    }

    /// An as-of basis whose day its month never has (a file can hold 「2月30日現在」), or a
    /// month-only one of no month (「13月」).
    pub fn is_impossible(self) -> bool {
        match self {
            YearBasis::AsOf { month, day } => !YearBasis::is_possible_day(month, day),
            YearBasis::AsOfMonth { month, .. } => !(1..=12).contains(&month),
            YearBasis::Fiscal | YearBasis::Calendar => false,
        }
    }

    /// Whether the values are each of a point in the year (a date or a month), not of a year.
    pub fn is_as_of(self) -> bool {
        matches!(self, YearBasis::AsOf { .. } | YearBasis::AsOfMonth { .. })
    }

    /// The written form 「年度」, 「年」, 「4月1日現在」 (`parse` reads it back).
    pub fn written(self) -> String {
        match self {
            YearBasis::Fiscal => "年度".to_owned(),
            YearBasis::Calendar => "年".to_owned(),
            YearBasis::AsOf { month, day } => format!("{month}月{day}日現在"),
            YearBasis::AsOfMonth { month, end: true } => format!("{month}月末"),
            YearBasis::AsOfMonth { month, end: false } => format!("{month}月現在"),
        }
    }
}

impl Indicator {
    pub fn new(code: &str, name: &str, unit: &str) -> Indicator {
        Indicator {
            id: Id::new("ind"),
            code: code.to_owned(),
            name: name.to_owned(),
            unit: unit.to_owned(),
            kind: IndicatorKind::Outcome,
            direction: DesiredDirection::Increase,
            source: String::new(),
            notes: String::new(),
            department: None,
            series: vec![Series::new("")],
            verdicts: Vec::new(),
            analyses: Vec::new(),
            predecessor: None,
            unknown: Default::default(),
        }
    }
}

impl Actual {
    /// A final value without comment or source of its own.
    pub fn new(year: FiscalYear, value: f64) -> Actual {
        Actual { year, value, provisional: false, comment: String::new(), source: String::new() }
    }
}

impl Series {
    /// The source that applies to this series: its own, else the indicator's (empty: none).
    pub fn source_or<'a>(&'a self, indicator_source: &'a str) -> &'a str {
        if self.source.trim().is_empty() {
            indicator_source
        } else {
            &self.source
        }
    }

    pub fn set_source(&mut self, year: FiscalYear, source: String) {
        if let Some(a) = self.actuals.iter_mut().find(|a| a.year == year) {
            a.source = source;
        }
    }

    /// The years this series holds something for: actuals, interim targets, the baseline's and
    /// the target's year (each once per place; `PlanPeriod::with` orders and dedups them).
    /// A span target brings every year of its span.
    pub fn years(&self) -> impl Iterator<Item = FiscalYear> + '_ {
        let target_year = self.target.as_ref().and_then(Target::due_year);
        let span = self.target.as_ref().and_then(Target::span);
        (self.actuals.iter().map(|a| a.year))
            .chain(self.interim.iter().map(|v| v.year))
            .chain(self.baseline.as_ref().and_then(|b| b.year))
            .chain(target_year)
            .chain(span.into_iter().flat_map(|(from, to)| (from.0..=to.0).map(FiscalYear)))
    }

    /// The value the target comes to: a relative target's derived from the baseline (none
    /// without a finite baseline), a span's or bound's as written; `None` for a direction.
    pub fn target_value(&self) -> Option<f64> {
        self.value_of(self.target.as_ref()?)
    }

    /// The actuals of the years `from..=to` (finite values only), in year order.
    pub fn actuals_within(&self, from: FiscalYear, to: FiscalYear) -> impl Iterator<Item = &Actual> + '_ {
        self.actuals.iter().filter(move |a| a.year >= from && a.year <= to && a.value.is_finite())
    }

    pub fn new(label: &str) -> Series {
        Series {
            id: Id::new("series"),
            label: label.to_owned(),
            year_basis: YearBasis::Fiscal,
            source: String::new(),
            running_totals: false,
            baseline: None,
            target: None,
            interim: Vec::new(),
            actuals: Vec::new(),
            from_vision: None,
            target_history: Vec::new(),
            unknown: Default::default(),
        }
    }

    pub fn actual(&self, year: FiscalYear) -> Option<&Actual> {
        self.actuals.iter().find(|a| a.year == year)
    }

    /// Sets or (with `None`) removes the actual of a year (missing is not zero); actuals stay
    /// sorted by year. A changed value keeps the year's provisional flag and comment.
    pub fn set_actual(&mut self, year: FiscalYear, value: Option<f64>) {
        match value {
            Some(value) => match self.actuals.iter_mut().find(|a| a.year == year) {
                Some(a) => a.value = value,
                None => self.actuals.push(Actual::new(year, value)),
            },
            None => self.actuals.retain(|a| a.year != year),
        }
        crate::sorting::by_key(&mut self.actuals, |a| a.year);
    }

    /// Writes a year's actual as an import reads it (a CSV, a table, pasted cells): the value,
    /// its 速報 flag, and a mark written beside the number (「※」, 「推計」) as its comment when it
    /// has none.
    pub fn write_actual(&mut self, year: FiscalYear, value: f64, provisional: bool, mark: Option<&str>) {
        self.set_actual(year, Some(value));
        self.set_provisional(year, provisional);
        if let Some(mark) = mark {
            if self.actual(year).is_some_and(|a| a.comment.is_empty()) {
                self.set_comment(year, mark.to_owned());
            }
        }
    }

    /// Marks a year's actual provisional (速報値) or final; no actual, no change.
    pub fn set_provisional(&mut self, year: FiscalYear, provisional: bool) {
        if let Some(a) = self.actuals.iter_mut().find(|a| a.year == year) {
            a.provisional = provisional;
        }
    }

    pub fn set_comment(&mut self, year: FiscalYear, comment: String) {
        if let Some(a) = self.actuals.iter_mut().find(|a| a.year == year) {
            a.comment = comment;
        }
    }

    /// Sets or (with `None`) removes the interim target of a year; kept sorted by year.
    pub fn set_interim(&mut self, year: FiscalYear, value: Option<f64>) {
        match value {
            Some(value) => match self.interim.iter_mut().find(|v| v.year == year) {
                Some(v) => v.value = value,
                None => self.interim.push(YearValue { year, value }),
            },
            None => self.interim.retain(|v| v.year != year),
        }
        crate::sorting::by_key(&mut self.interim, |v| v.year);
    }

    /// The latest fiscal year with an actual.
    pub fn latest_actual(&self) -> Option<&Actual> {
        self.actuals.iter().max_by_key(|a| a.year)
    }

    /// The value of a year on its own: the actual, or for running totals (`running_totals`) the
    /// year's total less the year before's — only when both are there and finite (a gap is not
    /// bridged: 令和4年度 missing leaves 令和5年度 without a yearly value).
    pub fn yearly(&self, year: FiscalYear) -> Option<f64> {
        let value = |y: FiscalYear| self.actual(y).map(|a| a.value).filter(|v| v.is_finite());
        if !self.running_totals {
            return value(year);
        }
        let before = FiscalYear(year.0.checked_sub(1)?);
        Some(value(year)? - value(before)?)
    }

    /// The yearly values of the years `from..=to` that have one (`yearly`), in year order.
    pub fn yearly_within(&self, from: FiscalYear, to: FiscalYear) -> Vec<(FiscalYear, f64)> {
        let years = self.actuals.iter().map(|a| a.year).filter(|y| *y >= from && *y <= to);
        years.filter_map(|y| Some((y, self.yearly(y)?))).collect()
    }

    /// The total of the span `from..=to` up to `year`: the sum of its actuals, or for running
    /// totals the printed total of the latest year of the span up to `year` (a town prints the
    /// total since the span began: 「515（累計）」 in 平成28年度 of 平成27〜31年度). `None`
    /// with no actual in the span so far.
    pub fn total_within(&self, from: FiscalYear, to: FiscalYear) -> Option<f64> {
        let mut within = self.actuals_within(from, to).peekable();
        within.peek()?;
        if self.running_totals {
            within.max_by_key(|a| a.year).map(|a| a.value)
        } else {
            Some(within.map(|a| a.value).sum())
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::PlanPeriod;

    #[test]
    fn a_target_speaks_of_its_due_year_the_plans_years_or_its_span() {
        let period = PlanPeriod { first: FiscalYear(2020), last: FiscalYear(2024) };
        let years = |t: Target| t.years(period).into_iter().map(|y| y.0).collect::<Vec<_>>();
        assert_eq!(years(Target::Value { value: 1.0, year: Some(FiscalYear(2022)) }), [2022]);
        assert_eq!(years(Target::Value { value: 1.0, year: None }), [period.assumed_target_year().0], "assumed");
        assert_eq!(years(Target::Relative { change: RelativeChange::Hold, year: None }), [2024]);
        assert_eq!(years(Target::PerYear { value: 0.0 }), [2020, 2021, 2022, 2023, 2024]);
        let bound = |year| Target::Bound { value: 80.0, side: BoundSide::AtLeast, hold: false, year };
        assert_eq!(years(bound(None)), [2020, 2021, 2022, 2023, 2024]);
        assert_eq!(years(bound(Some(FiscalYear(2023)))), [2023]);
        assert_eq!(
            years(Target::Cumulative { value: 9.0, from: FiscalYear(2019), to: FiscalYear(2021) }),
            [2019, 2020, 2021]
        );
        assert!(years(Target::Direction).is_empty());
    }

    #[test]
    fn an_as_of_basis_is_read_only_with_a_day_its_month_has() {
        let as_of = |month, day| Some(YearBasis::AsOf { month, day });
        assert_eq!(YearBasis::parse("2月29日現在"), as_of(2, 29), "a leap year's day");
        assert_eq!(YearBasis::parse("4月30日現在"), as_of(4, 30));
        assert_eq!(YearBasis::parse("12月31日時点"), as_of(12, 31));
        for impossible in ["2月30日現在", "4月31日現在", "6月31日", "11月31日時点", "1月32日現在", "1月0日現在"]
        {
            assert_eq!(YearBasis::parse(impossible), None, "{impossible}");
        }
        assert!(YearBasis::AsOf { month: 2, day: 30 }.is_impossible());
        assert!(YearBasis::AsOf { month: 13, day: 1 }.is_impossible());
        assert!(!YearBasis::AsOf { month: 2, day: 29 }.is_impossible());
        assert!(!YearBasis::Calendar.is_impossible() && !YearBasis::Fiscal.is_impossible());
    }

    #[test]
    fn a_value_year_is_read_back_as_its_basis_writes_it() {
        let april = YearBasis::AsOf { month: 4, day: 1 };
        let read = |basis: YearBasis, text: &str| basis.read_year(text).ok().map(|y| y.0);
        for text in ["令和5年", "2023年", "CY2023", "CY2023 (R5)", "R5", "令和5年度", "２０２３"] {
            assert_eq!(read(YearBasis::Calendar, text), Some(2023), "{text}");
        }
        for text in ["令和5年4月1日現在", "2023年4月1日現在", "as of 1 Apr 2023", "令和5年", "2023"] {
            assert_eq!(read(april, text), Some(2023), "{text}");
        }
        assert_eq!(read(YearBasis::AsOf { month: 10, day: 1 }, "令和元年10月1日現在"), Some(2019));
        assert_eq!(read(YearBasis::Fiscal, "CY2023"), None, "a fiscal year is read as before");
        assert!(YearBasis::Calendar.read_year("上期").is_err());
        assert!(april.read_year("4月1日現在").is_err());
        let end = YearBasis::AsOfMonth { month: 3, end: true };
        for text in ["令和5年3月末", "令和5年3月末現在", "2023年3月末", "令和5年", "2023"] {
            assert_eq!(read(end, text), Some(2023), "{text}");
        }
        let june = YearBasis::AsOfMonth { month: 6, end: false };
        for text in ["平成28年6月", "平成28年6月現在", "平成28年6月 調査結果", "平成28年6月調査"]
        {
            assert_eq!(read(june, text), Some(2016), "{text}");
        }
    }

    #[test]
    fn a_series_table_has_the_plan_years_and_every_year_with_data_once() {
        let mut s = Series::new("");
        s.baseline = Some(Baseline { value: 340.0, year: Some(FiscalYear(2018)) });
        s.target = Some(Target::Value { value: 380.0, year: Some(FiscalYear(2026)) });
        s.set_actual(FiscalYear(2021), Some(350.0));
        s.set_actual(FiscalYear(2019), Some(345.0));
        let period = PlanPeriod { first: FiscalYear(2020), last: FiscalYear(2024) };
        let years: Vec<i32> = period.with(s.years()).into_iter().map(|y| y.0).collect();
        assert_eq!(years, [2018, 2019, 2020, 2021, 2022, 2023, 2024, 2026]);
    }

    #[test]
    fn actuals_are_set_sorted_and_removed_never_zeroed() {
        let mut s = Series::new("男性");
        s.set_actual(FiscalYear(2024), Some(18.9));
        s.set_actual(FiscalYear(2022), Some(18.8));
        s.set_provisional(FiscalYear(2022), true);
        s.set_comment(FiscalYear(2022), "速報".into());
        s.set_actual(FiscalYear(2022), Some(18.85));
        assert_eq!(s.actuals.iter().map(|a| (a.year.0, a.value)).collect::<Vec<_>>(), [(2022, 18.85), (2024, 18.9)]);
        assert!(s.actuals[0].provisional && s.actuals[0].comment == "速報", "a new value keeps flag and comment");
        s.set_actual(FiscalYear(2024), None);
        assert_eq!(s.actuals.len(), 1);
        s.set_provisional(FiscalYear(2030), true);
        assert_eq!(s.actuals.len(), 1, "no actual, nothing to flag");
        s.set_interim(FiscalYear(2025), Some(19.0));
        s.set_interim(FiscalYear(2023), Some(18.7));
        assert_eq!(s.interim.iter().map(|v| v.year.0).collect::<Vec<_>>(), [2023, 2025]);
        s.set_interim(FiscalYear(2023), None);
        assert_eq!(s.interim.len(), 1);
    }
}
