//! [`View`] for the 地方人口ビジョン: one item under the strategy (the strategy's list
//! "population" holds none or it), keyed "population" as there is one; its plain fields (the
//! base population, the assumptions, the base birth rate, the chosen scenario, the target, the
//! notes) compared one by one, each whole; its scenarios a list of entities matched by id. So two
//! people editing different scenarios or parts merge without a card, and one part changed on
//! both sides is one card. Its `chosen` refers to a scenario, as a measure's 担当課 to a section.

use super::view::{collect, json_of, node, same_type, AsNode, View, Viewed};
use crate::model::merge::findings::EntryKey;
use crate::model::population::{NamedScenario, PopulationVision};
use serde_json::{Map, Value};
use std::any::Any;
use std::sync::Arc;

/// The vision's key: there is one per strategy (never an id: ids are `prefix-hex`).
const KEY: &str = "population";

/// Its plain fields, by their names in the file.
const NAMES: [&str; 6] = ["base", "assumptions", "base_birth_rate", "chosen", "target", "notes"];

impl AsNode for NamedScenario {
    fn as_node(&self) -> Viewed {
        Arc::new(self.clone())
    }
}

/// It without its scenarios.
fn shallow(v: &PopulationVision) -> PopulationVision {
    PopulationVision { scenarios: Vec::new(), ..v.clone() }
}

impl View for PopulationVision {
    fn names(&self) -> Vec<&str> {
        NAMES.iter().copied().chain(self.unknown.keys().map(String::as_str)).collect()
    }

    fn same(&self, other: &dyn View, name: &str) -> bool {
        let Some(o) = same_type::<PopulationVision>(other) else { return false };
        match name {
            "base" => self.base == o.base,
            "assumptions" => self.assumptions == o.assumptions,
            "base_birth_rate" => self.base_birth_rate == o.base_birth_rate,
            "chosen" => self.chosen == o.chosen,
            "target" => self.target == o.target,
            "notes" => self.notes == o.notes,
            other => self.unknown.get(other) == o.unknown.get(other),
        }
    }

    fn same_all(&self, other: &dyn View) -> bool {
        let Some(o) = same_type::<PopulationVision>(other) else { return false };
        NAMES.iter().all(|n| self.same(other, n)) && self.unknown == o.unknown
    }

    fn copy(&mut self, from: &dyn View, name: &str) {
        let Some(o) = same_type::<PopulationVision>(from) else { return };
        match name {
            "base" => self.base = o.base.clone(),
            "assumptions" => self.assumptions = o.assumptions.clone(),
            "base_birth_rate" => self.base_birth_rate = o.base_birth_rate,
            "chosen" => self.chosen = o.chosen.clone(),
            "target" => self.target = o.target,
            "notes" => self.notes = o.notes.clone(),
            other => match o.unknown.get(other) {
                Some(v) => {
                    self.unknown.insert(other.to_owned(), v.clone());
                }
                None => {
                    self.unknown.remove(other);
                }
            },
        }
    }

    fn target(&self, name: &str) -> Option<&str> {
        match name {
            "chosen" => self.chosen.as_ref().map(|id| id.as_str()),
            _ => None,
        }
    }

    fn clear(&mut self, name: &str) -> bool {
        match name {
            "chosen" => {
                self.chosen = None;
                true
            }
            _ => false,
        }
    }

    fn json(&self) -> Map<String, Value> {
        match json_of(&shallow(self)) {
            Value::Object(mut map) => {
                map.remove("scenarios");
                map
            }
            _ => Map::new(),
        }
    }

    fn lists(&self) -> Vec<Vec<Viewed>> {
        vec![self.scenarios.iter().map(node).collect()]
    }

    fn key_text(&self) -> String {
        KEY.to_owned()
    }

    fn entry_key(&self) -> EntryKey {
        EntryKey::Value(Value::Null)
    }

    fn build(&self, lists: Vec<Vec<Box<dyn Any>>>) -> Box<dyn Any> {
        let mut lists = lists.into_iter();
        Box::new(Arc::new(PopulationVision { scenarios: collect(lists.next()), ..shallow(self) }))
    }

    fn boxed(&self) -> Box<dyn View> {
        Box::new(self.clone())
    }

    fn as_any(&self) -> &dyn Any {
        self
    }
}
