//! Applying the user's choices to the plan: every item decided without them, then each
//! conflict's chosen side; what only crossing choices can leave is repaired, and every list is
//! put in its merged order (`order`).

use super::table::{TableItem, TypedTable};
use super::{Op, Plan};
use crate::model::merge::findings::{Kind, Side};
use crate::model::merge::key::Key;
use crate::model::merge::order::order;
use crate::model::merge::shape::KeyBy;
use crate::model::Strategy;
use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};
use std::any::Any;
use std::sync::Arc;

/// An item's children, one list per `shape.lists`.
type Children = HashMap<Key, Vec<Vec<Key>>>;

/// Why the chosen items do not make a strategy.
#[derive(Debug)]
pub(in crate::model::merge) struct Unbuildable(pub String);

/// A version's list `slot` of `parent` (empty when it has no such parent).
fn side_list<'f>(flat: &'f TypedTable, parent: &Key, slot: usize) -> &'f [Key] {
    flat.items.get(parent).and_then(|i| i.children.get(slot)).map_or(&[], Vec::as_slice)
}

/// The fiscal year of a yearly row, from its key.
fn year(key: &Key) -> Option<i64> {
    match key {
        Key::Entry(e) => e.key.split('/').next().and_then(|y| y.parse().ok()),
        _ => None,
    }
}

impl Plan {
    /// The strategy with these choices (one per conflict, in order).
    pub fn apply(&self, choices: &[Side]) -> Result<Strategy, Unbuildable> {
        let mut items = self.decided.clone();
        for (patch, choice) in self.patches.iter().zip(choices) {
            for op in &patch[usize::from(*choice == Side::Theirs)] {
                match op {
                    Op::Put(k, item) => {
                        items.insert(k.clone(), item.clone());
                    }
                    Op::Remove(k) => {
                        items.remove(k);
                    }
                    Op::Field(k, name, from) => {
                        if let Some(item) = items.get_mut(k) {
                            *item = Arc::new(item.copied(&**from, name));
                        }
                    }
                    Op::Parent(k, parent) => {
                        if let Some(item) = items.get_mut(k).map(Arc::make_mut) {
                            item.parent = parent.clone();
                        }
                    }
                }
            }
        }
        self.repair(&mut items)?;
        let children = self.arrange(&items);
        build_strategy(&items, &children).ok_or_else(|| Unbuildable("no strategy".into()))
    }

    /// What only choices that cross each other can leave (an item whose parent one choice
    /// kept and another removed): nothing under what is gone, no reference to what is gone,
    /// no indicator without a series.
    fn repair(&self, items: &mut HashMap<Key, Arc<TableItem>>) -> Result<(), Unbuildable> {
        loop {
            let orphans: Vec<Key> = items
                .iter()
                .filter(|(_, i)| i.parent.as_ref().is_some_and(|p| !items.contains_key(p)))
                .map(|(k, _)| k.clone())
                .collect();
            if orphans.is_empty() {
                break;
            }
            for k in orphans {
                items.remove(&k);
            }
        }
        let gone = |items: &HashMap<Key, Arc<TableItem>>, v: Option<&str>| {
            v.is_some_and(|id| !items.contains_key(&Key::id(id)))
        };
        let dangling: Vec<Key> = items
            .iter()
            .filter(|(_, i)| i.shape.refers() && gone(items, i.node.target("")))
            .map(|(k, _)| k.clone())
            .collect();
        for k in dangling {
            items.remove(&k);
        }
        let cleared: Vec<(Key, &str)> = items
            .iter()
            .flat_map(|(k, i)| {
                i.shape.ref_fields.iter().filter(|f| gone(items, i.node.target(f))).map(|f| (k.clone(), *f))
            })
            .collect();
        for (k, f) in cleared {
            if let Some(item) = items.get_mut(&k) {
                let mut node = item.node.boxed();
                if !node.clear(f) {
                    return Err(Unbuildable(format!("{k:?} cannot be without its {f}")));
                }
                Arc::make_mut(item).node = Arc::from(node);
            }
        }
        let with_series: HashSet<Key> =
            items.values().filter(|i| i.shape.kind == Some(Kind::Series)).filter_map(|i| i.parent.clone()).collect();
        let bare: Vec<Key> = items
            .iter()
            .filter(|(k, i)| i.shape.kind == Some(Kind::Indicator) && !with_series.contains(*k))
            .map(|(k, _)| k.clone())
            .collect();
        for k in bare {
            let Some(flat) = [&self.ours, &self.theirs, &self.base]
                .into_iter()
                .find(|f| f.items.get(&k).is_some_and(|i| i.children.iter().any(|c| !c.is_empty())))
            else {
                continue;
            };
            let mut stack: Vec<Key> = flat.items[&k].children.concat();
            while let Some(c) = stack.pop() {
                let item = Arc::clone(&flat.items[&c]);
                stack.extend(item.children.concat());
                items.entry(c).or_insert(item);
            }
        }
        Ok(())
    }

    /// Every list in its merged order.
    fn arrange(&self, items: &HashMap<Key, Arc<TableItem>>) -> Children {
        let mut lists: HashMap<(Key, usize), Vec<Key>> = HashMap::default();
        for (k, item) in items {
            if let Some(p) = &item.parent {
                lists.entry((p.clone(), item.slot)).or_default().push(k.clone());
            }
        }
        let mut children = Children::default();
        for ((parent, slot), members) in lists {
            let Some(item) = items.get(&parent) else { continue };
            let sides = [&self.base, &self.ours, &self.theirs].map(|f| side_list(f, &parent, slot));
            let mut ordered = order(&members, sides[0], sides[1], sides[2]);
            // Yearly rows kept by year on every side stay so.
            if matches!(item.shape.lists[slot].1.key, KeyBy::Year | KeyBy::YearStage)
                && sides.iter().all(|l| l.is_sorted_by_key(year))
            {
                crate::sorting::by_key(&mut ordered, year);
            }
            children.entry(parent).or_insert_with(|| vec![Vec::new(); item.shape.lists.len()])[slot] = ordered;
        }
        children
    }
}

/// The strategy these items make, each list in the order `children` gives.
pub(in crate::model::merge) fn build_strategy(
    items: &HashMap<Key, Arc<TableItem>>,
    children: &Children,
) -> Option<Strategy> {
    build(items, children, &Key::Root).and_then(|s| s.downcast::<Strategy>().ok()).map(|s| *s)
}

/// The model's value of an item and everything under it, in the order of `children`, as its
/// parent's list holds it.
fn build(items: &HashMap<Key, Arc<TableItem>>, children: &Children, key: &Key) -> Option<Box<dyn Any>> {
    let item = items.get(key)?;
    let lists = children.get(key);
    let built = (0..item.shape.lists.len())
        .map(|i| {
            let list = lists.and_then(|l| l.get(i)).map_or(&[][..], Vec::as_slice);
            list.iter().filter_map(|c| build(items, children, c)).collect()
        })
        .collect();
    Some(item.node.build(built))
}
