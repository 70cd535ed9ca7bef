//! What a problem is: its place (a JSON-style path) and its kind, each kind with one severity.
//! Data only; `locale` puts it into words.

use crate::model::{FiscalYear, Id, Money, YearBasis};

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Severity {
    Error,
    Warning,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Problem {
    /// Where, from the strategy's root: `goals[2].measures[0].kpis[1]`.
    pub path: String,
    pub kind: ProblemKind,
}

/// What is wrong. Each kind has one severity.
#[derive(Clone, Debug, PartialEq)]
pub enum ProblemKind {
    /// Something wrong with the 地方人口ビジョン (its own severity).
    Population(crate::model::population::VisionProblem),
    /// The same id is defined twice; `first` is where it was seen first.
    DuplicateId {
        id: Id,
        first: String,
    },
    /// An id that breaks the id rule (`model::is_safe_id`): it cannot be stored or opened.
    UnsafeId {
        id: Id,
    },
    UnknownIndicator {
        id: Id,
    },
    UnknownMeasure {
        id: Id,
    },
    UnknownInitiative {
        id: Id,
    },
    UnknownNationalGoal {
        id: Id,
    },
    /// A measure, initiative or KPI names a section (担当課) the strategy's list does not hold.
    UnknownDepartment {
        id: Id,
    },
    /// The plan period ends before it starts.
    PeriodReversed {
        first: FiscalYear,
        last: FiscalYear,
    },
    /// A fiscal year Shirube cannot represent (before 1926 or after 2200).
    YearOutOfRange {
        year: FiscalYear,
    },
    /// The same fiscal year twice in a list that holds one entry per year.
    DuplicateYear {
        year: FiscalYear,
    },
    NegativeMoney {
        value: Money,
    },
    NotFinite,
    InvalidSdg {
        number: u8,
    },
    IndicatorWithoutSeries,
    EmptyRatingLabel,
    BadScheduleDate,
    // — warnings —
    YearOutsidePeriod {
        year: FiscalYear,
    },
    BaselineMissing,
    IndicatorUnused,
    UnknownRatingLabel {
        label: String,
    },
    MunicipalityCodeInvalid {
        code: String,
    },
    EmptyTitle,
    RelistedOwnInitiative {
        id: Id,
    },
    RatingThresholdsNotDescending,
    /// A workshop note about a goal or measure that is no longer in the strategy (the note is
    /// kept; it is shown without a place).
    UnknownNoteTarget {
        id: Id,
    },
    /// A workshop's date is not a calendar date "2025-07-12".
    BadWorkshopDate,
    /// A second round for a fiscal year (two members opened one at once): the first is used.
    DuplicateRound {
        year: FiscalYear,
    },
    /// A round's deadline or opening date is not a calendar date "2025-07-12".
    BadRoundDate {
        date: String,
    },
    /// An opinion names a hearing the strategy does not hold (the opinion is kept).
    UnknownHearing {
        id: Id,
    },
    /// An opinion is about a goal, measure, indicator or section that is no longer in the
    /// strategy (the opinion is kept; it is shown as about the whole).
    UnknownOpinionItem {
        id: Id,
    },
    /// A パブリックコメント's 意見募集期間 with a day that is not a calendar date, or that ends
    /// before it starts.
    BadCommentPeriod,
    /// An evaluation's date is not a calendar date "2025-07-12".
    BadEvaluationDate {
        date: String,
    },
    /// A baseline printed without its year (北本市's table: 「3,908件」): progress and the path
    /// take it as `assumed`, the year before the plan.
    BaselineYearUnknown {
        assumed: FiscalYear,
        /// What the series' years mean (the words say 年 for a calendar year).
        basis: YearBasis,
    },
    /// A value target without its year: progress and the path take it as due in `assumed`, the
    /// plan's last year.
    TargetYearUnknown {
        assumed: FiscalYear,
        basis: YearBasis,
    },
    /// A relative target (「基準値から10%減少」, 「現状維持」) without a baseline: the value it comes
    /// to cannot be worked out, so the series has no progress.
    RelativeTargetWithoutBaseline,
    /// A span target (average, cumulative) that ends before it starts.
    SpanReversed {
        from: FiscalYear,
        to: FiscalYear,
    },
    /// A target revision's date that is not a real YYYY-MM-DD (2023-02-30). `series` is the
    /// series' label (empty: unnamed), here and below.
    RevisionDateInvalid {
        series: String,
        year: FiscalYear,
        date: String,
    },
    /// A revision dated outside the fiscal year it is recorded in (2023-05-01 for 令和4年度).
    RevisionDateOutsideYear {
        series: String,
        year: FiscalYear,
        date: String,
    },
    /// A target revised in a fiscal year outside the plan period: revisions are made mid-plan
    /// (a carried-over indicator starts the next period without them).
    RevisionOutsidePeriod {
        series: String,
        year: FiscalYear,
    },
    /// An as-of year basis with a day its month never has (2月30日現在), or a month-only one
    /// (`day` 0) of no month (13月現在).
    ImpossibleAsOfDay {
        series: String,
        month: u8,
        day: u8,
    },
}

impl ProblemKind {
    pub fn severity(&self) -> Severity {
        use ProblemKind::*;
        match self {
            Population(p) if p.is_error() => Severity::Error,
            Population(_) => Severity::Warning,
            YearOutsidePeriod { .. }
            | BaselineMissing
            | IndicatorUnused
            | UnknownRatingLabel { .. }
            | MunicipalityCodeInvalid { .. }
            | EmptyTitle
            | RelistedOwnInitiative { .. }
            | RatingThresholdsNotDescending
            | UnknownNoteTarget { .. }
            | BadWorkshopDate
            | BadEvaluationDate { .. }
            | BadRoundDate { .. }
            | DuplicateRound { .. }
            | UnknownHearing { .. }
            | UnknownOpinionItem { .. }
            | BadCommentPeriod
            | BaselineYearUnknown { .. }
            | TargetYearUnknown { .. }
            | RelativeTargetWithoutBaseline
            | RevisionDateInvalid { .. }
            | RevisionDateOutsideYear { .. }
            | RevisionOutsidePeriod { .. }
            | ImpossibleAsOfDay { .. } => Severity::Warning,
            _ => Severity::Error,
        }
    }
}

impl Problem {
    pub fn severity(&self) -> Severity {
        self.kind.severity()
    }
}

/// Only the errors (what makes an import refuse a file).
pub fn errors(problems: &[Problem]) -> impl Iterator<Item = &Problem> {
    problems.iter().filter(|p| p.severity() == Severity::Error)
}
