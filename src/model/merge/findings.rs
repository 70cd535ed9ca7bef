//! What a merge finds and says: the two sides, where a value is (an entity, a field of it, the
//! path down to it), the changes each side made, the conflicts left to the user and the values
//! both sides set unseen and the references kept against a removal ([`Concurrent`]). The
//! merge's own modules and its callers share them.

use super::key::Key;
use crate::model::{EvaluationStage, FiscalYear, GoalKind, Id};
use serde_json::Value;

/// Which side: this computer (このパソコン) or the file (ファイル).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Side {
    /// This computer's version (このパソコン).
    Ours,
    /// The file's version (ファイル).
    Theirs,
}

impl Side {
    pub fn other(self) -> Side {
        match self {
            Side::Ours => Side::Theirs,
            Side::Theirs => Side::Ours,
        }
    }
}

/// What kind of thing a change or conflict is about.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Kind {
    Strategy,
    Section,
    /// A section of the town hall (担当課).
    Department,
    NationalGoal,
    ScheduleItem,
    Goal,
    Measure,
    Initiative,
    Indicator,
    Series,
    Workshop,
    Note,
    /// A year's round (照会).
    Round,
    /// One event of a section's answer in a round (提出, 確認, 差し戻し).
    Answer,
    /// A hearing (意見聴取) of a draft.
    Hearing,
    /// An opinion heard, with the town's answer.
    Opinion,
    /// The 地方人口ビジョン (one per strategy).
    Vision,
    /// A scenario of the 地方人口ビジョン.
    Scenario,
}

/// One entity, by kind and id.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Entity {
    pub kind: Kind,
    pub id: Id,
}

/// The key of an entry in a list an entity holds.
#[derive(Clone, Debug, PartialEq)]
pub enum EntryKey {
    /// A fiscal year's row: an actual, an interim target, a budget year.
    Year(FiscalYear),
    /// A measure's evaluation of a fiscal year at one stage (一次, 二次, 外部).
    Evaluation(FiscalYear, EvaluationStage),
    /// A reference: the indicator of a KPI or 数値目標, a related measure, a re-listed initiative.
    Id(Id),
    /// An element of a plain list: an SDG number, an external related measure's number.
    Value(Value),
}

/// What of an entity changed or is in conflict.
#[derive(Clone, Debug, PartialEq)]
pub enum Field {
    /// The entity itself: added or removed.
    Whole,
    /// Where it sits: the goal of a measure, the measure of an initiative.
    Parent,
    /// One of its values, by its name in the file: "title", "target", "municipality.name".
    Value(String),
    /// An entry of one of its lists ("actuals", "interim", "years", "evaluations", "kpis",
    /// "targets", "related", "relisted", "sdgs", "related_external"): the entry as a whole
    /// (`field: None`: added or removed) or one of its values ("value", "budget", "rating" …).
    Entry { list: &'static str, key: EntryKey, field: Option<String> },
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ChangeKind {
    Added,
    Removed,
    Changed,
}

/// One change one side made since the common version.
#[derive(Clone, Debug, PartialEq)]
pub struct Change {
    pub entity: Entity,
    pub field: Field,
    pub kind: ChangeKind,
}

/// One step of where a conflict is, e.g. 基本目標 2 ＞ 施策 2-1 ＞ KPI 「転入者数」.
#[derive(Clone, Debug, PartialEq)]
pub struct Crumb {
    pub entity: Entity,
    /// For a goal: basic (基本目標) or cross-cutting (横断的な目標).
    pub goal_kind: Option<GoalKind>,
    /// The display number or code: "2", "2-1", "5-1"; empty when it has none.
    pub number: String,
    /// Its title, name, label (a series: 男性) or heading.
    pub title: String,
}

/// One side's version of what a conflict is about.
#[derive(Clone, Debug, PartialEq)]
pub enum Version {
    /// Not there: never added, or removed.
    Absent,
    /// There, as in the common version.
    Present,
    /// A value as the file writes it: a number, a text, a flag, or an object such as a target
    /// (`{"kind": "value", "value": 30, "year": 2024}`); a parent is its id.
    Value(Value),
    /// There, with these changes (the side that edited what the other removed).
    Edited(Vec<Change>),
    /// Not known: the common version of the two sides is not at hand (shown 「元の版: 不明」).
    Unknown,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ConflictKind {
    /// Both sides changed one value differently (or both added one year's row with different
    /// values).
    BothChanged,
    /// One side removed what the other edited, added something under, or moved something into.
    RemovedEdited { removed_by: Side },
    /// One side removed what the other newly refers to (a KPI, a 数値目標, a re-listing, a
    /// related measure): keeping the removal drops the new references, never leaves them
    /// dangling.
    Dangling { removed_by: Side },
}

/// A conflict: one decision the user makes.
#[derive(Clone, Debug, PartialEq)]
pub struct Conflict {
    pub kind: ConflictKind,
    /// The entity it is about (for a removal: the topmost one removed).
    pub entity: Entity,
    /// Where it is, from the top down to `entity` itself. An indicator or a series is shown
    /// where it is used first (基本目標 2 ＞ 施策 2-1 ＞ KPI 「転入者数」).
    pub path: Vec<Crumb>,
    pub field: Field,
    pub base: Version,
    pub ours: Version,
    pub theirs: Version,
}

/// What the marks of [`provenance`] tell a merge beyond its base. Values (and parents) both sides
/// set with neither having seen the other's setting: a merge gives each a card, whatever the
/// common version at hand holds of it — one side may have set it back to what that version
/// holds. And references one side kept against the other's removal of them, as they were
/// removed: they go with a removal of what they refer to as they went with the first one.
#[derive(Clone, Debug, Default)]
pub struct Concurrent {
    /// Each value by its item and field name (or [`PARENT`]).
    pub(in crate::model::merge) values: rustc_hash::FxHashSet<(Key, Box<str>)>,
    /// Entries that refer (a related measure, a KPI, …) one side kept by a decision after it
    /// had seen the other's removal of them, unchanged since but for what the remover had seen,
    /// to what the remover has removed since. The base cannot hold them (their owner went with
    /// them, and is kept as the keeper's), so the merge would read them as new references and
    /// the later removal as a card; they are the remover's own, removed by it, and go with it
    /// as they would in one merge of the three versions.
    pub(in crate::model::merge) restored: rustc_hash::FxHashSet<Key>,
}

impl Concurrent {
    /// Whether the marks tell the merge nothing beyond its base.
    pub fn is_empty(&self) -> bool {
        self.values.is_empty() && self.restored.is_empty()
    }

    /// How many values both sides set unseen.
    pub fn len(&self) -> usize {
        self.values.len()
    }

    pub(in crate::model::merge) fn holds(&self, key: &Key, name: &str) -> bool {
        !self.values.is_empty() && self.values.contains(&(key.clone(), Box::from(name)))
    }

    /// Whether `key` is a reference one side kept against the other's removal of it.
    pub(in crate::model::merge) fn restored(&self, key: &Key) -> bool {
        !self.restored.is_empty() && self.restored.contains(key)
    }
}

/// An item's parent, as [`Concurrent`] names it beside its fields (no field is named so).
pub(in crate::model::merge) const PARENT: &str = "\u{1}parent";

/// An item's presence, as [`Concurrent`] names it beside its fields (no field is named so):
/// one side kept it (by a decision on a card) and the other removed it, neither having seen
/// the other's.
pub(in crate::model::merge) const PRESENCE: &str = "";
