//! A strategy's JSON as a flat table of items — the strategy, each entity, each yearly row and
//! each reference — keyed so that the three versions' items can be matched, and back: what the
//! marks of where values were last set (`provenance`) read.

use super::shape::{KeyBy, Shape, STRATEGY};
use crate::model::Strategy;
use rustc_hash::FxHashMap as HashMap;
use serde_json::{Map, Value};
use std::collections::BTreeMap;
use std::sync::Arc;

pub(super) use super::key::Key;

#[derive(Clone, Debug)]
pub(super) struct Item {
    pub shape: &'static Shape,
    pub parent: Option<Key>,
    /// Which of the parent's lists it is in (an index into the parent's `shape.lists`).
    pub slot: usize,
    /// Its values by name ("title", "municipality.name"); an element that is its own key
    /// holds it under `""`.
    pub fields: BTreeMap<String, Value>,
    /// Its children, one list per `shape.lists`, in this version's order.
    pub children: Vec<Vec<Key>>,
}

#[derive(Clone, Debug, Default)]
pub(super) struct Flat {
    pub items: HashMap<Key, Arc<Item>>,
    /// Every key, parents before children, in document order.
    pub order: Vec<Key>,
}

impl Flat {
    pub fn of(s: &Strategy) -> Flat {
        let value = serde_json::to_value(s).expect("a strategy is plain data");
        let mut flat = Flat::default();
        flat.add(&STRATEGY, Key::Root, None, 0, value);
        flat
    }

    fn add(&mut self, shape: &'static Shape, key: Key, parent: Option<Key>, slot: usize, value: Value) {
        let mut fields = BTreeMap::new();
        let mut lists: Vec<Vec<Value>> = vec![Vec::new(); shape.lists.len()];
        match value {
            Value::Object(map) if shape.kind.is_some() || !matches!(shape.key, KeyBy::Ref | KeyBy::Value) => {
                spread(shape, "", map, &mut fields, &mut lists)
            }
            other => {
                fields.insert(String::new(), other);
            }
        }
        self.order.push(key.clone());
        let mut children = vec![Vec::new(); shape.lists.len()];
        let item = Item { shape, parent, slot, fields, children: children.clone() };
        self.items.insert(key.clone(), Arc::new(item));
        for (i, elements) in lists.into_iter().enumerate() {
            let (list, child) = shape.lists[i];
            for element in elements {
                let k = self.unique(child_key(child, &key, list, &element));
                children[i].push(k.clone());
                self.add(child, k, Some(key.clone()), i, element);
            }
        }
        if let Some(item) = self.items.get_mut(&key) {
            Arc::make_mut(item).children = children;
        }
    }

    /// The key, or (in an invalid strategy that repeats an id or a year) the next free one.
    fn unique(&self, key: Key) -> Key {
        key.free_in(|k| self.items.contains_key(k))
    }
}

fn child_key(shape: &Shape, owner: &Key, list: &'static str, element: &Value) -> Key {
    let id = |v: &Value| v.as_str().map_or_else(|| v.to_string(), str::to_owned);
    match shape.key {
        KeyBy::Root => Key::Root,
        KeyBy::Id => Key::id(&element.get("id").map(id).unwrap_or_default()),
        KeyBy::Year(f) | KeyBy::RefField(f) => {
            Key::entry(owner, list, element.get(f).map(Value::to_string).unwrap_or_default())
        }
        // "2023/internal": the year first, so that rows sort by it.
        KeyBy::YearStage(f, stage) => {
            let part = |f: &str| element.get(f).map(Value::to_string).unwrap_or_default();
            Key::entry(owner, list, format!("{}/{}", part(f), part(stage)))
        }
        KeyBy::Ref | KeyBy::Value => Key::entry(owner, list, element.to_string()),
    }
}

/// An object's values into `fields` (objects the shape merges field by field, by dotted
/// name) and its lists into `lists`.
fn spread(
    shape: &Shape,
    prefix: &str,
    map: Map<String, Value>,
    fields: &mut BTreeMap<String, Value>,
    lists: &mut [Vec<Value>],
) {
    for (name, value) in map {
        let path = if prefix.is_empty() { name } else { format!("{prefix}.{name}") };
        match (shape.lists.iter().position(|(p, _)| *p == path), value) {
            (Some(i), Value::Array(elements)) => lists[i] = elements,
            (None, Value::Object(inner)) if shape.objects.contains(&path.as_str()) => {
                spread(shape, &path, inner, fields, lists)
            }
            (_, value) => {
                fields.insert(path, value);
            }
        }
    }
}

/// An item's children, one list per `shape.lists`.
pub(super) type Children = HashMap<Key, Vec<Vec<Key>>>;

/// The JSON of an item and everything under it, in the order of `children`.
pub(super) fn to_value(items: &HashMap<Key, Arc<Item>>, children: &Children, key: &Key) -> Value {
    let Some(item) = items.get(key) else { return Value::Null };
    if item.shape.kind.is_none() && matches!(item.shape.key, KeyBy::Ref | KeyBy::Value) {
        return item.fields.get("").cloned().unwrap_or(Value::Null);
    }
    let mut map = Map::new();
    for object in item.shape.objects {
        set(&mut map, object, Value::Object(Map::new()));
    }
    for (name, value) in &item.fields {
        set(&mut map, name, value.clone());
    }
    let lists = children.get(key);
    for (i, (path, _)) in item.shape.lists.iter().enumerate() {
        let list = lists.and_then(|l| l.get(i)).map_or(&[][..], Vec::as_slice);
        set(&mut map, path, Value::Array(list.iter().map(|c| to_value(items, children, c)).collect()));
    }
    Value::Object(map)
}

/// Sets a value at a dotted path, making the objects on the way.
fn set(map: &mut Map<String, Value>, path: &str, value: Value) {
    match path.split_once('.') {
        Some((head, rest)) => {
            let inner = map.entry(head).or_insert_with(|| Value::Object(Map::new()));
            if let Value::Object(inner) = inner {
                set(inner, rest, value);
            }
        }
        None => {
            map.insert(path.to_owned(), value);
        }
    }
}
