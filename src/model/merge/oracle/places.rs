//! Where an item of the flat view (`merge::flat`) is, for the oracle's changes and conflicts:
//! the entity it is or belongs to, its crumbs from the top, an entry's key as data.

use crate::model::merge::flat::{Flat, Item, Key, Ref};
use crate::model::merge::shape::KeyBy;
use crate::model::merge::{Crumb, Entity, EntryKey, Field, Kind};
use crate::model::{EvaluationStage, FiscalYear, GoalKind, Id};
use serde_json::Value;
use std::collections::BTreeMap;

impl Flat {
    pub fn has(&self, key: &Key) -> bool {
        self.items.contains_key(key)
    }

    /// The entity an item is or belongs to (an entry's owner), and what of it the item is.
    pub fn place(&self, key: &Key) -> (Entity, Field) {
        match key {
            Key::Entry(e) => {
                let owner = &e.owner;
                let (entity, _) = self.place(owner);
                let item = &self.items[key];
                let list = self.items[owner].shape.lists[item.slot].0;
                (entity, Field::Entry { list, key: entry_key(item), field: None })
            }
            _ => {
                let item = &self.items[key];
                let id = match key {
                    Key::Id(named) => named.id.to_string(),
                    _ => text(&item.fields, &["id"]),
                };
                (Entity { kind: item.shape.kind.unwrap_or(Kind::Strategy), id: Id(id) }, Field::Whole)
            }
        }
    }

    /// Where an item is, from the top down to its entity; an indicator (and its series) where
    /// it is used first.
    pub fn path(&self, key: &Key) -> Vec<Crumb> {
        let mut crumbs = Vec::new();
        let mut at = match key {
            Key::Entry(e) => Some(e.owner.clone()),
            _ => Some(key.clone()),
        };
        while let Some(k) = at.filter(|k| *k != Key::Root) {
            let Some(item) = self.items.get(&k) else { break };
            crumbs.push(self.crumb(&k, item));
            at = item.parent.clone();
        }
        crumbs.reverse();
        let used_at = crumbs.first().filter(|c| c.entity.kind == Kind::Indicator).and_then(|c| {
            let refs = self.refs.get(&Key::id(c.entity.id.as_str()))?;
            refs.iter().find_map(|r| match r {
                Ref::Entry(Key::Entry(e)) => Some(self.path(&e.owner)),
                _ => None,
            })
        });
        match used_at {
            Some(mut path) => {
                path.extend(crumbs);
                path
            }
            None => crumbs,
        }
    }

    fn crumb(&self, key: &Key, item: &Item) -> Crumb {
        let (entity, _) = self.place(key);
        let goal_kind = (entity.kind == Kind::Goal)
            .then(|| item.fields.get("kind").and_then(|k| GoalKind::deserialize(k).ok()).unwrap_or_default());
        Crumb {
            entity,
            goal_kind,
            number: text(&item.fields, &["number", "code"]),
            title: text(&item.fields, &["title", "name", "label", "heading", "body", "text"]),
        }
    }
}

use serde::Deserialize;

fn text(fields: &BTreeMap<String, Value>, names: &[&str]) -> String {
    names.iter().find_map(|n| fields.get(*n).and_then(Value::as_str)).unwrap_or_default().to_owned()
}

/// An entry's key as data.
fn entry_key(item: &Item) -> EntryKey {
    let value = item.shape.key_field().and_then(|f| item.fields.get(f)).cloned().unwrap_or(Value::Null);
    match (&item.shape.key, &value) {
        (KeyBy::Year(_), Value::Number(n)) if n.as_i64().is_some() => {
            EntryKey::Year(FiscalYear(n.as_i64().unwrap_or_default() as i32))
        }
        (KeyBy::YearStage(_, stage), Value::Number(n)) if n.as_i64().is_some() => {
            let year = FiscalYear(n.as_i64().unwrap_or_default() as i32);
            let stage = item.fields.get(*stage).and_then(|v| EvaluationStage::deserialize(v).ok()).unwrap_or_default();
            EntryKey::Evaluation(year, stage)
        }
        (KeyBy::Ref | KeyBy::RefField(_), Value::String(id)) => EntryKey::Id(Id(id.clone())),
        _ => EntryKey::Value(value),
    }
}
