//! The domain model of a regional-revitalisation strategy (地方版総合戦略) and its rules:
//! types, validation, achievement maths, fiscal years, templates.
//!
//! Architecture invariant: pure Rust. Nothing here knows about the browser, Leptos, storage,
//! charts or the file format; everything is tested natively with `cargo test`.

mod achievement;
mod carry;
pub mod colour;
pub mod compare;
mod department;
pub mod draft_gaps;
pub mod edit;
pub mod evaluation_sheet;
mod fiscal_year;
pub mod frames;
mod goal;
mod grant;
pub mod hearing;
mod id;
mod ids;
mod indicator;
mod initiative;
mod measure;
pub mod merge;
mod number;
mod place;
pub mod population;
mod progress;
pub mod publication;
mod rating;
pub mod realign;
pub mod region;
pub mod round;
mod schedule;
mod sdg;
mod strategy;
mod target_revision;
pub mod template;
mod timestamp;
mod unknown;
mod validation;
mod verdict;
mod version_id;
mod width;
mod workshop;

pub use achievement::{assess, assess_in, Assessment, Context, Status};
pub use carry::{following, next_title, proposed_baseline, NextPeriod, PastSeries, PeriodChange, Predecessor};
pub use department::{initiative_owner, measure_owner, Department, Owner, Role};
pub use edit::Direction;
pub use fiscal_year::{normalise as half_width, Era, FiscalYear, FiscalYearError, MAX_YEAR, MIN_YEAR};
pub use goal::{Goal, GoalKind};
pub use grant::{
    grant_achievement, grant_actual, DigitalType, Grant, GrantEffect, GrantKpiRow, GrantPolicy, GrantProgramme,
    GrantProject, GrantReview, GrantTarget,
};
pub use hearing::{Hearing, HearingBody, Opinion, OpinionAbout, Response};
pub use id::{is_safe_id, Id, MAX_ID_LEN};
pub(crate) use ids::renew_ids;
pub use indicator::{
    Actual, Baseline, BoundSide, DesiredDirection, Indicator, IndicatorKind, RelativeChange, Series, Target, YearBasis,
    YearValue,
};
pub use initiative::{Initiative, InitiativeKind, InitiativeYear, Money, Partner, ProjectDirection};
pub use measure::{Evaluation, EvaluationStage, Measure, Relisting, YearTotals};
pub use number::{parse_money, parse_number, NumberError};
pub use place::{items_on_path, PathItem, PathItemKind};
pub use progress::{combined, IndicatorProgress, StatusMix, STATUSES};
pub use publication::{public_copy, Highlight, Publication};
pub use rating::{RatingPreset, RatingRule, RatingTier};
pub use schedule::{MonthPart, ScheduleItem, ScheduleWhen};
pub use sdg::Sdg;
pub use strategy::{
    Counts, DraftingStage, Municipality, NarrativeSection, NationalFramework, NationalGoal, PlanPeriod, Strategy, Uses,
};
pub use target_revision::{is_revision_date, RevisionWay, TargetRevision};
pub use timestamp::Timestamp;
pub use unknown::UnknownFields;
pub use validation::{
    errors, is_municipality_code, validate, validate_entity, Problem, ProblemKind, Severity, Structure,
};
pub use verdict::{Agreement, Computed, Figures, Verdict, VerdictDifference, ACHIEVED, NOT_ACHIEVED};
pub use version_id::{NotVersionId, VersionId};
pub use width::{narrow, narrowed};
pub use workshop::{NoteTarget, TargetPath, WorkshopNote, WorkshopSession};
