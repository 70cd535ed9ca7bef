//! The merge's view of one model type ([`View`]): its plain fields, by their names in the file,
//! compared, copied and shown one by one; its unknown fields key by key; its lists taken apart
//! and the type built back with new lists. The `view!` macro writes it for a struct, naming each
//! field once (the struct literals it writes name every field, so one left out does not compile).

use crate::model::merge::findings::EntryKey;
use serde_json::{Map, Value};
use std::any::Any;
use std::fmt::Debug;
use std::sync::Arc;

/// One item of a version, typed: an entity, a yearly row or a reference, as the model holds it
/// (its lists are read only when the table is made).
pub(in crate::model::merge) type Viewed = Arc<dyn View>;

/// What the merge needs of a model type. Fields are named as in the file ("title",
/// "municipality.name", an unknown field's own name); a whole-value entry (an SDG, a reference)
/// is its one field `""`.
pub(in crate::model::merge) trait View: Any + Send + Sync + Debug {
    /// Its fields' names: the plain ones, then its unknown fields'.
    fn names(&self) -> Vec<&str>;
    /// Whether `other` (of the same type) has the same value of field `name`.
    fn same(&self, other: &dyn View, name: &str) -> bool;
    /// Whether every plain and unknown field is the same as `other`'s.
    fn same_all(&self, other: &dyn View) -> bool;
    /// Field `name` set to `from`'s (an unknown field removed when `from` has none).
    fn copy(&mut self, from: &dyn View, name: &str);
    /// The id a field refers to (a 担当課, a national goal), or an entry refers to (`""`).
    fn target(&self, name: &str) -> Option<&str>;
    /// A field that refers to something gone cleared; false when the type cannot be without it.
    fn clear(&mut self, name: &str) -> bool;
    /// A counter whose increments add up (a note's votes).
    fn count(&self, _name: &str) -> Option<i64> {
        None
    }
    fn set_count(&mut self, _name: &str, _n: i64) {}
    /// Its plain fields as the file writes them (a field the file leaves out is absent), for what
    /// is shown and for the rare item both sides added.
    fn json(&self) -> Map<String, Value>;
    /// Each of those fields with the hash of its text as the file writes it
    /// ([`super::written::text_hash`]), read from the type itself where it can be.
    fn hash_values(&self, out: &mut dyn FnMut(&str, u64)) {
        for (name, value) in self.json() {
            out(&name, super::written::text_hash(&value));
        }
    }
    /// Its lists' elements, one list per `Shape::lists`.
    fn lists(&self) -> Vec<Vec<Viewed>>;
    /// What tells it from its siblings: an entity's id; an entry's key as the file writes it
    /// ("2024", "2024/\"internal\"", "\"ind-1\"").
    fn key_text(&self) -> String;
    /// An entry's key as data.
    fn entry_key(&self) -> EntryKey;
    /// It with these lists (one per `Shape::lists`), as its parent's list holds it.
    fn build(&self, lists: Vec<Vec<Box<dyn Any>>>) -> Box<dyn Any>;
    fn boxed(&self) -> Box<dyn View>;
    fn as_any(&self) -> &dyn Any;
}

/// A field that refers to another entity by id.
pub(super) trait RefValue {
    fn id(&self) -> Option<&str>;
    /// Cleared; false when it cannot be.
    fn clear(&mut self) -> bool;
}

impl RefValue for Option<crate::model::Id> {
    fn id(&self) -> Option<&str> {
        self.as_ref().map(|i| i.as_str())
    }
    fn clear(&mut self) -> bool {
        *self = None;
        true
    }
}

impl RefValue for crate::model::Id {
    fn id(&self) -> Option<&str> {
        Some(self.as_str())
    }
    fn clear(&mut self) -> bool {
        false
    }
}

/// The elements a list's children built, as the list holds them.
pub(super) fn collect<E: 'static, C: FromIterator<E>>(built: Option<Vec<Box<dyn Any>>>) -> C {
    built.into_iter().flatten().filter_map(|b| b.downcast::<E>().ok().map(|e| *e)).collect()
}

/// `other` as `T` (the merge compares only items of one key, hence of one type).
pub(super) fn same_type<T: 'static>(other: &dyn View) -> Option<&T> {
    other.as_any().downcast_ref::<T>()
}

/// A value as the file writes it.
pub(super) fn json_of<T: serde::Serialize>(value: &T) -> Value {
    serde_json::to_value(value).unwrap_or(Value::Null)
}

/// The text of a value as the file writes it.
pub(super) fn text_of<T: serde::Serialize>(value: &T) -> String {
    serde_json::to_string(value).unwrap_or_default()
}

/// How an entity or entry is told apart: `id` (an entity), `year(field)`, `year_stage(year,
/// stage)`, `refers(field)`.
macro_rules! key_of {
    ($s:ident, id) => {
        $s.id.0.clone()
    };
    ($s:ident, year($f:ident)) => {
        $crate::model::merge::typed::view::text_of(&$s.$f)
    };
    ($s:ident, year_stage($f:ident, $g:ident)) => {
        format!(
            "{}/{}",
            $crate::model::merge::typed::view::text_of(&$s.$f),
            $crate::model::merge::typed::view::text_of(&$s.$g)
        )
    };
    ($s:ident, refers($f:ident)) => {
        $crate::model::merge::typed::view::text_of(&$s.$f)
    };
}

macro_rules! entry_key_of {
    ($s:ident, id) => {
        $crate::model::merge::findings::EntryKey::Value(serde_json::Value::Null)
    };
    ($s:ident, year($f:ident)) => {
        $crate::model::merge::findings::EntryKey::Year($s.$f)
    };
    ($s:ident, year_stage($f:ident, $g:ident)) => {
        $crate::model::merge::findings::EntryKey::Evaluation($s.$f, $s.$g)
    };
    ($s:ident, refers($f:ident)) => {
        $crate::model::merge::findings::EntryKey::Id($s.$f.clone())
    };
}

macro_rules! key_target {
    ($s:ident, refers($f:ident)) => {
        Some($s.$f.as_str())
    };
    ($s:ident, $($other:tt)*) => {
        None
    };
}

/// [`View`] for a struct: `view!(Type [arc] { key: id, plain: [a, b as "b_name"], lists: [xs],
/// refs: [department], sums: [votes], unknown })`. `arc`: its parent's list holds it in an
/// `Arc`. Lists in the order of its `Shape::lists`.
macro_rules! view {
    ($t:ident $($arc:ident)? {
        key: $kind:ident $(($($kf:ident),+))?,
        plain: [$($f:ident $(as $n:literal)?),* $(,)?],
        lists: [$($l:ident),* $(,)?],
        refs: [$($r:ident),* $(,)?],
        sums: [$($c:ident),* $(,)?]
        $(, $unknown:ident)?
    }) => {
        impl $crate::model::merge::typed::view::View for $t {
            fn names(&self) -> Vec<&str> {
                #[allow(unused_mut)]
                let mut names: Vec<&str> = vec![$(view!(@name $f $($n)?)),*];
                $(names.extend(self.$unknown.keys().map(String::as_str));)?
                names
            }
            fn same(&self, other: &dyn $crate::model::merge::typed::view::View, name: &str) -> bool {
                let Some(o) = $crate::model::merge::typed::view::same_type::<$t>(other) else { return false };
                match name {
                    $(view!(@name $f $($n)?) => self.$f == o.$f,)*
                    #[allow(unused_variables)]
                    other => view!(@same_unknown self o other $($unknown)?),
                }
            }
            fn same_all(&self, other: &dyn $crate::model::merge::typed::view::View) -> bool {
                let Some(o) = $crate::model::merge::typed::view::same_type::<$t>(other) else { return false };
                true $(&& self.$f == o.$f)* $(&& self.$unknown == o.$unknown)?
            }
            fn copy(&mut self, from: &dyn $crate::model::merge::typed::view::View, name: &str) {
                let Some(o) = $crate::model::merge::typed::view::same_type::<$t>(from) else { return };
                match name {
                    $(view!(@name $f $($n)?) => self.$f = o.$f.clone(),)*
                    #[allow(unused_variables)]
                    other => view!(@copy_unknown self o other $($unknown)?),
                }
            }
            #[allow(unused_variables)]
            fn target(&self, name: &str) -> Option<&str> {
                match name {
                    "" => key_target!(self, $kind $(($($kf),+))?),
                    $(stringify!($r) => $crate::model::merge::typed::view::RefValue::id(&self.$r),)*
                    _ => None,
                }
            }
            #[allow(unused_variables)]
            fn clear(&mut self, name: &str) -> bool {
                match name {
                    $(stringify!($r) => $crate::model::merge::typed::view::RefValue::clear(&mut self.$r),)*
                    _ => false,
                }
            }
            $(
            fn count(&self, name: &str) -> Option<i64> {
                (name == stringify!($c)).then(|| i64::from(self.$c))
            }
            fn set_count(&mut self, name: &str, n: i64) {
                if name == stringify!($c) {
                    self.$c = n.clamp(0, i64::from(u32::MAX)) as u32;
                }
            }
            )?
            fn json(&self) -> serde_json::Map<String, serde_json::Value> {
                let shallow = $t {
                    $($f: self.$f.clone(),)*
                    $($l: Default::default(),)*
                    $($unknown: self.$unknown.clone(),)?
                };
                match $crate::model::merge::typed::view::json_of(&shallow) {
                    #[allow(unused_mut)]
                    serde_json::Value::Object(mut map) => {
                        $(map.remove(stringify!($l));)*
                        map
                    }
                    _ => serde_json::Map::new(),
                }
            }
            fn hash_values(&self, out: &mut dyn FnMut(&str, u64)) {
                let lists: &[&str] = &[$(stringify!($l)),*];
                let written = $crate::model::merge::typed::written::field_hashes(self, lists, out);
                debug_assert!(written.is_ok(), "{} is written as fields", stringify!($t));
            }
            fn lists(&self) -> Vec<Vec<$crate::model::merge::typed::view::Viewed>> {
                vec![$(view!(@nodes self.$l)),*]
            }
            fn key_text(&self) -> String {
                key_of!(self, $kind $(($($kf),+))?)
            }
            fn entry_key(&self) -> $crate::model::merge::findings::EntryKey {
                entry_key_of!(self, $kind $(($($kf),+))?)
            }
            #[allow(unused_variables, unused_mut)]
            fn build(&self, lists: Vec<Vec<Box<dyn std::any::Any>>>) -> Box<dyn std::any::Any> {
                let mut lists = lists.into_iter();
                let built = $t {
                    $($f: self.$f.clone(),)*
                    $($l: $crate::model::merge::typed::view::collect(lists.next()),)*
                    $($unknown: self.$unknown.clone(),)?
                };
                view!(@wrap built $($arc)?)
            }
            fn boxed(&self) -> Box<dyn $crate::model::merge::typed::view::View> {
                Box::new(self.clone())
            }
            fn as_any(&self) -> &dyn std::any::Any {
                self
            }
        }
    };
    (@same_unknown $s:ident $o:ident $n:ident $u:ident) => { $s.$u.get($n) == $o.$u.get($n) };
    (@same_unknown $s:ident $o:ident $n:ident) => { true };
    (@copy_unknown $s:ident $o:ident $n:ident $u:ident) => {
        match $o.$u.get($n) {
            Some(v) => {
                $s.$u.insert($n.to_owned(), v.clone());
            }
            None => {
                $s.$u.remove($n);
            }
        }
    };
    (@copy_unknown $s:ident $o:ident $n:ident) => { () };
    (@name $f:ident) => { stringify!($f) };
    (@name $f:ident $n:literal) => { $n };
    (@wrap $b:ident arc) => { Box::new(std::sync::Arc::new($b)) };
    (@wrap $b:ident) => { Box::new($b) };
    (@nodes $list:expr) => {
        $list.iter().map(|e| $crate::model::merge::typed::view::node(e)).collect()
    };
}

/// [`View`] for a list element that is one value (an SDG, a reference, an external measure's
/// number, an ask): its one field `""`.
macro_rules! whole_view {
    ($t:ty, $entry:expr, $target:expr) => {
        impl $crate::model::merge::typed::view::View for $t {
            fn names(&self) -> Vec<&str> {
                vec![""]
            }
            fn same(&self, other: &dyn $crate::model::merge::typed::view::View, _: &str) -> bool {
                $crate::model::merge::typed::view::same_type::<$t>(other) == Some(self)
            }
            fn same_all(&self, other: &dyn $crate::model::merge::typed::view::View) -> bool {
                self.same(other, "")
            }
            fn copy(&mut self, from: &dyn $crate::model::merge::typed::view::View, _: &str) {
                if let Some(o) = $crate::model::merge::typed::view::same_type::<$t>(from) {
                    *self = o.clone();
                }
            }
            fn target(&self, name: &str) -> Option<&str> {
                let target: fn(&$t) -> Option<&str> = $target;
                if name.is_empty() {
                    target(self)
                } else {
                    None
                }
            }
            fn clear(&mut self, _: &str) -> bool {
                false
            }
            fn json(&self) -> serde_json::Map<String, serde_json::Value> {
                let mut map = serde_json::Map::new();
                map.insert(String::new(), $crate::model::merge::typed::view::json_of(self));
                map
            }
            fn hash_values(&self, out: &mut dyn FnMut(&str, u64)) {
                out("", $crate::model::merge::typed::written::text_hash(self));
            }
            fn lists(&self) -> Vec<Vec<$crate::model::merge::typed::view::Viewed>> {
                Vec::new()
            }
            fn key_text(&self) -> String {
                $crate::model::merge::typed::view::text_of(self)
            }
            fn entry_key(&self) -> $crate::model::merge::findings::EntryKey {
                let entry: fn(&$t) -> $crate::model::merge::findings::EntryKey = $entry;
                entry(self)
            }
            fn build(&self, _: Vec<Vec<Box<dyn std::any::Any>>>) -> Box<dyn std::any::Any> {
                Box::new(self.clone())
            }
            fn boxed(&self) -> Box<dyn $crate::model::merge::typed::view::View> {
                Box::new(self.clone())
            }
            fn as_any(&self) -> &dyn std::any::Any {
                self
            }
        }
    };
}

pub(super) use {entry_key_of, key_of, key_target, view, whole_view};

/// A list's element as a node: shared when the list holds it in an `Arc`, copied otherwise.
pub(super) fn node<E: AsNode>(element: &E) -> Viewed {
    element.as_node()
}

pub(super) trait AsNode {
    fn as_node(&self) -> Viewed;
}

impl<T: View + Clone> AsNode for Arc<T> {
    fn as_node(&self) -> Viewed {
        Arc::clone(self) as Viewed
    }
}

macro_rules! owned_node {
    ($($t:ty),*) => {$(
        impl AsNode for $t {
            fn as_node(&self) -> Viewed {
                Arc::new(self.clone())
            }
        }
    )*};
}

use crate::model::round::{Analysis, Answer, Ask, Round};
use crate::model::{
    Actual, Department, Evaluation, Hearing, Highlight, Id, InitiativeYear, NarrativeSection, NationalGoal, Opinion,
    Relisting, ScheduleItem, Sdg, Series, WorkshopNote, WorkshopSession, YearValue,
};
owned_node!(
    Actual,
    Department,
    Evaluation,
    Hearing,
    Highlight,
    Id,
    InitiativeYear,
    NarrativeSection,
    NationalGoal,
    Opinion,
    Relisting,
    ScheduleItem,
    Sdg,
    Series,
    WorkshopNote,
    WorkshopSession,
    YearValue,
    Analysis,
    Answer,
    Ask,
    Round,
    String
);
