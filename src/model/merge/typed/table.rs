//! A strategy as a table of typed items — the strategy, each entity, each yearly row and each
//! reference — keyed so that the three versions' items can be matched (`merge::key`), each
//! holding the model's own value ([`Viewed`]) and its children's keys.

use super::view::{View, Viewed};
use crate::model::merge::findings::{Crumb, Entity, Field, Kind};
use crate::model::merge::key::Key;
use crate::model::merge::shape::{KeyBy, Shape, STRATEGY};
use crate::model::{GoalKind, Id, Strategy};
use rustc_hash::FxHashMap as HashMap;
use serde::Deserialize;
use serde_json::{Map, Value};
use std::sync::Arc;

#[derive(Clone, Debug)]
pub(in crate::model::merge) struct TableItem {
    pub shape: &'static Shape,
    pub parent: Option<Key>,
    /// Which of the parent's lists it is in (an index into the parent's `shape.lists`).
    pub slot: usize,
    /// Its value; its lists are `children`.
    pub node: Viewed,
    /// Its children, one list per `shape.lists`, in this version's order.
    pub children: Vec<Vec<Key>>,
}

impl TableItem {
    /// It with one field set to `from`'s.
    pub fn copied(&self, from: &dyn View, name: &str) -> TableItem {
        let mut node = self.node.boxed();
        node.copy(from, name);
        TableItem { node: Arc::from(node), ..self.clone() }
    }
}

/// Where an entity is referred to from.
#[derive(Clone, Debug)]
pub(in crate::model::merge) enum Ref {
    /// An entry that refers to it (a KPI, a 数値目標, a re-listing, a related measure).
    Entry(Key),
    /// A field of an item (a goal's national goal).
    Field(Key, &'static str),
}

#[derive(Clone, Debug, Default)]
pub(in crate::model::merge) struct TypedTable {
    pub items: HashMap<Key, Arc<TableItem>>,
    /// Every key, parents before children, in document order.
    pub order: Vec<Key>,
    /// What refers to each entity.
    pub refs: HashMap<Key, Vec<Ref>>,
}

impl TypedTable {
    pub fn of(s: &Strategy) -> TypedTable {
        let mut table = TypedTable::default();
        table.add(&STRATEGY, Key::Root, None, 0, Arc::new(s.clone()));
        table
    }

    pub fn has(&self, key: &Key) -> bool {
        self.items.contains_key(key)
    }

    fn add(&mut self, shape: &'static Shape, key: Key, parent: Option<Key>, slot: usize, node: Viewed) {
        if shape.refers() {
            if let Some(target) = node.target("") {
                self.refs.entry(Key::id(target)).or_default().push(Ref::Entry(key.clone()));
            }
        }
        for f in shape.ref_fields {
            if let Some(target) = node.target(f) {
                self.refs.entry(Key::id(target)).or_default().push(Ref::Field(key.clone(), f));
            }
        }
        self.order.push(key.clone());
        let lists = node.lists();
        let mut children = vec![Vec::new(); shape.lists.len()];
        let item = TableItem { shape, parent, slot, node, children: Vec::new() };
        self.items.insert(key.clone(), Arc::new(item));
        for (i, elements) in lists.into_iter().enumerate().take(shape.lists.len()) {
            let (list, child) = shape.lists[i];
            for element in elements {
                let k = match child.key {
                    KeyBy::Root => Key::Root,
                    KeyBy::Id => Key::id(&element.key_text()),
                    _ => Key::entry(&key, list, element.key_text()),
                };
                let k = self.unique(k);
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

    /// The entity an item is or belongs to (an entry's owner), and what of it the item is.
    pub fn place(&self, key: &Key) -> (Entity, Field) {
        match key {
            Key::Entry(e) => {
                let owner = &e.owner;
                let (entity, _) = self.place(owner);
                let item = &self.items[key];
                let list = self.items[owner].shape.lists[item.slot].0;
                (entity, Field::Entry { list, key: item.node.entry_key(), field: None })
            }
            _ => {
                let item = &self.items[key];
                let id = match key {
                    Key::Id(named) => named.id.to_string(),
                    _ => text(&item.node.json(), &["id"]),
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

    fn crumb(&self, key: &Key, item: &TableItem) -> Crumb {
        let (entity, _) = self.place(key);
        let fields = item.node.json();
        let goal_kind = (entity.kind == Kind::Goal)
            .then(|| fields.get("kind").and_then(|k| GoalKind::deserialize(k).ok()).unwrap_or_default());
        Crumb {
            entity,
            goal_kind,
            number: text(&fields, &["number", "code"]),
            title: text(&fields, &["title", "name", "label", "heading", "body", "text"]),
        }
    }
}

fn text(fields: &Map<String, Value>, names: &[&str]) -> String {
    names.iter().find_map(|n| fields.get(*n).and_then(Value::as_str)).unwrap_or_default().to_owned()
}
