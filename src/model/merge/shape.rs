//! The shape of a strategy's JSON as the merge sees it: which lists hold entities (matched by
//! id), which hold yearly rows or references (matched by their key), which objects merge field
//! by field. Every other value — a text, a number, a target, a period — is one value.

use super::findings::Kind;

pub(super) struct Shape {
    /// The entity's kind; `None` for an entry of a list (a year's row, a reference).
    pub kind: Option<Kind>,
    pub key: KeyBy,
    /// Lists of children, by their path in the object ("national_framework.goals"), in
    /// document order.
    pub lists: &'static [(&'static str, &'static Shape)],
    /// Counters whose increments on both sides add up (a note's votes).
    pub sums: &'static [&'static str],
    /// Fields that hold the id of another entity (a goal's national goal).
    pub ref_fields: &'static [&'static str],
}

/// How an item is told apart from its siblings (and matched across the three versions).
pub(super) enum KeyBy {
    /// The strategy: there is one.
    Root,
    /// An entity: its `id`, wherever it sits.
    Id,
    /// A yearly row: its fiscal year field, within its owner's list.
    Year,
    /// A yearly row of one stage (an evaluation: 一次, 二次, 外部): its fiscal year field and its
    /// stage field, within its owner's list.
    YearStage,
    /// A row keyed by the entity it refers to (a re-listing's `initiative`).
    RefField,
    /// A reference: the id itself (a KPI, a 数値目標, a related measure).
    Ref,
    /// A plain value: the value itself (an SDG, an external related measure's number).
    Value,
}

impl std::fmt::Debug for Shape {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Shape({:?})", self.kind)
    }
}

impl Shape {
    /// Whether its key is the id of an entity it refers to.
    pub fn refers(&self) -> bool {
        matches!(self.key, KeyBy::Ref | KeyBy::RefField)
    }
}

const fn entity(kind: Kind, lists: &'static [(&'static str, &'static Shape)]) -> Shape {
    Shape { kind: Some(kind), key: KeyBy::Id, lists, sums: &[], ref_fields: &[] }
}

const fn entry(key: KeyBy) -> Shape {
    Shape { kind: None, key, lists: &[], sums: &[], ref_fields: &[] }
}

// The fields each entry is keyed by are named in its type's view (`typed::views`).
static YEAR: Shape = entry(KeyBy::Year);
static FISCAL_YEAR: Shape = entry(KeyBy::Year);
static EVALUATION: Shape = entry(KeyBy::YearStage);
static REF: Shape = entry(KeyBy::Ref);
static VALUE: Shape = entry(KeyBy::Value);
static RELISTING: Shape = entry(KeyBy::RefField);
static HIGHLIGHT: Shape = entry(KeyBy::RefField);

static SECTION: Shape = entity(Kind::Section, &[]);
static DEPARTMENT: Shape = entity(Kind::Department, &[]);
static NATIONAL_GOAL: Shape = entity(Kind::NationalGoal, &[]);
static SCHEDULE_ITEM: Shape = entity(Kind::ScheduleItem, &[]);
static SERIES: Shape = entity(Kind::Series, &[("interim", &YEAR), ("actuals", &YEAR)]);
static INDICATOR: Shape =
    Shape { ref_fields: &["department"], ..entity(Kind::Indicator, &[("series", &SERIES), ("analyses", &YEAR)]) };
static INITIATIVE: Shape =
    Shape { ref_fields: &["department"], ..entity(Kind::Initiative, &[("kpis", &REF), ("years", &FISCAL_YEAR)]) };
static MEASURE: Shape = Shape {
    ref_fields: &["department"],
    ..entity(
        Kind::Measure,
        &[
            ("sdgs", &VALUE),
            ("related", &REF),
            ("related_external", &VALUE),
            ("kpis", &REF),
            ("initiatives", &INITIATIVE),
            ("relisted", &RELISTING),
            ("evaluations", &EVALUATION),
        ],
    )
};
static GOAL: Shape = Shape {
    ref_fields: &["national_goal"],
    ..entity(Kind::Goal, &[("sdgs", &VALUE), ("targets", &REF), ("measures", &MEASURE)])
};
static NOTE: Shape = Shape { sums: &["votes"], ..entity(Kind::Note, &[]) };
static WORKSHOP: Shape = entity(Kind::Workshop, &[("notes", &NOTE)]);
/// A round's answers are events, each an entity of its own: two members' events are both kept.
static ANSWER: Shape = Shape { ref_fields: &["department"], ..entity(Kind::Answer, &[]) };
static ROUND: Shape = entity(Kind::Round, &[("asks", &VALUE), ("answers", &ANSWER)]);
static HEARING: Shape = entity(Kind::Hearing, &[]);
/// An opinion's `hearing` is one value, not a `ref_fields` entry: the merge clears a field
/// that refers to a removed entity, and an opinion cannot be without its hearing. One added to a
/// hearing the other side removed is kept, and validation points at it.
static OPINION: Shape = entity(Kind::Opinion, &[]);

/// A scenario of the 地方人口ビジョン, matched by id: two sides' scenarios are both kept.
static SCENARIO: Shape = entity(Kind::Scenario, &[]);
/// The 地方人口ビジョン: its parts field by field, its scenarios by id; `chosen` names one.
static VISION: Shape = Shape { ref_fields: &["chosen"], ..entity(Kind::Vision, &[("scenarios", &SCENARIO)]) };

pub(super) static STRATEGY: Shape = Shape {
    key: KeyBy::Root,
    ..entity(
        Kind::Strategy,
        &[
            ("sections", &SECTION),
            ("departments", &DEPARTMENT),
            ("national_framework.goals", &NATIONAL_GOAL),
            ("schedule", &SCHEDULE_ITEM),
            ("goals", &GOAL),
            ("indicators", &INDICATOR),
            ("workshops", &WORKSHOP),
            ("rounds", &ROUND),
            ("hearings", &HEARING),
            ("opinions", &OPINION),
            ("publication.hidden", &REF),
            ("publication.highlights", &HIGHLIGHT),
            ("population", &VISION),
        ],
    )
};
