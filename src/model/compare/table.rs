//! The 新旧対照表's rows as the comparison gives them (where each change is, its field, the old
//! and new values, its 備考), and the flattened items it compares.

use crate::model::{Baseline, GoalKind, Id, Target, YearBasis};

/// What kind of item a step of a place is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum PlaceKind {
    Strategy,
    Section,
    Goal(GoalKind),
    Measure,
    Initiative,
    Indicator,
}

/// One step of where an item is: 「基本目標 2」「施策 2-1」.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PlaceStep {
    pub kind: PlaceKind,
    pub number: String,
    pub title: String,
}

/// The field a row is about.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ChangedField {
    Title,
    Number,
    Subtitle,
    /// A goal's 基本的方向.
    Direction,
    /// A measure's 概要.
    Summary,
    /// An initiative's 内容.
    Description,
    Heading,
    Body,
    /// An indicator's name.
    Name,
    Unit,
    /// A series' 基準値 (its label, empty for a single series).
    Baseline(String),
    /// A series' 目標値.
    Target(String),
    /// Where the item sits (a move).
    Place,
}

/// A field's value, typed.
#[derive(Clone, Debug, PartialEq)]
pub enum ComparedValue {
    Text(String),
    Baseline { baseline: Baseline, unit: String },
    Target { target: Target, unit: String, basis: YearBasis },
    Place(Vec<PlaceStep>),
}

/// The 備考 of a row (see the module's text).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Note {
    /// 新設: a new item.
    New,
    /// 追加: text put into an empty field of an existing item.
    Added,
    /// 変更: a field changed.
    Changed,
    /// 変更 (移動): an item under another parent.
    Moved,
    /// 削除: an item gone.
    Removed,
    /// 削除: a field's text gone from an item still there.
    Cleared,
}

/// One row of the table.
#[derive(Clone, Debug, PartialEq)]
pub struct OldNewRow {
    /// Where the item is: in the new version, or the old for a removed item.
    pub place: Vec<PlaceStep>,
    pub field: ChangedField,
    /// 改正後; `None` for a removed item or an emptied field.
    pub new: Option<ComparedValue>,
    /// 改正前; `None` for a new item or a filled field.
    pub old: Option<ComparedValue>,
    pub note: Note,
    /// The ids of the row's item and of the items it is under, innermost first (the new
    /// version's; the old's for a removed item): what an opinion about one of them concerns.
    pub items: Vec<Id>,
    /// The opinions behind the change (their numbers, 「3」), when a 修正 linked to a version
    /// between the two compared concerns the row's item (`hearing::reflection::mark`); empty
    /// as `compare` makes it.
    pub opinions: Vec<String>,
}

/// The whole table, in the new version's order (removed items after their old neighbour).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Comparison {
    pub rows: Vec<OldNewRow>,
    /// The two are different periods (matched through 次期へ引き継ぐ).
    pub across_periods: bool,
}

/// Why no table is made.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Refusal {
    /// Not the same strategy, no item in common and nothing carried from one to the other.
    Unrelated,
}

/// An item of a strategy, flattened in document order.
#[derive(Clone, Debug)]
pub(crate) struct FlatItem {
    pub kind: PlaceKind,
    pub id: Id,
    /// The index of its parent node (none for the strategy itself).
    pub parent: Option<usize>,
    pub place: Vec<PlaceStep>,
    pub number: String,
    pub title: String,
    pub fields: Vec<(ChangedField, ComparedValue)>,
    /// The indicators it holds (goals' 数値目標, measures' and initiatives' KPIs); for an
    /// indicator, its predecessor in the previous period.
    pub indicators: Vec<Id>,
}
